"""The built site in Chromium: search finds each record's own page, nothing loads from outside,
the site works from disk, pages read at phone and laptop width and print cleanly. Plus the two
checks on the search index that need no browser: its size against Material's plain index, and
byte-identical output.

Screenshots (the first screen; whole pages with `pytest --full-screenshots`) and PDFs are written to
test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import json
import re
from html import unescape
import shutil
import subprocess
import unicodedata
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from macros.data.loader import load
from macros.site.adapter import SEARCH_INDEX
from macros.site.search import PLAIN_ENV, enrich_search_index, joined, search_index_size
from macros.site.search_files import FULL_GLOBAL, FULL_INDEX, FULL_SCRIPT
from macros.site.state import SiteState
from tests.browser import (
    GLOSSARY, WAIT_MS, chromium, first_result, fold, nfd, open_search, record_queries, records, results, serve, type_query,
    unambiguous, Query,
)
from tests.conftest import DATA, ENV, MKDOCS, ROOT, shared_build

browser = pytest.mark.browser

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
PRINTS = ROOT / "test-artifacts" / "print"
WIDTHS = {"laptop": (1280, 800), "phone": (375, 740)}


@pytest.fixture(scope="module")
def base_url(site):
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def search_page(context, base_url):
    page = context.new_page()
    page.goto(base_url + "index.html")
    open_search(page)
    yield page
    page.close()


def _pages() -> dict[str, str]:
    """One page of each kind the screenshots and request checks look at, chosen from the data."""
    data = records(DATA)
    documents = {d["id"]: d for d in data["documents"]}
    document = "ct-33-2021-ttg" if "ct-33-2021-ttg" in documents else sorted(documents)[0]
    return {
        "plan": f"ke-hoach/{sorted(p['id'] for p in data['plans'])[0]}.html",
        "document": f"van-ban/{document}.html",
        "hierarchy": "van-ban/he-thong.html",
        "dan-van-kheo": "phong-trao/dan-van-kheo.html",
    }


def _by_number(number: str) -> str:
    """The page of the one document with this number (the issue's examples, answered from data)."""
    pages = [f"van-ban/{d['id']}.html" for d in records(DATA)["documents"] if d.get("number") == number]
    assert len(pages) == 1, (number, pages)
    return pages[0]


def _by_alias(alias: str) -> str:
    pages = [f"van-ban/{d['id']}.html" for d in records(DATA)["documents"] if alias in d.get("aliases", [])]
    assert len(pages) == 1, (alias, pages)
    return pages[0]


# --- search ---------------------------------------------------------------------------------


def test_queries_drawn_from_the_data_cover_every_class(site):
    queries = record_queries(site, DATA)
    counts = Counter(q.kind for q in queries)
    assert all(counts[k] >= 5 for k in ("title", "folded", "nfd", "number", "alias", "abbr")), counts
    assert len(queries) >= 30


# What search-fold.js asks the search worker for each query, lower-cased: lunr lower-cases every
# term of a query (lunr.QueryParser), so queries asking the same are one search.
_QUESTIONS_JS = """ts => ts.map(t => (window.__searchQueryRewrite(t) + ' ' + window.__searchRequired(t)).toLowerCase())"""


@pytest.fixture(scope="module")
def record_searches(site, search_page) -> list[Query]:
    """record_queries, each search once: a query typed in NFD or in another letter case asks the
    worker what its NFC form asks (a lower-case number is also typed end to end in EXAMPLES)."""
    queries = record_queries(site, DATA)
    asked: dict[str, Query] = {}
    by_form: dict[str, set[str]] = {}
    for q, question in zip(queries, search_page.evaluate(_QUESTIONS_JS, [q.text for q in queries])):
        asked.setdefault(question, q)
        by_form.setdefault(unicodedata.normalize("NFC", q.text).lower(), set()).add(question)
    assert all(len(questions) == 1 for questions in by_form.values()), "NFD or letter case changed what is asked"
    return list(asked.values())


@browser
@pytest.mark.parametrize("kind", ["title", "folded", "number", "alias", "abbr"])
def test_every_query_finds_its_own_page_first(record_searches, search_page, kind):
    """Titles with and without diacritics and in NFD, numbers in their common spellings, aliases
    and abbreviations: the first result is the record's own page (the glossary for a term)."""
    mine = [q for q in record_searches if q.kind == kind]
    assert mine
    misses = []
    for q in mine:
        got = first_result(search_page, q.text)
        if got != q.expected:
            misses.append(f"{q.kind}: {q.text!r} → {got}, expected {q.expected}")
    assert not misses, f"{len(misses)} queries missed:\n" + "\n".join(misses)


# The examples: query → where the answer is read from ("number:" and "alias:" look the
# document up in data/, "page:" is the page itself).
EXAMPLES = [
    ("33/CT-TTg", "number:33/CT-TTg"), ("33/ct-ttg", "number:33/CT-TTg"), ("CT-TTg 33", "number:33/CT-TTg"),
    ("Chỉ thị 33", "number:33/CT-TTg"), ("chi thi 33", "number:33/CT-TTg"), (nfd("Chỉ thị 33"), "number:33/CT-TTg"),
    ("114-KL/TW", "number:114-KL/TW"), ("10/2022/QH15", "number:10/2022/QH15"),
    ("59/2023", "number:59/2023/NĐ-CP"), ("nghi dinh 59", "number:59/2023/NĐ-CP"),
    ("Luật Thực hiện dân chủ ở cơ sở", "number:10/2022/QH15"),
    ("Luật Thực hiện dân chủ ở cơ sở", "alias:Luật Thực hiện dân chủ ở cơ sở"),
    ("dan van kheo", "page:phong-trao/dan-van-kheo.html"), (nfd("Dân vận khéo"), "page:phong-trao/dan-van-kheo.html"),
    ("UBND", f"page:{GLOSSARY}"), ("MTTQ", f"page:{GLOSSARY}"),
    ("ke hoach cua so noi vu tinh lao cai nam 2027", "page:soan-ke-hoach/ke-hoach-2027/so-noi-vu-lao-cai.html"),  # a unit's draft
]


def _expected(spec: str) -> str:
    how, _, value = spec.partition(":")
    return {"number": _by_number, "alias": _by_alias}[how](value) if how != "page" else value


@browser
@pytest.mark.parametrize(("text", "spec"), EXAMPLES, ids=[f"{fold(t)}->{s}" for t, s in EXAMPLES])
def test_typed_query_finds_its_page(search_page, text, spec):
    """Typed key by key with real keyboard events, as a reader does (NFD arrives without keyups)."""
    assert type_query(search_page, text) == _expected(spec)


@browser
def test_typed_nfd_names_of_campaigns_and_themes(site, search_page):
    data = records(DATA)
    named = [(c["name"], f"phong-trao/{c['id']}.html") for c in data["campaigns"]]
    named += [(t["name"], f"chu-de/{t['id']}.html") for t in data["themes"]][:5]
    misses = [(name, got) for name, page in named if (got := type_query(search_page, nfd(name))) != page]
    assert not misses


def missing_words(page) -> list[str]:
    """The query words Material says the listed results lack ("Không: …"), of the answer on screen."""
    return page.eval_on_selector_all(".md-search-result__terms del", "els => els.map(e => e.textContent)")


@browser
def test_no_made_up_word_is_listed_as_missing(search_page):
    """No page has 2099: the query falls back to any-word search, which lists the nearest pages and
    the words they lack; the joined name the rewrite adds is not one of those words."""
    assert first_result(search_page, "Thực hiện dân chủ ở cơ sở năm 2099")
    shown = missing_words(search_page)
    assert "2099" in shown
    assert not [w for w in shown if w.startswith("_")]


@browser
def test_results_have_every_word_of_the_query(search_page):
    """Several words list only the pages that have them all, not every page with one of them."""
    assert first_result(search_page, "dan van kheo") == "phong-trao/dan-van-kheo.html"
    assert missing_words(search_page) == []
    all_three = result_count(search_page)
    assert first_result(search_page, "dan van")
    assert 0 < all_three < result_count(search_page)


def result_count(page) -> float:
    """Material's "87 tài liệu liên quan" / "1.3k tài liệu liên quan"."""
    shown = page.text_content(".md-search-result__meta").split()[0]
    return float(shown[:-1]) * 1000 if shown.endswith("k") else float(shown)


@browser
def test_accented_query_is_highlighted_on_the_result_page(search_page, base_url):
    first_result(search_page, "Dân vận khéo")
    search_page.click("li.md-search-result__item a.md-search-result__link")
    search_page.wait_for_selector("mark[data-md-highlight]")
    marked = {m.lower() for m in search_page.eval_on_selector_all(
        "article mark[data-md-highlight]", "els => els.map(e => e.textContent)")}
    assert {"dân", "vận", "khéo"} & marked
    search_page.goto(base_url + "index.html")
    open_search(search_page)


# --- no outside host, works from disk -------------------------------------------------------


def _record_requests(context, allowed) -> list[str]:
    """Route every request: let the site's own through, abort and remember the rest."""
    outside: list[str] = []

    def handle(route):
        url = route.request.url
        if allowed(url):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", handle)
    return outside


@browser
def test_no_request_leaves_the_site(pw, tmp_path, base_url):
    host = urlsplit(base_url).netloc
    with chromium(pw, tmp_path / "profile") as ctx:
        outside = _record_requests(ctx, lambda u: urlsplit(u).scheme in {"data", "blob"} or urlsplit(u).netloc == host)
        page = ctx.new_page()
        for path in ["index.html", "thuat-ngu.html", "ke-hoach/so-sanh.html", "the.html", *_pages().values()]:
            page.goto(base_url + path)
        open_search(page)
        assert first_result(page, "dan van kheo") == "phong-trao/dan-van-kheo.html"
        assert first_result(page, "dan van kheo zzqx") == "phong-trao/dan-van-kheo.html"  # no page has all: any-word
    assert outside == []


@browser
def test_site_works_from_disk(pw, tmp_path, site):
    with chromium(pw, tmp_path / "profile") as ctx:
        outside = _record_requests(ctx, lambda u: urlsplit(u).scheme in {"file", "data", "blob"})
        page = ctx.new_page()
        page.goto((site / "index.html").as_uri())
        page.click("nav.md-nav--primary a[href$='van-ban/index.html']")
        page.wait_for_url(re.compile(r"van-ban/index\.html$"))
        assert page.locator("article h1").first.inner_text().strip()
        # From disk the full index is loaded once the quick one has answered a first query.
        open_search(page, full=False)
        assert first_result(page, "33/CT-TTg") == _by_number("33/CT-TTg")
        assert first_result(page, "dan van kheo") == "phong-trao/dan-van-kheo.html"
        assert first_result(page, "dan van kheo zzqx") == "phong-trao/dan-van-kheo.html"  # no page has all: any-word
    assert outside == []


@browser
def test_a_number_asked_as_a_folder_page_opens_is_answered_then_the_full_text_takes_over(context, base_url):
    """Over http the quick index's worker is made from the page's head and loads the index itself
    (search-quick.js, workers/search-index.js), with paths relative to the page: on a page in a folder, a
    number asked as soon as search opens finds its page, and the full index then takes over."""
    page = context.new_page()
    page.goto(base_url + "van-ban/index.html")
    open_search(page, full=False)
    assert first_result(page, "33/CT-TTg") == _by_number("33/CT-TTg")
    page.wait_for_function("() => document.documentElement.dataset.searchIndex === 'full'", timeout=WAIT_MS)
    assert first_result(page, "dan van kheo") == "phong-trao/dan-van-kheo.html"
    page.close()


# --- reading --------------------------------------------------------------------------------


# The pages officials open first, photographed at both widths for a person to look at.
OPEN_FIRST = ("home", "plan", "calendar", "comparison", "documents")


def _screenshot(page, name: str, whole: bool) -> None:
    """The first screen of the page, as an official opening it sees it; the whole page with
    `pytest --full-screenshots` (a tall page takes seconds to photograph whole)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{page.viewport_size['width']}.png"), full_page=whole)


@browser
def test_pages_read_at_laptop_width(context, base_url, pytestconfig):
    """No page scrolls sideways at 1280 px (wide tables scroll inside their own box), each has one
    title; screenshots for review (the phone width is checked on every kind of page below)."""
    page = context.new_page()
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS["laptop"])))
    overflow, titles = {}, {}
    kinds = _page_kinds()
    visits = {**_pages(), "comparison": "ke-hoach/so-sanh.html", "glossary": GLOSSARY,
              **{f"reading-{name}": kinds[name] for name in OPEN_FIRST}}
    for name, path in visits.items():
        page.goto(base_url + path)
        extra = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        if extra > 1:
            overflow[name] = extra
        if name in _pages() or name.startswith("reading-"):
            _screenshot(page, name, pytestconfig.getoption("full_screenshots"))
            titles[name] = page.locator("article h1").count()
    page.close()
    assert not overflow, f"pages wider than the screen (px): {overflow}"
    assert set(titles.values()) == {1}, titles


@browser
@pytest.mark.parametrize("name", ["plan", "document"])
def test_plan_and_document_pages_print_cleanly(context, base_url, name):
    """Print shows the full text and no navigation; a PDF is written for review."""
    PRINTS.mkdir(parents=True, exist_ok=True)
    page = context.new_page()
    page.set_viewport_size({"width": 720, "height": 1000})  # about the text width of an A4 page
    page.goto(base_url + _pages()[name])
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer',
        '.md-search', '.md-top', '.md-content__button'].filter(s => {
          const el = document.querySelector(s); return el && el.getClientRects().length > 0; })""")
    assert hidden == []
    clipped = page.evaluate("""() => [...document.querySelectorAll('article *')].filter(el => {
        const s = getComputedStyle(el); return el.scrollWidth > el.clientWidth + 1 &&
          ['auto', 'scroll', 'hidden'].includes(s.overflowX); }).map(el => el.className || el.tagName)""")
    assert clipped == [], "content cut off or scrolling in print"
    page.pdf(path=str(PRINTS / f"{name}.pdf"), format="A4", print_background=False)
    page.close()


# --- the index itself -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory) -> Path:
    """The same site built with Material's index only (our post-build step switched off)."""
    return shared_build(tmp_path_factory, "plain-site", env={PLAIN_ENV: "1"})


def test_folding_and_aliases_at_most_double_the_index(site, plain_site):
    ours, plain = search_index_size(site), search_index_size(plain_site)
    print(f"search index: plain {plain}, with folding and aliases {ours}")
    assert ours["raw"] <= 2 * plain["raw"] and ours["gzip"] <= 2 * plain["gzip"], (ours, plain)
    # What every page loads first (names, numbers, titles) is a small part of it; the rest comes when
    # a reader opens search.
    assert 10 * ours["quick"]["raw"] <= ours["raw"] and ours["quick"]["entries"] < ours["entries"] / 2, ours
    # A draft's preview repeats the plan above it, which is indexed on its own page: our index keeps
    # the draft page's own entry and drops the preview's sections, which Material's plain index has.
    previews = _draft_sections(plain_site)
    assert previews, "the plain index has sections of draft previews"
    assert ours["entries"] == plain["entries"] - len(previews) + len(records(DATA)["terms"])


def _draft_sections(site_dir: Path) -> list[str]:
    docs = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return [d["location"] for d in docs if d["location"].startswith("soan-ke-hoach/") and "#" in d["location"]
            and d["location"].count("/") >= 2]


def _enrich_copy(plain_site: Path, target: Path, hash_seed: str) -> tuple[bytes, bytes]:
    """Our step run on a copy of the plain index in a fresh interpreter (its own hash seed): the quick
    and the full index it wrote."""
    shutil.copytree(plain_site / "search", target / "search")
    code = ("import sys, pathlib; from macros.data.loader import load; from macros.site.state import SiteState; "
            "from macros.site.search import enrich_search_index as e; "
            "e(sys.argv[1], SiteState(load(pathlib.Path(sys.argv[2]))))")
    env = {**ENV, "PYTHONHASHSEED": hash_seed}
    subprocess.run([MKDOCS[0], "-c", code, str(target), str(DATA)], cwd=ROOT, env=env, check=True, timeout=300)
    return _index_files(target)


def _index_files(site_dir: Path) -> tuple[bytes, bytes]:
    return (site_dir / SEARCH_INDEX).read_bytes(), (site_dir / FULL_INDEX).read_bytes()


def test_index_is_deterministic_and_idempotent(plain_site, tmp_path):
    """Same bytes whatever the hash seed (no set order leaks out); running the step twice changes nothing."""
    first = _enrich_copy(plain_site, tmp_path / "a", "1")
    assert _enrich_copy(plain_site, tmp_path / "b", "2") == first
    enrich_search_index(tmp_path / "a", SiteState(load(DATA)))
    assert _index_files(tmp_path / "a") == first


def test_offline_copy_of_the_index_is_the_enriched_one(site):
    """The offline plugin inlines the index for file:// after our step (hook priority -50 > -100); the
    full index has its file:// copy too."""
    index = (site / SEARCH_INDEX).read_bytes()
    assert (site / "search" / "search_index.js").read_bytes() == b"var __index = " + index
    assert b'"keys":' in index
    assert (site / FULL_SCRIPT).read_bytes() == f"var {FULL_GLOBAL} = ".encode() + (site / FULL_INDEX).read_bytes()


def test_plain_switch_leaves_materials_index(plain_site):
    docs = json.loads((plain_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert not [d for d in docs if "keys" in d or "also" in d]


@browser
def test_query_rewrite_joins_names_as_the_index_does(site, search_page):
    """search-fold.js and macros/site/search.py must make the same token of a name, or names never match."""
    names = [q.text for q in record_queries(site, DATA) if q.kind in {"title", "alias"} and len(q.text.split()) > 1]
    sent = search_page.evaluate("names => names.map(n => window.__searchQueryRewrite(n))", names)
    for name, query in zip(names, sent):
        assert f" {joined(name)}^" in query, (name, query)


# --- reading as an official: phones, filters, print (issue 18) -------------------------------


def _year_ahead() -> int:
    """The year the drafts are for: the one after the data's date (data/validity.yaml)."""
    return int(yaml.safe_load((DATA / "validity.yaml").read_text(encoding="utf-8"))["as_of"][:4]) + 1


def _first_unit(data: dict, plan_id: str) -> str:
    """The first body a plan names in its assignments: it has a plan for the year ahead."""
    plan = next(p for p in data["plans"] if p["id"] == plan_id)
    return next(a["unit"] for a in plan["assignments"] if a.get("unit"))


def _page_kinds() -> dict[str, str]:
    """One page of every kind the site generates or writes, chosen from the data."""
    data = records(DATA)
    plan = sorted(p["id"] for p in data["plans"])[0]
    return {
        "home": "index.html", "documents": "van-ban/index.html", "hierarchy": "van-ban/he-thong.html",
        "plans": "ke-hoach/index.html", "comparison": "ke-hoach/so-sanh.html", "calendar": "ke-hoach/lich-bao-cao.html",
        "campaigns": "phong-trao/index.html", "themes": "chu-de/index.html", "guide-index": "huong-dan/index.html",
        "guide": "huong-dan/xay-dung-ke-hoach.html", "templates": "huong-dan/mau.html", "glossary": GLOSSARY,
        "organisations": "co-quan.html", "tags": "the.html", "quality": "chat-luong-du-lieu.html",
        "maintenance": "huong-dan/bao-tri.html",
        "plan": f"ke-hoach/{plan}.html", "source": f"ke-hoach/van-ban-goc/{plan}.html",
        "drafts": "soan-ke-hoach/index.html", "report-draft": f"soan-ke-hoach/{plan}/bao-cao.html",
        "unit-draft": f"soan-ke-hoach/ke-hoach-{_year_ahead()}/{_first_unit(data, plan)}.html",
        "document": f"van-ban/{sorted(d['id'] for d in data['documents'])[0]}.html",
        "campaign": f"phong-trao/{sorted(c['id'] for c in data['campaigns'])[0]}.html",
        "theme": f"chu-de/{sorted(t['id'] for t in data['themes'])[0]}.html",
        **{f"{kind}-most": path for kind, path in _pages().items()},
    }


# Everything in the article wider than the screen, or a box that scrolls sideways (a table that
# did not become cards).
_TOO_WIDE_JS = """() => {
  const width = window.innerWidth;
  const out = [];
  if (document.documentElement.scrollWidth > width) out.push('page:' + document.documentElement.scrollWidth);
  document.querySelectorAll('article *').forEach(el => {
    const r = el.getBoundingClientRect();
    if (r.width && r.right > width + 1 && !el.closest('.md-typeset__scrollwrap')) out.push(el.tagName + '.' + el.className + ':' + Math.round(r.right));
  });
  document.querySelectorAll('article .md-typeset__scrollwrap').forEach(el => {
    if (el.scrollWidth > el.clientWidth + 1) out.push('scrolls:' + (el.querySelector('th') || el).textContent.slice(0, 40));
  });
  return out.slice(0, 5);
}"""


# The smallest text of the article: leaf elements with text, as laid out (hidden ones left out).
_SMALLEST_JS = """() => [...document.querySelectorAll('article *')].filter(el => el.children.length === 0
    && el.textContent.trim() && el.getClientRects().length).map(el => [parseFloat(getComputedStyle(el).fontSize),
    el.textContent.trim().slice(0, 30)]).sort((a, b) => a[0] - b[0]).slice(0, 1)"""


@browser
def test_every_kind_of_page_reads_on_a_phone(context, base_url, site, pytestconfig):
    """Every kind of page, and a document whose facts carry marks ("suy ra"), opened once at 375 px
    (goto waits for the load event: styles and reading.js have run): nothing is wider than the
    screen (tables that do not fit are stacked cards, not sideways scrolls), no text is under 11 px,
    and the pages officials open first have one title; screenshots of those for review."""
    marked = next(p for p in sorted((site / "van-ban").glob("*.html")) if 'class="src-mark' in p.read_text(encoding="utf-8"))
    page = context.new_page()
    page.set_viewport_size({"width": 375, "height": 740})
    wide, small, titles = {}, {}, {}
    shots = {**{f"{kind}-most": kind for kind in _pages()}, **{name: f"reading-{name}" for name in OPEN_FIRST}}
    for name, path in {**_page_kinds(), "marked": marked.relative_to(site).as_posix()}.items():
        page.goto(base_url + path)
        if found := page.evaluate(_TOO_WIDE_JS):
            wide[name] = found
        if (smallest := page.evaluate(_SMALLEST_JS)) and smallest[0][0] < 11:
            small[name] = smallest[0]
        if name in OPEN_FIRST:
            titles[name] = page.locator("article h1").count()
        if name in shots:
            _screenshot(page, shots[name], pytestconfig.getoption("full_screenshots"))
    page.close()
    assert (wide, small, titles) == ({}, {}, {name: 1 for name in OPEN_FIRST})


def _most_tagged(site: Path, section: str) -> str:
    """The page of `section` with the most tag chips, as built."""
    pages = sorted((site / section).glob("*.html"))
    return max(pages, key=lambda p: p.read_text(encoding="utf-8").count('class="md-tag')).relative_to(site).as_posix()


# Each tag chip: its box, its row, and whether its text is cut (the chip narrower than its text).
_CHIPS_JS = """() => [...document.querySelectorAll('article .md-tags .md-tag')].map(el => {
  const r = el.getBoundingClientRect();
  return { name: el.textContent, left: r.left, right: r.right, top: Math.round(r.top), cut: el.scrollWidth > el.clientWidth + 1 };
})"""


@browser
@pytest.mark.parametrize("section", ["ke-hoach", "van-ban"])
def test_tag_chips_wrap_on_a_phone_and_all_can_be_read(context, base_url, site, section):
    """At 375 px the chips above a plan or document title stand on several rows, each whole on the
    screen (not one row that runs off the edge), and the page stays 375 px wide."""
    page = context.new_page()
    page.set_viewport_size({"width": 375, "height": 740})
    path = _most_tagged(site, section)
    page.goto(base_url + path)
    chips = page.evaluate(_CHIPS_JS)
    assert len(chips) >= 4, (path, chips)
    off = [c["name"] for c in chips if c["left"] < 0 or c["right"] > 375 or c["cut"]]
    assert off == [], f"{path}: chips off the screen or cut: {off}"
    assert len({c["top"] for c in chips}) > 1, f"{path}: all chips on one row"
    assert page.evaluate("() => document.querySelector('article .md-tags').scrollWidth <= 375")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 375
    page.close()


@browser
@pytest.mark.parametrize("width", [320, 375])
def test_the_site_name_in_the_header_is_whole_on_a_phone(context, base_url, width):
    """The header shows the site's whole name, not "Cẩm nang Dân vận chính …", at a readable size."""
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 740})
    page.goto(base_url + "index.html")
    name = page.evaluate("""() => { const e = document.querySelector('.md-header__topic .md-ellipsis');
        return [e.textContent.trim(), e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight + 1,
                parseFloat(getComputedStyle(e).fontSize), e.getBoundingClientRect().right]; }""")
    assert name[0] == re.search(r"^site_name:\s*(.+?)\s*$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(1)
    assert name[1], f"site name cut off at {width} px"
    assert name[2] >= 14 and name[3] <= width
    page.close()


@browser
def test_a_table_that_does_not_fit_becomes_cards_with_column_names(context, base_url):
    page = context.new_page()
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(base_url + "ke-hoach/lich-bao-cao.html")
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    page.set_viewport_size({"width": 376, "height": 740})  # resize: the page measures again
    page.wait_for_function("() => document.querySelector('article table[data-cards]')")
    cards = page.eval_on_selector_all("article table[data-cards] td", "els => els.map(e => getComputedStyle(e, '::before').content)")
    assert cards and all(c not in ("none", "normal", '""') for c in cards)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.wait_for_function("() => !document.querySelector('article table[data-cards]')")
    page.close()


def _documents_of(type_: str) -> int:
    return sum(1 for d in records(DATA)["documents"] if d["type"] == type_)


@browser
def test_documents_index_filters_offline(pw, tmp_path, site):
    """From disk, with no request leaving it: choosing a type lists exactly the documents of that type."""
    type_, label = "chi-thi", "Chỉ thị"
    with chromium(pw, tmp_path / "profile") as ctx:
        outside = _record_requests(ctx, lambda u: urlsplit(u).scheme in {"file", "data", "blob"})
        page = ctx.new_page()
        page.goto((site / "van-ban" / "index.html").as_uri())
        total = page.eval_on_selector_all("ul.doc-list > li", "els => els.length")
        assert total == len(records(DATA)["documents"])
        page.select_option("form.list-filter select[name=loai]", type_)
        shown = page.eval_on_selector_all("ul.doc-list > li:not([hidden]) strong", "els => els.map(e => e.textContent)")
        assert len(shown) == _documents_of(type_) and all(t.startswith(label) for t in shown)
        assert f"{len(shown)} trong {total}" in page.text_content(".list-filter__count")
        years = page.eval_on_selector_all("select[name=nam] option", "els => els.map(e => e.value).filter(Boolean)")
        page.select_option("select[name=nam]", years[0])
        both = page.eval_on_selector_all("ul.doc-list > li:not([hidden])", "els => els.map(e => e.dataset.nam + e.dataset.loai)")
        assert all(b == years[0] + type_ for b in both)
        page.goto((site / "van-ban" / "index.html").as_uri() + "?loai=luat")
        assert page.eval_on_selector_all("ul.doc-list > li:not([hidden])", "els => els.length") == _documents_of("luat")
    assert outside == []


@browser
def test_hierarchy_filters_by_status_offline(pw, tmp_path, site):
    """The hierarchy uses the documents index's filter: 'Hết hiệu lực' keeps the ordinance replaced in
    2023 and drops the law that replaced it; a tier left empty hides with its heading."""
    with chromium(pw, tmp_path / "profile") as ctx:
        outside = _record_requests(ctx, lambda u: urlsplit(u).scheme in {"file", "data", "blob"})
        page = ctx.new_page()
        page.goto((site / "van-ban" / "he-thong.html").as_uri())
        top = "ul.doc-tree > li"
        total = page.eval_on_selector_all(top, "els => els.length")
        assert total == len(records(DATA)["documents"])
        page.select_option("form.list-filter select[name=hieu-luc]", "het")
        shown = page.eval_on_selector_all(f"{top}:not([hidden]) > a", "els => els.map(e => e.href.split('/').pop())")
        assert "pl-34-2007-ubtvqh.html" in shown and "luat-10-2022-qh15.html" not in shown
        assert f"{len(shown)} trong {total}" in page.text_content(".list-filter__count")
        states = page.eval_on_selector_all(f"{top}:not([hidden])", "els => els.map(e => e.dataset.hieuLuc)")
        assert set(states) == {"het"}
        empty = page.eval_on_selector_all("ul.doc-tree[hidden]", """els => els.map(e => {
            const head = e.previousElementSibling, next = e.nextElementSibling, h = x => /^H[2-6]$/.test(x.tagName);
            return [h(head) && (!next || h(next)), head.hidden]; })""")
        alone = [hidden for is_alone, hidden in empty if is_alone]
        assert alone and all(alone)  # a tier whose only list is left empty hides with its heading
        assert not any(hidden for is_alone, hidden in empty if not is_alone)  # a heading with more under it stays
        page.goto((site / "van-ban" / "he-thong.html").as_uri() + "?hieu-luc=con")
        shown = page.eval_on_selector_all(f"{top}:not([hidden]) > a", "els => els.map(e => e.href.split('/').pop())")
        assert "luat-10-2022-qh15.html" in shown and "pl-34-2007-ubtvqh.html" not in shown
    assert outside == []


@browser
def test_a_plan_prints_like_the_document(context, base_url):
    """Print emulation: Times New Roman 13-14 pt, header, body, Nơi nhận and signature; no info table,
    task notes, chain of bases, doubts or navigation."""
    PRINTS.mkdir(parents=True, exist_ok=True)
    plan = next(p for p in sorted(records(DATA)["plans"], key=lambda p: p["id"]) if p.get("problems"))
    page = context.new_page()
    page.set_viewport_size({"width": 720, "height": 1000})
    page.goto(base_url + f"ke-hoach/{plan['id']}.html")
    page.emulate_media(media="print")
    body = page.evaluate("""() => { const p = document.querySelector('article .prose p');
        const s = getComputedStyle(p); return [s.fontFamily, parseFloat(s.fontSize)]; }""")
    assert body[0].startswith('"Times New Roman"'), body
    assert 13 * 96 / 72 - 0.1 <= body[1] <= 14 * 96 / 72 + 0.1, body
    visible = page.evaluate("""sels => sels.map(s => [...document.querySelectorAll(s)].some(el => el.getClientRects().length > 0))""",
                            [".doc-head", ".doc-title", ".doc-foot__recipients", ".doc-foot__signer", "#nhiem-vu",
                             ".data-doubts", ".plan-info", ".task-meta", "#chuoi-can-cu", "article h1", ".md-header",
                             ".md-sidebar--primary", ".md-footer"])
    assert visible == [True] * 5 + [False] * 8, visible
    page.pdf(path=str(PRINTS / "plan-as-document.pdf"), format="A4", print_background=False)
    page.close()


# --- search as officials type it (issue 18): expected first pages written out ------------------

QUERY_SET = [
    ("13/KH-UBND Lào Cai", "ke-hoach/kh-13-2022-ubnd-lao-cai.html"),   # shared number + province
    ("13/KH-UBND Trà Vinh", "van-ban/kh-13-2022-ubnd-tra-vinh.html"),
    ("mẫu kế hoạch", "huong-dan/mau.html"),                              # hub page words
    ("mau ke hoach", "huong-dan/mau.html"),
    ("lịch báo cáo", "ke-hoach/lich-bao-cao.html"),
    ("han bao cao", "ke-hoach/lich-bao-cao.html"),
    ("hướng dẫn xây dựng kế hoạch", "huong-dan/xay-dung-ke-hoach.html"),
    ("phối hợp MTTQ", "chu-de/phoi-hop-mat-tran.html"),                  # abbreviation → expansion
    ("phoi hop mttq", "chu-de/phoi-hop-mat-tran.html"),
    ("Mặt trận Tổ quốc", "chu-de/phoi-hop-mat-tran.html"),              # expansion, also as MTTQ
    ("dan van kheo", "phong-trao/dan-van-kheo.html"),                     # no diacritics
    ("chi thi 33", "van-ban/ct-33-2021-ttg.html"),
    ("nghi dinh 59", "van-ban/nd-59-2023-cp.html"),
    ("tiep cong dan doi thoai", "chu-de/tiep-cong-dan.html"),
    # issue 27's examples
    ("so noi vu lao cai", "co-quan/so-noi-vu-lao-cai.html"),                # an organisation, typed plain
    ("van phong ubnd binh dinh", "co-quan/vp-ubnd-binh-dinh.html"),         # its short form
    ("mo hinh dan van kheo", "phong-trao/dan-van-kheo.html"),               # not the maintenance guide
    ("báo cáo 6 tháng", "ke-hoach/lich-bao-cao.html"),                      # the calendar, not a plan
    ("luat dan chu co so", "van-ban/luat-10-2022-qh15.html"),               # the law before the theme
    ("dan van kheos", "phong-trao/dan-van-kheo.html"),                      # one wrong letter
]


@browser
@pytest.mark.parametrize(("text", "expected"), QUERY_SET, ids=[fold(t) for t, _ in QUERY_SET])
def test_official_query_set_finds_the_expected_page_first(search_page, text, expected):
    assert type_query(search_page, text) == expected


def explained(page) -> str:
    """The plain message under the count, of the answer on screen (first_result waits for it)."""
    return page.evaluate("() => (document.querySelector('.search-explain') || {}).textContent || ''")


@browser
@pytest.mark.parametrize("text", ["Bắc Ninh", "Quảng Ninh", "Cà Mau"])
def test_no_answer_says_so_and_which_words_matched(search_page, text):
    """A province not in the data: no list of pages sharing one syllable, a plain message instead."""
    assert first_result(search_page, text) is None
    message = explained(search_page)
    assert message.startswith("Không trang nào có đủ mọi chữ đã gõ"), message
    if text == "Bắc Ninh":  # "Ninh" is in the data (Quảng Ninh is not), "Bắc" nowhere
        assert "Có trang chứa “Ninh”; không trang nào có “Bắc”" in message


@browser
def test_a_word_no_page_has_is_named_and_near_pages_listed(search_page):
    assert first_result(search_page, "dan van kheo zzqx") == "phong-trao/dan-van-kheo.html"
    message = explained(search_page)
    assert "không trang nào có “zzqx”" in message and "thiếu một chữ" in message


@browser
def test_a_phrase_in_quotes_keeps_only_pages_with_the_phrase(search_page):
    loose = first_result(search_page, "vận khéo dân") and result_count(search_page)
    assert first_result(search_page, '"vận khéo dân"')
    quoted = result_count(search_page)
    assert 0 < quoted < loose
    pages = search_page.eval_on_selector_all(
        "li.md-search-result__item > a.md-search-result__link", "els => els.map(e => e.href.split('#')[0].split('?')[0])")
    for url in dict.fromkeys(pages[:3]):
        html = search_page.evaluate("u => fetch(u).then(r => r.text())", url)
        words = re.split(r"[\s\-–—/,.;:()“”\"]+", unescape(re.sub(r"<[^>]+>", " ", html)).lower())  # the index's separator
        assert "vận khéo dân" in " ".join(words), url
    assert first_result(search_page, '"khéo vận dân zzqx"') is None
    assert "Không trang nào có cụm từ" in explained(search_page) or "Không trang nào có đủ" in explained(search_page)


@browser
def test_words_typed_without_diacritics_are_marked_on_the_page(search_page, base_url):
    first_result(search_page, "dan van kheo")
    search_page.click("li.md-search-result__item a.md-search-result__link")
    search_page.wait_for_selector("article mark[data-md-highlight]")
    marked = {m.lower() for m in search_page.eval_on_selector_all(
        "article mark[data-md-highlight]", "els => els.map(e => e.textContent)")}
    assert {"dân", "vận", "khéo"} <= marked
    search_page.goto(base_url + "index.html")
    open_search(search_page)


@browser
@pytest.mark.parametrize(("text", "words"), [("dan van kheo", {"dân", "vận", "khéo"}), ("so noi vu", {"sở", "nội", "vụ"})])
def test_words_typed_without_diacritics_are_marked_in_the_results(search_page, text, words):
    """As Material marks the words it matched in the list: typed plain, the page's own words with
    their diacritics are marked in the first result's title and text, as text."""
    assert first_result(search_page, text)
    first = search_page.eval_on_selector_all(
        ".md-search-result__list > li.md-search-result__item:first-child article mark",
        "els => els.map(e => [e.textContent, e.children.length])")
    marked = {t.lower() for t, _ in first}
    assert words <= marked, (text, marked)
    assert all(any(fold(t).startswith(w) for w in text.split()) for t in marked), marked  # no other word
    assert all(n == 0 for _, n in first)
    assert not search_page.eval_on_selector_all(".md-search-result__terms mark", "els => els.length")


@browser
def test_exact_diacritics_do_not_match_other_tones(search_page):
    """'Sở' typed with its tone does not find pages that only have 'sợ', 'sơ' or 'số'; typed plain it does."""
    first_result(search_page, "sở")
    accented = result_count(search_page)
    first_result(search_page, "so")
    assert result_count(search_page) > accented


# --- search by kind of query (issue 27): queries drawn from the data, each kind its own test ---------

def _maintainer_pages() -> set[str]:
    from tests.test_reading import MAINTAINER_PAGES
    return MAINTAINER_PAGES


def _organisations() -> list[dict]:
    return [o for f in sorted((DATA / "organisations").glob("*.yaml"))
            for o in yaml.safe_load(f.read_text(encoding="utf-8")).get("organisations", [])]


def organisation_queries() -> list[Query]:
    """Each organisation by its name as written, without diacritics, and by its short name (but a short
    name that is a glossary term, 'TTg' or 'UBTVQH': that finds the glossary's row, which says what it is)."""
    terms = {fold(t["term"]) for t in records(DATA)["terms"]}
    found = []
    for org in _organisations():
        page = f"co-quan/{org['id']}.html"
        found += [Query(org["name"], page, "org"), Query(fold(org["name"]), page, "org-folded")]
        if org.get("short_name") and fold(org["short_name"]) not in terms:
            found += [Query(org["short_name"], page, "org-short"), Query(fold(org["short_name"]), page, "org-short")]
    return unambiguous(found)


def record_before_hub_queries() -> list[Query]:
    """A plan by 'kế hoạch' and its issuer (typed plain), where the issuer issued one plan; a document by
    its kind and the words of its name that also name a theme (the theme page is the hub)."""
    data = records(DATA)
    orgs = {o["id"]: o for o in _organisations()}
    # an issuer of one plan and of no document that is itself a plan
    by_issuer = Counter([p["issuer"] for p in data["plans"]]
                        + [d.get("issuer") for d in data["documents"] if d.get("type") == "ke-hoach"])
    found = [Query(fold(f"kế hoạch {orgs[p['issuer']].get('short_name') or orgs[p['issuer']]['name']}"),
                   f"ke-hoach/{p['id']}.html", "plan-by-issuer")
             for p in data["plans"] if by_issuer[p["issuer"]] == 1 and p["issuer"] in orgs]
    themes = {fold(t["name"]) for t in data["themes"]}
    for doc in data["documents"]:
        for alias in doc.get("aliases", []):
            words = fold(alias).split()
            # "Luật Thực hiện dân chủ ở cơ sở" typed "luat dan chu co so": 'luật' and the words of the
            # law's name that are a theme's whole name (the theme page is the hub it competes with)
            for theme in themes:
                if words[0] == "luat" and len(theme.split()) >= 3 and f" {theme} " in f" {' '.join(words)} ":
                    found.append(Query(f"luat {theme}", f"van-ban/{doc['id']}.html", "law-short-name"))
    return unambiguous(found)


def typo_queries() -> list[Query]:
    """A campaign's or theme's name typed plain with one letter of its longest word (five letters or
    more) changed to one no Vietnamese word ends with."""
    data = records(DATA)
    found = []
    for kind, folder in (("campaigns", "phong-trao"), ("themes", "chu-de")):
        for r in data[kind]:
            words = fold(r["name"]).split()
            longest = max(words, key=len)
            if len(longest) >= 5:
                typed = " ".join(w if w != longest else longest[:-1] + "x" for w in words)
                found.append(Query(typed, f"{folder}/{r['id']}.html", "typo"))
    return unambiguous(found)


def missing_numbers() -> list[str]:
    """Numbers shaped like those of the data's documents that no document has: '9999' for the leading digits."""
    numbers = {d["number"] for d in records(DATA)["documents"] if d.get("number")}
    made = sorted({re.sub(r"^\d+", "9999", n) for n in numbers if re.match(r"\d+/", n)} - numbers)
    return made[:6]


OFFICIAL_QUERIES = ["so noi vu lao cai", "mo hinh dan van kheo", "van phong ubnd binh dinh", "báo cáo 6 tháng",
                    "luat dan chu co so", "dan chu co so", "tiep cong dan", "nguon du lieu", "chat luong"]


def test_queries_of_every_kind_are_drawn_from_the_data():
    kinds = Counter(q.kind for q in organisation_queries() + record_before_hub_queries() + typo_queries())
    assert kinds["org"] >= 10 and kinds["org-folded"] >= 10 and kinds["plan-by-issuer"] >= 2, kinds
    assert kinds["law-short-name"] >= 1 and kinds["typo"] >= 5 and len(missing_numbers()) >= 3, kinds


@browser
@pytest.mark.parametrize("kind", ["org", "org-folded", "org-short"])  # one test each: test workers share them
def test_every_organisation_is_found_first_by_its_names(search_page, kind):
    mine = [q for q in organisation_queries() if q.kind == kind]
    assert mine
    misses = [f"{q.kind}: {q.text!r} → {got}" for q in mine if (got := first_result(search_page, q.text)) != q.expected]
    assert not misses, f"{len(misses)} missed:\n" + "\n".join(misses)


@browser
def test_a_records_page_comes_before_hub_pages_when_the_query_names_it(search_page):
    misses = [f"{q.kind}: {q.text!r} → {got}, expected {q.expected}" for q in record_before_hub_queries()
              if (got := first_result(search_page, q.text)) != q.expected]
    assert not misses, "\n".join(misses)


@browser
def test_one_wrong_letter_still_finds_the_page(search_page):
    misses = [f"{q.text!r} → {got}, expected {q.expected}" for q in typo_queries()
              if (got := first_result(search_page, q.text)) != q.expected]
    assert not misses, "\n".join(misses)
    assert "gần giống" in explained(search_page)


@browser
def test_a_number_the_site_does_not_have_is_said_not_to_be_here(search_page):
    for number in missing_numbers():
        assert first_result(search_page, number) is None, number
        assert not results(search_page)
        assert f"chưa có văn bản số “{number}”" in explained(search_page), number


@browser
def test_maintainers_pages_never_come_before_an_officials_page(search_page):
    """For officials' words, every maintainers' page in the list comes after every officials' page;
    they stay findable (their own titles still find them)."""
    maintainers = _maintainer_pages()
    queries = OFFICIAL_QUERIES + [t for t, _ in QUERY_SET] + [q.text for q in organisation_queries()[:20]]
    wrong = []
    for text in queries:
        first_result(search_page, text)
        listed = results(search_page)
        theirs = [i for i, p in enumerate(listed) if p in maintainers]
        if theirs and any(p not in maintainers for p in listed[theirs[0]:]):
            wrong.append((text, listed[:theirs[0] + 2]))
    assert not wrong, wrong
    first_result(search_page, "Hướng dẫn bảo trì dữ liệu")
    assert set(results(search_page)) & maintainers  # still found, after the officials' pages


@browser
def test_results_show_text_not_tag_chips(search_page):
    for text in ("báo cáo 6 tháng", "ke hoach ubnd lao cai", "dan chu co so"):
        assert first_result(search_page, text)
        assert not search_page.eval_on_selector_all(".md-search-result .md-tag", "els => els.length"), text
        snippet = search_page.evaluate("""() => { const a = document.querySelector('li.md-search-result__item article');
            const t = a.cloneNode(true); t.querySelectorAll('h1, h2, .md-search-result__terms').forEach(e => e.remove());
            return t.textContent.trim(); }""")
        assert len(snippet) > 20, (text, snippet)


@browser
def test_panel_icons_leave_the_first_letters_readable(context, base_url):
    """The icon of the "Nguồn dữ liệu" and "Ghi chú về dữ liệu" panels sits left of the words."""
    page = context.new_page()
    plan = sorted(p["id"] for p in records(DATA)["plans"] if p.get("problems"))[0]
    page.goto(base_url + f"ke-hoach/{plan}.html")
    boxes = page.evaluate("""() => [...document.querySelectorAll('article details > summary')].map(s => {
        const icon = getComputedStyle(s, '::before'), style = getComputedStyle(s);
        const range = document.createRange(); range.selectNodeContents(s);
        const text = range.getClientRects()[0], box = s.getBoundingClientRect();
        return [s.textContent.trim().slice(0, 20), box.left + parseFloat(icon.left) + parseFloat(icon.width), text.left];
    })""")
    page.close()
    assert len(boxes) >= 2
    assert all(icon_right <= text_left for _, icon_right, text_left in boxes), boxes


# --- print like the paper (issue 27) ---------------------------------------------------------------

# The source's length on paper, estimated: its text (data/sources/, one paragraph per line) set as an
# official document is typed (Nghị định 30/2020/NĐ-CP): Times New Roman 13 pt on A4, margins 2 cm top
# and bottom, 3 cm left, 1.5 cm right, single line spacing, 6 pt after each paragraph, first line
# indented. No .docx of the sources is in the data, so this is the count compared with.
SOURCE_PRINT_CSS = """@page { size: A4; margin: 2cm 1.5cm 2cm 3cm; }
body { font-family: "Times New Roman", Times, "Liberation Serif", serif; font-size: 13pt; line-height: 1.15; margin: 0; }
p { margin: 0 0 6pt; text-align: justify; text-indent: 1.27cm; }"""


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", data))


def _source_html(text: str) -> str:
    from html import escape
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return f"<style>{SOURCE_PRINT_CSS}</style>" + "".join(f"<p>{escape(ln)}</p>" for ln in lines)


_PAPER_JS = """() => {
  const box = s => { const e = document.querySelector(s); return e && e.getClientRects().length ? e.getBoundingClientRect() : null; };
  const seen = s => [...document.querySelectorAll(s)].some(e => e.getClientRects().length > 0);
  const issuer = box('.doc-head__issuer'), nation = box('.doc-head__nation');
  const to = box('.doc-foot__recipients'), signer = box('.doc-foot__signer');
  return {
    head: issuer && nation ? Math.abs(issuer.top - nation.top) < 4 && issuer.right <= nation.left + 1 : null,
    foot: to && signer && signer.height > 0 ? Math.abs(to.top - signer.top) < 4 && to.right <= signer.left + 1 : null,
    notes: ['.editor-note', '.status-flag', 'sup.src-mark', '.plan-box', '.print-button', '.editorial-legend',
            'em.editorial', '.assignment-drafts', '.md-header', 'details'].filter(seen),
    dashes: [...document.querySelectorAll('.doc-foot__recipients li')].every(li =>
      getComputedStyle(li, '::before').content.includes('-') && getComputedStyle(li).listStyleType === 'none'),
  };
}"""


@browser
def test_a_printed_plan_reads_as_the_paper_and_is_not_much_longer(context, base_url):
    """Each plan with a source text, printed by Chromium: header blocks side by side, Nơi nhận with
    dashes beside the signature, no editors' notes, badges or site boxes, and at most 1.3 times the
    pages of its source (estimated as above). PDFs in test-artifacts/print/ for a person to look at."""
    PRINTS.mkdir(parents=True, exist_ok=True)
    page = context.new_page()
    counts = {}
    for plan in sorted(records(DATA)["plans"], key=lambda p: p["id"]):
        source = DATA / "sources" / plan.get("source", "")
        if not source.is_file():
            continue
        page.set_content(_source_html(source.read_text(encoding="utf-8")))
        original = pdf_pages(page.pdf(format="A4", prefer_css_page_size=True))
        page.goto(base_url + f"ke-hoach/{plan['id']}.html")
        page.emulate_media(media="print")
        paper = page.evaluate(_PAPER_JS)
        printed = page.pdf(path=str(PRINTS / f"{plan['id']}.pdf"), format="A4", prefer_css_page_size=True)
        page.emulate_media(media="screen")
        counts[plan["id"]] = (pdf_pages(printed), original)
        assert paper["head"] in (True, None) and paper["foot"] in (True, None), (plan["id"], paper)
        assert paper["notes"] == [] and paper["dashes"], (plan["id"], paper)
    page.close()
    assert counts and all(p <= 1.3 * s for p, s in counts.values()), counts
    assert any(paper is not None for paper in counts)


@browser
def test_print_buttons_and_a_printed_draft_is_the_draft_only(context, base_url, site):
    page = context.new_page()
    draft = sorted((site / "soan-ke-hoach").glob("*/*.html"))[0].relative_to(site).as_posix()
    for path in (f"ke-hoach/{sorted(p['id'] for p in records(DATA)['plans'])[0]}.html", draft):
        page.goto(base_url + path)
        assert page.locator("button.print-button").first.is_visible(), path
    page.goto(base_url + draft)
    page.emulate_media(media="print")
    shown = page.evaluate("""() => [...document.querySelector('article').children]
        .filter(e => e.getClientRects().length > 0).map(e => e.className)""")
    page.emulate_media(media="screen")
    page.close()
    assert shown == ["draft-paper"], shown


@browser
def test_a_printed_list_keeps_the_marks_of_ended_bodies(context, base_url, site):
    """A list printed to carry to a meeting says which bodies have ended, as the screen does (only a
    plan's own page, printed like the paper, leaves the site's marks out)."""
    lists = [p.relative_to(site).as_posix() for p in (site / "co-quan.html", site / "ke-hoach" / "index.html")]
    page = context.new_page()
    seen = {}
    for path in lists:
        page.goto(base_url + path)
        marks = page.locator("article .status-flag")
        screen = [m.inner_text() for m in marks.all() if m.is_visible()]
        page.emulate_media(media="print")
        printed = [m.inner_text() for m in marks.all() if m.is_visible()]
        page.emulate_media(media="screen")
        assert printed == screen, path
        seen[path] = len(screen)
    page.close()
    assert any(seen.values()), seen  # the data has ended bodies: the check is not empty


@browser
def test_long_pages_fold_by_group_on_a_phone(context, base_url):
    """The comparison and the organisations list on a phone: each group folded under its heading
    (the page fits in a few screens), a tap opens it, a link to a group opens it; wide screens unfolded."""
    page = context.new_page()
    for path in ("ke-hoach/so-sanh.html", "co-quan.html", "van-ban/index.html"):
        page.set_viewport_size({"width": 375, "height": 740})
        page.goto(base_url + path)
        heads = page.locator("article .fold-head")
        assert heads.count() >= 3, path
        assert page.evaluate("() => document.querySelector('article').scrollHeight") < 4 * 740, path
        heads.first.click()
        assert page.locator("article .fold-body").first.is_visible()
        target = page.evaluate("() => document.querySelectorAll('article .fold-head')[1].id")
        page.goto(base_url + f"{path}#{target}")
        assert page.locator("article .fold-body").nth(1).is_visible(), path
        page.set_viewport_size({"width": 1280, "height": 800})
        page.goto(base_url + path)
        assert page.locator("article .fold-head").count() == 0
    page.close()


@browser
def test_a_filter_on_a_phone_opens_the_groups_that_keep_a_match(context, base_url):
    """The documents index folded by year on a phone: choosing a kind shows every match at once,
    in opened groups, and hides the years left without one."""
    page = context.new_page()
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(base_url + "van-ban/index.html")
    assert page.locator("article .fold-head").count() >= 3
    kind = page.eval_on_selector("select[name=loai] option:nth-child(2)", "o => o.value")
    page.select_option("select[name=loai]", kind)
    page.wait_for_function("() => /trong/.test(document.querySelector('.list-filter__count').textContent)")
    kept = page.locator("ul.doc-list > li:not([hidden])")
    assert kept.count() >= 1
    assert all(kept.nth(i).is_visible() for i in range(kept.count()))
    shown_heads = page.locator("article .fold-head:visible")
    assert 1 <= shown_heads.count() < page.locator("article .fold-head").count()
    page.close()
