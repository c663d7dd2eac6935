"""Derived indexes: who cites whom, relations both ways, chains of bases, groupings for pages.

Computed once per build from a validated `Dataset`; renderers only read from here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from ..data import model
from ..data.kinds import KINDS
from ..data.lint import value_doubts
from ..data.loader import Dataset
from ..data.prose import PlanText, plan_texts
from ..text.citations import CitationFinder, Mention, fixes_of
from ..text.format import LABELS
from .calendar import Deadline, deadlines, undated
from .provenance import Provenances
from .records import Link
from .status import Status, Validity

KIND_OF_CHANGE = {"replaced": "replaces", "amended": "amends"}
# Relations that lead from a document up to what it rests on (used for chains of bases).
UPWARD = ("based-on", "implements", "continues", "details", "amends", "replaces")


TIERS = (
    "Đảng – Trung ương", "Quốc hội", "Chính phủ, Thủ tướng Chính phủ, bộ, ngành trung ương", "Tỉnh ủy",
    "HĐND, UBND tỉnh", "Sở, ngành, cơ quan chuyên môn", "Mặt trận, đoàn thể", "Chưa rõ cơ quan ban hành",
)


CENTRAL = set(TIERS[:3])


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


@dataclass
class SiteIndex:
    data: Dataset
    citations: list[Citation] = field(default_factory=list)
    unresolved: list[Unresolved] = field(default_factory=list)

    def __post_init__(self) -> None:
        for plan in self.data.plans.values():
            province = self.province_of(plan.id)
            for piece in plan_texts(plan):
                for mention in self.finder.find(piece.text, province, fixes_of(plan)):
                    self._record(plan.id, piece, mention)

    def _record(self, plan_id: str, piece: PlanText, mention: Mention) -> None:
        if mention.target is None:
            self.unresolved.append(Unresolved(plan_id, piece.loc, mention.text, mention.candidates))
        elif mention.target != plan_id:
            self.citations.append(Citation(plan_id, piece.anchor, mention.target, mention.text))

    # --- lookups -------------------------------------------------------------------------

    def record(self, record_id: str):
        for table in (self.data.documents, self.data.plans, self.data.campaigns, self.data.themes,
                      self.data.organisations, self.data.terms):
            if record_id in table:
                return table[record_id]
        raise KeyError(record_id)

    def kind_of(self, record_id: str) -> str:
        for kind in (*KINDS, "organisations", "terms"):
            if record_id in getattr(self.data, kind):
                return kind
        raise KeyError(record_id)

    def issuer_of(self, record_id: str) -> model.Organisation | None:
        """The organisation that issued a document or plan (None for other records or an unknown issuer)."""
        issuer = getattr(self.record(record_id), "issuer", None)
        return self.data.organisations.get(issuer) if issuer else None

    def province_of(self, record_id: str) -> str | None:
        org = self.issuer_of(record_id)
        return org.province if org else None

    def org_name(self, org_id: str | None) -> str | None:
        org = self.data.organisations.get(org_id) if org_id else None
        return org.name if org else None

    # --- validity over time (macros/knowledge/status.py) -------------------------------------------

    @cached_property
    def provenance(self) -> Provenances:
        """Where each field of each document, plan and organisation comes from (macros/knowledge/provenance.py)."""
        return Provenances(self)

    @cached_property
    def value_doubts(self) -> dict[tuple[str, str], str]:
        """(document id, field) → why the value is doubtful, for every list that shows it."""
        records = {o.source.path: rid for rid, o in self.data.origins.items() if not o.base}
        return {(records[w.file], w.field): w.message for w in value_doubts(self.data, self) if w.file in records}

    @cached_property
    def validity(self) -> Validity:
        return Validity(self)

    @property
    def as_of(self):
        """The day statuses are computed at (data/validity.yaml), or None when the data states none."""
        return self.validity.as_of

    def status(self, record_id: str, on=None) -> Status:
        """Hiệu lực of a document or plan on `on` (default: the data's as_of day): `state`, `label`, `basis`,
        `rests_on`, and for drafts `usable_as_basis`, `note` and `successor` (macros/knowledge/statusword.py)."""
        key = (record_id, on)
        if key not in self._statuses:
            self._statuses[key] = self.validity.status(record_id, on)
        return self._statuses[key]

    @cached_property
    def _statuses(self) -> dict:
        return {}

    # --- organisations over time (macros/knowledge/orgtime.py): what drafts and pages ask ------

    def exists(self, org_id: str, on=None) -> bool:
        """Whether the body existed on `on` (default as_of): begun (if a start is stated) and not ended."""
        return self.validity.orgs.exists(org_id, on)

    def successor(self, org_id: str, on=None) -> str | None:
        """The body that carries `org_id`'s work on `on` (default as_of): itself while it exists, else the
        first body down its chain of successors that exists then; None when the data records none."""
        return self.validity.orgs.successor(org_id, on)

    def name_on(self, org_id: str, on=None) -> str:
        """How a line dated `on` (a draft, a reminder, a recipient) names a body: its successor then if it ended,
        saying whom it succeeds (macros/knowledge/orgtime.py)."""
        return self.validity.orgs.name_on(org_id, on)

    def province_now_of(self, record_id: str) -> str | None:
        """The province a record's issuer belongs to at as_of, after the 2025 mergers ('Gia Lai' for Bình Định's)."""
        return self.validity.orgs.province_now(self.province_of(record_id))

    def org_active(self, org_id: str, on=None) -> bool:
        return self.exists(org_id, on)

    def org_successor(self, org_id: str) -> str | None:
        """The last successor of an ended body (None while it exists or if none is recorded)."""
        return self.validity.org_successor(org_id)

    @cached_property
    def finder(self) -> CitationFinder:
        return CitationFinder.of(self.data)

    # --- citations -----------------------------------------------------------------------

    @cached_property
    def cited_by(self) -> dict[str, list[Citation]]:
        table: dict[str, list[Citation]] = defaultdict(list)
        seen: set[Citation] = set()  # sets keep this linear: ct-33 is cited by every plan in the country
        parts: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for citation in self.citations:
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
    def citations_of(self) -> dict[str, list[Citation]]:
        """plan id → its citations in text order (so per-plan lookups do not scan every citation)."""
        table: dict[str, list[Citation]] = defaultdict(list)
        for citation in self.citations:
            table[citation.plan].append(citation)
        return dict(table)

    def cites(self, plan_id: str, anchor: str) -> list[str]:
        """Documents one part of a plan cites, in order of first mention, explicit `cites` last."""
        found = [c.target for c in self.citations_of.get(plan_id, []) if c.anchor == anchor]
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
        own = self.citations_of.get(plan_id, [])
        cited = [c.target for c in own if c.anchor in heads]
        central = [c.target for c in own if self.tier_of(c.target) in CENTRAL]
        return list(dict.fromkeys([*plan.implements, *cited, *central]))

    # --- relations -----------------------------------------------------------------------

    @cached_property
    def links(self) -> list[Link]:
        edges = [Link(r.type, d.id, r.target, r.stated_in, r.note, r.source)
                 for d in self.data.documents.values() for r in d.relations]
        edges += [Link("implements", p.id, t, p.id) for p in self.data.plans.values() for t in p.implements]
        # Replacements and amendments read in public texts (data/validity.yaml `changes`), dated by the change.
        changes = self.data.validity.changes if self.data.validity else []
        edges += [Link(KIND_OF_CHANGE[c.change], c.by, c.record, None, c.note, c.source, c.date)
                  for c in changes if c.change in KIND_OF_CHANGE and c.by]
        return edges

    @cached_property
    def links_out(self) -> dict[str, list[Link]]:
        table: dict[str, list[Link]] = defaultdict(list)
        for link in self.links:
            table[link.source].append(link)
        return dict(table)

    @cached_property
    def links_in(self) -> dict[str, list[Link]]:
        table: dict[str, list[Link]] = defaultdict(list)
        for link in self.links:
            table[link.target].append(link)
        return dict(table)

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
            for link in self.links_out.get(record_id, []):
                if link.type in UPWARD:
                    walk(link.target, depth + 1, link.type)

        for base in self.plan_bases(plan_id):
            walk(base, 0, "implements" if base in plan.implements else "based-on")
        return rows

    def children(self, plan_or_doc: str) -> list[str]:
        """Plans that implement this plan or document."""
        return list(self._children.get(plan_or_doc, ()))

    @cached_property
    def _children(self) -> dict[str, list[str]]:
        table: dict[str, set[str]] = defaultdict(set)
        for plan in self.data.plans.values():
            for target in plan.implements:
                table[target].add(plan.id)
        return {target: sorted(ids) for target, ids in table.items()}

    # --- groupings -----------------------------------------------------------------------

    def tasks_with_theme(self, theme_id: str, plans=None) -> Iterator[tuple[model.Plan, model.Task]]:
        for plan in self.sorted_plans if plans is None else plans:
            for task in plan.tasks:
                if theme_id in task.themes:
                    yield plan, task

    def documents_for_theme(self, theme_id: str) -> list[str]:
        cited = [d for plan, task in self.tasks_with_theme(theme_id) for d in self.cites(plan.id, task.id)]
        tagged = [d.id for d in self.data.documents.values() if theme_id in d.themes]
        counts = Counter(cited)
        ranked = sorted(set(cited) | set(tagged), key=lambda d: (-counts[d], d))
        return [d for d in ranked if d in self.data.documents]

    def campaign_targets(self, campaign_id: str, plans=None) -> list[tuple[model.Plan, model.Target]]:
        plans = self.sorted_plans if plans is None else plans
        return [(p, t) for p in plans for t in p.targets if campaign_id in t.campaigns]

    def campaign_tasks(self, campaign_id: str, plans=None) -> list[tuple[model.Plan, model.Task]]:
        plans = self.sorted_plans if plans is None else plans
        return [(p, t) for p in plans for t in p.tasks if campaign_id in t.campaigns]

    @cached_property
    def sorted_plans(self) -> list[model.Plan]:
        return sorted(self.data.plans.values(), key=lambda p: (self.province_of(p.id) or "", p.date or "", p.id))

    @cached_property
    def sorted_documents(self) -> list[model.Document]:
        return sorted(self.data.documents.values(), key=lambda d: (d.date or "9999", d.id))

    def tier_of(self, record_id: str) -> str:
        """Place in the hierarchy of bases: system and level of the issuer."""
        org = self.issuer_of(record_id)
        if org is None:
            return TIERS[-1]
        if org.kind == "dang":
            return TIERS[0] if org.level == "trung-uong" else TIERS[3]
        if org.kind == "mat-tran-doan-the":
            return TIERS[6]
        if org.level == "trung-uong":
            return TIERS[1] if "quoc-hoi" in (org.id, org.parent) else TIERS[2]
        return TIERS[4] if org.level == "tinh" else TIERS[5]

    def central_ids(self) -> set[str]:
        """Documents of central bodies (issuer with no province)."""
        return {d.id for d in self.data.documents.values() if d.issuer and self.province_of(d.id) is None}

    def documents_by_province(self) -> list[tuple[str, list[model.Document]]]:
        """Provincial documents by the province of their issuer, provinces in name order."""
        groups: dict[str, list[model.Document]] = defaultdict(list)
        for doc in self.sorted_documents:
            province = self.province_now_of(doc.id)
            if province:
                groups[province].append(doc)
        return sorted(groups.items())

    def level_groups(self, docs) -> list[tuple[str, list]]:
        groups: dict[str, list] = {tier: [] for tier in TIERS}
        for doc in docs:
            groups[self.tier_of(doc.id)].append(doc)
        return [(tier, items) for tier, items in groups.items() if items]

    def basis_rows(self, matrix: dict[str, dict[str, int]]) -> list[str]:
        """Documents cited by most plans first, uncited ones left out."""
        rows = [d for d, row in matrix.items() if any(row.values())]
        return sorted(rows, key=lambda d: (-sum(1 for n in matrix[d].values() if n), d))

    def plans_by_province(self) -> list[tuple[str, list[model.Plan]]]:
        groups: dict[str, list[model.Plan]] = defaultdict(list)
        for plan in self.sorted_plans:
            groups[self.province_now_of(plan.id) or "Trung ương"].append(plan)
        return sorted(groups.items())

    @cached_property
    def plan_deadlines(self) -> dict[str, list[Deadline]]:
        """plan id → its dated reporting deadlines (an empty list: the plan dates none)."""
        return {plan.id: deadlines(plan) for plan in self.sorted_plans}

    def all_deadlines(self) -> list[Deadline]:
        return sorted(d for items in self.plan_deadlines.values() for d in items)

    def province_deadlines(self) -> list[tuple[str, list[model.Plan], list[Deadline]]]:
        """(province, its plans, their dated deadlines in date order), one row per province."""
        return [(name, plans, sorted(d for p in plans for d in self.plan_deadlines[p.id]))
                for name, plans in self.plans_by_province()]

    @staticmethod
    def undated(plan: model.Plan):
        return undated(plan)

    def org_groups(self) -> list[tuple[str, list[model.Organisation]]]:
        groups: dict[str, list[model.Organisation]] = defaultdict(list)
        for org in sorted(self.data.organisations.values(), key=lambda o: (o.province or "", o.name)):
            groups[f"{LABELS[org.kind]} – {LABELS[org.level].lower()}"].append(org)
        return sorted(groups.items())

    def top_plans(self, limit: int = 30) -> list[model.Plan]:
        """Plans worth comparing side by side: all of them while few; at scale only the plans that
        implement no other plan of the data (provincial plans), so pages stay readable and flat in cost."""
        plans = self.sorted_plans
        if len(plans) <= limit:
            return plans
        return [p for p in plans if not any(t in self.data.plans for t in p.implements)]

    def theme_matrix(self) -> dict[str, dict[str, int]]:
        """themes × plans: how many tasks of each plan carry each theme."""
        tops = self.top_plans()
        return {t: {p.id: sum(t in k.themes for k in p.tasks) for p in tops} for t in self.data.themes}

    def basis_matrix(self) -> dict[str, dict[str, int]]:
        """documents × plans: how many times each plan cites each document."""
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for doc, cits in self.cited_by.items():
            for c in cits:
                counts[doc][c.plan] += 1
        tops = self.top_plans()
        return {d: {p.id: counts[d][p.id] for p in tops} for d in self.data.documents}
