"""The drafting guide (huong-dan/xay-dung-ke-hoach.md): how the source plans are built, part by part, every
number and quotation counted from the data (drafting/guide.py), laid out by guide.html.j2."""

from __future__ import annotations

from dataclasses import dataclass

from ...data import model
from ...drafting.guide import Drafting
from ...knowledge.records import Records
from ...knowledge.status import Validity


@dataclass(frozen=True)
class Quote:
    """A plan's own words, cut at a sentence (drafting/words.excerpt), and where they stand in it."""

    text: str
    plan: str
    anchor: str


@dataclass(frozen=True)
class TargetRow:
    plan: str
    target: model.Target
    other_themes: tuple[str, ...]  # names of its themes after the first
    province: str | None  # the plan's, to resolve the citations in its text


@dataclass(frozen=True)
class TaskTheme:
    theme: model.Theme
    plans: int  # plans with a task under it
    in_template: bool
    tasks: tuple[tuple[Quote, str], ...]  # (the task's title or opening, its number)


@dataclass(frozen=True)
class Basis:
    id: str
    title: str | None
    status: str
    plans: int


@dataclass(frozen=True)
class DatedReport:
    plan: str
    assignment: str
    unit: str
    report: model.Report


@dataclass(frozen=True)
class GuideView:
    plans: tuple[str, ...]
    total: int  # plans in the data (the guide reads the newest `plans`)
    structure: tuple[tuple[str, tuple[str | None, ...]], ...]
    complete: int
    missing_parts: tuple[tuple[str, tuple[str, ...]], ...]
    preamble_open: int
    preamble_end: int
    preamble_example: Quote | None
    closing_open: int
    closing_end: int
    purposes_range: tuple[int, int]
    requirements_range: tuple[int, int]
    purposes: tuple[Quote, ...]
    requirements: tuple[Quote, ...]
    with_targets: int
    targets_range: tuple[int, int]
    target_headings: tuple[tuple[str, int], ...]
    quantities: tuple[tuple[str, int], ...]
    targets: tuple[tuple[model.Theme, tuple[TargetRow, ...]], ...]
    tasks_range: tuple[int, int]
    task_headings: tuple[tuple[str, int], ...]
    quorum: int
    task_themes: tuple[TaskTheme, ...]
    with_organisation: int
    assignments: tuple[tuple[str, tuple[model.Assignment, ...]], ...]
    common_bases: tuple[str, ...]
    central_bases: tuple[Basis, ...]
    unverified: int
    provincial_bases: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]
    implements: tuple[tuple[str, tuple[str, ...]], ...]
    periods: tuple[tuple[str, tuple[str, ...]], ...]
    dated: tuple[DatedReport, ...]
    undated: int
    reports: int
    via: tuple[tuple[str, int], ...]
    rules: tuple
    number_example: tuple[str, str] | None  # (plan, its header line)
    place_example: tuple[str, str] | None
    unnumbered: tuple[str, ...]  # numbers of the drafts among the plans ('…/KH-UBND')
    signers: tuple[tuple[str, str], ...]
    archive_lines: tuple[str, ...]
    recipients: tuple[tuple[str, int], ...]


def guide_view(k: Drafting, records: Records, validity: Validity) -> GuideView:
    plans = k.plans
    data = records.data
    examples = k.examples()
    preamble = k.newest_with("preamble")
    return GuideView(
        plans=tuple(p.id for p in plans), total=k.total,
        structure=tuple((p.id, tuple(cells)) for p, cells in k.structure()), complete=len(k.complete()),
        missing_parts=tuple((p.id, tuple(parts)) for p, parts in k.missing_parts()),
        preamble_open=k.opening_count("Thực hiện", "preamble"), preamble_end=k.ending_count("như sau:", "preamble"),
        preamble_example=_quote(k, preamble[1], preamble[0].id, "preamble") if preamble else None,
        closing_open=k.opening_count("Trên đây là", "closing"), closing_end=k.ending_count("./.", "closing"),
        purposes_range=k.count_range("purposes"), requirements_range=k.count_range("requirements"),
        purposes=tuple(_quote(k, p.purposes[0], p.id, "purposes") for p in plans if p.purposes),
        requirements=tuple(_quote(k, p.requirements[0], p.id, "requirements") for p in plans if p.requirements),
        with_targets=len(k.with_part("targets")), targets_range=k.count_range("targets"),
        target_headings=tuple(k.heading_counts("targets")), quantities=tuple(k.quantities()),
        targets=tuple((theme, tuple(TargetRow(p.id, t, tuple(data.themes[o].name for o in t.themes[1:]
                                                              if o in data.themes), records.province_of(p.id))
                                    for p, t in items)) for theme, items in k.targets_by_theme()),
        tasks_range=k.count_range("tasks"), task_headings=tuple(k.heading_counts("tasks")), quorum=k.quorum,
        task_themes=_task_themes(k),
        with_organisation=len(k.with_part("organisation")),
        assignments=tuple((p.id, tuple(p.assignments)) for p in plans if p.assignments),
        common_bases=tuple(k.common_bases),
        central_bases=tuple(Basis(d, data.documents[d].title or None, validity.status(d).label, c)
                            for d, c in k.central_bases()),
        unverified=len(k.unverified()),
        provincial_bases=tuple((province, tuple(docs)) for province, docs in k.provincial_bases()),
        implements=tuple((p.id, tuple(p.implements)) for p in plans if p.implements),
        periods=tuple((period, tuple(p.id for p in ps)) for period, ps in k.period_plans()),
        dated=tuple(DatedReport(p.id, a.id, a.unit_text, r) for p, a, r in k.dated_reports()),
        undated=len(k.undated_reports()), reports=len(k.reports()), via=tuple(k.via_orgs()), rules=tuple(k.rules),
        number_example=(examples["number"][0].id, examples["number"][1]) if "number" in examples else None,
        place_example=(examples["place"][0].id, examples["place"][1]) if "place" in examples else None,
        unnumbered=tuple(p.number for p in plans if p.number and not p.number[0].isdigit()),
        signers=tuple((p.id, " / ".join(lines)) for p, lines in k.signers()),
        archive_lines=tuple(line for _, line in k.archive_lines()), recipients=tuple(k.common_recipients()),
    )


def _quote(k: Drafting, text: str, plan_id: str, anchor: str, limit: int = 0) -> Quote:
    return Quote(k.excerpt(text, limit), plan_id, anchor)


def _task_themes(k: Drafting) -> tuple[TaskTheme, ...]:
    common = k.common_task_themes()
    return tuple(TaskTheme(theme, len(k.plans_with(theme.id, "tasks")), theme in common,
                           tuple((_quote(k, t.title or t.text, p.id, t.id, 200), t.number) for p, t in items))
                 for theme, items in k.task_themes() if items)
