"""The page of a plan's source text: its lines as received, each with its line number as an anchor."""

from __future__ import annotations

from dataclasses import dataclass

from ...data.dataset import Dataset


@dataclass(frozen=True)
class SourceView:
    plan_id: str
    lines: tuple[tuple[int, str], ...]  # (line number in the source, text) of every non-empty line


def source_view(data: Dataset, plan_id: str) -> SourceView:
    text = data.sources[data.plans[plan_id].source]
    lines = tuple((n, line.strip()) for n, line in enumerate(text.splitlines(), start=1) if line.strip())
    return SourceView(plan_id, lines)
