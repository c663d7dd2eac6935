"""Templates compiled by `make bytecode` (macros/site/precompiled.py): a build reads them instead of
compiling, and a template edited since is compiled again, its new text on the page."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import jinja2

from macros.data.loader import Dataset
from macros.site.buildcache import PRECOMPILED, BuildCache
from macros.site.orgpage import TEMPLATE as ORG_TEMPLATE
from macros.site.precompiled import precompile
from macros.site.render import TEMPLATES
from macros.site.state import SiteState
from tests.conftest import ENV
from tests.test_buildcache import _build, _entries


def _build_environments(package: Path, cache_root: Path) -> list[jinja2.Environment]:
    """The Jinja environments of a build whose package is `package` (where it finds precompiled templates)."""
    state = SiteState(Dataset(root=cache_root), cache=BuildCache(cache_root, package))
    return [state.renderer.env, state.org_pages_renderer.env]


def _count_compiles(env: jinja2.Environment) -> list[str]:
    """Names of the templates `env` compiles from source from now on."""
    compiled, compile = [], env.compile

    def counting(source, name=None, filename=None, *args, **kwargs):
        compiled.append(name)
        return compile(source, name, filename, *args, **kwargs)

    env.compile = counting
    return compiled


def test_a_build_compiles_none_of_the_precompiled_templates(tmp_path):
    package, cache = tmp_path / "macros", tmp_path / "cache"
    assert precompile(package / PRECOMPILED) == len(list(TEMPLATES.glob("*.j2")))  # every template, once
    pages, orgs = _build_environments(package, cache)
    compiled = _count_compiles(pages)
    compiled_orgs = _count_compiles(orgs)
    for name in pages.list_templates():
        (orgs if name == ORG_TEMPLATE else pages).get_template(name)
    assert compiled == compiled_orgs == []
    assert not list((cache / "jinja").rglob("*.cache"))  # nothing compiled, nothing written to the build cache


def test_a_template_edited_since_is_compiled_again_and_shows_its_new_text(tmp_path):
    package, cache = tmp_path / "macros", tmp_path / "cache"
    precompile(package / PRECOMPILED)
    env = _build_environments(package, cache)[0]
    edited = {"source.html.j2": "<h1>Bản mới: {{ 6 * 7 }}</h1>"}  # same name and file: the precompiled entry's key
    env.loader = jinja2.FunctionLoader(lambda name: (edited[name], str(TEMPLATES / name), lambda: True))
    compiled = _count_compiles(env)
    assert env.get_template("source.html.j2").render() == "<h1>Bản mới: 42</h1>"
    assert compiled == ["source.html.j2"]
    assert len(list((cache / "jinja").rglob("*.cache"))) == 1  # kept in the build cache, as without precompiling


def test_without_precompiled_templates_a_build_compiles_them_as_before(tmp_path):
    env = _build_environments(tmp_path / "macros", tmp_path / "cache")[0]  # no `make bytecode` in this package
    compiled = _count_compiles(env)
    env.get_template("source.html.j2")
    assert compiled == ["source.html.j2"]


def test_in_a_whole_build_an_edited_template_alone_is_compiled(project, tmp_path):
    """`make bytecode`, a build, an edit to the plan template, a build: the plan pages say the new words,
    and the build cache holds one compiled template more (the edited one) than after the first build."""
    made = subprocess.run([sys.executable, "-m", "macros.site.precompiled"], cwd=project,
                          env={**ENV, "PYTHONPATH": str(project)}, capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    cache = tmp_path / "cache"
    _build(project, cache)
    before = {name for name in _entries(cache) if name.startswith("jinja/")}
    plan = project / "macros" / "site" / "templates" / "plan.html.j2"
    plan.write_text(plan.read_text(encoding="utf-8").replace("<strong>Hiệu lực</strong>",
                                                             "<strong>Hiệu lực (mẫu mới)</strong>"), encoding="utf-8")
    _build(project, cache)
    after = {name for name in _entries(cache) if name.startswith("jinja/")}
    assert len(after - before) == 1 and before <= after
    pages = [p for p in (project / "site").rglob("*.html") if "Hiệu lực (mẫu mới)" in p.read_text(encoding="utf-8")]
    assert pages
