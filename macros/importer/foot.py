"""The foot of a plan: "Nơi nhận:" with its dashes, and the signature block (TM./KT., title, name).

Word files put both side by side in a table, text files one after the other; each paragraph
is read for what it is rather than by position, so either order works.
"""

from __future__ import annotations

import re

from ..text.format import fold
from .paragraphs import Para
from .parts import Notes

ROLE = re.compile(r"^(TM|KT|TL|TUQ|Q)\.\s*(.+)$")


def foot(paras: list[Para], review: Notes) -> tuple[list[str], dict | None]:
    recipients: list[str] = []
    signer: dict = {}
    for para in paras:
        text = para.text.strip()
        words = fold(text)
        role = ROLE.match(text)
        if words.startswith("noi nhan"):
            continue
        if re.match(r"^[-–+•]\s*", text):
            recipients.append(re.sub(r"^[-–+•]\s*", "", text).rstrip(" ;,"))
        elif role:
            _role(role, signer, para, review)
        elif text.startswith("(") or "title" in signer and "name" in signer:
            review.add("signer", para.line, f"dòng cuối văn bản chưa nhập: '{text[:80]}'")
        elif text.upper() == text:
            signer.setdefault("title", text)
        elif len(text) <= 60 and not re.search(r"\d", text):
            signer["name"] = text
        else:
            review.add("signer", para.line, f"dòng cuối văn bản chưa nhập: '{text[:80]}'")
    if signer and "title" not in signer:
        signer["title"] = signer.get("deputy_for") or signer.get("on_behalf") or "?"
        review.add("signer.title", paras[0].line if paras else None, "không thấy dòng chức vụ người ký")
    return recipients, (_ordered(signer) if signer else None)


def _role(role: re.Match, signer: dict, para: Para, review: Notes) -> None:
    kind, what = role.group(1), role.group(2).strip()
    if kind == "TM":
        signer["on_behalf"] = what
    elif kind == "KT":
        signer["deputy_for"] = what
    else:
        review.add("signer", para.line, f"'{kind}. {what}': mô hình chỉ có TM. và KT.; ghi lại tay nếu cần")


def _ordered(signer: dict) -> dict:
    return {k: signer[k] for k in ("on_behalf", "deputy_for", "title", "name") if k in signer}
