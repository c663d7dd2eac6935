"""Facts about time the source plans do not state, each with the text that states it.

`EditorialSource` is what every such fact rests on (document, article, quote, where it was read);
organisations begin and end (`OrgStart`, `OrgEnd`), a level of local government ends (`LevelEnd`),
documents are replaced, amended, repealed, expire or are confirmed as applied (`Change`), provinces
are merged (`ProvinceChange`); `Validity` (data/validity.yaml) holds the day they are read at.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from .dates import FullDate
from .fields import Id, Record, ShortText, Text

class EditorialSource(Record):
    """Nguồn bổ sung: a fact the source plans do not state, entered with the article that states it.

    Memory is never a source: without a named document and article the fact stays unknown."""

    document: ShortText = Field(description="Văn bản nêu sự kiện, ví dụ 'Luật số 10/2022/QH15'.")
    article: ShortText | None = Field(None, description="Điều, khoản nêu sự kiện, ví dụ 'Điều 91, khoản 2' "
                                      "(để trống chỉ khi văn bản không chia điều, như một bản tin).")
    record: Id | None = Field(None, description="Mã của văn bản đó trong dữ liệu, nếu có.")
    quote: Text | None = Field(None, description="Câu chữ của điều khoản, chép đúng từng chữ (cắt bằng '…').")
    where: ShortText | None = Field(None, description="Nơi đã đọc câu chữ: địa chỉ trang công khai hoặc "
                                    "'github:chủ/kho/đường/dẫn'. Thiếu câu chữ hoặc nơi đọc thì `check` cảnh báo.")

    @property
    def label(self) -> str:
        return f"{self.document}, {self.article}" if self.article else self.document


OrgChange = Literal["sap-nhap", "hop-nhat", "doi-ten", "giai-the", "ket-thuc-hoat-dong"]


class OrgStart(Record):
    """The day a unit began under this name (a province formed by a merger, a department formed by
    merging two), with the text that formed it: before that day it does not exist."""

    date: FullDate = Field(description="Ngày bắt đầu hoạt động (YYYY-MM-DD).")
    change: Literal["thanh-lap", "hop-nhat", "sap-nhap", "doi-ten"] = Field(
        description="thanh-lap (thành lập), hop-nhat (hợp nhất từ nhiều cơ quan), sap-nhap (nhận cơ quan khác "
        "sáp nhập vào), doi-ten (tên mới của cơ quan cũ).")
    source: EditorialSource = Field(description="Văn bản và điều khoản nêu việc này (bắt buộc).")


class OrgEnd(Record):
    """The day a unit stopped existing under this name, and what took over its work."""

    date: FullDate = Field(description="Ngày thôi tồn tại (YYYY-MM-DD).")
    change: OrgChange = Field(description="sap-nhap, hop-nhat, doi-ten, giai-the, ket-thuc-hoat-dong.")
    successor: Id | None = Field(None, description="Mã cơ quan kế thừa (nếu có trong dữ liệu).")
    successor_name: ShortText | None = Field(None, description="Tên cơ quan kế thừa khi chưa có trong dữ liệu.")
    source: EditorialSource = Field(description="Văn bản và điều khoản nêu sự thay đổi (bắt buộc).")
OrgLevel = Literal["trung-uong", "tinh", "so-nganh", "huyen", "xa"]


class LevelEnd(Record):
    """A level of local government that ended everywhere (the district level on 01/07/2025): a group
    a plan names at that level ("UBND các huyện…") gets no draft after that day."""

    level: OrgLevel = Field(description="Cấp chính quyền: huyen hoặc xa.")
    date: FullDate = Field(description="Ngày kết thúc hoạt động (YYYY-MM-DD).")
    source: EditorialSource = Field(description="Văn bản và điều khoản nêu việc kết thúc (bắt buộc).")


ChangeKind = Literal["replaced", "amended", "repealed", "expired", "effective", "confirmed"]


class Change(Record):
    """A change of a document's legal effect read in a text the source plans do not quote: the 2025
    replacements, amendments, ends of programmes, and confirmations that a text still applies."""

    record: Id = Field(description="Mã văn bản (hoặc kế hoạch) trong dữ liệu mà sự kiện nói tới.")
    change: ChangeKind = Field(
        description="replaced (bị thay thế), amended (được sửa đổi, bổ sung), repealed (bị bãi bỏ), expired "
        "(hết hiệu lực, hết thời hạn), effective (có hiệu lực từ ngày), confirmed (được một văn bản của thời điểm "
        "đó xác nhận đang áp dụng).")
    date: FullDate = Field(description="Ngày sự kiện có hiệu lực (YYYY-MM-DD); với confirmed: ngày của văn bản xác nhận.")
    by: Id | None = Field(None, description="Mã văn bản trong dữ liệu gây ra thay đổi (bắt buộc với replaced, amended).")
    source: EditorialSource = Field(description="Văn bản, điều khoản, câu chữ và nơi đọc (bắt buộc).")
    note: Text | None = None

    @model_validator(mode="after")
    def _by_for_replacements(self):
        if self.change in ("replaced", "amended") and not self.by:
            raise ValueError(f"sự kiện '{self.change}' cần 'by': mã văn bản thay thế hoặc sửa đổi (thêm văn bản đó "
                             "vào data/documents/ với trường 'added' nếu chưa có)")
        return self


class ProvinceChange(Record):
    """A province's arrangement on 1 July 2025: merged with others into a province (which may keep
    its name), or kept as it was. Bodies of a province merged under another name end that day."""

    province: ShortText = Field(description="Tên tỉnh như các cơ quan ghi (trường province), ví dụ 'Bình Định'.")
    change: Literal["hop-nhat", "giu-nguyen"] = Field(
        description="hop-nhat (sắp xếp cùng tỉnh khác thành tỉnh `into`), giu-nguyen (không sắp xếp).")
    into: ShortText | None = Field(None, description="Tên tỉnh sau sắp xếp, ví dụ 'Gia Lai' (bắt buộc với hop-nhat).")
    date: FullDate = Field(description="Ngày có hiệu lực (YYYY-MM-DD).")
    source: EditorialSource = Field(description="Nghị quyết, điều khoản, câu chữ và nơi đọc (bắt buộc).")

    @model_validator(mode="after")
    def _into_for_mergers(self):
        if self.change == "hop-nhat" and not self.into:
            raise ValueError("tỉnh hợp nhất cần 'into': tên tỉnh sau sắp xếp")
        return self


class Validity(Record):
    """data/validity.yaml: the day the data was last checked, which every status is computed at."""

    as_of: FullDate = Field(description="Ngày đối chiếu dữ liệu (YYYY-MM-DD): hiệu lực được tính tại ngày này.")
    note: Text | None = Field(None, description="Ai đối chiếu, đối chiếu với gì.")
    levels_ended: list[LevelEnd] = Field(
        default_factory=list, description="Cấp chính quyền địa phương đã kết thúc hoạt động trên cả nước, "
        "kèm văn bản, điều khoản: chỉ ghi khi nêu được điều khoản.")

    changes: list[Change] = Field(
        default_factory=list, description="Thay thế, sửa đổi, bãi bỏ, hết hiệu lực, xác nhận còn áp dụng của "
        "văn bản trong dữ liệu, mỗi sự kiện kèm văn bản, điều khoản, câu chữ và nơi đọc.")
    provinces: list[ProvinceChange] = Field(
        default_factory=list, description="Sắp xếp đơn vị hành chính cấp tỉnh (01/07/2025) của các tỉnh trong dữ liệu.")

    def province_now(self, province: str | None, on: str | None = None) -> str | None:
        """The province a province's territory belongs to on `on` (ISO day; as_of by default): 'Gia Lai' for
        'Bình Định' from 01/07/2025 (`provinces`), the same name before that day or without a merger."""
        on = on or self.as_of
        change = next((p for p in self.provinces if p.province == province), None) if province else None
        if change is None or change.change != "hop-nhat" or on < change.date:
            return province
        return change.into

    @field_validator("provinces")
    @classmethod
    def _one_change_per_province(cls, values: list[ProvinceChange]) -> list[ProvinceChange]:
        names = [v.province for v in values]
        if len(set(names)) != len(names):
            raise ValueError("mỗi tỉnh chỉ ghi một lần")
        return values

    @field_validator("levels_ended")
    @classmethod
    def _one_end_per_level(cls, values: list[LevelEnd]) -> list[LevelEnd]:
        levels = [v.level for v in values]
        if len(set(levels)) != len(levels):
            raise ValueError("mỗi cấp chính quyền chỉ ghi một lần")
        return values
