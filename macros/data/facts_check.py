"""Checks on the facts of change over time (macros/data/facts.py) that span records.

Errors: a change of effect naming a record the data does not have, a record changing itself.
Warnings: a status or organisation fact whose source has no quote or no address where it was
read: it stays on the site, marked, but the next maintainer cannot check it.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..text.errors import DataError
from .dataset import Dataset, field_name

BASIS = ("documents", "plans")


def change_errors(data: Dataset) -> Iterator[DataError]:
    """Each change of data/validity.yaml names records the data has, and not the same one twice."""
    validity, origin = data.validity, data.validity_origin
    if validity is None or origin is None:
        return
    for i, change in enumerate(validity.changes):
        for key in ("record", "by"):
            target = getattr(change, key)
            if target and not _exists(data, target):
                yield _at(origin, ("changes", i, key), f"không có văn bản hoặc kế hoạch nào mang mã '{target}'")
        if change.by and change.by == change.record:
            yield _at(origin, ("changes", i, "by"), f"văn bản '{change.record}' không thể tự {CHANGE_WORDS[change.change]}")
        if change.source.record and not _exists(data, change.source.record):
            yield _at(origin, ("changes", i, "source", "record"),
                      f"không có văn bản hoặc kế hoạch nào mang mã '{change.source.record}'")


CHANGE_WORDS = {"replaced": "thay thế mình", "amended": "sửa đổi mình", "repealed": "bãi bỏ mình",
                "expired": "làm mình hết hiệu lực", "effective": "có hiệu lực", "confirmed": "xác nhận mình"}


def unsourced_facts(data: Dataset) -> Iterator[DataError]:
    """A fact of status or organisation whose source lacks its quote or where it was read."""
    for loc, source, what, place in _sourced_facts(data):
        lacking = [name for name, value in (("câu chữ (quote)", source.quote), ("nơi đọc (where)", source.where))
                   if not value]
        if lacking:
            file, line = place(*loc)
            yield DataError(file, line, field_name(loc),
                            f"{what} thiếu {' và '.join(lacking)}: ghi câu chữ đã đọc và địa chỉ (hoặc đường dẫn kho) "
                            "nơi đọc, để người sau kiểm lại được", level="warning", code="fact-without-source")


def _sourced_facts(data: Dataset):
    """(location of the source, EditorialSource, what it is in words, where-function) of every editorial fact."""
    origin = data.validity_origin
    if data.validity and origin:
        for i, change in enumerate(data.validity.changes):
            yield ("changes", i, "source"), change.source, f"sự kiện hiệu lực '{change.change}' của '{change.record}'", origin.at
        for i, end in enumerate(data.validity.levels_ended):
            yield ("levels_ended", i, "source"), end.source, f"việc kết thúc cấp '{end.level}'", origin.at
        for i, prov in enumerate(data.validity.provinces):
            yield ("provinces", i, "source"), prov.source, f"việc sắp xếp tỉnh {prov.province}", origin.at
    for org in data.organisations.values():
        at = data.origins[org.id].at
        if org.created:
            yield ("created", "source"), org.created.source, f"việc bắt đầu của cơ quan '{org.id}'", at
        if org.ended:
            yield ("ended", "source"), org.ended.source, f"việc thôi tồn tại của cơ quan '{org.id}'", at
    for doc in data.documents.values():
        at = data.origins[doc.id].at
        if doc.added:
            yield ("added",), doc.added, f"văn bản bổ sung '{doc.id}'", at
        for i, rel in enumerate(doc.relations):
            if rel.source and rel.type in ("replaces", "amends"):
                yield ("relations", i, "source"), rel.source, f"quan hệ '{rel.type}' của '{doc.id}'", at


def _exists(data: Dataset, record_id: str) -> bool:
    return any(record_id in getattr(data, t) for t in BASIS) or record_id in data.failed


def _at(origin, loc: tuple, message: str) -> DataError:
    file, line = origin.at(*loc)
    return DataError(file, line, field_name(loc), message)
