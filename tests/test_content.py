"""The transcription is faithful: every paragraph of every plan stands in its source text."""

from __future__ import annotations

import re

import pytest

from macros.index import plan_texts
from macros.loader import load
from tests.conftest import DATA

DATASET = load(DATA)


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


@pytest.mark.parametrize("plan_id", sorted(DATASET.plans))
def test_every_paragraph_stands_in_the_source(plan_id):
    plan = DATASET.plans[plan_id]
    source = _source(DATASET.sources[plan.source])
    for loc, para in _paragraphs(plan):
        text = _norm(para)
        # A footnote printed at a page break can cut a sentence in the PDF: then head and tail must match.
        assert text in source or (text[:80] in source and text[-80:] in source), (loc, text[:100])


@pytest.mark.parametrize("plan_id", sorted(DATASET.plans))
def test_recipients_and_signer_stand_in_the_source(plan_id):
    plan = DATASET.plans[plan_id]
    source = _source(DATASET.sources[plan.source])
    for line in plan.recipients:
        assert _norm(line) in source
    if plan.signer and plan.signer.name:
        assert _norm(plan.signer.name) in source


def test_every_document_is_cited_or_related():
    from macros.index import SiteIndex

    index = SiteIndex(DATASET)
    based = {d for c in DATASET.campaigns.values() for d in c.bases}
    for doc_id in DATASET.documents:
        assert doc_id in index.cited_by or doc_id in index.links_in or doc_id in index.links_out or doc_id in based


def test_every_task_lists_what_it_cites_or_is_flagged():
    from macros.index import SiteIndex
    from macros.lint import lint

    index = SiteIndex(DATASET)
    flagged = {(w.file, w.line) for w in lint(DATASET, index) if w.code == "task-without-citation"}
    for plan in DATASET.plans.values():
        for i, task in enumerate(plan.tasks):
            assert index.cites(plan.id, task.id) or DATASET.where(plan.id, "tasks", i) in flagged
