"""The plugin's options in mkdocs.yml (`plugins: - dvcq: …`), typed and checked like any mkdocs plugin's.

Two environment variables win over mkdocs.yml: DVCQ_PROVINCE (`make provinces` builds one site per
province from one config) and DVCQ_CACHE_DIR (the tests keep their cache in a temporary folder).
A wrong value stops the build with a Vietnamese message naming mkdocs.yml, its line and the option,
never mkdocs' English one.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, Config

from ..text.errors import DataError

PLUGIN = "dvcq"  # the entry point's name in pyproject.toml, as mkdocs.yml lists it
PROVINCE_ENV = "DVCQ_PROVINCE"
CACHE_ENV = "DVCQ_CACHE_DIR"
SEARCH_PLAIN_ENV = "DVCQ_SEARCH_PLAIN"


class PluginConfig(Config):
    """What mkdocs.yml may set under `- dvcq:`."""

    data_dir = c.Type(str, default="data")  # relative to mkdocs.yml
    province = c.Optional(c.Type(str))  # a provincial site (DVCQ_PROVINCE wins)
    search_full_text_plans = c.Type(int, default=100)  # above this many plans the index keeps summaries
    cache_dir = c.Type(str, default=".cache")  # relative to mkdocs.yml (DVCQ_CACHE_DIR wins); '' caches nothing


@dataclass(frozen=True)
class Settings:
    """One build's settings: the plugin's options with the environment's overrides, paths resolved."""

    data_path: Path
    province: str | None = None
    search_full_text_plans: int = 100
    cache_path: Path | None = None  # None: cache nothing
    search_plain: bool = False  # DVCQ_SEARCH_PLAIN=1: Material's index as it is (benchmarks)

    @classmethod
    def of(cls, options: PluginConfig, config_file_path: str | None) -> "Settings":
        root = Path(config_file_path or ".").resolve().parent
        cache = os.environ.get(CACHE_ENV, options.cache_dir)
        return cls(
            data_path=root / options.data_dir,
            province=os.environ.get(PROVINCE_ENV) or options.province,
            search_full_text_plans=options.search_full_text_plans,
            cache_path=(root / cache) if cache else None,
            search_plain=bool(os.environ.get(SEARCH_PLAIN_ENV)),
        )


def option_errors(failed: list, warned: list, config_file_path: str | None) -> list[DataError]:
    """mkdocs' failures and warnings about the plugin's options (a wrong value, an unknown name), each at
    its line of mkdocs.yml, in Vietnamese."""
    lines = _read_lines(config_file_path)
    name = Path(config_file_path).name if config_file_path else "mkdocs.yml"
    known = ", ".join(k for k, v in vars(PluginConfig).items() if isinstance(v, BaseConfigOption))
    errors = [(key, f"giá trị không hợp lệ: {error}") for key, error in failed]
    errors += [(key, f"không có thiết lập này (có: {known})") for key, _ in warned]
    return [DataError(name, _line_of(lines, key), f"plugins.{PLUGIN}.{key}", message) for key, message in errors]


def _read_lines(config_file_path: str | None) -> list[str]:
    try:
        return Path(config_file_path).read_text(encoding="utf-8").splitlines() if config_file_path else []
    except OSError:
        return []


def _line_of(lines: list[str], key: str) -> int:
    """The line of `key:` inside the plugin's block of mkdocs.yml, else the plugin's own line (1 if neither)."""
    start = next((i for i, ln in enumerate(lines) if re.match(rf"\s*-\s*{PLUGIN}\s*:?\s*$", ln)), None)
    if start is None:
        return 1
    for i in range(start + 1, len(lines)):
        if re.match(r"\s*-\s", lines[i]) or (lines[i] and not lines[i][0].isspace()):
            break
        if re.match(rf"\s*{re.escape(key)}\s*:", lines[i]):
            return i + 1
    return start + 1
