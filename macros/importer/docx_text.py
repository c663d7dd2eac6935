"""Word (.docx) → lines of text, with the numbers Word draws itself written in.

Plans number their parts, tasks and dashes with Word's automatic numbering as often as by hand;
python-docx's `Paragraph.text` leaves those numbers out, and without "I.", "1.", "-" a plan has no
shape. The numbers are rebuilt from the OOXML numbering definitions (w:numPr on the paragraph or
its style, w:abstractNum levels), read through python-docx's public objects (`Document.element`,
`numbering_part.element`, `Paragraph`) and lxml; header and signature tables are read cell by cell
in document order. Footnotes (word/footnotes.xml) are written as Markdown footnotes, so the kept
text holds them and the plan's `footnotes:` can quote them.
"""

from __future__ import annotations

from collections import defaultdict

from docx.text.paragraph import Paragraph  # this module is imported only when a .docx is read (reading.py)
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
         (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def docx_lines(document, footnotes: dict[str, str] | None = None) -> list[str]:
    """Every paragraph's text in document order (table cells included), auto numbers prefixed;
    footnote references as [^n] and, at the end, the footnotes as '[^n]: text' (Markdown's form)."""
    numbers = Numbering(document)
    lines: list[str] = []
    cited: dict[str, int] = {}

    def walk(element) -> None:
        for child in element:
            if child.tag == f"{W}p":
                label = numbers.label(child, Paragraph(child, document))
                text = _text(child, cited)
                lines.append(f"{label} {text}" if label and text.strip() else text)
            elif child.tag in {f"{W}tbl", f"{W}tr", f"{W}tc", f"{W}sdt", f"{W}sdtContent"}:
                walk(child)

    walk(document.element.body)
    notes = [f"[^{n}]: {(footnotes or {}).get(note_id, '').strip()}" for note_id, n in cited.items()]
    return lines + ([""] + notes if notes else [])


def _text(paragraph, cited: dict[str, int]) -> str:
    """The paragraph's words as Word shows them (inserted text in, deleted text and field codes out)."""
    parts: list[str] = []
    for node in paragraph.iter():
        if node.tag == f"{W}t":
            parts.append(node.text or "")
        elif node.tag == f"{W}tab":
            parts.append(" ")
        elif node.tag in {f"{W}br", f"{W}cr"}:
            parts.append("\n")
        elif node.tag == f"{W}noBreakHyphen":
            parts.append("-")
        elif node.tag == f"{W}footnoteReference":
            note_id = node.get(f"{W}id")
            parts.append(f"[^{cited.setdefault(note_id, len(cited) + 1)}]")
    return "".join(parts)


def read_footnotes(archive) -> dict[str, str] | None:
    """word/footnotes.xml → {id: text}; Word's separator notes (ids -1, 0) have no words and drop out.
    None when the part cannot be parsed."""
    try:
        raw = archive.read("word/footnotes.xml")
    except KeyError:
        return {}
    try:
        root = etree.fromstring(raw, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:  # a text node beyond libxml2's bound, or a broken part
        return None
    notes = {}
    for note in root.findall(f"{W}footnote"):
        paragraphs = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in note.findall(f"{W}p")]
        text = " ".join(t.strip() for t in paragraphs if t.strip())
        if text:
            notes[note.get(f"{W}id")] = text
    return notes


class Numbering:
    """Counters for each list, and the label each numbered paragraph shows ('I.', '2.', 'a)', '-')."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.starts: dict[tuple[str, int], int] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        abstract = {a.get(f"{W}abstractNumId"): a for a in (root.findall(f"{W}abstractNum") if root is not None else [])}
        for num in root.findall(f"{W}num") if root is not None else []:
            num_id, ref = num.get(f"{W}numId"), num.find(f"{W}abstractNumId")
            definition = abstract.get(ref.get(f"{W}val")) if ref is not None else None
            self.levels[num_id] = _levels(definition) if definition is not None else {}
            for override in num.findall(f"{W}lvlOverride"):
                start = override.find(f"{W}startOverride")
                if start is not None:
                    self.starts[(num_id, int(override.get(f"{W}ilvl", "0")))] = int(start.get(f"{W}val"))
        self.counters: dict[str, dict[int, int]] = defaultdict(dict)

    def label(self, element, paragraph) -> str | None:
        num_id, level = _num_pr(element) or _style_num_pr(paragraph) or (None, 0)
        levels = self.levels.get(num_id or "", {})
        if level not in levels:
            return None
        counts = self.counters[num_id]
        start = self.starts.get((num_id, level), levels[level][2])
        counts[level] = counts[level] + 1 if level in counts else start
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]
        fmt, text, _ = levels[level]
        if fmt == "bullet":
            return "-"
        if fmt == "none":
            return None
        for k in range(level + 1):
            value = counts.get(k, levels.get(k, ("decimal", "", 1))[2])
            text = text.replace(f"%{k + 1}", _format(value, levels.get(k, ("decimal",))[0]))
        return text.strip() or None


def _levels(definition) -> dict[int, tuple[str, str, int]]:
    found = {}
    for lvl in definition.findall(f"{W}lvl"):
        fmt, text, start = lvl.find(f"{W}numFmt"), lvl.find(f"{W}lvlText"), lvl.find(f"{W}start")
        found[int(lvl.get(f"{W}ilvl", "0"))] = (
            fmt.get(f"{W}val") if fmt is not None else "decimal",
            text.get(f"{W}val") if text is not None else "",
            int(start.get(f"{W}val")) if start is not None else 1,
        )
    return found


def _num_pr(element) -> tuple[str, int] | None:
    ppr = element.find(f"{W}pPr")
    numpr = ppr.find(f"{W}numPr") if ppr is not None else None
    if numpr is None:
        return None
    num_id, ilvl = numpr.find(f"{W}numId"), numpr.find(f"{W}ilvl")
    if num_id is None:
        return None
    return num_id.get(f"{W}val"), int(ilvl.get(f"{W}val")) if ilvl is not None else 0


def _style_num_pr(paragraph) -> tuple[str, int] | None:
    style = paragraph.style
    while style is not None:
        found = _num_pr(style.element)
        if found:
            return found
        style = style.base_style
    return None


def _format(value: int, fmt: str) -> str:
    if fmt in {"upperRoman", "lowerRoman"}:
        text = ""
        for number, letters in ROMAN:
            while value >= number:
                text, value = text + letters, value - number
        return text if fmt == "upperRoman" else text.lower()
    if fmt in {"lowerLetter", "upperLetter"}:
        letter = "abcdefghijklmnopqrstuvwxyz"[(value - 1) % 26]
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)
