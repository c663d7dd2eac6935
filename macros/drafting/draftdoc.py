"""What every downloadable draft is written from: a `Draft` (header, title, paragraphs, recipients,
signature) and the presentation rules of Nghị định 30/2020/NĐ-CP (Phụ lục I).

The queries (guide.py, book.py and their builders) build `Draft`s; the writers (word.py, plaintext.py, the page
templates) only lay them out. Nothing here reads the data, so the writers never import a query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..data.dates import PartialDate

FONT = "Times New Roman"
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
SIZES = {"issuer": 13, "national": 12, "motto": 13, "number": 13, "place": 14, "title": 14, "body": 14,
         "hint": 13, "table": 12, "recipients_label": 12, "recipients": 11, "signer": 14}
INDENT_CM = 1.27
NATIONAL = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
HINT_STYLE = "Gợi ý"  # the Word paragraph style of every hint: one "select all of this style, delete" removes them
BLANK = re.compile(r"\[[^\]]*\]")  # a place to fill: text in square brackets, shown highlighted everywhere
CHECKBOX = "□"

# (element, what the decree asks, what our drafts use)
RULES = (
    ("Khổ giấy, lề", "A4; lề trên, lề dưới 20–25 mm; lề trái 30–35 mm; lề phải 15–20 mm",
     "A4; lề trên {top} mm, dưới {bottom} mm, trái {left} mm, phải {right} mm".format(**MARGINS_MM)),
    ("Phông chữ", "Times New Roman, bộ mã Unicode", FONT),
    ("Tên cơ quan ban hành", "chữ in hoa cỡ 12–13, góc trái; tên cơ quan chủ quản (nếu có) đứng, không đậm; "
     "tên cơ quan ban hành in đậm, có đường kẻ ngang bên dưới", f"cỡ {SIZES['issuer']}"),
    ("Quốc hiệu và Tiêu ngữ", f"“{NATIONAL[0]}” in hoa, đậm, cỡ 12–13; “{NATIONAL[1]}” in thường, đậm, "
     "cỡ 13–14, gạch chân; đặt góc phải", f"cỡ {SIZES['national']} và {SIZES['motto']}"),
    ("Số, ký hiệu", "“Số: …/KH-…” cỡ 13, dưới tên cơ quan ban hành", f"cỡ {SIZES['number']}"),
    ("Địa danh, ngày tháng", "in nghiêng cỡ 13–14, cùng dòng với số, ký hiệu; ngày dưới 10 và tháng 1, 2 "
     "ghi thêm số 0 đằng trước", f"cỡ {SIZES['place']}, nghiêng"),
    ("Tên loại và trích yếu", "“KẾ HOẠCH” in hoa, đậm, cỡ 13–14, căn giữa; trích yếu in đậm ngay dưới",
     f"cỡ {SIZES['title']}"),
    ("Nội dung", "cỡ 13–14, căn đều hai lề, lùi đầu dòng 1–1,27 cm; đề mục “I.” in hoa đậm, rồi “1.”, “a)”",
     f"cỡ {SIZES['body']}, lùi đầu dòng {INDENT_CM:.2f} cm".replace(".", ",")),
    ("Chữ ký", "“TM.” khi ký thay mặt tập thể lãnh đạo; “KT.” khi cấp phó ký thay người đứng đầu; "
     "chức vụ in hoa đậm; họ tên in đậm", f"cỡ {SIZES['signer']}"),
    ("Nơi nhận", "“Nơi nhận:” cỡ 12 đậm nghiêng; mỗi nơi nhận một dòng cỡ 11, bắt đầu bằng “- ”, kết thúc bằng “;”; "
     "dòng cuối “- Lưu: VT, …”", f"cỡ {SIZES['recipients_label']} và {SIZES['recipients']}"),
)


@dataclass(frozen=True)
class Quote:
    """Wording taken from a plan of the data, credited to it (`source` is the plan's short title);
    `anchor` is the section of the plan's page it comes from."""

    text: str
    plan: str
    anchor: str | None
    source: str


@dataclass(frozen=True)
class Para:
    """One paragraph of a draft.

    `style`: `part` (I. …), `section` (1. …), `body`, `item` (- …), `hint` (advice or suggested
    wording, removed before signing), `duty` (a duty quoted verbatim from the plan above, `quote`
    says where), `carried` (a paragraph taken word for word from a source plan, `quote` says
    where) or `table` (`rows`, the first one the header).
    """

    style: str
    text: str = ""
    quote: Quote | None = None
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Draft:
    slug: str
    name: str
    parent: str
    issuer: str
    number: str
    place_date: str
    kind: str
    summary: str
    body: tuple[Para, ...]
    recipients: tuple[str, ...]
    signer: tuple[str, ...]


def hint_text(para: Para) -> str:
    """A hint as plain text: 'Gợi ý (source): “wording”', or 'Gợi ý: advice'."""
    if not para.quote:
        return para.text if para.text.startswith("Gợi ý") else f"Gợi ý: {para.text}"
    return f"Gợi ý ({para.quote.source}): “{para.quote.text}”" + (f" {para.text}" if para.text else "")


def recipient_line(text: str, last: bool) -> str:
    return f"- {text}{'.' if last else ';'}"


def place_date(place: str, date: PartialDate) -> str:
    """'Lai Châu, ngày 05 tháng 02 năm 2026': days under 10 and months 1–2 take a leading zero."""
    year, month, day = date.year, date.month, date.day
    month_text = f"{month:02d}" if month <= 2 else str(month)
    return f"{place}, ngày {day:02d} tháng {month_text} năm {year}"


def blank_date(place: str, year: int | str) -> str:
    """The date line of a draft: day and month left to fill, the year known."""
    return f"{place}, ngày … tháng … năm {year}"


def number_parts(body: list[Para]) -> list[Para]:
    """Parts numbered I., II., … in order (a draft leaves out a part the plan above has nothing for)."""
    out, n = [], 0
    for para in body:
        if para.style == "part":
            n += 1
            para = Para("part", f"{ROMAN[n]}. {para.text}")
        out.append(para)
    return out


ROMAN = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
