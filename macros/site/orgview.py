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

from ..drafting.ahead import members
from ..text import format as T

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


def org_view(ix, book, org_id: str, href: Href, draft_href: Callable[[str], str]) -> OrgView:
    """The page of one organisation. `href` links records and organisations, `draft_href` draft pages."""
    data, orgs = ix.data, ix.data.organisations
    org = orgs[org_id]
    as_of = ix.as_of

    def org_link(i: str) -> Link:
        return Link(orgs[i].name, href(i, None))

    def record_link(i: str) -> Link:
        return Link(book.title_of(i), href(i, None))

    successor = ix.org_successor(org_id)
    duties = _duties(ix, org_id, href, record_link)
    life = tuple(t for t in (ix.validity.orgs.start_text(org_id), ix.validity.org_end_text(org_id)) if t)
    plans = sorted((p for p in data.plans.values() if p.issuer == org_id), key=lambda p: (str(p.date or ""), p.id))
    docs = sorted((d for d in data.documents.values() if d.issuer == org_id or org_id in (d.co_issuers or [])),
                  key=lambda d: (str(d.date or ""), d.id))
    return OrgView(
        name=org.name, short_name=org.short_name, kind=T.label(org.kind), level=T.label(org.level),
        province=org.province, exists=ix.exists(org_id), life=life,
        successor=org_link(successor) if successor and successor != org_id else None,
        predecessors=tuple(org_link(i) for i in ix.validity.orgs.predecessors.get(org_id, [])),
        parent=org_link(org.parent) if org.parent in orgs else None,
        children=tuple(org_link(o.id) for o in sorted(orgs.values(), key=lambda o: o.name) if o.parent == org_id),
        plans=tuple(record_link(p.id) for p in plans),
        documents=tuple(record_link(d.id) for d in docs),
        duties=tuple(duties),
        deadlines=tuple(_deadlines(ix, {(d.plan_id, d.job_id) for d in duties}, as_of, record_link)),
        drafts=tuple(Link(book.title(s.slug), draft_href(s.slug)) for s in book.sheets if s.org.id == org_id)
        + tuple(Link(book.title(e.slug), draft_href(e.slug)) for p in plans if (e := book.report(p.id))),
        no_draft=tuple(s.why for s in book.skipped if s.org.id == org_id),
        as_of=T.date_vi(as_of.isoformat()) if as_of else "",
    )


def _duties(ix, org_id: str, href: Href, record_link) -> list[Duty]:
    """Each assignment of each plan that names the body, or a group it belongs to."""
    out = []
    for plan in ix.sorted_plans:
        for job in plan.assignments:
            if job.unit == org_id:
                how = "giao trực tiếp"
            elif any(o.id == org_id for o in members(ix, plan, job)):
                how = f"thuộc “{job.unit_text}”"
            else:
                continue
            number = f"mục {job.number}" if job.number else job.unit_text
            out.append(Duty(plan.id, job.id, record_link(plan.id), Link(f"Tổ chức thực hiện, {number}", href(plan.id, job.id)),
                            how, tuple(_short(d) for d in job.duties)))
    return out


def _deadlines(ix, jobs: set[tuple[str, str]], as_of: dt.date | None, record_link) -> list[Deadline]:
    """The dated reporting duties of the body's assignments, the coming ones first."""
    items = sorted(d for p in ix.plan_deadlines for d in ix.plan_deadlines[p] if (d.plan, d.assignment) in jobs)
    rows = [Deadline(T.date_vi(d.date.isoformat()), as_of is None or d.date >= as_of, T.label(d.period),
                     ix.org_name(d.to) or "chưa rõ", record_link(d.plan)) for d in items]
    return [r for r in rows if r.coming] + [r for r in rows if not r.coming]


def _short(text: str, limit: int = 320) -> str:
    """A duty's text on one line, cut at a word after `limit` characters (the plan has it whole)."""
    one = re.sub(r"\s+", " ", re.sub(r"\[\^\d+\]", "", text)).strip()
    if len(one) <= limit:
        return one
    cut = one.rfind(" ", 0, limit)
    return one[: cut if cut > 0 else limit].rstrip(" ,;:") + " …"
