"""Hostile data in every text field: built, it stays text in every page, search entry, calendar,
Word file and JSON file; opened in Chromium in the worst cases, no script runs and nothing loads.

Each example writes one hostile string (markup, `</title>`, quotes, entity-encoded markup,
Jinja, Markdown links, line breaks, very long text) into every free-text field of every record
kind of the small data set and builds once. The built files are read without a browser
(tests/escaped.py): markup that got through makes elements and attributes of its own. The
browser is kept for the worst cases: every fragment at once, and markup as the name of the
province a provincial site is for; it opens every page and searches (Material inserts search
results as HTML), with a dialog handler, a request listener and the same check on the live DOM.
"""

from __future__ import annotations

import html
import zipfile
from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.browser import open_search, serve, type_query
from tests.conftest import build_site
from tests.escaped import calendar_problems, live_markup, problems, shown_as_text, word_problems
from tests.hostile import FRAGMENTS, LEAK, MARK, fill, hostile_texts
from tests.minidata import write_minidata

browser = pytest.mark.browser


def _build(root: Path, text: str, province: str | None = None) -> Path:
    data = write_minidata(root / "data")
    fill(data, text)
    result = build_site(root / "site", data, env={"DVCQ_PROVINCE": province} if province else None)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


# --- the check itself catches markup that got through ------------------------------------------


def test_the_static_check_finds_each_fragment_made_live():
    """Each fragment as a page would hold it had it not been escaped (decoded twice for the
    entity-encoded ones, rendered for the Markdown one) is found; escaped, none is."""
    live = {
        "raw": [f for f in FRAGMENTS if "<" in f and "&" not in f and "](" not in f],
        "decoded twice": [f for f in FRAGMENTS if "&lt;" in f or "&#60;" in f],
        "Markdown": [markdown.markdown(f) for f in FRAGMENTS if "](" in f],
    }
    assert all(live.values()), live
    missed = [f for group in live.values() for f in group if not live_markup(html.unescape(f) if "&" in f else f)]
    assert missed == []
    escaped = html.escape(hostile_texts(FRAGMENTS, True))
    assert live_markup(f'<p title="{escaped}">{escaped}</p><script>var x = 1;</script>') == []


def test_the_static_check_finds_a_broken_calendar_line_and_a_broken_word_file(tmp_path):
    (tmp_path / "a.ics").write_bytes(f"BEGIN:VCALENDAR\r\nSUMMARY:{MARK} dòng\r\nmới\r\nEND:VCALENDAR\r\n".encode())
    assert calendar_problems(tmp_path) == ["a.ics: not a property line: 'mới'"]
    with zipfile.ZipFile(tmp_path / "a.docx", "w") as archive:
        archive.writestr("word/document.xml", f"<w:document><w:t>{MARK} <b></w:t></w:document>")
    assert len(word_problems(tmp_path)) == 1


# --- built ----------------------------------------------------------------------------------


# Each example is a build of the small data set, read without a browser. Derandomized: every run
# tries the same examples (the worst cases below hold every fragment anyway).
@settings(max_examples=4, deadline=None, derandomize=True, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=3, unique=True), long=st.booleans())
def test_hostile_text_stays_text_in_every_file(tmp_path_factory, pieces, long):
    text = hostile_texts(pieces, long)
    site = _build(tmp_path_factory.mktemp("hostile"), text)
    assert problems(site) == []
    shown = shown_as_text(site, text)
    assert any(p.endswith(".html") for p in shown) and any(p.endswith(".ics") for p in shown), shown


# Worst cases, always tried: every fragment short enough for titles at once; and markup without
# quotes or braces (what a tag chip can hold), as the name of the province a provincial site is for.
ALL_AT_ONCE = hostile_texts(FRAGMENTS[:5] + FRAGMENTS[10:], False)
TAG_SAFE = hostile_texts([FRAGMENTS[0]], False)  # short enough for a province name

# In the page: what hostile text would have made live (tests/escaped.py reads the same in files).
_LIVE_JS = """([leak, mark]) => {
  const found = [];
  document.querySelectorAll("*").forEach(el => [...el.attributes].forEach(a => {
    const v = a.value;
    if (a.name.startsWith("on") || v.includes(leak) && !v.includes(mark) ||
        ["href", "src"].includes(a.name) && v.trim().toLowerCase().startsWith("javascript:"))
      found.push(`<${el.tagName.toLowerCase()} ${a.name}=${v.slice(0, 40)}>`);
  }));
  [...document.scripts].filter(s => !s.src && s.textContent.includes("alert(")).forEach(s =>
    found.push("<script>" + s.textContent.slice(0, 40)));
  return found;
}"""


def visit(context, site_dir: Path, search: bool = True) -> list[str]:
    """Every page opened, then a search listing the hostile entries: what went live, dialogs, leaked requests."""
    problems_seen: list[str] = []
    pages = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))
    with serve(site_dir) as base:
        page = context.new_page()
        page.on("dialog", lambda d: (problems_seen.append(f"dialog {d.message!r} on {page.url}"), d.dismiss()))
        page.on("request", lambda r: LEAK in r.url and problems_seen.append(f"request {r.url} from {page.url}"))
        for path in pages:
            page.goto(base + path)
            problems_seen += [f"{path}: {found}" for found in page.evaluate(_LIVE_JS, [LEAK, MARK])]
        if search:
            page.goto(base + "index.html")
            open_search(page)
            assert type_query(page, MARK)  # the answer to the query typed lists the hostile entries
            problems_seen += [f"search: {found}" for found in page.evaluate(_LIVE_JS, [LEAK, MARK])]
        page.close()
    return problems_seen


@browser
def test_the_browser_check_finds_markup_made_live(context, tmp_path):
    (tmp_path / "index.html").write_text(f"<p title='{MARK} <img src=/{LEAK}ok>'>{MARK}</p>" + "".join(
        f for f in FRAGMENTS if "<" in f and "&" not in f), encoding="utf-8")
    found = visit(context, tmp_path, search=False)
    assert [f for f in found if f.startswith("index.html: ")] and any(f.startswith("dialog") for f in found), found
    assert not [f for f in found if "ok>" in f]


@browser
@pytest.mark.parametrize("text, province", [(ALL_AT_ONCE, None), (TAG_SAFE, TAG_SAFE)], ids=["all", "province"])
def test_worst_cases(context, tmp_path, text, province):
    site = _build(tmp_path, text, province)
    if province:  # the provincial site names its province in every page's header
        assert "&lt;img src=/leak-img" in (site / "index.html").read_text(encoding="utf-8")
    assert problems(site) == []
    assert visit(context, site) == []
