"""Deciding one Arrow record batch of shifts, a column at a time, exactly as `decide` does row
by row.

Each row is one shift: the employee's and the shift's declared attributes as columns, `start`,
`end`, `location` and optionally `timezone` (the employee's). The batch is cut into groups that
share an outcome, and each group is worked out once by the engine's own steps:

1. every declared attribute's column becomes codes, and their combination a fact set;
2. the times become local seconds (`columns.times`), the day and the seconds within it;
3. a fact set at a location (and on a day, where rules depend on the day) is a standing, worked
   out by the decider from one row of the group (`Decider.standing_of`);
4. a standing's rule bits, the day's plan and the stretch of the plan's boundaries a shift
   covers decide it (`Decider.look_up`), once per distinct combination.

A shift across midnight is decided by `decide` once per distinct fact set, location, start and
end. A row the columns cannot read the way `decide` reads it (a bad or unusual value, see
`columns.times`) is decided by `decide` itself, alone, so its answer or its error is `decide`'s.
Everything else per row is numpy over integer columns.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Mapping
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..clock.calendar import DAY
from ..clock.zones import zone
from ..core.errors import InputError
from ..core.messages import chosen_language, speaking
from ..engine.facts import FIRST_DAY, LAST_DAY, LOCATIONS
from ..engine.runtime import Decider
from ..engine.state import Bits, Standing, shift_key
from .codes import bool_array, combine, dense, encode, last_index
from .facts import LOCATION_CODES, FactSets
from .lane import layout_of, warm
from .memory import memory_of
from .remembered import Remembered, fact_codes, remembered_within
from .times import TimeColumn, read_times

#: location names as 0, 1, 2 (`facts.LOCATION_CODES` gives the engine's code of each)
_LOCATION_INDEX = {name: index for index, name in enumerate(LOCATIONS)}
RULES_TYPE = pa.list_(pa.string())
#: `array_take` called directly: `Array.take` builds its options and goes through the `take`
#: meta-function on every call, a fixed cost that shows on short batches
_TAKE, _ARRAY_TAKE = pc.TakeOptions(), pc.get_function("array_take")


class Outcome:
    """A batch decided: per row whether it is allowed, the ids of the rules behind it (None
    for the default), the error of a bad row, and the explanation if asked; and the first
    row's error, for `errors="raise"`."""

    __slots__ = ("allowed", "error", "explanation", "first_error", "rules")

    def __init__(
        self,
        allowed: pa.Array,
        rules: pa.Array,
        error: pa.Array,
        explanation: pa.Array | None,
        first_error: InputError | None,
    ) -> None:
        self.allowed, self.rules, self.error = allowed, rules, error
        self.explanation, self.first_error = explanation, first_error


class _Outcomes:
    """Distinct outcomes, numbered as they are added; each row points at one."""

    def __init__(self, rows: int) -> None:
        self.allowed: list[bool] = []
        self.rules: list[tuple[str | None, ...] | None] = []
        self.errors: list[str | None] = []
        self.rows = rows
        self._of_row: np.ndarray | None = None
        self.first_error: tuple[int, InputError] | None = None

    @property
    def of_row(self) -> np.ndarray:
        """Each row's outcome number (made when first asked: a batch the table memory
        decides whole has none of its own)."""
        if self._of_row is None:
            self._of_row = np.zeros(self.rows, dtype=np.int64)
        return self._of_row

    def add(self, allowed: bool, rules: tuple[str | None, ...] | None, error: str | None) -> int:
        self.allowed.append(allowed)
        self.rules.append(rules)
        self.errors.append(error)
        return len(self.allowed) - 1


def decide_batch(
    decider: Decider, batch: pa.RecordBatch, explain: bool = False, language: str | None = None
) -> Outcome:
    """Decide every row of a record batch (see the module): by the warm lane where it takes
    the batch (`columns.lane`), else step by step."""
    if not explain:
        found = _warm(decider, batch)
        if found is not None:
            nulls = pa.nulls(batch.num_rows, type=pa.string())
            return Outcome(*_taken(*found), nulls, None, None)
    return _stepwise(decider, batch, explain, language)


def _stepwise(
    decider: Decider, batch: pa.RecordBatch, explain: bool, language: str | None
) -> Outcome:
    """Decide every row of a record batch by the steps of the module."""
    rows = batch.num_rows
    names = batch.schema.names

    def column(name: str) -> pa.Array | None:
        return batch.column(last_index(names, name)) if name in names else None

    zone_of_row, zones, zone_ok = _zones(decider, column("timezone"), rows)
    location, ok = locations_of(column("location"), rows)
    start = read_times(decider, column("start"), rows, zones, zone_of_row)
    end = read_times(decider, column("end"), rows, zones, zone_of_row)
    facts = FactSets(decider, batch, names)
    day, low, high, within, across = _split(ok, zone_ok, start, end)
    remembered: Remembered | None = None
    if within.size:
        memory = memory_of(decider)
        with memory.lock:
            stable = fact_codes(memory, facts)
            if stable is not None:
                remembered = remembered_within(
                    memory, decider, facts, stable, within, location, day, (low, high), start, end
                )
    if remembered is None or across.size:
        facts.encode()  # the batch's own codes: they also say whether Arrow can hash the facts
        if not facts.readable:  # every row to `decide`
            ok[:] = False
            within = across = np.zeros(0, dtype=np.int64)
            remembered = None
    outcomes = _Outcomes(rows)
    if remembered is None and within.size:
        _decide_within(decider, facts, within, location, day, start.local, end.local, outcomes)
    if across.size:
        _decide_across(decider, batch, facts, across, location, start.local, end.local, outcomes)
    if not ok.all():
        with speaking(chosen_language(language, decider.metadata)):  # the error cells' language
            _decide_rest(decider, batch, np.flatnonzero(~ok), outcomes)
    allowed, rules, error = _columns(outcomes, within, remembered)
    explanation = _explanations(decider, batch, error, language) if explain else None
    first = outcomes.first_error[1] if outcomes.first_error else None
    return Outcome(allowed, rules, error, explanation, first)


def _warm(decider: Decider, batch: pa.RecordBatch) -> Remembered | None:
    """The batch's outcomes by the warm lane (`columns.lane`), or None where it cannot take
    them."""
    memory = memory_of(decider)
    schema = batch.schema
    with memory.lock:
        known = memory.layout
        if known is None or not known[0].equals(schema):
            known = memory.layout = (schema, layout_of(decider, schema))
        return warm(memory, decider, known[1], batch) if known[1] is not None else None


def _taken(
    numbers: np.ndarray, known_allowed: np.ndarray, known_rules: pa.Array
) -> tuple[pa.Array, pa.Array]:
    """The `allowed` and `rules` columns of rows that all took remembered outcomes."""
    return (
        bool_array(known_allowed[numbers]),
        _ARRAY_TAKE.call([known_rules, numbers], _TAKE),
    )


def _split(
    ok: np.ndarray, zone_ok: np.ndarray | None, start: TimeColumn, end: TimeColumn
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Mark in `ok` the rows whose zone, times and span the columns read as `decide` does;
    each row's local day, the seconds into it of its start and (for a shift within the day)
    its end, and the rows read that fall within one day and across midnight."""
    rows = ok.size
    if zone_ok is not None:
        ok &= zone_ok
    if not start.every_ok:
        ok &= start.ok
    if not end.every_ok:
        ok &= end.ok
    # 0 < span <= DAY, as one unsigned comparison
    ok &= (end.local - start.local - 1).view(np.uint64) < DAY
    both = start.aware & end.aware if start.some_aware and end.some_aware else None
    if both is not None and both.any():
        gap = end.instant - start.instant
        ok &= ~both | ((gap > 0) & (gap <= DAY))
    day, low = np.divmod(start.local, DAY)
    # the end's seconds into the start's day: a read shift (0 < span <= DAY) is within the day
    # when it ends by the next midnight, and its last day is at most the next
    high = end.local - day * DAY
    if day.min(initial=LAST_DAY) <= FIRST_DAY or day.max(initial=FIRST_DAY) >= LAST_DAY - 1:
        ok &= day > FIRST_DAY
        ok &= (end.local - 1) // DAY < LAST_DAY
    same = high <= DAY
    if ok.all() and same.all():  # the common case: every row read, each within one day
        within, across = np.arange(rows), np.zeros(0, dtype=np.int64)
    else:
        within = np.flatnonzero(ok & same)
        across = np.flatnonzero(ok & ~same)
    return day, low, high, within, across


def _columns(
    outcomes: _Outcomes, within: np.ndarray, remembered: Remembered | None
) -> tuple[pa.Array, pa.Array, pa.Array]:
    """The `allowed`, `rules` and `error` columns: rows within a day from the memory's
    outcomes where it took them, the others from this batch's."""
    rows = outcomes.rows
    batch_allowed = np.asarray(outcomes.allowed, dtype=bool)
    if remembered is None:
        index = outcomes.of_row
        return (
            pa.array(batch_allowed[index]),
            pa.array(outcomes.rules, type=RULES_TYPE).take(pa.array(index)),
            pa.array(outcomes.errors, type=pa.string()).take(pa.array(index)),
        )
    numbers, known_allowed, known_rules = remembered
    if within.size == rows:
        return (*_taken(numbers, known_allowed, known_rules), pa.nulls(rows, type=pa.string()))
    offset = known_allowed.size
    index = outcomes.of_row + offset
    index[within] = numbers
    every_allowed = np.concatenate([known_allowed, batch_allowed])
    every_rules = pa.concat_arrays([known_rules, pa.array(outcomes.rules, type=RULES_TYPE)])
    every_error = pa.array([None] * offset + outcomes.errors, type=pa.string())
    taken = pa.array(index)
    return pa.array(every_allowed[index]), every_rules.take(taken), every_error.take(taken)


def _zones(
    decider: Decider, column: pa.Array | None, rows: int
) -> tuple[np.ndarray | None, list[zoneinfo.ZoneInfo | None], np.ndarray | None]:
    """Each row's zone code, the zones by code (the policy's where the row names none, None
    where it names one that is not a zone), and whether the row's zone is usable (None, None:
    no zone column, every row in the policy's zone)."""
    if column is None:  # every row in the policy's zone: no per-row codes (see `read_times`)
        return None, [decider.zone], None
    try:
        codes, names = encode(column)
    except (pa.ArrowNotImplementedError, pa.ArrowInvalid, TypeError):
        return np.zeros(rows, dtype=np.int64), [None], np.zeros(rows, dtype=bool)
    zones, good = named_zones(decider, names)
    return codes, zones, good[codes]


def named_zones(
    decider: Decider, names: list[Any]
) -> tuple[list[zoneinfo.ZoneInfo | None], np.ndarray]:
    """The zone of each distinct `timezone` value (the policy's for none, None for one that
    is not a zone) and whether it is usable, as `decide` reads it."""
    zones: list[zoneinfo.ZoneInfo | None] = []
    good = np.ones(len(names), dtype=bool)
    for index, name in enumerate(names):
        found: zoneinfo.ZoneInfo | None = decider.zone
        if name is not None:
            try:
                found = zone(name) if isinstance(name, str) else None
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                found = None
            good[index] = found is not None
        zones.append(found)
    return zones, good


def locations_of(
    column: pa.Array | None, rows: int, numbers: Mapping[str, int] = _LOCATION_INDEX
) -> tuple[np.ndarray, np.ndarray]:
    """Each row's location as its number in `numbers` (by default 0, 1, 2 for office, home,
    anywhere; the roster check passes the engine's bits), and whether it is one. Text is
    found among the names by a hash probe per row (per dictionary entry, for a dictionary
    column); a column of another type is read value by value, as `decide` reads it."""
    if column is None:
        return np.zeros(rows, dtype=np.int64), np.zeros(rows, dtype=bool)
    kind = column.type
    dictionary = pa.types.is_dictionary(kind)
    text = kind.value_type if dictionary else kind
    if pa.types.is_string(text) or pa.types.is_large_string(text):
        names, table = _location_names(numbers)
        if dictionary:
            table = np.append(_places(column.dictionary, names, table), -1)
            indices = column.indices
            if indices.null_count:
                indices = indices.fill_null(len(column.dictionary))
            found = table[indices.to_numpy()]
        else:
            at = pc.call_function("index_in", [column], names)
            if not at.null_count and numbers is _LOCATION_INDEX:  # every row a location
                every = np.empty(rows, dtype=bool)
                every.fill(True)  # (numpy.ones is a Python function around these two)
                return at.to_numpy(), every  # places are decide's numbers
            found = table[at.fill_null(table.size - 1).to_numpy()]
        return np.maximum(found, 0), found >= 0
    try:
        codes, values = encode(column)
    except (pa.ArrowNotImplementedError, pa.ArrowInvalid, TypeError):
        return np.zeros(rows, dtype=np.int64), np.zeros(rows, dtype=bool)
    index = np.array(
        [numbers.get(name, -1) if isinstance(name, str) else -1 for name in values],
        dtype=np.int64,
    )
    found = index[codes]
    return np.maximum(found, 0), found >= 0


def _places(column: pa.Array, names: pc.SetLookupOptions, table: np.ndarray) -> np.ndarray:
    """Each text's number in `table` (-1, the table's last, for text not among the names)."""
    at = pc.call_function("index_in", [column], names)
    if at.null_count:
        at = at.fill_null(table.size - 1)
    found: np.ndarray = table[at.to_numpy()]
    return found


_LOCATION_NAMES: dict[tuple[tuple[str, int], ...], tuple[pc.SetLookupOptions, np.ndarray]] = {}


def _location_names(numbers: Mapping[str, int]) -> tuple[pc.SetLookupOptions, np.ndarray]:
    """The look-up of the location names, and their numbers followed by -1 (remembered:
    there are two mappings, decide's and the roster's)."""
    key = tuple(numbers.items())
    found = _LOCATION_NAMES.get(key)
    if found is None:
        names = pa.array(list(numbers), type=pa.string())
        found = (pc.SetLookupOptions(value_set=names), np.array([*numbers.values(), -1]))
        if len(_LOCATION_NAMES) < 16:
            _LOCATION_NAMES[key] = found
    return found


def _decide_within(
    decider: Decider,
    facts: FactSets,
    rows: np.ndarray,
    location: np.ndarray,
    day: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    outcomes: _Outcomes,
) -> None:
    """Shifts within one local day: a standing per fact set and location (and day, where
    rules depend on it), a plan per day, the stretch of the plan a shift covers; the outcome
    once per distinct (rule bits, plan, stretch)."""
    days = day[rows]
    lows, highs = start[rows] - days * DAY, end[rows] - days * DAY
    day_group, day_first = dense(days - days.min())
    plans = [decider.plan(int(d)) for d in days[day_first].tolist()]
    plan_code, plan_first = dense(np.asarray([p.id for p in plans], dtype=np.int64))
    plan_of_row = plan_code[day_group]
    parts = [(facts.of_row[rows], facts.count), (location[rows], 3)]
    if decider.day_dependent:
        parts.append((day_group, int(day_first.size)))
    standing_group, standing_first = combine(*parts)
    standings, bits = _standings(decider, facts, rows[standing_first], location, day)
    first_cut = np.zeros(rows.size, dtype=np.int64)
    last_cut = np.zeros(rows.size, dtype=np.int64)
    widest = 1
    for code, first_day in enumerate(plan_first.tolist()):
        bounds = np.asarray(plans[first_day].bounds, dtype=np.int64)
        widest = max(widest, bounds.size + 1)
        mine = plan_of_row == code
        first_cut[mine] = np.searchsorted(bounds, lows[mine], side="right")
        last_cut[mine] = np.searchsorted(bounds, highs[mine], side="left")
    group, group_first = combine(
        (bits[standing_group], int(bits.max()) + 1),
        (plan_of_row, int(plan_first.size)),
        (first_cut, widest),
        (last_cut, widest),
    )
    numbers = np.zeros(group_first.size, dtype=np.int64)
    for index, first in enumerate(group_first.tolist()):
        standing = standings[int(standing_group[first])]
        row = int(rows[first])
        begin, finish = decider.moment_at(int(start[row])), decider.moment_at(int(end[row]))
        assert begin is not None and finish is not None  # days checked by the caller
        summary = decider.look_up(standing, begin, finish, shift_key(begin, finish))[1]
        numbers[index] = outcomes.add(summary.allowed, summary.rule_ids, None)
    outcomes.of_row[rows] = numbers[group]


def _standings(
    decider: Decider,
    facts: FactSets,
    rows: np.ndarray,
    location: np.ndarray,
    day: np.ndarray,
) -> tuple[list[Standing], np.ndarray]:
    """The standing of each group's first row, and a number per distinct set of rule bits
    (standings with the same bits have the same day runs)."""
    standings: list[Standing] = []
    numbers: dict[Bits, int] = {}
    bits = np.zeros(rows.size, dtype=np.int64)
    for index, row in enumerate(rows.tolist()):
        mapping = facts.mapping(row)
        code = LOCATION_CODES[int(location[row])]
        key = decider.fact_key(mapping, mapping)
        standing = decider.standing_of(mapping, mapping, code, int(day[row]), key)
        standings.append(standing)
        bits[index] = numbers.setdefault(standing.bits, len(numbers))
    return standings, bits


def _decide_across(
    decider: Decider,
    batch: pa.RecordBatch,
    facts: FactSets,
    rows: np.ndarray,
    location: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    outcomes: _Outcomes,
) -> None:
    """Shifts across midnight: `decide` once per distinct fact set, location, start and end."""
    starts, _ = dense(start[rows] - start[rows].min())
    ends, _ = dense(end[rows] - end[rows].min())
    group, group_first = combine(
        (facts.of_row[rows], facts.count),
        (location[rows], 3),
        (starts, int(starts.max()) + 1),
        (ends, int(ends.max()) + 1),
    )
    firsts = rows[group_first]
    numbers = np.zeros(group_first.size, dtype=np.int64)
    for index, row in enumerate(batch.take(pa.array(firsts)).to_pylist()):
        decision = decider.decide(row, row)
        numbers[index] = outcomes.add(
            decision.allowed, tuple(reason.rule for reason in decision.reasons), None
        )
    outcomes.of_row[rows] = numbers[group]


def _decide_rest(
    decider: Decider, batch: pa.RecordBatch, rows: np.ndarray, outcomes: _Outcomes
) -> None:
    """Rows the columns do not read as `decide` would: `decide` decides each, or says what is
    wrong with it (the row is then not allowed, its rules null)."""
    if not rows.size:
        return
    for row, mapping in zip(rows.tolist(), batch.take(pa.array(rows)).to_pylist(), strict=True):
        try:
            decision = decider.decide(mapping, mapping)
        except InputError as error:
            outcomes.of_row[row] = outcomes.add(False, None, str(error))
            if outcomes.first_error is None or row < outcomes.first_error[0]:
                outcomes.first_error = (row, error)
            continue
        outcomes.of_row[row] = outcomes.add(
            decision.allowed, tuple(reason.rule for reason in decision.reasons), None
        )


def _explanations(
    decider: Decider, batch: pa.RecordBatch, error: pa.Array, language: str | None
) -> pa.Array:
    """Each good row's explanation, from its `Decision` (built per row: explanations are text
    for people, asked for on the rows people read). `error` is the batch's error column (a
    row remembered from an earlier batch has no outcome of this batch's)."""
    texts: list[str | None] = []
    errors = error.to_pylist()
    for row, mapping in enumerate(batch.to_pylist()):
        if errors[row] is not None:
            texts.append(None)
        else:
            texts.append(decider.decide(mapping, mapping).explain(language))
    return pa.array(texts, type=pa.string())
