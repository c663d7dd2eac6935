"""Hostile files given to `python -m macros import`: each is refused in one Vietnamese sentence, writes
nothing, and shows no traceback; a file name cannot add keys to the YAML written; hidden text is refused.

(Time and memory of these imports are measured with /usr/bin/time -v, not asserted here: see the
maintainer guide's limits.)
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import yaml

from macros.importer.limits import MAX_DEPTH, MAX_MEMBER, MAX_NODES, MAX_PAGES
from tests.conftest import DATA
from tests.test_import import run_cli, write_word_plan

FOOTNOTES = (b'<?xml version="1.0"?><w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
             b'main"><w:footnote w:id="1"><w:p><w:r><w:t>')
FOOTNOTES_END = b"</w:t></w:r></w:p></w:footnote></w:footnotes>"


def with_part(base: Path, target: Path, member: str, write) -> Path:
    """`base` with one part replaced (or added), streamed so the test never holds it in memory."""
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != member:
                dst.writestr(info, src.read(info.filename))
        old = src.read(member) if member in src.namelist() else b""
        with dst.open(member, "w", force_zip64=True) as out:
            write(out, old)
    return target


def padded_styles(out, old: bytes) -> None:
    """styles.xml a few times larger than a part may be, made of an XML comment: it zips to almost nothing."""
    head, tail = old.split(b"?>", 1)
    out.write(head + b"?><!--")
    for _ in range(3 * MAX_MEMBER // (1 << 20)):
        out.write(b" " * (1 << 20))
    out.write(b"-->" + tail)


def huge_footnote(size: int):
    def write(out, _old: bytes) -> None:
        out.write(FOOTNOTES)
        for _ in range(size // (1 << 20)):
            out.write(b"a" * (1 << 20))
        out.write(FOOTNOTES_END)
    return write


def body_insert(start: bytes, repeat: int, end: bytes = b""):
    def write(out, old: bytes) -> None:
        at = old.index(b"<w:body>") + len(b"<w:body>")
        out.write(old[:at] + start * repeat + end * repeat + old[at:])
    return write


HOSTILE = {
    "styles-bomb.docx": ("word/styles.xml", padded_styles, "quá lớn để là một kế hoạch (phần word/styles.xml)"),
    "footnotes-huge-text.docx": ("word/footnotes.xml", huge_footnote(12_000_000), "phần chú thích (footnotes.xml)"),
    "footnotes-oversize.docx": ("word/footnotes.xml", huge_footnote(MAX_MEMBER + (1 << 20)), "phần word/footnotes.xml"),
    "deep.docx": ("word/document.xml", body_insert(b"<w:sdt>", MAX_DEPTH + 10, b"</w:sdt>"), "lồng nhau quá sâu"),
    "many-nodes.docx": ("word/document.xml", body_insert(b"<w:p/>", MAX_NODES + 10), "quá nhiều phần tử"),
    "doctype.docx": ("word/document.xml",
                     lambda out, old: out.write(old.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "aaaa">]>', 1)),
                     "DOCTYPE"),
}


@pytest.fixture(scope="module")
def word_file(tmp_path_factory) -> Path:
    return write_word_plan(tmp_path_factory.mktemp("word") / "base.docx")


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """Organisations and documents of the real data, no plan (the imports below must not meet their own)."""
    import shutil

    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def snapshot(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_word_file_is_refused_in_one_sentence(name, word_file, data_dir, tmp_path):
    member, write, words = HOSTILE[name]
    path = with_part(word_file, tmp_path / name, member, write)
    before = snapshot(data_dir)
    result = run_cli("import", str(path), "--data", str(data_dir))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Không nhập được: ") and words in lines[0], result.stderr
    assert snapshot(data_dir) == before


def test_a_pdf_of_too_many_pages_is_refused_before_its_text_is_read(data_dir, tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(MAX_PAGES + 1):
        writer.add_blank_page(width=595, height=842)
    path = tmp_path / "dai.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    result = run_cli("import", str(path), "--data", str(data_dir))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == f"Không nhập được: dai.pdf: tệp PDF có {MAX_PAGES + 1} trang, quá nhiều để là một kế " \
                                    f"hoạch (tối đa {MAX_PAGES})"


def test_a_file_name_with_line_breaks_adds_no_key(data_dir, tmp_path):
    """The same text under a plain name and under a name holding YAML lines: the same record."""
    source = sorted((DATA / "sources").iterdir())[0].read_bytes()
    written = []
    for name in ("ke-hoach.txt", "ke hoach\nnotes: [dòng thêm]\nproblems: [dòng thêm]\r\u2028.txt"):
        (tmp_path / name).write_bytes(source)
        result = run_cli("import", str(tmp_path / name), "--data", str(data_dir), "--dry-run")
        assert result.returncode == 0, result.stderr
        written.append(result.stdout)
    plain, hostile = (text.split("\n") for text in written)
    assert hostile[1].startswith("# ") and hostile[2:] == plain[2:]
    assert yaml.safe_load(written[1]) == yaml.safe_load(written[0])


@pytest.mark.parametrize("title, words", [("\u202eNÓR ĐỘNG\u202c công tác dân vận", "ký tự đảo chiều chữ"),
                                          ("\u200b\u200b\u2060", "chỉ gồm ký tự vô hình")])
def test_a_title_hidden_from_the_reader_is_refused(title, words, data_dir, tmp_path):
    path = tmp_path / "an.txt"
    path.write_text(f"ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 9/KH-UBND\nLào Cai, ngày 05 tháng 02 năm 2026\nKẾ HOẠCH\n{title}\n"
                    "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao chất lượng.\nII. NHIỆM VỤ\n1. Tuyên truyền.\n",
                    encoding="utf-8")
    before = snapshot(data_dir)
    result = run_cli("import", str(path), "--data", str(data_dir))
    assert result.returncode == 1, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Không nhập được: ") and words in lines[0], result.stderr
    assert snapshot(data_dir) == before


def test_an_import_that_works_too_long_is_stopped_with_a_refusal():
    from macros.importer.limits import time_limit
    from macros.importer.refusal import ImportRefused

    with pytest.raises(ImportRefused, match="lâu hơn nhiều so với một kế hoạch thật"):
        with time_limit("cham.docx", seconds=0.2):
            while True:  # processor time runs out; nothing else ends this loop
                sum(range(1000))
