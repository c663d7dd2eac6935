"""The page of one document (văn bản): its facts, its status at the data's date and what that rests on,
its timeline, its relations to other documents and the plans that cite it."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter

from ...data import model
from ...knowledge.index import SiteIndex
from ...knowledge.records import Link
from ...knowledge.statusword import Status
from ...knowledge.timeline import EVENT_LABELS, Event, timeline
from ...text.format import RELATION_LABELS
from .provenance import ProvenanceLine, provenance_lines


@dataclass(frozen=True)
class EventRow:
    event: Event
    label: str  # 'Ban hành', 'Bị thay thế bởi'


@dataclass(frozen=True)
class DiagramNode:
    """A box of the relations diagram: one per relation and document, however many plans state it."""

    relation: str
    record: str


@dataclass(frozen=True)
class RelationGroup:
    """The documents this one stands in one relation to ('Thay thế:', 'Bị thay thế bởi:')."""

    name: str
    others: tuple[tuple[str, Link], ...]  # (the other document, the edge)


@dataclass(frozen=True)
class Citation:
    """A plan that cites the document, and the parts of it that do (anchors of the plan's page)."""

    plan: model.Plan
    anchors: tuple[str, ...]


@dataclass(frozen=True)
class DocumentView:
    document: model.Document
    issuer: model.Organisation | None
    province: str | None  # for citations in the document's text
    status: Status
    as_of: str | None  # the data's date, dd/mm/yyyy
    added: tuple[Link, ...]  # relations no source plan states, not already among what the status rests on
    events: tuple[EventRow, ...]
    diagram_in: tuple[DiagramNode, ...]  # documents pointing at this one
    diagram_out: tuple[DiagramNode, ...]  # documents this one points at
    relations: tuple[RelationGroup, ...]  # only groups with documents in them
    citations: tuple[Citation, ...]
    provenance: tuple[ProvenanceLine, ...]
    doubts: tuple[str, ...]

    @property
    def has_relations(self) -> bool:
        return bool(self.diagram_in or self.diagram_out)


def document_view(ix: SiteIndex, document_id: str, doubts: list[str]) -> DocumentView:
    document = ix.data.documents[document_id]
    status = ix.validity.status(document_id)
    out, inn = ix.links.outgoing.get(document_id, []), ix.links.incoming.get(document_id, [])
    read = [e.quote for e in status.rests_on]
    return DocumentView(
        document=document, issuer=ix.data.organisations.get(document.issuer) if document.issuer else None,
        province=ix.records.province_of(document_id), status=status,
        as_of=ix.as_of.strftime("%d/%m/%Y") if ix.as_of else None,
        added=tuple(link for link in inn + out if link.added and link.added.quote not in read),
        events=tuple(EventRow(e, EVENT_LABELS[e.kind]) for e in timeline(ix.validity, document_id)),
        diagram_in=_boxes((link.type, link.source) for link in inn),
        diagram_out=_boxes((link.type, link.target) for link in out),
        relations=_relations(out, inn),
        citations=_citations(ix, document_id),
        provenance=provenance_lines(ix.provenance, document_id), doubts=tuple(doubts),
    )


def _citations(ix: SiteIndex, document_id: str) -> tuple[Citation, ...]:
    """By plan id (as Jinja's groupby ordered them), each plan's citing parts in the order found."""
    by_plan = sorted(ix.citations.cited_by.get(document_id, []), key=attrgetter("plan"))
    return tuple(Citation(ix.data.plans[plan], tuple(c.anchor for c in group))
                 for plan, group in groupby(by_plan, key=attrgetter("plan")))


def _boxes(edges) -> tuple[DiagramNode, ...]:
    seen: dict[tuple[str, str], DiagramNode] = {}
    for relation, record in edges:
        seen.setdefault((relation, record), DiagramNode(RELATION_LABELS[relation][0], record))
    return tuple(seen.values())


def _relations(out: list[Link], inn: list[Link]) -> tuple[RelationGroup, ...]:
    """By relation in RELATION_LABELS' order: the documents this one points at, then those pointing at it."""
    groups = []
    for relation, names in RELATION_LABELS.items():
        groups.append(RelationGroup(names[0], tuple((e.target, e) for e in out if e.type == relation)))
        groups.append(RelationGroup(names[1], tuple((e.source, e) for e in inn if e.type == relation)))
    return tuple(g for g in groups if g.others)
