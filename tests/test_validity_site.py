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


def test_the_law_that_replaced_it_is_in_force_from_its_stated_day(site):
    assert "Hiệu lực Còn hiệu lực" in main_text(site / LUAT10)
    assert "01/07/2023 Có hiệu lực" in main_text(site / LUAT10)


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
    row = re.search(r"Hiệu lực (Còn hiệu lực|Hết hiệu lực|Đã hết thời hạn thực hiện|Chưa xác định)", text)
    assert row, doc_id
    assert re.search(r"tại ngày đối chiếu 05/12/2026\. Căn cứ: \S", text), doc_id
    if row.group(1) == "Chưa xác định":
        assert "Chưa rõ: " in text, doc_id  # says what is missing


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
    assert state["kh-83-2021-tu-lao-cai.html"] == "het" and state["ct-33-2021-ttg.html"] == "chua-ro"
    text = main_text(site / "van-ban" / "index.html")
    assert "Hết hiệu lực từ 01/07/2023 (thay bằng Luật 10/2022/QH15)" in text
    assert "Còn hiệu lực, đã được sửa đổi, bổ sung (bởi Nghị định 107/2021/NĐ-CP)" in text


def test_hierarchy_marks_texts_no_longer_in_force(site):
    text = main_text(site / "van-ban" / "he-thong.html")
    assert ("Pháp lệnh 34/2007/PL-UBTVQH11 – Ủy ban Thường vụ Quốc hội, 20/04/2007 (đã hết hiệu lực từ 01/07/2023, "
            "thay bằng Luật 10/2022/QH15)") in text


def test_plans_index_says_which_plans_periods_ended(site):
    text = main_text(site / "ke-hoach" / "index.html")
    row = text.split("Kế hoạch (chưa số) – Ủy ban nhân dân tỉnh Bình Định, năm 2025:")[1][:200]
    assert "Đã hết thời hạn thực hiện (kỳ kết thúc 31/12/2025)" in row
    lao_cai = text.split("Kế hoạch 13/KH-UBND – Ủy ban nhân dân tỉnh Lào Cai, 17/01/2022:")[1][:200]
    assert "Còn hiệu lực" in lao_cai
