"""Data lint: doubts worth showing readers, which never stop the build.

Each check yields `DataError(level="warning")` with file and line, so the maintainer can
find the record, and the "Chất lượng dữ liệu" page can list them for readers.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from ..text.citations import alias_key, number_key
from ..text.errors import DataError
from .facts_check import unsourced_facts
from .reviewmarks import review_warnings
from .loader import Dataset, field_name

YEAR_IN_NUMBER = re.compile(r"/((?:19|20)\d{2})/")


def lint(data: Dataset, index) -> list[DataError]:
    checks = (_date_before_number_year, _shared_numbers, _orphan_documents, _tasks_citing_nothing,
              _unresolved_citations, _unresolved_in_records, _shared_aliases, _pending_review, _unsourced,
              _unchecked_units)
    return sorted(w for check in checks for w in check(data, index))


def value_doubts(data: Dataset, index=None) -> list[DataError]:
    """Doubts about a value itself (a date that cannot be right), shown wherever the value is listed."""
    return list(_date_before_number_year(data, index))


def _warn(data: Dataset, record_id: str, loc: tuple, message: str, code: str) -> DataError:
    file, line = data.where(record_id, *loc)
    return DataError(file, line, field_name(loc), message, level="warning", code=code)


def _date_before_number_year(data: Dataset, index) -> Iterator[DataError]:
    for doc in data.documents.values():
        match = YEAR_IN_NUMBER.search(doc.number or "")
        if match and doc.date and doc.date.year < int(match.group(1)):
            yield _warn(data, doc.id, ("date",), f"ngày {doc.date} sớm hơn năm {match.group(1)} trong số hiệu "
                        f"{doc.number}: trích dẫn có thể sai", "date-before-number")


def _shared_numbers(data: Dataset, index) -> Iterator[DataError]:
    owners: dict[str, list[str]] = defaultdict(list)
    for record in [*data.documents.values(), *data.plans.values()]:
        if record.number and any(ch.isdigit() for ch in record.number):
            owners[number_key(record.number)].append(record.id)
    for ids in owners.values():
        for record_id in ids if len(ids) > 1 else []:
            others = ", ".join(i for i in ids if i != record_id)
            yield _warn(data, record_id, ("number",), f"số hiệu dùng chung với {others} (khác cơ quan ban hành; "
                        "trích dẫn được phân giải theo tỉnh của văn bản trích dẫn)", "shared-number")


def _orphan_documents(data: Dataset, index) -> Iterator[DataError]:
    related = {link.source for link in index.links.all} | {link.target for link in index.links.all}
    based = {d for c in data.campaigns.values() for d in c.bases}
    for doc in data.documents.values():
        if doc.id not in index.citations.cited_by and doc.id not in related and doc.id not in based:
            yield _warn(data, doc.id, ("id",), "văn bản không được kế hoạch nào trích dẫn và không có quan hệ nào",
                        "orphan-document")


def _tasks_citing_nothing(data: Dataset, index) -> Iterator[DataError]:
    for plan in data.plans.values():
        for i, task in enumerate(plan.tasks):
            if not index.citations.cites(plan.id, task.id):
                yield _warn(data, plan.id, ("tasks", i), f"nhiệm vụ {task.number} không viện dẫn văn bản nào",
                            "task-without-citation")


def _unresolved_citations(data: Dataset, index) -> Iterator[DataError]:
    for item in index.citations.unresolved:
        why = ("trùng với nhiều văn bản: " + ", ".join(item.candidates)) if item.candidates else "không khớp văn bản nào"
        yield _warn(data, item.record, item.loc, f"trích dẫn '{item.text}' {why}", "unresolved-citation")


def _unresolved_in_records(data: Dataset, index) -> Iterator[DataError]:
    """Mentions in document titles and notes, campaign and theme descriptions, that link nowhere."""
    texts = [(d.id, (f,), getattr(d, f)) for d in data.documents.values() for f in ("title", "notes")]
    texts += [(c.id, ("description",), c.description) for c in data.campaigns.values()]
    for record_id, loc, text in texts:
        for mention in index.citations.finder.find(text or "", index.records.province_of(record_id)):
            if mention.target is None:
                why = "trùng với nhiều văn bản" if mention.candidates else "không khớp văn bản nào"
                yield _warn(data, record_id, loc, f"trích dẫn '{mention.text}' {why}", "unresolved-citation")


def _shared_aliases(data: Dataset, index) -> Iterator[DataError]:
    owners: dict[str, list[str]] = defaultdict(list)
    for doc in data.documents.values():
        for alias in doc.aliases:
            owners[alias_key(alias)].append(doc.id)
    for alias, ids in sorted(owners.items()):
        for record_id in sorted(set(ids)) if len(set(ids)) > 1 else []:
            yield _warn(data, record_id, ("aliases",), f"cách gọi '{alias}' dùng chung cho {', '.join(sorted(set(ids)))}",
                        "shared-alias")


def _pending_review(data: Dataset, index) -> Iterator[DataError]:
    """An imported plan whose guesses nobody has checked yet (its `review:` list is not empty)."""
    for plan in data.plans.values():
        if plan.review:
            yield _warn(data, plan.id, ("review",), f"bản ghi tạo bằng lệnh nhập, còn {len(plan.review)} chỗ máy đoán "
                        "chưa được soát lại với bản gốc", "import-review")


def _unsourced(data: Dataset, index) -> Iterator[DataError]:
    """A status or organisation fact without the quote or the address it was read at."""
    return unsourced_facts(data)


def _unchecked_units(data: Dataset, index) -> Iterator[DataError]:
    """Organisations the importer created for a unit a plan assigns work to, not checked yet."""
    return review_warnings(data)
