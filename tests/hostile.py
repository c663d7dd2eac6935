"""Hostile text for every free-text field of every record kind, for the browser's escaping test.

Which fields are free text is asked of the model, not listed here: a field is filled with the
hostile string, and kept only if the record still validates (ids, dates, enumerations and file
names refuse it and keep their value). A field added to the model later is covered without
editing this file.
"""

from __future__ import annotations

import re
import typing
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from macros.data import model
from macros.data.loader import load
from macros.text.errors import DataInvalid

MARK = "xssmark"  # a word every hostile string holds, so a search lists them
LEAK = "leak-"  # any request whose URL holds this came from markup we failed to escape
JINJA_MARK = "jinjaran"  # what `{{ "jinja" ~ "ran" }}` prints if a Jinja parser ever sees our text

# Pieces that run script, load a URL or break out of a context if printed unescaped somewhere.
FRAGMENTS = [
    f"<img src=/{LEAK}img onerror=alert(1)>",
    f"</title><script>alert(2)</script><img src=/{LEAK}title>",
    f"\"'><svg onload=alert(3)><img src=/{LEAK}attr>",
    f"&lt;img src=/{LEAK}entity onerror=alert(4)&gt;",
    f"&#60;script&#62;alert(5)&#60;/script&#62;",
    "{{ \"jinja\" ~ \"ran\" }}",
    "{% for x in [1] %}jin{{ 'ja' }}ran{% endfor %}",
    f"[bấm](javascript:alert(6)) ![x](/{LEAK}md.png)",
    f"<a href=\"javascript:alert(7)\">a</a> <iframe src=/{LEAK}frame></iframe>",
    "`code` **đậm** | ống | *nghiêng* # tiêu đề",
    f"</abbr><abbr title=\"<img src=/{LEAK}abbr onerror=alert(8)>\">UBND</abbr>",
    "\\ ' \" < > & ; : -- /* */ ${alert(9)}",
    "dòng\nmới\ttab \u2028 \u200b \u00a0 khoảng trắng lạ",  # line breaks and odd spaces (calendars, Word)
]


def hostile_texts(draw_fragments: list[str], long: bool) -> str:
    """One hostile string: the chosen fragments around the marks, optionally padded very long."""
    text = f"{MARK} UBND " + " ".join(draw_fragments)
    if long:
        text += " " + "dài " * 120
    return text


def fill(data_dir: Path, text: str) -> None:
    """Write `text` into every free-text field of every record under `data_dir`, in place.

    Then put back the original value of any field the data checks refuse it in (a province
    name longer than a province's, for example), so the data still builds.
    """
    originals = {p: p.read_text(encoding="utf-8") for p in data_dir.rglob("*.yaml")}
    _fill(data_dir, text)
    for source in (data_dir / "sources").glob("*"):  # plans are transcribed word for word from their source
        source.write_text(source.read_text(encoding="utf-8") + text + "\n", encoding="utf-8")
    for _ in range(3):
        try:
            load(data_dir)
            return
        except DataInvalid as exc:
            for error in exc.errors:
                path = data_dir.parent / error.file
                _revert(path, _loc(error.field), yaml.safe_load(originals[path]))


def _loc(field: str) -> list[str | int]:
    return [int(p) if p.isdigit() else p for p in re.findall(r"[^.\[\]]+", field)]


def _revert(path: Path, loc: list[str | int], original: dict) -> None:
    """Put the original value back at `loc` (in every item of a list file: errors name a record's field)."""
    current = yaml.safe_load(path.read_text(encoding="utf-8"))
    if loc[0] in current:
        _put_back(current, original, loc)
    else:
        [(key, items)] = current.items()
        for item, before in zip(items, original[key]):
            _put_back(item, before, loc)
    _dump(path, current)


def _put_back(target, source, loc: list[str | int]) -> None:
    for part in loc[:-1]:
        target, source = target[part], source[part]
    last = loc[-1]
    if last in source if isinstance(source, dict) else last < len(source):
        target[last] = source[last]
    elif isinstance(target, dict):
        target.pop(last, None)


def _fill(data_dir: Path, text: str) -> None:
    for kind, schema in (("documents", model.Document), ("plans", model.Plan), ("campaigns", model.Campaign)):
        for path in sorted((data_dir / kind).glob("*.yaml")):
            record = yaml.safe_load(path.read_text(encoding="utf-8"))
            _dump(path, _filled(schema, record, text))
    for name, key, schema in (("themes.yaml", "themes", model.Theme), ("glossary.yaml", "terms", model.Term)):
        path = data_dir / name
        items = yaml.safe_load(path.read_text(encoding="utf-8"))[key]
        _dump(path, {key: [_filled(schema, item, text) for item in items] + _extra(key, text)})
    for path in sorted((data_dir / "organisations").glob("*.yaml")):
        items = yaml.safe_load(path.read_text(encoding="utf-8"))["organisations"]
        _dump(path, {"organisations": [_filled(model.Organisation, item, text) for item in items]})


def _extra(key: str, text: str) -> list[dict]:
    """A second glossary term with a hostile meaning (the first keeps 'UBND', which every hostile string holds)."""
    return [{"id": "ubnd-hostile", "term": "ĐB", "meaning": text[:600]}] if key == "terms" else []


def _filled(schema: type[BaseModel], record: dict, text: str) -> dict:
    """`record` with every field the model accepts hostile text in set to it (nested ones too)."""
    out = dict(record)
    for name, info in schema.model_fields.items():
        if name in {"term", "id", "source"}:  # a term must stay findable; a source names a file
            continue
        nested = _nested(info.annotation)
        if nested is not None:
            value = out.get(name)
            if isinstance(value, list):
                out[name] = [_filled(nested, item, text) for item in value]
            elif isinstance(value, dict) or value is None:
                trial = {**out, name: _filled(nested, value or {}, text)}
                out = trial if _valid(schema, trial, name) else out
            continue
        trial = {**out, name: [text] if _is_list(info.annotation) else text}
        if _valid(schema, trial, name):
            out = trial
    return out


def _valid(schema: type[BaseModel], record: dict, name: str) -> bool:
    try:
        schema.model_validate(record)
    except ValidationError as exc:
        return not any(err["loc"][:1] == (name,) for err in exc.errors())
    return True


def _is_list(annotation) -> bool:
    return any(typing.get_origin(a) is list for a in [annotation, *typing.get_args(annotation)])


def _nested(annotation) -> type[BaseModel] | None:
    for arg in [annotation, *typing.get_args(annotation)]:
        for inner in [arg, *typing.get_args(arg)]:
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner
    return None


def _dump(path: Path, value: dict) -> None:
    path.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
