"""One employee's decided shifts, cut into pieces, with what limits and presence rules read of
them: shared by `rosters.limits` and `rosters.presence`."""

from __future__ import annotations

import zoneinfo

from ..clock.calendar import Calendar
from ..engine.decision import Decision
from ..engine.facts import Values

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
    ) -> None:
        self.calendar = calendar
        self.decisions = decisions
        self.pieces = pieces
        self.employee_facts = employee_facts
        self.bounds = bounds
        self.absent = absent
        self.zone = zone
        self.ident = ident
