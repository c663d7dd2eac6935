"""The build's data kept out of the collector's scans (macros/site/heap.py) must not keep a served site's
old data alive: `mkdocs serve` loads the data again on every edit, for hours."""

from __future__ import annotations

import gc
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
