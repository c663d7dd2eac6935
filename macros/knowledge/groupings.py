"""Records grouped the way list pages show them: by theme, campaign, province, tier of issuer; deadlines by province.

Pure tables over the records and citations of one build, each computed on first use.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import cached_property

from ..data import model
from ..data.loader import Dataset
from ..text.format import LABELS
from .calendar import Deadline, deadlines
from .citing import Citations
from .records import TIERS, Records

TOP = 30  # plans compared side by side while there are no more


class Groupings:
    """The tables behind hub and list pages (themes, campaigns, provinces, tiers, the comparison of plans)."""

    def __init__(self, data: Dataset, records: Records, citations: Citations) -> None:
        self.data = data
        self.records = records
        self.citations = citations

    # --- themes and campaigns ---------------------------------------------------------------

    def tasks_with_theme(self, theme_id: str, plans=None, top: bool = False) -> Iterator[tuple[model.Plan, model.Task]]:
        """(plan, task) of every task under the theme, plans in `sorted_plans` order; only those of `plans`
        (a short list, scanned) or of `top_plans()` when asked."""
        if plans is not None:
            return ((plan, task) for plan in plans for task in plan.tasks if theme_id in task.themes)
        return iter(self._of_top(self._theme_tasks.get(theme_id, []), top))

    def documents_for_theme(self, theme_id: str) -> list[str]:
        cited = [d for plan, task in self.tasks_with_theme(theme_id) for d in self.citations.cites(plan.id, task.id)]
        tagged = self._theme_documents.get(theme_id, [])
        counts = Counter(cited)
        ranked = sorted(set(cited) | set(tagged), key=lambda d: (-counts[d], d))
        return [d for d in ranked if d in self.data.documents]

    def campaign_targets(self, campaign_id: str, plans=None, top: bool = False) -> list[tuple[model.Plan, model.Target]]:
        if plans is not None:
            return [(p, t) for p in plans for t in p.targets if campaign_id in t.campaigns]
        return self._of_top(self._campaign_items[0].get(campaign_id, []), top)

    def campaign_tasks(self, campaign_id: str, plans=None, top: bool = False) -> list[tuple[model.Plan, model.Task]]:
        if plans is not None:
            return [(p, t) for p in plans for t in p.tasks if campaign_id in t.campaigns]
        return self._of_top(self._campaign_items[1].get(campaign_id, []), top)

    def newest_unit_target(self, campaign_id: str) -> tuple[model.Plan, model.Target] | None:
        """The campaign's target in the newest plan (latest period end, then id) of a body below the
        province's level: what unit plans usually set. Once per campaign and build (each draft asked it
        of every target, growing with drafts x plans)."""
        if campaign_id not in self._newest_unit:
            units = [(p, t) for p, t in self._campaign_items[0].get(campaign_id, [])
                     if p.issuer != p.id and self.data.organisations[p.issuer].level != "tinh"]
            self._newest_unit[campaign_id] = max(units, key=lambda pt: (pt[0].period.end, pt[0].id)) if units else None
        return self._newest_unit[campaign_id]

    @cached_property
    def _newest_unit(self) -> dict[str, tuple[model.Plan, model.Target] | None]:
        return {}

    def _of_top(self, items: list[tuple], top: bool) -> list[tuple]:
        """A copy of a table's row, or its items whose plan is one of `top_plans()` (a subsequence of
        `sorted_plans`, so the order is kept)."""
        if not top:
            return list(items)
        ids = self._top_ids
        return [item for item in items if item[0].id in ids]

    @cached_property
    def _theme_tasks(self) -> dict[str, list[tuple[model.Plan, model.Task]]]:
        """theme id → (plan, task), made in one pass: a pass over every plan per theme page grew with themes x plans."""
        table: dict[str, list[tuple[model.Plan, model.Task]]] = {}
        for plan in self.records.sorted_plans:
            for task in plan.tasks:
                for theme_id in dict.fromkeys(task.themes):
                    table.setdefault(theme_id, []).append((plan, task))
        return table

    @cached_property
    def _theme_documents(self) -> dict[str, list[str]]:
        table: dict[str, list[str]] = {}
        for doc in self.data.documents.values():
            for theme_id in dict.fromkeys(doc.themes):
                table.setdefault(theme_id, []).append(doc.id)
        return table

    @cached_property
    def _campaign_items(self) -> tuple[dict[str, list[tuple[model.Plan, model.Target]]],
                                       dict[str, list[tuple[model.Plan, model.Task]]]]:
        """campaign id → (plan, target), and → (plan, task), made in one pass over the plans (was a pass per
        campaign page and per campaign of the list, growing with campaigns x plans)."""
        targets: dict[str, list[tuple[model.Plan, model.Target]]] = {}
        tasks: dict[str, list[tuple[model.Plan, model.Task]]] = {}
        for plan in self.records.sorted_plans:
            for target in plan.targets:
                for campaign_id in dict.fromkeys(target.campaigns):
                    targets.setdefault(campaign_id, []).append((plan, target))
            for task in plan.tasks:
                for campaign_id in dict.fromkeys(task.campaigns):
                    tasks.setdefault(campaign_id, []).append((plan, task))
        return targets, tasks

    # --- provinces and tiers ------------------------------------------------------------------

    def central_ids(self) -> set[str]:
        """Documents of central bodies (issuer with no province)."""
        return {d.id for d in self.data.documents.values() if d.issuer and self.records.province_of(d.id) is None}

    def documents_by_province(self) -> list[tuple[str, list[model.Document]]]:
        """Provincial documents by the province of their issuer, provinces in name order."""
        groups: dict[str, list[model.Document]] = defaultdict(list)
        for doc in self.records.sorted_documents:
            province = self.records.province_now_of(doc.id)
            if province:
                groups[province].append(doc)
        return sorted(groups.items())

    def level_groups(self, docs) -> list[tuple[str, list]]:
        groups: dict[str, list] = {tier: [] for tier in TIERS}
        for doc in docs:
            groups[self.records.tier_of(doc.id)].append(doc)
        return [(tier, items) for tier, items in groups.items() if items]

    def plans_by_province(self) -> list[tuple[str, list[model.Plan]]]:
        groups: dict[str, list[model.Plan]] = defaultdict(list)
        for plan in self.records.sorted_plans:
            groups[self.records.province_now_of(plan.id) or "Trung ương"].append(plan)
        return sorted(groups.items())

    def org_groups(self) -> list[tuple[str, list[model.Organisation]]]:
        groups: dict[str, list[model.Organisation]] = defaultdict(list)
        for org in sorted(self.data.organisations.values(), key=lambda o: (o.province or "", o.name)):
            groups[f"{LABELS[org.kind]} – {LABELS[org.level].lower()}"].append(org)
        return sorted(groups.items())

    # --- deadlines ----------------------------------------------------------------------------

    @cached_property
    def plan_deadlines(self) -> dict[str, list[Deadline]]:
        """plan id → its dated reporting deadlines (an empty list: the plan dates none)."""
        return {plan.id: deadlines(plan) for plan in self.records.sorted_plans}

    def all_deadlines(self) -> list[Deadline]:
        return sorted(d for items in self.plan_deadlines.values() for d in items)

    def province_deadlines(self) -> list[tuple[str, list[model.Plan], list[Deadline]]]:
        """(province, its plans, their dated deadlines in date order), one row per province."""
        return [(name, plans, sorted(d for p in plans for d in self.plan_deadlines[p.id]))
                for name, plans in self.plans_by_province()]

    # --- the comparison of plans --------------------------------------------------------------

    def top_plans(self, limit: int = TOP) -> list[model.Plan]:
        """Plans worth comparing side by side: all of them while few; at scale only the plans that
        implement no other plan of the data (provincial plans), so pages stay readable and flat in cost."""
        return self._top if limit == TOP else self._top_of(limit)

    @cached_property
    def _top(self) -> list[model.Plan]:
        return self._top_of(TOP)  # once per build: every theme and campaign page asks

    @cached_property
    def _top_ids(self) -> set[str]:
        return {p.id for p in self._top}

    def _top_of(self, limit: int) -> list[model.Plan]:
        plans = self.records.sorted_plans
        if len(plans) <= limit:
            return plans
        return [p for p in plans if not any(t in self.data.plans for t in p.implements)]

    def basis_matrix(self) -> dict[str, dict[str, int]]:
        """documents × plans: how many times each plan cites each document."""
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for doc, cits in self.citations.cited_by.items():
            for c in cits:
                counts[doc][c.plan] += 1
        tops = self.top_plans()
        return {d: {p.id: counts[d][p.id] for p in tops} for d in self.data.documents}

    @staticmethod
    def basis_rows(matrix: dict[str, dict[str, int]]) -> list[str]:
        """Documents cited by most plans first, uncited ones left out."""
        rows = [d for d, row in matrix.items() if any(row.values())]
        return sorted(rows, key=lambda d: (-sum(1 for n in matrix[d].values() if n), d))
