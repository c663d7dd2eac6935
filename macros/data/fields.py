"""The building blocks of every data file: ids, texts, dates and the strict base record.

Its own module so that the record kinds (macros/data/model.py) and the facts of change over time
(macros/data/facts.py) share them without importing each other.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
DATE_PATTERN = r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"
YEARS = (1900, 2100)  # dates outside are typing mistakes (0000, 9999), and break calendars

Id = Annotated[
    str,
    # At most 80 characters: an id names files (plans/<id>.yaml, ke-hoach/<id>.html, soan-ke-hoach/<id>/…).
    Field(pattern=ID_PATTERN, max_length=80, description="Mã định danh: chữ thường không dấu, số và dấu gạch ngang."),
]
Text = Annotated[str, Field(min_length=1, max_length=20000)]
ShortText = Annotated[str, Field(min_length=1, max_length=600)]


def check_partial_date(value: object) -> object:
    """Accept `2025`, `2025-03` or `2025-03-07`, and refuse impossible days such as 2023-02-30."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return value
    if not re.fullmatch(DATE_PATTERN, value):
        raise ValueError("ngày phải có dạng YYYY, YYYY-MM hoặc YYYY-MM-DD (ví dụ 2022-01-17)")
    parts = [int(p) for p in value.split("-")]
    if not YEARS[0] <= parts[0] <= YEARS[1]:
        raise ValueError(f"năm {parts[0]} nằm ngoài khoảng {YEARS[0]}–{YEARS[1]}")
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        raise ValueError(f"tháng {parts[1]} không tồn tại")
    if len(parts) == 3:
        try:
            _dt.date(*parts)
        except ValueError:
            raise ValueError(f"ngày {value} không tồn tại") from None
    return value


class Record(BaseModel):
    """Base for every YAML mapping: unknown fields are errors, values never change after load."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def check_full_date(value: object) -> object:
    """A day that really happened, written YYYY-MM-DD (a change of legal effect needs the day)."""
    value = check_partial_date(value)
    if isinstance(value, str) and len(value) != 10:
        raise ValueError("cần ngày đầy đủ dạng YYYY-MM-DD (ví dụ 2023-07-01)")
    return value
