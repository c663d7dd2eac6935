"""Drafting kit: the figures of the drafting guide and the downloadable templates, all from the index.

Pure code: a `SiteIndex` in, text or bytes out; nothing here reads files. A template is first built
as a `Draft` (header, title, body paragraphs, recipients, signature), then written three ways from
that one structure: Word (.docx), Markdown, and the preview on the "Mẫu" page (a Jinja template).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, partial
from importlib.metadata import version
from pathlib import Path
from typing import get_args


from . import buildcache, model
from .calendar import STAMP
from .index import CENTRAL, TIERS, SiteIndex
from .render import Renderer
from .text import LABELS, label, roman
from .validate import FOOTNOTE_REF

# --- presentation rules (Nghị định 30/2020/NĐ-CP, Phụ lục I); the .docx uses exactly these ---------

FONT = "Times New Roman"
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
SIZES = {"issuer": 13, "national": 12, "motto": 13, "number": 13, "place": 14, "title": 14, "body": 14,
         "hint": 13, "recipients_label": 12, "recipients": 11, "signer": 14}
INDENT_CM = 1.27
NATIONAL = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")

# (element, what the decree asks, what our templates use)
RULES = (
    ("Khổ giấy, lề", "A4; lề trên, lề dưới 20–25 mm; lề trái 30–35 mm; lề phải 15–20 mm",
     "A4; lề trên {top} mm, dưới {bottom} mm, trái {left} mm, phải {right} mm".format(**MARGINS_MM)),
    ("Phông chữ", "Times New Roman, bộ mã Unicode", FONT),
    ("Tên cơ quan ban hành", "chữ in hoa cỡ 12–13, góc trái; tên cơ quan chủ quản (nếu có) đứng, không đậm; "
     "tên cơ quan ban hành in đậm, có đường kẻ ngang bên dưới", f"cỡ {SIZES['issuer']}"),
    ("Quốc hiệu và Tiêu ngữ", f"“{NATIONAL[0]}” in hoa, đậm, cỡ 12–13; “{NATIONAL[1]}” in thường, đậm, "
     "cỡ 13–14, gạch chân; đặt góc phải", f"cỡ {SIZES['national']} và {SIZES['motto']}"),
    ("Số, ký hiệu", "“Số: …/KH-…” cỡ 13, dưới tên cơ quan ban hành", f"cỡ {SIZES['number']}"),
    ("Địa danh, ngày tháng", "in nghiêng cỡ 13–14, cùng dòng với số, ký hiệu; ngày dưới 10 và tháng 1, 2 "
     "ghi thêm số 0 đằng trước", f"cỡ {SIZES['place']}, nghiêng"),
    ("Tên loại và trích yếu", "“KẾ HOẠCH” in hoa, đậm, cỡ 13–14, căn giữa; trích yếu in đậm ngay dưới",
     f"cỡ {SIZES['title']}"),
    ("Nội dung", "cỡ 13–14, căn đều hai lề, lùi đầu dòng 1–1,27 cm; đề mục “I.” in hoa đậm, rồi “1.”, “a)”",
     f"cỡ {SIZES['body']}, lùi đầu dòng {INDENT_CM:.2f} cm".replace(".", ",")),
    ("Chữ ký", "“TM.” khi ký thay mặt tập thể lãnh đạo; “KT.” khi cấp phó ký thay người đứng đầu; "
     "chức vụ in hoa đậm; họ tên in đậm", f"cỡ {SIZES['signer']}"),
    ("Nơi nhận", "“Nơi nhận:” cỡ 12 đậm nghiêng; mỗi nơi nhận một dòng cỡ 11, bắt đầu bằng “- ”, kết thúc bằng “;”; "
     "dòng cuối “- Lưu: VT, …”", f"cỡ {SIZES['recipients_label']} và {SIZES['recipients']}"),
)

PARTS = ("aims", "targets", "tasks", "organisation")  # the four parts of a plan, in order
PART_NAMES = {"aims": "mục đích, yêu cầu", "targets": "chỉ tiêu", "tasks": "nhiệm vụ, giải pháp",
              "organisation": "tổ chức thực hiện"}
REPORT_PERIODS = ("quy", "6-thang", "9-thang", "nam")  # the periodic reports the report template covers
SAMPLE = 24  # most plans the guide and the templates learn from
MIN_SHARE = 0.5  # "common": found in at least half of the source plans
EXCERPT = 320  # longest quoted wording, in characters
FORM_CAMPAIGN = "dan-van-kheo"
CHECKBOX = "□"

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


# --- the structure every template is written from ---------------------------------------------------


@dataclass(frozen=True)
class Quote:
    """Wording taken from a source plan, credited to it (`source` is the plan's short title)."""

    text: str
    plan: str
    anchor: str | None
    source: str


@dataclass(frozen=True)
class Para:
    """One paragraph: `part` (I. …), `section` (1. …), `body`, `item` (- …) or `hint` (suggested wording)."""

    style: str
    text: str = ""
    quote: Quote | None = None


@dataclass(frozen=True)
class Draft:
    slug: str
    name: str
    parent: str
    issuer: str
    number: str
    place_date: str
    kind: str
    summary: str
    body: tuple[Para, ...]
    recipients: tuple[str, ...]
    signer: tuple[str, ...]


def hint_text(para: Para) -> str:
    """A hint as plain text: 'Gợi ý (source): “wording”'."""
    if not para.quote:
        return para.text
    return f"Gợi ý ({para.quote.source}): “{para.quote.text}”" + (f" {para.text}" if para.text else "")


def recipient_line(text: str, last: bool) -> str:
    return f"- {text}{'.' if last else ';'}"


# --- what the source plans have in common -----------------------------------------------------------


class Drafting:
    """Everything the guide states and the templates suggest, counted from one index."""

    national = NATIONAL
    rules = RULES
    form_campaign = FORM_CAMPAIGN

    def __init__(self, index: SiteIndex) -> None:
        self.ix = index
        self.data = index.data

    @cached_property
    def title_of(self):
        return Renderer(self.ix).title_of

    @staticmethod
    def excerpt(text: str, limit: int = 0) -> str:
        return excerpt(text, limit or EXCERPT)

    @cached_property
    def drafts(self) -> list[Draft]:
        """The three templates: plan, registration form, periodic report."""
        return [plan_draft(self), form_draft(self), report_draft(self)]

    @staticmethod
    def download(draft: Draft, ext: str) -> str:
        return download_path(draft, ext)

    @cached_property
    def plans(self) -> list[model.Plan]:
        """The plans the guide learns from: all of them, or the newest SAMPLE when there are more
        (a guide quoting 20 000 plans would be neither readable nor quick to build)."""
        if len(self.ix.sorted_plans) <= SAMPLE:
            return self.ix.sorted_plans
        newest = sorted(self.ix.sorted_plans, key=lambda p: (p.period.end, p.date or "", p.id), reverse=True)
        chosen = {p.id for p in newest[:SAMPLE]}
        return [p for p in self.ix.sorted_plans if p.id in chosen]

    @cached_property
    def total(self) -> int:
        return len(self.ix.sorted_plans)

    @cached_property
    def newest(self) -> list[model.Plan]:
        """Plans by period end, then date, newest first: the source of suggested wording."""
        return sorted(self.plans, key=lambda p: (p.period.end, p.date or "", p.id), reverse=True)

    @cached_property
    def quorum(self) -> int:
        return max(1, math.ceil(len(self.plans) * MIN_SHARE))

    def quote(self, text: str, plan: model.Plan, anchor: str | None) -> Quote:
        return Quote(excerpt(text), plan.id, anchor, self.title_of(plan.id))

    # structure

    @staticmethod
    def parts_of(plan: model.Plan) -> dict[str, str]:
        """The parts a plan has, each with its heading as the source writes it."""
        present = {"aims": bool(plan.purposes or plan.requirements), "targets": bool(plan.targets),
                   "tasks": True, "organisation": bool(plan.assignments)}
        return {part: getattr(plan.headings, part) for part in PARTS if present[part]}

    def structure(self) -> list[tuple[model.Plan, list[str | None]]]:
        """Per plan, the four parts numbered as the plan numbers them (None where it has no such part)."""
        rows = []
        for plan in self.plans:
            parts, cells = self.parts_of(plan), []
            for part in PARTS:
                cells.append(f"{roman(len([c for c in cells if c]) + 1)}. {parts[part]}" if part in parts else None)
            rows.append((plan, cells))
        return rows

    def complete(self) -> list[model.Plan]:
        return [p for p in self.plans if len(self.parts_of(p)) == len(PARTS)]

    def missing_parts(self) -> list[tuple[model.Plan, list[str]]]:
        rows = [(p, [PART_NAMES[x] for x in PARTS if x not in self.parts_of(p)]) for p in self.plans]
        return [(p, names) for p, names in rows if names]

    def newest_with(self, field: str) -> tuple[model.Plan, str] | None:
        """The newest plan that has `field` (preamble, purposes…), with its first value."""
        for plan in self.newest:
            value = getattr(plan, field)
            if value:
                return plan, value[0] if isinstance(value, list) else value
        return None

    def with_part(self, part: str) -> list[model.Plan]:
        return [p for p in self.plans if part in self.parts_of(p)]

    def heading(self, part: str) -> str:
        """The heading most plans use for a part (the model's default when there is a tie)."""
        default = getattr(model.Headings(), part)
        counts = Counter(getattr(p.headings, part) for p in self.with_part(part))
        return max(counts, key=lambda h: (counts[h], h == default), default=default)

    def heading_counts(self, part: str) -> list[tuple[str, int]]:
        counts = Counter(getattr(p.headings, part) for p in self.with_part(part))
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def opening_count(self, prefix: str, field: str) -> int:
        return sum(1 for p in self.plans if (getattr(p, field) or "").strip().startswith(prefix))

    def ending_count(self, suffix: str, field: str) -> int:
        return sum(1 for p in self.plans if (getattr(p, field) or "").strip().endswith(suffix))

    def count_range(self, field: str) -> tuple[int, int]:
        """Fewest and most items of a list field (purposes, tasks…) among the plans that have any."""
        sizes = [len(getattr(p, field)) for p in self.plans if getattr(p, field)]
        return (min(sizes), max(sizes)) if sizes else (0, 0)

    # bases

    def is_current(self, doc_id: str) -> bool:
        """Not ceased, not replaced and not past its period at the data's as_of day (macros/status.py)."""
        return self.ix.status(doc_id).state not in {"ceased", "period-ended"}

    def is_central(self, doc_id: str) -> bool:
        return self.ix.tier_of(doc_id) in CENTRAL

    @cached_property
    def cited_documents(self) -> list[tuple[str, int]]:
        """Documents the plans cite, with how many plans cite each; most cited first."""
        counts = {d: len(plans) for d, plans in self.ix.plans_citing.items() if d in self.data.documents}
        return sorted(counts.items(), key=lambda item: (-item[1], self._rank(item[0])))

    def _rank(self, doc_id: str) -> tuple:
        return (TIERS.index(self.ix.tier_of(doc_id)), self.data.documents[doc_id].date or "9999", doc_id)

    def central_bases(self) -> list[tuple[str, int]]:
        return [(d, n) for d, n in self.cited_documents if self.is_central(d) and n >= 2]

    @cached_property
    def common_bases(self) -> list[str]:
        """The bases the plan template fills in: current central documents cited by at least half the plans."""
        picked = [d for d, n in self.cited_documents if n >= self.quorum and self.is_central(d) and self.is_current(d)]
        return sorted(picked, key=self._rank)

    def provincial_bases(self) -> list[tuple[str, list[tuple[str, int]]]]:
        groups: dict[str, list[tuple[str, int]]] = {}
        for doc_id, n in self.cited_documents:
            province = self.ix.province_of(doc_id)
            if not self.is_central(doc_id) and province:
                groups.setdefault(province, []).append((doc_id, n))
        return sorted(groups.items())

    def unverified(self) -> list[str]:
        return [d for d in self.common_bases if self.ix.status(d).state == "unknown"]

    def citation(self, doc_id: str) -> str:
        """How a plan cites a document: 'Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về …'."""
        doc = self.data.documents[doc_id]
        kind, title = label(doc.type), doc.title or ""
        head = f"{kind} số {doc.number}" if doc.number else (title or kind)
        if doc.number and title.startswith(kind):
            head, title = f"{title} số {doc.number}", ""
        elif not doc.number:
            title = ""
        words = [head]
        if doc.date:
            words.append(("ngày " if len(doc.date) == 10 else "") + _date_plain(doc.date))
        if doc.issuer and doc.issuer in self.data.organisations:
            words.append(f"của {self.data.organisations[doc.issuer].name}")
        return " ".join(words + ([_lower_first(title)] if title else []))

    # targets and tasks

    def targets_by_theme(self) -> list[tuple[model.Theme, list[tuple[model.Plan, model.Target]]]]:
        """Every target once, under its first theme."""
        rows = [(t, [(p, x) for p in self.plans for x in p.targets if x.themes[:1] == [t.id]]) for t in self.themes]
        return [(t, items) for t, items in rows if items]

    @cached_property
    def themes(self) -> list[model.Theme]:
        return sorted(self.data.themes.values(), key=lambda t: (t.order, t.id))

    def quantities(self) -> list[tuple[str, int]]:
        """Quantities written in the targets ('100%', 'trên 90%'), most frequent first."""
        counts = Counter(q.strip() for p in self.plans for t in p.targets for q in (t.quantity or "").split(";")
                         if q.strip())
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def plans_with(self, theme_id: str, part: str) -> list[model.Plan]:
        return [p for p in self.plans if any(theme_id in x.themes for x in getattr(p, part))]

    def task_themes(self) -> list[tuple[model.Theme, list[tuple[model.Plan, model.Task]]]]:
        return [(t, list(self.ix.tasks_with_theme(t.id, self.plans))) for t in self.themes]

    def common_task_themes(self) -> list[model.Theme]:
        return [t for t in self.themes if len(self.plans_with(t.id, "tasks")) >= self.quorum]

    def common_target_themes(self) -> list[model.Theme]:
        return [t for t in self.themes if len(self.plans_with(t.id, "targets")) >= self.quorum]

    def pick(self, part: str, theme_id: str, used: set[str] = frozenset()) -> tuple[model.Plan, object] | None:
        """The newest item of a part carrying a theme, preferring items where it is the first theme."""
        candidates = [(p, x) for p in self.newest for x in getattr(p, part)
                      if theme_id in x.themes and f"{p.id}#{x.id}" not in used]
        first = [(p, x) for p, x in candidates if x.themes[0] == theme_id]
        return (first or candidates or [None])[0]

    def typical_targets(self) -> list[tuple[model.Theme, model.Plan, model.Target]]:
        used: set[str] = set()
        rows = []
        for theme in self.common_target_themes():
            found = self.pick("targets", theme.id, used)
            if found:
                used.add(f"{found[0].id}#{found[1].id}")
                rows.append((theme, *found))
        return rows

    # organisation, reports, signature, recipients

    def reports(self) -> list[tuple[model.Plan, model.Assignment, model.Report]]:
        return [(p, a, r) for p in self.plans for a in p.assignments for r in a.reports]

    def period_plans(self) -> list[tuple[str, list[model.Plan]]]:
        """Each reporting period with the plans that ask for it, in the order of the model."""
        periods = get_args(model.ReportPeriod)
        rows = [(k, [p for p in self.plans if any(r.period == k for a in p.assignments for r in a.reports)])
                for k in periods]
        return [(k, plans) for k, plans in rows if plans]

    def dated_reports(self) -> list[tuple[model.Plan, model.Assignment, model.Report]]:
        return [(p, a, r) for p, a, r in self.reports() if r.due]

    def undated_reports(self) -> list[tuple[model.Plan, model.Assignment, model.Report]]:
        return [(p, a, r) for p, a, r in self.reports() if not r.due]

    def newest_dated(self) -> tuple[model.Plan, model.Assignment, model.Report] | None:
        """The newest report duty with a date: the suggested wording for reporting deadlines."""
        return next(((p, a, r) for p in self.newest for a in p.assignments for r in a.reports if r.due), None)

    def via_orgs(self) -> list[tuple[str, int]]:
        counts = Counter(r.via for _, _, r in self.reports() if r.via)
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def signers(self) -> list[tuple[model.Plan, list[str]]]:
        return [(p, signer_lines(p.signer)) for p in self.plans if p.signer]

    @cached_property
    def model_signer(self) -> model.Signer | None:
        """The fullest signature block in the sources (TM. and KT. both present if any plan has them)."""
        signers = [p.signer for p in self.newest if p.signer]
        return max(signers, key=lambda s: (bool(s.on_behalf), bool(s.deputy_for)), default=None)

    def common_recipients(self) -> list[tuple[str, int]]:
        """Recipients (without notes such as '(b/c)') named by at least two plans."""
        counts = Counter(r for p in self.plans for r in dict.fromkeys(_recipient_key(x) for x in p.recipients))
        return sorted(((r, n) for r, n in counts.items() if n >= 2 and not r.startswith("Lưu")),
                      key=lambda item: (-item[1], item[0]))

    def archive_lines(self) -> list[tuple[model.Plan, str]]:
        return [(p, p.recipients[-1]) for p in self.plans if p.recipients and p.recipients[-1].startswith("Lưu")]

    def examples(self) -> dict[str, tuple[model.Plan, str]]:
        """Real header lines from the sources, for the presentation table of the guide."""
        out: dict[str, tuple[model.Plan, str]] = {}
        for plan in self.newest:
            if plan.number and plan.number[0].isdigit():
                out.setdefault("number", (plan, f"Số: {plan.number}"))
            if plan.place and plan.date and len(plan.date) == 10:
                out.setdefault("place", (plan, place_date(plan.place, plan.date)))
        return out

    def summary(self) -> str:
        """The plan title most sources use, with the year left blank."""
        counts = Counter(_title_key(p.title) for p in self.newest)  # ties: the newest plan's title wins
        return max(counts, key=counts.__getitem__)


# --- small text helpers ---------------------------------------------------------------------------------


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """First sentence(s) of a text, up to `limit` characters, cut at a word with '…'."""
    plain = re.sub(r"\s+", " ", FOOTNOTE_REF.sub("", text)).strip()
    plain = re.sub(r"^- ", "", plain)
    if len(plain) <= limit:
        return plain
    stop = plain.rfind(". ", 0, limit)
    if stop > limit // 2:
        return plain[: stop + 1]
    return plain[: plain.rfind(" ", 0, limit)].rstrip(",;:") + " …"


def place_date(place: str, date: str) -> str:
    """'Lai Châu, ngày 05 tháng 02 năm 2026': days under 10 and months 1–2 take a leading zero."""
    year, month, day = (int(x) for x in date.split("-"))
    month_text = f"{month:02d}" if month <= 2 else str(month)
    return f"{place}, ngày {day:02d} tháng {month_text} năm {year}"


def signer_lines(signer: model.Signer) -> list[str]:
    lines = [f"TM. {signer.on_behalf}"] if signer.on_behalf else []
    lines += [f"KT. {signer.deputy_for}"] if signer.deputy_for else []
    return lines + [signer.title] + ([signer.name] if signer.name else [])


def _date_plain(date: str) -> str:
    parts = date.split("-")
    return "/".join(reversed(parts)) if len(parts) > 1 else f"năm {date}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if len(text) > 1 and text[1].islower() else text


def _recipient_key(text: str) -> str:
    return re.sub(r"\s*\([^)]*\)\s*$", "", text).strip()


def _title_key(title: str) -> str:
    text = re.sub(r"\s+", " ", title).strip()
    text = text[:1] + text[1:].lower() if text.isupper() else text
    return re.sub(r"(năm|giai đoạn) \d{4}(\s*-\s*\d{4})?", "năm [20…]", text)


# --- the three templates ------------------------------------------------------------------------------

HEADER = {"parent": "[CƠ QUAN CẤP TRÊN]", "issuer": "[TÊN CƠ QUAN BAN HÀNH]",
          "place_date": "[Địa danh], ngày … tháng … năm [20…]"}


def plan_draft(k: Drafting) -> Draft:
    body = [*_preamble(k), *_aims(k), *_targets(k), *_tasks(k), *_organisation(k), *_closing(k)]
    recipients = [r for r, _ in k.common_recipients()] + ["[Cơ quan, đơn vị thực hiện]", "Lưu: VT, […]"]
    return Draft("ke-hoach-mau", "Kế hoạch công tác dân vận chính quyền", **HEADER, number="Số: …/KH-[…]",
                 kind="KẾ HOẠCH", summary=k.summary(), body=tuple(body), recipients=tuple(recipients),
                 signer=_signer(k))


def _signer(k: Drafting) -> tuple[str, ...]:
    """The fullest signature block of the sources, its words in brackets to be replaced."""
    s = k.model_signer or model.Signer(on_behalf="TẬP THỂ LÃNH ĐẠO", deputy_for="NGƯỜI ĐỨNG ĐẦU", title="CHỨC VỤ")
    lines = [f"TM. [{s.on_behalf}]"] if s.on_behalf else []
    lines += [f"KT. [{s.deputy_for}]"] if s.deputy_for else []
    return (*lines, f"[{s.title}]", "[Họ và tên]")


def _hint(k: Drafting, found, anchor: str | None = None) -> list[Para]:
    return [Para("hint", quote=k.quote(found[1], found[0], anchor))] if found else []


def _preamble(k: Drafting) -> list[Para]:
    bases = [Para("item", f"{k.citation(d)};") for d in k.common_bases]
    return [Para("body", "Thực hiện:"), *bases,
            Para("item", "[Văn bản, kế hoạch của cấp ủy, chính quyền cấp trên trực tiếp];"),
            Para("body", "[Tên cơ quan] xây dựng Kế hoạch thực hiện công tác dân vận chính quyền năm [20…] như sau:"),
            *_hint(k, k.newest_with("preamble"), "preamble")]


def _aims(k: Drafting) -> list[Para]:
    return [Para("part", f"I. {k.heading('aims')}"),
            Para("section", "1. Mục đích"), Para("body", "[Mục đích của kế hoạch]"),
            *_hint(k, k.newest_with("purposes"), "purposes"),
            Para("section", "2. Yêu cầu"), Para("body", "[Yêu cầu khi triển khai kế hoạch]"),
            *_hint(k, k.newest_with("requirements"), "requirements")]


def _targets(k: Drafting) -> list[Para]:
    out = [Para("part", f"II. {k.heading('targets')}")]
    for i, (theme, plan, target) in enumerate(k.typical_targets(), 1):
        out.append(Para("body", f"{i}. [{theme.name}: tỷ lệ, số lượng, thời hạn]"))
        amount = f"(định lượng: {target.quantity})" if target.quantity else ""
        out.append(Para("hint", amount, k.quote(target.text, plan, target.id)))
    return out


def _tasks(k: Drafting) -> list[Para]:
    out = [Para("part", f"III. {k.heading('tasks')}")]
    for i, theme in enumerate(k.common_task_themes(), 1):
        out += [Para("section", f"{i}. {theme.name}"), Para("body", "[Nhiệm vụ, giải pháp của cơ quan, đơn vị]")]
        found = k.pick("tasks", theme.id)
        out += _hint(k, (found[0], found[1].text), found[1].id) if found else []
    return out


def _organisation(k: Drafting) -> list[Para]:
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


def _closing(k: Drafting) -> list[Para]:
    return [Para("body", "Trên đây là Kế hoạch thực hiện công tác dân vận chính quyền năm [20…] của [tên cơ quan]; "
                         "[yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện]./."),
            *_hint(k, k.newest_with("closing"))]


def form_draft(k: Drafting) -> Draft:
    campaign = k.data.campaigns.get(FORM_CAMPAIGN)
    name = campaign.name if campaign else "Dân vận khéo"
    statuses = "    ".join(f"{CHECKBOX} {FORM_STATUS[s]}" for s in get_args(model.ModelStatus))
    body = [Para("body", f"Thực hiện [kế hoạch, hướng dẫn về phong trào thi đua “{name}”], [tên cơ quan, đơn vị] "
                         f"đăng ký xây dựng mô hình “{name}” như sau:")]
    for target_plan, target in (k.ix.campaign_targets(FORM_CAMPAIGN, k.plans) if campaign else [])[:2]:
        body.append(Para("hint", quote=k.quote(target.text, target_plan, target.id)))
    for i, (field, (title, placeholder)) in enumerate(FORM_FIELDS.items(), 1):
        body.append(Para("section", f"{i}. {title}:"))
        body.append(Para("body", statuses if field == "status" else placeholder))
    return Draft("dang-ky-mo-hinh-dan-van-kheo", f"Đăng ký mô hình “{name}”", **HEADER, number="",
                 kind="ĐĂNG KÝ", summary=f"Xây dựng mô hình “{name}” năm [20…]", body=tuple(body),
                 recipients=("[Cơ quan nhận đăng ký]", "Lưu: VT"), signer=("[THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ]", "[Họ và tên]"))


def report_draft(k: Drafting) -> Draft:
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




def download_path(draft: Draft, ext: str) -> str:
    """Where a template is published; Markdown gets '.md.txt' so mkdocs copies it instead of making a page."""
    return f"mau/{draft.slug}.{'md.txt' if ext == 'md' else ext}"


WORD_WRITER = Path(__file__).with_name("word.py")


def downloads(index: SiteIndex) -> Iterator[tuple[str, bytes]]:
    for draft in Drafting(index).drafts:
        key = f"{version('python-docx')} {STAMP} {draft!r}"
        yield download_path(draft, "docx"), buildcache.cached("docx", key, partial(_docx, draft), WORD_WRITER)
        yield download_path(draft, "md"), to_markdown(draft).encode("utf-8")


def _docx(draft: Draft) -> bytes:
    from .word import to_docx  # python-docx is imported only when a template's .docx is not cached

    return to_docx(draft)


# --- Markdown ------------------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")


def md_plain(text: str, strip: bool = True) -> str:
    """Data text → Markdown showing exactly that text (backslash escapes, readable in an editor)."""
    text = re.sub(r"\s+", " ", text)
    return _MD_SPECIAL.sub(r"\\\1", text.strip() if strip else text)


def to_markdown(d: Draft) -> str:
    """The same structure as the .docx: header table, title, parts, signature block, recipients."""
    left = "<br>".join(x for x in (d.parent, f"**{d.issuer}**") if x)
    right = f"**{NATIONAL[0]}**<br>**{NATIONAL[1]}**"
    lines = [f"| {left} | {right} |", "|:---:|:---:|", f"| {d.number} | *{d.place_date}* |", "",
             f"# {d.kind}", "", f"**{d.summary}**", ""]
    for para, after in zip(d.body, (*d.body[1:], None)):
        tight = para.style == "item" and after is not None and after.style == "item"
        lines += [_md_para(para)] + ([] if tight else [""])
    lines += [f"**{x}**  " for x in d.signer[:-1]] + ["", f"**{d.signer[-1]}**", "", "***Nơi nhận:***", ""]
    lines += [recipient_line(x, i == len(d.recipients) - 1) for i, x in enumerate(d.recipients)]
    return "\n".join(lines) + "\n"


def _md_para(para: Para) -> str:
    if para.style == "part":
        return f"## {para.text}"
    if para.style == "section":
        return f"### {para.text}"
    if para.style == "item":
        return f"- {_md_mixed(para.text)}"
    if para.style == "hint":
        return f"*{md_plain(hint_text(para))}*"
    return _md_mixed(para.text)


def _md_mixed(text: str) -> str:
    """Our own text with data inside: keep the bracketed placeholders, escape the rest."""
    return "".join(part if re.fullmatch(r"\[[^\]]*\]", part) else md_plain(part, strip=False)
                   for part in re.split(r"(\[[^\]]*\])", text))
