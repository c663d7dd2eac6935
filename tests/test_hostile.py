"""Hostile data in every text field, built and opened in Chromium: no script runs, nothing loads.

Each example writes one hostile string (markup, `</title>`, quotes, entity-encoded markup,
Jinja, Markdown links, very long text) into every free-text field of every record kind of the
small data set, builds once, then opens every page with a dialog handler and a request
listener, hovers every abbreviation (Material shows its title as a tooltip) and types a search
(Material shows titles, text and tags of results). A dialog, or a request for a URL the
hostile text names, is script or markup that got through.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.browser import open_search, serve
from tests.conftest import build_site
from tests.hostile import FRAGMENTS, JINJA_MARK, LEAK, MARK, fill, hostile_texts
from tests.minidata import write_minidata

browser = pytest.mark.browser

# Pages whose text every hostile field reaches, hovered and searched from (the rest are loaded).
SEARCH_FROM = "index.html"


def visit(context, site_dir: Path) -> list[str]:
    """Everything that went wrong while reading the built site: dialogs and leaked requests."""
    problems: list[str] = []
    pages = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))
    with serve(site_dir) as base:
        page = context.new_page()
        page.on("dialog", lambda d: (problems.append(f"dialog {d.message!r} on {page.url}"), d.dismiss()))
        page.on("request", lambda r: LEAK in r.url and problems.append(f"request {r.url} from {page.url}"))
        for path in pages:
            page.goto(base + path)
            for abbr in page.locator("article abbr").all()[:10]:
                if abbr.is_visible():  # some sit in closed <details>
                    abbr.hover(timeout=3000)
                    page.wait_for_timeout(30)
            page.mouse.wheel(0, 2000)  # the header shows the page title, cut short with a tooltip
            page.wait_for_timeout(100)
            for link in page.locator(".md-header__topic, .md-nav__link").all()[:12]:
                if link.is_visible():
                    link.hover(force=True)
        page.goto(base + SEARCH_FROM)
        open_search(page)
        page.locator("input.md-search__input").press_sequentially(MARK)
        page.wait_for_selector("li.md-search-result__item", timeout=5000)
        page.wait_for_timeout(300)
        page.close()
    return problems


def jinja_ran(site_dir: Path) -> list[str]:
    return [p.as_posix() for p in site_dir.rglob("*.html") if JINJA_MARK in p.read_text(encoding="utf-8")]


@browser
# Each example is a build and a browser session: a few, and no shrinking (the failing string is printed).
@settings(max_examples=3, deadline=None, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=3, unique=True), long=st.booleans())
def test_hostile_text_never_runs(context, tmp_path_factory, pieces, long):
    root = tmp_path_factory.mktemp("hostile")
    data = write_minidata(root / "data")
    fill(data, hostile_texts(pieces, long))
    result = build_site(root / "site", data)
    assert result.returncode == 0, result.stdout + result.stderr
    assert jinja_ran(root / "site") == []
    assert visit(context, root / "site") == []


# Worst cases, always tried: every fragment short enough for titles at once; and markup without
# quotes or braces (what a tag chip can hold), as the name of the province a provincial site is for.
ALL_AT_ONCE = hostile_texts(FRAGMENTS[:5] + FRAGMENTS[10:], False)
TAG_SAFE = hostile_texts([FRAGMENTS[0]], False)  # short enough for a province name


@browser
@pytest.mark.parametrize("text, province", [(ALL_AT_ONCE, None), (TAG_SAFE, TAG_SAFE)], ids=["all", "province"])
def test_worst_cases(context, tmp_path, text, province):
    data = write_minidata(tmp_path / "data")
    fill(data, text)
    result = build_site(tmp_path / "site", data, env={"DVCQ_PROVINCE": province} if province else None)
    assert result.returncode == 0, result.stdout + result.stderr
    if province:  # the provincial site names its province in every page's header
        assert "&lt;img src=/leak-img" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert visit(context, tmp_path / "site") == []
