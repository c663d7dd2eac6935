"""The home page's part made from the data (index.md): what officials come to do, with the numbers and
links each task needs, then the reference sections and their sizes."""

from __future__ import annotations

from dataclasses import dataclass

from ...knowledge.calendar import province_slug
from ...data.dataset import Dataset
from ...knowledge.groupings import Groupings
from ...knowledge.status import Validity
from ..reading import data_date


@dataclass(frozen=True)
class ProvinceLink:
    name: str
    slug: str
    next_due: str | None  # dd/mm/yyyy of the first coming deadline


@dataclass(frozen=True)
class HomeView:
    documents: int
    in_force: int  # documents in force (confirmed) or amended
    not_replaced: int  # documents with no replacement recorded
    most_cited: tuple[str, ...]  # the three central documents most plans cite
    provinces: tuple[ProvinceLink, ...]
    campaign: str | None  # "Dân vận khéo", when the data has it
    campaign_targets: int
    campaign_tasks: int
    plans: int
    campaigns: int
    themes: int
    terms: int


CAMPAIGN = "dan-van-kheo"


def home_view(data: Dataset, groups: Groupings, validity: Validity) -> HomeView:
    asof = data_date(data)
    filters = [validity.status(d).filter_value for d in data.documents]
    campaign = CAMPAIGN if CAMPAIGN in data.campaigns else None
    return HomeView(
        documents=len(data.documents), in_force=filters.count("con"), not_replaced=filters.count("chua-ghi-nhan"),
        most_cited=tuple(d for d in groups.basis_rows(groups.basis_matrix()) if d in data.documents)[:3],
        provinces=tuple(ProvinceLink(name, province_slug(name), _next_due(items, asof))
                        for name, _, items in groups.province_deadlines()),
        campaign=campaign,
        campaign_targets=len(groups.campaign_targets(campaign)) if campaign else 0,
        campaign_tasks=len(groups.campaign_tasks(campaign)) if campaign else 0,
        plans=len(data.plans), campaigns=len(data.campaigns), themes=len(data.themes), terms=len(data.terms),
    )


def _next_due(items, asof) -> str | None:
    coming = [d for d in items if d.date >= asof] if asof else []
    return coming[0].date.strftime("%d/%m/%Y") if coming else None
