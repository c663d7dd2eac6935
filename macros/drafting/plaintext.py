"""A draft as plain text for those without Word: no Markdown, UTF-8 with a byte order mark, CRLF lines.

Notepad on an office PC and a phone's text viewer show it as written: the header as two blocks,
the title, the parts, the signature block and Nơi nhận. Places to fill stay in square brackets;
advice is set apart as "(Gợi ý: …)" so it is easy to find and delete.
"""

from __future__ import annotations

from .draftdoc import NATIONAL, Draft, Para, hint_text, recipient_line

BOM = "\ufeff"
WIDTH = 80


def to_text(d: Draft) -> str:
    lines = [x for x in (d.parent, d.issuer) if x] + [d.number] * bool(d.number)
    lines += ["", *NATIONAL, d.place_date, "", _centre(d.kind), _centre(d.summary), ""]
    for para in d.body:
        lines += _para(para)
    lines += ["", *d.signer[:-1], "", "", d.signer[-1], "", "Nơi nhận:"]
    lines += [recipient_line(x, i == len(d.recipients) - 1) for i, x in enumerate(d.recipients)]
    return "\r\n".join(lines) + "\r\n"


def to_bytes(d: Draft) -> bytes:
    return (BOM + to_text(d)).encode("utf-8")


def _centre(text: str) -> str:
    return text.center(WIDTH).rstrip() if len(text) < WIDTH else text


def _para(para: Para) -> list[str]:
    if para.style == "part":
        return ["", para.text.upper()]
    if para.style == "section":
        return [para.text]
    if para.style in ("item", "duty"):
        return [f"- {para.text}"]
    if para.style == "hint":
        return [f"({hint_text(para)})"]
    if para.style == "table":
        return ["\t".join(row) for row in para.rows] + [""]  # tab-separated: pastes into a spreadsheet
    return [para.text]
