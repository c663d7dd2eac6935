"""Small marks set beside data on pages, never inside it: what a reader needs to weigh a value.

A basis that has ceased or whose period ended (macros/knowledge/status.py), a unit that no longer exists,
a fact that was added or derived rather than read in a source (macros/knowledge/provenance.py), a doubtful
date; and how lists name a document (issuer and date, never the bare number). The quoted text
of a plan is never changed: a mark stands beside the citation.
"""

from __future__ import annotations

import datetime as dt
import re

from markupsafe import Markup, escape

from ..text.format import date_vi, day, md_escape
from .status import Status

FLAGGED = {"ceased", "period-ended"}


def flag_text(status: Status) -> str | None:
    """'đã hết hiệu lực từ 01/07/2023' for a flagged status, None for one still citable or unknown."""
    if status.state not in FLAGGED:
        return None
    if status.state == "ceased":
        return "đã hết hiệu lực" + (f" từ {day(status.since)}" if status.since else "")
    ended = f", kỳ kết thúc {day(status.since - dt.timedelta(days=1))}" if status.since else ""
    return "đã hết thời hạn thực hiện" + ended


def status_flag(renderer, record_id: str, html: bool = True) -> Markup:
    """The mark after a citation: '(đã hết hiệu lực từ 01/07/2023, thay bằng Luật 10/2022/QH15)'."""
    if record_id not in renderer.data.documents and record_id not in renderer.data.plans:
        return Markup("")
    status = renderer.index.validity.status(record_id)
    text = flag_text(status)
    if text is None:
        return Markup("")
    links = [str(renderer.link(b, html=html)) for b in status.by]
    tail = f", thay bằng {', '.join(links)}" if links else ""
    return Markup(f' <span class="status-flag">({escape(text)}{tail})</span>')


def source_mark(renderer, record_id: str, field: str) -> Markup:
    """A small mark where a reader needs to know a fact's origin: added, derived, or without source.

    Facts read from a source plan carry no mark here; the page's "Nguồn dữ liệu" list gives
    their file and line."""
    prov = renderer.index.provenance.of(record_id)
    if field not in prov:
        return Markup("")
    found = prov[field]
    if found is None:
        return Markup(' <sup class="src-mark src-mark--none"><a href="#nguon-du-lieu">chưa rõ nguồn</a></sup>')
    if found.kind == "bo-sung":
        return Markup(' <sup class="src-mark src-mark--added"><a href="#nguon-du-lieu">bổ sung</a></sup>')
    if found.kind == "suy-ra":
        return Markup(' <sup class="src-mark"><a href="#nguon-du-lieu">suy ra</a></sup>')
    return Markup("")


def org_flag(renderer, org_id: str | None) -> Markup:
    """After a unit's name in a plan: '(không còn từ 01/07/2025: sáp nhập …)' once the unit has ended."""
    if not org_id or org_id not in renderer.data.organisations or renderer.index.orgs.exists(org_id):
        return Markup("")
    text = renderer.index.orgs.end_text(org_id)
    return Markup(f' <span class="status-flag">(không còn tồn tại tại ngày đối chiếu: {escape(text)})</span>')


URL = re.compile(r"https?://[^\s|()<>\"]+")


def where_link(where: str) -> Markup:
    """Where a fact was read: a public address as a link (text stays text), the rest as written."""
    out, last = [], 0
    for found in URL.finditer(where):
        out += [escape(where[last:found.start()]), Markup('<a href="{0}" rel="noopener">{0}</a>').format(found.group())]
        last = found.end()
    return Markup("").join([*out, escape(where[last:])])


def org_end_mark(renderer, org_id: str, html: bool) -> str:
    """After a body's name wherever it is named: '(thôi tồn tại từ 01/07/2025; kế thừa: Ủy ban nhân dân tỉnh
    Gia Lai)' once it has ended by the data's as_of day, its successor linked; '' while it exists."""
    orgs = renderer.index.orgs
    end = orgs.ending(org_id)
    if end is None or orgs.exists(org_id):
        return ""
    after = orgs.successor(org_id) or orgs.last_successor(org_id)
    words = f"thôi tồn tại từ {day(end.date)}" + ("" if after else "; chưa ghi nhận cơ quan kế thừa")
    shown = str(escape(words)) if html else md_escape(words)
    if after:
        shown += "; kế thừa: " + str(renderer.link(after, label=renderer.data.organisations[after].name, html=html))
    return f' <span class="status-flag">({shown})</span>' if html else f" ({shown})"


def full_title(renderer, record_id: str) -> str:
    """How lists name a record: 'Kế hoạch 235/KH-UBND – Ủy ban nhân dân tỉnh Lai Châu, 15/01/2025', never the
    bare number (13/KH-UBND is a plan of Lào Cai and one of Trà Vinh)."""
    title = renderer.title_of(record_id)
    record = renderer.index.records.record(record_id)
    if record_id not in renderer.data.documents:
        return title
    issuer = renderer.index.records.org_name(record.issuer)
    when = date_vi(record.date) if record.date else None
    doubt = renderer.index.records.value_doubts.get((record_id, "date"))
    if when and doubt:
        when += " (ngày đáng ngờ: " + re.sub(r"\d{4}-\d{2}-\d{2}", lambda m: date_vi(m.group()), doubt) + ")"
    tail = ", ".join(x for x in (issuer, when) if x)
    return f"{title} – {tail}" if tail else title


def doubt_mark(renderer, record_id: str, field: str) -> Markup:
    """After a doubtful value in a list: '(đáng ngờ: …)'."""
    doubt = renderer.index.records.value_doubts.get((record_id, field))
    if not doubt:
        return Markup("")
    text = re.sub(r"\d{4}-\d{2}-\d{2}", lambda m: date_vi(m.group()), doubt)
    return Markup(f" <span class=\"doubt-mark\">(đáng ngờ: {escape(text)})</span>")


FIELD_LABELS = {
    "id": "Mã", "number": "Số ký hiệu", "type": "Loại văn bản", "issuer": "Cơ quan ban hành",
    "co_issuers": "Cơ quan cùng ban hành", "date": "Ngày ban hành", "effective": "Ngày có hiệu lực",
    "title": "Trích yếu, tên", "aliases": "Cách gọi khác", "relations": "Quan hệ", "themes": "Chủ đề",
    "notes": "Ghi chú", "problems": "Nghi vấn", "source": "Tệp văn bản gốc", "place": "Địa danh",
    "period": "Thời kỳ", "implements": "Thực hiện", "preamble": "Phần mở đầu", "closing": "Phần kết",
    "headings": "Tên phần", "purposes": "Mục đích", "requirements": "Yêu cầu", "recipients": "Nơi nhận",
    "targets": "Chỉ tiêu", "tasks": "Nhiệm vụ", "assignments": "Tổ chức thực hiện", "footnotes": "Chú thích",
    "signer": "Khối chữ ký", "name": "Tên", "short_name": "Tên viết tắt", "kind": "Hệ thống", "level": "Cấp",
    "parent": "Cơ quan cấp trên", "province": "Tỉnh", "ended": "Thôi tồn tại", "created": "Bắt đầu hoạt động",
    "added": "Văn bản bổ sung",
}


# The parts of a plan whose headings the data keeps (model.Headings), as officials call them.
HEADING_LABELS = {"aims": "mục đích, yêu cầu", "targets": "chỉ tiêu", "tasks": "nhiệm vụ",
                  "organisation": "tổ chức thực hiện"}


def field_label(field: str) -> str:
    """'tasks[2]' → 'Nhiệm vụ 3', 'headings.aims' → 'Tên phần (mục đích, yêu cầu)'."""
    match = re.fullmatch(r"(\w+)(?:\[(\d+)\])?(?:\.(\w+))?", field)
    if not match:
        return field
    name, index, sub = match.groups()
    text = FIELD_LABELS.get(name, name)
    if index is not None:
        text += f" {int(index) + 1}"
    return text + (f" ({HEADING_LABELS.get(sub, FIELD_LABELS.get(sub, sub))})" if sub else "")
