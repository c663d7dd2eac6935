"""The page of one draft made from the data: what it is made from, the downloads and the preview."""

from __future__ import annotations

from dataclasses import dataclass

from ...drafting.ahead import Sheet
from ...drafting.book import YEAR, DraftBook
from ...drafting.draftdoc import Draft


@dataclass(frozen=True)
class DraftPageView:
    draft: Draft
    sheet: Sheet | None  # a body's plan for a year; None for the report on a plan
    plan_id: str  # the plan the draft is made from
    made_on: str  # the data's date (as_of), dd/mm/yyyy

    @property
    def signers(self) -> str:
        """The lines above the signer's name: 'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC'."""
        return " / ".join(self.draft.signer[:-1])


def draft_page_view(book: DraftBook, slug: str) -> DraftPageView:
    entry = book.entries[slug]
    return DraftPageView(book.draft(slug), entry.sheet if entry.what == YEAR else None, entry.plan,
                         book.as_of.strftime("%d/%m/%Y"))
