"""The mkdocs site: plugin and its options, the dependency adapter, pages, rendering, search, caches, theme and templates.

The only layer that imports mkdocs, Material or mkdocs-macros; it may use every layer below.
"""
