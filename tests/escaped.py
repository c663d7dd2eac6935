"""Reading a built site for hostile text that became markup, without a browser.

Every hostile string begins with MARK and names LEAK in each URL it tries to load
(tests/hostile.py). Text that stayed text keeps MARK beside LEAK; markup that got through makes
elements and attributes of its own. So a page, or a search entry Material inserts as HTML, is
wrong when it holds an event handler attribute, a script that calls alert, a `javascript:` link,
or an attribute holding LEAK without MARK (`<img src=/leak-img>` made live). Calendars must keep
every line a property line; Word files must stay well-formed XML; JSON must parse.
"""

from __future__ import annotations

import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

from tests.hostile import JINJA_MARK, LEAK, MARK

# What Material's search inserts as HTML from each index entry (its h() appends strings as HTML).
RENDERED_FIELDS = ("title", "text", "tags")
_PROPERTY_LINE = re.compile(r"^[A-Z][A-Z0-9-]*(;[^:\r\n]*)?:")


class _Live(HTMLParser):
    """Collects the elements and attributes the hostile text would have made."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value[:40]!r}>")
            elif LEAK in value and MARK not in value:
                self.found.append(f"<{tag} {name}={value[:40]!r}>")
            elif name in {"href", "src", "action", "formaction"} and value.strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value[:40]!r}>")
        self._script = tag == "script" and not dict(attrs).get("src")

    def handle_endtag(self, tag):
        self._script = False

    def handle_data(self, data):
        if self._script and "alert(" in data:
            self.found.append(f"<script>{data.strip()[:40]!r}")


def live_markup(html: str) -> list[str]:
    """Elements and attributes in `html` that hostile text made (empty when it stayed text)."""
    parser = _Live()
    parser.feed(html)
    parser.close()
    return parser.found


def page_problems(site: Path) -> list[str]:
    out = []
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        out += [f"{path.relative_to(site)}: {found}" for found in live_markup(text)]
        if JINJA_MARK in text:
            out.append(f"{path.relative_to(site)}: template syntax in the data was run")
    return out


def search_problems(site: Path) -> list[str]:
    """The fields of each search entry that Material shows as HTML in the result list."""
    docs = [doc for name in ("search_index.json", "search_full.json")  # the quick index and the full one
            for doc in json.loads((site / "search" / name).read_text(encoding="utf-8"))["docs"]]
    out = []
    for doc in docs:
        for field in RENDERED_FIELDS:
            values = doc.get(field) or []
            for value in values if isinstance(values, list) else [values]:
                out += [f"search {doc['location']} {field}: {found}" for found in live_markup(str(value))]
    return out


def calendar_problems(site: Path) -> list[str]:
    """Every line of every .ics file, unfolded, is a property: no text broke a line of its own."""
    out = []
    for path in sorted(site.rglob("*.ics")):
        raw = path.read_bytes().decode("utf-8")
        if re.search(r"(?<!\r)\n|\r(?!\n)", raw):
            out.append(f"{path.relative_to(site)}: a line break other than CRLF")
        for line in re.sub(r"\r\n[ \t]", "", raw).split("\r\n"):
            if line and not _PROPERTY_LINE.match(line):
                out.append(f"{path.relative_to(site)}: not a property line: {line[:60]!r}")
    return out


def word_problems(site: Path) -> list[str]:
    """Each XML part of each .docx parses (text with <, & or quotes stayed escaped)."""
    out = []
    for path in sorted(site.rglob("*.docx")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.endswith(".xml") or name.endswith(".rels"):
                    try:
                        ElementTree.fromstring(archive.read(name))
                    except ElementTree.ParseError as exc:
                        out.append(f"{path.relative_to(site)} {name}: {exc}")
    return out


def json_problems(site: Path) -> list[str]:
    out = []
    for path in sorted(site.rglob("*.json")):
        try:
            json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            out.append(f"{path.relative_to(site)}: {exc}")
    return out


def problems(site: Path) -> list[str]:
    """Everything in the built site where hostile text did not stay text."""
    return page_problems(site) + search_problems(site) + calendar_problems(site) + word_problems(site) + json_problems(site)


def shown_as_text(site: Path, text: str) -> list[str]:
    """Where the data lands, `text` is readable as written: the pages whose text holds all of it,
    the calendars whose unescaped values hold its beginning (events are cut short), the Word files
    whose text holds MARK."""
    squeeze = lambda s: " ".join(s.split())  # noqa: E731 - spaces and line breaks collapse on a page
    from tests.htmlcheck import main_text

    whole = squeeze(text)
    found = [p.relative_to(site).as_posix() for p in sorted(site.rglob("*.html")) if whole in squeeze(main_text(p))]
    first = text.split("\n")[0][:60]
    for path in sorted(site.rglob("*.ics")):
        unfolded = re.sub(r"\r\n[ \t]", "", path.read_bytes().decode("utf-8"))
        values = re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), unfolded)
        if first in values:
            found.append(path.relative_to(site).as_posix())
    for path in sorted(site.rglob("*.docx")):
        with zipfile.ZipFile(path) as archive:
            body = ElementTree.fromstring(archive.read("word/document.xml"))
        if MARK in "".join(body.itertext()):
            found.append(path.relative_to(site).as_posix())
    return found
