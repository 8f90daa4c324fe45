"""What staffing and share rules read of each employee: their typed facts, by day where they
change during the roster (DATA.md §2).

An employee whose facts never change is one tuple of typed values, as before; one with
`changes` or bounded employment is a `Changing`: the typed values of each stretch of days, and
none outside the employment. Both are plain values, so a roster split across processes
(`flexrules.dask`) adds its parts together as before.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from typing import Any

import attrs

from ..engine.changes import timeline_of
from ..engine.facts import Values
from ..engine.runtime import Decider


@attrs.frozen
class Changing:
    """An employee's typed facts by local day: `values[i]` from day `starts[i - 1]` on (the
    first before `starts[0]`), None outside the employment."""

    starts: tuple[int, ...]
    values: tuple[Values | None, ...]
    first: int | None = None
    last: int | None = None

    def on(self, day: int) -> Values | None:
        """The facts in force on a day, or None outside the employment."""
        if (self.first is not None and day < self.first) or (
            self.last is not None and day > self.last
        ):
            return None
        return self.values[bisect_right(self.starts, day)]


#: an employee's facts for staffing and shares: one tuple, or by day
Facts = Values | Changing


def facts_of(decider: Decider, employee: Any) -> Facts:
    """The employee's typed facts, by day if they change."""
    timeline = timeline_of(employee)
    if timeline is None:
        return decider.employee_values(employee)
    values = tuple(
        decider.employee_values(view) if flag else None
        for view, flag in zip(timeline.views, timeline.flags, strict=True)
    )
    return Changing(timeline.starts, values, timeline.first, timeline.last)


def every_value(facts: Mapping[str, Facts]) -> list[Values]:
    """Every set of typed facts the roster holds, on any day."""
    found: list[Values] = []
    for entry in facts.values():
        if isinstance(entry, Changing):
            found.extend(v for v in entry.values if v is not None)
        else:
            found.append(entry)
    return found


def latest(entry: Facts) -> Values:
    """An employee's facts as reports name them: the last set in the timeline (the first is
    always set: it is the employee's own attributes)."""
    if not isinstance(entry, Changing):
        return entry
    return next(v for v in reversed(entry.values) if v is not None)


class ByDay:
    """A roster's facts (`Facts` by employee id), read by day: each day's are worked out once;
    a roster where nobody changes gives its one mapping for every day."""

    def __init__(self, facts: Mapping[str, Facts]) -> None:
        self.facts = facts
        self.changing = any(isinstance(entry, Changing) for entry in facts.values())
        self._days: dict[int, Mapping[str, Values]] = {}

    def on(self, day: int) -> Mapping[str, Values]:
        """Each employee's facts on a day, leaving out those outside their employment."""
        if not self.changing:
            return self.facts  # type: ignore[return-value]  # every entry is a tuple
        found = self._days.get(day)
        if found is None:
            found = self._days[day] = {
                ident: value
                for ident, entry in self.facts.items()
                if (value := entry.on(day) if isinstance(entry, Changing) else entry) is not None
            }
        return found
