"""Plan pages show what the source shows: header lines only where the source has them, its own
item markers, requests as requests, editors' notes, documents named with issuer and date, doubts on lists."""

from __future__ import annotations

import re

import pytest

from macros.knowledge.faithful import header, is_frequency
from tests.conftest import DATA
from tests.htmlcheck import main_text

PLANS = {p.stem: p for p in (DATA / "plans").glob("*.yaml")}


def head_html(site, plan_id: str) -> str:
    html = (site / "ke-hoach" / f"{plan_id}.html").read_text(encoding="utf-8")
    match = re.search(r'<div class="doc-head">.*?</div>\s*</div>', html, re.S)
    return match.group(0) if match else ""


def source_lines(name: str) -> list[str]:
    return [ln.strip().strip("*#").strip() for ln in (DATA / "sources" / name).read_text(encoding="utf-8").splitlines()]


def test_header_parts_read_from_a_source():
    parts = header("\tỦY BAN NHÂN DÂN\nTỈNH A\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                   "Độc lập - Tự do - Hạnh phúc\nSố: 1/KH-UBND\nA, ngày 02 tháng 01 năm 2025\nKẾ HOẠCH\nSố: 9 trong thân bài\n")
    assert parts.issuer == ("ỦY BAN NHÂN DÂN", "TỈNH A") and parts.number == "Số: 1/KH-UBND"
    assert parts.place_date == "A, ngày 02 tháng 01 năm 2025" and len(parts.motto) == 2 and parts.lacks == ()
    bare = header("**KẾ HOẠCH**\nThực hiện…\n")
    assert bare.empty and bare.lacks == ("tên cơ quan ban hành", "số ký hiệu", "quốc hiệu và tiêu ngữ",
                                         "địa danh và ngày tháng")


def test_lao_cai_header_is_the_sources_own_lines(site):
    head = re.sub(r"<[^>]+>", " ", head_html(site, "kh-13-2022-ubnd-lao-cai"))
    words = re.sub(r"\s+", " ", head).strip()
    assert words == ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI Số: 13/KH-UBND CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
                     "Độc lập - Tự do - Hạnh phúc Lào Cai, ngày 17 tháng 01 năm 2022")
    assert "Bản nguồn không có tên cơ quan" not in main_text(site / "ke-hoach" / "kh-13-2022-ubnd-lao-cai.html")


@pytest.mark.parametrize("plan_id,lacks", [
    ("kh-vpubnd-lai-chau-2025", "tên cơ quan ban hành, quốc hiệu và tiêu ngữ"),
    ("kh-ubnd-binh-dinh-2025", "tên cơ quan ban hành, quốc hiệu và tiêu ngữ"),
    ("kh-26-2023-vp-ubnd-tra-vinh", "tên cơ quan ban hành, quốc hiệu và tiêu ngữ"),
])
def test_drafts_without_issuer_line_or_motto_get_no_invented_header(site, plan_id, lacks):
    head = head_html(site, plan_id)
    assert "CỘNG HÒA" not in head and "…" not in head
    number = next(ln for ln in source_lines(PLANS[plan_id].read_text(encoding="utf-8").split("source: ")[1].split()[0])
                  if ln.startswith("Số:"))
    assert number in re.sub(r"<[^>]+>", "", head)  # "Số: /KH-UBND": the blank is the source's
    assert f"Bản nguồn không có {lacks}" in main_text(site / "ke-hoach" / f"{plan_id}.html")


def test_a_source_with_no_header_gets_none(site):
    assert head_html(site, "kh-snnmt-lai-chau-2026") == ""
    text = main_text(site / "ke-hoach" / "kh-snnmt-lai-chau-2026.html")
    assert ("Bản nguồn không có tên cơ quan ban hành, số ký hiệu, quốc hiệu và tiêu ngữ, địa danh và ngày tháng"
            in text)


def test_aims_keep_the_sources_numbering_and_headings(site):
    lao_cai = main_text(site / "ke-hoach" / "kh-13-2022-ubnd-lao-cai.html")
    aims = lao_cai.split("I. MỤC ĐÍCH, YÊU CẦU", 1)[1].split("II. MỤC TIÊU THỰC HIỆN")[0]
    assert "Mục đích" not in aims and "Yêu cầu" not in aims  # the source has no such sub-headings
    assert [m for m in re.findall(r"(?:^| )(\d)\. ", aims)] == ["1", "2", "3", "4"]  # 4., not "Yêu cầu 1."
    binh_dinh = main_text(site / "ke-hoach" / "kh-ubnd-binh-dinh-2025.html")
    assert "1. Mục đích a) Đẩy mạnh" in binh_dinh and "2. Yêu cầu a) Xác định rõ" in binh_dinh


def test_a_request_stays_a_request(site):
    text = main_text(site / "ke-hoach" / "kh-13-2022-ubnd-lao-cai.html")
    assert "9. Đề nghị Ban Dân vận Tỉnh ủy" in text
    assert "kế hoạch đề nghị phối hợp, không giao nhiệm vụ" in text
    assert text.count("không giao nhiệm vụ cho đơn vị này") == 1  # only the request, not the eight assignments


def test_editors_notes_show_marked_as_such(site):
    text = main_text(site / "ke-hoach" / "kh-13-2022-ubnd-lao-cai.html")
    assert "Ghi chú của người biên tập (không phải câu chữ của kế hoạch): Mục 9 phần Tổ chức thực hiện ghi" in text


def test_site_summaries_are_marked(site):
    text = main_text(site / "ke-hoach" / "kh-13-2022-ubnd-lao-cai.html")
    assert "hằng năm (tần suất, không phải thời hạn)" in text
    assert is_frequency("hằng tháng") and not is_frequency("đến năm 2025")
    split = main_text(site / "ke-hoach" / "kh-vpubnd-lai-chau-2025.html")
    assert "(cùng một mục với dòng trên trong nguồn; trang tách làm hai)" in split


def test_lists_name_documents_with_issuer_and_date_and_carry_doubts(site):
    lao_cai = main_text(site / "ke-hoach" / "kh-13-2022-ubnd-lao-cai.html")
    assert "Kế hoạch 83-KH/TU – Tỉnh ủy Lào Cai, 14/12/2021" in lao_cai
    doubt = "Nghị định 149/2018/NĐ-CP – Chính phủ, 19/06/2013 (ngày đáng ngờ: ngày 19/06/2013 sớm hơn năm 2018"
    assert doubt in lao_cai
    assert doubt in main_text(site / "van-ban" / "he-thong.html")
    assert "19/06/2013 (đáng ngờ: ngày 19/06/2013 sớm hơn năm 2018" in main_text(site / "van-ban" / "index.html")
    tra_vinh = main_text(site / "van-ban" / "da-du-lieu-dan-cu-dinh-danh-xac-thuc-dien-tu.html")
    assert "Kế hoạch 13/KH-UBND – Ủy ban nhân dân tỉnh Trà Vinh, 11/02/2022" in tra_vinh


def test_known_doubts_are_shown_as_doubts_not_corrections(site):
    assert "ký hiệu “QĐ” thường là của quyết định" in main_text(site / "van-ban" / "qdi-60-2020-tu-lao-cai.html")
    decree = main_text(site / "van-ban" / "nd-149-2013-cp.html")
    assert "19/06/2013" in decree and "ngày ban hành thật của Nghị định 149/2018/NĐ-CP chưa rõ" in decree
    theme = main_text(site / "chu-de" / "tuyen-truyen.html")
    assert "đều mở đầu phần nhiệm vụ bằng việc quán triệt Kết luận 114" not in theme
    assert "không viện dẫn kết luận này" in theme
    campaign = (site / "phong-trao" / "nong-thon-moi.html").read_text(encoding="utf-8")
    assert "kh-snnmt-lai-chau-2026.html#nv-4" not in campaign
