"""Which texts are in force on a given day, computed from stated facts, never typed in.

A status is derived from effective dates, relations between records (replaces, amends,
implements), the changes of `data/validity.yaml` read in public texts (each with its article,
quote and address), the periods of plans and programmes, and the recent plans that apply a text,
at a date stated in the data (`as_of`), so two builds of the same data agree to the byte. What
the data does not state stays unknown, and `missing` says what would settle it. The words a
status is shown in live in macros/knowledge/statusword.py; organisations over time in orgtime.py.
"""

from __future__ import annotations

import datetime as _dt

from ..text.format import LABELS as TYPE_LABELS
from ..text.format import date_vi, day
from .evidence import PERIOD_TYPES, applied, changes_of, full_date, last_day, read, runs_for_a_period, title_period
from .orgtime import OrgTimeline
from .citing import Citations
from .links import Links
from .records import Records
from .statusword import LABELS, Evidence, Status

__all__ = ["LABELS", "PERIOD_TYPES", "Status", "Validity", "last_day", "title_period"]


class Validity:
    """Statuses of one build's records at as_of or another day, each computed once (a service of `SiteIndex`)."""

    def __init__(self, records: Records, links: Links, citations: Citations, orgs: OrgTimeline) -> None:
        self.records = records
        self.links = links
        self.citations = citations
        self.orgs = orgs
        self.data = records.data
        self.as_of = orgs.as_of
        self._statuses: dict[tuple, Status] = {}

    # --- records -----------------------------------------------------------------------

    def name(self, record_id: str) -> str:
        """Plain name for sentences: 'Luật 10/2022/QH15', 'Kế hoạch 13/KH-UBND – Ủy ban nhân dân tỉnh Lào Cai'."""
        record = self.records.record(record_id)
        if record_id in self.data.documents:
            head = TYPE_LABELS[record.type]
            return f"{head} {record.number}" if record.number else (record.title or head)
        if record_id in self.data.plans:
            issuer = self.records.org_name(record.issuer) or ""
            return f"Kế hoạch {record.number or '(chưa số)'} – {issuer}".strip(" –")
        return getattr(record, "name", record_id)

    def status(self, record_id: str, on: _dt.date | None = None) -> Status:
        """Hiệu lực of a document or plan on `on` (default: the data's as_of day): `state`, `label`, `basis`,
        `rests_on`, and for drafts `usable_as_basis`, `note` and `successor` (macros/knowledge/statusword.py)."""
        key = (record_id, on)
        if key not in self._statuses:
            self._statuses[key] = self._status(record_id, on)
        return self._statuses[key]

    def _status(self, record_id: str, on: _dt.date | None) -> Status:
        on = on or self.as_of
        if on is None:
            return Status("unknown", None, (), "Dữ liệu chưa nêu ngày đối chiếu (data/validity.yaml: as_of).",
                          ("ngày đối chiếu",))
        if record_id in self.data.documents:
            found = self._document(record_id, on)
        elif record_id in self.data.plans:
            found = self._plan(record_id, on)
        else:
            found = Status("unknown", None, (), "Không xét hiệu lực cho loại bản ghi này.", ("không áp dụng",))
        names = tuple(self.name(b) for b in found.by)
        return Status(found.state, found.since, found.by, found.basis, found.missing, found.kind, found.rests_on,
                      on, names)

    def period(self, record_id: str) -> tuple[tuple[int | None, int], str] | None:
        """(start, end) of a plan or programme and where it is stated; a plan-like document without
        its own period takes the period of what it implements."""
        if record_id in self.data.plans:
            p = self.data.plans[record_id].period
            return (p.start, p.end), "thời kỳ của kế hoạch"
        doc = self.data.documents.get(record_id)
        if doc is None or not runs_for_a_period(doc):
            return None
        own = title_period(doc.title)
        if own:
            return own, "trích yếu"
        for link in self.links.outgoing.get(record_id, []):
            upper = self.period(link.target) if link.type == "implements" and link.target != record_id else None
            if upper:
                return upper[0], f"kỳ của {self.name(link.target)} mà văn bản triển khai"
        return None

    def _document(self, doc_id: str, on: _dt.date) -> Status:
        doc = self.data.documents[doc_id]
        issued = full_date(doc.date)
        if issued and issued > on:
            return Status("unknown", None, (), f"Ban hành ngày {day(issued)}, sau ngày đối chiếu.", ())
        ended = self._replaced(doc_id, on) or self._ended(doc_id, on)
        if ended:
            return ended
        period = self._period_status(doc_id, on)
        if period and period.state == "period-ended":
            return period
        effective, effect_source = self._effective(doc_id)
        if effective and effective > on:
            return Status("unknown", None, (), f"Có hiệu lực từ {day(effective)}, sau ngày đối chiếu.", (),
                          "unknown", effect_source)
        confirmed = applied(self, doc_id, on, self.name)
        amended = self._amended(doc_id, on)
        if confirmed:
            return self._confirmed(confirmed, amended, on, effective)
        if amended:
            return amended
        until = f"chưa ghi nhận văn bản thay thế tính đến {day(on)}"
        if effective:
            return Status("not-replaced", effective, (), f"Có hiệu lực từ {day(effective)}; {until}.", (),
                          "effective", effect_source)
        if period:
            return Status("not-replaced", period.since, (), f"{period.basis.rstrip('.')}; {until}.", period.missing,
                          "period-running", period.rests_on)
        return Status("unknown", None, (), "Nguồn không nêu ngày có hiệu lực; không văn bản nào trong dữ liệu "
                      "thay thế, sửa đổi hay xác nhận còn áp dụng văn bản này trong 12 tháng trước ngày đối chiếu.",
                      ("ngày có hiệu lực", "văn bản xác nhận còn áp dụng hoặc thay thế"))

    def _effective(self, doc_id: str) -> tuple[_dt.date | None, tuple[Evidence, ...]]:
        """The day it took effect: an `effective` change (with its source) or the date a source plan gives."""
        for change in changes_of(self.data, doc_id):
            if change.change == "effective":
                return full_date(change.date), (read(change.source, full_date(change.date), effect=True),)
        doc = self.data.documents[doc_id]
        effective = full_date(doc.effective)
        if effective is None:
            return None, ()
        added = doc.added
        return effective, ((read(added, None),) if added else (Evidence("ngày có hiệu lực do kế hoạch nguồn nêu",
                                                                        effective, doc_id),))

    def _confirmed(self, confirmed: list[Evidence], amended: Status | None, on: _dt.date,
                   effective: _dt.date | None) -> Status:
        newest = confirmed[0]
        verb = "áp dụng" if newest.record else "xác nhận còn áp dụng"
        basis = (f"{newest.what} ({newest.date_text}) {verb} văn bản này, trong 12 tháng trước ngày đối chiếu; "
                 f"chưa ghi nhận văn bản thay thế tính đến {day(on)}.")
        kind = "applied" if newest.record else "confirmed"
        if amended:
            return Status("amended", amended.since, amended.by, f"{amended.basis.split(';')[0]}. {basis}",
                          amended.missing, kind, (*confirmed, *amended.rests_on))
        return Status("in-force", effective, (), basis, (), kind, tuple(confirmed))

    def _replaced(self, doc_id: str, on: _dt.date) -> Status | None:
        """Ceased: a record in the data replaces it and has taken effect (or was issued) by `on`."""
        found = [(self._link_start(link), link) for link in self.links.incoming.get(doc_id, [])
                 if link.type == "replaces" and self._link_started(link, on)]
        if not found:
            return None
        dates = [d for d, _ in found if d]
        by = tuple(sorted({link.source for _, link in found}))
        names = ", ".join(self.name(s) for s in by)
        rests = tuple(self._link_evidence(link, when) for when, link in found)
        if len(dates) == len(found):
            since = min(dates)
            return Status("ceased", since, by, f"Hết hiệu lực từ {day(since)}, khi {names} có hiệu lực "
                          "(văn bản thay thế).", (), "replaced", rests)
        return Status("ceased", None, by, f"Bị thay thế bởi {names}; dữ liệu chưa có ngày có hiệu lực "
                      "của văn bản thay thế.", ("ngày có hiệu lực của văn bản thay thế",), "replaced", rests)

    def _ended(self, doc_id: str, on: _dt.date) -> Status | None:
        """Repealed or expired on a stated day (data/validity.yaml `changes`)."""
        for change in changes_of(self.data, doc_id):
            when = full_date(change.date)
            if change.change in ("repealed", "expired") and when and when <= on:
                what = "Bị bãi bỏ" if change.change == "repealed" else "Hết hiệu lực"
                return Status("ceased", when, (change.by,) if change.by else (),
                              f"{what} từ {day(when)} (theo {change.source.label}).", (), change.change,
                              (read(change.source, when, effect=True),))
        return None

    def _amended(self, doc_id: str, on: _dt.date) -> Status | None:
        found = [(self._link_start(link), link) for link in self.links.incoming.get(doc_id, [])
                 if link.type == "amends" and self._link_started(link, on)]
        if not found:
            return None
        by = tuple(sorted({link.source for _, link in found}))
        names = ", ".join(self.name(s) for s in by)
        dates = [d for d, _ in found if d]
        missing = () if len(dates) == len(found) else ("ngày có hiệu lực của văn bản sửa đổi",)
        since = max(dates) if dates else None
        when = f" từ {day(since)}" if since else ""
        rests = tuple(self._link_evidence(link, d) for d, link in found)
        return Status("amended", since, by, f"Được sửa đổi, bổ sung bởi {names}{when}; chưa ghi nhận văn bản "
                      f"thay thế tính đến {day(on)}.", missing, "amended", rests)

    def _link_evidence(self, link, when: _dt.date | None) -> Evidence:
        if link.added:
            return read(link.added, when, effect=True)
        return Evidence(f"{self.name(link.source)}, nêu tại {self.name(link.stated_in)}" if link.stated_in
                        else self.name(link.source), when, link.stated_in or link.source)

    def _start(self, record_id: str) -> _dt.date | None:
        """When a record took effect: its effective date, else (plans) its date of issue."""
        record = self.records.record(record_id)
        return full_date(getattr(record, "effective", None)) or (
            full_date(record.date) if record_id in self.data.plans else None)

    def _link_start(self, link) -> _dt.date | None:
        """When a replacement or amendment took effect: the change's own day, else its record's start."""
        return full_date(link.since) if link.since else self._start(link.source)

    def _link_started(self, link, on: _dt.date) -> bool:
        """Whether a replacing/amending record had taken effect by `on` (issued by then, when the
        day of effect is unknown)."""
        start = self._link_start(link)
        if start:
            return start <= on
        last = last_day(self.records.record(link.source).date)
        return last is not None and last <= on

    def _period_status(self, record_id: str, on: _dt.date) -> Status | None:
        found = self.period(record_id)
        if found is None:
            return None
        (start, end), where = found
        span = f"đến năm {end}" if start is None else f"{start}" if start == end else f"{start}–{end}"
        rests = (Evidence(f"Thời kỳ {span} ({where})", None, record_id),)
        if end < on.year:
            return Status("period-ended", _dt.date(end + 1, 1, 1), (), f"Thời kỳ thực hiện {span} ({where}) đã "
                          f"kết thúc ngày 31/12/{end}.", (), "period-ended", rests)
        if start is not None and start > on.year:
            return Status("unknown", None, (), f"Thời kỳ thực hiện {span} ({where}) chưa bắt đầu.", ())
        since = _dt.date(start, 1, 1) if start is not None else None
        return Status("not-replaced", since, (), f"Đang trong thời kỳ thực hiện {span} ({where}).",
                      () if since else ("năm bắt đầu thực hiện",), "period-running", rests)

    def _plan(self, plan_id: str, on: _dt.date) -> Status:
        plan = self.data.plans[plan_id]
        issued = full_date(plan.date)
        if issued and issued > on:
            return Status("unknown", None, (), f"Ban hành ngày {day(issued)}, sau ngày đối chiếu.", ())
        found = self._replaced(plan_id, on) or self._ended(plan_id, on) or self._period_status(plan_id, on)
        if found.state == "not-replaced":
            return Status(found.state, found.since, (), f"{found.basis.rstrip('.')}; chưa ghi nhận kế hoạch "
                          f"thay thế tính đến {day(on)}.", found.missing, found.kind, found.rests_on)
        return found

    # --- levels of local government ----------------------------------------------------------

    def level_end(self, level: str, on: _dt.date | None = None):
        """The stated end of a level of local government (data/validity.yaml `levels_ended`) if it
        had ended by `on` (as_of by default), else None: a level with no stated end exists."""
        on = on or self.as_of
        ends = self.data.validity.levels_ended if self.data.validity else []
        end = next((e for e in ends if e.level == level), None)
        if end is None or on is None or on < end.date.full:
            return None
        return end

    @staticmethod
    def level_end_text(end) -> str:
        """'kết thúc hoạt động từ 01/07/2025 (theo Luật …, Điều 51, khoản 3)'."""
        return f"kết thúc hoạt động từ {date_vi(end.date)} (theo {end.source.label})"
