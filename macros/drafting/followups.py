"""What follows a plan: the same issuer's plan for the next period, and its report on the plan.

Next period: years and deadlines rolled forward, bases as they stand on the new period's first
day, tasks tied to a programme or campaign that has ended flagged, targets carried with the figure
and year they had. Report: a row per target and per task to fill, the plan's reporting deadlines
and recipients, the signature block of the reporting unit.
"""

from __future__ import annotations

import datetime as dt
import re

from ..data import model
from ..text.format import LABELS, due_vi
from .draftdoc import CHECKBOX, Draft, Para, blank_date, number_parts
from .shelf import Shelf
from .units import kind_of, org_header, own_name
from .words import (doing, excerpt, one_line, period_words, plan_citation, recipient_key, signer_lines,
                    title_words)

REPORT_KINDS = ("quy", "6-thang", "9-thang", "nam")
CITED_NUMBER = re.compile(r"\d+[/-][A-ZĐ]")  # a document number: '64-KH/UBND', '33/CT-TTg'
ENDED = ("ceased", "period-ended")


# --- next period ------------------------------------------------------------------------------


def next_year_draft(b: Shelf, plan: model.Plan) -> Draft:
    shift = plan.period.end - plan.period.start + 1
    start = plan.period.start + shift
    on = dt.date(start, 1, 1)
    roll = _roller(plan, shift)
    org, notes = _issuer_on(b, plan, on)
    parent, own = org_header(b.ix, org) if org else ("[CƠ QUAN CẤP TRÊN]", "[TÊN CƠ QUAN BAN HÀNH]")
    name = org.name if org else "[Tên cơ quan]"
    period = period_words(start, plan.period.end + shift)
    body = [*notes, Para("body", "Căn cứ:"),
            Para("item", f"[Kế hoạch, văn bản của cấp trên về công tác dân vận chính quyền {period}];"),
            *b.bases(b.bases_of(plan), on),
            Para("body", f"Thực hiện [kế hoạch, văn bản của cấp trên về công tác dân vận chính quyền {period}], "
                         f"{name} xây dựng Kế hoạch thực hiện công tác dân vận chính quyền {period} như sau:"),
            Para("hint", f"Các năm của kỳ kế hoạch trước ({period_words(plan.period.start, plan.period.end)}) đã "
                         f"được đổi sang kỳ mới ({period}) ở trích yếu, câu “năm …”, “giai đoạn …” và các hạn báo "
                         "cáo; số, ngày của văn bản được viện dẫn giữ nguyên. Kiểm tra lại từng câu."),
            *_aims(plan, roll), *_ended(b, plan, ("purposes", "requirements"), "Mục đích, yêu cầu", on),
            *_targets(b, plan, roll), *_tasks(b, plan, roll, on),
            *_assignments(b, plan, roll, on)]
    if plan.closing:
        body.append(Para("body", roll(one_line(plan.closing))))
    return Draft(f"{plan.id}/nam-sau", f"Kế hoạch {period} tiếp theo {b.title_of(plan.id)}", parent, own,
                 f"Số: …/{_code(plan)}", blank_date(_place(b, plan), start), "KẾ HOẠCH", _sentence(roll(plan.title)),
                 tuple(number_parts(body)), tuple(plan.recipients) or ("Lưu: VT, […]",), _signer(b, plan))


def _issuer_on(b: Shelf, plan: model.Plan, on: dt.date) -> tuple[model.Organisation | None, list[Para]]:
    """The body that issues the next plan: the same one, or its successor when it no longer exists."""
    state = b.standing(plan.issuer, on)
    org = b.data.organisations[plan.issuer]
    if state.ok:
        return org, []
    successor = b.data.organisations.get(state.successor or "")
    note = Para("hint", f"{org.name} {state.why}: kế hoạch kỳ mới do "
                        f"{successor.name if successor else '[cơ quan kế tục]'} ban hành.")
    return successor, [note]


def _roller(plan: model.Plan, shift: int):
    """Text with the plan's years moved on by `shift`: in 'năm 2025', 'giai đoạn 2022 - 2026' and
    deadlines ('trước ngày 20 tháng 3/2025'); a cited document's date ('ngày 26/01/2026') stays."""
    years = set(range(plan.period.start, plan.period.end + 1))

    def move(match: re.Match) -> str:
        clause = re.split(r"[.;:]", match.string[: match.start()])[-1]
        cited = list(CITED_NUMBER.finditer(clause))
        if cited and re.search(r"\bvề\b", clause[cited[-1].end():]):  # '… số 64-KH/UBND ngày … về … năm 2025':
            return match.group()  # the year is part of a cited document's title, kept
        return re.sub(r"\d{4}", lambda y: str(int(y.group()) + shift) if int(y.group()) in years else y.group(),
                      match.group())

    pattern = re.compile(r"(?:năm|giai đoạn|GIAI ĐOẠN|NĂM)\s+\d{4}(?:\s*[-–]\s*\d{4})?|trước ngày[^.;()]*?\d{4}")
    return lambda text: pattern.sub(move, text)


def _sentence(title: str) -> str:
    words = title_words(title)
    return words[:1].upper() + words[1:]


def _aims(plan: model.Plan, roll) -> list[Para]:
    if not (plan.purposes or plan.requirements):
        return []
    out = [Para("part", plan.headings.aims), Para("section", "1. Mục đích")]
    out += [Para("body", roll(one_line(x))) for x in plan.purposes]
    out += [Para("section", "2. Yêu cầu")] + [Para("body", roll(one_line(x))) for x in plan.requirements]
    return out


def _targets(b: Shelf, plan: model.Plan, roll) -> list[Para]:
    if not plan.targets:
        return []
    was = period_words(plan.period.start, plan.period.end)
    out = [Para("part", plan.headings.targets),
           Para("hint", f"Chỉ tiêu mang sang từ kế hoạch {was}, kèm định lượng đã đặt {was}; điền kết quả đạt được "
                        "của kỳ trước (xem báo cáo) rồi đặt mức mới.")]
    for i, target in enumerate(plan.targets, 1):
        figure = target.quantity or "không ghi định lượng"
        out.append(Para("body", f"{i}. {roll(one_line(target.text))}"))
        out.append(Para("hint", f"Chỉ tiêu {was}: {figure} ({b.title_of(plan.id)}); kết quả đạt được: […]."))
    return out


def _tasks(b: Shelf, plan: model.Plan, roll, on: dt.date) -> list[Para]:
    out = [Para("part", plan.headings.tasks)]
    for task in plan.tasks:
        out.append(Para("section", f"{task.number}. {roll(one_line(task.title))}" if task.title else f"{task.number}."))
        for para in re.split(r"\n\s*\n", task.text.strip()):
            out.append(Para("body", roll(one_line(para.replace("\n- ", " - ")))))
        out += _ended_links(b, plan, task, on)
    return out


def _ended_links(b: Shelf, plan: model.Plan, task: model.Task, on: dt.date) -> list[Para]:
    return _ended(b, plan, (task.id,), f"Nhiệm vụ {task.number}", on, task.campaigns)


def _ended(b: Shelf, plan: model.Plan, anchors: tuple[str, ...], what: str, on: dt.date,
           extra: list[str] = ()) -> list[Para]:
    """A flag for each programme, plan or campaign a part of the plan is tied to that has ended by `on`."""
    out = []
    tied = dict.fromkeys([x for anchor in anchors for x in b.ix.cites(plan.id, anchor)] + list(extra))
    for record_id in tied:
        state = b.standing(record_id, on)
        if state.state in ENDED:
            out.append(Para("hint", f"{what} gắn với {b.title_of(record_id)}, không còn hiệu lực vào năm {on.year}: "
                                    f"{state.why}. Xem lại: bỏ, hoặc gắn với văn bản kế tiếp."))
    return out


def _assignments(b: Shelf, plan: model.Plan, roll, on: dt.date) -> list[Para]:
    if not plan.assignments:
        return []
    gone = {u.assignment.id: u.reason for u in b.units(plan.id) if u.reason}
    out = [Para("part", plan.headings.organisation)]
    for i, job in enumerate(plan.assignments, 1):
        out.append(Para("section", f"{job.number or i}. {job.unit_text}"))
        if job.id in gone:
            out.append(Para("hint", f"{gone[job.id]}: giao nhiệm vụ này cho đơn vị kế tục hoặc bỏ đi."))
        out += [Para("item", roll(one_line(d)).rstrip(" .;") + ";") for d in job.duties]
    return out


def _code(plan: model.Plan) -> str:
    """'KH-UBND' from '13/KH-UBND'; 'KH-…' when the source has no number."""
    found = re.search(r"KH-[\wĐđ]+", plan.number or "")
    return found.group() if found else "KH-…"


def _place(b: Shelf, plan: model.Plan) -> str:
    return plan.place or b.ix.province_of(plan.id) or "[Địa danh]"


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
            to = b.ix.org_name(r.to) or "cấp trên"
            via = f" (qua {b.ix.org_name(r.via)})" if r.via else ""
            out.append(Para("hint", f"Hạn báo cáo {LABELS.get(r.period, r.period).lower()} kế hoạch giao "
                                    f"“{job.unit_text}”: {due}, gửi {to}{via}."))
    return out


def _target_rows(plan: model.Plan) -> list[Para]:
    if not plan.targets:
        return [Para("body", "Kế hoạch không đặt chỉ tiêu cụ thể.")]
    rows = [("STT", "Chỉ tiêu", "Kết quả đạt được", "Tỷ lệ", "Ghi chú")]
    for i, t in enumerate(plan.targets, 1):
        aim = one_line(t.text) + (f" ({t.quantity})" if t.quantity else "")
        rows.append((str(i), aim, "[…]", "[…]", ""))
    return [Para("table", rows=tuple(rows))]


def _task_rows(plan: model.Plan) -> list[Para]:
    rows = [("STT", "Nhiệm vụ", "Đã làm", "Kết quả", "Tồn tại")]
    for task in plan.tasks:
        rows.append((task.number, one_line(task.title) if task.title else excerpt(task.text, 160), "[…]", "[…]", "[…]"))
    return [Para("table", rows=tuple(rows))]


def _report_recipients(b: Shelf, plan: model.Plan) -> tuple[str, ...]:
    """Where the report goes, modelled on the plan's own list: the bodies above and beside the issuer
    that the plan was sent to (not the units it assigns work to, nor its archive line), and the
    bodies the plan's reports go to or through."""
    above = [r for r in plan.recipients if not re.match(r"(Các|UBND các|Ủy ban nhân dân các|Trưởng các|Lưu)", r)]
    keys = {recipient_key(r) for r in above}
    named = [b.ix.org_name(x) for a in plan.assignments for r in a.reports for x in (r.to, r.via)
             if x and x != plan.issuer]
    extra = [f"{n} (b/c)" for n in dict.fromkeys(named) if n and not any(n.startswith(k) for k in keys)]
    return (*above, *extra, "Lưu: VT, […]")
