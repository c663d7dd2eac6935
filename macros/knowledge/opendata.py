"""The open-data JSON's additions to one record (format: macros/data/opendata.py), from the index."""

from __future__ import annotations


def extras(index, record_id: str) -> dict:
    """`RecordExtras` of one record, as JSON-ready values."""
    out: dict = {"as_of": index.as_of.isoformat() if index.as_of else None}
    if record_id in index.data.documents or record_id in index.data.plans:
        status = index.validity.status(record_id)
        out["status"] = {"state": status.state, "kind": status.kind, "sourced": status.sourced, "label": status.label,
                         "since": status.since.isoformat() if status.since else None, "by": list(status.by),
                         "basis": status.basis, "rests_on": [e.as_dict() for e in status.rests_on],
                         "usable_as_basis": status.usable_as_basis, "note": status.note,
                         "missing": list(status.missing)}
    if record_id in index.data.organisations:
        orgs = index.orgs
        exists = index.orgs.exists(record_id)
        out["organisation"] = {"exists": exists, "ended": None if exists else orgs.end_text(record_id, index.records.org_name),
                               "successor": None if exists else (orgs.successor(record_id) or orgs.last_successor(record_id)),
                               "predecessors": orgs.predecessors.get(record_id, [])}
    out["provenance"] = {field: (p.as_dict() if p else None) for field, p in index.provenance.of(record_id).items()}
    return out
