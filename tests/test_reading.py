"""The built site as an official reads it: doubts out of the way, maintainers' pages apart, plain words,
a Vietnamese footer with the data's date. Expected values come from the YAML, read here directly."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tests.conftest import DATA
from tests.htmlcheck import main_text

MAINTAINER_PAGES = {"chat-luong-du-lieu.html", "huong-dan/bao-tri.html"}
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
