"""Search that finds a record's own page however a reader types it, inside Material's lunr search.

Material's index holds the text as written: "dan van kheo" (typed without diacritics) matches
nothing, and a page that cites "33/CT-TTg" competes with the document's own page. After the
search plugin has written `search/search_index.json`, this step adds to each record page's
entry two small fields of distinct tokens that Material indexes (see `fields` in mkdocs.yml)
but never shows:

- `keys`: the page title folded ("chi thi 33/ct ttg") and the number's other spellings
  ("2" for "02", "bcd" for "BCĐ"), weighted like the title;
- `also`: aliases, the full title of a document or plan and its issuer, as written and
  folded, weighted lower so they find the page without outranking a page named that way.

Each glossary term also becomes a section entry of the glossary page (`thuat-ngu.html#ubnd`),
so "UBND" finds the glossary first. Only tokens the entry does not already contain are added:
no folded copy of the full text, so the index stays well under twice its plain size.
Setting DVCQ_SEARCH_PLAIN=1 skips the step (to measure the plain index).
"""

from __future__ import annotations

import gzip
import json
import os
import re
from pathlib import Path

from .render import GLOSSARY_PAGE, SECTIONS
from .site import SiteState
from .text import fold

INDEX = Path("search") / "search_index.json"
PLAIN_ENV = "DVCQ_SEARCH_PLAIN"
TERM_BOOST = 40  # a glossary row must outrank every page whose title contains the abbreviation
_LEADING_ZEROS = re.compile(r"(?<![\d])0+(?=\d)")


def search_index_size(site_dir: str | Path) -> dict:
    """Bytes of the search index as served (raw and gzipped), for the benchmark and the size test."""
    raw = (Path(site_dir) / INDEX).read_bytes()
    return {"raw": len(raw), "gzip": len(gzip.compress(raw, compresslevel=9, mtime=0)), "entries": len(json.loads(raw)["docs"])}


def enrich_search_index(site_dir: str | Path, state: SiteState) -> None:
    """Rewrite the index in place with folded keys and glossary rows (idempotent, deterministic)."""
    if os.environ.get(PLAIN_ENV):
        return
    path = Path(site_dir) / INDEX
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    splitter = re.compile(index["config"]["separator"])
    pages = _record_pages(state)
    docs = []
    for entry in index["docs"]:
        docs.append(entry)
        location = entry["location"]
        if location in pages:
            _add_keys(entry, *_record_words(state, *pages[location]), splitter)
        elif location == _html(GLOSSARY_PAGE):
            docs += _glossary_rows(state, splitter, {e["location"] for e in index["docs"]})
    index["docs"] = docs
    # Same serialisation as Material's search plugin, so sizes compare like for like.
    path.write_text(json.dumps(index, separators=(",", ":"), default=str), encoding="utf-8")


def _html(src_uri: str) -> str:
    return src_uri[: -len(".md")] + ".html"  # use_directory_urls is off (the offline plugin forces it)


def _record_pages(state: SiteState) -> dict[str, tuple[str, str]]:
    return {
        f"{folder}/{record_id}.html": (kind, record_id)
        for kind, folder in SECTIONS.items()
        for record_id in getattr(state.data, kind)
    }


def _record_words(state: SiteState, kind: str, record_id: str) -> tuple[list[str], list[str]]:
    """(primary, secondary) texts of one record: how it is named, and how else it is called."""
    record = state.index.record(record_id)
    title = state.renderer.title_of(record_id)
    primary = [fold(title)]
    number = getattr(record, "number", None)
    if number:
        primary += [fold(number), _LEADING_ZEROS.sub("", fold(number))]
    secondary = [*getattr(record, "aliases", []), getattr(record, "title", None) or "", getattr(record, "name", "")]
    if kind == "plans":
        issuer = state.data.organisations.get(record.issuer)
        secondary += [issuer.name, issuer.short_name or ""] if issuer else []
        secondary.append(record.place or "")
    secondary = [s for s in secondary if s]
    return primary, secondary + [fold(s) for s in secondary]


def _add_keys(entry: dict, primary: list[str], secondary: list[str], splitter: re.Pattern) -> None:
    """Set `keys` and `also` to the tokens the entry's title (and, for short entries, text) lacks."""
    seen = set(_tokens(entry["title"], splitter))
    if len(entry["text"]) < 200:
        seen.update(_tokens(entry["text"], splitter))
    keys = _new_tokens(primary, splitter, seen)
    also = _new_tokens(secondary, splitter, seen)
    if keys:
        entry["keys"] = " ".join(keys)
    if also:
        entry["also"] = " ".join(also)


def _glossary_rows(state: SiteState, splitter: re.Pattern, existing: set[str]) -> list[dict]:
    """One section entry per term (the rows carry ids), so an abbreviation finds its own row."""
    rows = []
    for term in sorted(state.data.terms.values(), key=lambda t: t.term.casefold()):
        location = f"{_html(GLOSSARY_PAGE)}#{term.id}"
        if location in existing:
            continue
        row = {"location": location, "title": term.term, "text": term.meaning, "boost": TERM_BOOST}
        _add_keys(row, [fold(term.term)], [fold(term.meaning)], splitter)
        rows.append(row)
    return rows


def _tokens(text: str, splitter: re.Pattern) -> list[str]:
    """What Material's tokenizer makes of a text: split on the separator, lower-cased."""
    return [t.lower() for t in splitter.split(text) if t]


def _new_tokens(texts: list[str], splitter: re.Pattern, seen: set[str]) -> list[str]:
    """Distinct tokens of `texts` in first-seen order, minus `seen` (which grows)."""
    out = []
    for text in texts:
        for token in _tokens(text, splitter):
            if token not in seen:
                seen.add(token)
                out.append(token)
    return out
