"""Shifts within one local day, decided through the table memory (`columns.memory`): on a warm
policy every step is a hash probe or a numpy gather, and only what was not met before goes
through the engine, once.

The steps are those of `columns.decide._decide_within` (fact set and location to a standing's
rule bits, day to plan, seconds to the stretch of the plan's boundaries, then the outcome), with
keys that stay valid from batch to batch: each fact column's values get stable codes
(`fact_codes`), a row's codes shifted together are its fact set's integer. Where the memory
cannot take a batch (its columns need more than 62 bits of codes, more day plans than the
memory keeps), this returns None and the batch is decided by the per-batch steps. The caller
holds the memory's lock from `fact_codes` to the end of `remembered_within`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pyarrow as pa

from ..clock.calendar import DAY
from ..engine.runtime import Decider
from ..engine.state import shift_key
from .codes import dense
from .facts import LOCATION_CODES, UNHASHABLE, FactSets
from .memory import KEY_BITS, MAX_BOUNDS, MAX_PLANS, TableMemory

#: per row within a day, its outcome's number; the outcomes' allowed and rules by number
Remembered = tuple[np.ndarray, np.ndarray, pa.Array]
_DAY_COLUMN = "\0day"


def fact_codes(memory: TableMemory, facts: FactSets) -> list[np.ndarray] | None:
    """Each fact column's stable codes, every row; None where Arrow cannot hash a column
    (the batch's own coding then says which rows `decide` must read)."""
    if memory.full():
        memory.clear()
    found: list[np.ndarray] = []
    for name, column in zip(facts.names, facts.columns, strict=True):
        try:
            found.append(memory.column(name).codes_of(column))
        except UNHASHABLE:
            return None
    return found


def remembered_within(
    memory: TableMemory,
    decider: Decider,
    facts: FactSets,
    stable: list[np.ndarray],
    rows: np.ndarray,
    location: np.ndarray,
    day: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
) -> Remembered | None:
    """The outcomes of the rows within a day (see the module), or None."""
    every = rows.size == location.size  # the common case: no row needs taking out

    def mine(column: np.ndarray) -> np.ndarray:
        return column if every else column[rows]

    by_day = decider.day_dependent
    days = mine(day)
    for attempt in range(2):
        if attempt or _layout_changed(memory, facts, by_day):
            layout = _layout(memory, facts, by_day)
            if layout is None:
                return None
            memory.relayout(layout)
        keys = _fact_keys(memory, facts, stable, mine, days, by_day)
        if keys is not None:
            break
    else:
        return None
    numbers = _fact_numbers(memory, keys)
    places = mine(location)
    bits = _bits(memory, decider, facts, stable, rows, numbers, places, day)
    slot_of_row = memory.slots_of(days)
    if slot_of_row is None:
        return None
    seconds = days * DAY
    first = memory.firsts[slot_of_row, mine(start) - seconds]
    last = memory.lasts[slot_of_row, mine(end) - seconds]
    outcome_keys = ((bits * MAX_PLANS + slot_of_row) * MAX_BOUNDS + first) * MAX_BOUNDS + last
    found = _outcomes(memory, decider, outcome_keys, bits, rows, start, end)
    allowed, rules = memory.outcome_arrays()
    return found, allowed, rules


def _layout(memory: TableMemory, facts: FactSets, by_day: bool) -> dict[str, int] | None:
    """Bits for each fact column's codes (room for 8 times the values met), None if more
    than `KEY_BITS` in all."""
    layout = {
        name: max(4, (8 * len(memory.column(name).values)).bit_length()) for name in facts.names
    }
    if by_day:
        layout[_DAY_COLUMN] = 16
    return layout if sum(layout.values()) <= KEY_BITS else None


def _layout_changed(memory: TableMemory, facts: FactSets, by_day: bool) -> bool:
    wanted = [*facts.names, _DAY_COLUMN] if by_day else facts.names
    return list(memory.layout) != wanted


def _fact_keys(
    memory: TableMemory,
    facts: FactSets,
    stable: list[np.ndarray],
    mine: Callable[[np.ndarray], np.ndarray],
    days: np.ndarray,
    by_day: bool,
) -> np.ndarray | None:
    """Each row's fact set as one integer of its columns' stable codes (and its day's, where
    rules depend on the day); None when a column's codes outgrow their bits."""
    keys = np.zeros(days.size, dtype=np.int64)
    for name, codes in zip(facts.names, stable, strict=True):
        shift, bits = memory.layout[name]
        if len(memory.column(name).values) > 1 << bits:
            return None
        keys |= mine(codes) << shift
    if by_day:
        group, firsts = dense(days - days.min())
        shift, bits = memory.layout[_DAY_COLUMN]
        column = memory.column(_DAY_COLUMN)
        codes = column.codes_of(pa.array(days[firsts]))
        if len(column.values) > 1 << bits:
            return None
        keys |= codes[group] << shift
    return keys


def _fact_numbers(memory: TableMemory, keys: np.ndarray) -> np.ndarray:
    """Each row's fact set number, numbering the fact sets not met before."""
    numbers, found = memory.fact_sets.find(keys)
    if found.all():
        return numbers
    new = np.unique(keys[~found])
    memory.fact_sets.add(new, np.arange(memory.fact_count, memory.fact_count + new.size))
    memory.fact_count += int(new.size)
    memory.grow_fact_sets(memory.fact_count)
    return memory.fact_sets.find(keys)[0]


def _bits(
    memory: TableMemory,
    decider: Decider,
    facts: FactSets,
    stable: list[np.ndarray],
    rows: np.ndarray,
    numbers: np.ndarray,
    places: np.ndarray,
    day: np.ndarray,
) -> np.ndarray:
    """Each row's number of its standing's rule bits, working out the standings of the fact
    sets and locations not met before from one row each."""
    bits = memory.bits_of[numbers, places]
    missing = np.flatnonzero(bits < 0)
    if missing.size:
        _, firsts = np.unique(numbers[missing] * 3 + places[missing], return_index=True)
        for index in missing[firsts].tolist():
            row = int(rows[index])
            mapping = _mapping(memory, facts, stable, row)
            code = LOCATION_CODES[int(places[index])]
            key = decider.fact_key(mapping, mapping)
            standing = decider.standing_of(mapping, mapping, code, int(day[row]), key)
            memory.bits_of[numbers[index], places[index]] = memory.bits_number(standing)
        bits = memory.bits_of[numbers, places]
    found: np.ndarray = bits
    return found


def _mapping(
    memory: TableMemory, facts: FactSets, stable: list[np.ndarray], row: int
) -> dict[str, Any]:
    """The declared attributes of a row, as `decide` would read them from it."""
    return {
        name: memory.column(name).values[int(codes[row])]
        for name, codes in zip(facts.names, stable, strict=True)
    }


def _outcomes(
    memory: TableMemory,
    decider: Decider,
    keys: np.ndarray,
    bits: np.ndarray,
    rows: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
) -> np.ndarray:
    """Each row's outcome number, working out the outcomes not met before from one row each,
    as `Decider.look_up` decides it."""
    numbers, found = memory.outcomes.find(keys)
    if found.all():
        return numbers
    new, firsts = np.unique(keys[~found], return_index=True)
    missing = np.flatnonzero(~found)[firsts]
    made = np.zeros(new.size, dtype=np.int64)
    for index, at in enumerate(missing.tolist()):
        row = int(rows[at])
        begin, finish = decider.moment_at(int(start[row])), decider.moment_at(int(end[row]))
        assert begin is not None and finish is not None  # days checked by the caller
        standing = memory.standings[int(bits[at])]
        summary = decider.look_up(standing, begin, finish, shift_key(begin, finish))[1]
        made[index] = memory.add_outcome(summary.allowed, summary.rule_ids)
    memory.outcomes.add(new, made)
    return memory.outcomes.find(keys)[0]
