"""The renderer's one link API: a link is Markdown in Markdown and HTML inside an HTML block."""

from __future__ import annotations

import jinja2
import pytest

from macros.data.loader import load
from macros.knowledge.index import SiteIndex
from macros.site.render import Renderer
from tests.minidata import write_minidata


@pytest.fixture
def renderer(tmp_path) -> Renderer:
    renderer = Renderer(SiteIndex(load(write_minidata(tmp_path / "data"))))
    renderer.env.loader = jinja2.DictLoader({
        "both.md.j2": "{{ link('ct-33-2021-ttg') }}\n{% filter html %}<p>{{ link('ct-33-2021-ttg') }}</p>{% endfilter %}\n",
        "raw.md.j2": "{% filter html %}<p>[Chỉ thị]({{ url('van-ban/ct-33-2021-ttg.md') }})</p>{% endfilter %}\n",
    })
    return renderer


def test_a_link_is_markdown_in_markdown_and_html_in_an_html_block(renderer):
    page = renderer.render("both.md.j2", "ke-hoach/x.md")
    assert page.startswith("[Chỉ thị 33/CT-TTg](../van-ban/ct-33-2021-ttg.md)\n")
    html = renderer.filled("ke-hoach/x.md", page)
    assert '<p><a href="../van-ban/ct-33-2021-ttg.html">Chỉ thị 33/CT-TTg</a></p>' in html


def test_a_markdown_link_written_inside_an_html_block_stops_the_build(renderer):
    with pytest.raises(ValueError, match="Markdown link inside an HTML block"):
        renderer.render("raw.md.j2", "ke-hoach/x.md")
