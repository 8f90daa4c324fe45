"""Deciding many shifts in one call, a column at a time, working out once what pairs share.

Given a list of (employee, shift) pairs, each employee object is read once per call (its id,
name and facts, whose meaning for the policy is remembered by the values as given). Then every
step runs over whole columns in the interpreter's own loops (`map`, `zip`): each shift's start
and end among the times already parsed, its location, its day's plan, that day's runs for the
employee's standing, and which stretch of those runs the shift covers, whose outcome (allowed,
and the rules behind it) is remembered with the day's runs. A step that meets something not yet
remembered works it out for those pairs alone. No decision object is built until someone asks
for one: `Decisions.allowed` and `Decisions.rules` answer for the whole batch.

A pair the columns cannot take (not plain dicts, an employee in another time zone or with a
value of an unusual type, a time that is not naive ISO text, a shift past midnight) is decided
by `decide`, with the same result and the same errors; so is every pair of any other iterable,
read as it comes, and every pair for a policy whose rules depend on the day or read shift
attributes, since what the employee's facts mean then changes from shift to shift.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import repeat
from operator import add, floordiv, itemgetter, mul, sub
from typing import TYPE_CHECKING, Any, overload

from .compile import DAY
from .decision import Decision
from .facts import LOCATIONS, NAIVE_TEXT, naive_seconds
from .gcpause import collector_paused
from .runtime import STRETCH

if TYPE_CHECKING:
    from .runtime import DayRuns, Decider, Standing

_first, _second, _third = itemgetter(0), itemgetter(1), itemgetter(2)
#: per pair, the ids of the rules behind its decision (None for the policy default)
RuleIds = tuple[str | None, ...]
#: an employee the columns take: its (id, name), and its standings by location
Person = tuple[tuple[Any, Any], dict[int, "Standing"]]
#: a decision in short, built into a `Decision` when read: the shift as given, the employee's
#: (id, name), start and end in local seconds, location, standing, and the day's runs
Record = tuple[Any, tuple[Any, Any], int, int, int, "Standing", "DayRuns"]


class Decisions(Sequence[Decision]):
    """The decisions of a batch, in the order of its pairs; each is built when first read."""

    __slots__ = ("_allowed", "_decider", "_items", "_rules")

    def __init__(
        self,
        decider: Decider,
        items: list[Any],
        allowed: list[bool],
        rules: list[RuleIds | None],
    ) -> None:
        self._decider = decider
        self._items: list[Decision | Record] = items
        self._allowed = tuple(allowed)
        self._rules = rules

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
        if type(item) is tuple:
            item = self._items[index] = _decision_of(self._decider, item)
        return item  # type: ignore[return-value]

    def __iter__(self) -> Iterator[Decision]:
        for index in range(len(self._items)):
            yield self[index]

    def __repr__(self) -> str:
        return f"<Decisions of {len(self)} pairs, {sum(self.allowed)} allowed>"


def decide_many(decider: Decider, pairs: Iterable[tuple[Any, Any]]) -> Decisions:
    """Decide every pair (see the module's docstring). A list or tuple is read as it is at the
    call; any other iterable is read pair by pair as it comes, so refilling one object between
    pairs works."""
    with collector_paused():  # the batch keeps what it builds until the end: nothing to collect
        if isinstance(pairs, (list, tuple)) and pairs \
                and not decider.shift_slots and not decider.day_dependent:
            return _decide_columns(decider, pairs)
        return _decide_each(decider, pairs)


def _decide_each(decider: Decider, pairs: Iterable[tuple[Any, Any]]) -> Decisions:
    """A loop of `decide`, with its errors, in a `Decisions`."""
    decisions: list[Any] = [decider.decide(employee, shift) for employee, shift in pairs]
    return Decisions(decider, decisions, [d.allowed for d in decisions],
                     [None] * len(decisions))


def _decide_columns(decider: Decider, pairs: Sequence[tuple[Any, Any]]) -> Decisions:
    try:
        two_each = set(map(len, pairs)) == {2}
    except TypeError:
        two_each = False
    if not two_each:  # not all pairs: the loop fails on the first as unpacking does
        return _decide_each(decider, pairs)
    employees = list(map(_first, pairs))
    shifts = list(map(_second, pairs))
    ids = list(map(id, employees))  # the list keeps every employee alive: ids stay put
    known = {ident: _person(decider, employee)
             for ident, employee in dict(zip(ids, employees, strict=True)).items()}
    people: list[Any] = list(map(known.__getitem__, ids))
    starts, ends, locations = _shift_columns(shifts)
    days = _days(starts, ends) if None not in people and None not in locations else None
    if days is None:  # some pairs are for `decide`: the columns go on without them
        kept = [i for i in range(len(pairs))
                if _takes(people[i], starts[i], ends[i], locations[i])]
        columns = [[column[i] for i in kept]
                   for column in (employees, people, shifts, starts, ends, locations)]
        employees, people, shifts, starts, ends, locations = columns
        allowed, rules, records = _decide_kept(
            decider, employees, people, shifts, starts, ends, locations,
            list(map(floordiv, starts, repeat(DAY))))
        return _with_the_rest(decider, pairs, kept, records, allowed, rules)
    allowed, rules, records = _decide_kept(
        decider, employees, people, shifts, starts, ends, locations, days)
    return Decisions(decider, records, allowed, rules)


def _shift_columns(shifts: list[Any]) -> tuple[list[Any], list[Any], list[Any]]:
    """Each shift's start and end in local seconds and its location code, or None where the
    columns cannot take it."""
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
    columns = []
    for texts in (start_texts, end_texts):
        try:
            seconds: list[Any] = list(map(NAIVE_TEXT.get, texts))
        except Exception:  # unhashable, or a hash that fails: one by one below
            seconds = [None] * len(texts)
        if None in seconds or -1 in seconds:  # not seen yet, aware, or not text at all
            seconds = [naive_seconds(text) if found is None or found < 0 else found
                       for text, found in zip(texts, seconds, strict=True)]
        columns.append(seconds)
    codes: dict[Any, int] = LOCATIONS  # looked up with whatever was given
    try:
        locations: list[Any] = list(map(codes.get, location_names))
    except Exception:  # unhashable, or a hash that fails: `decide` says which
        locations = [codes.get(name) if type(name) is str else None for name in location_names]
    return columns[0], columns[1], locations


def _days(starts: list[Any], ends: list[Any]) -> list[int] | None:
    """Each shift's local day, if every shift was read and ends after it starts, on that day."""
    if None in starts or None in ends or min(map(sub, ends, starts)) <= 0:
        return None
    days = list(map(floordiv, starts, repeat(DAY)))
    return days if days == list(map(floordiv, map(sub, ends, repeat(1)), repeat(DAY))) else None


def _takes(person: Person | None, start: int | None, end: int | None, location: Any) -> bool:
    """Whether the columns can take a pair (`_days`, one pair at a time)."""
    return person is not None and start is not None and end is not None \
        and location is not None and start < end and start // DAY == (end - 1) // DAY


def _decide_kept(
    decider: Decider, employees: list[Any], people: list[Person], shifts: list[Any],
    starts: list[int], ends: list[int], locations: list[int], days: list[int],
) -> tuple[list[bool], list[RuleIds | None], list[Record]]:
    """Allowed, the rules behind it, and the record of each pair the columns take."""
    standings: list[Any] = list(map(dict.get, map(_second, people), locations))
    for i in _holes(standings):
        standings[i] = decider.standing_of(employees[i], shifts[i], locations[i], days[i],
                                           decider.fact_key(employees[i], shifts[i]))
    plan_ids: list[Any] = list(map(decider.day_plans.get, days))
    for i in _holes(plan_ids):
        plan_ids[i] = decider.plan(days[i])[2]
    found: list[Any] = list(map(dict.get, map(_third, standings), plan_ids))
    for i in _holes(found):
        found[i] = decider.runs_under_plan(standings[i], days[i])
    bases = list(map(mul, days, repeat(DAY)))
    run_starts = list(map(_first, found))
    firsts = list(map(bisect_right, run_starts, map(sub, starts, bases)))
    lasts = list(map(bisect_left, run_starts, map(sub, ends, bases)))
    summaries: list[Any] = list(
        map(dict.get, map(_third, found), map(add, map(mul, firsts, repeat(STRETCH)), lasts)))
    for i in _holes(summaries):
        summaries[i] = decider.summary(found[i], firsts[i], lasts[i])
    records = list(zip(shifts, map(_first, people), starts, ends, locations,
                       standings, found, strict=True))
    return list(map(_first, summaries)), list(map(_second, summaries)), records


def _holes(column: list[Any]) -> list[int]:
    """Where a column has nothing yet (a look-up that missed)."""
    if None not in column:
        return []
    return [index for index, value in enumerate(column) if value is None]


def _with_the_rest(
    decider: Decider, pairs: Sequence[tuple[Any, Any]], kept: list[int], records: list[Record],
    allowed: list[bool], rules: list[RuleIds | None],
) -> Decisions:
    """The batch's decisions in order: the kept pairs' from the columns, the others by
    `decide` (which raises for the first that cannot be decided)."""
    items: list[Any] = [None] * len(pairs)
    every_allowed: list[Any] = [None] * len(pairs)
    every_rules: list[RuleIds | None] = [None] * len(pairs)
    for position, index in enumerate(kept):
        items[index] = records[position]
        every_allowed[index] = allowed[position]
        every_rules[index] = rules[position]
    for index in _holes(items):
        decision = items[index] = decider.decide(*pairs[index])
        every_allowed[index] = decision.allowed
    return Decisions(decider, items, every_allowed, every_rules)


def _person(decider: Decider, employee: Any) -> Person | None:
    """A plain-dict employee on the policy's clock, whose values can key a standing: (id, name)
    and its standings by location, which depend on the employee alone for the policies the
    columns serve (no shift attributes, no rule depending on the day); else None."""
    if type(employee) is not dict or employee.get("timezone") is not None:
        return None
    key = decider.fact_key(employee, _NO_SHIFT)
    if key is None:
        return None
    return (employee.get("id"), employee.get("name")), decider.standings_by_location(key)


_NO_SHIFT: dict[str, Any] = {}


def _decision_of(decider: Decider, record: Record) -> Decision:
    """The decision a record keeps in short."""
    shift, who, start, end, location, standing, found = record
    base = start // DAY * DAY
    runs, allowed = decider.clipped(found, start - base, end - base)
    return Decision(decider, who, shift, decider.zone, start, end, location, base, runs,
                    standing, allowed)
