"""`mkdocs build` writes beside the site and swaps the new site in only when the build succeeded.

mkdocs empties the site folder before it writes the new one, so a build stopped half way (a
warning under --strict, a macro error) would leave half a site where a working one was. The new
site is written into `.<site>.partial` next to it; the plugin swaps it in when mkdocs shuts down
after a build that reached its end without error, and removes it otherwise. `mkdocs serve` (its
own temporary folder) and `--dirty` builds (which update the site in place) write directly.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Swap:
    target: Path  # the site folder mkdocs was asked to write
    partial: Path  # where it writes instead
    succeeded: bool = False

    @classmethod
    def of(cls, site_dir: str) -> "Swap":
        target = Path(site_dir)
        partial = target.with_name(f".{target.name}.partial")
        shutil.rmtree(partial, ignore_errors=True)  # left by a build that was killed
        return cls(target, partial)

    def finish(self) -> None:
        """The new site in place of the old one if the build succeeded; else the old one as it was."""
        if not self.succeeded or not self.partial.is_dir():
            shutil.rmtree(self.partial, ignore_errors=True)
            return
        old = self.target.with_name(f".{self.target.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if self.target.exists():
            self.target.rename(old)
        self.partial.rename(self.target)
        shutil.rmtree(old, ignore_errors=True)
