"""The building blocks of every data file: ids, texts, dates and the strict base record.

Its own module so that the record kinds (macros/data/model.py) and the facts of change over time
(macros/data/facts.py) share them without importing each other.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Id = Annotated[
    str,
    # At most 80 characters: an id names files (plans/<id>.yaml, ke-hoach/<id>.html, soan-ke-hoach/<id>/…).
    Field(pattern=ID_PATTERN, max_length=80, description="Mã định danh: chữ thường không dấu, số và dấu gạch ngang."),
]
Text = Annotated[str, Field(min_length=1, max_length=20000)]
ShortText = Annotated[str, Field(min_length=1, max_length=600)]


class Record(BaseModel):
    """Base for every YAML mapping: unknown fields are errors, values never change after load."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
