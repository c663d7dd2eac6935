"""Which generated page shows what: one table per build, made by a pure function from the data and the draft book.

The plugin's page events look a page up here by its source path (src_uri) to know whose page it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..data.kinds import KINDS, org_page, page_of, source_path
from ..data.loader import Dataset
from ..drafting.files import page_path


@dataclass(frozen=True)
class PageTable:
    """src_uri → what a generated page shows, by kind of page."""

    records: dict[str, tuple[str, str]] = field(default_factory=dict)  # (kind, record id)
    organisations: dict[str, str] = field(default_factory=dict)  # organisation id
    sources: dict[str, str] = field(default_factory=dict)  # plan id of a source text page
    drafts: dict[str, str] = field(default_factory=dict)  # the draft's slug

    def __contains__(self, src_uri: str) -> bool:
        return any(src_uri in table for table in (self.records, self.organisations, self.sources, self.drafts))

    def kept(self, made: set[str]) -> PageTable:
        """The table without the pages a hand-written file replaced (`made`: the paths generated in the end)."""
        return PageTable(*({src: v for src, v in table.items() if src in made}
                           for table in (self.records, self.organisations, self.sources, self.drafts)))


def page_table(data: Dataset, draft_slugs) -> PageTable:
    """Every generated page of a build: records, organisations, source texts, drafts (`draft_slugs`: the book's)."""
    return PageTable(
        records={page_of(kind, rid): (kind, rid) for kind in KINDS for rid in getattr(data, kind)},
        organisations={org_page(org_id): org_id for org_id in data.organisations},
        sources={source_path(p.id, "md"): p.id for p in data.plans.values() if p.source in data.sources},
        drafts={page_path(slug): slug for slug in draft_slugs},
    )
