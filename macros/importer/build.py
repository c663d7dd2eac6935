"""Paragraphs → the plan record, its new organisations and its review notes.

The recognisers read; this module decides what the record says, in the model's field order,
and ties names to the data through the `Linker`. Nothing here writes a file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..data.model import Headings, Plan
from ..text.citations import number_key
from ..text.format import fold
from . import header
from .assignments import ORG_WORDS, assignments
from .foot import foot
from .layout import Outline, outline, strip_marker
from .linking import Linker, joined
from .stubs import stub
from .paragraphs import Paragraphs, split
from .parts import Notes, aims, targets, tasks
from .reading import ImportRefused, Source

GENERAL = re.compile(r"^(Các|Trưởng các|Thủ trưởng các|Lãnh đạo các|Toàn thể|Cán bộ)\b|,")


@dataclass
class Draft:
    """What one import produces before anything is written."""

    plan: dict
    organisations: list[dict]
    unresolved: list[tuple[str, int]] = field(default_factory=list)  # (citation, source line)
    skipped: list[str] = field(default_factory=list)
    cited: list[str] = field(default_factory=list)  # records the text cites, as the site will link them
    documents: list[dict] = field(default_factory=list)  # records read from citing sentences, to review


def draft(source: Source, kept_name: str, linker: Linker, plan_id: str | None = None) -> Draft:
    paras = split(source.lines, wrapped=False if source.path.suffix.lower() == ".docx" else None)
    shape = outline(paras.body, source.path.name)
    head = header.read_head(shape.header)
    review = Notes()
    for line, why in paras.guesses:
        review.add("paragraphs", line, why)
    full = " ".join(p.text for p in paras.body)
    linker.province = _province(head, full, linker, review)
    issuer = _issuer(shape, head, full, linker, review)
    plan: dict = {"id": "", "source": kept_name, "issuer": issuer}
    _head_fields(plan, head, shape, review)
    plan["id"] = plan_id or make_id(plan, linker)
    _refuse_taken_id(plan["id"], linker)
    preamble = "\n\n".join(p.text for p in shape.opening)
    if preamble:
        plan["preamble"] = preamble + "\n"
    skipped = _parts(plan, shape, linker, review)
    plan["closing"] = "\n\n".join(p.text for p in shape.closing) + "\n" if shape.closing else None
    plan["recipients"], plan["signer"] = foot(shape.foot, review)
    if not plan["signer"]:
        review.add("signer", None, "bản nguồn không có khối chữ ký (TM./KT., chức vụ, họ tên)")
    plan["footnotes"] = [{"number": n, "text": p.text} for n, p in paras.footnotes]
    for n, p in paras.footnotes:
        review.add(f"footnotes[{n - 1}]", p.line, "chú thích cuối trang tách khỏi thân văn bản: kiểm tra chỗ gắn [^n]")
    unresolved, cited, plan["corrections"] = _citations(paras, len(shape.header), linker, review, plan["id"])
    carried_out = "\n\n".join(p.text for p in shape.opening if not fold(p.text).startswith("can cu"))
    plan["implements"] = [t for t in linker.citations(carried_out)[0] if t != plan["id"]]  # "Căn cứ" is a basis, not a parent
    if plan["implements"]:
        review.add("implements", shape.opening[0].line, "lấy từ các văn bản viện dẫn ở đoạn mở đầu: kiểm tra "
                   "đúng là văn bản kế hoạch này thực hiện")
    plan["review"] = review.notes
    clean = {k: plan[k] for k in Plan.model_fields if plan.get(k) not in (None, [], {})}  # the model's order
    return Draft(clean, sorted(linker.new_orgs.values(), key=lambda o: o["id"]), unresolved, skipped, cited,
                 sorted(linker.new_docs.values(), key=lambda d: d["id"]))


def _province(head: header.Head, full: str, linker: Linker, review: Notes) -> str | None:
    for para in head.issuer_lines:
        match = re.search(r"\b(?:TỈNH|THÀNH PHỐ)\s+(.+)$", para.text)
        if match:
            return linker.known_province(match.group(1)) or match.group(1).title()
    known = linker.known_province(head.place)
    if known:
        return known
    named = linker.province_in(full)
    if named:
        review.add("issuer", None, f"tỉnh '{named}' đoán từ chữ 'tỉnh {named}' trong văn bản")
        return named
    if head.place:
        review.add("issuer", head.date_line, f"tỉnh '{head.place}' lấy theo địa danh; chưa có trong dữ liệu")
    return head.place


def _issuer(shape: Outline, head: header.Head, full: str, linker: Linker, review: Notes) -> str:
    name, parent = header.issuer_from_lines(head.issuer_lines)
    line = head.issuer_lines[-1].line if head.issuer_lines else None
    if name:
        name = header.proper_case(name, full)
    else:
        subject = header.issuer_from_opening(shape.opening)
        if subject is None:
            raise ImportRefused("không xác định được cơ quan ban hành: văn bản không có dòng tên cơ quan ở đầu "
                                "và câu mở đầu không nêu '… xây dựng/ban hành kế hoạch'; thêm dòng tên cơ quan rồi nhập lại")
        name, line = subject.text, subject.line
        review.add("issuer", line, f"cơ quan ban hành đoán từ câu mở đầu: '{name}'")
    found = linker.find_org(name)
    if found:
        return found
    org_id = linker.make_org(name, None, parent=linker.find_org(parent) if parent else None)
    review.add("issuer", line, f"cơ quan '{name}' chưa có trong dữ liệu: đã thêm '{org_id}' (kiểm tra tên, cấp, cơ quan cấp trên)")
    return org_id


def _head_fields(plan: dict, head: header.Head, shape: Outline, review: Notes) -> None:
    plan["number"] = head.number
    if not head.number or not re.match(r"^\d", head.number):
        review.add("number", head.number_line, "bản nguồn chưa có số" if head.number else "không thấy dòng 'Số:'")
    plan["place"] = head.place
    plan["date"] = head.date
    if not head.date or len(head.date) < 10:
        review.add("date", head.date_line, "bản nguồn chưa ghi đủ ngày tháng" if head.date
                   else "không thấy dòng địa danh, ngày tháng: ghi năm theo tên kế hoạch")
    if shape.title is None:
        raise ImportRefused("không thấy tên (trích yếu) kế hoạch dưới dòng 'KẾ HOẠCH'")
    plan["title"] = shape.title.text
    years = header.period(shape.title.text)
    if years is None:
        year = int((head.date or "0")[:4]) or None
        if year is None:
            raise ImportRefused("không xác định được năm của kế hoạch (tên kế hoạch và ngày ban hành đều không có năm)")
        years = (year, year)
        review.add("period", shape.title.line, "tên kế hoạch không nêu năm hay giai đoạn: lấy năm ban hành")
    plan["period"] = {"start": years[0], "end": years[1]}
    if not plan["date"] and years[0] == years[1]:
        plan["date"] = str(years[0])  # the year the title names: what a source without a date line tells


def make_id(plan: dict, linker: Linker) -> str:
    """The id an existing plan of the same source or number already has, else kh-<số>-<năm>-<cơ quan>."""
    for existing in linker.data.plans.values():
        same_number = plan["number"] and existing.number and re.match(r"^\d", plan["number"]) \
            and number_key(existing.number) == number_key(plan["number"]) and existing.issuer == plan["issuer"] \
            and (existing.date or "")[:4] == (plan.get("date") or "")[:4]  # numbers start again every year
        if existing.source == plan["source"] or same_number:
            return existing.id
    year = str(plan["period"]["start"]) if not plan.get("date") else plan["date"][:4]
    digits = re.match(r"^(\d+)/", plan.get("number") or "")
    parts = ["kh", digits.group(1), year, plan["issuer"]] if digits else ["kh", plan["issuer"], year]
    return "-".join(parts)


def _refuse_taken_id(plan_id: str, linker: Linker) -> None:
    """Ids are shared by every kind of record: a plan cannot take the id of a document already cited."""
    data = linker.data
    if any(plan_id in table for table in (data.documents, data.campaigns, data.themes, data.organisations, data.terms)):
        file, line = linker.data.where(plan_id)
        raise ImportRefused(f"mã '{plan_id}' đã là một bản ghi khác ({file}:{line}); nếu đó là chính văn bản này, "
                            "ghi trong dữ liệu như một văn bản được viện dẫn, hãy xóa hoặc đổi mã bản ghi đó rồi nhập lại")


def _parts(plan: dict, shape: Outline, linker: Linker, review: Notes) -> list[str]:
    headings, skipped = {}, []
    plan.update(purposes=[], requirements=[], targets=[], tasks=[], assignments=[])
    for part in shape.parts:
        words = fold(part.heading)
        if part.kind == "aims":
            purposes, requirements = _aims(part, words, review)
            plan["purposes"] += purposes
            plan["requirements"] += requirements
        elif part.kind == "targets":
            plan["targets"] += _linked(targets(part.paras, review), "targets", linker, review, required=False)
        elif part.kind == "tasks":
            plan["tasks"] += _linked(tasks(part.paras, review), "tasks", linker, review, required=True)
        elif part.kind == "organisation":
            jobs = assignments(part.paras, review)
            plan["notes"] = _requests(jobs, part.roman) or None
            plan["assignments"] += [_units(job, i, plan["issuer"], linker, review) for i, job in enumerate(jobs)]
        else:
            skipped.append(part.heading)
            review.add("headings", part.line, f"phần '{part.roman}. {part.heading}' chưa có chỗ trong mô hình: chưa nhập")
            continue
        key = {"aims": "aims", "targets": "targets", "tasks": "tasks", "organisation": "organisation"}[part.kind]
        if part.heading != getattr(Headings(), key) and key not in headings:
            headings[key] = part.heading
    if headings:
        plan["headings"] = headings
    return skipped


def _aims(part, words: str, review: Notes) -> tuple[list[str], list[str]]:
    if "muc dich" in words and "yeu cau" not in words:
        return [strip_marker(p.text) for p in part.paras], []
    if "yeu cau" in words and "muc dich" not in words:
        return [], [strip_marker(p.text) for p in part.paras]
    return aims(part.paras, review)


def _linked(entries: list[dict], kind: str, linker: Linker, review: Notes, required: bool) -> list[dict]:
    """Themes and campaigns for targets and tasks (tasks need at least one theme)."""
    for i, entry in enumerate(entries):
        words = f"{entry.get('title', '')} {entry.get('title', '')} {entry['text']}"
        themes, why = linker.themes(words)
        if not themes and required:
            themes = [next(iter(sorted(linker.data.themes.values(), key=lambda t: (t.order, t.id)))).id]
            why = f"không đoán được chủ đề: tạm ghi '{themes[0]}', cần chọn lại"
        if themes:
            entry["themes"] = themes
            review.add(f"{kind}[{i}].themes", entry.get("_line"), why)
        campaigns = linker.campaigns(words)
        if campaigns:
            entry["campaigns"] = campaigns
        entry.pop("_line", None)
    return entries


def _requests(jobs: list[dict], roman: str) -> str:
    """The model has no field for a request yet: the plan's notes say which items are requests, not orders."""
    asked = [j for j in jobs if j.get("request")]
    return " ".join(f"Mục {j['number']} phần {roman} là lời đề nghị (\"Đề nghị {j['unit_text']}\"), "
                    "không phải giao việc." for j in asked)


def _units(job: dict, i: int, issuer: str, linker: Linker, review: Notes) -> dict:
    where = f"assignments[{i}]"
    job.pop("request", None)
    text = job["unit_text"]
    unit = None
    if GENERAL.search(text):
        review.add(f"{where}.unit", job["_line"], "giao chung cho nhiều đơn vị: không gắn mã cơ quan")
    else:
        head = re.sub(r"^(?:Trưởng|Giám đốc|Thủ trưởng|Chánh|Lãnh đạo)\s+(?=[a-zđ])", "", text)  # the unit its head leads
        unit = linker.find_org(text) or (linker.find_org(head) if head != text else None)
        if unit is None:
            unit = linker.make_org(text, issuer)
            review.add(f"{where}.unit", job["_line"], f"đơn vị '{text}' chưa có trong dữ liệu: đã thêm '{unit}'")
    ordered = {"id": job["id"], "number": job["number"], "unit": unit, "unit_text": text, "duties": job["duties"]}
    reports = []
    for report in job.get("reports", []):
        entry = {"text": report["text"], "period": report["period"], "due": report.get("due")}
        for key in ("to", "via"):
            name = report.get(f"{key}_text")
            if name:
                entry[key] = linker.find_org(name) or (linker.make_org(name, issuer) if re.match(ORG_WORDS, name) else None)
        reports.append({k: v for k, v in entry.items() if v})
    if reports:
        ordered["reports"] = reports
    return {k: v for k, v in ordered.items() if v}


def _citations(paras: Paragraphs, skip: int, linker: Linker, review: Notes,
               plan_id: str) -> tuple[list[tuple[str, int]], list[str], list[dict]]:
    """Numbers cited in the text (after the header with the plan's own number): the records matched,
    in order of first mention, a record read from the sentence for a number the data lacks, and the
    numbers left unknown (no type word before them, or several records share them)."""
    missing: list[tuple[str, int]] = []
    cited: list[str] = []
    fixes: dict[str, dict] = {}
    for para in [*paras.body[skip:], *(p for _, p in paras.footnotes)]:
        for mention in linker.mentions(para.text):
            key = number_key(mention.text)
            meant = None if mention.target or mention.candidates else linker.mistyped(mention.text)
            if meant and key not in fixes:
                fixes[key] = {"text": mention.text, "target": meant, "note": f"số hiệu chỉ khác mã loại văn bản với {meant}"}
                review.add("corrections", para.line, f"'{mention.text}' không có trong dữ liệu, có lẽ bản gốc gõ nhầm số "
                           f"của '{meant}': đã ghi vào corrections (bản gốc giữ nguyên), kiểm tra")
            record = mention.target or (fixes[key]["target"] if key in fixes else None) or linker.new_docs.get(key) or (
                None if mention.candidates else stub(mention.text, joined(para.text), mention.start, linker, para.line,
                                                     plan_id))
            if isinstance(record, dict) and key not in linker.new_docs:
                linker.new_docs[key] = record
                review.add("citations", para.line, f"'{mention.text}' chưa có trong dữ liệu: đã tạo văn bản "
                           f"'{record['id']}' (data/documents/{record['id']}.yaml) từ câu trích dẫn, chờ soát")
            if record:
                cited.append(record if isinstance(record, str) else record["id"])
            elif (mention.text, para.line) not in missing:
                missing.append((mention.text, para.line))
                why = ("khớp nhiều văn bản: " + ", ".join(mention.candidates)) if mention.candidates else \
                    "không khớp văn bản nào, và câu không nêu loại văn bản trước số"
                review.add("citations", para.line, f"trích dẫn '{mention.text}' {why}")
    return missing, list(dict.fromkeys(cited)), list(fixes.values())
