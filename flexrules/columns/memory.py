"""What the columnar path remembers between batches, so a warm batch is numpy alone.

Per policy (its decider), bounded, behind one lock:

- each fact column's values as stable codes, found for a whole column by Arrow's `index_in`;
- per fact set (its columns' codes) and location, the number of its standing's rule bits
  (standings with equal bits decide alike), and one standing per number;
- per local day its plan's slot, and per plan a table from the seconds of a day to the stretch
  of the plan's boundaries they fall in (`Moment`'s bisection, done once for all 86,401
  seconds);
- per (rule bits, plan, stretch) the outcome: allowed, and the rule ids.

Combinations are found a batch at a time (`columns.packed`: a table indexed by the packed
codes, or a hash probe); only combinations not met before go through Python, once. When a
bound is reached the memory starts again empty: it is a cache, and what it forgets is worked
out again.
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
from .codes import bool_bytes, dense
from .packed import Packed

#: fact sets, outcomes and column values remembered before starting again
MAX_KEYS = 2_000_000
#: day plans with a table of stretches (each table is 2 x 86,401 small integers)
MAX_PLANS = 64
#: a plan's boundaries are fewer than this (a stretch index fits in 10 bits)
MAX_BOUNDS = 1024
#: days the table from a day to its plan's slot spans at most (int16 each: 256 KiB)
MAX_DAYS = 1 << 17
#: an integer column's values within this range are coded by a table, not a hash
MAX_RANGE = 4096
#: plans whose stretch tables are also kept as outcome-key parts (two int32 tables of 86,401
#: entries each: 11 MiB at most)
MAX_KEYED_PLANS = 16
_LOWEST = int(np.iinfo(np.int64).min)
#: Arrow's `index_in`, looked up once (`call_function` finds it by name on every call)
INDEX_IN = pc.get_function("index_in")
SMALL_INTEGERS = frozenset(
    (pa.int8(), pa.int16(), pa.int32(), pa.int64(), pa.uint8(), pa.uint16(), pa.uint32())
)


class _Met:
    """The values of one Arrow type met in a column, each one's code, and the options that
    look a column up among them (made once: `index_in` is called once per batch)."""

    __slots__ = ("codes", "identity", "options", "values")

    def __init__(self, values: pa.Array, codes: np.ndarray) -> None:
        self.values, self.codes = values, codes
        self.options = pc.SetLookupOptions(value_set=values)
        #: whether each value's code is its place (a column's first type): no gather needed
        self.identity = bool(np.array_equal(codes, np.arange(codes.size)))

    def find(self, column: pa.Array) -> pa.Array:
        """Each row's place among the values (null where it is not one of them)."""
        found: pa.Array = INDEX_IN.call([column], self.options)
        return found


class ColumnValues:
    """One column's values met so far, each with a stable code (its place in `values`). Per
    Arrow type the values are also kept as an Arrow array, so a column's codes are one
    `index_in` (a hash probe per row) and a gather: a value is known with its type, so `False`
    of a bool column and `0` of a number column differ. Raises Arrow's errors for a type Arrow
    cannot hash (a list, a struct)."""

    __slots__ = ("flags", "nulls", "ranges", "sets", "values")

    def __init__(self) -> None:
        #: each code's value, as `as_py` gives it (what `decide` reads)
        self.values: list[Any] = []
        #: per Arrow type (as text): the values met, and each one's code
        self.sets: dict[str, _Met] = {}
        #: per Arrow type: the code of its null
        self.nulls: dict[str, int] = {}
        #: per boolean type: the codes of false and true (and -1 for null)
        self.flags: dict[str, np.ndarray] = {}
        #: per integer type: one less than the lowest value of a short range, and the code
        #: of each value of the range (-1 for a value not met, and at either end)
        self.ranges: dict[str, tuple[int, np.ndarray]] = {}

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

    def known(self, column: pa.Array, kind: str) -> np.ndarray | None:
        """Each row's stable code where the column (of type `kind`, as text) has no nulls and
        every value was met before; else None, and nothing is added (the warm lane's read)."""
        if column.null_count:
            return None
        if kind == "bool":
            table = self.flags.get(kind)
            if table is None:
                return None
            bits = bool_bytes(column)
            return bits if table[0] == 0 and table[1] == 1 else table[bits]
        if kind in self.ranges:
            low, table = self.ranges[kind]
            numbers = column.to_numpy().astype(np.int64, copy=False)
            coded: np.ndarray = np.take(table, numbers - low, mode="clip")  # see `_integers`
            return coded if coded.min() >= 0 else None
        met = self.sets.get(kind)
        if met is None:
            return None
        at = met.find(column)
        if at.null_count:
            return None
        found: np.ndarray = at.to_numpy()
        return found if met.identity else met.codes[found]

    def _codes(self, column: pa.Array) -> np.ndarray:
        kind = str(column.type)
        if pa.types.is_boolean(column.type):  # no hashing: false 0, true 1, null 2
            table = self.flags.get(kind)
            if table is None:
                table = self.flags[kind] = np.asarray(
                    [self._new(False), self._new(True), -1], dtype=np.int32
                )
            if not column.null_count:
                bits = bool_bytes(column)
                return bits if table[0] == 0 and table[1] == 1 else table[bits]
            table = table.copy()
            table[2] = self._null(kind)
            flags: np.ndarray = table[column.cast(pa.int8()).fill_null(2).to_numpy()]
            return flags
        if column.type in SMALL_INTEGERS and not column.null_count and len(column):
            return self._integers(column, kind)
        return self._hashed(column, kind)

    def _integers(self, column: pa.Array, kind: str) -> np.ndarray:
        """Integers without nulls: where they lie in a short range, a gather from a table by
        value (grades, years of service), else as any other column. The table has a -1 at
        each end, and a value is found by `take` with clipping, so a value past the range
        reads a -1 without a separate check of the column's bounds."""
        values = column.to_numpy().astype(np.int64, copy=False)
        known = self.ranges.get(kind)
        if known is not None:
            found: np.ndarray = np.take(known[1], values - known[0], mode="clip")
            if found.min() >= 0:
                return found
        codes = self._hashed(column, kind)
        low, high = int(values.min()), int(values.max())
        if known is not None:  # the range met so far, widened to these values if it stays short
            first, last = known[0] + 1, known[0] + known[1].size - 2
            if max(high, last) + 1 - min(low, first) <= MAX_RANGE:
                low, high = min(low, first), max(high, last)
        if high - low < MAX_RANGE and low > _LOWEST:  # (the table starts one below low)
            met, met_codes = self.sets[kind].values, self.sets[kind].codes
            table = np.full(high - low + 3, -1, dtype=np.int32)  # codes < MAX_KEYS
            every = met.to_numpy(zero_copy_only=False).astype(np.int64)
            inside = (every >= low) & (every <= high)
            table[every[inside] - low + 1] = met_codes[inside]
            self.ranges[kind] = (low - 1, table)
        return codes

    def _hashed(self, column: pa.Array, kind: str) -> np.ndarray:
        """Codes by a hash probe of each row among the values met (`index_in`)."""
        entry = self.sets.get(kind)
        if entry is None:
            entry = self.sets[kind] = _Met(pa.array([], type=column.type), np.zeros(0, np.int64))
        at = entry.find(column)
        if at.null_count > column.null_count:  # values not met before: numbered, then found
            new = pc.unique(column.filter(pc.and_(at.is_null(), column.is_valid())))
            codes = np.arange(len(self.values), len(self.values) + len(new), dtype=np.int64)
            self.values.extend(new.to_pylist())
            entry = self.sets[kind] = _Met(
                pa.concat_arrays([entry.values, new]), np.concatenate([entry.codes, codes])
            )
            at = entry.find(column)
        if not at.null_count:
            found: np.ndarray = at.to_numpy() if entry.identity else entry.codes[at.to_numpy()]
            return found
        table = np.append(entry.codes, self._null(kind) if column.null_count else -1)
        coded: np.ndarray = table[at.fill_null(len(entry.codes)).to_numpy()]
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
        # a weak reference: the memories are kept per decider in a weak-keyed map, and a
        # strong one here would keep every policy that ever decided a table alive
        self._decider = weakref.ref(decider)
        self.lock = threading.Lock()
        self.clear()

    @property
    def decider(self) -> Decider:
        """The policy's decider (alive while anyone can call this memory: it is found by
        the decider)."""
        found = self._decider()
        assert found is not None
        return found

    def clear(self) -> None:
        """Forget everything."""
        #: per column name: its values' stable codes
        self.columns: dict[str, ColumnValues] = {}
        #: the fact columns (and the day, where rules depend on it) of `fact_sets`
        self.fact_names: tuple[str, ...] = ()
        #: (each fact column's code, location 0-2[, day code]) -> the number of the rule bits
        #: of that standing
        self.fact_sets = Packed(1)
        self.bits_numbers: dict[Bits, int] = {}
        self.standings: list[Standing] = []
        self.plan_slots: dict[int, int] = {}  # plan id -> slot
        self.plans: list[Plan] = []
        #: the most boundaries of a plan with a slot (a stretch index is at most this)
        self.widest = 0
        self.firsts = np.zeros((0, DAY + 1), dtype=np.int16)  # per slot: bisect_right
        self.lasts = np.zeros((0, DAY + 1), dtype=np.int16)  # per slot: bisect_left
        #: per local day from `day_base`: its plan's slot, or -1
        self.day_base = 0
        self.day_slots = np.zeros(0, dtype=np.int16)
        #: (rule bits number, plan slot, first stretch, last stretch) -> outcome number
        self.outcomes = Packed(4)
        self.allowed: list[bool] = []
        self.rules: list[tuple[str | None, ...]] = []
        #: per slot and second, flat: the outcome key's parts of the plan slot and the
        #: stretches, shifted as `outcomes` packs them (see `outcome_parts`)
        self._first_keys = self._last_keys = np.zeros(0, dtype=np.int32)
        self._keys_stamp: tuple[object, ...] = ()
        #: the schema of the last batch and the warm lane's layout for it (`columns.lane`)
        self.layout: tuple[pa.Schema, Any] | None = None
        self._allowed_array = np.zeros(0, dtype=bool)
        self._rules_array: pa.Array = pa.array([], type=pa.list_(pa.string()))

    def facts_for(self, names: tuple[str, ...]) -> Packed:
        """The fact sets of these fact columns (begun again when the columns differ from the
        last batch's: the values' codes, standings, plans and outcomes stay)."""
        if names != self.fact_names:
            self.fact_names = names
            self.fact_sets = Packed(len(names) + 1)
        return self.fact_sets

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

    def outcome_parts(self) -> tuple[np.ndarray, np.ndarray] | None:
        """Per plan slot and second of a day, flat (slot * (DAY + 1) + second): the slot and
        the first stretch a shift starting then covers, and the last stretch of a shift ending
        then, each shifted to its place in the outcome key as `outcomes` packs it now, so a
        row's key is its rule bits number or-ed with one gather from each. Remade when the
        packing or the plans change; None past `MAX_KEYED_PLANS` or when keys are 64 bits."""
        outcomes = self.outcomes
        if len(self.plans) > MAX_KEYED_PLANS or outcomes.key_type is not np.int32:
            return None
        shifts = outcomes.shifts
        stamp = (*shifts, len(self.plans))
        if stamp != self._keys_stamp:
            slots = np.arange(len(self.plans), dtype=np.int32)[:, None] << shifts[1]
            self._first_keys = (slots | (self.firsts.astype(np.int32) << shifts[2])).reshape(-1)
            self._last_keys = (self.lasts.astype(np.int32) << shifts[3]).reshape(-1)
            self._keys_stamp = stamp
        return self._first_keys, self._last_keys

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

    # ---- days --------------------------------------------------------------------------------

    def slots_of(
        self, days: np.ndarray, bounds: tuple[int, int] | None = None
    ) -> np.ndarray | None:
        """Each row's day's plan slot (a gather from a table by day: days repeat from batch to
        batch); None when the plans outgrow `MAX_PLANS` or a plan's boundaries `MAX_BOUNDS`.
        `bounds` are the days' lowest and highest, where the caller has them."""
        low, high = bounds if bounds is not None else (int(days.min()), int(days.max()))
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
            self.widest = max(self.widest, len(plan.bounds))
        return slot

    def full(self) -> bool:
        return (
            len(self.fact_sets) > MAX_KEYS
            or len(self.outcomes) > MAX_KEYS
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
