"""The plugin's settings: read from `extra:` (and DVCQ_PROVINCE), checked like a plugin's options."""

from __future__ import annotations

import pytest
from mkdocs.config import load_config

from macros.errors import DataInvalid
from macros.site import PROVINCE_ENV, Settings


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
