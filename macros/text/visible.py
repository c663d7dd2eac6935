"""Text that shows something other than what it holds: marks that reverse the letters after them, and
values made only of characters that take no room. Refused in the data (yamlsource) and in imports."""

from __future__ import annotations

import re

# Marks that reorder the characters that follow them: a name shown right-to-left reads as another name.
BIDI = re.compile("[\u061c\u202a-\u202e\u2066-\u2069]")
# Characters that take no room: a title made of them alone is an empty title.
INVISIBLE = re.compile("[\u00ad\u034f\u115f\u1160\u180e\u200b-\u200f\u2060-\u2064\u3164\ufeff\uffa0]")


def hidden_problem(value: str) -> str | None:
    """What is wrong with `value` as shown text, in Vietnamese, or None."""
    turn = BIDI.search(value)
    if turn:
        return (f"ký tự đảo chiều chữ U+{ord(turn.group()):04X} trong văn bản (làm chữ hiện ra khác với chữ thật): "
                "xoá ký tự này")
    if value and not INVISIBLE.sub("", value).strip():
        return "văn bản chỉ gồm ký tự vô hình (khoảng trắng độ rộng 0): ghi chữ thật hoặc xoá dòng"
    return None
