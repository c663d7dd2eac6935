"""Who cites whom: every mention of a document in a plan's text, resolved once, and the chain of bases above a plan."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from ..data.loader import Dataset
from ..data.prose import PlanText, plan_texts
from ..text.citations import CitationFinder, Mention, fixes_of
from .links import Links
from .tables import group_by
from .records import CENTRAL, Records

# Relations that lead from a document up to what it rests on (used for chains of bases).
UPWARD = ("based-on", "implements", "continues", "details", "amends", "replaces")


@dataclass(frozen=True)
class Citation:
    """A mention of `target` in a plan part (`anchor` is the task/target/assignment id, or a part name)."""

    plan: str
    anchor: str
    target: str
    text: str


@dataclass(frozen=True)
class Unresolved:
    record: str
    loc: tuple
    text: str
    candidates: tuple[str, ...]


class Citations:
    """The citations of one build's plans, read from their text once (`all` in text order, `unresolved`)."""

    def __init__(self, data: Dataset, records: Records, links: Links) -> None:
        self.data = data
        self.records = records
        self.links = links
        self.all: list[Citation] = []
        self.unresolved: list[Unresolved] = []
        for plan in data.plans.values():
            province = records.province_of(plan.id)
            for piece in plan_texts(plan):
                for mention in self.finder.find(piece.text, province, fixes_of(plan)):
                    self._record(plan.id, piece, mention)

    def _record(self, plan_id: str, piece: PlanText, mention: Mention) -> None:
        if mention.target is None:
            self.unresolved.append(Unresolved(plan_id, piece.loc, mention.text, mention.candidates))
        elif mention.target != plan_id:
            self.all.append(Citation(plan_id, piece.anchor, mention.target, mention.text))

    @cached_property
    def finder(self) -> CitationFinder:
        return CitationFinder.of(self.data)

    @cached_property
    def cited_by(self) -> dict[str, list[Citation]]:
        """document id → where plans cite it: every mention once, then tasks' explicit `cites` not yet mentioned."""
        table: dict[str, list[Citation]] = defaultdict(list)
        seen: set[Citation] = set()  # sets keep this linear: ct-33 is cited by every plan in the country
        parts: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for citation in self.all:
            if citation not in seen:
                seen.add(citation)
                table[citation.target].append(citation)
                parts[citation.target].add((citation.plan, citation.anchor))
        for plan in self.data.plans.values():
            for task in plan.tasks:
                for target in task.cites:
                    if (plan.id, task.id) not in parts[target]:
                        parts[target].add((plan.id, task.id))
                        table[target].append(Citation(plan.id, task.id, target, ""))
        return dict(table)

    @cached_property
    def of_plan(self) -> dict[str, list[Citation]]:
        """plan id → its citations in text order (so per-plan lookups do not scan every citation)."""
        return group_by(self.all, lambda citation: citation.plan)

    def cites(self, plan_id: str, anchor: str) -> list[str]:
        """Documents one part of a plan cites, in order of first mention, explicit `cites` last."""
        found = [c.target for c in self.of_plan.get(plan_id, []) if c.anchor == anchor]
        task = next((t for t in self.data.plans[plan_id].tasks if t.id == anchor), None)
        return list(dict.fromkeys([*found, *(task.cites if task else [])]))

    @cached_property
    def plans_citing(self) -> dict[str, list[str]]:
        return {doc: sorted({c.plan for c in cits}) for doc, cits in self.cited_by.items()}

    def plan_bases(self, plan_id: str) -> list[str]:
        """What the plan rests on: what it implements, what its preamble and aims cite, then the
        central documents its tasks cite (the top of the chain when the sources state no link up)."""
        plan = self.data.plans[plan_id]
        heads = {"preamble", "purposes", "requirements"}
        own = self.of_plan.get(plan_id, [])
        cited = [c.target for c in own if c.anchor in heads]
        central = [c.target for c in own if self.records.tier_of(c.target) in CENTRAL]
        return list(dict.fromkeys([*plan.implements, *cited, *central]))

    def chain(self, plan_id: str) -> list[tuple[int, str, str]]:
        """The tree of bases above a plan as (depth, relation, record id), depth-first, each record once."""
        rows: list[tuple[int, str, str]] = []
        seen = {plan_id}
        plan = self.data.plans[plan_id]

        def walk(record_id: str, depth: int, via: str) -> None:
            if record_id in seen:
                return
            seen.add(record_id)
            rows.append((depth, via, record_id))
            for link in self.links.outgoing.get(record_id, []):
                if link.type in UPWARD:
                    walk(link.target, depth + 1, link.type)

        for base in self.plan_bases(plan_id):
            walk(base, 0, "implements" if base in plan.implements else "based-on")
        return rows
