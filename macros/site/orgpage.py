"""An organisation's page: its view model (views/organisation.py) laid out by an HTML template, autoescaped,
and written as HTML without Python-Markdown (macros/site/direct.py).

The body is one HTML block put in after the page is made (`Renderer.stash`), as when the page went
through Markdown: its headings stay out of the side table of contents, and its text gets no glossary
tooltips (the organisation page never had them).
"""

from __future__ import annotations

from functools import cached_property

import jinja2

from ..data.kinds import org_page
from ..drafting.files import page_path
from ..text.format import md_escape
from .direct import Abbreviations, Finished, finish
from .paths import html_path
from .render import TEMPLATES
from .views.organisation import Directory, directory, org_view


# Material's boost of the page: low, as its deadlines and duties repeat words of the plans ("báo cáo 6
# tháng"); its names (search.org_words, weighted like titles) still put it first for its name.
ORG_BOOST = 2
TEMPLATE = "organisation.html.j2"  # the one template of this environment (render.py's has the others)


class OrgPages:
    """Renders organisation pages for one build (owned by the build's state)."""

    def __init__(self, state) -> None:
        self.state = state

    @cached_property
    def env(self) -> jinja2.Environment:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                                 trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
        if self.state.cache:  # compiled templates kept between builds (macros/site/buildcache.py)
            env.bytecode_cache = self.state.cache.templates(env)
        return env

    @cached_property
    def rows(self) -> Directory:
        return directory(self.state.index, self.state.drafting.book)

    def render(self, org_id: str) -> Finished:
        state, renderer = self.state, self.state.renderer
        renderer.current = org_page(org_id)
        view = org_view(state.index, state.drafting.book, org_id,
                        href=lambda i, anchor: str(renderer.record_url(i, anchor, html=True)),
                        draft_href=lambda slug: str(renderer.url(html_path(page_path(slug)))), rows=self.rows)
        html = self.env.get_template(TEMPLATE).render(v=view)
        return finish(f"<h1>{md_escape(view.name)}</h1>\n{renderer.stash(html).strip()}", NO_ABBREVIATIONS)


NO_ABBREVIATIONS = Abbreviations({})
