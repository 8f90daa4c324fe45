"""How many people a staffing rule found present through its TIME, day by day: what the
roster check worked out anyway, kept so a page can draw it (`RosterReport.coverage`).

The counts come from the same stretches the staffing check cuts (`rosters.staffing`); nothing
here decides whether anyone is present or needed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import attrs

from ..clock.calendar import DAY
from ..core.messages import Text

HOUR = 3600

#: a stretch of one day with the same number present: (start, end, present), in seconds from
#: the day's midnight (a stretch past midnight runs on past 86400)
Stretch = tuple[int, int, int]


@attrs.frozen(eq=False)
class CoverageLine:
    """One staffing rule for one group (its `in each` value, or None): for each day checked,
    the stretches of the rule's TIME with how many members were present."""

    rule: str
    group: Any
    #: how many the rule needs present at every moment of its TIME
    needed: Fraction | int
    #: where they must be, in words (`on-site work`)
    activity: Text
    #: everyone who was a member of the rule's group on some day checked
    members: tuple[str, ...]
    #: day (a date) -> its stretches in time order; a day the TIME does not touch is absent
    days: Mapping[dt.date, tuple[Stretch, ...]]

    def by_hour(self, day: dt.date) -> tuple[tuple[int, int], ...]:
        """(hour, fewest present in it) for each clock hour the rule's TIME touches on `day`;
        an hour past midnight counts on (24, 25...)."""
        least: dict[int, int] = {}
        for start, end, present in self.days.get(day, ()):
            for hour in range(start // HOUR, (end - 1) // HOUR + 1):
                least[hour] = min(present, least.get(hour, present))
        return tuple(sorted(least.items()))

    def short(self, day: dt.date) -> bool:
        """Whether fewer than needed were present at some moment of `day`."""
        return any(present < self.needed for _, _, present in self.days.get(day, ()))


def clock_hour(hour: int) -> int:
    """An hour past midnight (24, 25...) as the clock shows it (0, 1...)."""
    return hour % (DAY // HOUR)
