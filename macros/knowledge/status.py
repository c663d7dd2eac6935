"""Which texts are in force on a given day, computed from stated facts, never typed in.

A status is derived from effective dates, relations between records (replaces, amends,
implements) and the periods of plans and programmes, at a date stated in the data
(`data/validity.yaml`: `as_of`), so two builds of the same data agree to the byte. What
the data does not state stays unknown, and `missing` says what would settle it.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from ..text.format import LABELS as TYPE_LABELS
from ..text.format import date_vi, day
from .records import Records


# Documents that run for a period (plans, programmes, schemes): their period ends their effect.
PERIOD_TYPES = {"ke-hoach", "chuong-trinh", "de-an"}
_SPAN = re.compile(r"giai đoạn\s+(\d{4})\s*[-–—]\s*(\d{4})", re.IGNORECASE)
_HORIZON = re.compile(r"(tầm nhìn|định hướng)\s+đến\s+năm\s+\d{4}", re.IGNORECASE)
_UNTIL = re.compile(r"\bđến\s+năm\s+(\d{4})", re.IGNORECASE)
_YEAR = re.compile(r"\bnăm\s+(\d{4})\b", re.IGNORECASE)

LABELS = {
    "in-force": "Còn hiệu lực",
    "ceased": "Hết hiệu lực",
    "amended": "Còn hiệu lực, đã được sửa đổi, bổ sung",
    "period-ended": "Đã hết thời hạn thực hiện",
    "unknown": "Chưa xác định",
}


@dataclass(frozen=True)
class Status:
    """Hiệu lực: where a text stands on a day, why, and what is not known.

    `state` is one of STATES (macros/data/opendata.py); `since` the day that state began (None when
    unknown); `by` the records that replaced or amended it; `basis` one Vietnamese sentence saying why.
    """

    state: str
    since: _dt.date | None
    by: tuple[str, ...]
    basis: str
    missing: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """Short Vietnamese label: 'Hết hiệu lực từ 01/07/2023'."""
        head = LABELS[self.state]
        if self.since and self.state == "ceased":
            return f"{head} từ {day(self.since)}"
        if self.since and self.state == "period-ended":
            return f"{head} (kỳ kết thúc {day(self.since - _dt.timedelta(days=1))})"
        return head

    @property
    def current(self) -> bool:
        """Citable as a basis today: in force, possibly amended."""
        return self.state in {"in-force", "amended"}

    @property
    def filter_value(self) -> str:
        """The list filters' value (documents index, hierarchy): con, het or chua-ro."""
        return "con" if self.current else ("chua-ro" if self.state == "unknown" else "het")


def full_date(value: str | None) -> _dt.date | None:
    """A full ISO day; partial dates ('2022', '2022-11') give None: a change of effect needs the day."""
    return _dt.date.fromisoformat(value) if value and len(value) == 10 else None


def last_day(value: str | None) -> _dt.date | None:
    """The latest day a possibly partial date can mean: '2024' → 31/12/2024, '2024-02' → 29/02/2024."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return _dt.date(*parts)
    if len(parts) == 1:
        return _dt.date(parts[0], 12, 31)
    following = _dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
    return following - _dt.timedelta(days=1)


def title_period(title: str | None) -> tuple[int | None, int] | None:
    """The period a plan or programme states in its title: 'giai đoạn 2021 - 2025', '… năm 2025',
    '… đến năm 2025' (start not stated: None).

    A 'tầm nhìn/định hướng đến năm 2030' is a horizon, not a period, and never counts."""
    if not title:
        return None
    span = _SPAN.search(title)
    if span:
        return int(span.group(1)), int(span.group(2))
    title = _HORIZON.sub("", title)
    until = _UNTIL.search(title)
    if until:
        return None, int(until.group(1))
    year = _YEAR.search(title)
    return (int(year.group(1)),) * 2 if year else None


class Validity:
    """Statuses of one build's records and organisations over time (owned by `SiteIndex`)."""

    def __init__(self, index: Records) -> None:
        self.index = index
        self.data = index.data
        validity = self.data.validity
        self.as_of = _dt.date.fromisoformat(validity.as_of) if validity else None

    # --- records -----------------------------------------------------------------------

    def groups(self, records) -> list[tuple[str, list]]:
        """Records grouped by their state at as_of: citable ones first, those no longer in force last."""
        order = ("in-force", "amended", "unknown", "period-ended", "ceased")
        table: dict[str, list] = {state: [] for state in order}
        for record in records:
            table[self.index.status(record.id).state].append(record)
        return [(state, items) for state, items in table.items() if items]

    def name(self, record_id: str) -> str:
        """Plain name for sentences: 'Luật 10/2022/QH15', 'Kế hoạch 13/KH-UBND – Ủy ban nhân dân tỉnh Lào Cai'."""
        record = self.index.record(record_id)
        if record_id in self.data.documents:
            head = TYPE_LABELS[record.type]
            return f"{head} {record.number}" if record.number else (record.title or head)
        if record_id in self.data.plans:
            issuer = self.index.org_name(record.issuer) or ""
            return f"Kế hoạch {record.number or '(chưa số)'} – {issuer}".strip(" –")
        return getattr(record, "name", record_id)

    def status(self, record_id: str, on: _dt.date | None = None) -> Status:
        on = on or self.as_of
        if on is None:
            return Status("unknown", None, (), "Dữ liệu chưa nêu ngày đối chiếu (data/validity.yaml: as_of).",
                          ("ngày đối chiếu",))
        if record_id in self.data.documents:
            return self._document(record_id, on)
        if record_id in self.data.plans:
            return self._plan(record_id, on)
        return Status("unknown", None, (), "Không xét hiệu lực cho loại bản ghi này.", ("không áp dụng",))

    def period(self, record_id: str) -> tuple[tuple[int | None, int], str] | None:
        """(start, end) of a plan or programme and where it is stated; a plan-like document without
        its own period takes the period of what it implements."""
        if record_id in self.data.plans:
            p = self.data.plans[record_id].period
            return (p.start, p.end), "thời kỳ của kế hoạch"
        doc = self.data.documents.get(record_id)
        if doc is None or doc.type not in PERIOD_TYPES:
            return None
        own = title_period(doc.title)
        if own:
            return own, "trích yếu"
        for link in self.index.links_out.get(record_id, []):
            upper = self.period(link.target) if link.type == "implements" and link.target != record_id else None
            if upper:
                return upper[0], f"kỳ của {self.name(link.target)} mà văn bản triển khai"
        return None

    def _document(self, doc_id: str, on: _dt.date) -> Status:
        doc = self.data.documents[doc_id]
        issued = full_date(doc.date)
        if issued and issued > on:
            return Status("unknown", None, (), f"Ban hành ngày {day(issued)}, sau ngày đối chiếu.", ())
        ended = self._replaced(doc_id, on)
        if ended:
            return ended
        period = self._period_status(doc_id, on)
        if period and period.state == "period-ended":
            return period
        effective = full_date(doc.effective)
        if effective and effective > on:
            return Status("unknown", None, (), f"Có hiệu lực từ {day(effective)}, sau ngày đối chiếu.", ())
        amended = self._amended(doc_id, on)
        if amended:
            return amended
        if effective:
            return Status("in-force", effective, (), f"Có hiệu lực từ {day(effective)}; dữ liệu không có văn bản "
                          "nào thay thế hoặc làm nó hết hiệu lực.", ())
        if period:
            return period
        return Status("unknown", None, (), "Nguồn không nêu ngày có hiệu lực, và dữ liệu không có văn bản nào "
                      "thay thế hay sửa đổi văn bản này.", ("ngày có hiệu lực", "văn bản thay thế (nếu có)"))

    def _replaced(self, doc_id: str, on: _dt.date) -> Status | None:
        """Ceased: a record in the data replaces it and has taken effect (or was issued) by `on`."""
        found = [(self._start(link.source), link.source) for link in self.index.links_in.get(doc_id, [])
                 if link.type == "replaces" and self._started(link.source, on)]
        if not found:
            return None
        dates = [d for d, _ in found if d]
        by = tuple(sorted({s for _, s in found}))
        names = ", ".join(self.name(s) for s in by)
        if len(dates) == len(found):
            since = min(dates)
            return Status("ceased", since, by, f"Hết hiệu lực từ {day(since)}, khi {names} có hiệu lực "
                          "(văn bản thay thế).", ())
        return Status("ceased", None, by, f"Bị thay thế bởi {names}; dữ liệu chưa có ngày có hiệu lực "
                      "của văn bản thay thế.", ("ngày có hiệu lực của văn bản thay thế",))

    def _amended(self, doc_id: str, on: _dt.date) -> Status | None:
        found = [(self._start(link.source), link.source) for link in self.index.links_in.get(doc_id, [])
                 if link.type == "amends" and self._started(link.source, on)]
        if not found:
            return None
        by = tuple(sorted({s for _, s in found}))
        names = ", ".join(self.name(s) for s in by)
        dates = [d for d, _ in found if d]
        effective = full_date(self.data.documents[doc_id].effective)
        missing = () if effective else ("ngày có hiệu lực",)
        if len(dates) < len(found):
            missing += ("ngày có hiệu lực của văn bản sửa đổi",)
        since = max(dates) if dates else None
        when = f" từ {day(since)}" if since else ""
        return Status("amended", since, by, f"Được sửa đổi, bổ sung bởi {names}{when}; dữ liệu không có văn bản "
                      "nào thay thế nó.", missing)

    def _start(self, record_id: str) -> _dt.date | None:
        """When a record took effect: its effective date, else (plans) its date of issue."""
        record = self.index.record(record_id)
        return full_date(getattr(record, "effective", None)) or (
            full_date(record.date) if record_id in self.data.plans else None)

    def _started(self, record_id: str, on: _dt.date) -> bool:
        """Whether a replacing/amending record had taken effect by `on` (issued by then, when the
        day of effect is unknown)."""
        start = self._start(record_id)
        if start:
            return start <= on
        last = last_day(self.index.record(record_id).date)
        return last is not None and last <= on


    def _period_status(self, record_id: str, on: _dt.date) -> Status | None:
        found = self.period(record_id)
        if found is None:
            return None
        (start, end), where = found
        span = f"đến năm {end}" if start is None else f"{start}" if start == end else f"{start}–{end}"
        if end < on.year:
            return Status("period-ended", _dt.date(end + 1, 1, 1), (), f"Thời kỳ thực hiện {span} ({where}) đã "
                          f"kết thúc ngày 31/12/{end}.", ())
        if start is not None and start > on.year:
            return Status("unknown", None, (), f"Thời kỳ thực hiện {span} ({where}) chưa bắt đầu.", ())
        since = _dt.date(start, 1, 1) if start is not None else None
        return Status("in-force", since, (), f"Đang trong thời kỳ thực hiện {span} ({where}).",
                      () if since else ("năm bắt đầu thực hiện",))

    def _plan(self, plan_id: str, on: _dt.date) -> Status:
        plan = self.data.plans[plan_id]
        issued = full_date(plan.date)
        if issued and issued > on:
            return Status("unknown", None, (), f"Ban hành ngày {day(issued)}, sau ngày đối chiếu.", ())
        return self._replaced(plan_id, on) or self._period_status(plan_id, on)

    # --- organisations -------------------------------------------------------------------

    def org_active(self, org_id: str, on: _dt.date | None = None) -> bool:
        """Whether the unit still existed on `on` (as_of by default); units with no recorded end do."""
        on = on or self.as_of
        org = self.data.organisations[org_id]
        if org.ended is None or on is None:
            return True
        return on < _dt.date.fromisoformat(org.ended.date)

    def org_successor(self, org_id: str) -> str | None:
        """The unit that took over, followed through later changes to the last one in the data."""
        seen = {org_id}
        current = self.data.organisations[org_id].ended
        successor = None
        while current and current.successor and current.successor not in seen:
            successor = current.successor
            seen.add(successor)
            nxt = self.data.organisations.get(successor)
            current = nxt.ended if nxt else None
        return successor

    def org_end_text(self, org_id: str) -> str | None:
        """'Sáp nhập từ 01/07/2025 vào …' for pages, or None while the unit exists."""
        org = self.data.organisations[org_id]
        end = org.ended
        if end is None:
            return None
        successor = self.index.org_name(end.successor) or end.successor_name
        after = f", kế thừa: {successor}" if successor else ""
        return f"{CHANGE_LABELS[end.change]} từ {date_vi(end.date)}{after} (theo {end.source.label})"


    def level_end(self, level: str, on: _dt.date | None = None):
        """The stated end of a level of local government (data/validity.yaml `levels_ended`) if it
        had ended by `on` (as_of by default), else None: a level with no stated end exists."""
        on = on or self.as_of
        ends = self.data.validity.levels_ended if self.data.validity else []
        end = next((e for e in ends if e.level == level), None)
        if end is None or on is None or on < _dt.date.fromisoformat(end.date):
            return None
        return end

    @staticmethod
    def level_end_text(end) -> str:
        """'kết thúc hoạt động từ 01/07/2025 (theo Luật …, Điều 51, khoản 3)'."""
        return f"kết thúc hoạt động từ {date_vi(end.date)} (theo {end.source.label})"


CHANGE_LABELS = {
    "sap-nhap": "Sáp nhập", "hop-nhat": "Hợp nhất", "doi-ten": "Đổi tên", "giai-the": "Giải thể",
    "ket-thuc-hoat-dong": "Kết thúc hoạt động",
}


@dataclass(frozen=True)
class Event:
    """One line of a document's timeline: ban hành, hiệu lực, sửa đổi, thay thế, hết hiệu lực."""

    when: str | None  # ISO, possibly partial; None when the data has no date
    kind: str  # key of EVENT_LABELS
    other: str | None = None  # the record that amends/replaces, or is amended/replaced


EVENT_LABELS = {
    "issued": "Ban hành", "effective": "Có hiệu lực", "amended-by": "Được sửa đổi, bổ sung bởi",
    "amends": "Sửa đổi, bổ sung", "replaces": "Thay thế", "replaced-by": "Bị thay thế bởi",
    "ceased": "Hết hiệu lực", "period-end": "Hết thời hạn thực hiện",
}


def timeline(validity: Validity, doc_id: str) -> list[Event]:
    """What happened to a document, in order of date (undated events last), from stated facts only."""
    index, doc = validity.index, validity.data.documents[doc_id]
    events = [Event(doc.date, "issued"), Event(doc.effective, "effective")]
    for link in index.links_out.get(doc_id, []):
        if link.type in {"amends", "replaces"}:
            events.append(Event(doc.effective or doc.date, link.type, link.target))
    for link in index.links_in.get(doc_id, []):
        start = validity._start(link.source)
        when = start.isoformat() if start else None
        if link.type == "amends":
            events.append(Event(when, "amended-by", link.source))
        elif link.type == "replaces":
            events += [Event(when, "replaced-by", link.source), Event(when, "ceased", link.source)]
    found = validity.period(doc_id)
    if found:
        events.append(Event(f"{found[0][1]}-12-31", "period-end"))
    order = list(EVENT_LABELS)
    return sorted(events, key=lambda e: (e.when is None, e.when or "", order.index(e.kind)))
