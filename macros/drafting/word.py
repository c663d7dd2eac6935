"""Drafts written as Word documents, in the layout of Nghị định 30/2020/NĐ-CP.

Only lays out a `Draft` (draftdoc.py); the drafting queries decide what it says. python-docx
makes what every draft shares (page, styles, page-number header, properties) once per writer;
word_xml.py writes each draft's body. Kept apart because python-docx takes a tenth of a second to
import, and a build whose .docx files are all in the build cache never needs it. Hints get their
own paragraph style ("Gợi ý"), so Word's "select all instances" removes them in one go; places
to fill ("[…]") are highlighted.
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from ..knowledge.calendar import STAMP
from . import word_xml
from .draftdoc import FONT, HINT_STYLE, INDENT_CM, MARGINS_MM, SIZES, Draft

# --- Word ----------------------------------------------------------------------------------------------

ZIP_TIME = STAMP.timetuple()[:6]
GREY = RGBColor(0x59, 0x59, 0x59)
HINT_ID = word_xml.HINT_ID  # the id of the style named HINT_STYLE ("Gợi ý"): ASCII, as Word's own ids are
TEXT_WIDTH_CM = (210 - MARGINS_MM["left"] - MARGINS_MM["right"]) / 10  # A4 less the margins
TITLE_MARK, SUBJECT_MARK = "DVCQ-TITLE", "DVCQ-SUBJECT"  # replaced by each draft's own


def to_docx(d: Draft) -> bytes:
    """One draft as .docx (a writer of its own; a build shares one `WordWriter` for all its drafts)."""
    return WordWriter().write(d)


class WordWriter:
    """Writes drafts as .docx: the parts every draft shares (styles, page, header, properties) are
    made once with python-docx; each draft adds its body (word_xml.py) and its title."""

    def __init__(self) -> None:
        doc = docx.Document()
        _page(doc)
        _styles(doc)
        _core(doc, TITLE_MARK, SUBJECT_MARK)
        out = io.BytesIO()
        doc.save(out)
        with zipfile.ZipFile(io.BytesIO(out.getvalue())) as source:
            self.parts = {info.filename: source.read(info.filename) for info in source.infolist()}
        self.document = self.parts["word/document.xml"].decode("utf-8")
        self.core = self.parts["docProps/core.xml"].decode("utf-8")
        if "<w:body><w:sectPr" not in self.document or TITLE_MARK not in self.core:
            raise RuntimeError("python-docx's default document changed: word.py expects an empty body")
        # The shared parts (0.8 MB of styles) are compressed once; each draft appends its own two.
        self.shared = stable_zip({n: b for n, b in self.parts.items() if n not in OWN_PARTS})

    def write(self, d: Draft) -> bytes:
        document = self.document.replace("<w:body>", "<w:body>" + word_xml.body(d, TEXT_WIDTH_CM), 1)
        core = self.core.replace(TITLE_MARK, word_xml.xml_text(_property(f"{d.kind} {d.summary}")))
        core = core.replace(SUBJECT_MARK, word_xml.xml_text(_property(d.name)))
        own = {"word/document.xml": document.encode("utf-8"), "docProps/core.xml": core.encode("utf-8")}
        return stable_zip(own, base=self.shared)


OWN_PARTS = ("word/document.xml", "docProps/core.xml")  # the parts that differ from draft to draft


def stable_zip(parts: dict[str, bytes], base: bytes = b"") -> bytes:
    """The parts zipped with fixed times and attributes, so the same content gives the same bytes;
    appended to the zip `base` when given (its entries are copied, not compressed again)."""
    out = io.BytesIO(base)
    out.seek(0, io.SEEK_END)
    with zipfile.ZipFile(out, "a" if base else "w", zipfile.ZIP_DEFLATED) as target:
        for name, blob in parts.items():
            fixed = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            fixed.compress_type, fixed.create_system, fixed.external_attr = zipfile.ZIP_DEFLATED, 3, 0o644 << 16
            target.writestr(fixed, blob)
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


def _property(text: str, limit: int = 255) -> str:
    """Word (python-docx) refuses properties over 255 characters; a long plan title or unit name
    is cut here, the document's own text keeps it whole."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _core(doc, title: str, subject: str) -> None:
    props = doc.core_properties
    props.title, props.subject, props.language = title, subject, "vi-VN"
    props.author = props.last_modified_by = "Cẩm nang Dân vận chính quyền"
    props.created = props.modified = props.last_printed = STAMP.replace(tzinfo=None)
    props.revision = 1
    props.comments = props.keywords = props.category = ""
    rels = doc.part.package.rels  # drop the stock template's thumbnail picture
    for rid in [r for r, rel in rels.items() if rel.reltype.endswith("/thumbnail")]:
        rels.pop(rid)
