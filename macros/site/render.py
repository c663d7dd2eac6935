"""Model + index → each generated page's HTML, through Jinja templates in `macros/site/templates/`.

Every `{{ value }}` in a template is escaped by the environment's `finalize` unless it is `Markup` one
of our filters built (links, prose with citations), so a template that forgets a filter still shows
data as plain text. Glossary tooltips, heading ids and the table of contents come from direct.py.
"""

from __future__ import annotations

from collections.abc import Callable
import posixpath
from functools import cached_property, partial
from html import escape
from urllib.parse import quote
import re
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..data.kinds import ALL_DATA, GLOSSARY_PAGE, KINDS, PAGES, org_page, page_of, source_path
from ..data.validate import FOOTNOTE_REF
from ..drafting.draftdoc import BLANK
from ..knowledge.index import SiteIndex
from ..knowledge.marks import doubt_mark, full_title, org_end_mark, source_mark, status_flag, where_link
from ..text import format as T
from ..text.citations import fixes_of
from .direct import ID_ATTRIBUTE, Abbreviations, Finished, finish
from .paths import html_path, relative

TEMPLATES = Path(__file__).parent / "templates"

class Renderer:
    """Renders pages for one build; `current` is the source path of the page being rendered."""

    def __init__(self, index: SiteIndex, cache=None) -> None:
        self.index = index
        self.data = index.data
        # What pages ask for again and again (the data does not change within a build): titles for the
        # build, links and URLs for the folder being written (pages are written folder by folder), at most
        # MEMO_LIMIT of them, so that a national build holds no more than a small one.
        self._titles: dict[str, str] = {}  # record id -> title_of
        self._urls: dict[tuple, Markup] = {}  # (target, anchor) -> url
        self._record_urls: dict[tuple, Markup] = {}  # (record id, anchor, html) -> record_url
        self._links: dict[tuple, Markup] = {}  # (record id, anchor, label and its type, html, HTML-escaped) -> link
        self._folder = ""
        self.current = "index.md"
        self.stashed: dict[str, list[str]] = {}  # page src_uri -> HTML blocks kept out of Markdown
        self.toc_blocks: dict[str, dict[int, list[dict]]] = {}  # page src_uri -> block -> toc tokens of its headings
        self.pending: list[Callable[[bool], str]] = []  # see `_either`
        self.direct = False  # resolving a page written as HTML (`render_html`): its text gets abbreviations later
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False, finalize=T.md_escape,
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined,
        )
        self.env.filters.update(
            prose=self.prose, inline=self.inline, date=T.date_vi, due=T.due_vi, label=T.label, roman=T.roman,
            html=self.stash, blanks=marked_blanks,
        )
        # Templates read the view model they are given; the environment lends them only these helpers, which
        # write links and marks where they land (tests/test_render.py: no module, data, index or service here).
        self.env.globals.update(
            link=self.link, url=self.url, page_url=partial(self.record_url, html=True), data_url=self.data_url,
            source_url=self.source_url, all_data_url=lambda: self.url(ALL_DATA), doc_url=self.doc_url,
            org=self.org_link, title_of=self.title_of, full_title=partial(full_title, self), flag=self.flag,
            org_end=self.org_end, src=partial(source_mark, self), doubt=partial(doubt_mark, self), where_link=where_link,
        )
        if cache is not None:  # a buildcache.BuildCache: compiled templates (keyed by the filters too)
            self.env.bytecode_cache = cache.templates(self.env)

    @property
    def current(self) -> str:
        return self._current

    @current.setter
    def current(self, src_uri: str) -> None:
        """The page being written: links are relative to its folder."""
        folder = posixpath.dirname(src_uri)
        if folder != self._folder or len(self._links) + len(self._urls) + len(self._record_urls) > MEMO_LIMIT:
            self._urls, self._record_urls, self._links = {}, {}, {}
        self._current, self._folder = src_uri, folder

    def render(self, template: str, current: str, **context) -> str:
        self.current, self.pending = current, []
        body = self._resolve(self.env.get_template(template).render(**context), html=False)
        self.pending = []
        return body + self.abbreviations(body)

    def render_html(self, template: str, current: str, **context) -> Finished:
        """A page whose template writes HTML (`*.html.j2`): no Markdown conversion (macros/site/direct.py)."""
        return finish(self._html(template, current, context), self._abbreviations)

    def render_block(self, template: str, current: str, **context) -> Markup:
        """A part of a hand-written Markdown page (a list macro) whose template writes HTML: one block kept
        out of Markdown (`stash`), finished as a page written as HTML is; its headings join the page's
        toc after conversion (`toc_blocks`). Its glossary terms are defined for the page's own Markdown,
        as they were when the part was Markdown (Markdown's abbr covers the whole page)."""
        body = self._html(template, current, context)
        written = finish(body, self._abbreviations)
        placeholder = self.stash(self.filled(current, written.html))  # HTML blocks inside it go in now
        self.toc_blocks.setdefault(current, {})[len(self.stashed[current]) - 1] = written.toc_tokens
        return Markup(str(placeholder) + self.abbreviations(body))

    def _html(self, template: str, current: str, context: dict) -> str:
        self.current, self.pending = current, []
        text = self.env.get_template(template).render(**context)
        self.direct = True
        try:
            body = self._resolve(text, html=True)
        finally:
            self.direct, self.pending = False, []
        # One line break between blocks, two after an HTML block at the top level (one inside an element),
        # as Python-Markdown's output had them.
        return TOP_PLACEHOLDER.sub(lambda m: m.group(0) + "\n", _BLANK_LINES.sub("\n", body).strip()).rstrip()

    @cached_property
    def _abbreviations(self) -> Abbreviations:
        return Abbreviations(self._abbr_table[1])

    def _either(self, make: Callable[[bool], str]) -> Markup:
        """Text whose form depends on where it lands: a marker now, made when that is known.

        Links, organisation names, cited text and status marks look the same in a template
        whether they stand in Markdown or inside an HTML block (`{% filter html %}`), which
        Markdown never parses: `stash` makes them as HTML, `render` as Markdown. So there is
        one `link` for both, and a Markdown link can no longer end up as raw text in HTML. `make(html)`
        makes it, as HTML when `html`."""
        self.pending.append(make)
        return Markup(f"\x02{len(self.pending) - 1}\x03")

    def _resolve(self, text: str, html: bool) -> str:
        if "\x02" not in text:
            return text
        pending = self.pending
        return EITHER.sub(lambda m: str(pending[int(m.group(1))](html)), text)

    # --- links ---------------------------------------------------------------------------

    def url(self, target: str, anchor: str | None = None) -> Markup:
        """Relative link from the current page to a docs path (mkdocs checks `.md` links in --strict)."""
        key = (target, anchor)
        made = self._urls.get(key)
        if made is None:
            rel = relative(target, self._folder)
            made = self._urls[key] = Markup(f"{rel}#{quote(anchor, safe='-_')}" if anchor else rel)
        return made

    def record_url(self, record_id: str, anchor: str | None = None, html: bool = False) -> str:
        """Link target of a record; `html` gives the built page's name, for links in raw HTML
        (mkdocs rewrites `.md` links in Markdown only)."""
        key = (record_id, anchor, html)
        made = self._record_urls.get(key)
        if made is None:
            made = self._record_urls[key] = self._record_url(record_id, anchor, html)
        return made

    def _record_url(self, record_id: str, anchor: str | None, html: bool) -> Markup:
        kind = self.index.records.kind_of(record_id)
        if kind == "organisations":
            target = org_page(record_id)
        elif kind == "terms":
            target, anchor = GLOSSARY_PAGE, record_id
        else:
            target = page_of(kind, record_id)
        return self.url(html_path(target) if html else target, anchor)

    def doc_url(self, name: str, anchor: str | None = None, html: bool = False) -> Markup:
        """Link to a hand-written page named in kinds.PAGES; `html` for an href in raw HTML."""
        target = PAGES[name]
        return self.url(html_path(target) if html else target, anchor)

    def data_url(self, record_id: str) -> Markup:
        """The open-data JSON of a record."""
        return self.url(KINDS[self.index.records.kind_of(record_id)].json_path(record_id))

    def source_url(self, plan_id: str, kind: str = "html") -> Markup:
        """A plan's source text: the readable page (`html`) or the raw text (`txt`)."""
        return self.url(source_path(plan_id, kind))

    def link(self, record_id: str, anchor: str | None = None, label: str | None = None,
             html: bool | None = None) -> Markup:
        """A link to a record's page: Markdown, or HTML inside an HTML block (`html` None: decided
        where it lands, see `_either`)."""
        if html is None:
            return self._either(partial(self.link, record_id, anchor, label))
        escaped = html and not self.direct  # see _escape
        key = (record_id, anchor, label, type(label), html, escaped)  # a Markup label is not escaped again
        made = self._links.get(key)
        if made is None:
            shown = _escape(label if label is not None else self.title_of(record_id), escaped)
            made = self._links[key] = Markup(_anchor(shown, self.record_url(record_id, anchor, html=html), html))
        return made

    def _escape(self, text: str, html: bool) -> str:
        """Text in a link or citation: in an HTML block escaped for HTML; in Markdown, and in a page
        written as HTML (`direct`), as entities (`md_escape`), which Markdown kept as they are."""
        return _escape(text, html and not self.direct)

    def org_link(self, org_id: str | None, fallback: str | None = None, html: bool | None = None) -> Markup:
        if html is None:
            return self._either(partial(self.org_link, org_id, fallback))
        if org_id and org_id in self.data.organisations:  # an ended body says so, with its successor
            named = self.link(org_id, label=self.data.organisations[org_id].name, html=html)
            return Markup(str(named) + org_end_mark(self, org_id, html))
        return Markup(self._escape(fallback or "chưa rõ", html))

    def org_end(self, org_id: str) -> Markup:
        """'(thôi tồn tại từ 01/07/2025; kế thừa: …)' after an ended body's name, where it lands."""
        return self._either(partial(org_end_mark, self, org_id))

    def title_of(self, record_id: str) -> str:
        """Short name used in links and lists: 'Chỉ thị 33/CT-TTg', a plan's number and issuer."""
        title = self._titles.get(record_id)
        if title is None:
            title = self._titles[record_id] = self._title(record_id)
        return title

    def _title(self, record_id: str) -> str:
        record = self.index.records.record(record_id)
        kind = self.index.records.kind_of(record_id)
        if kind == "documents":
            head = T.label(record.type)
            return f"{head} {record.number}" if record.number else (record.title or head)
        if kind == "plans":
            issuer = self.index.records.org_name(record.issuer) or ""
            number = record.number if record.number and record.number[0].isdigit() else "(chưa số)"
            return f"Kế hoạch {number} – {issuer}, {T.date_vi(record.date)}"
        if kind == "terms":
            return record.term
        return record.name

    # --- prose ---------------------------------------------------------------------------

    def flag(self, record_id: str) -> Markup:
        """The mark beside a citation of a basis that has ceased (marks.status_flag), where it lands."""
        return self._either(partial(status_flag, self, record_id))

    def inline(self, text: str, province: str | None = None, self_id: str | None = None,
               html: bool | None = None) -> Markup:
        """One paragraph of data text → escaped Markdown (or HTML with glossary tooltips inside
        an HTML block) with citation links and footnote refs.

        `self_id` is the record the text belongs to: it is never linked to itself, and its
        footnote markers `[^N]` link to its footnotes."""
        if html is None:
            return self._either(partial(self.inline, text, province, self_id))
        out, pos = [], 0
        for mention in self.index.citations.finder.find(text, province, fixes_of(self.data.plans.get(self_id or ""))):
            out.append(self._plain(text[pos:mention.start], self_id, html))
            shown = self._escape(mention.text, html)
            if mention.target and mention.target != self_id:
                shown = _anchor(shown, self.record_url(mention.target, html=html), html)
                if self_id in self.data.plans:  # a plan citing a basis that has ceased: mark it beside the citation
                    shown += str(status_flag(self, mention.target, html))
            out.append(shown)
            pos = mention.end
        out.append(self._plain(text[pos:], self_id, html))
        return Markup("".join(out).strip())

    def _plain(self, text: str, plan_id: str | None, html: bool) -> str:
        """Escaped text; a record's id written in a note ('theo bản kh-13-2022-ubnd-lao-cai') becomes
        the record's Vietnamese name linked to its page: officials never read an id."""
        if "-" not in text:
            return self._words(text, plan_id, html)
        out, pos = [], 0
        for match in RECORD_ID.finditer(text):
            if not any(match.group(0) in getattr(self.data, kind) for kind in NAMED_KINDS):
                continue
            out.append(self._words(text[pos:match.start()], plan_id, html))
            shown = self._escape(self.title_of(match.group(0)), html)
            out.append(shown if match.group(0) == plan_id else
                       _anchor(shown, self.record_url(match.group(0), html=html), html))
            pos = match.end()
        out.append(self._words(text[pos:], plan_id, html))
        return "".join(out)

    def _words(self, text: str, plan_id: str | None, html: bool) -> str:
        """Escaped text; `[^N]` becomes a superscript link to footnote N of the plan."""
        parts = FOOTNOTE_REF.split(_SPACES.sub(" ", text) if html else text)
        plain = self._abbr if html and not self.direct else partial(T.md_escape, strip=False)
        return "".join(plain(part) if i % 2 == 0 else self._footnote_ref(part, plan_id, html)
                       for i, part in enumerate(parts))

    def _footnote_ref(self, number: str, plan_id: str | None, html: bool) -> str:
        if plan_id is None:
            return f"<sup>{number}</sup>"
        return f'<sup class="fn-ref">{_anchor(number, self.record_url(plan_id, f"fn-{number}", html=html), html)}</sup>'

    def prose(self, text: str, province: str | None = None, plan_id: str | None = None) -> Markup:
        """Multi-paragraph text as one raw HTML block: blank lines split paragraphs, lines
        starting '- ' become a list. The block stands on its own lines in a template."""
        blocks = []
        for para in _BLANK_LINES.split(text.strip()):
            lines = [ln.strip() for ln in para.splitlines() if ln.strip()]
            if lines and all(ln.startswith("- ") for ln in lines):
                items = "".join(f"<li>{self.inline(ln[2:], province, plan_id, html=True)}</li>" for ln in lines)
                blocks.append(f"<ul>{items}</ul>")
            elif lines:
                blocks.append(f"<p>{self.inline(' '.join(lines), province, plan_id, html=True)}</p>")
        return self.stash('<div class="prose">\n' + "\n".join(blocks) + "\n</div>")

    # --- HTML blocks ---------------------------------------------------------------------------

    def stash(self, html: str) -> Markup:
        """An HTML block kept out of Markdown: a placeholder now, the HTML after conversion.

        Python-Markdown parses raw HTML blocks too (md_in_html), and plan pages are mostly
        tables and prose written as HTML; `unstash` puts the blocks into the converted page
        (hooks.on_page_content). Templates wrap such blocks in `{% filter html %}`.
        """
        block = self._resolve(str(html), html=True).strip()
        if found := MARKDOWN_LINK.search(block):
            raise ValueError(f"{self.current}: Markdown link inside an HTML block shows as raw text: {found.group()}")
        blocks = self.stashed.setdefault(self.current, [])
        blocks.append(block)
        return Markup(f"\n\n<!--dvcq-html {len(blocks) - 1}-->\n\n")

    def filled(self, src_uri: str, text: str) -> str:
        """`text` (the page's Markdown or its HTML) with each placeholder replaced by its block."""
        blocks = self.stashed.get(src_uri)
        return PLACEHOLDER.sub(lambda m: blocks[int(m.group(1))], text) if blocks else text

    def unstash(self, src_uri: str, html: str) -> tuple[str, set[str], list[tuple[int, list[dict]]]]:
        """The converted page with its blocks in, the ids those blocks hold, and where in the converted
        page (before the blocks went in) each block with headings stood, with their toc tokens; the
        blocks are let go."""
        tocs = self.toc_blocks.pop(src_uri, {})
        places = [(m.start(), tocs[int(m.group(1))]) for m in PLACEHOLDER.finditer(html) if tocs.get(int(m.group(1)))]
        html = self.filled(src_uri, html)
        blocks = self.stashed.pop(src_uri, [])
        return html, {i for block in blocks for i in ID_ATTRIBUTE.findall(block)}, places

    def _abbr(self, text: str) -> str:
        """Escaped text, each glossary term in an <abbr> with its meaning (as Markdown's abbr does)."""
        pattern, meanings = self._abbr_table
        if pattern is None:
            return escape(text, quote=False)
        parts = pattern.split(text)
        return "".join(escape(part, quote=False) if i % 2 == 0 else
                       f'<abbr title="{escape(meanings[part])}">{escape(part, quote=False)}</abbr>'
                       for i, part in enumerate(parts))

    @cached_property
    def _abbr_table(self) -> tuple[re.Pattern | None, dict[str, str]]:
        """One pattern for every term, longest first, matched as whole words (as Markdown's abbr)."""
        meanings = {t.term: _one_line(t.meaning) for t in self._abbr_terms()}
        terms = sorted(meanings, key=len, reverse=True)
        pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, terms)) + r")(?!\w)") if terms else None
        return pattern, meanings

    def _abbr_terms(self):
        return [t for t in self.data.terms.values() if re.fullmatch(r"[\wĐđ/ .-]+", t.term) and len(t.term) > 1]

    def abbreviations(self, body: str) -> str:
        """Glossary terms as Markdown `abbr` definitions: a tooltip wherever the term appears.

        Only the terms the page contains: Markdown's abbr matches every definition against every
        text of the page, a third of the conversion time when all 45 terms came with each page.
        """
        defs = [f"*[{term}]: {meaning}" for term, meaning in self._abbr_table[1].items() if term in body]
        return "\n\n" + "\n".join(defs) + "\n" if defs else ""


MEMO_LIMIT = 30_000  # links and URLs kept for one folder (at most some 15 MB)
PLACEHOLDER = re.compile(r"<!--dvcq-html (\d+)-->")
TOP_PLACEHOLDER = re.compile(r"<!--dvcq-html \d+-->(?!\n</)")  # not the last thing inside an element
EITHER = re.compile("\x02(\\d+)\x03")
# An id-shaped word (model.ID_PATTERN, two hyphens or more) standing alone: not inside a path or address.
RECORD_ID = re.compile(r"(?<![\w/.#-])[a-z0-9]+(?:-[a-z0-9]+){2,}(?![\w/#-])")
NAMED_KINDS = {"documents", "plans", "campaigns", "themes"}
MARKDOWN_LINK = re.compile(r"\]\((?:\.\./)*[^()\s]*\.md(?:#[^()\s]*)?\)")


_BLANK_LINES = re.compile(r"\n\s*\n")
_SPACES = re.compile(r"\s+")


def _escape(text: str, html: bool) -> str:
    return escape(text, quote=False) if html else T.md_escape(text)


def _anchor(shown: str, href: str, html: bool) -> str:
    return f'<a href="{href}">{shown}</a>' if html else f"[{shown}]({href})"


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def marked_blanks(text: str) -> Markup:
    """A draft's text for the on-page preview with each place to fill ('[…]') in a <mark>, as the Word file
    highlights it; site.css names it for screen readers and keeps it legible on paper."""
    out, pos = [], 0
    for match in BLANK.finditer(text):
        out += [T.md_escape(text[pos:match.start()], strip=False),
                f'<mark class="draft-blank" title="Chỗ cần điền">{T.md_escape(match.group(), strip=False)}</mark>']
        pos = match.end()
    return Markup("".join(out) + T.md_escape(text[pos:], strip=False))
