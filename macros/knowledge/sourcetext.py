"""A source plan's text as provenance searches it, and the forms a source writes a value in.

`SourceText` holds a plan's text normalised once (`norm`: one spelling of dashes, no quotes or
Markdown marks, one space, case folded) with each line's start, so a value found in it names its
line; `date_forms` and `org_names` list how a source may write a date or an organisation's name.
macros/knowledge/provenance.py searches with them; macros/knowledge/faithful.py checks the data against them.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache

from ..data import model

_DROP = re.compile(r'[“”„"*#_`\\]+')  # quotes and Markdown marks: sources differ in them, words do not
_SAME = (("–", "-"), ("—", "-"), ("‐", "-"), ("‑", "-"), ("‘", "'"), ("’", "'"))
_FOOTNOTE = re.compile(r"\[\^\d+\]")
NEEDLE = 160  # characters of a value searched for: long enough that two titles sharing an opening differ


@lru_cache(maxsize=1 << 14)  # names and numbers are searched again for every record that cites them
def norm(text: str) -> str:
    """The form searched in: one spelling of dashes, no quotes or Markdown marks, one space, case folded."""
    text = _fold(_FOOTNOTE.sub("", unicodedata.normalize("NFC", text)))
    return " ".join(text.split()).casefold()


def _fold(text: str) -> str:
    """One spelling of dashes and apostrophes, no quotes or Markdown marks (C-speed str methods)."""
    for old, new in _SAME:
        if old in text:
            text = text.replace(old, new)
    return _DROP.sub("", text)


class SourceText:
    """A source plan's text, normalised for search (lines joined by one space), with each line's start."""

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        parts: list[str] = []
        self.starts: list[int] = []  # offset in `text` where each kept line begins
        self.numbers: list[int] = []  # its 1-based line number in the file
        at = 0
        for number, raw in enumerate(_fold(unicodedata.normalize("NFC", text)).casefold().splitlines(), 1):
            line = " ".join(raw.split())  # str.split: much faster than a whitespace regex here
            if line:
                self.starts.append(at)
                self.numbers.append(number)
                parts.append(line)
                at += len(line) + 1
        self.text = " ".join(parts)

    def find(self, value: str, start: int = 0, end: int | None = None) -> int | None:
        """Offset of the value (its first NEEDLE characters) in the text, or None."""
        needle = norm(value)[:NEEDLE].strip()
        if not needle:
            return None
        at = self.text.find(needle, start, end if end is None else end + len(needle))
        return at if at >= 0 else None

    def line_of(self, offset: int) -> int:
        return self.numbers[bisect_right(self.starts, offset) - 1]

    def line_start(self, offset: int) -> int:
        """Offset where the line holding `offset` begins."""
        return self.starts[bisect_right(self.starts, offset) - 1]


def date_forms(value: model.PartialDate) -> list[str]:
    """How a source may write a date: 20/4/2007, 20/04/2007, ngày 20 tháng 4 năm 2007 ('tháng 4 năm 2025')."""
    y = str(value.year)
    if value.month is None:
        return [f"năm {y}"]
    m = f"{value.month:02d}"
    if value.day is None:
        return [f"tháng {m} năm {y}", f"tháng {int(m)} năm {y}", f"{m}/{y}", f"{int(m)}/{y}"]
    d = f"{value.day:02d}"
    forms = [f"{dd}/{mm}/{y}" for dd in {d, str(int(d))} for mm in {m, str(int(m))}]
    return forms + [f"ngày {dd} tháng {mm} năm {y}" for dd in {d, str(int(d))} for mm in {m, str(int(m))}]


def org_names(org: model.Organisation | None) -> list[str]:
    """The ways a source may name an organisation: full name, short name, aliases, name without the province."""
    if org is None:
        return []
    names = [org.name, *([org.short_name] if org.short_name else []), *org.aliases]
    if org.province:
        names += [re.sub(rf"\s+(tỉnh\s+)?{re.escape(org.province)}$", "", n) for n in list(names)]
    return list(dict.fromkeys(n for n in names if n))
