"""The files drafts publish: a page per draft made from the data, and each draft as .docx and plain text.

Each file is made when mkdocs writes it (a callable, not bytes held for the whole build), and a
.docx is taken from the build cache (keyed by the draft, the source of the Word writer and what it
imports, and the versions of python-docx and lxml) when it was made before: python-docx is
imported only when a .docx is really written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from .draftdoc import Draft
from .plaintext import to_bytes

SECTION = "soan-ke-hoach"
WRITER = f"{__package__}.word"  # the module that writes a .docx: its code is part of the cache key
WRITER_LIBRARIES = ("python-docx", "lxml")


def download_path(draft: Draft, ext: str) -> str:
    """Where a draft is published: drafts made from the data under their folder of the section
    ('ke-hoach-2027/so-noi-vu-lao-cai', '<plan>/bao-cao'); the generic templates in mau/."""
    name = f"{draft.slug}.{ext}"
    return f"{SECTION}/{name}" if "/" in draft.slug else f"mau/{name}"


def page_path(slug: str) -> str:
    return f"{SECTION}/{slug}.md"


def download_name(draft: Draft, ext: str) -> str:
    """The file name a browser suggests, naming the unit and year: 'ke-hoach-2027-so-noi-vu-lao-cai.docx'."""
    return f"{draft.slug.replace('/', '-')}.{ext}"


def generated(state) -> Iterator[tuple[str, Callable[[], str | bytes]]]:
    """(path, make) for every drafting file of a build: the generic templates, then per plan its pages
    and downloads."""
    drafting, word = state.drafting, Word(state.cache)
    for draft in drafting.drafts:
        yield from _downloads(lambda d=draft: d, _path_of(draft), word)
    book = drafting.book
    for slug in book.entries:
        yield page_path(slug), partial(_stub, slug)
        yield from _downloads(partial(book.draft, slug), f"{SECTION}/{slug}", word)


def _path_of(draft: Draft) -> str:
    return download_path(draft, "docx")[: -len(".docx")]


def _downloads(get: Callable[[], Draft], stem: str, word: Word) -> Iterator[tuple[str, Callable[[], bytes]]]:
    yield f"{stem}.docx", lambda: word.docx(get())
    yield f"{stem}.txt", lambda: to_bytes(get())


def _stub(slug: str) -> str:
    return f"{{{{ draft_page('{slug}') }}}}\n"


class Word:
    """The .docx files of one build: from the build cache, or written by one `WordWriter`, made (with
    python-docx imported) the first time a .docx is not in the cache."""

    def __init__(self, cache) -> None:
        self.cache = cache
        self._writer = None

    def docx(self, draft: Draft) -> bytes:
        make = partial(self._write, draft)
        if self.cache is None:
            return make()
        return self.cache.cached("docx", repr(draft), make, code=(WRITER,), libraries=WRITER_LIBRARIES)

    def _write(self, draft: Draft) -> bytes:
        if self._writer is None:
            from .word import WordWriter  # python-docx is imported only when a .docx is not cached

            self._writer = WordWriter()
        return self._writer.write(draft)
