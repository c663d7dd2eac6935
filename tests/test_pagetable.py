"""The table of generated pages: each record, organisation, source text and draft has its page, and a page
a maintainer wrote by hand stops being treated as generated (its own front matter and text are kept)."""

from __future__ import annotations

from macros.data.loader import load
from macros.site.pagetable import page_table
from tests.minidata import write_minidata


def test_each_plan_organisation_source_and_draft_has_a_generated_page(tmp_path):
    data = load(write_minidata(tmp_path / "data"))
    plan = next(iter(data.plans.values()))
    table = page_table(data, [f"{plan.id}/bao-cao"])
    assert ("plans", plan.id) in table.records.values()
    assert set(table.organisations.values()) == set(data.organisations)
    assert plan.id in table.sources.values()
    assert table.drafts == {f"soan-ke-hoach/{plan.id}/bao-cao.md": f"{plan.id}/bao-cao"}
    assert all(src in table for src in [*table.records, *table.organisations, *table.sources, *table.drafts])


def test_a_hand_written_page_is_no_longer_a_generated_one(tmp_path):
    data = load(write_minidata(tmp_path / "data"))
    table = page_table(data, [])
    hand_written = next(src for src, (kind, _) in table.records.items() if kind == "plans")
    kept = table.kept({*table.records, *table.organisations, *table.sources} - {hand_written})
    assert hand_written not in kept and hand_written in table
    assert set(kept.records) == set(table.records) - {hand_written}
    assert kept.organisations == table.organisations and kept.sources == table.sources
