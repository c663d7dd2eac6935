"""The build's data kept out of the collector's scans (macros/site/heap.py) must not keep a served site's
old data alive: `mkdocs serve` loads the data again on every edit, for hours."""

from __future__ import annotations

import gc
import subprocess
import sys
import weakref

from macros.site import heap


class _Record:
    pass


def test_what_one_build_froze_is_freed_by_the_next_even_in_a_cycle():
    gc.collect()
    old = _Record()
    old.self = old  # a cycle: reference counting alone never frees it
    gone = weakref.ref(old)
    heap.settle()
    assert gc.get_freeze_count() > 0  # the collector no longer walks what is alive
    del old
    gc.collect()
    assert gone() is not None  # frozen: kept while this build runs
    heap.settle()  # the next rebuild
    assert gone() is None
    gc.unfreeze()


def test_mkdocs_loads_the_plugin_with_the_collector_paused():
    """The plugin's import makes long-lived objects only (macros/site/entry.py): no collection of the older
    generations runs through it (imported directly: 90 collections, 8 of them older ones), and the
    collector is on again after. Python's import machinery may make a young collection before entry.py runs."""
    code = ("import gc\n"
            "from importlib.metadata import entry_points\n"
            "(plugin,) = entry_points(group='mkdocs.plugins', name='dvcq')\n"
            "runs = []\n"
            "gc.callbacks.append(lambda phase, info: phase == 'start' and runs.append(info['generation']))\n"
            "assert plugin.load().__name__ == 'SitePlugin'\n"
            "print(sum(1 for g in runs if g), len(runs) < 3, gc.isenabled())\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.split() == ["0", "True", "True"], result.stdout + result.stderr[-2000:]
