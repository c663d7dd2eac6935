"""A document's history as a list of dated events, from stated facts only (its page's "Diễn biến")."""

from __future__ import annotations

from dataclasses import dataclass

from .evidence import changes_of


@dataclass(frozen=True)
class Event:
    """One line of a document's timeline: ban hành, hiệu lực, sửa đổi, thay thế, hết hiệu lực."""

    when: str | None  # ISO, possibly partial; None when the data has no date
    kind: str  # key of EVENT_LABELS
    other: str | None = None  # the record that amends/replaces, or is amended/replaced


EVENT_LABELS = {
    "issued": "Ban hành", "effective": "Có hiệu lực", "amended-by": "Được sửa đổi, bổ sung bởi",
    "amends": "Sửa đổi, bổ sung", "replaces": "Thay thế", "replaced-by": "Bị thay thế bởi",
    "confirmed": "Được xác nhận còn áp dụng", "repealed": "Bị bãi bỏ",
    "ceased": "Hết hiệu lực", "period-end": "Hết thời hạn thực hiện",
}

# A change of data/validity.yaml in words (the maintainers' review page).
CHANGE_WORDS = {"replaced": "Bị thay thế bởi", "amended": "Được sửa đổi, bổ sung bởi", "repealed": "Bị bãi bỏ",
                "expired": "Hết hiệu lực", "effective": "Có hiệu lực", "confirmed": "Được xác nhận còn áp dụng"}


def timeline(validity, doc_id: str) -> list[Event]:
    """What happened to a document, in order of date (undated events last), from stated facts only."""
    links, doc = validity.links, validity.data.documents[doc_id]
    effective, _ = validity._effective(doc_id)
    events = [Event(doc.date, "issued"), Event(effective.isoformat() if effective else doc.effective, "effective")]
    for link in links.outgoing.get(doc_id, []):
        if link.type in {"amends", "replaces"}:
            start = validity._link_start(link)
            events.append(Event(start.isoformat() if start else doc.effective or doc.date, link.type, link.target))
    for link in links.incoming.get(doc_id, []):
        start = validity._link_start(link)
        when = start.isoformat() if start else None
        if link.type == "amends":
            events.append(Event(when, "amended-by", link.source))
        elif link.type == "replaces":
            events += [Event(when, "replaced-by", link.source), Event(when, "ceased", link.source)]
    for change in changes_of(validity.data, doc_id):
        if change.change in ("repealed", "confirmed"):
            events.append(Event(change.date, change.change, change.by))
        elif change.change == "expired":
            events.append(Event(change.date, "ceased", change.by))
    found = validity.period(doc_id)
    if found:
        events.append(Event(f"{found[0][1]}-12-31", "period-end"))
    order = list(EVENT_LABELS)
    unique = list(dict.fromkeys(events))
    # A document takes effect before anything can happen to it: an undated "Có hiệu lực" stands after
    # its issue, not after a repeal at the end of the list ("chưa rõ — Có hiệu lực" read as a revival).
    start = doc.date or ""

    def when(e: Event) -> str | None:
        return e.when if e.when or e.kind not in ("issued", "effective") else start
    return sorted(unique, key=lambda e: (when(e) is None, when(e) or "", order.index(e.kind)))
