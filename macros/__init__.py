"""Cẩm nang Dân vận chính quyền: data model, validation, indexes and rendering for the mkdocs site.

Layers, each importing only those before it (tests/test_layers.py): text → data → knowledge →
drafting → site; importer uses text, data and knowledge; cli may use all. mkdocs loads
`macros.site.plugin.SitePlugin` as the `dvcq` plugin (pyproject.toml's entry point, through
macros/site/entry.py); that object owns a build and registers the macros pages call with mkdocs-macros.
"""
