"""Adapter: what the year-ahead drafts ask of organisations and documents over time.

The knowledge layer owns "who exists on a day" and "is this usable as a basis" (issue 23 adds
`exists`, `successor` and a usable-as-basis status there). Drafts ask only through these three
functions, so the day that API changes, this file is the one to follow it.
"""

from __future__ import annotations

import datetime as dt

from ..knowledge.index import SiteIndex
from .validity import Standing, level_standing, standing

ADMINISTRATIVE = "nha-nuoc"  # Party, Front and mass organisations write their plans in their own form


def exists(ix: SiteIndex, org_id: str, on: dt.date) -> bool:
    """The body exists on `on`: not ended itself, and its level of government not ended."""
    org = ix.data.organisations.get(org_id)
    if org is None or not standing(ix, org_id, on).ok:
        return False
    if org.level in ("huyen", "xa"):
        return level_standing(ix, org.level, org.province, on).ok
    return True


def successor(ix: SiteIndex, org_id: str, on: dt.date) -> str | None:
    """The body that took over an ended one, if the data names it and it exists on `on`."""
    found = standing(ix, org_id, on).successor
    return found if found and exists(ix, found, on) else None


def basis(ix: SiteIndex, record_id: str, on: dt.date) -> Standing:
    """Whether a document or plan can be cited as a basis on `on`, with why not (macros/knowledge/status.py)."""
    return standing(ix, record_id, on)


def ended_why(ix: SiteIndex, org_id: str, on: dt.date) -> str:
    """Why a body gets no draft on `on`, in one phrase ('đã kết thúc hoạt động từ …')."""
    org = ix.data.organisations[org_id]
    if org.level in ("huyen", "xa") and standing(ix, org_id, on).ok:
        return level_standing(ix, org.level, org.province, on).why
    return standing(ix, org_id, on).why
