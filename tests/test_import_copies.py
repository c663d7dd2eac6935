"""Plans as they really arrive: copied from portal pages and PDFs, hard-wrapped, header blocks stacked.

The five real sources are the texts: wrapped at any width a copy of them reads as the same record,
and a portal copy of the Lào Cai plan (stacked header with a two-line motto and rule lines, wrapped
title, a part heading cut after its comma, wrapped paragraphs, the signature block beside the
recipients) reads as the record of its clean text.
"""

from __future__ import annotations

import re
import tempfile
import textwrap
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.importer import import_plan
from macros.importer.paragraphs import split
from tests.conftest import DATA

SOURCES = sorted(p.name for p in (DATA / "sources").iterdir())


def hard_wrap(text: str, width: int) -> str:
    """What a narrow page, a mail program or a PDF copy does: every line cut at `width` (at spaces)."""
    out: list[str] = []
    for line in text.splitlines():
        out += textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) if line.strip() else [line]
    return "\n".join(out) + "\n"


@lru_cache(maxsize=None)
def unwrapped(name: str) -> str:
    """The source as one paragraph per line. Four sources are; the Lai Châu department plan is a PDF copy
    cut at every printed line, so its paragraphs (as the import reads them, checked against the hand-made
    record in test_import.py) are written one per line, blank lines between, footnotes in Markdown."""
    text = (DATA / "sources" / name).read_text(encoding="utf-8")
    lines = text.splitlines()
    paras = split(lines)
    if not paras.footnotes and len(paras.body) > 0.5 * len([ln for ln in lines if ln.strip()]):
        return text
    notes = [f"[^{n}]: {p.text}" for n, p in paras.footnotes]
    return "\n\n".join([*(p.text for p in paras.body), *notes]) + "\n"


def imported(text: str) -> tuple[dict, list[dict], list[str]]:
    """(the record without its kept-file name and review notes, the new organisations, the review notes
    as lines of the imported text) of `text` imported without writing."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ban-sao.txt"
        path.write_text(text, encoding="utf-8")
        outcome = import_plan(path, DATA, dry_run=True)
    plan = dict(outcome.draft.plan)
    del plan["source"]
    review = plan.pop("review", [])
    lines = text.splitlines()
    noted = [lines[r["line"] - 1] for r in review if r["field"] == "paragraphs"]
    return plan, outcome.draft.organisations, noted


@lru_cache(maxsize=None)
def clean_record(name: str):
    return imported(unwrapped(name))


def paragraph_starts(value) -> set[str]:
    """The first three words of every paragraph after the first in each text field of a record."""
    if isinstance(value, dict):
        return {s for v in value.values() for s in paragraph_starts(v)}
    if isinstance(value, list):
        return {s for v in value for s in paragraph_starts(v)}
    if isinstance(value, str):
        return {" ".join(p.split()[:3]) for p in value.split("\n\n")[1:] if p.strip()}
    return set()


def one_paragraph(value):
    if isinstance(value, dict):
        return {k: one_paragraph(v) for k, v in value.items()}
    if isinstance(value, list):
        return [one_paragraph(v) for v in value]
    return value.replace("\n\n", " ") if isinstance(value, str) else value


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(SOURCES), width=st.integers(50, 120))
def test_a_source_hard_wrapped_at_any_width_is_the_same_record(name, width):
    """Where the copy keeps a blank line between paragraphs (a web page, the three Markdown-like sources,
    the PDF copy) the record is the same to the letter. The Lào Cai source has no blank lines: where a
    sentence ends at the end of a full line nothing tells a new paragraph from a new sentence, so the
    import keeps them together and names the line in `review:`; nothing else may differ."""
    plan, organisations, _ = clean_record(name)
    wrapped_plan, wrapped_orgs, noted = imported(hard_wrap(unwrapped(name), width))
    assert wrapped_orgs == organisations
    if wrapped_plan == plan:
        return
    assert one_paragraph(wrapped_plan) == one_paragraph(plan)
    lines = unwrapped(name).splitlines()
    assert sum(not line.strip() for line in lines) < 0.1 * len(lines), "blank lines between paragraphs: every break is known"
    lost = paragraph_starts(plan) - paragraph_starts(wrapped_plan)
    assert lost and paragraph_starts(wrapped_plan) <= paragraph_starts(plan)
    noted_starts = {" ".join(line.split()[:3]) for line in noted}
    assert lost <= noted_starts, (lost - noted_starts, width)


# --- a portal copy of the Lào Cai plan --------------------------------------------------------------

PORTAL_HEAD = """\
ỦY BAN NHÂN DÂN
TỈNH LÀO CAI
--------
CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do -
Hạnh phúc
---------------
Số: 13/KH-UBND
Lào Cai, ngày 17 tháng 01
năm 2022

KẾ HOẠCH
THỰC HIỆN CÔNG TÁC DÂN VẬN CHÍNH QUYỀN
GIAI ĐOẠN 2022 - 2026
-----------
"""


def portal_copy(clean: str) -> str:
    """The clean text as a provincial portal shows it: the header stacked as above, paragraphs wrapped at
    72 with a blank line after each, the first part heading cut after its comma, the recipients in the
    left column of the foot table copied as `|` columns (this source has no signature block to put
    on the right), and a page mark between pages."""
    lines = clean.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("Thực hiện Chỉ thị"))
    foot = next(i for i, line in enumerate(lines) if line.strip().startswith("Nơi nhận"))
    body: list[str] = []
    for number, line in enumerate(lines[start:foot]):
        if line.strip() == "I. MỤC ĐÍCH, YÊU CẦU":
            body += ["I. MỤC ĐÍCH,", "YÊU CẦU", ""]
        elif line.strip():
            body += [*textwrap.wrap(line.strip(), 72, break_on_hyphens=False), ""]
        if number == 30:
            body += ["Trang 1/4", ""]
    recipients = [line.strip() for line in lines[foot:] if line.strip()]
    rows = [f"| {line} | |" for line in recipients]
    return PORTAL_HEAD + "\n" + "\n".join(body) + "\n" + "\n".join(["| | |", "|---|---|", *rows]) + "\n"


def test_a_portal_copy_reads_as_its_clean_text():
    clean = (DATA / "sources" / "002_1409461a94ad2694.txt").read_text(encoding="utf-8")
    copy = portal_copy(clean)
    assert "CHỦ NGHĨA VIỆT NAM\nĐộc lập" in copy and "I. MỤC ĐÍCH,\nYÊU CẦU" in copy  # the fixture is what it says
    plan, organisations, _ = imported(copy)
    clean_plan, clean_orgs, _ = imported(clean)
    assert organisations == clean_orgs == []
    assert plan["issuer"] == "ubnd-lao-cai" and plan["title"] == clean_plan["title"]
    assert plan == clean_plan


# --- a batch -------------------------------------------------------------------------------------------

BATCH = 20  # plans in the mailbox: more than PROGRESS_FROM (macros/importer/batch.py), so progress is shown

ISSUERS = (("LÀO CAI", "SỞ NỘI VỤ", "Sở Nội vụ"), ("TRÀ VINH", "SỞ TƯ PHÁP", "Sở Tư pháp"),
           ("LAI CHÂU", "SỞ Y TẾ", "Sở Y tế"), ("BÌNH ĐỊNH", "SỞ TÀI CHÍNH", "Sở Tài chính"))


def synthetic_plan(i: int) -> tuple[list[str], str]:
    """(paragraphs, code) of a made-up plan in the layout of Nghị định 30/2020: four provinces' departments,
    numbers 101…, the structure of the real plans (aims, targets, tasks, organisation, foot)."""
    province, upper, name = ISSUERS[i % len(ISSUERS)]
    code = "".join(w[0] for w in name.split()).upper()
    paras = [f"UBND TỈNH {province}", upper, f"Số: {100 + i}/KH-{code}", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "Độc lập - Tự do - Hạnh phúc", f"{province.title()}, ngày {1 + i % 28:02d} tháng {1 + i % 12:02d} năm 2026",
             "KẾ HOẠCH", f"Thực hiện công tác dân vận chính quyền năm 2026, đợt {i + 1}",
             f"Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ, {name} ban hành Kế hoạch "
             "thực hiện công tác dân vận chính quyền năm 2026 như sau:",
             "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích",
             f"Nâng cao nhận thức, trách nhiệm của công chức, viên chức {name.lower()} về công tác dân vận chính quyền.",
             "2. Yêu cầu", "Việc triển khai phải bám sát chức năng, nhiệm vụ của cơ quan, gắn với cải cách hành chính.",
             "II. MỘT SỐ CHỈ TIÊU CỤ THỂ",
             f"1. 100% phòng, đơn vị trực thuộc xây dựng kế hoạch thực hiện công tác dân vận chính quyền đợt {i + 1}.",
             "III. NHIỆM VỤ VÀ GIẢI PHÁP", "1. Tuyên truyền, quán triệt các văn bản về công tác dân vận",
             "Quán triệt Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ đến toàn thể công chức, "
             "viên chức và người lao động của cơ quan; gắn với việc thực hiện nhiệm vụ chính trị được giao.",
             "2. Đẩy mạnh cải cách hành chính", "Công khai, minh bạch thủ tục hành chính; giải quyết đúng hạn hồ sơ của "
             "người dân, doanh nghiệp.",
             "IV. TỔ CHỨC THỰC HIỆN", "1. Văn phòng:", "- Tham mưu theo dõi, đôn đốc việc thực hiện Kế hoạch này.",
             "2. Các phòng, đơn vị trực thuộc căn cứ Kế hoạch này triển khai thực hiện tại đơn vị.",
             f"Trên đây là Kế hoạch thực hiện công tác dân vận chính quyền năm 2026 của {name}./.",
             "Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT.", "GIÁM ĐỐC"]
    return paras, code


def write_batch(folder: Path, count: int) -> list[Path]:
    """`count` synthetic plans as a province's mailbox holds them: Word files, text copied from a portal page
    (wrapped at 68, blank lines between paragraphs, the motto on two lines) and Markdown."""
    import docx

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        paras, code = synthetic_plan(i)
        path = folder / f"ke-hoach-{i + 1:02d}-{code.lower()}{('.docx', '.txt', '.md')[i % 3]}"
        if path.suffix == ".docx":
            document = docx.Document()
            for para in paras:
                document.add_paragraph(para)
            document.save(str(path))
        elif path.suffix == ".txt":
            lines = [line for para in paras for line in (textwrap.wrap(para, 68) or [""]) + [""]]
            text = "\n".join(lines).replace("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM")
            path.write_text(text, encoding="utf-8")
        else:
            marked = [f"**{p}**" if p.isupper() or re.match(r"^[IVX]+\. ", p) else p for p in paras]
            path.write_text("\n\n".join(marked) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_a_batch_imports_every_file_once_and_reports_each(data_copy, tmp_path, capsys):
    from macros.cli import main

    plans = len(list((data_copy / "plans").glob("*.yaml")))
    folder = tmp_path / "hop-thu"
    write_batch(folder, BATCH)
    (folder / "cong-van.txt").write_text("Số: 12/UBND-NC\nV/v báo cáo\n\nKính gửi: Sở Nội vụ\n", encoding="utf-8")
    copy = (DATA / "sources" / "002_1409461a94ad2694.txt").read_text(encoding="utf-8")
    (folder / "ban-sao-cong-thong-tin.txt").write_text(hard_wrap(copy, 90), encoding="utf-8")

    assert main(["import", str(folder), "--data", str(data_copy)]) == 1  # one refusal: a script can tell
    out = capsys.readouterr()
    rows = [line for line in out.out.splitlines() if line.startswith("| ke-hoach-") or line.startswith("| ban-sao")
            or line.startswith("| cong-van")]
    assert len(rows) == BATCH + 2
    written = [r for r in rows if r.startswith("| ke-hoach-")]
    assert all(r.split("|")[2].strip().startswith("kh-") and r.split("|")[5].strip() == "—"
               and r.split("|")[6].strip() == "—" for r in written), written
    assert len({r.split("|")[2] for r in written}) == BATCH  # a record for each plan
    [duplicate] = [r for r in rows if r.startswith("| ban-sao")]
    assert "kh-13-2022-ubnd-lao-cai" in duplicate and "trùng" in duplicate
    [refused] = [r for r in rows if r.startswith("| cong-van")]
    assert "không tìm thấy dòng 'KẾ HOẠCH'" in refused
    assert f"[{BATCH + 2}/{BATCH + 2}] ke-hoach-{BATCH}" in out.err  # progress on a long run
    assert f"{BATCH + 2} tệp: {BATCH} kế hoạch ghi, 1 trùng (không ghi), 1 từ chối" in out.out
    assert len(list((data_copy / "plans").glob("*.yaml"))) == plans + BATCH

    before = {p: p.read_bytes() for p in data_copy.rglob("*.yaml")}
    assert main(["import", str(folder), "--data", str(data_copy)]) == 1
    again = capsys.readouterr().out
    assert f"{BATCH + 2} tệp: 0 kế hoạch ghi, {BATCH + 1} trùng (không ghi), 1 từ chối" in again
    assert {p: p.read_bytes() for p in data_copy.rglob("*.yaml")} == before
