"""Small text helpers: escaping data for Markdown, Vietnamese dates and labels, diacritic folding."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

from markupsafe import Markup

# Everything Markdown, attr_list, tables or Jinja could read as syntax becomes an entity.
_MD_ESCAPES = str.maketrans({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", "\\": "&#92;", "`": "&#96;", "*": "&#42;", "_": "&#95;",
    "[": "&#91;", "]": "&#93;", "{": "&#123;", "}": "&#125;", "|": "&#124;", "#": "&#35;", "~": "&#126;",
    "^": "&#94;", "!": "&#33;", "=": "&#61;", '"': "&quot;", "$": "&#36;", "%": "&#37;",
})
_BLOCK_START = re.compile(r"^(\s*)(\d+)([.)])")


def md_escape(value: object, strip: bool = True) -> str:
    """Plain text → Markdown that shows exactly that text (no links, HTML, emphasis or lists)."""
    if isinstance(value, Markup):
        return str(value)
    text = str(value)
    return _md_escaped(text, strip) if len(text) <= 200 else _md_escape_text(text, strip)


def _md_escape_text(value: str, strip: bool) -> str:
    text = re.sub(r"\s+", " ", value)
    text = (text.strip() if strip else text).translate(_MD_ESCAPES)
    text = _BLOCK_START.sub(lambda m: f"{m.group(1)}{m.group(2)}&#{ord(m.group(3))};", text)
    if text[:1] in {"-", "+"}:
        text = f"&#{ord(text[0])};{text[1:]}"
    return text


# Labels, names and titles come back on many pages; long texts are kept out of the cache.
_md_escaped = lru_cache(maxsize=1 << 16)(_md_escape_text)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")


def md_plain(text: str, strip: bool = True) -> str:
    """Data text → Markdown showing exactly that text for a person reading the file in an editor
    (backslash escapes; the downloadable .md templates), where `md_escape` writes entities for the site."""
    text = re.sub(r"\s+", " ", text)
    return _MD_SPECIAL.sub(r"\\\1", text.strip() if strip else text)


class _WithoutMarks(dict):
    """A `str.translate` table that drops combining marks, filled as characters are met.

    A pure function's memo (the same for every build): translating in C is several times faster
    than a Python loop over every character, and search folds every word of every page."""

    def __missing__(self, code: int) -> int | None:
        self[code] = None if unicodedata.combining(chr(code)) else code
        return self[code]


_WITHOUT_MARKS = _WithoutMarks()


def fold(text: str) -> str:
    """'Dân vận khéo' → 'dan van kheo': what people type on a phone without diacritics."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return decomposed.translate(_WITHOUT_MARKS).casefold()


def province_slug(name: str) -> str:
    """'Lào Cai' → 'lao-cai' (as `python -m macros provinces` names a province's folder)."""
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


def date_vi(value: str | None) -> str:
    """ISO (possibly partial) → how Vietnamese documents write it: 17/01/2022, tháng 03/2025, năm 2025."""
    if not value:
        return "chưa rõ"
    parts = value.split("-")
    if len(parts) == 1:
        return f"năm {parts[0]}"
    if len(parts) == 2:
        return f"tháng {parts[1]}/{parts[0]}"
    return f"{parts[2]}/{parts[1]}/{parts[0]}"


def day(value: dt.date) -> str:
    """A date as Vietnamese documents write it: 05/02/2026."""
    return value.strftime("%d/%m/%Y")


def due_vi(value: str) -> str:
    """A report deadline: '06-10' (every year) or '2025-03-20'."""
    parts = value.split("-")
    if len(parts) == 2:
        return f"{parts[1]}/{parts[0]} hằng năm"
    return date_vi(value)


def roman(number: int) -> str:
    return ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][number]


LABELS: dict[str, str] = {
    # document types
    "nghi-quyet": "Nghị quyết", "ket-luan": "Kết luận", "chi-thi": "Chỉ thị", "quyet-dinh": "Quyết định",
    "quy-dinh": "Quy định", "quy-che": "Quy chế", "luat": "Luật", "phap-lenh": "Pháp lệnh",
    "nghi-dinh": "Nghị định", "thong-tu": "Thông tư", "ke-hoach": "Kế hoạch", "de-an": "Đề án",
    "chuong-trinh": "Chương trình", "huong-dan": "Hướng dẫn", "thong-bao": "Thông báo",
    "van-kien": "Văn kiện", "khac": "Văn bản khác",
    # organisation kinds and levels
    "dang": "Đảng", "nha-nuoc": "Nhà nước", "mat-tran-doan-the": "Mặt trận, đoàn thể",
    "trung-uong": "Trung ương", "tinh": "Tỉnh", "so-nganh": "Sở, ngành", "huyen": "Huyện", "xa": "Xã",
    # report periods
    "thang": "Hằng tháng", "quy": "Quý", "6-thang": "6 tháng", "9-thang": "9 tháng", "nam": "Năm",
    "5-nam": "5 năm", "dinh-ky": "Định kỳ (theo quy định)", "dot-xuat": "Đột xuất, khi có yêu cầu",
    # campaigns
    "phong-trao-thi-dua": "Phong trào thi đua", "cuoc-van-dong": "Cuộc vận động",
    "dang-ky": "Đăng ký", "cong-nhan": "Được công nhận",
}

# relation type → (label on the source's page, label on the target's page)
RELATION_LABELS: dict[str, tuple[str, str]] = {
    "based-on": ("Căn cứ", "Là căn cứ của"),
    "implements": ("Triển khai thực hiện", "Được triển khai thực hiện bởi"),
    "continues": ("Tiếp tục thực hiện", "Được tiếp tục thực hiện bởi"),
    "details": ("Quy định chi tiết", "Được quy định chi tiết bởi"),
    "amends": ("Sửa đổi, bổ sung", "Được sửa đổi, bổ sung bởi"),
    "replaces": ("Thay thế", "Bị thay thế bởi"),
    "promulgates": ("Ban hành", "Được ban hành kèm theo"),
}


def label(value: str | None) -> str:
    return LABELS.get(value or "", value or "")
