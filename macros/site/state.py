"""One build's state: its settings, the data loaded once, its indexes and renderers, shared by the plugin and macros."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..data.lint import lint
from ..data.loader import Dataset, collector_paused, load
from ..data.scope import for_province
from ..drafting.guide import Drafting
from ..knowledge.index import SiteIndex
from ..text.errors import DataError
from . import heap
from .buildcache import BuildCache
from .config import Settings
from .orgpage import OrgPages
from .pagetable import PageTable
from .render import Renderer


@dataclass
class SiteState:
    """The data of one build and what is derived from it; made in `on_config`, dropped with its build."""

    data: Dataset
    settings: Settings | None = None
    cache: BuildCache | None = None
    # Search entries cut from each rendered page (macros/site/search.py), by page URL.
    search_entries: dict[str, list[dict]] = field(default_factory=dict)
    # Each reporting deadline's iCalendar event, written once for its plan's, province's and the national calendar.
    calendar_events: dict = field(default_factory=dict)
    # The generated pages of this build and what each shows (macros/site/pagetable.py), set in on_files.
    pages: PageTable = field(default_factory=PageTable)

    @classmethod
    def load(cls, settings: Settings, cache: BuildCache | None = None, parses: dict | None = None) -> "SiteState":
        """Read and check data/ (raises DataInvalid), cut to the province if one is set."""
        with collector_paused():  # and frozen before the collector first sees it
            data = load(settings.data_path, parses)
            state = cls(for_province(data, settings.province) if settings.province else data, settings, cache)
            heap.settle()
        return state

    @cached_property
    def index(self) -> SiteIndex:
        return SiteIndex(self.data)

    @cached_property
    def renderer(self) -> Renderer:
        return Renderer(self.index, cache=self.cache)

    @cached_property
    def org_pages_renderer(self) -> OrgPages:
        return OrgPages(self)

    @cached_property
    def drafting(self) -> Drafting:
        return Drafting(self.index, self.renderer.title_of)

    @cached_property
    def warnings(self) -> list[DataError]:
        return lint(self.data, self.index)

    @cached_property
    def _warnings_by_file(self) -> dict[str, list[DataError]]:
        table: dict[str, list[DataError]] = {}
        for warning in self.warnings:
            table.setdefault(warning.file, []).append(warning)
        return table

    def warnings_for(self, record_id: str) -> list[DataError]:
        """Lint warnings about the file a record lives in (shown on the record's page)."""
        return self._warnings_by_file.get(self.data.where(record_id)[0], [])
