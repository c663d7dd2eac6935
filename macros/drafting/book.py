"""Every draft made from the data: each body's plan for the year ahead, and the report on a plan still running.

`DraftBook` is the query the "Soạn kế hoạch" pages read: which drafts exist, for whom, which
bodies with work in the data get none and why. It builds each `Draft` on first use (a page or a
download asks for it), so a build of thousands of plans pays only for what it writes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property

from ..data import model
from ..knowledge.index import SiteIndex
from ..text.format import fold
from .ahead import Sheet, Skipped, belongs_to as _belongs_to, members, sheets
from .ahead_draft import year_draft
from .draftdoc import Draft
from .report import report_draft
from .presence import exists, province_now
from .units import assigned
from .validity import as_of

YEAR, REPORT = "nam", "bao-cao"


@dataclass(frozen=True)
class Entry:
    """One draft page: a body's plan for a year (`sheet`), or the report on a plan."""

    slug: str
    plan: str  # the plan it is made from
    what: str  # YEAR or REPORT
    sheet: Sheet | None = None


class DraftBook:
    def __init__(self, index: SiteIndex, title_of: Callable[[str], str]) -> None:
        self.ix = index
        self.data = index.data
        self.title_of = title_of
        self._built: dict[str, Draft] = {}

    # --- what exists ---------------------------------------------------------------------

    @cached_property
    def as_of(self) -> dt.date:
        return as_of(self.ix)

    @cached_property
    def _sheets(self) -> tuple[list[Sheet], list[Skipped]]:
        return sheets(self.ix, self.as_of)

    @property
    def sheets(self) -> list[Sheet]:
        return self._sheets[0]

    @property
    def skipped(self) -> list[Skipped]:
        return self._sheets[1]

    @cached_property
    def entries(self) -> dict[str, Entry]:
        out = {s.slug: Entry(s.slug, s.source.id, YEAR, s) for s in self.sheets}
        for plan in self.ix.records.sorted_plans:
            if plan.period.end >= self.as_of.year and exists(self.ix, plan.issuer, self.as_of):
                out[f"{plan.id}/{REPORT}"] = Entry(f"{plan.id}/{REPORT}", plan.id, REPORT)
        return out

    def report(self, plan_id: str) -> Entry | None:
        """The report draft on a plan whose period runs at the data's date, if its issuer exists."""
        return self.entries.get(f"{plan_id}/{REPORT}")

    def for_job(self, plan_id: str, job_id: str) -> tuple[list[Sheet], list[Skipped]]:
        """The drafts of the bodies an assignment gives work to (each of their years), and those that get none."""
        plan = self.data.plans[plan_id]
        job = next(j for j in plan.assignments if j.id == job_id)
        orgs = [job.unit] * (job.unit in self.data.organisations) + [o.id for o in members(self.ix, plan, job)]
        return self._of_orgs(self._sheets_by_org, orgs), self._of_orgs(self._skipped_by_org, orgs)

    def made_from(self, plan_id: str) -> list[Sheet]:
        """The year-ahead drafts made from this plan (a body's own, or the plan above it that gives it work)."""
        return self._sheets_by_plan.get(plan_id, [])

    @cached_property
    def _sheets_by_plan(self) -> dict[str, list[Sheet]]:
        table: dict[str, list[Sheet]] = {}
        for sheet in self.sheets:  # once per build: a scan per plan page grew with plans times drafts
            table.setdefault(sheet.source.id, []).append(sheet)
        return table

    def skipped_of(self, org_id: str) -> list[Skipped]:
        """Why this body gets no draft, if it gets none."""
        return [item for _, item in self._skipped_by_org.get(org_id, [])]

    @staticmethod
    def _of_orgs(table: dict[str, list[tuple[int, object]]], orgs: list[str]) -> list:
        """The items of these bodies in the order of the whole list (read from a table made once per
        build: scanning every sheet for each assignment grew with plans times bodies)."""
        return [item for _, item in sorted(row for o in dict.fromkeys(orgs) for row in table.get(o, []))]

    @cached_property
    def _sheets_by_org(self) -> dict[str, list[tuple[int, Sheet]]]:
        return _by_org(self.sheets)

    @cached_property
    def _skipped_by_org(self) -> dict[str, list[tuple[int, Skipped]]]:
        return _by_org(self.skipped)

    def group_notes(self, plan_id: str, job_id: str) -> list[str]:
        """Why the members of a group an assignment names get no draft: their level of government
        ended (with its article), or the data lists none of them."""
        plan = self.data.plans[plan_id]
        job = next(j for j in plan.assignments if j.id == job_id)
        if job.unit in self.data.organisations:
            return []
        out = []
        for unit in assigned(self.ix, plan, self.as_of):
            if unit.assignment.id != job_id:
                continue
            if unit.group is None:
                out.append(f"Dữ liệu chưa có “{job.unit_text}” trong danh sách cơ quan nên chưa có dự thảo riêng")
            elif unit.reason:
                out.append(unit.reason)
            elif not any(_belongs_to(self.ix, o, unit.group, plan) for o in members(self.ix, plan, job)):
                out.append(f"Dữ liệu chưa có danh sách {unit.group.label} của tỉnh nên chưa có dự thảo riêng")
        return out

    def by_province(self) -> list[tuple[str, list[tuple[model.Organisation, list[Sheet]]]]]:
        """Provinces at the data's date by name, each with its bodies by name and their drafts by year."""
        table: dict[str, dict[str, list[Sheet]]] = {}
        for s in self.sheets:
            table.setdefault(self._province(s.org), {}).setdefault(s.org.id, []).append(s)
        for s in self.skipped:
            if s.org.province:
                table.setdefault(self._province(s.org), {})
        orgs = self.data.organisations
        return [(prov, sorted(((orgs[o], table[prov][o]) for o in table[prov]), key=lambda x: _key(x[0].name)))
                for prov in sorted(table, key=_key)]

    def skipped_in(self, province: str) -> list[Skipped]:
        """The bodies of a province at the data's date that get no draft, its merged provinces' included."""
        return sorted(self._skipped_by_province.get(province, []), key=lambda s: _key(s.org.name))

    @cached_property
    def _skipped_by_province(self) -> dict[str, list[Skipped]]:
        table: dict[str, list[Skipped]] = {}
        for s in self.skipped:  # once per build: a scan per province grew with provinces times bodies
            table.setdefault(self._province(s.org), []).append(s)
        return table

    def _province(self, org: model.Organisation) -> str:
        """Drafts are listed by the province at the data's date: Bình Định's bodies under Gia Lai."""
        return province_now(self.ix, org.province) or "Trung ương"

    def draft(self, slug: str) -> Draft:
        if slug not in self._built:
            self._built[slug] = self._build(self.entries[slug])
        return self._built[slug]

    def title(self, slug: str) -> str:
        """A draft page's title: 'Kế hoạch của Sở Nội vụ tỉnh Lào Cai năm 2027' (the unit's name early:
        search keys take a title's first words)."""
        return self.draft(slug).name

    def drafts(self) -> Iterator[Draft]:
        for slug in self.entries:
            yield self.draft(slug)

    def _build(self, entry: Entry) -> Draft:
        if entry.what == YEAR:
            return year_draft(self.ix, entry.sheet, self.as_of, self.title_of)
        return report_draft(self, self.data.plans[entry.plan])


def _key(name: str) -> tuple:
    """Vietnamese order, near enough for a list of names: letters without their marks first."""
    return (fold(name).lower(), name)


def _by_org(items) -> dict[str, list[tuple[int, object]]]:
    """{org id: [(position in `items`, item)]}."""
    table: dict[str, list[tuple[int, object]]] = {}
    for n, item in enumerate(items):
        table.setdefault(item.org.id, []).append((n, item))
    return table
