"""Dates as the sources give them: a year, a month or a day, parsed once when the data is loaded.

A source often states only '2022' or '2022-11'. `PartialDate` keeps that written form (it is a
`str`, so pages, JSON, calendars and Word files write it exactly as before, and ISO strings of
mixed precision still sort by time) and holds its parts, so no module splits the text again:
`year`, `month`, `day`, the `full` day when stated, the `first` and `last` day it can mean.
A bad value stops `check` with a Vietnamese message at its file, line and field (the loader adds
where; the message here says what).
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator
from pydantic_core import core_schema

DATE_PATTERN = r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"
DUE_PATTERN = r"^(?:\d{4}-)?\d{2}-\d{2}$"
YEARS = (1900, 2100)  # dates outside are typing mistakes (0000, 9999), and break calendars


class PartialDate(str):
    """'2022', '2022-11' or '2022-11-07': checked, with its parts."""

    year: int
    month: int | None
    day: int | None

    def __new__(cls, value: object) -> "PartialDate":
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, int) and not isinstance(value, bool):  # YAML reads `2022` as a number
            value = str(value)
        if not isinstance(value, str):
            raise ValueError("ngày phải có dạng YYYY, YYYY-MM hoặc YYYY-MM-DD (ví dụ 2022-01-17)")
        text = value.strip()
        if not re.fullmatch(DATE_PATTERN, text):
            raise ValueError("ngày phải có dạng YYYY, YYYY-MM hoặc YYYY-MM-DD (ví dụ 2022-01-17)")
        parts = [int(p) for p in text.split("-")]
        _check_parts(text, parts)
        date = super().__new__(cls, text)
        date.year, date.month, date.day = (parts + [None, None])[:3]
        return date

    @property
    def precise(self) -> bool:
        """The day is stated."""
        return self.day is not None

    @property
    def full(self) -> _dt.date | None:
        """The day, when stated; None for '2022' or '2022-11'."""
        return _dt.date(self.year, self.month, self.day) if self.day is not None else None

    @property
    def first(self) -> _dt.date:
        """The earliest day it can mean: '2026' → 01/01/2026."""
        return _dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> _dt.date:
        """The latest day it can mean: '2024' → 31/12/2024, '2024-02' → 29/02/2024."""
        month = self.month or 12
        return _dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> core_schema.CoreSchema:
        return _schema(cls)


def _check_parts(text: str, parts: list[int]) -> None:
    if not YEARS[0] <= parts[0] <= YEARS[1]:
        raise ValueError(f"năm {parts[0]} nằm ngoài khoảng {YEARS[0]}–{YEARS[1]}")
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        raise ValueError(f"tháng {parts[1]} không tồn tại")
    if len(parts) == 3:
        try:
            _dt.date(*parts)
        except ValueError:
            raise ValueError(f"ngày {text} không tồn tại") from None


def _needs_day(value: PartialDate) -> PartialDate:
    if not value.precise:
        raise ValueError("cần ngày đầy đủ dạng YYYY-MM-DD (ví dụ 2023-07-01)")
    return value


# A day that really happened, written YYYY-MM-DD (a change of legal effect needs the day).
FullDate = Annotated[PartialDate, AfterValidator(_needs_day)]


class Due(str):
    """A report deadline: 'MM-DD' every year of the plan's period, or 'YYYY-MM-DD' once; checked, with its parts."""

    year: int | None  # None: every year
    month: int
    day: int

    def __new__(cls, value: object) -> "Due":
        if isinstance(value, Due):
            return value
        text = value.strip() if isinstance(value, str) else ""
        if not re.fullmatch(DUE_PATTERN, text):
            raise ValueError(f"hạn '{value}' phải có dạng MM-DD hoặc YYYY-MM-DD")
        if text == "02-29":  # MM-DD recurs every year of the plan's period
            raise ValueError("hạn '02-29' không có trong năm không nhuận: ghi '02-28' hoặc '03-01', "
                             "hoặc ghi cả năm (YYYY-02-29)")
        parts = [int(p) for p in text.split("-")]
        year = parts[0] if len(parts) == 3 else None
        try:
            _dt.date(year or 2023, *parts[-2:])
        except ValueError:
            raise ValueError(f"hạn '{text}' không phải ngày có thật") from None
        if year is not None and not YEARS[0] <= year <= YEARS[1]:
            raise ValueError(f"hạn '{text}': năm {year} nằm ngoài khoảng {YEARS[0]}–{YEARS[1]}")
        due = super().__new__(cls, text)
        due.year, due.month, due.day = year, parts[-2], parts[-1]
        return due

    @property
    def yearly(self) -> bool:
        return self.year is None

    def on(self, year: int) -> _dt.date:
        """The day of this deadline in `year` (its own year when it names one)."""
        return _dt.date(self.year or year, self.month, self.day)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> core_schema.CoreSchema:
        return _schema(cls)


def _schema(cls: type) -> core_schema.CoreSchema:
    """Parsed by `cls(value)` (a ValueError is the message a maintainer reads); a string in JSON and the JSON Schema."""
    return core_schema.no_info_plain_validator_function(
        cls, json_schema_input_schema=core_schema.str_schema(),
        serialization=core_schema.plain_serializer_function_ser_schema(str),
    )
