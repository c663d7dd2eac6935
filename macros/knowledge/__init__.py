"""What the validated data means: the index of records and links, status over time, provenance, calendars.

Imports macros.text and macros.data.
"""
