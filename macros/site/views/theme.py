"""The page of one theme (chủ đề): the tasks of plans under it and the documents it rests on."""

from __future__ import annotations

from dataclasses import dataclass

from ...data import model
from ...knowledge.index import SiteIndex


@dataclass(frozen=True)
class ThemeTask:
    """One task of a plan under the theme, with the documents that part of the plan cites."""

    plan: model.Plan
    task: model.Task
    province: str | None
    cited: tuple[str, ...]


@dataclass(frozen=True)
class ThemeDocument:
    id: str
    title: str | None  # the document's own title (trích yếu), when the data has one
    province: str | None


@dataclass(frozen=True)
class ThemeView:
    theme: model.Theme
    tasks: tuple[ThemeTask, ...]  # of the plans shown (all, or at scale the top plans)
    task_count: int  # tasks under the theme in every plan
    plans_shown: int
    plans_total: int
    documents: tuple[ThemeDocument, ...]

    @property
    def cut(self) -> bool:
        """At scale only the top plans' tasks are listed, and the page says so."""
        return self.plans_shown < self.plans_total


def theme_view(ix: SiteIndex, theme_id: str) -> ThemeView:
    shown = ix.groups.top_plans()
    tasks = tuple(ThemeTask(plan, task, ix.records.province_of(plan.id), tuple(ix.citations.cites(plan.id, task.id)))
                  for plan, task in ix.groups.tasks_with_theme(theme_id, top=True))
    documents = tuple(ThemeDocument(d, ix.records.record(d).title or None, ix.records.province_of(d))
                      for d in ix.groups.documents_for_theme(theme_id))
    return ThemeView(
        theme=ix.data.themes[theme_id], tasks=tasks,
        task_count=sum(1 for _ in ix.groups.tasks_with_theme(theme_id)) if len(shown) < len(ix.data.plans) else len(tasks),
        plans_shown=len(shown), plans_total=len(ix.data.plans), documents=documents,
    )
