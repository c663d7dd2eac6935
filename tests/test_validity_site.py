"""Status over time as a reader sees it on the built site: document pages, lists, flags on plan pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import DATA
from tests.htmlcheck import link_targets, main_text

DOCS = sorted(p.stem for p in (DATA / "documents").glob("*.yaml"))
LAO_CAI = "ke-hoach/kh-13-2022-ubnd-lao-cai.html"
PL34 = "van-ban/pl-34-2007-ubtvqh.html"
LUAT10 = "van-ban/luat-10-2022-qh15.html"


def flags(path: Path) -> list[str]:
    """The text of every status mark on a page, with what it links to."""
    html = path.read_text(encoding="utf-8")
    return [re.sub(r"<[^>]+>", "", m) for m in re.findall(r'<span class="status-flag">(.*?)</span>', html)]


def test_pl34_has_ceased_with_the_replacing_law_linked(site):
    text = main_text(site / PL34)
    assert "Hiệu lực Hết hiệu lực từ 01/07/2023 (thay bằng Luật 10/2022/QH15)" in text
    assert "van-ban/luat-10-2022-qh15.html" in link_targets(site, site / PL34)
    assert "Bị thay thế bởi Luật 10/2022/QH15" in text


def test_the_law_that_replaced_it_is_in_force_and_names_the_recent_plan_that_applies_it(site):
    text = main_text(site / LUAT10)
    # amended on 01/07/2025 (data/validity.yaml), still applied by a 2026 plan
    assert "Hiệu lực Đã được sửa đổi, bổ sung, còn hiệu lực (được áp dụng năm 2026)" in text
    assert "van-ban/luat-97-2025-qh15.html" in link_targets(site, site / LUAT10)  # the amending law
    assert "01/07/2023 Có hiệu lực" in text
    assert "ke-hoach/kh-snnmt-lai-chau-2026.html" in link_targets(site, site / LUAT10)  # what it rests on


def test_chi_thi_33_is_in_force_because_a_2026_plan_applies_it(site):
    text = main_text(site / "van-ban" / "ct-33-2021-ttg.html")
    assert "Hiệu lực Còn hiệu lực (được áp dụng năm 2026)" in text
    assert "Dựa trên: Kế hoạch (chưa số) – Sở Nông nghiệp và Môi trường tỉnh Lai Châu (năm 2026)" in text


STATES = r"(Còn hiệu lực|Đã được sửa đổi, bổ sung|Chưa ghi nhận văn bản thay thế|Hết hiệu lực|Đã hết thời hạn thực hiện|Chưa xác định)"


def test_the_lao_cai_plan_flags_pl34_where_it_is_cited_without_changing_the_quote(site):
    html = (site / LAO_CAI).read_text(encoding="utf-8")
    assert "(đã hết hiệu lực từ 01/07/2023, thay bằng Luật 10/2022/QH15)" in flags(site / LAO_CAI)
    assert "(đã hết thời hạn thực hiện, kỳ kết thúc 31/12/2025)" in flags(site / LAO_CAI)  # Kế hoạch 83-KH/TU, 2021-2025
    # the flag stands after the cited number; the source's words around it are all still there
    text = main_text(site / LAO_CAI)
    quoted = ("Pháp lệnh số 34/2007/PL-UBTVQH11 ngày 20/4/2007 của Ủy ban Thường vụ Quốc hội về thực hiện dân chủ "
              "ở xã, phường, thị trấn")
    unflagged = re.sub(r" \(đã hết hiệu lực từ [^)]*\)", "", text)
    assert quoted in unflagged and quoted not in text
    assert html.count("pl-34-2007-ubtvqh.html") >= 2  # the citation in the task text and the cited list


def test_plans_that_cite_only_current_bases_carry_no_ceased_flag(site):
    for path in (site / "ke-hoach").glob("*.html"):
        if path.name != "index.html" and "34/2007" not in main_text(path):
            assert not any("hết hiệu lực" in f for f in flags(path)), path.name


@pytest.mark.parametrize("doc_id", DOCS)
def test_every_document_page_shows_a_status_and_its_basis(site, doc_id):
    text = main_text(site / "van-ban" / f"{doc_id}.html")
    row = re.search(r"Hiệu lực " + STATES + r"(.*?) · căn cứ", text)
    assert row, doc_id
    assert re.search(r"tại ngày đối chiếu 05/12/2026\. Căn cứ: \S", text), doc_id
    if row.group(1) == "Chưa xác định":
        assert "Chưa rõ: " in text, doc_id  # says what is missing
    else:
        assert "Dựa trên: " in text, doc_id  # every other status names what it rests on
    if row.group(1) == "Còn hiệu lực":  # never the bare words: with the day of the text confirming it
        assert row.group(2).startswith((" (được áp dụng ", " (xác nhận ")), doc_id
    if row.group(1) == "Chưa ghi nhận văn bản thay thế":
        assert row.group(2).startswith(" tính đến 05/12/2026"), doc_id


def test_plans_and_programmes_whose_stated_period_ended_are_not_left_unknown(site):
    for doc_id in DOCS:
        record = yaml.safe_load((DATA / "documents" / f"{doc_id}.yaml").read_text(encoding="utf-8"))
        title = record.get("title") or ""
        span = re.search(r"giai đoạn (\d{4}) ?[-–] ?(\d{4})", title)
        if record["type"] in {"ke-hoach", "chuong-trinh", "de-an"} and span and int(span.group(2)) < 2026:
            assert "Hiệu lực Đã hết thời hạn thực hiện" in main_text(site / "van-ban" / f"{doc_id}.html"), doc_id
    assert "Đã hết thời hạn thực hiện" in main_text(site / "ke-hoach" / "kh-ubnd-binh-dinh-2025.html")


def test_documents_index_marks_and_filters_by_status(site):
    html = (site / "van-ban" / "index.html").read_text(encoding="utf-8")
    items = re.findall(r'<li data-loai="[^"]*"[^>]*data-hieu-luc="([^"]*)">\s*<a href="([^"]+)"', html)
    state = {href.rsplit("/", 1)[-1]: value for value, href in items}
    assert state["pl-34-2007-ubtvqh.html"] == "het" and state["luat-10-2022-qh15.html"] == "con"
    assert state["kh-83-2021-tu-lao-cai.html"] == "het" and state["ct-33-2021-ttg.html"] == "con"
    assert {"con", "het", "chua-ro"} <= set(state.values())
    options = re.findall(r'<option value="(con|het|chua-ro|chua-ghi-nhan)">', html)
    assert set(state.values()) <= set(options)  # every value a row carries can be chosen
    text = main_text(site / "van-ban" / "index.html")
    assert "Hết hiệu lực từ 01/07/2023 (thay bằng Luật 10/2022/QH15)" in text


def test_hierarchy_marks_texts_no_longer_in_force(site):
    text = main_text(site / "van-ban" / "he-thong.html")
    assert ("Pháp lệnh 34/2007/PL-UBTVQH11 – Ủy ban Thường vụ Quốc hội, 20/04/2007 (đã hết hiệu lực từ 01/07/2023, "
            "thay bằng Luật 10/2022/QH15)") in text


def test_plans_index_says_which_plans_periods_ended(site):
    text = main_text(site / "ke-hoach" / "index.html")
    row = text.split("Kế hoạch (chưa số) – Ủy ban nhân dân tỉnh Bình Định, năm 2025:")[1][:400]
    assert "Đã hết thời hạn thực hiện (kỳ kết thúc 31/12/2025)" in row
    lao_cai = text.split("Kế hoạch 13/KH-UBND – Ủy ban nhân dân tỉnh Lào Cai, 17/01/2022:")[1][:200]
    assert "Chưa ghi nhận văn bản thay thế tính đến 05/12/2026" in lao_cai  # its period runs to 2026


MERGED_AWAY = {"Bình Định": "Gia Lai", "Trà Vinh": "Vĩnh Long"}  # provinces merged under another name on 01/07/2025


def _ended_names() -> set[str]:
    """Names of the bodies of the two provinces merged away, read from the organisation files."""
    names = set()
    for path in (DATA / "organisations").glob("*.yaml"):
        for org in yaml.safe_load(path.read_text(encoding="utf-8"))["organisations"]:
            if org.get("province") in MERGED_AWAY:
                names.add(org["name"])
    return names


def test_every_link_to_a_body_that_ended_says_so_beside_it(site):
    from html import escape

    names, seen = _ended_names(), 0
    pages = [*site.glob("van-ban/*.html"), *site.glob("ke-hoach/*.html"), site / "co-quan.html",
             site / "ke-hoach" / "lich-bao-cao.html"]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for name in names:
            link = r'<a href="[^"]*co-quan(?:\.html#|/)[^"]*">' + re.escape(escape(name, quote=False)) + r"</a>"
            for found in re.finditer(link, html):
                seen += 1
                after = html[found.end():]
                assert after.startswith((' <span class="status-flag">(thôi tồn tại từ 01/07/2025',
                                         " (thôi tồn tại từ 01/07/2025")), (page.name, name)
    assert seen > 20


def test_the_organisations_page_shows_the_2025_chains(site):
    text = main_text(site / "co-quan.html")
    for old, new in MERGED_AWAY.items():
        assert f"Tỉnh {old} → tỉnh {new}, từ 01/07/2025 — theo Nghị quyết số 60-NQ/TW" in text
        assert (f"Ủy ban nhân dân tỉnh {old} → (hợp nhất, 01/07/2025) → Ủy ban nhân dân tỉnh {new}") in text
    assert "Tỉnh Yên Bái → tỉnh Lào Cai" in text and "Tỉnh Lào Cai → tỉnh Lào Cai (tỉnh mới cùng tên, gồm cả Yên Bái)" in text
    assert "Tỉnh Lai Châu: không sắp xếp" in text
    assert "Ban Dân tộc tỉnh Lào Cai → (đổi tên, 03/03/2025) → Sở Dân tộc và Tôn giáo tỉnh Lào Cai" in text
    plan = main_text(site / LAO_CAI)  # the 2022 plan names the Ban; read in 2026 it says who carries the work
    assert ("Ban Dân tộc tỉnh Lào Cai (thôi tồn tại từ 03/03/2025; kế thừa: Sở Dân tộc và Tôn giáo tỉnh Lào Cai)"
            in plan)
    assert "Sở Nội vụ tỉnh Bình Định → (tỉnh Bình Định sắp xếp vào tỉnh Gia Lai, 01/07/2025) → chưa ghi nhận cơ quan kế thừa" in text


def test_lists_by_province_follow_the_successor(site):
    plans = main_text(site / "ke-hoach" / "index.html")
    assert "Gia Lai Kế hoạch Cơ quan ban hành" in plans and "Vĩnh Long Kế hoạch Cơ quan ban hành" in plans
    assert "Bình Định Kế hoạch Cơ quan ban hành" not in plans
    calendar = main_text(site / "ke-hoach" / "lich-bao-cao.html")
    assert "Gia Lai: 4 hạn có ngày" in calendar and "Bình Định:" not in calendar
    assert (site / "lich" / "tinh-gia-lai.ics").is_file() and not (site / "lich" / "tinh-binh-dinh.ics").exists()


def test_no_reminder_is_sent_to_a_body_that_had_ended_by_its_day(site):
    from icalendar import Calendar

    events = Calendar.from_ical((site / "lich" / "tinh-gia-lai.ics").read_bytes()).walk("VEVENT")
    late = [e for e in events if e.decoded("dtstart").isoformat() >= "2025-07-01"]
    assert late  # the Bình Định plan's reports of September and November 2025
    for event in late:
        to = next(line for line in str(event["description"]).splitlines() if line.startswith("Gửi: "))
        assert to.startswith("Gửi: Ủy ban nhân dân tỉnh Gia Lai (kế thừa Ủy ban nhân dân tỉnh Bình Định"), to
        assert "Sở Nội vụ tỉnh Bình Định (thôi tồn tại từ 01/07/2025; chưa ghi nhận cơ quan kế thừa)" in to


def test_open_data_carries_the_status_what_it_rests_on_and_the_organisations_over_time(site):
    import json

    import jsonschema

    data = json.loads((site / "du-lieu" / "tat-ca.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "schema" / "open-data.schema.json").read_text(encoding="utf-8"))
    docs = {d["id"]: d for d in data["documents"]}
    orgs = {o["id"]: o for o in data["organisations"]}
    for record in [docs["ct-33-2021-ttg"], docs["nd-61-2018-cp"], orgs["ubnd-binh-dinh"]]:
        extras = {k: record[k] for k in ("as_of", "status", "organisation", "provenance") if k in record}
        jsonschema.validate(extras, schema)
    ct33 = docs["ct-33-2021-ttg"]["status"]
    assert ct33["usable_as_basis"] and ct33["sourced"] and "kh-snnmt-lai-chau-2026" in ct33["note"] + str(ct33["rests_on"])
    nd61 = docs["nd-61-2018-cp"]["status"]
    assert (nd61["state"], nd61["kind"], nd61["by"], nd61["usable_as_basis"]) == ("ceased", "replaced", ["nd-118-2025-cp"], False)
    assert nd61["note"] == "đã được thay thế bởi Nghị định 118/2025/NĐ-CP từ 01/07/2025"
    assert all(e.get("quote") and e.get("where") for e in nd61["rests_on"])
    assert orgs["ubnd-binh-dinh"]["organisation"]["successor"] == "ubnd-gia-lai"
    assert orgs["ubnd-gia-lai"]["organisation"] == {"exists": True, "ended": None, "successor": None,
                                                    "predecessors": ["ubnd-binh-dinh"]}


def test_no_draft_names_a_body_that_ended_without_saying_so(site):
    ended = set()
    for path in (DATA / "organisations").glob("*.yaml"):
        for org in yaml.safe_load(path.read_text(encoding="utf-8"))["organisations"]:
            if org.get("ended") or org.get("province") in MERGED_AWAY:
                ended.add(org["name"])
    drafts = sorted((site / "soan-ke-hoach").rglob("*.txt"))
    assert drafts
    for path in drafts:
        text = path.read_text(encoding="utf-8")
        for name in ended:
            for found in re.finditer(re.escape(name), text):
                around = text[max(0, found.start() - 80):found.end() + 60]
                said = re.search(r"thôi tồn tại|kế thừa|\(đã (hợp nhất|sáp nhập|đổi tên|giải thể)", around)
                assert said, (path.name, name)


def test_drafts_index_lists_bodies_under_the_province_of_today(site):
    text = main_text(site / "soan-ke-hoach" / "index.html")
    gia_lai = text[text.index("Gia Lai"):]
    assert "Ủy ban nhân dân tỉnh Gia Lai Kế hoạch năm 2027" in gia_lai
    assert "Ủy ban nhân dân tỉnh Bình Định: " in gia_lai  # listed under Gia Lai as getting no draft, with why
    for old in MERGED_AWAY:
        assert f"\n{old}\n" not in text and not re.search(rf"(^|\s){old} Cơ quan, đơn vị", text)
