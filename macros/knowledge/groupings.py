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


class Groupings:
    """The tables behind hub and list pages (themes, campaigns, provinces, tiers, the comparison of plans)."""

    def __init__(self, data: Dataset, records: Records, citations: Citations) -> None:
        self.data = data
        self.records = records
        self.citations = citations

    # --- themes and campaigns ---------------------------------------------------------------

    def tasks_with_theme(self, theme_id: str, plans=None) -> Iterator[tuple[model.Plan, model.Task]]:
        for plan in self.records.sorted_plans if plans is None else plans:
            for task in plan.tasks:
                if theme_id in task.themes:
                    yield plan, task

    def documents_for_theme(self, theme_id: str) -> list[str]:
        cited = [d for plan, task in self.tasks_with_theme(theme_id) for d in self.citations.cites(plan.id, task.id)]
        tagged = [d.id for d in self.data.documents.values() if theme_id in d.themes]
        counts = Counter(cited)
        ranked = sorted(set(cited) | set(tagged), key=lambda d: (-counts[d], d))
        return [d for d in ranked if d in self.data.documents]

    def campaign_targets(self, campaign_id: str, plans=None) -> list[tuple[model.Plan, model.Target]]:
        plans = self.records.sorted_plans if plans is None else plans
        return [(p, t) for p in plans for t in p.targets if campaign_id in t.campaigns]

    def campaign_tasks(self, campaign_id: str, plans=None) -> list[tuple[model.Plan, model.Task]]:
        plans = self.records.sorted_plans if plans is None else plans
        return [(p, t) for p in plans for t in p.tasks if campaign_id in t.campaigns]

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

    def top_plans(self, limit: int = 30) -> list[model.Plan]:
        """Plans worth comparing side by side: all of them while few; at scale only the plans that
        implement no other plan of the data (provincial plans), so pages stay readable and flat in cost."""
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
