"""Lines → paragraphs: undo the line wrapping of text copied out of PDF and Word files.

Sources come in three shapes: one paragraph per line (Word, most .txt), Markdown with `#` and
`**`, and text cut from a PDF at every printed line with page numbers and footnotes in the
middle of sentences. Recognisers only ever see whole paragraphs, each with the number of the
source line it starts on, so a review note can send the maintainer to that line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text.pagefoot import PAGE_NUMBER, Para, drop_footnotes, unmark

MARKER = re.compile(r"^(?:[IVX]{1,5}\.|\d{1,2}(?:\.\d{1,2})*\.(?!\d)|[a-zđ]\)|[-–+•])(?:\s|$)")
RULE = re.compile(r"^[-_=.*–—]{3,}$")
MD_NOTE = re.compile(r"^\[\^(\d{1,3})\]:\s*(\S.*)$")
END_PUNCT = (".", ":", "!", "?")  # a long printed line ending in ';' goes on


@dataclass
class Paragraphs:
    body: list[Para]
    footnotes: list[tuple[int, Para]] = field(default_factory=list)  # (number, text)


def split(lines: list[str], wrapped: bool | None = None) -> Paragraphs:
    """Paragraphs of `lines`; `wrapped` None means: guess from the line lengths."""
    kept, notes = drop_footnotes(lines) if wrapped is not False else (list(enumerate(lines, 1)), [])
    printed = {n for n, _ in notes}  # PDF footnotes: their numbers are glued to words in the body
    kept, notes = _markdown_notes(kept, notes)
    cleaned = [(n, unmark(t)) for n, t in kept]
    cleaned = [(n, t) for n, t in cleaned if t and not PAGE_NUMBER.match(t) and not RULE.match(t)]
    if wrapped is None:
        wrapped = _looks_wrapped([t for _, t in cleaned])
    width = _width([t for _, t in cleaned])
    body = _join(cleaned, wrapped, width)
    if printed:
        body = [Para(_mark_refs(p.text, printed), p.line) for p in body]
    return Paragraphs(body, notes)


def _markdown_notes(kept: list[tuple[int, str]], notes: list[tuple[int, Para]]):
    """'[^2]: text' lines (Markdown, and how Word footnotes are kept) are footnotes, not body text."""
    body = []
    for number, raw in kept:
        match = MD_NOTE.match(raw.strip())
        if match:
            notes.append((int(match.group(1)), Para(match.group(2), number)))
        else:
            body.append((number, raw))
    return body, notes


def _looks_wrapped(texts: list[str]) -> bool:
    """A PDF copy: many lines, nine in ten no longer than a printed line, and many that go on in the
    next line mid-sentence (a line starting in lower case)."""
    if len(texts) < 30:
        return False
    carried = sum(1 for text in texts[1:] if text[0].islower() and not MARKER.match(text))
    return _width(texts) <= 110 and carried >= 0.2 * len(texts)


def _width(texts: list[str]) -> int:
    lengths = sorted(len(t) for t in texts) or [80]
    return lengths[int(len(lengths) * 0.9)]


def _join(lines: list[tuple[int, str]], wrapped: bool, width: int) -> list[Para]:
    paras: list[Para] = []
    last = ""  # the previous printed line: its length tells a wrapped line from a paragraph's end
    for number, text in lines:
        if paras and _continues(last, text, wrapped, width):
            prev = paras[-1]
            glue = "" if re.search(r"\S-$", prev.text) else " "
            paras[-1] = Para(prev.text + glue + text, prev.line)
        else:
            paras.append(Para(text, number))
        last = text
    return paras


def _continues(before: str, text: str, wrapped: bool, width: int) -> bool:
    """Whether the line `text` carries on the paragraph whose last line is `before`."""
    if MARKER.match(text):
        return False
    if text[0].islower():
        return True
    if not wrapped:
        return False
    return before.endswith("-") or (len(before) >= 0.8 * width and not before.endswith(END_PUNCT))


def _mark_refs(text: str, numbers: set[int]) -> str:
    """'hành động1.' → 'hành động[^1].': a footnote number glued to the end of a word."""
    def swap(match: re.Match) -> str:
        return f"[^{match.group(1)}]" if int(match.group(1)) in numbers else match.group(0)
    return re.sub(r"(?<=[a-zà-ỹđ])(\d{1,2})(?=[.,;:\s]|$)", swap, text)
