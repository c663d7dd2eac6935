"""The three generic templates of the "Mẫu" page: plan, "Dân vận khéo" registration form, periodic report.

Built from the guide's query (`Drafting`, passed in): the headings most plans use, the bases most
plans cite, suggested wording quoted from the newest plan that has it.
"""

from __future__ import annotations

from typing import Protocol, get_args

from ..data import model
from ..data.loader import Dataset
from ..knowledge.index import SiteIndex
from ..text.format import LABELS
from .draftdoc import CHECKBOX, Draft, Para, Quote

REPORT_PERIODS = ("quy", "6-thang", "9-thang", "nam")  # the periodic reports the report template covers
FORM_CAMPAIGN = "dan-van-kheo"

# The registration form asks for every field of `model.CampaignModel` (tests keep them in step).
FORM_FIELDS: dict[str, tuple[str, str]] = {
    "name": ("Tên mô hình", "[Tên ngắn gọn, nêu rõ việc làm của mô hình]"),
    "unit": ("Cơ quan, đơn vị thực hiện", "[Tên cơ quan, đơn vị, địa phương]"),
    "field": ("Lĩnh vực", "[Lĩnh vực của mô hình]"),
    "year": ("Năm", "[20…]"),
    "status": ("Hình thức", ""),
    "description": ("Nội dung, cách làm, kết quả dự kiến", "[Mô tả mô hình: vấn đề cần giải quyết, cách làm, "
                    "người tham gia, kết quả dự kiến và cách đánh giá]"),
    "plan": ("Thực hiện theo kế hoạch", "[Số, ngày, trích yếu kế hoạch công tác dân vận chính quyền của đơn vị]"),
}
FORM_FIELD_OF = {"unit_text": "unit"}  # model fields that share one line of the form
FORM_STATUS = {"dang-ky": "Đăng ký xây dựng mới", "cong-nhan": "Đề nghị công nhận"}  # model.ModelStatus


class Guide(Protocol):
    """What the templates read from the guide's query (`Drafting`, macros/drafting/guide.py)."""

    ix: SiteIndex
    data: Dataset

    @property
    def plans(self) -> list[model.Plan]: ...

    @property
    def newest(self) -> list[model.Plan]: ...

    @property
    def common_bases(self) -> list[str]: ...

    @property
    def model_signer(self) -> model.Signer | None: ...

    def quote(self, text: str, plan: model.Plan, anchor: str | None) -> Quote: ...

    def newest_with(self, field: str) -> tuple[model.Plan, str] | None: ...

    def heading(self, part: str) -> str: ...

    def citation(self, doc_id: str) -> str: ...

    def common_task_themes(self) -> list[model.Theme]: ...

    def pick(self, part: str, theme_id: str, used: set[str] = frozenset()) -> tuple[model.Plan, object] | None: ...

    def typical_targets(self) -> list[tuple[model.Theme, model.Plan, model.Target]]: ...

    def newest_dated(self) -> tuple[model.Plan, model.Assignment, model.Report] | None: ...

    def common_recipients(self) -> list[tuple[str, int]]: ...

    def summary(self) -> str: ...


def generic_drafts(k: Guide) -> list[Draft]:
    return [plan_draft(k), form_draft(k), report_draft(k)]


HEADER = {"parent": "[CƠ QUAN CẤP TRÊN]", "issuer": "[TÊN CƠ QUAN BAN HÀNH]",
          "place_date": "[Địa danh], ngày … tháng … năm [20…]"}


def plan_draft(k: Guide) -> Draft:
    body = [*_preamble(k), *_aims(k), *_targets(k), *_tasks(k), *_organisation(k), *_closing(k)]
    recipients = [r for r, _ in k.common_recipients()] + ["[Cơ quan, đơn vị thực hiện]", "Lưu: VT, […]"]
    return Draft("ke-hoach-mau", "Kế hoạch công tác dân vận chính quyền", **HEADER, number="Số: …/KH-[…]",
                 kind="KẾ HOẠCH", summary=k.summary(), body=tuple(body), recipients=tuple(recipients),
                 signer=_signer(k))


def _signer(k: Guide) -> tuple[str, ...]:
    """The fullest signature block of the sources, its words in brackets to be replaced."""
    s = k.model_signer or model.Signer(on_behalf="TẬP THỂ LÃNH ĐẠO", deputy_for="NGƯỜI ĐỨNG ĐẦU", title="CHỨC VỤ")
    lines = [f"TM. [{s.on_behalf}]"] if s.on_behalf else []
    lines += [f"KT. [{s.deputy_for}]"] if s.deputy_for else []
    return (*lines, f"[{s.title}]", "[Họ và tên]")


def _hint(k: Guide, found, anchor: str | None = None) -> list[Para]:
    return [Para("hint", quote=k.quote(found[1], found[0], anchor))] if found else []


def _preamble(k: Guide) -> list[Para]:
    bases = [Para("item", f"{k.citation(d)};") for d in k.common_bases]
    return [Para("body", "Thực hiện:"), *bases,
            Para("item", "[Văn bản, kế hoạch của cấp ủy, chính quyền cấp trên trực tiếp];"),
            Para("body", "[Tên cơ quan] xây dựng Kế hoạch thực hiện công tác dân vận chính quyền năm [20…] như sau:"),
            *_hint(k, k.newest_with("preamble"), "preamble")]


def _aims(k: Guide) -> list[Para]:
    return [Para("part", f"I. {k.heading('aims')}"),
            Para("section", "1. Mục đích"), Para("body", "[Mục đích của kế hoạch]"),
            *_hint(k, k.newest_with("purposes"), "purposes"),
            Para("section", "2. Yêu cầu"), Para("body", "[Yêu cầu khi triển khai kế hoạch]"),
            *_hint(k, k.newest_with("requirements"), "requirements")]


def _targets(k: Guide) -> list[Para]:
    out = [Para("part", f"II. {k.heading('targets')}")]
    for i, (theme, plan, target) in enumerate(k.typical_targets(), 1):
        out.append(Para("body", f"{i}. [{theme.name}: tỷ lệ, số lượng, thời hạn]"))
        amount = f"(định lượng: {target.quantity})" if target.quantity else ""
        out.append(Para("hint", amount, k.quote(target.text, plan, target.id)))
    return out


def _tasks(k: Guide) -> list[Para]:
    out = [Para("part", f"III. {k.heading('tasks')}")]
    for i, theme in enumerate(k.common_task_themes(), 1):
        out += [Para("section", f"{i}. {theme.name}"), Para("body", "[Nhiệm vụ, giải pháp của cơ quan, đơn vị]")]
        found = k.pick("tasks", theme.id)
        out += _hint(k, (found[0], found[1].text), found[1].id) if found else []
    return out


def _organisation(k: Guide) -> list[Para]:
    collective = next(((p, a) for p in k.newest for a in p.assignments if not a.unit), None)
    follow_up = next(((p, a) for p in k.newest for a in p.assignments if a.unit and a.reports), None)
    dated = k.newest_dated()
    out = [Para("part", f"IV. {k.heading('organisation')}"),
           Para("section", "1. [Các cơ quan, đơn vị thực hiện]"), Para("body", "[Nhiệm vụ được giao]")]
    out += _hint(k, (collective[0], collective[1].duties[0]), collective[1].id) if collective else []
    out += [Para("section", "2. [Đơn vị tham mưu theo dõi, đôn đốc, tổng hợp]"), Para("body", "[Nhiệm vụ được giao]")]
    out += _hint(k, (follow_up[0], follow_up[1].duties[-1]), follow_up[1].id) if follow_up else []
    out += [Para("section", "3. Chế độ báo cáo"),
            Para("body", "[Kỳ báo cáo], trước ngày [ngày/tháng], báo cáo [cơ quan nhận] qua [cơ quan tổng hợp]")]
    out += _hint(k, (dated[0], dated[2].text), dated[1].id) if dated else []
    return out


def _closing(k: Guide) -> list[Para]:
    return [Para("body", "Trên đây là Kế hoạch thực hiện công tác dân vận chính quyền năm [20…] của [tên cơ quan]; "
                         "[yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện]./."),
            *_hint(k, k.newest_with("closing"))]


def form_draft(k: Guide) -> Draft:
    campaign = k.data.campaigns.get(FORM_CAMPAIGN)
    name = campaign.name if campaign else "Dân vận khéo"
    statuses = "    ".join(f"{CHECKBOX} {FORM_STATUS[s]}" for s in get_args(model.ModelStatus))
    body = [Para("body", f"Thực hiện [kế hoạch, hướng dẫn về phong trào thi đua “{name}”], [tên cơ quan, đơn vị] "
                         f"đăng ký xây dựng mô hình “{name}” như sau:")]
    for target_plan, target in (k.ix.groups.campaign_targets(FORM_CAMPAIGN, k.plans) if campaign else [])[:2]:
        body.append(Para("hint", quote=k.quote(target.text, target_plan, target.id)))
    for i, (field, (title, placeholder)) in enumerate(FORM_FIELDS.items(), 1):
        body.append(Para("section", f"{i}. {title}:"))
        body.append(Para("body", statuses if field == "status" else placeholder))
    return Draft("dang-ky-mo-hinh-dan-van-kheo", f"Đăng ký mô hình “{name}”", **HEADER, number="Số: …/ĐK-[…]",
                 kind="ĐĂNG KÝ", summary=f"Xây dựng mô hình “{name}” năm [20…]", body=tuple(body),
                 recipients=("[Cơ quan nhận đăng ký]", "Lưu: VT"), signer=("[THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ]", "[Họ và tên]"))


def report_draft(k: Guide) -> Draft:
    """A generic periodic report: its headings follow parts II and III of the plan template."""
    periods = "    ".join(f"{CHECKBOX} {LABELS[p]}" for p in REPORT_PERIODS)
    body = [Para("body", "Thực hiện Kế hoạch số …/KH-[…] ngày … của [cơ quan] về thực hiện công tác dân vận "
                         "chính quyền năm [20…], [tên cơ quan] báo cáo kết quả thực hiện [kỳ báo cáo] như sau:"),
            Para("body", f"Kỳ báo cáo: {periods}")]
    dated = k.newest_dated()
    body += _hint(k, (dated[0], dated[2].text), dated[1].id) if dated else []
    body.append(Para("part", f"I. KẾT QUẢ THỰC HIỆN {k.heading('targets')}".upper()))
    for i, (theme, _, _) in enumerate(k.typical_targets(), 1):
        body.append(Para("body", f"{i}. [{theme.name}]: [chỉ tiêu đề ra] – [kết quả đạt được, tỷ lệ]"))
    body.append(Para("part", f"II. KẾT QUẢ THỰC HIỆN {k.heading('tasks')}".upper()))
    for i, theme in enumerate(k.common_task_themes(), 1):
        body += [Para("section", f"{i}. {theme.name}"), Para("body", "[Việc đã làm trong kỳ, số liệu, kết quả]")]
    body += [Para("part", "III. ĐÁNH GIÁ CHUNG"), Para("section", "1. Ưu điểm"), Para("body", "[…]"),
             Para("section", "2. Hạn chế, nguyên nhân"), Para("body", "[…]"),
             Para("part", "IV. NHIỆM VỤ KỲ TỚI, ĐỀ XUẤT, KIẾN NGHỊ"), Para("body", "[…]")]
    return Draft("bao-cao-ket-qua", "Báo cáo kết quả định kỳ", **HEADER, number="Số: …/BC-[…]", kind="BÁO CÁO",
                 summary="Kết quả thực hiện công tác dân vận chính quyền [kỳ báo cáo] năm [20…]", body=tuple(body),
                 recipients=("[Cơ quan nhận báo cáo] (b/c)", "Lưu: VT, […]"), signer=_signer(k))
