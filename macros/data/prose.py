"""Every piece of a plan's prose, with where it stands in the record.

The index finds citations in these pieces and the transcription rule (macros/data/verbatim.py) looks
each up in the plan's source; both read the same list, so it sits below both.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from . import model


@dataclass(frozen=True)
class PlanText:
    """One piece of plan text that may cite documents."""

    anchor: str
    loc: tuple
    text: str


def plan_texts(plan: model.Plan) -> Iterator[PlanText]:
    """Every piece of a plan's prose, with the anchor a citation of it should link to."""
    if plan.preamble:
        yield PlanText("preamble", ("preamble",), plan.preamble)
    for part in ("purposes", "requirements"):
        for i, text in enumerate(getattr(plan, part)):
            yield PlanText(part, (part, i), text)
    for i, target in enumerate(plan.targets):
        yield PlanText(target.id, ("targets", i, "text"), target.text)
    for i, task in enumerate(plan.tasks):
        if task.title:
            yield PlanText(task.id, ("tasks", i, "title"), task.title)
        yield PlanText(task.id, ("tasks", i, "text"), task.text)
    for i, job in enumerate(plan.assignments):
        for j, duty in enumerate(job.duties):
            yield PlanText(job.id, ("assignments", i, "duties", j), duty)
    for i, note in enumerate(plan.footnotes):
        yield PlanText(f"fn-{note.number}", ("footnotes", i, "text"), note.text)
