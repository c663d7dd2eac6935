"""`mkdocs serve` reuse (macros/site/servecache.py): a rebuild after a YAML edit equals a fresh build of that data."""

from __future__ import annotations

import filecmp
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ENV, ROOT

# Builds as `mkdocs serve` does: one process, one config per build, `on_startup("serve")` once.
# Prints, for each build, what it logged (the lines a maintainer reads in the terminal).
SERVE = """
import json, logging, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

config_file, steps, command = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
url = "http://127.0.0.1:8000/"
logged = []
class Lines(logging.Handler):
    def emit(self, record):
        logged[-1].append(record.getMessage())
logging.getLogger("mkdocs").addHandler(Lines())
logging.getLogger("mkdocs").setLevel(logging.INFO)
for i, (site, edit) in enumerate(steps):
    logged.append([])
    if edit:
        path, old, new = edit
        text = Path(path).read_text(encoding="utf-8")
        assert old in text, old
        Path(path).write_text(text.replace(old, new, 1), encoding="utf-8")
    # mkdocs serve names the config file one way for its first build, another way for rebuilds
    config = load_config(config_file if i == 0 else str(Path(config_file).resolve()), site_dir=site)
    if i == 0:
        config.plugins.on_startup(command=command, dirty=False)
    config.site_url = url
    build(config, serve_url=url)
    if command != "serve":
        config.plugins.on_shutdown()  # as the mkdocs build command does: the built site is swapped in
print(json.dumps(logged))
"""
REUSE_LINE = re.compile(r"(\d+) trang chuyển lại, (\d+) trang dùng lại từ lần dựng trước$")


# An editors' note of the Lào Cai plan: transcribed text must stay word for word in its source (check refuses
# an edit there), a note is the maintainers' own words and shows on the plan's page.
NOTE_EDIT = ("không thuộc quyền Ủy ban nhân dân tỉnh)", "không thuộc quyền Ủy ban nhân dân tỉnh; ghi chú đã sửa)")


def serve_builds(data_dir: Path, steps: list[tuple[Path, tuple[str, str, str] | None]],
                 command: str = "serve", theme_dir: Path | None = None) -> list[tuple[int, int] | None]:
    """Builds as `mkdocs serve` runs them; for each, what its log says it converted and reused (None: nothing)."""
    config = ROOT / f".mkdocs-test-serve-{data_dir.parent.name}.yml"
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("data_dir: data", f"data_dir: {data_dir}")
    if theme_dir:
        text = text.replace("custom_dir: macros/site/theme", f"custom_dir: {theme_dir}")
    config.write_text(text, encoding="utf-8")
    arg = json.dumps([[str(site), edit] for site, edit in steps])
    try:
        result = subprocess.run([sys.executable, "-c", SERVE, config.name, arg, command], cwd=ROOT,
                                env={**ENV, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=600)
    finally:
        config.unlink()
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    logged = json.loads(result.stdout.strip().splitlines()[-1])
    said = [[m for line in lines if (m := REUSE_LINE.search(line))] for lines in logged]
    assert all(len(lines) <= 1 for lines in said), said
    return [(int(lines[0][1]), int(lines[0][2])) if lines else None for lines in said]


def differing(a: Path, b: Path) -> list[str]:
    files = sorted(p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file())
    return [f for f in files if not filecmp.cmp(a / f, b / f, shallow=False)]


def test_rebuild_after_an_edit_is_the_fresh_build_of_the_edited_data(data_copy, tmp_path):
    plan = data_copy / "plans" / "kh-13-2022-ubnd-lao-cai.yaml"
    edit = (str(plan), *NOTE_EDIT)
    first, again = tmp_path / "first", tmp_path / "again"
    (pages, reused), (converted, kept) = serve_builds(data_copy, [(first, None), (again, edit)])
    assert pages > 100 and reused == 0
    # The note is in the plan's page only: the terminal says most pages were reused (how fast that
    # makes a rebuild is measured by make bench, on the same data).
    assert converted + kept == pages and converted <= pages // 5

    fresh = tmp_path / "fresh"
    serve_builds(data_copy, [(fresh, None)])  # the edited data, built from nothing
    assert differing(again, fresh) == []
    edited = (again / "ke-hoach" / "kh-13-2022-ubnd-lao-cai.html").read_text(encoding="utf-8")
    assert NOTE_EDIT[1] in edited


def test_an_edited_theme_override_shows_on_every_page(data_copy, tmp_path):
    """The footer (macros/site/theme, which a maintainer may edit while serving) is in every page's reused output."""
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "macros" / "site" / "theme", theme)
    footer = theme / "partials" / "footer.html"
    edit = (str(footer), '<footer class="md-footer">', '<footer class="md-footer"><!-- ZQFOOTER -->')
    first, again = tmp_path / "first", tmp_path / "again"
    serve_builds(data_copy, [(first, None), (again, edit)], theme_dir=theme)
    for page in ("index.html", "ke-hoach/kh-13-2022-ubnd-lao-cai.html", "van-ban/ct-33-2021-ttg.html"):
        assert "ZQFOOTER" in (again / page).read_text(encoding="utf-8"), page


def test_mkdocs_build_never_reuses(data_copy, tmp_path):
    plan = data_copy / "plans" / "kh-13-2022-ubnd-lao-cai.yaml"
    edit = (str(plan), *NOTE_EDIT)
    said = serve_builds(data_copy, [(tmp_path / "a", None), (tmp_path / "b", edit)], command="build")
    assert said == [None, None]  # no reuse, and none said
    assert filecmp.cmp(tmp_path / "a" / "index.html", tmp_path / "b" / "index.html", shallow=False)
    # The second build in the same process shows the edit: every page came from the new data.
    edited = (tmp_path / "b" / "ke-hoach" / "kh-13-2022-ubnd-lao-cai.html").read_text(encoding="utf-8")
    assert NOTE_EDIT[1] in edited
