"""A body that took over an ended body's work gets that body's plan for the year ahead, under its own name.

Synthetic chain: Ban Dân tộc tỉnh C wrote its 2025 plan, was renamed Sở Dân tộc và Tôn giáo tỉnh C on
01/03/2025, which merged into Sở Dân tộc và Tôn giáo tỉnh A on 01/07/2025 when tỉnh C merged into
tỉnh A. The plan gives work to a room of the Ban that ended with no successor, reports to UBND tỉnh C
(succeeded by UBND tỉnh A) through Sở Nội vụ tỉnh C (no successor), and lists both in Nơi nhận.
Real data: UBND tỉnh Gia Lai took over UBND tỉnh Bình Định's work on 01/07/2025.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from macros.data.loader import load
from macros.drafting.guide import Drafting
from macros.drafting.word import to_docx
from macros.knowledge.index import SiteIndex
from macros.site.render import Renderer
from tests.conftest import DATA
from tests.docxread import cell_lines, open_docx, paragraphs
from tests.draftcheck import carried_paras, stands_in
from tests.minidata import extend, one_task_plan

ENDS = "source: {document: Nghị quyết số 5/NQ-HĐND tỉnh C, article: Điều 1, quote: tỉnh C., where: 'https://example.vn/5'}"
ORGS = f"""\
  - id: ubnd-c
    name: Ủy ban nhân dân tỉnh C
    short_name: UBND tỉnh C
    kind: nha-nuoc
    level: tinh
    province: C
    ended: {{date: '2025-07-01', change: hop-nhat, successor: ubnd-a, {ENDS}}}
  - {{id: so-noi-vu-c, name: Sở Nội vụ tỉnh C, kind: nha-nuoc, level: so-nganh, parent: ubnd-c, province: C}}
  - id: ban-dan-toc-c
    name: Ban Dân tộc tỉnh C
    kind: nha-nuoc
    level: so-nganh
    parent: ubnd-c
    province: C
    ended: {{date: '2025-03-01', change: doi-ten, successor: so-dttg-c, {ENDS}}}
  - {{id: phong-th-ban-c, name: "Phòng Tổng hợp, Ban Dân tộc tỉnh C", kind: nha-nuoc, level: so-nganh, parent: ban-dan-toc-c, province: C}}
  - id: so-dttg-c
    name: Sở Dân tộc và Tôn giáo tỉnh C
    kind: nha-nuoc
    level: so-nganh
    parent: ubnd-c
    province: C
    created: {{date: '2025-03-01', change: doi-ten, {ENDS}}}
    ended: {{date: '2025-07-01', change: hop-nhat, successor: so-dttg-a, {ENDS}}}
  - {{id: so-dttg-a, name: Sở Dân tộc và Tôn giáo tỉnh A, kind: nha-nuoc, level: so-nganh, parent: ubnd-a, province: A}}
"""
OLD = "kh-2-2025-ban-dan-toc-c"
OLD_YAML = f"""\
id: {OLD}
source: c.txt
issuer: ban-dan-toc-c
number: 2/KH-BDT
place: C
date: 2025-01-20
title: Thực hiện công tác dân vận chính quyền năm 2025
period: {{start: 2025, end: 2025}}
purposes:
  - Nâng cao nhận thức của công chức Ban Dân tộc về công tác dân vận năm 2025.
tasks:
  - id: nv-1
    number: "1"
    title: Tuyên truyền
    text: |
      Tuyên truyền Chỉ thị số 33/CT-TTg ngày 26/11/2021 đến công chức của Ban trong năm 2025.
    themes: [tuyen-truyen]
assignments:
  - id: th-1
    number: "1"
    unit_text: Các phòng thuộc Ban
    duties: ["triển khai Kế hoạch này đến toàn thể công chức."]
  - id: th-2
    number: "2"
    unit: phong-th-ban-c
    unit_text: Phòng Tổng hợp
    duties: ["Phòng Tổng hợp theo dõi, tổng hợp kết quả thực hiện Kế hoạch này."]
closing: |
  Trên đây là Kế hoạch thực hiện công tác dân vận chính quyền năm 2025 của Ban Dân tộc tỉnh C./.
recipients:
  - Ủy ban nhân dân tỉnh C (b/c)
  - Ủy ban nhân dân tỉnh A (b/c)
  - Sở Nội vụ tỉnh C
  - Sở Nội vụ tỉnh Cà Mau
  - Lãnh đạo Ban
  - "Lưu: VT."
signer: {{deputy_for: TRƯỞNG BAN, title: PHÓ TRƯỞNG BAN, name: Lê Văn C}}
"""
ABOVE = "kh-1-2025-ubnd-c"
ABOVE_YAML = one_task_plan(ABOVE, "ubnd-c", "1/KH-UBND", "2025-01-02", """\
  - id: th-1
    number: "1"
    unit: ban-dan-toc-c
    unit_text: Ban Dân tộc tỉnh
    duties: ["Ban Dân tộc tỉnh vận động đồng bào dân tộc thiểu số thực hiện tốt chính sách."]
    reports:
      - {text: báo cáo năm, period: nam, due: ["11-25"], to: ubnd-c, via: so-noi-vu-c}
""", place="C")
VALIDITY = """\
as_of: '2026-12-05'
note: Ngày đối chiếu của dữ liệu thử.
provinces:
  - province: C
    change: hop-nhat
    into: A
    date: '2025-07-01'
    source: {document: Nghị quyết số 202/2025/QH15, article: Điều 1, quote: tỉnh C và tỉnh A thành tỉnh A., where: 'https://example.vn/nq-202'}
"""


def chain(root):
    return extend(root, ORGS, {OLD: OLD_YAML, ABOVE: ABOVE_YAML}, VALIDITY)


def book_of(root):
    ix = SiteIndex(load(root))
    return ix, Drafting(ix, Renderer(ix).title_of).book


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    root = chain(tmp_path_factory.mktemp("chain") / "data")
    return (root, *book_of(root))


@pytest.fixture(scope="module")
def real():
    return book_of(DATA)


def outline(blob: bytes) -> dict:
    doc = open_docx(blob)
    head, foot = doc.tables[0], doc.tables[-1]
    body = paragraphs(blob)
    return {"issuer": cell_lines(head.rows[0].cells[0]), "number": cell_lines(head.rows[1].cells[0]),
            "signer": cell_lines(foot.rows[0].cells[1]),
            "recipients": [x[2:-1] for x in cell_lines(foot.rows[0].cells[0])[1:]],
            "text": "\n".join(p.text for p in body if p.style.name != "Gợi ý"),
            "hints": [p.text for p in body if p.style.name == "Gợi ý"]}


def ended_names(ix, year: int) -> set[str]:
    """Names of the bodies that no longer exist on the first day of a draft's year."""
    on = dt.date(year, 1, 1)
    return {n for o in ix.data.organisations.values() if not ix.orgs.exists(o.id, on) for n in (o.name, o.short_name) if n}


def names_any(names: set[str], line: str) -> bool:
    """The line names one of the bodies (a whole name, not the start of a longer one)."""
    return any(re.search(re.escape(n) + r"(?!\w)", line) for n in names)


def reporting_lines(draft) -> list[str]:
    body = list(draft.body)
    start = next((i for i, p in enumerate(body) if p.style == "section" and "Chế độ báo cáo" in p.text), None)
    lines = [] if start is None else [p.text for p in body[start + 1:] if p.style == "body"]
    return [x for x in lines if not x.startswith("Trên đây")]  # the closing sentence follows them


# --- the synthetic chain: renamed, then merged -----------------------------------------------------


def test_the_body_at_the_end_of_the_chain_gets_the_old_plan_rolled_forward_under_its_own_head(synthetic):
    _, ix, book = synthetic
    assert "ke-hoach-2027/so-dttg-a" in book.entries
    out = outline(to_docx(book.draft("ke-hoach-2027/so-dttg-a")))
    assert out["issuer"] == ["ỦY BAN NHÂN DÂN TỈNH A", "SỞ DÂN TỘC VÀ TÔN GIÁO"]
    assert out["signer"] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "[Họ và tên]"]  # a Sở signs as a Sở, not as the Ban
    assert out["number"] == ["Số: […]/KH-SDTTG"]
    made_from = next(h for h in out["hints"] if "Soạn từ" in h)
    assert ("Ban Dân tộc tỉnh C (đã đổi tên thành Sở Dân tộc và Tôn giáo tỉnh C từ 01/03/2025, rồi hợp nhất vào "
            "Sở Dân tộc và Tôn giáo tỉnh A từ 01/07/2025)") in made_from
    assert "kiểm tra các kế hoạch, văn bản mới hơn của chính Sở Dân tộc và Tôn giáo tỉnh A" in made_from
    lines = out["text"].splitlines()
    assert "Tuyên truyền Chỉ thị số 33/CT-TTg ngày 26/11/2021 đến công chức của Ban trong năm 2025." in lines
    assert "Nâng cao nhận thức của công chức Ban Dân tộc về công tác dân vận năm 2025." in lines
    assert "- Ban Dân tộc tỉnh vận động đồng bào dân tộc thiểu số thực hiện tốt chính sách." in lines
    assert "năm 2025 của Ban Dân tộc tỉnh C" not in out["text"]  # the old closing names the old body


def test_the_old_bodies_get_no_draft_and_say_who_took_over(synthetic):
    _, _, book = synthetic
    skipped = {s.org.id: s for s in book.skipped}
    assert skipped["ban-dan-toc-c"].successor == "so-dttg-a"
    assert not any(e.sheet and e.sheet.org.id in ("ban-dan-toc-c", "so-dttg-c", "ubnd-c")
                   for e in book.entries.values())


def test_work_given_to_a_body_that_ended_without_successor_is_left_out_and_counted(synthetic):
    _, _, book = synthetic
    out = outline(to_docx(book.draft("ke-hoach-2027/so-dttg-a")))
    assert "Phòng Tổng hợp theo dõi" not in out["text"]
    assert "triển khai Kế hoạch này đến toàn thể công chức" in out["text"]
    assert any("Không đưa vào 1/2 mục tổ chức thực hiện" in h and "Phòng Tổng hợp, Ban Dân tộc tỉnh C" in h
               for h in out["hints"])


def test_recipients_and_reporting_lines_name_only_bodies_that_exist_then(synthetic):
    _, ix, book = synthetic
    draft = book.draft("ke-hoach-2027/so-dttg-a")
    assert list(draft.recipients) == ["Ủy ban nhân dân tỉnh A (b/c)", "Sở Nội vụ tỉnh Cà Mau", "Lãnh đạo Ban",
                                      "Lưu: VT"]  # another province's body whose name starts like an ended one stays
    assert reporting_lines(draft) and all("Ủy ban nhân dân tỉnh A" in x for x in reporting_lines(draft))
    gone = ended_names(ix, 2027)
    for line in [*draft.recipients, *reporting_lines(draft)]:
        assert not names_any(gone, line), line
    hints = [p.text for p in draft.body if p.style == "hint"]
    assert any("Bỏ khỏi Nơi nhận: Sở Nội vụ tỉnh C" in h for h in hints)


def test_a_successor_with_a_newer_plan_of_its_own_keeps_it(synthetic):
    _, _, book = synthetic
    sheet = book.entries["ke-hoach-2027/ubnd-a"].sheet
    assert sheet.own.id == "kh-1-2025-ubnd-a" and sheet.heir_of is None


def test_carried_text_of_the_old_plan_stands_in_its_source(synthetic):
    root, _, book = synthetic
    for para in carried_paras(book.draft("ke-hoach-2027/so-dttg-a")):
        assert stands_in(para.text, (root / "sources" / "c.txt").read_text(encoding="utf-8")), para.text


# --- the real data -------------------------------------------------------------------------------


def test_real_successors_of_bodies_with_a_plan_get_a_draft_headed_by_them(real):
    ix, book = real
    as_of = ix.data.validity.as_of
    heirs = {}
    for plan in ix.data.plans.values():
        heir = ix.orgs.successor(plan.issuer, dt.date.fromisoformat(as_of))
        if not ix.orgs.exists(plan.issuer, dt.date.fromisoformat(as_of)) and heir \
                and ix.data.organisations[heir].kind == "nha-nuoc":
            heirs.setdefault(heir, []).append(plan)
    assert "ubnd-gia-lai" in heirs  # took over UBND tỉnh Bình Định on 01/07/2025
    for heir, plans in heirs.items():
        org = ix.data.organisations[heir]
        slug = f"ke-hoach-{int(as_of[:4]) + 1}/{heir}"
        assert slug in book.entries, heir
        draft = book.draft(slug)
        head = outline(to_docx(draft))["issuer"]
        assert head[-1] == org.name.upper() or org.name.upper().endswith(head[-1]), head
        old = ix.data.organisations[draft_sheet(book, slug).heir_of]
        made_from = next(p.text for p in draft.body if p.style == "hint" and p.text.startswith("Soạn từ"))
        assert f"{old.name} (đã " in made_from and f"của chính {org.name}" in made_from


def draft_sheet(book, slug):
    return book.entries[slug].sheet


def test_gia_lai_draft_cites_the_binh_dinh_plan_and_names_no_ended_body_where_it_sends(real):
    ix, book = real
    draft = book.draft("ke-hoach-2027/ubnd-gia-lai")
    out = outline(to_docx(draft))
    assert "GIA LAI" in out["issuer"][-1] and not any("BÌNH ĐỊNH" in x for x in out["issuer"])
    assert "Ủy ban nhân dân tỉnh Bình Định (đã hợp nhất vào tỉnh Gia Lai từ 01/07/2025)" in \
        next(h for h in out["hints"] if "Soạn từ" in h)
    assert {p.quote.plan for p in carried_paras(draft)} == {"kh-ubnd-binh-dinh-2025"}
    assert draft.place_date.startswith("Gia Lai, ")


def test_no_real_draft_sends_to_or_reports_to_an_ended_body(real):
    ix, book = real
    for slug, entry in book.entries.items():
        if entry.sheet is None:
            continue
        draft, gone = book.draft(slug), ended_names(ix, entry.sheet.year)
        for line in [*draft.recipients, *reporting_lines(draft)]:
            assert not names_any(gone, line), (slug, line)


# --- the drafts index follows the province at the data's date --------------------------------------


def test_drafts_are_grouped_under_the_province_at_the_data_date(synthetic):
    _, _, book = synthetic
    provinces = [name for name, _ in book.by_province()]
    assert provinces == ["A"]  # tỉnh C merged into tỉnh A on 01/07/2025
    a = dict(book.by_province())["A"]
    assert "so-dttg-a" in {o.id for o, _ in a}
    assert {"ban-dan-toc-c", "ubnd-c", "phong-th-ban-c"} <= {s.org.id for s in book.skipped_in("A")}
    assert not book.skipped_in("C")


def test_real_drafts_index_groups_by_the_provinces_of_today(real):
    ix, book = real
    merged_away = {p.province for p in ix.data.validity.provinces if p.change == "hop-nhat" and p.into != p.province}
    provinces = {name for name, _ in book.by_province()}
    assert not provinces & merged_away and {"Gia Lai", "Vĩnh Long"} <= provinces
    assert "ubnd-binh-dinh" in {s.org.id for s in book.skipped_in("Gia Lai")}
    assert "vp-ubnd-tra-vinh" in {s.org.id for s in book.skipped_in("Vĩnh Long")}
