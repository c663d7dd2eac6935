"""The on-page preview of a draft marks the places to fill as the Word file does, on screen and on paper."""

from __future__ import annotations

import re
from html import unescape

import pytest

from macros.data.loader import load
from macros.drafting.guide import Drafting
from macros.drafting.word import to_docx
from macros.knowledge.index import SiteIndex
from macros.site.render import Renderer
from tests.conftest import DATA
from tests.draftcheck import blanks

PAGE = "soan-ke-hoach/ke-hoach-2027/ubnd-gia-lai.html"


def preview(html: str) -> str:
    return html[html.index('<div class="draft-paper">'):]


@pytest.fixture(scope="module")
def book():
    ix = SiteIndex(load(DATA))
    return Drafting(ix, Renderer(ix).title_of).book


def test_every_blank_of_the_word_file_is_marked_in_the_preview_and_no_other(site, book):
    for slug in ("ke-hoach-2027/ubnd-gia-lai", "ke-hoach-2027/so-noi-vu-lao-cai", "ke-hoach-2027/vp-ubnd-lai-chau"):
        html = preview((site / "soan-ke-hoach" / f"{slug}.html").read_text(encoding="utf-8"))
        marks = [unescape(m) for m in re.findall(r'<mark class="draft-blank"[^>]*>(.*?)</mark>', html)]
        word, _ = blanks(to_docx(book.draft(slug)))
        assert marks and sorted(marks) == sorted(word), slug
        hints = "".join(re.findall(r'<p class="draft-hint">.*?</p>', html, re.S))
        assert "<mark" not in hints  # advice is not a place to fill, as in Word
        outside = re.sub(r'<mark class="draft-blank"[^>]*>.*?</mark>|<p class="draft-hint">.*?</p>', "", html, flags=re.S)
        assert "[…]" not in unescape(re.sub(r"<[^>]+>", "", outside)), slug


def test_a_blank_is_announced_and_stays_highlighted_and_framed_when_printed(site, pw, tmp_path):
    from tests.browser import chromium, serve

    with serve(site) as url, chromium(pw, tmp_path / "profile") as ctx:
        page = ctx.new_page()
        page.goto(url + PAGE)
        mark = page.locator("mark.draft-blank").first
        spoken = mark.evaluate("m => getComputedStyle(m, '::before').content")
        assert "chỗ cần điền" in spoken
        page.emulate_media(media="print")
        style = mark.evaluate("m => { const s = getComputedStyle(m); return [s.backgroundColor, s.color, "
                              "s.borderTopStyle, s.printColorAdjust || s.webkitPrintColorAdjust]; }")
        assert style[0] not in ("rgba(0, 0, 0, 0)", "transparent") and style[1] == "rgb(0, 0, 0)"
        assert style[2] == "solid" and style[3] == "exact"
        box = mark.bounding_box()
        assert box and box["width"] > 4  # the generated words are hidden from sight, the blank is not


def test_the_page_of_a_successor_draft_says_what_it_is_made_from(site):
    from tests.htmlcheck import main_text

    text = main_text(site / PAGE)
    made = text[text.index("Soạn từ:"):text.index("Chữ ký theo loại")]
    assert "Ủy ban nhân dân tỉnh Bình Định (thôi tồn tại từ 01/07/2025" in made and "cơ quan mà đơn vị kế thừa" in made
    assert "tên cơ quan ở đầu văn bản, số ký hiệu và chữ ký (của đơn vị)" in made
    assert "Kiểm tra các văn bản mới hơn của chính đơn vị" in made
