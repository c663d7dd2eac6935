"""Organisations over time: when a body began and ended, and who carries its work on a given day.

A body exists from its `created` day (if stated) until its `ended` day (if stated). A body of a
province that data/validity.yaml says was merged under another name (`provinces`: Bình Định into
Gia Lai on 01/07/2025) ends that day too, even without an `ended` of its own; its successor is then
unknown unless its own `ended` names one. Every end carries the text that states it.

`successor(org, on)` follows `ended.successor` from body to body until one exists on `on`, so a
body renamed and then merged leads to the merged body; a chain that breaks (no successor recorded,
or one that did not exist yet) gives None: the data does not know who carries the work.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from functools import cached_property

from ..data import model
from ..data.loader import Dataset
from .tables import group_by
from ..text.format import date_vi

CHANGE_LABELS = {
    "sap-nhap": "Sáp nhập", "hop-nhat": "Hợp nhất", "doi-ten": "Đổi tên", "giai-the": "Giải thể",
    "ket-thuc-hoat-dong": "Kết thúc hoạt động",
}
START_LABELS = {"thanh-lap": "Thành lập", "hop-nhat": "Hình thành do hợp nhất", "sap-nhap": "Nhận sáp nhập",
                "doi-ten": "Mang tên mới"}


@dataclass(frozen=True)
class Ending:
    """The end of one body: its own `ended`, or the merger of its province (`province` set)."""

    date: _dt.date
    change: str  # key of CHANGE_LABELS
    successor: str | None
    successor_name: str | None
    source: model.EditorialSource
    province: model.ProvinceChange | None = None  # the province's merger, when that is what ended it


@dataclass(frozen=True)
class Step:
    """One link of a chain on the organisations page: `org` ended on `end.date`, `next` took over."""

    org: str
    end: Ending
    next: str | None


class OrgTimeline:
    """Beginnings, ends and successors of one build's organisations (owned by `SiteIndex`)."""

    def __init__(self, data: Dataset, as_of: _dt.date | None) -> None:
        self.data = data
        self.as_of = as_of

    # --- provinces ---------------------------------------------------------------------------

    @cached_property
    def province_changes(self) -> dict[str, model.ProvinceChange]:
        return {p.province: p for p in (self.data.validity.provinces if self.data.validity else [])}

    def province_now(self, province: str | None, on: _dt.date | None = None) -> str | None:
        """The province a province's territory belongs to on `on`: 'Gia Lai' for 'Bình Định' from 01/07/2025."""
        on = on or self.as_of
        validity = self.data.validity
        return validity.province_now(province, on.isoformat()) if validity and on else province

    def province_predecessors(self, province: str) -> list[str]:
        """Provinces merged into `province` under its name, other than itself, by name."""
        return sorted(p.province for p in self.province_changes.values()
                      if p.change == "hop-nhat" and p.into == province and p.province != province)

    # --- bodies ------------------------------------------------------------------------------

    def in_province(self, province: str | None) -> list[model.Organisation]:
        """The bodies whose `province` is this one, in data order: a group a plan names ("các sở, ban,
        ngành") is looked for among them, not among every body of the country (at 20 000 plans, each
        assignment scanned four thousand bodies)."""
        return self._by_province.get(province, [])

    def under(self, org_id: str) -> list[model.Organisation]:
        """The bodies whose `parent` is this one, in data order."""
        return self._by_parent.get(org_id, [])

    @cached_property
    def _by_province(self) -> dict[str | None, list[model.Organisation]]:
        return group_by(self.data.organisations.values(), lambda org: org.province)

    @cached_property
    def _by_parent(self) -> dict[str | None, list[model.Organisation]]:
        return group_by(self.data.organisations.values(), lambda org: org.parent)

    def start(self, org_id: str) -> _dt.date | None:
        created = self.data.organisations[org_id].created
        return created.date.full if created else None

    def ending(self, org_id: str) -> Ending | None:
        """How the body ended, if the data states it: its own `ended` first, else its province's merger."""
        org = self.data.organisations[org_id]
        if org.ended:
            e = org.ended
            return Ending(e.date.full, e.change, e.successor, e.successor_name, e.source)
        change = self.province_changes.get(org.province) if org.province else None
        if change and change.change == "hop-nhat" and change.into != org.province:
            return Ending(change.date.full, "ket-thuc-hoat-dong", None, None, change.source, change)
        return None

    def exists(self, org_id: str, on: _dt.date | None = None) -> bool:
        """Whether the body existed on `on` (as_of by default): a body with no stated start or end does."""
        on = on or self.as_of
        if on is None:
            return True
        start, end = self.start(org_id), self.ending(org_id)
        return (start is None or start <= on) and (end is None or on < end.date)

    def successor(self, org_id: str, on: _dt.date | None = None) -> str | None:
        """The body that carries `org_id`'s work on `on`: itself while it exists, else the first body down
        its chain of successors that exists on `on`; None when the chain breaks or loops."""
        on = on or self.as_of
        current, seen = org_id, {org_id}
        while not self.exists(current, on):
            end = self.ending(current)
            if end is None or end.successor is None or end.successor in seen or on < end.date:
                return None
            current = end.successor
            seen.add(current)
        return current

    def last_successor(self, org_id: str) -> str | None:
        """The last body down the chain of an ended body (None while it exists or if none is recorded)."""
        if self.exists(org_id):
            return None
        found = self.successor(org_id)
        if found:
            return found
        current, seen, end = org_id, {org_id}, self.ending(org_id)
        while end and end.successor and end.successor not in seen:
            current = end.successor
            seen.add(current)
            end = self.ending(current) if current in self.data.organisations else None
        return current if current != org_id else None

    @cached_property
    def predecessors(self) -> dict[str, list[str]]:
        """body → the bodies whose own `ended` names it as successor, by id."""
        table: dict[str, list[str]] = {}
        for org in sorted(self.data.organisations.values(), key=lambda o: o.id):
            if org.ended and org.ended.successor:
                table.setdefault(org.ended.successor, []).append(org.id)
        return table

    def chains(self) -> list[list[Step]]:
        """Every chain of change, from a body no other leads to, down its successors (each body once)."""
        ended = [o for o in sorted(self.data.organisations, key=self._order) if self.ending(o)]
        heads = [o for o in ended if o not in self.predecessors]
        out = []
        for head in heads:
            steps, current, seen = [], head, set()
            while current in self.data.organisations and current not in seen and self.ending(current):
                seen.add(current)
                end = self.ending(current)
                steps.append(Step(current, end, end.successor))
                current = end.successor
            out.append(steps)
        return out

    def _order(self, org_id: str) -> tuple:
        org = self.data.organisations[org_id]
        return (org.province or "", org.level, org.name, org.id)

    # --- words -------------------------------------------------------------------------------

    def end_text(self, org_id: str, name=None) -> str | None:
        """'Hợp nhất từ 01/07/2025, kế thừa: Ủy ban nhân dân tỉnh Gia Lai (theo …)', or None while it exists."""
        end = self.ending(org_id)
        if end is None:
            return None
        name = name or (lambda i: self.data.organisations[i].name if i in self.data.organisations else None)
        if end.province:
            p = end.province
            return (f"Tỉnh {p.province} sắp xếp vào tỉnh {p.into} từ {date_vi(p.date)} (theo {p.source.label}); "
                    "chưa ghi nhận cơ quan kế thừa")
        successor = name(end.successor) if end.successor else end.successor_name
        after = f", kế thừa: {successor}" if successor else ", chưa ghi nhận cơ quan kế thừa"
        return f"{CHANGE_LABELS[end.change]} từ {date_vi(end.date.isoformat())}{after} (theo {end.source.label})"

    def name_on(self, org_id: str, on: _dt.date | None = None) -> str:
        """How a line dated `on` names a body: its name while it exists; else the body carrying its work then,
        saying whom it succeeds; else its name with the day it ended ('…; chưa ghi nhận cơ quan kế thừa')."""
        on = on or self.as_of
        org = self.data.organisations[org_id]
        if self.exists(org_id, on):
            return org.name
        after, end = self.successor(org_id, on), self.ending(org_id)
        since = f"thôi tồn tại từ {date_vi(end.date.isoformat())}" if end else "chưa thành lập vào ngày đó"
        if after:
            return f"{self.data.organisations[after].name} (kế thừa {org.name}, {since})"
        return f"{org.name} ({since}; chưa ghi nhận cơ quan kế thừa)" if end else f"{org.name} ({since})"

    def step_text(self, org_id: str) -> str:
        """A step of a chain in few words: 'hợp nhất, 01/07/2025', 'tỉnh Bình Định sắp xếp vào tỉnh Gia Lai, 01/07/2025'."""
        end = self.ending(org_id)
        when = date_vi(end.date.isoformat())
        if end.province:
            return f"tỉnh {end.province.province} sắp xếp vào tỉnh {end.province.into}, {when}"
        return f"{CHANGE_LABELS[end.change].lower()}, {when}"

    def start_text(self, org_id: str) -> str | None:
        created = self.data.organisations[org_id].created
        if created is None:
            return None
        return f"{START_LABELS[created.change]} từ {date_vi(created.date)} (theo {created.source.label})"

