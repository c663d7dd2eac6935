"""Model + index → Markdown for each page, through Jinja templates in `macros/templates/`.

Every `{{ value }}` in a template is escaped for Markdown by the environment's `finalize`,
unless it is `Markup` that one of our filters built (links, prose with citations). So a
template that forgets a filter still shows data as plain text.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache
from urllib.parse import quote
import re
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import text as T
from .index import SiteIndex
from .validate import FOOTNOTE_REF

TEMPLATES = Path(__file__).parent / "templates"

# Where each kind of record gets its page (source paths inside docs/).
SECTIONS = {"documents": "van-ban", "plans": "ke-hoach", "campaigns": "phong-trao", "themes": "chu-de"}
GLOSSARY_PAGE = "thuat-ngu.md"
ORGANISATIONS_PAGE = "co-quan.md"


def page_of(kind: str, record_id: str) -> str:
    return f"{SECTIONS[kind]}/{record_id}.md"


class Renderer:
    """Renders pages for one build; `current` is the source path of the page being rendered."""

    def __init__(self, index: SiteIndex) -> None:
        self.index = index
        self.data = index.data
        self.current = "index.md"
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False, finalize=T.md_escape,
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined,
        )
        self.env.filters.update(
            prose=self.prose, inline=self.inline, date=T.date_vi, due=T.due_vi, label=T.label, roman=T.roman,
            section=SECTIONS.get,
        )
        self.env.globals.update(
            link=self.link, url=self.url, ix=index, data=self.data, T=T, org=self.org_link,
            relation_labels=T.RELATION_LABELS, level_groups=index.level_groups, plans_by_level=self.plans_by_level, org_groups=index.org_groups, anchor=lambda i: Markup("{#" + T.md_escape(i) + "}"), record=index.record, kind_of=index.kind_of, title_of=self.title_of,
        )

    def render(self, template: str, current: str, **context) -> str:
        self.current = current
        body = self.env.get_template(template).render(**context)
        return body + self.abbreviations()

    # --- links ---------------------------------------------------------------------------

    def url(self, target: str, anchor: str | None = None) -> Markup:
        """Relative link from the current page to a docs path (mkdocs checks `.md` links in --strict)."""
        rel = _relative(target, posixpath.dirname(self.current) or ".")
        return Markup(f"{rel}#{quote(anchor, safe='-_')}" if anchor else rel)

    def record_url(self, record_id: str, anchor: str | None = None) -> str:
        kind = self.index.kind_of(record_id)
        if kind == "organisations":
            return self.url(ORGANISATIONS_PAGE, record_id)
        if kind == "terms":
            return self.url(GLOSSARY_PAGE, record_id)
        return self.url(page_of(kind, record_id), anchor)

    def link(self, record_id: str, anchor: str | None = None, label: str | None = None) -> Markup:
        shown = T.md_escape(label if label is not None else self.title_of(record_id))
        return Markup(f"[{shown}]({self.record_url(record_id, anchor)})")

    def org_link(self, org_id: str | None, fallback: str | None = None) -> Markup:
        if org_id and org_id in self.data.organisations:
            return self.link(org_id, label=self.data.organisations[org_id].name)
        return Markup(T.md_escape(fallback or "chưa rõ"))

    def title_of(self, record_id: str) -> str:
        """Short name used in links and lists: 'Chỉ thị 33/CT-TTg', a plan's number and issuer."""
        record = self.index.record(record_id)
        kind = self.index.kind_of(record_id)
        if kind == "documents":
            head = T.label(record.type)
            return f"{head} {record.number}" if record.number else (record.title or head)
        if kind == "plans":
            issuer = self.index.org_name(record.issuer) or ""
            number = record.number if record.number and record.number[0].isdigit() else "(chưa số)"
            return f"Kế hoạch {number} – {issuer}, {T.date_vi(record.date)}"
        if kind == "terms":
            return record.term
        return record.name

    def plans_by_level(self) -> list[tuple[str, list]]:
        """Plans grouped by the level of their issuer (tỉnh, sở-ngành, huyện, xã)."""
        groups: dict[str, list] = {}
        for plan in self.index.sorted_plans:
            level = self.data.organisations[plan.issuer].level
            groups.setdefault(level, []).append(plan)
        order = ["trung-uong", "tinh", "so-nganh", "huyen", "xa"]
        return [(T.label(level), groups[level]) for level in order if level in groups]

    # --- prose ---------------------------------------------------------------------------

    def inline(self, text: str, province: str | None = None, self_id: str | None = None) -> Markup:
        """One paragraph of data text → escaped Markdown with citation links and footnote refs.

        `self_id` is the record the text belongs to: it is never linked to itself, and its
        footnote markers `[^N]` link to its footnotes."""
        out, pos = [], 0
        for mention in self.index.finder.find(text, province):
            out.append(self._plain(text[pos:mention.start], self_id))
            if mention.target and mention.target != self_id:
                out.append(f"[{T.md_escape(mention.text)}]({self.record_url(mention.target)})")
            else:
                out.append(T.md_escape(mention.text))
            pos = mention.end
        out.append(self._plain(text[pos:], self_id))
        return Markup("".join(out).strip())

    def _plain(self, text: str, plan_id: str | None) -> str:
        """Escaped text; `[^N]` becomes a superscript link to footnote N of the plan."""
        parts = FOOTNOTE_REF.split(text)
        return "".join(
            T.md_escape(part, strip=False) if i % 2 == 0 else self._footnote_ref(part, plan_id)
            for i, part in enumerate(parts)
        )

    def _footnote_ref(self, number: str, plan_id: str | None) -> str:
        if plan_id is None:
            return f"<sup>{number}</sup>"
        return f'<sup class="fn-ref">[{number}]({self.record_url(plan_id, f"fn-{number}")})</sup>'

    def prose(self, text: str, province: str | None = None, plan_id: str | None = None) -> Markup:
        """Multi-paragraph text: blank lines split paragraphs, lines starting '- ' become a list."""
        blocks = []
        for para in re.split(r"\n\s*\n", text.strip()):
            lines = [ln.strip() for ln in para.splitlines() if ln.strip()]
            if lines and all(ln.startswith("- ") for ln in lines):
                blocks.append("\n".join(f"- {self.inline(ln[2:], province, plan_id)}" for ln in lines))
            else:
                blocks.append(self.inline(" ".join(lines), province, plan_id))
        return Markup("\n\n".join(blocks))

    def abbreviations(self) -> str:
        """Glossary terms as Markdown `abbr` definitions: a tooltip wherever the term appears."""
        defs = [f"*[{t.term}]: {_one_line(t.meaning)}" for t in self.data.terms.values()
                if re.fullmatch(r"[\wĐđ/ .-]+", t.term) and len(t.term) > 1]
        return "\n\n" + "\n".join(defs) + "\n" if defs else ""


@lru_cache(maxsize=1 << 16)  # a page links the same themes, organisations and documents many times
def _relative(target: str, start: str) -> str:
    return quote(posixpath.relpath(target, start), safe="/.-_~")


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
