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
from ..engine.compile import CompiledRule
from ..engine.conditions import Slot, Test
from ..engine.facts import UNKNOWN
from ..engine.runtime import Decider
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
    signatures: dict[Any, dt.date] = {}
    for offset in range((last - first).days + 1):
        day = first + dt.timedelta(days=offset)
        signature = tuple(_signature(d, classes, day) for d in deciders)
        signatures.setdefault(signature, day)
    found: list[list[DayClass]] = [[] for _ in deciders]
    for index, day in enumerate(signatures.values()):
        for which, decider in enumerate(deciders):
            plan = decider.plan(day.toordinal())
            found[which].append(
                DayClass(index, day, plan.bounds, plan.masks, decider.calendar.is_working_day(day))
            )
    return [tuple(f) for f in found]


def _signature(decider: Decider, classes: Classes, day: dt.date) -> Any:
    """What the engine sees of a day: its plan, whether it is a working day, and, for each
    attribute compared with a relative date, the order of its class values that day (the
    cut-offs move with the day; every comparison is with a constant or a cut-off, which are
    among those values, so their order decides every rule's truth)."""
    ordinal = day.toordinal()
    plan = decider.plan(ordinal)
    moving = tuple(
        _order([found.given(ordinal, i) for i in range(found.size - 1)])
        for found in classes.values()
        if found.day_dependent
    )
    return plan.bounds, plan.masks, decider.calendar.is_working_day(day), moving


def _order(values: list[Any]) -> tuple[int, ...]:
    """Each value's rank among the distinct values: equal values share a rank."""
    ranks = {v: i for i, v in enumerate(sorted(set(values)))}
    return tuple(ranks[v] for v in values)


def reads(rule: CompiledRule, classes: Classes) -> list[tuple[Slot, SlotClasses]]:
    """The attributes a rule reads, each with its classes, in a fixed order."""
    return read_slots(rule.slots, classes)


def read_slots(slots: Iterable[Slot], classes: Classes) -> list[tuple[Slot, SlotClasses]]:
    ordered = sorted(slots, key=lambda s: (s.owner.value, s.index))
    return [(s, classes[(s.owner, s.decl.name.key)]) for s in ordered]


def day_rules(decider: Decider, classes: Classes) -> list[CompiledRule]:
    """The rules whose truth for a class of facts may change from day to day."""
    return [r for r in decider.rules if depends_on_day(r.day_dependent, r.slots, classes)]


def depends_on_day(day_dependent: bool, slots: Iterable[Slot], classes: Classes) -> bool:
    return day_dependent or any(c.day_dependent for _, c in read_slots(slots, classes))


def truth_table(
    decider: Decider, rule: CompiledRule, classes: Classes, day: int
) -> dict[tuple[int, ...], int]:
    """The rule's truth (F, U, T), as the engine's own test gives it, for each combination of
    the classes of the attributes it reads, on a day."""
    return table_of(decider, rule.applies, rule.slots, classes, day)


def table_of(
    decider: Decider, test: Test, slots: Iterable[Slot], classes: Classes, day: int
) -> dict[tuple[int, ...], int]:
    """A three-valued test's truth for each combination of the classes of `slots`."""
    read = read_slots(slots, classes)
    employee = [UNKNOWN] * len(decider.employee_slots)
    shift = [UNKNOWN] * len(decider.shift_slots)
    table: dict[tuple[int, ...], int] = {}
    for combo in itertools.product(*(range(c.size) for _, c in read)):
        for (slot, found), index in zip(read, combo, strict=True):
            target = employee if slot.owner is ast.Owner.EMPLOYEE else shift
            given = found.given(day, index)
            target[slot.index] = UNKNOWN if given is None else slot.coerce(given)
        table[combo] = test(tuple(employee), tuple(shift), day)
    return table


def pieces(days: tuple[DayClass, ...]) -> list[Piece]:
    """Every stretch of every day class, numbered."""
    found: list[Piece] = []
    for day in days:
        for stretch, mask in enumerate(day.masks):
            found.append(
                Piece(len(found), day, stretch, day.bounds[stretch], day.bounds[stretch + 1], mask)
            )
    return found
