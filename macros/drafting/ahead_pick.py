"""Which targets and tasks of the plan above concern a unit, and how a clear target is rewritten for it.

A provincial plan speaks to every body ("các cơ quan, đơn vị", "cán bộ, công chức") and to some
in particular (communes, the press, the whole province's indices). A unit's draft keeps what
speaks to it, in the source's order, and counts what it leaves out with the reason, so nothing
disappears without a word.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..data import model

GENERAL = ("cơ quan", "đơn vị", "cán bộ", "công chức", "viên chức", "người lao động", "người đứng đầu")
# (what the words point at, the words): a target or task written for these is not a unit's own
ELSEWHERE = (
    ("của cấp xã, thôn, bản hoặc vùng đồng bào", ("xã, phường", "thị trấn", "thôn", "người có uy tín", "chức sắc",
                                                  "đảng ủy các xã", "vùng đồng bào", "già làng")),
    ("chỉ số của cả tỉnh", ("PAR INDEX", "PCI", "PAPI", "SIPAS")),
    ("về văn bản, chương trình của cả tỉnh", ("Nghị quyết, chỉ thị, kết luận",)),
)
OTHER_SUBJECT = re.compile(r"^(Các |Những )?(cơ quan báo chí|báo chí|Báo |Đài |Ủy ban nhân dân (các )?(huyện|xã|cấp)|"
                           r"UBND (các )?(huyện|xã|cấp)|Ban Dân vận|Ủy ban Mặt trận|Mặt trận|Công an|Bộ [Cc]hỉ huy)",
                           re.IGNORECASE)
SCOPE = re.compile(r"^(?P<share>(?:Phấn đấu |Đảm bảo |Bảo đảm )?(?:100%|trên \d+%|\d+%))\s+(?:các\s+)?"
                   r"(?P<who>cơ quan nhà nước, chính quyền các cấp|cơ quan hành chính nhà nước(?:, chính quyền các cấp)?|"
                   r"cơ quan, đơn vị(?:, địa phương)?)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Picked:
    """What a unit's draft takes from the plan above (in the source's order) and what it leaves out."""

    kept: tuple
    left: tuple[tuple[str, str], ...]  # (number or id, why)

    def left_summary(self, noun: str, total: int) -> str:
        """'Không đưa vào 4/9 chỉ tiêu: 3 của cấp xã…; 1 chỉ số của cả tỉnh (chỉ tiêu 4).'"""
        if not self.left:
            return ""
        by_why = Counter(why for _, why in self.left)
        parts = [f"{n} {why} ({noun} {', '.join(k for k, w in self.left if w == why)})" for why, n in by_why.items()]
        return f"Không đưa vào {len(self.left)}/{total} {noun} của kế hoạch cấp trên: {'; '.join(parts)}."


def elsewhere(text: str) -> str:
    """Why a text speaks to other bodies than the unit ('' when it speaks to it)."""
    for why, words in ELSEWHERE:
        if any(w.lower() in text.lower() for w in words):
            return why
    if not any(w in text.lower() for w in GENERAL):
        return "không nói tới cơ quan, đơn vị, công chức"
    return ""


def targets(plan: model.Plan) -> Picked:
    kept, left = [], []
    for i, target in enumerate(plan.targets, 1):
        why = elsewhere(target.text)
        (left.append((str(i), why)) if why else kept.append(target))
    return Picked(tuple(kept), tuple(left))


def tasks(plan: model.Plan) -> Picked:
    """Tasks whose subject is another body ('Cơ quan báo chí…', 'UBND các huyện…') are left out."""
    kept, left = [], []
    for task in plan.tasks:
        match = OTHER_SUBJECT.match(task.text.strip())
        if match:
            left.append((task.number, f"giao riêng cho {match.group(2).lower()}"))
        else:
            kept.append(task)
    return Picked(tuple(kept), tuple(left))


def rescope(text: str, subunits: str) -> str | None:
    """A target about every body rewritten for the unit's own ('100% các cơ quan nhà nước, chính quyền
    các cấp xây dựng…' → '100% các phòng, đơn vị trực thuộc Sở xây dựng…'); None when the pattern is not clear."""
    match = SCOPE.match(text.strip())
    if not match:
        return None
    return f"{match.group('share')} {subunits}{text.strip()[match.end():]}"
