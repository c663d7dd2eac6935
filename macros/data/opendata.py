"""What the open-data JSON adds to each record: its status at `as_of` and the source of each field.

The pydantic models here only describe that output, so `python -m macros schema` can publish
its JSON Schema next to the schemas of the data files; macros/knowledge/opendata.py fills them.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

# The states macros/knowledge/status.py derives; named here, below it, because the format publishes them.
STATES = ("in-force", "ceased", "amended", "period-ended", "unknown")


class StatusOut(BaseModel):
    """Hiệu lực at the data's as_of day (macros/knowledge/status.py)."""

    state: Literal[STATES] = Field(description="in-force, ceased, amended, period-ended, unknown.")
    label: str = Field(description="Nhãn tiếng Việt, ví dụ 'Hết hiệu lực từ 01/07/2023'.")
    since: dt.date | None = Field(None, description="Ngày bắt đầu trạng thái này.")
    by: list[str] = Field(default_factory=list, description="Mã văn bản thay thế hoặc sửa đổi.")
    basis: str = Field(description="Căn cứ xác định trạng thái.")
    missing: list[str] = Field(default_factory=list, description="Những gì dữ liệu chưa có để xác định.")


class ProvenanceOut(BaseModel):
    """Where one field comes from (macros/knowledge/provenance.py)."""

    kind: Literal["nguon", "bo-sung", "suy-ra", "bien-tap"] = Field(
        description="nguon: dòng của bản kế hoạch nguồn; bo-sung: văn bản, điều khoản được nêu tên; "
        "suy-ra: suy từ thông tin khác; bien-tap: phần biên tập của trang (mã, chủ đề, ghi chú).")
    note: str
    file: str | None = None
    line: int | None = None
    plan: str | None = None
    document: str | None = None
    article: str | None = None
    record: str | None = None


class RecordExtras(BaseModel):
    """Added to every document, plan and organisation in du-lieu/**/*.json."""

    as_of: dt.date | None = Field(description="Ngày đối chiếu dữ liệu: trạng thái được tính tại ngày này.")
    status: StatusOut | None = Field(None, description="Hiệu lực (văn bản, kế hoạch).")
    provenance: dict[str, ProvenanceOut | None] = Field(
        description="Trường → nguồn; null khi chưa có nguồn. Khóa như 'number', 'relations[0]', 'tasks[2]'.")
