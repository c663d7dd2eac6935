"""The opening, aims, targets and tasks of a year-ahead draft (ahead_draft.py assembles them).

From the unit's own plan everything is carried verbatim, in order, with a note where it names a
year gone by. From the plan above: the duties it gives the unit verbatim, then its tasks and
targets that concern the unit (ahead_pick.py), each carried and marked, the rest counted.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..data import model
from ..text.format import day
from . import ahead_pick
from .carry import carried, clean, pieces, year_note
from .draftdoc import Para, Quote
from .presence import usable
from .units import kind_of, own_name
from .words import title_words

if TYPE_CHECKING:
    from .desk import Desk

AIMS = "MỤC ĐÍCH, YÊU CẦU"


# --- opening ------------------------------------------------------------------------------------


def opening(desk: Desk, summary: str) -> list[Para]:
    """"Thực hiện Kế hoạch số … của …, [đơn vị] xây dựng Kế hoạch … như sau:" and where the draft comes from."""
    basis = _basis(desk)
    return [Para("body", f"Thực hiện {basis}, {desk.name} xây dựng Kế hoạch {title_words(summary)} như sau:"),
            Para("hint", _made_from(desk)), *_old_bases(desk), *_newer(desk)]


def _basis(desk: Desk) -> str:
    parent = desk.sheet.parent
    if parent and parent.period.start <= desk.year <= parent.period.end:
        return f"{desk.cite(parent)} về {title_words(parent.title)}"
    if desk.sheet.kind.id == "ubnd" and not parent:  # a People's Committee answers to several bodies' texts
        return f"[văn bản chỉ đạo của Trung ương, của tỉnh về công tác dân vận chính quyền năm {desk.year}]"
    return f"Kế hoạch số [số, ngày ban hành] của {_higher_name(desk)} về công tác dân vận chính quyền năm {desk.year}"


def _old_bases(desk: Desk) -> list[Para]:
    """What the unit's own plan implemented, each with whether it can still be cited in the draft's year."""
    own = desk.sheet.own
    if not own or not own.implements:
        return []
    on = dt.date(desk.year, 1, 1)
    said = []
    for record_id in own.implements:
        ok, note = usable(desk.ix, record_id, on)
        said.append(f"{desk.title_of(record_id)} ({'còn dùng được' if ok else 'không dùng làm căn cứ'}: {note})")
    return [Para("hint", f"Kế hoạch cũ thực hiện: {'; '.join(said)}.")]


def _higher(desk: Desk) -> str | None:
    """The body whose plan the unit's plan implements: the issuer of what its own plan implements,
    else the issuer of the plan above, else its parent; the successor when it has ended."""
    data, own = desk.ix.data, desk.sheet.own
    found = [data.documents[x].issuer for x in (own.implements if own else []) if x in data.documents]
    found += [data.plans[x].issuer for x in (own.implements if own else []) if x in data.plans]
    if desk.sheet.parent:
        found.append(desk.sheet.parent.issuer)
    found.append(desk.org.parent)
    return next((x for x in found if desk.exists(x)), None)


def _higher_name(desk: Desk) -> str:
    org = desk.ix.data.organisations.get(_higher(desk) or "")
    return (org.short_name or org.name) if org else "[cơ quan cấp trên]"


def _made_from(desk: Desk) -> str:
    s = desk.sheet
    if s.heir_of:
        return _inherited_from(desk)
    if s.own:
        return (f"Soạn từ {desk.title_of(s.own.id)}, kế hoạch gần nhất của {desk.org.name} trong dữ liệu: mục đích, "
                f"chỉ tiêu, nhiệm vụ và phần tổ chức thực hiện chép nguyên văn, đúng thứ tự; chỉ năm của dự thảo "
                f"({desk.year}), trích yếu và ngày tháng được đặt mới. Ghi {_what_above(desk)} vào câu mở đầu.")
    p = s.parent
    ended = (f" Kế hoạch đó thực hiện {_period(p)}, đã hết thời kỳ vào năm {desk.year}: kiểm tra kế hoạch mới của "
             f"{_higher_name(desk)} và ghi số, ngày vào câu mở đầu.") if p.period.end < desk.year else ""
    return (f"{desk.org.name} chưa có kế hoạch riêng trong dữ liệu. Soạn từ {desk.title_of(p.id)}, kế hoạch gần nhất "
            f"của cấp trên giao việc cho đơn vị: nhiệm vụ được giao chép nguyên văn; chỉ tiêu, nhiệm vụ có liên quan "
            f"chép toàn văn, đánh dấu để viết lại cho đơn vị. Mục đích, yêu cầu và phần tổ chức thực hiện soạn theo cách "
            f"các kế hoạch đơn vị trong dữ liệu viết: sửa cho sát đơn vị, ghi tên từng phòng và việc của mỗi nơi.{ended}")


def _inherited_from(desk: Desk) -> str:
    """Where a draft rolled forward from an ended body's plan comes from, and what to check first."""
    s = desk.sheet
    since = desk.ix.orgs.ending(s.heir_of)
    documents, plans = desk.ix.records.issued_by(desk.org.id)  # a table made once per build
    newer = [p for p in plans if p.id != s.own.id] + documents
    known = f" Trong dữ liệu: {'; '.join(desk.title_of(x.id) for x in sorted(newer, key=lambda x: x.id))}." \
        if newer else " Dữ liệu chưa có văn bản nào của cơ quan này."
    return (f"Soạn từ {desk.title_of(s.own.id)}, kế hoạch gần nhất trong dữ liệu của cơ quan mà {desk.org.name} "
            f"kế thừa: mục đích, chỉ tiêu, nhiệm vụ và phần tổ chức thực hiện chép nguyên văn, đúng thứ tự, giữ "
            f"nguyên năm, số, tên như nguồn; chỉ năm của dự thảo ({desk.year}), trích yếu, ngày tháng, cơ quan ở đầu "
            f"văn bản được đặt mới. Câu chép từ nguồn nói về tỉnh, cơ quan trước sắp xếp: sửa cho {desk.name}. Trước "
            f"khi trình ký, kiểm tra các kế hoạch, văn bản mới hơn của chính {desk.org.name}"
            f"{' (từ ' + day(since.date) + ')' if since else ''} về công tác dân vận chính quyền.{known}")


def _what_above(desk: Desk) -> str:
    if desk.sheet.kind.id == "ubnd":
        return f"các văn bản chỉ đạo năm {desk.year} của Trung ương, của tỉnh"
    return f"số, ngày kế hoạch năm {desk.year} của {_higher_name(desk)}"


def _period(plan: model.Plan) -> str:
    a, b = plan.period.start, plan.period.end
    return f"năm {a}" if a == b else f"giai đoạn {a} - {b}"


def _newer(desk: Desk) -> list[Para]:
    """Documents of the higher body about "dân vận" newer than the source plan: to check before signing."""
    higher, source = _higher(desk), desk.sheet.source
    known = set(source.implements)
    dates = [source.date or str(source.period.start)]
    dates += [desk.ix.data.documents[x].date or "" for x in known if x in desk.ix.data.documents]
    since = max(dates)
    documents, plans = desk.ix.records.issued_by(higher)  # the higher body's, from a table made once per build
    found = [d for d in documents if d.id not in known and "dân vận" in (d.title or "").lower() and (d.date or "") > since]
    found += [p for p in plans if p.id != source.id and p.id not in known and (p.date or str(p.period.start)) > since]
    if not found:
        return []
    names = "; ".join(desk.title_of(x.id) for x in sorted(found, key=lambda x: (x.date or "", x.id)))
    return [Para("hint", f"Văn bản mới hơn của cấp trên cần xem trước khi trình ký: {names}.")]


# --- aims ---------------------------------------------------------------------------------------


def aims(desk: Desk) -> list[Para]:
    own = desk.sheet.own
    if own:
        out = [Para("part", own.headings.aims)]
        for field in ("purposes", "requirements"):
            for value in getattr(own, field):
                out += _carry_all(desk, own, field, value)
        return out
    sub = desk.sheet.kind.subunits
    return [Para("part", AIMS),
            Para("body", f"1. Triển khai thực hiện kịp thời, hiệu quả công tác dân vận chính quyền năm {desk.year} tại "
                         f"{desk.name}; nâng cao nhận thức, trách nhiệm của lãnh đạo, công chức, viên chức, người lao "
                         "động về công tác dân vận; gắn công tác dân vận với thực hiện nhiệm vụ chính trị của cơ quan."),
            Para("body", f"2. Việc triển khai phải bám sát sự chỉ đạo của Trung ương, của tỉnh; xác định rõ trách "
                         f"nhiệm của người đứng đầu và của {sub}; bảo đảm thiết thực, hiệu quả.")]


def _carry_all(desk: Desk, plan: model.Plan, anchor: str, text: str, what: str = "Đoạn này") -> list[Para]:
    out = [carried(p, plan, anchor, desk.title_of(plan.id)) for p in pieces(text)]
    note = year_note(text, desk.year, what)
    return out + ([note] if note else [])


# --- targets ------------------------------------------------------------------------------------


def targets(desk: Desk) -> list[Para]:
    own, parent = desk.sheet.own, desk.sheet.parent
    if own:
        if not own.targets:
            return []
        out = [Para("part", own.headings.targets)]
        for t in own.targets:
            out += _carry_all(desk, own, t.id, t.text, "Chỉ tiêu")
        return out
    picked = ahead_pick.targets(parent)
    if kind_of(own_name(desk.ix, desk.ix.data.organisations[parent.issuer])).id != "ubnd":
        picked = ahead_pick.Picked(tuple(parent.targets), ())  # an office's own targets hold for its sub-units
    out = [Para("part", parent.headings.targets)]
    for t in picked.kept:
        out += _target(desk, parent, t)
    out += _model_target(desk, picked.kept)
    general = [t for t in picked.kept if not ahead_pick.rescope(clean(t.text), desk.sheet.kind.subunits)]
    said = ["Chỉ tiêu chung của kế hoạch cấp trên giữ nguyên câu chữ: đặt mức riêng của đơn vị nếu có."] * bool(general)
    said += [picked.left_summary("chỉ tiêu", len(parent.targets))] * bool(picked.left)
    return out + ([Para("hint", " ".join(said))] if said else [])


def _target(desk: Desk, plan: model.Plan, target: model.Target) -> list[Para]:
    text = clean(target.text)
    mine = ahead_pick.rescope(text, desk.sheet.kind.subunits)
    if mine:
        quote = Quote(text, plan.id, target.id, desk.title_of(plan.id))
        note = year_note(text, desk.year, "Chỉ tiêu")
        return [Para("body", mine), Para("hint", f"viết lại cho phạm vi của {desk.name}.", quote)] + (
            [note] if note else [])
    return _carry_all(desk, plan, target.id, target.text, "Chỉ tiêu")


def _model_target(desk: Desk, kept) -> list[Para]:
    """Every unit plan in the sources sets a number of "Dân vận khéo" models: one is quoted when none is kept."""
    if any("dan-van-kheo" in t.campaigns for t in kept):
        return []
    newest = desk.ix.groups.newest_unit_target("dan-van-kheo")
    if not newest:
        return []
    plan, target = newest
    return [Para("hint", "chỉ tiêu mô hình “Dân vận khéo” như các kế hoạch đơn vị thường đặt; thêm nếu phù hợp.",
                 Quote(clean(target.text), plan.id, target.id, desk.title_of(plan.id)))]


# --- tasks --------------------------------------------------------------------------------------


def tasks(desk: Desk) -> list[Para]:
    own = desk.sheet.own
    if own:
        out = [Para("part", own.headings.tasks),
               Para("hint", f"{len(own.tasks)} nhiệm vụ chép nguyên văn từ {desk.title_of(own.id)}, đúng thứ tự: "
                            f"sửa những câu nói về việc, sự kiện của năm cũ cho năm {desk.year}.")]
        for task in own.tasks:
            out += _task(desk, own, task, task.number)
        return out + _given(desk, len(own.tasks) + 1)
    return _parent_tasks(desk)


def _given(desk: Desk, number: int) -> list[Para]:
    """The duties the plan above gives a unit that has a plan of its own (after its own tasks)."""
    if not desk.sheet.parent:
        return []
    duties, left = ahead_duties(desk)
    head = Para("section", f"{number}. Nhiệm vụ {desk.title_of(desk.sheet.parent.id)} giao {desk.name}")
    return [head, *duties] + ([Para("hint", left)] if left else []) if duties else []


def _task(desk: Desk, plan: model.Plan, task: model.Task, number: str) -> list[Para]:
    head = clean(task.title) if task.title else ""
    out = [Para("section", f"{number}. {head}" if head else f"{number}.")]
    return out + _carry_all(desk, plan, task.id, task.text, "Nhiệm vụ này")


def _parent_tasks(desk: Desk) -> list[Para]:
    parent = desk.sheet.parent
    duties, left = ahead_duties(desk)
    picked = ahead_pick.tasks(parent)
    said = [f"Mục 1 chép nguyên văn nhiệm vụ kế hoạch cấp trên giao đơn vị.{' ' + left if left else ''}"]
    if picked.kept:
        said.append(f"Mục 2 – {len(picked.kept) + 1}: nhiệm vụ của kế hoạch cấp trên có liên quan tới đơn vị, toàn văn, "
                    "đúng thứ tự: viết lại thành việc của đơn vị (việc gì, ai làm, khi nào).")
    said += [picked.left_summary("nhiệm vụ", len(parent.tasks))] * bool(picked.left)
    out = [Para("part", parent.headings.tasks), Para("hint", " ".join(said)),
           Para("section", f"1. Nhiệm vụ {desk.title_of(parent.id)} giao {desk.name}"), *duties]
    for i, task in enumerate(picked.kept, 2):
        out += _task(desk, parent, task, str(i))
    return out


def ahead_duties(desk: Desk) -> tuple[list[Para], str]:
    """The duties the plan above gives the unit, verbatim, each once; a duty that is a reporting line
    moves to "Chế độ báo cáo" (said once there), and the count of those moved is returned."""
    seen, out, moved, mine, inherited = set(), [], 0, own_name(desk.ix, desk.org), []
    parent = desk.sheet.parent
    for job in desk.sheet.jobs:
        for duty in job.duties:
            text = clean(duty)
            if text in seen:
                continue
            seen.add(text)
            quote = Quote(text, parent.id, job.id, desk.title_of(parent.id))
            if _is_report(text, job.reports):
                moved += 1
            elif job.unit and job.unit != desk.org.id and job.unit in desk.ix.data.organisations:
                out.append(Para("duty", text, quote))  # given by name to the body this one took over
                if job.id not in inherited:
                    inherited.append(job.id)
                    out.insert(len(out) - 1, Para("hint", f"Nhiệm vụ kế hoạch cấp trên giao "
                                                          f"{desk.ix.records.org_name(job.unit)} (mục {job.number or job.id}), "
                                                          f"nay {desk.name} kế thừa:"))
            elif job.unit != desk.org.id and mine in text:  # a duty for a group that names the unit itself
                out.append(Para("hint", f"ý giao chung cho “{job.unit_text}” có nhắc chính {mine}: viết lại trước khi "
                                        "đưa vào.", quote))
            else:
                out.append(Para("duty", text, quote))
    note = f"{moved} ý về báo cáo của các nhiệm vụ trên được ghi một lần ở mục Chế độ báo cáo." if moved else ""
    return out, note


def _is_report(duty: str, reports) -> bool:
    """A duty that is a reporting line (said once in "Chế độ báo cáo"): four fifths of its words are
    the words of the reports the source reads in it; a duty that only ends with one keeps its work."""
    words = clean(duty).lower().split()
    said = {w for r in reports for w in clean(r.text).lower().split()}
    return bool(words) and sum(w in said for w in words) * 5 >= len(words) * 4
