"""Our Jinja templates compiled ahead of any build, as `make bytecode` compiles our Python modules.

    python -m macros.site.precompiled      (run by `make bytecode`, so by `make build` and `make bench`)

A build with an empty build cache compiled each of the ~25 templates of templates/ from source:
~0.3 s of the real site's ~2.7 s of CPU, which plain mkdocs-material does not pay for code of its
own (its Python came compiled with its install; its page templates, which both pay, are left alone).
Here they are compiled once, in the environments a build makes (render.py's and orgpage.py's, made
for no data), into the package's `site/__jinjacache__/<settings>/` (buildcache.PRECOMPILED), a
folder ignored by git like __pycache__ and remade whole each time. A build's environment reads it
first, then the build cache (buildcache.BuildCache.templates). Jinja keeps each template's source
checksum with its code: a template edited since is compiled again and kept in the build cache as
before, never taken from here. Without the folder (a fresh checkout, `make test`) builds compile
as they did.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2

from ..data.loader import Dataset
from .buildcache import PACKAGE, PRECOMPILED, templates_key, versions
from .orgpage import TEMPLATE as ORG_TEMPLATE
from .state import SiteState


def environments() -> list[tuple[jinja2.Environment, list[str]]]:
    """The Jinja environments of a build, each with the templates it renders, made for no data."""
    state = SiteState(Dataset(root=Path()))
    pages = state.renderer.env
    return [(pages, [name for name in pages.list_templates() if name != ORG_TEMPLATE]),
            (state.org_pages_renderer.env, [ORG_TEMPLATE])]


def precompile(folder: Path = PACKAGE / PRECOMPILED) -> int:
    """Compile every template of a build's environments into `folder` (emptied first); how many."""
    shutil.rmtree(folder, ignore_errors=True)
    installed, count = versions(), 0
    for env, names in environments():
        place = folder / templates_key(env, installed)
        place.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(place))
        for name in names:
            env.get_template(name)
            count += 1
    return count


if __name__ == "__main__":
    precompile()
