"""The drafting guide's query: what the plans of the data have in common, counted from one index.

Pure code: a `SiteIndex` in, figures and quotes out; nothing here reads files or lays anything out.
The drafts themselves are built in templates.py (the three generic templates) and units.py,
book.py, ahead*.py, report.py (each body's plan for the year ahead, the report on a plan);
word.py and plaintext.py write them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable
from functools import cached_property
from typing import get_args

from ..data import model
from ..knowledge.index import SiteIndex
from ..knowledge.records import CENTRAL, TIERS
from ..text.format import roman
from .book import DraftBook
from .draftdoc import NATIONAL, RULES, Draft, Quote, hint_text, place_date
from .files import download_name, download_path
from .templates import FORM_CAMPAIGN, generic_drafts
from .ahead_org import LEAD_DAYS
from .validity import as_of, standing
from .words import EXCERPT, citation, excerpt, recipient_key, signer_lines, title_key

PARTS = ("aims", "targets", "tasks", "organisation")  # the four parts of a plan, in order
PART_NAMES = {"aims": "mục đích, yêu cầu", "targets": "chỉ tiêu", "tasks": "nhiệm vụ, giải pháp",
              "organisation": "tổ chức thực hiện"}
SAMPLE = 24  # most plans the guide and the templates learn from
MIN_SHARE = 0.5  # "common": found in at least half of the source plans
NO_SUMMARY = "[Trích yếu nội dung kế hoạch]"  # the template's title when no plan of the data gives one


class Drafting:
    """Everything the guide states and the templates suggest, counted from one index."""

    national = NATIONAL
    rules = RULES
    form_campaign = FORM_CAMPAIGN
    lead_days = LEAD_DAYS
    hint_text = staticmethod(hint_text)
    download_name = staticmethod(download_name)

    def __init__(self, index: SiteIndex, title_of: Callable[[str], str]) -> None:
        self.ix = index
        self.data = index.data
        self.title_of = title_of  # the renderer's short names of records, for crediting quotes

    @staticmethod
    def excerpt(text: str, limit: int = 0) -> str:
        return excerpt(text, limit or EXCERPT)

    @cached_property
    def drafts(self) -> list[Draft]:
        """The three templates: plan, registration form, periodic report."""
        return generic_drafts(self)

    @staticmethod
    def download(draft: Draft, ext: str) -> str:
        return download_path(draft, ext)

    @cached_property
    def as_of(self) -> dt.date:
        """The data's date, found once (without a stated one it is the newest date of every record)."""
        return as_of(self.ix)

    @cached_property
    def book(self):
        """Every draft made from a plan of the data: per unit, next year's, the report."""
        return DraftBook(self.ix, self.title_of)

    @cached_property
    def plans(self) -> list[model.Plan]:
        """The plans the guide learns from: all of them, or the newest SAMPLE when there are more
        (a guide quoting 20 000 plans would be neither readable nor quick to build)."""
        if len(self.ix.records.sorted_plans) <= SAMPLE:
            return self.ix.records.sorted_plans
        newest = sorted(self.ix.records.sorted_plans, key=lambda p: (p.period.end, p.date or "", p.id), reverse=True)
        chosen = {p.id for p in newest[:SAMPLE]}
        return [p for p in self.ix.records.sorted_plans if p.id in chosen]

    @cached_property
    def total(self) -> int:
        return len(self.ix.records.sorted_plans)

    @cached_property
    def newest(self) -> list[model.Plan]:
        """Plans by period end, then date, newest first: the source of suggested wording."""
        return sorted(self.plans, key=lambda p: (p.period.end, p.date or "", p.id), reverse=True)

    @cached_property
    def quorum(self) -> int:
        return max(1, math.ceil(len(self.plans) * MIN_SHARE))

    def quote(self, text: str, plan: model.Plan, anchor: str | None) -> Quote:
        return Quote(excerpt(text), plan.id, anchor, self.title_of(plan.id))

    # structure

    @staticmethod
    def parts_of(plan: model.Plan) -> dict[str, str]:
        """The parts a plan has, each with its heading as the source writes it."""
        present = {"aims": bool(plan.purposes or plan.requirements), "targets": bool(plan.targets),
                   "tasks": True, "organisation": bool(plan.assignments)}
        return {part: getattr(plan.headings, part) for part in PARTS if present[part]}

    def structure(self) -> list[tuple[model.Plan, list[str | None]]]:
        """Per plan, the four parts numbered as the plan numbers them (None where it has no such part)."""
        rows = []
        for plan in self.plans:
            parts, cells = self.parts_of(plan), []
            for part in PARTS:
                cells.append(f"{roman(len([c for c in cells if c]) + 1)}. {parts[part]}" if part in parts else None)
            rows.append((plan, cells))
        return rows

    def complete(self) -> list[model.Plan]:
        return [p for p in self.plans if len(self.parts_of(p)) == len(PARTS)]

    def missing_parts(self) -> list[tuple[model.Plan, list[str]]]:
        rows = [(p, [PART_NAMES[x] for x in PARTS if x not in self.parts_of(p)]) for p in self.plans]
        return [(p, names) for p, names in rows if names]

    def newest_with(self, field: str) -> tuple[model.Plan, str] | None:
        """The newest plan that has `field` (preamble, purposes…), with its first value."""
        for plan in self.newest:
            value = getattr(plan, field)
            if value:
                return plan, value[0] if isinstance(value, list) else value
        return None

    def with_part(self, part: str) -> list[model.Plan]:
        return [p for p in self.plans if part in self.parts_of(p)]

    def heading(self, part: str) -> str:
        """The heading most plans use for a part (the model's default when there is a tie)."""
        default = getattr(model.Headings(), part)
        counts = Counter(getattr(p.headings, part) for p in self.with_part(part))
        return max(counts, key=lambda h: (counts[h], h == default), default=default)

    def heading_counts(self, part: str) -> list[tuple[str, int]]:
        counts = Counter(getattr(p.headings, part) for p in self.with_part(part))
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def opening_count(self, prefix: str, field: str) -> int:
        return sum(1 for p in self.plans if (getattr(p, field) or "").strip().startswith(prefix))

    def ending_count(self, suffix: str, field: str) -> int:
        return sum(1 for p in self.plans if (getattr(p, field) or "").strip().endswith(suffix))

    def count_range(self, field: str) -> tuple[int, int]:
        """Fewest and most items of a list field (purposes, tasks…) among the plans that have any."""
        sizes = [len(getattr(p, field)) for p in self.plans if getattr(p, field)]
        return (min(sizes), max(sizes)) if sizes else (0, 0)

    # bases

    def is_current(self, doc_id: str) -> bool:
        """Not known to have ceased on the data's date (documents of unknown status stay, flagged)."""
        return standing(self.ix, doc_id, self.as_of).state not in ("ceased", "period-ended")

    def is_central(self, doc_id: str) -> bool:
        return self.ix.records.tier_of(doc_id) in CENTRAL

    @cached_property
    def cited_documents(self) -> list[tuple[str, int]]:
        """Documents the plans cite, with how many plans cite each; most cited first."""
        counts = {d: len(plans) for d, plans in self.ix.citations.plans_citing.items() if d in self.data.documents}
        return sorted(counts.items(), key=lambda item: (-item[1], self._rank(item[0])))

    def _rank(self, doc_id: str) -> tuple:
        return (TIERS.index(self.ix.records.tier_of(doc_id)), self.data.documents[doc_id].date or "9999", doc_id)

    def central_bases(self) -> list[tuple[str, int]]:
        return [(d, n) for d, n in self.cited_documents if self.is_central(d) and n >= 2]

    @cached_property
    def common_bases(self) -> list[str]:
        """The bases the plan template fills in: current central documents cited by at least half the plans."""
        picked = [d for d, n in self.cited_documents if n >= self.quorum and self.is_central(d) and self.is_current(d)]
        return sorted(picked, key=self._rank)

    def provincial_bases(self) -> list[tuple[str, list[tuple[str, int]]]]:
        groups: dict[str, list[tuple[str, int]]] = {}
        for doc_id, n in self.cited_documents:
            province = self.ix.records.province_of(doc_id)
            if not self.is_central(doc_id) and province:
                groups.setdefault(province, []).append((doc_id, n))
        return sorted(groups.items())

    def unverified(self) -> list[str]:
        return [d for d in self.common_bases if standing(self.ix, d, self.as_of).state == "unknown"]

    def citation(self, doc_id: str) -> str:
        return citation(self.data, doc_id)

    # targets and tasks

    def targets_by_theme(self) -> list[tuple[model.Theme, list[tuple[model.Plan, model.Target]]]]:
        """Every target once, under its first theme."""
        rows = [(t, [(p, x) for p in self.plans for x in p.targets if x.themes[:1] == [t.id]]) for t in self.themes]
        return [(t, items) for t, items in rows if items]

    @cached_property
    def themes(self) -> list[model.Theme]:
        return sorted(self.data.themes.values(), key=lambda t: (t.order, t.id))

    def quantities(self) -> list[tuple[str, int]]:
        """Quantities written in the targets ('100%', 'trên 90%'), most frequent first."""
        counts = Counter(q.strip() for p in self.plans for t in p.targets for q in (t.quantity or "").split(";")
                         if q.strip())
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def plans_with(self, theme_id: str, part: str) -> list[model.Plan]:
        return [p for p in self.plans if any(theme_id in x.themes for x in getattr(p, part))]

    def task_themes(self) -> list[tuple[model.Theme, list[tuple[model.Plan, model.Task]]]]:
        return [(t, list(self.ix.groups.tasks_with_theme(t.id, self.plans))) for t in self.themes]

    def common_task_themes(self) -> list[model.Theme]:
        return [t for t in self.themes if len(self.plans_with(t.id, "tasks")) >= self.quorum]

    def common_target_themes(self) -> list[model.Theme]:
        return [t for t in self.themes if len(self.plans_with(t.id, "targets")) >= self.quorum]

    def pick(self, part: str, theme_id: str, used: set[str] = frozenset()) -> tuple[model.Plan, object] | None:
        """The newest item of a part carrying a theme, preferring items where it is the first theme."""
        candidates = [(p, x) for p in self.newest for x in getattr(p, part)
                      if theme_id in x.themes and f"{p.id}#{x.id}" not in used]
        first = [(p, x) for p, x in candidates if x.themes[0] == theme_id]
        return (first or candidates or [None])[0]

    def typical_targets(self) -> list[tuple[model.Theme, model.Plan, model.Target]]:
        used: set[str] = set()
        rows = []
        for theme in self.common_target_themes():
            found = self.pick("targets", theme.id, used)
            if found:
                used.add(f"{found[0].id}#{found[1].id}")
                rows.append((theme, *found))
        return rows

    # organisation, reports, signature, recipients

    def reports(self) -> list[tuple[model.Plan, model.Assignment, model.Report]]:
        return [(p, a, r) for p in self.plans for a in p.assignments for r in a.reports]

    def period_plans(self) -> list[tuple[str, list[model.Plan]]]:
        """Each reporting period with the plans that ask for it, in the order of the model."""
        periods = get_args(model.ReportPeriod)
        rows = [(k, [p for p in self.plans if any(r.period == k for a in p.assignments for r in a.reports)])
                for k in periods]
        return [(k, plans) for k, plans in rows if plans]

    def dated_reports(self) -> list[tuple[model.Plan, model.Assignment, model.Report]]:
        return [(p, a, r) for p, a, r in self.reports() if r.due]

    def undated_reports(self) -> list[tuple[model.Plan, model.Assignment, model.Report]]:
        return [(p, a, r) for p, a, r in self.reports() if not r.due]

    def newest_dated(self) -> tuple[model.Plan, model.Assignment, model.Report] | None:
        """The newest report duty with a date: the suggested wording for reporting deadlines."""
        return next(((p, a, r) for p in self.newest for a in p.assignments for r in a.reports if r.due), None)

    def via_orgs(self) -> list[tuple[str, int]]:
        counts = Counter(r.via for _, _, r in self.reports() if r.via)
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def signers(self) -> list[tuple[model.Plan, list[str]]]:
        return [(p, signer_lines(p.signer)) for p in self.plans if p.signer]

    @cached_property
    def model_signer(self) -> model.Signer | None:
        """The fullest signature block in the sources (TM. and KT. both present if any plan has them)."""
        signers = [p.signer for p in self.newest if p.signer]
        return max(signers, key=lambda s: (bool(s.on_behalf), bool(s.deputy_for)), default=None)

    def common_recipients(self) -> list[tuple[str, int]]:
        """Recipients (without notes such as '(b/c)') named by at least two plans."""
        counts = Counter(r for p in self.plans for r in dict.fromkeys(recipient_key(x) for x in p.recipients))
        return sorted(((r, n) for r, n in counts.items() if n >= 2 and not r.startswith("Lưu")),
                      key=lambda item: (-item[1], item[0]))

    def archive_lines(self) -> list[tuple[model.Plan, str]]:
        return [(p, p.recipients[-1]) for p in self.plans if p.recipients and p.recipients[-1].startswith("Lưu")]

    def examples(self) -> dict[str, tuple[model.Plan, str]]:
        """Real header lines from the sources, for the presentation table of the guide."""
        out: dict[str, tuple[model.Plan, str]] = {}
        for plan in self.newest:
            if plan.number and plan.number[0].isdigit():
                out.setdefault("number", (plan, f"Số: {plan.number}"))
            if plan.place and plan.date and plan.date.precise:
                out.setdefault("place", (plan, place_date(plan.place, plan.date)))
        return out

    def summary(self) -> str:
        """The plan title most sources use, with the year left blank (a blank to fill when there is no plan)."""
        counts = Counter(title_key(p.title) for p in self.newest)  # ties: the newest plan's title wins
        return max(counts, key=counts.__getitem__, default=NO_SUMMARY)


