"""`python -m macros import FILE`: a plan's Word, text or PDF file → a plan record to review.

Layers, each its own module: `reading` (file → text lines), `paragraphs` (undo line wrapping),
`layout` (cut at "KẾ HOẠCH", Roman parts, "Trên đây", "Nơi nhận"), `header`, `parts`,
`assignments`, `foot` (recognisers), `linking` (names → the data's organisations, documents,
themes), `build` (the record), `writer` (YAML, verbatim check, all files or none).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..data import model
from .build import Draft, draft
from .linking import Linker
from .reading import ImportRefused, read_source
from ..data.verbatim import source_norm
from .update import merge_update
from .writer import check_verbatim, dump, validate, write_all

__all__ = ["ImportRefused", "Outcome", "import_plan"]


@dataclass
class Outcome:
    draft: Draft
    plan_path: Path
    files: dict[Path, str]
    written: list[Path] = field(default_factory=list)
    duplicate: str | None = None  # why this plan is already in the data: then nothing is written


def import_plan(path: Path, data_root: Path, dry_run: bool = False, force: bool = False,
                update: bool = False, parses: dict | None = None) -> Outcome:
    """Read `path`, build the record, check it, and (unless `dry_run`) write every file or none.
    `update`: the plan is already in the data; refresh it from this copy, keeping the maintainer's edits.
    `parses`: kept by a batch from one file to the next, so the data's YAML is parsed once, not per file."""
    source = read_source(path)
    sources = data_root / "sources"
    linker = Linker.load(data_root, parses)
    kept = _kept_name(path, source, sources, linker)
    result = _draft(source, kept or f"{source.path.stem}{source.suffix}", data_root, linker)
    plan_id = result.plan["id"]
    if not kept:
        result.plan["source"] = f"{plan_id}{source.suffix}"
    duplicate = _duplicate(plan_id, kept, linker, data_root)
    if update:
        if plan_id not in linker.data.plans:
            raise ImportRefused(f"chưa có kế hoạch '{plan_id}' trong dữ liệu để làm mới; nhập không kèm --update")
        result.plan, result.organisations = merge_update(plan_id, result.plan, result.organisations, data_root, linker)
        duplicate, force = None, True
    check_verbatim(result.plan, source.text)
    validate(result.plan, result.organisations)
    _validate_documents(result.documents)
    files = {data_root / "plans" / f"{plan_id}.yaml": dump(result.plan, "plan", path.name)}
    if result.organisations:
        files[data_root / "organisations" / f"{plan_id}.yaml"] = dump({"organisations": result.organisations},
                                                                      "organisations", path.name)
    for record in result.documents:
        files[data_root / "documents" / f"{record['id']}.yaml"] = dump(record, "document", path.name)
    if not kept:
        files[sources / result.plan["source"]] = source.text
    outcome = Outcome(result, data_root / "plans" / f"{plan_id}.yaml", files, duplicate=duplicate)
    if not dry_run and (force or not outcome.duplicate):
        outcome.written = write_all(files, force)
    return outcome


def _duplicate(plan_id: str, kept: str | None, linker: Linker, data_root: Path) -> str | None:
    """Why the plan is already in the data, or None: one plan, one record."""
    existing = linker.data.plans.get(plan_id)
    if kept and existing and existing.source == kept:
        return f"cùng nội dung với data/sources/{kept} của kế hoạch '{plan_id}'"
    if existing:
        return f"cùng cơ quan ban hành, số và năm với kế hoạch '{plan_id}'"
    if (data_root / "plans" / f"{plan_id}.yaml").exists():
        return f"đã có data/plans/{plan_id}.yaml"
    return None


def _validate_documents(records: list[dict]) -> None:
    for record in records:
        try:
            model.Document.model_validate(record)
        except ValidationError as exc:
            where = ".".join(str(p) for p in exc.errors()[0]["loc"])
            raise ImportRefused(f"văn bản '{record['id']}' đọc từ câu trích dẫn không hợp lệ ở trường {where}; "
                                "chưa ghi tệp nào (lỗi của lệnh nhập; hãy báo lại kèm tệp nguồn)") from None


def _kept_name(path: Path, source, sources: Path, linker: Linker) -> str | None:
    """The name the text already has in data/sources/: the file itself, or a copy with the same words
    (the same plan copied again, from a page that wraps its lines elsewhere, must not make a second plan)."""
    if path.resolve().parent == sources.resolve():
        return path.name
    words = source_norm(source.text)
    return next((name for name, text in sorted(linker.data.sources.items()) if source_norm(text) == words), None)


def _draft(source, name: str, data_root: Path, linker: Linker) -> Draft:
    """Draft twice when this plan was imported or transcribed before, so a re-run sees the data as the
    first run did (without the plan itself and the organisations it added) and writes the same files."""
    first = draft(source, name, linker.without(""))
    plan_id = first.plan["id"]
    if (data_root / "plans" / f"{plan_id}.yaml").exists() or (data_root / "organisations" / f"{plan_id}.yaml").exists():
        return draft(source, name, linker.without(plan_id), plan_id=plan_id)
    return first
