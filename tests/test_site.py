"""The real site, built once: pages, links, citations, relations, calendar, open data."""

from __future__ import annotations

import json
import re
from html import unescape

import icalendar
import pytest

from macros.data.loader import load
from macros.knowledge.calendar import province_slug
from macros.site.state import SiteState
from macros.text.citations import NUMBER_RE, number_key
from tests.conftest import DATA
from tests.htmlcheck import broken_links, link_targets, main_text, parse

# Plan files by name: collecting the tests reads no data, so a data error fails a test, not the collection.
PLANS = sorted(p.stem for p in (DATA / "plans").glob("*.yaml"))


@pytest.fixture(scope="module")
def state() -> SiteState:
    return SiteState(load(DATA))


@pytest.fixture(scope="module")
def dataset(state):
    return state.data


@pytest.fixture(scope="module")
def index(state):
    return state.index


def page(site, kind, record_id):
    section = {"documents": "van-ban", "plans": "ke-hoach", "campaigns": "phong-trao", "themes": "chu-de"}[kind]
    return site / section / f"{record_id}.html"


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_home_page_leads_to_every_section(site):
    links = parse(site / "index.html").links
    for target in ("van-ban/index.html", "ke-hoach/index.html", "phong-trao/index.html", "chu-de/index.html",
                   "huong-dan/index.html", "thuat-ngu.html"):
        assert target in links


@pytest.mark.parametrize("kind", ["documents", "plans", "campaigns", "themes"])
def test_every_record_has_its_page(site, dataset, kind):
    for record_id in getattr(dataset, kind):
        assert page(site, kind, record_id).exists(), record_id


def test_no_broken_internal_links_or_anchors(site):
    assert broken_links(site) == []


def test_every_number_in_the_sources_resolves_to_a_record(dataset):
    known = {number_key(r.number) for r in [*dataset.documents.values(), *dataset.plans.values()] if r.number}
    for name, text in dataset.sources.items():
        joined = re.sub(r"-\s*\n\s*", "-", text).replace("\n", " ")
        joined = re.sub(r"(\d+/[A-ZĐ]+-)\s+([A-Z])", r"\1\2", joined)
        missing = {m for m in NUMBER_RE.findall(joined) if number_key(m) not in known}
        assert not missing, f"{name}: {sorted(missing)}"


def _source_task_headings(text: str) -> list[str]:
    """Numbered headings between the tasks part and 'TỔ CHỨC THỰC HIỆN' of a source plan."""
    lines = [re.sub(r"[#*]", "", ln).strip() for ln in text.splitlines()]
    start = next(i for i, ln in enumerate(lines) if re.match(r"^(II|III)\.\s*(NHIỆM VỤ|NỘI DUNG)", ln))
    end = next(i for i, ln in enumerate(lines) if i > start and "TỔ CHỨC THỰC HIỆN" in ln)
    return [ln for ln in lines[start:end] if re.match(r"^\d+\.\s+\S", ln)]


@pytest.mark.parametrize("plan_id", PLANS)
def test_every_task_of_the_source_is_transcribed(dataset, plan_id):
    plan = dataset.plans[plan_id]
    source = flat(dataset.sources[plan.source])
    headings = _source_task_headings(dataset.sources[plan.source])
    assert len(plan.tasks) == len(headings)
    for task, heading in zip(plan.tasks, headings):
        assert heading.startswith(f"{task.number}.")
        opening = " ".join((task.title or task.text).split()[:4])
        assert opening in flat(heading) or opening in source


@pytest.mark.parametrize("plan_id", PLANS)
def test_plan_page_shows_every_target_task_and_assignment(site, dataset, plan_id):
    plan = dataset.plans[plan_id]
    text = main_text(page(site, "plans", plan_id))
    ids = parse(page(site, "plans", plan_id)).ids
    for item in [*plan.targets, *plan.tasks, *plan.assignments]:
        assert item.id in ids
    for target in plan.targets:
        assert flat(target.text.replace("[^", "").split("[")[0])[:60] in text
    for task in plan.tasks:
        first = re.sub(r"^- ", "", task.text.strip().splitlines()[0])
        assert flat(first).split("[^")[0][:80] in text
    for recipient in plan.recipients:
        assert recipient in text


def test_every_document_lists_who_cites_or_relates_to_it(site, dataset, index):
    for doc_id in dataset.documents:
        text = main_text(page(site, "documents", doc_id))
        cited = index.citations.plans_citing.get(doc_id, [])
        if cited:
            assert "Được trích dẫn trong" in text
            links = link_targets(site, page(site, "documents", doc_id))
            assert {f"ke-hoach/{p}.html" for p in cited} <= links
        else:
            assert index.links.incoming.get(doc_id) or index.links.outgoing.get(doc_id), doc_id


SOURCE_PLANS = ("kh-13-2022-ubnd-lao-cai", "kh-26-2023-vp-ubnd-tra-vinh", "kh-snnmt-lai-chau-2026",
                "kh-ubnd-binh-dinh-2025", "kh-vpubnd-lai-chau-2025")


def test_chi_thi_33_lists_every_source_plan_that_cites_it(site):
    """Each of the five source plans names "Chỉ thị số 33/CT-TTg" in its first task: written out, not recomputed."""
    text = main_text(page(site, "documents", "ct-33-2021-ttg"))
    links = link_targets(site, page(site, "documents", "ct-33-2021-ttg"))
    assert "Được trích dẫn trong" in text
    assert {f"ke-hoach/{p}.html" for p in SOURCE_PLANS} <= links


def test_each_relation_appears_on_both_pages(site, index):
    for link in index.links.all:
        for here, there in ((link.source, link.target), (link.target, link.source)):
            kind = index.records.kind_of(here)
            other = page(site, index.records.kind_of(there), there).relative_to(site).as_posix()
            assert other in link_targets(site, page(site, kind, here)), (here, there)


def test_ambiguous_number_resolves_by_province(site):
    tra_vinh = link_targets(site, page(site, "plans", "kh-26-2023-vp-ubnd-tra-vinh"))
    assert "van-ban/kh-13-2022-ubnd-tra-vinh.html" in tra_vinh
    assert "ke-hoach/kh-13-2022-ubnd-lao-cai.html" not in tra_vinh
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page(site, "plans", "kh-13-2022-ubnd-lao-cai").read_text(encoding="utf-8"))
    assert re.sub(r"<[^>]+>", "", heading.group(1)).startswith("Kế hoạch 13/KH-UBND – Ủy ban nhân dân tỉnh Lào Cai")


@pytest.mark.parametrize("plan_id", PLANS)
def test_chain_of_bases_reaches_a_central_document(site, dataset, index, plan_id):
    central = [rid for _, _, rid in index.citations.chain(plan_id) if index.records.tier_of(rid) in INDEX_CENTRAL]
    assert index.citations.chain(plan_id)[0][2] in dataset.plans[plan_id].implements
    assert central
    assert f"van-ban/{central[0]}.html" in link_targets(site, page(site, "plans", plan_id))


INDEX_CENTRAL = {"Đảng – Trung ương", "Quốc hội", "Chính phủ, Thủ tướng Chính phủ, bộ, ngành trung ương"}


def test_hierarchy_page_reaches_every_document(site, dataset):
    links = link_targets(site, site / "van-ban" / "he-thong.html")
    assert {f"van-ban/{d}.html" for d in dataset.documents} <= links


def _event_days(path) -> list:
    return sorted(e.decoded("dtstart") for e in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def test_calendar_holds_every_dated_deadline(site):
    """The all-plans calendar holds what the plans' own calendars hold, and the calendar page shows each day."""
    text = main_text(site / "ke-hoach" / "lich-bao-cao.html")
    every = _event_days(site / "lich" / "tat-ca.ics")
    own = {day for path in (site / "lich").glob("*.ics") if path.name != "tat-ca.ics" for day in _event_days(path)}
    assert "2025-03-19" in {d.isoformat() for d in every}  # Bình Định, "trước ngày 20 tháng 3/2025"
    assert set(every) == own
    for day in every:
        assert day.strftime("%d/%m/%Y") in text


def test_binh_dinh_quarterly_deadlines_are_dated_for_the_plan_year(site):
    """"trước ngày 20 tháng 3/2025": the report is due by the day before."""
    cal = icalendar.Calendar.from_ical((site / "lich" / "kh-ubnd-binh-dinh-2025.ics").read_bytes())
    days = {e.decoded("dtstart").isoformat() for e in cal.walk("VEVENT")}
    assert {"2025-03-19", "2025-06-19", "2025-09-19", "2025-11-24"} <= days


def test_comparison_matrix_matches_the_data(site, dataset, index):
    text = main_text(site / "ke-hoach" / "so-sanh.html")
    for theme in dataset.themes.values():
        numbers = [[t.number for t in p.tasks if theme.id in t.themes] for p in index.records.sorted_plans]
        row = " ".join(f"{len(n)} nhiệm vụ: {', '.join(n)}" if n else "—" for n in numbers)
        assert f"{theme.name} {row}" in text


def test_open_data_json(site, dataset):
    everything = json.loads((site / "du-lieu" / "tat-ca.json").read_text(encoding="utf-8"))
    assert {d["id"] for d in everything["documents"]} == set(dataset.documents)
    one = json.loads((site / "du-lieu" / "van-ban" / "ct-33-2021-ttg.json").read_text(encoding="utf-8"))
    assert one["number"] == "33/CT-TTg" and one["cited_by"]
    assert "du-lieu/van-ban/ct-33-2021-ttg.json" in link_targets(site, page(site, "documents", "ct-33-2021-ttg"))
    assert (site / "schema" / "plan.schema.json").exists()


def test_suspicious_citations_are_shown_on_the_quality_page(site):
    text = main_text(site / "chat-luong-du-lieu.html")
    assert "149/2018/NĐ-CP" in text and "sớm hơn năm 2018" in text, text[:3000]
    assert "13/KH-UBND" in text or "kh-13-2022" in text


def test_source_text_is_published(site, dataset):
    for plan in dataset.plans.values():
        raw = (site / "ke-hoach" / "van-ban-goc" / f"{plan.id}.txt").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") and raw[3:].decode("utf-8") == dataset.sources[plan.source]


def test_no_page_shows_escaped_markup(site):
    for path in site.rglob("*.html"):
        text = main_text(path)
        assert "&#" not in text and "&amp;" not in text and "!!! " not in text, path


def test_tags_page_lists_every_document_under_its_type(site, dataset):
    text = main_text(site / "the.html")
    links = link_targets(site, site / "the.html")
    assert {f"van-ban/{d}.html" for d in dataset.documents} <= links
    for label in ("Chỉ thị", "Kết luận", "Cấp trung ương", "Năm 2021"):
        assert label in text


QUOTED_THEME = 'Thi đua "Dân vận khéo"'  # data/themes.yaml: a tag whose name holds quotes


def _tag_chips(path) -> set[str]:
    chips = re.findall(r'class="md-tag[^"]*"[^>]*>(.*?)</(?:a|span)>', path.read_text(encoding="utf-8"), re.S)
    return {unescape(re.sub(r"<[^>]+>", "", chip)).strip() for chip in chips}


def test_a_tag_with_quotes_shows_on_its_plans_and_the_tags_page(site):
    for plan in ("kh-13-2022-ubnd-lao-cai", "kh-26-2023-vp-ubnd-tra-vinh", "kh-ubnd-binh-dinh-2025"):
        assert QUOTED_THEME in _tag_chips(page(site, "plans", plan)), plan
    assert QUOTED_THEME in main_text(site / "the.html")
    assert "ke-hoach/kh-13-2022-ubnd-lao-cai.html" in link_targets(site, site / "the.html")


def test_glossary_terms_show_their_meaning_on_every_page(site, dataset):
    html = page(site, "plans", "kh-13-2022-ubnd-lao-cai").read_text(encoding="utf-8")
    ubnd = next(t for t in dataset.terms.values() if t.term == "UBND")
    assert f'<abbr title="{ubnd.meaning}">UBND</abbr>' in html


TOC_LINK = re.compile(r'<a href="#([^"]+)" class="md-nav__link">')
HEADING_ID = re.compile(r'<h[1-6] id="([^"]+)"')


@pytest.mark.parametrize("plan_id", PLANS)
def test_a_plan_page_table_of_contents_leads_to_each_task_and_assignment(site, dataset, plan_id):
    """The side 'Mục lục' lists every task and assignment of the plan, and each entry lands on a heading."""
    html = page(site, "plans", plan_id).read_text(encoding="utf-8")
    plan = dataset.plans[plan_id]
    toc = TOC_LINK.findall(html)
    assert {t.id for t in plan.tasks} | {a.id for a in plan.assignments} | {"chuoi-can-cu"} <= set(toc)
    assert set(toc) <= set(HEADING_ID.findall(html))


def test_a_document_page_table_of_contents_leads_to_its_headings(site, dataset):
    """Status, relations and citing plans in the side 'Mục lục' of every document, each entry landing on a heading."""
    for document_id in dataset.documents:
        html = page(site, "documents", document_id).read_text(encoding="utf-8")
        toc = TOC_LINK.findall(html)
        assert {"hieu-luc", "quan-he", "trich-dan"} <= set(toc) <= set(HEADING_ID.findall(html)), document_id


def test_a_list_page_table_of_contents_leads_to_its_sections(site, index):
    """The lists written as HTML inside hand-written pages keep their headings in the side 'Mục lục', in page
    order, each entry landing on a heading: the plans by province, year and level; the calendar by province."""
    html = (site / "ke-hoach" / "index.html").read_text(encoding="utf-8")
    toc = list(dict.fromkeys(TOC_LINK.findall(html)))  # Material writes the toc twice (side and, on a phone, menu)
    assert [i for i in toc if i.startswith("theo-")] == ["theo-tinh", "theo-nam", "theo-cap"]
    assert set(toc) <= set(HEADING_ID.findall(html))
    calendar = (site / "ke-hoach" / "lich-bao-cao.html").read_text(encoding="utf-8")
    toc = list(dict.fromkeys(TOC_LINK.findall(calendar)))
    provinces = [name for name, _, _ in index.groups.province_deadlines()]
    assert [i for i in toc if i.startswith("tinh-")] == [f"tinh-{slug}" for slug in map(province_slug, provinces)]
    assert set(toc) <= set(HEADING_ID.findall(calendar))


def test_the_plans_index_lists_the_plans_of_each_year_as_a_list(site, dataset):
    """Under 'Theo năm' each plan is an item of its year's list, not a line of text starting with a dash."""
    html = (site / "ke-hoach" / "index.html").read_text(encoding="utf-8")
    by_year = html.split('id="theo-nam"')[1].split('id="theo-cap"')[0]
    items = re.findall(r'<li><a href="([^"#]+)\.html"', by_year)
    assert sorted(items) == sorted(dataset.plans)
    assert not re.search(r"^- ", unescape(re.sub(r"<[^>]+>", "", by_year)), re.M)
