"""What a build can reuse from the previous one, kept in `.cache/` beside mkdocs.yml (gitignored).

Like Material's social plugin cache: outputs that cost a lot and depend only on their inputs.
Compiled Jinja templates (ours and Material's) and the Word templates (python-docx, half a
second). Every entry sits under a fingerprint of all that can change it besides its own key:
every file of the `macros` package (code, templates, theme overrides), the versions of the
dependencies and Python, and for compiled templates the settings of the environment that
compiled them. A stale entry is never found; deleting the folder is always safe.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import jinja2

PACKAGE = Path(__file__).resolve().parents[1]  # the whole `macros` package
ROOT = PACKAGE.parent / ".cache"
DEPENDENCIES = ("jinja2", "markupsafe", "mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "markdown",
                "pymdown-extensions", "python-docx", "pydantic", "pyyaml", "icalendar")
# What decides the code Jinja compiles a source to, besides the source and Jinja's version.
ENV_SETTINGS = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
                "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
                "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized",
                "autoescape", "finalize", "extensions", "is_async")


def versions() -> dict[str, str]:
    """Installed versions of what shapes our output, and Python's."""
    found = {"python": sys.version}
    for name in DEPENDENCIES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "-"
    return found


def fingerprint(package: Path = PACKAGE, settings: object = None, installed: dict[str, str] | None = None) -> str:
    """Hash of every file under `package`, the `settings` (any JSON-able value) and the `installed` versions."""
    digest = hashlib.sha256()
    for path in sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    extra = json.dumps([settings, installed if installed is not None else versions()], sort_keys=True, default=_name)
    digest.update(extra.encode("utf-8"))
    return digest.hexdigest()


def env_settings(env: jinja2.Environment) -> dict[str, str]:
    """The settings of `env` that change what its templates compile to."""
    return {name: _name(getattr(env, name)) for name in ENV_SETTINGS}


def _name(value: object) -> str:
    """A stable spelling: callables by qualified name (their repr holds a memory address)."""
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__name__)}"
    if isinstance(value, dict):
        return json.dumps(sorted(value), default=_name)
    return repr(value)


class BuildCache:
    """The cache of one build: a root folder (None: cache nothing) and the fingerprint of the code."""

    def __init__(self, root: Path | None = ROOT, package: Path = PACKAGE,
                 installed: dict[str, str] | None = None) -> None:
        self.root, self.package = root, package
        self.installed = installed if installed is not None else versions()
        self.code = fingerprint(package, None, self.installed)

    def folder(self, *names: str) -> Path | None:
        """A cache folder, or None where the project folder is read-only (the build then recomputes)."""
        if self.root is None:
            return None
        folder = self.root.joinpath(*names)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        return folder

    def templates(self, env: jinja2.Environment) -> jinja2.BytecodeCache | None:
        """Compiled templates of `env`, under the code's fingerprint and `env`'s settings."""
        key = hashlib.sha256(f"{self.code}\0{json.dumps(env_settings(env), sort_keys=True)}".encode()).hexdigest()
        folder = self.folder("jinja", key[:32])
        return jinja2.FileSystemBytecodeCache(str(folder)) if folder else None

    def cached(self, kind: str, key: str, make: Callable[[], bytes]) -> bytes:
        """`make()`, or its bytes from an earlier build with the same key and fingerprint."""
        folder = self.folder(kind)
        digest = hashlib.sha256(f"{self.code}\0{key}".encode("utf-8")).hexdigest()
        path = folder / digest if folder else None
        if path and path.is_file():
            return path.read_bytes()
        blob = make()
        if path:
            tmp = path.with_suffix(f".{hashlib.sha256(blob).hexdigest()[:8]}.tmp")
            tmp.write_bytes(blob)
            tmp.replace(path)  # atomic: a parallel build never reads half a file
        return blob

