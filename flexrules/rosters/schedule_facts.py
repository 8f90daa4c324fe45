"""One employee's decided shifts, cut into pieces, with what limits and presence rules read of
them: shared by `rosters.limits` and `rosters.presence`."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

from ..clock.calendar import Calendar
from ..core.messages import Listing, Text
from ..engine.changes import Timeline
from ..engine.conditions import RelativeDate, Slot, T, Witness
from ..engine.decision import Decision, fact_words
from ..engine.facts import UNKNOWN, Values
from ..engine.values import problem_text
from ..language import ast
from .absences import Absences

#: a piece of a decided shift: (start, end, local day, rules that apply there)
Piece = tuple[int, int, int, int]


class ScheduleFacts:
    """One employee's decided shifts, with what limits and presence rules read of them."""

    def __init__(
        self,
        calendar: Calendar,
        decisions: list[Decision],
        pieces: list[list[Piece]],
        employee_facts: Values,
        bounds: tuple[int, int] | None,
        absent: set[int],
        zone: zoneinfo.ZoneInfo,
        ident: str | None,
        given: dict[int, Any] | None = None,
        slots: tuple[Slot, ...] = (),
        *,
        language: str = "en",
        away: Absences | None = None,
        changing: tuple[Timeline, list[tuple[Values, dict[int, Any] | None]]] | None = None,
        in_force: tuple[int, int] | None = None,
    ) -> None:
        self.calendar = calendar
        self.decisions = decisions
        self.pieces = pieces
        self.employee_facts = employee_facts
        #: the values given for the employee's unusable facts, by slot index, and the slots
        self.given = given or {}
        self.slots = slots
        self.bounds = bounds
        self.absent = absent
        self.zone = zone
        self.ident = ident
        #: the policy's language, which violations' `message` is in
        self.language = language
        #: the absences given, whole days (also in `absent`) and parts of days
        self.away = away if away is not None else Absences()
        #: for an employee whose facts change (`engine.changes`): their timeline, and the
        #: typed facts (with the values given for unusable ones) of each of its views
        self.changing = changing
        #: the days (ordinals, inclusive) the policy is in force when it is one version of a
        #: set (DATA.md §5), else None: every day
        self.in_force = in_force

    def facts_on(self, day: int) -> Values:
        """The employee's typed facts on a local day (those in force that day)."""
        if self.changing is None:
            return self.employee_facts
        timeline, read = self.changing
        return read[timeline.index(day)][0]

    def given_on(self, day: int) -> dict[int, Any]:
        """The values given for the employee's unusable facts on a local day, by slot index."""
        if self.changing is None:
            return self.given
        timeline, read = self.changing
        return read[timeline.index(day)][1] or {}

    def employed(self, day: int) -> bool:
        """Whether a local day is inside the employee's employment (DATA.md §2): days
        outside it count for no limit, presence rule, staffing or share."""
        return self.changing is None or self.changing[0].employed(day)

    def employed_through(self, first: int, last: int) -> bool:
        """Whether every day from `first` to `last` is inside the employment."""
        return self.changing is None or self.changing[0].employed_through(first, last)

    def in_force_on(self, day: int) -> bool:
        """Whether the policy is in force on a local day (always, for a policy on its own)."""
        return self.in_force is None or self.in_force[0] <= day <= self.in_force[1]

    def binding(
        self,
        witness: Witness,
        relative: tuple[RelativeDate, ...],
        shift_slots: int,
        day: int,
    ) -> Text | str:
        """Why a rule binds the employee on `day`, from its witness (`conditions.Compiled`),
        worded as decisions word it (`engine.decision.fact_words`): `; it applies because on
        probation is no`, or, when an unknown fact makes it bind, `; it applies because
        unknown facts count against it: special is missing`. Empty when no fact of the
        employee's decides it."""
        truth, decisive = witness(self.facts_on(day), (UNKNOWN,) * shift_slots, day)
        mine = [slot for slot in self.slots if slot in decisive]
        if not mine:
            return ""
        date = dt.date.fromordinal(day)
        words = Listing([self._fact_words(slot, relative, date, day) for slot in mine], "; ")
        return Text("rule.binds" if truth == T else "rule.binds.unknown", facts=words)

    def _fact_words(
        self, slot: Slot, relative: tuple[RelativeDate, ...], day: dt.date, ordinal: int
    ) -> Text:
        value = self.facts_on(ordinal)[slot.index]
        type_ = slot.decl.type
        if value is UNKNOWN:
            given = self.given_on(ordinal).get(slot.index)
            issue = problem_text(given, type_) or Text("problem.unknown")
            return Text("fact.problem", name=slot.name, problem=issue)
        if isinstance(type_, ast.RankedType):
            value = type_.values[value].value
        return fact_words(slot, value, relative, day)
