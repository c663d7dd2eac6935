"""The macros that pages call. Each returns Markdown that mkdocs-macros does not parse again."""

from __future__ import annotations

from collections.abc import Callable

from . import reading
from .direct import Finished
from .state import SiteState
from .views.campaign import campaign_view
from .views.document import document_view
from .views.draft import draft_page_view
from .views.plan import plan_view
from .views.source import source_view
from .views.theme import theme_view


def _plan(state: SiteState, plan_id: str):
    """A plan's view: the draft book for its drafts, the doubts readers see (reading.doubts needs the state)."""
    return plan_view(state.index, state.drafting.book, plan_id,
                     reading.doubts(state, plan_id, state.data.plans[plan_id].problems))


def _document(state: SiteState, document_id: str):
    return document_view(state.index, document_id,
                         reading.doubts(state, document_id, state.data.documents[document_id].problems))


# Record pages written as HTML (macros/site/direct.py): template, and the view model it receives from the state.
HTML_PAGES = {
    "themes": ("theme.html.j2", lambda state, record_id: theme_view(state.index, record_id)),
    "campaigns": ("campaign.html.j2", lambda state, record_id: campaign_view(state.index, record_id)),
    "plans": ("plan.html.j2", _plan),
    "documents": ("document.html.j2", _document),
}

LISTS = {
    "document_list": "document_list.md.j2",
    "hierarchy": "hierarchy.md.j2",
    "plan_list": "plan_list.md.j2",
    "comparison": "comparison.md.j2",
    "report_calendar": "calendar.md.j2",
    "campaign_list": "campaign_list.md.j2",
    "theme_list": "theme_list.md.j2",
    "glossary": "glossary.md.j2",
    "organisations": "organisations.md.j2",
    "data_quality": "quality.md.j2",
    "provenance_review": "provenance_review.md.j2",
    "home_stats": "home.md.j2",
    "drafting_guide": "guide.md.j2",
    "templates_page": "templates_page.md.j2",
    "drafts_index": "drafts_index.md.j2",
}


def macros(state: SiteState) -> dict[str, Callable[..., str]]:
    """Every macro, bound to one build's state (registered with mkdocs-macros by the plugin)."""

    def render(template: str, **context) -> str:
        return state.renderer.render(template, state.current, state=state, drafting=state.drafting, **context)

    table = {name: _list_macro(render, template) for name, template in LISTS.items()}
    return table


def record_html(state: SiteState, kind: str, record_id: str) -> Finished:
    """The page of a record (document, plan, campaign or theme), written as HTML."""
    template, view = HTML_PAGES[kind]
    return state.renderer.render_html(template, state.current, v=view(state, record_id))


def draft_html(state: SiteState, slug: str) -> Finished:
    """The page of one draft made from the data (soan-ke-hoach/<folder>/<name>.md), written as HTML."""
    return state.renderer.render_html("draft_page.html.j2", state.current, v=draft_page_view(state.drafting.book, slug),
                                      drafting=state.drafting)


def source_html(state: SiteState, plan_id: str) -> Finished:
    """A plan's source text as a readable page (ke-hoach/van-ban-goc/<plan>.md), written as HTML."""
    return state.renderer.render_html("source.html.j2", state.current, v=source_view(state.data, plan_id))


def _list_macro(render, template: str):
    def macro() -> str:
        return render(template)

    return macro
