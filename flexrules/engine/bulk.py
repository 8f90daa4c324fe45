"""Deciding many shifts in one call, a column at a time, working out once what pairs share.

Given a list of (employee, shift) pairs, the distinct employee objects are read an attribute at
a time, once per call (their id, name and the facts whose meaning for the policy is remembered
by the values as given). Then every step runs over whole columns in the interpreter's own loops
(`map`, `zip`): each shift's start and end as moments (what a time text means for the policy,
worked out once per text: see `state.Moment`), its location, the employee's standing there,
its day's runs, and the outcome (allowed, and the rules behind it) remembered with those runs
by the stretch of the day's boundaries the shift covers (`state.shift_key`). A step that meets
something not yet remembered works it out for those pairs alone, as `Decider.look_up` does for
one. No decision object is built until someone asks for one: `DecisionBatch.allowed` and
`DecisionBatch.rules` answer for the whole batch.

The time goes mostly in reaching memory (each pass over a column touches a request, a time
text or a moment that is not in the processor's cache), not in the interpreter: see
docs/performance.md.

A pair the columns cannot take (not plain dicts, an employee in another time zone or with
`changes`, a value of an unusual type, a time that is not naive ISO text, a shift past
midnight) is decided by `decide`, with the same result and the same errors; so is every pair of
any other iterable, read as it comes, and every pair for a policy whose rules depend on the day
or read shift attributes, since what the employee's facts mean then changes from shift to shift.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import repeat
from operator import attrgetter, itemgetter, lt
from typing import Any, overload

from .decision import Decision
from .facts import LOCATIONS
from .runtime import Decider
from .state import Moment, Standing, shift_key, shift_keys, within_a_day

_first, _second = itemgetter(0), itemgetter(1)
_seconds, _plan = attrgetter("seconds"), attrgetter("plan")
_known_runs, _by_shift = attrgetter("known_runs"), attrgetter("by_shift")
_allowed, _rule_ids = attrgetter("allowed"), attrgetter("rule_ids")
#: per pair, the ids of the rules behind its decision (None for the policy default)
RuleIds = tuple[str | None, ...]
#: an employee's (id, name), as a decision names it
Who = tuple[Any, Any]


class Columns:
    """What a batch's decisions are built from when read, one row per pair the columns took:
    shifts as given, employee object ids, start and end moments, location codes, standings;
    and the (id, name) of each employee by object id."""

    __slots__ = ("ends", "ids", "locations", "shifts", "standings", "starts", "whos")

    def __init__(
        self,
        shifts: list[Any],
        ids: list[int],
        starts: list[Moment],
        ends: list[Moment],
        locations: list[int],
        standings: list[Standing],
        whos: dict[int, Who],
    ) -> None:
        self.shifts, self.ids, self.starts, self.ends = shifts, ids, starts, ends
        self.locations, self.standings, self.whos = locations, standings, whos


class DecisionBatch(Sequence[Decision]):
    """The decisions of a batch, in the order of its pairs; each is built when first read."""

    __slots__ = ("_allowed", "_columns", "_decider", "_items", "_rows", "_rules")

    def __init__(
        self,
        decider: Decider,
        items: list[Decision | None],
        allowed: tuple[bool, ...],
        rules: list[RuleIds | None],
        columns: Columns | None = None,
        rows: list[int] | None = None,
    ) -> None:
        self._decider = decider
        self._items = items  # None: not built yet, from row `rows[index]` (or `index`)
        self._allowed = allowed
        self._rules = rules
        self._columns = columns
        self._rows = rows

    @property
    def allowed(self) -> tuple[bool, ...]:
        """Per pair, whether the shift is allowed."""
        return self._allowed

    @property
    def rules(self) -> tuple[RuleIds, ...]:
        """Per pair, the ids of the rules behind its decision, as `[r.rule for r in
        decision.reasons]` gives them (None for the policy default)."""
        rules = self._rules
        if None in rules:
            for index, found in enumerate(rules):
                if found is None:
                    rules[index] = tuple(reason.rule for reason in self[index].reasons)
        return tuple(rules)  # type: ignore[arg-type]

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> Decision: ...

    @overload
    def __getitem__(self, index: slice) -> list[Decision]: ...

    def __getitem__(self, index: int | slice) -> Decision | list[Decision]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._items)))]
        item = self._items[index]
        if item is None:
            row = index if self._rows is None else self._rows[index]
            item = self._items[index] = self._built(row)
        return item

    def __iter__(self) -> Iterator[Decision]:
        for index in range(len(self._items)):
            yield self[index]

    def __repr__(self) -> str:
        return f"<DecisionBatch of {len(self)} pairs, {sum(self.allowed)} allowed>"

    def _built(self, row: int) -> Decision:
        """The decision of a row of the columns."""
        columns = self._columns
        assert columns is not None  # rows exist only with columns
        decider = self._decider
        start, end, standing = columns.starts[row], columns.ends[row], columns.standings[row]
        found, summary = decider.look_up(standing, start, end, shift_key(start, end))
        return Decision(
            decider,
            columns.whos[columns.ids[row]],
            columns.shifts[row],
            decider.zone,
            start.seconds,
            end.seconds,
            columns.locations[row],
            standing,
            summary.allowed,
            None,
            found,
            summary.recipe,
        )


def decide_many(decider: Decider, pairs: Iterable[tuple[Any, Any]]) -> DecisionBatch:
    """Decide every pair (see the module's docstring). A list or tuple is read as it is at the
    call; any other iterable is read pair by pair as it comes, so refilling one object between
    pairs works."""
    if isinstance(pairs, (str, bytes)) or not isinstance(pairs, Iterable):
        raise TypeError(f"decide_many takes (employee, shift) pairs, not {pairs!r}")
    if (
        isinstance(pairs, (list, tuple))
        and pairs
        and not decider.shift_slots
        and not decider.day_dependent
    ):
        return _decide_columns(decider, pairs)
    return _decide_each(decider, pairs)


def _decide_each(decider: Decider, pairs: Iterable[tuple[Any, Any]]) -> DecisionBatch:
    """A loop of `decide`, with its errors, in a `DecisionBatch`."""
    decisions: list[Any] = [decider.decide(*_pair(item, n)) for n, item in enumerate(pairs)]
    return DecisionBatch(
        decider, decisions, tuple(d.allowed for d in decisions), [None] * len(decisions)
    )


def _pair(item: Any, number: int) -> tuple[Any, Any]:
    """A batch item as (employee, shift); anything else is the caller's mistake, said plainly."""
    try:
        employee, shift = item
    except (TypeError, ValueError):
        raise TypeError(
            f"decide_many takes (employee, shift) pairs; item {number} is {item!r}"
        ) from None
    return employee, shift


def _decide_columns(decider: Decider, pairs: Sequence[tuple[Any, Any]]) -> DecisionBatch:
    try:
        two_each = set(map(len, pairs)) == {2}
    except TypeError:
        two_each = False
    if not two_each:  # not all pairs: the loop fails on the first as unpacking does
        return _decide_each(decider, pairs)
    employees = list(map(_first, pairs))
    shifts = list(map(_second, pairs))
    ids = list(map(id, employees))  # the list keeps every employee alive: ids stay put
    standings_of, whos = _people(decider, dict(zip(ids, employees, strict=True)))
    by_location: list[Any] = list(map(standings_of.__getitem__, ids))
    starts, ends, locations = _shift_columns(decider, shifts)
    if (
        None not in by_location
        and None not in locations
        and None not in starts
        and None not in ends
        and all(map(lt, map(_seconds, starts), map(_seconds, ends)))
    ):
        done = _decide_kept(
            decider, employees, by_location, shifts, ids, starts, ends, locations, whos
        )
        if done is not None:
            allowed, rules, columns = done
            return DecisionBatch(decider, [None] * len(pairs), allowed, rules, columns)
    # some pairs are for `decide`: the columns go on without them
    kept = [
        i for i in range(len(pairs)) if _takes(by_location[i], starts[i], ends[i], locations[i])
    ]
    subsets = [
        [column[i] for i in kept]
        for column in (employees, by_location, shifts, ids, starts, ends, locations)
    ]
    employees, by_location, shifts, ids, starts, ends, locations = subsets
    done = _decide_kept(decider, employees, by_location, shifts, ids, starts, ends, locations, whos)
    assert done is not None  # every kept pair is within a day
    return _with_the_rest(decider, pairs, kept, *done)


def _shift_columns(decider: Decider, shifts: list[Any]) -> tuple[list[Any], list[Any], list[Any]]:
    """Each shift's start and end moments and its location code, or None where the columns
    cannot take it."""
    start_texts: list[Any]
    end_texts: list[Any]
    location_names: list[Any]
    if set(map(type, shifts)) == {dict}:
        start_texts = list(map(dict.get, shifts, repeat("start")))
        end_texts = list(map(dict.get, shifts, repeat("end")))
        location_names = list(map(dict.get, shifts, repeat("location")))
    else:
        plain = [shift if type(shift) is dict else {} for shift in shifts]
        start_texts = [shift.get("start") for shift in plain]
        end_texts = [shift.get("end") for shift in plain]
        location_names = [shift.get("location") for shift in plain]
    columns = [_moments(decider, start_texts), _moments(decider, end_texts)]
    codes: dict[Any, int] = LOCATIONS  # looked up with whatever was given
    try:
        locations: list[Any] = list(map(codes.get, location_names))
    except Exception:  # unhashable, or a hash that fails: `decide` says which
        locations = [codes.get(name) if type(name) is str else None for name in location_names]
    return columns[0], columns[1], locations


def _moments(decider: Decider, texts: list[Any]) -> list[Any]:
    """Each time text's moment, or None where it is not naive ISO text of a day decided."""
    try:
        moments: list[Any] = list(map(decider.known_moment, texts))
    except Exception:  # unhashable, or a hash that fails: one by one below
        moments = [None] * len(texts)
    if None in moments:  # not seen yet, or not naive ISO text
        moments = [
            decider.moment(text) if found is None else found
            for text, found in zip(texts, moments, strict=True)
        ]
    return moments


def _takes(by_location: Any, start: Moment | None, end: Moment | None, location: Any) -> bool:
    """Whether the columns can take a pair: an employee they take, a location, and a shift
    within one local day."""
    return (
        by_location is not None
        and start is not None
        and end is not None
        and location is not None
        and within_a_day(start, end)
    )


def _decide_kept(
    decider: Decider,
    employees: list[Any],
    by_location: list[dict[Any, Standing]],
    shifts: list[Any],
    ids: list[int],
    starts: list[Moment],
    ends: list[Moment],
    locations: list[int],
    whos: dict[int, Who],
) -> tuple[tuple[bool, ...], list[RuleIds | None], Columns] | None:
    """Allowed, the rules behind it, and the columns, for pairs whose employee, times and
    location the columns take, each shift ending after it starts; None if some shift does not
    end on the day it starts. The steps of `Decider.look_up`, a column at a time."""
    keys = shift_keys(starts, ends)
    if keys and min(keys) < 0:
        return None
    standings: list[Any] = list(map(dict.get, by_location, locations))
    for i in _holes(standings):
        standings[i] = decider.standing_of(
            employees[i],
            shifts[i],
            locations[i],
            starts[i].day,
            decider.fact_key(employees[i], shifts[i]),
        )
    found: list[Any] = list(map(dict.get, map(_known_runs, standings), map(_plan, starts)))
    for i in _holes(found):
        found[i] = decider.runs_under_plan(standings[i], starts[i].day)
    summaries: list[Any] = list(map(dict.get, map(_by_shift, found), keys))
    for i in _holes(summaries):
        summaries[i] = decider.shift_summary(found[i], starts[i], ends[i])
    return (
        tuple(map(_allowed, summaries)),
        list(map(_rule_ids, summaries)),
        Columns(shifts, ids, starts, ends, locations, standings, whos),
    )


def _holes(column: list[Any]) -> list[int]:
    """Where a column has nothing yet (a look-up that missed)."""
    if None not in column:
        return []
    return [index for index, value in enumerate(column) if value is None]


def _with_the_rest(
    decider: Decider,
    pairs: Sequence[tuple[Any, Any]],
    kept: list[int],
    allowed: tuple[bool, ...],
    rules: list[RuleIds | None],
    columns: Columns,
) -> DecisionBatch:
    """The batch's decisions in order: the kept pairs' from the columns, the others by
    `decide` (which raises for the first that cannot be decided)."""
    items: list[Decision | None] = [None] * len(pairs)
    rows = [-1] * len(pairs)
    every_allowed: list[Any] = [None] * len(pairs)
    every_rules: list[RuleIds | None] = [None] * len(pairs)
    for position, index in enumerate(kept):
        rows[index] = position
        every_allowed[index] = allowed[position]
        every_rules[index] = rules[position]
    for index in _holes(every_allowed):
        decision = items[index] = decider.decide(*pairs[index])
        every_allowed[index] = decision.allowed
    return DecisionBatch(decider, items, tuple(every_allowed), every_rules, columns, rows)


def _people(
    decider: Decider, employees: dict[int, Any]
) -> tuple[dict[int, dict[Any, Standing] | None], dict[int, Who]]:
    """By object id, each employee's standings by location, and its (id, name). The standings
    depend on the employee alone for the policies the columns serve (no shift attributes, no
    rule depending on the day); None for an employee the columns cannot take: not a plain dict,
    on another clock, or with a value that cannot key a standing (see `fact_readers`)."""
    objects = list(employees.values())
    keys = _fact_keys(decider, objects)
    found: list[Any] = (
        list(map(decider.known_standings, keys)) if None not in keys else [None] * len(keys)
    )
    for i in _holes(found):
        if keys[i] is not None:
            found[i] = decider.standings_by_location(keys[i])
    if set(map(type, objects)) == {dict}:
        whos: list[Any] = list(
            zip(
                map(dict.get, objects, repeat("id")),
                map(dict.get, objects, repeat("name")),
                strict=True,
            )
        )
    else:  # the others go to `decide`, which names them itself
        whos = [
            (employee.get("id"), employee.get("name")) if type(employee) is dict else None
            for employee in objects
        ]
    return dict(zip(employees, found, strict=True)), dict(zip(employees, whos, strict=True))


def _fact_keys(decider: Decider, employees: list[Any]) -> list[Any]:
    """`decider.fact_key` of each employee with no shift facts, or None where the columns
    cannot take it; read an attribute at a time."""
    if (
        set(map(type, employees)) != {dict}
        or set(map(dict.get, employees, repeat("timezone"))) != {None}
        or set(map(dict.get, employees, repeat("changes"))) != {None}
    ):
        return [_fact_key(decider, employee) for employee in employees]
    columns = []
    for names, types in decider.employee_key_types:
        column = list(map(dict.get, employees, repeat(names[0])))
        for name in names[1:]:
            if None in column:
                column = [
                    employee.get(name) if value is None else value
                    for employee, value in zip(employees, column, strict=True)
                ]
        if not set(map(type, column)) <= types:  # some employee's key is None
            return [_fact_key(decider, employee) for employee in employees]
        columns.append(column)
    return list(zip(*columns, strict=True)) if columns else [()] * len(employees)


def _fact_key(decider: Decider, employee: Any) -> Any:
    """One employee's key, if the columns can take it (see `_people`)."""
    if (
        type(employee) is not dict
        or employee.get("timezone") is not None
        or employee.get("changes") is not None
    ):
        return None
    return decider.fact_key(employee, _NO_SHIFT)


_NO_SHIFT: dict[str, Any] = {}
