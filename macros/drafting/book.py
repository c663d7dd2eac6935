"""Every draft made from a plan of the data: one per unit it assigns work to, next year's plan, the report.

`DraftBook` is the query the "Soạn kế hoạch" pages read: which drafts exist, for whom, and why
some unit gets none. It builds each `Draft` on first use (a page or a download asks for it), so a
build of thousands of plans pays only for what it writes.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property

from ..data import model
from ..knowledge.index import SiteIndex
from .draftdoc import Draft, Para, Quote
from .followups import next_year_draft, report_draft
from .unit_draft import unit_draft
from .units import PLAN_DRAFTS, Assigned, assigned
from .validity import Standing, as_of, standing
from .words import citation, excerpt, plan_citation

NEXT_YEAR, REPORT = PLAN_DRAFTS


@dataclass(frozen=True)
class Entry:
    """One draft page: what it is made from (`unit` for a unit's plan) and how to build it."""

    slug: str
    plan: str
    what: str  # "unit", NEXT_YEAR or REPORT
    unit: Assigned | None = None


class DraftBook:
    def __init__(self, index: SiteIndex, title_of: Callable[[str], str]) -> None:
        self.ix = index
        self.data = index.data
        self.title_of = title_of
        self._built: dict[str, Draft] = {}

    # --- what exists ---------------------------------------------------------------------

    @cached_property
    def as_of(self) -> dt.date:
        return as_of(self.ix)

    def on(self, plan: model.Plan) -> dt.date:
        """The date a unit's draft is written for: the data's date, or the plan's first day if later."""
        return max(self.as_of, dt.date(plan.period.start, 1, 1))

    def units(self, plan_id: str) -> list[Assigned]:
        return self._units[plan_id]

    @cached_property
    def _units(self) -> dict[str, list[Assigned]]:
        return {p.id: assigned(self.ix, p, self.on(p)) for p in self.ix.sorted_plans}

    @cached_property
    def entries(self) -> dict[str, Entry]:
        out: dict[str, Entry] = {}
        for plan in self.ix.sorted_plans:
            for unit in self._units[plan.id]:
                if unit.drafted:
                    out[unit.slug] = Entry(unit.slug, plan.id, "unit", unit)
            for what in (NEXT_YEAR, REPORT):
                out[f"{plan.id}/{what}"] = Entry(f"{plan.id}/{what}", plan.id, what)
        return out

    def of_plan(self, plan_id: str) -> list[Entry]:
        return self._by_plan.get(plan_id, [])

    @cached_property
    def _by_plan(self) -> dict[str, list[Entry]]:
        table: dict[str, list[Entry]] = defaultdict(list)
        for entry in self.entries.values():
            table[entry.plan].append(entry)
        return dict(table)

    def by_province(self) -> list[tuple[str, list[model.Plan]]]:
        return self.ix.plans_by_province()

    def draft(self, slug: str) -> Draft:
        if slug not in self._built:
            self._built[slug] = self._build(self.entries[slug])
        return self._built[slug]

    def title(self, slug: str) -> str:
        """A draft page's title: 'Kế hoạch của Sở Nội vụ tỉnh Lào Cai thực hiện Kế hoạch 13/KH-UBND – …'."""
        return self.draft(slug).name

    def drafts(self) -> Iterator[Draft]:
        for slug in self.entries:
            yield self.draft(slug)

    def _build(self, entry: Entry) -> Draft:
        plan = self.data.plans[entry.plan]
        if entry.what == "unit":
            return unit_draft(self, entry.unit)
        if entry.what == NEXT_YEAR:
            return next_year_draft(self, plan)
        return report_draft(self, plan)

    # --- shared by the builders ---------------------------------------------------------

    def standing(self, record_id: str, on: dt.date) -> Standing:
        return standing(self.ix, record_id, on)

    def cite(self, record_id: str) -> str:
        if record_id in self.data.plans:
            return plan_citation(self.data, self.data.plans[record_id])
        if record_id in self.data.documents:
            return citation(self.data, record_id)
        return self.title_of(record_id)

    def quote(self, text: str, plan: model.Plan, anchor: str | None, limit: int = 0) -> Quote:
        return Quote(excerpt(text, limit) if limit else text, plan.id, anchor, self.title_of(plan.id))

    def bases(self, ids: list[str], on: dt.date) -> list[Para]:
        """The bases a draft cites, in order: those in force on `on`; one that has ceased gives way to
        its successor with a note; those whose status is unknown are left out, named in one note."""
        items, notes, unknown, seen = [], [], [], set()
        for record_id in ids:
            state = self.standing(record_id, on)
            chosen = record_id if state.ok else state.successor
            if chosen and chosen != record_id and not self.standing(chosen, on).ok:
                chosen = None
            if chosen and chosen not in seen:
                seen.add(chosen)
                items.append(Para("item", f"{self.cite(chosen)};"))
            if state.ok:
                continue
            name = self.title_of(record_id)
            if chosen:
                notes.append(Para("hint", f"Đã thay {name} bằng {self.title_of(chosen)}: {state.why}."))
            elif state.state == "unknown":
                unknown.append(name)
            else:
                notes.append(Para("hint", f"Không viện dẫn {name}, không còn hiệu lực vào năm {on.year}: "
                                          f"{state.why}."))
        if unknown:
            notes.append(Para("hint", f"Chưa xác định được hiệu lực vào năm {on.year} nên chưa viện dẫn: "
                                      f"{'; '.join(unknown)}. Chỉ thêm vào căn cứ sau khi kiểm tra."))
        return items + notes

    def bases_of(self, plan: model.Plan) -> list[str]:
        """What a plan names as its bases: what it implements, then what its opening paragraph cites
        (not every document its tasks mention: a plan's "Căn cứ" is short)."""
        opening = [c.target for c in self.ix.citations_of.get(plan.id, []) if c.anchor == "preamble"]
        return list(dict.fromkeys([*plan.implements, *opening]))
