"""A source text's lines and the footnotes a PDF prints at the foot of its pages.

Both the importer (macros/importer/paragraphs.py) and the transcription rule (macros/data/verbatim.py)
read a PDF's text with these footnotes set aside; this module sits below both, so the check that
loading runs needs nothing of the importer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PAGE_NUMBER = re.compile(r"^\d{1,3}$")
FOOTNOTE_START = re.compile(r"^(\d{1,2})\s+(\S.*)$")


@dataclass(frozen=True)
class Para:
    """One paragraph and the line of the source it starts on (1-based)."""

    text: str
    line: int


def drop_footnotes(lines: list[str]) -> tuple[list[tuple[int, str]], list[tuple[int, Para]]]:
    """Footnotes printed at the foot of a PDF page (after a long blank rule line) taken out of the text.

    The footnote zone ends where the next page starts: a line that begins with a space.
    """
    kept: list[tuple[int, str]] = []
    notes: list[tuple[int, Para]] = []
    in_zone, zone_first = False, 0
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            if len(raw) >= 20:
                in_zone, zone_first = True, len(notes)
            else:
                kept.append((number, raw))
            continue
        if in_zone and raw[0].isspace():
            in_zone = False
        if not in_zone:
            kept.append((number, raw))
            continue
        text = unmark(raw)
        if PAGE_NUMBER.match(text):
            continue  # a page number printed among the notes
        start = FOOTNOTE_START.match(text)
        if start and int(start.group(1)) == (notes[-1][0] + 1 if notes else 1):
            notes.append((int(start.group(1)), Para(start.group(2), number)))
        elif len(notes) > zone_first:  # a note goes on only within its own page's zone
            last_n, last = notes[-1]
            glue = "" if re.search(r"\S-$", last.text) else " "
            notes[-1] = (last_n, Para(last.text + glue + text, last.line))
        else:
            kept.append((number, raw))
    return kept, notes


def unmark(text: str) -> str:
    """Markdown emphasis and heading marks off; what is left is the words of the source."""
    text = text.strip()
    text = re.sub(r"^#{1,6}\s+", "", text)
    text = text.replace("**", "")
    if len(text) > 2 and text.startswith("*") and text.endswith("*"):
        text = text[1:-1]
    return re.sub(r"\s+", " ", text).strip()
