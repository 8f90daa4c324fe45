"""The finite classes lint and diff reason over: fact values, days and stretches of a day.

Rules only compare facts with constants, so every declared attribute's values fall into a few
classes that no rule can tell apart: the constants it is compared with and the gaps between
them (a number's midpoints, a date's neighbouring days), each declared value of a `one of` or
`ranked` type, yes and no, one text that no rule names, and unknown. A date compared with a
relative date (`less than 12 months ago`) gets, for each threshold, the cut-off day and the
days either side of it, worked out for each day decided, so one class means the same place
relative to the thresholds on every day.

Days fall into classes by what the engine sees of them: the day's plan (its boundaries and,
per stretch, the rules whose TIME holds: weekday, holidays, joint holidays, date sets and hours
patterns all end up there), whether it is a working day, and how the rules that read relative
dates judge each class of facts that day. One real date of the horizon stands for each class,
so every witness is a real day (SETTLED.md, "Lint"). A piece is one stretch of one day class.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from typing import Any

import attrs

from ..clock.calendar import DAY
from ..clock.intervals import Intervals, normalise
from ..clock.intervals import clip as clip_spans
from ..clock.intervals import shift as shift_intervals
from ..engine.conditions import Slot, Test
from ..engine.facts import UNKNOWN
from ..engine.runtime import Decider
from ..engine.times import TimeSpec
from ..engine.value_classes import Classes as Classes
from ..engine.value_classes import Key as Key
from ..engine.value_classes import SlotClasses as SlotClasses
from ..engine.value_classes import value_classes, walk
from ..language import ast

#: how long the horizon runs from its first day when nothing else sets it
HORIZON_DAYS = 731


def slot_classes(deciders: list[Decider]) -> Classes:
    """The classes of every attribute some rule reads, by (owner, name key), from the
    constants of every decider given (two for a diff: the classes are shared; the last
    policy's declaration of an attribute wins)."""
    slots = [[*d.employee_slots, *d.shift_slots] for d in reversed(deciders)]
    return value_classes(slots, itertools.chain(*(policy_roots(d) for d in deciders)))


def policy_roots(decider: Decider) -> list[Any]:
    """The syntax trees whose comparisons make classes: rules and groups."""
    symbols = decider.context.symbols
    return [*symbols.rule_list(), *symbols.groups.values()]


# ---- the horizon and day classes ------------------------------------------------------------


def default_horizon(decider: Decider, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """Two years from the earliest date the policy names, else from today (SETTLED.md)."""
    symbols = decider.context.symbols
    roots: list[Any] = [
        *symbols.rule_list(),
        *symbols.groups.values(),
        *symbols.dates.values(),
        *symbols.holidays,
        *symbols.hours.values(),
    ]
    dates = [dt.date(n.year, n.month, n.day) for n in walk(roots) if isinstance(n, ast.DateLiteral)]
    first = min(dates) if dates else (today or dt.date.today())
    return first, first + dt.timedelta(days=HORIZON_DAYS - 1)


@attrs.frozen(eq=False)
class DayClass:
    """One class of days: the first date of the horizon in it, its plan, and whether it is a
    working day."""

    index: int
    date: dt.date
    bounds: tuple[int, ...]
    masks: tuple[int, ...]
    working: bool

    @property
    def ordinal(self) -> int:
        return self.date.toordinal()


@attrs.frozen
class Piece:
    """One stretch of one day class: [start, end) in seconds from its midnight."""

    index: int
    day: DayClass
    stretch: int
    start: int
    end: int
    mask: int

    def seconds(self) -> tuple[int, int]:
        base = self.day.ordinal * DAY
        return base + self.start, base + self.end


def day_classes(
    deciders: list[Decider],
    classes: Classes,
    horizon: tuple[dt.date, dt.date],
) -> list[tuple[DayClass, ...]]:
    """For each decider, its day classes over the horizon; the classes are shared (the same
    dates stand for them), so a diff compares the two policies on the same days."""
    first, last = horizon
    times = [distinct_times(d) for d in deciders]
    signatures: dict[Any, dt.date] = {}
    for offset in range((last - first).days + 1):
        day = first + dt.timedelta(days=offset)
        signature = tuple(
            _signature(d, spec, classes, day) for d, spec in zip(deciders, times, strict=True)
        )
        signatures.setdefault(signature, day)
    found: list[list[DayClass]] = [[] for _ in deciders]
    for index, day in enumerate(signatures.values()):
        for which, decider in enumerate(deciders):
            plan = decider.plan(day.toordinal())
            found[which].append(
                DayClass(index, day, plan.bounds, plan.masks, decider.calendar.is_working_day(day))
            )
    return [tuple(f) for f in found]


def distinct_times(decider: Decider) -> list[TimeSpec]:
    """One compiled TIME per different TIME the rules write (a `within` rule's hours count):
    a policy of 200 rules has a handful, and a day's plan is a function of what they own."""
    found: dict[Any, TimeSpec] = {}
    for rule in decider.rules:
        if not rule.time.always:
            found.setdefault((rule.decl.statement.times, rule.within), rule.time)
    return list(found.values())


def owned_on(time: TimeSpec, day: int) -> Intervals:
    """What a TIME owns of a local day, as `Decider.plan` cuts it: the spans starting on the
    day and those of the day before that run past midnight, clipped to the day."""
    spans = (*shift_intervals(time.owned(day - 1), -DAY), *time.owned(day))
    return clip_spans(normalise(spans), 0, DAY)


def _signature(decider: Decider, times: list[TimeSpec], classes: Classes, day: dt.date) -> Any:
    """What the engine sees of a day: what each TIME owns of it (the day's plan is made of
    exactly that, and gives it back, so two days have the same plan when, and only when, they
    have the same signature here), whether it is a working day, and, for each attribute
    compared with a relative date, the order of its class values that day (the cut-offs move
    with the day; every comparison is with a constant or a cut-off, which are among those
    values, so their order decides every rule's truth)."""
    ordinal = day.toordinal()
    moving = day_order(classes, ordinal)
    owned = tuple(owned_on(time, ordinal) for time in times)
    return owned, decider.calendar.is_working_day(day), moving


def _order(values: list[Any]) -> tuple[int, ...]:
    """Each value's rank among the distinct values: equal values share a rank."""
    ranks = {v: i for i, v in enumerate(sorted(set(values)))}
    return tuple(ranks[v] for v in values)


def read_slots(slots: Iterable[Slot], classes: Classes) -> list[tuple[Slot, SlotClasses]]:
    ordered = sorted(slots, key=lambda s: (s.owner.value, s.index))
    return [(s, classes[(s.owner, s.decl.name.key)]) for s in ordered]


def depends_on_day(day_dependent: bool, slots: Iterable[Slot], classes: Classes) -> bool:
    return day_dependent or any(c.day_dependent for _, c in read_slots(slots, classes))


def table_of(
    decider: Decider, test: Test, slots: Iterable[Slot], classes: Classes, day: int
) -> dict[tuple[int, ...], int]:
    """A three-valued test's truth for each combination of the classes of `slots`: the
    engine's own test, called on each combination of the values that stand for the classes
    (each value typed once, as the engine reads it)."""
    read = read_slots(slots, classes)
    employee = [UNKNOWN] * len(decider.employee_slots)
    shift = [UNKNOWN] * len(decider.shift_slots)
    columns = []
    for slot, found in read:
        typed = []
        for index in range(found.size):
            given = found.given(day, index)
            typed.append(UNKNOWN if given is None else slot.coerce(given))
        target = employee if slot.owner is ast.Owner.EMPLOYEE else shift
        columns.append((target, slot.index, typed))
    table: dict[tuple[int, ...], int] = {}
    for combo in itertools.product(*(range(len(typed)) for _, _, typed in columns)):
        for (target, index, typed), chosen in zip(columns, combo, strict=True):
            target[index] = typed[chosen]
        table[combo] = test(tuple(employee), tuple(shift), day)
    return table


def day_order(classes: Classes, day: int) -> tuple[tuple[int, ...], ...]:
    """For each attribute compared with a relative date, the order of its class values on a
    day: a test reading such attributes has the same truth table on days with the same
    order (see `_signature`)."""
    return tuple(
        _order([found.given(day, i) for i in range(found.size - 1)])
        for found in classes.values()
        if found.day_dependent
    )


def pieces(days: tuple[DayClass, ...]) -> list[Piece]:
    """Every stretch of every day class, numbered."""
    found: list[Piece] = []
    for day in days:
        for stretch, mask in enumerate(day.masks):
            found.append(
                Piece(len(found), day, stretch, day.bounds[stretch], day.bounds[stretch + 1], mask)
            )
    return found
