"""The quick index built ahead (macros/site/search_lunr.py) is the index Material's worker builds.

The quick index's worker (docs/assets/javascripts/workers/search-index.js, with Material's own worker script
from the installed package) runs in node (tests/lunr_node.js): lunr builds the index of the same entries,
and, handed search_lunr.json, workers/lunr-ready.js loads the packed one.
What is compared is what a reader would notice: the index itself (terms, postings with word positions,
scores) and Material's answers to queries (order, scores, the words marked in titles). On the real site's
quick entries and on entries made of hostile strings. If Material changes how it builds its index, these
fail.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import subprocess
from pathlib import Path

import material
import pytest

from macros.site.adapter import MaterialLunr, SearchIndexFile
from macros.site.search_files import LUNR_MARK, QUICK_LUNR, write_built_index
from macros.site.search_lunr import Unsupported, lunr_index, separator_pattern, tokens
from tests.browser import open_search, serve, type_query
from tests.hostile import FRAGMENTS, MARK

ROOT = Path(__file__).resolve().parent.parent
MATERIAL_WORKERS = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
OUR_WORKERS = ROOT / "docs" / "assets" / "javascripts" / "workers"
NODE = shutil.which("node") or shutil.which("nodejs")
QUERIES = ["33/CT-TTg", "dan van kheo", "Dân vận", "ke hoach 2023", "hoach~1", "UBND", "lao cai", "_d*", "xyzzy",
           MARK, "dài", "mới", "là", "ống"]


def in_node(tmp_path: Path, config: dict, docs: list[dict], pack: dict | None, queries=QUERIES) -> dict:
    """The quick index's worker in node on these entries: the index lunr builds and its answers (`built`), the
    same loaded from `pack` (`loaded`)."""
    assert NODE, "node is needed (apt-get install nodejs; `make browsers` installs it)"
    source = tmp_path / "input.json"
    source.write_text(json.dumps({"config": config, "docs": docs, "pack": pack, "queries": queries}), encoding="utf-8")
    done = subprocess.run([NODE, str(ROOT / "tests" / "lunr_node.js"), str(MATERIAL_WORKERS), str(OUR_WORKERS),
                           str(source)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def built_ahead(tmp_path: Path, content: dict) -> tuple[dict, dict | None]:
    """The quick index file and search_lunr.json as the build writes them (search_files.write_built_index)."""
    index = SearchIndexFile(tmp_path / "search_index.json", json.loads(json.dumps(content)))
    write_built_index(index, tmp_path / "search_lunr.json")
    path = tmp_path / "search_lunr.json"
    return index.content, json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def same(ours, theirs, path="") -> list[str]:
    """Where two serialised indexes differ; scores may differ by lunr's rounding step (math.log and V8's log
    may differ in the last bit)."""
    if isinstance(ours, (int, float)) and isinstance(theirs, (int, float)) and not isinstance(ours, bool):
        return [] if math.isclose(ours, theirs, rel_tol=1e-12, abs_tol=1.0001e-3) else [f"{path}: {ours} != {theirs}"]
    if isinstance(ours, dict) and isinstance(theirs, dict):
        if list(ours) != list(theirs):
            return [f"{path}: keys {list(ours)[:5]} != {list(theirs)[:5]}"]
        return [d for k in ours for d in same(ours[k], theirs[k], f"{path}/{k}")][:10]
    if isinstance(ours, list) and isinstance(theirs, list):
        if len(ours) != len(theirs):
            return [f"{path}: {len(ours)} items != {len(theirs)}"]
        return [d for i, (a, b) in enumerate(zip(ours, theirs)) for d in same(a, b, f"{path}[{i}]")][:10]
    return [] if ours == theirs else [f"{path}: {ours!r} != {theirs!r}"]


# --- the real site's quick index -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def real(site, tmp_path_factory) -> dict:
    """The real site's quick index, its search_lunr.json, and what node's Material makes of them."""
    content = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pack = json.loads((site / QUICK_LUNR).read_text(encoding="utf-8"))
    config = {k: v for k, v in content["config"].items() if k != LUNR_MARK}
    return {"content": content, "pack": pack, "node": in_node(tmp_path_factory.mktemp("node"), content["config"],
                                                              content["docs"], pack),
            "ours": lunr_index(config, content["docs"], MaterialLunr.installed())}


def test_the_build_writes_the_index_materials_worker_builds(real):
    assert real["content"]["config"][LUNR_MARK] == real["pack"]["for"]
    assert "numbers" not in real["pack"]  # the worker numbers the terms in the order it first meets them
    assert same(real["ours"], real["node"]["built"]["index"]) == []
    assert len(real["node"]["built"]["index"]["invertedIndex"]) > 1000


def test_the_worker_loads_it_and_answers_as_from_the_index_it_would_build(real):
    loaded = real["node"]["loaded"]
    assert loaded["lunr"] == "loaded"
    assert loaded["index"] == real["node"]["built"]["index"]
    assert loaded["answers"] == real["node"]["built"]["answers"]
    marked = [item["title"] for answer in loaded["answers"] for group in answer["items"] for item in group]
    assert sum("<mark>" in title for title in marked) > 20, marked[:20]  # highlighting came from the table


def test_a_file_made_for_other_entries_is_not_used(real, tmp_path):
    """A quick index and a search_lunr.json of two builds (a cache serving one stale file): the digest differs."""
    content, pack = real["content"], real["pack"]
    for config, docs in (({**content["config"], LUNR_MARK: "other"}, content["docs"]),
                         (content["config"], content["docs"][1:])):  # the digest checked, and the count
        other = in_node(tmp_path, config, docs, pack, ["dan van", "33/CT-TTg"])
        assert other["loaded"]["lunr"] == "built"
        assert other["loaded"]["answers"] == other["built"]["answers"]


def test_a_setup_other_than_the_files_is_built_by_lunr(real, tmp_path):
    """Material's builder is checked against what the file was made for (here: another b than Material's)."""
    pack = {**real["pack"], "b": 0.75}
    other = in_node(tmp_path, real["content"]["config"], real["content"]["docs"], pack, ["dan van"])
    assert other["loaded"]["lunr"] == "built"
    assert other["loaded"]["answers"] == other["built"]["answers"]


# --- hostile entries -----------------------------------------------------------------------------------

TRICKY = ["<", ">", "</", "/>", "<b>", "</b>", "<br/>", "<p class=\"x\">", "&amp;", "&lt;", " ", "-", "–", "—", "/", ",",
          ".", ";", ":", "(", ")", "“", "”", "\"", "\t", "\n", "\x0b", "\x1c", "\x85", "\x1d", "\xa0", "\u2028", "\u200b",
          "\ufeff", "\u3000", "Σ", "ΟΔΟΣ", "İ", "ẞ", "Dân", "vận", "là", "cái", "mà", "nhưng", "LÀ", "__proto__",
          "constructor", "123", "_x", "𝒳", "😀", "a", "b", "Ư", "đ", MARK]


def _hostile_docs(seed: int) -> list[dict]:
    pick = random.Random(seed)
    docs = [{"location": "index.html", "title": f"{MARK} " + " ".join(FRAGMENTS), "text": ""},
            # positions past 32 bits: "sau" comes after "sâu" but its position is negative
            {"location": "deep.html", "title": "<b>sâu</b> " * 2100 + "sau", "text": "", "boost": 0.2},
            {"location": "a.html#b", "title": "", "keys": "là cái mà", "text": "", "boost": 40}]
    for i in range(150):
        doc = {"location": f"p{i}.html" + (f"#s{i}" if i % 3 else ""), "text": ""}
        for field in ("title", "keys", "also", "fold"):
            if pick.random() < 0.8:
                doc[field] = "".join(pick.choice(TRICKY) + ("" if pick.random() < 0.3 else " ") for _ in range(pick.randrange(12)))
        if pick.random() < 0.2:
            doc["boost"] = pick.choice([0, 0.5, 2, 1000])
        docs.append(doc)
    return docs


def test_hostile_entries_are_indexed_and_answered_as_materials_worker_does(real, tmp_path):
    config = {k: v for k, v in real["content"]["config"].items() if k != LUNR_MARK}
    content, pack = built_ahead(tmp_path, {"config": config, "docs": _hostile_docs(1)})
    assert pack is not None and "numbers" in pack  # the terms' numbers given: not the order of positions
    node = in_node(tmp_path, content["config"], content["docs"], pack, QUERIES + ["ΟΔΟΣ", "σ*", "𝒳", "__proto__", "b"])
    assert same(lunr_index(config, content["docs"], MaterialLunr.installed()),
                node["built"]["index"]) == []
    assert node["loaded"]["lunr"] == "loaded"
    assert node["loaded"]["index"] == node["built"]["index"] and node["loaded"]["answers"] == node["built"]["answers"]
    assert any(group for answer in node["built"]["answers"] for group in answer["items"])


def test_what_cannot_be_reproduced_gives_no_file(real, tmp_path):
    config = {k: v for k, v in real["content"]["config"].items() if k != LUNR_MARK}
    for other in ({**config, "lang": ["vi", "en"]}, {**config, "pipeline": ["trimmer"]},
                  {**config, "separator": "[\\s\\d]+"}, {**config, "separator": "\\s+|x"}):
        content, pack = built_ahead(tmp_path, {"config": other, "docs": real["content"]["docs"][:5]})
        assert pack is None and LUNR_MARK not in content["config"], other
    twice = real["content"]["docs"][:2] * 2
    assert built_ahead(tmp_path, {"config": config, "docs": twice})[1] is None
    with pytest.raises(Unsupported):
        separator_pattern("[^a]+")


def test_tokens_follow_materials_tokenizer_on_markup():
    """Positions: block (top-level element) << 20 | place among the block's tags and words."""
    separator = separator_pattern("[\\s\\-]+")
    assert list(tokens("<b>Dân</b> vận-khéo", separator)) == [("dân", 1), ("vận", 1 << 20), ("khéo", 1 << 20 | 1)]


# --- in Chromium: the page's answers ---------------------------------------------------------------------


# Before the page's scripts: every query the page's workers are sent and every answer they give, as sent.
_RECORD = """
window.__asked = 0; window.__answers = [];
const post = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (message) {
  if (message && message.type === 2) window.__asked++;
  return post.apply(this, arguments);
};
const Native = window.Worker;
window.Worker = function Worker(url, options) {
  const worker = new Native(url, options);
  worker.addEventListener("message", ev => { if (ev.data && ev.data.type === 3) window.__answers.push(ev.data.data); });
  return worker;
};
window.Worker.prototype = Native.prototype;
"""


def _answers(context, base: str, ready_made: bool) -> tuple[str, list]:
    """The quick index worker's answers (order, scores, the words marked in titles) to queries typed in the
    page, its index loaded ready-made or (search_lunr.json not found) built by lunr. The full index is kept
    from taking over; each query waits until every query the page sent for it is answered."""
    page = context.new_page()
    page.add_init_script(_RECORD)
    page.route("**/search/search_full.*", lambda route: route.abort())
    if not ready_made:
        page.route("**/search/search_lunr.json", lambda route: route.abort())
    page.goto(base + "index.html")
    open_search(page, full=False)
    page.wait_for_function("() => document.documentElement.dataset.searchLunr")
    how = page.evaluate("() => document.documentElement.dataset.searchLunr")
    for query in ("33/CT-TTg", "dan van", "Dân vận khéo", "UBND tỉnh", "hoach~1", "_d*"):
        asked = page.evaluate("() => window.__asked")
        page.locator("input.md-search__input").fill(query)
        page.wait_for_function("n => window.__asked > n && window.__answers.length === window.__asked", arg=asked)
    answers = page.evaluate("() => window.__answers")
    page.close()
    return how, answers


@pytest.mark.browser
def test_the_page_shows_the_same_answers_from_the_index_loaded_ready_made(site, context):
    with serve(site) as base:
        loaded, built = _answers(context, base, True), _answers(context, base, False)
    assert (loaded[0], built[0]) == ("loaded", "built")
    assert loaded[1] == built[1]
    titles = [item["title"] for answer in loaded[1] for group in answer["items"] for item in group]
    assert len(loaded[1]) >= 6 and sum("<mark>" in title for title in titles) > 10, titles[:10]
