"""What the source of a plan actually shows, so its page draws only that.

A plan page used to draw a full official header (issuer, number, national motto, place and
date) with "…" where the source had none, numbered aims 1, 2, 3 under sub-headings the source
did not have, and called a request ("Đề nghị Ban Dân vận Tỉnh ủy …") an assignment. These
functions read the source text (data/sources/) and say what is there, as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..data import model
from .sourcetext import SourceText, norm

_TITLE = re.compile(r"^kế hoạch$")
_SEPARATOR = re.compile(r"^[-_=.]{3,}$")
_NUMBER = re.compile(r"^số\s*:", re.IGNORECASE)
_PLACE_DATE = re.compile(r",\s*ngày\b", re.IGNORECASE)
_MOTTO = ("cộng hòa xã hội chủ nghĩa việt nam", "cộng hoà xã hội chủ nghĩa việt nam", "độc lập - tự do - hạnh phúc")
MARKER = re.compile(r"(\d+(?:\.\d+)*[.)]|[a-zđ][.)]|[-+•])")
HEADER_PARTS = {
    "issuer": "tên cơ quan ban hành", "number": "số ký hiệu", "motto": "quốc hiệu và tiêu ngữ",
    "place_date": "địa danh và ngày tháng",
}
# Words a source uses for each reporting period: a period the text does not name was inferred by the site.
PERIOD_WORDS = {
    "thang": ("tháng",), "quy": ("quý",), "6-thang": ("6 tháng", "06 tháng", "sáu tháng"),
    "9-thang": ("9 tháng", "09 tháng"), "nam": ("năm",), "5-nam": ("5 năm", "05 năm", "năm năm"),
    "dinh-ky": ("định kỳ",), "dot-xuat": ("đột xuất", "khi có yêu cầu"),
}
FREQUENCY = re.compile(r"^(hằng|hàng|định kỳ|thường xuyên)", re.IGNORECASE)


@dataclass(frozen=True)
class Header:
    """The lines above 'KẾ HOẠCH' in the source, by part, as written."""

    issuer: tuple[str, ...] = ()
    number: str | None = None
    motto: tuple[str, ...] = ()
    place_date: str | None = None
    lacks: tuple[str, ...] = field(default=())

    @property
    def empty(self) -> bool:
        return not (self.issuer or self.number or self.motto or self.place_date)


def header(source: str) -> Header:
    """Sort the source's opening lines into issuer, number, motto and place/date."""
    issuer, motto, number, place_date = [], [], None, None
    for raw in source.splitlines():
        line = re.sub(r"[*#]", "", raw).strip()
        if not line or _SEPARATOR.match(line):
            continue
        if _TITLE.match(norm(line)):
            break
        if _NUMBER.match(line):
            number = line
        elif any(m in norm(line) for m in _MOTTO):
            motto.append(line)
        elif _PLACE_DATE.search(line):
            place_date = line
        else:
            issuer.append(line)
    found = {"issuer": issuer, "number": number, "motto": motto, "place_date": place_date}
    lacks = tuple(label for key, label in HEADER_PARTS.items() if not found[key])
    return Header(tuple(issuer), number, tuple(motto), place_date, lacks)


class PlanSource:
    """One plan read against its source text: markers, headings and requests as the source writes them."""

    def __init__(self, plan: model.Plan, text: SourceText | None, raw: str) -> None:
        self.plan = plan
        self.text = text
        self.raw = raw
        self.header = header(raw)

    def marker(self, value: str) -> str | None:
        """The list marker the source puts before this text on its line ('1.', 'a)', '-'), or None."""
        if self.text is None:
            return None
        at = self.text.find(value)
        if at is None:
            return None
        prefix = self.text.text[self.text.line_start(at):at].strip()
        return prefix if MARKER.fullmatch(prefix) else None

    def same_line(self, first: str, second: str) -> bool:
        """Whether two values start on one source line (one item the data split in two)."""
        if self.text is None:
            return False
        a, b = self.text.find(first), self.text.find(second)
        return a is not None and b is not None and self.text.line_of(a) == self.text.line_of(b)

    def has_heading(self, name: str) -> str | None:
        """A sub-heading such as '1. Mục đích' on a line of its own, as the source writes it, or None."""
        for raw in self.raw.splitlines():
            line = re.sub(r"[*#]", "", raw).strip()
            if re.fullmatch(rf"(?:\d+\.\s*)?{name}:?", norm(line)):
                return line
        return None

    def is_request(self, job: model.Assignment) -> bool:
        """'Đề nghị Ban Dân vận Tỉnh ủy' in the source: asked to help, not assigned."""
        if self.text is None:
            return False
        return self.text.find(f"đề nghị {job.unit_text}") is not None


def period_stated(report: model.Report) -> bool:
    """Whether the report's own words name its period (else the site inferred it)."""
    text = norm(report.text)
    return any(word in text for word in PERIOD_WORDS[report.period])


def is_frequency(value: str | None) -> bool:
    """'hằng năm', 'hằng tháng': how often, not by when."""
    return bool(value) and bool(FREQUENCY.match(value.strip()))


def plan_source(index, plan_id: str) -> PlanSource:
    plan = index.data.plans[plan_id]
    return PlanSource(plan, index.provenance.texts.get(plan.source), index.data.sources.get(plan.source, ""))
