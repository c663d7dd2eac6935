"""Tables made in one pass over a collection, shared by the knowledge services."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

Item = TypeVar("Item")


def group_by(items: Iterable[Item], key: Callable[[Item], Hashable]) -> dict:
    """key → the items with that key, in their order (one pass, so a table of a whole country stays linear)."""
    table: dict = defaultdict(list)
    for item in items:
        table[key(item)].append(item)
    return dict(table)
