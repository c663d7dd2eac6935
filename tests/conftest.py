"""Shared fixtures: the real site built once per session, helpers to build from other data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from tests.browser import chromium, playwright
from tests.minidata import write_minidata

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
MKDOCS = [sys.executable, "-m", "mkdocs"]
# The tests' build cache lives in a temporary folder (the checkout's .cache stays as it was), for
# builds in a subprocess (ENV) and in this process alike.
CACHE = Path(tempfile.mkdtemp(prefix="dvcq-test-cache-"))
os.environ["DVCQ_CACHE_DIR"] = str(CACHE)
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
DATA_OPTION = "      data_dir: data\n"  # the dvcq plugin's option, as mkdocs.yml writes it


def build_site(site_dir: Path, data_dir: Path = DATA, strict: bool = True, env: dict | None = None,
               hooks: tuple[Path, ...] = ()) -> subprocess.CompletedProcess:
    """Build with the project's mkdocs.yml, pointing the plugin's `data_dir` at `data_dir` (`env` adds variables,
    `hooks` hook files run after the project's plugins)."""
    config = ROOT / "mkdocs.yml"
    if data_dir != DATA or hooks:
        text = config.read_text(encoding="utf-8")
        assert DATA_OPTION in text, "mkdocs.yml no longer sets the dvcq plugin's data_dir as tests/conftest.py expects"
        text = text.replace(DATA_OPTION, f"      data_dir: {data_dir}\n")
        if hooks:
            text += "\nhooks:\n" + "".join(f"  - {hook}\n" for hook in hooks)
        config = ROOT / f".mkdocs-test-{os.getpid()}-{site_dir.name}.yml"
        config.write_text(text, encoding="utf-8")
    args = [*MKDOCS, "build", "-f", str(config), "-d", str(site_dir)] + (["--strict"] if strict else [])
    try:
        return subprocess.run(args, cwd=ROOT, env={**ENV, **(env or {})}, capture_output=True, text=True, timeout=600)
    finally:
        if config != ROOT / "mkdocs.yml":
            config.unlink()


def pytest_configure(config):
    if not entry_points(group="mkdocs.plugins", name="dvcq"):
        pytest.exit("Plugin dvcq của dự án chưa được cài vào .venv này: chạy `make install` rồi chạy lại.", returncode=4)


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(CACHE, ignore_errors=True)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once with --strict."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = build_site(out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project (mkdocs.yml, docs/, macros/) on a small data set: builds there run its code."""
    copy = tmp_path / "project"
    copy.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", copy / "docs")
    shutil.copytree(ROOT / "macros", copy / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    write_minidata(copy / "data")
    return copy


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A private copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture(scope="module")
def pw():
    """One Playwright driver per browser test module."""
    with playwright() as driver:
        yield driver


@pytest.fixture(scope="module")
def context(pw, tmp_path_factory):
    """A Chromium context (its own profile) shared by a module's browser tests."""
    with chromium(pw, tmp_path_factory.mktemp("chromium")) as ctx:
        yield ctx
