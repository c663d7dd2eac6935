"""The macros that pages call. Each returns Markdown that mkdocs-macros does not parse again."""

from __future__ import annotations

from collections.abc import Callable

from . import reading
from .direct import Finished
from .state import SiteState
from .views.calendar import calendar_view
from .views.campaign import campaign_view
from .views.comparison import comparison_view
from .views.document import document_view
from .views.document_list import document_list_view
from .views.draft import draft_page_view
from .views.drafts_index import drafts_index_view
from .views.guide import guide_view
from .views.hierarchy import hierarchy_view
from .views.home import home_view
from .views.indexes import campaign_list_view, glossary_view, theme_list_view
from .views.organisations import organisations_view
from .views.plan import plan_view
from .views.plan_list import plan_list_view
from .views.provenance_review import provenance_view
from .views.quality import quality_view
from .views.source import source_view
from .views.templates_page import templates_view
from .views.theme import theme_view


def _plan(state: SiteState, plan_id: str):
    """A plan's view: the draft book for its drafts, the doubts readers see (reading.doubts needs the state)."""
    return plan_view(state.index, state.drafting.book, plan_id,
                     reading.doubts(state, plan_id, state.data.plans[plan_id].problems))


def _document(state: SiteState, document_id: str):
    """A document's view, with the doubts readers see."""
    return document_view(state.index, document_id,
                         reading.doubts(state, document_id, state.data.documents[document_id].problems))


# Record pages written as HTML (macros/site/direct.py): template, and the view model it receives from the state.
HTML_PAGES = {
    "themes": ("theme.html.j2", lambda state, record_id: theme_view(state.index, record_id)),
    "campaigns": ("campaign.html.j2", lambda state, record_id: campaign_view(state.index, record_id)),
    "plans": ("plan.html.j2", _plan),
    "documents": ("document.html.j2", _document),
}

# Lists written as HTML into the hand-written page that calls them (Renderer.render_block): template, and the
# view model built from the services of the build's index it reads.
BLOCKS = {
    "document_list": ("document_list.html.j2",
                      lambda s: document_list_view(s.index.records, s.index.validity, s.index.citations)),
    "plan_list": ("plan_list.html.j2", lambda s: plan_list_view(s.index.records, s.index.groups, s.index.validity)),
    "hierarchy": ("hierarchy.html.j2", lambda s: hierarchy_view(s.index.records, s.index.groups, s.index.links,
                                                               s.index.citations, s.index.validity, s.index.orgs)),
    "organisations": ("organisations.html.j2",
                      lambda s: organisations_view(s.index.records, s.index.groups, s.index.orgs)),
    "report_calendar": ("calendar.html.j2", lambda s: calendar_view(s.data, s.index.groups)),
    "home_stats": ("home.html.j2", lambda s: home_view(s.data, s.index.groups, s.index.validity)),
    "theme_list": ("theme_list.html.j2", lambda s: theme_list_view(s.data, s.index.groups)),
    "campaign_list": ("campaign_list.html.j2", lambda s: campaign_list_view(s.data, s.index.groups)),
    "glossary": ("glossary.html.j2", lambda s: glossary_view(s.data)),
    "drafts_index": ("drafts_index.html.j2", lambda s: drafts_index_view(s.drafting.book)),
    "comparison": ("comparison.html.j2", lambda s: comparison_view(s.data, s.index.groups)),
    "data_quality": ("quality.html.j2", lambda s: quality_view(s.data, s.warnings)),
    "templates_page": ("templates_page.html.j2", lambda s: templates_view(s.data, s.drafting)),
    "drafting_guide": ("guide.html.j2", lambda s: guide_view(s.drafting, s.index.records, s.index.validity)),
    "provenance_review": ("provenance_review.html.j2", lambda s: provenance_view(s.index.records, s.index.validity,
                                                                                 s.index.provenance, s.index.orgs)),
}

PREVIEWS = {"templates_page.html.j2"}  # lists that lay out drafts (_draft.j2 reads `drafting`)


def macros(state: SiteState) -> dict[str, Callable[..., str]]:
    """Every macro, bound to one build's state (registered with mkdocs-macros by the plugin)."""
    return {name: _block_macro(state, template, view) for name, (template, view) in BLOCKS.items()}


def record_html(state: SiteState, kind: str, record_id: str) -> Finished:
    """The page of a record (document, plan, campaign or theme), written as HTML."""
    template, view = HTML_PAGES[kind]
    return state.renderer.render_html(template, state.renderer.current, v=view(state, record_id))


def draft_html(state: SiteState, slug: str) -> Finished:
    """The page of one draft made from the data (soan-ke-hoach/<folder>/<name>.md), written as HTML."""
    return state.renderer.render_html("draft_page.html.j2", state.renderer.current, v=draft_page_view(state.drafting.book, slug),
                                      drafting=state.drafting)


def source_html(state: SiteState, plan_id: str) -> Finished:
    """A plan's source text as a readable page (ke-hoach/van-ban-goc/<plan>.md), written as HTML."""
    return state.renderer.render_html("source.html.j2", state.renderer.current, v=source_view(state.data, plan_id))


def _block_macro(state: SiteState, template: str, view):
    def macro() -> str:
        extra = {"drafting": state.drafting} if template in PREVIEWS else {}
        return state.renderer.render_block(template, state.renderer.current, v=view(state), **extra)

    return macro
