"""`python -m macros new KIND ID`: a new record file with every field, commented from the model.

Required fields (and the number, title and date a document or plan almost always has) are
written out as "ĐIỀN: …" placeholders, which `check` refuses until each is replaced: a record
left as scaffolded never reaches the site. Optional fields are commented out with an example.
"""

from __future__ import annotations

import typing

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .kinds import KINDS as RECORD_KINDS
from .model import Organisation
from .schema import KINDS
from .yamlsource import PLACEHOLDER

FOLDERS = {k.singular: k.name for k in RECORD_KINDS.values() if k.one_per_file}  # `macros new KIND` writes there
# Optional in the model (a source may lack them) but to be filled or deleted on purpose.
WANTED = {"document": ("number", "date", "title"), "plan": ("number", "date")}
HINTS = {  # fields whose description does not say what to write
    "issuer": "mã cơ quan ban hành (của tỉnh mình) trong data/organisations/", "title": "tên như nguồn ghi",
    "start": "năm bắt đầu kỳ kế hoạch", "end": "năm kết thúc kỳ kế hoạch", "id": "mã neo, ví dụ nv-1",
    "unit": "mã cơ quan", "term": "chữ viết tắt", "name": "tên như nguồn ghi",
}
EXAMPLES = {  # what a commented-out optional field shows
    "date": "2025-01-15", "name": "Tên", "text": "Nội dung", "unit_text": "Sở Nội vụ", "themes": "[tuyen-truyen]",
    "duties": "[Nhiệm vụ được giao]", "period": "nam",
}


def scaffold(kind: str, record_id: str) -> str:
    lines = [f"# yaml-language-server: $schema=../../docs/schema/{kind}.schema.json", f"id: {record_id}"]
    for name, info in KINDS[kind].model_fields.items():
        if name != "id":
            lines += _field(name, info, "", commented=False, wanted=name in WANTED.get(kind, ()))
    return "\n".join(lines) + "\n"


def organisation_entry(org_id: str, province: str | None) -> str:
    """One organisation as a list item, to append to data/organisations/<file>.yaml."""
    lines = [f"id: {org_id}"]
    for name, info in Organisation.model_fields.items():
        if name == "province" and province:
            lines.append(f"province: {_quoted(province)}")
        elif name != "id":
            lines += _field(name, info, "", commented=False)
    return "".join(f"  {'- ' if i == 0 else '  '}{line}\n" for i, line in enumerate(lines))


def _field(name: str, info: FieldInfo, indent: str, commented: bool, wanted: bool = False) -> list[str]:
    """Lines for one field; optional fields (and everything inside them) are commented out."""
    off = commented or not (info.is_required() or wanted)
    nested = _nested(info.annotation)
    if nested is None:
        value = _example(name, info) if off else _placeholder(name, info)
        lines = [f"{name}: {value}{_note(info) if off else ''}".rstrip()]
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


def _placeholder(name: str, info: FieldInfo) -> str:
    """A value `check` refuses until it is replaced, saying what goes there."""
    choices = _choices(info.annotation)
    described = info.description and not info.description.startswith("Mã định danh")  # the generic Id words
    hint = ("một trong " + ", ".join(choices)) if choices else (info.description if described else HINTS.get(name, name))
    hint = hint.rstrip(".")
    value = _quoted(f"{PLACEHOLDER} {hint}")
    return f"[{value}]" if _is_list(info.annotation) else value


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


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
