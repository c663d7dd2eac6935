"""The body of a draft as WordprocessingML: paragraphs, runs and tables written as XML text.

Every draft of a build shares its styles, page setup and page-number header (made once with
python-docx in word.py); only the body differs. Writing the body as text takes a tenth of the
time python-docx's object model takes, which matters with one .docx per unit of every plan.
Element order follows the schema (ECMA-376 Part 1, §17.3.1.26 pPr, §17.3.2.28 rPr), which Word
enforces; tests read every draft back with python-docx.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from .draftdoc import BLANK, INDENT_CM, NATIONAL, SIZES, Draft, Para, hint_text, recipient_line

TWIPS_PER_CM = 567
HINT_ID = "GoiY"  # the id of the paragraph style named "Gợi ý" (draftdoc.HINT_STYLE)
HEADING_IDS = {"part": "Heading1", "section": "Heading2"}
GRID_NUMBER_CM = 1.2
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML 1.0 cannot hold


def body(d: Draft, text_width_cm: float) -> str:
    """Header table, title, body paragraphs, recipients and signature: what goes inside <w:body>."""
    parts = [_header(d), *_title(d)]
    for i, para in enumerate(d.body):
        last = i == len(d.body) - 1 and para.style == "body"  # the closing sentence stays with the signature
        parts.append(_paragraph(para, text_width_cm, keep=last))
    parts.append(_footer(d))
    return "".join(parts)


# --- runs and paragraphs ---------------------------------------------------------------------------


def run(text: str, size: int | None = None, bold=False, italic=False, underline=False, mark=False) -> str:
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    if size:
        props += f'<w:sz w:val="{size * 2}"/><w:szCs w:val="{size * 2}"/>'
    props += ('<w:highlight w:val="yellow"/>' if mark else "") + ('<w:u w:val="single"/>' if underline else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{xml_text(text)}</w:t></w:r>'


def xml_text(text: str) -> str:
    """Data text as XML character data: markup characters escaped, characters XML cannot hold dropped."""
    return escape(_NOT_XML.sub("", text))


def runs(text: str, size: int | None = None, **style) -> str:
    """Text with each place to fill ('[…]') highlighted, so none is missed before signing."""
    out, pos = [], 0
    for match in BLANK.finditer(text):
        if match.start() > pos:
            out.append(run(text[pos:match.start()], size, **style))
        out.append(run(match.group(), size, mark=True, **style))
        pos = match.end()
    if pos < len(text) or not text:
        out.append(run(text[pos:], size, **style))
    return "".join(out)


def paragraph(content: str, style: str | None = None, align: str | None = None, first_line_cm: float | None = None,
              after_pt: float | None = None, indent_cm: float | None = None, rule=False, keep=False) -> str:
    """<w:p> with its properties in schema order: pStyle, keepNext, keepLines, pBdr, spacing, ind, jc."""
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    props += "<w:keepNext/><w:keepLines/>" if keep else ""
    if rule:
        props += '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="3" w:color="000000"/></w:pBdr>'
    if after_pt is not None or rule:
        line = ' w:line="40" w:lineRule="exact"' if rule else ""
        props += f'<w:spacing w:after="{round((6 if rule else after_pt) * 20)}"{line}/>'
    ind = ""
    if indent_cm is not None:
        ind += f' w:left="{_twips(indent_cm)}" w:right="{_twips(indent_cm)}"'
    if first_line_cm is not None:
        ind += f' w:firstLine="{_twips(first_line_cm)}"'
    props += f"<w:ind{ind}/>" if ind else ""
    props += f'<w:jc w:val="{align}"/>' if align else ""
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{content}</w:p>"


def line(text: str, size: int, align: str = "center", keep=False, **style) -> str:
    """One line of the header, title or signature block: no indent, no space after."""
    return paragraph(runs(text, size, **style), align=align, first_line_cm=0, after_pt=0, keep=keep)


def _twips(cm: float) -> int:
    return round(cm * TWIPS_PER_CM)


# --- tables ----------------------------------------------------------------------------------------


def table(cells: list[list[str]], widths_cm: list[float], grid=False, whole=False) -> str:
    """A fixed-width table centred on the page; `grid` draws every border (Table Grid style);
    `whole` keeps each row on one page (w:cantSplit), as the signature block must be."""
    widths = [_twips(w) for w in widths_cm]
    style = '<w:tblStyle w:val="TableGrid"/>' if grid else ""
    head = (f'<w:tblPr>{style}<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
            '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
            'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>')
    columns = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    row_pr = "<w:trPr><w:cantSplit/></w:trPr>" if whole else ""
    rows = "".join(f"<w:tr>{row_pr}" + "".join(_cell(c, w) for c, w in zip(row, widths)) + "</w:tr>" for row in cells)
    return f"<w:tbl>{head}<w:tblGrid>{columns}</w:tblGrid>{rows}</w:tbl>"


def _cell(content: str, width: int) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{content or paragraph("")}</w:tc>'


def grid_widths(columns: int, text_width_cm: float) -> list[float]:
    """A narrow number column, a wide text column (the target or task), the rest shared out."""
    text_width = text_width_cm - GRID_NUMBER_CM
    wide = text_width * 0.45
    rest = (text_width - wide) / max(1, columns - 2)
    return [GRID_NUMBER_CM, wide] + [rest] * (columns - 2)


# --- the parts of a draft ----------------------------------------------------------------------------


def _header(d: Draft) -> str:
    issuer = (line(d.parent, SIZES["issuer"]) if d.parent else "") + line(d.issuer, SIZES["issuer"], bold=True)
    issuer += paragraph("", indent_cm=2.0, rule=True)
    nation = line(NATIONAL[0], SIZES["national"], bold=True) + line(NATIONAL[1], SIZES["motto"], bold=True,
                                                                    underline=True)
    number, date = line(d.number, SIZES["number"]), line(d.place_date, SIZES["place"], italic=True)
    return table([[issuer, nation], [number, date]], [6.5, 10.0])


def _title(d: Draft) -> list[str]:
    return [line("", SIZES["title"]), line(d.kind, SIZES["title"], bold=True),
            line(d.summary, SIZES["title"], bold=True), paragraph("", indent_cm=6.5, rule=True)]


def _paragraph(para: Para, text_width_cm: float, keep=False) -> str:
    if para.style in HEADING_IDS:
        return paragraph(runs(para.text), style=HEADING_IDS[para.style])
    if para.style == "hint":
        return paragraph(run(hint_text(para)), style=HINT_ID)
    if para.style == "table":
        return _grid(para.rows, text_width_cm)
    if para.style == "duty":  # quoted from the plan above: data text, never a place to fill
        content = run(f"- {para.text}")
    elif para.style == "carried":  # a source plan's paragraph, word for word: data text too
        content = run(para.text)
    else:
        content = runs(f"- {para.text}" if para.style == "item" else para.text)
    return paragraph(content, align="both", first_line_cm=INDENT_CM, keep=keep)


def _grid(rows: tuple[tuple[str, ...], ...], text_width_cm: float) -> str:
    """A table to fill (report rows): header row bold and centred, borders on every cell."""
    cells = [[paragraph(runs(text, SIZES["table"], bold=r == 0), align="center" if r == 0 else None,
                        first_line_cm=0, after_pt=0) for text in row] for r, row in enumerate(rows)]
    return table(cells, grid_widths(len(rows[0]), text_width_cm), grid=True) + line("", SIZES["body"])


def _footer(d: Draft) -> str:
    """Nơi nhận beside the signature block, one table row that never splits across pages; the
    blank line before it keeps with it, so the block moves to the next page whole."""
    left = line("Nơi nhận:", SIZES["recipients_label"], align="left", keep=True, bold=True, italic=True)
    left += "".join(line(recipient_line(x, i == len(d.recipients) - 1), SIZES["recipients"], align="left", keep=True)
                    for i, x in enumerate(d.recipients))
    right = "".join(line(x, SIZES["signer"], keep=True, bold=True) for x in d.signer[:-1])
    right += line("", SIZES["signer"], keep=True) * 3 + line(d.signer[-1], SIZES["signer"], keep=True, bold=True)
    return line("", SIZES["body"], keep=True) + table([[left, right]], [7.5, 9.0], whole=True)
