"""How long a reader waits for the first search result, in Debian's chromium, on a built site.

Three numbers, all from the reader's side:

- `open_ms`: from opening the home page to the first result of a query for a number typed at
  once. This includes fetching and parsing the index and lunr building the quick index of
  names, numbers and titles (docs/assets/javascripts/search-quick.js); it is what the first
  search of a visit costs.
- `full_ms`: from opening the page until the full-text index answers.
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


def first_result_ms(site: Path, queries: tuple[str, str] = QUERIES, timeout_ms: int = 120_000) -> dict[str, float]:
    with serve(site) as base, playwright() as pw, tempfile.TemporaryDirectory() as profile:
        with chromium(pw, Path(profile)) as context:
            page = context.new_page()
            start = time.monotonic()
            page.goto(base + "index.html", wait_until="domcontentloaded")
            open_search(page, timeout_ms, full=False)  # the quick index (names, numbers, titles) answers
            first = first_result(page, queries[0], timeout_ms)
            open_ms = 1000 * (time.monotonic() - start)
            page.wait_for_function("() => document.documentElement.dataset.searchIndex === 'full'", timeout=timeout_ms)
            full_ms = 1000 * (time.monotonic() - start)
            start = time.monotonic()
            second = first_result(page, queries[1], timeout_ms)
            query_ms = 1000 * (time.monotonic() - start)
    if not first or not second:
        raise RuntimeError(f"no search result on {site} for {queries}")
    return {"open_ms": open_ms, "full_ms": full_ms, "query_ms": query_ms}
