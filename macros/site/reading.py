"""What an official reads, as opposed to what a maintainer checks: the data's date and doubts in plain words.

A record page ends with one folded note of doubts about its data, in words an official can
follow: record names instead of ids, and none of the checks that only tell a maintainer
where to add data (a task citing nothing, a document no plan cites). The full list, with
files and lines, stays on the maintainers' "Chất lượng dữ liệu" page.
"""

from __future__ import annotations

import datetime as dt
import re

from ..text.format import date_vi

# Lint codes that are work for a maintainer, not something a reader of the page should weigh.
MAINTAINER_ONLY = {"task-without-citation", "orphan-document"}
_RECORD_ID = re.compile(r"(?<![\w-])[a-z0-9]+(?:-[a-z0-9]+)+(?![\w-])")


def data_date(data) -> dt.date | None:
    """The date the data speaks for: its stated `as_of`, else the newest full date it holds (never the clock)."""
    stated = getattr(data, "as_of", None)
    if isinstance(stated, dt.date):
        return stated
    if stated:
        return stated.full
    days = [r.date.full for r in [*data.documents.values(), *data.plans.values()] if r.date and r.date.precise]
    days += [d.effective.full for d in data.documents.values() if d.effective and d.effective.precise]
    return max(days, default=None)


def data_date_vi(data) -> str:
    day = data_date(data)
    return date_vi(day.isoformat()) if day else "chưa rõ"


def doubts(state, record_id: str, problems) -> list[str]:
    """The doubts shown to readers: what the source itself gets wrong, then checks worth weighing."""
    lint = [w.message for w in state.warnings_for(record_id) if w.code not in MAINTAINER_ONLY]
    return [_sentence(named(state, text)) for text in [*problems, *lint]]


def named(state, text: str) -> str:
    """Record ids in a message ('kh-13-2022-ubnd-tra-vinh') become the names readers know."""
    def name(match: re.Match) -> str:
        try:
            return state.renderer.title_of(match.group(0))
        except KeyError:
            return match.group(0)

    return _RECORD_ID.sub(name, text)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]
