"""The search index as two files: a small one that answers at once, the full one fetched after it.

Material's bundle loads `search/search_index.json` when any page opens (under file:// the copy the
offline plugin writes, `search_index.js`), posts it whole to its search worker, and lunr indexes every
entry before the first answer: at 5 000 plans a 29 MB file, about 20 seconds on a PC. Most searches
are for a name, a number or a title, which need neither the pages' text nor the draft pages (four
in five entries at that size). So the build writes:

- `search/search_index.json`, the file Material loads: the quick index. One entry per record, hub
  and hand-written page and per glossary row (what has `keys`), with the fields that name it
  (`title`, `keys`, `also`) and their words without diacritics (`fold`, marked "_" as
  search_words.py marks a page's words); no text and no drafts.
- `search/search_full.json` and, for file://, `search/search_full.js`: every entry with every
  field, as macros/site/search.py enriched it. docs/assets/javascripts/search-quick.js starts a
  second worker once the quick one is ready and the reader opens search; that worker fetches the
  file itself (docs/assets/javascripts/workers/search-index.js), so neither the download nor the
  parsing runs on the page's thread, and takes over when its index is built.
- `search/search_lunr.json`: the quick index as lunr would build it in the worker (search_lunr.py),
  which docs/assets/javascripts/workers/lunr-ready.js loads instead of building; the quick index's
  `config.lunr` and the file's `for` are the same digest of the quick entries, so a file made for
  other entries is never used. Entries search_lunr.py cannot index as the browser would get no file.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable
from html import unescape
from pathlib import Path

from ..text.format import fold
from .adapter import MaterialLunr, SearchIndexFile
from .search_lunr import Unsupported, packed, postings
from .search_words import Splitter, tokens

FULL_INDEX = "search/search_full.json"
FULL_SCRIPT = "search/search_full.js"  # for file://: loaded by a script tag, as Material's offline copy is
FULL_GLOBAL = "__searchFull"  # the variable FULL_SCRIPT sets (read by workers/search-index.js)
QUICK_FIELDS = ("title", "keys", "also", "fold")
QUICK_MARK = "quick"  # config key: this index file is the quick one (the full one is beside it)
QUICK_LUNR = "search/search_lunr.json"  # the quick index built ahead (read by workers/lunr-ready.js)
LUNR_MARK = "lunr"  # config key: the digest of the quick entries QUICK_LUNR was made for
_KEPT = ("location", "title", "keys", "also", "boost", "audience")
_WORD = re.compile(r"[^\W_]")


def write_index_files(index: SearchIndexFile, is_draft: Callable[[str], bool],
                      by_number: Callable[[str], bool] = lambda location: False) -> None:
    """Write the full index beside `index`, then `index` itself as the quick one. Entries `by_number` (plan
    pages of a site above `search_full_text_plans`) keep no `also` there: see quick_entry."""
    full = json.dumps(index.content, separators=(",", ":"), default=str)
    directory = Path(index.path).parent
    (directory / Path(FULL_INDEX).name).write_text(full, encoding="utf-8")
    (directory / Path(FULL_SCRIPT).name).write_text(f"var {FULL_GLOBAL} = {full}", encoding="utf-8")
    splitter = Splitter(index.separator)
    config = index.content["config"]
    fields = {name: config["fields"][name] for name in QUICK_FIELDS if name in config["fields"]}
    index.content = {**index.content, "config": {**config, "fields": fields, QUICK_MARK: True},
                     "docs": [quick_entry(e, splitter, by_number(e["location"])) for e in index.docs
                              if _quick(e, is_draft)]}
    write_built_index(index, directory / Path(QUICK_LUNR).name)
    index.write()


def write_built_index(index: SearchIndexFile, path: Path) -> None:
    """Write `path`, the lunr index of `index`'s entries, and mark `index` with the digest it is made for;
    or, for entries the browser would index otherwise than search_lunr.py can, neither."""
    config, docs, material = index.content["config"], index.docs, MaterialLunr.installed()
    try:
        core = postings(config, docs, material)
    except Unsupported as why:
        logging.getLogger(__name__).info("search: the quick index is built in the browser: %s", why)
        path.unlink(missing_ok=True)
        return
    digest = hashlib.sha256(json.dumps([config, docs], separators=(",", ":"), default=str).encode()).hexdigest()[:20]
    pack = {"for": digest, **packed(core, config, material)}
    path.write_text(json.dumps(pack, separators=(",", ":")), encoding="utf-8")
    index.content["config"] = {**config, LUNR_MARK: digest}


def read_full_index(site_dir: str | Path) -> SearchIndexFile | None:
    """The full index of a built site: search_full.json, or Material's own file when our step did not
    run (DVCQ_SEARCH_PLAIN=1), or the quick file was never written over it."""
    index = SearchIndexFile.read(site_dir)
    if index is None or not index.content["config"].get(QUICK_MARK):
        return index
    path = Path(site_dir) / FULL_INDEX
    return SearchIndexFile(index.path, json.loads(path.read_text(encoding="utf-8")))


def _quick(entry: dict, is_draft: Callable[[str], bool]) -> bool:
    """A page (not a section) other than a draft, and any entry named by `keys` (glossary rows)."""
    location = entry["location"]
    return "keys" in entry and not is_draft(location) or "#" not in location and not is_draft(location)


def quick_entry(entry: dict, splitter: Splitter, by_number: bool = False) -> dict:
    """The fields that name an entry; its text is shown once the full index answers.

    `by_number`: without `also` (the full title, issuer and place, written and folded). At 5 000 plans that
    took the quick index from 4.3 to 3.3 MB and lunr's time to index it from 5.1–5.4 to 4.0–4.2 s of CPU; the
    plan is still found at once by its number, its title and its whole full title (a joined token of `keys`),
    and word by word in its full title once the full index answers."""
    out = {field: entry[field] for field in _KEPT if field in entry and not (by_number and field == "also")}
    out["text"] = ""
    names = unescape(" ".join(out.get(f, "") for f in ("title", "keys", "also")))
    distinct = dict.fromkeys(tokens(fold(names), splitter))
    out["fold"] = " ".join("_" + t for t in distinct if not t.startswith("_") and _WORD.search(t))
    return out
