"""Checks that span records: references that must exist, ids inside a plan, cycles that make no sense."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .errors import DataError
from .dataset import Dataset, field_name
from .kinds import LABELS

FOOTNOTE_REF = re.compile(r"\[\^(\d+)\]")
Ref = tuple[str, tuple, str, str]  # (record id, location, referenced id, table names)


def check_references(data: Dataset) -> list[DataError]:
    errors = [_missing(data, ref) for ref in references(data)
              if not _exists(data, ref[2], ref[3]) and ref[2] not in data.failed]
    errors += _plan_checks(data)
    errors += _relation_checks(data)
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
        if plan.source not in data.sources:
            yield _err(data, plan.id, ("source",), f"không có tệp data/sources/{plan.source}")
        if plan.period.start > plan.period.end:
            yield _err(data, plan.id, ("period",), "năm bắt đầu sau năm kết thúc")
        yield from _anchor_checks(data, plan)
        yield from _footnote_checks(data, plan)


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
    for kind in ("replaces", "amends"):
        yield from _cycles(data, kind)


def _cycles(data: Dataset, kind: str) -> Iterator[DataError]:
    """A chain of 'replaces' (or 'amends') that comes back to where it started makes no sense."""
    edges = {d.id: [(i, r.target) for i, r in enumerate(d.relations) if r.type == kind and r.target != d.id]
             for d in data.documents.values()}
    reported: set[frozenset[str]] = set()
    for start in sorted(edges):
        for i, path in _paths_back(edges, start):
            if frozenset(path) not in reported:
                reported.add(frozenset(path))
                loop = " → ".join([*path, start])
                yield _err(data, start, ("relations", i, "target"), f"vòng lặp '{kind}': {loop}")


def _paths_back(edges: dict, start: str) -> Iterator[tuple[int, list[str]]]:
    stack = [(start, [start], None)]
    while stack:
        node, path, first = stack.pop()
        for i, target in edges.get(node, []):
            index = i if first is None else first
            if target == start:
                yield index, path
            elif target not in path:
                stack.append((target, [*path, target], index))


def _err(data: Dataset, record_id: str, loc: tuple, message: str) -> DataError:
    file, line = data.where(record_id, *loc)
    return DataError(file, line, field_name(loc), message)
