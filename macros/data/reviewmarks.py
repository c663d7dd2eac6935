"""Records the importer created and nobody has checked yet: they stop `check` (and so the build).

An organisation or document written by `python -m macros import` carries a `review:` line saying what
the machine guessed. A plan whose issuer is such an organisation names the wrong body on every page
until a person confirms it, and a document read out of one citing sentence may have its type, issuer,
date or title wrong: both are errors until the line is removed. An organisation only assigned work
stays a warning (the plan's own `review:` list names it).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..text.errors import DataError
from .dataset import Dataset, field_name


def review_errors(data: Dataset) -> Iterator[DataError]:
    issuers: dict[str, list[str]] = {}
    for plan in sorted(data.plans.values(), key=lambda p: p.id):
        issuers.setdefault(plan.issuer, []).append(plan.id)
    for org in data.organisations.values():
        if org.review and org.id in issuers:
            plans = ", ".join(issuers[org.id])
            yield _at(data, org.id, f"cơ quan ban hành của kế hoạch {plans} do lệnh nhập tạo, chưa được soát: "
                      f"{org.review} — soát tên, cấp, cơ quan cấp trên rồi xóa dòng 'review:' này")
    for doc in data.documents.values():
        if doc.review:
            yield _at(data, doc.id, f"văn bản do lệnh nhập tạo từ câu trích dẫn, chưa được soát: {doc.review} — "
                      "đối chiếu số, loại, cơ quan ban hành, ngày, trích yếu với văn bản rồi xóa dòng 'review:' này")


def review_warnings(data: Dataset) -> Iterator[DataError]:
    issuers = {plan.issuer for plan in data.plans.values()}
    for org in data.organisations.values():
        if org.review and org.id not in issuers:
            yield _at(data, org.id, f"cơ quan do lệnh nhập tạo, chưa được soát: {org.review}", level="warning")


def _at(data: Dataset, record_id: str, message: str, level: str = "error") -> DataError:
    file, line = data.where(record_id, "review")
    if level == "warning":
        return DataError(file, line, field_name(("review",)), message, level="warning", code="import-review")
    return DataError(file, line, field_name(("review",)), message)
