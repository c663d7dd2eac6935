"""`import --update`: a record already in the data refreshed from a better copy, the maintainer's edits kept.

Three versions of the record meet: what the importer made of the old kept copy (`base`, drafted
again now), what is on disk (`mine`: base plus the maintainer's edits) and what it makes of the new
copy (`theirs`). A field the maintainer changed keeps the maintainer's value; any other field takes
the new copy's. Tasks, targets, assignments and organisations are matched by id, so an edit to one
task does not freeze the others. Review notes the maintainer cleared stay cleared.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .build import draft
from .linking import Linker
from .reading import read_source
from .refusal import ImportRefused


def merge_update(plan_id: str, theirs: dict, their_orgs: list[dict], data_root: Path,
                 linker: Linker) -> tuple[dict, list[dict]]:
    existing = linker.data.plans[plan_id]
    old_source = data_root / "sources" / existing.source
    if not old_source.is_file():
        raise ImportRefused(f"không thấy bản nguồn cũ data/sources/{existing.source} để biết chỗ nào đã sửa tay")
    base = draft(read_source(old_source), existing.source, linker.without(plan_id), plan_id=plan_id)
    mine = _read(data_root / "plans" / f"{plan_id}.yaml") or {}
    merged = three_way(_no_review(base.plan), _no_review(mine), _no_review(theirs))
    merged["review"] = _review(base.plan.get("review", []), mine.get("review", []), theirs.get("review", []))
    orgs_file = _read(data_root / "organisations" / f"{plan_id}.yaml") or {}
    orgs = three_way({"o": base.organisations}, {"o": orgs_file.get("organisations", base.organisations)},
                     {"o": their_orgs})["o"]
    return {k: merged[k] for k in theirs if k in merged} | {k: v for k, v in merged.items() if k not in theirs}, orgs


def three_way(base, mine, theirs):
    """Mine where it differs from base, theirs elsewhere; mappings by key, lists of records by id."""
    if mine == base:
        return theirs
    if isinstance(mine, dict) and isinstance(theirs, dict) and isinstance(base, dict):
        keys = list(dict.fromkeys([*theirs, *mine]))
        merged = {k: three_way(base.get(k), mine.get(k), theirs.get(k)) for k in keys}
        return {k: v for k, v in merged.items() if v is not None}
    if _records(mine) and _records(theirs) and _records(base or []):
        old = {r["id"]: r for r in base or []}
        edited = {r["id"]: r for r in mine}
        result = [three_way(old.get(r["id"]), edited[r["id"]], r) if r["id"] in edited else r for r in theirs
                  if r["id"] in edited or r["id"] not in old]  # a record the maintainer deleted stays deleted
        known = {r["id"] for r in theirs}
        return result + [r for r in mine if r["id"] not in known and r["id"] not in old]  # added by hand
    return mine


def _records(value) -> bool:
    return isinstance(value, list) and all(isinstance(r, dict) and "id" in r for r in value)


def _review(base: list[dict], mine: list[dict], theirs: list[dict]) -> list[dict]:
    """The new copy's notes, less those the maintainer cleared (same field and note; lines differ between copies)."""
    cleared = {(n["field"], n["note"]) for n in base} - {(n["field"], n["note"]) for n in mine}
    return [n for n in theirs if (n["field"], n["note"]) not in cleared]


def _no_review(plan: dict) -> dict:
    return {k: v for k, v in plan.items() if k != "review"}


def _read(path: Path) -> dict | None:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return None
