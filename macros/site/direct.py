"""Generated pages written as HTML: what Python-Markdown did to them, done in one pass over our HTML.

A record page used to be Markdown rendered by Jinja and converted by Python-Markdown, half of
the build's time at scale, though the page comes from structured data and its Markdown was
mostly links and HTML blocks. A page kind whose template writes HTML (`*.html.j2`) skips
the conversion; `finish` then does the three things the conversion added:

- glossary abbreviations (Markdown's `abbr`): every text outside tags and outside the HTML
  blocks kept aside (`Renderer.stash`, as Markdown never saw them) gets `<abbr title=…>` around
  each term, with Markdown's pattern (`\\b` on both sides, longest term first) and its
  attribute escaping, so the output is the same as before;
- heading ids (Markdown's `toc`): a heading without an id gets the slug of its text, made
  unique among the page's ids, with `toc`'s own `slugify` and `unique`;
- the table of contents: toc tokens as `toc` makes them (level, id, name, html), nested;
- the page title mkdocs takes from an h1 that opens the page.

The HTML blocks go in after this, in `on_page_content`, as for Markdown pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape

from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags, unique

ID_ATTRIBUTE = re.compile(r'\sid="([^"]+)"')  # ids of HTML elements (search.py cuts sections at them too)
HEADING = re.compile(r"<h([1-6])((?:\s[^>]*)?)>(.*?)</h\1>", re.S)
TAG = re.compile(r"(<[^>]*>)")
SEPARATOR = "-"  # mkdocs.yml: toc with its default separator


@dataclass
class Finished:
    """A page's HTML (HTML blocks still as placeholders), its toc tokens and the ids it holds."""

    html: str
    toc_tokens: list[dict] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    title: str | None = None  # the text of an h1 that opens the page (mkdocs takes the page title from it)


class Abbreviations:
    """Glossary terms and meanings, as Markdown's `abbr` wraps them in text."""

    def __init__(self, meanings: dict[str, str]) -> None:
        self.titles = {term: _attribute(meaning) for term, meaning in meanings.items() if meaning}
        terms = sorted(self.titles, key=len, reverse=True)
        # Tags, or the terms: one pass over a page's HTML, tags left as they are. A term never holds `<` or
        # `>` (Renderer._abbr_terms) and a tag's ends are not word characters, so the terms found are those
        # a pass over each text between tags finds. The lookahead skips, at once, a place where no term starts.
        starts = "".join(sorted({re.escape(term[0]) for term in terms}))
        self.in_html = re.compile(f"{TAG.pattern}|\\b(?=[{starts}])(?:{'|'.join(map(re.escape, terms))})\\b") if terms else None

    def html(self, html: str) -> str:
        """Each term in the text between tags in an <abbr> (a tag's attributes and comments are left alone)."""
        if self.in_html is None:
            return html
        titles = self.titles
        return self.in_html.sub(lambda m: m.group(1) or f'<abbr title="{titles[m.group(0)]}">{m.group(0)}</abbr>', html)


def finish(html: str, abbreviations: Abbreviations) -> Finished:
    """Abbreviations, heading ids and toc tokens of a page's HTML (see the module docstring)."""
    html = abbreviations.html(html)
    used = set(ID_ATTRIBUTE.findall(html))
    counters: dict[str, int] = {}
    tokens: list[dict] = []
    opening: list[str] = []

    def heading(match: re.Match) -> str:
        level, attributes, inner = int(match.group(1)), match.group(2), match.group(3)
        name = strip_tags(inner)
        found = ID_ATTRIBUTE.search(attributes)
        if found:
            anchor = found.group(1)
        else:
            anchor = unique(slugify(unescape(name), SEPARATOR), used, counters)
            attributes = f' id="{anchor}"' + attributes
        tokens.append({"level": level, "id": unescape(anchor), "name": name, "html": inner, "data-toc-label": ""})
        if level == 1 and match.start() == 0:
            opening.append(name)
        return f"<h{level}{attributes}>{inner}</h{level}>"

    html = HEADING.sub(heading, html)
    return Finished(html, nest_toc_tokens(tokens), used, opening[0] if opening else None)


_AMP = re.compile(r"&(?!(?:\#[0-9]+|\#x[0-9a-f]+|[0-9a-z]+);)", re.I)  # an & that starts no entity


def _attribute(text: str) -> str:
    """An attribute value escaped as Python-Markdown's serializer escapes it (an entity stays one)."""
    return _AMP.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
