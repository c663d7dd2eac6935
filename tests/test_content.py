"""The transcription is faithful: every paragraph of every plan stands in its source text."""

from __future__ import annotations

import re

import pytest

from macros.data.lint import lint
from macros.data.loader import load
from macros.data.prose import plan_texts
from macros.knowledge.index import SiteIndex
from tests.conftest import DATA

# Plan files by name: collecting the tests reads no data, so a data error fails a test, not the collection.
PLANS = sorted(p.stem for p in (DATA / "plans").glob("*.yaml"))


@pytest.fixture(scope="module")
def dataset():
    return load(DATA)


def _norm(text: str) -> str:
    text = re.sub(r"[*#_]", "", text).replace("“", '"').replace("”", '"')
    text = re.sub(r"\s*-\s*", "-", text)
    text = re.sub(r"\s+([.,;:])", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def _source(text: str) -> str:
    """The PDF text without page-number lines and with words split at line ends joined."""
    lines = [ln for ln in text.splitlines() if not re.fullmatch(r"\s*\d{1,2}\s*", ln)]
    return _norm("\n".join(lines))


def _paragraphs(plan):
    for piece in plan_texts(plan):
        for para in re.split(r"\n\s*\n", piece.text):
            yield piece.loc, re.sub(r"\[\^(\d+)\]", r"\1", re.sub(r"^- ", "", para.strip()))


@pytest.mark.parametrize("plan_id", PLANS)
def test_every_paragraph_stands_in_the_source(dataset, plan_id):
    plan = dataset.plans[plan_id]
    source = _source(dataset.sources[plan.source])
    for loc, para in _paragraphs(plan):
        text = _norm(para)
        # A footnote printed at a page break can cut a sentence in the PDF: then head and tail must match.
        assert text in source or (text[:80] in source and text[-80:] in source), (loc, text[:100])


@pytest.mark.parametrize("plan_id", PLANS)
def test_recipients_and_signer_stand_in_the_source(dataset, plan_id):
    plan = dataset.plans[plan_id]
    source = _source(dataset.sources[plan.source])
    for line in plan.recipients:
        assert _norm(line) in source
    if plan.signer and plan.signer.name:
        assert _norm(plan.signer.name) in source


def test_every_document_is_cited_or_related(dataset):
    index = SiteIndex(dataset)
    based = {d for c in dataset.campaigns.values() for d in c.bases}
    for doc_id in dataset.documents:
        assert doc_id in index.citations.cited_by or doc_id in index.links.incoming or doc_id in index.links.outgoing or doc_id in based


def test_a_task_cites_what_its_source_names_and_one_that_names_nothing_is_flagged(dataset):
    """Kế hoạch 13/KH-UBND (Lào Cai): task 1 quotes "Chỉ thị số 33/CT-TTg"; task 5 (đồng bào dân tộc
    thiểu số) names no document, so the quality page flags it at its line."""
    index = SiteIndex(dataset)
    assert "ct-33-2021-ttg" in index.citations.cites("kh-13-2022-ubnd-lao-cai", "nv-1")
    assert not index.citations.cites("kh-13-2022-ubnd-lao-cai", "nv-5")
    lines = (DATA / "plans" / "kh-13-2022-ubnd-lao-cai.yaml").read_text(encoding="utf-8").splitlines()
    line = lines.index("  - id: nv-5") + 1
    flagged = [str(w) for w in lint(dataset, index) if w.code == "task-without-citation"]
    assert any(w.startswith(f"data/plans/kh-13-2022-ubnd-lao-cai.yaml:{line}: tasks[4]:") and "nhiệm vụ 5" in w
               for w in flagged), flagged
