"""The page of one plan (kế hoạch): the plan as its source sets it out, with what the site adds around it.

`plan_view` reads the index and the draft book once and hands the template plain rows: the
source's own header, item markers and sub-headings (knowledge/faithful.py), the plan's status
and deadlines at the data's date, the drafts made from it, its chain of bases, where each fact
comes from and the doubts readers should know of.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...data import model
from ...drafting.ahead import Sheet, Skipped
from ...drafting.book import DraftBook, Entry
from ...knowledge import calendar
from ...knowledge.calendar import Deadline
from ...knowledge.faithful import Header, is_frequency, period_stated, plan_source
from ...knowledge.index import SiteIndex
from ...knowledge.statusword import Status
from ...text.format import RELATION_LABELS
from .provenance import ProvenanceLine, provenance_lines


@dataclass(frozen=True)
class Item:
    """A purpose or requirement with the marker the source puts before it ('1.', 'a)'), if any."""

    marker: str | None
    text: str


@dataclass(frozen=True)
class AimGroup:
    """The purposes, or the requirements: under the source's own sub-heading, or running on where it has none."""

    anchor: str
    heading: str | None
    items: tuple[Item, ...]


@dataclass(frozen=True)
class TargetRow:
    target: model.Target
    marker: str | None
    joined: bool  # one source item the data split in two: this row continues the one above
    frequency: bool  # the deadline column holds a frequency, not a deadline


@dataclass(frozen=True)
class TaskPart:
    task: model.Task
    cited: tuple[str, ...]  # documents this part of the plan cites


@dataclass(frozen=True)
class ReportRow:
    report: model.Report
    period_stated: bool  # the source names the period (else the site placed it)


@dataclass(frozen=True)
class Job:
    """One assignment (tổ chức thực hiện) with the drafts made for the bodies it gives work to."""

    assignment: model.Assignment
    asked: bool  # 'Đề nghị …': asked to help, not assigned
    drafts: tuple[Sheet, ...]
    group_notes: tuple[str, ...]  # why a group's members get no draft
    skipped: tuple[Skipped, ...]  # bodies that get none, and why
    reports: tuple[ReportRow, ...]


@dataclass(frozen=True)
class Basis:
    """One row of the chain of bases above the plan."""

    relation: str  # 'Căn cứ', 'Triển khai thực hiện'
    record: str


@dataclass(frozen=True)
class PlanView:
    plan: model.Plan
    province: str | None  # for citations in the plan's text
    status: Status
    as_of: str | None  # the data's date, dd/mm/yyyy
    header: Header  # the official header as the source writes it
    coming: tuple[Deadline, ...]  # deadlines on or after the data's date
    deadline_count: int  # every dated deadline of the plan
    calendar: str  # the plan's .ics, a docs path
    province_now: str  # the province the plan belongs to at the data's date, or 'Trung ương'
    province_anchor: str  # its group on the calendar page
    children: tuple[str, ...]  # plans that implement this one
    aims: tuple[AimGroup, ...]
    targets: tuple[TargetRow, ...]
    tasks: tuple[TaskPart, ...]
    jobs: tuple[Job, ...]
    footer_lacks: tuple[str, ...]  # 'nơi nhận', 'khối chữ ký' where the source has none
    bases: tuple[Basis, ...]
    has_source: bool  # the source text is in the data
    drafts: tuple[Sheet, ...]  # year-ahead drafts made from this plan
    report: Entry | None  # the report draft, while the plan runs
    provenance: tuple[ProvenanceLine, ...]
    doubts: tuple[str, ...]


def plan_view(ix: SiteIndex, book: DraftBook, plan_id: str, doubts: list[str]) -> PlanView:
    plan = ix.data.plans[plan_id]
    source = plan_source(ix, plan_id)
    as_of = ix.as_of
    deadlines = ix.groups.plan_deadlines.get(plan_id, [])
    province_now = ix.records.province_now_of(plan_id) or "Trung ương"
    return PlanView(
        plan=plan, province=ix.records.province_of(plan_id), status=ix.validity.status(plan_id),
        as_of=as_of.strftime("%d/%m/%Y") if as_of else None, header=source.header,
        coming=tuple(d for d in deadlines if not as_of or d.date >= as_of), deadline_count=len(deadlines),
        calendar=calendar.calendar_path(plan_id), province_now=province_now,
        province_anchor="tinh-" + calendar.province_slug(province_now),
        children=tuple(ix.links.children(plan_id)), aims=_aims(plan, source), targets=_targets(plan, source),
        tasks=tuple(TaskPart(t, tuple(ix.citations.cites(plan_id, t.id))) for t in plan.tasks),
        jobs=tuple(_job(book, plan, source, a) for a in plan.assignments),
        footer_lacks=tuple(["nơi nhận"] * (not plan.recipients) + ["khối chữ ký"] * (not plan.signer)),
        bases=tuple(Basis(RELATION_LABELS[via][0], rid) for _, via, rid in ix.citations.chain(plan_id)),
        has_source=plan.source in ix.data.sources,
        drafts=tuple(book.made_from(plan_id)), report=book.report(plan_id),
        provenance=provenance_lines(ix.provenance, plan_id), doubts=tuple(doubts),
    )


def _aims(plan: model.Plan, source) -> tuple[AimGroup, ...]:
    """Sub-headings and markers as the source writes them: the data's purposes/requirements split is the site's."""
    groups = [(plan.purposes, "mục đích", "purposes"), (plan.requirements, "yêu cầu", "requirements")]
    return tuple(AimGroup(anchor, source.has_heading(name), tuple(Item(source.marker(i), i) for i in items))
                 for items, name, anchor in groups if items)


def _targets(plan: model.Plan, source) -> tuple[TargetRow, ...]:
    rows = []
    for i, target in enumerate(plan.targets):
        marker = source.marker(target.text)
        joined = bool(not marker and i and source.same_line(plan.targets[i - 1].text, target.text))
        rows.append(TargetRow(target, marker, joined, is_frequency(target.deadline)))
    return tuple(rows)


def _job(book: DraftBook, plan: model.Plan, source, job: model.Assignment) -> Job:
    made, gone = book.for_job(plan.id, job.id)
    return Job(job, source.is_request(job), tuple(made), tuple(book.group_notes(plan.id, job.id)), tuple(gone),
               tuple(ReportRow(r, period_stated(r)) for r in job.reports))
