"""Reuse for `mkdocs serve`: after a YAML edit, only the pages whose content changed are converted again.

mkdocs serve rebuilds the whole site on every change, and most of a rebuild is Markdown
conversion and Material's page template, for pages the edit did not touch. The macros still
render every page from the reloaded data (that is how we learn which pages changed); then:

- a page whose Markdown, and the site's set of files, are those of the previous build gets the
  previous conversion back (HTML, table of contents, anchors) instead of converting again;
- a page whose HTML, title, table of contents, front matter and the site's navigation are those
  of the previous build gets its previous output of the theme template.

Besides, YAML files are parsed again only when they changed. A `ServeSession` lives as long as
the `mkdocs serve` process (the plugin makes one in `on_startup("serve")`); `mkdocs build` has
none, so published sites are always built from scratch. tests/test_servecache.py checks that a
rebuild after an edit is byte-identical to a fresh build of the edited data.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from mkdocs.structure.nav import Link, Section

from . import adapter

T = TypeVar("T")
REUSE_TEMPLATE = "dvcq-reuse.html"
CONTEXT_KEY = "dvcq_reused_html"


@dataclass
class Stats:
    """What the last build converted and reused (the serve log says it; the test reads it)."""

    converted: int = 0
    conversions_reused: int = 0
    outputs_reused: int = 0


@dataclass
class ServeSession:
    """What one `mkdocs serve` process keeps from one rebuild to the next."""

    parses: dict = field(default_factory=dict)  # YAML parses by file (yamlsource.read_yaml)
    kept: dict[tuple[str, str], tuple[str, object]] = field(default_factory=dict)  # (kind, src_uri) -> (key, value)
    stats: Stats = field(default_factory=Stats)
    files_key: str = ""
    nav_key: str = ""
    nav: object = None
    keys: dict[str, str] = field(default_factory=dict)  # output keys of this build's pages

    def found(self, kind: str, src_uri: str, key: str):
        """What the last build kept for this page under this key, or None."""
        kept = self.kept.get((kind, src_uri))
        return kept[1] if kept and kept[0] == key else None

    def reuse(self, kind: str, src_uri: str, parts: tuple[str, ...], make: Callable[[], T]) -> T:
        """`make()`, or its value from the last build if `parts` are unchanged."""
        key = _digest(*parts)
        value = self.found(kind, src_uri, key)
        if value is None:
            value = make()
            self.kept[(kind, src_uri)] = (key, value)
        return value

    def new_build(self, files, config_text: str) -> None:
        """The site-wide part of every key: the config and every file's path (links resolve against them)."""
        paths = "\n".join(sorted(f.src_uri for f in files))
        self.files_key = _digest(config_text, paths)
        self.keys = {}
        self.stats = Stats()

    def convert(self, page, markdown: str) -> None:
        """Have `page` reuse the previous conversion of the same Markdown when mkdocs renders it."""
        src = page.file.src_uri
        key = _digest(self.files_key, src, markdown)
        previous = self.found("conversion", src, key)

        def render(convert_now, config, files) -> None:
            if previous is not None:
                previous.restore(page, files)
                self.stats.conversions_reused += 1
            else:
                self.stats.converted += 1
                convert_now(config, files)
                self.kept[("conversion", src)] = (key, adapter.Conversion.of(page))

        adapter.replace_render(page, render)

    def keep_nav(self, nav) -> None:
        self.nav = nav  # its page titles are final only once every page is converted

    def prepare_outputs(self, env, files) -> None:
        """After every page is converted: pages whose template output is known render a stored copy."""
        adapter.add_template(env, REUSE_TEMPLATE, "{{ " + CONTEXT_KEY + " | safe }}")
        self.nav_key = _digest(self.files_key, _nav_text(self.nav.items))
        for file in files.documentation_pages():
            page = file.page
            if page is None or page.content is None:
                continue
            key = self._page_key(page)
            self.keys[file.src_uri] = key
            if self.found("output", file.src_uri, key) is not None:
                page.meta["template"] = REUSE_TEMPLATE
                self.stats.outputs_reused += 1

    def _page_key(self, page) -> str:
        meta = json.dumps(page.meta, sort_keys=True, ensure_ascii=False, default=str)
        return _digest(self.nav_key, page.file.src_uri, page.title or "", meta, _toc_text(page.toc), page.content)

    def reuse_output(self, context, page) -> None:
        """For a page marked by `prepare_outputs`, hand the stored output to the reuse template."""
        if page.meta.get("template") == REUSE_TEMPLATE:
            context[CONTEXT_KEY] = self.kept[("output", page.file.src_uri)][1]

    def keep_output(self, output: str, page) -> None:
        """Remember what the theme template produced (before other plugins' post_page changes)."""
        key = self.keys.get(page.file.src_uri)
        if key is not None and page.meta.get("template") != REUSE_TEMPLATE:
            self.kept[("output", page.file.src_uri)] = (key, output)


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


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
