"""What mkdocs loads as the `dvcq` plugin (pyproject.toml's entry point): plugin.py, imported with
Python's cyclic garbage collector paused.

Importing the plugin makes the objects of every module it needs (ours, pydantic's, mkdocs-macros'):
classes, functions, validators, some 100 000 of them, alive as long as the process and holding no
garbage cycles. The collector walked them during the import for nothing, a full collection among
its runs (heap.py says why those cost); once the build's data is loaded they are frozen with it
(heap.settle). Real site, cold build, time the collector took (gc.callbacks), 4 interleaved pairs:
0.094-0.122 s -> 0.060-0.090 s (the full collection during the import is gone; the first young one
after it is larger).
"""

from __future__ import annotations

import gc

_WAS_ON = gc.isenabled()  # as it was: pauses nest (data/loader.py's collector_paused)
gc.disable()
try:
    from .plugin import SitePlugin
finally:
    if _WAS_ON:
        gc.enable()

__all__ = ["SitePlugin"]
