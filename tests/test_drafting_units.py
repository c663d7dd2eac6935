"""Drafts made from a plan: one per unit it assigns work to, next period's plan, the report on it.

Synthetic data: a provincial plan assigning work to five kinds of unit (a Sở, the provincial
Office, a phòng of that Office, a commune People's Committee, the "sở, ban, ngành" as a group),
plus a Sở that was merged before the draft's date and a basis replaced by a later law. Expected
values are written out here, not recomputed with the drafting code.
"""

from __future__ import annotations

import re

import pytest

from macros.data.loader import load
from macros.drafting.draft_markdown import to_markdown
from macros.drafting.guide import Drafting
from macros.drafting.word import to_docx
from macros.knowledge.index import SiteIndex
from macros.site.render import Renderer
from tests.conftest import DATA, build_site
from tests.docxread import cell_lines, open_docx, paragraphs
from tests.htmlcheck import link_targets, main_text, parse
from tests.minidata import transcribe, write_minidata

PLAN = "kh-5-2026-ubnd-a"

ORGS = """\
  - {id: so-noi-vu-a, name: Sở Nội vụ tỉnh A, kind: nha-nuoc, level: so-nganh, parent: ubnd-a, province: A}
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
      successor_name: Sở Khoa học và Công nghệ tỉnh A
      source: {document: Nghị quyết số 1/NQ-HĐND tỉnh A, article: Điều 1}
"""

DOCS = {
    "pl-34-2007.yaml": """\
id: pl-34-2007
number: 34/2007/PL-UBTVQH11
type: phap-lenh
date: 2007-04-20
effective: 2007-07-01
title: Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn
""",
    "luat-10-2022.yaml": """\
id: luat-10-2022
number: 10/2022/QH15
type: luat
date: 2022-11-10
effective: 2023-07-01
title: Luật Thực hiện dân chủ ở cơ sở
relations:
  - {type: replaces, target: pl-34-2007}
""",
}

DUTIES = {
    "th-1": ["Tham mưu giúp UBND tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch này.",
             "Tổng hợp, báo cáo kết quả 06 tháng và năm."],
    "th-2": ["Văn phòng UBND tỉnh đăng tải Kế hoạch trên Cổng thông tin điện tử tỉnh."],
    "th-3": ["Phòng Hành chính - Tổ chức bố trí hội trường cho các hội nghị đối thoại."],
    "th-4": ["Ủy ban nhân dân xã B tổ chức đối thoại với Nhân dân ít nhất 01 lần trong năm."],
    "th-5": ["Các sở, ban, ngành xây dựng kế hoạch thực hiện công tác dân vận chính quyền năm 2026."],
    "th-6": ["Sở Thông tin và Truyền thông tuyên truyền Kế hoạch này."],
}

PLAN_YAML = f"""\
id: {PLAN}
source: a.txt
issuer: ubnd-a
number: 5/KH-UBND
place: A
date: 2026-01-10
title: Thực hiện công tác dân vận chính quyền năm 2026
period: {{start: 2026, end: 2026}}
implements: [ct-33-2021-ttg]
preamble: |
  Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 và Pháp lệnh số 34/2007/PL-UBTVQH11, UBND tỉnh xây dựng kế hoạch như sau:
purposes:
  - Nâng cao nhận thức của cán bộ, công chức về công tác dân vận.
targets:
  - id: ct-1
    text: 100% cơ quan, đơn vị xây dựng kế hoạch công tác dân vận chính quyền năm 2026.
    quantity: 100%
    themes: [tuyen-truyen]
tasks:
  - id: nv-1
    number: "1"
    title: Tuyên truyền
    text: |
      Quán triệt Chỉ thị số 33/CT-TTg ngày 26/11/2021 trong năm 2026.
    themes: [tuyen-truyen]
assignments:
  - id: th-1
    number: "1"
    unit: so-noi-vu-a
    unit_text: Sở Nội vụ
    duties: {DUTIES["th-1"]}
    reports:
      - {{text: báo cáo 6 tháng, period: 6-thang, due: ["06-10"], to: ubnd-a}}
  - id: th-2
    number: "2"
    unit: vp-ubnd-a
    unit_text: Văn phòng UBND tỉnh
    duties: {DUTIES["th-2"]}
  - id: th-3
    number: "3"
    unit: phong-hc-vp-a
    unit_text: Phòng Hành chính - Tổ chức
    duties: {DUTIES["th-3"]}
  - id: th-4
    number: "4"
    unit: ubnd-xa-b
    unit_text: UBND xã B
    duties: {DUTIES["th-4"]}
  - id: th-5
    number: "5"
    unit_text: Các sở, ban, ngành
    duties: {DUTIES["th-5"]}
    reports:
      - {{text: "Định kỳ 06 tháng (trước ngày 10 tháng 6 hằng năm) báo cáo UBND tỉnh (qua Sở Nội vụ)", period: 6-thang, due: ["06-10"], to: ubnd-a, via: so-noi-vu-a}}
  - id: th-6
    number: "6"
    unit: so-ttt-a
    unit_text: Sở Thông tin và Truyền thông
    duties: {DUTIES["th-6"]}
recipients:
  - Bộ Nội vụ
  - Thường trực Tỉnh ủy
  - Các sở, ban, ngành
  - "Lưu: VT."
signer: {{on_behalf: ỦY BAN NHÂN DÂN, deputy_for: CHỦ TỊCH, title: PHÓ CHỦ TỊCH, name: Nguyễn Văn A}}
"""

# slug → (header lines left column, signature lines without the name)
EXPECTED = {
    "th-1": (["ỦY BAN NHÂN DÂN TỈNH A", "SỞ NỘI VỤ"], ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]),
    "th-2": (["ỦY BAN NHÂN DÂN TỈNH A", "VĂN PHÒNG"], ["CHÁNH VĂN PHÒNG"]),
    "th-3": (["VP UBND TỈNH A", "PHÒNG HÀNH CHÍNH - TỔ CHỨC"], ["TRƯỞNG PHÒNG"]),
    "th-4": (["ỦY BAN NHÂN DÂN TỈNH A", "ỦY BAN NHÂN DÂN XÃ B"], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
    "th-5": (["ỦY BAN NHÂN DÂN TỈNH A", "[TÊN SỞ, BAN, NGÀNH]"], ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]),
}


def five_kinds(root):
    write_minidata(root)
    org = root / "organisations" / "org.yaml"
    org.write_text(org.read_text(encoding="utf-8") + ORGS, encoding="utf-8")
    for name, text in DOCS.items():
        (root / "documents" / name).write_text(text, encoding="utf-8")
    (root / "plans" / f"{PLAN}.yaml").write_text(PLAN_YAML, encoding="utf-8")
    transcribe(root, PLAN_YAML)
    (root / "validity.yaml").write_text("as_of: '2026-06-01'\nnote: Ngày đối chiếu của dữ liệu thử.\n",
                                        encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    root = five_kinds(tmp_path_factory.mktemp("five") / "data")
    ix = SiteIndex(load(root))
    return root, Drafting(ix, Renderer(ix).title_of).book


def outline(blob: bytes) -> dict:
    doc = open_docx(blob)
    head, foot = doc.tables[0], doc.tables[-1]
    body = paragraphs(blob)
    return {"issuer": cell_lines(head.rows[0].cells[0]), "number": cell_lines(head.rows[1].cells[0]),
            "date": cell_lines(head.rows[1].cells[1]), "signer": cell_lines(foot.rows[0].cells[1]),
            "recipients": cell_lines(foot.rows[0].cells[0])[1:],
            "text": "\n".join(p.text for p in body if p.style.name != "Gợi ý"),
            "hints": [p.text for p in body if p.style.name == "Gợi ý"]}


@pytest.mark.parametrize("job", list(EXPECTED))
def test_each_kind_of_unit_gets_its_header_signature_and_duties_verbatim(synthetic, job):
    _, book = synthetic
    out = outline(to_docx(book.draft(f"{PLAN}/{job}")))
    header, signer = EXPECTED[job]
    assert out["issuer"] == header
    assert out["signer"] == [*signer, "[Họ và tên]"]
    assert out["date"] == ["A, ngày … tháng … năm 2026"]
    assert out["number"][0].startswith("Số: …/KH-")
    for duty in DUTIES[job]:
        assert f"- {duty}" in out["text"].splitlines()
    assert "Thực hiện Kế hoạch số 5/KH-UBND ngày 10/01/2026 của Ủy ban nhân dân tỉnh A" in out["text"]


def test_bases_are_those_in_force_with_the_parent_first(synthetic):
    _, book = synthetic
    out = outline(to_docx(book.draft(f"{PLAN}/th-1")))
    bases = [line for line in out["text"].splitlines() if line.startswith("- ") and line.endswith(";")][:3]
    assert bases[0] == "- Kế hoạch số 5/KH-UBND ngày 10/01/2026 của Ủy ban nhân dân tỉnh A;"
    assert any("Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15" in b for b in bases)  # the law that replaced the ordinance
    assert "34/2007" not in out["text"]  # the replaced ordinance is not cited...
    assert any("34/2007/PL-UBTVQH11" in h and "10/2022/QH15" in h for h in out["hints"])  # ...a note says why


def test_a_unit_that_no_longer_exists_gets_no_draft_and_the_plan_page_says_why(synthetic, tmp_path):
    root, book = synthetic
    assert f"{PLAN}/th-6" not in book.entries
    result = build_site(tmp_path / "site", root)
    assert result.returncode == 0, result.stdout + result.stderr
    page = tmp_path / "site" / "ke-hoach" / f"{PLAN}.html"
    text = main_text(page)
    assert "Không soạn dự thảo cho:" in text and "Sở Thông tin và Truyền thông tỉnh A" in text
    assert "Sở Khoa học và Công nghệ tỉnh A" in text.split("Không soạn dự thảo cho:")[1]
    targets = set(link_targets(tmp_path / "site", page))
    for job in EXPECTED:
        assert f"soan-ke-hoach/{PLAN}/{job}.html" in targets
    assert not (tmp_path / "site" / "soan-ke-hoach" / PLAN / "th-6.html").exists()
    blob = (tmp_path / "site" / "soan-ke-hoach" / PLAN / "th-1.docx").read_bytes()
    assert outline(blob)["signer"][0] == "KT. GIÁM ĐỐC"


DISTRICTS = """\
  - id: th-7
    number: "7"
    unit_text: UBND các huyện, thị xã, thành phố
    duties: ["UBND các huyện, thị xã, thành phố chỉ đạo Ủy ban nhân dân cấp xã thực hiện Kế hoạch này."]
recipients:"""
DISTRICTS_END = """
levels_ended:
  - level: huyen
    date: '2025-07-01'
    source: {document: Luật số 1/2025/QH15, article: "Điều 9, khoản 3"}
"""


@pytest.mark.parametrize("ended", [False, True])
def test_a_group_of_a_level_that_ended_gets_no_draft_and_says_by_which_article(tmp_path, ended):
    root = five_kinds(tmp_path / "data")
    plan_yaml = PLAN_YAML.replace("recipients:", DISTRICTS, 1)
    (root / "plans" / f"{PLAN}.yaml").write_text(plan_yaml, encoding="utf-8")
    transcribe(root, plan_yaml)
    if ended:
        (root / "validity.yaml").write_text((root / "validity.yaml").read_text(encoding="utf-8") + DISTRICTS_END,
                                            encoding="utf-8")
    ix = SiteIndex(load(root))
    book = Drafting(ix, Renderer(ix).title_of).book
    unit = next(u for u in book.units(PLAN) if u.assignment.id == "th-7")
    assert unit.name == "Ủy ban nhân dân các huyện, thị xã, thành phố"
    if not ended:  # nothing says the district level ended: a draft, with a hint to check
        assert unit.drafted and f"{PLAN}/th-7" in book.entries
        hints = outline(to_docx(book.draft(f"{PLAN}/th-7")))["hints"]
        assert any(h.startswith("Gợi ý: Kiểm tra đơn vị còn tồn tại vào năm 2026") for h in hints)
        return
    assert f"{PLAN}/th-7" not in book.entries
    assert unit.reason == ("Ủy ban nhân dân các huyện, thị xã, thành phố kết thúc hoạt động từ 01/07/2025 "
                           "(theo Luật số 1/2025/QH15, Điều 9, khoản 3)")
    assert f"{PLAN}/th-4" in book.entries  # a commune: its level has no stated end


def test_sub_units_report_before_the_parent_deadline(synthetic):
    _, book = synthetic
    text = outline(to_docx(book.draft(f"{PLAN}/th-1")))["text"]
    assert "trước ngày 10/06 hằng năm" in text and "trước ngày 05/06 hằng năm" in text


def test_hints_are_one_paragraph_style_and_removing_them_leaves_no_advice(synthetic):
    _, book = synthetic
    blob = to_docx(book.draft(f"{PLAN}/th-1"))
    doc = open_docx(blob)
    hints = [p for p in doc.paragraphs if p.style.name == "Gợi ý"]
    assert hints and all(p.text.startswith("Gợi ý") for p in hints)
    assert not [p for p in doc.paragraphs if p.text.startswith("Gợi ý") and p.style.name != "Gợi ý"]
    blanks = [r for p in doc.paragraphs for r in p.runs if re.fullmatch(r"\[[^\]]*\]", r.text)]
    assert blanks and all(r.font.highlight_color is not None for r in blanks)


def test_next_period_rolls_years_and_flags_ended_links(synthetic):
    _, book = synthetic
    out = outline(to_docx(book.draft(f"{PLAN}/nam-sau")))
    assert out["date"] == ["A, ngày … tháng … năm 2027"]
    assert "năm 2027" in out["text"] and "năm 2026" not in out["text"].replace("ngày 26/11/2021", "")
    assert any("Chỉ tiêu năm 2026: 100%" in h for h in out["hints"])  # last figure and its year
    assert out["signer"] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "[Họ và tên]"]


def test_report_has_a_row_per_target_and_task(synthetic):
    _, book = synthetic
    doc = open_docx(to_docx(book.draft(f"{PLAN}/bao-cao")))
    grids = [t for t in doc.tables[1:-1]]
    targets, tasks = grids
    assert [c.text for c in targets.rows[0].cells] == ["STT", "Chỉ tiêu", "Kết quả đạt được", "Tỷ lệ", "Ghi chú"]
    assert targets.rows[1].cells[1].text.startswith("100% cơ quan, đơn vị xây dựng kế hoạch")
    assert [c.text for c in tasks.rows[0].cells] == ["STT", "Nhiệm vụ", "Đã làm", "Kết quả", "Tồn tại"]
    assert [r.cells[1].text for r in tasks.rows[1:]] == ["Tuyên truyền"]
    recipients = outline(to_docx(book.draft(f"{PLAN}/bao-cao")))["recipients"]
    assert recipients[:2] == ["- Bộ Nội vụ;", "- Thường trực Tỉnh ủy;"]


def test_markdown_twin_has_the_duties_and_signature(synthetic):
    _, book = synthetic
    text = to_markdown(book.draft(f"{PLAN}/th-4"))
    assert "**TM. ỦY BAN NHÂN DÂN**" in text
    for duty in DUTIES["th-4"]:
        assert f"- {duty}" in text


# --- the real data ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real():
    ix = SiteIndex(load(DATA))
    return ix, Drafting(ix, Renderer(ix).title_of).book


def test_every_existing_unit_of_every_plan_has_a_draft_with_its_duties(real, site):
    ix, book = real
    for plan in ix.data.plans.values():
        assert f"{plan.id}/nam-sau" in book.entries and f"{plan.id}/bao-cao" in book.entries
        for unit in book.units(plan.id):
            if not unit.drafted:
                continue
            blob = (site / "soan-ke-hoach" / f"{unit.slug}.docx").read_bytes()
            text = outline(blob)["text"]
            for duty in unit.assignment.duties:
                assert "- " + re.sub(r"\s+", " ", duty).strip() in text.splitlines()
            assert (site / "soan-ke-hoach" / f"{unit.slug}.html").is_file()


def test_real_signatures_by_kind(real):
    _, book = real
    signer = lambda slug: outline(to_docx(book.draft(slug)))["signer"]  # noqa: E731
    assert signer("kh-13-2022-ubnd-lao-cai/th-1")[:2] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]  # Sở Nội vụ
    assert signer("kh-snnmt-lai-chau-2026/th-2")[0] == "CHÁNH VĂN PHÒNG"  # Văn phòng Sở
    assert signer("kh-vpubnd-lai-chau-2025/th-2")[0] == "TRƯỞNG PHÒNG"  # a phòng of the Office
    assert signer("kh-ubnd-binh-dinh-2025/th-1--1")[:2] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]  # "các sở, ban, ngành"


def test_a_party_body_asked_to_help_gets_no_draft(real):
    _, book = real
    assert "kh-13-2022-ubnd-lao-cai/th-9" not in book.entries  # Ban Dân vận Tỉnh ủy


def test_section_lists_drafts_by_province_and_links_every_draft(real, site):
    ix, book = real
    page = site / "soan-ke-hoach" / "index.html"
    targets, text = set(link_targets(site, page)), main_text(page)
    for province, _ in ix.plans_by_province():
        assert province in text
    for slug in book.entries:
        assert f"soan-ke-hoach/{slug}.html" in targets
    assert "soan-ke-hoach/index.html" in set(link_targets(site, site / "index.html")) | {
        t for t in link_targets(site, site / "huong-dan" / "mau.html")}


def test_real_bases_leave_out_a_programme_whose_period_ended(real):
    _, book = real
    out = outline(to_docx(book.draft("kh-13-2022-ubnd-lao-cai/th-1")))
    bases = out["text"].split("Căn cứ:")[1].split("Thực hiện Kế hoạch")[0]
    lines = bases.strip().splitlines()
    assert lines[0] == "- Kế hoạch số 13/KH-UBND ngày 17/01/2022 của Ủy ban nhân dân tỉnh Lào Cai;"
    assert not any("83-KH/TU" in line for line in lines)
    assert any("33/CT-TTg" in line for line in lines)  # applied by a 2026 plan of the data: usable (issue 23)
    assert any("83-KH/TU" in h and "2021–2025" in h for h in out["hints"])  # Kế hoạch 83-KH/TU, 2021–2025


def test_draft_page_links_each_duty_to_its_section_of_the_plan(site):
    page = site / "soan-ke-hoach" / "kh-13-2022-ubnd-lao-cai" / "th-1.html"
    targets, html = set(link_targets(site, page)), page.read_text(encoding="utf-8")
    for section in ("th-1", "th-8"):  # its own duties, and those of "Các sở, ban, ngành…" it belongs to
        assert f'href="../../ke-hoach/kh-13-2022-ubnd-lao-cai.html#{section}"' in html
        assert section in parse(site / "ke-hoach" / "kh-13-2022-ubnd-lao-cai.html").ids
    assert {"soan-ke-hoach/kh-13-2022-ubnd-lao-cai/th-1.docx", "soan-ke-hoach/kh-13-2022-ubnd-lao-cai/th-1.md.txt"} <= targets
    text = main_text(page)
    assert "KT. GIÁM ĐỐC" in text and "Tham mưu giúp UBND tỉnh theo dõi, kiểm tra, đôn đốc" in text


def test_every_real_plan_has_a_next_period_draft_and_a_report_with_a_row_per_target(real, site):
    ix, _ = real
    for plan in ix.data.plans.values():
        folder = site / "soan-ke-hoach" / plan.id
        report = open_docx((folder / "bao-cao.docx").read_bytes())
        grids = report.tables[1:-1]
        if plan.targets:
            rows = grids[0].rows[1:]
            assert len(rows) == len(plan.targets)
            for row, target in zip(rows, plan.targets):
                assert row.cells[1].text.startswith(re.sub(r"\s+", " ", target.text).strip())
        assert len(grids[-1].rows) == len(plan.tasks) + 1  # a row per task under the header
        following = outline((folder / "nam-sau.docx").read_bytes())
        assert following["date"][0].endswith(f"năm {plan.period.end + 1}")


PARENT_REFERENCES = {  # how each source plan is cited in the opening of its units' drafts (written out)
    "kh-13-2022-ubnd-lao-cai": "Thực hiện Kế hoạch số 13/KH-UBND ngày 17/01/2022 của Ủy ban nhân dân tỉnh Lào Cai",
    "kh-26-2023-vp-ubnd-tra-vinh": "Thực hiện Kế hoạch số 26/KH-VP ngày 17/04/2023 của Văn phòng Ủy ban nhân dân "
                                   "tỉnh Trà Vinh",
    "kh-snnmt-lai-chau-2026": "Thực hiện Kế hoạch số […]/KH-… ngày […] năm 2026 của Sở Nông nghiệp và Môi trường "
                              "tỉnh Lai Châu",
    "kh-ubnd-binh-dinh-2025": "Thực hiện Kế hoạch số […]/KH-UBND ngày […] năm 2025 của Ủy ban nhân dân tỉnh Bình Định",
    "kh-vpubnd-lai-chau-2025": "Thực hiện Kế hoạch số […]/KH-VPUBND ngày […] năm 2025 của Văn phòng Ủy ban nhân dân "
                               "tỉnh Lai Châu",
}


def test_every_real_draft_cites_its_parent_and_only_bases_in_force(real, site):
    ix, book = real
    assert set(PARENT_REFERENCES) == set(ix.data.plans)
    for plan_id, reference in PARENT_REFERENCES.items():
        for unit in [u for u in book.units(plan_id) if u.drafted]:
            text = outline((site / "soan-ke-hoach" / f"{unit.slug}.docx").read_bytes())["text"]
            assert reference in text, unit.slug
            bases = text.split("Căn cứ:\n")[1].split("\nThực hiện Kế hoạch")[0].splitlines()
            assert bases[0] == "- " + reference.removeprefix("Thực hiện ") + ";"
            for line in bases[1:]:
                cited = [d for d in ix.data.documents.values() if d.number and f"số {d.number} " in line]
                assert cited and all(ix.status(d.id).current for d in cited), (unit.slug, line)


def test_no_two_drafts_of_a_plan_share_a_name(tmp_path):
    root = write_minidata(tmp_path / "data")
    plan = root / "plans" / "kh-1-2025-ubnd-a.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + """\
  - id: bao-cao
    unit_text: Sở Tư pháp
    duties: [Thẩm định văn bản.]
    reports: [{text: báo cáo năm, period: nam, due: ["01-03"]}]
  - id: th-2
    unit_text: Các sở, ban, ngành, Ủy ban nhân dân các xã
    duties: [Xây dựng kế hoạch.]
  - id: th-2-1
    unit_text: Các phòng, ban
    duties: [Triển khai kế hoạch.]
""", encoding="utf-8")
    transcribe(root, plan.read_text(encoding="utf-8"))  # the plan stands word for word in its source
    ix = SiteIndex(load(root))
    book = Drafting(ix, Renderer(ix).title_of).book
    names = sorted(s.split("/")[1] for s in book.entries)
    assert names == ["bao-cao", "bao-cao--don-vi", "nam-sau", "th-1", "th-2--1", "th-2--2", "th-2-1"]
    text = outline(to_docx(book.draft("kh-1-2025-ubnd-a/bao-cao--don-vi")))["text"]
    assert "- Thẩm định văn bản." in text.splitlines() and "trước ngày 29/12 hằng năm" in text


def test_district_people_s_committees_get_no_draft_and_the_plan_page_names_the_article(real, site):
    """The district level ended on 01/07/2025 (Luật 72/2025/QH15, Điều 51, khoản 3, in data/validity.yaml):
    the Lào Cai and Bình Định plans assign work to 'UBND các huyện…', which gets no draft."""
    _, book = real
    why = ("Ủy ban nhân dân các huyện, thị xã, thành phố (mục {}): Ủy ban nhân dân các huyện, thị xã, thành phố "
           "kết thúc hoạt động từ 01/07/2025 (theo Luật Tổ chức chính quyền địa phương số 72/2025/QH15, "
           "Điều 51, khoản 3).")
    for plan, slug, number in (("kh-13-2022-ubnd-lao-cai", "th-8--2", "8"), ("kh-ubnd-binh-dinh-2025", "th-1--2", "1")):
        assert f"{plan}/{slug}" not in book.entries
        assert not (site / "soan-ke-hoach" / plan / f"{slug}.html").exists()
        assert (site / "soan-ke-hoach" / plan / f"{slug[:-3]}--1.html").is_file()  # the sở, ban, ngành still get one
        text = main_text(site / "ke-hoach" / f"{plan}.html")
        assert why.format(number) in text.split("Không soạn dự thảo cho:")[1]
    review = main_text(site / "nguon-bo-sung.html")
    assert "Cấp huyện 01/07/2025 Luật Tổ chức chính quyền địa phương số 72/2025/QH15, Điều 51, khoản 3" in review
    assert "(sau đây gọi chung là cấp huyện) kết thúc hoạt động từ ngày 01 tháng 7 năm 2025." in review
