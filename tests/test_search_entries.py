"""Search entries cut from a rendered page (macros/site/search.py), as Material's parser would cut them."""

from __future__ import annotations

from macros.site.search import page_entries

PAGE = """<h1 id="ke-hoach">Kế hoạch 13/KH-UBND</h1>
<p>Thực hiện Chỉ thị số <a href="x.html">33/<abbr title="Chỉ thị">CT</abbr>-TTg</a> &amp; kế hoạch.</p>
<h2 id="nhiem-vu">II. Nhiệm vụ<a class="headerlink" href="#nhiem-vu">¶</a></h2>
<p>Tuyên truyền</p><ul><li>một</li><li>hai</li></ul>
<h3 id="task-1">1. Cải cách hành chính</h3>
<p>Đẩy mạnh cải cách hành chính, xây dựng chính quyền số phục vụ người dân và doanh nghiệp.</p>
<script>var ignored = 1;</script>
"""
META = {"tags": ["Năm 2022", "Cấp tỉnh"], "search": {"boost": 4}}


def test_page_then_one_entry_per_heading_with_id():
    entries = page_entries(PAGE, "ke-hoach/a.html", "Tiêu đề trang", META)
    assert [e["location"] for e in entries] == ["ke-hoach/a.html", "ke-hoach/a.html#nhiem-vu", "ke-hoach/a.html#task-1"]
    assert entries[0]["title"] == "Kế hoạch 13/KH-UBND"
    assert entries[1]["title"] == "II. Nhiệm vụ"  # the permalink sign is not part of the title


def test_text_keeps_words_whole_and_escaped():
    first, second, third = page_entries(PAGE, "a.html", "T", META)
    assert first["text"] == "Thực hiện Chỉ thị số 33/CT-TTg &amp; kế hoạch."
    assert second["text"] == "Tuyên truyền một hai"
    assert "ignored" not in third["text"]


def test_tags_on_the_page_entry_only_and_boost_on_all():
    entries = page_entries(PAGE, "a.html", "T", META)
    assert entries[0]["tagwords"] == "Năm 2022 · Cấp tỉnh"  # found by them; not shown as chips
    assert all("tags" not in e for e in entries) and all("tagwords" not in e for e in entries[1:])
    assert {e["boost"] for e in entries} == {4}


def test_at_scale_sections_stop_at_the_depth_and_text_is_cut():
    entries = page_entries(PAGE, "a.html", "T", META, text_limit=30, depth=2)
    assert [e["location"] for e in entries] == ["a.html", "a.html#nhiem-vu"]
    assert all(len(e["text"]) <= 32 for e in entries)
    assert entries[1]["text"].endswith("…")
    only_page = page_entries(PAGE, "a.html", "T", META, text_limit=30, depth=1)
    assert [e["location"] for e in only_page] == ["a.html"]


def test_quick_index_names_each_page_but_drafts_and_the_full_index_keeps_every_entry(tmp_path):
    """The file every page loads first holds what names a page (title, number, aliases) and no text;
    drafts and sections wait for the full index, which is written beside it unchanged."""
    import json
    import re

    from macros.site.adapter import SEARCH_INDEX, SearchIndexFile
    from macros.site.search_files import read_full_index, write_index_files

    docs = [
        {"location": "co-quan/so-noi-vu.html", "title": "Sở Nội vụ", "text": "Nhiệm vụ của sở " * 50,
         "keys": "_sonoivu", "also": "Sở Nội vụ tỉnh Lào Cai", "boost": 8, "fold": "_so _noi _vu _nhiem"},
        {"location": "co-quan/so-noi-vu.html#nhiem-vu", "title": "Nhiệm vụ", "text": "Tham mưu"},
        {"location": "thuat-ngu.html#ubnd", "title": "UBND", "text": "Ủy ban nhân dân", "keys": "ubnd _ubnd"},
        {"location": "soan-ke-hoach/kh-1/so-noi-vu.html", "title": "Kế hoạch của Sở Nội vụ", "text": "Dự thảo",
         "keys": "ke hoach cua so noi vu"},
    ]
    config = {"lang": ["vi"], "separator": r"[\s\-]+", "pipeline": [],
              "fields": {"title": {"boost": 1000}, "keys": {"boost": 1000}, "also": {"boost": 300},
                         "text": {"boost": 1}, "fold": {"boost": 0.01}}}
    (tmp_path / "search").mkdir()
    (tmp_path / SEARCH_INDEX).write_text(json.dumps({"config": config, "docs": docs}), encoding="utf-8")
    index = SearchIndexFile.read(tmp_path)
    write_index_files(index, lambda location: location.startswith("soan-ke-hoach/"))

    quick = json.loads((tmp_path / SEARCH_INDEX).read_text(encoding="utf-8"))
    assert [e["location"] for e in quick["docs"]] == ["co-quan/so-noi-vu.html", "thuat-ngu.html#ubnd"]
    page = quick["docs"][0]
    assert page["text"] == "" and page["boost"] == 8 and page["also"] == "Sở Nội vụ tỉnh Lào Cai"
    assert set(page["fold"].split()) == {"_so", "_noi", "_vu", "_tinh", "_lao", "_cai"}  # names typed plain
    assert set(quick["config"]["fields"]) == {"title", "keys", "also", "fold"}
    assert read_full_index(tmp_path).docs == docs
    assert re.fullmatch(r"var __searchFull = \{.*\}", (tmp_path / "search" / "search_full.js").read_text(encoding="utf-8"))


def test_at_scale_a_plan_is_found_first_by_its_number_and_names_not_by_its_issuer(tmp_path):
    """Above `search_full_text_plans` a plan's quick entry drops `also` (issuer, place, full title words);
    the full index keeps them."""
    import json

    from macros.site.adapter import SEARCH_INDEX, SearchIndexFile
    from macros.site.search_files import read_full_index, write_index_files

    plan = {"location": "ke-hoach/kh-13.html", "title": "Kế hoạch 13/KH-UBND", "text": "Tóm tắt",
            "keys": "ke hoach _kehoach13khubnd", "also": "Ủy ban nhân dân xã Hiệp Long uy ban nhan dan xa hiep long"}
    config = {"separator": r"[\s\-/]+", "fields": {"title": {}, "keys": {}, "also": {}, "text": {}}}
    (tmp_path / "search").mkdir()
    (tmp_path / SEARCH_INDEX).write_text(json.dumps({"config": config, "docs": [plan]}), encoding="utf-8")
    write_index_files(SearchIndexFile.read(tmp_path), lambda location: False, {"ke-hoach/kh-13.html"}.__contains__)

    (quick,) = json.loads((tmp_path / SEARCH_INDEX).read_text(encoding="utf-8"))["docs"]
    assert "also" not in quick and quick["keys"] == plan["keys"]
    assert set(quick["fold"].split()) == {"_ke", "_hoach", "_13", "_kh", "_ubnd"}
    assert read_full_index(tmp_path).docs == [plan]
