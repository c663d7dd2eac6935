"""The maintainers' review of facts the source plans do not state (nguon-bo-sung.md): what each document's
status rests on, the sourced changes of validity, the added and derived facts, what has no source, the
organisations' beginnings and ends, and the documents whose status is unknown."""

from __future__ import annotations

from dataclasses import dataclass

from ...knowledge.marks import field_label
from ...knowledge.orgtime import OrgTimeline
from ...knowledge.provenance import Provenances
from ...knowledge.records import Records
from ...knowledge.status import Validity
from ...knowledge.statusword import KINDS as STATUS_KINDS
from ...knowledge.timeline import CHANGE_WORDS
from ...text import format as T

LEVEL_WORDS = {"huyen": "huyện", "xa": "xã", "tinh": "tỉnh"}


@dataclass(frozen=True)
class Count:
    label: str
    count: int


@dataclass(frozen=True)
class Change:
    record: str
    change: str  # 'Bị thay thế bởi'
    by: str | None
    note: str | None
    date: object
    source: str
    quote: str | None
    where: str | None


@dataclass(frozen=True)
class AddedDocument:
    id: str
    source: str
    where: str | None


@dataclass(frozen=True)
class AddedFact:
    record: str
    field: str  # the field's name in words ('' for a relation)
    relation: str | None  # for a relation: its words and target
    target: str | None
    document: str | None
    article: str | None
    quote: str | None
    where: str | None


@dataclass(frozen=True)
class EndedLevel:
    level: str  # 'huyện'
    date: object
    source: str
    quote: str | None
    where: str | None


@dataclass(frozen=True)
class FieldNote:
    record: str
    field: str
    note: str  # how it was derived ('' for a fact without source)


@dataclass(frozen=True)
class ProvinceChange:
    province: str
    change: str  # 'vào tỉnh Gia Lai', 'giữ nguyên'
    date: object
    source: str
    quote: str | None
    where: str | None


@dataclass(frozen=True)
class OrgEvent:
    org: str
    text: str
    quote: str | None
    where: str | None


@dataclass(frozen=True)
class Unknown:
    id: str
    missing: str


@dataclass(frozen=True)
class ProvenanceView:
    as_of: str | None  # dd/mm/yyyy
    documents: int
    sourced: int  # documents whose status is a fact with a source
    kinds: tuple[Count, ...]
    changes: tuple[Change, ...]
    added_documents: tuple[AddedDocument, ...]
    added: tuple[AddedFact, ...]
    levels: tuple[EndedLevel, ...]
    derived: tuple[FieldNote, ...]
    missing: tuple[FieldNote, ...]
    provinces: tuple[ProvinceChange, ...]
    org_events: tuple[OrgEvent, ...] | None  # None: the data records no body's beginning or end
    unknown: tuple[Unknown, ...]


def provenance_view(records: Records, validity: Validity, provenance: Provenances,
                    orgs: OrgTimeline) -> ProvenanceView:
    data = records.data
    facts = data.validity
    docs = records.sorted_documents
    statuses = [validity.status(d.id) for d in docs]
    return ProvenanceView(
        as_of=validity.as_of.strftime("%d/%m/%Y") if validity.as_of else None,
        documents=len(docs), sourced=sum(1 for s in statuses if s.sourced),
        kinds=tuple(Count(label[:1].upper() + label[1:], n) for kind, label in STATUS_KINDS.items()
                    if (n := sum(1 for s in statuses if s.kind == kind))),
        changes=tuple(Change(c.record, CHANGE_WORDS[c.change], c.by, c.note, c.date, c.source.label, c.source.quote,
                             c.source.where) for c in (facts.changes if facts else [])),
        added_documents=tuple(AddedDocument(d.id, d.added.label, d.added.where) for d in docs if d.added),
        added=tuple(_added(records, provenance, rid, field, p) for rid, field, p in provenance.added()),
        levels=tuple(EndedLevel(LEVEL_WORDS.get(e.level, e.level), e.date, e.source.label, e.source.quote,
                                e.source.where) for e in (facts.levels_ended if facts else [])),
        derived=tuple(FieldNote(rid, field_label(field), p.note) for rid, field, p in provenance.derived()),
        missing=tuple(FieldNote(rid, field_label(field), "") for rid, field in provenance.missing()),
        provinces=tuple(ProvinceChange(p.province, "vào tỉnh " + p.into if p.change == "hop-nhat" else "giữ nguyên",
                                       p.date, p.source.label, p.source.quote, p.source.where)
                        for p in (facts.provinces if facts else [])),
        org_events=_org_events(records, orgs),
        unknown=tuple(Unknown(d.id, ", ".join(s.missing)) for d, s in zip(docs, statuses) if s.state == "unknown"),
    )


def _added(records: Records, provenance: Provenances, rid: str, field: str, p) -> AddedFact:
    e = provenance.editorial_source(rid, field)
    quote = e.quote if e and e.quote else None
    if field.startswith("relations["):
        rel = records.record(rid).relations[int(field[10:-1])]
        return AddedFact(rid, "", T.RELATION_LABELS[rel.type][0], rel.target, p.document, p.article, quote, p.where)
    return AddedFact(rid, field_label(field), None, None, p.document, p.article, quote, p.where)


def _org_events(records: Records, orgs: OrgTimeline) -> tuple[OrgEvent, ...] | None:
    bodies = records.data.organisations.values()
    created, ended = [o for o in bodies if o.created], [o for o in bodies if o.ended]
    changed = list({o.id: o for o in [*created, *ended]}.values())  # each body once, where it first comes
    if not changed:
        return None
    events = []
    for o in changed:
        if o.created:
            events.append(OrgEvent(o.id, orgs.start_text(o.id), o.created.source.quote, o.created.source.where))
        if o.ended and (text := orgs.end_text(o.id, records.org_name)):
            events.append(OrgEvent(o.id, text, o.ended.source.quote, o.ended.source.where))
    return tuple(events)
