"""Absences given with a schedule, read once into what the checks use (DATA.md §3).

An absence is a whole day, a range of days, or part of one local day, with an optional kind
(`cuti tahunan`, `izin`, ...). Whole days work as leave always has: no limit, presence rule or
hour minimum counts them. Part of a day excuses core hours inside its span, meets a start
window when it starts inside it, lowers the day's hour minimums by its hours, and a shift that
overlaps it is flagged (it still counts as worked).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ..clock.calendar import DAY
from ..clock.intervals import Intervals, normalise
from ..core.errors import InputError
from ..engine.facts import UNKNOWN, local_seconds, parse_time, quoted
from ..engine.values import as_date
from .periods import length

#: the most days one absence may span (a year and a day): a typo such as 2205 for 2025 must
#: not make millions of days of leave
MAX_ABSENCE_DAYS = 366


@attrs.frozen
class Absence:
    """An absence: `start` and `end` are dates (both included: a whole day or a range of
    days) or date-times on the same local day (part of that day); `kind` names it as the
    agency does (`"izin"`, `"sakit"`), carried to reports."""

    start: Any
    end: Any = None
    kind: str | None = None


@attrs.frozen
class PartOfDay:
    """A part-day absence as the checks use it: local seconds (`day * DAY + seconds`)."""

    start: int
    end: int
    kind: str | None

    @property
    def day(self) -> int:
        return self.start // DAY


@attrs.frozen
class Absences:
    """A schedule's absences: whole days (ordinals) with their kinds, and parts of days."""

    days: frozenset[int] = frozenset()
    kinds: Mapping[int, str | None] = attrs.field(factory=dict)
    parts: tuple[PartOfDay, ...] = ()

    def part_spans(self, day: int) -> Intervals:
        """The union of a day's part-day absences, in local seconds."""
        return normalise((p.start, p.end) for p in self.parts if p.day == day)

    def part_hours(self, day: int) -> int:
        """Seconds of a day covered by its part-day absences (overlaps counted once)."""
        return length(self.part_spans(day))

    @property
    def all_spans(self) -> Intervals:
        return normalise((p.start, p.end) for p in self.parts)


def read_absences(values: Iterable[Any], zone: zoneinfo.ZoneInfo, name: str) -> Absences:
    """The absences given with a schedule: dates or ISO date text (a whole day), `Absence`
    objects, or mappings with `start` and `end` (or `date`) and optionally `kind`. Anything
    else is an `InputError` naming the field `name`."""
    days: set[int] = set()
    kinds: dict[int, str | None] = {}
    parts: list[PartOfDay] = []
    for value in values:
        start, end, kind = _parts_of(value, name)
        if kind is not None and not isinstance(kind, str):
            raise InputError(f"{name}.kind", kind, f"{quoted(kind)} is not a kind of absence")
        first = _day(start)
        if first is not None:
            last = first if end is None else _day(end)
            if last is None:
                raise InputError(
                    f"{name}.end", end, f"{quoted(end)} is not a date such as 2025-07-07"
                )
            if last < first:
                raise InputError(f"{name}.end", end, "the absence ends before it starts")
            if last - first >= MAX_ABSENCE_DAYS:
                raise InputError(
                    f"{name}.end",
                    end,
                    f"an absence spans at most {MAX_ABSENCE_DAYS} days; give longer ones in parts",
                )
            for day in range(first, last + 1):
                days.add(day)
                kinds[day] = kind
            continue
        parts.append(_part(start, end, kind, zone, name))
    return Absences(frozenset(days), kinds, tuple(sorted(parts, key=lambda p: p.start)))


def _parts_of(value: Any, name: str) -> tuple[Any, Any, Any]:
    if isinstance(value, Absence):
        return value.start, value.end, value.kind
    if isinstance(value, Mapping):
        start = value.get("start", value.get("date"))
        if start is None:
            raise InputError(name, value, "an absence needs a `start` (or a `date`)")
        return start, value.get("end"), value.get("kind")
    return value, None, None


def _day(value: Any) -> int | None:
    """A whole date (a `date` or ISO date text) as an ordinal; None for anything else."""
    if isinstance(value, dt.datetime):
        return None
    date = as_date(value)
    return None if date is UNKNOWN else date.toordinal()


def _part(start: Any, end: Any, kind: str | None, zone: zoneinfo.ZoneInfo, name: str) -> PartOfDay:
    """Part of one local day, both ends date-times (naive: local wall time in `zone`)."""
    if end is None:
        raise InputError(
            name,
            start,
            f"{quoted(start)} is not a date such as 2025-07-07, nor a start with an end",
        )
    low = local_seconds(parse_time(start, f"{name}.start"), zone)
    high = local_seconds(parse_time(end, f"{name}.end"), zone)
    if high <= low:
        raise InputError(f"{name}.end", end, "the absence ends when or before it starts")
    if (high - 1) // DAY != low // DAY:
        raise InputError(
            f"{name}.end",
            end,
            "part of a day ends on the day it starts; give whole days as dates",
        )
    return PartOfDay(low, high, kind)
