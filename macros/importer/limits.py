"""Bounds on a Word or PDF file, checked before any library parses it, and on the time an import takes.

A .docx is a zip of XML parts, and python-docx reads every part whole into lxml: a 1.4 MB file whose
styles.xml unzips to a few hundred MB took 6 GB and minutes. So each member's unzipped size, their
sum and their count are read from the zip directory first, then every XML part is streamed through
expat (bounded memory) counting elements and depth, before python-docx sees the file. zipfile never
unzips more than a member's declared size, so the declared sizes bound what is read. The maintainer
guide (docs/huong-dan/bao-tri.md) states these limits.
"""

from __future__ import annotations

import signal
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from xml.parsers import expat

from .refusal import ImportRefused

MAX_MEMBERS = 1_000  # parts of one .docx (a plan with pictures has about 30)
MAX_MEMBER = 20_000_000  # bytes of one part once unzipped (a plan's document.xml is under 2 MB)
MAX_UNZIPPED = 60_000_000  # bytes of all parts together (pictures included)
MAX_NODES = 1_000_000  # XML elements in all parts (a plan has under 100 000)
MAX_DEPTH = 200  # nesting of XML elements (Word nests tables in tables; a plan stays under 40)
MAX_PAGES = 500  # pages of a PDF (a plan has under 40)
SECONDS = 8  # for a whole import: an import of a real plan takes about one second
_CHUNK = 1 << 16


def check_docx(path: Path) -> None:
    """Refuse a .docx whose parts are too many, too large or too deeply nested, before parsing it."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise ImportRefused(f"{name}: tệp Word có quá nhiều phần ({len(members)}) để là một kế hoạch")
            big = next((m for m in members if m.file_size > MAX_MEMBER), None)
            if big is not None or sum(m.file_size for m in members) > MAX_UNZIPPED:
                raise ImportRefused(f"{name}: nội dung tệp Word khi giải nén quá lớn để là một kế hoạch"
                                    + (f" (phần {big.filename})" if big is not None else ""))
            nodes = 0
            for member in members:
                if member.filename.endswith((".xml", ".rels")):
                    nodes = _scan(archive, member, name, nodes)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, ValueError):
        raise ImportRefused(f"{name}: không phải tệp Word .docx hợp lệ (tệp hỏng, hoặc là .doc cũ: "
                            "hãy mở bằng Word rồi lưu dạng .docx)") from None


def _scan(archive: zipfile.ZipFile, member: zipfile.ZipInfo, name: str, nodes: int) -> int:
    """Stream one XML part: elements counted, depth bounded, no document type (no entities to expand)."""
    parser = expat.ParserCreate()
    depth = [0, nodes]

    def start(_tag, _attrs) -> None:
        depth[0] += 1
        depth[1] += 1
        if depth[0] > MAX_DEPTH or depth[1] > MAX_NODES:
            raise ImportRefused(f"{name}: phần {member.filename} của tệp Word lồng nhau quá sâu hoặc có quá nhiều "
                                "phần tử để là một kế hoạch")

    def end(_tag) -> None:
        depth[0] -= 1

    def doctype(*_args) -> None:
        raise ImportRefused(f"{name}: phần {member.filename} của tệp Word có khai báo DOCTYPE, tệp Word thật "
                            "không có: tệp này không được nhập")

    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.StartDoctypeDeclHandler = doctype
    try:
        with archive.open(member) as stream:
            for chunk in iter(lambda: stream.read(_CHUNK), b""):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except expat.ExpatError:
        raise ImportRefused(f"{name}: phần {member.filename} của tệp Word không phải XML hợp lệ (tệp hỏng)") from None
    return depth[1]


def check_pdf_pages(count: int, name: str) -> None:
    if count > MAX_PAGES:
        raise ImportRefused(f"{name}: tệp PDF có {count} trang, quá nhiều để là một kế hoạch (tối đa {MAX_PAGES})")


@contextmanager
def time_limit(name: str, seconds: float = SECONDS) -> Iterator[None]:
    """Stop an import that works longer than `seconds` with a refusal (a timer signal: main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(_signum, _frame):
        raise ImportRefused(f"{name}: đọc tệp mất quá {seconds:g} giây, lâu hơn nhiều so với một kế hoạch thật: "
                            "tệp này không được nhập")

    previous = signal.signal(signal.SIGPROF, stop)
    signal.setitimer(signal.ITIMER_PROF, seconds)  # processor time: a busy machine does not refuse a real plan
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
