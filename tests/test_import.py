"""`python -m macros import`: the five source plans come back as their hand-made records, a Word
plan of a new unit goes all the way to a built page, and broken files are refused cleanly."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.data.loader import load
from macros.importer import ImportRefused, import_plan
from tests.conftest import DATA, ENV, ROOT

# Plan files by name: collecting the tests reads no data, so a data error fails a test, not the collection.
PLANS = sorted(p.stem for p in (DATA / "plans").glob("*.yaml"))


@pytest.fixture(scope="module")
def hand_made():
    return load(DATA)

# Every way the importer's record differs from the hand-made one, with the reason (kept in sync with the
# maintainer guide, section "Nhập kế hoạch từ tệp Word"). Anything not listed here fails the test.
KNOWN_DIFFERENCES = {
    ("kh-vpubnd-lai-chau-2025", "targets: 3 ≠ 4"):
        "the hand-made record splits the source's third dash ('… loại “Tốt”. Đăng ký … mô hình') into two targets",
}


def structure(plan) -> dict:
    """What a reader checks first: identity, the number of each part, who is assigned work, the foot."""
    get = plan.get if isinstance(plan, dict) else lambda k, d=None: getattr(plan, k, d)
    jobs = get("assignments", []) or []
    signer = get("signer")
    signer = signer if isinstance(signer, dict) or signer is None else signer.model_dump(exclude_none=True)
    return {
        "number": get("number"), "date": get("date"), "title": get("title"),
        "targets": len(get("targets", []) or []), "tasks": len(get("tasks", []) or []),
        "assignments": [j["unit_text"] if isinstance(j, dict) else j.unit_text for j in jobs],
        "recipients": list(get("recipients", []) or []), "signer": signer or None,
    }


def differences(plan_id: str, mine: dict, theirs: dict) -> set[tuple[str, str]]:
    found = set()
    for key in mine:
        if mine[key] != theirs[key]:
            shown = (f"{mine[key]} ≠ {theirs[key]}" if key in {"targets", "tasks"} else f"{mine[key]!r} ≠ {theirs[key]!r}")
            found.add((plan_id, f"{key}: {shown}"))
    return found


@pytest.mark.parametrize("plan_id", PLANS)
def test_importing_a_source_gives_back_its_hand_made_structure(hand_made, plan_id):
    plan = hand_made.plans[plan_id]
    outcome = import_plan(DATA / "sources" / plan.source, DATA, dry_run=True)
    assert outcome.written == []
    assert outcome.draft.plan["id"] == plan_id
    assert outcome.draft.plan["source"] == plan.source
    found = differences(plan_id, structure(outcome.draft.plan), structure(plan))
    expected = {k for k in KNOWN_DIFFERENCES if k[0] == plan_id}
    assert found == expected, sorted(found)


@pytest.mark.parametrize("plan_id", PLANS)
def test_each_guess_points_at_the_source_line_it_was_read_from(hand_made, plan_id):
    """A maintainer opens the source at a review note's line and finds the words the guess is about."""
    plan = hand_made.plans[plan_id]
    lines = hand_made.sources[plan.source].splitlines()
    review = import_plan(DATA / "sources" / plan.source, DATA, dry_run=True).draft.plan["review"]
    themes = [r for r in review if r["field"].startswith("tasks[") and r["field"].endswith(".themes")]
    assert len(themes) == len(plan.tasks)
    for note in themes:
        task = plan.tasks[int(note["field"][6:].split("]")[0])]
        words = " ".join((task.title or task.text).split()[:3])
        assert words in lines[note["line"] - 1].replace("*", ""), (note, words)
    for note in review:
        assert "line" not in note or lines[note["line"] - 1].strip(), note


def test_a_text_pdf_reads_like_its_source(hand_made, tmp_path):
    """The Trà Vinh plan printed to PDF by chromium: pypdf's text gives the same structure back."""
    import html

    from tests.browser import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is needed to print the PDF")
    plan = hand_made.plans["kh-26-2023-vp-ubnd-tra-vinh"]
    lines = (hand_made.sources[plan.source]).replace("**", "").splitlines()
    page = tmp_path / "ke-hoach.html"
    page.write_text("<meta charset='utf-8'><body style='font: 14pt serif'>"
                    + "".join(f"<p>{html.escape(line)}</p>" for line in lines if line.strip()), encoding="utf-8")
    pdf = tmp_path / "ke-hoach.pdf"
    subprocess.run([CHROMIUM, *CHROMIUM_ARGS, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri()],
                   capture_output=True, timeout=120, check=True)
    outcome = import_plan(pdf, DATA, dry_run=True)
    assert outcome.draft.plan["source"] == plan.source  # the same words: the same plan, not a second one
    assert differences(plan.id, structure(outcome.draft.plan), structure(plan)) == set()


def test_a_copy_of_a_kept_source_is_the_same_plan(hand_made, tmp_path):
    """The Lai Châu draft has no number: a copy of its source from elsewhere still finds its record."""
    plan = hand_made.plans["kh-vpubnd-lai-chau-2025"]
    copy = tmp_path / "ban-sao.txt"
    copy.write_text(hand_made.sources[plan.source], encoding="utf-8")
    outcome = import_plan(copy, DATA, dry_run=True)
    assert (outcome.draft.plan["id"], outcome.draft.plan["source"]) == (plan.id, plan.source)
    assert set(outcome.files) == {DATA / "plans" / f"{plan.id}.yaml"}


# --- a Word plan of a new unit, Nghị định 30/2020 layout -------------------------------------------

PREAMBLE = ("Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tăng cường và đổi mới công tác "
            "dân vận trong cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới; Kế hoạch số 13/KH-UBND "
            "ngày 17/01/2022 của Ủy ban nhân dân tỉnh Lào Cai về thực hiện công tác dân vận chính quyền giai đoạn "
            "2022 - 2026, Sở Xây dựng ban hành Kế hoạch thực hiện công tác dân vận chính quyền năm 2026 như sau:")
BODY = [
    ("I. MỤC ĐÍCH, YÊU CẦU", True),
    ("1. Mục đích", True),
    ("Nâng cao nhận thức, trách nhiệm của công chức, viên chức và người lao động của Sở về công tác dân vận chính quyền.", False),
    ("2. Yêu cầu", True),
    ("Việc triển khai phải bám sát chức năng, nhiệm vụ của Sở, gắn với cải cách hành chính trong lĩnh vực xây dựng.", False),
    ("II. MỘT SỐ CHỈ TIÊU CỤ THỂ", True),
    ("1. 100% phòng, đơn vị trực thuộc xây dựng kế hoạch thực hiện công tác dân vận chính quyền.", False),
    ("2. Đăng ký xây dựng từ 01 đến 02 mô hình “Dân vận khéo” trong năm 2026.", False),
    ("III. NHIỆM VỤ VÀ GIẢI PHÁP", True),
    ("1. Tuyên truyền, quán triệt các văn bản về công tác dân vận", True),
    ("Quán triệt Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ đến toàn thể công chức, viên chức.", False),
    ("2. Đẩy mạnh cải cách thủ tục hành chính trong cấp phép xây dựng", True),
    ("Công khai, minh bạch thủ tục cấp giấy phép xây dựng; giải quyết đúng hạn hồ sơ của người dân, doanh nghiệp.", False),
    ("IV. TỔ CHỨC THỰC HIỆN", True),
    ("1. Văn phòng Sở:", False),
    ("- Tham mưu theo dõi, đôn đốc việc thực hiện Kế hoạch này.", False),
    ("- Tổng hợp, báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh (qua Sở Nội vụ) định kỳ 6 tháng (trước ngày "
     "15 tháng 6 hằng năm) và năm (trước ngày 15 tháng 12 hằng năm).", False),
    ("2. Các phòng, đơn vị trực thuộc Sở căn cứ Kế hoạch này triển khai thực hiện tại đơn vị.", False),
    ("3. Đề nghị Công đoàn Sở phối hợp tuyên truyền, vận động đoàn viên thực hiện Kế hoạch này.", False),
    ("Trên đây là Kế hoạch thực hiện công tác dân vận chính quyền năm 2026 của Sở Xây dựng./.", False),
]


def write_word_plan(path: Path) -> Path:
    """A plan as a department would send it: header and signature blocks in tables (Phụ lục I, NĐ 30/2020)."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    header = document.add_table(rows=1, cols=2)
    for cell, lines in zip(header.rows[0].cells, (["UBND TỈNH LÀO CAI", "SỞ XÂY DỰNG", "Số: 45/KH-SXD"],
                                                 ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                                  "Lào Cai, ngày 05 tháng 02 năm 2026"])):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    document.add_paragraph().add_run("KẾ HOẠCH").bold = True
    document.add_paragraph().add_run("Thực hiện công tác dân vận chính quyền năm 2026").bold = True
    document.add_paragraph(PREAMBLE)
    for text, bold in BODY:
        run = document.add_paragraph().add_run(text)
        run.bold, run.font.size = bold, Pt(14)
    foot = document.add_table(rows=1, cols=2)
    recipients, signature = foot.rows[0].cells
    recipients.paragraphs[0].text = "Nơi nhận:"
    for line in ("- UBND tỉnh (b/c);", "- Sở Nội vụ;", "- Các phòng, đơn vị trực thuộc Sở;", "- Lưu: VT, VP."):
        recipients.add_paragraph(line)
    signature.paragraphs[0].text = "KT. GIÁM ĐỐC"
    for line in ("PHÓ GIÁM ĐỐC", "(Đã ký)", "Nguyễn Văn An"):
        signature.add_paragraph(line)
    document.save(str(path))
    return path


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros", *args], cwd=ROOT, env=ENV, capture_output=True,
                          text=True, timeout=300)


def clear_review_marks(data: Path) -> None:
    """What a maintainer does after checking the records the importer created: delete their `review:` lines."""
    for path in [*(data / "organisations").glob("*.yaml"), *(data / "documents").glob("*.yaml")]:
        text = path.read_text(encoding="utf-8")
        kept = "".join(line for line in text.splitlines(keepends=True) if not line.lstrip().startswith("review:"))
        if kept != text:
            path.write_text(kept, encoding="utf-8")


@pytest.fixture
def word_plan(tmp_path) -> Path:
    return write_word_plan(tmp_path / "Ke hoach DVCQ 2026 - So Xay dung.docx")


def test_word_plan_of_a_new_unit_imports_checks_and_builds(word_plan, data_copy, tmp_path):
    from tests.conftest import build_site
    from tests.htmlcheck import link_targets, main_text

    result = run_cli("import", str(word_plan), "--data", str(data_copy))
    assert result.returncode == 0, result.stderr
    plan_path = Path(result.stdout.strip().splitlines()[-1])
    assert plan_path == data_copy / "plans" / "kh-45-2026-so-xay-dung-lao-cai.yaml"
    assert "2 chỉ tiêu, 2 nhiệm vụ, 3 mục giao việc" in result.stderr
    assert "đã khớp dữ liệu: 2 (ct-33-2021-ttg, kh-13-2022-ubnd-lao-cai)." in result.stderr
    plan = unchecked(data_copy).plans[plan_path.stem]
    assert (plan.number, plan.date, plan.place, plan.issuer) == ("45/KH-SXD", "2026-02-05", "Lào Cai", "so-xay-dung-lao-cai")
    assert plan.implements == ["ct-33-2021-ttg", "kh-13-2022-ubnd-lao-cai"]
    assert (data_copy / "sources" / plan.source).read_text(encoding="utf-8").count("KẾ HOẠCH") == 1
    assert [j.unit for j in plan.assignments] == ["van-phong-so-xay-dung-lao-cai", None, "cong-doan-so-xay-dung-lao-cai"]
    report_days = [(r.period, r.due, r.to, r.via) for r in plan.assignments[0].reports]
    assert report_days == [("6-thang", ["06-15"], "ubnd-lao-cai", "so-noi-vu-lao-cai"),
                           ("nam", ["12-15"], "ubnd-lao-cai", "so-noi-vu-lao-cai")]
    assert "trước ngày 15 tháng 6 hằng năm" in plan.assignments[0].reports[0].text
    assert plan.signer.model_dump(exclude_none=True) == {"deputy_for": "GIÁM ĐỐC", "title": "PHÓ GIÁM ĐỐC",
                                                          "name": "Nguyễn Văn An"}
    assert any(r.field == "issuer" for r in plan.review) and all(r.note for r in plan.review)

    assert plan.notes == 'Mục 3 phần IV là lời đề nghị ("Đề nghị Công đoàn Sở"), không phải giao việc.'

    check = run_cli("check", "--data", str(data_copy))
    assert check.returncode == 1 and f"organisations/{plan.id}.yaml:" in check.stderr, check.stderr
    assert "cơ quan ban hành của kế hoạch kh-45-2026-so-xay-dung-lao-cai do lệnh nhập tạo" in check.stderr
    clear_review_marks(data_copy)  # the maintainer checked the new bodies
    check = run_cli("check", "--data", str(data_copy))
    assert check.returncode == 0, check.stderr
    assert f"{plan_path.name}" in check.stderr and f"còn {len(plan.review)} chỗ máy đoán" in check.stderr
    built = build_site(tmp_path / "site", data_copy)
    assert built.returncode == 0, built.stdout + built.stderr
    site = tmp_path / "site"
    page = site / "ke-hoach" / f"{plan.id}.html"
    assert "Thực hiện công tác dân vận chính quyền năm 2026" in main_text(page)
    assert f"còn {len(plan.review)} chỗ máy đoán chưa được soát lại" in main_text(page)
    for base, kind in (("kh-13-2022-ubnd-lao-cai", "ke-hoach"), ("ct-33-2021-ttg", "van-ban")):
        assert f"{kind}/{base}.html" in link_targets(site, page)
        assert f"ke-hoach/{plan.id}.html" in link_targets(site, site / kind / f"{base}.html")


def test_second_import_writes_the_same_files_and_dry_run_writes_none(word_plan, data_copy):
    first = import_plan(word_plan, data_copy)
    snapshot = {p: p.read_bytes() for p in first.written}
    assert {p.parent.name for p in snapshot} == {"plans", "organisations", "sources"}
    again = import_plan(word_plan, data_copy)
    assert again.written == []
    assert {p: p.read_bytes() for p in snapshot} == snapshot
    dry = run_cli("import", str(word_plan), "--data", str(data_copy), "--dry-run")
    assert dry.returncode == 0
    assert dry.stdout == snapshot[first.plan_path].decode("utf-8")


def test_an_import_never_overwrites_a_different_plan(word_plan, data_copy, tmp_path):
    """The same plan again (here as text copied from a page, not the Word file) is reported as already
    there and not written: the maintainer's edits stay."""
    first = import_plan(word_plan, data_copy)
    edited = first.plan_path.read_text(encoding="utf-8").replace("review:", "notes: Đã soát.\nreview:")
    first.plan_path.write_text(edited, encoding="utf-8")
    for again in (word_plan, _as_text(word_plan, tmp_path)):
        result = run_cli("import", str(again), "--data", str(data_copy))
        assert result.returncode == 0 and "Đã có trong dữ liệu, không ghi lại" in result.stderr, result.stderr
        assert "kh-45-2026-so-xay-dung-lao-cai" in result.stderr
        assert first.plan_path.read_text(encoding="utf-8") == edited
    assert sorted(p.name for p in (data_copy / "plans").glob("kh-45-*")) == [first.plan_path.name]


def test_update_refreshes_a_record_from_a_better_copy_keeping_the_maintainers_edits(word_plan, data_copy, tmp_path):
    """First a copy without the signature block, reviewed and edited by hand; then the Word file: the
    signer arrives, the hand edits (a task's themes, a note, review notes cleared) stay."""
    from macros.importer.reading import read_source

    lines = read_source(word_plan).text.splitlines()
    poor = tmp_path / "ban-thieu-chu-ky.txt"
    poor.write_text("\n".join(line for line in lines if line not in ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"))
                    + "\n", encoding="utf-8")
    first = import_plan(poor, data_copy)
    plan_id = first.draft.plan["id"]
    assert "signer" not in first.draft.plan
    edited = yaml.safe_load(first.plan_path.read_text(encoding="utf-8"))
    other_theme = next(t for t in sorted(unchecked(data_copy).themes) if t not in edited["tasks"][0]["themes"])
    edited["tasks"][0]["themes"] = [other_theme]
    edited["notes"] = "Đã soát chủ đề nhiệm vụ 1 với Văn phòng Sở."
    cleared = [n for n in edited["review"] if n["field"] == "tasks[0].themes"]
    edited["review"] = [n for n in edited["review"] if n not in cleared]
    first.plan_path.write_text(yaml.safe_dump(edited, allow_unicode=True, sort_keys=False), encoding="utf-8")

    result = run_cli("import", str(word_plan), "--data", str(data_copy), "--update")
    assert result.returncode == 0, result.stderr
    plan = unchecked(data_copy).plans[plan_id]
    assert plan.signer.name == "Nguyễn Văn An"  # from the better copy
    assert plan.tasks[0].themes == [other_theme] and plan.notes == edited["notes"]  # the maintainer's
    assert cleared and not [r for r in plan.review if r.field == "tasks[0].themes"]
    assert not [r for r in plan.review if "không có khối chữ ký" in r.note]
    assert "Nguyễn Văn An" in (data_copy / "sources" / plan.source).read_text(encoding="utf-8")
    assert sorted(p.name for p in (data_copy / "plans").glob("kh-45-*")) == [f"{plan_id}.yaml"]


def _as_text(word_plan: Path, folder: Path) -> Path:
    """The plan as a portal shows it: the motto block above the issuer's, lines wrapped at 70."""
    from macros.importer.reading import read_source

    lines = read_source(word_plan).text.splitlines()
    motto = [line for line in lines if "CỘNG HÒA" in line or "Độc lập" in line]
    text = "\n".join([*motto, *(line for line in lines if line not in motto)])
    path = folder / "ban-sao.txt"
    path.write_text("\n".join(w for line in text.splitlines() for w in textwrap.wrap(line, 70) or [""]) + "\n",
                    encoding="utf-8")
    return path


def test_word_numbering_drawn_by_word_is_read(tmp_path, data_copy):
    """Tasks and duties numbered by Word itself (no "1." typed) still make tasks and assignments."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    decimal = document.styles["List Number"].element.find(f"{w}pPr/{w}numPr/{w}numId").get(f"{w}val")
    abstract = next(n.find(f"{w}abstractNumId").get(f"{w}val") for n in numbering.findall(f"{w}num")
                    if n.get(f"{w}numId") == decimal)  # the template's "%1." list

    def new_list(num_id: int) -> None:  # a second "1., 2." list restarting at 1, as Word writes it
        numbering.append(parse_xml(f'<w:num xmlns:w="{w[1:-1]}" w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>'
                                   '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))

    def numbered(text: str, num_id: int | None = None, style: str = "List Number") -> None:
        document.add_paragraph(text, style=style)
        if num_id:
            ppr = list(document.element.body.iter(f"{w}p"))[-1].find(f"{w}pPr")
            ppr.append(parse_xml(f'<w:numPr xmlns:w="{w[1:-1]}"><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))

    for line in ("UBND TỈNH LÀO CAI", "SỞ XÂY DỰNG", "Số: 46/KH-SXD", "Lào Cai, ngày 06 tháng 02 năm 2026", "KẾ HOẠCH",
                 "Thực hiện công tác dân vận chính quyền năm 2026", PREAMBLE, "I. NHIỆM VỤ VÀ GIẢI PHÁP"):
        document.add_paragraph(line)
    numbered("Tuyên truyền, quán triệt Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ.")
    numbered("Công khai thủ tục cấp giấy phép xây dựng.")
    document.add_paragraph("II. TỔ CHỨC THỰC HIỆN")
    new_list(900)
    numbered("Văn phòng Sở:", 900)
    numbered("Theo dõi, đôn đốc thực hiện Kế hoạch này.", style="List Bullet")
    numbered("Các phòng, đơn vị trực thuộc Sở căn cứ Kế hoạch này triển khai thực hiện.", 900)
    path = tmp_path / "tu-dong-danh-so.docx"
    document.save(str(path))

    outcome = import_plan(path, data_copy, dry_run=True)
    plan = outcome.draft.plan
    assert [(t["number"], t["text"].strip()[:10]) for t in plan["tasks"]] == [("1", "Tuyên truy"), ("2", "Công khai ")]
    assert [(j["number"], j["unit_text"], j["duties"]) for j in plan["assignments"]] == [
        ("1", "Văn phòng Sở", ["Theo dõi, đôn đốc thực hiện Kế hoạch này."]),
        ("2", "Các phòng, đơn vị trực thuộc Sở", ["căn cứ Kế hoạch này triển khai thực hiện."])]
    kept = outcome.files[data_copy / "sources" / plan["source"]]
    assert "\n1. Văn phòng Sở:\n- Theo dõi" in kept


NEW_PROVINCE = """ỦY BAN NHÂN DÂN
TỈNH YÊN BÁI
Số: 52/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Yên Bái, ngày 08 tháng 3 năm 2024

KẾ HOẠCH
Thực hiện công tác dân vận chính quyền năm 2024

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;
Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện công tác dân vận chính quyền năm 2024 như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao nhận thức của cán bộ, công chức về công tác dân vận.
2. Yêu cầu
Bám sát chỉ đạo của Trung ương và của tỉnh.

II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Tuyên truyền, quán triệt
a) Quán triệt Chỉ thị số 33/CT-TTg đến cán bộ, công chức.
b) Tuyên truyền trên Cổng thông tin điện tử tỉnh.
2. Cải cách hành chính
Đẩy mạnh cải cách thủ tục hành chính, chuyển đổi số.

III. KINH PHÍ THỰC HIỆN
Kinh phí thực hiện từ nguồn ngân sách nhà nước theo phân cấp hiện hành.

IV. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ
- Hướng dẫn, theo dõi, đôn đốc thực hiện Kế hoạch.
- Tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12/2024.
2. Sở Tài chính: bố trí kinh phí thực hiện Kế hoạch.
3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp giám sát việc thực hiện Kế hoạch.

Nơi nhận:
- Bộ Nội vụ;
- TT Tỉnh ủy;
- Lưu: VT, NC.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình
"""


def test_plan_of_a_province_not_in_the_data(data_copy, tmp_path):
    """Yên Bái has no record yet: its People's Committee, departments and Front come in as new entries,
    'Căn cứ' stays a basis (not a parent), a part the model has no place for is reported, not dropped silently."""
    path = tmp_path / "yen-bai.txt"
    path.write_text(NEW_PROVINCE, encoding="utf-8")
    outcome = import_plan(path, data_copy)
    plan = unchecked(data_copy).plans["kh-52-2024-ubnd-yen-bai"]
    assert (plan.issuer, plan.implements) == ("ubnd-yen-bai", ["ct-33-2021-ttg"])
    orgs = {o["id"]: (o["level"], o.get("parent")) for o in outcome.draft.organisations}
    assert orgs == {"ubnd-yen-bai": ("tinh", None), "so-noi-vu-yen-bai": ("so-nganh", "ubnd-yen-bai"),
                    "so-tai-chinh-yen-bai": ("so-nganh", "ubnd-yen-bai"),
                    "uy-ban-mat-tran-to-quoc-viet-nam-yen-bai": ("tinh", None)}
    assert [(r.due, r.to) for r in plan.assignments[0].reports] == [(["2024-12-15"], "ubnd-yen-bai")]
    assert outcome.draft.skipped == ["KINH PHÍ THỰC HIỆN"]
    assert any("KINH PHÍ" in r.note for r in plan.review)
    refused = run_cli("check", "--data", str(data_copy))
    assert refused.returncode == 1
    line = next(i for i, text in enumerate((data_copy / "organisations" / f"{plan.id}.yaml").read_text(
        encoding="utf-8").splitlines(), 1) if text.strip().startswith("review:") and "ỦY BAN NHÂN DÂN" in text.upper())
    assert f"organisations/{plan.id}.yaml:{line}: review:" in refused.stderr, refused.stderr
    clear_review_marks(data_copy)
    assert run_cli("check", "--data", str(data_copy)).returncode == 0


def test_a_cited_document_the_data_lacks_arrives_as_a_record_to_review(data_copy, tmp_path):
    """The number, type, day, issuer and title stand in the citing sentence: the importer writes them into a
    document record marked for review, the plan links to it, and `check` refuses until it is reviewed."""
    cited = ("c) Thực hiện Chỉ thị số 05-CT/TU ngày 12/3/2024 của Tỉnh ủy về tăng cường công tác dân vận "
             "trong tình hình mới.")
    path = tmp_path / "yen-bai.txt"
    path.write_text(NEW_PROVINCE.replace("b) Tuyên truyền trên Cổng thông tin điện tử tỉnh.\n",
                                         f"b) Tuyên truyền trên Cổng thông tin điện tử tỉnh.\n{cited}\n"), encoding="utf-8")
    outcome = import_plan(path, data_copy)
    [record] = outcome.draft.documents
    document = load_documents(data_copy)[record["id"]]
    assert (document.number, document.type, document.date, document.title) == (
        "05-CT/TU", "chi-thi", "2024-03-12", "tăng cường công tác dân vận trong tình hình mới")
    assert record["id"] in outcome.draft.cited and outcome.draft.unresolved == []
    line = next(i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "05-CT/TU" in text)
    assert f"dòng {line}" in document.review
    refused = run_cli("check", "--data", str(data_copy))
    assert refused.returncode == 1 and f"documents/{record['id']}.yaml:" in refused.stderr and "đối chiếu số, loại" in refused.stderr
    clear_review_marks(data_copy)
    passed = run_cli("check", "--data", str(data_copy))
    assert passed.returncode == 0 and "05-CT/TU" not in passed.stderr, passed.stderr


def test_a_mistyped_number_in_the_source_links_to_the_record_meant(data_copy, tmp_path):
    """'33/TT-TTg' differs from 33/CT-TTg only in its type code: the source stays as written, the plan's
    `corrections` sends the link to the directive, and no warning about an unknown citation stays."""
    from macros.knowledge.index import SiteIndex

    path = tmp_path / "yen-bai.txt"
    path.write_text(NEW_PROVINCE.replace("a) Quán triệt Chỉ thị số 33/CT-TTg", "a) Quán triệt Chỉ thị số 33/TT-TTg"),
                    encoding="utf-8")
    outcome = import_plan(path, data_copy)
    assert outcome.draft.plan["corrections"] == [
        {"text": "33/TT-TTg", "target": "ct-33-2021-ttg", "note": "số hiệu chỉ khác mã loại văn bản với ct-33-2021-ttg"}]
    assert any(r["field"] == "corrections" for r in outcome.draft.plan["review"])
    assert outcome.draft.documents == [] and outcome.draft.unresolved == []
    assert "33/TT-TTg" in (data_copy / "sources" / outcome.draft.plan["source"]).read_text(encoding="utf-8")
    clear_review_marks(data_copy)
    data = load(data_copy)
    index = SiteIndex(data)
    plan_id = outcome.draft.plan["id"]
    assert any(c.plan == plan_id and c.target == "ct-33-2021-ttg" and c.text == "33/TT-TTg" for c in index.citations.all)
    assert not [u for u in index.citations.unresolved if u.record == plan_id]


def load_documents(data: Path) -> dict:
    return unchecked(data).documents


def unchecked(data: Path):
    """The data as read, before `check`'s refusals (records the importer created are not reviewed yet)."""
    from macros.data.loader import read_all

    return read_all(data)[0]


# --- broken and odd files ---------------------------------------------------------------------------

def _scanned_pdf(path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with path.open("wb") as handle:
        writer.write(handle)


def _plan_that_is_a_cited_document(path: Path) -> None:
    """Kế hoạch 35/KH-UBND of Trà Vinh is in data/documents/ (cited by the Văn phòng plan): same id."""
    path.write_text("ỦY BAN NHÂN DÂN\nTỈNH TRÀ VINH\nSố: 35/KH-UBND\nTrà Vinh, ngày 11 tháng 4 năm 2023\nKẾ HOẠCH\n"
                    "Thực hiện công tác dân vận chính quyền năm 2023\nI. NHIỆM VỤ\n1. Tuyên truyền.\n", encoding="utf-8")


ODD_FILES = {
    "van-ban-da-co.txt": (_plan_that_is_a_cited_document, "data/documents/kh-35-2023-ubnd-tra-vinh.yaml"),
    "rong.txt": (lambda p: p.write_text("", encoding="utf-8"), "không có chữ"),
    "cong-van.txt": (lambda p: p.write_text("Số: 12/UBND-NC\nV/v báo cáo\n\nKính gửi: Sở Nội vụ\n", encoding="utf-8"),
                     "không tìm thấy dòng 'KẾ HOẠCH'"),
    "khong-phan.txt": (lambda p: p.write_text("KẾ HOẠCH\nThực hiện công tác dân vận\n\nNội dung không chia phần.\n",
                                              encoding="utf-8"), "không tìm thấy các phần"),
    "ban-quet.pdf": (_scanned_pdf, "không có lớp chữ"),
    "qua-lon.txt": (lambda p: p.write_text("KẾ HOẠCH\n" + "Dòng văn bản lặp lại.\n" * 100_000, encoding="utf-8"),
                    "quá lớn"),
    "hong.docx": (lambda p: p.write_bytes(b"PK\x03\x04 not really a zip"), "không phải tệp Word .docx hợp lệ"),
    "cu.doc": (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0 old Word"), "chỉ nhập được tệp .docx"),
    "latin1.txt": (lambda p: p.write_bytes("KẾ HOẠCH".encode("utf-16")), "không phải tệp văn bản"),
}


@pytest.mark.parametrize("name", sorted(ODD_FILES))
def test_odd_files_are_refused_with_a_message_and_nothing_written(name, data_copy, tmp_path):
    make, message = ODD_FILES[name]
    path = tmp_path / name
    make(path)
    before = {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()}
    result = run_cli("import", str(path), "--data", str(data_copy))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert result.stderr.startswith("Không nhập được: ") and message in result.stderr, result.stderr
    assert {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()} == before


SOURCES = sorted((DATA / "sources").iterdir())


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_cut_and_shuffled_sources_import_or_are_refused_never_crash(data):
    """Real plans with lines dropped, repeated, moved or garbled: a record that passes the model and the
    verbatim rule, or a refusal that names the problem, never a traceback or an internal error."""
    import tempfile

    lines = data.draw(st.sampled_from(SOURCES)).read_text(encoding="utf-8").splitlines()
    for _ in range(data.draw(st.integers(0, 6))):
        at = data.draw(st.integers(0, max(len(lines) - 1, 0)))
        action = data.draw(st.sampled_from(["drop", "repeat", "move", "garble"]))
        if not lines:
            break
        if action == "drop":
            del lines[at]
        elif action == "repeat":
            lines.insert(at, lines[at])
        elif action == "move":
            lines.insert(data.draw(st.integers(0, len(lines))), lines.pop(at))
        else:
            lines[at] = data.draw(st.text(max_size=40))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ke-hoach.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        try:
            outcome = import_plan(path, DATA, dry_run=True)
        except ImportRefused as refusal:
            assert "lỗi của lệnh nhập" not in str(refusal), str(refusal)
        else:
            assert outcome.draft.plan["tasks"]


def test_word_footnotes_become_the_plans_footnotes(word_plan, tmp_path, data_copy):
    """A footnote Word keeps in word/footnotes.xml: marked [^1] where it is cited, its text in `footnotes`."""
    import re
    import zipfile

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    note = "Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ Chính trị ban hành Quy chế công tác dân vận."
    parts = dict((i.filename, zipfile.ZipFile(word_plan).read(i)) for i in zipfile.ZipFile(word_plan).infolist())
    cited = "đến toàn thể công chức, viên chức.</w:t></w:r>"
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        cited.encode(), (cited + '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                         '<w:footnoteReference w:id="1"/></w:r>').encode())
    parts["word/footnotes.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{w}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve"> {note}</w:t></w:r></w:p></w:footnote>'
        '</w:footnotes>').encode()
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>')
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
    assert cited.encode() in zipfile.ZipFile(word_plan).read("word/document.xml")
    with_note = tmp_path / "co-chu-thich.docx"
    with zipfile.ZipFile(with_note, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)

    import_plan(with_note, data_copy)
    plan = unchecked(data_copy).plans["kh-45-2026-so-xay-dung-lao-cai"]
    assert [(f.number, f.text) for f in plan.footnotes] == [(1, note)]
    assert re.search(r"công chức, viên chức\.\[\^1\]$", plan.tasks[0].text.strip())
