"""What macros/site/adapter.py assumes of mkdocs, Material, mkdocs-macros, Jinja and watchdog, checked one by one.

Each test names the assumption; when a dependency changes it, the failure says which use of
its internals needs a new way (see the adapter's docstring for why each is used).
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import jinja2
import pytest
from material.plugins.offline.plugin import OfflinePlugin
from material.plugins.search.plugin import SearchPlugin
from material.plugins.tags.plugin import TagsPlugin
from mkdocs.commands import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs_macros.plugin import MacrosPlugin

from macros.site import adapter
from macros.site.plugin import SitePlugin
from tests.conftest import build_site


@pytest.fixture
def config(tmp_path):
    (tmp_path / "docs").mkdir()
    path = tmp_path / "mkdocs.yml"
    path.write_text("site_name: Thử\nuse_directory_urls: false\n", encoding="utf-8")
    return load_config(str(path))


def _generated(config, make):
    """Run `make()` inside an mkdocs event, where `File.generated` may be called (it names the plugin)."""

    class Maker:
        def on_files(self, files, config):
            return Files(make())

    config.plugins["test-maker"] = Maker()
    return config.plugins.on_files(Files([]), config=config)


def _page(config, files: Files, src_uri: str) -> Page:
    page = Page(None, files.get_file_from_path(src_uri), config)
    page.read_source(config)
    return page


def test_made_file_is_made_each_time_mkdocs_reads_it(config):
    made = []
    [file] = _generated(config, lambda: [adapter.MadeFile.of(config, "du-lieu/a.json",
                                                                lambda: made.append(1) or b'{"a": 1}')])
    assert made == []  # nothing made when the file is added
    assert file.content_bytes == b'{"a": 1}' and file.content_string == '{"a": 1}'
    assert len(made) == 2  # and nothing kept: read twice, made twice
    assert file.generated_by is not None and not file.is_documentation_page()


def test_made_file_is_what_mkdocs_copies(config, tmp_path):
    [file] = _generated(config, lambda: [adapter.MadeFile.of(config, "lich/x.ics", lambda: b"BEGIN:VCALENDAR")])
    file.copy_file()
    assert (tmp_path / "site" / "lich" / "x.ics").read_bytes() == b"BEGIN:VCALENDAR"


def test_a_file_made_in_pieces_is_written_by_mkdocs_piece_by_piece(config, tmp_path):
    """mkdocs writes static files through `File.copy_file` (copy_static_files), which MadeFile replaces."""
    written = []

    def pieces():
        for piece in (b'{"a": ', b"[1, 2]", b"}"):
            written.append((piece, (tmp_path / "site" / "du-lieu" / "tat-ca.json").exists()))
            yield piece

    files = _generated(config, lambda: [adapter.MadeFile.of(config, "du-lieu/tat-ca.json", pieces)])
    files.copy_static_files()
    assert (tmp_path / "site" / "du-lieu" / "tat-ca.json").read_bytes() == b'{"a": [1, 2]}'
    assert [opened for _, opened in written] == [True, True, True]  # the file was open before the first piece
    assert files.get_file_from_path("du-lieu/tat-ca.json").content_bytes == b'{"a": [1, 2]}'


@pytest.fixture
def two_pages(config):
    return _generated(config, lambda: [
        File.generated(config, "a.md", content="# Tiêu đề \"A\"\n\n## Mục một\n\nXem [mục](b.md#muc).\n"),
        File.generated(config, "b.md", content="# B\n\n## Mục {#muc}\n"),
    ])


def test_a_kept_conversion_gives_a_page_what_rendering_gave(config, two_pages):
    page = _page(config, two_pages, "a.md")
    page.render(config, two_pages)
    kept = adapter.Conversion.of(page)
    again = _page(config, two_pages, "a.md")
    kept.restore(again, two_pages)
    assert again.title == 'Tiêu đề "A"'  # Page._title_from_render
    assert again.content == page.content and "Mục một" in again.content
    assert [a.title for a in again.toc] == [a.title for a in page.toc] == ['Tiêu đề "A"']
    assert again.present_anchor_ids == page.present_anchor_ids and "muc-mot" in again.present_anchor_ids
    assert again.links_to_anchors == {two_pages.get_file_from_path("b.md"): {"muc": "b.md#muc"}}


# A small site built by mkdocs itself with Material, its search and mkdocs-macros: a hook replaces
# every page's render as the plugin does, and one page says `render_macros: false` as record pages do.
HOOK = """
from macros.site import adapter


def on_pre_page(page, config, files):
    def render(original, config, files):
        original(config, files)
        page.content += "<p>zq-replaced-render</p>"
    adapter.replace_render(page, render)
    return page
"""


@pytest.fixture(scope="module")
def small_build(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("small-build")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Trang\n\nTổng {{ 6 + 7 }}.\n", encoding="utf-8")
    (root / "docs" / "ban-ghi.md").write_text("---\nrender_macros: false\n---\n# Bản ghi\n\nTổng {{ 6 + 7 }}.\n",
                                              encoding="utf-8")
    (root / "hook.py").write_text(HOOK, encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: Thử\nuse_directory_urls: false\ntheme:\n  name: material\n"
                                     "plugins:\n  - search\n  - macros\nhooks:\n  - hook.py\n", encoding="utf-8")
    build.build(load_config(str(root / "mkdocs.yml")))
    return root / "site"


def test_mkdocs_renders_a_page_by_calling_its_render_method(small_build):
    """A render replaced before mkdocs renders the page (`on_pre_page`) is what makes its content."""
    assert "zq-replaced-render" in (small_build / "index.html").read_text(encoding="utf-8")


def test_a_replaced_render_is_called_with_the_original(config, two_pages):
    page, calls = _page(config, two_pages, "b.md"), []

    def render(original, config, files):
        calls.append("ours")
        original(config, files)

    adapter.replace_render(page, render)
    page.render(config, two_pages)
    assert calls == ["ours"] and page.title == "B"


def test_a_page_written_as_html_is_what_rendering_its_markdown_gave(config, two_pages):
    """`converted`: content, toc (mkdocs' get_toc of Python-Markdown's toc tokens) and anchors without a conversion."""
    from macros.site.direct import Abbreviations, finish

    page = _page(config, two_pages, "b.md")
    page.markdown = "# B\n\n## Mục một\n"
    page.render(config, two_pages)
    done = finish("<h1>B</h1>\n<h2>Mục một</h2>", Abbreviations({}))
    written = _page(config, two_pages, "b.md")
    written.markdown = done.html
    adapter.converted(written, done.toc_tokens, done.ids, done.title)
    written.render(config, two_pages)
    assert written.content == page.content
    assert str(written.toc) == str(page.toc) and written.toc.items[0].children[0].url == "#muc-mot"
    assert written.present_anchor_ids == page.present_anchor_ids == {"b", "muc-mot"}
    assert written.title == page.title == "B"  # from the opening h1


def test_a_page_written_when_its_template_renders_is_complete_and_then_let_go(config, tmp_path, caplog):
    """`deferred` + `fill` + `release` in a real build: mkdocs converts every page before any template,
    a page left empty then is filled in `on_page_context` (content, toc, title, anchors that other pages'
    links are checked against after every page is written), and let go after it is written."""
    from macros.site.direct import Abbreviations, finish

    (tmp_path / "docs" / "a.md").write_text("# A\n\nXem [mục](b.md#muc-mot).\n", encoding="utf-8")
    (tmp_path / "docs" / "b.md").write_text("placeholder\n", encoding="utf-8")
    done = finish("<h1>Bê</h1>\n<h2>Mục một</h2>\n<p>Dân vận khéo</p>", Abbreviations({}))
    seen: dict[str, object] = {}

    class Later:
        def on_page_markdown(self, markdown, page, config, files):
            if page.file.src_uri == "b.md":
                adapter.deferred(page)
                return ""
            return markdown

        def on_page_context(self, context, page, config, nav):
            if page.file.src_uri == "b.md":
                seen["before"] = (page.content, page.present_anchor_ids)
                adapter.fill(page, done.html, done.toc_tokens, done.ids, done.title)
            return context

        def on_post_page(self, output, page, config):
            if page.file.src_uri == "b.md":
                adapter.release(page)
                seen["after"] = page
            return output

    config.plugins["test-later"] = Later()
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        build.build(config)
    assert seen["before"] == ("", set())  # rendered empty: nothing held between conversion and template
    html = (tmp_path / "site" / "b.html").read_text(encoding="utf-8")
    assert "Dân vận khéo" in html and 'href="#muc-mot"' in html and "<title>Bê" in html  # content, toc, title
    assert "muc-mot" not in caplog.text  # a's link to an anchor filled later is found
    page = seen["after"]
    assert page.content is None and not page.toc.items and "muc-mot" in page.present_anchor_ids


def test_headings_of_a_block_kept_out_of_markdown_join_the_toc_where_the_block_stands(config, two_pages):
    """`add_toc_blocks`: a list written as HTML in a hand-written page has the toc the same headings had in Markdown
    (mkdocs' `Page.toc` made by get_toc; its AnchorLink title, id, level and children read back)."""
    from macros.site.direct import Abbreviations, finish

    whole = _page(config, two_pages, "b.md")
    whole.markdown = "# B\n\nchữ\n\n## Mục một\n\n### Con\n\n## Mục hai\n\n## Sau\n"
    whole.render(config, two_pages)
    page = _page(config, two_pages, "b.md")
    page.markdown = "# B\n\nchữ\n\n<!--dvcq-html 0-->\n\n## Sau\n"
    page.render(config, two_pages)
    block = finish("<h2>Mục một</h2>\n<h3>Con</h3>\n<h2>Mục hai</h2>", Abbreviations({}))
    adapter.add_toc_blocks(page, page.content, [(page.content.index("<!--dvcq-html 0-->"), block.toc_tokens)])
    assert str(page.toc) == str(whole.toc) and page.toc.items[0].children[0].children[0].url == "#con"


def test_added_anchor_ids_count_for_mkdocs_anchor_checks(config, two_pages, caplog):
    a, b = _page(config, two_pages, "a.md"), _page(config, two_pages, "b.md")
    a.markdown = "# A\n\n[x](b.md#from-html)\n"
    a.render(config, two_pages)
    b.render(config, two_pages)
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        a.validate_anchor_links(files=two_pages, log_level=logging.WARNING)
    assert "from-html" in caplog.text
    caplog.clear()
    adapter.add_anchor_ids(b, {"from-html"})
    a.validate_anchor_links(files=two_pages, log_level=logging.WARNING)
    assert "from-html" not in caplog.text


def test_a_parked_page_is_its_html_again():
    page = type("P", (), {})()
    page.content = adapter.park("<p>Dân vận khéo</p>")
    assert not isinstance(page.content, str)
    adapter.unpark(page)
    assert page.content == "<p>Dân vận khéo</p>"


def test_watched_folders_are_polled_at_the_observer_timeout(tmp_path):
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        assert adapter.poll_every(server, 0.1)  # watchdog's PollingObserver._timeout
        server.watch(str(tmp_path))
        assert [e.timeout for e in server.observer.emitters] == [0.1]
    finally:
        server.server_close()


def test_an_added_template_is_found_before_the_theme_ones():
    env = jinja2.Environment(loader=jinja2.DictLoader({"main.html": "theme"}))
    adapter.add_template(env, "ours.html", "{{ x }}")
    assert env.get_template("ours.html").render(x="a") == "a"
    assert env.get_template("main.html").render() == "theme"


def test_jinja_marks_what_it_passes_a_filter():
    """buildcache keys compiled templates by it (a compiled call passes the context, or not)."""
    kinds = [adapter.pass_kind(mark(lambda first, value: value)) for mark in
             (jinja2.pass_context, jinja2.pass_eval_context, jinja2.pass_environment)]
    assert len(set(kinds)) == 3 and "" not in kinds
    assert adapter.pass_kind(lambda value: value) == ""
    env = jinja2.Environment()
    assert adapter.pass_kind(env.filters["attr"]) == adapter.pass_kind(jinja2.pass_environment(lambda e, v: v))


def _priority(method) -> int:
    return getattr(method, "mkdocs_priority", 0)


OTHERS = (MacrosPlugin, TagsPlugin, SearchPlugin, OfflinePlugin)


def test_materials_search_plugin_writes_its_index_where_our_step_reads_it(small_build):
    docs = adapter.SearchIndexFile.read(small_build).docs
    assert {"index.html", "ban-ghi.html"} <= {d["location"] for d in docs}


def test_our_index_step_runs_after_the_search_plugin_and_before_the_offline_plugin():
    assert _priority(OfflinePlugin.on_post_build) < adapter.AFTER_SEARCH_INDEX < _priority(SearchPlugin.on_post_build)
    assert _priority(SitePlugin.on_post_build.methods[0]) == adapter.AFTER_SEARCH_INDEX


def test_record_meta_is_set_before_the_tags_plugin_reads_it_and_the_title_after_the_macros_ran():
    meta, title = SitePlugin.on_page_markdown.methods
    assert (_priority(meta), _priority(title)) == (adapter.BEFORE_MACROS_RENDER, adapter.AFTER_MACROS_RENDER)
    assert _priority(TagsPlugin.on_page_markdown) < _priority(MacrosPlugin.on_page_markdown) < _priority(meta)
    # mkdocs-macros renders a page title holding Jinja syntax; ours is set after it ran, and after the tags plugin
    assert _priority(title) < _priority(TagsPlugin.on_page_markdown)


def test_macros_are_registered_after_mkdocs_macros_made_its_environment():
    assert _priority(SitePlugin.on_config) == adapter.AFTER_MACROS_CONFIG < _priority(MacrosPlugin.on_config)
    assert callable(MacrosPlugin.register_macros)


def test_theme_templates_are_cached_before_the_tag_listings_are_compiled_and_outputs_kept_after():
    cache, outputs = SitePlugin.on_env.methods
    assert (_priority(cache), _priority(outputs)) == (adapter.BEFORE_THEME_TEMPLATES, adapter.AFTER_TAG_LISTINGS)
    assert _priority(outputs) < _priority(TagsPlugin.on_env) < _priority(cache)


def test_a_page_is_indexed_by_us_before_materials_search_reads_it():
    assert _priority(SitePlugin.on_page_context) == adapter.BEFORE_SEARCH_PAGE
    assert _priority(SearchPlugin.on_page_context) < adapter.BEFORE_SEARCH_PAGE


def test_the_theme_output_is_kept_before_any_other_plugin_changes_it_and_the_build_ends_last():
    assert _priority(SitePlugin.on_post_page) == adapter.THEME_OUTPUT
    assert all(_priority(p.on_post_page) < adapter.THEME_OUTPUT for p in OTHERS if hasattr(p, "on_post_page"))
    assert _priority(SitePlugin.on_post_build.methods[1]) == adapter.LAST_STEP
    assert all(_priority(p.on_post_build) > adapter.LAST_STEP for p in OTHERS if hasattr(p, "on_post_build"))


def test_materials_search_index_is_read_and_written_as_material_writes_it(tmp_path):
    """search.py rewrites search/search_index.json: its shape and serialisation are Material's."""
    from material.plugins.search.plugin import SearchIndex

    index = SearchIndex(lang=["vi"], separator="[\\s\\-]+", pipeline=[], fields={"title": {"boost": 1000}})
    page = type("P", (), {"meta": {"tags": ["Văn bản"]}, "url": "a.html", "title": "Ả",
                          "content": "<h1 id='a'>Ả</h1><p>chữ</p><h2 id='b'>B</h2><p>x</p>", "toc": []})()
    index.add_entry_from_context(page)
    written = index.generate_search_index(None).encode("utf-8")
    (tmp_path / "search").mkdir()
    (tmp_path / adapter.SEARCH_INDEX).write_bytes(written)
    ours = adapter.SearchIndexFile.read(tmp_path)
    assert ours.separator == "[\\s\\-]+"
    assert [e["location"] for e in ours.docs] == ["a.html", "a.html#b"]
    assert all(set(adapter.search_entry("x", "y", "z")) <= set(e) for e in ours.docs)
    ours.write()
    assert (tmp_path / adapter.SEARCH_INDEX).read_bytes() == written


def test_material_skips_a_page_whose_meta_excludes_it_from_search():
    """search.py cuts a page's entries itself, then sets `search.exclude` so Material's parser skips it."""
    from material.plugins.search.plugin import SearchIndex

    page = type("P", (), {"meta": {"search": {"exclude": True}}, "content": "<h2 id='a'>A</h2><p>x</p>",
                          "toc": [], "url": "a.html", "title": "A"})()
    index = SearchIndex()
    index.add_entry_from_context(page)
    assert index.entries == []


def test_mkdocs_macros_leaves_a_page_alone_whose_meta_says_so(small_build):
    """Record pages are rendered by the plugin and marked `render_macros: false` (documented by mkdocs-macros)."""
    assert "Tổng 13." in (small_build / "index.html").read_text(encoding="utf-8")
    assert "Tổng {{ 6 + 7 }}." in (small_build / "ban-ghi.html").read_text(encoding="utf-8")


def _material_script(pattern: str) -> str:
    import material

    scripts = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
    (path,) = scripts.glob(pattern)
    return path.read_text(encoding="utf-8")


def test_material_loads_the_quick_index_file_when_a_page_opens_and_its_worker_takes_a_setup_message():
    """search_files.py writes the quick index where Material's page reads it (search_index.json, or the
    offline plugin's search_index.js setting `__index` from disk); workers/search-index.js loads Material's
    worker script, dispatches it a message event {type: 0, data: {config, docs, options}}, and sits in a
    folder named "workers" because the script finds its lunr language files from that path under file://.
    Material's scripts are minified JavaScript that no small build runs: their text is what can be checked here
    (the browser tests run them)."""
    bundle, worker = _material_script("bundle.*.min.js"), _material_script("workers/search.*.min.js")
    assert f'"{adapter.SEARCH_INDEX}"' in bundle and '"search/search_index.js"' in bundle and "__index" in bundle
    assert '"search.suggest"' in bundle  # the options the page adds to the setup message
    # search-quick.js sets the quick worker up as soon as Material makes it with the page's global Worker
    assert "new Worker(" in bundle
    assert 'addEventListener("message"' in worker and 'split("/worker")' in worker


def test_the_search_worker_named_in_the_head_is_the_script_materials_page_config_names(small_build):
    """The theme's head names Material's search worker (adapter.search_worker, read from base.html) for
    search-quick.js to make it early; Material's bundle asks for the script its page config names, with the
    script alone, and gets that worker only if the two are the same."""
    from mkdocs.theme import Theme

    html = (small_build / "index.html").read_text(encoding="utf-8")
    page_config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)[1])
    assert adapter.search_worker(Theme(name="material").get_env()) == page_config["search"]
    assert re.search(r"new Worker\(\w+\)", _material_script("bundle.*.min.js"))


# --- Material's page template: parts made once per folder (FolderParts) ------------------------------------

EVERY_TIME = """
def on_env(env, config, files):
    env.globals["per_folder"] = lambda name, caller: caller()  # each part made for each page, as Material does
    return env
"""


def test_parts_made_once_per_folder_are_what_material_makes_for_each_page(site, tmp_path):
    """Every page of the real site is byte for byte what Material's template gives when each part wrapped in
    `per_folder` is made for the page itself: a Material whose navigation, footer, header or `<head>` assets
    come to depend on more of a page outside the nav than its folder fails here."""
    hook = tmp_path / "every_time.py"
    hook.write_text(EVERY_TIME, encoding="utf-8")
    result = build_site(tmp_path / "site", hooks=(hook,))
    assert result.returncode == 0, result.stdout + result.stderr
    ours = {p.relative_to(site): p for p in site.rglob("*.html")}
    theirs = {p.relative_to(tmp_path / "site"): p for p in (tmp_path / "site").rglob("*.html")}
    assert ours.keys() == theirs.keys()
    folders = {}
    for name in ours:
        folders[name.parent] = folders.get(name.parent, 0) + 1
    assert max(folders.values()) > 10  # many pages share a folder: the parts were made once for them
    differing = [str(name) for name in sorted(ours) if ours[name].read_bytes() != theirs[name].read_bytes()]
    assert differing == []


def test_a_part_is_made_once_per_folder_for_pages_outside_the_nav_and_for_each_page_in_it():
    nav_page = type("Page", (), {"url": "van-ban/index.html"})()
    nav = type("Nav", (), {"pages": [nav_page]})()
    page = lambda url: type("Page", (), {"url": url})()  # noqa: E731
    made = []
    env = jinja2.Environment(loader=jinja2.DictLoader(
        {"t.html": '{% call per_folder("nav") %}{{ made(page.url) }}{% endcall %}'}))
    env.globals["made"] = lambda url: made.append(url) or f"<{url}>"
    adapter.add_folder_parts(env)
    render = lambda p: env.get_template("t.html").render(page=p, nav=nav)  # noqa: E731
    out = [render(p) for p in (page("van-ban/a.html"), page("van-ban/b.html"), page("ke-hoach/c.html"),
                               nav_page, nav_page, page("van-ban/d/"), page("van-ban/e/"))]
    assert out[:3] == ["<van-ban/a.html>", "<van-ban/a.html>", "<ke-hoach/c.html>"]  # van-ban/ made once
    assert made == ["van-ban/a.html", "ke-hoach/c.html", "van-ban/index.html", "van-ban/index.html",
                    "van-ban/d/", "van-ban/e/"]  # a page in the nav each time; a folder URL is its own folder
