"""What a build can reuse from the previous one, kept in `.cache/` beside mkdocs.yml (gitignored).

Like Material's social plugin cache: outputs that cost a lot and depend only on their inputs.
Compiled Jinja templates (ours and Material's, about a second per build) and the Word templates
(python-docx, half a second). A cached file is found by a hash of everything that makes it,
including the code that writes it, so a stale entry can never be served; deleting the folder
is always safe.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import jinja2

ROOT = Path(__file__).resolve().parent.parent / ".cache"


def _folder(name: str) -> Path | None:
    """The cache folder, or None where the project folder is read-only (the build then just recomputes)."""
    folder = ROOT / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


class _Templates(jinja2.BytecodeCache):
    """jinja2's file cache, created on first use so importing this module writes nothing."""

    def __init__(self) -> None:
        self._files: jinja2.FileSystemBytecodeCache | None = None
        self._ready = False

    def _cache(self) -> jinja2.FileSystemBytecodeCache | None:
        if not self._ready:
            folder = _folder("jinja")
            self._files, self._ready = (jinja2.FileSystemBytecodeCache(str(folder)) if folder else None), True
        return self._files

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if cache := self._cache():
            cache.load_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if cache := self._cache():
            cache.dump_bytecode(bucket)


TEMPLATES = _Templates()


def cache_theme_templates(theme) -> None:
    """Every Jinja environment mkdocs makes for the theme compiles through the template cache.

    Besides the page template's environment, Material's search plugin makes one of its own in
    every build to read its translations, and compiles them again each time.
    """
    make = theme.get_env
    if getattr(make, "cached", False):  # the same config built twice
        return

    def get_env() -> jinja2.Environment:
        env = make()
        env.bytecode_cache = TEMPLATES
        return env

    get_env.cached = True
    theme.get_env = get_env


def cached(kind: str, key: str, make: Callable[[], bytes], code: Path) -> bytes:
    """`make()`, or its bytes from an earlier build with the same key and the same `code` file."""
    folder = _folder(kind)
    digest = hashlib.sha256(code.read_bytes() + b"\0" + key.encode("utf-8")).hexdigest()
    path = folder / digest if folder else None
    if path and path.is_file():
        return path.read_bytes()
    blob = make()
    if path:
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(blob)
        tmp.replace(path)  # atomic: a parallel build never reads half a file
    return blob
