"""JSON Schema for every kind of data file, generated from the model (never written by hand)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from . import model
from .kinds import KINDS as RECORD_KINDS
from .opendata import RecordExtras

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "docs" / "schema"
KINDS: dict[str, type[BaseModel]] = {
    **{k.singular: k.model for k in RECORD_KINDS.values() if k.one_per_file},
    "organisations": model.OrganisationsFile,
    "themes": model.ThemesFile,
    "glossary": model.GlossaryFile,
    "validity": model.Validity,
    "open-data": RecordExtras,
}
TITLES = {
    **{k.singular: k.title for k in RECORD_KINDS.values() if k.one_per_file}, "organisations": "Cơ quan",
    "themes": "Chủ đề", "glossary": "Thuật ngữ", "validity": "Ngày đối chiếu",
    "open-data": "Dữ liệu mở: hiệu lực và nguồn của mỗi bản ghi",
}


def schema_text(kind: str) -> str:
    schema = KINDS[kind].model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": TITLES[kind], **schema}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_all(target: Path = SCHEMA_DIR) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        path = target / f"{kind}.schema.json"
        path.write_text(schema_text(kind), encoding="utf-8")
        written.append(path)
    return written
