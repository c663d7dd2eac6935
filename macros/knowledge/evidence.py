"""What a status can rest on, found in the data: dates, periods, the changes of data/validity.yaml,
and the recent texts that apply a document (a plan of the last twelve months citing it).

A text cited as a basis by a plan or document of the data issued within the twelve months before
the day asked about counts as applied on that day: the plan is named, so the reader can check.
"""

from __future__ import annotations

import datetime as _dt
import re

from ..data import model
from ..data.dates import PartialDate
from .statusword import Evidence

_SPAN = re.compile(r"giai đoạn\s+(\d{4})\s*[-–—]\s*(\d{4})", re.IGNORECASE)
_HORIZON = re.compile(r"(tầm nhìn|định hướng)\s+đến\s+năm\s+\d{4}", re.IGNORECASE)
_UNTIL = re.compile(r"\bđến\s+năm\s+(\d{4})", re.IGNORECASE)
_YEAR = re.compile(r"\bnăm\s+(\d{4})\b", re.IGNORECASE)
# Documents that run for a period (plans, programmes, schemes): their period ends their effect.
PERIOD_TYPES = {"ke-hoach", "chuong-trinh", "de-an"}
# A decision that issues a plan or programme, or assigns a year's targets, runs for the period its title states.
_PLAN_DECISION = re.compile(r"^(về việc |về )?(ban hành (kế hoạch|chương trình)|giao chỉ tiêu)", re.IGNORECASE)


def runs_for_a_period(doc: model.Document) -> bool:
    """A plan, programme or scheme, or a decision issuing one ('Ban hành Kế hoạch …', 'Về giao chỉ tiêu …')."""
    return doc.type in PERIOD_TYPES or (doc.type == "quyet-dinh" and bool(_PLAN_DECISION.match(doc.title or "")))
# Relations by which a recent document applies an older one (it rests on it, carries it out).
APPLYING = ("based-on", "implements", "continues", "details")
WINDOW_MONTHS = 12


def full_date(value: PartialDate | None) -> _dt.date | None:
    """The day, when stated; partial dates ('2022', '2022-11') give None: a change of effect needs the day."""
    return value.full if value else None


def first_day(value: PartialDate | None) -> _dt.date | None:
    """The earliest day a possibly partial date can mean: '2026' → 01/01/2026."""
    return value.first if value else None


def last_day(value: PartialDate | None) -> _dt.date | None:
    """The latest day a possibly partial date can mean: '2024' → 31/12/2024, '2024-02' → 29/02/2024."""
    return value.last if value else None


def window_start(on: _dt.date) -> _dt.date:
    """The first day of the twelve months up to `on`: the same day a year before (29/02 → 28/02)."""
    try:
        return on.replace(year=on.year - 1)
    except ValueError:
        return _dt.date(on.year - 1, 2, 28)


def title_period(title: str | None) -> tuple[int | None, int] | None:
    """The period a plan or programme states in its title: 'giai đoạn 2021 - 2025', '… năm 2025',
    '… đến năm 2025' (start not stated: None).

    A 'tầm nhìn/định hướng đến năm 2030' is a horizon, not a period, and never counts."""
    if not title:
        return None
    span = _SPAN.search(title)
    if span:
        return int(span.group(1)), int(span.group(2))
    title = _HORIZON.sub("", title)
    until = _UNTIL.search(title)
    if until:
        return None, int(until.group(1))
    year = _YEAR.search(title)
    return (int(year.group(1)),) * 2 if year else None


def read(source: model.EditorialSource, when: _dt.date | None, effect: bool = False) -> Evidence:
    """A text read outside the source plans, as evidence; `effect`: `when` is the day the change took effect."""
    return Evidence(source.label, when, source.record, source.quote, source.where, effect=effect)


def changes_of(data, record_id: str) -> list[model.Change]:
    """The changes data/validity.yaml states for one record, in file order."""
    return [c for c in (data.validity.changes if data.validity else []) if c.record == record_id]


def applied(validity, record_id: str, on: _dt.date, name) -> list[Evidence]:
    """Texts of the twelve months up to `on` that confirm or apply `record_id`, newest first.

    A `confirmed` change of data/validity.yaml; a plan of the data issued in the window that cites
    it; a document of the data issued in the window that states a relation resting on it."""
    start = window_start(on)
    found: list[Evidence] = []
    for change in changes_of(validity.data, record_id):
        when = full_date(change.date)
        if change.change == "confirmed" and when and start <= when <= on:
            found.append(read(change.source, when))
    for plan_id in validity.citations.plans_citing.get(record_id, []):
        plan = validity.data.plans.get(plan_id)
        when = first_day(plan.date) if plan else None
        if when and start <= when <= on and plan_id != record_id:
            found.append(Evidence(name(plan_id), when, plan_id, written=plan.date))
    for link in validity.links.incoming.get(record_id, []):
        doc = validity.data.documents.get(link.source)
        when = full_date(doc.date) if doc else None
        if link.type in APPLYING and when and start <= when <= on and (link.stated_in or link.added):
            found.append(Evidence(name(link.source), when, link.source, written=doc.date))
    unique = {(e.record, e.what): e for e in found}
    return sorted(unique.values(), key=lambda e: (e.when, e.what), reverse=True)
