"""The kinds of record and where everything made from them lives: one table, every path spelled once.

A kind's name is its `Dataset` attribute and, for records kept one per file, its folder in
data/; its section is the docs folder of its pages and of its open-data JSON. Templates reach
these paths through the renderer's URL helpers (`record_url`, `data_url`, `source_url`), never
by spelling them.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from . import model


@dataclass(frozen=True)
class Kind:
    name: str  # Dataset attribute; data/<name>/ when `one_per_file`
    model: type[BaseModel]
    section: str  # docs folder of the record pages ("van-ban/<id>.md") and of du-lieu/<section>/<id>.json
    singular: str  # template <singular>.html.j2 (site/macros_api.HTML_PAGES), schema <singular>.schema.json, `python -m macros new <singular>`
    label: str  # what Vietnamese messages call one ("văn bản")
    title: str  # heading of its JSON Schema and section
    search_boost: int  # Material's boost of the record's page
    names: tuple[str, ...]  # the fields that name a record, which search also finds it by
    one_per_file: bool = True

    def page(self, record_id: str) -> str:
        return f"{self.section}/{record_id}.md"

    def json_path(self, record_id: str) -> str:
        return f"{DATA_FOLDER}/{self.section}/{record_id}.json"


KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("documents", model.Document, "van-ban", "document", "văn bản", "Văn bản", 8, ("title", "aliases")),
    Kind("plans", model.Plan, "ke-hoach", "plan", "kế hoạch", "Kế hoạch", 4, ("title",)),
    Kind("campaigns", model.Campaign, "phong-trao", "campaign", "phong trào", "Phong trào", 8, ("name", "aliases")),
    Kind("themes", model.Theme, "chu-de", "theme", "chủ đề", "Chủ đề", 6, ("name",), one_per_file=False),
)}
RECORD_FOLDERS = {k.name: k.model for k in KINDS.values() if k.one_per_file}

# Records without a page of their own: a row of a shared page, reached by an anchor.
GLOSSARY_PAGE = "thuat-ngu.md"  # terms (terms are `data.terms`)
ORGANISATIONS_PAGE = "co-quan.md"  # organisations: the list; each has a page of its own too
ORG_SECTION = "co-quan"
LABELS = {**{k.name: k.label for k in KINDS.values()}, "organisations": "cơ quan", "terms": "thuật ngữ"}

# Hand-written pages that generated pages link to, by what they are (templates: `doc_url(name)`).
PAGES = {
    "documents": "van-ban/index.md", "bases": "van-ban/he-thong.md",
    "plans": "ke-hoach/index.md", "comparison": "ke-hoach/so-sanh.md", "calendar": "ke-hoach/lich-bao-cao.md",
    "campaigns": "phong-trao/index.md", "themes": "chu-de/index.md",
    "guides": "huong-dan/index.md", "drafting_guide": "huong-dan/xay-dung-ke-hoach.md", "templates": "huong-dan/mau.md",
    "drafts": "soan-ke-hoach/index.md", "glossary": GLOSSARY_PAGE,
}

DATA_FOLDER = "du-lieu"  # open data: one JSON per record and all of it in one file
ALL_DATA = f"{DATA_FOLDER}/tat-ca.json"
SOURCES_FOLDER = "ke-hoach/van-ban-goc"  # each plan's source text, named by the plan


def source_path(plan_id: str, kind: str) -> str:
    """A plan's source text: `md` the readable page's source, `html` that page, `txt` the raw text."""
    return f"{SOURCES_FOLDER}/{plan_id}.{kind}"


def org_page(org_id: str) -> str:
    """An organisation's own page ('co-quan/so-noi-vu-lao-cai.md')."""
    return f"{ORG_SECTION}/{org_id}.md"


def page_of(kind: str, record_id: str) -> str:
    return KINDS[kind].page(record_id)
