"""The warm lane: a batch of the common shape decided from the table memory alone, in one pass
of numpy and Arrow calls.

On a warm policy most batches look alike: naive `start` and `end` in whole seconds, a text
`location`, fact columns of text (plain or dictionaries), yes/no and small integers without
nulls, every value met before, every shift within one day. For such a batch the general steps
(`columns.decide`, `columns.remembered`) do the same work through several layers of
bookkeeping, and on a short batch that bookkeeping, not the rows, is most of the time (above
all when the processor's caches have gone cold between calls). The lane does those steps
directly on the memory's tables, checks at each step that the batch is still of that shape,
and gives up (None) at the first value it has not met or row it cannot read as the steps
do: the caller then runs the general steps, which learn it. New combinations of values met
before (a fact set, an outcome) it works out and keeps itself, with the functions the steps
use (`columns.remembered`). So the lane never decides anything the general steps would
decide otherwise; the tests compare the two on the same batches.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..clock.calendar import DAY
from ..engine.facts import FIRST_DAY, LAST_DAY, LOCATIONS
from ..engine.runtime import Decider
from .codes import last_index
from .facts import fact_columns
from .memory import INDEX_IN, SMALL_INTEGERS, TableMemory
from .remembered import Remembered, again, learn_fact_sets, outcome_numbers
from .times import EPOCH

#: the location names, in `decide`'s order (office 0, home 1, anywhere 2)
_LOCATIONS = pc.SetLookupOptions(value_set=pa.array(list(LOCATIONS), type=pa.string()))
_TEXT = (pa.string(), pa.large_string())
_PER_SECOND = {"s": 1, "ms": 1_000, "us": 1_000_000, "ns": 1_000_000_000}


class Layout:
    """Where the lane finds its columns in batches of one schema: per fact column its place,
    name, kind (as the memory keys its values) and whether it is an Arrow dictionary; the
    location's place and whether it is a dictionary; the times' places and ticks per
    second."""

    __slots__ = ("facts", "location", "names", "per_second", "times")

    def __init__(
        self,
        facts: list[tuple[int, str, str, bool]],
        location: tuple[int, bool],
        times: tuple[int, int],
        per_second: int,
    ) -> None:
        self.facts, self.location = facts, location
        self.names = tuple(name for _, name, _, _ in facts)
        self.times, self.per_second = times, per_second


def layout_of(decider: Decider, schema: pa.Schema) -> Layout | None:
    """The lane's layout for batches of this schema, or None when the lane cannot take them
    (a `timezone` column, aware times, a fact column of another type)."""
    names, types = schema.names, schema.types
    if "timezone" in names or any(name not in names for name in ("location", "start", "end")):
        return None
    location, start, end = (last_index(names, name) for name in ("location", "start", "end"))
    text, coded = _text(types[location])
    if text is None:
        return None
    if types[start] != types[end] or not pa.types.is_timestamp(types[start]):
        return None
    unit, zone = types[start].unit, types[start].tz
    if zone is not None:
        return None
    facts: list[tuple[int, str, str, bool]] = []
    for name in fact_columns(decider, names):
        place = last_index(names, name)
        kind, dictionary = _text(types[place])
        if kind is None:
            kind = types[place]
            if not (kind == pa.bool_() or kind in SMALL_INTEGERS):
                return None
        facts.append((place, name, str(kind), dictionary))
    return Layout(facts, (location, coded), (start, end), _PER_SECOND[unit])


def _text(kind: pa.DataType) -> tuple[pa.DataType | None, bool]:
    """A text type, or a dictionary of text, as (the text type, whether a dictionary);
    (None, False) for any other type."""
    if pa.types.is_dictionary(kind) and kind.value_type in _TEXT:
        return kind.value_type, True
    return (kind, False) if kind in _TEXT else (None, False)


def warm(
    memory: TableMemory, decider: Decider, layout: Layout, batch: pa.RecordBatch
) -> Remembered | None:
    """Each row's outcome number, and the outcomes' allowed and rules, from the memory (fact
    sets and outcomes of known values learnt on the way); None at the first value the memory
    has not met or row the lane cannot read as the steps do (see the module). The caller holds
    the memory's lock."""
    rows = batch.num_rows
    if not rows or decider.day_dependent:
        return None
    parts: list[np.ndarray] = []
    tops: list[int] = []
    for index, name, kind, dictionary in layout.facts:
        column = batch.column(index)
        if column.null_count:
            return None
        values = memory.columns.get(name)
        codes = values.known(column.dictionary if dictionary else column, kind) if values else None
        if codes is None:
            return None
        parts.append(codes[column.indices.to_numpy()] if dictionary else codes)
        tops.append(len(memory.columns[name].values) - 1)
    places = _places(batch.column(layout.location[0]), layout.location[1])
    if places is None:
        return None
    parts.append(places)
    tops.append(2)
    seconds = [_seconds(batch.column(index), layout.per_second) for index in layout.times]
    if seconds[0] is None or seconds[1] is None:
        return None
    # days since 1970 and seconds into them (EPOCH is whole days): a shift is read and within
    # its day when it starts at `low` and ends at `high`, low < high <= DAY
    day, low = np.divmod(seconds[0], DAY)
    high = seconds[1] - day * DAY
    if not ((high > low) & (high <= DAY)).all():
        return None
    day += EPOCH // DAY
    first, last = int(day.min()), int(day.max())
    if first <= FIRST_DAY or last >= LAST_DAY - 1:
        return None
    times = (seconds[0], seconds[1])
    return _outcomes(memory, decider, layout, parts, tops, day, (first, last), times, (low, high))


def _seconds(column: pa.Array, per_second: int) -> np.ndarray | None:
    """A naive timestamp column's whole seconds since 1970; None where a value is null or
    has a fraction of a second (`decide` reads those rows itself)."""
    if column.null_count:
        return None
    ticks: np.ndarray = column.view(pa.int64()).to_numpy()
    if per_second == 1:
        return ticks
    seconds, fraction = np.divmod(ticks, per_second)
    return None if fraction.any() else seconds


def _places(column: pa.Array, dictionary: bool) -> np.ndarray | None:
    """The location of each row as decide's number; None where one is null or not a
    location."""
    if column.null_count:
        return None
    found = INDEX_IN.call([column.dictionary if dictionary else column], _LOCATIONS)
    if found.null_count:
        return None
    places: np.ndarray = found.to_numpy()
    return places[column.indices.to_numpy()] if dictionary else places


def _outcomes(
    memory: TableMemory,
    decider: Decider,
    layout: Layout,
    parts: list[np.ndarray],
    tops: list[int],
    day: np.ndarray,
    days: tuple[int, int],
    seconds: tuple[np.ndarray, np.ndarray],
    stretch: tuple[np.ndarray, np.ndarray],
) -> Remembered | None:
    """From the fact sets' codes, the days (and their lowest and highest), the times in
    seconds since 1970 and within the day: each row's outcome number. Fact sets and outcomes
    not met before (of values met before) are worked out and kept here, as
    `columns.remembered` does."""
    fact_sets = memory.facts_for(layout.names)
    if not fact_sets.fit(tops):
        return None
    keys = fact_sets.pack(parts)
    bits = fact_sets.numbers_of(keys)
    rows = np.arange(day.size)
    if bits.min() < 0:
        if memory.full():  # the steps start the memory again
            return None
        stable, missing = parts[:-1], np.flatnonzero(bits < 0)
        learn_fact_sets(memory, decider, layout.names, stable, rows, keys, parts, missing, day)
        bits = again(fact_sets, parts)
    slots = memory.slots_of(day, days)
    if slots is None:
        return None
    return outcome_numbers(
        memory,
        decider,
        bits,
        slots,
        stretch,
        rows,
        lambda: (seconds[0] + EPOCH, seconds[1] + EPOCH),
    )
