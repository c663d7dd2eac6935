"""A corpus of broken data (tests/broken/NN-*.yaml): each is one mistake a maintainer makes.

Each case edits the small data set (tests/minidata.py) and names the message a maintainer must
see: file, line, field and words. For every case `python -m macros check` (run in-process)
exits non-zero with that line and no traceback, and the build's own data step (the plugin's
`on_config`, what `mkdocs build` runs first) stops with the very same report. A few cases are
built for real, over a folder holding a previous site, which must stay as it was.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from macros.cli import main
from macros.site.plugin import plugin_of
from tests.conftest import ROOT, build_site
from tests.minidata import write_minidata

CASES = sorted((Path(__file__).parent / "broken").glob("*.yaml"))
ACTING = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # all but the newline
BUILT = ["07-tab-indentation", "35-organisation-parent-cycle", "42-symlink-in-sources",
         "57-source-hard-linked-to-a-file-outside"]  # real builds (slow)


def case_of(name: str) -> dict:
    return yaml.safe_load((Path(__file__).parent / "broken" / f"{name}.yaml").read_text(encoding="utf-8"))


def broken_data(tmp_path: Path, case: dict) -> Path:
    """The small data set with the case's mistake in it."""
    root = write_minidata(tmp_path / "data")
    for rel, pairs in (case.get("edit") or {}).items():
        path = root / rel
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, f"{rel} no longer has {old!r}: update the case"
            text = text.replace(old, new, 1)
        path.write_bytes(text.encode("utf-8"))
    for rel, text in (case.get("write") or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(text.encode(case.get("encoding", "utf-8")))
    for rel, target in (case.get("link") or {}).items():
        os.symlink(target, root / rel)
    for rel, target in (case.get("hardlink") or {}).items():  # target: relative to data/, may lead out of it
        (root / rel).unlink(missing_ok=True)
        os.link(root / target, root / rel)
    for rel in case.get("fifo") or []:
        os.mkfifo(root / rel)
    return root


def expected_line(case: dict) -> str:
    want = case["expect"]
    field = f" {want['field']}:" if want["field"] else ""
    return f"data/{want['file']}:{want['line']}:{field}"


def check_output(root: Path, capsys) -> tuple[int, str]:
    code = main(["check", "--data", str(root)])
    return code, capsys.readouterr().err


@pytest.fixture(scope="module")
def config():
    """The project's mkdocs config, loaded once; each case points its data_dir at its own data."""
    return load_config(str(ROOT / "mkdocs.yml"))


def build_report(config, root: Path) -> str:
    """What the build says about the data: the plugin's first step, as `mkdocs build` runs it."""
    plugin_of(config).config["data_dir"] = str(root)
    with pytest.raises(Abort) as info:
        plugin_of(config).on_config(config)
    return str(info.value).strip()


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_check_names_file_line_field_and_the_build_agrees(tmp_path, capsys, config, path):
    case = case_of(path.stem)
    root = broken_data(tmp_path, case)
    code, err = check_output(root, capsys)
    assert code != 0
    assert "Traceback" not in err
    assert not ACTING.search(err), "a character that acts on the terminal was printed as is"
    lines = [ln for ln in err.splitlines() if ln.startswith(expected_line(case))]
    assert any(case["expect"]["words"] in ln for ln in lines), (expected_line(case), err)
    assert build_report(config, root) == err.strip()


def test_the_corpus_is_large_and_each_case_says_what_it_is():
    assert len(CASES) >= 40
    for path in CASES:
        assert path.read_text(encoding="utf-8").startswith("# "), path
        assert set(case_of(path.stem)["expect"]) == {"file", "line", "field", "words"}, path


@pytest.mark.parametrize("name", BUILT)
def test_a_real_build_stops_and_leaves_the_previous_site(tmp_path, name):
    case = case_of(name)
    root = broken_data(tmp_path, case)
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("the site readers have now", encoding="utf-8")
    result = build_site(out, root)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert any(ln.strip().startswith(expected_line(case)) and case["expect"]["words"] in ln
               for ln in output.splitlines()), output
    assert [p.name for p in out.iterdir()] == ["index.html"]
    assert (out / "index.html").read_text(encoding="utf-8") == "the site readers have now"
