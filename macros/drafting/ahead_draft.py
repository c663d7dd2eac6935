"""A body's plan for the year ahead, shaped like the plans units really write.

The shape of the three unit plans in the sources (Văn phòng UBND tỉnh Lai Châu 2025, Sở Nông
nghiệp và Môi trường Lai Châu 2026, Văn phòng UBND tỉnh Trà Vinh 2023): the unit under its parent
in the header; one opening sentence "Thực hiện Kế hoạch số … của …, [đơn vị] xây dựng kế hoạch …
như sau:"; aims about the unit; a few targets of its own; tasks as full paragraphs; "Tổ chức thực
hiện" naming its sub-units and the office that compiles; Nơi nhận; a deputy signing "KT.".
Built from the unit's own latest plan (`Sheet.own`, rolled forward) or else from the plan above
that gives it work (`Sheet.parent`). Text carried from either is verbatim (carry.py); only the
draft's own year, title and dates are set.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from ..knowledge.index import SiteIndex
from . import ahead_org, ahead_parts
from .ahead import Sheet
from .carry import retitle
from .desk import Desk
from .draftdoc import Draft, number_parts
from .presence import became
from .units import kind_of, org_header, own_name
from .words import signer_lines


def year_draft(ix: SiteIndex, sheet: Sheet, as_of: dt.date, title_of: Callable[[str], str]) -> Draft:
    desk = Desk(ix, sheet, as_of, _titles(ix, sheet, title_of))
    parent_line, own = org_header(ix, sheet.org)
    summary = _summary(desk)
    body = [*ahead_parts.opening(desk, summary), *ahead_parts.aims(desk), *ahead_parts.targets(desk),
            *ahead_parts.tasks(desk), *ahead_org.organisation(desk), *ahead_org.closing(desk, summary)]
    place = sheet.org.province or (sheet.source.place or "[Địa danh]")
    return Draft(sheet.slug, f"Kế hoạch của {sheet.org.name} năm {sheet.year}", parent_line, own,
                 _number(desk), f"{place}, ngày […] tháng […] năm {sheet.year}", "KẾ HOẠCH", summary,
                 tuple(number_parts(body)), ahead_org.recipients(desk), _signer(desk))


def _summary(desk: Desk) -> str:
    if desk.sheet.own:
        return retitle(desk.sheet.own.title, desk.year)
    return f"Thực hiện công tác dân vận chính quyền năm {desk.year}"


def _number(desk: Desk) -> str:
    """'Số: […]/KH-VPUBND' with the code the unit's own plan uses; a phòng or an office inside a
    body has no 'Số' of its own (its plan goes out without one)."""
    kind, parent = desk.sheet.kind.id, desk.above
    if kind == "phong" or (kind == "van-phong" and parent and parent.level != "tinh"):
        return ""
    own = _same_kind(desk)
    found = re.search(r"KH-[\wĐđ]+", own.number or "") if own else None
    if found:
        return f"Số: […]/{found.group()}"
    code = desk.sheet.kind.code
    if not code and kind == "so":
        code = "".join(w[0].upper() for w in re.findall(r"\w+", own_name(desk.ix, desk.org)) if w.lower() != "và")
    return f"Số: […]/KH-{code or '[…]'}"


def _signer(desk: Desk) -> tuple[str, ...]:
    """The unit's own signature block without the name (a deputy signing "KT." for the head), else by kind."""
    own = _same_kind(desk)
    if own and own.signer:
        lines = signer_lines(own.signer)
        return (*(lines[:-1] if own.signer.name else lines), "[Họ và tên]")
    return (*desk.sheet.kind.signer, "[Họ và tên]")


def _same_kind(desk: Desk):
    """The source plan whose number code and signature block the draft keeps: the unit's own, or an ended
    body's it took over when that body was of the same kind (a Ban renamed a Sở signs as a Sở)."""
    own = desk.sheet.own
    if own and desk.sheet.heir_of:
        old = desk.ix.data.organisations[desk.sheet.heir_of]
        return own if kind_of(own_name(desk.ix, old)).id == desk.sheet.kind.id else None
    return own


def _titles(ix: SiteIndex, sheet: Sheet, title_of: Callable[[str], str]) -> Callable[[str], str]:
    """Titles as the draft cites them: the plan of an ended body the unit took over says, beside that body's
    name, what became of it ('Ủy ban nhân dân tỉnh Bình Định (đã hợp nhất vào tỉnh Gia Lai từ 01/07/2025)')."""
    if not sheet.heir_of:
        return title_of
    old = ix.data.organisations[sheet.heir_of]
    said = f"{old.name} ({became(ix, old.id, sheet.org.id)})"

    def cited(record_id: str) -> str:
        title = title_of(record_id)
        if record_id != sheet.own.id:
            return title
        return title.replace(old.name, said, 1) if old.name in title else f"{title} của {said}"
    return cited
