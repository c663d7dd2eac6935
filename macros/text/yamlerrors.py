"""YAML syntax errors told in Vietnamese, at the line and field where the parser gave up.

PyYAML says "did not find expected '-' indicator" at a line and column. A maintainer who
mis-indented a list needs to hear it in their language, with the field they were in: the
events the parser made before failing say which field that was.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

MAX_DEPTH = 40  # lists and tables nested deeper than any record needs; deeper crashes the parser
_DEEP_HINT = re.compile(r"^ {60}", re.M)
SYNTAX = "lỗi cú pháp YAML: xem lại dấu nháy, ngoặc, dấu ':' và thụt lề ở dòng này"  # for problems not listed below

# PyYAML's problem (or context) text → what the maintainer should look at.
_PROBLEMS = [
    ("did not find expected '-' indicator", "thiếu dấu '-' đầu mục danh sách, hoặc thụt lề sai (các mục cùng cấp "
     "phải thẳng cột)"),
    ("did not find expected key", "thụt lề sai (các trường cùng cấp phải thẳng cột) hoặc thiếu dấu ':' sau tên trường"),
    ("mapping values are not allowed", "dấu ':' không đúng chỗ: thụt lề sai, hoặc văn bản có dấu ': ' "
     "phải đặt trong ngoặc kép"),
    ("could not find expected ':'", "thiếu dấu ':' sau tên trường (hoặc văn bản nhiều dòng chưa đặt trong ngoặc kép)"),
    ("did not find expected ',' or ']'", "ngoặc vuông '[' chưa đóng, hoặc thiếu dấu ',' giữa các mục"),
    ("did not find expected ',' or '}'", "ngoặc nhọn '{' chưa đóng, hoặc thiếu dấu ',' giữa các trường"),
    ("found unexpected end of stream", "tệp kết thúc khi dấu nháy hoặc ngoặc còn mở"),
    ("found unknown escape character", "ký tự sau dấu '\\' trong chuỗi ngoặc kép không hợp lệ (viết '\\\\' "
     "cho một dấu '\\', hoặc dùng ngoặc đơn)"),
    ("block sequence entries are not allowed", "không được bắt đầu danh sách '-' ở đây (thụt lề sai?)"),
    ("that cannot start any token", "ký tự này không được đứng đầu giá trị: đặt giá trị trong ngoặc kép"),
    ("expected <document start>", "thụt lề sai: dòng này lùi ra ngoài cấp của trường trước nó"),
    ("expected a single document", "tệp chỉ được có một bản ghi (xoá dòng '---' thừa)"),
    ("found undefined tag handle", "thẻ YAML ('!') không được hỗ trợ: đặt giá trị trong ngoặc kép"),
    ("found a tab character", "dòng có ký tự tab: YAML chỉ cho thụt lề bằng dấu cách"),
]
_CONTEXTS = {
    "while scanning a quoted scalar": "dấu nháy mở ở dòng {line} chưa đóng",
    "while parsing a flow sequence": "ngoặc vuông '[' mở ở dòng {line} chưa đóng",
    "while parsing a flow mapping": "ngoặc nhọn '{{' mở ở dòng {line} chưa đóng",
}


def explain(exc: yaml.MarkedYAMLError) -> tuple[int, str]:
    """(1-based line, Vietnamese message) of a parser error; PyYAML's words kept as a last resort."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    problem = exc.problem or exc.context or ""
    if getattr(exc, "vietnamese", False):  # one of ours (yamlsource._refuse)
        return line, problem
    words = next((vi for en, vi in _PROBLEMS if en in problem), None)
    context = _CONTEXTS.get(exc.context or "")
    if context and exc.context_mark and exc.context_mark.line + 1 != line:
        words = context.format(line=exc.context_mark.line + 1) + (f"; {words}" if words else "")
    if words is None:
        words = SYNTAX
    return line, f"lỗi cú pháp YAML: {words}" if not words.startswith("lỗi cú pháp") else words


def reader_error(exc: yaml.reader.ReaderError, text: str) -> tuple[int, str]:
    """A character YAML does not allow in a file at all (NUL, most control characters)."""
    line = text[: max(exc.position, 0)].count("\n") + 1
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
    return line, f"ký tự điều khiển U+{code:04X} không được có trong tệp: xoá ký tự này (thường do sao chép từ PDF, Word)"


def path_at_error(text: str, loader: type) -> tuple[Any, ...]:
    """The field the parser was in when it failed: replay its events up to the error."""
    stack: list[list[Any]] = []  # per open collection: [kind, key or index, expecting key?]
    path: tuple[Any, ...] = ()
    try:
        for event in yaml.parse(text, Loader=loader):
            path = step(stack, event)
    except yaml.YAMLError:
        pass
    return path


def step(stack: list[list[Any]], event: yaml.Event) -> tuple[Any, ...]:
    if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
        _advance(stack, None)
        stack.append(["map", None, True] if isinstance(event, yaml.MappingStartEvent) else ["seq", -1, False])
    elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
        stack.pop()
    elif isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent)):
        _advance(stack, getattr(event, "value", None))
    return tuple(frame[1] for frame in stack if frame[1] is not None and frame[1] != -1)


def _advance(stack: list[list[Any]], scalar: Any) -> None:
    """A node starts inside the innermost collection: a key, a value, or the next list item."""
    if not stack:
        return
    frame = stack[-1]
    if frame[0] == "seq":
        frame[1] += 1
    elif frame[2]:  # a key
        frame[1], frame[2] = str(scalar) if scalar is not None else frame[1], False
    else:
        frame[2] = True


def too_deep(text: str, loader: type) -> int | None:
    """The line where nesting goes deeper than MAX_DEPTH (the C parser would crash), or None.

    Only files that could be that deep (many brackets or very deep indentation) are replayed.
    """
    if text.count("[") + text.count("{") < MAX_DEPTH and not _DEEP_HINT.search(text):
        return None
    depth = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark.line + 1
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None
    return None
