"""Provenance: every field of every document, plan, organisation and relation says where it comes from."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest

from macros.data.loader import load
from macros.knowledge.index import SiteIndex
from tests.conftest import DATA
from tests.htmlcheck import main_text
from tests.minidata import write_minidata



@pytest.fixture(scope="module")
def index():
    """The real data's index (loaded by a fixture: a data error fails tests, not their collection)."""
    return SiteIndex(load(DATA))


# List fields whose items each carry their own source (a task, a relation); other lists are one fact.
PER_ITEM = {
    "documents": {"co_issuers", "aliases", "relations"},
    "plans": {"implements", "purposes", "requirements", "recipients", "targets", "tasks", "assignments", "footnotes"},
    "organisations": {"aliases"},
}
NESTED = {"plans": {"headings"}}


def expected_keys(kind: str, record) -> list[str]:
    """The fields a record holds, walked from the model (not from the provenance code)."""
    keys = []
    for name in type(record).model_fields:
        value = getattr(record, name)
        if value in (None, [], ""):
            continue
        if name in NESTED.get(kind, ()):
            keys += [f"{name}.{sub}" for sub in type(value).model_fields]
        elif name in PER_ITEM[kind]:
            keys += [f"{name}[{i}]" for i in range(len(value))]
        else:
            keys.append(name)
    return keys


KINDS = ("documents", "plans", "organisations")


def simple(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("*", "").replace("“", "").replace("”", "").replace('"', "")
    return re.sub(r"\s+", " ", text).casefold()


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_of_every_record_has_a_source(index, kind):
    for record_id, record in getattr(index.data, kind).items():
        provenance = index.provenance.of(record_id)
        for key in expected_keys(kind, record):
            found = provenance.get(key)
            assert found is not None, f"{record_id}: {key} has no source"
            assert found.note
        if found.kind == "nguon":
            lines = (DATA.parent / found.file).read_text(encoding="utf-8").splitlines()
            assert 1 <= found.line <= len(lines), (record_id, key)
        if found.kind == "bo-sung":
            assert found.document and (found.article or found.where), (record_id, key)  # a news text has no article


def test_a_source_line_holds_the_value_it_is_cited_for(index):
    """Spot checks against the source files, read here without the provenance code."""
    cases = [("pl-34-2007-ubtvqh", "number", "34/2007/PL-UBTVQH11"), ("pl-34-2007-ubtvqh", "date", "20/4/2007"),
             ("luat-10-2022-qh15", "effective", "01/7/2023"), ("kh-13-2022-ubnd-lao-cai", "number", "13/KH-UBND"),
             ("kh-13-2022-ubnd-lao-cai", "tasks[3]", "tiếp dân và giải quyết khiếu nại"),
             ("ct-49-2015-tw", "title", "Nâng cao hiệu quả công tác dân vận của Đảng")]
    for record_id, key, value in cases:
        found = index.provenance.of(record_id)[key]
        lines = (DATA.parent / found.file).read_text(encoding="utf-8").splitlines()
        assert simple(value) in simple(" ".join(lines[found.line - 1: found.line + 1])), (record_id, key)


def test_the_end_of_pl34_is_an_added_fact_naming_its_article(index):
    found = index.provenance.of("luat-10-2022-qh15")["relations[0]"]
    assert (found.kind, found.document, found.article) == (
        "bo-sung", "Luật số 10/2022/QH15 (Luật Thực hiện dân chủ ở cơ sở)", "Điều 91 (Hiệu lực thi hành), khoản 2")
    added = index.provenance.added()
    assert ("luat-10-2022-qh15", "relations[0]") in [(r, f) for r, f, _ in added]
    assert all(p.where for _, _, p in added)  # every added fact says where it was read (issue 23)


def test_a_value_no_source_states_is_reported_missing(tmp_path):
    root = write_minidata(tmp_path / "data")
    (root / "sources" / "a.txt").write_text("KẾ HOẠCH\nThực hiện công tác dân vận chính quyền năm 2025\n"
                                            "Quán triệt Chỉ thị số 33/CT-TTg ngày 26/11/2021.\n"
                                            "1. Tuyên truyền\nSở Nội vụ: Theo dõi, đôn đốc.\n", encoding="utf-8")
    ix = SiteIndex(load(root))
    doc = ix.provenance.of("ct-33-2021-ttg")
    assert (doc["number"].kind, doc["number"].line) == ("nguon", 3)
    assert (doc["date"].kind, doc["date"].line) == ("nguon", 3)
    assert doc["title"] is None  # the mini source does not quote the title
    assert ("ct-33-2021-ttg", "title") in ix.provenance.missing()


def test_open_data_carries_status_as_of_and_provenance(site):
    record = json.loads((site / "du-lieu" / "van-ban" / "pl-34-2007-ubtvqh.json").read_text(encoding="utf-8"))
    assert record["as_of"] == "2026-12-05"
    assert record["status"]["state"] == "ceased" and record["status"]["since"] == "2023-07-01"
    assert record["status"]["by"] == ["luat-10-2022-qh15"]
    assert record["provenance"]["number"]["file"] == "data/sources/002_1409461a94ad2694.txt"
    everything = json.loads((site / "du-lieu" / "tat-ca.json").read_text(encoding="utf-8"))
    assert everything["as_of"] == "2026-12-05"
    law = next(d for d in everything["documents"] if d["id"] == "luat-10-2022-qh15")
    assert law["provenance"]["relations[0]"]["kind"] == "bo-sung"
    schema = json.loads((site / "schema" / "open-data.schema.json").read_text(encoding="utf-8"))
    assert {"as_of", "status", "provenance"} <= set(schema["properties"])


def test_pages_mark_added_facts_and_the_review_page_lists_them(site):
    law = (site / "van-ban" / "luat-10-2022-qh15.html").read_text(encoding="utf-8")
    assert "<strong>bổ sung</strong> theo Luật số 10/2022/QH15 (Luật Thực hiện dân chủ ở cơ sở), Điều 91" in law
    pl34 = (site / "van-ban" / "pl-34-2007-ubtvqh.html").read_text(encoding="utf-8")
    assert ("Dựa trên: Luật số 10/2022/QH15 (Luật Thực hiện dân chủ ở cơ sở), Điều 91 (Hiệu lực thi hành), khoản 2 "
            "(có hiệu lực từ 01/07/2023) — “2. Pháp lệnh số 34/2007/PL-UBTVQH11") in main_text(
        site / "van-ban" / "pl-34-2007-ubtvqh.html")  # the added fact the status rests on, with its words
    assert 'id="nguon-du-lieu"' in pl34
    assert ("Số ký hiệu: văn bản gốc của Kế hoạch 13/KH-UBND – Ủy ban nhân dân tỉnh Lào Cai, 17/01/2022, dòng 41"
            in main_text(site / "van-ban" / "pl-34-2007-ubtvqh.html"))
    assert "van-ban-goc/kh-13-2022-ubnd-lao-cai.html#L41" in pl34
    line = (site / "ke-hoach" / "van-ban-goc" / "kh-13-2022-ubnd-lao-cai.html").read_text(encoding="utf-8")
    assert re.search(r'<p id="L41">[^<]*Pháp lệnh số 34/2007/PL-UBTVQH11', line)
    review = (site / "nguon-bo-sung.html").read_text(encoding="utf-8")
    assert "Sự kiện bổ sung (" in review and "Điều 91 (Hiệu lực thi hành), khoản 2" in review
    assert "Thay thế Pháp lệnh 34/2007/PL-UBTVQH11 – Ủy ban Thường vụ Quốc hội, 20/04/2007" in main_text(
        site / "nguon-bo-sung.html")


def test_a_type_the_source_misspells_is_derived_from_the_number_not_claimed_as_read(index):
    found = index.provenance.of("qc-8-2019-tu-binh-dinh")["type"]  # the source writes "Quyết chế số 08-QC/TU"
    assert (found.kind, found.note.split(";")[0]) == ("suy-ra", "Suy từ ký hiệu QC trong số hiệu 08-QC/TU")
    assert index.provenance.of("ct-33-2021-ttg")["type"].kind == "nguon"  # "Chỉ thị số 33/CT-TTg"
