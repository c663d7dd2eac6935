"""data/ → validated `Dataset`: every file read, every problem collected, then one verdict."""

from __future__ import annotations

import gc
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..text.errors import DataError, DataInvalid
from . import model
from .dataset import Dataset, Origin, field_name
from .kinds import RECORD_FOLDERS
from .validate import check_references
from .yamlsource import YamlSource, read_yaml

__all__ = ["Dataset", "Origin", "collector_paused", "field_name", "load", "read_all"]  # Dataset's home is dataset.py

# Which model reads which file: one record per file in folders (kinds.RECORD_FOLDERS), lists in single files.
LIST_FILES: dict[str, tuple[type[BaseModel], str]] = {
    "themes.yaml": (model.ThemesFile, "themes"),
    "glossary.yaml": (model.GlossaryFile, "terms"),
}
VALIDITY_FILE = "validity.yaml"  # as_of: the day statuses are computed at
ORGANISATION_FOLDER = "organisations"
SOURCE_FOLDER = "sources"
SOURCE_MAX_BYTES = 2_000_000  # a source plan is tens of kilobytes; the maintainer guide states the limit
YAML_MAX_BYTES = 5_000_000  # a data file is tens of kilobytes
NOT_A_FILE = "không phải tệp thường (thiết bị, ống dẫn…): trong thư mục dữ liệu chỉ có tệp và thư mục"


def load(root: Path, parses: dict | None = None) -> Dataset:
    """Load and validate `root` (the data/ folder); raise `DataInvalid` listing every error.

    `parses`: YAML parses kept from an earlier load (mkdocs serve), see `yamlsource.read_yaml`."""
    with collector_paused():
        dataset, errors = read_all(root, parses)
        errors += check_references(dataset)
    if errors:
        raise DataInvalid(errors)
    return dataset


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while data is read, then as it was (so pauses nest).

    Reading makes hundreds of thousands of objects per thousand plans and no garbage cycles, yet each
    collection of the collector's oldest generation walks every object made so far: a third of
    `read_all`'s CPU at 5 000 plans. Reference counting frees all the reading drops either way.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def read_all(root: Path, parses: dict | None = None) -> tuple[Dataset, list[DataError]]:
    dataset = Dataset(root=root)
    errors: list[DataError] = []
    if not root.is_dir():
        return dataset, [DataError(str(root), 1, "", "không tìm thấy thư mục dữ liệu")]
    inside = root.resolve()
    folders: dict[Path, Path] = {}  # each folder's real path, found once (not once per file)
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        display = (Path(root.name) / rel).as_posix()
        info = path.lstat()
        if _outside(path, info, inside, folders):
            errors.append(DataError(display, 1, "", "liên kết (symlink) hoặc tệp nằm ngoài thư mục dữ liệu: chép tệp "
                                    "thật vào data/ thay cho liên kết (trang web sẽ công bố nội dung tệp)"))
        elif rel.parts[0] == SOURCE_FOLDER and len(rel.parts) > 1:
            refused = read_source(dataset, path, display, info)
            if refused:
                dataset.failed.add(path.name)  # said here; a plan naming it is not told it is missing
            errors += refused
        elif stat.S_ISREG(info.st_mode):
            errors += _read_file(dataset, path, parses, info.st_size)
        elif not stat.S_ISDIR(info.st_mode):
            errors.append(DataError(display, 1, "", NOT_A_FILE))
    return dataset, errors


def read_source(dataset: Dataset, path: Path, display: str, info: os.stat_result | None = None) -> list[DataError]:
    """A source text: a regular file directly in data/sources/, one link to it, bounded, UTF-8.

    The site publishes it as the plan's source, so it must be that file and no other: a file of a
    subfolder would shadow one of the same name, and a hard link (like a symbolic one) can make a
    system file public.
    """
    rel = path.relative_to(dataset.root)
    if len(rel.parts) > 2:
        return []  # its folder is reported
    if path.name.startswith("."):
        return []  # .gitkeep, .DS_Store: not a source
    info = info or path.lstat()
    if stat.S_ISDIR(info.st_mode):
        return [DataError(display, 1, "", "thư mục con trong data/sources/: mọi văn bản gốc nằm ngay trong "
                          "data/sources/ (mỗi tên một tệp)")]
    if not stat.S_ISREG(info.st_mode):
        return [DataError(display, 1, "", NOT_A_FILE)]
    if info.st_nlink > 1:
        return [DataError(display, 1, "", "tệp có liên kết cứng (hard link) tới tệp khác: chép nội dung thành một "
                          "tệp riêng (trang web sẽ công bố nội dung tệp)")]
    with path.open("rb") as handle:
        raw = handle.read(SOURCE_MAX_BYTES + 1)
    if len(raw) > SOURCE_MAX_BYTES:
        return [DataError(display, 1, "", f"văn bản gốc lớn hơn {SOURCE_MAX_BYTES // 1_000_000} MB: "
                          "một kế hoạch không dài như vậy (tệp có đúng là văn bản gốc?)")]
    try:
        dataset.sources[path.name] = raw.decode("utf-8")  # no newline translation: published as the bytes read
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return [DataError(display, line, "", f"văn bản gốc không phải UTF-8 (byte lạ ở vị trí {exc.start}); "
                          "hãy lưu lại tệp với bảng mã UTF-8 (Unicode)")]
    return []


def _outside(path: Path, info: os.stat_result, inside: Path, folders: dict[Path, Path]) -> bool:
    """A link, or a file that resolves outside data/: a link in data/sources/ would publish any file.

    `info` is the path's lstat. A path that is no link resolves to its folder's real path and its name."""
    if stat.S_ISLNK(info.st_mode):
        return True
    folder = folders.get(path.parent)
    if folder is None:
        folder = folders[path.parent] = path.parent.resolve()
    return not (folder / path.name).is_relative_to(inside)


def _read_file(dataset: Dataset, path: Path, parses: dict | None, size: int) -> list[DataError]:
    rel = path.relative_to(dataset.root)
    display = (Path(dataset.root.name) / rel).as_posix()
    folder = rel.parts[0] if len(rel.parts) > 1 else ""
    if path.suffix not in {".yaml", ".yml"}:
        if path.name.startswith(".") or path.suffix in {".md", ".txt"}:
            return []
        return [DataError(display, 1, "", "tệp không phải YAML (.yaml) trong thư mục dữ liệu")]
    if size > YAML_MAX_BYTES:
        return [DataError(display, 1, "", f"tệp lớn hơn {YAML_MAX_BYTES // 1_000_000} MB: một tệp dữ liệu "
                          "không cần lớn như vậy (tách thành nhiều tệp)")]
    source = read_yaml(path, display, parses)
    try:
        return _read_parsed(dataset, source, display, folder, rel)
    finally:
        if parses is None:  # the models hold the values now (a third of the data's memory); the line marks stay
            source.data = None  # for messages. A kept parse (mkdocs serve) is read again by the next load.


def _read_parsed(dataset: Dataset, source: YamlSource, display: str, folder: str, rel: Path) -> list[DataError]:
    if folder in RECORD_FOLDERS and (source.errors or not isinstance(source.data, dict)):
        dataset.failed.add(rel.stem)  # so references to it are not reported a second time
    if source.errors:
        return source.errors
    if not isinstance(source.data, dict):
        kind = "danh sách" if isinstance(source.data, list) else "một giá trị đơn"
        return [DataError(display, 1, "", f"tệp phải là một bảng 'trường: giá trị', không phải {kind}")]
    if folder in RECORD_FOLDERS and len(rel.parts) == 2:
        return _add_record(dataset, source, RECORD_FOLDERS[folder], folder, rel.stem)
    if folder == ORGANISATION_FOLDER and len(rel.parts) == 2:
        return _add_list(dataset, source, model.OrganisationsFile, "organisations", "organisations")
    if not folder and rel.name == VALIDITY_FILE:
        dataset.validity, errors = _validate(source, model.Validity, source.data, ())
        dataset.validity_origin = Origin(source)
        return errors
    if not folder and rel.name in LIST_FILES:
        schema, key = LIST_FILES[rel.name]
        return _add_list(dataset, source, schema, key, key)
    return [DataError(display, 1, "", "không rõ tệp này chứa loại dữ liệu gì; xem Hướng dẫn bảo trì "
                      "về vị trí các tệp (documents/, plans/, campaigns/, organisations/, themes.yaml, glossary.yaml, validity.yaml)")]


def _add_record(dataset: Dataset, source: YamlSource, schema: type[BaseModel], kind: str, stem: str) -> list[DataError]:
    record, errors = _validate(source, schema, source.data, ())
    if record is None:
        dataset.failed.add(str(source.data.get("id", stem)))
        return errors
    if record.id != stem:
        errors.append(DataError(source.path, source.line_of(("id",)), "id",
                                f"mã '{record.id}' phải trùng tên tệp '{stem}.yaml'"))
    return errors + _register(dataset, getattr(dataset, kind), record, Origin(source))


def _add_list(dataset: Dataset, source: YamlSource, schema: type[BaseModel], key: str, kind: str) -> list[DataError]:
    unknown = [k for k in source.data if k != key]
    errors = [DataError(source.path, source.line_of((k,)), k, f"trường không hợp lệ; tệp này chỉ có '{key}:'")
              for k in unknown]
    items = source.data.get(key)
    if not isinstance(items, list):
        return errors + [DataError(source.path, source.line_of((key,)), key, "phải là một danh sách các mục")]
    item_schema = schema.model_fields[key].annotation.__args__[0]
    for index, item in enumerate(items):
        record, item_errors = _validate(source, item_schema, item, (key, index))
        errors += item_errors
        if record is None and isinstance(item, dict):
            dataset.failed.add(str(item.get("id")))
        if record is not None:
            errors += _register(dataset, getattr(dataset, kind), record, Origin(source, (key, index)))
    return errors


def _register(dataset: Dataset, table: dict[str, Any], record: Any, origin: Origin) -> list[DataError]:
    if record.id in dataset.origins:
        first_file, first_line = dataset.where(record.id)
        file, line = origin.at("id")
        return [DataError(file, line, "id", f"mã '{record.id}' bị trùng với {first_file}:{first_line}")]
    table[record.id] = record
    dataset.origins[record.id] = origin
    return []


def _validate(source: YamlSource, schema: type[BaseModel], data: Any, base: tuple) -> tuple[Any, list[DataError]]:
    try:
        return schema.model_validate(data), []
    except ValidationError as exc:
        return None, [_explain(source, base, err) for err in exc.errors()]


def _explain(source: YamlSource, base: tuple, err: Any) -> DataError:
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    full = (*base, *loc)
    return DataError(source.path, source.line_of(full), field_name(full), describe(err))


_FIELD_NAME = re.compile(r"[a-z_]+")
_MESSAGES = {
    "missing": "thiếu trường bắt buộc",
    "extra_forbidden": "trường không có trong mô hình dữ liệu (viết sai tên trường?)",
    "string_type": "phải là văn bản",
    "int_type": "phải là số nguyên",
    "int_parsing": "phải là số nguyên",
    "int_from_float": "phải là số nguyên",
    "list_type": "phải là danh sách (mỗi mục bắt đầu bằng '- ')",
    "dict_type": "phải là một bảng 'trường: giá trị'",
    "model_type": "phải là một bảng 'trường: giá trị'",
    "bool_type": "phải là true hoặc false",
    "bool_parsing": "phải là true hoặc false",
    "float_type": "phải là một số",
    "float_parsing": "phải là một số",
    "int_parsing_size": "số quá lớn",
    "none_required": "phải để trống",
}
UNKNOWN_PROBLEM = "giá trị không hợp lệ ở trường này: xem mô tả trường trong Hướng dẫn bảo trì"


def describe(err: Any) -> str:
    """One pydantic error in Vietnamese (the importer says it too)."""
    kind = err["type"]
    given = err.get("input")
    key = err["loc"][-1] if err["loc"] else ""
    if kind == "extra_forbidden" and given is None and isinstance(key, str) and not _FIELD_NAME.fullmatch(key):
        return (f"'{key}' không phải tên trường: trong một dòng {{…}} dấu phẩy ngăn các trường, nên văn bản có dấu "
                f"phẩy phải đặt trong ngoặc kép (ví dụ name: \"Sở Nội vụ, tỉnh A\")")
    if kind == "literal_error":
        allowed = str(err.get("ctx", {}).get("expected", "")).replace("' or '", "', '")  # pydantic's English "or"
        return f"giá trị '{given}' không hợp lệ; chọn một trong: {allowed}"
    if kind == "string_pattern_mismatch":
        return f"'{given}' không đúng dạng mã: chỉ dùng chữ thường không dấu, số và dấu '-'"
    if kind == "string_too_short" or (kind == "too_short" and not given):
        return "không được để trống"
    if kind == "too_short":
        return "cần ít nhất một mục"
    if kind == "too_long":
        return f"quá nhiều mục (tối đa {err.get('ctx', {}).get('max_length')} mục)"
    if kind == "string_too_long":
        return f"quá dài (tối đa {err.get('ctx', {}).get('max_length')} ký tự)"
    if kind in {"greater_than_equal", "less_than_equal"}:
        return f"giá trị {given} nằm ngoài khoảng cho phép"
    if kind == "value_error":
        return str(err.get("ctx", {}).get("error", err["msg"]))
    return _MESSAGES.get(kind, UNKNOWN_PROBLEM)  # pydantic's own words are English
