"""`mkdocs build -d DIR`: DIR keeps the previous site until a new one is whole.

A failure late in the build is simulated by an extra hook (the data checks stop everything
they can find before mkdocs writes a byte, see test_broken.py): it raises, or logs a warning
that --strict turns into a failure, after every page and file has been written.
"""

from __future__ import annotations

import pytest

from tests.conftest import build_site
from tests.minidata import write_minidata

FAILING_HOOK = """
import logging
from mkdocs.plugins import event_priority

@event_priority(-500)  # after the pages, the search index and the offline plugin
def on_post_build(config):
    {action}
"""
ACTIONS = {
    "raises": "raise OSError('disk full')",
    "strict-warning": "logging.getLogger('mkdocs.plugins.test').warning('a late warning')",
}


def build(tmp_path, out, action: str | None):
    data = write_minidata(tmp_path / "data")
    hooks = ()
    if action:
        hooks = (tmp_path / "late_failure.py",)
        hooks[0].write_text(FAILING_HOOK.format(action=ACTIONS[action]), encoding="utf-8")
    return build_site(out, data, hooks=hooks)


def previous_site(tmp_path):
    out = tmp_path / "published"
    out.mkdir()
    (out / "index.html").write_text("the site readers have now", encoding="utf-8")
    return out


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_late_failure_leaves_the_previous_site(tmp_path, action):
    out = previous_site(tmp_path)
    result = build(tmp_path, out, action)
    assert result.returncode != 0
    assert [p.name for p in out.iterdir()] == ["index.html"]
    assert (out / "index.html").read_text(encoding="utf-8") == "the site readers have now"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no half-built folder left


def test_successful_build_replaces_the_site(tmp_path):
    out = previous_site(tmp_path)
    result = build(tmp_path, out, None)
    assert result.returncode == 0, result.stderr
    assert "the site readers have now" not in (out / "index.html").read_text(encoding="utf-8")
    assert (out / "ke-hoach" / "kh-1-2025-ubnd-a.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
