"""The organisations page (co-quan.md): bodies by tier, then the provinces arranged in 2025 and each chain of
bodies that ended (macros/knowledge/orgtime.py), each step dated and sourced."""

from __future__ import annotations

from dataclasses import dataclass

from ...knowledge.groupings import Groupings
from ...knowledge.orgtime import OrgTimeline
from ...knowledge.records import Records


@dataclass(frozen=True)
class OrgRow:
    id: str
    short_name: str | None
    parent: str | None
    province: str | None
    province_now: str | None  # the province it belongs to on the data's date, when another
    started: str | None  # 'hình thành do hợp nhất từ 01/07/2025 (theo …)', when the data records it


@dataclass(frozen=True)
class OrgTier:
    name: str
    rows: tuple[OrgRow, ...]


@dataclass(frozen=True)
class ProvinceChange:
    province: str
    into: str | None  # None: not arranged
    joined: str | None  # a new province of the same name: the provinces it took in ('' when none recorded)
    date: object
    source: str
    where: str | None


@dataclass(frozen=True)
class ChainStep:
    org: str
    name: str
    step: str  # 'hợp nhất, 01/07/2025'
    next: str | None
    next_name: str | None  # of `next`, or the successor the source names without a record


@dataclass(frozen=True)
class OrganisationsView:
    as_of: str | None  # dd/mm/yyyy
    tiers: tuple[OrgTier, ...]
    provinces: tuple[ProvinceChange, ...]
    chains: tuple[tuple[ChainStep, ...], ...]


def organisations_view(records: Records, groups: Groupings, orgs: OrgTimeline) -> OrganisationsView:
    validity = records.data.validity
    return OrganisationsView(
        as_of=orgs.as_of.strftime("%d/%m/%Y") if orgs.as_of else None,
        tiers=tuple(OrgTier(tier, tuple(_row(orgs, o) for o in group)) for tier, group in groups.org_groups()),
        provinces=tuple(_change(orgs, p) for p in (validity.provinces if validity else [])),
        chains=tuple(tuple(ChainStep(s.org, records.data.organisations[s.org].name, orgs.step_text(s.org), s.next,
                                     (records.org_name(s.next) or s.next) if s.next else s.end.successor_name)
                           for s in chain) for chain in orgs.chains()),
    )


def _row(orgs, o) -> OrgRow:
    now = orgs.province_now(o.province)
    started = orgs.start_text(o.id) if o.created else None
    return OrgRow(o.id, o.short_name, o.parent, o.province, now if now != o.province else None,
                  started[:1].lower() + started[1:] if started else None)


def _change(orgs, p) -> ProvinceChange:
    merged = p.change == "hop-nhat"
    joined = ", ".join(map(str, orgs.province_predecessors(p.into))) if merged and p.into == p.province else None
    return ProvinceChange(p.province, p.into if merged else None, joined, p.date, p.source.label, p.source.where)
