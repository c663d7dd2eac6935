"""The theme overrides in macros/site/theme/ are copies of Material's files with data escaped.

A copy silently keeps the old markup when Material changes its file: each copy names the
original and its hash in its first line, and this test fails as soon as the installed Material
differs, so the copy is redone from the new file (and tests/test_hostile.py re-run).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material
import pytest

from tests.conftest import ROOT

THEME = ROOT / "macros" / "site" / "theme"
MATERIAL = Path(material.__file__).parent / "templates"
COPY_NOTE = re.compile(r"Copy of Material [\d.]+ (\S+) \(sha256 ([0-9a-f]{16})\)")
COPIES = sorted(p for p in THEME.rglob("*.html") if COPY_NOTE.search(p.read_text(encoding="utf-8")))


def test_copies_are_found():
    assert {p.relative_to(THEME).as_posix() for p in COPIES} >= {
        "partials/header.html", "partials/nav.html", "partials/tags.html", "partials/toc-item.html",
        "fragments/tags/default/tag.html",
    }


@pytest.mark.parametrize("copy", COPIES, ids=lambda p: p.relative_to(THEME).as_posix())
def test_copy_matches_installed_material(copy):
    name, digest = COPY_NOTE.search(copy.read_text(encoding="utf-8")).groups()
    assert name == copy.relative_to(THEME).as_posix()
    original = (MATERIAL / name).read_bytes()
    assert hashlib.sha256(original).hexdigest()[:16] == digest, f"Material changed {name}: redo {copy}"


@pytest.mark.parametrize("copy", COPIES, ids=lambda p: p.relative_to(THEME).as_posix())
def test_copy_differs_only_by_escaping(copy):
    """Apart from the note, each changed line adds `| e` (or escapes conditionally): nothing else drifts."""
    name = COPY_NOTE.search(copy.read_text(encoding="utf-8")).group(1)
    ours = _body(copy.read_text(encoding="utf-8"))
    theirs = _body((MATERIAL / name).read_text(encoding="utf-8"))
    assert len(ours) == len(theirs)
    changed = [(a, b) for a, b in zip(ours, theirs) if a != b]
    assert changed and all(a.count("| e") > b.count("| e") for a, b in changed)


def _body(text: str) -> list[str]:
    """The template after its note, without the `per_folder` wrappers (parts made once per folder, which
    tests/test_adapter.py compares with what Material makes for each page)."""
    return PER_FOLDER.sub("", text.split("-#}\n", 1)[1]).splitlines()


PER_FOLDER = re.compile(r'\{% call per_folder\("[\w-]+"\) %\}|\{% endcall %\}')
