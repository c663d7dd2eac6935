"""`python -m macros rename OLD NEW`: a record's id changed everywhere it is written, or nowhere.

Ids appear as YAML values (issuer, parent, implements, cites, unit, to, via, target, record…) and in the
names of files made for one record (plans/<id>.yaml, the organisations and source files an import wrote
for a plan). An id is a slug no prose contains, so every occurrence as a whole token is a reference.
The edited files are loaded and checked before anything is written; on an error nothing changes.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from .fields import ID_PATTERN
from .loader import read_all
from .validate import check_references


class RenameRefused(Exception):
    """Why the rename cannot be done, in Vietnamese."""


@dataclass
class Renamed:
    changed: dict[Path, str]  # file → new text (a renamed file under its new name)
    moved: dict[Path, Path]  # old path → new path
    count: int  # references rewritten


def plan_rename(root: Path, old: str, new: str) -> Renamed:
    if not re.fullmatch(ID_PATTERN, new):
        raise RenameRefused(f"mã mới '{new}' không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu '-'")
    data, _ = read_all(root)
    ids = _all_ids(data)
    if old not in ids:
        raise RenameRefused(f"không có bản ghi nào mang mã '{old}'")
    if new in ids:
        file, line = data.where(new)
        raise RenameRefused(f"mã '{new}' đã là một bản ghi khác ({file}:{line})")
    token = re.compile(rf"(?<![\w-]){re.escape(old)}(?![\w-])")
    changed, moved, count = {}, {}, 0
    for path in sorted(root.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        new_text, n = token.subn(new, text)
        target = path.with_name(f"{new}.yaml") if path.stem == old else path
        if n or target != path:
            changed[target] = new_text
            count += n
            if target != path:
                moved[path] = target
    for path in sorted((root / "sources").glob(f"{old}.*")):
        moved[path] = path.with_name(f"{new}{path.suffix}")
        changed[moved[path]] = path.read_text(encoding="utf-8")
    return Renamed(changed, moved, count)


def apply(root: Path, renamed: Renamed) -> None:
    """Write the new files and check the data: if the rename made new errors, undo everything."""
    errors_before = len(_errors(root))
    before = {p: p.read_text(encoding="utf-8") for p in [*renamed.changed, *renamed.moved] if p.exists()}
    try:
        for path, text in renamed.changed.items():
            path.write_text(text, encoding="utf-8")
        for old in renamed.moved:
            os.remove(old)
        errors = _errors(root)
        if len(errors) > errors_before:
            raise RenameRefused("sau khi đổi mã, dữ liệu có lỗi mới (đã hoàn lại):\n"
                                + "\n".join(str(e) for e in errors[:10]))
    except (OSError, RenameRefused):
        for path in renamed.changed:
            if path not in before:
                path.unlink(missing_ok=True)
        for path, text in before.items():
            path.write_text(text, encoding="utf-8")
        raise


def _errors(root: Path) -> list:
    data, errors = read_all(root)
    return [*errors, *check_references(data)]


def _all_ids(data) -> set[str]:
    tables = (data.documents, data.plans, data.campaigns, data.themes, data.organisations, data.terms)
    return {i for table in tables for i in table}
