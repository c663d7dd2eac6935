""""Tổ chức thực hiện", the closing sentence and Nơi nhận of a year-ahead draft.

As unit plans write them: the unit's own sub-units, the office that follows up and compiles the
report, reporting "theo quy định" to the body above on the deadlines the plan above sets (the
unit's obligations), earlier internal deadlines as a suggestion to edit. No unit reports to or
through itself, and each reporting line is said once.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from ..data import model
from ..text.format import LABELS, day
from .carry import carried, pieces, year_note
from .draftdoc import Para, Quote
from .presence import ended_why, successor
from .units import GROUPS

if TYPE_CHECKING:
    from .desk import Desk

LEAD_DAYS = 5  # suggested: sub-units report this many days before the unit's own deadline
ARCHIVE = "Lưu: VT"


def organisation(desk: Desk) -> list[Para]:
    own = desk.sheet.own
    if own and own.assignments:
        out = [Para("part", own.headings.organisation)]
        kept, left = [], []
        for i, job in enumerate(own.assignments, 1):
            (left if _orphaned(desk, job) else kept).append((job, job.number or str(i)))
        for job, number in kept:
            out += _own_job(desk, own, job, number)
        return out + _left_out(desk, left, len(own.assignments)) + _reports(desk, len(kept) + 1) + _dropped(desk)
    roles = _roles(desk)
    return [Para("part", "TỔ CHỨC THỰC HIỆN"), *roles, *_reports(desk, sum(p.style == "section" for p in roles) + 1)]


def _own_job(desk: Desk, own: model.Plan, job: model.Assignment, number: str) -> list[Para]:
    """One item of the unit's own "Tổ chức thực hiện", as its plan writes it: one numbered paragraph
    when the duties run on from the unit's name ('1. Các phòng, ban, trung tâm triển khai …; làm tốt …'),
    else the unit's name and its duties as items ('2. Văn phòng Sở:' '- Tham mưu …')."""
    text = joined(job.duties)
    if text[:1].islower():
        text = f"{job.unit_text} {text}"
    note = year_note(text, desk.year)
    if text.startswith(job.unit_text) or job.unit_text in job.duties[0]:
        out = [carried(f"{number}. {text}", own, job.id, desk.title_of(own.id))]
    else:
        out = [Para("section", f"{number}. {job.unit_text}:")]
        out += [Para("duty", p, Quote(p, own.id, job.id, desk.title_of(own.id))) for d in job.duties for p in pieces(d)]
    return out + ([note] if note else []) + _gone(desk, job)


def _orphaned(desk: Desk, job: model.Assignment) -> bool:
    """An item of the source's "Tổ chức thực hiện" for a body that ended with no successor recorded: left out."""
    on = dt.date(desk.year, 1, 1)
    return job.unit in desk.ix.data.organisations and not desk.exists(job.unit) and not successor(desk.ix, job.unit, on)


def _left_out(desk: Desk, left: list, total: int) -> list[Para]:
    """The count of items left out and why, so nothing disappears without a word."""
    if not left:
        return []
    on = dt.date(desk.year, 1, 1)
    said = "; ".join(f"mục {number} giao {desk.ix.records.org_name(job.unit)} ({ended_why(desk.ix, job.unit, on)})"
                     for job, number in left)
    return [Para("hint", f"Không đưa vào {len(left)}/{total} mục tổ chức thực hiện của kế hoạch nguồn: giao cho cơ "
                         f"quan đã thôi tồn tại, chưa ghi nhận cơ quan kế thừa — {said}. Giao việc đó cho cơ quan "
                         f"đang đảm nhận nếu cần.")]


def _gone(desk: Desk, job: model.Assignment) -> list[Para]:
    """A note when the unit an item of the old plan names no longer exists in the draft's year."""
    on = dt.date(desk.year, 1, 1)
    if job.unit in desk.ix.data.organisations and not desk.exists(job.unit):
        heir = desk.ix.data.organisations.get(successor(desk.ix, job.unit, on) or "")
        instead = f"giao cho {heir.name}" if heir else "giao cho cơ quan kế thừa"
        return [Para("hint", f"{desk.ix.records.org_name(job.unit)} thôi tồn tại trước năm {desk.year} "
                             f"({ended_why(desk.ix, job.unit, on)}): {instead} hoặc bỏ mục này.")]
    for group in GROUPS:
        end = desk.ix.validity.level_end(group.level, on) if group.level else None
        if end and re.search(group.pattern, job.unit_text):
            return [Para("hint", f"{group.label[:1].upper()}{group.label[1:]} không còn từ "
                                 f"{day(end.date.full)}: bỏ phần giao cho cấp này.")]
    return []


def joined(duties: list[str]) -> str:
    """Duties split from one sentence joined back as the source wrote them: '; ' before a duty that
    goes on in lower case, a space before one that starts a new sentence."""
    out = ""
    for duty in duties:
        text = " ".join(duty.split())
        if out:
            out = out.rstrip(" .;") + "; " + text if text[:1].islower() else out + " " + text
        else:
            out = text
    return out


def subunits(desk: Desk) -> list[model.Organisation]:
    """The unit's own sub-units in the data that exist in the draft's year."""
    return [o for o in desk.ix.orgs.under(desk.org.id) if desk.exists(o.id)]


def compiler(desk: Desk) -> str:
    """The office that follows up and compiles: a sub-unit the data shows doing it, else the usual one."""
    subs = subunits(desk)
    named = [o for o in subs if re.match(r"(Văn phòng|Phòng Hành chính)", o.name)]
    if named:
        return named[0].short_name or re.split(r",", named[0].name)[0]
    return {"so": "Văn phòng Sở", "ubnd": "Sở Nội vụ"}.get(desk.sheet.kind.id, "[bộ phận tham mưu tổng hợp]")


def _roles(desk: Desk) -> list[Para]:
    sub = desk.sheet.kind.subunits
    names = ", ".join(re.split(r",", o.name)[0] for o in subunits(desk))
    who = f"{sub[:1].upper()}{sub[1:]}" + (f" ({names})" if names else "")
    return [Para("section", f"1. {who}"),
            Para("body", "Triển khai Kế hoạch này đến toàn thể công chức, viên chức, người lao động; thực hiện các "
                         "nhiệm vụ về công tác dân vận chính quyền gắn với nhiệm vụ chính trị được giao; đăng ký xây "
                         "dựng mô hình “Dân vận khéo”."),
            *_compiling(desk)]


def _compiling(desk: Desk) -> list[Para]:
    """The office that compiles; a phòng compiles its own report, so it names none."""
    if desk.sheet.kind.id == "phong":
        return []
    return [Para("section", f"2. {compiler(desk)}"),
            Para("body", f"Tham mưu theo dõi, đôn đốc việc triển khai, thực hiện Kế hoạch này; tổng hợp, báo cáo kết "
                         f"quả thực hiện công tác dân vận chính quyền của {desk.name} theo quy định.")]


def _reports(desk: Desk, number: int) -> list[Para]:
    """The unit's reporting lines from the plan above: one per body it reports to, never to itself."""
    lines: dict[tuple, list[model.Report]] = {}
    for job in desk.sheet.jobs:
        for r in job.reports:
            to = _now(desk, r.to or desk.sheet.parent.issuer)
            via = _now(desk, r.via)
            via = via if via not in (desk.org.id, to) else None
            if to and to != desk.org.id:
                lines.setdefault((to, via), []).append(r)
    if not lines:
        return []
    out = [Para("section", f"{number}. Chế độ báo cáo")]
    dated = []
    for (to, via), reports in lines.items():
        out.append(Para("body", _line(desk, to, via, reports)))
        dated += [d for r in reports for d in r.due]
    old = sorted({d for d in dated if not d.yearly and d.year < desk.year})
    if old:
        out.append(Para("hint", f"Hạn của kế hoạch cấp trên ghi cho năm đã qua ({', '.join(_day(d) for d in old)}): "
                                f"đặt theo kế hoạch năm {desk.year} của cấp trên."))
    yearly = sorted({d for d in dated if d.yearly})
    if yearly:
        early = ", ".join(_earlier(d) for d in yearly)
        out.append(Para("hint", f"Hạn nội bộ đề xuất, sửa được: {desk.sheet.kind.subunits} gửi báo cáo về "
                                f"{compiler(desk)} trước ngày {early}, trước hạn của cấp trên {LEAD_DAYS:02d} ngày."))
    return out


def _now(desk: Desk, org_id: str | None) -> str | None:
    """The body that receives a report in the draft's year: itself, or its successor then; None if neither."""
    if not org_id or desk.exists(org_id):
        return org_id
    return successor(desk.ix, org_id, dt.date(desk.year, 1, 1))


def _line(desk: Desk, to: str, via: str | None, reports: list[model.Report]) -> str:
    names = desk.ix.records.org_name
    dues: dict[str, list[str]] = {}
    for r in sorted(reports, key=lambda r: list(LABELS).index(r.period) if r.period in LABELS else 99):
        due = dues.setdefault(LABELS.get(r.period, r.period).lower(), [])
        due += [_day(d) for d in r.due if (d.yearly or d.year >= desk.year) and _day(d) not in due]
    kinds = [f"{label} (trước ngày {', '.join(due)})" if due else label for label, due in dues.items()]
    through = f" (qua {names(via)})" if via else ""
    parent = desk.sheet.parent
    basis = desk.title_of(parent.id) if parent.period.end >= desk.year and desk.exists(parent.issuer) else \
        f"kế hoạch năm {desk.year} của {names(to)}"  # the plan above ended, or its issuer did
    return f"{desk.name} báo cáo {names(to)}{through} kết quả thực hiện: {', '.join(kinds)}, theo {basis} và theo quy định."


def _day(due: model.Due) -> str:
    """'06-10' → '10/6'; '2025-06-20' → '20/6/2025' (as the sources write a day)."""
    return f"{due.day:02d}/{due.month}" + (f"/{due.year}" if due.year is not None else "")


def _earlier(due: model.Due) -> str:
    """A yearly deadline LEAD_DAYS earlier, written as `_day` writes it (counted in a leap year)."""
    day = due.on(2024) - dt.timedelta(days=LEAD_DAYS)
    return f"{day.day:02d}/{day.month}"


def _dropped(desk: Desk) -> list[Para]:
    gone = [r for r in desk.sheet.own.recipients if not _alive(desk, r) or not _recipient_now(desk, r.rstrip(" .;"))]
    if not gone:
        return []
    return [Para("hint", f"Bỏ khỏi Nơi nhận: {'; '.join(gone)} — không còn tồn tại vào năm {desk.year}.")]


def _recipient_now(desk: Desk, line: str) -> str | None:
    """A recipients line naming a body that has ended by the draft's year: its successor's name instead,
    or None (the line goes, said in `_dropped`) when none is recorded."""
    done = -1  # bodies are tried in data order; a new name put in the line is tried against those after it
    found = desk.ix.records.orgs_in(line)
    while found:
        place, org = found.pop(0)
        if place <= done:
            continue
        done = place
        names = [n for n in (org.name, org.short_name) if n and n in line and _named(n, line)]
        if names and not desk.exists(org.id):
            heir = successor(desk.ix, org.id, dt.date(desk.year, 1, 1))
            if not heir:
                return None
            line = re.sub(re.escape(names[0]) + r"(?!\w)", desk.ix.data.organisations[heir].name, line)
            found = desk.ix.records.orgs_in(line)
    return None if line in _self_names(desk) else line


def _named(name: str, line: str) -> bool:
    """The line names the body itself, not one whose name runs on ('Sở Nội vụ tỉnh C' in '… tỉnh Cà Mau')."""
    return bool(re.search(re.escape(name) + r"(?!\w)", line))


def _self_names(desk: Desk) -> set[str]:
    return {desk.org.name, *([desk.org.short_name] if desk.org.short_name else [])}


def _alive(desk: Desk, line: str) -> bool:
    """A recipients line of the source is kept unless it names a level or body ended by the draft's year."""
    on = dt.date(desk.year, 1, 1)
    for level, word in (("huyen", "huyện"), ("xa", "xã")):
        if word in line and desk.ix.validity.level_end(level, on):
            return False
    return True


def closing(desk: Desk, summary: str) -> list[Para]:
    own = desk.sheet.own
    if own and own.closing and not desk.sheet.heir_of:  # an ended body's closing names its own bodies
        p = own.period
        said = f"năm {p.start}" if p.start == p.end else f"giai đoạn {p.start}\\s*[-–]\\s*{p.end}"
        text = re.sub(said, f"năm {desk.year}", " ".join(own.closing.split()), count=1)
        return [Para("body", text)]
    sub = desk.sheet.kind.subunits
    return [Para("body", f"Trên đây là Kế hoạch {summary[:1].lower()}{summary[1:]} của {desk.name}, đề nghị {sub} "
                         "nghiêm túc triển khai, thực hiện./.")]


def recipients(desk: Desk) -> tuple[str, ...]:
    """Modelled on the unit plans in the sources: the body that compiles reports (b/c), the unit's
    leadership, its sub-units, the archive; never the unit itself nor a body that has ended."""
    own = desk.sheet.own
    if own and own.recipients:  # the list adds its own marks
        lines = [_recipient_now(desk, r.rstrip(" .;")) for r in own.recipients if _alive(desk, r)]
        return tuple(dict.fromkeys(x for x in lines if x))
    up = _up(desk)
    sub = desk.sheet.kind.subunits
    lines = [f"{up} (b/c)"] if up else []
    return (*lines, desk.sheet.kind.leaders, sub[:1].upper() + sub[1:], ARCHIVE)


def _up(desk: Desk) -> str | None:
    """Where reports go: the body the plan above sends them through (Sở Nội vụ), else the body above."""
    names = desk.ix.records.org_name
    via = next((r.via for j in desk.sheet.jobs for r in j.reports
                if r.via and r.via != desk.org.id and desk.exists(r.via)), None)  # the first: a body named in
    if via:  # many plans has jobs from each of them
        return re.sub(r" tỉnh .*$", "", names(via))
    above = desk.above
    if above and desk.exists(above.id):
        name = above.short_name or re.split(",", above.name)[0]
        return f"Lãnh đạo {name}" if above.level != "tinh" else name
    return None
