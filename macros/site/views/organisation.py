"""What an organisation's page shows, as plain values: built by one pure function from the index and
the draft book, so the HTML template only lays it out.

An official looking up "Sở Nội vụ tỉnh Lào Cai" wants, on one page: whether the body still exists
on the data's date and who carries its work if not; the plans and documents it issued; every duty a
plan gives it (by name, or as one of a group such as "các sở, ban, ngành"); its reporting deadlines;
the drafts made for it; the bodies above and below it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ...drafting.ahead import members
from ...text import format as T

Href = Callable[[str, "str | None"], str]  # (record id, anchor) → relative address of its page


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class Duty:
    plan_id: str
    job_id: str
    plan: Link
    where: Link  # the plan's section that gives the duty
    how: str  # "giao trực tiếp" or "thuộc “các sở, ban, ngành”"
    texts: tuple[str, ...]


@dataclass(frozen=True)
class Deadline:
    date: str  # dd/mm/yyyy
    coming: bool  # on or after the data's date
    period: str
    to: str
    plan: Link


@dataclass(frozen=True)
class OrgView:
    name: str
    short_name: str | None
    kind: str
    level: str
    province: str | None
    exists: bool
    life: tuple[str, ...]  # start and end in words, with the text that states them
    successor: Link | None
    predecessors: tuple[Link, ...]
    parent: Link | None
    children: tuple[Link, ...]
    plans: tuple[Link, ...]
    documents: tuple[Link, ...]
    duties: tuple[Duty, ...]
    deadlines: tuple[Deadline, ...]
    drafts: tuple[Link, ...]
    no_draft: tuple[str, ...] = field(default=())  # why the body gets no draft, when it gets none
    as_of: str = ""


@dataclass(frozen=True)
class Directory:
    """Who issued what, who sits under whom, which duties name whom and which deadlines each duty has,
    for every body at once: built once per build, so each of N organisation pages reads its own rows
    instead of scanning every plan, body and deadline (N pages x N bodies x every assignment hung a
    300-plan build for over ten minutes)."""

    duties: dict[str, list[tuple[object, object, str]]]  # org id → [(plan, assignment, how)]
    plans: dict[str, list]
    documents: dict[str, list]
    children: dict[str, list]
    deadlines: dict[tuple[str, str], list]  # (plan id, assignment id) → its dated reports
    sheets: dict[str, list]  # org id → its year-ahead drafts


def directory(ix, book) -> Directory:
    """The rows every organisation page reads, in the order the pages list them."""
    orgs = ix.data.organisations
    duties: dict[str, list] = {}
    for plan in ix.records.sorted_plans:
        for job in plan.assignments:
            if job.unit:
                duties.setdefault(job.unit, []).append((plan, job, "giao trực tiếp"))
            for org in members(ix, plan, job):
                duties.setdefault(org.id, []).append((plan, job, f"thuộc “{job.unit_text}”"))
    for rows in duties.values():  # a body named directly and as a group member: once, in plan order
        seen, kept = set(), []
        for plan, job, how in rows:
            if (plan.id, job.id) not in seen:
                seen.add((plan.id, job.id))
                kept.append((plan, job, how))
        rows[:] = kept
    plans: dict[str, list] = {}
    for p in sorted(ix.data.plans.values(), key=lambda p: (str(p.date or ""), p.id)):
        plans.setdefault(p.issuer, []).append(p)
    documents: dict[str, list] = {}
    for d in sorted(ix.data.documents.values(), key=lambda d: (str(d.date or ""), d.id)):
        for issuer in dict.fromkeys([d.issuer, *(d.co_issuers or [])]):
            documents.setdefault(issuer, []).append(d)
    children: dict[str, list] = {}
    for o in sorted(orgs.values(), key=lambda o: o.name):
        children.setdefault(o.parent, []).append(o)
    deadlines: dict[tuple[str, str], list] = {}
    for p in ix.groups.plan_deadlines:
        for d in ix.groups.plan_deadlines[p]:
            deadlines.setdefault((d.plan, d.assignment), []).append(d)
    sheets: dict[str, list] = {}
    for s in book.sheets:
        sheets.setdefault(s.org.id, []).append(s)
    return Directory(duties, plans, documents, children, deadlines, sheets)


def org_view(ix, book, org_id: str, href: Href, draft_href: Callable[[str], str], rows: Directory) -> OrgView:
    """The page of one organisation. `href` links records and organisations, `draft_href` draft pages,
    `rows` the build's directory (`directory`)."""
    data, orgs = ix.data, ix.data.organisations
    org = orgs[org_id]
    as_of = ix.as_of

    def org_link(i: str) -> Link:
        return Link(orgs[i].name, href(i, None))

    def record_link(i: str) -> Link:
        return Link(book.title_of(i), href(i, None))

    successor = ix.orgs.last_successor(org_id)
    duties = _duties(rows.duties.get(org_id, []), href, record_link)
    life = tuple(t for t in (ix.orgs.start_text(org_id), ix.orgs.end_text(org_id)) if t)
    plans = rows.plans.get(org_id, [])
    docs = rows.documents.get(org_id, [])
    return OrgView(
        name=org.name, short_name=org.short_name, kind=T.label(org.kind), level=T.label(org.level),
        province=org.province, exists=ix.orgs.exists(org_id), life=life,
        successor=org_link(successor) if successor and successor != org_id else None,
        predecessors=tuple(org_link(i) for i in ix.orgs.predecessors.get(org_id, [])),
        parent=org_link(org.parent) if org.parent in orgs else None,
        children=tuple(org_link(o.id) for o in rows.children.get(org_id, [])),
        plans=tuple(record_link(p.id) for p in plans),
        documents=tuple(record_link(d.id) for d in docs),
        duties=tuple(duties),
        deadlines=tuple(_deadlines(ix, [d for duty in duties for d in rows.deadlines.get((duty.plan_id, duty.job_id), [])],
                                   as_of, record_link)),
        drafts=tuple(Link(book.title(s.slug), draft_href(s.slug)) for s in rows.sheets.get(org_id, []))
        + tuple(Link(book.title(e.slug), draft_href(e.slug)) for p in plans if (e := book.report(p.id))),
        no_draft=tuple(s.why for s in book.skipped_of(org_id)),
        as_of=T.date_vi(as_of.isoformat()) if as_of else "",
    )


def _duties(found, href: Href, record_link) -> list[Duty]:
    """Each assignment of each plan that names the body, or a group it belongs to."""
    out = []
    for plan, job, how in found:
        number = f"mục {job.number}" if job.number else job.unit_text
        out.append(Duty(plan.id, job.id, record_link(plan.id), Link(f"Tổ chức thực hiện, {number}", href(plan.id, job.id)),
                        how, tuple(_short(d) for d in job.duties)))
    return out


def _deadlines(ix, found: list, as_of: dt.date | None, record_link) -> list[Deadline]:
    """The dated reporting duties of the body's assignments, the coming ones first."""
    items = sorted(found)
    rows = [Deadline(T.date_vi(d.date.isoformat()), as_of is None or d.date >= as_of, T.label(d.period),
                     ix.records.org_name(d.to) or "chưa rõ", record_link(d.plan)) for d in items]
    return [r for r in rows if r.coming] + [r for r in rows if not r.coming]


def _short(text: str, limit: int = 320) -> str:
    """A duty's text on one line, cut at a word after `limit` characters (the plan has it whole)."""
    one = re.sub(r"\s+", " ", re.sub(r"\[\^\d+\]", "", text)).strip()
    if len(one) <= limit:
        return one
    cut = one.rfind(" ", 0, limit)
    return one[: cut if cut > 0 else limit].rstrip(" ,;:") + " …"
