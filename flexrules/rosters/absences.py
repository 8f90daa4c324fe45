"""Absences given with a schedule, read once into what the checks use (DATA.md §3).

An absence is a whole day, a range of days, or part of one local day, with an optional kind
(`cuti tahunan`, `izin`, ...). Whole days work as leave always has: no limit, presence rule or
hour minimum counts them. Part of a day excuses core hours inside its span, meets a start
window when it starts inside it, lowers the day's hour minimums by its hours, and a shift that
overlaps it is flagged (it still counts as worked).

A policy may declare its kinds (`absence kinds: ... "dinas luar" as work.`): then an absence of
another kind is an `InputError` with a did-you-mean, and one of a kind `as work` (official
travel) is working time away from the office: its hours count as worked for hour minimums
(instead of lowering them), a shift that meets it is not flagged, and a whole day of it is
never a remote day; for staffing the person is away.
"""

from __future__ import annotations

import datetime as dt
import difflib
import zoneinfo
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ..clock.calendar import DAY
from ..clock.intervals import Intervals, normalise
from ..core.errors import InputError
from ..core.messages import Text
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
    #: of a kind the policy declares `as work`: its hours count as worked
    work: bool = False

    @property
    def day(self) -> int:
        return self.start // DAY


@attrs.frozen
class Absences:
    """A schedule's absences: whole days (ordinals) with their kinds, and parts of days."""

    days: frozenset[int] = frozenset()
    kinds: Mapping[int, str | None] = attrs.field(factory=dict)
    parts: tuple[PartOfDay, ...] = ()
    #: the whole days of a kind declared `as work` (a subset of `days`)
    work_days: frozenset[int] = frozenset()

    def part_spans(self, day: int) -> Intervals:
        """The union of a day's part-day absences that are not work, in local seconds: what
        lowers the day's hour minimums."""
        return normalise((p.start, p.end) for p in self.parts if p.day == day and not p.work)

    def part_hours(self, day: int) -> int:
        """Seconds of a day covered by its part-day absences that are not work (overlaps
        counted once): what its hour minimums drop by."""
        return length(self.part_spans(day))

    def work_spans(self, day: int) -> Intervals:
        """The union of a day's part-day absences of a kind `as work`, in local seconds: hours
        that count as worked."""
        return normalise((p.start, p.end) for p in self.parts if p.day == day and p.work)

    @property
    def all_spans(self) -> Intervals:
        return normalise((p.start, p.end) for p in self.parts)

    @property
    def away_spans(self) -> Intervals:
        """Where the person is away for staffing: every part-day absence, and each whole day
        of work away (`as work`), even where a shift is recorded on it."""
        whole = ((day * DAY, (day + 1) * DAY) for day in self.work_days)
        return normalise((*((p.start, p.end) for p in self.parts), *whole))


def read_absences(
    values: Iterable[Any],
    zone: zoneinfo.ZoneInfo,
    name: str,
    declared: Mapping[str, bool] | None = None,
) -> Absences:
    """The absences given with a schedule: dates or ISO date text (a whole day), `Absence`
    objects, or mappings with `start` and `end` (or `date`) and optionally `kind`. Anything
    else is an `InputError` naming the field `name`. `declared` is the policy's kinds (each
    with whether it counts as work), None when it declares none: any kind is taken then."""
    days: set[int] = set()
    kinds: dict[int, str | None] = {}
    parts: list[PartOfDay] = []
    work_days: set[int] = set()
    for value in values:
        start, end, kind = _parts_of(value, name)
        if kind is not None and not isinstance(kind, str):
            raise InputError(
                f"{name}.kind", kind, Text("input.absence.kind_not_text", value=quoted(kind))
            )
        work = kind_is_work(kind, declared, f"{name}.kind")
        first = _day(start)
        if first is not None:
            last = first if end is None else _day(end)
            if last is None:
                raise InputError(f"{name}.end", end, Text("input.date.not_date", value=quoted(end)))
            if last < first:
                raise InputError(f"{name}.end", end, Text("input.absence.backwards"))
            if last - first >= MAX_ABSENCE_DAYS:
                raise InputError(
                    f"{name}.end", end, Text("input.absence.too_long", days=MAX_ABSENCE_DAYS)
                )
            for day in range(first, last + 1):
                days.add(day)
                kinds[day] = kind
                if work:
                    work_days.add(day)
                else:
                    work_days.discard(day)  # the last absence given for a day says its kind
            continue
        part = _part(start, end, kind, zone, name)
        parts.append(attrs.evolve(part, work=True) if work else part)
    return Absences(
        frozenset(days),
        kinds,
        tuple(sorted(parts, key=lambda p: p.start)),
        frozenset(work_days),
    )


def kind_is_work(kind: str | None, declared: Mapping[str, bool] | None, field: str) -> bool:
    """Whether an absence of `kind` counts as work; a kind the policy does not declare, where
    it declares kinds, is an `InputError` with the closest declared kind (DATA.md §3)."""
    if kind is None or declared is None:
        return False
    found = declared.get(kind)
    if found is not None:
        return found
    close = difflib.get_close_matches(kind, list(declared), n=1, cutoff=0.6)
    if not close:  # a slip of case or spaces: `Dinas Luar`, `dinas  luar`
        folded = {" ".join(k.split()).casefold(): k for k in declared}
        close = [folded[key]] if (key := " ".join(kind.split()).casefold()) in folded else []
    listed = ", ".join(quoted(k) for k in declared)
    hint = (
        Text("file.kind_close", name=quoted(close[0]))
        if close
        else Text("file.declared_kinds", kinds=listed)
    )
    raise InputError(
        field, kind, Text("file.undeclared_kind", value=quoted(kind), close=hint, hint="")
    )


def _parts_of(value: Any, name: str) -> tuple[Any, Any, Any]:
    if isinstance(value, Absence):
        return value.start, value.end, value.kind
    if isinstance(value, Mapping):
        start = value.get("start", value.get("date"))
        if start is None:
            raise InputError(name, value, Text("input.absence.no_start"))
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
        raise InputError(name, start, Text("input.absence.not_date_or_part", value=quoted(start)))
    low = local_seconds(parse_time(start, f"{name}.start"), zone)
    high = local_seconds(parse_time(end, f"{name}.end"), zone)
    if high <= low:
        raise InputError(f"{name}.end", end, Text("input.absence.part_backwards"))
    if (high - 1) // DAY != low // DAY:
        raise InputError(f"{name}.end", end, Text("input.absence.part_across_days"))
    return PartOfDay(low, high, kind)
