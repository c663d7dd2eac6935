"""The reporting calendar (ke-hoach/lich-bao-cao.md): each province's dated reports, coming and past
(relative to the data's date, never the clock), then the reports its plans give no date for, in the plan's
own words."""

from __future__ import annotations

from dataclasses import dataclass

from ...knowledge.calendar import Deadline, calendar_path, province_slug, undated_duties
from ...data.dataset import Dataset
from ...knowledge.groupings import Groupings
from ...text import format as T
from ..reading import data_date


@dataclass(frozen=True)
class Undated:
    """A report a plan asks for without a date: the periods it names, who reports, the plan's words."""

    plan: str
    assignment: str
    periods: str  # '6 tháng, Năm'
    unit: str
    text: str


@dataclass(frozen=True)
class ProvinceCalendar:
    name: str
    slug: str
    ics: str  # the province's calendar file (a docs path)
    dated: int
    coming: tuple[Deadline, ...]
    past: tuple[Deadline, ...]  # newest first
    undated: tuple[Undated, ...]


@dataclass(frozen=True)
class CalendarView:
    as_of: str | None  # dd/mm/yyyy
    provinces: tuple[ProvinceCalendar, ...]
    all_ics: str | None  # every plan's calendar, when any deadline is dated


def calendar_view(data: Dataset, groups: Groupings) -> CalendarView:
    asof = data_date(data)
    provinces = []
    for name, plans, items in groups.province_deadlines():
        coming = [d for d in items if d.date >= asof] if asof else items
        past = [d for d in items if not d.date >= asof] if asof else []
        undated = tuple(Undated(p.id, job.id, ", ".join(T.label(k) for k in periods), job.unit_text, text)
                        for p, job, text, periods in undated_duties(plans))
        provinces.append(ProvinceCalendar(name, province_slug(name), calendar_path(province=name), len(items),
                                          tuple(coming), tuple(reversed(past)), undated))
    return CalendarView(asof.strftime("%d/%m/%Y") if asof else None, tuple(provinces),
                        calendar_path() if groups.all_deadlines() else None)
