"""The one place drafts ask "is this basis in force?" and "does this unit still exist?" on a date.

Every draft (a unit's plan, next year's plan, a report) asks through `standing`, so the answer
comes from one source: the index's services (`validity.status`, `orgs.exists`, `orgs.last_successor`,
macros/knowledge/status.py), computed from dates and relations the data states. Nothing is assumed: what
the data does not say stays "unknown", and drafts show it as such.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..data.dates import PartialDate
from ..knowledge.index import SiteIndex
from ..text.format import day

LEVELS = {"huyen": "huyện", "xa": "xã"}


@dataclass(frozen=True)
class Standing:
    """`ok`: usable on the date (a basis in force, a unit that exists); `state` as in
    macros/knowledge/status.py; `successor`: the record that took its place, if the data names one."""

    ok: bool
    state: str
    successor: str | None = None
    since: dt.date | None = None
    why: str = ""


def standing(ix: SiteIndex, record_id: str, on: dt.date) -> Standing:
    """Whether a document, plan or organisation can be used on `on`, and why (macros/knowledge/status.py)."""
    if record_id in ix.data.organisations:
        return _organisation(ix, record_id, on)
    status = ix.validity.status(record_id, on=on)
    return Standing(status.usable_as_basis, status.state, status.successor, status.since, _why(status))


def _why(status) -> str:
    """The status in words: its basis, one sentence ('Hết hiệu lực từ 01/07/2023, khi … có hiệu lực.')."""
    return status.basis.rstrip(".") or status.label


def _organisation(ix: SiteIndex, org_id: str, on: dt.date) -> Standing:
    if ix.orgs.exists(org_id, on):
        return Standing(True, "in-force")
    successor = ix.orgs.last_successor(org_id)
    end = ix.orgs.end_text(org_id) or f"không còn tồn tại vào {day(on)}"
    return Standing(False, "ceased", successor, why=end[:1].lower() + end[1:])


def level_standing(ix: SiteIndex, level: str, province: str | None, on: dt.date) -> Standing:
    """Whether a level of government named by a group ("UBND các huyện…") exists in a province on
    `on`: ended everywhere when data/validity.yaml states its end (with its article); else asked of
    each body of that level the data holds there; unknown when it holds none."""
    end = ix.validity.level_end(level, on)
    if end:
        return Standing(False, "ceased", since=end.date.full, why=ix.validity.level_end_text(end))
    bodies = [o.id for o in ix.orgs.in_province(province) if o.level == level]  # the province's, in data order
    if not bodies:
        return Standing(True, "unknown", why=f"dữ liệu không có cơ quan cấp {LEVELS.get(level, level)} nào ở tỉnh này")
    states = (standing(ix, body, on) for body in bodies)  # up to the first that exists: each assignment asks
    first = next(states)
    alive = first if first.ok else next((s for s in states if s.ok), None)
    return alive if alive is not None else Standing(False, "ceased", why=first.why)


def as_of(ix: SiteIndex) -> dt.date:
    """The date the data describes: its stated `as_of` (data/validity.yaml), or, for data that
    states none, the newest date it holds (a plan's date or period, a document's date)."""
    return ix.as_of or _newest(ix)


def _newest(ix: SiteIndex) -> dt.date:
    dates = [p.date for p in ix.data.plans.values() if p.date]
    dates += [PartialDate(p.period.start) for p in ix.data.plans.values()]
    dates += [d.date for d in ix.data.documents.values() if d.date]
    return max(dates, default=PartialDate(2000)).first
