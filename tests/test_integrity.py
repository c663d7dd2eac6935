"""`check` foresees every build: what it accepts builds (national and provincial), what it refuses the build refuses.

Each case here once passed `check` and then broke the build (a traceback after "Dữ liệu hợp lệ"); the fuzz
test at the end builds random variations of the small data set that `check` accepted.
"""

from __future__ import annotations

from pathlib import Path

from macros.cli import main
from tests.conftest import build_site
from tests.minidata import write_minidata

PROVINCE_B = """\
  - id: ubnd-b
    name: Ủy ban nhân dân tỉnh B
    kind: nha-nuoc
    level: tinh
    province: B
"""


def accepted(root: Path, capsys) -> bool:
    code = main(["check", "--data", str(root)])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code == 0


def assert_builds(tmp_path: Path, root: Path, province: str | None = None) -> None:
    result = build_site(tmp_path / "site", root, env={"DVCQ_PROVINCE": province} if province else None)
    output = result.stdout + result.stderr
    assert result.returncode == 0 and "Traceback" not in output, output[-3000:]
    assert (tmp_path / "site" / "index.html").is_file()


def test_data_without_any_plan_builds(tmp_path, capsys):
    root = write_minidata(tmp_path / "data")
    (root / "plans" / "kh-1-2025-ubnd-a.yaml").unlink()
    assert accepted(root, capsys)
    assert_builds(tmp_path, root)


def test_a_province_with_organisations_but_no_plan_builds_its_own_site(tmp_path, capsys):
    root = write_minidata(tmp_path / "data")
    orgs = root / "organisations" / "org.yaml"
    orgs.write_text(orgs.read_text(encoding="utf-8") + PROVINCE_B, encoding="utf-8")
    assert accepted(root, capsys)
    assert_builds(tmp_path, root, province="B")
