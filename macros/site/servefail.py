"""`mkdocs serve` with a data error: the last good site stays up, every page saying what to fix.

mkdocs serve holds every request until a build succeeds, so a data error used to leave the
browser waiting with the errors only in the terminal. While serving, a rebuild whose data does
not pass keeps the previous build's data and puts the errors at the top of every page (theme
main.html, `config.extra.data_errors`); the next good save takes them away. `mkdocs build` and
serve's first build still stop on the first error.
"""

from __future__ import annotations

import sys

from ..text.errors import DataInvalid


def serve_errors(exc: DataInvalid) -> list[str]:
    """The error lines, also printed to the terminal (not logged: --strict would count them)."""
    print("\n" + exc.report(), file=sys.stderr)
    return [str(e) for e in exc.errors]
