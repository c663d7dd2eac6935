"""Drafts written as Word documents (python-docx), in the layout of Nghị định 30/2020/NĐ-CP.

Only lays out a `Draft` (draftdoc.py); the drafting queries decide what it says. Kept apart
because python-docx takes a tenth of a second to import, and a build whose .docx files are all
in the build cache never needs it. Hints get their own paragraph style ("Gợi ý"), so Word's
"select all text with similar formatting" removes them in one go; places to fill ("[…]") are
highlighted.
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from .calendar import STAMP
from .draftdoc import BLANK, FONT, HINT_STYLE, INDENT_CM, MARGINS_MM, NATIONAL, SIZES, Draft, Para, hint_text, recipient_line

# --- Word ----------------------------------------------------------------------------------------------

ZIP_TIME = STAMP.timetuple()[:6]
_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
               "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
               "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
               "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
               "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
GREY = RGBColor(0x59, 0x59, 0x59)
HINT_ID = "GoiY"  # the id of the style named HINT_STYLE ("Gợi ý"): ASCII, as Word's own ids are
TEXT_WIDTH_CM = (210 - MARGINS_MM["left"] - MARGINS_MM["right"]) / 10  # A4 less the margins
GRID_NUMBER_CM = 1.2


def to_docx(d: Draft) -> bytes:
    doc = docx.Document()
    _page(doc)
    _styles(doc)
    _header_table(doc, d)
    _title(doc, d)
    for para in d.body:
        _paragraph(doc, para)
    _footer_table(doc, d)
    _core(doc, d)
    out = io.BytesIO()
    doc.save(out)
    return stable_zip(out.getvalue())


def stable_zip(blob: bytes) -> bytes:
    """Rewrite a zip with fixed times and attributes, so the same content gives the same bytes."""
    source, out = zipfile.ZipFile(io.BytesIO(blob)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type, fixed.create_system, fixed.external_attr = zipfile.ZIP_DEFLATED, 3, 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def _page(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side, mm in MARGINS_MM.items():
        setattr(section, f"{side}_margin", Mm(mm))
    section.different_first_page_header_footer = True  # page numbers from page 2, centred at the top
    para = section.header.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    para.paragraph_format.element.append(field)  # the w:p element (ElementProxy.element, public)


def _set_font(style_or_run, size: int | None = None) -> None:
    """Times New Roman for every script, dropping theme fonts that would otherwise win."""
    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in list(fonts.attrib):
        if attr.endswith("Theme"):
            del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    if size:
        style_or_run.font.size = Pt(size)


def _styles(doc) -> None:
    normal = doc.styles["Normal"]
    _set_font(normal, SIZES["body"])
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    normal.element.get_or_add_rPr().append(lang)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(6), 1.0
    for name in ("Heading 1", "Heading 2"):
        style = doc.styles[name]
        _set_font(style, SIZES["body"])
        style.font.bold, style.font.italic, style.font.color.rgb = True, False, RGBColor(0, 0, 0)
        style.paragraph_format.space_before, style.paragraph_format.space_after = Pt(6), Pt(6)
        style.paragraph_format.first_line_indent = Cm(INDENT_CM)
    hint = doc.styles.add_style(HINT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    hint.style_id = HINT_ID
    hint.base_style = normal
    _set_font(hint, SIZES["hint"])
    hint.font.italic, hint.font.color.rgb = True, GREY
    hint.paragraph_format.first_line_indent = Cm(INDENT_CM)
    hint.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY


def _line(cell_or_doc, text: str, size: int, bold=False, italic=False, underline=False, align="center"):
    para = cell_or_doc.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER if align == "center" else WD_ALIGN_PARAGRAPH.LEFT
    para.paragraph_format.space_after = Pt(0)
    para.paragraph_format.first_line_indent = Cm(0)
    _runs(para, text, size)
    for run in para.runs:
        run.bold, run.italic, run.underline = bold, italic, underline
    return para


def _rule(cell_or_doc, indent_cm: float) -> None:
    """A short horizontal line (bottom border of an empty paragraph), as under the issuer and the title."""
    para = cell_or_doc.add_paragraph()
    fmt = para.paragraph_format
    fmt.left_indent = fmt.right_indent = Cm(indent_cm)
    fmt.space_after, fmt.line_spacing = Pt(6), Pt(2)
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "3"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    border.append(bottom)
    para.paragraph_format.element.get_or_add_pPr().insert_element_before(border, *_AFTER_PBDR)  # schema order: before spacing, ind


def _table(doc, rows: int, widths: tuple[float, float]):
    table = doc.add_table(rows=rows, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for i, width in enumerate(widths):
        table.columns[i].width = Cm(width)
        for cell in table.columns[i].cells:
            cell.width = Cm(width)
            cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)  # start each cell empty
    return table


def _header_table(doc, d: Draft) -> None:
    table = _table(doc, 2, (6.5, 10.0))
    issuer, nation = table.rows[0].cells
    if d.parent:
        _line(issuer, d.parent, SIZES["issuer"])
    _line(issuer, d.issuer, SIZES["issuer"], bold=True)
    _rule(issuer, 2.0)
    _line(nation, NATIONAL[0], SIZES["national"], bold=True)
    _line(nation, NATIONAL[1], SIZES["motto"], bold=True, underline=True)
    number, date = table.rows[1].cells
    _line(number, d.number, SIZES["number"])
    _line(date, d.place_date, SIZES["place"], italic=True)


def _title(doc, d: Draft) -> None:
    _line(doc, "", SIZES["title"])
    _line(doc, d.kind, SIZES["title"], bold=True)
    _line(doc, d.summary, SIZES["title"], bold=True)
    _rule(doc, 6.5)


def _paragraph(doc, para: Para) -> None:
    if para.style in ("part", "section"):
        _styled(doc, para.text, "Heading1" if para.style == "part" else "Heading2")
        return
    if para.style == "hint":
        _styled(doc, hint_text(para), HINT_ID)
        return
    if para.style == "table":
        _grid(doc, para.rows)
        return
    out = doc.add_paragraph()
    out.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    out.paragraph_format.first_line_indent = Cm(INDENT_CM)
    if para.style == "duty":  # quoted from the plan above: data text, never a place to fill
        out.add_run(f"- {para.text}")
        return
    _runs(out, f"- {para.text}" if para.style == "item" else para.text)


def _styled(doc, text: str, style_id: str) -> None:
    """A paragraph of a named style, set by its id: python-docx's lookup by name scans every style
    of the document for each paragraph, most of the time a draft took to write."""
    para = doc.add_paragraph(text)
    para.paragraph_format.element.get_or_add_pPr().style = style_id


def _runs(out, text: str, size: int | None = None) -> None:
    """Text with each place to fill ('[…]') highlighted, so none is missed before signing."""
    pos = 0
    for match in BLANK.finditer(text):
        if match.start() > pos:
            _run(out, text[pos:match.start()], size)
        _run(out, match.group(), size).font.highlight_color = WD_COLOR_INDEX.YELLOW
        pos = match.end()
    if pos < len(text) or not text:
        _run(out, text[pos:], size)


def _run(out, text: str, size: int | None):
    run = out.add_run(text)
    if size:
        run.font.size = Pt(size)
    return run


def _grid(doc, rows: tuple[tuple[str, ...], ...]) -> None:
    """A table to fill (report rows): header row bold, borders on every cell."""
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = [Cm(w) for w in _grid_widths(len(rows[0]))]
    for r, (row, texts) in enumerate(zip(table.rows, rows)):  # each row's cells once: .cells rebuilds the grid
        for cell, text, width in zip(row.cells, texts, widths):
            cell.width = width
            para = cell.paragraphs[0]
            para.paragraph_format.first_line_indent = Cm(0)
            para.paragraph_format.space_after = Pt(0)
            _runs(para, text, SIZES["table"])
            if r == 0:
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
                for run in para.runs:
                    run.bold = True
    _line(doc, "", SIZES["body"])


def _grid_widths(columns: int) -> list[float]:
    """A narrow number column, a wide text column (the target or task), the rest shared out."""
    text_width = TEXT_WIDTH_CM - GRID_NUMBER_CM
    wide = text_width * 0.45
    rest = (text_width - wide) / max(1, columns - 2)
    return [GRID_NUMBER_CM, wide] + [rest] * (columns - 2)


def _footer_table(doc, d: Draft) -> None:
    _line(doc, "", SIZES["body"])
    table = _table(doc, 1, (7.5, 9.0))
    left, right = table.rows[0].cells
    _line(left, "Nơi nhận:", SIZES["recipients_label"], bold=True, italic=True, align="left")
    for i, item in enumerate(d.recipients):
        _line(left, recipient_line(item, i == len(d.recipients) - 1), SIZES["recipients"], align="left")
    for item in d.signer[:-1]:
        _line(right, item, SIZES["signer"], bold=True)
    for _ in range(3):
        _line(right, "", SIZES["signer"])
    _line(right, d.signer[-1], SIZES["signer"], bold=True)


def _property(text: str, limit: int = 255) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _core(doc, d: Draft) -> None:
    props = doc.core_properties
    # Word (python-docx) refuses properties over 255 characters; a long plan title or unit name
    # is cut here, the document's own text keeps it whole.
    props.title, props.subject, props.language = _property(f"{d.kind} {d.summary}"), _property(d.name), "vi-VN"
    props.author = props.last_modified_by = "Cẩm nang Dân vận chính quyền"
    props.created = props.modified = props.last_printed = STAMP.replace(tzinfo=None)
    props.revision = 1
    props.comments = props.keywords = props.category = ""
    rels = doc.part.package.rels  # drop the stock template's thumbnail picture
    for rid in [r for r, rel in rels.items() if rel.reltype.endswith("/thumbnail")]:
        rels.pop(rid)
