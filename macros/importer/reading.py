"""Reading a plan file into numbered lines of text: the only module that knows file formats.

Whatever the format, the result is the text that will be kept in `data/sources/` and the
lines that every recogniser works on, so a review note's line number points into the kept
file. A file that cannot be a plan (empty, too big, not text, a scan) is refused here with a
Vietnamese message before anything is written.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .limits import check_docx, check_pdf_pages
from .refusal import ImportRefused

MAX_TEXT = 1_000_000  # characters: a real plan is 15-40 000; a bigger text is not one plan
MAX_FILE = 20_000_000  # bytes for .docx/.pdf (pictures make them large); text files use MAX_TEXT
MAX_XML = 20_000_000  # bytes of word/document.xml once unzipped (a zip bomb stops here)
SUFFIXES = (".docx", ".txt", ".md", ".pdf")


@dataclass(frozen=True)
class Source:
    """The text of one plan file: `text` is what gets kept, `lines[i]` is line i+1 of it."""

    path: Path
    suffix: str  # extension of the kept copy: .txt for .docx and .pdf input
    text: str

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()


def read_source(path: Path) -> Source:
    if not path.is_file():
        raise ImportRefused(f"không tìm thấy tệp {path}")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ImportRefused(f"{path.name}: chỉ nhập được tệp .docx, .txt, .md hoặc .pdf (tệp này là '{suffix or 'không có đuôi'}')")
    size = path.stat().st_size
    limit = MAX_FILE if suffix in {".docx", ".pdf"} else MAX_TEXT * 4
    if size > limit:
        raise ImportRefused(f"{path.name}: tệp quá lớn ({_thousands(size // 1000)} KB) để là một kế hoạch; "
                            "hãy tách riêng văn bản kế hoạch ra một tệp")
    reader = {".docx": _docx_text, ".pdf": _pdf_text}.get(suffix, _plain_text)
    text = reader(path)
    if len(text) > MAX_TEXT:
        raise ImportRefused(f"{path.name}: văn bản quá lớn ({_thousands(len(text))} ký tự) để là một kế hoạch; "
                            "hãy tách riêng văn bản kế hoạch ra một tệp")
    if not text.strip():
        raise ImportRefused(f"{path.name}: tệp không có chữ nào")
    kept = suffix if suffix in {".txt", ".md"} else ".txt"
    return Source(path, kept, text)


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _plain_text(path: Path) -> str:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise ImportRefused(f"{path.name}: không phải tệp văn bản (có ký tự nhị phân); nếu là tệp Word, hãy lưu dạng .docx")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused(f"{path.name}: tệp không mã hóa UTF-8; hãy lưu lại với bảng mã UTF-8 (Unicode)") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _docx_text(path: Path) -> str:
    """Paragraphs and table cells in document order (the header and signature blocks are tables)."""
    _check_docx_archive(path)
    import docx  # local, as docx_text below: python-docx and lxml load only when a .docx is imported

    from .docx_text import docx_lines, read_footnotes

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds on a broken package
        raise ImportRefused(f"{path.name}: tệp Word bị hỏng hoặc không đọc được") from None
    with zipfile.ZipFile(path) as archive:
        footnotes = read_footnotes(archive)
    if footnotes is None:
        raise ImportRefused(f"{path.name}: phần chú thích (footnotes.xml) của tệp Word bị hỏng hoặc quá lớn")
    lines = [part for line in docx_lines(document, footnotes) for part in _clean(line).split("\n")]
    return "\n".join(lines).strip("\n") + "\n"


def _check_docx_archive(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError):
        raise ImportRefused(f"{path.name}: không phải tệp Word .docx hợp lệ (tệp hỏng, hoặc là .doc cũ: "
                            "hãy mở bằng Word rồi lưu dạng .docx)") from None
    if info.file_size > MAX_XML:
        raise ImportRefused(f"{path.name}: nội dung tệp Word quá lớn để là một kế hoạch")
    check_docx(path)  # every part bounded before python-docx parses any


def _pdf_text(path: Path) -> str:
    try:  # local: pypdf loads only when a PDF is imported
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError:  # pragma: no cover - pypdf is pinned in requirements.txt
        raise ImportRefused("chưa cài thư viện pypdf để đọc PDF; chạy 'make serve' hoặc cài requirements.txt") from None
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise ImportRefused(f"{path.name}: tệp PDF có mật khẩu; hãy mở khóa rồi nhập lại")
        check_pdf_pages(len(reader.pages), path.name)
        pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]  # plain mode splits Vietnamese letters
    except ImportRefused:
        raise
    except (PyPdfError, ValueError, KeyError, OSError, TypeError) as exc:
        raise ImportRefused(f"{path.name}: tệp PDF bị hỏng hoặc không đọc được") from None
    text = "\n".join(_clean(p) for p in _without_spills(pages))
    if not re.search(r"\w{2,}", text):
        raise ImportRefused(f"{path.name}: tệp PDF không có lớp chữ (có lẽ là bản quét, chỉ có hình ảnh); "
                            "hãy nhập tệp Word gốc hoặc nhận dạng chữ (OCR) trước")
    return text.strip("\n") + "\n"


def _without_spills(pages: list[str]) -> list[str]:
    """Pages without the marks a glyph spills over the page above.

    When a page starts with a letter stacked high (the "Ổ" of "TỔ CHỨC" in a heading), Chromium's print
    also draws that glyph, clipped, at the foot of the page before, and pypdf reads it there as a last
    line of one or two letters alone, a word that is no word of the plan. Such a line is dropped when
    the next page's first line holds those letters; any other last line is kept.
    """
    kept = list(pages)
    for i in range(len(kept) - 1):
        before, after = kept[i].rstrip().rpartition("\n"), kept[i + 1].lstrip().partition("\n")[0]
        last = before[2].strip()
        if 0 < len(last) <= 2 and last.isalpha() and last in after:
            kept[i] = before[0]
    return kept


def _clean(text: str) -> str:
    """Line breaks, tabs and non-breaking spaces as plain text has them; control characters dropped."""
    text = text.replace("\r", "\n").replace("\x0b", "\n").replace("\xa0", " ").replace("\t", " ")
    return re.sub(r"[\x00-\x08\x0c\x0e-\x1f\x7f]", "", text)
