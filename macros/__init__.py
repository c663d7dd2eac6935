"""Cẩm nang Dân vận chính quyền: data model, validation, indexes and rendering for the mkdocs site.

mkdocs loads macros/site/hooks.py, which hands every event to `macros.plugin.SitePlugin`; that
object registers the macros pages call with mkdocs-macros.
"""
