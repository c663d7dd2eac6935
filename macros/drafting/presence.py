"""Adapter: what the year-ahead drafts ask of organisations and documents over time.

The knowledge layer owns "who exists on a day" and "is this usable as a basis"
(macros/knowledge/orgtime.py through `SiteIndex.orgs`: `exists` and `successor`, and
`Status.usable_as_basis` with its `note`). Drafts ask only through these functions, so the day
that API changes, this file is the one to follow it.
"""

from __future__ import annotations

import datetime as dt

from ..knowledge.index import SiteIndex
from ..text.format import date_vi
from .validity import level_standing

INTO = {"hop-nhat": "hợp nhất vào", "sap-nhap": "sáp nhập vào", "doi-ten": "đổi tên thành"}

ADMINISTRATIVE = "nha-nuoc"  # Party, Front and mass organisations write their plans in their own form


def exists(ix: SiteIndex, org_id: str, on: dt.date) -> bool:
    """The body exists on `on`: begun, not ended (itself or by its province's merger), and its level
    of government not ended (data/validity.yaml `levels_ended`)."""
    org = ix.data.organisations.get(org_id)
    if org is None or not ix.orgs.exists(org_id, on):
        return False
    if org.level in ("huyen", "xa"):
        return level_standing(ix, org.level, org.province, on).ok
    return True


def successor(ix: SiteIndex, org_id: str, on: dt.date) -> str | None:
    """The body that carries an ended body's work on `on`, if the data names one."""
    found = ix.orgs.successor(org_id, on)
    return found if found and found != org_id else None


def province_now(ix: SiteIndex, province: str | None) -> str | None:
    """The province a body's province belongs to at as_of ('Gia Lai' for 'Bình Định' from 01/07/2025)."""
    return ix.orgs.province_now(province) if province else province


def usable(ix: SiteIndex, record_id: str, on: dt.date) -> tuple[bool, str]:
    """Whether a document or plan can be cited as a basis on `on`, and the words to say why not."""
    status = ix.validity.status(record_id, on=on)
    return status.usable_as_basis, status.note


def ended_why(ix: SiteIndex, org_id: str, on: dt.date) -> str:
    """Why a body gets no draft on `on`, in one phrase ('Hợp nhất từ 01/07/2025 …')."""
    org = ix.data.organisations[org_id]
    if ix.orgs.exists(org_id, on) and org.level in ("huyen", "xa"):
        return level_standing(ix, org.level, org.province, on).why
    text = ix.orgs.end_text(org_id) or f"không còn tồn tại vào {on.strftime('%d/%m/%Y')}"
    return text.rstrip(".")


def became(ix: SiteIndex, org_id: str, heir: str) -> str:
    """How an ended body came to be carried by `heir`, each step dated: 'đã hợp nhất vào tỉnh Gia Lai từ
    01/07/2025'; 'đã đổi tên thành Sở B từ 01/03/2025, rồi hợp nhất vào Sở C từ 01/07/2025'."""
    orgs, steps, current, seen = ix.data.organisations, [], org_id, {org_id}
    while current != heir:
        end = ix.orgs.ending(current)
        if end is None or end.successor is None or end.successor in seen:
            break
        nxt, old = orgs[end.successor], orgs[current]
        where = f"tỉnh {nxt.province}" if old.level == nxt.level == "tinh" and old.province != nxt.province \
            else nxt.name
        verb = INTO.get(end.change, f"{end.change.replace('-', ' ')}, chuyển cho")
        steps.append(f"{verb} {where} từ {date_vi(end.date.isoformat())}")
        current = end.successor
        seen.add(current)
    return "đã " + ", rồi ".join(steps) if steps else ended_why(ix, org_id, dt.date.max)
