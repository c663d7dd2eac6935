"""The files drafts publish: a page per draft made from a plan, and each draft as .docx and Markdown.

Each file is made when mkdocs writes it (a callable, not bytes held for the whole build), and a
.docx is taken from the build cache when one with the same content, layout code and python-docx
version was made before: python-docx is imported only when a .docx is really written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from functools import partial
from importlib.metadata import version
from pathlib import Path

from . import buildcache
from .calendar import STAMP
from .draft_markdown import to_markdown
from .draftdoc import Draft

SECTION = "soan-ke-hoach"
LAYOUT = [Path(__file__).with_name(name) for name in ("word.py", "draftdoc.py")]


def download_path(draft: Draft, ext: str) -> str:
    """Where a draft is published; Markdown gets '.md.txt' so mkdocs copies it instead of making a page.
    Drafts made from one plan live under the plan's folder of the section; the generic templates in mau/."""
    name = f"{draft.slug}.{'md.txt' if ext == 'md' else ext}"
    return f"{SECTION}/{name}" if "/" in draft.slug else f"mau/{name}"


def page_path(slug: str) -> str:
    return f"{SECTION}/{slug}.md"


def download_name(draft: Draft, ext: str) -> str:
    """The file name a browser suggests: the slug with the plan's folder joined by '-'."""
    return f"{draft.slug.replace('/', '-')}.{ext}"


def generated(state) -> Iterator[tuple[str, Callable[[], str | bytes]]]:
    """(path, make) for every drafting file of a build: the generic templates, then per plan its pages
    and downloads."""
    drafting = state.drafting
    for draft in drafting.drafts:
        yield from _downloads(lambda d=draft: d, draft.slug, _path_of(draft))
    book = drafting.book
    for slug in book.entries:
        yield page_path(slug), partial(_stub, slug)
        yield from _downloads(partial(book.draft, slug), slug, f"{SECTION}/{slug}")


def _path_of(draft: Draft) -> str:
    return download_path(draft, "docx")[: -len(".docx")]


def _downloads(get: Callable[[], Draft], slug: str, stem: str) -> Iterator[tuple[str, Callable[[], bytes]]]:
    yield f"{stem}.docx", partial(docx_bytes, get)
    yield f"{stem}.md.txt", lambda: to_markdown(get()).encode("utf-8")


def _stub(slug: str) -> str:
    return f"{{{{ draft_page('{slug}') }}}}\n"


def docx_bytes(get: Callable[[], Draft]) -> bytes:
    draft = get()
    key = f"{version('python-docx')} {STAMP} {_layout_digest()} {draft!r}"
    return buildcache.cached("docx", key, partial(_write, draft), LAYOUT[0])


def _layout_digest() -> str:
    return hashlib.sha256(b"".join(p.read_bytes() for p in LAYOUT)).hexdigest()


def _write(draft: Draft) -> bytes:
    from .word import to_docx  # python-docx is imported only when a .docx is not in the cache

    return to_docx(draft)
