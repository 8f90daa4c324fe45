"""Shifts within one local day, decided through the table memory (`columns.memory`): on a warm
policy every step is a hash probe or a numpy gather, and only what was not met before goes
through the engine, once.

The steps are those of `columns.decide._decide_within` (fact set and location to a standing's
rule bits, day to plan, seconds to the stretch of the plan's boundaries, then the outcome), with
keys that stay valid from batch to batch: each fact column's values get stable codes
(`fact_codes`), and a row's codes with its location are its fact set (`columns.packed`). Where
the memory cannot take a batch (its columns need more than 62 bits of codes, more day plans
than the memory keeps), this returns None and the batch is decided by the per-batch steps.
The caller holds the memory's lock from `fact_codes` to the end of `remembered_within`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pyarrow as pa

from ..clock.calendar import DAY
from ..engine.runtime import Decider
from ..engine.state import shift_key
from .codes import dense
from .facts import LOCATION_CODES, UNHASHABLE, FactSets
from .memory import TableMemory
from .packed import Packed
from .times import TimeColumn

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
    seconds: tuple[np.ndarray, np.ndarray],
    start: TimeColumn,
    end: TimeColumn,
) -> Remembered | None:
    """The outcomes of the rows within a day (see the module), or None. `seconds` are each
    row's start and end in seconds into its day."""
    every = rows.size == location.size  # the common case: no row needs taking out

    def mine(column: np.ndarray) -> np.ndarray:
        return column if every else column[rows]

    by_day = decider.day_dependent
    days = mine(day)
    places = mine(location)
    fact_sets = memory.facts_for((*facts.names, _DAY_COLUMN) if by_day else tuple(facts.names))
    parts = [*(mine(codes) for codes in stable), places]
    # a column's codes are below the count of its values; locations are 0, 1, 2
    tops = [len(memory.column(name).values) - 1 for name in facts.names] + [2]
    if by_day:
        group, firsts = dense(days - days.min())
        column = memory.column(_DAY_COLUMN)
        parts.append(column.codes_of(pa.array(days[firsts]))[group])
        tops.append(len(column.values) - 1)
    found = fact_sets.find(parts, tops)
    if found is None:
        return None
    keys, bits = found
    if bits.size and bits.min() < 0:
        missing = np.flatnonzero(bits < 0)
        learn_fact_sets(memory, decider, facts.names, stable, rows, keys, parts, missing, day)
        bits = again(fact_sets, parts)
    slot_of_row = memory.slots_of(days)
    if slot_of_row is None:
        return None
    seconds_in_day = (mine(seconds[0]), mine(seconds[1]))
    return outcome_numbers(
        memory, decider, bits, slot_of_row, seconds_in_day, rows, lambda: (start.local, end.local)
    )


def outcome_numbers(
    memory: TableMemory,
    decider: Decider,
    bits: np.ndarray,
    slots: np.ndarray,
    seconds: tuple[np.ndarray, np.ndarray],
    rows: np.ndarray,
    local: Callable[[], tuple[np.ndarray, np.ndarray]],
) -> Remembered | None:
    """Each row's outcome number from its rule bits number, plan slot and start and end in
    seconds into its day, outcomes not met before worked out (`learn_outcomes`, from the
    batch's local seconds, which `local` gives); None when the parts outgrow the packing, or
    when there is something to learn and the memory is full (the caller's steps start it
    again)."""
    # the stretch tables flat, a row's place its slot's start plus its seconds (one gather
    # each, where a two-axis index costs numpy several passes)
    at = np.multiply(slots, DAY + 1, dtype=np.int64)
    begins, ends = at + seconds[0], at + seconds[1]
    outcomes, widest = memory.outcomes, memory.widest
    if not outcomes.fit([len(memory.standings) - 1, len(memory.plans) - 1, widest, widest]):
        return None
    keyed = memory.outcome_parts()
    if keyed is not None:  # the key from two gathers and two ors
        keys = bits.astype(np.int32)
        keys |= keyed[0][begins]
        keys |= keyed[1][ends]
        numbers = outcomes.numbers_of(keys)
        if not numbers.size or numbers.min() >= 0:
            allowed, rules = memory.outcome_arrays()
            return numbers, allowed, rules
    parts = [bits, slots, memory.firsts.reshape(-1)[begins], memory.lasts.reshape(-1)[ends]]
    keys = outcomes.pack(parts)
    numbers = outcomes.numbers_of(keys)
    if numbers.size and numbers.min() < 0:
        if memory.full():
            return None
        missing = np.flatnonzero(numbers < 0)
        learn_outcomes(memory, decider, keys, parts, missing, rows, *local())
        numbers = again(outcomes, parts)
    allowed, rules = memory.outcome_arrays()
    return numbers, allowed, rules


def again(packed: Packed, parts: list[np.ndarray]) -> np.ndarray:
    """The numbers of combinations just kept (they fit: `find` has seen them)."""
    found = packed.find(parts, [0] * len(parts))
    assert found is not None
    return found[1]


def _firsts_of(keys: np.ndarray, missing: np.ndarray) -> np.ndarray:
    """Of the rows whose keys were not found, the first of each distinct key."""
    firsts: np.ndarray = missing[np.unique(keys[missing], return_index=True)[1]]
    return firsts


def learn_fact_sets(
    memory: TableMemory,
    decider: Decider,
    names: Sequence[str],
    stable: list[np.ndarray],
    rows: np.ndarray,
    keys: np.ndarray,
    parts: list[np.ndarray],
    missing: np.ndarray,
    day: np.ndarray,
) -> None:
    """Work out the standings of the fact sets and locations not met before, from one row
    each, and keep the number of each one's rule bits."""
    firsts = _firsts_of(keys, missing)
    numbers = np.zeros(firsts.size, dtype=np.int64)
    places = parts[len(stable)]
    for index, at in enumerate(firsts.tolist()):
        row = int(rows[at])
        mapping = _mapping(memory, names, stable, row)
        code = LOCATION_CODES[int(places[at])]
        key = decider.fact_key(mapping, mapping)
        standing = decider.standing_of(mapping, mapping, code, int(day[row]), key)
        numbers[index] = memory.bits_number(standing)
    known = np.stack([part[firsts] for part in parts], axis=1).astype(np.int64)
    memory.fact_sets.add(keys[firsts], known, numbers)


def _mapping(
    memory: TableMemory, names: Sequence[str], stable: list[np.ndarray], row: int
) -> dict[str, Any]:
    """The declared attributes of a row, as `decide` would read them from it."""
    return {
        name: memory.column(name).values[int(codes[row])]
        for name, codes in zip(names, stable, strict=True)
    }


def learn_outcomes(
    memory: TableMemory,
    decider: Decider,
    keys: np.ndarray,
    parts: list[np.ndarray],
    missing: np.ndarray,
    rows: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
) -> None:
    """Work out the outcomes not met before from one row each, as `Decider.look_up`
    decides it, and keep them."""
    firsts = _firsts_of(keys, missing)
    made = np.zeros(firsts.size, dtype=np.int64)
    bits = parts[0]
    for index, at in enumerate(firsts.tolist()):
        row = int(rows[at])
        begin, finish = decider.moment_at(int(start[row])), decider.moment_at(int(end[row]))
        assert begin is not None and finish is not None  # days checked by the caller
        standing = memory.standings[int(bits[at])]
        summary = decider.look_up(standing, begin, finish, shift_key(begin, finish))[1]
        made[index] = memory.add_outcome(summary.allowed, summary.rule_ids)
    known = np.stack([part[firsts] for part in parts], axis=1).astype(np.int64)
    memory.outcomes.add(keys[firsts], known, made)
