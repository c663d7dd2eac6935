"""The maintainer guide's walk-through, done as written on a fresh copy of data/.

The section "Ví dụ từ đầu đến cuối" of docs/huong-dan/bao-tri.md is read block by block:
- a `bash` block: each command is run (`python -m macros …` in-process, `make check` as
  `python -m macros check`), against the copy;
- a block whose first line is `# data/<path>` (yaml, text): that file is written with the rest;
- a `diff` block (`# data/<path>`, then `-old` / `+new` lines): the mistake is made, `check` is
  run and must fail with the lines of the `text` block that follows, then the mistake is undone;
- a `text` block after a command: lines its output must hold ("…" stands for any text).
The guide is the test's data: when the tools change, the guide must say what they now do.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from macros.cli import main
from tests.conftest import ROOT

GUIDE = ROOT / "docs" / "huong-dan" / "bao-tri.md"
SECTION = "## Ví dụ từ đầu đến cuối"
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.M | re.S)


def blocks(title: str = SECTION) -> list[tuple[str, str]]:
    text = GUIDE.read_text(encoding="utf-8")
    section = text[text.index(title):]
    section = section[: section.find("\n## ", 1)] if "\n## " in section[1:] else section
    return [(m.group(1), m.group(2)) for m in FENCE.finditer(section)]


def run(command: str, data: Path, capsys) -> tuple[int, str]:
    """One command of the guide, against `data`; (exit code, everything it printed)."""
    if command == "make check":
        args = ["check"]
    else:
        words = shlex.split(command)
        assert words[:3] == [".venv/bin/python", "-m", "macros"], f"the walk-through runs only the data tools: {command}"
        args = words[3:]
    code = main([*args, "--data", str(data)])
    out = capsys.readouterr()
    return code, out.out + out.err


def holds(output: str, expected: str) -> bool:
    """Each expected line is in the output ('…' matches any text)."""
    patterns = [".*?".join(re.escape(part) for part in line.split("…")) for line in expected.strip().splitlines()]
    return all(re.search(p, output) for p in patterns)


def test_walk_through_a_new_province(data_copy, capsys):
    steps = blocks()
    assert [kind for kind, _ in steps].count("diff") == 3  # the three mistakes
    last_output = None
    for index, (kind, body) in enumerate(steps):
        first, _, rest = body.partition("\n")
        if kind == "bash":
            for command in filter(None, (line.strip() for line in body.splitlines())):
                code, last_output = run(command, data_copy, capsys)
                assert code == 0, (command, last_output)
        elif kind == "diff":
            path = data_copy.parent / first.removeprefix("# ").strip()
            original = path.read_text(encoding="utf-8")
            old = [line[1:] for line in rest.splitlines() if line.startswith("-")]
            new = [line[1:] for line in rest.splitlines() if line.startswith("+")]
            assert "\n".join(old) in original, f"the guide's mistake no longer applies: {old}"
            path.write_text(original.replace("\n".join(old), "\n".join(new), 1), encoding="utf-8")
            code, output = run("make check", data_copy, capsys)
            expected = steps[index + 1]
            assert code != 0 and expected[0] == "text" and holds(output, expected[1]), output
            assert "Traceback" not in output
            path.write_text(original, encoding="utf-8")
            last_output = None
        elif first.startswith("# data/"):
            path = data_copy.parent / first.removeprefix("# ").strip()
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(rest, encoding="utf-8")
        elif kind == "text" and last_output is not None:
            assert holds(last_output, body), (body, last_output)
    code, output = run("make check", data_copy, capsys)
    assert code == 0, output


IMPORT_SECTION = "## Ví dụ: bản sao từ cổng thông tin và cả một thư mục"


def test_walk_through_a_portal_copy_and_a_batch(data_copy, capsys, monkeypatch):
    """The second walk-through: files under nhap/ are written as shown, commands run from the folder that
    holds data/, a `bash` block starting '# (dừng với lỗi)' or '# (thoát mã 1' must exit non-zero, a `diff`
    block is the maintainer's review (kept), a `text` block after a command lists lines of its output."""
    monkeypatch.chdir(data_copy.parent)
    steps = blocks(IMPORT_SECTION)
    assert [kind for kind, _ in steps].count("bash") == 5 and [kind for kind, _ in steps].count("diff") == 2
    last_output = None
    for kind, body in steps:
        first, _, rest = body.partition("\n")
        if kind == "bash":
            fails = first.strip() == "# (dừng với lỗi)" or first.strip().startswith("# (thoát mã 1")
            for command in (line.strip() for line in body.splitlines()):
                if command and not command.startswith("#"):
                    code, last_output = run(command, data_copy, capsys)
                    assert (code != 0) == fails, (command, last_output)
                    assert "Traceback" not in last_output
        elif kind == "diff":
            path = data_copy.parent / first.removeprefix("# ").strip()
            original = path.read_text(encoding="utf-8")
            old = [line[1:] for line in rest.splitlines() if line.startswith("-")]
            new = [line[1:] for line in rest.splitlines() if line.startswith("+")]
            assert "\n".join(old) in original, f"the guide's review step no longer applies: {old}"
            path.write_text(original.replace("\n".join(old), "\n".join(new), 1), encoding="utf-8")
            last_output = None
        elif first.startswith("# nhap/"):
            path = data_copy.parent / first.removeprefix("# ").strip()
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(rest, encoding="utf-8")
        elif kind == "text" and last_output is not None:
            assert holds(last_output, body), (body, last_output)
            last_output = None
    assert len(list((data_copy / "plans").glob("kh-1[56]-2026-so-noi-vu-mau.yaml"))) == 2


@pytest.mark.parametrize("words", ["new organisation", "source:", "implements", "relations:", "Cảnh báo",
                                   "PORT=8001"])
def test_guide_covers(words):
    assert words in GUIDE.read_text(encoding="utf-8")
