"""Reuse for `mkdocs serve`: after a YAML edit, only the pages whose content changed are converted again.

mkdocs serve rebuilds the whole site on every change, and most of a rebuild is Markdown
conversion and Material's page template, for pages the edit did not touch. The macros still
render every page from the reloaded data (that is how we learn which pages changed); then:

- a page whose Markdown, and the site's set of files, are those of the previous build gets the
  previous conversion back (HTML, table of contents, anchors) instead of converting again;
- a page whose HTML, title, table of contents, front matter and the site's navigation are those
  of the previous build gets its previous output of the theme template.

Besides, YAML files are parsed again only when they changed, page sources are compiled as
templates once, and the installed theme's files are listed once. All of it is kept in this
process only. `mkdocs build` never uses it (`start` is called with the command mkdocs runs), so
published sites are always built from scratch. tests/test_servecache.py checks that a rebuild
after an edit is byte-identical to a fresh build of the edited data.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import CodeType
from typing import TypeVar

import jinja2
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Section

from .yamlsource import keep_parses

T = TypeVar("T")
REUSE_TEMPLATE = "dvcq-reuse.html"
CONTEXT_KEY = "dvcq_reused_html"

_active = False
# (kind, src_uri) -> (key, value) for the pages of the last build; kinds: "conversion", "output", "search"
_kept: dict[tuple[str, str], tuple[str, object]] = {}
_build: dict = {"files": "", "nav": "", "nav_object": None, "keys": {}}
STATS = {"converted": 0, "conversions_reused": 0, "outputs_reused": 0}  # for the last build


@dataclass
class _Conversion:
    content: str
    toc: object
    title: str | None
    anchor_ids: set[str] | None
    anchor_links: dict[str, dict[str, str]] | None  # by target src_uri: File objects die with their build


def start(command: str) -> None:
    """Called once per process (mkdocs `on_startup`): reuse only while serving."""
    global _active
    _active = command == "serve"
    _kept.clear()
    _theme_listed.clear()
    _compiled.clear()
    keep_parses(_active)
    Files.add_files_from_theme = _list_theme_once if _active else _LIST_THEME


_LIST_THEME = Files.add_files_from_theme
_theme_listed: dict[tuple, list[tuple[str, str]]] = {}


def _list_theme_once(files: Files, env: jinja2.Environment, config) -> None:
    """mkdocs' `Files.add_files_from_theme`, with the theme's files listed once per `mkdocs serve`.

    mkdocs walks the theme's folders in every rebuild (Material's hold 10 000 icons, a fifth of
    a second). An installed theme does not change while serving; with a `custom_dir`, which a
    maintainer may edit, the theme is listed every time.
    """
    if config.theme.custom_dir is not None:
        return _LIST_THEME(files, env, config)
    key = (tuple(config.theme.dirs), tuple(sorted(config.theme.static_templates)))
    if key not in _theme_listed:
        every = Files([])
        _LIST_THEME(every, env, config)
        _theme_listed[key] = [(f.src_uri, f.src_dir) for f in every]
    for path, src_dir in _theme_listed[key]:
        if files.get_file_from_path(path) is None:  # theme files do not override docs_dir files
            files.append(File(path, src_dir, config.site_dir, config.use_directory_urls))


# What decides the code Jinja compiles a source to, besides the source and Jinja's version: a
# source compiled by one environment is never reused by an environment that parses it differently.
_SYNTAX = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
           "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
           "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized")
_compiled: dict[str, CodeType] = {}


def compile_strings_once(env: jinja2.Environment) -> None:
    """mkdocs-macros' `env.from_string` compiles each page's source once per `mkdocs serve`.

    mkdocs-macros compiles every page's Markdown as a template in every rebuild (a tenth of a
    second for the real site), and Jinja caches only templates that come from a loader.
    """
    syntax = "\0".join([repr(getattr(env, name)) for name in _SYNTAX] + sorted(env.extensions))

    def from_string(source, globals=None, template_class=None):
        key = _digest(syntax, source)
        if key not in _compiled:
            _compiled[key] = env.compile(source)
        return (template_class or env.template_class).from_code(env, _compiled[key], env.make_globals(globals), None)

    env.from_string = from_string


def _found(kind: str, src_uri: str, key: str):
    """What the last build kept for this page under this key, or None."""
    kept = _kept.get((kind, src_uri))
    return kept[1] if kept and kept[0] == key else None


def reuse(kind: str, src_uri: str, parts: tuple[str, ...], make: Callable[[], T]) -> T:
    """`make()`, or while serving its value from the last build if `parts` are unchanged."""
    if not _active:
        return make()
    key = _digest(*parts)
    value = _found(kind, src_uri, key)
    if value is None:
        value = make()
        _kept[(kind, src_uri)] = (key, value)
    return value


def active() -> bool:
    return _active


POLL_SECONDS = 0.1
POLL_MAX_FILES = 2000


def poll_faster(server, config) -> None:
    """Look at data/ and macros/ for changes every 0.1 s instead of mkdocs' 0.5 s.

    mkdocs polls (watchdog's PollingObserver) every half second, a quarter of the 2 s a
    maintainer should wait on average. Folders added to `watch` after this event get
    emitters with the observer's timeout, so setting it here speeds up those only. Above
    2 000 files a poll costs real CPU, and the default stays.
    """
    count = sum(1 for item in config.watch for p in Path(item).rglob("*") if p.is_file())
    observer = getattr(server, "observer", None)
    if count <= POLL_MAX_FILES and observer is not None and hasattr(observer, "_timeout"):
        observer._timeout = POLL_SECONDS


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def new_build(files, config) -> None:
    """The site-wide part of every key: the config and every file's path (links resolve against them)."""
    paths = "\n".join(sorted(f.src_uri for f in files))
    _build["files"] = _digest(_config_text(config), paths)
    _build["keys"] = {}
    STATS.update(converted=0, conversions_reused=0, outputs_reused=0)


def _config_text(config) -> str:
    try:
        with open(config.config_file_path, encoding="utf-8") as handle:
            return handle.read() + json.dumps(dict(config.extra), sort_keys=True, default=str)
    except (OSError, TypeError):
        return ""


def convert(page, markdown: str) -> None:
    """Give `page` a render method that reuses the previous conversion of the same Markdown."""
    src = page.file.src_uri
    key = _digest(_build["files"], src, markdown)
    convert_now = page.render
    previous = _found("conversion", src, key)

    def render(config, files) -> None:
        if previous is not None:
            _restore(page, previous, files)
            STATS["conversions_reused"] += 1
        else:
            STATS["converted"] += 1
            convert_now(config, files)
            _kept[("conversion", src)] = (key, _snapshot(page))

    page.render = render


def _snapshot(page) -> _Conversion:
    links = page.links_to_anchors
    return _Conversion(page.content, copy.deepcopy(page.toc), page._title_from_render, page.present_anchor_ids,
                       {f.src_uri: dict(v) for f, v in links.items()} if links is not None else None)


def _restore(page, done: _Conversion, files) -> None:
    # A fresh copy of the table of contents: plugins change it in place (Material's tags listings).
    page.content, page.toc, page._title_from_render = done.content, copy.deepcopy(done.toc), done.title
    page.present_anchor_ids = set(done.anchor_ids) if done.anchor_ids is not None else None
    if done.anchor_links is not None:
        page.links_to_anchors = {files.get_file_from_path(src): dict(v) for src, v in done.anchor_links.items()}


def keep_nav(nav) -> None:
    _build["nav_object"] = nav  # its page titles are final only once every page is converted


def prepare_outputs(env: jinja2.Environment, files) -> None:
    """After every page is converted: pages whose template output is known render a stored copy."""
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({REUSE_TEMPLATE: "{{ " + CONTEXT_KEY + " | safe }}"}),
                                      env.loader])
    _build["nav"] = _digest(_build["files"], _nav_text(_build["nav_object"].items))
    for file in files.documentation_pages():
        page = file.page
        if page is None or page.content is None:
            continue
        key = _page_key(page)
        _build["keys"][file.src_uri] = key
        if _found("output", file.src_uri, key) is not None:
            page.meta["template"] = REUSE_TEMPLATE
            STATS["outputs_reused"] += 1


def _page_key(page) -> str:
    meta = json.dumps(page.meta, sort_keys=True, ensure_ascii=False, default=str)
    return _digest(_build["nav"], page.file.src_uri, page.title or "", meta, _toc_text(page.toc), page.content)


def _nav_text(items) -> str:
    rows = []
    for item in items:
        if isinstance(item, Section):
            rows.append(f"[{item.title}\n{_nav_text(item.children)}]")
        elif isinstance(item, Link):
            rows.append(f"{item.title}\t{item.url}")
        else:
            rows.append(f"{item.title}\t{item.file.src_uri}")
    return "\n".join(rows)


def _toc_text(toc) -> str:
    return "\n".join(f"{a.level}\t{a.id}\t{a.title}\n{_toc_text(a.children)}" for a in toc)


def reuse_output(context, page) -> None:
    """For a page marked by `prepare_outputs`, hand the stored output to the reuse template."""
    if page.meta.get("template") == REUSE_TEMPLATE:
        context[CONTEXT_KEY] = _kept[("output", page.file.src_uri)][1]


def keep_output(output: str, page) -> None:
    """Remember what the theme template produced (before other plugins' post_page changes)."""
    key = _build["keys"].get(page.file.src_uri)
    if key is not None and page.meta.get("template") != REUSE_TEMPLATE:
        _kept[("output", page.file.src_uri)] = (key, output)
