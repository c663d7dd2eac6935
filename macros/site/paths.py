"""Paths of the built site: a docs path's page, and one page's address as another page's link.

Record pages are written into folders (`van-ban/`, `ke-hoach/`...) and every link between them is
relative, so the site works opened from disk (use_directory_urls is off).
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote


def html_path(src_uri: str) -> str:
    """The built page of a docs path ('van-ban/x.md' → 'van-ban/x.html'; use_directory_urls is off)."""
    return src_uri[: -len(".md")] + ".html"


def relative(target: str, folder: str) -> str:
    """`target` (a docs path) relative to `folder` (a docs folder, '' for the top), as posixpath.relpath
    gives it, without its look at the working directory."""
    parts, start = parts_of(target), parts_of(folder)
    common = 0
    for a, b in zip(parts, start):
        if a != b:
            break
        common += 1
    return quote("/".join([".."] * (len(start) - common) + parts[common:]) or ".", safe="/.-_~")


def parts_of(path: str) -> list[str]:
    normal = posixpath.normpath(path)
    return [] if normal == "." else normal.split("/")
