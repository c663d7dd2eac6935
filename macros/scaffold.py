"""`python -m macros new KIND ID`: a new record file with every field, commented from the model.

Required fields are written out with an example value; optional ones are commented out, so
the file validates after the maintainer fills the required values.
"""

from __future__ import annotations

import typing

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .kinds import KINDS as RECORD_KINDS
from .schema import KINDS

FOLDERS = {k.singular: k.name for k in RECORD_KINDS.values() if k.one_per_file}  # `macros new KIND` writes there
EXAMPLES = {
    "date": "2025-01-15", "name": "Tên",
    "text": "Nội dung", "start": "2025", "end": "2025", "source": "ten-tep-nguon.txt", "issuer": "ubnd-lai-chau",
    "unit_text": "Sở Nội vụ", "themes": "[tuyen-truyen]", "duties": "[Nhiệm vụ được giao]", "period": "nam",
}


def scaffold(kind: str, record_id: str) -> str:
    lines = [f"# yaml-language-server: $schema=../../docs/schema/{kind}.schema.json", f"id: {record_id}"]
    for name, info in KINDS[kind].model_fields.items():
        if name != "id":
            lines += _field(name, info, "", commented=False)
    return "\n".join(lines) + "\n"


def _field(name: str, info: FieldInfo, indent: str, commented: bool) -> list[str]:
    """Lines for one field; optional fields (and everything inside them) are commented out."""
    off = commented or not info.is_required()
    nested = _nested(info.annotation)
    if nested is None:
        lines = [f"{name}: {_example(name, info)}{_note(info)}".rstrip()]
    else:
        lines = [f"{name}:{_note(info)}"]
        dash = _is_list(info.annotation)
        for i, (key, sub) in enumerate(nested.model_fields.items()):
            child = _field(key, sub, "", False if sub.is_required() else True)
            lead = "  - " if dash and i == 0 else "    " if dash else "  "
            lines += [lead + ln for ln in child]
    return [f"{indent}# {ln}" if off else f"{indent}{ln}" for ln in lines]


def _note(info: FieldInfo) -> str:
    parts = [info.description or ""]
    choices = _choices(info.annotation)
    if choices:
        parts.append("một trong: " + ", ".join(choices))
    text = " ".join(p for p in parts if p)
    return f"  # {text}" if text else ""


def _example(name: str, info: FieldInfo) -> str:
    if name in EXAMPLES:
        return EXAMPLES[name]
    if isinstance(info.default, str):
        return info.default
    choices = _choices(info.annotation)
    if choices:
        return choices[0]
    return "[]" if _is_list(info.annotation) else ""


def _choices(annotation) -> list[str]:
    for arg in [annotation, *typing.get_args(annotation)]:
        if typing.get_origin(arg) is typing.Literal:
            return [str(a) for a in typing.get_args(arg)]
        for inner in typing.get_args(arg):
            if typing.get_origin(inner) is typing.Literal:
                return [str(a) for a in typing.get_args(inner)]
    return []


def _is_list(annotation) -> bool:
    return typing.get_origin(annotation) is list


def _nested(annotation) -> type[BaseModel] | None:
    for arg in [annotation, *typing.get_args(annotation)]:
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return None
