"""The build cache (macros/site/buildcache.py) never serves a stale entry: change any input and the output follows."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import pytest

from macros.site.buildcache import PACKAGE, BuildCache, versions

INSTALLED = {"python": "3.11.7", "jinja2": "3.1.6", "python-docx": "1.2.0"}


@pytest.fixture
def package(tmp_path) -> Path:
    """A copy of the macros package: code, templates and theme overrides."""
    copy = tmp_path / "macros"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def _word(cache: BuildCache, layout: str) -> bytes:
    """Stands for a Word template made from the data under key 'plan': what it holds is what `make` said."""
    return cache.cached("docx", "plan", lambda: layout.encode())


def test_an_entry_is_reused_while_nothing_changes(package, tmp_path):
    first = BuildCache(tmp_path / "cache", package, INSTALLED)
    assert _word(first, "layout 1") == b"layout 1"
    again = BuildCache(tmp_path / "cache", package, dict(INSTALLED))
    assert _word(again, "layout 2") == b"layout 1"  # found: `make` not called


@pytest.mark.parametrize("change", [
    "drafting/guide.py",  # the layout of a Word template lives in the drafting queries, not word.py
    "drafting/word.py",
    "site/templates/plan.md.j2",
    "site/theme/partials/footer.html",
    "a new module.py",
])
def test_a_change_to_any_file_of_the_package_is_a_new_entry(package, tmp_path, change):
    assert _word(BuildCache(tmp_path / "cache", package, INSTALLED), "old") == b"old"
    path = package / change
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text((path.read_text(encoding="utf-8") if path.exists() else "") + "\n# changed\n", encoding="utf-8")
    assert _word(BuildCache(tmp_path / "cache", package, INSTALLED), "new") == b"new"


@pytest.mark.parametrize("name", ["python", "jinja2", "python-docx"])
def test_another_dependency_version_is_a_new_entry(package, tmp_path, name):
    assert _word(BuildCache(tmp_path / "cache", package, INSTALLED), "old") == b"old"
    assert _word(BuildCache(tmp_path / "cache", package, {**INSTALLED, name: "9.9.9"}), "new") == b"new"


def _render(cache: BuildCache, source: str, **settings) -> str:
    env = jinja2.Environment(loader=jinja2.DictLoader({"t.j2": source}), **settings)
    env.bytecode_cache = cache.templates(env)
    return env.get_template("t.j2").render(name="Lào Cai")


@pytest.mark.parametrize("settings, expected", [
    ({"trim_blocks": True}, "Lào Cai\n"),
    ({"variable_start_string": "[[", "variable_end_string": "]]"}, "\n{{ name }}\n"),
    ({"finalize": str.upper}, "\nLÀO CAI\n"),
])
def test_an_environment_setting_is_a_new_compiled_template(package, tmp_path, settings, expected):
    source = "{% if 1 %}\n{{ name }}\n{% endif %}\n"
    cache = BuildCache(tmp_path / "cache", package, INSTALLED)
    assert _render(cache, source) == "\nLào Cai\n"
    assert _render(cache, source) == "\nLào Cai\n"  # from the cache this time
    assert _render(cache, source, **settings) == expected


def test_a_changed_template_source_is_compiled_again(package, tmp_path):
    cache = BuildCache(tmp_path / "cache", package, INSTALLED)
    assert _render(cache, "{{ name }}") == "Lào Cai"
    assert _render(cache, "Tỉnh {{ name }}") == "Tỉnh Lào Cai"


def test_no_cache_folder_means_no_cache(package):
    cache = BuildCache(None, package, INSTALLED)
    assert _word(cache, "a") == b"a" and _word(cache, "b") == b"b"
    assert cache.templates(jinja2.Environment()) is None


def test_versions_name_the_dependencies_that_shape_output():
    found = versions()
    assert {"python", "jinja2", "mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "python-docx"} <= set(found)
    assert found["jinja2"] == jinja2.__version__
