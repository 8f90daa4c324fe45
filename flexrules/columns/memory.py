"""What the columnar path remembers between batches, so a warm batch is numpy alone.

Per policy (its decider), bounded, behind one lock:

- each fact column's values as stable codes, and a fact set as one integer made of its
  columns' codes (each column given a fixed number of bits);
- per fact set, per location, the number of its standing's rule bits (standings with equal
  bits decide alike), and one standing per number;
- per day plan met, a table from the seconds of a day to the stretch of the plan's boundaries
  they fall in (`Moment`'s bisection, done once for all 86,401 seconds);
- per (rule bits, plan, stretch) key, the outcome: allowed, and the rule ids.

Known keys live in sorted numpy arrays and are found with `searchsorted`; only keys not met
before go through Python, once. When a bound is reached the memory starts again empty: it is a
cache, and what it forgets is worked out again.
"""

from __future__ import annotations

import threading
import weakref
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..clock.calendar import DAY
from ..engine.runtime import Decider
from ..engine.state import Bits, Plan, Standing
from .codes import dense

#: fact sets, outcomes and column values remembered before starting again
MAX_KEYS = 2_000_000
#: day plans with a table of stretches (each table is 2 x 86,401 small integers)
MAX_PLANS = 64
#: a plan's boundaries are fewer than this (a stretch index fits in 10 bits)
MAX_BOUNDS = 1024
#: bits a fact set's integer may use
KEY_BITS = 62
#: days the table from a day to its plan's slot spans at most (int16 each: 256 KiB)
MAX_DAYS = 1 << 17


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


class ColumnValues:
    """One column's values met so far, each with a stable code (its place in `values`). Per
    Arrow type the values are also kept as an Arrow array, so a column's codes are one
    `index_in` (a hash probe per row) and a gather: a value is known with its type, so `False`
    of a bool column and `0` of a number column differ. Raises Arrow's errors for a type Arrow
    cannot hash (a list, a struct)."""

    __slots__ = ("flags", "nulls", "sets", "values")

    def __init__(self) -> None:
        #: each code's value, as `as_py` gives it (what `decide` reads)
        self.values: list[Any] = []
        #: per Arrow type (as text): the values met, and each one's code
        self.sets: dict[str, tuple[pa.Array, np.ndarray]] = {}
        #: per Arrow type: the code of its null
        self.nulls: dict[str, int] = {}
        #: per boolean type: the codes of false and true (and -1 for null)
        self.flags: dict[str, np.ndarray] = {}

    def codes_of(self, column: pa.Array) -> np.ndarray:
        """Each row's stable code (see the class). A dictionary column (Parquet's, a pandas
        categorical) costs a look-up of its dictionary and a gather of its indices."""
        kind = column.type
        if pa.types.is_dictionary(kind):
            found = self._codes(column.dictionary)
            indices = column.indices
            if indices.null_count:
                found = np.append(found, self._null(str(kind.value_type)))
                indices = indices.fill_null(len(column.dictionary))
            coded: np.ndarray = found[indices.to_numpy()]
            return coded
        return self._codes(column)

    def _codes(self, column: pa.Array) -> np.ndarray:
        kind = str(column.type)
        if pa.types.is_boolean(column.type):  # no hashing: false 0, true 1, null 2
            table = self.flags.get(kind)
            if table is None:
                table = self.flags[kind] = np.asarray([self._new(False), self._new(True), -1])
            places = column.cast(pa.int8())
            if places.null_count:
                table = table.copy()
                table[2] = self._null(kind)
                places = places.fill_null(2)
            flags: np.ndarray = table[places.to_numpy()]
            return flags
        entry = self.sets.get(kind)
        if entry is None:
            entry = self.sets[kind] = (pa.array([], type=column.type), np.zeros(0, np.int64))
        at = pc.index_in(column, value_set=entry[0])
        if at.null_count > column.null_count:  # values not met before: numbered, then found
            new = pc.unique(column.filter(pc.and_(at.is_null(), column.is_valid())))
            codes = np.arange(len(self.values), len(self.values) + len(new), dtype=np.int64)
            self.values.extend(new.to_pylist())
            entry = self.sets[kind] = (
                pa.concat_arrays([entry[0], new]),
                np.concatenate([entry[1], codes]),
            )
            at = pc.index_in(column, value_set=entry[0])
        if not at.null_count:
            found: np.ndarray = entry[1][at.to_numpy()]
            return found
        table = np.append(entry[1], self._null(kind) if column.null_count else -1)
        coded: np.ndarray = table[at.fill_null(len(entry[1])).to_numpy()]
        return coded

    def _new(self, value: Any) -> int:
        self.values.append(value)
        return len(self.values) - 1

    def _null(self, kind: str) -> int:
        code = self.nulls.get(kind)
        if code is None:
            code = self.nulls[kind] = self._new(None)
        return code


class TableMemory:
    """See the module."""

    def __init__(self, decider: Decider) -> None:
        self.decider = decider
        self.lock = threading.Lock()
        self.clear()

    def clear(self, layout: dict[str, int] | None = None) -> None:
        """Forget everything; with a layout, start with it."""
        #: per column name: its values' stable codes
        self.columns: dict[str, ColumnValues] = {}
        self.bits_numbers: dict[Bits, int] = {}
        self.standings: list[Standing] = []
        self.plan_slots: dict[int, int] = {}  # plan id -> slot
        self.plans: list[Plan] = []
        self.firsts = np.zeros((0, DAY + 1), dtype=np.int16)  # per slot: bisect_right
        self.lasts = np.zeros((0, DAY + 1), dtype=np.int16)  # per slot: bisect_left
        #: per local day from `day_base`: its plan's slot, or -1
        self.day_base = 0
        self.day_slots = np.zeros(0, dtype=np.int16)
        self.outcomes = Sorted()  # outcome key -> outcome number
        self.allowed: list[bool] = []
        self.rules: list[tuple[str | None, ...]] = []
        self._allowed_array = np.zeros(0, dtype=bool)
        self._rules_array: pa.Array = pa.array([], type=pa.list_(pa.string()))
        self.relayout(layout or {})

    def relayout(self, layout: dict[str, int]) -> None:
        """Give fact sets a new layout (bits per column): the fact sets are numbered again;
        the values' codes, standings, plans and outcomes do not depend on it and stay."""
        #: per column name: (shift, bits) of its codes in a fact set's integer
        self.layout: dict[str, tuple[int, int]] = {}
        shift = 0
        for name, bits in layout.items():
            self.layout[name] = (shift, bits)
            shift += bits
        self.fact_sets = Sorted()  # fact set integer -> fact set number
        self.fact_count = 0
        #: per fact set number, per location (0, 1, 2): the number of its rule bits, or -1
        self.bits_of = np.full((1024, 3), -1, dtype=np.int64)

    # ---- fact sets ---------------------------------------------------------------------------

    def column(self, name: str) -> ColumnValues:
        found = self.columns.get(name)
        if found is None:
            found = self.columns[name] = ColumnValues()
        return found

    def outcome_arrays(self) -> tuple[np.ndarray, pa.Array]:
        """The outcomes so far, as a bool array and a list array (rebuilt when grown)."""
        if self._allowed_array.size != len(self.allowed):
            self._allowed_array = np.asarray(self.allowed, dtype=bool)
            self._rules_array = pa.array(self.rules, type=pa.list_(pa.string()))
        return self._allowed_array, self._rules_array

    def add_outcome(self, allowed: bool, rules: tuple[str | None, ...]) -> int:
        self.allowed.append(allowed)
        self.rules.append(rules)
        return len(self.allowed) - 1

    def bits_number(self, standing: Standing) -> int:
        found = self.bits_numbers.get(standing.bits)
        if found is None:
            found = self.bits_numbers[standing.bits] = len(self.standings)
            self.standings.append(standing)
        return found

    def grow_fact_sets(self, count: int) -> None:
        if count > self.bits_of.shape[0]:
            grown = np.full((max(count, 2 * self.bits_of.shape[0]), 3), -1, dtype=np.int64)
            grown[: self.bits_of.shape[0]] = self.bits_of
            self.bits_of = grown

    # ---- days --------------------------------------------------------------------------------

    def slots_of(self, days: np.ndarray) -> np.ndarray | None:
        """Each row's day's plan slot (a gather from a table by day: days repeat from batch to
        batch); None when the plans outgrow `MAX_PLANS` or a plan's boundaries `MAX_BOUNDS`."""
        low, high = int(days.min()), int(days.max())
        if high - low >= MAX_DAYS:  # a batch over centuries: a slot per distinct day
            group, firsts = dense(days - low)
            slots = np.zeros(firsts.size, dtype=np.int64)
            for index, day in enumerate(days[firsts].tolist()):
                slot = self.plan_slot(day)
                if slot is None:
                    return None
                slots[index] = slot
            found: np.ndarray = slots[group]
            return found
        self._cover(low, high)
        offsets = days - self.day_base
        slots = self.day_slots[offsets]
        if slots.min() < 0:
            for day in np.unique(days[slots < 0]).tolist():
                slot = self.plan_slot(day)
                if slot is None:
                    return None
                self.day_slots[day - self.day_base] = slot
            slots = self.day_slots[offsets]
        found_slots: np.ndarray = slots
        return found_slots

    def _cover(self, low: int, high: int) -> None:
        """Make the day table cover `low` to `high` (a new table if the two together would
        span more than `MAX_DAYS`)."""
        base, size = self.day_base, self.day_slots.size
        if size and base <= low and high < base + size:
            return
        if size and max(high + 1, base + size) - min(low, base) <= MAX_DAYS:
            new_base = min(low, base)
            grown = np.full(max(high + 1, base + size) - new_base, -1, dtype=np.int16)
            grown[base - new_base : base - new_base + size] = self.day_slots
            self.day_base, self.day_slots = new_base, grown
        else:
            self.day_base, self.day_slots = low, np.full(high + 1 - low, -1, dtype=np.int16)

    def plan_slot(self, day: int) -> int | None:
        """The slot of a day's plan (its stretch tables made on first use); None when the
        plans outgrow `MAX_PLANS` or a plan's boundaries `MAX_BOUNDS`."""
        plan = self.decider.plan(day)
        slot = self.plan_slots.get(plan.id)
        if slot is None:
            if len(self.plans) >= MAX_PLANS or len(plan.bounds) >= MAX_BOUNDS:
                return None
            seconds = np.arange(DAY + 1, dtype=np.int64)
            bounds = np.asarray(plan.bounds, dtype=np.int64)
            first = np.searchsorted(bounds, seconds, side="right").astype(np.int16)
            last = np.searchsorted(bounds, seconds, side="left").astype(np.int16)
            self.firsts = np.vstack([self.firsts, first[None, :]])
            self.lasts = np.vstack([self.lasts, last[None, :]])
            slot = self.plan_slots[plan.id] = len(self.plans)
            self.plans.append(plan)
        return slot

    def full(self) -> bool:
        return (
            self.fact_sets.keys.size > MAX_KEYS
            or self.outcomes.keys.size > MAX_KEYS
            or sum(len(column.values) for column in self.columns.values()) > MAX_KEYS
        )


_memories: weakref.WeakKeyDictionary[Decider, TableMemory] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def memory_of(decider: Decider) -> TableMemory:
    """The decider's table memory, made on first use."""
    found = _memories.get(decider)
    if found is None:
        with _lock:
            found = _memories.get(decider)
            if found is None:
                found = _memories[decider] = TableMemory(decider)
    return found
