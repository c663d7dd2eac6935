"""What the per-plan draft builders read from the `DraftBook` that calls them.

macros/drafting/book.py builds each draft by calling unit_draft.py and followups.py with itself;
they see it through `Shelf`, so neither imports the book that imports them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol

from ..data import model
from ..data.loader import Dataset
from ..knowledge.index import SiteIndex
from .draftdoc import Para, Quote
from .units import Assigned
from .validity import Standing


class Shelf(Protocol):
    """The book's data and the helpers every draft shares (bases in force, quotes, titles)."""

    ix: SiteIndex
    data: Dataset
    title_of: Callable[[str], str]

    @property
    def as_of(self) -> dt.date: ...

    def on(self, plan: model.Plan) -> dt.date: ...

    def units(self, plan_id: str) -> list[Assigned]: ...

    def standing(self, record_id: str, on: dt.date) -> Standing: ...

    def quote(self, text: str, plan: model.Plan, anchor: str | None, limit: int = 0) -> Quote: ...

    def bases(self, ids: list[str], on: dt.date) -> list[Para]: ...

    def bases_of(self, plan: model.Plan) -> list[str]: ...
