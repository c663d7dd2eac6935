"""mkdocs hook used only by the benchmark: write out what our data layer produced, as a plain docs folder.

Every page is written with the Markdown the macros rendered (front matter kept, so tags and search
boosts are the same), and every other file our plugin generated (JSON, iCalendar, source texts, templates)
or found in docs/ is copied, so a plain mkdocs-material build of that folder makes the same site without
our code. The folder is $DVCQ_DUMP_DIR.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from mkdocs.plugins import event_priority

from macros.site.plugin import plugin_of

_FILES = []
_LATER: dict[str, str] = {}  # pages our plugin writes when their template renders: src_uri -> front matter


def _out(src_uri: str) -> Path:
    path = Path(os.environ["DVCQ_DUMP_DIR"]) / src_uri
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


@event_priority(-100)  # after the macros plugin rendered the page
def on_page_markdown(markdown, page, config, files):
    meta = json.dumps(page.meta, ensure_ascii=False)  # JSON is YAML: the same front matter, one line
    plugin = plugin_of(config)
    if page.file.src_uri in plugin.later:  # written as HTML in on_page_context: dumped then
        _LATER[page.file.src_uri] = meta
        return markdown
    # The HTML blocks our renderer keeps out of Markdown go in as raw HTML, as a plain site has them.
    text = plugin.state.renderer.filled(page.file.src_uri, markdown)
    _out(page.file.src_uri).write_text(f"---\n{meta}\n---\n\n{text}", encoding="utf-8")
    return markdown


@event_priority(-100)  # after our plugin wrote the page's HTML (its blocks filled in)
def on_page_context(context, page, config, nav):
    meta = _LATER.pop(page.file.src_uri, None)
    if meta is not None:
        _out(page.file.src_uri).write_text(f"---\n{meta}\n---\n\n{page.content}", encoding="utf-8")
    return context


@event_priority(-100)  # after our plugin added the generated files
def on_files(files, config):
    _FILES[:] = [f for f in files if not f.is_documentation_page()]
    return files


def on_post_build(config):
    docs = Path(config.docs_dir).resolve()
    for file in _FILES:
        if file.generated_by:
            _out(file.src_uri).write_bytes(file.content_bytes)
        elif file.abs_src_path and Path(file.abs_src_path).resolve().is_relative_to(docs):
            shutil.copyfile(file.abs_src_path, _out(file.src_uri))
