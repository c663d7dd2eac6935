"""The plans index (ke-hoach/index.md): the plans by province (a table each), by year and by the level
of their issuer."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from ...knowledge.groupings import Groupings
from ...knowledge.records import Records
from ...knowledge.status import Validity
from ...text import format as T

LEVELS = ("trung-uong", "tinh", "so-nganh", "huyen", "xa")


@dataclass(frozen=True)
class PlanRow:
    """One plan in a province's table."""

    id: str
    title: str
    issuer: str
    former_province: str | None  # the issuer's province when it was arranged into the one listed
    level: str
    years: str  # "2025", "2022–2026"
    status: str
    tasks: int
    targets: int


@dataclass(frozen=True)
class PlanItem:
    id: str
    title: str


@dataclass(frozen=True)
class PlanGroup:
    """The plans of one province, year or level of issuer."""

    name: str
    rows: tuple


@dataclass(frozen=True)
class PlanListView:
    as_of: str | None  # dd/mm/yyyy
    provinces: tuple[PlanGroup, ...]  # rows: PlanRow
    years: tuple[PlanGroup, ...]  # rows: PlanItem
    levels: tuple[PlanGroup, ...]  # rows: PlanItem


def plan_list_view(records: Records, groups: Groupings, validity: Validity) -> PlanListView:
    orgs = records.data.organisations
    plans = records.sorted_plans
    by_level = {level: [p for p in plans if orgs[p.issuer].level == level] for level in LEVELS}
    return PlanListView(
        as_of=validity.as_of.strftime("%d/%m/%Y") if validity.as_of else None,
        provinces=tuple(PlanGroup(name, tuple(_row(orgs, validity, p, name) for p in group))
                        for name, group in groups.plans_by_province()),
        years=tuple(PlanGroup(str(year), tuple(PlanItem(p.id, p.title) for p in group))
                    for year, group in groupby(sorted(plans, key=lambda p: p.period.start), lambda p: p.period.start)),
        levels=tuple(PlanGroup(T.label(level), tuple(PlanItem(p.id, p.title) for p in by_level[level]))
                     for level in LEVELS if by_level[level]),
    )


def _row(orgs, validity: Validity, p, province: str) -> PlanRow:
    org = orgs[p.issuer]
    start, end = p.period.start, p.period.end
    return PlanRow(
        id=p.id, title=p.title, issuer=org.id,
        former_province=org.province if org.province and org.province != province else None,
        level=T.label(org.level), years=f"{start}–{end}" if end != start else str(start),
        status=validity.status(p.id).label, tasks=len(p.tasks), targets=len(p.targets),
    )
