"""What one build knows, as narrow services each computed once, on first use, from a validated `Dataset`.

- `records`: a record by id, its kind, issuer, province (then and now), tier among bases (records.py);
- `links`: relations both ways (links.py);
- `citations`: who cites whom in the plans' text, chains of bases (citing.py);
- `orgs`: organisations over time, successors, provinces after the mergers (orgtime.py);
- `validity`: the status of a document or plan on a day (status.py);
- `provenance`: where each field comes from (provenance.py);
- `groups`: the tables of hub and list pages (groupings.py).
Callers ask the service that answers their question; renderers only read from here.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property

from ..data.loader import Dataset
from .citing import Citations
from .groupings import Groupings
from .links import Links
from .orgtime import OrgTimeline
from .provenance import Provenances
from .records import Records
from .status import Validity


class SiteIndex:
    """The knowledge of one build: owns its services; the build owns it (macros/site/state.py)."""

    def __init__(self, data: Dataset) -> None:
        self.data = data

    @property
    def as_of(self) -> dt.date | None:
        """The day statuses are computed at (data/validity.yaml), or None when the data states none."""
        return self.data.validity.as_of.full if self.data.validity else None

    @cached_property
    def orgs(self) -> OrgTimeline:
        return OrgTimeline(self.data, self.as_of)

    @cached_property
    def records(self) -> Records:
        return Records(self.data, self.orgs)

    @cached_property
    def links(self) -> Links:
        return Links(self.data)

    @cached_property
    def citations(self) -> Citations:
        return Citations(self.data, self.records, self.links)

    @cached_property
    def validity(self) -> Validity:
        return Validity(self.records, self.links, self.citations, self.orgs)

    @cached_property
    def provenance(self) -> Provenances:
        return Provenances(self.records, self.links, self.citations)

    @cached_property
    def groups(self) -> Groupings:
        return Groupings(self.data, self.records, self.citations)
