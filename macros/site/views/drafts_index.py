"""The drafts index (soan-ke-hoach/index.md): by province at the data's date, each body's year-ahead drafts
and the plan they are made from, the bodies that get none and why; then the report drafts."""

from __future__ import annotations

from dataclasses import dataclass

from ...drafting.book import REPORT, DraftBook


@dataclass(frozen=True)
class DraftLink:
    slug: str  # the draft's page, under soan-ke-hoach/
    year: int


@dataclass(frozen=True)
class BodyDrafts:
    name: str
    drafts: tuple[DraftLink, ...]
    source: str  # the plan the drafts are made from
    note: str | None  # '(kế hoạch cấp trên)', '(kế hoạch của cơ quan được kế thừa)'


@dataclass(frozen=True)
class NoDraft:
    name: str
    why: str
    successor: str | None  # an organisation id


@dataclass(frozen=True)
class ProvinceDrafts:
    name: str
    bodies: tuple[BodyDrafts, ...]
    skipped: tuple[NoDraft, ...]


@dataclass(frozen=True)
class ReportDraft:
    slug: str
    plan: str


@dataclass(frozen=True)
class DraftsIndexView:
    as_of: str  # dd/mm/yyyy
    year: int  # the year ahead
    provinces: tuple[ProvinceDrafts, ...]
    reports: tuple[ReportDraft, ...]
    central: tuple[NoDraft, ...]  # bodies of no province (central, Party, Front) that get none


def drafts_index_view(book: DraftBook) -> DraftsIndexView:
    return DraftsIndexView(
        as_of=book.as_of.strftime("%d/%m/%Y"), year=book.as_of.year + 1,
        provinces=tuple(ProvinceDrafts(province, tuple(_body(o, made) for o, made in bodies),
                                       tuple(_skip(s) for s in book.skipped_in(province)))
                        for province, bodies in book.by_province()),
        reports=tuple(ReportDraft(slug, e.plan) for slug, e in book.entries.items() if e.what == REPORT),
        central=tuple(_skip(s) for s in book.skipped if not s.org.province),
    )


def _body(org, made) -> BodyDrafts:
    first = made[0]
    note = "(kế hoạch cấp trên)" if not first.own else "(kế hoạch của cơ quan được kế thừa)" if first.heir_of else None
    return BodyDrafts(org.name, tuple(DraftLink(s.slug, s.year) for s in made), first.source.id, note)


def _skip(s) -> NoDraft:
    return NoDraft(s.org.name, s.why, s.successor)
