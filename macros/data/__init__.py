"""YAML read and checked into the typed model: loading, validation, lint, scope, schema.

Imports only macros.text.
"""
