"""How drafts word things: citations of documents and plans, excerpts, titles, signature lines.

Shared by the guide's query (guide.py) and the draft builders (book.py and what it calls); data in, text out.
"""

from __future__ import annotations

import re

from ..data import model
from ..data.loader import Dataset
from ..data.validate import FOOTNOTE_REF
from ..text.format import label

EXCERPT = 320  # longest quoted wording, in characters


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """First sentence(s) of a text, up to `limit` characters, cut at a word with '…'."""
    plain = one_line(FOOTNOTE_REF.sub("", text))
    plain = re.sub(r"^- ", "", plain)
    if len(plain) <= limit:
        return plain
    stop = plain.rfind(". ", 0, limit)
    if stop > limit // 2:
        return plain[: stop + 1]
    return plain[: plain.rfind(" ", 0, limit)].rstrip(",;:") + " …"


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def citation(data: Dataset, doc_id: str) -> str:
    """How a plan cites a document: 'Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về …'."""
    doc = data.documents[doc_id]
    kind, title = label(doc.type), doc.title or ""
    head = f"{kind} số {doc.number}" if doc.number else (title or kind)
    if doc.number and title.startswith(kind):
        head, title = f"{title} số {doc.number}", ""
    elif not doc.number:
        title = ""
    words = [head]
    if doc.date:
        words.append(("ngày " if doc.date.precise else "") + date_plain(doc.date))
    if doc.issuer and doc.issuer in data.organisations:
        words.append(f"của {data.organisations[doc.issuer].name}")
    return " ".join(words + ([lower_first(title)] if title else []))


def plan_citation(data: Dataset, plan: model.Plan) -> str:
    """'Kế hoạch số 13/KH-UBND ngày 17/01/2022 của Ủy ban nhân dân tỉnh Lào Cai'; an unnumbered or
    undated source plan keeps its gaps as places to fill ('Kế hoạch số […]/KH-UBND ngày […] năm 2025')."""
    number = plan.number or "/KH-…"
    number = number if number[0].isdigit() else f"[…]{number}"
    if plan.date and plan.date.precise:
        when = f"ngày {date_plain(plan.date)}"
    else:
        when = f"ngày […] năm {plan.date.year}" if plan.date else "ngày […]"
    issuer = data.organisations[plan.issuer].name
    return f"Kế hoạch số {number} {when} của {issuer}"


def title_words(title: str) -> str:
    """A plan title as a phrase inside a sentence: capitals of an all-caps title lowered."""
    text = one_line(title)
    text = text[:1] + text[1:].lower() if text.isupper() else text
    return lower_first(text)


def doing(title: str) -> str:
    """What a plan does, as a phrase: 'Triển khai, thực hiện công tác … năm 2026' → 'thực hiện công tác … năm 2026'."""
    return "thực hiện " + re.sub(r"^(triển khai,? )?(thực hiện )?", "", title_words(title))


def title_key(title: str) -> str:
    """A title with its year left blank: what plans of different years have in common."""
    text = one_line(title)
    text = text[:1] + text[1:].lower() if text.isupper() else text
    return re.sub(r"(năm|giai đoạn) \d{4}(\s*-\s*\d{4})?", "năm [20…]", text)


def signer_lines(signer: model.Signer) -> list[str]:
    lines = [f"TM. {signer.on_behalf}"] if signer.on_behalf else []
    lines += [f"KT. {signer.deputy_for}"] if signer.deputy_for else []
    return lines + [signer.title] + ([signer.name] if signer.name else [])


def period_words(start: int, end: int) -> str:
    """A plan's period as drafts write it: 'năm 2025' or 'giai đoạn 2021 - 2025'."""
    return f"năm {start}" if start == end else f"giai đoạn {start} - {end}"


def date_plain(date: model.PartialDate) -> str:
    """'17/01/2022', '01/2022' or 'năm 2022', as plans cite a date."""
    if date.month is None:
        return f"năm {date.year}"
    return (f"{date.day:02d}/" if date.day is not None else "") + f"{date.month:02d}/{date.year}"


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if len(text) > 1 and text[1].islower() else text


def recipient_key(text: str) -> str:
    """A recipient without its note: 'Sở Nội vụ (b/c)' → 'Sở Nội vụ'."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", text).strip()
