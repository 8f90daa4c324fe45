"""Bounded memories: every cache flexrules keeps, in one shape, bounded and thread-safe.

A `Memory` keeps two generations of at most `size` entries each. Reading is a plain dictionary
look-up in the young generation, with no lock (a dict read is atomic in CPython), so hot paths
may bind `memory.young.get` once: the young dict is never replaced, only emptied. A miss there
looks in the old generation and moves what it finds up. Writing takes the memory's lock; when
the young generation is full, its entries become the old generation (the previous old ones are
forgotten) and it starts empty. So a memory never holds more than `2 * size` entries, and an
entry used at least once per `size` writes is never forgotten.

Every memory of a policy is sized by the one setting `cache_size` given to `load_policy` or
`compile_policy` (docs/architecture.md, "Memory and threads").
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
R = TypeVar("R")

#: entries each memory keeps per generation unless the policy says otherwise
DEFAULT_CACHE_SIZE = 20_000


class Memory(Generic[K, V]):
    """A bounded, thread-safe map from keys to values worked out once (see the module)."""

    __slots__ = ("_lock", "_old", "size", "young")

    def __init__(self, size: int = DEFAULT_CACHE_SIZE, lock: threading.Lock | None = None) -> None:
        """`lock`: one to share with other memories that are written rarely (many small
        memories need not each carry a lock of their own)."""
        if size < 1:
            raise ValueError("a memory keeps at least one entry")
        self.size = size
        #: the young generation: read it directly on hot paths (`memory.young.get(key)`)
        self.young: dict[K, V] = {}
        self._old: dict[K, V] = {}
        self._lock = lock if lock is not None else threading.Lock()

    def get(self, key: K) -> V | None:
        """The value remembered for `key`, or None."""
        found = self.young.get(key)
        if found is None:
            found = self._old.get(key)
            if found is not None:
                self.put(key, found)
        return found

    def put(self, key: K, value: V) -> V:
        """Remember `value` for `key`, unless another thread just did: return what is kept."""
        with self._lock:
            young = self.young
            kept = young.get(key)
            if kept is not None:
                return kept
            if len(young) >= self.size:
                self._old = young.copy()
                young.clear()
            young[key] = value
            return value

    def clear(self) -> None:
        with self._lock:
            self.young.clear()
            self._old = {}

    def __len__(self) -> int:
        """How many entries are kept, in both generations (one key may be in both)."""
        return len(self.young) + len(self._old)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Memory, (self.size,))  # a copy starts empty: what it held is worked out again

    def __repr__(self) -> str:
        return f"<Memory {len(self.young)}+{len(self._old)} of 2x{self.size}>"


def remembered(size: int) -> Callable[[Callable[[K], R]], Callable[[K], R]]:
    """A one-argument function whose results are kept in a `Memory` of `size` (for functions of
    the calendar and time zones that do not belong to one policy)."""

    def decorate(function: Callable[[K], R]) -> Callable[[K], R]:
        memory: Memory[K, R] = Memory(size)

        @functools.wraps(function)
        def wrapper(argument: K) -> R:
            found = memory.young.get(argument)
            if found is None:
                found = memory.get(argument)
                if found is None:
                    found = memory.put(argument, function(argument))
            return found

        wrapper.memory = memory  # type: ignore[attr-defined]
        return wrapper

    return decorate
