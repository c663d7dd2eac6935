"""The transcription rule, checked with the data: every paragraph of a plan stands word for word
in its source text (data/sources/), as do its recipients, its units' names and the signer's name.

The whole paragraph is looked up, every word of it: Markdown marks, quote shapes, spacing around
dashes and punctuation and page-number lines of the PDF text do not count. A footnote printed at a
page break can cut a sentence in the PDF text: then the paragraph stands in the text with the
footnotes taken out (as `python -m macros import` reads it). Each lookup is one substring search
of the normalised source (linear in its length); the normalised texts are made once per source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..text.pagefoot import drop_footnotes
from . import model
from .prose import plan_texts

_PAGE_NUMBER = re.compile(r"\s*\d{1,3}\s*")
_FOOTNOTE_REF = re.compile(r"\[\^(\d+)\]")
_BLANK_LINE = re.compile(r"\n\s*\n")  # between paragraphs


_MARKS = (("*", ""), ("#", ""), ("_", ""), ("“", '"'), ("”", '"'))
_SPACED_PUNCTUATION = (" .", " ,", " ;", " :")


def norm(text: str) -> str:
    """Markdown marks and quote shapes out, one space, none around dashes or before punctuation.

    Plain string operations after one whitespace pass: a regular expression with `\\s*` around
    every dash cost most of `check` on a thousand plans.
    """
    if "[^" in text:  # a kept source may write a Word footnote's mark as [^1]
        text = _FOOTNOTE_REF.sub(r"\1", text)
    for mark, instead in _MARKS:
        if mark in text:
            text = text.replace(mark, instead)
    text = " ".join(text.split())
    if "-" in text:
        text = text.replace(" -", "-").replace("- ", "-")
    for mark in _SPACED_PUNCTUATION:
        if mark in text:
            text = text.replace(mark, mark[1])
    return text


@lru_cache(maxsize=64)  # the plans of one source share it; a serve rebuild meets the same texts again
def source_norm(text: str) -> str:
    return norm("\n".join(ln for ln in text.splitlines() if not _PAGE_NUMBER.fullmatch(ln)))


@lru_cache(maxsize=64)
def body_norm(text: str) -> str:
    """The source without the footnotes printed at the foot of its pages (a sentence they cut joins up)."""
    return source_norm("\n".join(line for _, line in drop_footnotes(text.splitlines())[0]))


def missing(plan: model.Plan, source: str) -> Iterator[tuple[tuple, str]]:
    """(field location, paragraph) of each piece of the plan that its source does not have, first per field."""
    text = source_norm(source)
    for loc, piece in _pieces(plan):
        for para in _BLANK_LINE.split(piece) if "\n" in piece else (piece,):
            para = para.strip().removeprefix("- ")
            if "[^" in para:
                para = _FOOTNOTE_REF.sub(r"\1", para)
            wanted = norm(para)
            if wanted and wanted not in text and wanted not in body_norm(source):
                yield loc, para
                break


def _pieces(plan: model.Plan) -> Iterator[tuple[tuple, str]]:
    for piece in plan_texts(plan):
        yield piece.loc, piece.text
    for i, job in enumerate(plan.assignments):
        yield ("assignments", i, "unit_text"), job.unit_text
    for i, line in enumerate(plan.recipients):
        yield ("recipients", i), line
    if plan.signer and plan.signer.name:
        yield ("signer", "name"), plan.signer.name
