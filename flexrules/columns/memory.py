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

from ..clock.calendar import DAY
from ..engine.runtime import Decider
from ..engine.state import Bits, Plan, Standing

#: fact sets, outcomes and column values remembered before starting again
MAX_KEYS = 2_000_000
#: day plans with a table of stretches (each table is 2 x 86,401 small integers)
MAX_PLANS = 64
#: a plan's boundaries are fewer than this (a stretch index fits in 10 bits)
MAX_BOUNDS = 1024
#: bits a fact set's integer may use
KEY_BITS = 62


class Sorted:
    """Integer keys and their values, sorted by key, for `searchsorted` look-ups."""

    __slots__ = ("keys", "values")

    def __init__(self) -> None:
        self.keys = np.zeros(0, dtype=np.int64)
        self.values = np.zeros(0, dtype=np.int64)

    def find(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Each key's value, and whether it was found (values of keys not found are 0). The
        distinct keys are looked up (Arrow's hash finds them), then spread to the rows."""
        if not self.keys.size:
            return np.zeros(keys.size, dtype=np.int64), np.zeros(keys.size, dtype=bool)
        encoded = pa.array(keys).dictionary_encode()
        distinct = encoded.dictionary.to_numpy()
        where = encoded.indices.to_numpy()
        at = np.minimum(np.searchsorted(self.keys, distinct), self.keys.size - 1)
        found = self.keys[at] == distinct
        return np.where(found, self.values[at], 0)[where], found[where]

    def add(self, keys: np.ndarray, values: np.ndarray) -> None:
        """Add distinct keys not yet present."""
        merged = np.concatenate([self.keys, keys])
        order = np.argsort(merged, kind="stable")
        self.keys = merged[order]
        self.values = np.concatenate([self.values, values])[order]


class TableMemory:
    """See the module."""

    def __init__(self, decider: Decider) -> None:
        self.decider = decider
        self.lock = threading.Lock()
        self.clear()

    def clear(self, layout: dict[str, int] | None = None) -> None:
        #: per column name: (Arrow type, value) -> code
        self.values: dict[str, dict[tuple[str, Any], int]] = {}
        #: per column name: (shift, bits) of its codes in a fact set's integer
        self.layout: dict[str, tuple[int, int]] = {}
        if layout:
            shift = 0
            for name, bits in layout.items():
                self.layout[name] = (shift, bits)
                shift += bits
        self.fact_sets = Sorted()  # fact set integer -> fact set number
        self.fact_count = 0
        #: per fact set number, per location (0, 1, 2): the number of its rule bits, or -1
        self.bits_of = np.full((1024, 3), -1, dtype=np.int64)
        self.bits_numbers: dict[Bits, int] = {}
        self.standings: list[Standing] = []
        self.plan_slots: dict[int, int] = {}  # plan id -> slot
        self.plans: list[Plan] = []
        self.firsts = np.zeros((0, DAY + 1), dtype=np.int16)  # per slot: bisect_right
        self.lasts = np.zeros((0, DAY + 1), dtype=np.int16)  # per slot: bisect_left
        self.day_slots: dict[int, int] = {}  # local day -> plan slot
        self.outcomes = Sorted()  # outcome key -> outcome number
        self.allowed: list[bool] = []
        self.rules: list[tuple[str | None, ...]] = []
        self._allowed_array = np.zeros(0, dtype=bool)
        self._rules_array: pa.Array = pa.array([], type=pa.list_(pa.string()))

    # ---- fact sets ---------------------------------------------------------------------------

    def column_codes(self, name: str, kind: str, values: list[Any]) -> np.ndarray | None:
        """Stable codes of a batch's distinct values of a column; None when the column has no
        place in the layout or its codes outgrow their bits."""
        place = self.layout.get(name)
        if place is None:
            return None
        # one code space per column, whatever its type in a batch: a value is known with its
        # Arrow type, so `False` of a bool column and `0` of a number column differ
        known = self.values.setdefault(name, {})
        codes = np.zeros(len(values), dtype=np.int64)
        for index, value in enumerate(values):
            try:
                code = known.get((kind, value))
                if code is None:
                    code = known[(kind, value)] = len(known)
            except TypeError:  # unhashable: the per-batch path handles it
                return None
            codes[index] = code
        if len(known) >= 1 << place[1]:
            return None
        return codes

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

    def plan_slot(self, day: int) -> int | None:
        """The slot of a day's plan (its stretch tables made on first use); None when the
        plans outgrow `MAX_PLANS` or a plan's boundaries `MAX_BOUNDS`."""
        slot = self.day_slots.get(day)
        if slot is not None:
            return slot
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
        if len(self.day_slots) < MAX_KEYS:
            self.day_slots[day] = slot
        return slot

    def full(self) -> bool:
        return (
            self.fact_sets.keys.size > MAX_KEYS
            or self.outcomes.keys.size > MAX_KEYS
            or sum(len(v) for v in self.values.values()) > MAX_KEYS
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
