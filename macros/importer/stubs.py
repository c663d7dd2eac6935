"""A document record read out of the sentence that cites it, for a cited number the data lacks.

"… Chỉ thị số 16-CT/TU ngày 02/8/2021 của Ban Thường vụ Tỉnh ủy về nâng cao chất lượng …" holds the
number, the type, the day, the issuer and the title: the importer writes them into a record marked
`review:` (which `check` refuses until a person has compared it with the document), so the plan's
link works at once and the maintainer reviews instead of typing. Only what the sentence says is
written; what it does not say stays empty.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import get_args

from ..data import model
from ..text.format import LABELS, fold
from .linking import Linker, _slug

DATE = re.compile(r"^\s*,?\s*(?:ngày\s+)?(\d{1,2})[/-](\d{1,2})[/-](\d{4})")
ISSUER = re.compile(r"^\s*của\s+(.+?)(?=\s+(?:về|triển khai|quy định|ban hành|hướng dẫn|thực hiện)\b|[,;.(“\"]|$)")
TITLE = re.compile(r"^\s*(?:về\s+(?:việc\s+)?)(.+?)(?=;|\.\s|\.$|$)")
CENTRAL = ("tw", "ttg", "cp", "bct", "bbt")  # number codes of central bodies: no province in the id


def stub(number: str, text: str, at: int, linker: Linker, line: int, plan_id: str) -> dict | None:
    """The record the sentence around `text[at:]` (where `number` is cited) describes, or None when
    no document type stands before the number (a bare number is not enough to make a record)."""
    kind = _type(text[:at])
    if kind is None:
        return None
    after = text[at + len(number):]
    date = DATE.match(after)
    rest = after[date.end():] if date else after
    issuer_text = ISSUER.match(rest)
    issuer = linker.find_org(issuer_text.group(1)) if issuer_text else None
    rest = rest[issuer_text.end():] if issuer_text else rest
    title = TITLE.match(rest)
    year = _year(number, date)
    record = {"id": _id(number, kind, year, issuer, linker), "number": number, "type": kind}
    if issuer:
        record["issuer"] = issuer
    if date:
        record["date"] = f"{date.group(3)}-{int(date.group(2)):02d}-{int(date.group(1)):02d}"
    elif year:
        record["date"] = year
    if title:
        record["title"] = title.group(1).strip(" ,”\"")[:600]
    said = [f"số, loại{', ngày' if date else ''}{', cơ quan' if issuer else ''}{', trích yếu' if title else ''}"]
    if issuer_text and not issuer:
        said.append(f"cơ quan “{issuer_text.group(1)}” chưa có trong dữ liệu: chưa ghi issuer")
    record["review"] = (f"đọc từ câu trích dẫn ở dòng {line} của kế hoạch {plan_id} ({'; '.join(said)}): "
                        "đối chiếu với văn bản")
    return record


def _type(before: str) -> str | None:
    """The document type named right before the number ('Chỉ thị số', 'Kế hoạch', 'Nghị định số')."""
    tail = fold(before[-40:])
    for kind in get_args(model.DocumentType):
        label = LABELS[kind]
        if kind not in ("khac", "van-kien") and re.search(rf"\b{re.escape(fold(label))}\s*(?:so)?\s*$", tail):
            return kind
    return None


def _year(number: str, date: re.Match | None) -> str | None:
    inside = re.search(r"/((?:19|20)\d{2})/", number)
    return inside.group(1) if inside else (date.group(3) if date else None)


def _id(number: str, kind: str, year: str | None, issuer: str | None, linker: Linker) -> str:
    """As the data names documents: type prefix, number, year, the code after the type code, the province
    for a local body ('ct-16-2021-tu-lao-cai', 'nd-59-2023-cp')."""
    digits = re.match(r"\d+", number).group(0).lstrip("0") or "0"
    codes = [c for c in re.split(r"[-/]", number) if c and not c.isdigit()]
    suffix = _slug("-".join(codes[1:])) if len(codes) > 1 else ""
    local = _is_local(issuer, suffix, linker)
    parts = [_prefix(kind, linker), digits, year, suffix, _slug(linker.province) if local else None]
    base = "-".join(p for p in parts if p)[:80].strip("-")
    taken = {*linker.data.documents, *linker.data.plans, *linker.data.organisations, *linker.new_docs}
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _is_local(issuer: str | None, suffix: str, linker: Linker) -> bool:
    if issuer:
        org = linker.data.organisations.get(issuer)
        return bool(org.province if org else linker.new_orgs.get(issuer, {}).get("province"))
    return suffix not in CENTRAL and not suffix.startswith("qh")


def _prefix(kind: str, linker: Linker) -> str:
    """The first word of the ids the data gives documents of this type (ct for chi-thi), else the type."""
    firsts = Counter(d.id.split("-")[0] for d in linker.data.documents.values() if d.type == kind)
    return firsts.most_common(1)[0][0] if firsts else kind
