"""Pages written as HTML get what Python-Markdown gave the same page: abbreviations, heading ids, toc."""

from __future__ import annotations

import markdown

from macros.site.direct import Abbreviations, finish

MEANINGS = {"KH": 'Kế "hoạch" & co', "UBND": "Ủy ban nhân dân", "TM.": "Thừa mệnh"}

SOURCE = """# Kế hoạch 26/KH-UBND &amp; co

## Nhiệm vụ {#nhiem-vu}

### Kế hoạch 26/KH-VP

### Kế hoạch 26/KH-VP

#### Nhiệm vụ

Theo KH số 5 của UBND, <span title="KH">không</span> KHUBND, TM. UBND

*[KH]: Kế "hoạch" & co
*[UBND]: Ủy ban nhân dân
*[TM.]: Thừa mệnh
"""

HTML = """<h1>Kế hoạch 26/KH-UBND &amp; co</h1>
<h2 id="nhiem-vu">Nhiệm vụ</h2>
<h3>Kế hoạch 26/KH-VP</h3>
<h3>Kế hoạch 26/KH-VP</h3>
<h4>Nhiệm vụ</h4>
<p>Theo KH số 5 của UBND, <span title="KH">không</span> KHUBND, TM. UBND</p>"""


def test_the_same_html_and_toc_as_markdown_made():
    md = markdown.Markdown(extensions=["abbr", "attr_list", "toc"])
    expected = md.convert(SOURCE)
    done = finish(HTML, Abbreviations(MEANINGS))
    assert done.html == expected
    assert done.toc_tokens == md.toc_tokens
    assert {"nhiem-vu", "nhiem-vu_1", "ke-hoach-26kh-vp_1"} <= done.ids


def test_text_in_attributes_and_comments_is_left_alone():
    done = finish('<p><a href="x.html" title="UBND">UBND</a><!--dvcq-html 0--></p>', Abbreviations(MEANINGS))
    assert done.html == '<p><a href="x.html" title="UBND"><abbr title="Ủy ban nhân dân">UBND</abbr></a><!--dvcq-html 0--></p>'
