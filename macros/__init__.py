"""Cẩm nang Dân vận chính quyền: data model, validation, indexes and rendering for the mkdocs site.

mkdocs-macros imports this package (`module_name: macros`) and calls `define_env`.
"""

from __future__ import annotations


def define_env(env) -> None:
    """Register the macros pages call; each renders a template with data from the build state."""
    from .macros_api import register

    register(env)
