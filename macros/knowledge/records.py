"""What status and provenance ask of the index: records and the relation edges between them.

`SiteIndex` (macros/knowledge/index.py) owns `Validity` and `Provenances` and hands itself to them;
they see it through `Records`, so neither imports the index that imports them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ..data import model
from ..data.loader import Dataset


@dataclass(frozen=True)
class Link:
    """One relation edge: `source` —type→ `target`; `stated_in` names the plan that says so."""

    type: str
    source: str
    target: str
    stated_in: str | None = None
    note: str | None = None
    added: model.EditorialSource | None = None  # when no source plan states it: the article that does
    since: model.PartialDate | None = None  # a change of data/validity.yaml: the day it took effect


class Records(Protocol):
    """The index as status and provenance read it."""

    data: Dataset

    def record(self, record_id: str): ...

    def kind_of(self, record_id: str) -> str: ...

    def province_of(self, record_id: str) -> str | None: ...

    def org_name(self, org_id: str | None) -> str | None: ...

    def status(self, record_id: str, on=None): ...

    @property
    def plans_citing(self) -> dict[str, list[str]]: ...

    @property
    def links_out(self) -> dict[str, list[Link]]: ...

    @property
    def links_in(self) -> dict[str, list[Link]]: ...
