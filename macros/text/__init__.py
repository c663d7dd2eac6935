"""Lowest layer: plain text helpers (escaping, Vietnamese dates and labels, folding, document numbers, errors).

Imports nothing of the project: every other layer may use it.
"""
