"""Periods of limits (day, working day, week, month), and the days, dates and numbers reports
name them with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from ..clock.calendar import WORKING_DAY
from ..clock.intervals import Intervals
from ..core.errors import InputError
from ..core.messages import Month, Text, Thousands, Week, shown
from ..engine.facts import UNKNOWN, quoted
from ..engine.values import as_date
from ..language import ast

#: an activity's locations (a bit set), in the words violations use
ACTIVITY_WORDS = {
    1: Text("activity.on_site"),
    2: Text("activity.home"),
    4: Text("activity.anywhere"),
    6: Text("activity.remote"),
    7: Text("activity.work"),
}


def period_of(unit: ast.PeriodUnit, day: int, calendar_bits: int) -> tuple[int, int] | None:
    """The first and last day (ordinals) of the period holding `day`; None when no period does
    (a day that is not a working day, for `per working day`)."""
    if unit is ast.PeriodUnit.DAY:
        return day, day
    if unit is ast.PeriodUnit.WORKING_DAY:
        return (day, day) if calendar_bits & WORKING_DAY else None
    date = dt.date.fromordinal(day)
    if unit is ast.PeriodUnit.WEEK:
        monday = day - date.weekday()
        return monday, monday + 6
    first = dt.date(date.year, date.month, 1).toordinal()
    following = dt.date(date.year + date.month // 12, date.month % 12 + 1, 1).toordinal()
    return first, following - 1


def period_label(unit: ast.PeriodUnit, first: int) -> Text:
    """A period as people read it after a count: `on Mon 2025-07-07`, `in week 7-13 Jul 2025`,
    `in July 2025`."""
    date = dt.date.fromordinal(first)
    if unit in (ast.PeriodUnit.DAY, ast.PeriodUnit.WORKING_DAY):
        return Text("period.day", day=date)
    if unit is ast.PeriodUnit.WEEK:
        return Text("period.week", week=Week(date))
    return Text("period.month", month=Month(date))


def period_iso(unit: ast.PeriodUnit, first: int) -> str:
    """A period as ISO 8601 names it: `2025-07-07`, `2025-W28`, `2025-07`."""
    date = dt.date.fromordinal(first)
    if unit is ast.PeriodUnit.WEEK:
        year, week, _ = date.isocalendar()
        return f"{year}-W{week:02d}"
    if unit is ast.PeriodUnit.MONTH:
        return f"{date:%Y-%m}"
    return date.isoformat()


def day_label(day: int) -> str:
    """`Mon 2025-07-07`."""
    return shown(dt.date.fromordinal(day))


def length(intervals: Intervals) -> int:
    return sum(end - start for start, end in intervals)


def day_ordinals(values: Iterable[Any], name: str) -> set[int]:
    """Leave days given as dates or ISO text, as ordinals; anything else is an `InputError`."""
    days: set[int] = set()
    for value in values:
        date = as_date(value)
        if date is UNKNOWN:
            raise InputError(name, value, Text("input.date.not_date", value=quoted(value)))
        days.add(date.toordinal())
    return days


#: the longest period a schedule or roster is checked over, in days, unless the call raises it
#: (`max_period_days`): the work of `at least` limits, staffing and shares grows with the days
#: checked, so a period of a thousand years would run for hours (docs/security.md)
MAX_PERIOD_DAYS = 731


def period_limit(max_period_days: int | None) -> int:
    """The limit a call asked for, or the default; a whole number of days, at least 1."""
    limit = MAX_PERIOD_DAYS if max_period_days is None else max_period_days
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise TypeError(f"max_period_days is a whole number of days, not {limit!r}")
    return limit


def within_limit(days: tuple[int, int], limit: int, what: Text, value: Any) -> tuple[int, int]:
    """`days` (first and last ordinals), or an `InputError` when they span more than `limit`."""
    span = days[1] - days[0] + 1
    if span > limit:
        raise InputError(
            "period",
            value,
            Text("input.period.too_long", what=what, span=Thousands(span), limit=Thousands(limit)),
        )
    return days


def checked_period(period: Any, limit: int | None = None) -> tuple[int, int] | None:
    """A (first day, last day) pair as ordinals, checked, spanning at most `limit` days."""
    if period is None:
        return None
    try:
        first, last = period
    except (TypeError, ValueError):
        raise InputError("period", period, Text("input.period.not_pair")) from None
    low = as_date(first)
    high = as_date(last)
    if low is UNKNOWN or high is UNKNOWN:
        raise InputError("period", period, Text("input.period.not_dates"))
    if high < low:
        raise InputError("period", period, Text("input.period.backwards"))
    days = (low.toordinal(), high.toordinal())
    return within_limit(days, period_limit(limit), Text("input.period.spans"), period)
