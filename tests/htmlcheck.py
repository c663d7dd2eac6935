"""Reading the built site the way a browser would: links, anchors and visible text."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def main_text(path: Path) -> str:
    """The article text with tags removed and whitespace collapsed."""
    source = path.read_text(encoding="utf-8")
    match = re.search(r'<article class="md-content__inner.*?</article>', source, re.S)
    body = re.sub(r"</?(?:abbr|a|span|sup|strong|em|code|b|i)\b[^>]*>", "", match.group(0) if match else source)
    body = re.sub(r"<[^>]+>", " ", body)
    return re.sub(r"\s+", " ", html.unescape(body)).strip()


def broken_links(site: Path) -> list[str]:
    """Every internal link and anchor in every page, checked against the files and ids that exist."""
    pages = {p: parse(p) for p in site.rglob("*.html") if p.name != "404.html"}  # 404 uses site-absolute links
    problems = []
    for path, page in pages.items():
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//") or href.startswith("mailto:"):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                problems.append(f"{path.relative_to(site)}: {href} (no file)")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{path.relative_to(site)}: {href} (no anchor)")
    return problems


def link_targets(site: Path, path: Path) -> set[str]:
    """Site-relative paths (no fragment) that a page links to."""
    out = set()
    for href in parse(path).links:
        parts = urlsplit(href)
        if parts.scheme or not parts.path:
            continue
        target = (path.parent / unquote(parts.path)).resolve()
        if target.is_relative_to(site.resolve()):
            out.add(target.relative_to(site.resolve()).as_posix())
    return out
