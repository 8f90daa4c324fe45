"""Witnesses: a solver's model turned into a real employee and a real shift, decided.

A witness is what a person could type into `flexrules decide`: an employee record holding the
attributes the rules read (an unknown one left out), and a shift on a real date of the horizon
covering one stretch of the day, at one location. The engine decides it while linting; a
finding is reported only when that decision shows what the finding says.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ..clock.calendar import DAY
from ..engine.compile import CompiledRule
from ..engine.decision import Decision
from ..engine.runtime import Decider
from ..language import ast
from .classes import Classes, Piece
from .model import LOCATION_NAMES, Facts, value

WITNESS_ID = "witness"


@attrs.frozen(eq=False)
class Witness:
    """An employee and a shift as given, and the engine's decision of them."""

    employee: dict[str, Any]
    shift: dict[str, Any]
    decision: Decision

    def to_dict(self, language: str | None = None) -> dict[str, Any]:
        return {
            "employee": self.employee,
            "shift": self.shift,
            "decision": self.decision.to_dict(policy=False, language=language),
        }


def local_text(seconds: int) -> str:
    """Local seconds as naive ISO time to the minute (`2025-07-07T08:00`)."""
    moment = dt.datetime(1, 1, 1) + dt.timedelta(seconds=seconds - DAY)
    return moment.isoformat(timespec="minutes")


def records(
    model: Any, classes: Classes, facts: Facts, piece: Piece, location: int
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The employee and the shift a model names, as JSON-ready records."""
    employee: dict[str, Any] = {"id": WITNESS_ID}
    start, end = piece.seconds()
    shift: dict[str, Any] = {
        "start": local_text(start),
        "end": local_text(end),
        "location": LOCATION_NAMES[location],
    }
    for key, found in classes.items():
        given = found.given(piece.day.ordinal, value(model, facts.vars[key]))
        if given is None:
            continue
        if isinstance(given, dt.date):
            given = given.isoformat()
        (employee if found.owner is ast.Owner.EMPLOYEE else shift)[found.name] = given
    return employee, shift


def decided(decider: Decider, employee: dict[str, Any], shift: dict[str, Any]) -> Witness:
    return Witness(employee, shift, decider.decide(employee, shift))


def at(witness: Witness, location: int) -> dict[str, Any]:
    """The witness's shift at another location."""
    return {**witness.shift, "location": LOCATION_NAMES[location]}


def reasons(decision: Decision) -> set[str | None]:
    """The ids of the rules behind a decision (None for the default)."""
    return {reason.rule for reason in decision.reasons}


def applying(decider: Decider, decision: Decision) -> int:
    """The rules that apply (their truth true) on every piece of a decided shift."""
    found = -1
    for _, _, _, bits in decider.pieces(decision):
        found &= bits
    return found if found != -1 else 0


def may_apply(decider: Decider, decision: Decision, rule: CompiledRule) -> bool:
    """Whether a rule applies, or may apply (an unknown fact), somewhere in the shift."""
    bits = decision.rule_bits
    if not (bits.applies | bits.maybe) & rule.bit:
        return False
    day = decision.start_seconds // DAY
    plan = decider.plan(day)
    low = decision.start_seconds - day * DAY
    high = decision.end_seconds - day * DAY
    return any(
        mask & rule.bit
        for index, mask in enumerate(plan.masks)
        if plan.bounds[index] < high and plan.bounds[index + 1] > low
    )
