"""What the per-plan draft builders read from the `DraftBook` that calls them.

macros/drafting/book.py builds each report by calling report.py with itself; report.py sees it
through `Shelf`, so it does not import the book that imports it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol

from ..data.loader import Dataset
from ..knowledge.index import SiteIndex


class Shelf(Protocol):
    """The book's data and the day of the data: what the report draft reads."""

    ix: SiteIndex
    data: Dataset
    title_of: Callable[[str], str]

    @property
    def as_of(self) -> dt.date: ...
