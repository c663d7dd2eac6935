"""Text carried from a source plan into a year-ahead draft: verbatim, with notes where time moved on.

A carried paragraph keeps every year, number and name as the source writes it (only footnote
marks and line breaks go). Where it names a year that has passed by the draft's year, or the
old plan's own year, a note beside it says so: the official decides, the draft never rewrites.
"""

from __future__ import annotations

import re

from ..data import model
from ..data.validate import FOOTNOTE_REF
from .draftdoc import Para, Quote

YEAR_PHRASE = re.compile(r"(?:đến năm|năm|giai đoạn|nhiệm kỳ|kế hoạch 5 năm)\s+(\d{4})(?:\s*[-–]\s*(\d{4}))?",
                         re.IGNORECASE)
CITED_NUMBER = re.compile(r"\d+[/-][A-ZĐ]")  # a document number: '64-KH/UBND', '33/CT-TTg'
TITLE_PERIOD = re.compile(r"(năm|giai đoạn)\s+\d{4}(\s*[-–]\s*\d{4})?\s*$", re.IGNORECASE)


def clean(text: str) -> str:
    """One line, footnote marks out: how a carried paragraph is printed."""
    return " ".join(FOOTNOTE_REF.sub("", text).split())


def pieces(text: str) -> list[str]:
    """A source field's paragraphs and '- ' items, each as printed (blank-line and item breaks kept)."""
    out = []
    for block in re.split(r"\n\s*\n", text.strip()):
        for item in re.split(r"\n(?=- )", block):
            item = clean(re.sub(r"^- ", "", item.strip()))
            if item:
                out.append(item)
    return out


def carried(text: str, plan: model.Plan, anchor: str | None, source: str) -> Para:
    """A paragraph taken word for word from `plan` (the 'carried' style), credited to its section."""
    return Para("carried", text, Quote(text, plan.id, anchor, source))


def own_years(text: str) -> list[tuple[int, int]]:
    """(first, last) of each 'năm 2025', 'đến năm 2025', 'giai đoạn 2021-2025' the text states as its
    own time, leaving out years inside the title of a document it cites ('Kế hoạch số 8/KH-UBND … về … năm 2025')."""
    out = []
    for match in YEAR_PHRASE.finditer(text):
        clause = re.split(r"[.;:]", text[: match.start()])[-1]
        cited = list(CITED_NUMBER.finditer(clause))
        if cited and re.search(r"\bvề\b|\bthực hiện\b", clause[cited[-1].end():]):
            continue
        if re.search(r"\bLuật\b[^,;.]*$", clause) and match.group(0).lower().startswith("năm"):
            continue  # 'Luật Thực hiện dân chủ ở cơ sở năm 2022': the year is part of the law's name
        first = int(match.group(1))
        out.append((first, int(match.group(2) or first)))
    return out


def year_note(text: str, year: int, what: str = "Đoạn này") -> Para | None:
    """A visible note when carried text names a time that has passed by `year` ('chỉ tiêu đến năm 2025 —
    đặt lại cho năm 2027'); None when it names none."""
    passed = sorted({last for _, last in own_years(text) if last < year})
    if not passed:
        return None
    said = ", ".join(str(y) for y in passed)
    return Para("hint", f"{what} ghi thời hạn năm {said}, đã qua — đặt lại cho năm {year} (câu chữ trên giữ "
                        "nguyên như nguồn).")


def retitle(title: str, year: int) -> str:
    """The draft's own title: the source title with its closing period set to the draft's year
    ('… năm 2025' → '… năm 2027'); a title without one gets ' năm 2027'."""
    text = " ".join(title.split())
    text = text[:1] + text[1:].lower() if text.isupper() else text
    if TITLE_PERIOD.search(text):
        return TITLE_PERIOD.sub(f"năm {year}", text)
    return f"{text} năm {year}"
