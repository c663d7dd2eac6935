"""The plugin's settings: read from `extra:` (and DVCQ_PROVINCE), checked like a plugin's options."""

from __future__ import annotations

import pytest
from mkdocs.config import load_config

from macros.site.state import PROVINCE_ENV, Settings
from macros.text.errors import DataInvalid
from tests.conftest import build_site
from tests.minidata import write_minidata


def _config(tmp_path, extra: str):
    (tmp_path / "docs").mkdir(exist_ok=True)
    path = tmp_path / "mkdocs.yml"
    path.write_text(f"site_name: Thử\nextra:\n{extra}", encoding="utf-8")
    return load_config(str(path))


def test_settings_come_from_extra_with_defaults(tmp_path, monkeypatch):
    monkeypatch.delenv(PROVINCE_ENV, raising=False)
    settings = Settings.of(_config(tmp_path, "  data_dir: du-lieu-thu\n  polyfills: []\n"))
    assert settings.data_path == tmp_path / "du-lieu-thu"
    assert settings.province is None and settings.search_full_text_plans == 100


def test_the_province_variable_wins_over_extra(tmp_path, monkeypatch):
    monkeypatch.setenv(PROVINCE_ENV, "Trà Vinh")
    assert Settings.of(_config(tmp_path, "  province: Lào Cai\n")).province == "Trà Vinh"


def test_a_wrong_setting_is_named_in_vietnamese(tmp_path):
    with pytest.raises(DataInvalid) as caught:
        Settings.of(_config(tmp_path, "  search_full_text_plans: nhiều\n"))
    report = caught.value.report()
    assert "mkdocs.yml" in report and "extra.search_full_text_plans" in report and "không hợp lệ" in report


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
    result = build_site(site)
    assert result.returncode == 0, result.stderr[-2000:]
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    result = build_site(site, hooks=(tmp_path / "warn.py",))
    assert result.returncode == 1, result.stderr[-2000:]
    assert "a late error" in result.stderr
    assert {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "warn.py"]  # nothing left beside it
