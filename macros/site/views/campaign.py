"""The page of one campaign (phong trào): its bases, the targets and tasks plans give it, its models."""

from __future__ import annotations

from dataclasses import dataclass

from ...data import model
from ...knowledge.index import SiteIndex
from .theme import ThemeDocument


@dataclass(frozen=True)
class CampaignView:
    campaign: model.Campaign
    other_names: tuple[str, ...]  # aliases other than the name
    bases: tuple[ThemeDocument, ...]
    targets: tuple[tuple[model.Plan, model.Target, str | None], ...]  # of the plans shown, with the plan's province
    tasks: tuple[tuple[model.Plan, model.Task], ...]  # of the plans shown
    target_count: int  # in every plan
    task_count: int
    plans_shown: int
    plans_total: int

    @property
    def cut(self) -> bool:
        """At scale only the top plans' targets and tasks are listed, and the page says so."""
        return self.plans_shown < self.plans_total


def campaign_view(ix: SiteIndex, campaign_id: str) -> CampaignView:
    campaign = ix.data.campaigns[campaign_id]
    shown = ix.groups.top_plans()
    cut = len(shown) < len(ix.data.plans)
    return CampaignView(
        campaign=campaign,
        other_names=tuple(a for a in campaign.aliases if a != campaign.name),
        bases=tuple(ThemeDocument(d, ix.records.record(d).title or None, ix.records.province_of(d)) for d in campaign.bases),
        targets=tuple((p, t, ix.records.province_of(p.id)) for p, t in ix.groups.campaign_targets(campaign_id, top=True)),
        tasks=tuple(ix.groups.campaign_tasks(campaign_id, top=True)),
        target_count=len(ix.groups.campaign_targets(campaign_id)) if cut else 0,
        task_count=len(ix.groups.campaign_tasks(campaign_id)) if cut else 0,
        plans_shown=len(shown), plans_total=len(ix.data.plans),
    )
