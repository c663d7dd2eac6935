"""Who a plan assigns work to, and what kind of unit each is: the query behind the per-unit drafts.

An assignment names one unit (`unit`: an organisation of the data) or a group as the source
writes it ("Các sở, ban, ngành…, UBND các huyện…"). A group is read as its members, one per kind
of body it names, so each kind gets a draft headed and signed as that kind signs. Whether a unit
or a level of government still exists on the draft's date is asked of `standing` only.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..data import model
from ..knowledge.index import SiteIndex
from .validity import Standing, level_standing, standing


@dataclass(frozen=True)
class Kind:
    """A kind of unit: how it signs, who leads it, what its own sub-units are called."""

    id: str
    pattern: str  # how its name starts
    signer: tuple[str, ...]
    leaders: str  # the recipients line for its leadership
    subunits: str  # its own sub-units, which report to it
    code: str = ""  # after "KH-" in the document number; "" when it cannot be told from the name


KINDS = (
    Kind("ubnd", r"(Ủy ban nhân dân|UBND)\b", ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
         "Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân", "các cơ quan, đơn vị trực thuộc", "UBND"),
    Kind("so", r"Sở\b", ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), "Giám đốc, các Phó Giám đốc Sở",
         "các phòng, đơn vị trực thuộc Sở"),
    Kind("van-phong", r"Văn phòng\b", ("KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"), "Chánh Văn phòng, các Phó Chánh Văn phòng",
         "các phòng, ban, trung tâm thuộc Văn phòng", "VP"),
    Kind("phong", r"(Trưởng )?[Pp]hòng\b", ("TRƯỞNG PHÒNG",), "Lãnh đạo phòng", "các bộ phận, công chức của phòng"),
    Kind("trung-tam", r"Trung tâm\b", ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), "Lãnh đạo Trung tâm", "các phòng, bộ phận thuộc Trung tâm"),
    Kind("thanh-tra", r"Thanh tra\b", ("KT. CHÁNH THANH TRA", "PHÓ CHÁNH THANH TRA"), "Lãnh đạo Thanh tra", "các phòng thuộc Thanh tra"),
    Kind("ban", r"Ban\b", ("KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"), "Lãnh đạo Ban", "các phòng thuộc Ban"),
)
GENERIC = Kind("khac", "", ("[CHỨC VỤ NGƯỜI ĐỨNG ĐẦU]",), "Lãnh đạo cơ quan", "các bộ phận, đơn vị trực thuộc")
KIND_BY_ID = {k.id: k for k in (*KINDS, GENERIC)}


@dataclass(frozen=True)
class GroupKind:
    """A kind of body a group assignment names: how to spot it and what its draft is headed."""

    pattern: str
    kind: str
    label: str  # the members as one phrase
    sentence: str  # one member as a sentence names it, with the place to fill
    level: str | None  # the level of government, when the group is one (its existence is asked)

    @property
    def issuer(self) -> str:
        """The header line: the sentence name in capitals."""
        return self.sentence.upper()


GROUPS = (
    GroupKind(r"sở, ban, ngành|các sở\b", "so", "các sở, ban, ngành", "[Tên sở, ban, ngành]", None),
    GroupKind(r"huyện", "ubnd", "Ủy ban nhân dân các huyện, thị xã, thành phố",
              "Ủy ban nhân dân [huyện, thị xã, thành phố …]", "huyen"),
    GroupKind(r"(?<!thị )\bxã\b", "ubnd", "Ủy ban nhân dân các xã, phường", "Ủy ban nhân dân [xã, phường …]", "xa"),
    GroupKind(r"[Cc]ác [Pp]hòng|[Pp]hòng, ban|đơn vị trực thuộc|bộ phận", "phong", "các phòng, đơn vị trực thuộc",
              "[Tên phòng, đơn vị]", None),
)
NOT_ADMINISTRATIVE = ("dang", "mat-tran-doan-the")
PLAN_DRAFTS = ("nam-sau", "bao-cao")  # the names of a plan's own drafts: next period's plan, the report  # Party and Front bodies: asked to help, not assigned


@dataclass(frozen=True)
class Assigned:
    """One unit (or one kind of member of a group) an assignment of `plan` names.

    `slug` names its draft; `reason` says why it gets none (empty when it gets one).
    """

    plan: model.Plan
    assignment: model.Assignment
    slug: str
    name: str  # as a sentence names it: 'Sở Nội vụ tỉnh Lào Cai', 'Các sở, ban, ngành'
    kind: Kind
    org: model.Organisation | None
    group: GroupKind | None
    standing: Standing
    reason: str = ""

    @property
    def drafted(self) -> bool:
        return not self.reason


def unit_slug(plan: model.Plan, job: model.Assignment) -> str:
    """'<plan>/<assignment>': the draft's page and files. A group's members add '--1', '--2' and an
    assignment named like a plan's own drafts adds '--don-vi': ids never hold '--' (model.ID_PATTERN),
    so no two drafts of a plan share a name."""
    return f"{plan.id}/{job.id}" + ("--don-vi" if job.id in PLAN_DRAFTS else "")


def kind_of(name: str) -> Kind:
    """The kind of a unit from how its name starts ('Sở Nội vụ…' is a Sở)."""
    return next((k for k in KINDS if re.match(k.pattern, name)), GENERIC)


def assigned(ix: SiteIndex, plan: model.Plan, on: dt.date) -> list[Assigned]:
    """Every unit or group member the plan assigns work to, with whether it gets a draft on `on`."""
    out: list[Assigned] = []
    for job in plan.assignments:
        if job.unit and job.unit in ix.data.organisations:
            out.append(_unit(ix, plan, job, on))
        else:
            out += _members(ix, plan, job, on)
    return out


def _unit(ix: SiteIndex, plan: model.Plan, job: model.Assignment, on: dt.date) -> Assigned:
    org = ix.data.organisations[job.unit]
    state = standing(ix, org.id, on)
    reason = "" if state.ok else f"{org.name} {state.why}"
    if org.kind in NOT_ADMINISTRATIVE:
        reason = (f"{org.name} là cơ quan của Đảng, Mặt trận hoặc đoàn thể: kế hoạch đề nghị phối hợp chứ không "
                  "giao nhiệm vụ, và văn bản của cơ quan này theo thể thức riêng")
    return Assigned(plan, job, unit_slug(plan, job), org.name, kind_of(_own_name(ix, org)), org, None, state, reason)


def _members(ix: SiteIndex, plan: model.Plan, job: model.Assignment, on: dt.date) -> list[Assigned]:
    found = [g for g in GROUPS if re.search(g.pattern, job.unit_text)]
    if not found:  # bodies named without an id in the data: one draft, headed with a place to fill
        state = Standing(True, "unknown", why="dữ liệu không có mã cơ quan cho đơn vị này")
        kind = kind_of(job.unit_text)
        return [Assigned(plan, job, unit_slug(plan, job), job.unit_text, kind, None, None, state)]
    out = []
    for i, group in enumerate(found, 1):
        slug = unit_slug(plan, job) + (f"--{i}" if len(found) > 1 else "")
        province = ix.records.province_of(plan.id)
        state = level_standing(ix, group.level, province, on) if group.level else Standing(True, "in-force")
        reason = "" if state.ok else f"{group.label[:1].upper()}{group.label[1:]} {state.why}"
        out.append(Assigned(plan, job, slug, group.label, KIND_BY_ID[group.kind], None, group, state, reason))
    return out


def belongs(ix: SiteIndex, unit: Assigned, group: GroupKind, plan: model.Plan) -> bool:
    """Whether a named unit is one of a group's members: a body directly under the plan's issuer,
    of the group's kind (a Sở, a Thanh tra, a Ban are all "sở, ban, ngành"; any body of an office
    or department is one of its "phòng, đơn vị")."""
    org = unit.org
    if org is None or org.parent != plan.issuer or org.kind in NOT_ADMINISTRATIVE:
        return False
    if group.kind == "so":
        return org.level == "so-nganh" and unit.kind.id in ("so", "thanh-tra", "ban", "van-phong")
    return group.kind == "phong"


def duties_of(ix: SiteIndex, unit: Assigned) -> list[model.Assignment]:
    """The assignments that give work to this unit: its own, then each group it belongs to."""
    own = [unit.assignment]
    if unit.org is None:
        return own
    for job in unit.plan.assignments:
        if job is unit.assignment or (job.unit and job.unit in ix.data.organisations):
            continue
        if any(re.search(g.pattern, job.unit_text) and belongs(ix, unit, g, unit.plan) for g in GROUPS):
            own.append(job)
    return own


def header_names(ix: SiteIndex, unit: Assigned) -> tuple[str, str]:
    """(parent body, own name) in capitals, as the header of the unit's documents prints them."""
    plan_issuer = ix.data.organisations[unit.plan.issuer]
    if unit.org is None:
        own = unit.group.issuer if unit.group else "[TÊN CƠ QUAN, ĐƠN VỊ]"
        return _short(plan_issuer).upper(), own
    return org_header(ix, unit.org)


def org_header(ix: SiteIndex, org: model.Organisation) -> tuple[str, str]:
    """(parent body, own name) of an organisation, in capitals."""
    parent = ix.data.organisations.get(org.parent or "")
    return (_short(parent).upper() if parent else ""), _own_name(ix, org).upper()


def own_name(ix: SiteIndex, org: model.Organisation) -> str:
    return _own_name(ix, org)


def _short(org: model.Organisation) -> str:
    return org.short_name or org.name


def _own_name(ix: SiteIndex, org: model.Organisation) -> str:
    """A unit's name without its parent and province: 'Phòng Hành chính - Tổ chức, Văn phòng UBND
    tỉnh Lai Châu' → 'Phòng Hành chính - Tổ chức'; 'Sở Nội vụ tỉnh Lào Cai' → 'Sở Nội vụ'."""
    name = org.name
    parent = ix.data.organisations.get(org.parent or "")
    if parent and name.endswith(parent.name) and name != parent.name:
        name = name[: -len(parent.name)].rstrip(", ")
    if org.province and name.endswith(f" tỉnh {org.province}") and not re.match(r"(Ủy ban|UBND)", name):
        name = name[: -len(f" tỉnh {org.province}")]
    return name


def number_code(ix: SiteIndex, unit: Assigned) -> str:
    """'KH-SNV' for Sở Nội vụ (initials of its name), 'KH-UBND', 'KH-VP'; '[…]' where a name does not tell."""
    if unit.kind.code:
        return unit.kind.code
    if unit.kind.id == "so" and unit.org:
        words = re.findall(r"\w+", _own_name(ix, unit.org))
        return "".join(w[0].upper() for w in words if w.lower() not in ("và",))
    return "[…]"
