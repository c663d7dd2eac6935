"""The build cache (macros/site/buildcache.py): never stale, and small.

An entry changes with what it depends on and with nothing else; a build keeps the entries it used
and deletes the others, so the cache does not grow with code edits; the tests' builds never touch
the checkout's `.cache`.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import jinja2
import pytest

from macros.site.buildcache import PACKAGE, BuildCache, _imports, versions
from tests.conftest import ENV, ROOT, build_site
from tests.minidata import write_minidata

INSTALLED = {"python": "3.11.7", "jinja2": "3.1.6", "python-docx": "1.2.0", "lxml": "6.0.0"}
WRITER = "macros.drafting.word"


@pytest.fixture
def package(tmp_path) -> Path:
    """A copy of the macros package: code, templates and theme overrides."""
    copy = tmp_path / "macros"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def _word(cache: BuildCache, layout: str, draft: str = "plan") -> bytes:
    """Stands for a Word file of draft `draft`: what it holds is what `make` said."""
    return cache.cached("docx", draft, lambda: layout.encode(), code=(WRITER,), libraries=("python-docx", "lxml"))


def _edit(package: Path, name: str) -> None:
    path = package / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text((path.read_text(encoding="utf-8") if path.exists() else "") + "\n# changed\n", encoding="utf-8")


def test_an_entry_is_reused_while_nothing_changes(package, tmp_path):
    assert _word(BuildCache(tmp_path / "cache", package, INSTALLED), "layout 1") == b"layout 1"
    assert _word(BuildCache(tmp_path / "cache", package, dict(INSTALLED)), "layout 2") == b"layout 1"  # not made


def test_another_draft_is_another_entry(package, tmp_path):
    cache = BuildCache(tmp_path / "cache", package, INSTALLED)
    assert _word(cache, "a", "plan") == b"a" and _word(cache, "b", "plan 2") == b"b"


@pytest.mark.parametrize("change", [
    "drafting/word.py",
    "drafting/word_xml.py",  # imported by the writer
    "drafting/draftdoc.py",  # the draft model and the page layout the writer reads
])
def test_a_change_to_the_word_code_is_a_new_entry(package, tmp_path, change):
    assert _word(BuildCache(tmp_path / "cache", package, INSTALLED), "old") == b"old"
    _edit(package, change)
    assert _word(BuildCache(tmp_path / "cache", package, INSTALLED), "new") == b"new"


@pytest.mark.parametrize("change", [
    "site/render.py",
    "site/templates/plan.html.j2",
    "site/theme/partials/footer.html",
    "importer/build.py",
    "a new module.py",
])
def test_a_change_the_word_file_does_not_depend_on_keeps_the_entry(package, tmp_path, change):
    """What a draft says comes in through its model (the key); code that does not write it is not part of it."""
    assert _word(BuildCache(tmp_path / "cache", package, INSTALLED), "old") == b"old"
    _edit(package, change)
    assert _word(BuildCache(tmp_path / "cache", package, INSTALLED), "new") == b"old"


@pytest.mark.parametrize("name", ["python", "python-docx", "lxml"])
def test_another_library_version_is_a_new_entry(package, tmp_path, name):
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


def _shout(cache: BuildCache, shout) -> str:
    env = jinja2.Environment(loader=jinja2.DictLoader({"t.j2": "{{ name | shout }}"}))
    env.filters["shout"] = shout
    env.bytecode_cache = cache.templates(env)
    return env.get_template("t.j2").render(name="Lào Cai")


def test_a_filter_given_the_context_is_a_new_compiled_template(package, tmp_path):
    """The compiled call passes the context to such a filter: code compiled for a plain one would not."""
    cache = BuildCache(tmp_path / "cache", package, INSTALLED)
    assert _shout(cache, str.upper) == "LÀO CAI"
    assert _shout(cache, jinja2.pass_context(lambda context, value: f"{value.upper()} ({context['name']})")) == \
        "LÀO CAI (Lào Cai)"


def test_a_changed_template_source_is_compiled_again_in_place_of_the_old(package, tmp_path):
    cache = BuildCache(tmp_path / "cache", package, INSTALLED)
    assert _render(cache, "{{ name }}") == "Lào Cai"
    assert _render(cache, "Tỉnh {{ name }}") == "Tỉnh Lào Cai"
    assert len(list((tmp_path / "cache" / "jinja").rglob("*.cache"))) == 1


def test_no_cache_folder_means_no_cache(package):
    cache = BuildCache(None, package, INSTALLED)
    assert _word(cache, "a") == b"a" and _word(cache, "b") == b"b"
    assert cache.templates(jinja2.Environment()) is None


def _entries(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for kind in ("docx", "jinja") for p in (root / kind).rglob("*") if p.is_file()}


def _an_hour_passes(root: Path) -> None:
    """The entries written so far were written by builds an hour ago."""
    past = time.time() - 3600
    for name in _entries(root):
        os.utime(root / name, (past, past))


def test_a_build_deletes_the_entries_no_build_uses(package, tmp_path):
    root, data, other = tmp_path / "cache", tmp_path / "data", tmp_path / "other"
    data.mkdir(), other.mkdir()
    first = BuildCache(root, package, INSTALLED)
    _word(first, "a", "draft 1"), _word(first, "b", "draft 2")
    first.finish({"data": str(data)})
    beside = BuildCache(root, package, INSTALLED)  # another site sharing the cache keeps what it uses
    _word(beside, "c", "draft 3")
    beside.finish({"data": str(other)})
    _an_hour_passes(root)
    second = BuildCache(root, package, INSTALLED)
    _word(second, "a", "draft 1")
    second.finish({"data": str(data)})  # draft 2: no build uses it
    assert len(_entries(root)) == 2
    shutil.rmtree(other)  # that site's data is gone (a test's temporary data): its entries go
    _an_hour_passes(root)
    third = BuildCache(root, package, INSTALLED)
    _word(third, "a", "draft 1")
    third.finish({"data": str(data)})
    assert len(_entries(root)) == 1
    assert _word(BuildCache(root, package, INSTALLED), "made again", "draft 1") == b"a"  # the one kept is the one used


def test_an_entry_made_while_the_build_ran_is_kept(package, tmp_path):
    """A build running beside (make provinces) may have made it and not yet written its manifest."""
    root = tmp_path / "cache"
    ending = BuildCache(root, package, INSTALLED)
    running = BuildCache(root, package, INSTALLED)
    _word(running, "x", "draft of the other build")
    ending.finish({"data": str(tmp_path)})
    assert _word(BuildCache(root, package, INSTALLED), "made again", "draft of the other build") == b"x"


def _imports_by_ast(path: Path, name: str, package: Path) -> set[str]:
    """What `_imports` must find: every import statement of the file, read by Python's own parser."""
    here = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_bytes())):
        if isinstance(node, ast.ImportFrom):
            base = here.rsplit(".", node.level - 1)[0] if node.level else ""
            base = f"{base}.{node.module}".strip(".") if node.module else base
            found |= {base} | {f"{base}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return {m for m in found if m == package.name or m.startswith(package.name + ".")}


def _module_name(path: Path, package: Path) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_every_import_of_the_package_is_found_as_pythons_parser_finds_it():
    """A Word file's key covers what its writer imports: an import missed would keep a stale file."""
    for path in sorted(PACKAGE.rglob("*.py")):
        name = _module_name(path, PACKAGE)
        assert _imports_by_ast(path, name, PACKAGE) <= set(_imports(path, name, PACKAGE)), path


def test_imports_are_found_however_they_are_written(package):
    path = package / "drafting" / "word.py"
    path.write_text("""from __future__ import annotations
import macros.text.format as T, macros.data.model
from . import draftdoc, word_xml as X  # a comment (with brackets)
from ..knowledge.calendar import (  # a note (bracketed)
    STAMP,  # the time, (again)
    END,
)
from ..site import \\
    render
x = "import macros.site.plugin"


def write():
    from ..data.dates import FullDate  # only when called
""", encoding="utf-8")
    found = set(_imports(path, "macros.drafting.word", package))
    assert found == _imports_by_ast(path, "macros.drafting.word", package)
    assert {"macros.text.format", "macros.data.model", "macros.drafting.word_xml", "macros.knowledge.calendar.END",
            "macros.site.render", "macros.data.dates"} <= found


def test_versions_name_the_dependencies_that_shape_output():
    found = versions()
    names = ("jinja2", "mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "python-docx", "lxml")
    assert all(found[name] != "-" for name in names) and found["python"]
    assert found["jinja2"] == jinja2.__version__
    with pytest.raises(KeyError):
        found["a library no output depends on"]


# --- whole builds, in a copy of the project whose code the test edits ------------------------------------

EDITS = ["drafting/word.py", "drafting/word_xml.py", "drafting/draftdoc.py", "site/render.py", "knowledge/index.py",
         "site/templates/plan.html.j2", "drafting/word.py", "data/model.py", "site/templates/document.html.j2",
         "drafting/word_xml.py"]


def _build(project: Path, cache: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", "site"], cwd=project,
                            env={**ENV, "DVCQ_CACHE_DIR": str(cache), "PYTHONPATH": str(project)},
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def test_after_ten_code_edits_and_three_builds_the_cache_holds_one_builds_entries(project, tmp_path):
    cache = tmp_path / "cache"
    for edits in (EDITS[:4], EDITS[4:7], EDITS[7:]):
        for name in edits:
            _edit(project / "macros", name)
        _build(project, cache)
    fresh = tmp_path / "fresh"
    _build(project, fresh)  # the same code, from an empty cache
    assert any(name.startswith("docx/") for name in _entries(fresh))
    assert _entries(cache) == _entries(fresh)


def test_the_tests_leave_the_checkouts_cache_as_it_was(tmp_path):
    checkout = ROOT / ".cache"
    before = sorted((p, p.stat().st_mtime_ns) for p in checkout.rglob("*")) if checkout.exists() else None
    result = build_site(tmp_path / "site", write_minidata(tmp_path / "data"))
    assert result.returncode == 0, result.stderr[-2000:]
    after = sorted((p, p.stat().st_mtime_ns) for p in checkout.rglob("*")) if checkout.exists() else None
    assert after == before
