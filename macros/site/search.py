"""Search that finds a record's own page however a reader types it, inside Material's lunr search.

Material's index holds the text as written: "dan van kheo" (typed without diacritics) matches
nothing, and a page that cites "33/CT-TTg" competes with the document's own page. After the
search plugin has written `search/search_index.json`, this step adds to each record page's
entry two small fields of distinct tokens that Material indexes (see `fields` in mkdocs.yml)
but never shows:

- `keys`: the page title folded ("chi thi 33/ct ttg"), the number's other spellings
  ("2" for "02", "bcd" for "BCĐ") and each whole name of the record joined into one token
  ("_luatthuchiendanchuocoso"), weighted like the title;
- `also`: aliases, the full title of a document or plan and its issuer, as written and
  folded, weighted lower so they find the page without outranking a page named that way.

lunr scores word by word, so a page named "Thực hiện dân chủ ở cơ sở" and one named "Luật
Thực hiện dân chủ ở cơ sở" match either query alike; docs/assets/javascripts/search-fold.js adds
the query's joined form as a boosted exact clause, and the page named exactly so wins.

Each glossary term also becomes a section entry of the glossary page (`thuat-ngu.html#ubnd`),
so "UBND" finds the glossary first. Only tokens the entry does not already contain are added:
no folded copy of the full text, so the index stays well under twice its plain size.
Setting DVCQ_SEARCH_PLAIN=1 skips the step (to measure the plain index).

The sections themselves are cut here too (`page_entries`), not by Material's HTML parser: a
regular expression splits the rendered page at its headings, several times faster, and at
scale (more plans than the plugin option `search_full_text_plans`, default 100) each section keeps only
its first words. Full text of thousands of plans would make an index of hundreds of MB that
no phone loads; titles, numbers, names and headings still find every record and section.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from collections.abc import Callable
from html import escape, unescape
from pathlib import Path

from ..data.kinds import GLOSSARY_PAGE, KINDS, org_page
from ..drafting.files import page_path
from ..text.format import fold
from .adapter import SEARCH_INDEX, search_entry
from .paths import html_path
from .render import ID_ATTRIBUTE
from .search_files import read_full_index, write_index_files
from .search_words import ReadingWords, Splitter, new_tokens, tokens
from .config import SEARCH_PLAIN_ENV
from .state import SiteState

INDEX = Path(SEARCH_INDEX)
PLAIN_ENV = SEARCH_PLAIN_ENV
# A glossary row must outrank every page whose title holds the abbreviation ("UBND" is in many
# document numbers): such a page has boost 8 and Material's x5 for a whole-page hit, a row x2.
TERM_BOOST = 40
_LEADING_ZEROS = re.compile(r"(?<![\d])0+(?=\d)")
_NOT_ALNUM = re.compile(r"[\W_]+")
_NUMBER_PARTS = re.compile(r"(\d+)\W+(\D.*)")


MAINTAINERS = "maintainers"  # front matter `audience: maintainers`: a page for those who edit the data
FULL_TEXT_PLANS = 100  # default of the plugin option search_full_text_plans
SUMMARY_CHARS = 160
DRAFT_TEXT = "Dự thảo"  # a draft page's text in the index: its title names the draft and the unit
_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.S)
_DROP = re.compile(r"<(script|style|object)\b.*?</\1>|<a [^>]*class=\"headerlink\"[^>]*>.*?</a>", re.S)
_BLOCK_TAG = re.compile(r"</?(?:p|div|li|ul|ol|table|thead|tbody|tr|td|th|br|h[1-6]|details|summary|dl|dt|dd|"
                        r"blockquote|pre|hr|figure|figcaption|section|article)\b[^>]*>")
_TAG = re.compile(r"<[^>]+>")


def page_entries(html: str, url: str, title: str, meta: dict, text_limit: int | None = None,
                 depth: int = 6) -> list[dict]:
    """Index entries of a rendered page: the page, then one per heading (h2…h`depth`) that has an id.

    Like Material's parser: text before the first heading with an id belongs to the page
    entry, whose title is the first h1 (or the page title); a section's text runs to the next
    such heading. Text stays HTML-escaped, as Material's is; tags are dropped. The page's tags
    go on the page entry only (Material repeats them on every section, a third of the index).
    """
    html = _DROP.sub("", html)
    entries = [search_entry(url, _text(title), [])]
    pos = 0
    for m in _HEADING.finditer(html):
        level, anchor = int(m.group(1)), ID_ATTRIBUTE.search(m.group(2))
        if not anchor or level > max(depth, 1):
            continue
        entries[-1]["text"].append(html[pos:m.start()])
        pos = m.end()
        if level == 1 and len(entries) == 1 and not _text("".join(entries[0]["text"])):
            entries[0]["title"] = _text(m.group(3)) or entries[0]["title"]
        else:
            entries.append(search_entry(f"{url}#{anchor.group(1)}", _text(m.group(3)), []))
    entries[-1]["text"].append(html[pos:])
    if isinstance(meta.get("tags"), list):
        # Found by its tags, but a result shows text, not a row of tag chips: the words go in a field
        # Material indexes (mkdocs.yml) and never shows.
        words = [escape(str(t), quote=False) for t in meta["tags"] if t and isinstance(t, (str, int, float, bool))]
        if words:
            entries[0]["tagwords"] = " · ".join(words)
    for entry in entries:
        entry["text"] = _limited_text("".join(entry["text"]), text_limit)
        if "boost" in (meta.get("search") or {}):
            entry["boost"] = meta["search"]["boost"]
        if meta.get("audience") == MAINTAINERS:  # search-fold.js lists these after every officials' page
            entry["audience"] = MAINTAINERS
    return entries


def _text(html: str) -> str:
    """Visible text: a block tag separates words, an inline tag (a, abbr, strong) does not.

    Runs of white space become one space with str.split (the same white space as the pattern \\s+ and
    strip(), twice as fast: a regular expression without a literal prefix tries every character)."""
    return escape(" ".join(unescape(_TAG.sub("", _BLOCK_TAG.sub(" ", html))).split()), quote=False)


def _limited_text(html: str, limit: int | None) -> str:
    """_limit(_text(html), limit), reading only as much of `html` as the summary needs: at scale a section keeps
    its first SUMMARY_CHARS characters and a draft none, so its whole text need not be made. A start of the
    html cut right after a ">" gives the start of the whole's text (no tag ends past a ">", and the html's
    text escapes every "&"); once that is longer than `limit`, the summary is the whole's."""
    if limit == 0:
        return DRAFT_TEXT
    size = 8 * limit if limit else len(html)
    while size < len(html):
        cut = html.find(">", size)
        if cut < 0:
            break
        text = _text(html[: cut + 1])
        if len(text) > limit:
            return _limit(text, limit)
        size *= 4
    return _limit(_text(html), limit)


def _limit(text: str, limit: int | None) -> str:
    if limit == 0:  # a draft: its result says only what it is (DRAFT_TEXT)
        return DRAFT_TEXT
    if limit is None or len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > 0 else limit].rstrip(" ,;:.&") + " …"


def cut_for(state: SiteState, src_uri: str) -> dict:
    """How much of a page the index keeps: everything on a site of up to
    the plugin option `search_full_text_plans` plans; above that, a summary of each h2 section, and of a
    plan's page only the page entry (its title, number, issuer and names still find it)."""
    if src_uri.startswith("soan-ke-hoach/") and src_uri.count("/") == 2:  # a draft: found by its title (which
        return {"text_limit": 0, "depth": 1}  # names the unit); its preview repeats the plan, indexed on its own page
    if not _at_scale(state):
        return {}
    plan_page = src_uri.startswith(KINDS["plans"].section + "/") and Path(src_uri).stem in state.data.plans
    return {"text_limit": SUMMARY_CHARS, "depth": 1 if plan_page else 2}


def _at_scale(state: SiteState) -> bool:
    """More plans than the plugin option `search_full_text_plans`: the index keeps names and summaries."""
    limit = state.settings.search_full_text_plans if state.settings else FULL_TEXT_PLANS
    return len(state.data.plans) > limit


def index_page(page, state: SiteState, reuse: Callable | None = None) -> None:
    """Cut the page's entries now and keep Material's parser off it (`search.exclude`).

    `reuse` (servecache.ServeSession.reuse, while serving) gives back the last build's entries
    of a page whose parts are unchanged."""
    search = page.meta.get("search") or {}
    if plain(state) or search.get("exclude"):
        return
    cut = cut_for(state, page.file.src_uri)
    parts = (page.url, page.title or "", json.dumps([page.meta, cut], sort_keys=True, default=str), page.content)
    reuse = reuse or (lambda kind, src, parts, make: make())
    state.search_entries[page.url] = reuse(
        "search", page.file.src_uri, parts,
        lambda: page_entries(page.content, page.url, page.title or "", page.meta, **cut))
    page.meta["search"] = {**search, "exclude": True}


def search_index_size(site_dir: str | Path) -> dict:
    """Bytes of the full search index as served (raw and gzipped), for the benchmark and the size test;
    `quick`: the same of the file every page loads first (search_files.py)."""
    index = read_full_index(site_dir)
    raw = json.dumps(index.content, separators=(",", ":"), default=str).encode("utf-8")
    quick = (Path(site_dir) / INDEX).read_bytes()
    return {"raw": len(raw), "gzip": _gzip(raw), "entries": len(index.docs),
            "quick": {"raw": len(quick), "gzip": _gzip(quick), "entries": len(json.loads(quick)["docs"])}}


def _gzip(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def enrich_search_index(site_dir: str | Path, state: SiteState) -> None:
    """Rewrite the index with folded keys and glossary rows, as a quick and a full file (search_files.py;
    idempotent, deterministic)."""
    if plain(state):
        return
    index = read_full_index(site_dir)
    if index is None:
        return
    present = {entry["location"] for entry in index.docs}
    for entries in state.search_entries.values():  # build order, as Material's; a page before its sections
        index.docs += [e for e in entries if e["location"] not in present]
    splitter = Splitter(index.separator)
    pages, drafts = _record_pages(state), _draft_pages(state)
    orgs = {html_path(org_page(i)): i for i in state.data.organisations}
    words = ReadingWords(state)
    docs = []
    for entry in index.docs:
        docs.append(entry)
        location = entry["location"]
        if location in pages:
            _add_keys(entry, *_record_words(state, *pages[location]), splitter)
        elif location in orgs:  # "so noi vu lao cai", "UBND Lào Cai", "VP UBND tỉnh Lào Cai"
            _add_keys(entry, *org_words(state, orgs[location]), splitter)
        elif location in drafts:  # a unit finds its draft typed without diacritics: "so noi vu lao cai"
            _add_keys(entry, [fold(drafts[location])], [], [], splitter)
        elif location == html_path(GLOSSARY_PAGE):  # rows follow their page, as Material expects of sections
            rows = _glossary_rows(state, splitter, {e["location"] for e in index.docs})
            for row in rows:
                words.add(row, splitter, None)
            docs += rows
        words.add(entry, splitter, pages.get(location))  # folded text, abbreviations, issuers, hub words
    index.docs = docs
    plans = {loc for loc, (kind, _) in pages.items() if kind == "plans"} if _at_scale(state) else set()
    write_index_files(index, lambda location: location.split("#")[0] in drafts, plans.__contains__)


def plain(state: SiteState) -> bool:
    """DVCQ_SEARCH_PLAIN=1: leave Material's index as it is (to measure the plain index)."""
    return state.settings.search_plain if state.settings else bool(os.environ.get(PLAIN_ENV))


def _record_pages(state: SiteState) -> dict[str, tuple[str, str]]:
    return {
        html_path(KINDS[kind].page(record_id)): (kind, record_id)
        for kind in KINDS
        for record_id in getattr(state.data, kind)
    }


def _draft_pages(state: SiteState) -> dict[str, str]:
    """Built page → title of every draft made from a plan (soan-ke-hoach/<plan>/<name>.html)."""
    book = state.drafting.book
    return {html_path(page_path(slug)): book.title(slug) for slug in book.entries}


def _record_words(state: SiteState, kind: str, record_id: str) -> tuple[list[str], list[str], list[str]]:
    """(primary, secondary, names): how the page is titled, how else the record is called, its whole names."""
    record = state.index.records.record(record_id)
    title = state.renderer.title_of(record_id)
    primary = [fold(title)]
    number = getattr(record, "number", None)
    if number:
        primary += [fold(number), _LEADING_ZEROS.sub("", fold(number))]
    called = [name for field in KINDS[kind].names for name in _as_list(getattr(record, field))]
    names = [title, number, *called]
    if number and (split := _NUMBER_PARTS.fullmatch(number)):  # "33/CT-TTg" typed "CT-TTg 33"
        names.append(f"{split.group(2)} {split.group(1)}")
    if kind == "plans":
        issuer = state.data.organisations.get(record.issuer)
        called += [issuer.name, issuer.short_name] if issuer else []
        called.append(record.place)
    called = [c for c in called if c]
    return primary, called + [fold(c) for c in called], [n for n in names if n]


def org_words(state: SiteState, org_id: str) -> tuple[list[str], list[str], list[str]]:
    """(primary, secondary, names) of an organisation: its names as written and in the short forms
    officials type, from the glossary's abbreviations ('Văn phòng Ủy ban nhân dân tỉnh Lào Cai' →
    'VP UBND tỉnh Lào Cai', 'VP UBND Lào Cai'); a department also by its name without the province
    ('Sở Nội vụ')."""
    org = state.data.organisations[org_id]
    pairs = sorted(((t.term, t.meaning) for t in state.data.terms.values()
                    if t.term.isupper() and len(t.term) >= 2 and ";" not in t.meaning and "(" not in t.meaning),
                   key=lambda p: -len(p[1]))
    forms = [n for n in [org.name, org.short_name, *org.aliases] if n]
    for term, meaning in pairs:
        forms += [f.replace(meaning, term) for f in forms if meaning in f]
    forms += [re.sub(r"\s+(?:tỉnh|thành phố)\s+", " ", f) for f in forms]
    if org.level == "so-nganh" and org.province:
        forms += [re.sub(rf"(?:\s+(?:tỉnh|thành phố))?\s+{re.escape(org.province)}$", "", f) for f in forms]
    forms = list(dict.fromkeys(f.strip() for f in forms if f.strip()))
    primary = [fold(org.name)] + ([fold(org.short_name)] if org.short_name else [])
    return primary, forms + [fold(f) for f in forms], forms


def _as_list(value) -> list:
    return list(value) if isinstance(value, (list, tuple)) else [value]


def joined(text: str) -> str:
    """A whole name as one token ('Dân vận khéo' → '_danvankheo'); search-fold.js makes the same of a query.

    The leading '_' keeps Material's prefix search ("dan*") from matching it as a word would.
    """
    return "_" + _NOT_ALNUM.sub("", fold(text))


def _add_keys(entry: dict, primary: list[str], secondary: list[str], names: list[str], splitter: Splitter) -> None:
    """Set `keys` and `also` to the tokens the entry's title (and, for short entries, text) lacks."""
    seen = set(tokens(entry["title"], splitter))
    if len(entry["text"]) < 200:
        seen.update(tokens(entry["text"], splitter))
    keys = new_tokens(primary + [joined(n) for n in names], splitter, seen)
    also = new_tokens(secondary, splitter, seen)
    if keys:
        entry["keys"] = " ".join(keys)
    if also:
        entry["also"] = " ".join(also)


def _glossary_rows(state: SiteState, splitter: Splitter, existing: set[str]) -> list[dict]:
    """One section entry per term (the rows carry ids), so an abbreviation finds its own row."""
    rows = []
    for term in sorted(state.data.terms.values(), key=lambda t: t.term.casefold()):
        location = f"{html_path(GLOSSARY_PAGE)}#{term.id}"
        if location in existing:
            continue
        # Material shows title and text as HTML, as its own entries are.
        title, text = escape(term.term, quote=False), escape(term.meaning, quote=False)
        row = {**search_entry(location, title, text), "boost": TERM_BOOST}
        _add_keys(row, [fold(term.term)], [], [term.term], splitter)
        rows.append(row)
    return rows
