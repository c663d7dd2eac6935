"""The validated data of one site: every record by kind, where each came from, what failed to validate.

Its own module so that the loader (which fills it) and the cross-record checks (which read it)
both import it, and not each other the other way round.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..text.errors import field_path
from . import model
from .yamlsource import YamlSource


@dataclass
class Origin:
    """Where a record came from, so later checks can name file and line."""

    source: YamlSource
    base: tuple[str | int, ...] = ()

    def at(self, *loc: str | int) -> tuple[str, int]:
        return self.source.path, self.source.line_of((*self.base, *loc))


@dataclass
class Dataset:
    """Everything under data/, validated field by field (references are checked by `validate`)."""

    root: Path
    organisations: dict[str, model.Organisation] = field(default_factory=dict)
    themes: dict[str, model.Theme] = field(default_factory=dict)
    terms: dict[str, model.Term] = field(default_factory=dict)
    documents: dict[str, model.Document] = field(default_factory=dict)
    plans: dict[str, model.Plan] = field(default_factory=dict)
    campaigns: dict[str, model.Campaign] = field(default_factory=dict)
    validity: model.Validity | None = None  # data/validity.yaml; None: statuses stay unknown
    validity_origin: Origin | None = None  # where data/validity.yaml was read, for errors on its facts
    sources: dict[str, str] = field(default_factory=dict)
    origins: dict[str, Origin] = field(default_factory=dict)
    failed: set[str] = field(default_factory=set)  # ids of records that did not validate

    def where(self, record_id: str, *loc: str | int) -> tuple[str, int]:
        return self.origins[record_id].at(*loc)

    @property
    def as_of(self) -> model.PartialDate | None:
        """The day statuses are computed at, as the data states it (YYYY-MM-DD), or None."""
        return self.validity.as_of if self.validity else None


def field_name(loc: tuple) -> str:
    """('tasks', 2, 'text') → 'tasks[2].text' (errors.field_path: the YAML reader names fields too)."""
    return field_path(loc)
