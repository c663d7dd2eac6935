"""The build cache (`.cache/`, or the plugin's `cache_dir`, or $DVCQ_CACHE_DIR): small and never stale.

Each entry is keyed by what it really depends on, nothing more:

- a Word file (`docx/`): the draft model it is written from (its repr holds every word and mark),
  the source of the code that writes it (the writer module and every module of ours it imports,
  found by reading their imports) and the versions of the libraries it uses;
- compiled Jinja templates (`jinja/<settings>/`): the settings of the environment (its filters and
  tests too), Jinja's and Python's versions; Jinja itself checks each template's source against its
  entry. Our own templates are read first from the package's `site/__jinjacache__/<settings>/`, where
  `make bytecode` compiles them (macros/site/precompiled.py); only one edited since lands here.

So a code edit elsewhere reuses every entry. Each build records the entries it used in a
manifest (`manifests/`, one per site built: config file, data folder, province), and at its end
deletes the entries no manifest names that are older than the build: after any number of edits
and builds the cache holds what the last build of each site needs. A manifest whose config file
or data folder is gone (a test's temporary data) goes too. Builds running side by side (`make provinces`) share
the cache: pruning waits until no other build holds it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import jinja2

from .adapter import pass_kind

try:  # POSIX: builds sharing a cache hold it shared; pruning needs it alone
    import fcntl
except ImportError:  # pragma: no cover - elsewhere pruning relies on entry times alone
    fcntl = None

PACKAGE = Path(__file__).resolve().parents[1]  # the whole `macros` package
DEPENDENCIES = ("jinja2", "markupsafe", "mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "markdown",
                "pymdown-extensions", "python-docx", "lxml", "pydantic", "pyyaml")
# What decides the code Jinja compiles a source to, besides the source and Jinja's version.
ENV_SETTINGS = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
                "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
                "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized",
                "autoescape", "finalize", "extensions", "is_async")
PRECOMPILED = Path("site", "__jinjacache__")  # in the package: templates compiled by `make bytecode`
KINDS = ("docx", "jinja")  # the entry folders; `manifests/` lists what builds used
# An entry is "older than the build" if written this long before it began: file times come from a coarser
# clock than time.time(), and an entry a build beside this one made just now must not look old.
SLACK_SECONDS = 0.1


class Versions(dict):
    """Installed versions of what shapes our output (DEPENDENCIES), and Python's: each package's read when
    first asked for (importlib.metadata reads its metadata files, ~1 ms; a build asks for three of twelve)."""

    def __missing__(self, name: str) -> str:
        if name not in DEPENDENCIES:
            raise KeyError(f"{name} is not in buildcache.DEPENDENCIES")
        try:
            found = version(name)
        except PackageNotFoundError:
            found = "-"
        self[name] = found
        return found


def versions() -> Versions:
    return Versions(python=sys.version)


def files_hash(paths: Iterable[Path], base: Path) -> str:
    """Hash of the files' names (relative to `base`) and contents."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.relative_to(base).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def fingerprint(folder: Path) -> str:
    """Hash of every file under `folder` (the theme overrides, which serve's reuse depends on)."""
    return files_hash((p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts), folder)


def code_of(module: str, package: Path = PACKAGE) -> str:
    """Hash of the source of `module` (e.g. 'macros.drafting.word') and of every module of the package it
    imports, directly or not: what running it can depend on, of our code."""
    return files_hash(_closure(module, package), package)


def _closure(module: str, package: Path) -> set[Path]:
    seen: set[Path] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        for path in _files_of(name, package):
            if path not in seen:
                seen.add(path)
                todo += _imports(path, name, package)
    return seen


def _files_of(name: str, package: Path) -> list[Path]:
    """The file of module `name` and the __init__.py of each package above it (importing runs them)."""
    parts = name.split(".")[1:]
    files = [package.joinpath(*parts[:i], "__init__.py") for i in range(len(parts) + 1)]
    files.append(package.joinpath(*parts).with_suffix(".py"))
    return [f for f in files if f.is_file()]


def _imports(path: Path, name: str, package: Path) -> list[str]:
    """Modules of the package that the file imports (relative or `macros.…`), as dotted names."""
    here = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for dots, module, names, plain in _IMPORT.findall(path.read_text(encoding="utf-8")):
        if plain:
            found += _names(plain)
            continue
        base = here.rsplit(".", len(dots) - 1)[0] if dots else ""
        base = f"{base}.{module}".strip(".") if module else base
        found += [base] + [f"{base}.{alias}" for alias in _names(names)]
    root = package.name
    return [m for m in found if m == root or m.startswith(root + ".")]


# An import statement where a line starts (in a module or a function): `import a.b as c, d`, or
# `from ..x import (a, b)` over several lines. Read from these lines alone, not by parsing each
# file with ast: 3-4 ms instead of 25-30 for the Word writer's 14 files, in every build. A line of
# a docstring that reads like one only adds a file to a key; tests/test_buildcache.py checks that
# every import ast finds in the package is found.
_IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+(\((?:[^)#]|#[^\n]*)*\)|(?:[^\n\\]|\\.)*)"
                     r"|import[ \t]+((?:[^\n\\]|\\.)*))", re.M | re.S)
_COMMENT = re.compile(r"#[^\n]*")


def _names(text: str) -> list[str]:
    """The names an import lists, without their `as` and comments: '(a as b,  # a note' + newline + ' c)' -> a, c."""
    text = _COMMENT.sub("", text).replace("\\\n", " ").strip("()")
    return [part.split(" as ")[0].strip() for part in text.split(",") if part.strip()]


def env_settings(env: jinja2.Environment) -> dict[str, str]:
    """The settings of `env` that change what its templates compile to: a call to a filter or test is
    compiled by its name and by what Jinja passes it (the context, the environment...)."""
    found = {name: _name(getattr(env, name)) for name in ENV_SETTINGS}
    for name in ("filters", "tests"):
        found[name] = json.dumps({k: pass_kind(f) for k, f in sorted(getattr(env, name).items())})
    return found


def templates_key(env: jinja2.Environment, installed: dict[str, str]) -> str:
    """The folder name of `env`'s compiled templates: its settings, Jinja's and Python's versions."""
    return _digest(json.dumps(env_settings(env), sort_keys=True), installed["jinja2"], installed["python"])[:32]


def _name(value: object) -> str:
    """A stable spelling: callables by qualified name (their repr holds a memory address)."""
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__name__)}"
    if isinstance(value, dict):
        return json.dumps(sorted(value), default=_name)
    return repr(value)


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


class BuildCache:
    """The cache of one build: a root folder (None: cache nothing) and the entries this build used."""

    def __init__(self, root: Path | None, package: Path = PACKAGE, installed: dict[str, str] | None = None) -> None:
        self._lock = None
        self.root, self.package = root, package
        self.installed = installed if installed is not None else versions()
        self.used: set[str] = set()  # entry paths relative to the root
        self._code: dict[str, str] = {}  # code_of, by module: read once a build
        self.started = time.time()
        self._lock = self._hold_shared()

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
        """Compiled templates of `env`, under `env`'s settings and the versions of Jinja and Python: those
        `make bytecode` compiled into the package, then this cache's (where a template compiled now goes)."""
        key = templates_key(env, self.installed)
        folder = self.folder("jinja", key)
        cache = _Templates(folder, self) if folder else None
        made = self.package / PRECOMPILED / key
        return _Precompiled(made, cache) if made.is_dir() else cache

    def cached(self, kind: str, key: str, make: Callable[[], bytes], code: Iterable[str] = (),
               libraries: Iterable[str] = ()) -> bytes:
        """`make()`, or its bytes from an earlier build with the same `key`, the same source of the `code`
        modules (and what they import) and the same versions of the `libraries` and Python."""
        folder = self.folder(kind)
        if folder is None:
            return make()
        deps = [self._code_of(m) for m in code] + [f"{n}={self.installed[n]}" for n in libraries]
        path = folder / _digest(key, *deps, self.installed["python"])
        self.use(path)
        if path.is_file():
            os.utime(path)  # used now: a build running beside this one does not prune it
            return path.read_bytes()
        blob = make()
        tmp = path.with_suffix(f".{hashlib.sha256(blob).hexdigest()[:8]}.tmp")
        tmp.write_bytes(blob)
        tmp.replace(path)  # atomic: a parallel build never reads half a file
        return blob

    def _code_of(self, module: str) -> str:
        if module not in self._code:
            self._code[module] = code_of(module, self.package)
        return self._code[module]

    def use(self, path: Path) -> None:
        self.used.add(path.relative_to(self.root).as_posix())

    # --- the end of a build: its manifest, and what no build needs goes --------------------------------

    def finish(self, target: dict[str, str | None]) -> int:
        """Write this build's manifest for `target` (what site it built) and prune; the number of entries deleted."""
        if self.root is None or self.folder("manifests") is None:
            return 0
        name = _digest(json.dumps(target, sort_keys=True))[:32] + ".json"
        manifest = {"target": target, "entries": sorted(self.used)}
        (self.root / "manifests" / name).write_text(json.dumps(manifest, indent=1, ensure_ascii=False), "utf-8")
        self.close()
        with _alone(self.root) as alone:
            return self._prune() if alone else 0

    def _prune(self) -> int:
        keep = set()
        for path in (self.root / "manifests").glob("*.json"):
            manifest = _read(path)
            target = (manifest or {}).get("target", {})
            if manifest is None or any(target.get(k) and not Path(target[k]).exists() for k in ("config", "data")):
                path.unlink(missing_ok=True)
            else:
                keep.update(manifest["entries"])
        deleted = 0
        for kind in KINDS:
            for path in sorted((self.root / kind).rglob("*"), reverse=True):  # files before their folders
                deleted += _drop(path, self.root, keep, self.started)
        return deleted

    def close(self) -> None:
        """Let go of the cache (a build that ends without `finish`, e.g. on an error, lets go when dropped)."""
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    __del__ = close

    def _hold_shared(self):
        folder = self.folder()
        if folder is None or fcntl is None:
            return None
        handle = open(folder / ".lock", "a")
        fcntl.flock(handle, fcntl.LOCK_SH)
        return handle


def _drop(path: Path, root: Path, keep: set[str], started: float) -> int:
    """Delete an entry no manifest names and older than the build (an empty folder too)."""
    try:
        if path.is_dir():
            if not any(path.iterdir()):
                path.rmdir()
            return 0
        if path.relative_to(root).as_posix() in keep or path.stat().st_mtime >= started - SLACK_SECONDS:
            return 0
        path.unlink()
        return 1
    except OSError:  # another build removed or replaced it meanwhile
        return 0


def _read(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


class _alone:
    """`with _alone(root) as alone:` alone is True when no other build holds the cache (it then stays
    held till the block ends), False when one does (pruning waits for a later build)."""

    def __init__(self, root: Path) -> None:
        self.root, self.handle = root, None

    def __enter__(self) -> bool:
        if fcntl is None:
            return True
        self.handle = open(self.root / ".lock", "a")
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def __exit__(self, *exc) -> None:
        if self.handle:
            self.handle.close()


class _Templates(jinja2.FileSystemBytecodeCache):
    """Jinja's cache of compiled templates in a folder, telling the build cache which entries it used."""

    def __init__(self, folder: Path, cache: BuildCache) -> None:
        super().__init__(str(folder))
        self.cache = cache

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        super().load_bytecode(bucket)
        self._used(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        super().dump_bytecode(bucket)
        self._used(bucket)

    def _used(self, bucket: jinja2.bccache.Bucket) -> None:
        path = Path(self.directory) / (self.pattern % (bucket.key,))  # where Jinja's own cache keeps it
        if path.is_file():
            os.utime(path)
        self.cache.use(path)


class _Precompiled(jinja2.FileSystemBytecodeCache):
    """Templates compiled by `make bytecode` (read only), then `then` for the others (None: compiled each time).
    Jinja resets a bucket whose source checksum differs: an edited template is looked for in `then`."""

    def __init__(self, folder: Path, then: jinja2.BytecodeCache | None) -> None:
        super().__init__(str(folder))
        self.then = then

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        super().load_bytecode(bucket)
        if bucket.code is None and self.then:
            self.then.load_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if self.then:
            self.then.dump_bytecode(bucket)
