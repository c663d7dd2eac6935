"""Calendar files: our faster writer gives the bytes icalendar itself writes, and phones can read them."""

from __future__ import annotations

import datetime as dt
import random

from icalendar import Alarm, Calendar, Event

from macros.knowledge.calendar import to_ical

# Long Vietnamese lines (2- and 3-octet characters), escapes that fall on a fold, a 4-octet emoji, a
# combining accent: what decides where a line may be cut.
PIECES = ["Ủy ban nhân dân tỉnh Lào Cai", "báo cáo 6 tháng", "\\", "^", ";", ",", ":", "😀", "a\u0301", "đ", " ",
          "\n", "x" * 70]


def _texts(count: int) -> list[str]:
    rnd = random.Random(29)
    return ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 40))) for _ in range(count)]


def _event(text: str) -> Event:
    event = Event()
    event.add("uid", f"{len(text)}@dan-van-chinh-quyen")
    event.add("dtstart", dt.date(2027, 6, 9))
    event.add("summary", text)
    event.add("description", text + "\n" + text[::-1])
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"Còn 7 ngày: {text}")
    alarm.add("trigger", dt.timedelta(days=-7))
    event.add_component(alarm)
    return event


def test_events_are_written_as_icalendar_writes_them():
    """If icalendar changes how it writes or folds a line, this says so (calendar.to_ical copies its folding)."""
    for text in _texts(400):
        event = _event(text)
        assert to_ical(event) == event.to_ical(), text


def test_a_calendar_reads_back_with_every_line_within_75_octets_and_whole_characters():
    cal = Calendar()
    cal.add("prodid", "-//test//vi")
    cal.add("version", "2.0")
    texts = _texts(200)
    for text in texts:
        cal.add_component(_event(text))
    written = to_ical(cal)
    for line in written.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # a fold never splits a character
    read = Calendar.from_ical(written).walk("VEVENT")
    assert [str(e["summary"]) for e in read] == texts
    assert [str(e["description"]) for e in read] == [t + "\n" + t[::-1] for t in texts]
