"""Reporting deadlines as dated events, and as iCalendar (RFC 5545) files.

A plan that says "trước ngày 10 tháng 6" wants the report in hand by 9 June: the event sits on
the day before the written date, and the plan's own wording stays in the description. Each
event carries two reminders (7 days and 1 day before), and its title names the province and the
plan, which is what an official scanning a phone's calendar needs to tell events apart.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..data import model
from ..text.format import day, label, province_slug  # province_slug: templates call calendar.province_slug

PRODID = "-//Cam nang Dan van chinh quyen//vi"
STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)  # fixed: same data, byte-identical files
REMINDERS = (7, 1)  # days before the deadline
_BEFORE = re.compile(r"\btrước\s+ngày\b", re.I)


@dataclass(frozen=True, order=True)
class Deadline:
    """One dated reporting duty: who reports, for what period, by when.

    `date` is the last day to send (the day before `written` when the plan says "trước ngày");
    `written` is the date the plan's text gives.
    """

    date: dt.date
    plan: str
    assignment: str
    index: int
    period: str
    unit: str
    text: str
    to: str | None
    via: str | None
    written: dt.date

    @property
    def before(self) -> bool:
        return self.date != self.written


def deadlines(plan: model.Plan) -> list[Deadline]:
    """'MM-DD' repeats for every year of the plan's period; 'YYYY-MM-DD' is one date."""
    out = []
    for job in plan.assignments:
        for i, report in enumerate(job.reports):
            shift = dt.timedelta(days=1 if _BEFORE.search(report.text) else 0)
            for due in report.due:
                years = range(plan.period.start, plan.period.end + 1) if due.yearly else [due.year]
                for year in years:
                    day = due.on(year)
                    out.append(Deadline(day - shift, plan.id, job.id, i, report.period, job.unit_text, report.text,
                                        report.to, report.via, day))
    return sorted(out)


def undated(plan: model.Plan) -> list[tuple[model.Assignment, model.Report]]:
    return [(job, r) for job in plan.assignments for r in job.reports if not r.due]


def undated_duties(plans) -> list[tuple[model.Plan, model.Assignment, str, list[str]]]:
    """Reports without a date, one row per sentence of a plan: (plan, unit, wording, periods it names)."""
    rows: dict[tuple[str, str, str], tuple[model.Plan, model.Assignment, str, list[str]]] = {}
    for plan in plans:
        for job, report in undated(plan):
            row = rows.setdefault((plan.id, job.id, report.text), (plan, job, report.text, []))
            row[3].append(report.period)
    return list(rows.values())


def calendar_path(plan_id: str | None = None, province: str | None = None) -> str:
    """lich/<plan>.ics, lich/tinh-<province>.ics, or lich/tat-ca.ics for every plan."""
    if province:
        return f"lich/tinh-{province_slug(province)}.ics"
    return f"lich/{plan_id or 'tat-ca'}.ics"


@dataclass(frozen=True)
class PlanNames:
    """How a calendar names a plan: its short name ('Kế hoạch 13/KH-UBND của UBND tỉnh Lào Cai'),
    full title and province."""

    short: str
    title: str
    province: str


END = b"END:VCALENDAR\r\n"


def to_ics(items: list[Deadline], names, plans: dict[str, PlanNames], calendar_name: str,
           made: dict[Deadline, bytes] | None = None) -> bytes:
    """The calendar of `items`; `names(org_id, day)` names a recipient as of the deadline's day (its successor
    once it has ended: OrgTimeline.name_on), so no reminder is sent to a body that no longer exists.

    `made` keeps each event's text for the build that passes it: a deadline is in its plan's, its
    province's and the national calendar, and is written once. The calendar's text is its head, its
    events' texts in order, and its end, as icalendar writes a component with subcomponents."""
    made = {} if made is None else made
    for d in items:
        if d not in made:
            made[d] = write_event(event_text(d, names, plans[d.plan]))
    return head(calendar_name) + b"".join(made[d] for d in items) + END


def head(calendar_name: str) -> bytes:
    """The calendar's first lines, as icalendar writes a VCALENDAR with a PRODID, VERSION and X-WR-CALNAME
    (tests/test_calendar.py compares): written directly, so a build does not import icalendar (~0.02 s).
    An X- property is written unescaped: the name is made one line."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + _text(PRODID),
             "X-WR-CALNAME:" + " ".join(calendar_name.split())]
    return b"".join(_fold(line.encode("utf-8")) + b"\r\n" for line in lines)


@dataclass(frozen=True)
class EventText:
    """What one deadline's event says: its id, day, title and description, and a reminder per day of REMINDERS."""

    uid: str
    day: dt.date
    summary: str
    description: str


def event_text(d: Deadline, names, plan: PlanNames) -> EventText:
    summary = f"{plan.province}: hạn báo cáo {label(d.period).lower()} – {plan.short}"
    to = names(d.to, d.date) if d.to else ""
    via = f" (qua {names(d.via, d.date)})" if d.via else ""
    lines = [
        f"Kế hoạch: {plan.title}",
        f"Đơn vị báo cáo: {d.unit}",
        f"Câu chữ trong kế hoạch: {d.text}",
    ]
    if to:
        lines.append(f"Gửi: {to}{via}")
    if d.before:
        lines.append(f"Kế hoạch ghi “trước ngày {day(d.written)}”: hạn trong lịch là ngày liền trước.")
    uid = f"{d.plan}-{d.assignment}-{d.index}-{d.written.isoformat()}@dan-van-chinh-quyen"
    return EventText(uid, d.date, summary, "\n".join(lines))


def write_event(e: EventText) -> bytes:
    """The event as iCalendar text, the bytes icalendar writes for it (tests/test_calendar.py builds the same
    event with icalendar and compares): written directly, as making and writing icalendar's objects took
    most of the 1.0-1.5 s of CPU that writing the 1 035 calendar files of 1 000 plans cost (0.4 s now)."""
    lines = [
        "BEGIN:VEVENT",
        "SUMMARY:" + _text(e.summary),
        f"DTSTART;VALUE=DATE:{_date(e.day)}",
        f"DTEND;VALUE=DATE:{_date(e.day + dt.timedelta(days=1))}",
        f"DTSTAMP:{STAMP:%Y%m%dT%H%M%SZ}",
        "UID:" + _text(e.uid),
        "DESCRIPTION:" + _text(e.description),
    ]
    for days in REMINDERS:
        lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + _text(f"Còn {days} ngày: {e.summary}"),
                  f"TRIGGER:-P{days}D", "END:VALARM"]
    lines.append("END:VEVENT")
    return b"".join(_fold(line.encode("utf-8")) + b"\r\n" for line in lines)


def _text(value: str) -> str:
    """A TEXT value escaped as icalendar escapes it (RFC 5545, 3.3.11); `\\N` is read as a line break, as there."""
    return (value.replace(r"\N", "\n").replace("\\", "\\\\").replace(";", r"\;").replace(",", r"\,")
            .replace("\r\n", r"\n").replace("\n", r"\n").replace("\r", r"\n"))


def _date(value: dt.date) -> str:
    return f"{value.year:04}{value.month:02}{value.day:02}"


FOLD = 74  # octets a physical line holds: icalendar cuts a line before it reaches 75 (RFC 5545, 3.1)


def _fold(line: bytes) -> bytes:
    """A content line cut into pieces of at most FOLD octets, each joined to the next by CRLF and a space, as
    icalendar folds: never inside a UTF-8 character, and a piece of more than one character does not end on
    a backslash or caret (its escape would be split from what it escapes)."""
    if len(line) <= FOLD:
        return line
    pieces, start = [], 0
    while len(line) - start > FOLD:
        end = start + FOLD
        while line[end] & 0xC0 == 0x80:  # a continuation byte: the character starts before it
            end -= 1
        if end - start > 1 and line[end - 1] in b"\\^":
            end -= 1
        pieces.append(line[start:end])
        start = end
    pieces.append(line[start:])
    return b"\r\n ".join(pieces)
