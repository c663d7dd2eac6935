"""Each body's plan for the year ahead: who gets one, headed and signed as its kind, text carried verbatim.

Synthetic data: a provincial plan for 2026 - 2028 assigning work to five kinds of unit (a Sở, the
provincial Office, a phòng of that Office, a commune People's Committee, "các sở, ban, ngành" as a
group with one Sở named nowhere else), a Sở merged before the data's date, and the Office's own
plan for 2026. Expected values are written out here, not recomputed with the drafting code.
"""

from __future__ import annotations

import re
import zipfile
import io

import pytest

from macros.data.loader import load
from macros.drafting.guide import Drafting
from macros.drafting.plaintext import to_bytes
from macros.drafting.word import to_docx
from macros.knowledge.index import SiteIndex
from macros.site.render import Renderer
from tests.conftest import DATA, build_site
from tests.docxread import cell_lines, open_docx, paragraphs
from tests.draftcheck import blanks, carried_paras, stands_in, unit_recipients_ok
from tests.htmlcheck import link_targets, main_text
from tests.minidata import extend, one_task_plan

PLAN, OWN = "kh-5-2026-ubnd-a", "kh-3-2026-vp-a"

ORGS = """\
  - {id: so-noi-vu-a, name: Sở Nội vụ tỉnh A, kind: nha-nuoc, level: so-nganh, parent: ubnd-a, province: A}
  - {id: so-tai-chinh-a, name: Sở Tài chính tỉnh A, kind: nha-nuoc, level: so-nganh, parent: ubnd-a, province: A}
  - {id: vp-ubnd-a, name: Văn phòng Ủy ban nhân dân tỉnh A, short_name: VP UBND tỉnh A, kind: nha-nuoc, level: so-nganh, parent: ubnd-a, province: A}
  - {id: phong-hc-vp-a, name: "Phòng Hành chính - Tổ chức, Văn phòng Ủy ban nhân dân tỉnh A", kind: nha-nuoc, level: so-nganh, parent: vp-ubnd-a, province: A}
  - {id: ubnd-xa-b, name: Ủy ban nhân dân xã B, short_name: UBND xã B, kind: nha-nuoc, level: xa, parent: ubnd-a, province: A}
  - id: so-ttt-a
    name: Sở Thông tin và Truyền thông tỉnh A
    kind: nha-nuoc
    level: so-nganh
    parent: ubnd-a
    province: A
    ended:
      date: "2025-03-01"
      change: hop-nhat
      successor: so-khcn-a
      source: {document: Nghị quyết số 1/NQ-HĐND tỉnh A, article: Điều 1}
  - {id: so-khcn-a, name: Sở Khoa học và Công nghệ tỉnh A, kind: nha-nuoc, level: so-nganh, parent: ubnd-a, province: A}
  - {id: ubnd-c, name: Ủy ban nhân dân tỉnh C, kind: nha-nuoc, level: tinh, province: C}
  - {id: so-noi-vu-c, name: Sở Nội vụ tỉnh C, kind: nha-nuoc, level: so-nganh, parent: ubnd-c, province: C}
"""
MERGED = "kh-9-2025-ubnd-c"
MERGED_YAML = one_task_plan(MERGED, "ubnd-c", "9/KH-UBND", "2025-01-09", """\
  - id: th-1
    unit: so-noi-vu-c
    unit_text: Sở Nội vụ
    duties: [Theo dõi, đôn đốc việc thực hiện Kế hoạch này.]
""")

DUTIES = {
    "so-noi-vu-a": ["Tham mưu giúp UBND tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch này."],
    "vp-ubnd-a": ["Văn phòng UBND tỉnh đăng tải Kế hoạch trên Cổng thông tin điện tử tỉnh."],
    "phong-hc-vp-a": ["Phòng Hành chính - Tổ chức bố trí hội trường cho các hội nghị đối thoại."],
    "ubnd-xa-b": ["Ủy ban nhân dân xã B tổ chức đối thoại với Nhân dân ít nhất 01 lần trong năm."],
    "group": ["Các sở, ban, ngành xây dựng kế hoạch thực hiện công tác dân vận chính quyền hằng năm.",
              "Phối hợp với Sở Nội vụ kiểm tra công tác dân vận chính quyền."],
}
PLAN_YAML = f"""\
id: {PLAN}
source: a.txt
issuer: ubnd-a
number: 5/KH-UBND
place: A
date: 2026-01-10
title: Thực hiện công tác dân vận chính quyền giai đoạn 2026 - 2028
period: {{start: 2026, end: 2028}}
implements: [ct-33-2021-ttg]
purposes:
  - Nâng cao nhận thức của cán bộ, công chức về công tác dân vận.
targets:
  - id: ct-1
    text: 100% cơ quan, đơn vị xây dựng kế hoạch công tác dân vận chính quyền hằng năm.
    themes: [tuyen-truyen]
  - id: ct-2
    text: Phấn đấu đến năm 2025, 100% xã, phường có mô hình “Dân vận khéo”.
    themes: [tuyen-truyen]
  - id: ct-3
    text: Đến năm 2025, 100% cán bộ, công chức được bồi dưỡng về công tác dân vận.
    themes: [tuyen-truyen]
tasks:
  - id: nv-1
    number: "1"
    title: Tuyên truyền
    text: |
      Các cơ quan, đơn vị quán triệt Chỉ thị số 33/CT-TTg ngày 26/11/2021 trong giai đoạn 2026 - 2028.
    themes: [tuyen-truyen]
  - id: nv-2
    number: "2"
    title: Báo chí
    text: |
      Cơ quan báo chí tăng cường tuyên truyền công tác dân vận.
    themes: [tuyen-truyen]
assignments:
  - id: th-1
    number: "1"
    unit: so-noi-vu-a
    unit_text: Sở Nội vụ
    duties: {DUTIES["so-noi-vu-a"]}
    reports:
      - {{text: báo cáo 6 tháng, period: 6-thang, due: ["06-10"], to: ubnd-a}}
  - id: th-2
    number: "2"
    unit: vp-ubnd-a
    unit_text: Văn phòng UBND tỉnh
    duties: {DUTIES["vp-ubnd-a"]}
  - id: th-3
    number: "3"
    unit: phong-hc-vp-a
    unit_text: Phòng Hành chính - Tổ chức
    duties: {DUTIES["phong-hc-vp-a"]}
  - id: th-4
    number: "4"
    unit: ubnd-xa-b
    unit_text: UBND xã B
    duties: {DUTIES["ubnd-xa-b"]}
  - id: th-5
    number: "5"
    unit_text: Các sở, ban, ngành
    duties: {DUTIES["group"] + ["Định kỳ 06 tháng (trước ngày 10 tháng 6 hằng năm) báo cáo UBND tỉnh (qua Sở Nội vụ)."]}
    reports:
      - {{text: "Định kỳ 06 tháng (trước ngày 10 tháng 6 hằng năm) báo cáo UBND tỉnh (qua Sở Nội vụ)", period: 6-thang, due: ["06-10"], to: ubnd-a, via: so-noi-vu-a}}
  - id: th-6
    number: "6"
    unit: so-ttt-a
    unit_text: Sở Thông tin và Truyền thông
    duties: ["Sở Thông tin và Truyền thông tuyên truyền Kế hoạch này."]
recipients:
  - Bộ Nội vụ
  - Các sở, ban, ngành
  - "Lưu: VT."
signer: {{on_behalf: ỦY BAN NHÂN DÂN, deputy_for: CHỦ TỊCH, title: PHÓ CHỦ TỊCH, name: Nguyễn Văn A}}
"""
OWN_YAML = f"""\
id: {OWN}
source: b.txt
issuer: vp-ubnd-a
number: 3/KH-VPUBND
place: A
date: 2026-02-01
title: Triển khai, thực hiện công tác dân vận chính quyền năm 2026
period: {{start: 2026, end: 2026}}
implements: [{PLAN}]
preamble: |
  Thực hiện Kế hoạch số 5/KH-UBND ngày 10/01/2026 của UBND tỉnh; Văn phòng UBND tỉnh xây dựng kế hoạch như sau:
purposes:
  - Nâng cao hiệu quả công tác dân vận chính quyền của cơ quan Văn phòng năm 2026.
targets:
  - id: ct-1
    text: Phấn đấu đến năm 2025, 100% công chức được bồi dưỡng kiến thức về dân vận.
    themes: [tuyen-truyen]
tasks:
  - id: nv-1
    number: "1"
    title: Tuyên truyền, quán triệt
    text: |
      Tuyên truyền Nghị quyết số 15-NQ/TU ngày 22/12/2023 về nếp sống văn minh, giai đoạn 2024-2030.

      Vận động công chức tham gia các phong trào thi đua chào mừng đại hội Đảng các cấp năm 2025.
    themes: [tuyen-truyen]
assignments:
  - id: th-1
    number: "1"
    unit_text: Các phòng, ban, trung tâm
    duties: ["triển khai Kế hoạch này đến toàn thể công chức, viên chức, người lao động."]
  - id: th-2
    number: "2"
    unit: phong-hc-vp-a
    unit_text: Phòng Hành chính - Tổ chức
    duties: ["tham mưu theo dõi, đôn đốc, tổng hợp báo cáo kết quả thực hiện Kế hoạch này."]
closing: |
  Trên đây là Kế hoạch triển khai, thực hiện công tác dân vận chính quyền năm 2026 của Văn phòng UBND tỉnh./.
recipients:
  - Sở Nội vụ (b/c)
  - Trưởng các phòng, ban, trung tâm
  - UBND các huyện, thị xã, thành phố
  - "Lưu: VT, HC."
signer: {{deputy_for: CHÁNH VĂN PHÒNG, title: PHÓ CHÁNH VĂN PHÒNG, name: Trần Thị B}}
"""
VALIDITY = """\
as_of: '2026-12-05'
note: Ngày đối chiếu của dữ liệu thử.
levels_ended:
  - level: huyen
    date: '2025-07-01'
    source: {document: Luật số 1/2025/QH15, article: "Điều 9, khoản 3"}
provinces:
  - province: C
    change: hop-nhat
    into: A
    date: '2025-07-01'
    source: {document: Nghị quyết số 202/2025/QH15, article: Điều 1, quote: tỉnh C và tỉnh A thành tỉnh A., where: 'https://example.vn/nq-202'}
"""

# org id → (header lines of the left column, number line, signature lines without the name)
EXPECTED = {
    "so-noi-vu-a": (["ỦY BAN NHÂN DÂN TỈNH A", "SỞ NỘI VỤ"], ["Số: […]/KH-SNV"], ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]),
    "so-tai-chinh-a": (["ỦY BAN NHÂN DÂN TỈNH A", "SỞ TÀI CHÍNH"], ["Số: […]/KH-STC"],
                       ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]),
    "vp-ubnd-a": (["ỦY BAN NHÂN DÂN TỈNH A", "VĂN PHÒNG"], ["Số: […]/KH-VPUBND"],
                  ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]),
    "phong-hc-vp-a": (["VP UBND TỈNH A", "PHÒNG HÀNH CHÍNH - TỔ CHỨC"], [], ["TRƯỞNG PHÒNG"]),
    "ubnd-xa-b": (["ỦY BAN NHÂN DÂN TỈNH A", "ỦY BAN NHÂN DÂN XÃ B"], ["Số: […]/KH-UBND"],
                  ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
}


def five_kinds(root):
    return extend(root, ORGS, {PLAN: PLAN_YAML, OWN: OWN_YAML, MERGED: MERGED_YAML}, VALIDITY)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    root = five_kinds(tmp_path_factory.mktemp("five") / "data")
    ix = SiteIndex(load(root))
    return root, Drafting(ix, Renderer(ix).title_of).book


@pytest.fixture(scope="module")
def real():
    ix = SiteIndex(load(DATA))
    return ix, Drafting(ix, Renderer(ix).title_of).book


def outline(blob: bytes) -> dict:
    doc = open_docx(blob)
    head, foot = doc.tables[0], doc.tables[-1]
    body = paragraphs(blob)
    return {"issuer": cell_lines(head.rows[0].cells[0]), "number": cell_lines(head.rows[1].cells[0]),
            "date": cell_lines(head.rows[1].cells[1]), "signer": cell_lines(foot.rows[0].cells[1]),
            "recipients": [x[2:-1] for x in cell_lines(foot.rows[0].cells[0])[1:]],
            "summary": body[1].text,
            "text": "\n".join(p.text for p in body if p.style.name != "Gợi ý"),
            "hints": [p.text for p in body if p.style.name == "Gợi ý"]}


def year_drafts(book):
    return {slug: e for slug, e in book.entries.items() if e.what == "nam"}


# --- who gets a draft, for which years -------------------------------------------------------------


def test_every_body_with_work_gets_one_draft_per_year_ahead_and_an_ended_one_none(synthetic):
    _, book = synthetic
    unit_years = {(e.sheet.org.id, e.sheet.year) for e in year_drafts(book).values()}
    # the parent runs to 2028: its units (and its issuer) get 2027 and 2028; the Office, from its own 2026 plan, 2027
    expected = {(o, y) for o in ("so-noi-vu-a", "so-tai-chinh-a", "so-khcn-a", "phong-hc-vp-a", "ubnd-xa-b", "ubnd-a")
                for y in (2027, 2028)} | {("vp-ubnd-a", 2027)}
    assert unit_years == expected
    skipped = {s.org.id: s for s in book.skipped}
    assert "so-ttt-a" in skipped and "01/03/2025" in skipped["so-ttt-a"].why
    # a province merged under another name on 01/07/2025: its bodies head no draft, nor does its plan's report
    assert {"ubnd-c", "so-noi-vu-c"} <= set(skipped) and "tỉnh A từ 01/07/2025" in skipped["so-noi-vu-c"].why
    assert f"{MERGED}/bao-cao" not in book.entries


@pytest.mark.parametrize("org_id", list(EXPECTED))
def test_each_kind_of_unit_is_headed_numbered_and_signed_as_it_signs(synthetic, org_id):
    _, book = synthetic
    out = outline(to_docx(book.draft(f"ke-hoach-2027/{org_id}")))
    header, number, signer = EXPECTED[org_id]
    assert out["issuer"] == header
    assert out["number"] == number  # a phòng inside an office has no number of its own
    assert out["signer"] == [*signer, "[Họ và tên]"]
    assert out["date"] == ["A, ngày […] tháng […] năm 2027"]
    assert out["summary"].endswith("năm 2027")
    for duty in DUTIES.get(org_id, []):
        assert duty in out["text"].splitlines() or f"- {duty}" in out["text"].splitlines()


def test_the_body_that_took_over_a_merged_one_gets_its_named_duties(synthetic):
    _, book = synthetic
    out = outline(to_docx(book.draft("ke-hoach-2027/so-khcn-a")))
    assert "- Sở Thông tin và Truyền thông tuyên truyền Kế hoạch này." in out["text"].splitlines()
    assert any("giao Sở Thông tin và Truyền thông tỉnh A (mục 6), nay Sở Khoa học và Công nghệ kế thừa" in h
               for h in out["hints"])


def test_group_duties_reach_a_sor_named_only_in_the_group(synthetic):
    _, book = synthetic
    text = outline(to_docx(book.draft("ke-hoach-2027/so-tai-chinh-a")))["text"].splitlines()
    assert f"- {DUTIES['group'][0]}" in text and f"- {DUTIES['group'][1]}" in text


# --- carried text, years --------------------------------------------------------------------------


def test_own_plan_rolled_forward_keeps_every_carried_year_and_notes_the_passed_ones(synthetic):
    _, book = synthetic
    out = outline(to_docx(book.draft("ke-hoach-2027/vp-ubnd-a")))
    lines = out["text"].splitlines()
    assert out["summary"] == "Triển khai, thực hiện công tác dân vận chính quyền năm 2027"
    assert "Phấn đấu đến năm 2025, 100% công chức được bồi dưỡng kiến thức về dân vận." in lines
    assert "Nâng cao hiệu quả công tác dân vận chính quyền của cơ quan Văn phòng năm 2026." in lines
    assert any("năm 2025, đã qua — đặt lại cho năm 2027" in h for h in out["hints"])  # the target's year
    assert any("năm 2026, đã qua — đặt lại cho năm 2027" in h for h in out["hints"])  # the old plan's own year
    assert "Tuyên truyền Nghị quyết số 15-NQ/TU ngày 22/12/2023 về nếp sống văn minh, giai đoạn 2024-2030." in lines
    assert "Trên đây là Kế hoạch triển khai, thực hiện công tác dân vận chính quyền năm 2027 của Văn phòng UBND " \
           "tỉnh./." in lines  # the draft's own closing takes its own year
    assert "Thực hiện Kế hoạch số 5/KH-UBND ngày 10/01/2026 của Ủy ban nhân dân tỉnh A" in out["text"]


def test_carried_paragraphs_stand_word_for_word_in_their_source(synthetic):
    root, book = synthetic
    for slug in year_drafts(book):
        for para in carried_paras(book.draft(slug)):
            source = book.data.plans[para.quote.plan].source
            assert stands_in(para.text, (root / "sources" / source).read_text(encoding="utf-8")), (slug, para.text)


def test_targets_for_the_unit_scope_are_rewritten_and_others_counted(synthetic):
    _, book = synthetic
    out = outline(to_docx(book.draft("ke-hoach-2027/so-noi-vu-a")))
    lines = out["text"].splitlines()
    assert "100% các phòng, đơn vị trực thuộc Sở xây dựng kế hoạch công tác dân vận chính quyền hằng năm." in lines
    assert "Đến năm 2025, 100% cán bộ, công chức được bồi dưỡng về công tác dân vận." in lines  # carried as written
    assert "xã, phường có mô hình" not in out["text"]
    assert any("Không đưa vào 1/3 chỉ tiêu" in h for h in out["hints"])
    assert any("Không đưa vào 1/2 nhiệm vụ" in h and "báo chí" in h for h in out["hints"])
    assert "Cơ quan báo chí tăng cường" not in out["text"]


# --- reporting, recipients, signature ----------------------------------------------------------------


def test_a_unit_never_reports_to_or_through_itself_and_says_each_line_once(synthetic):
    _, book = synthetic
    out = outline(to_docx(book.draft("ke-hoach-2027/so-noi-vu-a")))
    assert "(qua Sở Nội vụ" not in out["text"] and "Phối hợp với Sở Nội vụ" not in out["text"]
    assert out["recipients"][0] == "Ủy ban nhân dân tỉnh A (b/c)"
    report_lines = [x for x in out["text"].splitlines() if x.startswith("Sở Nội vụ báo cáo")]
    assert report_lines == ["Sở Nội vụ báo cáo Ủy ban nhân dân tỉnh A kết quả thực hiện: 6 tháng (trước ngày 10/6), "
                            "theo Kế hoạch 5/KH-UBND – Thực hiện công tác dân vận chính quyền giai đoạn 2026 - 2028 "
                            "và theo quy định."] or len(report_lines) == 1
    other = outline(to_docx(book.draft("ke-hoach-2027/so-tai-chinh-a")))
    assert other["recipients"][0] == "Sở Nội vụ (b/c)"
    assert any("trước ngày 05/6" in h for h in other["hints"])  # the internal deadline, a suggestion


@pytest.mark.parametrize("where", ["synthetic", "real"])
def test_every_draft_has_a_dozen_blanks_at_most_all_highlighted_and_clean_recipients(synthetic, real, where):
    book = synthetic[1] if where == "synthetic" else real[1]
    for slug, entry in book.entries.items():  # the year-ahead plans and the reports on running plans
        draft = book.draft(slug)
        marked, unmarked = blanks(to_docx(draft))
        assert len(marked) <= 12 and not unmarked, (slug, marked, unmarked)
        org = entry.sheet.org if entry.sheet else book.data.organisations[book.data.plans[entry.plan].issuer]
        assert unit_recipients_ok(draft, org), (slug, draft.recipients)
        texts = [p.text for p in draft.body if p.style in ("body", "carried", "duty") and entry.sheet]
        assert len(texts) == len(set(texts)), slug  # no line of a plan said twice


def test_the_office_drops_a_recipient_level_that_ended(synthetic):
    _, book = synthetic
    out = outline(to_docx(book.draft("ke-hoach-2027/vp-ubnd-a")))
    assert out["recipients"] == ["Sở Nội vụ (b/c)", "Trưởng các phòng, ban, trung tâm", "Lưu: VT, HC"]
    assert any("UBND các huyện, thị xã, thành phố" in h and "không còn tồn tại" in h for h in out["hints"])


def test_signature_block_and_recipients_stay_on_one_page_in_word(synthetic):
    _, book = synthetic
    with zipfile.ZipFile(io.BytesIO(to_docx(book.draft("ke-hoach-2027/so-noi-vu-a")))) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    last = xml[xml.rindex("<w:tbl>"):]
    assert "<w:cantSplit/>" in last  # the row holding Nơi nhận and the signature never splits
    before = xml[:xml.rindex("<w:tbl>")]
    assert before[before.rindex("<w:p>"):].count("<w:keepNext/>") == 1  # the line before it keeps with it
    closing = before[before.rindex("<w:p>", 0, before.index("Trên đây là")):]
    assert closing.count("<w:keepNext/>") == 2  # and so does the closing sentence ("Trên đây là …")


def test_plain_text_is_plain(synthetic):
    _, book = synthetic
    blob = to_bytes(book.draft("ke-hoach-2027/ubnd-xa-b"))
    assert blob.startswith(b"\xef\xbb\xbf")
    text = blob.decode("utf-8-sig")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    assert not re.search(r"<br>|\*\*|^#|\|", text, re.M)
    assert "TM. ỦY BAN NHÂN DÂN" in text and f"- {DUTIES['ubnd-xa-b'][0]}" in text


# --- pages ---------------------------------------------------------------------------------------


def test_plan_page_links_each_unit_to_its_draft_and_says_why_a_merged_one_has_none(synthetic, tmp_path):
    root, book = synthetic
    result = build_site(tmp_path / "site", root)
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    page = site / "ke-hoach" / f"{PLAN}.html"
    targets = set(link_targets(site, page))
    for org_id in EXPECTED:
        assert f"soan-ke-hoach/ke-hoach-2027/{org_id}.html" in targets
    text = main_text(page)
    assert "Sở Thông tin và Truyền thông tỉnh A" in text.split("Không soạn dự thảo cho")[1]
    draft_page = site / "soan-ke-hoach" / "ke-hoach-2027" / "so-noi-vu-a.html"
    html = draft_page.read_text(encoding="utf-8")
    assert 'download="ke-hoach-2027-so-noi-vu-a.docx"' in html and 'download="ke-hoach-2027-so-noi-vu-a.txt"' in html
    assert (site / "soan-ke-hoach" / "ke-hoach-2027" / "so-noi-vu-a.txt").read_bytes().startswith(b"\xef\xbb\xbf")
    index = (site / "soan-ke-hoach" / "index.html").read_text(encoding="utf-8")
    assert "Kế hoạch của đơn vị" not in index
    bodies = re.findall(r"<tr><td>([^<]+)</td>", index)  # first column of the province's table
    assert bodies == ["Phòng Hành chính - Tổ chức, Văn phòng Ủy ban nhân dân tỉnh A", "Sở Khoa học và Công nghệ tỉnh A",
                      "Sở Nội vụ tỉnh A",
                      "Sở Tài chính tỉnh A", "Ủy ban nhân dân tỉnh A", "Ủy ban nhân dân xã B",
                      "Văn phòng Ủy ban nhân dân tỉnh A"]  # by name (U before V), each once


# --- the real data ---------------------------------------------------------------------------------


def test_real_drafts_are_for_the_year_ahead_by_bodies_that_exist_then(real):
    ix, book = real
    as_of = ix.data.validity.as_of
    ended_levels = {e.level: e.date for e in ix.data.validity.levels_ended}
    merged = {p.province for p in ix.data.validity.provinces if p.change == "hop-nhat" and p.into != p.province}
    drafts = year_drafts(book)
    assert drafts
    for slug, e in drafts.items():
        org = e.sheet.org
        assert e.sheet.year > int(as_of[:4]) and slug == f"ke-hoach-{e.sheet.year}/{org.id}"
        assert org.ended is None or org.ended.date > f"{e.sheet.year}-01-01", slug
        assert org.level not in ended_levels and org.kind == "nha-nuoc"
        assert org.province not in merged, slug  # Bình Định, Trà Vinh: merged under another name on 01/07/2025
    for plan in ix.data.plans.values():  # every body a plan names (and exists) has a draft
        for job in plan.assignments:
            org = ix.data.organisations.get(job.unit or "")
            if org and org.kind == "nha-nuoc" and ix.orgs.exists(org.id):  # a province merged away ends its bodies
                assert any(e.sheet.org.id == org.id for e in drafts.values()), job.unit


def test_real_carried_text_stands_in_the_source_and_no_year_is_changed(real):
    ix, book = real
    for slug in year_drafts(book):
        for para in carried_paras(book.draft(slug)):
            source = (DATA / "sources" / ix.data.plans[para.quote.plan].source).read_text(encoding="utf-8")
            assert stands_in(para.text, source), (slug, para.text[:120])


SIGNS = (("Sở ", ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]), ("Văn phòng ", ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]),
         ("Ủy ban nhân dân", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]), ("Phòng ", ["TRƯỞNG PHÒNG"]),
         ("Thanh tra", ["KT. CHÁNH THANH TRA", "PHÓ CHÁNH THANH TRA"]), ("Ban ", ["KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"]),
         ("Trung tâm", ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]))


def test_real_signers_are_of_their_kind(real):
    _, book = real
    for slug, e in year_drafts(book).items():
        expected = next(lines for start, lines in SIGNS if e.sheet.org.name.startswith(start))
        assert list(book.draft(slug).signer[:-1]) == expected, slug


def test_real_party_body_asked_to_help_gets_no_draft(real):
    _, book = real
    assert "ban-dan-van-tinh-uy-lao-cai" in {s.org.id for s in book.skipped}
    assert not any(e.sheet.org.id == "ban-dan-van-tinh-uy-lao-cai" for e in year_drafts(book).values())


def test_real_site_links_plan_sections_to_unit_drafts(real, site):
    ix, book = real
    page = site / "ke-hoach" / "kh-13-2022-ubnd-lao-cai.html"
    targets = set(link_targets(site, page))
    assert "soan-ke-hoach/ke-hoach-2027/so-noi-vu-lao-cai.html" in targets
    assert (site / "soan-ke-hoach" / "ke-hoach-2027" / "so-noi-vu-lao-cai.docx").exists()
    text = main_text(page)
    districts = text[text.index("Các sở, ban, ngành, cơ quan thuộc UBND tỉnh, UBND các huyện"):]
    assert "Không soạn dự thảo: Ủy ban nhân dân các huyện" in districts and "Điều 51, khoản 3" in districts


# --- the three real unit plans beside the draft for the same unit and the following year ----------

REAL_UNIT_PLANS = ("kh-vpubnd-lai-chau-2025", "kh-snnmt-lai-chau-2026", "kh-26-2023-vp-ubnd-tra-vinh")


def following_draft(ix, plan):
    """The draft the site makes for the plan's unit when the data's date is December of the plan's year."""
    import datetime as dt

    from macros.drafting.ahead import sheets
    from macros.drafting.ahead_draft import year_draft

    on = dt.date(plan.period.end, 12, 5)
    sheet = next(s for s in sheets(ix, on)[0] if s.org.id == plan.issuer and s.year == plan.period.end + 1)
    return year_draft(ix, sheet, on, Renderer(ix).title_of)


def task_topics(ix, plan_id: str, anchors) -> set[str]:
    tasks = {t.id: t for t in ix.data.plans[plan_id].tasks}
    return {theme for a in anchors if a in tasks for theme in tasks[a].themes}


@pytest.mark.parametrize("plan_id", REAL_UNIT_PLANS)
def test_a_real_unit_plan_and_the_draft_for_its_next_year_share_structure_and_topics(real, plan_id):
    ix, _ = real
    plan = ix.data.plans[plan_id]
    draft = following_draft(ix, plan)
    parts = [p.text.split(". ", 1)[1] for p in draft.body if p.style == "part"]
    assert parts == [plan.headings.aims, plan.headings.targets, plan.headings.tasks, plan.headings.organisation]
    opening = draft.body[0].text
    assert opening.startswith("Thực hiện Kế hoạch số ") and opening.endswith("như sau:")
    assert f"năm {plan.period.end + 1}" in draft.summary and draft.place_date.endswith(str(plan.period.end + 1))
    assert draft.signer[0].startswith("KT. ") and draft.recipients[0].startswith("Sở Nội vụ")
    assert draft.recipients[-1].startswith("Lưu")
    last = max(i for i, p in enumerate(draft.body) if p.style == "part")
    organisation = [re.sub(r"^\d+\.\s*", "", p.text) for p in draft.body[last:] if p.style in ("section", "carried")]
    for job in plan.assignments:  # its own sub-units and the office that compiles, named as the source names them
        assert any(x.startswith(job.unit_text) or job.unit_text in x for x in organisation), job.unit_text
    anchors = [p.quote.anchor for p in draft.body if p.style == "carried"]
    topics = task_topics(ix, plan_id, anchors)
    shared = [t for t in plan.tasks if t.themes[0] in topics]
    assert len(shared) * 3 >= len(plan.tasks) * 2, (len(shared), len(plan.tasks))
