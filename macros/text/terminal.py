"""Data text as a maintainer's terminal shows it: every character that would act instead of print, escaped.

An escape sequence in a YAML key can clear the screen and print a fake "Dữ liệu hợp lệ"; a carriage return
overwrites the line it is in; a right-to-left override turns a file name around. Every message that names a
key, a value or a file goes through `shown`, so what the terminal prints is what the file holds.
"""

from __future__ import annotations

import re

# C0 and C1 controls (newline and tab too: a message is one line), DEL, the line and paragraph separators,
# and the marks that reorder text (bidi embeddings, overrides, isolates, implicit marks).
_ACTING = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1b": "\\x1b"}


def shown(text: str) -> str:
    """`text` with each acting character written as an escape (\\x1b, \\r, \\u202e) the terminal prints as is."""
    return _ACTING.sub(_escape, text)


def _escape(match: re.Match) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
