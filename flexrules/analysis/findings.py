"""The lint findings (AUTHORING.md section 3), each asked of the solver and shown by a witness.

Every question is "is there a piece, a location and a set of facts such that ...", exact over
the classes (`analysis.classes`). A finding holds when the answer is no (a rule never permits)
or yes (two rules conflict); either way the witness is a real employee and shift that the
engine decides here, and a finding whose witness's decision does not show it is dropped.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

try:  # the optional extra; `model.require_solver` says how to install it
    import z3
except ImportError:  # pragma: no cover
    z3 = None

from ..core.messages import Listing, Text
from ..engine.compile import MAY, MUST, MUST_NOT, CompiledRule
from ..engine.runtime import Decider
from .classes import Classes, DayClass, Key, Piece
from .formulas import Domain, conj, disj, neg
from .model import LOCATIONS, Expr, Facts, Model, new_solver, smallest, solve, value
from .witness import Witness, applying, at, decided, may_apply, reasons, records

ERROR, WARNING = "error", "warning"
#: each code and its severity, in the order a report lists them
CODES = {
    "never-applies": WARNING,
    "never-permits": WARNING,
    "no-allowed-place": WARNING,
    "conflict": ERROR,
    "needless-override": WARNING,
    "redundant": WARNING,
    "unknown-permits": WARNING,
}
#: the most `no-allowed-place` findings one policy reports (each a different cause)
MAX_PLACES = 3


@attrs.frozen(eq=False)
class Finding:
    """One finding: its code, the rules concerned, what it says, and the decided witness
    (with the other decisions that show it, such as the same shift at the other places)."""

    code: str
    rules: tuple[CompiledRule, ...]
    message: Text
    hint: Text
    witness: Witness
    also: tuple[Witness, ...] = ()

    @property
    def severity(self) -> str:
        return CODES[self.code]


def ids(rules: Any) -> Listing:
    return Listing([f"`{r.id}`" for r in rules])


class Linter:
    """The questions of one policy, sharing one model and one solver."""

    def __init__(
        self, decider: Decider, classes: Classes, days: tuple[DayClass, ...], pieces: list[Piece]
    ) -> None:
        self.decider = decider
        self.classes = classes
        self.pieces = pieces
        self.model = Model(decider, classes, days, pieces, z3.Int("piece"), z3.Int("day"))
        self.x = Facts(classes, "x")
        self.y = Facts(classes, "y")
        self.location = z3.Int("location")
        self.solver = new_solver()
        self.solver.add(*self.model.constraints(), *self.x.domain, *self.y.domain)
        self.places = Domain(self.location, max(LOCATIONS) + 1)
        self.solver.add(disj(*(self.places.eq(loc) for loc in LOCATIONS)))
        self.order = [self.model.piece, self.location, *self.x.vars.values(), *self.y.vars.values()]
        self.rules = decider.rules
        self.by_index = {r.index: r for r in self.rules}
        #: the pieces where each rule's TIME holds
        self.where = {r.index: {p.index for p in pieces if p.mask & r.bit} for r in self.rules}
        #: what each rule can decide, and where: (effect, location) pairs
        self.shapes = {
            r.index: frozenset((e, loc) for e in _effects(r) for loc in _places(r, e))
            for r in self.rules
        }
        self.silent: set[int] = set()  # rules that never apply: nothing else said of them
        #: a model where each rule decides something, where a question already found one
        self.decides: dict[int, Any] = {}

    # ---- helpers ---------------------------------------------------------------------------

    def find(
        self, *conditions: Expr, both: bool = False, free: Iterable[Key] | None = None
    ) -> Any | None:
        """The first model, in a fixed order, where the conditions hold (None if none): the
        earliest piece, then the first place, then each attribute's first class (known before
        unknown), so a witness does not depend on the solver's inner state. With `both`, the
        second set of facts follows, each of its attributes in turn, or only those of `free`
        when the conditions make the others equal to the first set's (so each has one value
        left, and asking for its least would only confirm it)."""
        found = solve(self.solver, *conditions)
        if found is None:
            return None
        order = self.order if both else self.order[: 2 + len(self.x.vars)]
        if both and free is not None:
            keep = set(free)
            order = [*order[: 2 + len(self.x.vars)]]
            order.extend(var for key, var in self.y.vars.items() if key in keep)
        return smallest(self.solver, conditions, order, found)

    def somewhere(self, make: Callable[[int], Expr]) -> Expr:
        """`make(location)` at the location the solver picks."""
        return disj(*(conj(self.places.eq(loc), make(loc)) for loc in LOCATIONS))

    def out(self, location: int, facts: Facts | None = None) -> Any:
        return self.model.outcome(facts or self.x, location)

    def witness(self, found: Any, facts: Facts | None = None) -> Witness:
        piece = self.pieces[value(found, self.model.piece)]
        location = value(found, self.location)
        employee, shift = records(found, self.classes, facts or self.x, piece, location)
        return decided(self.decider, employee, shift)

    def elsewhere(self, witness: Witness) -> tuple[Witness, ...]:
        """The same employee and span at the other locations, decided."""
        return tuple(
            decided(self.decider, witness.employee, at(witness, loc))
            for loc in LOCATIONS
            if at(witness, loc) != witness.shift
        )

    # ---- the findings ------------------------------------------------------------------------

    def run(self) -> list[Finding]:
        found: list[Finding] = []
        for rule in self.rules:
            found.extend(self.never_applies(rule))
        for rule in self.rules:
            if rule.index not in self.silent:
                found.extend(self.never_permits(rule))
        conflicts = list(self.conflicts())
        found.extend(conflicts)
        found.extend(self.no_allowed_place(conflicts))
        found.extend(self.needless_overrides())
        found.extend(self.redundant())
        found.extend(self.unknown_permits())
        return found

    def never_applies(self, rule: CompiledRule) -> Iterator[Finding]:
        sure = self.model.truth(rule, self.x)[0]
        timed = self.model.in_time[rule.index]
        if solve(self.solver, sure, timed) is not None:
            return
        self.silent.add(rule.index)
        if solve(self.solver, sure) is not None:
            key, found = "lint.never_applies.time", self.find(sure)
        elif solve(self.solver, timed) is not None:
            key, found = "lint.never_applies.subject", self.find(timed)
        else:
            key, found = "lint.never_applies.both", self.find()
        witness = self.witness(found)
        if applying(self.decider, witness.decision) & rule.bit:
            return  # the engine disagrees: say nothing
        yield Finding(
            "never-applies",
            (rule,),
            Text(key, rule=f"`{rule.id}`"),
            Text("lint.never_applies.hint"),
            witness,
        )

    def never_permits(self, rule: CompiledRule) -> Iterator[Finding]:
        if rule.kind != MAY:
            return
        i = rule.index
        permits = self._deciding(rule)  # a `may` rule decides only by permitting
        model = solve(self.solver, permits)
        if model is not None:
            self.decides[i] = model
            return
        found = self.find(self.somewhere(lambda loc: self.out(loc).applies[i]))
        if found is None:
            return
        witness = self.witness(found)
        decision = witness.decision
        if decision.allowed and rule.id in reasons(decision):
            return
        yield Finding(
            "never-permits",
            (rule,),
            Text("lint.never_permits", rule=f"`{rule.id}`"),
            Text("lint.never_permits.hint"),
            witness,
        )

    # ---- conflicts and places ----------------------------------------------------------------

    def conflicts(self) -> Iterator[Finding]:
        for first, second in itertools.combinations(self.rules, 2):
            if (
                not _incompatible(first, second)
                or not self.where[first.index] & self.where[second.index]
            ):
                continue
            if (first.overrides & second.bit) or (second.overrides & first.bit):
                continue
            yield from self._conflict(first, second)

    def _conflict(self, first: CompiledRule, second: CompiledRule) -> Iterator[Finding]:
        a, b = first.index, second.index
        both = conj(
            self.model.truth(first, self.x)[0],
            self.model.truth(second, self.x)[0],
            self.model.in_time[a],
            self.model.in_time[b],
            *(disj(self.out(loc).denying[a], self.out(loc).denying[b]) for loc in LOCATIONS),
        )
        found = self.find(both)
        if found is None:
            return
        witness = self.witness(found)
        everywhere = (witness, *self.elsewhere(witness))
        if any(
            w.decision.allowed or not {first.id, second.id} & reasons(w.decision)
            for w in everywhere
        ):
            return
        yield Finding(
            "conflict",
            (first, second),
            Text("lint.conflict", first=f"`{first.id}`", second=f"`{second.id}`"),
            Text("lint.conflict.hint", first=first.id, second=second.id),
            witness,
            everywhere[1:],
        )

    def no_allowed_place(self, conflicts: list[Finding]) -> Iterator[Finding]:
        working = self.model.pieces_of.among(p.index for p in self.pieces if p.day.working)
        nowhere = conj(*(neg(self.out(loc).allowed) for loc in LOCATIONS))
        # somewhere only the default denies: no rule lets them be there (all places denied
        # by rules is a `within` window, or a conflict)
        forgotten = disj(*(neg(disj(*self.out(loc).denying.values())) for loc in LOCATIONS))
        others = disj(*(self.out(loc, self.y).allowed for loc in LOCATIONS))
        blocks: list[Expr] = [neg(self._both_apply(f)) for f in conflicts]
        for _ in range(MAX_PLACES):
            found = self.find(
                working, self.x.known(), nowhere, forgotten, others, *blocks, both=True
            )
            if found is None:
                return
            witness = self.witness(found)
            everywhere = (witness, *self.elsewhere(witness))
            if any(w.decision.allowed for w in everywhere):
                return
            behind = {r for w in everywhere for r in reasons(w.decision)}
            rules = tuple(r for r in self.rules if r.id in behind)
            blocks.append(self._other_cause(rules))
            yield Finding(
                "no-allowed-place",
                rules,
                Text("lint.no_allowed_place", rules=ids(rules) if rules else "no rule"),
                Text("lint.no_allowed_place.hint"),
                witness,
                everywhere[1:],
            )

    def _both_apply(self, finding: Finding) -> Expr:
        first, second = finding.rules
        return conj(
            self.model.truth(first, self.x)[0],
            self.model.truth(second, self.x)[0],
            self.model.in_time[first.index],
            self.model.in_time[second.index],
        )

    def _other_cause(self, rules: tuple[CompiledRule, ...]) -> Expr:
        """Facts and times where the denial has another cause than `rules` (or, when the
        default denied, where some rule denies)."""
        if not rules:
            return disj(*(d for loc in LOCATIONS for d in self.out(loc).denying.values()))
        return disj(
            *(conj(*(neg(self.out(loc).denying[r.index]) for loc in LOCATIONS)) for r in rules)
        )

    # ---- overrides, redundancy, unknowns -------------------------------------------------------

    def needless_overrides(self) -> Iterator[Finding]:
        for rule in self.rules:
            if not rule.overrides or rule.index in self.silent:
                continue
            for target in self.rules:
                if rule.overrides & target.bit:
                    yield from self._needless(rule, target)

    def _needless(self, rule: CompiledRule, target: CompiledRule) -> Iterator[Finding]:
        i, t = rule.index, target.index

        def both(loc: int) -> Expr:
            out = self.out(loc)
            return conj(disj(out.applies[i], out.maybe[i]), disj(out.applies[t], out.maybe[t]))

        if solve(self.solver, self.somewhere(both)) is not None:
            return
        found = self.find(self.somewhere(lambda loc: self.out(loc).applies[i]))
        if found is None:
            return
        witness = self.witness(found)
        if not may_apply(self.decider, witness.decision, rule) or may_apply(
            self.decider, witness.decision, target
        ):
            return
        yield Finding(
            "needless-override",
            (rule, target),
            Text("lint.needless_override", rule=f"`{rule.id}`", target=f"`{target.id}`"),
            Text("lint.needless_override.hint", target=target.id),
            witness,
        )

    def redundant(self) -> Iterator[Finding]:
        for rule in self.rules:
            if rule.overrides or rule.index in self.silent or not _effects(rule):
                continue
            candidates = [
                o
                for o in self.rules
                if o is not rule
                and self._may_cover(rule, o)
                and self.where[rule.index] & self.where[o.index]
            ]
            if candidates:  # else no other rule can make its decisions: nothing to ask
                finding = self._redundant(rule, candidates)
                if finding is not None:
                    yield finding

    def _redundant(self, rule: CompiledRule, candidates: list[CompiledRule]) -> Finding | None:
        """The first of `candidates` that makes every decision of `rule`, as a finding."""
        deciding = self._deciding(rule)
        found = self.decides.get(rule.index)
        if found is None:
            found = solve(self.solver, deciding)
        if found is None:
            return None  # it decides nothing: never-permits or never-applies says so
        # any shift it decides will do to rule out others (a rule that makes all of its
        # decisions makes that one too); the witness shown is the least one, found only when
        # there is something to show
        probe = self.witness(found)
        least: Witness | None = None
        for other in candidates:
            if not _decides_alike(other, probe) or not self._covers(rule, other):
                continue
            if other.index > rule.index and self._covers(other, rule):
                continue  # each makes the other's decisions: the later one is reported
            if least is None:
                least = self.witness(self.find(deciding))
            if {rule.id, other.id} <= reasons(least.decision):
                return Finding(
                    "redundant",
                    (rule, other),
                    Text("lint.redundant", rule=f"`{rule.id}`", other=f"`{other.id}`"),
                    Text("lint.redundant.hint", rule=rule.id),
                    least,
                )
        return None

    def _deciding(self, rule: CompiledRule) -> Expr:
        """Somewhere the rule decides the outcome, with any of its effects."""

        def there(loc: int) -> Expr:
            return disj(*(self._decides(rule, e, loc) for e in _effects(rule)))

        return self.somewhere(there)

    def _may_cover(self, rule: CompiledRule, other: CompiledRule) -> bool:
        """Cheap necessary conditions for `other` to make every decision `rule` makes: it
        can decide with each effect `rule` has, at each place."""
        return self.shapes[rule.index] <= self.shapes[other.index]

    def _decides(self, rule: CompiledRule, effect: str, loc: int) -> Expr:
        out = self.out(loc)
        if effect == "deny":
            return out.denying[rule.index]
        return conj(out.permitting[rule.index], out.allowed)

    def _covers(self, rule: CompiledRule, other: CompiledRule) -> bool:
        """Whether `other` makes every decision of `rule` (`rule` taken as the covered one)."""
        if not self._may_cover(rule, other):
            return False
        return all(
            solve(self.solver, self._alone(rule, other, effect)) is None
            for effect in sorted(_effects(rule))
        )

    def _alone(self, rule: CompiledRule, other: CompiledRule, effect: str) -> Expr:
        """Somewhere `rule` decides with this effect and `other` does not."""

        def there(loc: int) -> Expr:
            return conj(self._decides(rule, effect, loc), neg(self._decides(other, effect, loc)))

        return self.somewhere(there)

    def unknown_permits(self) -> Iterator[Finding]:
        for rule in self.rules:
            clause = rule.decl.statement.condition
            if clause is None or not clause.unless or rule.index in self.silent:
                continue
            if "permit" not in _effects(rule) and not rule.overrides:
                continue  # unknown makes a denial apply: what its author expects
            yield from self._unknown(rule)

    def _unknown(self, rule: CompiledRule) -> Iterator[Finding]:
        clause = rule.decl.statement.condition
        assert clause is not None  # `unknown_permits` chose rules with an `unless`
        unless = self.decider.context.conditions.condition(clause.condition)
        subject_ast = rule.decl.statement.subject
        condition = self.model.tabulated(("unless", clause.condition), unless, self.x)
        subject = self.model.tabulated(
            ("subject", subject_ast),
            self.decider.context.conditions.subject(subject_ast),
            self.x,
        )
        known = self.model.tabulated(("unless", clause.condition), unless, self.y)
        unread = [k for k in self.classes if k not in condition.keys]
        i = rule.index
        ask = self.somewhere(  # denied, not by the rule itself: a permission or override lost
            lambda loc: conj(
                neg(self.out(loc).allowed),
                neg(self.out(loc).denying[i]),
                self.out(loc, self.y).allowed,
            )
        )
        found = self.find(
            condition.unknown,
            subject.true,
            self.model.in_time[rule.index],
            neg(known.unknown),
            self.x.same(self.y, unread),
            ask,
            both=True,
            free=condition.keys,
        )
        if found is None:
            return
        witness = self.witness(found)
        other = self.witness(found, self.y)
        if witness.decision.allowed or not other.decision.allowed:
            return
        yield Finding(
            "unknown-permits",
            (rule,),
            Text("lint.unknown_permits", rule=f"`{rule.id}`"),
            Text("lint.unknown_permits.hint", rule=rule.id),
            witness,
            (other,),
        )


def _decides_alike(other: CompiledRule, witness: Witness) -> bool:
    """Whether `other` is among the rules deciding the witness's outcome, with that effect."""
    decision = witness.decision
    if other.id not in reasons(decision):
        return False
    return decision.allowed or _denies_at(other, decision.location)


def _denies_at(rule: CompiledRule, location: int) -> bool:
    """Whether a rule that applies denies a shift at a location."""
    matches = bool(location & rule.locations)
    if rule.kind == MUST_NOT:
        return matches
    return rule.kind == MUST and not matches


def _incompatible(first: CompiledRule, second: CompiledRule) -> bool:
    """Two rules that, both applying, leave no location (neither alone does)."""
    alone = [all(_denies_at(r, loc) for loc in LOCATIONS) for r in (first, second)]
    if any(alone):
        return False
    return all(_denies_at(first, loc) or _denies_at(second, loc) for loc in LOCATIONS)


def _effects(rule: CompiledRule) -> set[str]:
    """What a rule can decide: `deny`, `permit`, or both (a `must` with a place)."""
    found = set()
    if rule.kind == MAY or (rule.kind == MUST and rule.names_location):
        found.add("permit")
    if any(_denies_at(rule, loc) for loc in LOCATIONS):
        found.add("deny")
    return found


def _places(rule: CompiledRule, effect: str) -> set[int]:
    if effect == "deny":
        return {loc for loc in LOCATIONS if _denies_at(rule, loc)}
    return {loc for loc in LOCATIONS if loc & rule.locations}
