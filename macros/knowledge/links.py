"""Relations between records, both ways: what a document replaces, amends, details; what a plan implements.

From the documents' `relations`, the plans' `implements` and the dated changes of data/validity.yaml.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property

from ..data.loader import Dataset
from .records import Link
from .tables import group_by

KIND_OF_CHANGE = {"replaced": "replaces", "amended": "amends"}


class Links:
    """Every relation edge of one build, by source (`outgoing`) and by target (`incoming`)."""

    def __init__(self, data: Dataset) -> None:
        self.data = data

    @cached_property
    def all(self) -> list[Link]:
        edges = [Link(r.type, d.id, r.target, r.stated_in, r.note, r.source)
                 for d in self.data.documents.values() for r in d.relations]
        edges += [Link("implements", p.id, t, p.id) for p in self.data.plans.values() for t in p.implements]
        # Replacements and amendments read in public texts (data/validity.yaml `changes`), dated by the change.
        changes = self.data.validity.changes if self.data.validity else []
        edges += [Link(KIND_OF_CHANGE[c.change], c.by, c.record, None, c.note, c.source, c.date)
                  for c in changes if c.change in KIND_OF_CHANGE and c.by]
        return edges

    @cached_property
    def outgoing(self) -> dict[str, list[Link]]:
        return group_by(self.all, lambda link: link.source)

    @cached_property
    def incoming(self) -> dict[str, list[Link]]:
        return group_by(self.all, lambda link: link.target)

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
