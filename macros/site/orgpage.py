"""An organisation's page: its view model (orgview.py) laid out by an HTML template, autoescaped.

The page's Markdown is only its title; the body is one HTML block kept out of Markdown
(`Renderer.stash`), so no data text is ever read as Markdown.
"""

from __future__ import annotations

from functools import cached_property

import jinja2

from ..data.kinds import org_page
from ..drafting.files import page_path
from ..text.format import md_escape
from .orgview import Directory, directory, org_view
from .render import TEMPLATES, html_path


# Material's boost of the page: low, as its deadlines and duties repeat words of the plans ("báo cáo 6
# tháng"); its names (search.org_words, weighted like titles) still put it first for its name.
ORG_BOOST = 2


class OrgPages:
    """Renders organisation pages for one build (owned by the build's state)."""

    def __init__(self, state) -> None:
        self.state = state

    @cached_property
    def env(self) -> jinja2.Environment:
        return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                                  trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)

    @cached_property
    def rows(self) -> Directory:
        return directory(self.state.index, self.state.drafting.book)

    def render(self, org_id: str) -> str:
        state, renderer = self.state, self.state.renderer
        renderer.current = org_page(org_id)
        view = org_view(state.index, state.drafting.book, org_id,
                        href=lambda i, anchor: str(renderer.record_url(i, anchor, html=True)),
                        draft_href=lambda slug: str(renderer.url(html_path(page_path(slug)))), rows=self.rows)
        html = self.env.get_template("organisation.html.j2").render(v=view)
        return f"# {md_escape(view.name)}\n\n{renderer.stash(html)}"
