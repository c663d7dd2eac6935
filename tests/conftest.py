"""Shared fixtures: the real site built once per session, helpers to build from other data."""

from __future__ import annotations

import fcntl
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


def pytest_addoption(parser):
    parser.addoption("--full-screenshots", action="store_true",
                     help="browser tests photograph whole pages into test-artifacts/, not the first screen")


def pytest_configure(config):
    if not entry_points(group="mkdocs.plugins", name="dvcq"):
        pytest.exit("Plugin dvcq của dự án chưa được cài vào .venv này: chạy `make install` rồi chạy lại.", returncode=4)


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(CACHE, ignore_errors=True)


# Modules whose tests share a module fixture that costs a build: under `pytest -n` (pytest-xdist,
# as `make test` runs) each goes whole to one worker, so the fixture is made once; the other tests
# are handed out one by one to whichever worker is free.
ONE_WORKER = {"tests/test_scale.py"}


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "load":  # `-n N` alone; another --dist asked for is left to pytest-xdist
        return None
    from xdist.scheduler import LoadScopeScheduling

    class Scheduler(LoadScopeScheduling):
        """LoadScopeScheduling hands out the largest scopes first (--loadscope-reorder)."""

        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return module if module in ONE_WORKER else nodeid

    return Scheduler(config, log)


def shared_build(tmp_path_factory, name: str, env: dict | None = None) -> Path:
    """The real site built once per test run with `env`: under `pytest -n`, once for all workers (the
    first to ask builds it, the others wait for it on a lock, then read it). Tests only read it."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # shared by the workers of this run
    out, failed = root / name / "site", root / name / "failed.txt"
    out.parent.mkdir(exist_ok=True)
    with open(out.parent / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not out.is_dir() and not failed.exists():
            result = build_site(out, env=env)
            if result.returncode != 0:
                failed.write_text(result.stdout + result.stderr, encoding="utf-8")
    assert not failed.exists(), failed.read_text(encoding="utf-8")
    return out


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once with --strict."""
    return shared_build(tmp_path_factory, "real-site")


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
