"""A status and the words it is shown in: on pages, in drafts, in the open-data JSON.

Three kinds of answer, never mixed up. A fact with a source (replaced, amended, repealed, expired,
period ended, in force confirmed by a text of the last twelve months); "no replacement recorded
as of <as_of>" where the data knows the text took effect and nothing more, never "in force" alone;
unknown, saying what is missing. `rests_on` names what a status rests on, so a reader can check it.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from ..data.dates import PartialDate
from ..text.format import date_vi, day

# state → short label head; the open-data format lists the same states (macros/data/opendata.py).
LABELS = {
    "in-force": "Còn hiệu lực",
    "amended": "Đã được sửa đổi, bổ sung",
    "not-replaced": "Chưa ghi nhận văn bản thay thế",
    "ceased": "Hết hiệu lực",
    "period-ended": "Đã hết thời hạn thực hiện",
    "unknown": "Chưa xác định",
}
USABLE = ("in-force", "amended", "not-replaced")
# kind: what the state rests on (opendata: StatusOut.kind).
KINDS = {
    "replaced": "bị thay thế", "repealed": "bị bãi bỏ", "expired": "hết hiệu lực", "period-ended": "hết thời kỳ",
    "confirmed": "được xác nhận còn áp dụng", "applied": "được kế hoạch, văn bản gần đây áp dụng",
    "amended": "được sửa đổi, bổ sung", "period-running": "đang trong thời kỳ thực hiện",
    "effective": "đã có hiệu lực", "unknown": "chưa đủ dữ liệu",
}
SOURCED = ("replaced", "repealed", "expired", "period-ended", "confirmed", "applied", "amended")


@dataclass(frozen=True)
class Evidence:
    """One thing a status rests on: a text read outside the source plans (with quote and address),
    or a record of the data (a plan that cites the text, the title that states a period)."""

    what: str  # 'Nghị định 118/2025/NĐ-CP, Điều 33, khoản 2' or 'Kế hoạch 635/KH-UBND – Ủy ban nhân dân tỉnh Lai Châu'
    when: _dt.date | None = None
    record: str | None = None  # the record of the data it is, when it is one
    quote: str | None = None
    where: str | None = None
    written: PartialDate | None = None  # the date as the data writes it ('2026' for a plan dated by its year only)
    effect: bool = False  # `when` is the day the change it states took effect, not the day of the text

    @property
    def date_text(self) -> str:
        """'ngày 26/01/2026', 'năm 2026' when only the year is known, 'có hiệu lực từ 01/07/2025' for a change."""
        if self.effect and self.when:
            return f"có hiệu lực từ {date_vi(self.when.isoformat())}"
        if self.written:
            return f"ngày {date_vi(self.written)}" if self.written.precise else date_vi(self.written)
        return f"ngày {date_vi(self.when.isoformat())}" if self.when else date_vi(None)

    def as_dict(self) -> dict:
        out = {"what": self.what, "date": self.written or (self.when.isoformat() if self.when else None),
               "record": self.record, "quote": self.quote, "where": self.where}
        return {k: v for k, v in out.items() if v is not None}


@dataclass(frozen=True)
class Status:
    """Hiệu lực: where a text stands on a day (`on`), why, what it rests on, and what is not known.

    `state` is a key of LABELS; `kind` of KINDS; `since` the day that state began (None when
    unknown); `by` the records that replaced or amended it; `basis` one Vietnamese sentence saying
    why; `rests_on` the texts it rests on (empty only when unknown); `missing` what would settle it.
    """

    state: str
    since: _dt.date | None
    by: tuple[str, ...]
    basis: str
    missing: tuple[str, ...] = ()
    kind: str = "unknown"
    rests_on: tuple[Evidence, ...] = ()
    on: _dt.date | None = None
    by_names: tuple[str, ...] = ()  # the names of `by`, for words without links

    @property
    def label(self) -> str:
        """Short Vietnamese label: 'Hết hiệu lực từ 01/07/2023', 'Chưa ghi nhận văn bản thay thế tính đến 05/12/2026'."""
        head = LABELS[self.state]
        if self.state == "ceased" and self.since:
            return f"{head} từ {day(self.since)}" + (" (bị bãi bỏ)" if self.kind == "repealed" else "")
        if self.state == "period-ended" and self.since:
            return f"{head} (kỳ kết thúc {day(self.since - _dt.timedelta(days=1))})"
        if self.state == "in-force" and self.confirmed_on:
            return f"{head} ({self._confirm_words})"
        if self.state == "amended" and self.confirmed_on:
            return f"{head}, còn hiệu lực ({self._confirm_words})"
        if self.state in ("amended", "not-replaced") and self.on:
            return f"{head}" + ("; chưa ghi nhận văn bản thay thế" if self.state == "amended" else "") + \
                f" tính đến {day(self.on)}"
        return head

    @property
    def confirmed_on(self) -> _dt.date | None:
        """The day of the latest text confirming the status (in force, applied), if any."""
        return self.rests_on[0].when if self.kind in ("confirmed", "applied") and self.rests_on else None

    @property
    def _confirm_words(self) -> str:
        """'được áp dụng năm 2026' (a recent plan cites it), 'xác nhận ngày 15/01/2026' (a text says so)."""
        first = self.rests_on[0]
        return ("được áp dụng " if self.kind == "applied" else "xác nhận ") + first.date_text

    @property
    def usable_as_basis(self) -> bool:
        """Whether a draft may cite it as a basis on `on` (with `note`): in force, amended or with no
        replacement recorded; never when replaced, expired or unknown."""
        return self.state in USABLE

    current = usable_as_basis  # the name lists and older callers use

    @property
    def sourced(self) -> bool:
        """A status that is a fact with a source (not just 'no replacement recorded', not unknown)."""
        return self.kind in SOURCED

    @property
    def successor(self) -> str | None:
        """The record that replaced it, when replaced."""
        return self.by[0] if self.state == "ceased" and self.by else None

    @property
    def note(self) -> str:
        """The words after a citation in a draft: 'đã được thay thế bởi Nghị định 118/2025/NĐ-CP từ 01/07/2025'."""
        names = ", ".join(self.by_names)
        since = f" từ {day(self.since)}" if self.since else ""
        if self.state == "ceased":
            if self.kind == "replaced":
                return f"đã được thay thế bởi {names}{since}" if names else f"đã bị thay thế{since}"
            return ("đã bị bãi bỏ" if self.kind == "repealed" else "đã hết hiệu lực") + since + \
                (f" (theo {names})" if names else "")
        if self.state == "period-ended":
            return self.label[:1].lower() + self.label[1:]
        if self.state == "unknown":
            return "chưa xác định được hiệu lực" + (f" (chưa rõ {', '.join(self.missing)})" if self.missing else "")
        confirm = self.rests_on[0] if self.confirmed_on else None
        head = {"in-force": "còn hiệu lực", "amended": f"đã được sửa đổi, bổ sung bởi {names}",
                "not-replaced": "chưa ghi nhận văn bản thay thế"}[self.state]
        if confirm:
            verb = "được áp dụng tại" if self.kind == "applied" else "xác nhận tại"
            return f"{head}; {verb} {confirm.what} ({confirm.date_text})"
        return f"{head}" + ("; chưa ghi nhận văn bản thay thế" if self.state == "amended" else "") + \
            (f" tính đến {day(self.on)}" if self.on else "")

    @property
    def filter_value(self) -> str:
        """The list filters' value (documents index, hierarchy, search): con, chua-ghi-nhan, het or chua-ro."""
        if self.state == "in-force" or (self.state == "amended" and self.confirmed_on):
            return "con"
        if self.state == "amended":
            return "chua-ghi-nhan"
        return {"not-replaced": "chua-ghi-nhan", "unknown": "chua-ro"}.get(self.state, "het")


FILTER_LABELS = {"con": "Còn hiệu lực (có xác nhận) hoặc đã sửa đổi", "chua-ghi-nhan": "Chưa ghi nhận văn bản thay thế",
                 "het": "Hết hiệu lực, hết thời hạn", "chua-ro": "Chưa xác định"}
