"""The hierarchy of bases (van-ban/he-thong.md): documents by where they come from (central bodies by tier,
then each province with its own tiers), each with the documents it points to, and each plan's chain of
bases up to the central texts."""

from __future__ import annotations

from dataclasses import dataclass

from ...knowledge.calendar import province_slug
from ...knowledge.citing import Citations
from ...knowledge.groupings import Groupings
from ...knowledge.links import Links
from ...knowledge.orgtime import OrgTimeline
from ...knowledge.records import Records
from ...knowledge.status import Validity
from ...knowledge.statusword import FILTER_LABELS
from ...text import format as T
from .document_list import Option


@dataclass(frozen=True)
class TreeLink:
    """A document this one points to: 'tiếp tục thực hiện', 'thay thế' …"""

    relation: str
    target: str


@dataclass(frozen=True)
class TreeItem:
    id: str
    status_filter: str
    links: tuple[TreeLink, ...]


@dataclass(frozen=True)
class Tier:
    name: str
    items: tuple[TreeItem, ...]
    laws: tuple[TreeItem, ...] = ()  # under Quốc hội: laws the sources name without number or issuer


@dataclass(frozen=True)
class Province:
    name: str
    id: str  # its heading's anchor
    before: tuple[str, ...]  # provinces arranged into it, whose documents it lists
    tiers: tuple[Tier, ...]


@dataclass(frozen=True)
class ChainStep:
    relation: str
    id: str
    tier: str


@dataclass(frozen=True)
class Chain:
    plan: str
    steps: tuple[ChainStep, ...]


@dataclass(frozen=True)
class HierarchyView:
    statuses: tuple[Option, ...]
    central: tuple[Tier, ...]
    provinces: tuple[Province, ...]
    unknown: tuple[TreeItem, ...]  # documents whose issuer the sources do not name
    chains: tuple[Chain, ...]


def hierarchy_view(records: Records, groups: Groupings, links: Links, citations: Citations, validity: Validity,
                   orgs: OrgTimeline) -> HierarchyView:
    docs = records.sorted_documents
    central_ids = groups.central_ids()
    central = [d for d in docs if d.issuer is not None and d.id in central_ids]

    def items(group) -> tuple[TreeItem, ...]:
        return tuple(_item(links, validity, d) for d in group)

    laws = items(d for d in docs if d.issuer is None and d.type == "luat")
    return HierarchyView(
        statuses=tuple(Option(value, name) for value, name in FILTER_LABELS.items()),
        central=tuple(Tier(tier, items(group), laws if tier == "Quốc hội" else ())
                      for tier, group in groups.level_groups(central)),
        provinces=tuple(Province(name, f"tinh-{province_slug(name)}",
                                 tuple(str(p) for p in orgs.province_predecessors(name)),
                                 tuple(Tier(tier, items(group)) for tier, group in groups.level_groups(group_docs)))
                        for name, group_docs in groups.documents_by_province()),
        unknown=items(d for d in docs if d.issuer is None and d.type != "luat"),
        chains=tuple(Chain(p.id, tuple(ChainStep(T.RELATION_LABELS[via][0], rid, records.tier_of(rid))
                                       for _, via, rid in citations.chain(p.id))) for p in groups.top_plans()),
    )


def _item(links: Links, validity: Validity, d) -> TreeItem:
    first: dict = {}  # the first link to each target
    for link in links.outgoing.get(d.id, []):
        first.setdefault(link.target, link)
    return TreeItem(d.id, validity.status(d.id).filter_value,
                    tuple(TreeLink(T.RELATION_LABELS[x.type][0].lower(), x.target) for x in first.values()))
