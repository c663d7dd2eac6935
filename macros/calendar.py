"""Reporting deadlines as dated events, and as iCalendar (RFC 5545) files."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from icalendar import Calendar, Event

from . import model
from .text import label

PRODID = "-//Cam nang Dan van chinh quyen//vi"
STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)  # fixed: same data, byte-identical files


@dataclass(frozen=True, order=True)
class Deadline:
    """One dated reporting duty: who reports, for what period, by when."""

    date: dt.date
    plan: str
    assignment: str
    index: int
    period: str
    unit: str
    text: str
    to: str | None
    via: str | None


def deadlines(plan: model.Plan) -> list[Deadline]:
    """'MM-DD' repeats for every year of the plan's period; 'YYYY-MM-DD' is one date."""
    out = []
    for job in plan.assignments:
        for i, report in enumerate(job.reports):
            for due in report.due:
                years = [int(due[:4])] if len(due) == 10 else range(plan.period.start, plan.period.end + 1)
                for year in years:
                    day = dt.date.fromisoformat(due if len(due) == 10 else f"{year}-{due}")
                    out.append(Deadline(day, plan.id, job.id, i, report.period, job.unit_text, report.text,
                                        report.to, report.via))
    return sorted(out)


def undated(plan: model.Plan) -> list[tuple[model.Assignment, model.Report]]:
    return [(job, r) for job in plan.assignments for r in job.reports if not r.due]


def to_ics(items: list[Deadline], names: dict[str, str], plan_titles: dict[str, str]) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Lịch báo cáo công tác dân vận chính quyền")
    for d in items:
        event = Event()
        event.add("uid", f"{d.plan}-{d.assignment}-{d.index}-{d.date.isoformat()}@dan-van-chinh-quyen")
        event.add("dtstamp", STAMP)
        event.add("dtstart", d.date)
        event.add("dtend", d.date + dt.timedelta(days=1))
        event.add("summary", f"Hạn báo cáo {label(d.period).lower()}: {d.unit}")
        to = names.get(d.to or "", "")
        via = f" (qua {names[d.via]})" if d.via in names else ""
        event.add("description", f"{d.text}\nGửi: {to}{via}\nKế hoạch: {plan_titles.get(d.plan, d.plan)}")
        cal.add_component(event)
    return cal.to_ical()
