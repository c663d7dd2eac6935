"""The outline of a plan: header, "KẾ HOẠCH", title, opening, parts I–V, closing and the foot.

Nghị định 30/2020/NĐ-CP fixes the order of these blocks, so the paragraphs can be cut at a
few landmarks (the "KẾ HOẠCH" line, Roman-numbered part headings, "Trên đây", "Nơi nhận")
before any recogniser reads what a block says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text.format import fold
from .paragraphs import Para
from .reading import ImportRefused

PART = re.compile(r"^([IVX]{1,5})\.\s*(.+?)\s*:?$")
ITEM = re.compile(r"^(\d{1,2})\.(?!\d)\s*(.*)$")
MOTTO = ("cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc", "dang cong san viet nam")
KINDS = (  # part kind ← words of its heading (folded), first match wins
    ("organisation", ("to chuc thuc hien",)),
    ("aims", ("muc dich", "yeu cau")),
    ("targets", ("chi tieu", "muc tieu")),
    ("tasks", ("nhiem vu", "noi dung", "giai phap")),
)


@dataclass
class Part:
    """One Roman-numbered part: its heading as written, what kind it is, its paragraphs."""

    roman: str
    heading: str
    kind: str | None
    line: int
    paras: list[Para] = field(default_factory=list)


@dataclass
class Outline:
    header: list[Para]
    title: Para | None
    opening: list[Para]
    parts: list[Part]
    closing: list[Para]
    foot: list[Para]


def outline(paras: list[Para], name: str) -> Outline:
    start = next((i for i, p in enumerate(paras) if _is_ke_hoach(p.text)), None)
    if start is None:
        raise ImportRefused(f"{name}: không tìm thấy dòng 'KẾ HOẠCH' (tên loại văn bản): tệp này không phải "
                            "một kế hoạch, hoặc dòng đó bị gộp vào dòng khác")
    rest = paras[start + 1:]
    first_part = next((i for i, p in enumerate(rest) if PART.match(p.text) and _part_kind(p.text)), None)
    if first_part is None:
        raise ImportRefused(f"{name}: không tìm thấy các phần đánh số La Mã (I. MỤC ĐÍCH, YÊU CẦU; "
                            "II. …; TỔ CHỨC THỰC HIỆN): không nhận ra cấu trúc kế hoạch")
    title = rest[0] if first_part > 0 else None
    taken = 1
    while title and taken < first_part and _title_goes_on(title.text, rest[taken].text):
        title = Para(f"{title.text} {rest[taken].text}", title.line)  # a title printed on two or three lines
        taken += 1
    opening = rest[taken:first_part]
    body, closing, foot = _cut_end(rest[first_part:])
    parts = _parts(body)
    if not any(p.kind == "tasks" for p in parts):
        raise ImportRefused(f"{name}: không tìm thấy phần nhiệm vụ (ví dụ 'III. NHIỆM VỤ VÀ GIẢI PHÁP'); "
                            "kế hoạch cần ít nhất một nhiệm vụ")
    return Outline(paras[:start], title, opening, parts, closing, foot)


OPENING = re.compile(r"^(?:Căn cứ|Thực hiện|Triển khai thực hiện|Để|Nhằm|Theo|Trên cơ sở|Qua|Ngày)\b")


def _title_goes_on(title: str, text: str) -> bool:
    """The next paragraph is the rest of a title printed on several lines: in capitals under a title in
    capitals, or short, unpunctuated and not the opening sentence under one that does not end either."""
    if PART.match(text) or is_motto(text) or title.rstrip().endswith((".", ":", ";")):
        return False
    if title.upper() == title:
        return text.upper() == text and len(text) <= 200
    return len(text) <= 100 and not OPENING.match(text) and not text.endswith((".", ":", ";"))


def _is_ke_hoach(text: str) -> bool:
    return fold(text).strip(" .:") == "ke hoach" and text.strip().startswith("K")


def _part_kind(text: str) -> str | None:
    match = PART.match(text)
    words = fold(match.group(2)) if match else ""
    if not match or match.group(2).upper() != match.group(2):
        return None  # part headings are written in capitals
    return next((kind for kind, keys in KINDS if any(k in words for k in keys)), "other")


def _parts(paras: list[Para]) -> list[Part]:
    parts: list[Part] = []
    for para in paras:
        kind = _part_kind(para.text)
        if kind:
            match = PART.match(para.text)
            parts.append(Part(match.group(1), match.group(2).rstrip(" :"), kind, para.line))
        else:
            parts[-1].paras.append(para)
    return parts


def _cut_end(paras: list[Para]) -> tuple[list[Para], list[Para], list[Para]]:
    """Body, closing ("Trên đây là …") and foot (recipients, signature)."""
    closing_at = next((i for i, p in enumerate(paras) if fold(p.text).startswith("tren day")), None)
    foot_at = next((i for i, p in enumerate(paras) if is_foot(p.text)), len(paras))
    if closing_at is not None and closing_at < foot_at:
        return paras[:closing_at], paras[closing_at:foot_at], paras[foot_at:]
    return paras[:foot_at], [], paras[foot_at:]


def is_foot(text: str) -> bool:
    words = fold(text)
    return words.startswith("noi nhan") or bool(re.match(r"^(tm|kt|tl|tuq|q)\.\s", words))


def items(paras: list[Para]) -> tuple[list[Para], list[tuple[str, Para, list[Para]]]]:
    """Paragraphs before the first "1." and the numbered items: (number, heading paragraph, body)."""
    lead: list[Para] = []
    found: list[tuple[str, Para, list[Para]]] = []
    for para in paras:
        match = ITEM.match(para.text)
        if match and match.group(2):
            found.append((match.group(1), para, []))
        elif found:
            found[-1][2].append(para)
        else:
            lead.append(para)
    return lead, found


def strip_marker(text: str) -> str:
    """'1. Text', 'a) Text', '- Text' → 'Text'."""
    return re.sub(r"^(?:\d{1,2}(?:\.\d{1,2})*\.(?!\d)|[a-zđ]\)|[-–+•])\s*", "", text).strip()


def is_motto(text: str) -> bool:
    """The national motto or the Party's name, whole or a piece of it printed on its own line
    ('CỘNG HÒA XÃ HỘI' / 'CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do -' / 'Hạnh phúc')."""
    words = fold(text).replace("–", "-").replace("—", "-")
    words = re.sub(r"\s*-\s*", " - ", words).strip(" _")
    if any(m in words for m in MOTTO):
        return True
    return len(words.split()) >= 2 and any(f" {words} " in f" {m} " for m in MOTTO)
