"""Numbers kept for combinations of small integers (a fact set's column codes and location; an
outcome's rule bits, day plan and stretch): found for a whole batch by one gather where the
combinations pack into few bits, else by a hash probe.

Each part of a combination gets as many bits as its largest value so far needs; a value that
needs more widens its part, and the known combinations are packed again (they are kept, one row
each). While all parts fit in `DIRECT_BITS` the numbers live in a table indexed by the packed
key (-1 for a combination not met; of the narrowest integer type the numbers allow, so the
gather touches less memory); past that, in sorted keys probed with Arrow's `index_in`.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

#: packed keys of at most this many bits index a table directly (4 MiB at most)
DIRECT_BITS = 20
#: bits a packed key may use at all (past this the combination cannot be kept)
KEY_BITS = 62


class Sorted:
    """Integer keys and their values, sorted by key, for `searchsorted` look-ups."""

    __slots__ = ("keys", "values")

    def __init__(self) -> None:
        self.keys = np.zeros(0, dtype=np.int64)
        self.values = np.zeros(0, dtype=np.int64)

    def find(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Each key's value, and whether it was found (values of keys not found are 0). While
        the known keys are few next to the keys asked (the common case: a warm batch), Arrow's
        `index_in` hashes the known keys and probes every row; else the batch's distinct keys
        are found by a hash and looked up by `searchsorted`, then spread to the rows."""
        known = self.keys.size
        if not known:
            return np.zeros(keys.size, dtype=np.int64), np.zeros(keys.size, dtype=bool)
        if known <= max(4 * keys.size, 4096):
            at = pc.index_in(pa.array(keys), value_set=pa.array(self.keys))
            if not at.null_count:
                return self.values[at.to_numpy()], np.ones(keys.size, dtype=bool)
            where = at.fill_null(-1).to_numpy()
            found = where >= 0
            return np.where(found, self.values[where], 0), found
        encoded = pa.array(keys).dictionary_encode()
        distinct = encoded.dictionary.to_numpy()
        where = encoded.indices.to_numpy()
        at = np.minimum(np.searchsorted(self.keys, distinct), self.keys.size - 1)
        hit = self.keys[at] == distinct
        return np.where(hit, self.values[at], 0)[where], hit[where]

    def add(self, keys: np.ndarray, values: np.ndarray) -> None:
        """Add distinct keys not yet present."""
        merged = np.concatenate([self.keys, keys])
        order = np.argsort(merged, kind="stable")
        self.keys = merged[order]
        self.values = np.concatenate([self.values, values])[order]


class Packed:
    """Numbers for combinations of `parts` small non-negative integers (see the module)."""

    __slots__ = ("known", "numbers", "shifts", "sorted", "table", "widths")

    def __init__(self, parts: int) -> None:
        self.widths = [1] * parts
        #: every combination met, one row each, and its number
        self.known = np.zeros((0, parts), dtype=np.int64)
        self.numbers = np.zeros(0, dtype=np.int64)
        self.shifts: list[int] = []
        self.table: np.ndarray | None = None
        self.sorted: Sorted | None = None
        self._pack_known()

    def __len__(self) -> int:
        return int(self.numbers.size)

    def find(
        self, parts: list[np.ndarray], tops: list[int] | None = None
    ) -> tuple[np.ndarray, np.ndarray] | None:
        """Each row's packed key and number (-1 where its combination was not met); None
        when the parts need more than `KEY_BITS` bits. `tops`, where the caller knows them,
        bound each part's values from above (else they are read from the parts)."""
        if tops is None:
            tops = [int(values.max()) if values.size else 0 for values in parts]
        if not self.fit(tops):
            return None
        keys = self.pack(parts)
        return keys, self.numbers_of(keys)

    def fit(self, tops: list[int]) -> bool:
        """Widen the parts to hold values up to `tops` (the known combinations packed again);
        False when the parts then need more than `KEY_BITS` bits."""
        widened = False
        for index, top in enumerate(tops):
            width = max(1, top.bit_length())
            if width > self.widths[index]:
                self.widths[index] = width
                widened = True
        if sum(self.widths) > KEY_BITS:
            return False
        if widened:
            self._pack_known()
        return True

    @property
    def key_type(self) -> type[np.signedinteger]:
        """The integer type of packed keys (32 bits while they index the table: half the
        memory traffic of 64)."""
        return np.int32 if self.table is not None and sum(self.widths) < 32 else np.int64

    def numbers_of(self, keys: np.ndarray) -> np.ndarray:
        """Each packed key's number, -1 where its combination was not met."""
        if self.table is not None:
            found: np.ndarray = self.table[keys]
            return found
        assert self.sorted is not None
        numbers, hit = self.sorted.find(keys)
        return np.where(hit, numbers, -1)

    def add(self, keys: np.ndarray, parts: np.ndarray, numbers: np.ndarray) -> None:
        """Keep distinct combinations not met before: their packed keys (as `find` gave
        them), their parts (one row each) and their numbers."""
        self.known = np.concatenate([self.known, parts])
        self.numbers = np.concatenate([self.numbers, numbers])
        if self.table is not None:
            if numbers.size and int(numbers.max()) > np.iinfo(self.table.dtype).max:
                self.table = self.table.astype(_narrowest(int(numbers.max())))
            self.table[keys] = numbers
        else:
            assert self.sorted is not None
            self.sorted.add(keys, numbers)

    def pack(self, parts: list[np.ndarray]) -> np.ndarray:
        """Each row's packed key (the parts fit: see `fit`)."""
        kind = self.key_type
        keys = parts[0].astype(kind, copy=True)
        shifted = np.empty_like(keys)
        for values, shift in zip(parts[1:], self.shifts[1:], strict=True):
            np.left_shift(values, shift, out=shifted, dtype=kind)  # one pass, any int type
            np.bitwise_or(keys, shifted, out=keys)
        return keys

    def _pack_known(self) -> None:
        """Shifts from the widths, and the known combinations packed again."""
        self.shifts = [0]
        for width in self.widths[:-1]:
            self.shifts.append(self.shifts[-1] + width)
        self.table = self.sorted = None  # known keys packed as int64 first
        keys = self.pack(list(self.known.T)) if self.numbers.size else self.numbers
        if sum(self.widths) <= DIRECT_BITS:
            top = int(self.numbers.max()) if self.numbers.size else 0
            self.table = np.full(1 << sum(self.widths), -1, dtype=_narrowest(top))
            self.table[keys] = self.numbers
            self.sorted = None
        else:
            self.table = None
            self.sorted = Sorted()
            if keys.size:
                self.sorted.add(keys, self.numbers)


def _narrowest(top: int) -> type[np.signedinteger]:
    """The narrowest signed integer type that holds -1 to `top`: a table of rule bits numbers
    is then a byte per key, a quarter of the memory the gather touches."""
    for kind in (np.int8, np.int16, np.int32):
        if top <= np.iinfo(kind).max:
            return kind
    return np.int64
