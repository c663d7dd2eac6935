"""One province's share of the data: what a provincial site publishes.

A national data set (every province's plans) is validated whole, then cut to one province so
that each provincial site stays the size of one province: its own organisations, documents and
plans, everything central (province left empty), and whatever those records refer to, however
far (a plan citing another province's document keeps that document). Themes, glossary and
campaigns are shared; a campaign lists only the bases and models kept. Set `province` (plugin dvcq) in
mkdocs.yml, or DVCQ_PROVINCE, to the province's name as the organisations spell it. A province
merged into another by as_of (data/validity.yaml `provinces`) is published with its successor: the
Gia Lai site holds Bình Định's records, whose pages say that their bodies have ended.
"""

from __future__ import annotations

import dataclasses

from ..text.errors import DataError, DataInvalid
from .loader import Dataset
from .validate import check_references, references

# A relation's source plan describes the relation; it does not make that plan part of the site.
_NOT_FOLLOWED = {("relations", "stated_in")}


def provinces(data: Dataset) -> list[str]:
    """The provinces one site each is built for: those of the organisations as they are at as_of, so a
    province merged into another (Bình Định into Gia Lai, data/validity.yaml `provinces`) is its successor's."""
    return sorted({_now(data, org.province) for org in data.organisations.values() if org.province})


def predecessors(data: Dataset, province: str) -> list[str]:
    """Provinces of the data merged into `province` under its name by as_of, other than itself."""
    named = {org.province for org in data.organisations.values() if org.province}
    return sorted(p for p in named if p != province and _now(data, p) == province)


def _now(data: Dataset, province: str) -> str:
    return data.validity.province_now(province) if data.validity else province


def for_province(data: Dataset, province: str) -> Dataset:
    """The records a site for `province` shows, with those of the provinces merged into it (raise
    DataInvalid naming the provinces if unknown; a province merged away still gets its own past)."""
    named = {org.province for org in data.organisations.values() if org.province}
    if province not in provinces(data) and province not in named:
        known = ", ".join(provinces(data)) or "không có"
        raise DataInvalid([DataError("mkdocs.yml", 1, "plugins.dvcq.province",
                                     f"không có tỉnh '{province}' trong dữ liệu (các tỉnh: {known})")])
    kept = set().union(*(_own_records(data, p) for p in [province, *predecessors(data, province)]))
    kept |= set(data.themes) | set(data.terms) | set(data.campaigns)
    # Campaigns are national: their bases and models are cut to the province, not followed.
    refs = [(src, (loc[0], loc[-1]), target) for src, loc, target, _ in references(data)
            if src not in data.campaigns]
    changes = data.validity.changes if data.validity else []
    refs += [(c.record, ("changes", "by"), c.by) for c in changes if c.by]  # what replaced a kept text
    grown = True
    while grown:
        before = len(kept)
        kept |= {target for src, key, target in refs if src in kept and key not in _NOT_FOLLOWED}
        grown = len(kept) > before
    return _restricted(data, kept)


def _own_records(data: Dataset, province: str) -> set[str]:
    def here(org_id: str | None) -> bool:
        org = data.organisations.get(org_id) if org_id else None
        return org is not None and org.province == province

    orgs = {o.id for o in data.organisations.values() if o.province in (None, province)}
    docs = {d.id for d in data.documents.values() if not d.issuer or d.issuer in orgs}
    return orgs | docs | {p.id for p in data.plans.values() if here(p.issuer)}


def _restricted(data: Dataset, kept: set[str]) -> Dataset:
    plans = {k: v for k, v in data.plans.items() if k in kept}
    documents = {k: _without_dropped_statements(v, plans) for k, v in data.documents.items() if k in kept}
    if data.validity:  # a change of effect stays with the records it speaks of
        changes = [c for c in data.validity.changes if c.record in kept and (not c.by or c.by in kept)]
        validity = data.validity.model_copy(update={"changes": changes})
    else:
        validity = None
    campaigns = {k: v.model_copy(update={
        "bases": [b for b in v.bases if b in kept],
        "models": [m for m in v.models if m.plan in plans or (not m.plan and m.unit in kept)],
    }) for k, v in data.campaigns.items()}
    sources = {name: text for name, text in data.sources.items() if name in {p.source for p in plans.values()}}
    scoped = dataclasses.replace(
        data, organisations={k: v for k, v in data.organisations.items() if k in kept}, documents=documents,
        plans=plans, campaigns=campaigns, sources=sources, validity=validity,
    )
    errors = check_references(scoped)
    if errors:  # a reference kind this module does not follow: fail loudly rather than link to nothing
        raise DataInvalid(errors)
    return scoped


def _without_dropped_statements(doc, plans):
    if all(not r.stated_in or r.stated_in in plans for r in doc.relations):
        return doc
    relations = [r if not r.stated_in or r.stated_in in plans else r.model_copy(update={"stated_in": None})
                 for r in doc.relations]
    return doc.model_copy(update={"relations": relations})
