"""The macros that pages call. Each returns Markdown that mkdocs-macros does not parse again."""

from __future__ import annotations

from .render import SECTIONS
from .site import state_for

TEMPLATES = {kind: f"{kind[:-1]}.md.j2" for kind in SECTIONS}
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
    "home_stats": "home.md.j2",
    "drafting_guide": "guide.md.j2",
    "templates_page": "templates_page.md.j2",
}


def register(env) -> None:
    def render(template: str, **context) -> str:
        state = state_for(env.conf)
        return state.renderer.render(template, env.page.file.src_uri, state=state, drafting=state.drafting, **context)

    @env.macro
    def record_page(kind: str, record_id: str) -> str:
        """The whole page of one record (document, plan, campaign or theme)."""
        record = state_for(env.conf).index.record(record_id)
        return render(TEMPLATES[kind], r=record, kind=kind)

    for name, template in LISTS.items():
        env.macro(_list_macro(render, template), name)


def _list_macro(render, template: str):
    def macro() -> str:
        return render(template)

    return macro
