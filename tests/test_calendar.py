"""Calendar files: our writer gives the bytes icalendar itself writes for the same events, and they read back."""

from __future__ import annotations

import datetime as dt
import random

from icalendar import Alarm, Calendar, Event

from macros.knowledge.calendar import END, PRODID, REMINDERS, STAMP, EventText, head, write_event

# Long Vietnamese lines (2- and 3-octet characters), escapes that fall on a fold, a 4-octet emoji, a
# combining accent: what decides where a line may be cut.
PIECES = ["Ủy ban nhân dân tỉnh Lào Cai", "báo cáo 6 tháng", "\\", "^", ";", ",", ":", "😀", "a\u0301", "đ", " ",
          "\n", "x" * 70]


def _texts(count: int) -> list[str]:
    rnd = random.Random(29)
    return ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 40))) for _ in range(count)]


def _events(count: int) -> list[EventText]:
    day = dt.date(2027, 6, 9)
    return [EventText(f"{t[:30]}@dan-van-chinh-quyen", day + dt.timedelta(days=i), t, t + "\r\n" + t[::-1] + "\\N")
            for i, t in enumerate(_texts(count))]


def _icalendar_event(e: EventText) -> Event:
    """The event made with icalendar's objects, as calendar.py made it before it wrote events itself."""
    event = Event()
    event.add("uid", e.uid)
    event.add("dtstamp", STAMP)
    event.add("dtstart", e.day)
    event.add("dtend", e.day + dt.timedelta(days=1))
    event.add("summary", e.summary)
    event.add("description", e.description)
    for days in REMINDERS:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Còn {days} ngày: {e.summary}")
        alarm.add("trigger", dt.timedelta(days=-days))
        event.add_component(alarm)
    return event


def test_events_are_written_as_icalendar_writes_them():
    """If icalendar changes how it writes, escapes or folds a line, this says so."""
    for e in _events(400):
        reference = _icalendar_event(e)
        assert write_event(e) == reference.to_ical(), e


def test_a_calendars_head_is_written_as_icalendar_writes_it():
    for name in _texts(400):
        reference = Calendar()
        reference.add("prodid", PRODID)
        reference.add("version", "2.0")
        reference.add("x-wr-calname", " ".join(name.split()))
        assert head(name) + END == reference.to_ical(), name


def test_a_calendar_reads_back_with_every_line_within_75_octets_and_whole_characters():
    events = _events(200)
    written = head("Lịch thử: " + "báo cáo 6 tháng " * 9) + b"".join(write_event(e) for e in events) + END
    for line in written.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # a fold never splits a character
    read = Calendar.from_ical(written).walk("VEVENT")
    assert [str(r["summary"]) for r in read] == [e.summary for e in events]
    assert [r.decoded("dtstart") for r in read] == [e.day for e in events]
    assert [str(r["description"]) for r in read] == [
        e.description.replace("\r\n", "\n").replace("\\N", "\n") for e in events]
