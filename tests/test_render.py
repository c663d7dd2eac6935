"""The renderer's one link API: a link is Markdown in Markdown and HTML inside an HTML block."""

from __future__ import annotations

import types
from functools import partial

import jinja2
import jinja2.meta
import pytest
from jinja2 import nodes

from macros.data.loader import load
from macros.knowledge.index import SiteIndex
from macros.site.render import TEMPLATES, Renderer
from tests.minidata import write_minidata


@pytest.fixture
def renderer(tmp_path) -> Renderer:
    renderer = Renderer(SiteIndex(load(write_minidata(tmp_path / "data"))))
    renderer.env.loader = jinja2.DictLoader({
        "both.md.j2": "{{ link('ct-33-2021-ttg') }}\n{% filter html %}<p>{{ link('ct-33-2021-ttg') }}</p>{% endfilter %}\n",
        "raw.md.j2": "{% filter html %}<p>[Chỉ thị]({{ url('van-ban/ct-33-2021-ttg.md') }})</p>{% endfilter %}\n",
        "list.html.j2": "<h2>Năm {{ v }}</h2>\n<p>{{ link('ct-33-2021-ttg') }}</p>\n"
                        "{% filter html %}<ul><li>{{ link('ct-33-2021-ttg') }}</li></ul>{% endfilter %}\n",
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


def test_a_list_written_as_html_is_one_block_of_a_markdown_page_with_its_headings_for_the_toc(renderer):
    """A list macro's HTML (`render_block`) is kept out of Markdown whole; its links are HTML, its data text
    escaped, its headings get ids and toc entries, and the page's Markdown defines the terms it uses."""
    page = "# Trang\n\n" + renderer.render_block("list.html.j2", "ke-hoach/x.md", v="<b>2025</b>")
    assert "[Chỉ thị" not in page and "<b>" not in page  # nothing of the list is left for Markdown to read
    converted = page.replace("\n\n", "\n")  # what Markdown leaves: the placeholder where the block stands
    html, ids, places = renderer.unstash("ke-hoach/x.md", converted)
    assert '<h2 id="nam-b2025b">Năm &lt;b&gt;2025&lt;/b&gt;</h2>' in html
    assert html.count('<a href="../van-ban/ct-33-2021-ttg.html">Chỉ thị 33/') == 2
    assert "nam-b2025b" in ids
    [(at, tokens)] = places
    assert converted[at:].startswith("<!--dvcq-html") and [t["id"] for t in tokens] == ["nam-b2025b"]


def _holders(value) -> list:
    """The value and what it is bound to: a method's object, a partial's function and arguments."""
    if isinstance(value, partial):
        return [value, *_holders(value.func), *value.args]
    return [value, getattr(value, "__self__", None)]


def test_templates_get_link_helpers_and_label_tables_not_the_build(renderer):
    """A page template reads the view model it is given; the environment lends it only link and mark
    helpers and tables of labels, never a module, the data, the index or one of its services."""
    builtin = set(jinja2.Environment().globals)
    for name, value in renderer.env.globals.items():
        if name in builtin:
            continue
        for held in _holders(value):
            assert not isinstance(held, types.ModuleType), f"template global {name!r} is the module {held.__name__}"
            layer = type(held).__module__.split(".")[:2]
            assert layer not in (["macros", "data"], ["macros", "knowledge"]), \
                f"template global {name!r} hands templates {type(held).__name__} ({type(held).__module__})"


# What a page template may read besides the helpers: its view model, and the draft book's words for the
# draft previews (a draft's page and the templates page).
CONTEXT = {"v", "drafting"}


def test_page_templates_read_their_view_model_and_the_helpers_only(renderer):
    """No template reaches for the index, the data, the build's state or a module by name."""
    env = jinja2.Environment(trim_blocks=True, lstrip_blocks=True)  # no globals: every name it reads is listed
    env.filters.update(dict.fromkeys(renderer.env.filters, str))
    helpers = set(renderer.env.globals)
    for path in sorted(TEMPLATES.glob("*.j2")):
        tree = env.parse(path.read_text(encoding="utf-8"))
        own = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
        foreign = jinja2.meta.find_undeclared_variables(tree) - helpers - CONTEXT - own
        assert not foreign, f"{path.name} reads {sorted(foreign)}: give it to the template in its view model"
