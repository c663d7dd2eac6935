"""The project's mkdocs plugin (`dvcq` in mkdocs.yml, installed by pyproject.toml's entry point): one object owns a build.

Like Material's plugins, the event handlers stay thin: typed options (`config.PluginConfig`), the
loaded data, its indexes and renderers (`site.SiteState`) and, while serving, what one rebuild
keeps for the next (`servecache.ServeSession`) all live on this object; no module keeps state.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import partial
from html import escape
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger

from ..text.errors import DataInvalid
from . import adapter
from .buildcache import PACKAGE, BuildCache, files_hash, fingerprint
from .config import PluginConfig, Settings, option_errors
from .macros_api import draft_html, macros, record_html, source_html
from .orgpage import ORG_BOOST
from .pages import TEXT_TITLE, add_generated, record_meta, record_title
from .publish import Swap
from .reading import data_date_vi
from .search import enrich_search_index, index_page, plain as search_plain
from .servecache import ServeSession
from .servefail import serve_errors
from .state import SiteState

log = get_plugin_logger("dvcq")
POLL_SECONDS = 0.1
POLL_MAX_FILES = 2000


class SitePlugin(BasePlugin[PluginConfig]):
    """Every event of a build (and of a `mkdocs serve` session) goes to one of these.

    mkdocs keeps one instance for a whole `mkdocs serve` process (it has `on_startup`) and gives it
    the options again before every rebuild (`load_config`)."""

    def __init__(self) -> None:
        self.option_errors: list = []  # the options' errors, reported in Vietnamese by on_config
        self.session: ServeSession | None = None  # only while `mkdocs serve` runs
        self.state: SiteState | None = None  # the current build's
        self.macros: dict = {}  # the macros pages call, bound to the current build's state
        self.swap: Swap | None = None  # `mkdocs build`: the site is written beside and swapped in at the end
        self.command, self.dirty = "", False
        self.code = ""  # while serving: the Python code the process runs (an edit is not reloaded)
        self.later: dict[str, Callable] = {}  # `mkdocs build`: pages written as HTML when their template renders

    def load_config(self, options: dict, config_file_path: str | None = None):
        """mkdocs checks the options; a failure is kept for on_config, which says it in Vietnamese."""
        failed, warned = super().load_config(options, config_file_path)
        self.option_errors = option_errors(failed, warned, config_file_path)
        return [], []

    def on_startup(self, command: str, dirty: bool) -> None:
        self.session = ServeSession() if command == "serve" else None
        self.command, self.dirty = command, dirty
        self.code = python_code() if self.session else ""

    def on_serve(self, server, config, builder):
        """Look at data/ and macros/ for changes every 0.1 s instead of mkdocs' 0.5 s (a quarter of the
        2 s a maintainer should wait, on average); above 2 000 files a poll costs real CPU."""
        if _watched_files(config) <= POLL_MAX_FILES:
            adapter.poll_every(server, POLL_SECONDS)
        return server

    @event_priority(adapter.AFTER_MACROS_CONFIG)
    def on_config(self, config):
        if self.session:
            self._say_if_code_changed()
        try:
            if self.option_errors:
                raise DataInvalid(self.option_errors)
            settings = Settings.of(self.config, config.config_file_path)
            parses = self.session.parses if self.session else None
            state = SiteState.load(settings, BuildCache(settings.cache_path), parses)
            if self.state and self.state.cache:
                self.state.cache.close()  # serve: the previous build's cache is done with
            self.state = state
        except DataInvalid as exc:
            if not (self.session and self.state and self.state.settings):  # a build, or serve's first one
                raise Abort("\n" + exc.report()) from None
            settings = self.state.settings
            config.extra["data_errors"] = serve_errors(exc)
        for warning in self.state.warnings:
            log.info(str(warning))
        config.extra["data_date"] = data_date_vi(self.state.data)  # the footer's "Dữ liệu cập nhật đến ngày"
        if settings.province:  # a provincial site says whose it is in every page's header and title
            config.site_name = f"{config.site_name} – {settings.province}"
        self.macros = macros(self.state)
        config.plugins["macros"].register_macros(self.macros)  # mkdocs-macros' API for plugins
        if self.command == "build" and not self.dirty:
            self.swap = Swap.of(config.site_dir)
            config.site_dir = str(self.swap.partial)
        return config

    def on_files(self, files, config):
        add_generated(files, config, self.state)
        if self.session:
            self.session.new_build(files, _config_text(config) + _theme_text(config))
        return files

    def on_nav(self, nav, config, files):
        if self.session:
            self.session.keep_nav(nav)
        return nav

    @event_priority(adapter.BEFORE_MACROS_RENDER)
    def _record_page(self, markdown, page, config, files):
        """A record, organisation, draft or source-text page: written here from the model, tags and search
        boost too. Its source only names it; `render_macros: false` (a documented mkdocs-macros setting)
        spares mkdocs-macros compiling it as a template (a tenth of a second per build)."""
        self.state.renderer.current = page.file.src_uri
        record = self.state.pages.records.get(page.file.src_uri)
        if record:
            page.meta.update(record_meta(self.state, *record), render_macros=False)
            return self._html_page(page, partial(record_html, self.state, *record))
        org = self.state.pages.organisations.get(page.file.src_uri)
        if org:
            page.meta.update(render_macros=False, search={"boost": ORG_BOOST})
            written = self.state.org_pages_renderer.render(org)
            adapter.converted(page, written.toc_tokens, written.ids, written.title)  # no Markdown conversion
            return written.html
        slug = self.state.pages.drafts.get(page.file.src_uri)  # a draft page: the same, without meta
        plan = self.state.pages.sources.get(page.file.src_uri)  # a plan's source text: the same
        if slug or plan:
            page.meta["render_macros"] = False
            return self._html_page(page, partial(draft_html, self.state, slug) if slug
                                   else partial(source_html, self.state, plan))
        return markdown

    def _html_page(self, page, write) -> str:
        """A page written as HTML, without Markdown: by `mkdocs build` only when its template renders it
        (`_fill`), so one such page's HTML is held at a time; while serving, now (its conversion is kept
        for the next rebuild)."""
        if self.session is None:
            self.later[page.file.src_uri] = write
            adapter.deferred(page)
            return ""
        written = write()
        adapter.converted(page, written.toc_tokens, written.ids, written.title)  # no Markdown conversion
        return written.html

    def _fill(self, page) -> None:
        """A page left for later by `_html_page`, written now, its HTML blocks put in as `on_page_content` does."""
        write = self.later.pop(page.file.src_uri, None)
        if write is None:
            return
        self.state.renderer.current = page.file.src_uri  # links are made relative to the page being written
        written = write()
        html, ids, _ = self.state.renderer.unstash(page.file.src_uri, written.html)  # record pages: no list blocks
        adapter.fill(page, html, written.toc_tokens, written.ids | ids, written.title)

    @event_priority(adapter.AFTER_MACROS_RENDER)
    def _title_and_conversion(self, markdown, page, config, files):
        """A record page's title from the model; while serving, the previous conversion if unchanged."""
        record = self.state.pages.records.get(page.file.src_uri)
        if record:
            page.meta["title"] = record_title(self.state, record[1])  # escaped: Material writes it raw (nav)
            page.meta[TEXT_TITLE] = self.state.renderer.title_of(record[1])  # as text: the tab and header escape it
        elif page.file.src_uri in self.state.pages.organisations:  # escaped, as the theme writes titles as they are
            name = self.state.data.organisations[self.state.pages.organisations[page.file.src_uri]].name
            page.meta["title"], page.meta[TEXT_TITLE] = escape(name, quote=False), name
        if self.session:
            self.session.convert(page, markdown)
        return markdown

    on_page_markdown = CombinedEvent(_record_page, _title_and_conversion)

    def on_page_content(self, html, page, config, files):
        """The HTML blocks templates kept out of Markdown go in; then a record page is parked till its template."""
        converted = html
        html, ids, tocs = self.state.renderer.unstash(page.file.src_uri, converted)
        adapter.add_toc_blocks(page, converted, tocs)
        adapter.add_anchor_ids(page, ids)  # for mkdocs' anchor checks
        page.markdown = ""  # converted: large sites would otherwise hold every page twice (None unsets the title)
        return adapter.park(html) if self._parked(page) else html

    def _parked(self, page) -> bool:
        return self.session is None and self._generated_page(page)

    def _generated_page(self, page) -> bool:
        """A record or draft page: tens of thousands at national scale, each held only till it is written."""
        return page.file.src_uri in self.state.pages

    @event_priority(adapter.BEFORE_THEME_TEMPLATES)
    def _cache_theme_templates(self, env, config, files):
        env.bytecode_cache = self.state.cache.templates(env) if self.state.cache else None
        adapter.add_folder_parts(env)  # the theme's `per_folder` parts
        if not search_plain(self.state):  # Material's search as it is: no quick index to start early
            adapter.add_search_worker(env)  # named in the page's head: search-quick.js starts it early
        return env

    @event_priority(adapter.AFTER_TAG_LISTINGS)
    def _prepare_outputs(self, env, config, files):
        if self.session:
            self.session.prepare_outputs(env, files)
        return env

    on_env = CombinedEvent(_cache_theme_templates, _prepare_outputs)

    @event_priority(adapter.BEFORE_SEARCH_PAGE)  # Material's search then skips the page (search.py cut it)
    def on_page_context(self, context, page, config, nav):
        adapter.unpark(page)
        self._fill(page)
        index_page(page, self.state, self.session.reuse if self.session else None)
        if self.session:
            self.session.reuse_output(context, page)
        return context

    @event_priority(adapter.THEME_OUTPUT)
    def on_post_page(self, output, page, config):
        if self.session:
            self.session.keep_output(output, page)
        elif self._generated_page(page):
            adapter.release(page)  # written: let the HTML and the table of contents go
        return output

    @event_priority(adapter.AFTER_SEARCH_INDEX)
    def _index(self, config):
        enrich_search_index(config.site_dir, self.state)
        if self.session:
            stats = self.session.stats
            log.info(f"{stats.converted} trang chuyển lại, {stats.conversions_reused} trang dùng lại từ lần dựng trước")

    @event_priority(adapter.LAST_STEP)
    def _built(self, config):
        if self.swap:
            self.swap.succeeded = True
        settings, cache = self.state.settings, self.state.cache
        if cache and settings:  # the entries this build used are kept, the others go
            cache.finish({"config": str(Path(config.config_file_path).resolve()), "data": str(settings.data_path),
                          "province": settings.province})

    def _say_if_code_changed(self) -> None:
        """mkdocs serve keeps the Python code it started with: after an edit, say plainly to restart."""
        if python_code() != self.code:
            print("\nMã Python của dự án (macros/) đã thay đổi từ khi `make serve` chạy, nhưng trang vẫn được dựng "
                  "bằng mã cũ. Hãy dừng (Ctrl+C) rồi chạy lại `make serve`.\n", file=sys.stderr)

    on_post_build = CombinedEvent(_index, _built)

    def on_build_error(self, error):
        """Also called when --strict stops a build after its last step."""
        if self.swap:
            self.swap.succeeded = False

    def on_shutdown(self):
        if self.state and self.state.cache:
            self.state.cache.close()
        if self.swap:
            self.swap.finish()
            self.swap = None


def plugin_of(config) -> SitePlugin:
    """The plugin object of a loaded config (for the benchmark's dump hook and tests)."""
    for item in config.plugins.values():
        if isinstance(item, SitePlugin):
            return item
    raise LookupError("the dvcq plugin is not among mkdocs.yml's plugins")


def python_code() -> str:
    """Hash of the package's Python files (templates and theme overrides are read again every build)."""
    return files_hash(PACKAGE.rglob("*.py"), PACKAGE)


def _config_text(config) -> str:
    """The config file and `extra` (the settings every page's conversion depends on)."""
    try:
        with open(config.config_file_path, encoding="utf-8") as handle:
            return handle.read() + json.dumps(dict(config.extra), sort_keys=True, default=str)
    except (OSError, TypeError):
        return ""


def _theme_text(config) -> str:
    """The theme overrides (`custom_dir`), which a maintainer may edit while serving: every page's output uses them."""
    folder = config.theme.custom_dir
    return fingerprint(Path(folder)) if folder and Path(folder).is_dir() else ""


def _watched_files(config) -> int:
    return sum(1 for item in config.watch for p in Path(item).rglob("*") if p.is_file())
