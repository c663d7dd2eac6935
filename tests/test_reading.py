"""The built site as an official reads it: doubts out of the way, maintainers' pages apart, plain words,
a Vietnamese footer with the data's date. Expected values come from the YAML, read here directly."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import yaml

from tests.browser import fold
from tests.conftest import DATA
from tests.htmlcheck import main_text

ROOT = Path(__file__).resolve().parent.parent
MAINTAINER_MENU = "Dành cho người cập nhật dữ liệu"


def _maintainer_pages() -> set[str]:
    """The pages listed under the maintainers' menu in mkdocs.yml (the officials' menu is the rest)."""
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !ENV, !!python/name: not needed here
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["nav"]
    entries = next(item[MAINTAINER_MENU] for item in nav if isinstance(item, dict) and MAINTAINER_MENU in item)
    paths = [v for e in entries for v in (e.values() if isinstance(e, dict) else [e])]
    return {re.sub(r"\.md$", ".html", p) for p in paths}


MAINTAINER_PAGES = _maintainer_pages()
TECHNICAL_WORDS = ("Markdown", ".md.txt", "JSON", "bản dựng", "YAML", "python -m")


def _yaml(folder: str) -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((DATA / folder).glob("*.yaml"))]


def reading_pages(site: Path) -> list[Path]:
    """Every page an official may land on: all HTML pages but the maintainers' and the 404 page."""
    return [p for p in sorted(site.rglob("*.html"))
            if p.relative_to(site).as_posix() not in MAINTAINER_PAGES and p.name != "404.html"]


def _doubts(path: Path) -> str:
    source = path.read_text(encoding="utf-8")
    match = re.search(r'<details class="data-doubts">(.*?)</details>', source, re.S)
    return match.group(1) if match else ""


def test_doubts_are_one_folded_note_at_the_end_of_a_plan(site):
    for plan in _yaml("plans"):
        path = site / "ke-hoach" / f"{plan['id']}.html"
        source = path.read_text(encoding="utf-8")
        assert source.count('class="data-doubts"') <= 1
        if not plan.get("problems"):
            continue
        note = _doubts(path)
        assert plan["problems"][0].split('"')[0][:30] in note
        article = re.search(r'<article class="md-content__inner.*?</article>', source, re.S).group(0)
        after = article[article.index('class="data-doubts"'):].split("</details>", 1)[1]
        assert not re.sub(r"<[^>]+>|\s", "", after), "text after the doubts note"
        assert '<details class="data-doubts" open' not in source


def test_doubts_name_records_instead_of_ids(site):
    ids = [r["id"] for kind in ("documents", "plans") for r in _yaml(kind)]
    shown = [(path.name, i) for path in [*(site / "ke-hoach").glob("*.html"), *(site / "van-ban").glob("*.html")]
             for i in ids if re.search(rf"(?<![\w/-]){re.escape(i)}(?![\w-])", _doubts(path))]
    assert not shown


def _primary_nav(path: Path) -> str:
    source = path.read_text(encoding="utf-8")
    return re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>\s*</div>\s*</div>', source, re.S).group(0)


def test_maintainer_pages_sit_in_their_own_menu_section(site):
    home = _primary_nav(site / "index.html")
    section = home.index("Dành cho người cập nhật dữ liệu")
    for officials in ("van-ban/index.html", "ke-hoach/index.html", "thuat-ngu.html"):
        assert home.index(f'href="{officials}"') < section, officials
    assert "Chất lượng dữ liệu" not in re.sub(r"<[^>]+>", " ", home)  # folded inside the section
    inside = _primary_nav(site / "chat-luong-du-lieu.html")
    section = inside.index("Dành cho người cập nhật dữ liệu")
    for target in ("chat-luong-du-lieu.html", "huong-dan/bao-tri.html"):
        assert inside.index(f'href="{target}"') > section, target


def test_reading_pages_use_plain_words_for_downloads(site):
    found = [(p.relative_to(site).as_posix(), w) for p in reading_pages(site) for w in TECHNICAL_WORDS
             if w in main_text(p)]
    assert not found


def test_footer_is_vietnamese_with_the_date_of_the_data(site):
    days = [d["date"] for kind in ("documents", "plans") for d in _yaml(kind)
            if isinstance(d.get("date"), str) and len(d["date"]) == 10]
    stated = re.findall(r"^as_of:\s*['\"]?(\d{4}-\d{2}-\d{2})", "\n".join(
        p.read_text(encoding="utf-8") for p in DATA.rglob("*.yaml")), re.M)
    for path in [site / "index.html", site / "ke-hoach" / "so-sanh.html"]:
        footer = re.search(r"<footer.*</footer>", path.read_text(encoding="utf-8"), re.S).group(0)
        assert "Made with" not in footer and "Material for MkDocs" not in footer
        shown = re.search(r"Dữ liệu cập nhật đến ngày <strong>(\d\d)/(\d\d)/(\d{4})</strong>", footer)
        assert shown, footer
        iso = f"{shown.group(3)}-{shown.group(2)}-{shown.group(1)}"
        assert iso in stated + days and all(iso >= d for d in days)


# --- calendar ---------------------------------------------------------------------------------

def _reports() -> list[tuple[dict, dict, dict]]:
    return [(plan, job, rep) for plan in _yaml("plans") for job in plan.get("assignments", [])
            for rep in job.get("reports", [])]


def _province(plan: dict) -> str:
    orgs = {o["id"]: o for f in sorted((DATA / "organisations").glob("*.yaml"))
            for o in yaml.safe_load(f.read_text(encoding="utf-8"))["organisations"]}
    return orgs[plan["issuer"]].get("province") or "Trung ương"


def _now(province: str | None) -> str | None:
    """The province a province's records belong to on the data's date: data/validity.yaml's
    arrangements (Bình Định → Gia Lai) followed to the end, as an official of that day finds them."""
    validity = yaml.safe_load((DATA / "validity.yaml").read_text(encoding="utf-8"))
    moves = {m["province"]: m["into"] for m in validity.get("provinces", []) if m.get("into")
             if str(m["date"]) <= str(validity["as_of"])}
    seen = set()
    while province in moves and province not in seen:
        seen.add(province)
        province = moves[province]
    return province


def _events(path: Path) -> list:
    import icalendar

    return icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")


def test_every_published_calendar_has_events_with_two_reminders(site):
    import datetime as dt

    files = sorted((site / "lich").glob("*.ics"))
    assert files
    for path in files:
        events = _events(path)
        assert events, path.name
        for event in events:
            triggers = sorted(a.decoded("trigger") for a in event.walk("VALARM"))
            assert triggers == [dt.timedelta(days=-7), dt.timedelta(days=-1)], (path.name, event["summary"])


def test_calendar_files_only_where_a_plan_dates_a_report(site):
    for plan in _yaml("plans"):
        dated = any(rep.get("due") for owner, _, rep in _reports() if owner["id"] == plan["id"])
        page = (site / "ke-hoach" / f"{plan['id']}.html").read_text(encoding="utf-8")
        assert (site / "lich" / f"{plan['id']}.ics").exists() == dated, plan["id"]
        assert (f'href="../lich/{plan["id"]}.ics"' in page) == dated
        if not dated:
            assert "không ghi ngày cụ thể cho báo cáo nào" in main_text(site / "ke-hoach" / f"{plan['id']}.html")


def test_before_a_date_means_the_day_before_with_the_wording_kept(site):
    import datetime as dt

    checked = 0
    for plan, job, rep in _reports():
        if "trước ngày" not in rep["text"]:
            continue
        events = [e for e in _events(site / "lich" / f"{plan['id']}.ics") if rep["text"][:40] in
                  str(e.get("description")).replace("\n", " ")]
        for due in rep.get("due", []):
            years = [due[:4]] if len(due) == 10 else range(plan["period"]["start"], plan["period"]["end"] + 1)
            for year in years:
                written = dt.date.fromisoformat(due if len(due) == 10 else f"{year}-{due}")
                assert written - dt.timedelta(days=1) in {e.decoded("dtstart") for e in events}, (plan["id"], due)
                assert written not in {e.decoded("dtstart") for e in events}
                checked += 1
    assert checked >= 4


def test_event_titles_name_the_province_and_the_plan(site):
    for plan in _yaml("plans"):
        path = site / "lich" / f"{plan['id']}.ics"
        if not path.exists():
            continue
        number = plan.get("number") or ""
        for event in _events(path):
            summary = str(event["summary"])
            assert summary.startswith(_province(plan) + ":"), summary
            assert (number in summary) if number[:1].isdigit() else "(chưa số)" in summary


def test_one_calendar_per_province_with_dated_reports(site):
    provinces = {_province(p) for p, _, rep in _reports() if rep.get("due")}
    for now in {_now(name) for name in provinces}:
        slug = fold(now).replace(" ", "-")
        events = _events(site / "lich" / f"tinh-{slug}.ics")
        former = tuple(f"{name}:" for name in provinces if _now(name) == now)
        assert events and all(str(e["summary"]).startswith(former) for e in events), now


def test_calendar_page_lists_every_reporting_duty_with_past_apart(site):
    import datetime as dt

    path = site / "ke-hoach" / "lich-bao-cao.html"
    text = main_text(path)
    for plan, job, rep in _reports():
        assert " ".join(rep["text"].split()) in text, rep["text"]
    footer = re.search(r"Dữ liệu cập nhật đến ngày <strong>(\d\d)/(\d\d)/(\d{4})", path.read_text(encoding="utf-8"))
    asof = dt.date(int(footer.group(3)), int(footer.group(2)), int(footer.group(1)))
    source = path.read_text(encoding="utf-8")
    for past in re.findall(r'<details class="past-deadlines">(.*?)</details>', source, re.S):
        for day in re.findall(r'data-label="Hạn"><strong>(\d\d)/(\d\d)/(\d{4})', past):
            assert dt.date(int(day[2]), int(day[1]), int(day[0])) < asof
    upcoming = re.sub(r'<details class="past-deadlines">.*?</details>', "", source, flags=re.S)
    for day in re.findall(r'data-label="Hạn"><strong>(\d\d)/(\d\d)/(\d{4})', upcoming):
        assert dt.date(int(day[2]), int(day[1]), int(day[0])) >= asof


def test_home_page_starts_from_what_officials_come_to_do(site):
    text = main_text(site / "index.html")
    tasks = ["Soạn kế hoạch của đơn vị", "Tìm văn bản làm căn cứ", "Lịch báo cáo của tỉnh", "Theo dõi “Dân vận khéo”"]
    positions = [text.find(t) for t in tasks]
    assert -1 not in positions and positions == sorted(positions) and positions[-1] < text.find("Tra cứu")
    links = (site / "index.html").read_text(encoding="utf-8")
    for plan in _yaml("plans"):
        assert _now(_province(plan)) in text
    assert "ke-hoach/lich-bao-cao.html#tinh-" in links and "soan-ke-hoach/index.html" in links


def test_each_plan_links_its_source_text_as_a_readable_page(site):
    for plan in _yaml("plans"):
        page = (site / "ke-hoach" / f"{plan['id']}.html").read_text(encoding="utf-8")
        assert f'href="van-ban-goc/{plan["id"]}.html"' in page and f'href="van-ban-goc/{plan["id"]}.txt"' in page
        source = site / "ke-hoach" / "van-ban-goc" / f"{plan['id']}.html"
        assert '<meta charset="utf-8">' in source.read_text(encoding="utf-8")
        text = main_text(source)
        lines = [ln.strip() for ln in (DATA / "sources" / plan["source"]).read_text(encoding="utf-8").splitlines()]
        assert all(" ".join(ln.split()) in text for ln in lines if ln)


def test_comparison_has_plan_names_as_headers_and_every_target_figure(site):
    path = site / "ke-hoach" / "so-sanh.html"
    source = path.read_text(encoding="utf-8")
    orgs = {o["id"]: o for f in sorted((DATA / "organisations").glob("*.yaml"))
            for o in yaml.safe_load(f.read_text(encoding="utf-8"))["organisations"]}
    heads = [re.sub(r"<[^>]+>", " ", h) for h in re.findall(r"<thead>(.*?)</thead>", source, re.S)]
    assert len(heads) == 4
    text = main_text(path)
    for plan in _yaml("plans"):
        issuer = orgs[plan["issuer"]]
        assert all((issuer.get("short_name") or issuer["name"]) in h for h in heads), issuer
        for target in plan.get("targets", []):
            if target.get("quantity"):
                assert target["quantity"] in text, target["quantity"]
    assert "K1" not in text


def test_hierarchy_lists_each_province_apart(site):
    orgs = {o["id"]: o for f in sorted((DATA / "organisations").glob("*.yaml"))
            for o in yaml.safe_load(f.read_text(encoding="utf-8"))["organisations"]}
    province_of = {d["id"]: _now(orgs[d["issuer"]].get("province") if d.get("issuer") else None) for d in _yaml("documents")}
    source = (site / "van-ban" / "he-thong.html").read_text(encoding="utf-8")
    body = source.split('id="chuoi-can-cu"')[0]
    sections = re.split(r'<h2 id="tinh-[a-z-]+">', body)[1:]
    assert len(sections) == len({p for p in province_of.values() if p})
    for section in sections:
        name = re.sub(r"<[^>]+>", "", section.split("</h2>")[0]).strip()
        listed = re.findall(r'<li[^>]*><a href="([a-z0-9-]+)\.html"', section.split("<h2")[0])
        assert listed and all(province_of[d] == name for d in listed), name



# What only maintainers should read: English words of the data's vocabulary and of Word's menus.
ENGLISH = re.compile(r"\b(?:replaces|replaced|amends|amended|repeals|repealed|aims|tasks|targets|organisations?|"
                     r"issuer|source|status|unknown|draft|Styles|Select All|TODO|None|null)\b")
SOURCE_FILE = re.compile(r"\b\d{3}_[0-9a-f]{8,}\.\w+|[\w-]+\.ya?ml\b|\bdata/\w")
ADDRESS = re.compile(r"https?://\S+")


def _ids() -> set[str]:
    """Every id in the data: record files, organisations and glossary terms."""
    ids = {r["id"] for kind in ("documents", "plans", "campaigns") for r in _yaml(kind)}
    ids |= {o["id"] for f in sorted((DATA / "organisations").glob("*.yaml"))
            for o in yaml.safe_load(f.read_text(encoding="utf-8")).get("organisations", [])}
    ids |= {t["id"] for t in yaml.safe_load((DATA / "themes.yaml").read_text(encoding="utf-8"))["themes"]}
    return {i for i in ids if i.count("-") >= 2}  # 'ubnd' or 'so-ke' could be words; ids of 3 parts are not


def internals(text: str, ids: set[str]) -> list[str]:
    """Ids standing alone, source file names and English words of the data in a page's visible text."""
    id_word = re.compile(r"(?<![\w/.-])(" + "|".join(sorted(map(re.escape, ids), key=len, reverse=True))
                         + r")(?![\w/-])")
    text = ADDRESS.sub(" ", text)
    return [f"{m.group(0)!r} in …{text[max(0, m.start() - 40):m.end() + 20]}…"
            for pattern in (id_word, SOURCE_FILE, ENGLISH) for m in pattern.finditer(text)]


def test_no_internals_on_officials_pages(site):
    """No record id, source file name, data file or English word of the data on any page an official reads;
    addresses of sources (https://…) may hold anything."""
    ids = _ids()
    found = [f"{p.relative_to(site).as_posix()}: {hit}" for p in reading_pages(site) for hit in internals(main_text(p), ids)]
    assert not found, f"{len(found)} internals:\n" + "\n".join(found[:40])


def test_the_internals_check_catches_each_kind():
    ids = _ids()
    planted = ["Nguồn (bản kh-13-2022-ubnd-lao-cai) không nêu", "Bản nguồn 002_1409461a94ad2694.txt, dòng 14",
               "xem data/validity.yaml", "Tên phần (aims)", "10/2022/QH15 replaces Pháp lệnh 34",
               "bấm Styles → Select All Instances"]
    assert all(internals(text, ids) for text in planted)
    assert not internals("Kế hoạch 13/KH-UBND – nơi đọc: https://x.vn/kh-13-2022-ubnd-lao-cai/status", ids)


def _timeline_rows(path: Path) -> list[str]:
    """The rows of a document's "Ngày | Sự kiện" table, as text: 'chưa rõ | Có hiệu lực …'."""
    source = path.read_text(encoding="utf-8")
    table = re.search(r"<th>Sự kiện</th>.*?</table>", source, re.S)
    rows = re.findall(r"<tr>(.*?)</tr>", table.group(0), re.S) if table else []
    cells = [re.findall(r"<td>(.*?)</td>", r, re.S) for r in rows]
    return [" | ".join(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", c)).strip() for c in row) for row in cells]


def test_a_document_takes_effect_before_it_ends_in_its_timeline(site):
    """'chưa rõ — Có hiệu lực' no longer follows a replacement or repeal, which read as a revival."""
    wrong, seen = [], 0
    for path in sorted((site / "van-ban").glob("*.html")):
        rows = [r.split(" | ", 1)[-1] for r in _timeline_rows(path)]
        ends = [i for i, r in enumerate(rows) if r.startswith(("Bị thay thế", "Hết hiệu lực", "Bị bãi bỏ"))]
        starts = [i for i, r in enumerate(rows) if r.startswith("Có hiệu lực")]
        seen += bool(ends and starts)
        if ends and starts and max(starts) > min(ends):
            wrong.append((path.name, rows))
    assert seen and not wrong, wrong


def _organisations() -> list[dict]:
    return [o for f in sorted((DATA / "organisations").glob("*.yaml"))
            for o in yaml.safe_load(f.read_text(encoding="utf-8")).get("organisations", [])]


def test_every_organisation_has_a_page_with_its_duties_and_drafts(site):
    """Its name as the title; every plan section that assigns work to it by its id, linked; its drafts
    (the year-ahead draft pages named after it), linked; its parent linked."""
    plans = _yaml("plans")
    drafts = {p.stem for p in (site / "soan-ke-hoach").rglob("*.html")}
    for org in _organisations():
        path = site / "co-quan" / f"{org['id']}.html"
        source = path.read_text(encoding="utf-8")
        assert unescape(re.search(r"<h1[^>]*>(.*?)</h1>", source).group(1)) == org["name"]
        assert unescape(re.search(r"<title>(.*?)</title>", source).group(1)).startswith(org["name"])
        for plan in plans:
            for job in plan.get("assignments", []):
                if job.get("unit") == org["id"]:
                    assert f'href="../ke-hoach/{plan["id"]}.html#{job["id"]}"' in source, (org["id"], plan["id"])
        if org["id"] in drafts:
            assert re.search(rf'href="\.\./soan-ke-hoach/[^"]*/{re.escape(org["id"])}\.html"', source), org["id"]
        if org.get("parent"):
            assert f'href="{org["parent"]}.html"' in source


def test_a_plan_links_its_issuer_to_the_issuers_page(site):
    for plan in _yaml("plans"):
        source = (site / "ke-hoach" / f"{plan['id']}.html").read_text(encoding="utf-8")
        assert f'href="../co-quan/{plan["issuer"]}.html"' in source, plan["id"]
