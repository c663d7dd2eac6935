"""How long a reader waits for the first search result, in Debian's chromium, on a built site.

Three numbers, all from the reader's side:

- `ready_ms`: from opening the home page until the search box answers (Material's "Initializing"
  gone): the quick index of names, numbers and titles fetched, parsed and indexed by lunr
  (macros/site/search_files.py, docs/assets/javascripts/search-quick.js).
- `open_ms`: from opening the home page to the first result on screen of a query for a number
  typed at once (the search box opened and the query typed as soon as the page has loaded): what
  the first search of a visit costs.
- `full_ms`: from opening the page until the full-text index answers (its file is fetched once the
  reader opens search).
- `query_ms`: from typing a second query to its first result, the full index loaded.

The site is served over HTTP from this machine, so the network costs nothing here; the
gzipped index size in the benchmark table says what a slow link adds.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from tests.browser import chromium, first_result, open_search, playwright, serve

QUERIES = ("33/CT-TTg", "dan van kheo")

# The query set as Material reads it (value + keyup); the href of the first result on screen, whichever
# index answered (search-fold.js marks `data-answered` on the full index's answers only).
_FIRST_ON_SCREEN = """
async ([query, timeout]) => {
  const box = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  box.value = query;
  box.dispatchEvent(new KeyboardEvent("keyup"));
  const end = performance.now() + timeout;
  let link;
  while (!(link = list.querySelector("li.md-search-result__item a.md-search-result__link"))) {
    if (performance.now() > end) return null;
    await new Promise(r => setTimeout(r, 5));
  }
  return link.getAttribute("href");
}
"""


def first_result_ms(site: Path, queries: tuple[str, str] = QUERIES, timeout_ms: int = 120_000) -> dict[str, float]:
    with serve(site) as base, playwright() as pw, tempfile.TemporaryDirectory() as profile:
        with chromium(pw, Path(profile)) as context:
            page = context.new_page()
            start = time.monotonic()
            page.goto(base + "index.html", wait_until="domcontentloaded")
            open_search(page, timeout_ms, full=False)  # the quick index (names, numbers, titles) answers
            ready_ms = 1000 * (time.monotonic() - start)
            first = page.evaluate(_FIRST_ON_SCREEN, [queries[0], timeout_ms])
            open_ms = 1000 * (time.monotonic() - start)
            page.wait_for_function("() => (document.documentElement.dataset.searchIndex || 'full') === 'full'", timeout=timeout_ms)
            full_ms = 1000 * (time.monotonic() - start)
            start = time.monotonic()
            second = first_result(page, queries[1], timeout_ms)
            query_ms = 1000 * (time.monotonic() - start)
    if not first or not second:
        raise RuntimeError(f"no search result on {site} for {queries}")
    return {"ready_ms": ready_ms, "open_ms": open_ms, "full_ms": full_ms, "query_ms": query_ms}
