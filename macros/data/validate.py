"""Checks that span records: references that must exist, ids inside a plan, cycles that make no sense."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..text.errors import DataError
from ..text.format import province_slug
from . import model, verbatim
from .dataset import Dataset, field_name
from .facts_check import change_errors
from .kinds import KINDS, LABELS
from .namespace import namespace_errors
from .reviewmarks import review_errors

# The project's hand-written pages: a record whose page would have the same path would be
# silently dropped (a hand-written page wins), so its id is refused. `check` and the build
# both look here, so they agree.
DOCS = Path(__file__).resolve().parents[2] / "docs"
RESERVED_PLAN_IDS = ("tat-ca",)  # lich/tat-ca.ics is every plan's calendar
RESERVED_PLAN_PREFIX = "tinh-"  # lich/tinh-<province>.ics is a province's calendar
PROVINCE_MAX = 60

FOOTNOTE_REF = re.compile(r"\[\^(\d+)\]")
Ref = tuple[str, tuple, str, str]  # (record id, location, referenced id, table names)


def check_references(data: Dataset) -> list[DataError]:
    errors = [_missing(data, ref) for ref in references(data)
              if not _exists(data, ref[2], ref[3]) and ref[2] not in data.failed]
    errors += _plan_checks(data)
    errors += _relation_checks(data)
    errors += _reserved_ids(data)
    errors += _province_names(data)
    errors += change_errors(data)
    errors += review_errors(data)
    errors += namespace_errors(data)
    return [e for e in errors if e is not None]




def _exists(data: Dataset, ref: str, tables: str) -> bool:
    return any(ref in getattr(data, t) for t in tables.split("|"))


def _missing(data: Dataset, ref: Ref) -> DataError:
    record_id, loc, target, tables = ref
    file, line = data.where(record_id, *loc)
    kinds = " hoặc ".join(LABELS[t] for t in tables.split("|"))
    return DataError(file, line, field_name(loc), f"không có {kinds} nào mang mã '{target}'")


def references(data: Dataset) -> Iterator[Ref]:
    basis = "documents|plans"
    for org in data.organisations.values():
        if org.parent:
            yield org.id, ("parent",), org.parent, "organisations"
        if org.ended and org.ended.successor:
            yield org.id, ("ended", "successor"), org.ended.successor, "organisations"
        if org.ended and org.ended.source.record:
            yield org.id, ("ended", "source", "record"), org.ended.source.record, basis
        if org.created and org.created.source.record:
            yield org.id, ("created", "source", "record"), org.created.source.record, basis
    for doc in data.documents.values():
        if doc.issuer:
            yield doc.id, ("issuer",), doc.issuer, "organisations"
        for i, org in enumerate(doc.co_issuers):
            yield doc.id, ("co_issuers", i), org, "organisations"
        for i, rel in enumerate(doc.relations):
            yield doc.id, ("relations", i, "target"), rel.target, basis
            if rel.stated_in:
                yield doc.id, ("relations", i, "stated_in"), rel.stated_in, "plans"
            if rel.source and rel.source.record:
                yield doc.id, ("relations", i, "source", "record"), rel.source.record, basis
        if doc.added and doc.added.record:
            yield doc.id, ("added", "record"), doc.added.record, basis
        for i, theme in enumerate(doc.themes):
            yield doc.id, ("themes", i), theme, "themes"
    for plan in data.plans.values():
        yield from _plan_references(plan)
    for camp in data.campaigns.values():
        for i, doc in enumerate(camp.bases):
            yield camp.id, ("bases", i), doc, basis
        for i, theme in enumerate(camp.themes):
            yield camp.id, ("themes", i), theme, "themes"
        for i, item in enumerate(camp.models):
            if item.unit:
                yield camp.id, ("models", i, "unit"), item.unit, "organisations"
            if item.plan:
                yield camp.id, ("models", i, "plan"), item.plan, "plans"


def _plan_references(plan) -> Iterator[Ref]:
    yield plan.id, ("issuer",), plan.issuer, "organisations"
    for i, doc in enumerate(plan.implements):
        yield plan.id, ("implements", i), doc, "documents|plans"
    for i, fix in enumerate(plan.corrections):
        yield plan.id, ("corrections", i, "target"), fix.target, "documents|plans"
    for part in ("targets", "tasks"):
        for i, item in enumerate(getattr(plan, part)):
            for j, theme in enumerate(item.themes):
                yield plan.id, (part, i, "themes", j), theme, "themes"
            for j, camp in enumerate(item.campaigns):
                yield plan.id, (part, i, "campaigns", j), camp, "campaigns"
    for i, task in enumerate(plan.tasks):
        for j, doc in enumerate(task.cites):
            yield plan.id, ("tasks", i, "cites", j), doc, "documents|plans"
    for i, job in enumerate(plan.assignments):
        if job.unit:
            yield plan.id, ("assignments", i, "unit"), job.unit, "organisations"
        for j, report in enumerate(job.reports):
            for key in ("to", "via"):
                if getattr(report, key):
                    yield plan.id, ("assignments", i, "reports", j, key), getattr(report, key), "organisations"


def _plan_checks(data: Dataset) -> Iterator[DataError]:
    for plan in data.plans.values():
        if plan.source not in data.sources and plan.source not in data.failed:
            yield _err(data, plan.id, ("source",), f"không có tệp data/sources/{plan.source}")
        if plan.period.start > plan.period.end:
            yield _err(data, plan.id, ("period",), "năm bắt đầu sau năm kết thúc")
        elif plan.period.end - plan.period.start > model.PERIOD_YEARS:
            yield _err(data, plan.id, ("period",), f"kỳ kế hoạch dài quá {model.PERIOD_YEARS} năm: kiểm tra lại năm "
                       "bắt đầu và năm kết thúc")
        yield from _verbatim(data, plan)
        yield from _anchor_checks(data, plan)
        yield from _footnote_checks(data, plan)


def _verbatim(data: Dataset, plan) -> Iterator[DataError]:
    """The transcription rule: a paragraph the source text does not have is named, with its field."""
    if plan.source not in data.sources:
        return
    for loc, para in verbatim.missing(plan, data.sources[plan.source]):
        para = " ".join(para.split())  # one line in the terminal
        shown = para if len(para) <= 90 else para[:90] + "…"
        yield _err(data, plan.id, loc, f"đoạn '{shown}' không có nguyên văn trong văn bản gốc data/sources/"
                   f"{plan.source}: chép đúng từng chữ từ bản gốc (lỗi chính tả của bản gốc cũng giữ nguyên)")


def _anchor_checks(data: Dataset, plan) -> Iterator[DataError]:
    seen: dict[str, str] = {}
    for part in ("targets", "tasks", "assignments"):
        for i, item in enumerate(getattr(plan, part)):
            if item.id in seen:
                yield _err(data, plan.id, (part, i, "id"), f"neo '{item.id}' đã dùng ở {seen[item.id]} của kế hoạch")
            seen.setdefault(item.id, f"{part}[{i}]")


def _footnote_checks(data: Dataset, plan) -> Iterator[DataError]:
    numbers = [f.number for f in plan.footnotes]
    for i, number in enumerate(numbers):
        if number in numbers[:i]:
            yield _err(data, plan.id, ("footnotes", i, "number"), f"chú thích số {number} bị trùng")
    for i, task in enumerate(plan.tasks):
        for ref in FOOTNOTE_REF.findall(task.text):
            if int(ref) not in numbers:
                yield _err(data, plan.id, ("tasks", i, "text"), f"dẫn chú thích [^{ref}] nhưng kế hoạch không có chú thích số {ref}")


def _relation_checks(data: Dataset) -> Iterator[DataError]:
    for doc in data.documents.values():
        for i, rel in enumerate(doc.relations):
            if rel.target == doc.id:
                yield _err(data, doc.id, ("relations", i, "target"), "văn bản không thể có quan hệ với chính nó")
    for kind, edges in _graphs(data).items():
        yield from _cycles(data, kind, edges)


def _reserved_ids(data: Dataset) -> Iterator[DataError]:
    for kind in KINDS.values():
        for record_id in getattr(data, kind.name):
            page = kind.page(record_id)
            if record_id == "index" or (DOCS / page).exists():
                yield _err(data, record_id, ("id",), f"mã '{record_id}' trùng với trang có sẵn {page} của trang web: "
                           "chọn mã khác")
    for plan_id in data.plans:
        if plan_id in RESERVED_PLAN_IDS or plan_id.startswith(RESERVED_PLAN_PREFIX):
            yield _err(data, plan_id, ("id",), f"mã kế hoạch không được là '{', '.join(RESERVED_PLAN_IDS)}' hay bắt đầu "
                       f"bằng '{RESERVED_PLAN_PREFIX}' (tên các tệp lịch chung): chọn mã khác")


def _province_names(data: Dataset) -> Iterator[DataError]:
    """A province names a site, a folder and a calendar file: short, with letters, one spelling each."""
    seen: dict[str, str] = {}
    for org in data.organisations.values():
        name = org.province
        if name is None:
            continue
        slug = province_slug(name)
        if len(name) > PROVINCE_MAX:
            yield _err(data, org.id, ("province",), f"tên tỉnh quá dài (tối đa {PROVINCE_MAX} ký tự)")
        elif not slug:
            yield _err(data, org.id, ("province",), f"tên tỉnh '{name}' không có chữ cái nào")
        elif seen.setdefault(slug, name) != name:
            yield _err(data, org.id, ("province",), f"tên tỉnh '{name}' khác cách viết '{seen[slug]}' ở cơ quan khác: "
                       "mỗi tỉnh chỉ viết một cách")


Edge = tuple[tuple, str]  # (location of the reference in its record, the record it points to)
_CYCLE_WORDS = {
    "parent": "cơ quan cấp trên", "successor": "cơ quan kế thừa", "implements": "thực hiện",
}


def _graphs(data: Dataset) -> dict[str, dict[str, list[Edge]]]:
    """Every link that must never lead back to where it started, one graph per kind of link.

    A plan that implements itself (or a chain that does) is listed on its own page as its
    own parent and child; an organisation that is its own parent has no top.
    """
    graphs: dict[str, dict[str, list[Edge]]] = {"parent": {}, "successor": {}, "implements": {}}
    for org in data.organisations.values():
        if org.parent:
            graphs["parent"][org.id] = [(("parent",), org.parent)]
        if org.ended and org.ended.successor:
            graphs["successor"][org.id] = [(("ended", "successor"), org.ended.successor)]
    for doc in data.documents.values():
        for i, rel in enumerate(doc.relations):
            if rel.target != doc.id:  # said once above
                graphs.setdefault(rel.type, {}).setdefault(doc.id, []).append((("relations", i, "target"), rel.target))
    for plan in data.plans.values():
        graphs["implements"].setdefault(plan.id, []).extend((("implements", i), t) for i, t in enumerate(plan.implements))
    return graphs


def _cycles(data: Dataset, kind: str, edges: dict[str, list[Edge]]) -> Iterator[DataError]:
    """Each loop once, at the link that closes it (depth-first search: linear in records and links)."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    for start in sorted(edges):
        if start in state:
            continue
        path, stack = [start], [iter(edges.get(start, []))]
        state[start] = 1
        while stack:
            step = next(stack[-1], None)
            if step is None:
                state[path.pop()] = 2
                stack.pop()
                continue
            loc, target = step
            if state.get(target) == 1:
                loop = [*path[path.index(target):], target]
                yield _err(data, path[-1], loc, _loop_message(kind, loop))
            elif target not in state and target in edges:
                state[target] = 1
                path.append(target)
                stack.append(iter(edges[target]))


def _loop_message(kind: str, loop: list[str]) -> str:
    words = _CYCLE_WORDS.get(kind, kind)
    if len(loop) == 2:
        return f"'{loop[0]}' tự trỏ tới chính nó ({words})"
    return f"vòng lặp '{words}': " + " → ".join(loop)


def _err(data: Dataset, record_id: str, loc: tuple, message: str) -> DataError:
    file, line = data.where(record_id, *loc)
    return DataError(file, line, field_name(loc), message)
