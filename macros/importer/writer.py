"""Writing an import: YAML text, the verbatim check, and all files or none.

The YAML is produced the same way every time (model field order, literal blocks for paragraphs,
no line folding), so importing the same file twice gives byte-identical files. Before anything
is written, every paragraph is checked to stand word for word in the kept source text, the
record is validated by the model, and existing files that would change are refused unless the
maintainer asks to overwrite them.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import yaml
from pydantic import ValidationError

from ..data import model
from ..data.loader import describe
from ..data.verbatim import body_norm, norm, source_norm
from ..text.terminal import shown
from ..text.visible import hidden_problem
from .linking import IMPORT_MARK
from .reading import ImportRefused


class _Dumper(yaml.SafeDumper):
    """Paragraph text as literal blocks, short values plain: the look of the hand-made files."""


def _str(dumper: yaml.SafeDumper, value: str):
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _str)


def dump(data: dict, schema: str, origin: str) -> str:
    """Every name and value through the YAML emitter; the file name in the header comment has each line
    break escaped (terminal.shown), so no file name can end the comment and add a key."""
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100000, indent=2)
    return (f"# yaml-language-server: $schema=../../docs/schema/{schema}.schema.json\n"
            f"{IMPORT_MARK} từ {shown(origin)}; soát các mục 'review:' của kế hoạch rồi xóa chúng.\n{body}")


def validate(plan: dict, organisations: list[dict]) -> None:
    try:
        model.Plan.model_validate(plan)
        model.OrganisationsFile.model_validate({"organisations": organisations})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ImportRefused(f"bản ghi đọc ra không hợp lệ ở trường {where} ({describe(first)}): kiểm tra phần đó "
                            "của văn bản gốc (ví dụ tên kế hoạch dính liền đoạn mở đầu); chưa ghi tệp nào") from None
    for where, value in _strings({"plan": plan, "organisations": organisations}, ""):
        problem = hidden_problem(value)
        if problem:
            raise ImportRefused(f"trường {where.lstrip('.')} đọc ra có {problem.split(':')[0]}; chưa ghi tệp nào")


def _strings(value, where: str):
    """(field path, text) of every string inside a record being written."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, f"{where}[{i}]")


def check_verbatim(plan: dict, kept_text: str) -> None:
    """Every paragraph in the kept text, or in it once footnotes printed mid-sentence are set aside."""
    source, body = source_norm(kept_text), body_norm(kept_text)
    for where, text in _pieces(plan):
        for para in re.split(r"\n\s*\n", text):
            para = re.sub(r"^[-–+•]\s+", "", para.strip())
            if para and norm(para) not in source and norm(para) not in body:
                raise ImportRefused(f"đoạn {where} không có nguyên văn trong văn bản gốc ('{para[:80]}…'); "
                                    "chưa ghi tệp nào (lỗi của lệnh nhập; hãy báo lại kèm tệp nguồn)")


def _pieces(plan: dict):
    for key in ("title", "preamble", "closing"):
        if plan.get(key):
            yield key, plan[key]
    for key in ("purposes", "requirements", "recipients"):
        for i, text in enumerate(plan.get(key, [])):
            yield f"{key}[{i}]", text
    for i, item in enumerate(plan.get("targets", [])):
        yield f"targets[{i}]", item["text"]
    for i, task in enumerate(plan.get("tasks", [])):
        yield f"tasks[{i}]", f"{task.get('title', '')}\n\n{task['text']}"
    for i, job in enumerate(plan.get("assignments", [])):
        for j, duty in enumerate(job["duties"]):
            yield f"assignments[{i}].duties[{j}]", duty
        for j, report in enumerate(job.get("reports", [])):
            yield f"assignments[{i}].reports[{j}]", report["text"]
    for i, note in enumerate(plan.get("footnotes", [])):
        yield f"footnotes[{i}]", note["text"]
    if plan.get("signer", {}).get("name"):
        yield "signer.name", plan["signer"]["name"]


_OS_ERRORS = {errno.EACCES: "không có quyền ghi", errno.EPERM: "không có quyền ghi", errno.ENOSPC: "đĩa đã đầy",
              errno.EROFS: "ổ đĩa chỉ cho đọc", errno.ENAMETOOLONG: "tên tệp quá dài"}


def write_all(files: dict[Path, str], force: bool) -> list[Path]:
    """Write every file or none: refuse changes to existing files unless `force`, roll back on failure."""
    changed = {p: t for p, t in files.items() if not (p.exists() and p.read_text(encoding="utf-8") == t)}
    clash = [p for p in changed if p.exists()]
    if clash and not force:
        names = ", ".join(str(p) for p in clash)
        raise ImportRefused(f"đã có {names} với nội dung khác; không ghi đè (thêm --ghi-de nếu muốn thay bằng bản nhập mới)")
    done: list[tuple[Path, str | None]] = []
    try:
        for path, text in changed.items():
            old = path.read_text(encoding="utf-8") if path.exists() else None
            path.parent.mkdir(parents=True, exist_ok=True)
            temp = path.with_name(f".{path.name}.nhap")
            temp.write_text(text, encoding="utf-8")
            os.replace(temp, path)
            done.append((path, old))
    except OSError as exc:
        for path, old in reversed(done):
            path.unlink() if old is None else path.write_text(old, encoding="utf-8")
        why = _OS_ERRORS.get(exc.errno, f"lỗi hệ thống {errno.errorcode.get(exc.errno, exc.errno)}")
        raise ImportRefused(f"không ghi được {exc.filename} ({why}); đã hoàn lại các tệp") from None
    return list(changed)
