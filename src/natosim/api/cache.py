"""A small thread-safe LRU of rendered JSON answers for deterministic, repeated requests.

Why: evaluating a scenario is a pure function of the scenario, the year and the dataset, and the
dashboard (and a newsroom sharing a link) asks for the same few bundled scenarios again and again.
The key includes the identity of the loaded dataset, so importing a new release (which makes
``natosim.data.load()`` return a new dataset) invalidates every entry. Size: ``cache_size`` setting.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable


class ResponseCache:
    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, bytes] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable) -> bytes | None:
        """The cached bytes for ``key``, or None (counts a hit only when found)."""
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
                self.hits += 1
            return value

    def get_or_compute(self, key: Hashable, compute: Callable[[], bytes]) -> bytes:
        """The cached bytes for ``key``, computing (outside the lock) and storing them on a miss."""
        if self.size <= 0:
            return compute()
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                self.hits += 1
                return self._items[key]
            self.misses += 1
        value = compute()
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value
