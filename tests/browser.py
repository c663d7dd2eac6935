"""Helpers for the browser tests: search queries drawn from data/, a local server, Chromium.

Queries are generated from the YAML (numbers, aliases, glossary terms) and from the built
pages' own titles, with folded and NFD forms computed here, independently of macros.text, so
the tests do not check the site's folding against itself.
"""

from __future__ import annotations

import contextlib
import functools
import html
import http.server
import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from macros.data.kinds import KINDS

SECTIONS = {name: kind.section for name, kind in KINDS.items()}  # where record pages are
GLOSSARY = "thuat-ngu.html"
CHROMIUM = "/usr/bin/chromium"
# The longest a browser test waits for what it expects (an answer, a page, an element): a bound for
# a machine loaded by test workers and a build beside them, never a pause (waits end on the answer).
WAIT_MS = 120_000
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@dataclass(frozen=True)
class Query:
    text: str
    expected: str  # page path relative to the site root, e.g. "van-ban/ct-33-2021-ttg.html"
    kind: str  # query class: title, folded, nfd, number, alias, abbr


# --- text forms -----------------------------------------------------------------------------


def fold(text: str) -> str:
    """Vietnamese without diacritics, lower case: what people type on a phone in a hurry."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def key(text: str) -> str:
    """Two queries with the same key are the same search (lunr ignores order, case and separators)."""
    return " ".join(sorted(set(re.split(r"[\s\-/,.;:()“”\"–]+", fold(text))) - {""}))


# --- data -----------------------------------------------------------------------------------


def records(data_dir: Path) -> dict[str, list[dict]]:
    """Documents, plans, campaigns (one file each), themes and glossary terms (one list each)."""
    out = {kind: [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((data_dir / kind).glob("*.yaml"))]
           for kind in ("documents", "plans", "campaigns")}
    out["themes"] = yaml.safe_load((data_dir / "themes.yaml").read_text(encoding="utf-8"))["themes"]
    out["terms"] = yaml.safe_load((data_dir / "glossary.yaml").read_text(encoding="utf-8"))["terms"]
    return out


def page_title(site_dir: Path, page: str) -> str:
    """The h1 of a built page, as a reader sees it."""
    text = (site_dir / page).read_text(encoding="utf-8")
    match = re.search(r"<article[^>]*>.*?<h1[^>]*>(.*?)</h1>", text, re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", match.group(1)))).strip()


def number_forms(number: str, title: str) -> list[str]:
    """'33/CT-TTg' → as written, lower case, 'CT-TTg 33', 'Chỉ thị 33', 'chi thi 33'.

    A number with a year ('59/2023/NĐ-CP') also gives '59/2023'.
    """
    forms = [number, number.lower()]
    lead = re.match(r"0*(\d+)[/-](.+)$", number)
    if not lead:
        return forms
    digits, rest = lead.groups()
    forms.append(f"{rest} {digits}")
    if title.endswith(number) and title != number:
        label = title[: -len(number)].strip()
        forms += [f"{label} {digits}", fold(f"{label} {digits}")]
    year = re.match(r"0*(\d+)/(\d{4})/", number)
    if year:
        forms.append(f"{year.group(1)}/{year.group(2)}")
    return forms


def record_queries(site_dir: Path, data_dir: Path) -> list[Query]:
    """Every query class for every record; forms that two records share are left out."""
    found: list[Query] = []
    data = records(data_dir)
    for kind, folder in SECTIONS.items():
        for record in data[kind]:
            page = f"{folder}/{record['id']}.html"
            title = page_title(site_dir, page)
            found += [Query(title, page, "title"), Query(fold(title), page, "folded"), Query(nfd(title), page, "nfd")]
            if record.get("number") and kind == "documents":
                found += [Query(f, page, "number") for f in number_forms(record["number"], title)]
            for alias in record.get("aliases", []):
                found += [Query(alias, page, "alias"), Query(fold(alias), page, "alias")]
    for term in data["terms"]:
        found += [Query(term["term"], GLOSSARY, "abbr"), Query(fold(term["term"]), GLOSSARY, "abbr")]
    return unambiguous(found)


def unambiguous(queries: list[Query]) -> list[Query]:
    """Drop queries whose key leads to more than one page (e.g. '13/KH-UBND' exists twice)."""
    pages: dict[str, set[str]] = {}
    for q in queries:
        pages.setdefault(key(q.text), set()).add(q.expected)
    seen, out = set(), []
    for q in queries:
        if len(pages[key(q.text)]) == 1 and (q.text, q.expected) not in seen:
            seen.add((q.text, q.expected))
            out.append(q)
    return out


# --- serving and driving Chromium -------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve(site_dir: Path):
    """The built site over http://127.0.0.1:<free port>/ for the duration of the block."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def playwright():
    """One Playwright driver per test module (its sync API cannot be nested)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        yield pw


@contextlib.contextmanager
def chromium(pw, profile_dir: Path, **options):
    """A persistent context on Debian's Chromium (Playwright's own browsers are not installed)."""
    context = pw.chromium.launch_persistent_context(
        str(profile_dir), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, **options
    )
    context.set_default_timeout(WAIT_MS)
    try:
        yield context
    finally:
        context.close()


# In the page: clear the box and the list's answer mark, set the query, wait until the list says it
# answers that very query (search-fold.js sets `data-answered` once the answer is on screen); the
# href of the first result, or None when the answer is that no page fits.
_SEARCH_JS = """
async ([query, timeout]) => {
  const box = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  const until = async test => {
    const end = performance.now() + timeout;
    while (!test()) {
      if (performance.now() > end) return false;
      await new Promise(r => setTimeout(r, 10));
    }
    return true;
  };
  box.value = "";
  box.dispatchEvent(new KeyboardEvent("keyup"));
  await until(() => !list.querySelector("li.md-search-result__item"));
  list.removeAttribute("data-answered");
  box.value = query;
  box.dispatchEvent(new KeyboardEvent("keyup"));
  if (!await until(() => list.dataset.answered === query.normalize("NFC"))) throw new Error("no answer to " + query);
  const link = list.querySelector("li.md-search-result__item a.md-search-result__link");
  return link ? link.getAttribute("href") : null;
}
"""


def open_search(page, timeout_ms: int = WAIT_MS, full: bool = True) -> None:
    """Open the search dialog and wait until the worker answers: with `full`, until the full-text
    index has taken over from the quick one (docs/assets/javascripts/search-quick.js)."""
    page.evaluate("() => { const t = document.getElementById('__search'); t.checked = true; "
                  "t.dispatchEvent(new Event('change')); document.querySelector('input.md-search__input').focus(); }")
    page.wait_for_function(
        "() => !document.querySelector('.md-search-result__meta')?.textContent.includes('Initializing')",
        timeout=timeout_ms,
    )
    if full:
        page.wait_for_function("() => document.documentElement.dataset.searchIndex === 'full'", timeout=timeout_ms)


def first_result(page, query: str, timeout_ms: int = WAIT_MS) -> str | None:
    """Put `query` in the box as Material reads it (value + keyup) and return the first result's page,
    once the answer to that query is on screen."""
    href = page.evaluate(_SEARCH_JS, [query, timeout_ms])
    return result_page(page, href) if href else None


def results(page) -> list[str]:
    """The pages of the results on screen, in order, each once."""
    hrefs = page.eval_on_selector_all("li.md-search-result__item > a.md-search-result__link",
                                      "els => els.map(e => e.getAttribute('href'))")
    return list(dict.fromkeys(result_page(page, h) for h in hrefs))


def type_query(page, query: str, timeout_ms: int = WAIT_MS) -> str | None:
    """Type `query` key by key (real keyboard events); the first result once the answer to the whole
    query is on screen (each keystroke sends a query; earlier answers are not it)."""
    box = page.locator("input.md-search__input")
    box.fill("")
    box.dispatch_event("keyup")
    page.wait_for_function("() => !document.querySelector('li.md-search-result__item')", timeout=timeout_ms)
    page.evaluate("() => document.querySelector('.md-search-result__list').removeAttribute('data-answered')")
    box.press_sequentially(query)
    page.wait_for_function("q => document.querySelector('.md-search-result__list').dataset.answered === q",
                           arg=unicodedata.normalize("NFC", query), timeout=timeout_ms)
    link = page.query_selector("li.md-search-result__item a.md-search-result__link")
    return result_page(page, link.get_attribute("href")) if link else None


def result_page(page, href: str) -> str:
    """A result link → the page path relative to the site root, without query or anchor."""
    url = page.evaluate("h => new URL(h, document.baseURI).href", href)
    root = page.evaluate("() => new URL(__md_scope.href || '.', location.href).href")
    return url.split("#")[0].split("?")[0].removeprefix(root)
