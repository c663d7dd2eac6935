"""Drafts made from the data (the guide's query, per-plan drafts, templates) and their Word and Markdown files.

Imports macros.text, macros.data and macros.knowledge.
"""
