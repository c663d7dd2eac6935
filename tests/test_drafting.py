"""Drafting guide and templates: the .docx and plain-text templates, their layout and sources, and their pages."""

from __future__ import annotations

import io
import re
import zipfile
from typing import get_args

import pytest

from macros.data import model
from macros.data.dates import PartialDate
from macros.data.loader import load
from macros.data.validate import FOOTNOTE_REF
from macros.drafting import plaintext as T
from macros.drafting import draftdoc as DD
from macros.drafting import guide as D
from macros.drafting import templates as DT
from macros.drafting import word as W
from macros.knowledge.calendar import STAMP
from macros.knowledge.index import SiteIndex
from macros.knowledge.records import CENTRAL
from macros.site.render import Renderer
from macros.text.format import LABELS
from tests.conftest import DATA
from tests.docxread import cell_lines, open_docx, paragraphs
from tests.htmlcheck import link_targets, main_text, parse
from tests.minidata import write_minidata

ROMAN = ("I.", "II.", "III.", "IV.")


def kit_of(data_dir) -> D.Drafting:
    ix = SiteIndex(load(data_dir))
    return D.Drafting(ix, Renderer(ix).title_of)


@pytest.fixture(scope="module")
def kit() -> D.Drafting:
    return kit_of(DATA)


@pytest.fixture(scope="module")
def drafts(kit) -> dict[str, D.Draft]:
    return {d.slug: d for d in kit.drafts}


@pytest.fixture(scope="module")
def files(drafts) -> dict[str, tuple[bytes, str]]:
    return {slug: (W.to_docx(d), T.to_bytes(d)) for slug, d in drafts.items()}


# --- reading the outputs back ------------------------------------------------------------------


def docx_outline(blob: bytes) -> dict:
    doc = open_docx(blob)
    head, foot = doc.tables[0], doc.tables[-1]
    body = paragraphs(blob)
    return {
        "header": [cell_lines(c) for row in head.rows for c in row.cells],
        "kind": body[0].text, "summary": body[1].text,
        "parts": [p.text for p in body if p.style.name == "Heading 1"],
        "sections": [p.text for p in body if p.style.name == "Heading 2"],
        "items": [p.text[2:] for p in body if p.text.startswith("- ")],
        "hints": [p.text for p in body if p.text.startswith("Gợi ý (")],
        "recipients": cell_lines(foot.rows[0].cells[0])[1:],
        "signer": cell_lines(foot.rows[0].cells[1]),
    }


def docx_lines(blob: bytes) -> list[str]:
    """Every line a reader sees in the .docx, in order: header cells, body paragraphs, the foot."""
    doc = open_docx(blob)
    head, foot = doc.tables[0], doc.tables[-1]
    lines = [x for col in (0, 1) for row in head.rows for x in cell_lines(row.cells[col])]  # issuer side first
    lines += [p.text for p in paragraphs(blob)]
    lines += [x for x in cell_lines(foot.rows[0].cells[1])] + cell_lines(foot.rows[0].cells[0])
    return lines


def txt_lines(blob: bytes) -> list[str]:
    """The plain text's lines, blanks out, hints unwrapped and table rows (tab-separated) left out
    (a .docx table's cells are not paragraphs): the same order as `docx_lines`."""
    text = blob.decode("utf-8-sig")
    lines = [x.strip() for x in text.split("\r\n") if x.strip() and "\t" not in x]
    return [x[1:-1] if x.startswith("(Gợi ý") else x for x in lines]


# --- the plan template -------------------------------------------------------------------------


def test_plan_docx_is_an_administrative_document(files):
    doc = open_docx(files["ke-hoach-mau"][0])
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # A4
    for side, mm in DD.MARGINS_MM.items():
        assert round(getattr(section, f"{side}_margin").mm) == mm
    assert doc.styles["Normal"].font.name == "Times New Roman"
    out = docx_outline(files["ke-hoach-mau"][0])
    assert out["header"] == [["[CƠ QUAN CẤP TRÊN]", "[TÊN CƠ QUAN BAN HÀNH]"], list(DD.NATIONAL),
                             ["Số: …/KH-[…]"], ["[Địa danh], ngày … tháng … năm [20…]"]]
    motto = doc.tables[0].rows[0].cells[1].paragraphs[1].runs[0]
    assert motto.bold and motto.underline
    assert doc.tables[0].rows[1].cells[1].paragraphs[0].runs[0].italic
    title = [p for p in doc.paragraphs if p.text.strip()][:2]
    assert [p.text for p in title] == ["KẾ HOẠCH", "Thực hiện công tác dân vận chính quyền năm [20…]"]
    assert all(p.runs[0].bold and p.alignment == 1 for p in title)  # bold, centred


def test_plan_has_the_four_parts_named_as_most_sources_name_them(files, kit):
    parts = docx_outline(files["ke-hoach-mau"][0])["parts"]
    assert [p.split(" ", 1)[0] for p in parts] == list(ROMAN)
    assert parts[0] == "I. MỤC ĐÍCH, YÊU CẦU" and parts[3] == "IV. TỔ CHỨC THỰC HIỆN"
    for part, heading in zip(D.PARTS, parts):
        counts = dict(kit.heading_counts(part))
        assert counts[heading.split(" ", 1)[1]] == max(counts.values())


def test_plan_bases_are_the_documents_most_plans_cite(files, kit):
    ix, n = kit.ix, len(kit.plans)
    expected = {d for d, plans in ix.citations.plans_citing.items() if d in ix.data.documents and len(plans) * 2 >= n
                and ix.records.tier_of(d) in CENTRAL and ix.validity.status(d).state not in {"ceased", "period-ended"}}
    assert set(kit.common_bases) == expected
    assert "ct-33-2021-ttg" in expected  # every source plan implements Chỉ thị 33/CT-TTg
    items = docx_outline(files["ke-hoach-mau"][0])["items"]
    assert items[:len(expected)] == [f"{kit.citation(d)};" for d in kit.common_bases]
    assert "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ" in items[len(expected) - 1]


def test_a_document_no_longer_in_force_leaves_the_template(data_copy):
    (data_copy / "documents" / "ct-99-2024-ttg.yaml").write_text(
        "id: ct-99-2024-ttg\nnumber: 99/CT-TTg\ntype: chi-thi\nissuer: thu-tuong\ndate: '2024-01-02'\n"
        "effective: '2024-01-02'\nrelations:\n  - type: replaces\n    target: ct-33-2021-ttg\n", encoding="utf-8")
    kit = kit_of(data_copy)
    assert "ct-33-2021-ttg" not in kit.common_bases
    assert "33/CT-TTg" not in "\n".join(docx_outline(W.to_docx(kit.drafts[0]))["items"])


def test_plan_signature_block_and_recipients(files, kit):
    out = docx_outline(files["ke-hoach-mau"][0])
    assert out["signer"] == ["TM. [ỦY BAN NHÂN DÂN]", "KT. [CHỦ TỊCH]", "[PHÓ CHỦ TỊCH]", "[Họ và tên]"]
    signer = open_docx(files["ke-hoach-mau"][0]).tables[-1].rows[0].cells[1].paragraphs[0]
    assert signer.runs[0].bold
    assert out["recipients"][-1] == "- Lưu: VT, […]."
    assert all(x.endswith(";") for x in out["recipients"][:-1])
    assert "- Sở Nội vụ;" in out["recipients"]  # named by most source plans


def test_plan_sections_follow_the_common_themes(files, kit):
    sections = docx_outline(files["ke-hoach-mau"][0])["sections"]
    themes = [t.name for t in kit.common_task_themes()]
    assert [s for s in sections if s.split(". ", 1)[1] in themes] == [f"{i}. {t}" for i, t in enumerate(themes, 1)]
    assert all(len(kit.plans_with(t.id, "tasks")) * 2 >= len(kit.plans) for t in kit.common_task_themes())


def test_every_suggestion_is_verbatim_from_its_plan(drafts, kit):
    for draft in drafts.values():
        for para in draft.body:
            if para.quote:
                words = plan_text(kit.data.plans[para.quote.plan])
                assert para.quote.text.removesuffix(" …") in words, para.quote.text


def plan_text(plan: model.Plan) -> str:
    parts = [plan.preamble or "", plan.closing or "", *plan.purposes, *plan.requirements]
    parts += [t.text for t in plan.targets] + [t.text for t in plan.tasks]
    parts += [d for a in plan.assignments for d in a.duties] + [r.text for a in plan.assignments for r in a.reports]
    return " ".join(re.sub(r"^- ", "", re.sub(r"\s+", " ", FOOTNOTE_REF.sub("", p)).strip()) for p in parts)


# --- plain text mirrors Word -------------------------------------------------------------------


@pytest.mark.parametrize("slug", ["ke-hoach-mau", "dang-ky-mo-hinh-dan-van-kheo", "bao-cao-ket-qua"])
def test_plain_text_has_the_same_lines_as_word(files, slug):
    blob, text = files[slug]
    assert txt_lines(text) == docx_lines(blob)


def test_drafts_from_the_data_have_the_same_lines_in_plain_text_and_word(kit):
    for slug in kit.book.entries:
        draft = kit.book.draft(slug)
        assert txt_lines(T.to_bytes(draft)) == docx_lines(W.to_docx(draft)), slug


def test_plain_text_keeps_data_text_as_written(tmp_path):
    root = write_minidata(tmp_path / "data")
    plan = root / "plans" / "kh-1-2025-ubnd-a.yaml"
    hostile = "<b>x</b> [bấm](http://evil.example) **đậm** | ống"
    plan.write_text(plan.read_text(encoding="utf-8").replace("Quán triệt Chỉ thị", f"{hostile} Quán triệt Chỉ thị"),
                    encoding="utf-8")
    source = root / "sources" / "a.txt"  # a plan stands word for word in its source
    source.write_text(source.read_text(encoding="utf-8").replace("Quán triệt Chỉ thị", f"{hostile} Quán triệt Chỉ thị"),
                      encoding="utf-8")
    kit = kit_of(root)
    blob = T.to_bytes(kit.drafts[0])
    assert hostile in blob.decode("utf-8-sig")  # plain text: nothing escaped, nothing interpreted
    assert txt_lines(blob) == docx_lines(W.to_docx(kit.drafts[0]))


# --- form and report ---------------------------------------------------------------------------


def test_form_asks_for_every_field_of_a_campaign_model(files):
    fields = set(model.CampaignModel.model_fields)
    assert set(DT.FORM_FIELDS) | set(DT.FORM_FIELD_OF) == fields
    assert set(DT.FORM_FIELD_OF.values()) <= set(DT.FORM_FIELDS)
    assert set(DT.FORM_STATUS) == set(get_args(model.ModelStatus))
    out = docx_outline(files["dang-ky-mo-hinh-dan-van-kheo"][0])
    assert out["kind"] == "ĐĂNG KÝ" and "“Dân vận khéo”" in out["summary"]
    assert out["sections"] == [f"{i}. {label}:" for i, (label, _) in enumerate(DT.FORM_FIELDS.values(), 1)]
    assert out["header"][1] == list(DD.NATIONAL)
    assert out["header"][2] == ["Số: …/ĐK-[…]"]  # every form has its number line


def test_report_headings_follow_the_plan_template(files, kit):
    plan, report = docx_outline(files["ke-hoach-mau"][0]), docx_outline(files["bao-cao-ket-qua"][0])
    assert report["kind"] == "BÁO CÁO" and report["header"][2] == ["Số: …/BC-[…]"]
    assert [p.split(" ", 1)[0] for p in report["parts"]] == list(ROMAN)
    tasks = [s for s in plan["sections"] if s.split(". ", 1)[1] in {t.name for t in kit.common_task_themes()}]
    assert report["sections"][:len(tasks)] == tasks
    body = " ".join(p.text for p in open_docx(files["bao-cao-ket-qua"][0]).paragraphs)
    for period in DT.REPORT_PERIODS:
        assert f"{DD.CHECKBOX} {LABELS[period]}" in body
    assert report["signer"] == plan["signer"]


# --- stable bytes, robustness ------------------------------------------------------------------


def test_docx_bytes_are_stable(drafts, files):
    for slug, draft in drafts.items():
        blob = files[slug][0]
        assert W.to_docx(draft) == blob
        with zipfile.ZipFile(io.BytesIO(blob)) as z:
            assert {i.date_time for i in z.infolist()} == {W.ZIP_TIME}
            assert "docProps/thumbnail.jpeg" not in z.namelist()  # the stock template's picture
        props = open_docx(blob).core_properties
        stamps = {d.replace(tzinfo=None) for d in (props.created, props.modified, props.last_printed)}
        assert stamps == {STAMP.replace(tzinfo=None)}


def test_templates_build_from_minimal_data(tmp_path):
    kit = kit_of(write_minidata(tmp_path / "data"))
    for draft in kit.drafts:
        assert txt_lines(T.to_bytes(draft)) == docx_lines(W.to_docx(draft))
    assert kit.common_bases == ["ct-33-2021-ttg"]
    assert any(x.startswith("TM. ") for x in kit.drafts[0].signer)  # no signer in the data: generic block


def test_date_line_takes_leading_zeros():
    assert DD.place_date("Lai Châu", PartialDate("2026-02-05")) == "Lai Châu, ngày 05 tháng 02 năm 2026"
    assert DD.place_date("Trà Vinh", PartialDate("2023-04-17")) == "Trà Vinh, ngày 17 tháng 4 năm 2023"


# --- the built site ----------------------------------------------------------------------------


def test_site_publishes_the_same_files(site, files):
    for slug, (blob, text) in files.items():
        assert (site / "mau" / f"{slug}.docx").read_bytes() == blob
        assert (site / "mau" / f"{slug}.txt").read_bytes() == text
    assert not (site / "mau" / "ke-hoach-mau.html").exists()  # the text download is not a page


def test_templates_page_links_downloads_and_previews(site, drafts):
    page = site / "huong-dan" / "mau.html"
    html = page.read_text(encoding="utf-8")
    targets = set(link_targets(site, page))
    text = main_text(page)
    for slug, draft in drafts.items():
        assert {f"mau/{slug}.docx", f"mau/{slug}.txt"} <= targets
        assert f'download="{slug}.docx"' in html
        for para in draft.body:
            if para.style == "part":
                assert para.text in text
    assert text.count(DD.NATIONAL[0]) == len(drafts)


def test_guide_page_is_drawn_from_the_data(site, kit):
    page = site / "huong-dan" / "xay-dung-ke-hoach.html"
    ids, text = parse(page).ids, main_text(page)
    assert {"bo-cuc", "muc-dich", "chi-tieu", "nhiem-vu", "to-chuc", "can-cu", "bao-cao", "the-thuc"} <= ids
    targets = set(link_targets(site, page))
    for doc in kit.common_bases:
        assert f"van-ban/{doc}.html" in targets
    for plan in kit.plans:
        assert f"ke-hoach/{plan.id}.html" in targets
        if plan.purposes:
            assert kit.excerpt(plan.purposes[0]) in text
    for _, _, report in kit.dated_reports():
        assert report.text in text
    for quantity, count in kit.quantities():
        assert f"“{quantity}” ({count})" in text
    for element, rule, ours in DD.RULES:
        assert rule in text and ours in text
    assert f"{len(kit.complete())}/{len(kit.plans)} kế hoạch có đủ bốn phần" in text


def test_section_landing_page_links_both_pages(site):
    page = site / "huong-dan" / "index.html"
    targets = set(link_targets(site, page))
    assert {"huong-dan/xay-dung-ke-hoach.html", "huong-dan/mau.html"} <= targets
    assert "Mẫu và hướng dẫn" in main_text(page)


def test_word_keeps_markup_characters_as_text_and_drops_what_xml_cannot_hold():
    text = 'Tên <b>đậm</b> & “ngoặc” [điền]\x0b\x00 cuối'
    draft = DD.Draft("x/y", text, text, text, "Số: …/KH-…", "A, ngày … tháng … năm 2026", "KẾ HOẠCH", text,
                     (DD.Para("body", text), DD.Para("duty", text), DD.Para("hint", text),
                      DD.Para("table", rows=(("STT", "Chỉ tiêu"), ("1", text)))), (text,), (text,))
    doc = open_docx(W.to_docx(draft))
    shown = "Tên <b>đậm</b> & “ngoặc” [điền] cuối"
    body = [p.text for p in doc.paragraphs if p.text.strip()]
    assert body[:2] == ["KẾ HOẠCH", shown] and body[2:5] == [shown, f"- {shown}", f"Gợi ý: {shown}"]
    assert doc.tables[1].rows[1].cells[1].text == shown
    assert doc.core_properties.subject == shown
