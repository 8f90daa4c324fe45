"""Subjects and conditions to three-valued tests over an employee's and a shift's facts.

Every fact a rule reads has a slot (its index among the declared attributes); a test takes the
employee's typed values, the shift's, and the local day's ordinal, and returns F, U or T
(Kleene logic: a missing or ill-typed fact is U). Constants are folded when compiling, so a
test touches no tree and looks up no name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from ..clock.calendar import units_before
from ..core.memory import Memory
from ..language import ast
from .facts import UNKNOWN, Values

F, U, T = 0, 1, 2

#: A three-valued test over employee facts, shift facts and the local day's ordinal.
Test = Callable[[Values, Values, int], int]


@attrs.frozen
class Slot:
    """One declared attribute: where its value is read from and how it is typed."""

    owner: ast.Owner
    index: int
    name: str
    decl: ast.AttributeDecl
    read: Callable[[Any], Any] = attrs.field(eq=False, repr=False)  # from an object
    coerce: Callable[[Any], Any] = attrs.field(eq=False, repr=False)


@attrs.frozen
class RelativeDate:
    """A comparison with a date `amount` units before the day decided (`... 12 months ago`),
    kept so an explanation can show the date it compared with."""

    attribute: str  # the attribute's name key
    amount: int
    unit: str  # day, week, month or year
    newer: bool  # `is less than N units ago` (else `is at least N units ago`)


#: what decided a test for some facts: its truth, and the slots whose values decided it
Witness = Callable[[Values, Values, int], tuple[int, frozenset["Slot"]]]


class Compiled:
    """A test with what it reads, so explanations can show the facts behind it; `witness`
    says which of them decided it for given facts (for `or`, the alternative that held, not
    the others), and is called only when an explanation is read."""

    __slots__ = ("day_dependent", "relative", "slots", "test", "witness")

    def __init__(
        self,
        test: Test,
        day_dependent: bool,
        slots: frozenset[Slot],
        relative: tuple[RelativeDate, ...] = (),
        witness: Witness | None = None,
    ) -> None:
        self.test = test
        self.day_dependent = day_dependent
        self.slots = slots
        self.relative = relative
        self.witness = witness if witness is not None else _reads_all(test, slots)

    @staticmethod
    def joined(parts: list[Compiled], combine: Callable[[list[Test]], Test]) -> Compiled:
        """The parts' tests combined, with everything they read."""
        relative: list[RelativeDate] = []
        for part in parts:
            relative.extend(r for r in part.relative if r not in relative)
        decisive = F if combine is all_of else T  # a part with this truth decides alone
        return Compiled(
            combine([p.test for p in parts]),
            any(p.day_dependent for p in parts),
            frozenset().union(*(p.slots for p in parts)),
            tuple(relative),
            _joined_witness([p.witness for p in parts], decisive),
        )

    def negated(self) -> Compiled:
        witness = self.witness

        def opposite(ev: Values, sv: Values, day: int) -> tuple[int, frozenset[Slot]]:
            truth, slots = witness(ev, sv, day)
            return T - truth, slots

        return Compiled(negate(self.test), self.day_dependent, self.slots, self.relative, opposite)


def _reads_all(test: Test, slots: frozenset[Slot]) -> Witness:
    return lambda ev, sv, day: (test(ev, sv, day), slots)


def _joined_witness(parts: list[Witness], decisive: int) -> Witness:
    """Kleene `and` (decisive F) or `or` (decisive T): the first part with the decisive truth
    decides alone; otherwise the unknown parts, if any, else all of them."""

    def witness(ev: Values, sv: Values, day: int) -> tuple[int, frozenset[Slot]]:
        found = [part(ev, sv, day) for part in parts]
        for truth, slots in found:
            if truth == decisive:
                return truth, slots
        unknown = [slots for truth, slots in found if truth == U]
        if unknown:
            return U, frozenset().union(*unknown)
        return T - decisive, frozenset().union(*(slots for _, slots in found))

    return witness


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


Predicate = Callable[[Any], bool]


def _equal(c: list[Any]) -> Predicate:
    return lambda v: v == c[0]


def _unequal(c: list[Any]) -> Predicate:
    return lambda v: v != c[0]


def _member(c: list[Any]) -> Predicate:
    return frozenset(c).__contains__


def _not_member(c: list[Any]) -> Predicate:
    members = frozenset(c)
    return lambda v: v not in members


def _at_least(c: list[Any]) -> Predicate:
    return lambda v: v >= c[0]


def _at_most(c: list[Any]) -> Predicate:
    return lambda v: v <= c[0]


def _above(c: list[Any]) -> Predicate:
    return lambda v: v > c[0]


def _below(c: list[Any]) -> Predicate:
    return lambda v: v < c[0]


def _between(c: list[Any]) -> Predicate:
    low, high = c[0], c[1]
    return lambda v: low <= v <= high


#: each comparison as a predicate over a typed value, made from the comparison's constants
_PREDICATES: dict[ast.CompareOp, Callable[[list[Any]], Predicate]] = {
    ast.CompareOp.IS: _equal,
    ast.CompareOp.IS_NOT: _unequal,
    ast.CompareOp.ONE_OF: _member,
    ast.CompareOp.NOT_ONE_OF: _not_member,
    ast.CompareOp.AT_LEAST: _at_least,
    ast.CompareOp.AT_MOST: _at_most,
    ast.CompareOp.MORE_THAN: _above,
    ast.CompareOp.AFTER: _above,
    ast.CompareOp.LESS_THAN: _below,
    ast.CompareOp.BEFORE: _below,
    ast.CompareOp.BETWEEN: _between,
}


def compile_comparison(
    comparison: ast.Comparison, slot: Slot, memory_size: int
) -> tuple[Test, RelativeDate | None]:
    """A test of one slot, and the relative date it compares with, if any (`ago`), whose
    cut-off dates are remembered per day in a memory of `memory_size`."""
    if comparison.ago is not None:
        return _ago_test(comparison, slot, memory_size)
    predicate = _PREDICATES[comparison.op](
        [literal_value(v, slot.decl.type) for v in comparison.values]
    )
    index = slot.index
    owner_is_shift = slot.owner is ast.Owner.SHIFT

    def test(ev: Values, sv: Values, day: int) -> int:
        value = (sv if owner_is_shift else ev)[index]
        if value is UNKNOWN:
            return U
        return T if predicate(value) else F

    return test, None


def _ago_test(
    comparison: ast.Comparison, slot: Slot, memory_size: int
) -> tuple[Test, RelativeDate]:
    """`is less than N units ago` (after the cut-off) and `is at least N units ago` (on or
    before it), the only forms the checks allow."""
    assert comparison.ago is not None
    first = comparison.values[0]
    amount = int(exact(first.text)) if isinstance(first, ast.NumberLiteral) else 0
    unit = comparison.ago.unit.value
    newer = comparison.op is ast.CompareOp.LESS_THAN
    index = slot.index
    owner_is_shift = slot.owner is ast.Owner.SHIFT
    cutoffs: Memory[int, dt.date] = Memory(memory_size)
    known = cutoffs.young.get

    def ago_test(ev: Values, sv: Values, day: int) -> int:
        value = (sv if owner_is_shift else ev)[index]
        if value is UNKNOWN:
            return U
        cutoff = known(day) or cutoffs.get(day)
        if cutoff is None:
            cutoff = cutoffs.put(day, units_before(dt.date.fromordinal(day), amount, unit))
        return T if (value > cutoff if newer else value <= cutoff) else F

    return ago_test, RelativeDate(slot.decl.name.key, amount, unit, newer)


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


class Conditions:
    """Compiles subjects, groups and conditions against the declared attributes' slots; each
    group is compiled once and shared by every rule naming it."""

    def __init__(
        self,
        groups: dict[str, ast.GroupDecl],
        slots: dict[ast.Owner, dict[str, Slot]],
        memory_size: int,
    ) -> None:
        self._decls = groups
        self._slots = slots
        self._memory_size = memory_size
        self._groups: dict[str, Compiled] = {}
        for key in group_order(groups):  # dependencies first, so compiling never recurses deeply
            self.group(key)

    def slot(self, owner: ast.Owner, name: ast.Name) -> Slot:
        return self._slots[owner][name.key]

    def condition(self, node: ast.Condition) -> Compiled:
        if isinstance(node, ast.AttributeTest):
            slot = self.slot(node.owner, node.attribute)
            test, relative = compile_comparison(node.comparison, slot, self._memory_size)
            return Compiled(
                test, relative is not None, frozenset((slot,)), (relative,) if relative else ()
            )
        if isinstance(node, ast.FlagTest):
            slot = self.slot(node.owner, node.attribute)
            return Compiled(flag_test(slot, node.negated), False, frozenset((slot,)))
        if isinstance(node, ast.Not):
            return self.condition(node.item).negated()
        parts = [self.condition(item) for item in node.items]
        return Compiled.joined(parts, all_of if isinstance(node, ast.And) else any_of)

    def clause(self, clause: ast.ConditionClause) -> Compiled:
        """`if C` or `unless C` (which is `if not C`)."""
        condition = self.condition(clause.condition)
        return condition.negated() if clause.unless else condition

    def subject(self, subject: ast.Subject) -> Compiled:
        parts: list[Compiled] = []
        if isinstance(subject.base, ast.GroupRef):
            parts.append(self.group(subject.base.name.key))
        for refinement in subject.refinements:
            parts.append(self.condition(refinement))
        if not parts:
            return Compiled(always_true, False, frozenset())
        return Compiled.joined(parts, all_of)

    def statement(self, statement: ast.Statement) -> Compiled:
        """Whom a statement binds: its subject and its condition, if any."""
        parts = [self.subject(statement.subject)]
        if statement.condition is not None:
            parts.append(self.clause(statement.condition))
        return Compiled.joined(parts, all_of)

    def group(self, key: str) -> Compiled:
        found = self._groups.get(key)
        if found is None:
            parts = [self.subject(subject) for subject in self._decls[key].subjects]
            found = self._groups[key] = Compiled.joined(parts, any_of)
        return found


def group_order(groups: dict[str, ast.GroupDecl]) -> list[str]:
    """Group keys, each after the groups it refers to (without recursion)."""
    ordered: list[str] = []
    done: set[str] = set()
    for root in groups:
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
            stack.extend((ref, False) for ref in _group_refs(groups[key]) if ref in groups)
    return ordered


def _group_refs(decl: ast.GroupDecl) -> list[str]:
    return [
        subject.base.name.key for subject in decl.subjects if isinstance(subject.base, ast.GroupRef)
    ]
