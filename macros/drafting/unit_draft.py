"""A unit's own plan implementing the plan above it, built from that plan.

Header and signature of the unit's kind; the opening "Thực hiện Kế hoạch số … của …, [đơn vị]
xây dựng kế hoạch … như sau:"; aims taken over from the parent; the parent's targets that concern
the unit; the duties the parent gives it, word for word; the parent's tasks by theme; reporting
to the parent's deadlines, with earlier deadlines for the unit's own sub-units.
"""

from __future__ import annotations

import datetime as dt
import re

from ..data import model
from ..text.format import LABELS, due_vi
from .draftdoc import Draft, Para, blank_date, number_parts
from .shelf import Shelf
from .units import Assigned, duties_of, header_names, number_code
from .words import doing, one_line, period_words, plan_citation, title_words

LEAD_DAYS = 5  # sub-units report this many days before the unit's own deadline
GENERAL_WORDS = ("cơ quan", "đơn vị", "cán bộ", "công chức", "viên chức", "người lao động")
KIND_WORDS = {"ubnd": ("địa phương", "xã", "huyện", "ủy ban nhân dân", "cấp"), "so": ("sở", "ngành"),
              "van-phong": ("văn phòng",), "phong": ("phòng",), "trung-tam": ("trung tâm",)}


def unit_draft(b: Shelf, unit: Assigned) -> Draft:
    plan, on = unit.plan, b.on(unit.plan)
    parent_line, own = header_names(b.ix, unit)
    name = _sentence_name(unit)
    body = number_parts([*_opening(b, unit, name, on), *_aims(b, plan, name), *_targets(b, unit),
                         *_tasks(b, unit, name), *_organisation(b, unit, name, on), *_closing(plan, name)])
    place = _place(b, unit)
    return Draft(unit.slug, f"Kế hoạch của {name} thực hiện {b.title_of(plan.id)}", parent_line, own,
                 f"Số: …/KH-{number_code(b.ix, unit)}", blank_date(place, on.year), "KẾ HOẠCH",
                 _summary(plan), tuple(body), _recipients(b, unit), (*unit.kind.signer, "[Họ và tên]"))


def _sentence_name(unit: Assigned) -> str:
    if unit.org:
        return unit.org.name
    return unit.group.sentence if unit.group else "[Tên cơ quan, đơn vị]"


def _summary(plan: model.Plan) -> str:
    words = title_words(plan.title)
    return words[:1].upper() + words[1:]


def _place(b: Shelf, unit: Assigned) -> str:
    province = (unit.org.province if unit.org else None) or b.ix.province_of(unit.plan.id)
    return province or unit.plan.place or "[Địa danh]"


def _opening(b: Shelf, unit: Assigned, name: str, on: dt.date) -> list[Para]:
    plan = unit.plan
    others = [x for x in b.bases_of(plan) if x != plan.id]
    out = [Para("body", "Căn cứ:"), Para("item", f"{plan_citation(b.data, plan)};"), *b.bases(others, on)]
    out.append(Para("body", f"Thực hiện {plan_citation(b.data, plan)} về {title_words(plan.title)}, {name} "
                            f"xây dựng kế hoạch thực hiện như sau:"))
    if not unit.standing.ok or unit.standing.state == "unknown":
        out.append(Para("hint", f"Kiểm tra đơn vị còn tồn tại vào năm {on.year}: {unit.standing.why}."))
    if plan.period.end < on.year:
        period = period_words(plan.period.start, plan.period.end)
        out.append(Para("hint", f"Kế hoạch cấp trên là kế hoạch {period}, đã hết thời kỳ vào năm {on.year}: "
                                "khi cấp trên ban hành kế hoạch kỳ mới, thay số, ngày và trích yếu ở câu mở đầu."))
    return out


def _aims(b: Shelf, plan: model.Plan, name: str) -> list[Para]:
    out = [Para("part", plan.headings.aims), Para("section", "1. Mục đích"),
           Para("body", f"Triển khai thực hiện kịp thời, hiệu quả {plan_citation(b.data, plan)} tại {name}; "
                        f"xác định rõ nhiệm vụ, trách nhiệm của {name} và của từng bộ phận, cá nhân.")]
    out += [Para("body", one_line(x)) for x in plan.purposes]
    out += [Para("section", "2. Yêu cầu")] + [Para("body", one_line(x)) for x in plan.requirements]
    if plan.purposes or plan.requirements:
        out.append(Para("hint", "Mục đích, yêu cầu trên chép từ kế hoạch cấp trên (mục I): sửa lại cho phù hợp "
                                "với cơ quan, đơn vị mình (phạm vi, đối tượng)."))
    return out


def concerns(unit: Assigned, target: model.Target) -> bool:
    """A target concerns the unit when it names the unit's kind or every body and official."""
    text = target.text.lower()
    own = KIND_WORDS.get(unit.kind.id, ())
    return any(w in text for w in (*GENERAL_WORDS, *own))


def _targets(b: Shelf, unit: Assigned) -> list[Para]:
    plan = unit.plan
    chosen = [t for t in plan.targets if concerns(unit, t)]
    if not chosen:
        return []
    out = [Para("part", plan.headings.targets),
           Para("hint", f"Chỉ tiêu của kế hoạch cấp trên có liên quan tới {unit.name} ({len(chosen)}/"
                        f"{len(plan.targets)} chỉ tiêu), giữ nguyên định lượng; thêm chỉ tiêu riêng nếu có.")]
    for target in chosen:
        out.append(Para("duty", one_line(target.text), b.quote(target.text, plan, target.id)))
    return out


def _tasks(b: Shelf, unit: Assigned, name: str) -> list[Para]:
    plan = unit.plan
    out = [Para("part", plan.headings.tasks),
           Para("section", f"1. Nhiệm vụ kế hoạch cấp trên giao {name}")]
    for job in duties_of(b.ix, unit):
        out.append(Para("hint", f"Nguyên văn nhiệm vụ giao “{job.unit_text}” (mục {job.number or job.id} phần tổ "
                                "chức thực hiện của kế hoạch cấp trên)."))
        out += [Para("duty", one_line(d), b.quote(d, plan, job.id)) for d in job.duties]
    for i, (theme, tasks) in enumerate(_by_theme(b, plan), 2):
        out.append(Para("section", f"{i}. {theme}"))
        for task in tasks:
            out.append(Para("item", f"{task.title or task.text.split('.')[0]} (nhiệm vụ {task.number} của kế hoạch "
                                    "cấp trên): [việc cụ thể, thời gian, bộ phận thực hiện];"))
    return out


def _by_theme(b: Shelf, plan: model.Plan) -> list[tuple[str, list[model.Task]]]:
    """The parent's tasks under their first theme, themes in their site order."""
    groups: dict[str, list[model.Task]] = {}
    for task in plan.tasks:
        groups.setdefault(task.themes[0], []).append(task)
    themes = b.data.themes
    order = sorted(groups, key=lambda t: (themes[t].order, t) if t in themes else (999, t))
    return [(themes[t].name if t in themes else t, groups[t]) for t in order]


def _organisation(b: Shelf, unit: Assigned, name: str, on: dt.date) -> list[Para]:
    plan = unit.plan
    sub = unit.kind.subunits
    out = [Para("part", plan.headings.organisation),
           Para("section", f"1. {sub[:1].upper()}{sub[1:]}"),
           Para("body", f"Căn cứ Kế hoạch này, [nhiệm vụ của từng bộ phận, người phụ trách]."),
           Para("section", "2. Chế độ báo cáo")]
    reports = [r for job in duties_of(b.ix, unit) for r in job.reports]
    for report in reports:
        out.append(Para("body", _report_line(b, report, name, sub)))
    if not reports:
        out.append(Para("body", f"{name} báo cáo kết quả thực hiện theo yêu cầu của {_issuer(b, plan)}; {sub} "
                                f"báo cáo {name} trước hạn đó {LEAD_DAYS:02d} ngày."))
    out.append(Para("hint", f"Quy tắc hạn nội bộ: {sub} báo cáo {name} trước hạn của cấp trên {LEAD_DAYS:02d} ngày, "
                            "để kịp tổng hợp."))
    return out


def _issuer(b: Shelf, plan: model.Plan) -> str:
    return b.data.organisations[plan.issuer].name


def _report_line(b: Shelf, report: model.Report, name: str, sub: str) -> str:
    to = b.ix.org_name(report.to) or _issuer_text(report)
    via = f" (qua {b.ix.org_name(report.via)})" if report.via else ""
    period = LABELS.get(report.period, report.period)
    if not report.due:
        return f"Báo cáo {period.lower()}: {name} báo cáo {to}{via} theo quy định; {sub} báo cáo {name} trước " \
               f"hạn đó {LEAD_DAYS:02d} ngày."
    own = "; ".join(due_vi(d) for d in report.due)
    early = "; ".join(due_vi(_earlier(d)) for d in report.due)
    return (f"Báo cáo {period.lower()}: {name} báo cáo {to}{via} trước ngày {own}; {sub} báo cáo {name} "
            f"trước ngày {early}.")


def _issuer_text(report: model.Report) -> str:
    found = re.search(r"(?:về|gửi) ([^,;.]+)", report.text)
    return found.group(1).strip() if found else "cấp trên"


def _earlier(due: str) -> str:
    """A deadline LEAD_DAYS earlier, in the same form ('06-10' → '06-05'; '2025-06-20' → '2025-06-15');
    a yearly day is placed in a leap year, as the model checks it, so '02-29' is a day too."""
    full = dt.date.fromisoformat(due if len(due) == 10 else f"2024-{due}") - dt.timedelta(days=LEAD_DAYS)
    return full.isoformat() if len(due) == 10 else full.isoformat()[5:]


def _closing(plan: model.Plan, name: str) -> list[Para]:
    return [Para("body", f"Trên đây là Kế hoạch {doing(plan.title)} của {name}; [yêu cầu các bộ "
                         "phận, cá nhân nghiêm túc triển khai thực hiện]./.")]


def _recipients(b: Shelf, unit: Assigned) -> tuple[str, ...]:
    """Modelled on the parent's list: the bodies reports go to, then the unit's leaders and sub-units."""
    plan = unit.plan
    up = [plan.issuer] + [x for job in duties_of(b.ix, unit) for r in job.reports for x in (r.to, r.via) if x]
    names = [f"{b.ix.org_name(x)} (b/c)" for x in dict.fromkeys(up) if b.ix.org_name(x)]
    sub = unit.kind.subunits
    return (*names, unit.kind.leaders, sub[:1].upper() + sub[1:], "Lưu: VT, […]")
