"""What every part of a year-ahead draft reads (ahead_parts.py, ahead_org.py, assembled by ahead_draft.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ..data import model
from ..knowledge.index import SiteIndex
from .ahead import Sheet
from .presence import exists
from .units import own_name
from .words import plan_citation


@dataclass(frozen=True)
class Desk:
    """What every part of a year-ahead draft reads: the index, the sheet, the day of the data."""

    ix: SiteIndex
    sheet: Sheet
    as_of: dt.date
    title_of: Callable[[str], str]

    @property
    def year(self) -> int:
        return self.sheet.year

    @property
    def org(self) -> model.Organisation:
        return self.sheet.org

    @property
    def name(self) -> str:
        """How the unit's own plans name it in a sentence: 'Văn phòng UBND tỉnh', 'Sở Nội vụ'."""
        parent = self.ix.data.organisations.get(self.org.parent or "")
        own = own_name(self.ix, self.org)
        if self.sheet.kind.id == "van-phong" and parent and parent.level == "tinh" and own == "Văn phòng":
            return "Văn phòng UBND tỉnh"
        return self.org.short_name if self.sheet.kind.id == "ubnd" and self.org.short_name else own

    @property
    def above(self) -> model.Organisation | None:
        """The body the unit answers to (its parent in the data)."""
        return self.ix.data.organisations.get(self.org.parent or "")

    def exists(self, org_id: str | None) -> bool:
        return bool(org_id) and exists(self.ix, org_id, dt.date(self.year, 1, 1))

    def cite(self, plan: model.Plan) -> str:
        return plan_citation(self.ix.data, plan)
