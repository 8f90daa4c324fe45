"""A policy's decisions over the finite classes, as formulas for the z3 SMT solver.

Each attribute becomes an integer naming its class; the piece (a stretch of a day class) is
one more. A rule's truth (false, unknown, true) is its engine test tabulated over the classes
of the attributes it reads (`classes.table_of`), so a rule means here exactly what it means
when deciding. What a piece comes to at a location follows `engine.runtime`: each rule's
effect (`_effect`), the rules set aside for certain or maybe (`_set_aside`, visited in
`override_order`), then deny over permit over the default (`_combine`).
tests/analysis/test_lint_oracle.py holds the two together by brute force.

Asking "is there an employee and a shift such that ..." is then one `check` of the solver,
exact over the classes; the answer's model is turned into a real employee and shift
(`witness`) and decided by the engine before anything is reported.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

try:  # an optional extra: `pip install flexrules[lint]`
    import z3
except ImportError:  # pragma: no cover - the test extra installs it
    z3 = None

from ..core.errors import Error
from ..engine.compile import MAY, MUST_NOT, CompiledRule, override_order
from ..engine.conditions import Compiled, Slot, T, Test, U
from ..engine.runtime import Decider
from .classes import (
    Classes,
    DayClass,
    Key,
    Piece,
    day_order,
    depends_on_day,
    read_slots,
    table_of,
)
from .formulas import FALSE, TRUE, Domain, conj, disj, neg, table_formula

#: the locations, as the engine's bits: office, home, anywhere
LOCATIONS = (1, 2, 4)
LOCATION_NAMES = {1: "office", 2: "home", 4: "anywhere"}

Expr = Any  # a z3 expression (z3 ships no type information)
Table = dict[tuple[int, ...], int]  # a test's truth for each combination of classes


class SolverMissing(Error):
    """lint and diff need the z3 solver, an optional extra."""


def require_solver() -> None:
    if z3 is None:
        raise SolverMissing(
            "flexrules lint and diff need the z3 solver: pip install 'flexrules[lint]'"
        )


class Facts:
    """One set of facts: an integer per attribute, naming its class."""

    def __init__(self, classes: Classes, name: str) -> None:
        self.name = name
        self.domains: dict[Key, Domain] = {
            key: Domain(z3.Int(f"{name}|{key[0].value}|{key[1]}"), c.size)
            for key, c in classes.items()
        }
        self.vars: dict[Key, Expr] = {key: d.var for key, d in self.domains.items()}
        self.sizes = {key: d.size for key, d in self.domains.items()}
        self.domain = [d.range for d in self.domains.values()]

    def known(self, keys: Iterable[Key] | None = None) -> Expr:
        """Every attribute of `keys` (all by default) known: not its last class, unknown."""
        chosen = self.vars if keys is None else keys
        return conj(*(neg(self.domains[k].eq(self.sizes[k] - 1)) for k in chosen))

    def same(self, other: Facts, keys: Iterable[Key]) -> Expr:
        return conj(*(self.vars[k] == other.vars[k] for k in keys))


@attrs.frozen
class Outcome:
    """What a piece comes to at one location, for one set of facts."""

    allowed: Expr
    denying: dict[int, Expr]  # by rule index: it denies and is not set aside
    permitting: dict[int, Expr]  # it permits and is not set aside for certain or maybe
    applies: dict[int, Expr]  # it applies (its truth true, its TIME holds, its place fits)
    maybe: dict[int, Expr]  # its truth is unknown there


class Model:
    """One policy's decisions over the classes, for any number of sets of facts."""

    def __init__(
        self,
        decider: Decider,
        classes: Classes,
        days: tuple[DayClass, ...],
        pieces: list[Piece],
        piece: Expr,
        day: Expr,
    ) -> None:
        require_solver()
        self.decider = decider
        self.classes = classes
        self.days = days
        self.pieces = pieces
        self.piece = piece
        self.day = day
        self.pieces_of = Domain(piece, len(pieces))
        self.days_of = Domain(day, len(days))
        self.rules = decider.rules
        self.order = override_order(decider.rules)
        self.in_time = {r.index: self._in_time(r) for r in self.rules}
        self._orders = {d.index: day_order(classes, d.ordinal) for d in days}
        self._tables: dict[Any, Table] = {}
        self._truths: dict[tuple[Any, str], tuple[Expr, Expr]] = {}
        self._outcomes: dict[tuple[str, int], Outcome] = {}

    def _in_time(self, rule: CompiledRule) -> Expr:
        if rule.time.always:
            return TRUE
        return self.pieces_of.among(p.index for p in self.pieces if p.mask & rule.bit)

    def truth(self, rule: CompiledRule, facts: Facts) -> tuple[Expr, Expr]:
        """(true, unknown) of a rule's subject and condition for a set of facts."""
        statement = rule.decl.statement
        return self._formulas(
            ("rule", statement.subject, statement.condition),
            rule.applies,
            rule.slots,
            rule.day_dependent,
            facts,
        )

    def tabulated(self, key: Any, test: Compiled, facts: Facts) -> Tabulated:
        """Any subject or condition (`engine.conditions.Compiled`) as formulas; `key` names
        what it was compiled from (two tests of one key are one test)."""
        read = read_slots(test.slots, self.classes)
        true, unknown = self._formulas(key, test.test, test.slots, test.day_dependent, facts)
        return Tabulated(true, unknown, frozenset(c.owner_key for _, c in read))

    def _formulas(
        self, key: Any, test: Test, slots: Iterable[Slot], daily: bool, facts: Facts
    ) -> tuple[Expr, Expr]:
        """(true, unknown) of a test, tabulated once per key and kind of day, and made into
        formulas once per key and set of facts: rules of one subject and condition (a policy
        of 200 rules has many) share them."""
        found = self._truths.get((key, facts.name))
        if found is not None:
            return found
        read = read_slots(slots, self.classes)
        if depends_on_day(daily, slots, self.classes):
            tables = [(d.index, self._table(key, test, slots, d)) for d in self.days]
        else:
            tables = [(-1, self._table(key, test, slots, None))]
        found = self._truths[(key, facts.name)] = _truth(self, facts, read, tables)
        return found

    def _table(self, key: Any, test: Test, slots: Iterable[Slot], day: DayClass | None) -> Table:
        """A test's truth table on a day class (None: on any day, the test does not depend on
        it), shared by the days whose relative cut-offs fall alike."""
        order = None if day is None else self._orders[day.index]
        found = self._tables.get((key, order))
        if found is None:
            ordinal = (day or self.days[0]).ordinal
            found = self._tables[(key, order)] = table_of(
                self.decider, test, slots, self.classes, ordinal
            )
        return found

    def outcome(self, facts: Facts, location: int) -> Outcome:
        """A piece's outcome at a location, as `engine.runtime.Decider._combine` makes it."""
        key = (facts.name, location)
        found = self._outcomes.get(key)
        if found is None:
            found = self._outcomes[key] = self._work_out(facts, location)
        return found

    def _work_out(self, facts: Facts, location: int) -> Outcome:
        deny: dict[int, Expr] = {}
        permit: dict[int, Expr] = {}
        applies: dict[int, Expr] = {}
        maybe: dict[int, Expr] = {}
        for rule in self.rules:
            sure, unsure = self.truth(rule, facts)
            timed = self.in_time[rule.index]
            effect = _effect(rule, location, sure, unsure)
            deny[rule.index] = conj(timed, effect[0])
            permit[rule.index] = conj(timed, effect[1])
            applies[rule.index] = conj(timed, effect[2])
            maybe[rule.index] = conj(timed, effect[3])
        surely = {r.index: FALSE for r in self.rules}
        aside = dict(surely)
        for rule in self.order:
            i = rule.index
            live = conj(neg(surely[i]), disj(applies[i], maybe[i]))
            certain = conj(live, applies[i], neg(aside[i]))
            possible = conj(live, neg(conj(applies[i], neg(aside[i]))))
            for target in self.rules:
                if rule.overrides & target.bit:
                    surely[target.index] = disj(surely[target.index], certain)
                    aside[target.index] = disj(aside[target.index], possible)
        denying = {i: conj(d, neg(surely[i])) for i, d in deny.items()}
        permitting = {i: conj(p, neg(surely[i]), neg(aside[i])) for i, p in permit.items()}
        fallback = TRUE if self.decider.default_allow else FALSE
        allowed = conj(neg(disj(*denying.values())), disj(*permitting.values(), fallback))
        return Outcome(allowed, denying, permitting, applies, maybe)

    def constraints(self) -> list[Expr]:
        """The piece's range and its day class."""
        found = [self.pieces_of.range]
        for day in self.days:
            mine = self.pieces_of.among(p.index for p in self.pieces if p.day is day)
            found.append(z3.Implies(mine, self.days_of.eq(day.index)))
        return found


@attrs.frozen
class Tabulated:
    """A test's truth as formulas, and the attributes it reads."""

    true: Expr
    unknown: Expr
    keys: frozenset[Key]


def _truth(
    model: Model,
    facts: Facts,
    read: list[tuple[Any, Any]],
    tables: list[tuple[int, Table]],
) -> tuple[Expr, Expr]:
    """(true, unknown) as formulas; days with one table share one part, and a test whose
    table is the same on every day class needs no day at all."""
    domains = [facts.domains[(s.owner, s.decl.name.key)] for s, _ in read]
    groups: dict[int, list[int]] = {}
    by_id: dict[int, Table] = {}
    for day, table in tables:
        groups.setdefault(id(table), []).append(day)
        by_id[id(table)] = table
    parts_t, parts_u = [], []
    for which, days in groups.items():
        table = by_id[which]
        on_day = TRUE if len(groups) == 1 else model.days_of.among(days)
        parts_t.append(conj(on_day, table_formula(domains, _hits(table, T))))
        parts_u.append(conj(on_day, table_formula(domains, _hits(table, U))))
    return disj(*parts_t), disj(*parts_u)


def _hits(table: Table, truth: int) -> list[tuple[int, ...]]:
    return [combo for combo, value in table.items() if value == truth]


def _effect(rule: CompiledRule, location: int, sure: Expr, unsure: Expr) -> tuple[Expr, ...]:
    """(denies, permits, applies, may apply) as `engine.runtime._effect` gives them."""
    matches = bool(location & rule.locations)
    some = disj(sure, unsure)
    if rule.kind == MAY:
        if not matches:
            return FALSE, FALSE, FALSE, FALSE
        return FALSE, sure, sure, unsure
    if rule.kind == MUST_NOT:
        if not matches:
            return FALSE, FALSE, FALSE, FALSE
        return some, FALSE, sure, unsure
    permits = sure if matches and rule.names_location else FALSE
    return (FALSE if matches else some), permits, sure, unsure


def new_solver() -> Any:
    return z3.Solver()


def solve(solver: Any, *conditions: Expr) -> Any | None:
    """A model where the conditions hold (with everything the solver already holds), or
    None when there is none."""
    solver.push()
    try:
        solver.add(*conditions)
        if solver.check() == z3.sat:
            return solver.model()
        return None
    finally:
        solver.pop()


def value(model: Any, var: Expr) -> int:
    return int(model.eval(var, model_completion=True).as_long())


def smallest(
    solver: Any, conditions: tuple[Expr, ...], order: list[Expr], start: Any | None = None
) -> Any:
    """The model where the conditions hold whose variables, taken in `order`, are each the
    least they can be (a binary search per variable, keeping the last model found, whose
    variable is always the bound so far), so the answer is one and the same whatever path
    the solver took. The conditions must be satisfiable; `start`, a model where they hold,
    saves asking again. Each bound is an assumption of one check, not a scope of its own."""
    solver.push()
    try:
        solver.add(*conditions)
        if start is None:
            if solver.check() != z3.sat:
                raise ValueError("smallest() needs satisfiable conditions")
            start = solver.model()
        model = start
        for var in order:
            low, high = 0, value(model, var)
            while low < high:
                middle = (low + high) // 2
                if solver.check(var <= middle) == z3.sat:
                    model = solver.model()
                    high = value(model, var)
                else:
                    low = middle + 1
            solver.add(var == low)
        return model
    finally:
        solver.pop()
