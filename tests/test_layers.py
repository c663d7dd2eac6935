"""The import contract of the package: folders are layers, and code only imports downward.

text → data → knowledge → drafting → site; importer may use text, data and knowledge; the command
line (macros/cli.py, __main__.py) may use everything. Only macros/site/ imports mkdocs, Material or
mkdocs-macros, and no two modules import each other, not even under `TYPE_CHECKING`. Read from
the source with `ast`, so an import inside a function or an `if TYPE_CHECKING:` block counts too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "macros"
ORDER = ("text", "data", "knowledge", "drafting", "site")
# What each layer may import besides itself; the top of the package ("") is the command line.
ALLOWED = {
    **{layer: set(ORDER[:i]) for i, layer in enumerate(ORDER)},
    "importer": {"text", "data", "knowledge"},
    "": {*ORDER, "importer"},
}
SITE_ONLY = ("mkdocs", "material", "mkdocs_macros")
MAX_LINES = 400


def module_name(path: Path, package: Path) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(package: Path) -> dict[str, Path]:
    return {module_name(p, package): p for p in sorted(package.rglob("*.py")) if "__pycache__" not in p.parts}


def imports(path: Path, package: Path, known: set[str]) -> list[tuple[int, str]]:
    """(line, imported name) of every import in the file, relative ones made absolute; `from x import y`
    names the module x.y when that is a module of the package, else x."""
    name = module_name(path, package)
    base = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = base.split(".")[: len(base.split(".")) - node.level + 1]
                target = ".".join(parts + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                full = f"{target}.{alias.name}"
                found.append((node.lineno, full if full in known else target))
    return found


def layer_of(module: str) -> str:
    """'macros.data.model' and 'macros.data' → 'data'; the top of the package ('macros.cli') → ''."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in ALLOWED else ""


def upward_imports(package: Path) -> list[str]:
    known = set(modules(package))
    found = []
    for name, path in modules(package).items():
        layer = layer_of(name)
        for line, target in imports(path, package, known):
            if not target.startswith(package.name + ".") or target in (name, package.name):
                continue
            other = layer_of(target)
            if other and other != layer and other not in ALLOWED.get(layer, set()):
                where = f"macros/{layer}/" if layer else "the top of macros/"
                found.append(f"{path.relative_to(package.parent)}:{line} imports {target}: {where} may not "
                             f"import macros/{other}/ (allowed: {', '.join(sorted(ALLOWED.get(layer, ()))) or 'none'})")
    return found


def site_imports_elsewhere(package: Path) -> list[str]:
    known = set(modules(package))
    return [f"{path.relative_to(package.parent)}:{line} imports {target}: "
            f"only macros/site/ may import {target.split('.')[0]}"
            for name, path in modules(package).items() if layer_of(name) != "site"
            for line, target in imports(path, package, known) if target.split(".")[0] in SITE_ONLY]


def cycles(package: Path) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan), each as a readable list."""
    known = set(modules(package))
    graph = {name: sorted({t for _, t in imports(path, package, known) if t in known and t != name})
             for name, path in modules(package).items()}
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in graph:
        if node not in index:
            visit(node)
    return groups


def test_every_module_sits_in_a_layer():
    top = sorted(name for name in modules(PACKAGE) if layer_of(name) == "")
    assert top == ["macros", "macros.__main__", "macros.cli"], \
        f"outside the layer folders {', '.join(ORDER)}, importer (only the command line sits at the top): {top}"


def test_no_module_imports_a_layer_above_it():
    found = upward_imports(PACKAGE)
    assert not found, "imports against the layers:\n" + "\n".join(found)


def test_only_the_site_layer_imports_mkdocs_material_or_mkdocs_macros():
    found = site_imports_elsewhere(PACKAGE)
    assert not found, "\n".join(found)


def test_no_import_cycle_even_under_type_checking():
    found = cycles(PACKAGE)
    assert not found, "modules that import each other:\n" + "\n".join(" ⇄ ".join(group) for group in found)


def test_no_module_is_over_400_lines():
    long = {str(path.relative_to(PACKAGE.parent)): n for path in modules(PACKAGE).values()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines: {long}"


def owner_imports(package: Path, owner: str = "knowledge.index") -> list[str]:
    """Imports of the index (the owner of the knowledge services) from inside the knowledge layer."""
    known = set(modules(package))
    target = f"{package.name}.{owner}"
    return [f"{path.relative_to(package.parent)}:{line} imports {target}"
            for name, path in modules(package).items() if layer_of(name) == "knowledge" and name != target
            for line, imported in imports(path, package, known) if imported == target]


def test_the_knowledge_services_never_import_their_owner():
    """records, links, citations, status, provenance, groupings are made by the index and handed what they
    read; one that imported the index would make it a god object again."""
    found = owner_imports(PACKAGE)
    assert not found, "\n".join(found)


# The checks themselves, on a small package planted in a temporary folder: each must catch what it is for.

def _plant(tmp_path: Path, files: dict[str, str]) -> Path:
    package = tmp_path / "macros"
    for layer in (*ORDER, "importer"):
        (package / layer).mkdir(parents=True, exist_ok=True)
        (package / layer / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    for name, text in files.items():
        (package / name).write_text(text)
    return package


def test_an_upward_import_is_named_with_its_file_and_line(tmp_path):
    package = _plant(tmp_path, {"knowledge/index.py": "", "data/model.py": "x = 1\n\nfrom ..knowledge import index\n"})
    assert upward_imports(package) == [
        "macros/data/model.py:3 imports macros.knowledge.index: macros/data/ may not import macros/knowledge/ "
        "(allowed: text)"]


@pytest.mark.parametrize("text", ["from macros.site.plugin import SitePlugin\n", "from ..site import plugin\n"])
def test_an_upward_import_is_caught_however_it_is_written(tmp_path, text):
    package = _plant(tmp_path, {"site/plugin.py": "", "drafting/word.py": text})
    assert len(upward_imports(package)) == 1


def test_the_importer_may_not_use_drafting_or_site(tmp_path):
    package = _plant(tmp_path, {"drafting/word.py": "", "importer/build.py": "from ..drafting import word\n",
                                "knowledge/index.py": "", "importer/linking.py": "from ..knowledge import index\n"})
    assert [line.split(":")[0] for line in upward_imports(package)] == ["macros/importer/build.py"]


def test_mkdocs_outside_the_site_layer_is_caught(tmp_path):
    package = _plant(tmp_path, {"knowledge/index.py": "def f():\n    import mkdocs.config\n",
                                "site/pages.py": "from mkdocs.structure.files import File\n"})
    assert site_imports_elsewhere(package) == [
        "macros/knowledge/index.py:2 imports mkdocs.config: only macros/site/ may import mkdocs"]


def test_a_cycle_under_type_checking_is_caught(tmp_path):
    package = _plant(tmp_path, {
        "knowledge/index.py": "from .status import Status\n",
        "knowledge/status.py": "from typing import TYPE_CHECKING\n\n"
                               "if TYPE_CHECKING:\n    from .index import SiteIndex\n"})
    assert cycles(package) == [["macros.knowledge.index", "macros.knowledge.status"]]


def test_a_service_importing_the_index_is_caught(tmp_path):
    package = _plant(tmp_path, {"knowledge/index.py": "", "knowledge/links.py": "from .index import SiteIndex\n",
                                "site/state.py": "from ..knowledge.index import SiteIndex\n"})
    assert owner_imports(package) == ["macros/knowledge/links.py:1 imports macros.knowledge.index"]
