"""`diff(old, new)`: what a policy change does, on the classes lint uses (docs/lint.md).

Both policies are put to the solver over the same classes: the attributes of both by name,
each with the constants of both; the same day classes (a date stands for a class when both
policies see its days alike); and each day cut at the boundaries of both. NEW is equivalent to
OLD when no employee, shift and place is decided differently; more permissive when some are
allowed only by NEW; less permissive when some are allowed only by OLD; neither when both
happen. Each kind of change has one witness employee and shift, decided by both policies.
"""

from __future__ import annotations

import datetime as dt
import itertools
from bisect import bisect_right
from typing import Any

import attrs

from ..core.messages import Text
from ..policy import Policy
from .classes import DayClass, Piece, day_classes, default_horizon, slot_classes
from .lint import decider_of
from .model import LOCATIONS, Facts, Model, new_solver, require_solver, smallest, solve, value
from .witness import Witness, decided, records

try:  # the optional extra; `model.require_solver` says how to install it
    import z3
except ImportError:  # pragma: no cover
    z3 = None

VERDICTS = {
    (False, False): "equivalent",
    (True, False): "more permissive",
    (False, True): "less permissive",
    (True, True): "neither",
}
_VERDICT_TEXTS = {
    "equivalent": "diff.equivalent",
    "more permissive": "diff.more",
    "less permissive": "diff.less",
    "neither": "diff.neither",
}


@attrs.frozen(eq=False)
class Change:
    """One employee and shift that the two policies decide differently: as OLD and NEW
    decide them."""

    old: Witness
    new: Witness

    def to_dict(self, language: str = "en") -> dict[str, Any]:
        return {
            "employee": self.new.employee,
            "shift": self.new.shift,
            "old": self.old.decision.to_dict(policy=False, language=language),
            "new": self.new.decision.to_dict(policy=False, language=language),
        }


@attrs.frozen(eq=False)
class DiffReport:
    """Whether NEW is equivalent to OLD, more or less permissive, or neither, with a witness
    of what it gains (allowed only by NEW) and what it loses (allowed only by OLD)."""

    old: Policy
    new: Policy
    gains: Change | None
    losses: Change | None
    horizon: tuple[dt.date, dt.date]

    @property
    def verdict(self) -> str:
        return VERDICTS[(self.gains is not None, self.losses is not None)]

    @property
    def verdict_text(self) -> Text:
        return Text(_VERDICT_TEXTS[self.verdict])

    @property
    def equivalent(self) -> bool:
        return self.gains is None and self.losses is None


def joint_pieces(
    old_days: tuple[DayClass, ...], new_days: tuple[DayClass, ...]
) -> tuple[list[Piece], list[Piece]]:
    """Each day class cut at the boundaries of both plans: the same pieces, numbered alike,
    each with the rules of its own policy whose TIME holds there."""
    old: list[Piece] = []
    new: list[Piece] = []
    for first, second in zip(old_days, new_days, strict=True):
        bounds = sorted(set(first.bounds) | set(second.bounds))
        for low, high in itertools.pairwise(bounds):
            index = len(old)
            old.append(Piece(index, first, 0, low, high, _mask_at(first, low)))
            new.append(Piece(index, second, 0, low, high, _mask_at(second, low)))
    return old, new


def _mask_at(day: DayClass, at: int) -> int:
    return day.masks[bisect_right(day.bounds, at) - 1]


def diff(old: Policy, new: Policy, horizon: tuple[dt.date, dt.date] | None = None) -> DiffReport:
    """What changes from `old` to `new` over the horizon (by default NEW's, as lint's)."""
    require_solver()
    deciders = [decider_of(old), decider_of(new)]
    chosen = horizon or default_horizon(deciders[1])
    classes = slot_classes(deciders)
    old_days, new_days = day_classes(deciders, classes, chosen)
    old_pieces, new_pieces = joint_pieces(old_days, new_days)
    piece, day = z3.Int("piece"), z3.Int("day")
    before = Model(deciders[0], classes, old_days, old_pieces, piece, day)
    after = Model(deciders[1], classes, new_days, new_pieces, piece, day)
    facts = Facts(classes, "x")
    location = z3.Int("location")
    solver = new_solver()
    solver.add(*after.constraints(), *facts.domain, z3.Or(*(location == loc for loc in LOCATIONS)))
    order = [piece, location, *facts.vars.values()]

    def change(gained: bool) -> Change | None:
        def there(loc: int) -> Any:
            was, now = before.outcome(facts, loc).allowed, after.outcome(facts, loc).allowed
            return z3.And(now, z3.Not(was)) if gained else z3.And(was, z3.Not(now))

        ask = z3.Or(*(z3.And(location == loc, there(loc)) for loc in LOCATIONS))
        if solve(solver, ask) is None:
            return None
        found = smallest(solver, (ask,), order)
        where = new_pieces[value(found, piece)]
        employee, shift = records(found, classes, facts, where, value(found, location))
        witness = Change(
            decided(deciders[0], employee, shift), decided(deciders[1], employee, shift)
        )
        if witness.new.decision.allowed is not gained or witness.old.decision.allowed is gained:
            return None  # the engine disagrees: say nothing
        return witness

    return DiffReport(old, new, change(True), change(False), chosen)
