"""Problems found in the data, told the way a maintainer can act on them: file, line, field, words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .terminal import shown


@dataclass(frozen=True, order=True)
class DataError:
    """One problem in a data file (`level` warning: lint, the build still succeeds)."""

    file: str
    line: int
    field: str
    message: str
    level: Literal["error", "warning"] = "error"
    code: str = ""

    def __str__(self) -> str:
        """One line, whatever the file name, key or value quoted holds (terminal.shown)."""
        where = f"{shown(self.file)}:{self.line}"
        field = f" {shown(self.field)}:" if self.field else ""
        tag = "cảnh báo: " if self.level == "warning" else ""
        return f"{where}:{field} {tag}{shown(self.message)}"


def field_path(loc) -> str:
    """('tasks', 2, 'text') → 'tasks[2].text', as messages name a field."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


class DataInvalid(Exception):
    """Raised once, after every file was read, when any error was found."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = sorted(errors)
        super().__init__(self.report())

    def report(self) -> str:
        lines = [str(e) for e in self.errors]
        lines.append(f"{len(self.errors)} lỗi dữ liệu; chưa tạo trang nào. Sửa các lỗi trên rồi chạy lại.")
        return "\n".join(lines)
