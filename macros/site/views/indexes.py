"""The small indexes: themes (chu-de/index.md), campaigns (phong-trao/index.md) and the glossary
(thuat-ngu.md), each a row per record in the order the page lists them."""

from __future__ import annotations

from dataclasses import dataclass

from ...data.dataset import Dataset
from ...knowledge.groupings import Groupings


@dataclass(frozen=True)
class ThemeRow:
    id: str
    description: str
    tasks: int  # tasks of every plan under the theme


@dataclass(frozen=True)
class CampaignRow:
    id: str
    name: str
    kind: str
    targets: int
    tasks: int
    models: int


@dataclass(frozen=True)
class TermRow:
    id: str
    term: str
    meaning: str
    notes: str


def theme_list_view(data: Dataset, groups: Groupings) -> tuple[ThemeRow, ...]:
    return tuple(ThemeRow(t.id, t.description, sum(1 for _ in groups.tasks_with_theme(t.id)))
                 for t in sorted(data.themes.values(), key=lambda t: t.order))


def campaign_list_view(data: Dataset, groups: Groupings) -> tuple[CampaignRow, ...]:
    return tuple(CampaignRow(c.id, c.name, c.kind, len(groups.campaign_targets(c.id)), len(groups.campaign_tasks(c.id)),
                             len(c.models))
                 for c in sorted(data.campaigns.values(), key=lambda c: c.name.lower()))  # as Jinja sorts


def glossary_view(data: Dataset) -> tuple[TermRow, ...]:
    return tuple(TermRow(t.id, t.term, t.meaning, t.notes or "")
                 for t in sorted(data.terms.values(), key=lambda t: t.term.lower()))
