"""Plans as they really arrive: copied from portal pages and PDFs, hard-wrapped, header blocks stacked.

The five real sources are the texts: wrapped at any width a copy of them reads as the same record,
and a portal copy of the Lào Cai plan (stacked header with a two-line motto and rule lines, wrapped
title, a part heading cut after its comma, wrapped paragraphs, the signature block beside the
recipients) reads as the record of its clean text.
"""

from __future__ import annotations

import re
import tempfile
import textwrap
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.importer import import_plan
from macros.importer.paragraphs import split
from tests.conftest import DATA

SOURCES = sorted(p.name for p in (DATA / "sources").iterdir())


def hard_wrap(text: str, width: int) -> str:
    """What a narrow page, a mail program or a PDF copy does: every line cut at `width` (at spaces)."""
    out: list[str] = []
    for line in text.splitlines():
        out += textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) if line.strip() else [line]
    return "\n".join(out) + "\n"


@lru_cache(maxsize=None)
def unwrapped(name: str) -> str:
    """The source as one paragraph per line. Four sources are; the Lai Châu department plan is a PDF copy
    cut at every printed line, so its paragraphs (as the import reads them, checked against the hand-made
    record in test_import.py) are written one per line, blank lines between, footnotes in Markdown."""
    text = (DATA / "sources" / name).read_text(encoding="utf-8")
    lines = text.splitlines()
    paras = split(lines)
    if not paras.footnotes and len(paras.body) > 0.5 * len([ln for ln in lines if ln.strip()]):
        return text
    notes = [f"[^{n}]: {p.text}" for n, p in paras.footnotes]
    return "\n\n".join([*(p.text for p in paras.body), *notes]) + "\n"


def imported(text: str) -> tuple[dict, list[dict], list[str]]:
    """(the record without its kept-file name and review notes, the new organisations, the review notes
    as lines of the imported text) of `text` imported without writing."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ban-sao.txt"
        path.write_text(text, encoding="utf-8")
        outcome = import_plan(path, DATA, dry_run=True)
    plan = dict(outcome.draft.plan)
    del plan["source"]
    review = plan.pop("review", [])
    lines = text.splitlines()
    noted = [lines[r["line"] - 1] for r in review if r["field"] == "paragraphs"]
    return plan, outcome.draft.organisations, noted


@lru_cache(maxsize=None)
def clean_record(name: str):
    return imported(unwrapped(name))


def paragraph_starts(value) -> set[str]:
    """The first three words of every paragraph after the first in each text field of a record."""
    if isinstance(value, dict):
        return {s for v in value.values() for s in paragraph_starts(v)}
    if isinstance(value, list):
        return {s for v in value for s in paragraph_starts(v)}
    if isinstance(value, str):
        return {" ".join(p.split()[:3]) for p in value.split("\n\n")[1:] if p.strip()}
    return set()


def one_paragraph(value):
    if isinstance(value, dict):
        return {k: one_paragraph(v) for k, v in value.items()}
    if isinstance(value, list):
        return [one_paragraph(v) for v in value]
    return value.replace("\n\n", " ") if isinstance(value, str) else value


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(SOURCES), width=st.integers(50, 120))
def test_a_source_hard_wrapped_at_any_width_is_the_same_record(name, width):
    """Where the copy keeps a blank line between paragraphs (a web page, the three Markdown-like sources,
    the PDF copy) the record is the same to the letter. The Lào Cai source has no blank lines: where a
    sentence ends at the end of a full line nothing tells a new paragraph from a new sentence, so the
    import keeps them together and names the line in `review:`; nothing else may differ."""
    plan, organisations, _ = clean_record(name)
    wrapped_plan, wrapped_orgs, noted = imported(hard_wrap(unwrapped(name), width))
    assert wrapped_orgs == organisations
    if wrapped_plan == plan:
        return
    assert one_paragraph(wrapped_plan) == one_paragraph(plan)
    lines = unwrapped(name).splitlines()
    assert sum(not line.strip() for line in lines) < 0.1 * len(lines), "blank lines between paragraphs: every break is known"
    lost = paragraph_starts(plan) - paragraph_starts(wrapped_plan)
    assert lost and paragraph_starts(wrapped_plan) <= paragraph_starts(plan)
    noted_starts = {" ".join(line.split()[:3]) for line in noted}
    assert lost <= noted_starts, (lost - noted_starts, width)


# --- a portal copy of the Lào Cai plan --------------------------------------------------------------

PORTAL_HEAD = """\
ỦY BAN NHÂN DÂN
TỈNH LÀO CAI
--------
CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do -
Hạnh phúc
---------------
Số: 13/KH-UBND
Lào Cai, ngày 17 tháng 01
năm 2022

KẾ HOẠCH
THỰC HIỆN CÔNG TÁC DÂN VẬN CHÍNH QUYỀN
GIAI ĐOẠN 2022 - 2026
-----------
"""


def portal_copy(clean: str) -> str:
    """The clean text as a provincial portal shows it: the header stacked as above, paragraphs wrapped at
    72 with a blank line after each, the first part heading cut after its comma, the recipients in the
    left column of the foot table copied as `|` columns (this source has no signature block to put
    on the right), and a page mark between pages."""
    lines = clean.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("Thực hiện Chỉ thị"))
    foot = next(i for i, line in enumerate(lines) if line.strip().startswith("Nơi nhận"))
    body: list[str] = []
    for number, line in enumerate(lines[start:foot]):
        if line.strip() == "I. MỤC ĐÍCH, YÊU CẦU":
            body += ["I. MỤC ĐÍCH,", "YÊU CẦU", ""]
        elif line.strip():
            body += [*textwrap.wrap(line.strip(), 72, break_on_hyphens=False), ""]
        if number == 30:
            body += ["Trang 1/4", ""]
    recipients = [line.strip() for line in lines[foot:] if line.strip()]
    rows = [f"| {line} | |" for line in recipients]
    return PORTAL_HEAD + "\n" + "\n".join(body) + "\n" + "\n".join(["| | |", "|---|---|", *rows]) + "\n"


def test_a_portal_copy_reads_as_its_clean_text():
    clean = (DATA / "sources" / "002_1409461a94ad2694.txt").read_text(encoding="utf-8")
    copy = portal_copy(clean)
    assert "CHỦ NGHĨA VIỆT NAM\nĐộc lập" in copy and "I. MỤC ĐÍCH,\nYÊU CẦU" in copy  # the fixture is what it says
    plan, organisations, _ = imported(copy)
    clean_plan, clean_orgs, _ = imported(clean)
    assert organisations == clean_orgs == []
    assert plan["issuer"] == "ubnd-lao-cai" and plan["title"] == clean_plan["title"]
    assert plan == clean_plan
