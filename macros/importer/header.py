"""The head of a plan: issuer lines, "Số:", place and date, title, the opening "Thực hiện …".

Drafts often leave the number and day blank ("Số: /KH-UBND", "ngày tháng năm 2025"): those are
kept as written (number '/KH-UBND', date '2025'), never completed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .layout import is_motto
from .paragraphs import Para

NUMBER = re.compile(r"^Số\s*:?\s*(\S.*)$", re.IGNORECASE)
PLACE_DATE = re.compile(r"^(?P<place>[^,]{2,60}),\s*ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*(?P<y>\d{4})",
                        re.IGNORECASE)
SUBJECT = re.compile(r"(?:^|[,;:]\s*)([^\W\d_][^,;:]{3,120}?)\s+(?:xây dựng|ban hành)\s+[Kk]ế hoạch")
PERIOD = re.compile(r"(?:giai đoạn|thời kỳ)\s*(\d{4})\s*[-–]\s*(\d{4})|năm\s+(\d{4})", re.IGNORECASE)


@dataclass
class Head:
    number: str | None = None
    number_line: int | None = None
    place: str | None = None
    date: str | None = None
    date_line: int | None = None
    issuer_lines: list[Para] = field(default_factory=list)


def read_head(header: list[Para]) -> Head:
    head = Head()
    for para in _rejoin(header):
        text = para.text.strip()
        number = NUMBER.match(text)
        when = PLACE_DATE.match(text)
        if number:
            head.number = re.sub(r"\s+", "", number.group(1))
            head.number_line = para.line
        elif when:
            head.place = when.group("place").strip()
            head.date = _iso(when)
            head.date_line = para.line
        elif not is_motto(text) and text.upper() == text and re.search(r"[A-ZĐ]", text):
            head.issuer_lines.append(para)
    return head


def _rejoin(header: list[Para]) -> list[Para]:
    """'Số:' with its number on the next line, 'Lào Cai, ngày 17 tháng 01' with 'năm 2022' under it:
    one paragraph again (a narrow column of a web page or a PDF cuts them)."""
    joined: list[Para] = []
    for para in header:
        last = joined[-1].text if joined else ""
        cut_number = re.fullmatch(r"Số\s*:?", last, re.IGNORECASE)
        cut_date = re.search(r",\s*ngày\b", last, re.IGNORECASE) and not PLACE_DATE.match(last)
        if (cut_number or cut_date) and not is_motto(para.text):
            joined[-1] = Para(f"{last} {para.text}", joined[-1].line)
        else:
            joined.append(para)
    return joined


def _iso(match: re.Match) -> str:
    year, month, day = match.group("y"), match.group("m"), match.group("d")
    if month and day:
        return f"{year}-{int(month):02d}-{int(day):02d}"
    return f"{year}-{int(month):02d}" if month else year


def issuer_from_lines(lines: list[Para]) -> tuple[str | None, str | None]:
    """(issuer, parent) as printed: ['ỦY BAN NHÂN DÂN', 'TỈNH LÀO CAI'] is one body,
    ['UBND TỈNH LÀO CAI', 'SỞ NỘI VỤ'] a department under its parent."""
    texts = [p.text.strip() for p in lines]
    if not texts:
        return None, None
    if len(texts) >= 2 and re.match(r"^(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\b", texts[-1]):
        return " ".join(texts[-2:]), " ".join(texts[:-2]) or None
    return texts[-1], " ".join(texts[:-1]) or None


def issuer_from_opening(opening: list[Para]) -> Para | None:
    """'…, Sở Nông nghiệp và Môi trường xây dựng kế hoạch …' → the subject of that clause."""
    for para in opening:
        match = SUBJECT.search(para.text)
        if match and match.group(1)[0].isupper():
            return Para(match.group(1).strip(), para.line)
    return None


def period(title: str) -> tuple[int, int] | None:
    """Years the plan covers: 'giai đoạn 2022 - 2026' or 'năm 2025' in its title."""
    match = PERIOD.search(title)
    if match and match.group(1):
        return int(match.group(1)), int(match.group(2))
    if match:
        return int(match.group(3)), int(match.group(3))
    return None


def proper_case(upper: str, full_text: str) -> str:
    """An issuer printed in capitals, written as the body text writes it when it does."""
    words = re.escape(upper.strip()).replace(r"\ ", r"\s+")
    for found in re.finditer(words, full_text, re.IGNORECASE):
        if found.group(0) != found.group(0).upper():
            return re.sub(r"\s+", " ", found.group(0))
    text = upper.strip().lower().capitalize()
    return re.sub(r"\b(tỉnh|thành phố|huyện|xã)\s+(.+)$", lambda m: f"{m.group(1)} {m.group(2).title()}", text)

