"""The data-quality page (chat-luong-du-lieu.md), for maintainers: the automatic check's warnings, each with
its file and line, then the doubts about the sources recorded on documents and plans."""

from __future__ import annotations

from dataclasses import dataclass

from ...data.dataset import Dataset


@dataclass(frozen=True)
class CheckWarning:
    file: str
    line: int | None
    field: str
    message: str


@dataclass(frozen=True)
class Doubts:
    record: str
    problems: tuple[str, ...]


@dataclass(frozen=True)
class QualityView:
    warnings: tuple[CheckWarning, ...]
    doubts: tuple[Doubts, ...]  # documents first, then plans


def quality_view(data: Dataset, warnings) -> QualityView:
    records = [*data.documents.values(), *data.plans.values()]
    return QualityView(tuple(CheckWarning(w.file, w.line, w.field, w.message) for w in warnings),
                       tuple(Doubts(r.id, tuple(r.problems)) for r in records if r.problems))
