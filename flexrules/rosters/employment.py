"""Shifts outside an employee's employment (DATA.md §2): flagged with a warning on the report.

Days before the first `valid from` or after the last `valid until` of an employee's rows (or
outside `Employee.employed_from` / `employed_until`) count for no limit, presence rule,
staffing count or share; a shift that touches one is named, so the roster's reader can see
that the data and the roster disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..clock.calendar import DAY
from ..core.messages import Text
from ..engine.changes import Timeline
from ..engine.decision import Decision
from ..engine.notices import DecisionWarning


def outside_employment(
    timeline: Timeline | None, decisions: Sequence[Decision], ident: str | None
) -> tuple[DecisionWarning, ...]:
    """An `outside-employment` warning for each shift with a piece on a day outside the
    employee's employment."""
    if timeline is None or (
        timeline.first is None and timeline.last is None and all(timeline.flags)
    ):
        return ()
    found = []
    for decision in decisions:
        days = range(decision.start_seconds // DAY, (decision.end_seconds - 1) // DAY + 1)
        outside = [day for day in days if not timeline.employed(day)]
        if outside:
            text = Text(
                "warning.outside_employment",
                who=ident or "",
                day=dt.date.fromordinal(outside[0]),
            )
            found.append(DecisionWarning("outside-employment", text.render("en"), None, None, text))
    return tuple(found)
