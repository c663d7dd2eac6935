"""Records of one build by id: what a record is, its kind, issuer and province, and where it sits among bases.

The lowest service of the index (macros/knowledge/index.py): every other one reads records through it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ..data import model
from ..data.kinds import KINDS
from ..data.lint import value_doubts
from ..data.loader import Dataset
from .orgtime import OrgTimeline

TIERS = (
    "Đảng – Trung ương", "Quốc hội", "Chính phủ, Thủ tướng Chính phủ, bộ, ngành trung ương", "Tỉnh ủy",
    "HĐND, UBND tỉnh", "Sở, ngành, cơ quan chuyên môn", "Mặt trận, đoàn thể", "Chưa rõ cơ quan ban hành",
)
CENTRAL = set(TIERS[:3])
_RUN = re.compile(r"\w+")


@dataclass(frozen=True)
class Link:
    """One relation edge: `source` —type→ `target`; `stated_in` names the plan that says so."""

    type: str
    source: str
    target: str
    stated_in: str | None = None
    note: str | None = None
    added: model.EditorialSource | None = None  # when no source plan states it: the article that does
    since: model.PartialDate | None = None  # a change of data/validity.yaml: the day it took effect


class Records:
    """Lookups by record id over one build's data (the province now needs the organisations over time)."""

    def __init__(self, data: Dataset, orgs: OrgTimeline) -> None:
        self.data = data
        self.orgs = orgs

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

    def province_now_of(self, record_id: str) -> str | None:
        """The province a record's issuer belongs to at as_of, after the 2025 mergers ('Gia Lai' for Bình Định's)."""
        return self.orgs.province_now(self.province_of(record_id))

    def org_name(self, org_id: str | None) -> str | None:
        org = self.data.organisations.get(org_id) if org_id else None
        return org.name if org else None

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

    def issued_by(self, org_id: str | None) -> tuple[list[model.Document], list[model.Plan]]:
        """The documents and plans whose `issuer` is this body (None: documents whose issuer is unknown), in data order."""
        return self._issued.get(org_id, ([], []))

    @cached_property
    def _issued(self) -> dict[str, tuple[list[model.Document], list[model.Plan]]]:
        table: dict[str, tuple[list[model.Document], list[model.Plan]]] = {}
        for doc in self.data.documents.values():
            table.setdefault(doc.issuer, ([], []))[0].append(doc)
        for plan in self.data.plans.values():
            table.setdefault(plan.issuer, ([], []))[1].append(plan)
        return table

    def orgs_in(self, text: str) -> list[tuple[int, model.Organisation]]:
        """(place in the data, organisation), in data order, of every body whose name or short name `text`
        writes ending where a word ends (and maybe of others whose name merely occurs in it). Read from a
        table of names by their last word, made once per build (a scan of every body per recipients line
        grew with bodies x drafts)."""
        keyed, always = self._org_names
        found = set(always)
        for run in set(_RUN.findall(text)):
            found.update(keyed.get(run, ()))
        orgs = self._org_list
        return [(n, orgs[n]) for n in sorted(found)
                if any(name and name in text for name in (orgs[n].name, orgs[n].short_name))]

    @cached_property
    def _org_list(self) -> list[model.Organisation]:
        return list(self.data.organisations.values())

    @cached_property
    def _org_names(self) -> tuple[dict[str, list[int]], list[int]]:
        """The last run of word characters of a name of two runs or more is a whole run wherever the name
        occurs followed by a non-word character; names of one run are tried on every text."""
        keyed: dict[str, list[int]] = {}
        always: list[int] = []
        for n, org in enumerate(self._org_list):
            for name in dict.fromkeys(x for x in (org.name, org.short_name) if x):
                runs = _RUN.findall(name)
                if len(runs) < 2:
                    always.append(n)
                else:
                    keyed.setdefault(runs[-1], []).append(n)
        return keyed, always

    @cached_property
    def sorted_plans(self) -> list[model.Plan]:
        return sorted(self.data.plans.values(), key=lambda p: (self.province_of(p.id) or "", p.date or "", p.id))

    @cached_property
    def sorted_documents(self) -> list[model.Document]:
        return sorted(self.data.documents.values(), key=lambda d: (d.date or "9999", d.id))

    @cached_property
    def value_doubts(self) -> dict[tuple[str, str], str]:
        """(document id, field) → why the value is doubtful, for every list that shows it."""
        records = {o.source.path: rid for rid, o in self.data.origins.items() if not o.base}
        return {(records[w.file], w.field): w.message for w in value_doubts(self.data) if w.file in records}
