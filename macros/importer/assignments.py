"""Part "TỔ CHỨC THỰC HIỆN": which unit does what, and the reports it owes, by when, to whom.

Sources write a unit three ways: as a heading ("1. Sở Nội vụ:" with dashes under it), before a
colon, or as the subject of a sentence ("Giao Sở Nội vụ theo dõi …"). In the last case the unit
ends where the first duty verb starts, which is a guess and is marked for review. "Đề nghị …"
addresses a body the issuer cannot instruct (a Party committee, the Front): it stays a request.
Deadlines keep the source's words ("trước ngày 20 tháng 3, 6, 9/2025") in the report text; `due`
holds the days named, one per reporting period in the order written.
"""

from __future__ import annotations

import datetime as dt
import re

from ..text.format import fold
from .layout import items, strip_marker
from .paragraphs import Para
from .parts import Notes

VERBS = (
    "căn cứ", "chủ trì", "phối hợp", "tham mưu", "theo dõi", "triển khai", "quán triệt", "thực hiện", "xây dựng",
    "tổ chức", "hướng dẫn", "bố trí", "chỉ đạo", "tăng cường", "báo cáo", "rà soát", "kiểm tra", "đôn đốc",
    "tuyên truyền", "nghiên cứu", "đề xuất", "tổng hợp", "lãnh đạo", "có trách nhiệm", "có kế hoạch", "bảo đảm",
    "đảm bảo", "cập nhật", "thường xuyên", "tích cực", "chịu trách nhiệm", "nghiêm túc", "phổ biến", "quản lý",
)
VERB = re.compile(r"\s(?:" + "|".join(VERBS) + r")\b")
ORG_WORDS = r"(?:Ủy ban|Uỷ ban|UBND|Sở|Ban|Văn phòng|Phòng|Thanh tra|Bộ|Tỉnh ủy|Thường trực|Trung tâm|Đài|Báo)"
TO = re.compile(r"(?:báo cáo|gửi|về)\s+(?:kết quả\s+(?:thực hiện\s+)?)?(?:về\s+)?(" + ORG_WORDS +
                r"[^,;.()]*?)(?=\s*\(|\s+(?:để|về|trước|theo|trong|đảm bảo|bảo đảm|hằng|hàng|định kỳ|chậm nhất|khi|vào|đúng|mỗi|"
                r"qua)\b|\s*[,;.]|$)")
VIA = re.compile(r"\(qua\s+([^)]+)\)")
PERIODS = (  # checked against the text with deadlines blanked out, so "hằng năm" in a deadline is not a period
    ("quy", r"\bquý\b"), ("6-thang", r"\b0?6\s+tháng"), ("9-thang", r"\b0?9\s+tháng"), ("5-nam", r"\b0?5\s+năm"),
    ("nam", r"(?:hằng|hàng)\s+năm|\b0?1\s+năm|báo cáo năm|cả năm|tổng kết năm|(?:và|,)\s+năm\b(?!\s+\d)"), ("thang", r"(?:hằng|hàng)\s+tháng"),
)
DUE_MONTHS = re.compile(r"(?:trước|chậm nhất(?: vào)?)\s+ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2}(?:\s*,\s*\d{1,2})*)"
                        r"(?:\s*(?:/|năm)\s*(\d{4}))?(?:\s+(?:hằng|hàng)\s+năm)?", re.IGNORECASE)
DUE_SLASH = re.compile(r"(?:trước|chậm nhất(?: vào)?)\s+ngày\s+(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?:\s+(?:hằng|hàng)\s+năm)?",
                       re.IGNORECASE)


def assignments(paras: list[Para], review: Notes) -> list[dict]:
    lead, found = items(paras)
    if not found:
        found = [(str(i + 1), p, []) for i, p in enumerate(lead)]
        lead = []
    for para in lead:
        review.add("assignments", para.line, "đoạn trước mục 1 phần tổ chức thực hiện chưa được nhập")
    return [_assignment(i, number, head, body, review) for i, (number, head, body) in enumerate(found)]


def _assignment(i: int, number: str, head: Para, body: list[Para], review: Notes) -> dict:
    heading = strip_marker(head.text)
    request = fold(heading).startswith("de nghi")
    subject = re.sub(r"^(?:Giao|Đề nghị)\s+", "", heading)
    where = f"assignments[{i}]"
    unit, rest = _unit(subject, bool(body))
    if unit is None:
        unit, rest = subject.split(",")[0][:120], subject
        review.add(f"{where}.unit_text", head.line, "không tách được tên đơn vị khỏi nhiệm vụ: sửa unit_text")
    elif rest and not body:
        review.add(f"{where}.unit_text", head.line, f"tên đơn vị '{unit}' được cắt ở động từ đầu tiên: kiểm tra")
    duties = _split(rest) if rest else []
    duties += [strip_marker(p.text) for p in body]
    if not duties:
        duties = [heading]
        review.add(f"{where}.duties", head.line, "mục không có nhiệm vụ riêng: cả dòng được ghi làm nhiệm vụ")
    job = {"id": f"th-{i + 1}", "number": number, "unit_text": unit.rstrip(" :"), "duties": duties, "_line": head.line}
    if request:
        job["request"] = True
        review.add(where, head.line, "'Đề nghị …': cơ quan ban hành đề nghị, không giao việc; giữ là lời đề nghị")
    lines = [head.line] * (len(duties) - len(body)) + [p.line for p in body]
    reports = [r for duty, line in zip(duties, lines) for r in _reports(duty, line, where, review)]
    if reports:
        job["reports"] = reports
    return job


def _unit(subject: str, has_body: bool) -> tuple[str | None, str]:
    """(unit, the rest that holds duties) from a heading or the first sentence of an item."""
    colon = subject.find(":")
    if 0 < colon <= 150:
        return subject[:colon].strip(), subject[colon + 1:].strip()
    if has_body and len(subject) <= 150:
        return subject.strip(), ""
    verb = VERB.search(subject)
    if verb and 0 < verb.start() <= 160 and subject[0].isupper():
        return subject[:verb.start()].strip(" ,"), subject[verb.start():].strip()
    return None, subject


def _split(text: str) -> list[str]:
    return [part.strip() for part in re.split(r";\s+", text) if part.strip()]


def _reports(duty: str, line: int, where: str, review: Notes) -> list[dict]:
    if "bao cao" not in fold(duty):
        return []
    dues, blanked = _dues(duty)
    periods = [kind for _, kind in sorted((m.start(), kind) for kind, pattern in PERIODS
                                          for m in re.finditer(pattern, blanked, re.IGNORECASE))]
    periods = list(dict.fromkeys(periods))
    if not periods:
        words = fold(blanked)
        sudden = re.search(r"khi co yeu cau|dot xuat|neu co|phat sinh", words) and "dinh ky" not in words
        periods = ["dot-xuat" if sudden else "dinh-ky"]
    reports = [{"text": duty, "period": p} for p in periods]
    if dues and len(dues) == len(periods):
        for report, due in zip(reports, dues):
            report["due"] = [due]
    elif dues and len(periods) == 1:
        reports[0]["due"] = dues
    elif dues:
        review.add(f"{where}.reports", line, f"có {len(dues)} hạn cho {len(periods)} kỳ báo cáo: chưa gán hạn, cần gán tay")
    to, via = TO.search(blanked), VIA.search(duty)
    for report in reports:
        if to:
            report["to_text"] = to.group(1).strip()
        if via:
            report["via_text"] = via.group(1).strip()
    review.add(f"{where}.reports", line, "kỳ, hạn và nơi nhận báo cáo do máy đọc từ câu chữ: "
               + ", ".join(periods))
    return reports


def _dues(text: str) -> tuple[list[str], str]:
    """Days named after 'trước ngày', as MM-DD (every year) or YYYY-MM-DD; and the text with them blanked."""
    found: list[tuple[int, str]] = []
    blanked = text
    for match in DUE_MONTHS.finditer(text):
        day, year = int(match.group(1)), match.group(3)
        for month in re.findall(r"\d{1,2}", match.group(2)):
            found.append((match.start(), _due(year, int(month), day)))
        blanked = blanked[:match.start()] + " " * len(match.group(0)) + blanked[match.end():]
    for match in DUE_SLASH.finditer(text):
        found.append((match.start(), _due(match.group(3), int(match.group(2)), int(match.group(1)))))
        blanked = blanked[:match.start()] + " " * len(match.group(0)) + blanked[match.end():]
    return [due for _, due in sorted(found) if due], blanked


def _due(year: str | None, month: int, day: int) -> str:
    try:
        dt.date(int(year) if year else 2024, month, day)  # 2024: a leap year, so 29/02 stays possible
    except ValueError:
        return ""
    return f"{year}-{month:02d}-{day:02d}" if year else f"{month:02d}-{day:02d}"
