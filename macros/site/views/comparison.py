"""The comparison of plans (ke-hoach/so-sanh.md): plans side by side, one column each, over their targets
(by main theme), reporting periods, tasks by theme and the documents each cites."""

from __future__ import annotations

from dataclasses import dataclass

from ...data.dataset import Dataset
from ...knowledge.groupings import Groupings

PERIODS = ("thang", "quy", "6-thang", "9-thang", "nam", "5-nam", "dinh-ky", "dot-xuat")


@dataclass(frozen=True)
class Column:
    plan: str
    name: str  # the issuer's short name, or its name
    number: str  # the plan's number, or 'dự thảo, chưa số'
    period: str  # 'năm 2025', '2022–2026'


@dataclass(frozen=True)
class TargetCell:
    plan: str
    id: str
    text: str
    quantity: str | None
    deadline: str | None


@dataclass(frozen=True)
class ThemeTargets:
    theme: str
    cells: tuple[tuple[TargetCell, ...], ...]  # one per column


@dataclass(frozen=True)
class PeriodDues:
    period: str
    cells: tuple[tuple | None, ...]  # per column: None when the plan asks no such report, else its due dates


@dataclass(frozen=True)
class TaskRef:
    plan: str
    id: str
    number: str


@dataclass(frozen=True)
class ThemeTasks:
    theme: str
    cells: tuple[tuple[TaskRef, ...], ...]


@dataclass(frozen=True)
class BasisRow:
    document: str
    counts: tuple[int, ...]  # citations per column


@dataclass(frozen=True)
class ComparisonView:
    plans_total: int
    columns: tuple[Column, ...]
    targets: tuple[ThemeTargets, ...]  # themes that some plan sets a target under
    target_counts: tuple[int, ...]
    reports: tuple[PeriodDues, ...]  # periods some plan asks a report for
    tasks: tuple[ThemeTasks, ...]  # every theme
    bases: tuple[BasisRow, ...]

    @property
    def cut(self) -> bool:
        return len(self.columns) < self.plans_total


def comparison_view(data: Dataset, groups: Groupings) -> ComparisonView:
    plans = groups.top_plans()
    themes = sorted(data.themes.values(), key=lambda t: t.order)
    matrix = groups.basis_matrix()
    targets = (ThemeTargets(t.id, tuple(tuple(TargetCell(p.id, x.id, x.text, x.quantity, x.deadline) for x in p.targets
                                              if x.themes and x.themes[0] == t.id) for p in plans)) for t in themes)
    reports = (PeriodDues(period, tuple(_dues(p, period) for p in plans)) for period in PERIODS)
    return ComparisonView(
        plans_total=len(data.plans), columns=tuple(_column(data, p) for p in plans),
        targets=tuple(row for row in targets if any(row.cells)), target_counts=tuple(len(p.targets) for p in plans),
        reports=tuple(row for row in reports if any(cell is not None for cell in row.cells)),
        tasks=tuple(ThemeTasks(t.id, tuple(tuple(TaskRef(p.id, k.id, k.number) for k in p.tasks if t.id in k.themes)
                                          for p in plans)) for t in themes),
        bases=tuple(BasisRow(d, tuple(matrix[d][p.id] for p in plans)) for d in groups.basis_rows(matrix)),
    )


def _column(data: Dataset, p) -> Column:
    o = data.organisations[p.issuer]
    start, end = p.period.start, p.period.end
    return Column(p.id, o.short_name or o.name, p.number if p.number and p.number[0].isdigit() else "dự thảo, chưa số",
                  f"năm {start}" if start == end else f"{start}–{end}")


def _dues(p, period: str) -> tuple | None:
    reports = [r for a in p.assignments for r in a.reports if r.period == period]
    return tuple(dict.fromkeys(d for r in reports for d in r.due)) if reports else None
