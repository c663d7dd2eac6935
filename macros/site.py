"""One build's state: the data loaded once, its indexes and the renderer, shared by hooks and macros."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .drafting import Drafting
from .errors import DataError
from .index import SiteIndex
from .lint import lint
from .loader import Dataset, load
from .render import Renderer
from .scope import for_province

_STATES: dict[int, tuple[object, "SiteState"]] = {}


@dataclass
class SiteState:
    data: Dataset
    # Search entries cut from each rendered page (macros/search.py), by page URL.
    search_entries: dict[str, list[dict]] = field(default_factory=dict)

    @cached_property
    def index(self) -> SiteIndex:
        return SiteIndex(self.data)

    @cached_property
    def renderer(self) -> Renderer:
        return Renderer(self.index)

    @cached_property
    def drafting(self) -> Drafting:
        return Drafting(self.index)

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


def data_dir(config) -> Path:
    return Path(config.config_file_path).resolve().parent / config.extra.get("data_dir", "data")


def province(config) -> str | None:
    """The province a provincial site is built for (DVCQ_PROVINCE wins over extra.province)."""
    return os.environ.get("DVCQ_PROVINCE") or config.extra.get("province") or None


def state_for(config) -> SiteState:
    """Load data/ once per config object (so `mkdocs serve` reloads it on every rebuild)."""
    key = id(config)
    if key not in _STATES or _STATES[key][0] is not config:
        _STATES.clear()
        data = load(data_dir(config))
        name = province(config)
        _STATES[key] = (config, SiteState(for_province(data, name) if name else data))
    return _STATES[key][1]
