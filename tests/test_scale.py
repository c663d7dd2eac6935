"""Scale: a synthetic country-wide data set (benchmarks/synth.py) builds, and its pages and links are right.

Timing lives in `make bench`; here only correctness at a size the real data never reaches.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml

from benchmarks import synth
from macros.data.lint import lint
from macros.data.loader import load
from macros.knowledge.index import SiteIndex

from tests.conftest import build_site

PLANS = 180
HREF = re.compile(r'href="([^"#?]+)(?:#[^"]*)?"')


@pytest.fixture(scope="module")
def synth_data(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("synth") / "data"
    synth.generate(PLANS, data)
    return data


@pytest.fixture(scope="module")
def synth_index(synth_data: Path) -> SiteIndex:
    """The synthetic data loaded and indexed once for the module's read-only checks."""
    return SiteIndex(load(synth_data))


@pytest.fixture(scope="module")
def synth_site(synth_data: Path, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("synth-site") / "site"
    result = build_site(site, synth_data)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return site


def plan_ids(data: Path) -> list[str]:
    return sorted(p.stem for p in (data / "plans").glob("*.yaml"))


def local_links(page: Path) -> set[Path]:
    """Every link of a built page to a file of the site, resolved against the page's folder."""
    html = page.read_text(encoding="utf-8")
    hrefs = [h for h in HREF.findall(html) if "://" not in h and not h.startswith(("mailto:", "data:"))]
    base = page.parent.resolve()  # once: no symbolic link inside the site, so the rest is by name
    return {Path(os.path.normpath(base / unquote(h))) for h in hrefs}


def test_generator_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    synth.generate(60, first)
    synth.generate(60, second)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)


def test_synthetic_data_is_valid_and_every_citation_resolves(synth_index: SiteIndex) -> None:
    data = synth_index.data  # load() raised DataInvalid on any error
    assert len(data.plans) == PLANS
    assert len({o.province for o in data.organisations.values() if o.province}) == len(synth.W.PROVINCES)
    provincial = [d for d in data.documents.values() if data.organisations[d.issuer].province]
    assert len(provincial) == PLANS // 4
    index = synth_index
    assert index.citations.unresolved == []
    codes = {w.code for w in lint(data, index)}
    assert not codes & {"unresolved-citation", "shared-number", "task-without-citation"}
    assert {"ct-33-2021-ttg", "kl-114-2015-tw", "nq-25-2013-tw", "luat-10-2022-qh15"} <= set(index.citations.cited_by)


def test_every_plan_has_a_page(synth_data: Path, synth_site: Path) -> None:
    missing = [p for p in plan_ids(synth_data) if not (synth_site / "ke-hoach" / f"{p}.html").is_file()]
    assert missing == []


def test_plan_pages_link_to_existing_documents_they_cite(synth_data: Path, synth_site: Path) -> None:
    for plan_id in plan_ids(synth_data):
        page = synth_site / "ke-hoach" / f"{plan_id}.html"
        links = local_links(page)
        assert [str(link) for link in links if not link.exists()] == [], plan_id
        plan = yaml.safe_load((synth_data / "plans" / f"{plan_id}.yaml").read_text(encoding="utf-8"))
        cited = set(plan["implements"]) | {d for t in plan["tasks"] for d in t.get("cites", [])}
        for record in cited:
            folder = "van-ban" if (synth_data / "documents" / f"{record}.yaml").is_file() else "ke-hoach"
            assert (synth_site / folder / f"{record}.html").resolve() in links, (plan_id, record)


def test_citations_in_text_link_to_the_document_of_the_right_province(synth_data: Path, synth_site: Path,
                                                                     synth_index: SiteIndex) -> None:
    """A provincial plan's page links its province's documents, never another province's same-named one."""
    index = synth_index
    for plan_id in plan_ids(synth_data)[:: max(1, PLANS // 50)]:
        province = index.records.province_of(plan_id)
        links = local_links(synth_site / "ke-hoach" / f"{plan_id}.html")
        for link in links:
            if link.parent.name == "van-ban" and link.stem in index.data.documents:
                assert index.records.province_of(link.stem) in (None, province), (plan_id, link.stem)


def test_plans_index_lists_every_plan(synth_data: Path, synth_site: Path) -> None:
    listed = local_links(synth_site / "ke-hoach" / "index.html")
    missing = [p for p in plan_ids(synth_data) if (synth_site / "ke-hoach" / f"{p}.html").resolve() not in listed]
    assert missing == []


def test_cited_central_document_lists_citing_plans(synth_site: Path, synth_index: SiteIndex) -> None:
    index = synth_index
    citing = index.citations.plans_citing["ct-33-2021-ttg"]
    assert len(citing) >= PLANS // 10
    links = local_links(synth_site / "van-ban" / "ct-33-2021-ttg.html")
    assert {(synth_site / "ke-hoach" / f"{p}.html").resolve() for p in citing} <= links


def test_search_index_holds_each_plan_once_with_its_number(synth_site: Path, synth_index: SiteIndex) -> None:
    """Above 100 plans a plan page is one index entry (no full text), still found by its number."""
    import json

    from macros.site.search import joined
    from macros.site.search_files import FULL_INDEX

    docs = json.loads((synth_site / FULL_INDEX).read_text(encoding="utf-8"))["docs"]
    by_page: dict[str, list[dict]] = {}
    for entry in docs:
        by_page.setdefault(entry["location"].split("#")[0], []).append(entry)
    for plan_id, plan in synth_index.data.plans.items():
        entries = by_page[f"ke-hoach/{plan_id}.html"]
        assert len(entries) == 1, plan_id
        if plan.number:
            assert joined(plan.number) in entries[0]["keys"].split(), plan_id
    assert all(len(e["text"]) <= 170 for e in docs)


def test_each_province_cut_keeps_its_plans_and_what_they_cite(synth_index: SiteIndex) -> None:
    from macros.data.scope import for_province, provinces

    index = synth_index
    data = index.data
    for province in provinces(data)[:: max(1, len(provinces(data)) // 4)]:
        scoped = for_province(data, province)  # raises if a kept record refers to a dropped one
        mine = {p for p in data.plans if index.records.province_of(p) == province}
        assert set(scoped.plans) == mine, province
        cited = {d for p in mine for t in data.plans[p].tasks for d in t.cites}
        assert cited <= set(scoped.documents) | set(scoped.plans), province
