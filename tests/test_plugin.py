"""The project's mkdocs plugin: installed from pyproject.toml, its options typed, wrong ones named in Vietnamese."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from macros.site.config import CACHE_ENV, PROVINCE_ENV, Settings
from macros.site.plugin import SitePlugin, plugin_of
from tests.conftest import ENV, build_site
from tests.minidata import write_minidata


def _config(tmp_path, options: str):
    (tmp_path / "docs").mkdir(exist_ok=True)
    path = tmp_path / "mkdocs.yml"
    path.write_text(f"site_name: Thử\nplugins:\n  - dvcq:\n{options}", encoding="utf-8")
    return load_config(str(path))


def _settings(config) -> Settings:
    return Settings.of(plugin_of(config).config, config.config_file_path)


def test_mkdocs_finds_the_plugin_by_its_entry_point():
    [found] = entry_points(group="mkdocs.plugins", name="dvcq")
    assert found.load() is SitePlugin


def test_options_are_read_relative_to_mkdocs_yml_with_defaults(tmp_path, monkeypatch):
    monkeypatch.delenv(PROVINCE_ENV, raising=False)
    monkeypatch.delenv(CACHE_ENV, raising=False)
    settings = _settings(_config(tmp_path, "      data_dir: du-lieu-thu\n"))
    assert settings.data_path == tmp_path / "du-lieu-thu" and settings.cache_path == tmp_path / ".cache"
    assert settings.province is None and settings.search_full_text_plans == 100


def test_the_environment_wins_over_mkdocs_yml(tmp_path, monkeypatch):
    monkeypatch.setenv(PROVINCE_ENV, "Trà Vinh")
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "bo-dem"))
    settings = _settings(_config(tmp_path, "      province: Lào Cai\n      cache_dir: .cache\n"))
    assert settings.province == "Trà Vinh" and settings.cache_path == tmp_path / "bo-dem"


@pytest.mark.parametrize("options, line, words", [
    ("      data_dir: data\n      search_full_text_plans: nhiều\n", 5, "search_full_text_plans: giá trị không hợp lệ"),
    ("      tinh: Lào Cai\n", 4, "tinh: không có thiết lập này (có: data_dir, province"),
])
def test_a_wrong_option_is_named_at_its_line_in_vietnamese(tmp_path, options, line, words):
    config = _config(tmp_path, options)
    with pytest.raises(Abort) as caught:
        plugin_of(config).on_config(config)
    assert f"mkdocs.yml:{line}: plugins.dvcq.{words}" in str(caught.value)


def test_a_record_title_with_template_syntax_is_shown_as_written(tmp_path):
    """Titles come from the model after mkdocs-macros ran: `{{ 7*7 }}` in a theme's name never meets Jinja."""
    data = write_minidata(tmp_path / "data")
    themes = data / "themes.yaml"
    themes.write_text(themes.read_text(encoding="utf-8").replace(
        "name: Tuyên truyền", "name: 'Tuyên truyền {{ 7*7 }} {# và #}'"), encoding="utf-8")
    result = build_site(tmp_path / "site", data)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tmp_path / "site" / "chu-de" / "tuyen-truyen.html").read_text(encoding="utf-8")
    assert "<title>Tuyên truyền {{ 7*7 }} {# và #} - " in html
    assert "Tuyên truyền 49" not in html


def test_a_failed_build_leaves_the_previous_site_as_it_was(tmp_path):
    """mkdocs empties the site folder first; ours writes beside it and swaps the new site in at the end."""
    site = tmp_path / "site"
    (tmp_path / "warn.py").write_text(  # stops the build once mkdocs has emptied the site and copied files
        "from mkdocs.exceptions import PluginError\n"
        "def on_page_markdown(markdown, page, config, files):\n"
        "    if page.file.src_uri == 'the.md':\n        raise PluginError('a late error')\n", encoding="utf-8")
    data = write_minidata(tmp_path / "data")
    result = build_site(site, data)
    assert result.returncode == 0, result.stderr[-2000:]
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    result = build_site(site, data, hooks=(tmp_path / "warn.py",))
    assert result.returncode == 1, result.stderr[-2000:]
    assert "a late error" in result.stderr
    assert {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "site", "warn.py"]  # nothing left beside it


SERVE = """
import sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

edits = [None, None, "macros/site/render.py", None]
for i, edit in enumerate(edits):
    if edit:
        Path(edit).write_text(Path(edit).read_text(encoding="utf-8") + "\\n# edited while serving\\n", encoding="utf-8")
    config = load_config("mkdocs.yml", site_dir=f"site-{i}")
    if i == 0:
        config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url="http://127.0.0.1:8000/")
    print(f"--- build {i} ---", file=sys.stderr, flush=True)
"""
RESTART = "chạy lại `make serve`"


def test_a_python_edit_while_serving_says_to_restart_make_serve(project):
    """mkdocs serve keeps the code it started with: after an edit it says so, every rebuild till a restart."""
    result = subprocess.run([sys.executable, "-c", SERVE], cwd=project, env={**ENV, "PYTHONPATH": str(project)},
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    builds = result.stderr.split("--- build ")
    said = [RESTART in text for text in builds[:4]]
    assert said == [False, False, True, True], result.stderr[-3000:]
