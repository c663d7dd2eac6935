"""The report on a plan still running at the data's date: a row per target and per task to fill,
the plan's reporting deadlines and recipients, the signature block of the reporting body.
"""

from __future__ import annotations

import re

from ..data import model
from ..text.format import LABELS, due_vi
from .draftdoc import CHECKBOX, Draft, Para, blank_date, number_parts
from .shelf import Shelf
from .units import kind_of, org_header, own_name
from .words import doing, excerpt, one_line, plan_citation, recipient_key, signer_lines, title_words

REPORT_KINDS = ("quy", "6-thang", "9-thang", "nam")


def _code(plan: model.Plan) -> str:
    """'KH-UBND' from '13/KH-UBND'; 'KH-…' when the source has no number."""
    found = re.search(r"KH-[\wĐđ]+", plan.number or "")
    return found.group() if found else "KH-…"


def _place(b: Shelf, plan: model.Plan) -> str:
    return plan.place or b.ix.records.province_of(plan.id) or "[Địa danh]"


def _signer(b: Shelf, plan: model.Plan) -> tuple[str, ...]:
    """The plan's own signature block without the name; by the issuer's kind when it has none."""
    if plan.signer:
        lines = signer_lines(plan.signer)
        return (*(lines[:-1] if plan.signer.name else lines), "[Họ và tên]")
    org = b.data.organisations[plan.issuer]
    return (*kind_of(own_name(b.ix, org)).signer, "[Họ và tên]")


# --- the report --------------------------------------------------------------------------------


def report_draft(b: Shelf, plan: model.Plan) -> Draft:
    org = b.data.organisations[plan.issuer]
    parent, own = org_header(b.ix, org)
    year = min(max(b.as_of.year, plan.period.start), plan.period.end)
    periods = [k for k in REPORT_KINDS if any(r.period == k for a in plan.assignments for r in a.reports)]
    periods = periods or ["6-thang", "nam"]
    boxes = "    ".join(f"{CHECKBOX} {LABELS[k]}" for k in periods)
    body = [Para("body", f"Thực hiện {plan_citation(b.data, plan)} về {title_words(plan.title)}, {org.name} báo cáo "
                         f"kết quả thực hiện [kỳ báo cáo] năm {year} như sau:"),
            Para("body", f"Kỳ báo cáo: {boxes}"), *_deadlines(b, plan),
            Para("part", "KẾT QUẢ THỰC HIỆN CHỈ TIÊU"), *_target_rows(plan),
            Para("part", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ"), *_task_rows(plan),
            Para("part", "ĐÁNH GIÁ CHUNG"), Para("section", "1. Ưu điểm"), Para("body", "[…]"),
            Para("section", "2. Hạn chế, nguyên nhân"), Para("body", "[…]"),
            Para("part", "NHIỆM VỤ KỲ TỚI, ĐỀ XUẤT, KIẾN NGHỊ"), Para("body", "[…]")]
    return Draft(f"{plan.id}/bao-cao", f"Báo cáo kết quả thực hiện {b.title_of(plan.id)}", parent, own,
                 f"Số: …/{_code(plan).replace('KH-', 'BC-')}", blank_date(_place(b, plan), year), "BÁO CÁO",
                 f"Kết quả {doing(plan.title)} [kỳ báo cáo]",
                 tuple(number_parts(body)), _report_recipients(b, plan), _signer(b, plan))


def _deadlines(b: Shelf, plan: model.Plan) -> list[Para]:
    out = []
    for job in plan.assignments:
        for r in job.reports:
            due = "; ".join(due_vi(d) for d in r.due) or "theo quy định"
            to = b.ix.records.org_name(r.to) or "cấp trên"
            via = f" (qua {b.ix.records.org_name(r.via)})" if r.via else ""
            out.append(Para("hint", f"Hạn báo cáo {LABELS.get(r.period, r.period).lower()} kế hoạch giao "
                                    f"“{job.unit_text}”: {due}, gửi {to}{via}."))
    return out


def _target_rows(plan: model.Plan) -> list[Para]:
    if not plan.targets:
        return [Para("body", "Kế hoạch không đặt chỉ tiêu cụ thể.")]
    rows = [("STT", "Chỉ tiêu", "Kết quả đạt được", "Tỷ lệ", "Ghi chú")]
    for i, t in enumerate(plan.targets, 1):
        aim = one_line(t.text) + (f" ({t.quantity})" if t.quantity else "")
        rows.append((str(i), aim, "", "", ""))  # an empty cell of a grid is plainly a place to fill
    return [Para("table", rows=tuple(rows))]


def _task_rows(plan: model.Plan) -> list[Para]:
    rows = [("STT", "Nhiệm vụ", "Đã làm", "Kết quả", "Tồn tại")]
    for task in plan.tasks:
        rows.append((task.number, one_line(task.title) if task.title else excerpt(task.text, 160), "", "", ""))
    return [Para("table", rows=tuple(rows))]


def _report_recipients(b: Shelf, plan: model.Plan) -> tuple[str, ...]:
    """Where the report goes, modelled on the plan's own list: the bodies above and beside the issuer
    that the plan was sent to (not the units it assigns work to, nor its archive line), and the
    bodies the plan's reports go to or through."""
    above = [r for r in plan.recipients if not re.match(r"(Các|UBND các|Ủy ban nhân dân các|Trưởng các|Lưu)", r)]
    keys = {recipient_key(r) for r in above}
    named = [b.ix.records.org_name(x) for a in plan.assignments for r in a.reports for x in (r.to, r.via)
             if x and x != plan.issuer]
    extra = [f"{n} (b/c)" for n in dict.fromkeys(named) if n and not any(n.startswith(k) for k in keys)]
    return (*above, *extra, "Lưu: VT")
