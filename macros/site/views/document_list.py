"""The documents index (van-ban/index.md): every document newest first, one list a year, with the
options of the filters reading.js runs in the page (loại, cấp, tỉnh, năm, hiệu lực)."""

from __future__ import annotations

from dataclasses import dataclass

from ...data import model
from ...knowledge.citing import Citations
from ...knowledge.records import Records
from ...knowledge.status import Validity
from ...knowledge.statusword import FILTER_LABELS
from ...text import format as T

LEVELS = ("trung-uong", "tinh", "so-nganh", "huyen", "xa")


@dataclass(frozen=True)
class Option:
    """One choice of a filter: the value the list's items carry and what the menu shows."""

    value: str
    label: str


@dataclass(frozen=True)
class DocumentRow:
    id: str
    type: str
    issuer: str | None  # an organisation id, None when the source names no issuer
    date: model.PartialDate | None
    title: str | None
    level: str  # the issuer's level ("" when none)
    province: str  # the province the document belongs to on the data's date, "Trung ương" or "Chưa rõ"
    year: str  # "2022", or the words for an unknown year
    status: str  # the status' state (its CSS class)
    status_label: str
    status_filter: str  # con, chua-ghi-nhan, het or chua-ro
    replaced: bool  # the records in `by` replaced it (else they amended it)
    by: tuple[str, ...]
    cited: int  # plans citing it


@dataclass(frozen=True)
class YearGroup:
    id: str
    heading: str
    rows: tuple[DocumentRow, ...]


@dataclass(frozen=True)
class DocumentListView:
    types: tuple[Option, ...]
    levels: tuple[Option, ...]
    provinces: tuple[str, ...]
    years: tuple[str, ...]
    statuses: tuple[Option, ...]
    groups: tuple[YearGroup, ...]  # the known years newest first, then the undated


def document_list_view(records: Records, validity: Validity, citations: Citations) -> DocumentListView:
    docs = list(reversed(records.sorted_documents))
    rows = tuple(_row(records, validity, citations, d) for d in docs)
    types = sorted({d.type for d in docs})
    years = list(dict.fromkeys(r.year for r in rows))
    ordered = [y for y in years if y.isdigit()] + [y for y in years if not y.isdigit()]
    return DocumentListView(
        types=tuple(Option(t, f"{T.label(t)} ({sum(1 for d in docs if d.type == t)})") for t in types),
        levels=tuple(Option(level, f"{T.label(level)} ({n})") for level in LEVELS
                     if (n := sum(1 for r in rows if r.level == level))),
        provinces=tuple(sorted({r.province for r in rows}, key=str.lower)),  # as Jinja sorts: case aside
        years=tuple(sorted({d.year for d in docs}, reverse=True)),
        statuses=tuple(Option(value, name) for value, name in FILTER_LABELS.items()),
        groups=tuple(YearGroup(f"nam-{y}" if y.isdigit() else "chua-ro-nam", f"Năm {y}" if y.isdigit() else y,
                               tuple(r for r in rows if r.year == y)) for y in ordered),
    )


def _row(records: Records, validity: Validity, citations: Citations, d) -> DocumentRow:
    org = records.data.organisations.get(d.issuer) if d.issuer else None
    st = validity.status(d.id)
    return DocumentRow(
        id=d.id, type=d.type, issuer=org.id if org else None, date=d.date, title=d.title or None,
        level=org.level if org else "",
        province=(records.province_now_of(d.id) or "Trung ương") if org else "Chưa rõ",
        year=str(d.year), status=st.state, status_label=st.label, status_filter=st.filter_value,
        replaced=st.state == "ceased", by=st.by, cited=len(citations.plans_citing.get(d.id, [])),
    )
