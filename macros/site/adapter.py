"""Every place this project relies on a dependency's internals, and why; nothing else may.

mkdocs 1.6 is the last release and Material is in maintenance until May 2027: a move to a fork or
a successor should be this module's work alone. tests/test_adapter.py checks each assumption
below against the installed versions and fails loudly, naming it, when one stops holding.

What is used, each with its reason:

- mkdocs `File._content` (`MadeFile`): generated files made when mkdocs reads them, not held
  from `on_files` to the end of the build (gigabytes of JSON and iCalendar at 20 000 plans);
  `File.copy_file`, which `Files.copy_static_files` calls for each file, replaced so that a file
  made in pieces is written in pieces.
- mkdocs `Page.render` replaced on one page, and `Page._title_from_render`,
  `Page.present_anchor_ids`, `Page.links_to_anchors` read and written (`Conversion`): while
  serving, a page whose Markdown is unchanged gets its previous conversion back.
- mkdocs `Page.render` replaced on a page written as HTML (`converted`): it sets what `render` would
  (`content`, `toc` through mkdocs' `get_toc` of Python-Markdown's toc tokens, `_title_from_render`,
  `present_anchor_ids`, `links_to_anchors`) without converting anything.
- mkdocs `Page.render` replaced by an empty conversion (`deferred`) on a page written as HTML, which
  is made and `fill`ed only in `on_page_context`, and its content and toc dropped once written
  (`release`): a build holds one generated page's HTML at a time.
- mkdocs `Page.present_anchor_ids` (`add_anchor_ids`): ids in HTML blocks put back after
  conversion, so mkdocs' anchor checks see them.
- `Page.content` holding a `Packed` object between conversion and the page's template: mkdocs
  converts every page before it renders any template; record pages wait compressed.
- watchdog's `PollingObserver._timeout` (`poll_every`): mkdocs serve polls every 0.5 s.
- Event priorities of mkdocs-macros, Material's tags, search and offline plugins: where each of our
  steps falls among theirs (the constants below, one per step). Material's search skips a page
  whose meta says `search: {exclude: true}` (a documented setting), which search.py sets after
  cutting the page's entries itself.
- The format of Material's `search/search_index.json` (`SearchIndexFile`): `config.separator` and
  `docs` entries with `location`, `title`, `text`, written compactly; search.py rewrites it.
- mkdocs-macros leaves a page alone whose meta says `render_macros: false` (documented): the
  plugin renders record pages itself, so their source is never compiled as a template.
- Material's lunr (`MaterialLunr`): the lunr version its worker bundles and the stop words of its
  lunr.vi, read from its files, for the quick index built ahead (search_lunr.py), whose format and
  tokens must be those of Material's worker.
- Material's page template (`FolderParts`): for a page outside the nav (every record page), its
  navigation, footer, header around the title and the assets and config in `<head>` and at the end
  depend on the page only through mkdocs' relative URLs (`url` filter, `base_url`), which depend on
  the page's folder (`get_relative_url`); each is made once per folder (`{% call per_folder(…) %}`
  in macros/site/theme) instead of once per page, a fifth of a record page's cost.
- The path of Material's search worker script (`search_worker`), read from its base.html, where the
  page's config names it with a content hash: the theme's `<head>` names it too, so that
  docs/assets/javascripts/search-quick.js starts the worker while the page loads instead of when
  Material's bundle runs at its end.
- Jinja's `jinja_pass_arg`, which its `pass_context`, `pass_eval_context` and `pass_environment`
  set on a filter or test (`pass_kind`): a template's compiled call passes what it names, so a compiled
  template kept between builds is keyed by it (buildcache.py).
"""

from __future__ import annotations

import copy
import functools
import json
import os
import re
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import jinja2
from mkdocs.structure.files import File, InclusionLevel
from markdown.extensions.toc import nest_toc_tokens
from mkdocs.structure.toc import get_toc

# --- mkdocs: generated files made when read --------------------------------------------------------


class MadeFile(File):
    """A generated file whose bytes are made each time mkdocs reads them, never kept.

    `File.generated` keeps the content in `File._content`, which `content_bytes`,
    `content_string` and `copy_file` read; a property there makes it on demand. A maker may give
    the bytes in pieces (an iterator): `copy_file` then writes them as they come, so the national
    open-data file (hundreds of MB at 20 000 plans) is never whole in memory.
    """

    _make: Callable[[], str | bytes | Iterable[bytes]]

    @classmethod
    def of(cls, config, src_uri: str, make: Callable[[], str | bytes | Iterable[bytes]]) -> "MadeFile":
        file = cls.generated(config, src_uri, content=b"", inclusion=InclusionLevel.NOT_IN_NAV)
        file._make = make
        return file

    @property
    def _content(self) -> str | bytes:
        made = self._make()
        return made if isinstance(made, (str, bytes)) else b"".join(made)

    def copy_file(self, dirty: bool = False) -> None:
        """What mkdocs' `copy_file` does with generated content, piece by piece."""
        made = self._make()
        os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
        with open(self.abs_dest_path, "wb") as out:
            for piece in [made] if isinstance(made, (str, bytes)) else made:
                out.write(piece.encode("utf-8") if isinstance(piece, str) else piece)

    @_content.setter
    def _content(self, value: str | bytes) -> None:  # File.generated and the content setters
        self._make = lambda: value


# --- mkdocs: a page's conversion, kept and given back (mkdocs serve) ---------------------------------


@dataclass
class Conversion:
    """What `Page.render` leaves on a page: HTML, table of contents, title, anchors and links to anchors."""

    content: str
    toc: object
    title: str | None
    anchor_ids: set[str] | None
    anchor_links: dict[str, dict[str, str]] | None  # by target src_uri: File objects die with their build

    @classmethod
    def of(cls, page) -> "Conversion":
        links = page.links_to_anchors
        return cls(page.content, copy.deepcopy(page.toc), page._title_from_render, page.present_anchor_ids,
                   {f.src_uri: dict(v) for f, v in links.items()} if links is not None else None)

    def restore(self, page, files) -> None:
        """Give the page this conversion (a fresh copy of the toc: plugins change it in place)."""
        page.content, page.toc, page._title_from_render = self.content, copy.deepcopy(self.toc), self.title
        page.present_anchor_ids = set(self.anchor_ids) if self.anchor_ids is not None else None
        if self.anchor_links is not None:
            page.links_to_anchors = {files.get_file_from_path(src): dict(v) for src, v in self.anchor_links.items()}


def replace_render(page, render: Callable[[Callable[[object, object], None], object, object], None]) -> None:
    """mkdocs calls `page.render(config, files)` after `on_page_markdown`; `render` gets the original first."""
    original = page.render
    page.render = lambda config, files: render(original, config, files)


def converted(page, toc_tokens: list[dict], anchor_ids: set[str], title: str | None = None) -> None:
    """A page written as HTML (macros/site/direct.py): its Markdown field holds the HTML, and mkdocs'
    conversion is replaced by what it leaves on a page (content, toc from Python-Markdown's toc
    tokens, anchors); its links come from the model, so mkdocs has none to check (`links_to_anchors`)."""
    replace_render(page, lambda original, config, files: fill(page, page.markdown, toc_tokens, anchor_ids, title))


def fill(page, html: str, toc_tokens: list[dict], anchor_ids: set[str], title: str | None = None) -> None:
    """Leave on `page` what `Page.render` would have: content, toc, title, anchors, no links to check."""
    page.content, page.toc, page._title_from_render = html, get_toc(copy.deepcopy(toc_tokens)), title
    page.present_anchor_ids, page.links_to_anchors = set(anchor_ids), {}


def deferred(page) -> None:
    """A page written as HTML only when its template is about to render it (`fill` in `on_page_context`).

    mkdocs converts every page before it renders any template: at 20 000 plans the HTML of tens of
    thousands of pages would wait in memory. Until it is filled the page is empty: no title from
    render (its title comes from meta, as a record page's does, or waits), no toc, no anchors; no other
    page reads these before their own template, and mkdocs checks anchors after every page is written."""
    replace_render(page, lambda original, config, files: fill(page, "", [], set()))


def release(page) -> None:
    """A written page's HTML and table of contents let go; its anchors stay for mkdocs' anchor checks."""
    page.content, page.toc = None, get_toc([])


def add_toc_blocks(page, html: str, places: list[tuple[int, list[dict]]]) -> None:
    """The headings of HTML blocks (a list written as HTML in a hand-written page) join the page's toc
    where each block stands among the headings Python-Markdown converted (`html` is the converted
    page with the blocks' placeholders; `places` their offsets in it and their toc tokens)."""
    if not places:
        return
    starts = {m.group(1): m.start() for m in _HEADING_ID.finditer(html)}
    flat = [(starts.get(a.id, -1), {"level": a.level, "id": a.id, "name": a.title}) for a in _walk(page.toc)]
    flat += [(at, token) for at, tokens in places for token in _flat(tokens)]
    flat.sort(key=lambda item: item[0])
    page.toc = get_toc(nest_toc_tokens([token for _, token in flat]))


_HEADING_ID = re.compile(r'<h[1-6][^>]*?\sid="([^"]*)"')


def _walk(items):
    for item in items:
        yield item
        yield from _walk(item.children)


def _flat(tokens: list[dict]):
    for token in tokens:
        yield {key: value for key, value in token.items() if key != "children"}
        yield from _flat(token.get("children", []))


def add_anchor_ids(page, ids: set[str]) -> None:
    """Ids the Markdown converter did not see (HTML blocks put back after it) count for mkdocs' anchor checks."""
    page.present_anchor_ids = (page.present_anchor_ids or set()) | ids


# --- mkdocs: a page's HTML parked between conversion and its template ---------------------------------


class Packed:
    """A page's HTML, zlib-compressed (not a `str`: code that reads it by mistake fails loudly)."""

    def __init__(self, html: str) -> None:
        self.blob = zlib.compress(html.encode("utf-8"), 1)

    def text(self) -> str:
        return zlib.decompress(self.blob).decode("utf-8")


def park(html: str) -> Packed:
    """What `on_page_content` returns for a record page: mkdocs keeps it as `page.content` till `on_page_context`."""
    return Packed(html)


def unpark(page) -> None:
    if isinstance(page.content, Packed):
        page.content = page.content.text()


# --- Jinja: one more template in the theme's environment -----------------------------------------------


def add_template(env: jinja2.Environment, name: str, source: str) -> None:
    """Templates named `name` come from `source`, the theme's from its own loader."""
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({name: source}), env.loader])


def pass_kind(function: Callable) -> str:
    """What Jinja passes a filter or test before its arguments ('context', 'environment', ... or '')."""
    kind = getattr(function, "jinja_pass_arg", None)
    return getattr(kind, "name", "")


# --- Material: parts of its page template made once per folder ----------------------------------------------


class FolderParts:
    """Parts of Material's page template made once per folder for the pages outside the nav, and reused.

    A record page is not in the nav (InclusionLevel.NOT_IN_NAV): no nav item is active for it and it
    has no previous or next page, so Material's navigation (thousands of template calls a page), the
    footer, the header around the title and the assets and config in `<head>` and at the end differ
    between two such pages only by their relative URLs, made by mkdocs relative to the page's folder.
    The theme overrides wrap each such part in `{% call per_folder("name") %}`; a page in the nav
    (or no page: 404.html) gets each part made afresh. tests/test_adapter.py builds the real site with
    and without this and compares every page, so a Material that puts anything else of the page in
    these parts fails loudly. One object per build (`on_env`): nothing outlives the build's nav.
    """

    def __init__(self) -> None:
        self.in_nav: set[int] | None = None  # the nav's pages (ids), from the first page's context
        self.made: dict[tuple[str, str], str] = {}

    @jinja2.pass_context
    def __call__(self, context, name: str, caller) -> str:
        page, nav = context.get("page"), context.get("nav")
        if self.in_nav is None and nav is not None:
            self.in_nav = {id(item) for item in nav.pages}
        if page is None or nav is None or id(page) in self.in_nav or not isinstance(getattr(page, "url", None), str):
            return caller()
        key = (name, url_folder(page.url))
        made = self.made.get(key)
        if made is None:
            made = self.made[key] = caller()
        return made


def url_folder(url: str) -> str:
    """What mkdocs makes a page's relative URLs from (`get_relative_url` drops a last part with a dot)."""
    folder, _, last = url.rpartition("/")
    return folder if "." in last else url


def add_folder_parts(env: jinja2.Environment) -> None:
    """`per_folder` for the theme's templates, fresh for each build (its nav, its pages)."""
    env.globals["per_folder"] = FolderParts()


# --- Material: its search worker, started from the page's head -----------------------------------------------

_SEARCH_WORKER = re.compile(r"[\"'](assets/javascripts/workers/search\.[0-9a-f]+\.min\.js)[\"']")


def search_worker(env: jinja2.Environment) -> str | None:
    """The search worker script Material's page config names (`"search": …` in base.html), relative to the
    site; None if this Material names none in the one place we look."""
    try:
        source, _, _ = env.loader.get_source(env, "base.html")
    except jinja2.TemplateNotFound:
        return None
    found = _SEARCH_WORKER.findall(source)
    return found[0] if len(set(found)) == 1 else None


def add_search_worker(env: jinja2.Environment) -> None:
    """`search_worker` for the theme's `<head>` (macros/site/theme/main.html), or nothing if not found."""
    path = search_worker(env)
    if path:
        env.globals["search_worker"] = path


# --- watchdog: how often mkdocs serve looks for changes --------------------------------------------------


def poll_every(server, seconds: float) -> bool:
    """Folders watched from now on are polled every `seconds` (emitters take the observer's timeout)."""
    observer = getattr(server, "observer", None)
    if observer is None or not hasattr(observer, "_timeout"):
        return False
    observer._timeout = seconds
    return True


# --- Material's search and offline plugins: when the index is written and inlined -------------------------

SEARCH_INDEX = "search/search_index.json"


@dataclass
class SearchIndexFile:
    """Material's search index as its search plugin writes it: {"config": {"separator": …, "fields": …, …},
    "docs": [{"location": "page.html#anchor", "title": …, "text": …, other fields}, …]}."""

    path: Path
    content: dict

    @classmethod
    def read(cls, site_dir: str | Path) -> "SearchIndexFile | None":
        path = Path(site_dir) / SEARCH_INDEX
        return cls(path, json.loads(path.read_text(encoding="utf-8"))) if path.is_file() else None

    @property
    def docs(self) -> list[dict]:
        return self.content["docs"]

    @docs.setter
    def docs(self, entries: list[dict]) -> None:
        self.content["docs"] = entries

    @property
    def separator(self) -> str:
        """The regular expression that splits text into words (mkdocs.yml's `search: separator`)."""
        return self.content["config"]["separator"]

    def write(self) -> None:
        """Serialised as Material serialises it, so sizes compare like for like."""
        self.path.write_text(json.dumps(self.content, separators=(",", ":"), default=str), encoding="utf-8")


def search_entry(location: str, title: str, text: list | str) -> dict:
    """One entry of the index: a page (`page.html`) or a section of it (`page.html#anchor`)."""
    return {"location": location, "title": title, "text": text}


# --- Material's lunr: what its worker builds the search index with --------------------------------------

_LUNR_VERSION = re.compile(r'\.version="(\d+\.\d+\.\d+)"')
_VI_STOP_WORDS = re.compile(r'\.vi\.stopWordFilter=\w+\.generateStopWordFilter\("([^"]*)"\.split\(" "\)\)')


@dataclass(frozen=True)
class MaterialLunr:
    """What Material's search worker builds its lunr index with, for search_lunr.py to build the same."""

    version: str  # `lunr.version`, written into a serialised index (`lunr.Index.load` warns on a mismatch)
    vi_stop_words: frozenset[str]  # lunr.vi's stop word filter, the pipeline function mkdocs.yml keeps

    @classmethod
    @functools.cache
    def installed(cls) -> "MaterialLunr":
        """Read from the installed Material: its worker script (which bundles lunr) and lunr-languages' vi."""
        import material

        scripts = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
        worker = next((scripts / "workers").glob("search.*.min.js")).read_text(encoding="utf-8")
        vi = (scripts / "lunr" / "min" / "lunr.vi.min.js").read_text(encoding="utf-8")
        version, stop_words = _LUNR_VERSION.search(worker), _VI_STOP_WORDS.search(vi)
        if not version or not stop_words:
            raise RuntimeError("Material's worker or lunr.vi changed: no lunr version or vi stop word filter found "
                               "(macros/site/search_lunr.py builds the quick index as they do)")
        return cls(version.group(1), frozenset(stop_words.group(1).split(" ")))


# --- event priorities: where each of our steps falls among the other plugins' (mkdocs runs higher first) ---

AFTER_MACROS_CONFIG = -100  # `on_config`: mkdocs-macros made its environment (0): our macros go into it
BEFORE_MACROS_RENDER = 50  # `on_page_markdown`: before mkdocs-macros renders (0), before tags reads tags (-50)
AFTER_MACROS_RENDER = -100  # `on_page_markdown`: after the macros and the tags plugin changed the Markdown
BEFORE_THEME_TEMPLATES = 110  # `on_env`: before any theme template is compiled (the tags plugin's listings, 100)
AFTER_TAG_LISTINGS = -100  # `on_env`: after the tags plugin wrote its listings into their pages (100)
BEFORE_SEARCH_PAGE = 10  # `on_page_context`: before Material's search plugin reads the page (0)
THEME_OUTPUT = 100  # `on_post_page`: the theme's output, before any plugin changes it (0)
AFTER_SEARCH_INDEX = -50  # `on_post_build`: after the search plugin wrote the index (0), before offline inlines it (-100)
LAST_STEP = -1000  # `on_post_build`: every plugin has written its files
