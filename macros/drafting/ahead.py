"""Who gets a plan for the year ahead, for which years, and from what.

Every body that exists on the data's date (`as_of`) and has work in the data gets one: the
issuers of plans, every unit a plan assigns work to, and every body of a province whose plan
assigns work to a group it belongs to ("các sở, ban, ngành"). Its draft is built from its own
latest plan (rolled forward), else from the latest plan above it that gives it work. A body that
ended, or a Party or Front body, gets none; `Skipped` says why, so nothing silently disappears.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..data import model
from ..knowledge.index import SiteIndex
from .presence import ADMINISTRATIVE, ended_why, exists, successor
from .units import GROUPS, GroupKind, Kind, kind_of, own_name


@dataclass(frozen=True)
class Sheet:
    """One body's plan for one year: `own` its latest plan, `parent` the latest plan above it that
    gives it work, `jobs` the assignments of `parent` that do (its own first, then its groups)."""

    org: model.Organisation
    year: int
    kind: Kind
    own: model.Plan | None
    parent: model.Plan | None
    jobs: tuple[model.Assignment, ...] = ()

    @property
    def slug(self) -> str:
        """'ke-hoach-2027/so-noi-vu-lao-cai': the page, and with '/' as '-' the file name."""
        return f"ke-hoach-{self.year}/{self.org.id}"

    @property
    def source(self) -> model.Plan:
        return self.own or self.parent  # type: ignore[return-value]

    @property
    def heir_of(self) -> str | None:
        """The ended body whose plan `own` is, when the body took over its work (UBND tỉnh Bình Định for
        UBND tỉnh Gia Lai): the draft rolls that plan forward under the body that carries the work now."""
        return self.own.issuer if self.own and self.own.issuer != self.org.id else None


@dataclass(frozen=True)
class Skipped:
    """A body with work in the data that gets no draft, and why (and who took over, if known)."""

    org: model.Organisation
    why: str
    successor: str | None = None
    plans: tuple[str, ...] = field(default=())


def newest(plans: list[model.Plan]) -> model.Plan | None:
    return max(plans, key=lambda p: (p.period.end, p.date or "", p.period.start, p.id), default=None)


def years_for(plan: model.Plan, as_of: dt.date) -> list[int]:
    """The coming year; for a multi-year plan still running after it, each of its remaining years."""
    first = as_of.year + 1
    if plan.period.end > plan.period.start and plan.period.end >= first:
        return list(range(max(first, plan.period.start), plan.period.end + 1))
    return [first]


def members(ix: SiteIndex, plan: model.Plan, job: model.Assignment) -> list[model.Organisation]:
    """The bodies of the data a group assignment names: directly under the plan's issuer, of a kind
    the group names ("sở, ban, ngành" → a Sở, a Ban, the Thanh tra, the Văn phòng; "các phòng" →
    any body of the issuing office; "UBND các xã" → the communes of the province)."""
    found = [g for g in GROUPS if re.search(g.pattern, job.unit_text)]
    if not found:
        return []
    issuer = ix.data.organisations[plan.issuer]  # belongs_to wants the issuer's province
    # A group of no level takes only bodies under the issuer: those, not the whole province, are tried
    # (in data order either way). Each assignment of every plan asks, several times.
    bodies = ix.orgs.in_province(issuer.province) if any(g.level for g in found) else \
        [o for o in ix.orgs.under(issuer.id) if o.province == issuer.province]
    return [o for o in bodies if o.id != job.unit and any(belongs_to(ix, o, g, plan) for g in found)]


def belongs_to(ix: SiteIndex, org: model.Organisation, group: GroupKind, plan: model.Plan) -> bool:
    """Whether a body of the data is one of the members a group of `plan` names."""
    issuer = ix.data.organisations[plan.issuer]
    if org.kind != ADMINISTRATIVE or org.province != issuer.province:
        return False
    if group.level:
        return org.level == group.level
    if org.parent != issuer.id:
        return False
    if group.kind == "so":
        return org.level == "so-nganh" and kind_of(own_name(ix, org)).id in ("so", "thanh-tra", "ban", "van-phong")
    return True


def work(ix: SiteIndex) -> dict[str, list[tuple[model.Plan, model.Assignment | None]]]:
    """Every body with work in the data: {org id: [(plan, assignment or None for an issuer)]}."""
    out: dict[str, list[tuple[model.Plan, model.Assignment | None]]] = {}
    for plan in ix.records.sorted_plans:
        out.setdefault(plan.issuer, []).append((plan, None))
        for job in plan.assignments:
            named = [job.unit] if job.unit in ix.data.organisations else []
            for org_id in named + [o.id for o in members(ix, plan, job)]:
                out.setdefault(org_id, []).append((plan, job))
    return out


def sheets(ix: SiteIndex, as_of: dt.date) -> tuple[list[Sheet], list[Skipped]]:
    """The drafts of the year ahead, and the bodies with work that get none."""
    made, skipped = [], []
    table = work(ix)
    heirs = _heirs(ix, table, as_of)
    inherited = _inherited(ix, as_of)
    for org_id in sorted(set(table) | set(heirs)):
        items = table.get(org_id, [])
        org = ix.data.organisations[org_id]
        plans = tuple(dict.fromkeys(p.id for p, _ in items))
        if org.kind != ADMINISTRATIVE or org.level == "trung-uong":
            skipped.append(Skipped(org, "cơ quan của Đảng, Mặt trận, đoàn thể hoặc Trung ương: kế hoạch đề nghị "
                                        "phối hợp chứ không giao nhiệm vụ, văn bản theo thể thức riêng", None, plans))
            continue
        if not exists(ix, org_id, as_of):
            skipped.append(Skipped(org, ended_why(ix, org_id, as_of), successor(ix, org_id, as_of), plans))
            continue
        made += _sheets_of(ix, org, items + inherited.get(org_id, []) + heirs.get(org_id, []), as_of)
    return made, skipped


def _heirs(ix: SiteIndex, table, as_of: dt.date) -> dict[str, list[tuple[model.Plan, None]]]:
    """The plans of ended bodies, by the body that carries their work at `as_of` (down a chain of successors:
    renamed, then merged): the successor rolls its predecessor's latest plan forward as its own."""
    out: dict[str, list[tuple[model.Plan, None]]] = {}
    for org_id, items in sorted(table.items()):
        heir = successor(ix, org_id, as_of) if not exists(ix, org_id, as_of) else None
        if heir and exists(ix, heir, as_of):
            out.setdefault(heir, []).extend((plan, None) for plan, job in items if job is None)
    return out


def _inherited(ix: SiteIndex, as_of: dt.date) -> dict[str, list[tuple[model.Plan, model.Assignment]]]:
    """By body, the assignments given by name to the bodies it took over (Ban Dân tộc → Sở Dân tộc và Tôn
    giáo): the work goes on under its new name. One pass over the plans for every body (a pass per body
    grew with bodies times assignments)."""
    out: dict[str, list[tuple[model.Plan, model.Assignment]]] = {}
    for plan in ix.records.sorted_plans:
        for job in plan.assignments:
            if job.unit in ix.data.organisations and not exists(ix, job.unit, as_of):
                heir = successor(ix, job.unit, as_of)
                if heir and heir != job.unit:
                    out.setdefault(heir, []).append((plan, job))
    return out


def _sheets_of(ix: SiteIndex, org: model.Organisation, items, as_of: dt.date) -> list[Sheet]:
    own = newest([p for p, job in items if job is None])
    parent = newest([p for p, job in items if job is not None])
    jobs = tuple(job for p, job in items if parent and p.id == parent.id and job is not None)
    jobs = tuple(sorted(jobs, key=lambda j: j.unit is None))  # named assignments (its own, inherited) first
    kind = kind_of(own_name(ix, org))
    source = own or parent
    return [Sheet(org, year, kind, own, parent, jobs) for year in years_for(source, as_of)]
