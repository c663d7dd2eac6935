"""Where each fact of a record comes from, as the folded list at the end of a plan's or document's page."""

from __future__ import annotations

from dataclasses import dataclass

from ...knowledge.marks import field_label
from ...knowledge.provenance import Provenance


@dataclass(frozen=True)
class ProvenanceLine:
    label: str  # the field in words ('Số ký hiệu', 'Nhiệm vụ 2')
    source: Provenance | None  # None: no source known


def provenance_lines(provenance, record_id: str) -> tuple[ProvenanceLine, ...]:
    """Every field of the record but those the editors made up themselves ('bien-tap')."""
    return tuple(ProvenanceLine(field_label(name), p) for name, p in provenance.of(record_id).items()
                 if not p or p.kind != "bien-tap")
