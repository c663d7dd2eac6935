"""The files that exist only in data: one page per record, open-data JSON, source texts.

A record page's source is one macro call with the record's id, so text from YAML never passes
through the Jinja parser of mkdocs-macros (the macro's output is not parsed again); its tags and
search boost come from the model in the page event (`record_meta`), not from text parsed again.
"""

from __future__ import annotations

import json
from html import escape
from collections.abc import Callable, Iterator
from functools import partial

from mkdocs.structure.files import Files

from ..data.kinds import ALL_DATA, KINDS, org_page, page_of, source_path
from ..drafting.files import generated as drafting_files
from ..knowledge.calendar import PlanNames, calendar_path, to_ics
from ..knowledge.statusword import FILTER_LABELS
from ..knowledge.opendata import extras
from ..text.format import label
from .adapter import MadeFile
from .pagetable import page_table
from .state import SiteState

def add_generated(files: Files, config, state: SiteState) -> None:
    """Add every generated file unless a hand-written file already has that path."""
    for src_uri, make in _generated(state):
        if files.get_file_from_path(src_uri) is None:
            files.append(MadeFile.of(config, src_uri, make))
    made = {f.src_uri for f in files if isinstance(f, MadeFile)}  # a hand-written page keeps its own meta
    state.pages = page_table(state.data, state.drafting.book.entries).kept(made)


def _generated(state: SiteState) -> Iterator[tuple[str, Callable[[], str | bytes]]]:
    data = state.data
    for kind in KINDS:
        for record_id in getattr(data, kind):
            yield page_of(kind, record_id), partial(record_source, kind, record_id)
            yield KINDS[kind].json_path(record_id), partial(record_json, state, kind, record_id)
    for org_id in data.organisations:
        yield org_page(org_id), partial(_org_stub, org_id)
    yield ALL_DATA, partial(all_json, state)
    yield from _calendars(state)
    for plan in data.plans.values():  # the source text as a page and as plain text, named by the plan
        if plan.source in data.sources:
            yield source_path(plan.id, "md"), partial(_source_stub, plan.id)
            yield source_path(plan.id, "txt"), partial(_with_bom, data.sources[plan.source])
    yield from drafting_files(state)  # templates (mau/) and drafts made from each plan (soan-ke-hoach/)


def _with_bom(text: str) -> bytes:
    """The source file's own bytes (the loader decodes them without changing a line end), after a byte
    order mark unless it has one: plain web servers send .txt without a charset, and browsers then show
    Vietnamese as mojibake unless the file itself says it is UTF-8."""
    return (b"" if text.startswith("\ufeff") else b"\xef\xbb\xbf") + text.encode("utf-8")


def _org_stub(org_id: str) -> str:
    return f"organisation {org_id}\n"  # the plugin writes the page (site/orgpage.py)


def _source_stub(plan_id: str) -> str:
    meta = json.dumps({"search": {"exclude": True}})  # the plan's own page is what search should find
    return f"---\n{meta}\n---\n\nsource {plan_id}\n"  # the plugin writes the page (site/views/source.py)


def record_source(kind: str, record_id: str) -> str:
    """A record page's source: its kind and id (ids are [a-z0-9-], see model.ID_PATTERN); the plugin writes the
    page as HTML from its view model (site/macros_api.record_html)."""
    return f"{kind} {record_id}\n"


def record_meta(state: SiteState, kind: str, record_id: str) -> dict:
    """A record page's front matter, from the model: search boost and tags (any character, none dropped)."""
    return {"search": {"boost": KINDS[kind].search_boost}, "tags": _tags(state, kind, record_id)}


TEXT_TITLE = "text_title"  # front matter key: a record page's title unescaped, for the templates that escape


def record_title(state: SiteState, record_id: str) -> str:
    """A record page's title from the model, escaped: the theme writes page titles into HTML as they are.

    Set after mkdocs-macros rendered the page, which renders a title holding `{{`, `{%` or `{#`."""
    return escape(state.renderer.title_of(record_id), quote=False)


def _tags(state: SiteState, kind: str, record_id: str) -> list[str]:
    """Tags for Material's tags index (the search facets): type, issuer level, year, province at as_of,
    status at as_of, themes."""
    record = state.index.records.record(record_id)
    if kind not in {"documents", "plans"}:
        return []
    issuer = state.index.records.issuer_of(record_id)
    tags = [label(record.type) if kind == "documents" else "Kế hoạch dân vận chính quyền"]
    if issuer:
        tags.append(f"Cấp {label(issuer.level).lower()}")
    if record.date:
        tags.append(f"Năm {record.date.year}")
    province = state.index.records.province_now_of(record_id)
    if province:  # after the 2025 mergers: a Bình Định record is found under Gia Lai
        tags.append(f"Tỉnh {province}")
    tags.append(f"Hiệu lực: {FILTER_LABELS[state.index.validity.status(record_id).filter_value]}")
    themes = record.themes if kind == "documents" else [t for task in record.tasks for t in task.themes]
    tags += [state.data.themes[t].name for t in dict.fromkeys(themes) if t in state.data.themes]
    return tags


def record_dict(state: SiteState, kind: str, record_id: str) -> dict:
    record = state.index.records.record(record_id)
    out = {"kind": kind, **record.model_dump(mode="json", exclude_none=True)}
    if kind == "documents":
        out["cited_by"] = [
            {"plan": c.plan, "anchor": c.anchor, "as_written": c.text} for c in state.index.citations.cited_by.get(record_id, [])
        ]
    if kind == "plans":
        out["cites"] = {t.id: state.index.citations.cites(record_id, t.id) for t in record.tasks}
    return {**out, **extras(state.index, record_id)}  # status at as_of, source of every field


def _org_dict(state: SiteState, org) -> dict:
    return {**org.model_dump(mode="json", exclude_none=True), **extras(state.index, org.id)}


def record_json(state: SiteState, kind: str, record_id: str) -> bytes:
    return _dump(record_dict(state, kind, record_id))


def all_json(state: SiteState) -> Iterator[bytes]:
    """Every record in one file, one record a line under its kind's list, given one record at a time.

    At 20 000 plans the dict of every record would cost gigabytes for a moment, and the file's text
    hundreds of MB; each record's text is made, encoded and written (adapter.MadeFile) before the next one.
    """
    data = state.data
    lists = {kind: [partial(record_dict, state, kind, i) for i in getattr(data, kind)] for kind in KINDS}
    lists["organisations"] = [partial(_org_dict, state, o) for o in data.organisations.values()]
    lists["terms"] = [partial(t.model_dump, mode="json", exclude_none=True) for t in data.terms.values()]
    yield b'{\n "as_of": %s,' % _dump(state.data.as_of)
    for n, (name, makers) in enumerate(lists.items()):
        yield b"%s\n %s: " % (b"," if n else b"", _dump(name))
        if not makers:
            yield b"[]"
            continue
        for i, make in enumerate(makers):
            yield (b",\n  " if i else b"[\n  ") + _dump(make())
        yield b"\n ]"
    yield b"\n}"


def _calendars(state: SiteState) -> Iterator[tuple[str, Callable[[], bytes]]]:
    """A calendar file only where there are dated deadlines: per plan, per province, and one for all."""
    ix = state.index
    for plan_id, items in ix.groups.plan_deadlines.items():
        if items:
            yield calendar_path(plan_id), partial(plan_ics, state, [plan_id], state.renderer.title_of(plan_id))
    for name, plans, items in ix.groups.province_deadlines():
        if items:
            ids = [p.id for p in plans]
            yield calendar_path(province=name), partial(plan_ics, state, ids, f"Lịch báo cáo dân vận chính quyền – {name}")
    if ix.groups.all_deadlines():
        yield calendar_path(), partial(plan_ics, state, list(ix.groups.plan_deadlines), "Lịch báo cáo dân vận chính quyền")


def plan_ics(state: SiteState, plan_ids: list[str], calendar_name: str) -> bytes:
    ix = state.index
    items = sorted(d for p in plan_ids for d in ix.groups.plan_deadlines[p])
    return to_ics(items, ix.orgs.name_on, {p: plan_names(state, p) for p in plan_ids}, calendar_name,
                  state.calendar_events)


def plan_names(state: SiteState, plan_id: str) -> PlanNames:
    plan = state.data.plans[plan_id]
    issuer = state.data.organisations[plan.issuer]
    number = plan.number if plan.number and plan.number[0].isdigit() else "(chưa số)"
    short = f"Kế hoạch {number} – {issuer.short_name or issuer.name}"
    return PlanNames(short, f"{state.renderer.title_of(plan_id)}: {plan.title}", issuer.province or "Trung ương")


def _dump(value: dict) -> bytes:
    """One line of JSON, text as UTF-8 (not \\u escapes). Without `indent` Python uses its C encoder: with it,
    the pure-Python one, which cost 6.6 s of an 83 s build (cProfile) at 1 000 plans."""
    return json.dumps(value, ensure_ascii=False).encode("utf-8")
