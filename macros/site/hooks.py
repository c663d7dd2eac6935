"""mkdocs hooks: every event goes to one `SitePlugin` (macros/site/plugin.py), which owns the build.

mkdocs loads this file once per process, by path, with only macros/site/ importable; the package
it belongs to is loaded by location (as `import macros` would from the project folder).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path


def _package():
    if "macros" not in sys.modules:
        init = Path(__file__).resolve().parents[1] / "__init__.py"
        spec = importlib.util.spec_from_file_location("macros", init, submodule_search_locations=[str(init.parent)])
        package = importlib.util.module_from_spec(spec)
        sys.modules["macros"] = package
        spec.loader.exec_module(package)
    return sys.modules["macros"]


_package()
from macros.site.plugin import SitePlugin  # noqa: E402

plugin = SitePlugin()
on_startup = plugin.on_startup
on_serve = plugin.on_serve
on_config = plugin.on_config
on_files = plugin.on_files
on_nav = plugin.on_nav
on_page_markdown = plugin.on_page_markdown
on_page_content = plugin.on_page_content
on_env = plugin.on_env
on_page_context = plugin.on_page_context
on_post_page = plugin.on_post_page
on_post_build = plugin.on_post_build
on_build_error = plugin.on_build_error
on_shutdown = plugin.on_shutdown
