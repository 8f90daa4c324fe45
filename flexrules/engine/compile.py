"""Checked syntax trees to evaluators, once per policy.

Every fact a rule reads gets a slot; subjects and conditions become closures over slots that
return three-valued truth (F=0, U=1, T=2); every TIME becomes a function giving, for a local
day, the stretches of time it owns. Deciding then touches no tree and looks up no name.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from ..clock.calendar import (
    HOLIDAY,
    Calendar,
    days_mask,
    units_before,
    working_weekdays,
)
from ..clock.intervals import Intervals, complement, intersect, normalise
from ..clock.intervals import shift as shift_intervals
from ..language import ast
from ..language.statement_forms import Form, classify
from ..language.symbols import Symbols
from .facts import UNKNOWN, Values, coercer, object_reader

F, U, T = 0, 1, 2
DAY = 86400

#: A three-valued test over employee facts, shift facts and the local day's ordinal.
Test = Callable[[Values, Values, int], int]

MAY, MUST, MUST_NOT = 0, 1, 2
ACTIVITY_LOCATIONS = {
    ast.Activity.ON_SITE: 1,
    ast.Activity.HOME: 2,
    ast.Activity.ANYWHERE: 4,
    ast.Activity.REMOTE: 6,
    ast.Activity.WORK: 7,
    ast.Activity.WITHIN: 7,
}


@attrs.frozen
class Slot:
    """One declared attribute: where its value is read from and how it is typed."""

    owner: ast.Owner
    index: int
    name: str
    decl: ast.AttributeDecl
    read: Callable[[Any], Any] = attrs.field(eq=False, repr=False)  # from an object
    coerce: Callable[[Any], Any] = attrs.field(eq=False, repr=False)


@attrs.frozen(eq=False)
class TimeSpec:
    """A rule's TIME: day predicates on the owning day, and the stretches of it that count."""

    day_tests: tuple[Callable[[int], bool], ...]
    stretches: tuple[Callable[[int], Intervals], ...]
    filters: tuple[Callable[[int], Intervals], ...]

    @property
    def always(self) -> bool:
        return not (self.day_tests or self.stretches or self.filters)

    def owned(self, day: int) -> Intervals:
        """The local seconds (relative to the start of `day`) this TIME owns on that day."""
        for test in self.day_tests:
            if not test(day):
                return ()
        result: Intervals = ((0, DAY),)
        if self.stretches:
            result = self.stretches[0](day)
            for stretch in self.stretches[1:]:
                result = intersect(result, stretch(day))
        for keep in self.filters:
            result = intersect(result, keep(day))
        return result


@attrs.frozen(eq=False)
class CompiledRule:
    """What deciding needs of one rule, plus what explaining it needs."""

    index: int
    bit: int
    decl: ast.RuleDecl
    form: Form
    kind: int  # MAY, MUST or MUST_NOT (a `within` rule is a MUST_NOT)
    locations: int  # bit set of the locations its activity names
    names_location: bool
    applies: Test
    day_dependent: bool
    time: TimeSpec
    slots: tuple[Slot, ...]
    overrides: int  # bit set of the rules it sets aside


class CompileContext:
    """Holds the symbol tables and the slots handed out while compiling."""

    def __init__(self, symbols: Symbols, calendar: Calendar) -> None:
        self.symbols = symbols
        self.calendar = calendar
        self.employee_slots: dict[str, Slot] = {}
        self.shift_slots: dict[str, Slot] = {}
        for key, decl in symbols.employee_attributes.items():
            index = len(self.employee_slots)
            self.employee_slots[key] = self._slot(ast.Owner.EMPLOYEE, index, decl)
        for key, decl in symbols.shift_attributes.items():
            self.shift_slots[key] = self._slot(ast.Owner.SHIFT, len(self.shift_slots), decl)
        self.groups: dict[str, tuple[Test, bool, frozenset[Slot]]] = {}
        self.hours: dict[str, Callable[[int], Intervals]] = {}

    @staticmethod
    def _slot(owner: ast.Owner, index: int, decl: ast.AttributeDecl) -> Slot:
        return Slot(
            owner, index, decl.name.text, decl, object_reader(decl.name.text), coercer(decl.type)
        )

    def slot(self, owner: ast.Owner, name: ast.Name) -> Slot:
        table = self.employee_slots if owner is ast.Owner.EMPLOYEE else self.shift_slots
        return table[name.key]


def exact(text: str) -> Fraction:
    """A number as written, exactly (Decimal has no limit on digits, unlike int(str))."""
    return Fraction(Decimal(text))


# ---- values and comparisons ------------------------------------------------------------------


def literal_value(literal: ast.Literal, type_: ast.TypeExpr) -> Any:
    """A policy literal in the form facts are compared in (ranks for a ranked type)."""
    if isinstance(type_, ast.RankedType) and isinstance(literal, ast.TextLiteral):
        return [v.value for v in type_.values].index(literal.value)
    if isinstance(literal, ast.TextLiteral):
        return literal.value
    if isinstance(literal, ast.NumberLiteral):
        return float(literal.text)
    if isinstance(literal, ast.DateLiteral):
        return dt.date(literal.year, literal.month, literal.day)
    if isinstance(literal, ast.BoolLiteral):
        return literal.value
    return literal.minutes


def compile_comparison(comparison: ast.Comparison, slot: Slot) -> tuple[Test, bool]:
    """A test of one slot; the flag says whether it depends on the day (`ago`)."""
    index = slot.index
    owner_is_shift = slot.owner is ast.Owner.SHIFT
    op = comparison.op
    values = [literal_value(v, slot.decl.type) for v in comparison.values]
    predicate: Callable[[Any], bool]

    if comparison.ago is not None:
        first = comparison.values[0]
        amount = int(exact(first.text)) if isinstance(first, ast.NumberLiteral) else 0
        unit = comparison.ago.unit
        # the checks allow only `less than N ago` (after the cutoff) and `at least N ago`
        newer = op is ast.CompareOp.LESS_THAN
        cutoffs: dict[int, dt.date] = {}

        def ago_test(ev: Values, sv: Values, day: int) -> int:
            value = (sv if owner_is_shift else ev)[index]
            if value is UNKNOWN:
                return U
            cutoff = cutoffs.get(day)
            if cutoff is None:
                cutoff = units_before(dt.date.fromordinal(day), amount, unit)
                if len(cutoffs) < 10_000:
                    cutoffs[day] = cutoff
            return T if (value > cutoff if newer else value <= cutoff) else F

        return ago_test, True

    if op is ast.CompareOp.IS:
        target = values[0]
        predicate = lambda v: v == target  # noqa: E731
    elif op is ast.CompareOp.IS_NOT:
        target = values[0]
        predicate = lambda v: v != target  # noqa: E731
    elif op is ast.CompareOp.ONE_OF:
        members = frozenset(values)
        predicate = lambda v: v in members  # noqa: E731
    elif op is ast.CompareOp.NOT_ONE_OF:
        members = frozenset(values)
        predicate = lambda v: v not in members  # noqa: E731
    elif op is ast.CompareOp.AT_LEAST:
        bound = values[0]
        predicate = lambda v: v >= bound  # noqa: E731
    elif op is ast.CompareOp.AT_MOST:
        bound = values[0]
        predicate = lambda v: v <= bound  # noqa: E731
    elif op in (ast.CompareOp.MORE_THAN, ast.CompareOp.AFTER):
        bound = values[0]
        predicate = lambda v: v > bound  # noqa: E731
    elif op in (ast.CompareOp.LESS_THAN, ast.CompareOp.BEFORE):
        bound = values[0]
        predicate = lambda v: v < bound  # noqa: E731
    else:  # BETWEEN, inclusive
        low, high = values[0], values[1]
        predicate = lambda v: low <= v <= high  # noqa: E731

    def test(ev: Values, sv: Values, day: int) -> int:
        value = (sv if owner_is_shift else ev)[index]
        if value is UNKNOWN:
            return U
        return T if predicate(value) else F

    return test, False


def flag_test(slot: Slot, negated: bool) -> Test:
    index = slot.index
    yes, no = (F, T) if negated else (T, F)
    owner_is_shift = slot.owner is ast.Owner.SHIFT

    def flag(ev: Values, sv: Values, day: int) -> int:
        value = (sv if owner_is_shift else ev)[index]
        if value is UNKNOWN:
            return U
        return yes if value else no

    return flag


def always_true(ev: Values, sv: Values, day: int) -> int:
    return T


def all_of(tests: list[Test]) -> Test:
    """Kleene `and`: the smallest truth value, stopping at the first false."""
    if not tests:
        return always_true
    if len(tests) == 1:
        return tests[0]
    if len(tests) == 2:
        first, second = tests

        def both(ev: Values, sv: Values, day: int) -> int:
            a = first(ev, sv, day)
            if a == F:
                return F
            b = second(ev, sv, day)
            return a if a < b else b

        return both
    items = tuple(tests)

    def every(ev: Values, sv: Values, day: int) -> int:
        result = T
        for test in items:
            value = test(ev, sv, day)
            if value == F:
                return F
            if value < result:
                result = value
        return result

    return every


def any_of(tests: list[Test]) -> Test:
    """Kleene `or`: the largest truth value, stopping at the first true."""
    if len(tests) == 1:
        return tests[0]
    items = tuple(tests)

    def some(ev: Values, sv: Values, day: int) -> int:
        result = F
        for test in items:
            value = test(ev, sv, day)
            if value == T:
                return T
            if value > result:
                result = value
        return result

    return some


def negate(test: Test) -> Test:
    def opposite(ev: Values, sv: Values, day: int) -> int:
        return T - test(ev, sv, day)

    return opposite


# ---- subjects and conditions -------------------------------------------------------------


class Compiled:
    """A test with what it reads, so explanations can show the facts behind it."""

    __slots__ = ("day_dependent", "slots", "test")

    def __init__(self, test: Test, day_dependent: bool, slots: frozenset[Slot]) -> None:
        self.test = test
        self.day_dependent = day_dependent
        self.slots = slots


def compile_condition(context: CompileContext, node: ast.Condition) -> Compiled:
    if isinstance(node, ast.AttributeTest):
        slot = context.slot(node.owner, node.attribute)
        test, by_day = compile_comparison(node.comparison, slot)
        return Compiled(test, by_day, frozenset((slot,)))
    if isinstance(node, ast.FlagTest):
        slot = context.slot(node.owner, node.attribute)
        return Compiled(flag_test(slot, node.negated), False, frozenset((slot,)))
    if isinstance(node, ast.Not):
        inner = compile_condition(context, node.item)
        return Compiled(negate(inner.test), inner.day_dependent, inner.slots)
    parts = [compile_condition(context, item) for item in node.items]
    combine = all_of if isinstance(node, ast.And) else any_of
    return Compiled(
        combine([p.test for p in parts]),
        any(p.day_dependent for p in parts),
        frozenset().union(*(p.slots for p in parts)),
    )


def compile_subject(context: CompileContext, subject: ast.Subject) -> Compiled:
    parts: list[Compiled] = []
    if isinstance(subject.base, ast.GroupRef):
        parts.append(compile_group(context, subject.base.name.key))
    for refinement in subject.refinements:
        parts.append(compile_condition(context, refinement))
    if not parts:
        return Compiled(always_true, False, frozenset())
    return Compiled(
        all_of([p.test for p in parts]),
        any(p.day_dependent for p in parts),
        frozenset().union(*(p.slots for p in parts)),
    )


def compile_group(context: CompileContext, key: str) -> Compiled:
    found = context.groups.get(key)
    if found is not None:
        return Compiled(*found)
    decl = context.symbols.groups[key]
    parts = [compile_subject(context, subject) for subject in decl.subjects]
    compiled = Compiled(
        any_of([p.test for p in parts]),
        any(p.day_dependent for p in parts),
        frozenset().union(*(p.slots for p in parts)),
    )
    context.groups[key] = (compiled.test, compiled.day_dependent, compiled.slots)
    return compiled


# ---- time ------------------------------------------------------------------------------------


def hours_owned(context: CompileContext, decl: ast.HoursDecl) -> Callable[[int], Intervals]:
    """For a local day, the spans of these hours that start on it (a span past midnight runs on)."""
    found = context.hours.get(decl.name.key)
    if found is not None:
        return found
    calendar = context.calendar
    spans = [
        (days_mask(span.days), span.start.minutes * 60, span.end.minutes * 60)
        for span in decl.spans
    ]
    skip_holidays = decl.except_holidays
    cache: dict[int, Intervals] = {}

    def owned(day: int) -> Intervals:
        result = cache.get(day)
        if result is None:
            bits = calendar.bits(day)
            if skip_holidays and bits & HOLIDAY:
                result = ()
            else:
                result = normalise(
                    (start, end if end > start else end + DAY)
                    for mask, start, end in spans
                    if bits & mask
                )
            cache[day] = result
        return result

    context.hours[decl.name.key] = owned
    return owned


def hours_instants(owned: Callable[[int], Intervals]) -> Callable[[int], Intervals]:
    """For an owning day, every instant of these hours from its start to two days on."""

    def instants(day: int) -> Intervals:
        return normalise(
            (
                *shift_intervals(owned(day - 1), -DAY),
                *owned(day),
                *shift_intervals(owned(day + 1), DAY),
            )
        )

    return instants


def compile_time(
    context: CompileContext, times: tuple[ast.Time, ...], within: ast.Name | None = None
) -> TimeSpec:
    symbols = context.symbols
    calendar = context.calendar
    day_tests: list[Callable[[int], bool]] = []
    stretches: list[Callable[[int], Intervals]] = []
    filters: list[Callable[[int], Intervals]] = []

    def outside_hours(owned: Callable[[int], Intervals]) -> Callable[[int], Intervals]:
        instants = hours_instants(owned)
        return lambda day: complement(instants(day), 0, 2 * DAY)

    for item in times:
        if isinstance(item, ast.During):
            hours = symbols.hours.get(item.name.key)
            if hours is not None:
                owned = hours_owned(context, hours)
                if item.outside:
                    filters.append(outside_hours(owned))
                else:
                    stretches.append(owned)
            else:
                ordinals = dates_ordinals(symbols.dates[item.name.key])
                day_tests.append(_in_dates(ordinals, not item.outside))
        elif isinstance(item, ast.OnDays):
            day_tests.append(_on_days(calendar, days_mask(item.days)))
        elif isinstance(item, ast.BetweenTimes):
            start = item.start.minutes * 60
            end = item.end.minutes * 60
            stretches.append(_always((start, end if end > start else end + DAY)))
        else:
            low = _ordinal(item.start) if item.start is not None else None
            high = _ordinal(item.end) if item.end is not None else None
            day_tests.append(_in_window(low, high))
    if within is not None:
        filters.append(outside_hours(hours_owned(context, symbols.hours[within.key])))
    return TimeSpec(tuple(day_tests), tuple(stretches), tuple(filters))


def _in_dates(ordinals: frozenset[int], inside: bool) -> Callable[[int], bool]:
    if inside:
        return ordinals.__contains__
    return lambda day: day not in ordinals


def _on_days(calendar: Calendar, mask: int) -> Callable[[int], bool]:
    return lambda day: bool(calendar.bits(day) & mask)


def _always(span: tuple[int, int]) -> Callable[[int], Intervals]:
    spans: Intervals = (span,)
    return lambda day: spans


def _in_window(low: int | None, high: int | None) -> Callable[[int], bool]:
    return lambda day: (low is None or day >= low) and (high is None or day <= high)


def _ordinal(date: ast.DateLiteral) -> int:
    return dt.date(date.year, date.month, date.day).toordinal()


def dates_ordinals(decl: ast.DatesDecl) -> frozenset[int]:
    """The days of a `dates` declaration, as ordinals."""
    days: set[int] = set()
    for item in decl.items:
        first = _ordinal(item.start)
        last = _ordinal(item.end) if item.end is not None else first
        days.update(range(first, last + 1))
    return frozenset(days)


# ---- rules ---------------------------------------------------------------------------------


def build_calendar(symbols: Symbols) -> Calendar:
    national = joint = False
    agency: list[dt.date] = []
    for decl in symbols.holidays:
        for item in decl.items:
            if isinstance(item, ast.NationalHolidays):
                national = True
                joint = joint or item.joint
            else:
                date = item.date
                agency.append(dt.date(date.year, date.month, date.day))
    return Calendar(working_weekdays(symbols.working_days), national, joint, agency)


def compile_rules(
    symbols: Symbols, calendar: Calendar
) -> tuple[CompileContext, list[CompiledRule]]:
    """Every rule that decides single shifts, in source order, as a `CompiledRule`."""
    context = CompileContext(symbols, calendar)
    for key in group_order(symbols):  # dependencies first, so compiling never recurses deeply
        compile_group(context, key)
    deciding = [
        (rule, form)
        for rule in symbols.rule_list()
        if (form := classify(rule.statement)[0]) in (Form.SHIFT_RULE, Form.WITHIN)
    ]
    bits = {rule.id.key: i for i, (rule, _) in enumerate(deciding)}
    compiled: list[CompiledRule] = []
    for index, (rule, form) in enumerate(deciding):
        statement = rule.statement
        subject = compile_subject(context, statement.subject)
        parts = [subject]
        if statement.condition is not None:
            condition = compile_condition(context, statement.condition.condition)
            if statement.condition.unless:
                condition = Compiled(
                    negate(condition.test), condition.day_dependent, condition.slots
                )
            parts.append(condition)
        applies = all_of([p.test for p in parts])
        activity = statement.activity
        if form is Form.WITHIN:
            kind = MUST_NOT
            time = compile_time(context, statement.times, activity.within)
        else:
            kind = {ast.Modal.MAY: MAY, ast.Modal.MUST: MUST, ast.Modal.MUST_NOT: MUST_NOT}[
                statement.modal
            ]
            time = compile_time(context, statement.times)
        overrides = 0
        for target in rule.overrides:
            if target.key in bits:
                overrides |= 1 << bits[target.key]
        compiled.append(
            CompiledRule(
                index=index,
                bit=1 << index,
                decl=rule,
                form=form,
                kind=kind,
                locations=ACTIVITY_LOCATIONS[activity.activity],
                names_location=activity.activity not in (ast.Activity.WORK, ast.Activity.WITHIN),
                applies=applies,
                day_dependent=any(p.day_dependent for p in parts),
                time=time,
                slots=tuple(
                    sorted(
                        frozenset().union(*(p.slots for p in parts)),
                        key=lambda s: (s.owner.value, s.index),
                    )
                ),
                overrides=overrides,
            )
        )
    return context, compiled


def override_order(rules: list[CompiledRule]) -> tuple[CompiledRule, ...]:
    """The rules that set others aside, each after every rule that can set it aside.

    Walking them in this order, a rule's own fate is known before it acts: a rule that is set
    aside sets nothing aside itself. The checks reject cycles, so the order exists (Kahn's
    algorithm, without recursion, so long chains of overrides are fine).
    """
    by_id = {r.decl.id.key: r for r in rules}
    waiting = {r.index: 0 for r in rules}
    targets: dict[int, list[CompiledRule]] = {r.index: [] for r in rules}
    for rule in rules:
        for name in {t.key for t in rule.decl.overrides}:
            target = by_id.get(name)
            if target is not None:
                waiting[target.index] += 1
                targets[rule.index].append(target)
    ready = deque(r for r in rules if waiting[r.index] == 0)
    ordered: list[CompiledRule] = []
    while ready:
        rule = ready.popleft()
        ordered.append(rule)
        for target in targets[rule.index]:
            waiting[target.index] -= 1
            if waiting[target.index] == 0:
                ready.append(target)
    return tuple(r for r in ordered if r.overrides)


def group_order(symbols: Symbols) -> list[str]:
    """Group keys, each after the groups it refers to (without recursion)."""
    ordered: list[str] = []
    done: set[str] = set()
    for root in symbols.groups:
        stack: list[tuple[str, bool]] = [(root, False)]
        while stack:
            key, expanded = stack.pop()
            if key in done:
                continue
            if expanded:
                done.add(key)
                ordered.append(key)
                continue
            stack.append((key, True))
            for subject in symbols.groups[key].subjects:
                base = subject.base
                if (
                    isinstance(base, ast.GroupRef)
                    and base.name.key in symbols.groups
                    and base.name.key not in done
                ):
                    stack.append((base.name.key, False))
    return ordered


# ---- limits, staffing and shares -------------------------------------------------------------


@attrs.frozen(eq=False)
class CompiledLimit:
    """A limit over one employee's schedule (section 7 of the language)."""

    decl: ast.RuleDecl
    form: Form
    applies: Test
    locations: int
    day_tests: tuple[Callable[[int], bool], ...]
    period: ast.PeriodUnit
    amount: Fraction  # days, or hours
    working_days_only: bool
    overridden_by: int  # bit set of shift rules that set this limit aside where they apply
    shift_slots: int  # how many shift facts there are, for evaluating with all of them unknown


@attrs.frozen(eq=False)
class CompiledGroupRule:
    """A staffing or share rule over a roster."""

    decl: ast.RuleDecl
    form: Form
    member: Test
    locations: int
    time: TimeSpec
    count: Fraction  # staffing: N people; share: P percent
    in_each: Slot | None
    shift_slots: int


def compile_limits(
    context: CompileContext, rules: list[CompiledRule]
) -> tuple[list[CompiledLimit], list[CompiledGroupRule]]:
    """The limits, staffing and share rules of a policy, in source order."""
    symbols = context.symbols
    limits: list[CompiledLimit] = []
    groups: list[CompiledGroupRule] = []
    shift_count = len(context.shift_slots)
    overriders: dict[str, int] = {}  # a limit's id -> the shift rules that set it aside
    for shift_rule in rules:
        for target in shift_rule.decl.overrides:
            overriders[target.key] = overriders.get(target.key, 0) | shift_rule.bit
    for rule in symbols.rule_list():
        form = classify(rule.statement)[0]
        if form is None or form.decides_shifts:
            continue
        statement = rule.statement
        parts = [compile_subject(context, statement.subject)]
        if statement.condition is not None:
            condition = compile_condition(context, statement.condition.condition)
            if statement.condition.unless:
                condition = Compiled(
                    negate(condition.test), condition.day_dependent, condition.slots
                )
            parts.append(condition)
        applies = all_of([p.test for p in parts])
        locations = ACTIVITY_LOCATIONS[statement.activity.activity]
        if form.is_limit:
            assert statement.quantity is not None and statement.period is not None
            overridden_by = overriders.get(rule.id.key, 0)
            time = compile_time(context, statement.times)
            limits.append(
                CompiledLimit(
                    decl=rule,
                    form=form,
                    applies=applies,
                    locations=locations,
                    day_tests=time.day_tests,
                    period=statement.period.unit,
                    amount=exact(statement.quantity.amount.text),
                    working_days_only=statement.quantity.unit is ast.CountUnit.WORKING_DAYS,
                    overridden_by=overridden_by,
                    shift_slots=shift_count,
                )
            )
        else:
            if form is Form.STAFFING:
                assert statement.staffing is not None
                count = exact(statement.staffing.count.text)
                in_each = statement.staffing.in_each
            else:
                assert statement.share is not None
                count = exact(statement.share.percent.text)
                in_each = statement.share.in_each
            groups.append(
                CompiledGroupRule(
                    decl=rule,
                    form=form,
                    member=applies,
                    locations=locations,
                    time=compile_time(context, statement.times),
                    count=count,
                    in_each=context.slot(ast.Owner.EMPLOYEE, in_each) if in_each else None,
                    shift_slots=shift_count,
                )
            )
    return limits, groups
