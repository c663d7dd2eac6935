"""Command line: `python -m macros check` validates data/, `python -m macros new KIND ID` scaffolds a record."""

from .cli import main

raise SystemExit(main())
