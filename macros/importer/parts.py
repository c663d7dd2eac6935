"""Parts I–III: purposes and requirements, targets (figure and unit), tasks with titles.

Each recogniser returns plain dicts in the model's field order, and a `Notes` note for every
value it had to guess (a figure read out of a sentence, a purpose/requirement split the source
does not make), with the source line the value came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text.format import fold
from .layout import items, strip_marker
from .paragraphs import Para

PERCENT = re.compile(r"(?:(?:trên|dưới|từ|đạt|ít nhất|tối thiểu|tối đa|khoảng)\s+)?\d{1,3}(?:[,.]\d+)?\s*%(?:\s*trở lên)?",
                     re.IGNORECASE)
COUNT = re.compile(r"(?:(?:từ|ít nhất|tối thiểu)\s+)?\d{1,3}(?:\s*(?:đến|-)\s*\d{1,3})?\s+"
                   r"(?:mô hình|lớp|cuộc|buổi|hội nghị|đợt|lượt|người|cán bộ|đơn vị|điển hình)", re.IGNORECASE)
DEADLINE = re.compile(r"(?:đến|trước)\s+năm\s+\d{4}|(?:hằng|hàng)\s+(?:năm|tháng|quý)", re.IGNORECASE)


@dataclass
class Notes:
    """Notes for the `review:` list: what was guessed, where (field path) and from which source line."""

    notes: list[dict] = field(default_factory=list)

    def add(self, where: str, line: int | None, note: str) -> None:
        entry = {"field": where, "line": line, "note": note} if line else {"field": where, "note": note}
        if entry not in self.notes:
            self.notes.append(entry)


def aims(paras: list[Para], review: Notes) -> tuple[list[str], list[str]]:
    """Purposes and requirements: by the source's own "1. Mục đích / 2. Yêu cầu", else guessed."""
    lead, found = items(paras)
    named = {fold(strip_marker(head.text)).strip(" :"): body for _, head, body in found}
    if {"muc dich", "yeu cau"} & set(named) and not lead:
        return ([strip_marker(p.text) for p in named.get("muc dich", [])],
                [strip_marker(p.text) for p in named.get("yeu cau", [])])
    purposes, requirements = [], []
    for para in [*lead, *(p for _, head, body in found for p in (head, *body))]:
        text = strip_marker(para.text)
        is_requirement = bool(re.search(r"\bphải\b", text))
        (requirements if is_requirement else purposes).append(text)
        where = f"requirements[{len(requirements) - 1}]" if is_requirement else f"purposes[{len(purposes) - 1}]"
        review.add(where, para.line, "nguồn không tách mục đích và yêu cầu: xếp vào "
                   + ("yêu cầu vì có chữ 'phải'" if is_requirement else "mục đích"))
    return purposes, requirements


def targets(paras: list[Para], review: Notes) -> list[dict]:
    lead, found = items(paras)
    entries = [p for _, head, body in found for p in (head, *body)] if found else lead
    result = []
    for i, para in enumerate(entries):
        text = strip_marker(para.text)
        target = {"id": f"ct-{i + 1}", "text": text, "_line": para.line}
        quantity = _quantity(text)
        deadline = DEADLINE.search(text)
        if quantity:
            target["quantity"] = quantity
        if deadline:
            target["deadline"] = deadline.group(0)
        guessed = [f"định lượng '{quantity}'" if quantity else "không thấy định lượng",
                   *([f"thời hạn '{deadline.group(0)}'"] if deadline else [])]
        review.add(f"targets[{i}]", para.line, "máy đọc " + ", ".join(guessed))
        result.append(target)
    return result


def _quantity(text: str) -> str | None:
    found = [m.group(0).strip() for m in (*PERCENT.finditer(text), *COUNT.finditer(text))]
    found = list(dict.fromkeys(found))
    return "; ".join(found) if found else None


def tasks(paras: list[Para], review: Notes) -> list[dict]:
    """Numbered items; an item with paragraphs under it has a title, a lone item is all text."""
    lead, found = items(paras)
    if not found:  # bullets only: each is a task
        found = [(str(i + 1), p, []) for i, p in enumerate(lead)]
        lead = []
        for i, para in enumerate(found):
            review.add(f"tasks[{i}]", para[1].line, "phần nhiệm vụ không đánh số: mỗi đoạn được coi là một nhiệm vụ")
    for para in lead:
        review.add("tasks", para.line, "đoạn trước nhiệm vụ 1 chưa được nhập (mô hình chưa có chỗ cho đoạn dẫn)")
    result = []
    for i, (number, head, body) in enumerate(found):
        heading = strip_marker(head.text)
        task = {"id": f"nv-{i + 1}", "number": number, "_line": head.line}
        if body:
            task["title"] = heading.rstrip(" :")
            task["text"] = "\n\n".join(p.text for p in body) + "\n"
        else:
            task["text"] = heading + "\n"
        result.append(task)
    return result
