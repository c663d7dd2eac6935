"""Read one YAML file into plain Python values plus the line of every value.

PyYAML's `safe_load` forgets where things came from, silently keeps the last of two
duplicate keys, turns `2022-01-17` into a `date` and expands anchors. Maintainers need
messages with line numbers and none of those surprises, so we compose the node tree
ourselves and construct values from it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError

try:  # the C parser is ~4x faster; the Python one gives the same nodes
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader

Path_ = tuple[str | int, ...]


class _Loader(_BaseLoader):
    """Safe loader that keeps dates as strings: the model checks them and keeps partial dates."""


_Loader.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


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
    loader = _Loader(text)
    try:
        if "*" in text or "<<" in text:
            _refuse_aliases(text)
        node = loader.get_single_node()
        source.data = _Builder(loader, source).build(node, ())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        message = f"lỗi cú pháp YAML: {exc.problem or exc.context}"
        lines = text.splitlines()
        if mark and mark.line < len(lines) and "\t" in lines[mark.line]:
            message += " (dòng này có ký tự tab: YAML chỉ cho thụt lề bằng dấu cách)"
        source.errors.append(DataError(display, line, "", message))
    except yaml.YAMLError as exc:
        source.errors.append(DataError(display, 1, "", f"lỗi cú pháp YAML: {exc}"))
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
        self.source.lines[loc] = node.start_mark.line + 1
        if id(node) in self.seen or node.tag == "tag:yaml.org,2002:merge":
            raise _refuse(node, "không dùng anchor/alias (&, *, <<) trong dữ liệu: hãy viết đầy đủ giá trị")
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        if node.tag not in _PLAIN_TAGS:
            raise _refuse(node, f"thẻ YAML '{node.tag}' không được hỗ trợ")
        return self.loader.construct_object(node, deep=True)

    def _mapping(self, node: yaml.MappingNode, loc: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _refuse(key_node, "không dùng '<<' (gộp khóa) trong dữ liệu")
            if not isinstance(key_node, yaml.ScalarNode):
                raise _refuse(key_node, "khóa phải là một tên trường đơn giản")
            key = str(key_node.value)
            if key in result:
                raise _refuse(key_node, f"khóa '{key}' bị lặp lại trong cùng một mục")
            result[key] = self.build(value_node, (*loc, key))
        return result


_PLAIN_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
}


def _refuse_aliases(text: str) -> None:
    """Anchors are harmless alone; an alias (or merge) reuses text in a way maintainers cannot see."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            raise _refuse(event, "không dùng anchor/alias (&, *, <<) trong dữ liệu: hãy viết đầy đủ giá trị")


def _refuse(node: yaml.Node, problem: str) -> yaml.MarkedYAMLError:
    return yaml.MarkedYAMLError(problem=problem, problem_mark=node.start_mark)
