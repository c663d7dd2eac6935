"""The templates page (huong-dan/mau.md): the three drafts every unit can start from (plan, registration
form, periodic report), with what each is made of, its downloads and its preview."""

from __future__ import annotations

from dataclasses import dataclass

from ...data.dataset import Dataset
from ...drafting.draftdoc import Draft
from ...drafting.guide import Drafting


@dataclass(frozen=True)
class TemplatesView:
    plans: int  # the source plans the templates are counted from
    quorum: int  # plans that must share a part for the template to hold it
    common_bases: tuple[str, ...]  # the central documents the plan template cites
    targets: int  # rows of the plan template's targets
    task_themes: int  # sections of its tasks
    form_campaign: str | None  # the campaign whose models the registration form adds, when in the data
    drafts: tuple[Draft, ...]


def templates_view(data: Dataset, drafting: Drafting) -> TemplatesView:
    return TemplatesView(
        plans=len(drafting.plans), quorum=drafting.quorum, common_bases=tuple(drafting.common_bases),
        targets=len(drafting.typical_targets()), task_themes=len(drafting.common_task_themes()),
        form_campaign=drafting.form_campaign if drafting.form_campaign in data.campaigns else None,
        drafts=tuple(drafting.drafts),
    )
