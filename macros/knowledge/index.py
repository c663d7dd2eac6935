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

    # --- compatibility for the page templates not yet given a view model (removed when none is left) ---

    def __getattr__(self, name: str):
        if name.startswith("_") or name not in _MOVED:
            raise AttributeError(name)
        service, attribute = _MOVED[name]
        return getattr(getattr(self, service), attribute)


_MOVED = {
    **{n: ("records", n) for n in ("record", "kind_of", "issuer_of", "province_of", "province_now_of", "org_name",
                                   "tier_of", "sorted_plans", "sorted_documents", "value_doubts")},
    **{n: ("citations", n) for n in ("finder", "cited_by", "cites", "plans_citing", "plan_bases", "chain")},
    "citations_of": ("citations", "of_plan"), "unresolved": ("citations", "unresolved"),
    "links_out": ("links", "outgoing"), "links_in": ("links", "incoming"), "children": ("links", "children"),
    "status": ("validity", "status"),
    **{n: ("orgs", n) for n in ("exists", "successor", "name_on")},
    "org_active": ("orgs", "exists"), "org_successor": ("orgs", "last_successor"),
    **{n: ("groups", n) for n in ("tasks_with_theme", "documents_for_theme", "campaign_targets", "campaign_tasks",
                                  "central_ids", "documents_by_province", "level_groups", "basis_rows",
                                  "plans_by_province", "plan_deadlines", "all_deadlines", "province_deadlines",
                                  "org_groups", "top_plans", "basis_matrix")},
}
