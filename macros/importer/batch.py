"""`python -m macros import FOLDER`: every plan file of a folder, each written whole or not at all.

One file's refusal never stops the others, and never leaves half a record: each import writes all
its files or none. The maintainer gets one table (a Markdown table, to paste into a ticket): the
record each file became, how many guesses wait for review, the cited documents created or left
unknown, duplicates, and refusals with their reason.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import import_plan
from .limits import time_limit
from .reading import SUFFIXES
from .refusal import ImportRefused
from .writer import write_all

PROGRESS_FROM = 10  # files: a shorter run prints only its table


@dataclass
class Row:
    file: str
    record: str = ""
    review: int = 0
    new_documents: int = 0
    unknown: int = 0
    duplicate: str = ""
    refused: str = ""


def plan_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                  and not p.name.startswith((".", "~$")))


def import_folder(folder: Path, data_root: Path, force: bool = False,
                  progress: Callable[[str], None] | None = None) -> list[Row]:
    files = plan_files(folder)
    rows = []
    start = time.monotonic()
    parses: dict = {}  # the data's YAML parsed once: each file sees the records the files before it wrote
    for i, path in enumerate(files, 1):
        if progress and len(files) >= PROGRESS_FROM:
            progress(f"[{i}/{len(files)}] {path.relative_to(folder)} ({time.monotonic() - start:.0f} s)")
        rows.append(_one(path, folder, data_root, force, parses))
    return rows


def _one(path: Path, folder: Path, data_root: Path, force: bool, parses: dict) -> Row:
    row = Row(str(path.relative_to(folder)))
    try:
        with time_limit(path.name):
            outcome = import_plan(path, data_root, dry_run=True, force=force, parses=parses)
        if force or not outcome.duplicate:
            outcome.written = write_all(outcome.files, force)
    except ImportRefused as exc:
        row.refused = str(exc)
        return row
    plan = outcome.draft.plan
    row.record = f"{plan['id']}{'' if outcome.written or outcome.duplicate else ' (không đổi)'}"
    row.review = len(plan.get("review", []))
    row.new_documents = len(outcome.draft.documents)
    row.unknown = len(outcome.draft.unresolved)
    row.duplicate = "" if force or not outcome.duplicate else f"trùng: {outcome.duplicate}; không ghi"
    return row


def table(rows: list[Row]) -> str:
    """A Markdown table and a line of totals."""
    head = ["| Tệp | Bản ghi | Cần soát | Căn cứ: tạo mới / chưa khớp | Trùng | Từ chối (lý do) |",
            "|---|---|---|---|---|---|"]
    body = [f"| {_cell(r.file)} | {_cell(r.record) or '—'} | {r.review if r.record else '—'} | "
            f"{f'{r.new_documents} / {r.unknown}' if r.record else '—'} | {_cell(r.duplicate) or '—'} | "
            f"{_cell(r.refused) or '—'} |" for r in rows]
    written = sum(1 for r in rows if r.record and not r.duplicate)
    totals = (f"{len(rows)} tệp: {written} kế hoạch ghi, {sum(1 for r in rows if r.duplicate)} trùng (không ghi), "
              f"{sum(1 for r in rows if r.refused)} từ chối; {sum(r.review for r in rows if r.record)} chỗ cần soát, "
              f"{sum(r.new_documents for r in rows)} văn bản căn cứ tạo mới chờ soát, "
              f"{sum(r.unknown for r in rows)} trích dẫn chưa khớp.")
    return "\n".join([*head, *body, "", totals])


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())
