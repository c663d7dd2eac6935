"""What the open-data JSON adds to each record: its status at `as_of` and the source of each field.

The pydantic models here only describe that output, so `python -m macros schema` can publish
its JSON Schema next to the schemas of the data files; macros/knowledge/opendata.py fills them.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

# The states and kinds macros/knowledge/statusword.py derives; named here, below it, because the format publishes them.
STATES = ("in-force", "amended", "not-replaced", "ceased", "period-ended", "unknown")
STATUS_KINDS = ("replaced", "repealed", "expired", "period-ended", "confirmed", "applied", "amended",
                "period-running", "effective", "unknown")


class EvidenceOut(BaseModel):
    """One text a status rests on."""

    what: str = Field(description="Văn bản, điều khoản; hoặc kế hoạch trong dữ liệu áp dụng văn bản.")
    date: str | None = Field(None, description="Ngày (hoặc năm) của văn bản đó, như dữ liệu ghi.")
    record: str | None = Field(None, description="Mã của văn bản, kế hoạch đó trong dữ liệu, nếu có.")
    quote: str | None = Field(None, description="Câu chữ đã đọc.")
    where: str | None = Field(None, description="Nơi đã đọc câu chữ (địa chỉ hoặc đường dẫn kho).")


class StatusOut(BaseModel):
    """Hiệu lực at the data's as_of day (macros/knowledge/status.py)."""

    state: Literal[STATES] = Field(description="in-force (còn hiệu lực, có văn bản xác nhận trong 12 tháng), amended, "
                                   "not-replaced (chưa ghi nhận văn bản thay thế), ceased, period-ended, unknown.")
    kind: Literal[STATUS_KINDS] = Field(description="Trạng thái dựa trên gì: replaced, repealed, expired, period-ended, "
                                        "confirmed, applied, amended, period-running, effective, unknown.")
    sourced: bool = Field(description="Trạng thái là sự kiện có nguồn (không chỉ là 'chưa ghi nhận', không 'chưa rõ').")
    label: str = Field(description="Nhãn tiếng Việt, ví dụ 'Hết hiệu lực từ 01/07/2023'.")
    since: dt.date | None = Field(None, description="Ngày bắt đầu trạng thái này.")
    by: list[str] = Field(default_factory=list, description="Mã văn bản thay thế hoặc sửa đổi.")
    basis: str = Field(description="Căn cứ xác định trạng thái.")
    rests_on: list[EvidenceOut] = Field(default_factory=list, description="Các văn bản mà trạng thái dựa vào.")
    usable_as_basis: bool = Field(description="Dùng được làm căn cứ trong dự thảo tại ngày đối chiếu (kèm ghi chú).")
    note: str = Field(description="Ghi chú đặt sau trích dẫn trong dự thảo, ví dụ 'đã được thay thế bởi …'.")
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
    where: str | None = Field(None, description="Nơi đã đọc câu chữ của sự kiện bổ sung (địa chỉ hoặc đường dẫn kho).")


class OrgStatusOut(BaseModel):
    """An organisation on the data's as_of day (macros/knowledge/orgtime.py)."""

    exists: bool = Field(description="Còn tồn tại tại ngày đối chiếu.")
    ended: str | None = Field(None, description="Thôi tồn tại như thế nào, từ ngày nào, theo văn bản nào (nếu đã thôi).")
    successor: str | None = Field(None, description="Mã cơ quan đang đảm nhận công việc của nó tại ngày đối chiếu.")
    predecessors: list[str] = Field(default_factory=list, description="Mã các cơ quan mà nó kế thừa.")


class RecordExtras(BaseModel):
    """Added to every document, plan and organisation in du-lieu/**/*.json."""

    as_of: dt.date | None = Field(description="Ngày đối chiếu dữ liệu: trạng thái được tính tại ngày này.")
    status: StatusOut | None = Field(None, description="Hiệu lực (văn bản, kế hoạch).")
    organisation: OrgStatusOut | None = Field(None, description="Tồn tại, thôi tồn tại, cơ quan kế thừa (cơ quan).")
    provenance: dict[str, ProvenanceOut | None] = Field(
        description="Trường → nguồn; null khi chưa có nguồn. Khóa như 'number', 'relations[0]', 'tasks[2]'.")
