"""Reading the .docx drafts back in tests: the document, its non-empty paragraphs, a table cell's lines."""

from __future__ import annotations

import io

import docx


def open_docx(blob: bytes):
    return docx.Document(io.BytesIO(blob))


def paragraphs(blob: bytes) -> list:
    """The body paragraphs that hold text (blank spacer paragraphs left out)."""
    return [p for p in open_docx(blob).paragraphs if p.text.strip()]


def cell_lines(cell) -> list[str]:
    """A table cell's lines (the header and signature blocks are tables)."""
    return [p.text for p in cell.paragraphs if p.text.strip()]
