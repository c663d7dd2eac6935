"""Read one YAML file into plain Python values plus the line of every value.

PyYAML's `safe_load` forgets where things came from, silently keeps the last of two
duplicate keys, turns `2022-01-17` into a `date` and expands anchors. Maintainers need
messages with line numbers and none of those surprises, so we compose the node tree
ourselves and construct values from it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..text.errors import DataError, field_path
from ..text.visible import BIDI, INVISIBLE, hidden_problem
from ..text.yamlerrors import MAX_DEPTH, SYNTAX, explain, path_at_error, reader_error, step, too_deep

try:  # the C parser is ~4x faster; the Python one gives the same nodes
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader

Path_ = tuple[str | int, ...]
MAX_KEY = 60  # characters of a field name (the longest is under 30)
PLACEHOLDER = "ĐIỀN:"  # what `python -m macros new` writes where a value must go


class _Loader(_BaseLoader):
    """Safe loader that keeps dates as strings: the model checks them and keeps partial dates.

    The C parser asks `resolve` for the tag of every node it composes; PyYAML's answer runs the
    implicit resolvers' expressions each time, which cost half of parsing. A plain scalar's tag
    depends on its text alone (this loader has no path resolvers), so each text is resolved once a file.
    """

    def __init__(self, stream) -> None:
        super().__init__(stream)
        self._plain_tags: dict[str, str] = {}

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode:
            if not implicit[0] or value[:1] not in _RESOLVED_FIRST:  # quoted, tagged '!', or a text no
                return self.DEFAULT_SCALAR_TAG                          # implicit resolver starts with
            tag = self._plain_tags.get(value)
            if tag is None:
                tag = self._plain_tags[value] = super().resolve(kind, value, implicit)
            return tag
        return self.DEFAULT_SEQUENCE_TAG if kind is yaml.SequenceNode else self.DEFAULT_MAPPING_TAG

    def descend_resolver(self, current_node, current_index) -> None:
        """No path resolvers: nothing to track (PyYAML's version returns at once, at a call's cost)."""

    def ascend_resolver(self) -> None:
        """See descend_resolver."""


_Loader.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
# The first characters an implicit resolver looks at (null, bool, int, float: '~', 'n', 't', '-', '0'…); PyYAML
# tries a value starting otherwise against none. None would be a resolver for any first character: there is none.
_RESOLVED_FIRST = frozenset(_Loader.yaml_implicit_resolvers)
assert None not in _RESOLVED_FIRST


@dataclass
class YamlSource:
    """A parsed file: its values, and the 1-based line of each value by path."""

    path: str
    data: Any = None
    lines: dict[Path_, int] = field(default_factory=dict)
    errors: list[DataError] = field(default_factory=list)

    def line_of(self, loc: Path_) -> int:
        """The line of the deepest known value on the way to `loc` (missing fields have none)."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return 1


def read_yaml(path: Path, display: str, kept: dict | None = None) -> YamlSource:
    """Parse `path`; problems become `DataError`s on the result, never exceptions.

    `kept` (display path -> (bytes, parse)) lets `mkdocs serve` parse only the files that
    changed since its last rebuild; nothing downstream changes a `YamlSource`, so one object
    serves every rebuild while its file's bytes are the same.
    """
    raw = path.read_bytes()
    if kept is None:
        return _parse(raw, display)
    previous = kept.get(display)
    if previous is None or previous[0] != raw:
        previous = kept[display] = (raw, _parse(raw, display))
    return previous[1]


def _parse(raw: bytes, display: str) -> YamlSource:
    source = YamlSource(display)
    try:
        text = unicodedata.normalize("NFC", raw.decode("utf-8"))  # one spelling for "ơ" typed either way
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        source.errors.append(DataError(display, line, "", "tệp không phải UTF-8 (byte lạ ở vị trí "
                                       f"{exc.start}); hãy lưu lại tệp với bảng mã UTF-8"))
        return source
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        source.errors.append(DataError(display, 1, "", "tệp rỗng: không có dữ liệu nào"))
        return source
    deep = too_deep(text, _Loader)
    if deep is not None:
        source.errors.append(DataError(display, deep, "", f"danh sách/bảng lồng nhau quá {MAX_DEPTH} cấp"))
        return source
    loader = _Loader(text)
    try:
        if "*" in text or "<<" in text:
            _refuse_aliases(text)
        node = loader.get_single_node()
        source.data = _Builder(loader, source).build(node, ())
    except yaml.MarkedYAMLError as exc:
        line, message = explain(exc)
        if "\t" in (text.splitlines()[line - 1:line] or [""])[0]:
            message = "lỗi cú pháp YAML: dòng này có ký tự tab: YAML chỉ cho thụt lề bằng dấu cách"
        loc = getattr(exc, "loc", None)
        field = field_path(loc if loc is not None else path_at_error(text, _Loader))
        source.errors.append(DataError(display, line, field, message))
    except yaml.reader.ReaderError as exc:
        line, message = reader_error(exc, text)
        source.errors.append(DataError(display, line, "", message))
    except yaml.YAMLError as exc:
        source.errors.append(DataError(display, 1, "", SYNTAX))
    finally:
        loader.dispose()
    return source


class _Builder:
    """Turn composed nodes into values, refusing duplicate keys and anchor reuse."""

    def __init__(self, loader: yaml.SafeLoader, source: YamlSource) -> None:
        self.loader = loader
        self.source = source
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, loc: Path_) -> Any:
        self.source.lines.setdefault(loc, node.start_mark.line + 1)  # a field's line is its key's (_mapping)
        if id(node) in self.seen or node.tag == "tag:yaml.org,2002:merge":
            raise _refuse(node, "không dùng anchor/alias (&, *, <<) trong dữ liệu: hãy viết đầy đủ giá trị", loc)
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        if node.tag == _STR:
            value = node.value  # what SafeConstructor makes of a string node, without its bookkeeping
            self._check_text(node, value, loc)
            return value
        if node.tag not in _PLAIN_TAGS:
            raise _refuse(node, f"thẻ YAML '{node.tag}' không được hỗ trợ", loc)
        return self.loader.construct_object(node, deep=True)

    def _check_text(self, node: yaml.Node, value: str, loc: Path_) -> None:
        if _SUSPECT.search(value) or value.isspace():  # one search rules out all three for almost every value
            bad = _CONTROL.search(value)
            if bad:
                raise _refuse(node, f"ký tự điều khiển U+{ord(bad.group()):04X} trong văn bản (không hiện ra, làm hỏng "
                              "tệp Word và lịch): xoá ký tự này", loc)
            hidden = hidden_problem(value)
            if hidden:
                raise _refuse(node, hidden, loc)
        if value.startswith(PLACEHOLDER):  # left as `python -m macros new` wrote it
            self.source.errors.append(DataError(self.source.path, node.start_mark.line + 1, field_path(loc),
                                                f"chưa điền: thay '{value}' bằng giá trị thật (hoặc xoá dòng nếu "
                                                "nguồn không có)"))

    def _mapping(self, node: yaml.MappingNode, loc: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _refuse(key_node, "không dùng '<<' (gộp khóa) trong dữ liệu", loc)
            if not isinstance(key_node, yaml.ScalarNode):
                raise _refuse(key_node, "khóa phải là một tên trường đơn giản", loc)
            key = str(key_node.value)
            if len(key) > MAX_KEY:  # no field name is this long; the messages that name a key stay short
                raise _refuse(key_node, f"tên trường dài {len(key)} ký tự: không có trường nào như vậy (tối đa "
                              f"{MAX_KEY}); văn bản phải nằm sau dấu ':'", loc)
            if key in result:
                raise _refuse(key_node, f"trường '{key}' bị lặp lại trong cùng một mục", (*loc, key))
            self.source.lines[(*loc, key)] = key_node.start_mark.line + 1  # "tasks:" rather than its first item
            result[key] = self.build(value_node, (*loc, key))
        return result


_STR = "tag:yaml.org,2002:str"
_PLAIN_TAGS = {
    _STR, "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
}


def _refuse_aliases(text: str) -> None:
    """Anchors are harmless alone; an alias (or merge) reuses text in a way maintainers cannot see."""
    stack: list = []
    for event in yaml.parse(text, Loader=_Loader):
        path = step(stack, event)
        if isinstance(event, yaml.AliasEvent):
            raise _refuse(event, "không dùng anchor/alias (&, *, <<) trong dữ liệu: hãy viết đầy đủ giá trị", path)


# Characters no one types on purpose: C0 controls but tab and newline, DEL, C1 controls, and
# the non-characters XML (Word, .ics) refuses. They pass YAML inside "\v"-style escapes.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# Any character that _CONTROL or text.visible refuses; a value with none (and not only spaces) passes both.
_SUSPECT = re.compile("|".join(p.pattern for p in (_CONTROL, BIDI, INVISIBLE)))


def _refuse(node: yaml.Node, problem: str, loc: Path_ | None = None) -> yaml.MarkedYAMLError:
    error = yaml.MarkedYAMLError(problem=problem, problem_mark=node.start_mark)
    error.vietnamese, error.loc = True, loc  # told as it is (yamlerrors.explain), at this field
    return error
