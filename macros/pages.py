"""The files that exist only in data: one page per record, open-data JSON, source texts.

Each record page is a stub calling one macro, so text from YAML never passes through the
Jinja parser of mkdocs-macros (the macro's output is not parsed again).
"""

from __future__ import annotations

import json

from mkdocs.structure.files import File, Files, InclusionLevel

from .calendar import deadlines, to_ics
from .drafting import downloads
from .render import SECTIONS, page_of
from .site import SiteState
from .text import label, year_of

SEARCH_BOOST = {"documents": 8, "plans": 4, "campaigns": 8, "themes": 6}


def add_generated(files: Files, config, state: SiteState) -> None:
    """Add every generated file unless a hand-written file already has that path."""
    for src_uri, content, inclusion in _generated(state):
        if files.get_file_from_path(src_uri) is None:
            files.append(File.generated(config, src_uri, content=content, inclusion=inclusion))


def _generated(state: SiteState):
    data = state.data
    for kind in SECTIONS:
        for record_id in getattr(data, kind):
            yield page_of(kind, record_id), _stub(state, kind, record_id), InclusionLevel.NOT_IN_NAV
            yield json_path(kind, record_id), record_json(state, kind, record_id), InclusionLevel.NOT_IN_NAV
    yield "du-lieu/tat-ca.json", all_json(state), InclusionLevel.NOT_IN_NAV
    for plan_id in data.plans:
        yield f"lich/{plan_id}.ics", plan_ics(state, [plan_id]), InclusionLevel.NOT_IN_NAV
    yield "lich/tat-ca.ics", plan_ics(state, list(data.plans)), InclusionLevel.NOT_IN_NAV
    for name, text in sorted(data.sources.items()):
        yield source_path(name), text.encode("utf-8"), InclusionLevel.NOT_IN_NAV
    for path, blob in downloads(state.index):  # templates: mau/*.docx and mau/*.md.txt
        yield path, blob, InclusionLevel.NOT_IN_NAV


def json_path(kind: str, record_id: str) -> str:
    return f"du-lieu/{SECTIONS[kind]}/{record_id}.json"


def source_path(name: str) -> str:
    return f"ke-hoach/nguon/{name}"


def _stub(state: SiteState, kind: str, record_id: str) -> str:
    tags = [t for t in _tags(state, kind, record_id) if not set(t) & set("{}%#\"'\\")]
    meta = json.dumps({"search": {"boost": SEARCH_BOOST[kind]}, "tags": tags}, ensure_ascii=False)
    return f"---\n{meta}\n---\n\n{{{{ record_page('{kind}', '{record_id}') }}}}\n"


def _tags(state: SiteState, kind: str, record_id: str) -> list[str]:
    """Tags for Material's tags index: type, issuer level, year, themes."""
    record = state.index.record(record_id)
    if kind not in {"documents", "plans"}:
        return []
    issuer = state.data.organisations.get(record.issuer) if record.issuer else None
    tags = [label(record.type) if kind == "documents" else "Kế hoạch dân vận chính quyền"]
    if issuer:
        tags.append(f"Cấp {label(issuer.level).lower()}")
    if year_of(record.date):
        tags.append(f"Năm {year_of(record.date)}")
    themes = record.themes if kind == "documents" else [t for task in record.tasks for t in task.themes]
    tags += [state.data.themes[t].name for t in dict.fromkeys(themes) if t in state.data.themes]
    return tags


def record_dict(state: SiteState, kind: str, record_id: str) -> dict:
    record = state.index.record(record_id)
    out = {"kind": kind, **record.model_dump(mode="json", exclude_none=True)}
    if kind == "documents":
        out["cited_by"] = [
            {"plan": c.plan, "anchor": c.anchor, "as_written": c.text} for c in state.index.cited_by.get(record_id, [])
        ]
    if kind == "plans":
        out["cites"] = {t.id: state.index.cites(record_id, t.id) for t in record.tasks}
    return out


def record_json(state: SiteState, kind: str, record_id: str) -> bytes:
    return _dump(record_dict(state, kind, record_id))


def all_json(state: SiteState) -> bytes:
    data = state.data
    out = {kind: [record_dict(state, kind, i) for i in getattr(data, kind)] for kind in SECTIONS}
    out["organisations"] = [o.model_dump(mode="json", exclude_none=True) for o in data.organisations.values()]
    out["terms"] = [t.model_dump(mode="json", exclude_none=True) for t in data.terms.values()]
    return _dump(out)


def plan_ics(state: SiteState, plan_ids: list[str]) -> bytes:
    items = sorted(d for p in plan_ids for d in deadlines(state.data.plans[p]))
    names = {o.id: o.name for o in state.data.organisations.values()}
    titles = {p: state.renderer.title_of(p) for p in plan_ids}
    return to_ics(items, names, titles)


def _dump(value: dict) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8")
