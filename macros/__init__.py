"""Cẩm nang Dân vận chính quyền: data model, validation, indexes and rendering for the mkdocs site.

Layers, each importing only those before it (tests/test_layers.py): text → data → knowledge →
drafting → site; importer uses text, data and knowledge; cli may use all. mkdocs loads
macros/site/hooks.py, which hands every event to `macros.site.plugin.SitePlugin`; that object
registers the macros pages call with mkdocs-macros.
"""
