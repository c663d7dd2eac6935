"""A draft as Markdown, for those without Word: the same structure as the .docx, line for line.

Data text is escaped so it shows as written; places to fill (`[…]`) are kept as they are.
"""

from __future__ import annotations

import re

from ..text.format import md_plain
from .draftdoc import BLANK, NATIONAL, Draft, Para, hint_text, recipient_line

def to_markdown(d: Draft) -> str:
    """Header table, title, parts, signature block, recipients: as the .docx."""
    left = "<br>".join(x for x in (d.parent, f"**{d.issuer}**") if x)
    right = f"**{NATIONAL[0]}**<br>**{NATIONAL[1]}**"
    lines = [f"| {left} | {right} |", "|:---:|:---:|", f"| {d.number} | *{d.place_date}* |", "",
             f"# {d.kind}", "", f"**{d.summary}**", ""]
    for para, after in zip(d.body, (*d.body[1:], None)):
        tight = para.style in LISTED and after is not None and after.style in LISTED
        lines += [_md_para(para)] + ([] if tight else [""])
    lines += [f"**{x}**  " for x in d.signer[:-1]] + ["", f"**{d.signer[-1]}**", "", "***Nơi nhận:***", ""]
    lines += [recipient_line(x, i == len(d.recipients) - 1) for i, x in enumerate(d.recipients)]
    return "\n".join(lines) + "\n"


LISTED = ("item", "duty")


def _md_para(para: Para) -> str:
    if para.style == "part":
        return f"## {para.text}"
    if para.style == "section":
        return f"### {para.text}"
    if para.style == "item":
        return f"- {_md_mixed(para.text)}"
    if para.style == "duty":
        return f"- {md_plain(para.text)}"
    if para.style == "hint":
        return f"*{md_plain(hint_text(para))}*"
    if para.style == "table":
        return _md_table(para.rows)
    return _md_mixed(para.text)


def _md_table(rows: tuple[tuple[str, ...], ...]) -> str:
    head, *body = rows
    lines = ["| " + " | ".join(md_plain(c) for c in head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(_md_mixed(c) or " " for c in row) + " |" for row in body]
    return "\n".join(lines)


def _md_mixed(text: str) -> str:
    """Our own text with data inside: keep the bracketed places to fill, escape the rest."""
    return "".join(part if BLANK.fullmatch(part) else md_plain(part, strip=False)
                   for part in re.split(r"(\[[^\]]*\])", text))
