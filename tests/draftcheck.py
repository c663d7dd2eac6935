"""Checks shared by the draft tests: carried text against its source, blanks in a .docx, recipients."""

from __future__ import annotations

import re

from macros.data.verbatim import body_norm, norm, source_norm
from tests.docxread import open_docx

BLANK = re.compile(r"\[[^\]]*\]")


def carried_paras(draft) -> list:
    """Paragraphs the draft says it carries word for word (and duties quoted verbatim)."""
    return [p for p in draft.body if p.style in ("carried", "duty") and p.quote]


def stands_in(text: str, source: str) -> bool:
    """The text stands in the source as written: every word, year and number, in order. A footnote
    mark the source prints glued to a word ('hành động1.') may stand between two words. The draft's
    own item number ('1. ') before a carried paragraph is layout, not carried text."""
    text = re.sub(r"^\d+\.\s+", "", text)
    pattern = "".join(re.escape(c) + (r"\d{0,2}" if c.isalpha() else "") for c in norm(text))
    return any(re.search(pattern, s) for s in (source_norm(source), body_norm(source)))


def blanks(blob: bytes) -> tuple[list[str], list[str]]:
    """(highlighted places to fill, bracketed text left unhighlighted) outside the hint paragraphs."""
    doc = open_docx(blob)
    paras = [p for p in doc.paragraphs if p.style.name != "Gợi ý"]
    paras += [p for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    runs = [r for p in paras for r in p.runs]
    marked = [r.text for r in runs if r.font.highlight_color is not None]
    unmarked = [m for r in runs if r.font.highlight_color is None for m in BLANK.findall(r.text)]
    return marked, unmarked


def unit_recipients_ok(draft, org) -> bool:
    """No recipient is the unit itself and none is said twice."""
    keys = [re.sub(r"\s*\([^)]*\)\s*$", "", r).strip() for r in draft.recipients]
    own = {org.name, re.sub(r" tỉnh .*$", "", org.name)}
    return not (own & set(keys)) and len(keys) == len(set(keys))
