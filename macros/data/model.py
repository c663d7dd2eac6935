"""The typed data model: what a maintainer may write in `data/*.yaml`.

Every record kind is a frozen pydantic model with `extra="forbid"`, so an unknown
field is an error, and each field carries a description that also ends up in the
JSON Schema given to editors (see `macros.data.schema`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .facts import (  # noqa: F401  (re-exported: data files are described by `model`)
    Change, ChangeKind, EditorialSource, LevelEnd, OrgChange, OrgEnd, OrgLevel, OrgStart, ProvinceChange, Validity,
)
from .dates import DATE_PATTERN, DUE_PATTERN, YEARS, Due, FullDate, PartialDate  # noqa: F401
from .fields import ID_PATTERN, Id, Record, ShortText, Text  # noqa: F401

OrgKind = Literal["dang", "nha-nuoc", "mat-tran-doan-the"]


# --- organisations -----------------------------------------------------------------------

class Organisation(Record):
    """Cơ quan, tổ chức: an issuer of documents or a unit assigned work in a plan."""

    id: Id
    name: ShortText = Field(description="Tên đầy đủ, ví dụ 'Ủy ban nhân dân tỉnh Lào Cai'.")
    short_name: ShortText | None = Field(None, description="Tên viết tắt, ví dụ 'UBND tỉnh Lào Cai'.")
    kind: OrgKind = Field(description="Hệ thống: dang (Đảng), nha-nuoc (Nhà nước), mat-tran-doan-the.")
    level: OrgLevel = Field(description="Cấp: trung-uong, tinh, so-nganh, huyen, xa.")
    parent: Id | None = Field(None, description="Mã cơ quan cấp trên trực tiếp.")
    province: ShortText | None = Field(None, description="Tỉnh (để trống với cơ quan trung ương).")
    aliases: list[ShortText] = Field(default_factory=list, description="Các cách gọi khác trong văn bản.")
    created: OrgStart | None = Field(None, description="Thành lập, hợp nhất, đổi tên từ cơ quan khác: chỉ ghi khi "
                                     "nêu được văn bản, điều khoản.")
    ended: OrgEnd | None = Field(None, description="Sáp nhập, đổi tên, giải thể: chỉ ghi khi nêu được văn bản, điều khoản.")
    review: ShortText | None = Field(None, description="Cơ quan do lệnh nhập (python -m macros import) tạo: điều cần "
                                     "soát (tên, cấp, cơ quan cấp trên). Soát xong thì xóa dòng này; kế hoạch do cơ quan "
                                     "này ban hành không qua được 'check' khi dòng này còn.")

    @model_validator(mode="after")
    def _starts_before_it_ends(self):
        if self.created and self.ended and self.ended.date <= self.created.date:
            raise ValueError(f"ngày thôi tồn tại ({self.ended.date}) phải sau ngày bắt đầu ({self.created.date})")
        return self


class OrganisationsFile(Record):
    organisations: list[Organisation]


# --- themes and glossary -----------------------------------------------------------------


class Theme(Record):
    """Chủ đề: the task taxonomy that groups tasks and guidance."""

    id: Id
    name: ShortText
    description: Text = Field(description="Hai, ba câu giải thích, rút từ các kế hoạch nguồn.")
    order: int = Field(0, description="Thứ tự hiển thị.")


class ThemesFile(Record):
    themes: list[Theme]


class Term(Record):
    """Thuật ngữ: an abbreviation used in the sources, shown as a tooltip wherever it appears."""

    id: Id
    term: ShortText = Field(description="Chữ viết tắt, ví dụ 'UBND'.")
    meaning: ShortText = Field(description="Nghĩa đầy đủ, ví dụ 'Ủy ban nhân dân'.")
    notes: Text | None = None


class GlossaryFile(Record):
    terms: list[Term]


# --- documents -----------------------------------------------------------------------------

DocumentType = Literal[
    "nghi-quyet", "ket-luan", "chi-thi", "quyet-dinh", "quy-dinh", "quy-che", "luat",
    "phap-lenh", "nghi-dinh", "thong-tu", "ke-hoach", "de-an", "chuong-trinh",
    "huong-dan", "thong-bao", "van-kien", "khac",
]
RelationType = Literal["based-on", "implements", "continues", "details", "amends", "replaces", "promulgates"]


class Relation(Record):
    """A stated link from this document to another: 'X triển khai Y' is stored on X as implements: Y."""

    type: RelationType = Field(
        description="based-on (căn cứ), implements (triển khai thực hiện), continues (tiếp tục thực hiện), "
        "details (quy định chi tiết), amends (sửa đổi, bổ sung), replaces (thay thế), promulgates (ban hành)."
    )
    target: Id = Field(description="Mã văn bản hoặc kế hoạch được liên kết tới.")
    stated_in: Id | None = Field(None, description="Mã kế hoạch nguồn nêu quan hệ này.")
    source: EditorialSource | None = Field(
        None, description="Khi không kế hoạch nguồn nào nêu quan hệ: văn bản, điều khoản nêu nó (dữ liệu bổ sung)."
    )
    note: Text | None = None


class Document(Record):
    """Văn bản: a legal basis cited by the plans."""

    id: Id
    number: ShortText | None = Field(None, description="Số ký hiệu như văn bản ghi, ví dụ '33/CT-TTg'.")
    type: DocumentType
    issuer: Id | None = Field(None, description="Mã cơ quan ban hành; để trống nếu nguồn không nêu.")
    co_issuers: list[Id] = Field(default_factory=list, description="Cơ quan cùng ban hành (văn bản liên tịch).")
    date: PartialDate | None = Field(None, description="Ngày ban hành: YYYY-MM-DD, YYYY-MM hoặc YYYY.")
    effective: PartialDate | None = Field(None, description="Ngày có hiệu lực, nếu nguồn nêu.")
    title: Text | None = Field(None, description="Trích yếu như nguồn ghi.")
    aliases: list[ShortText] = Field(default_factory=list, description="Các cách trích dẫn khác trong nguồn.")
    relations: list[Relation] = Field(default_factory=list)
    themes: list[Id] = Field(default_factory=list, description="Chủ đề mà văn bản làm căn cứ.")
    notes: Text | None = None
    problems: list[Text] = Field(default_factory=list, description="Nghi vấn về dữ liệu ghi nhận từ nguồn.")
    added: EditorialSource | None = Field(
        None, description="Văn bản không kế hoạch nguồn nào nêu, thêm vào vì nó thay thế, sửa đổi văn bản trong dữ "
        "liệu: nơi đọc số hiệu, ngày và trích yếu của nó.")
    review: ShortText | None = Field(None, description="Văn bản do lệnh nhập tạo từ câu trích dẫn của một kế hoạch: "
                                     "điều cần soát (loại, cơ quan, ngày, trích yếu). Soát xong thì xóa dòng này; "
                                     "'check' không qua khi dòng này còn.")

    @property
    def issuer_key(self) -> str:
        return self.issuer or ""

    @property
    def year(self) -> str:
        return str(self.date.year) if self.date else "Chưa rõ năm"


# --- plans ---------------------------------------------------------------------------------

ReportPeriod = Literal["thang", "quy", "6-thang", "9-thang", "nam", "5-nam", "dinh-ky", "dot-xuat"]


class Period(Record):
    start: int = Field(ge=1945, le=2100)
    end: int = Field(ge=1945, le=2100)


# Most items of each list of a plan: every item becomes page sections, calendar events, draft paragraphs and
# Word files (for each unit and year), so an unbounded list makes a build that check cannot foresee; real
# plans stay far below (at most 10 tasks, 5 duties, 1 due date per report). docs/huong-dan/bao-tri.md lists them.
LIMITS = {"tasks": 200, "targets": 200, "assignments": 200, "duties": 50, "reports": 20, "due": 24,
          "purposes": 50, "requirements": 50, "recipients": 100, "footnotes": 200, "implements": 50}
PERIOD_YEARS = 10  # most years from a plan's first to its last (2021-2030 is 9)


class Target(Record):
    """Chỉ tiêu: a measurable target of a plan."""

    id: Id = Field(description="Neo ổn định trong trang kế hoạch, ví dụ 'ct-1'.")
    text: Text
    quantity: ShortText | None = Field(None, description="Định lượng như nguồn ghi: '100%', 'trên 90%', '01-02 mô hình'.")
    deadline: ShortText | None = Field(None, description="Thời hạn như nguồn ghi: 'đến năm 2025', 'hằng năm'.")
    themes: list[Id] = Field(default_factory=list)
    campaigns: list[Id] = Field(default_factory=list)


class Task(Record):
    """Nhiệm vụ, giải pháp: one numbered task of part III with its full text."""

    id: Id = Field(description="Neo ổn định, ví dụ 'nv-1'.")
    number: ShortText = Field(description="Số mục như nguồn: '1', '2', '3.1'.")
    title: Text | None = None
    text: Text = Field(description="Toàn văn; đoạn cách nhau bằng dòng trống; dòng bắt đầu '- ' là gạch đầu dòng; "
                       "chú thích cuối trang ghi [^1].")
    themes: list[Id] = Field(min_length=1, description="Chủ đề của nhiệm vụ (ít nhất một).")
    cites: list[Id] = Field(default_factory=list, description="Văn bản được viện dẫn mà không nêu số trong câu chữ.")
    campaigns: list[Id] = Field(default_factory=list)


class Report(Record):
    """Chế độ báo cáo: one reporting duty with its deadlines."""

    text: Text = Field(description="Câu chữ trong nguồn.")
    period: ReportPeriod
    due: list[Due] = Field(default_factory=list, max_length=LIMITS["due"],
                           description="Hạn: 'MM-DD' (mỗi năm của kỳ kế hoạch) hoặc 'YYYY-MM-DD'.")
    to: Id | None = Field(None, description="Cơ quan nhận báo cáo.")
    via: Id | None = Field(None, description="Gửi qua cơ quan (ví dụ Sở Nội vụ).")


class Assignment(Record):
    """Tổ chức thực hiện: the duties given to one unit."""

    id: Id = Field(description="Neo ổn định, ví dụ 'th-1'.")
    number: ShortText | None = None
    unit: Id | None = Field(None, description="Mã cơ quan; để trống khi nguồn giao chung ('Các phòng, ban').")
    unit_text: ShortText = Field(description="Đơn vị như nguồn ghi.")
    duties: list[Text] = Field(min_length=1, max_length=LIMITS["duties"])
    reports: list[Report] = Field(default_factory=list, max_length=LIMITS["reports"])


class Signer(Record):
    """Khối chữ ký: 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / name'."""

    on_behalf: ShortText | None = Field(None, description="Sau 'TM.', ví dụ 'ỦY BAN NHÂN DÂN'.")
    deputy_for: ShortText | None = Field(None, description="Sau 'KT.', ví dụ 'CHỦ TỊCH'.")
    title: ShortText = Field(description="Chức vụ người ký, ví dụ 'PHÓ CHỦ TỊCH'.")
    name: ShortText | None = Field(None, description="Họ tên; để trống nếu bản nguồn không có.")


class Footnote(Record):
    number: int = Field(ge=1)
    text: Text


class Headings(Record):
    """Part headings as the source writes them (they differ between plans)."""

    aims: ShortText = "MỤC ĐÍCH, YÊU CẦU"
    targets: ShortText = "MỘT SỐ CHỈ TIÊU CỤ THỂ"
    tasks: ShortText = "NHIỆM VỤ VÀ GIẢI PHÁP"
    organisation: ShortText = "TỔ CHỨC THỰC HIỆN"


class Review(Record):
    """Điểm cần soát: a value `python -m macros import` guessed, and the source line it read it from."""

    field: ShortText = Field(description="Trường được đoán, ví dụ 'tasks[2].themes' hoặc 'issuer'.")
    line: int | None = Field(None, ge=1, description="Dòng của tệp nguồn trong data/sources/ mà giá trị được đọc ra.")
    note: ShortText = Field(description="Máy đã đoán gì, cần kiểm tra gì.")


class Correction(Record):
    """Đính chính số hiệu: the source cites a number with a typing mistake ('33/TT-TTg' for '33/CT-TTg').

    The source and the plan's text stay as written; the link goes to the record meant."""

    text: ShortText = Field(description="Số hiệu đúng như bản gốc ghi (kể cả chỗ sai), ví dụ '33/TT-TTg'.")
    target: Id = Field(description="Mã văn bản mà bản gốc muốn nói tới, ví dụ 'ct-33-2021-ttg'.")
    note: ShortText | None = Field(None, description="Vì sao biết là gõ nhầm.")


class Plan(Record):
    """Kế hoạch công tác dân vận chính quyền: the documents this site is about."""

    id: Id
    source: ShortText = Field(description="Tên tệp văn bản gốc trong data/sources/.")
    issuer: Id
    number: ShortText | None = Field(None, description="Số ký hiệu như nguồn ghi; bản dự thảo có thể chỉ có '/KH-UBND'.")
    place: ShortText | None = None
    date: PartialDate | None = Field(None, description="YYYY-MM-DD, hoặc chỉ YYYY khi bản nguồn chưa ghi ngày.")
    title: Text
    period: Period
    implements: list[Id] = Field(default_factory=list, max_length=LIMITS["implements"],
                                 description="Kế hoạch/văn bản cấp trên mà kế hoạch này thực hiện.")
    preamble: Text | None = Field(None, description="Đoạn mở đầu 'Thực hiện …' như nguồn ghi.")
    headings: Headings = Field(default_factory=Headings)
    purposes: list[Text] = Field(default_factory=list, max_length=LIMITS["purposes"])
    requirements: list[Text] = Field(default_factory=list, max_length=LIMITS["requirements"])
    targets: list[Target] = Field(default_factory=list, max_length=LIMITS["targets"])
    tasks: list[Task] = Field(min_length=1, max_length=LIMITS["tasks"])
    assignments: list[Assignment] = Field(default_factory=list, max_length=LIMITS["assignments"])
    closing: Text | None = None
    recipients: list[ShortText] = Field(default_factory=list, max_length=LIMITS["recipients"])
    signer: Signer | None = None
    footnotes: list[Footnote] = Field(default_factory=list, max_length=LIMITS["footnotes"])
    notes: Text | None = None
    problems: list[Text] = Field(default_factory=list, description="Nghi vấn/lỗi của bản nguồn, ghi lại nguyên trạng.")
    corrections: list[Correction] = Field(default_factory=list, description="Số hiệu bản gốc gõ nhầm và văn bản "
                                          "đúng mà nó chỉ tới: bản gốc giữ nguyên, liên kết đi đúng chỗ.")
    review: list[Review] = Field(default_factory=list, description="Những chỗ lệnh nhập (python -m macros import) "
                                 "đã đoán, kèm dòng trong tệp nguồn; soát xong mục nào thì xóa mục đó.")


# --- campaigns -----------------------------------------------------------------------------

CampaignKind = Literal["phong-trao-thi-dua", "cuoc-van-dong"]
ModelStatus = Literal["dang-ky", "cong-nhan"]


class CampaignModel(Record):
    """Mô hình: a registered or recognised model of an emulation campaign."""

    name: ShortText
    unit: Id | None = None
    unit_text: ShortText | None = None
    field: ShortText | None = Field(None, description="Lĩnh vực.")
    year: int | None = Field(None, ge=1945, le=2100)
    status: ModelStatus = "dang-ky"
    description: Text | None = None
    plan: Id | None = Field(None, description="Kế hoạch ghi nhận mô hình.")


class Campaign(Record):
    """Phong trào thi đua, cuộc vận động: such as 'Dân vận khéo'."""

    id: Id
    name: ShortText
    kind: CampaignKind
    aliases: list[ShortText] = Field(default_factory=list)
    description: Text | None = Field(None, description="Giới thiệu, rút từ nguồn.")
    bases: list[Id] = Field(default_factory=list, description="Văn bản làm căn cứ.")
    themes: list[Id] = Field(default_factory=list)
    models: list[CampaignModel] = Field(default_factory=list)
