"""The calendar of a policy: working days, holidays and cuti bersama, days of week, time zones.

Each local day is summarised once as a small bit set (its weekday, whether it is a holiday of
each kind, whether it is a working day), so a set of DAYS compiles to a bit mask and a day
matches it with one `&`.
"""

from __future__ import annotations

import datetime as dt
import threading
import zoneinfo
from collections.abc import Iterable
from functools import lru_cache

import holidays as holidays_package

from ..language import ast

ZONE_ALIASES = {"wib": "Asia/Jakarta", "wita": "Asia/Makassar", "wit": "Asia/Jayapura"}

# Bits of a day's summary.
WEEKDAY_BITS = tuple(1 << i for i in range(7))  # Monday = bit 0
HOLIDAY = 1 << 7  # any holiday the policy declares
PUBLIC_HOLIDAY = 1 << 8  # Indonesia's national public holidays
JOINT_HOLIDAY = 1 << 9  # cuti bersama
WORKING_DAY = 1 << 10  # a declared working day that is not a declared holiday
ALL_DAYS = (1 << 11) - 1

MIN_YEAR, MAX_YEAR = 1950, 2100


@lru_cache(maxsize=64)
def zone(name: str) -> zoneinfo.ZoneInfo:
    """An IANA zone or one of the Indonesian aliases WIB, WITA, WIT (any case)."""
    return zoneinfo.ZoneInfo(ZONE_ALIASES.get(name.casefold(), name))


def canonical_zone_name(name: str) -> str:
    return ZONE_ALIASES.get(name.casefold(), name)


@lru_cache(maxsize=512)
def national_holidays(year: int) -> frozenset[dt.date]:
    """Indonesia's public holidays for a year, from the `holidays` package."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return frozenset()
    return frozenset(holidays_package.country_holidays("ID", years=year))


@lru_cache(maxsize=512)
def joint_holidays(year: int) -> frozenset[dt.date]:
    """Indonesia's cuti bersama days for a year (the package's `government` category)."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return frozenset()
    return frozenset(
        holidays_package.country_holidays("ID", years=year, categories=("government",))
    )


def holiday_name(day: dt.date) -> str | None:
    """The national name of a public holiday or cuti bersama day, for explanations."""
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        return None
    for categories in (("public",), ("government",)):
        name = holidays_package.country_holidays("ID", years=day.year, categories=categories).get(
            day
        )
        if name:
            return str(name)
    return None


class Calendar:
    """A policy's days: which are working days and which are holidays of each kind."""

    def __init__(
        self,
        working_weekdays: Iterable[int] = range(5),
        national: bool = False,
        joint: bool = False,
        agency_days: Iterable[dt.date] = (),
    ) -> None:
        self.working_weekdays = frozenset(working_weekdays)
        self.national = national
        self.joint = joint
        self.agency_days = frozenset(agency_days)
        self._bits: dict[int, int] = {}
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, object]:
        state = self.__dict__.copy()
        state["_bits"] = {}
        del state["_lock"]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    def bits(self, ordinal: int) -> int:
        """The summary bits of the day with this proleptic Gregorian ordinal."""
        found = self._bits.get(ordinal)
        if found is None:
            found = self._compute(dt.date.fromordinal(ordinal))
            with self._lock:
                self._bits[ordinal] = found
        return found

    def _compute(self, day: dt.date) -> int:
        bits = WEEKDAY_BITS[day.weekday()]
        public = day in national_holidays(day.year)
        joint = day in joint_holidays(day.year)
        if public:
            bits |= PUBLIC_HOLIDAY
        if joint:
            bits |= JOINT_HOLIDAY
        declared = (self.national and public) or (self.joint and joint) or day in self.agency_days
        if declared:
            bits |= HOLIDAY
        elif day.weekday() in self.working_weekdays:
            bits |= WORKING_DAY
        return bits

    def is_holiday(self, day: dt.date) -> bool:
        return bool(self.bits(day.toordinal()) & HOLIDAY)

    def is_working_day(self, day: dt.date) -> bool:
        return bool(self.bits(day.toordinal()) & WORKING_DAY)


def weekday_range(first: ast.Weekday, last: ast.Weekday | None) -> list[int]:
    """`Monday to Thursday` as weekday numbers; a range may wrap through Sunday."""
    if last is None:
        return [int(first)]
    days = [int(first)]
    current = int(first)
    while current != int(last):
        current = (current + 1) % 7
        days.append(current)
    return days


_SET_BITS = {
    ast.DayKind.WEEKDAYS: sum(WEEKDAY_BITS[:5]),
    ast.DayKind.WEEKENDS: WEEKDAY_BITS[5] | WEEKDAY_BITS[6],
    ast.DayKind.WORKING_DAYS: WORKING_DAY,
    ast.DayKind.HOLIDAYS: HOLIDAY,
    ast.DayKind.PUBLIC_HOLIDAYS: PUBLIC_HOLIDAY,
    ast.DayKind.JOINT_HOLIDAYS: JOINT_HOLIDAY,
    ast.DayKind.EVERY_DAY: ALL_DAYS,
}


def days_mask(days: ast.Days) -> int:
    """The bit mask a day's summary must share for the day to be in DAYS."""
    mask = 0
    for item in days.items:
        if isinstance(item, ast.DayRange):
            for weekday in weekday_range(item.first, item.last):
                mask |= WEEKDAY_BITS[weekday]
        else:
            mask |= _SET_BITS[item.kind]
    return mask


def working_weekdays(decl: ast.WorkingDaysDecl | None) -> list[int]:
    if decl is None:
        return list(range(5))
    weekdays: set[int] = set()
    for item in decl.days.items:
        if isinstance(item, ast.DayRange):
            weekdays.update(weekday_range(item.first, item.last))
        elif item.kind is ast.DayKind.WEEKDAYS:
            weekdays.update(range(5))
        elif item.kind is ast.DayKind.WEEKENDS:
            weekdays.update((5, 6))
        elif item.kind is ast.DayKind.EVERY_DAY:
            weekdays.update(range(7))
    return sorted(weekdays)


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole calendar months, the day of month clamped to the month's end."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    if year < dt.MINYEAR:
        return dt.date.min
    if year > dt.MAXYEAR:
        return dt.date.max
    last = (
        (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
        if (year < dt.MAXYEAR or month < 12)
        else 31
    )
    return dt.date(year, month, min(day.day, last))


def units_before(day: dt.date, amount: int, unit: ast.DateUnit) -> dt.date:
    """The day `amount` calendar units before `day` (months and years clamp month ends)."""
    try:
        if unit is ast.DateUnit.DAY:
            return day - dt.timedelta(days=amount)
        if unit is ast.DateUnit.WEEK:
            return day - dt.timedelta(weeks=amount)
        if unit is ast.DateUnit.MONTH:
            return add_months(day, -amount)
        return add_months(day, -12 * amount)
    except OverflowError:
        return dt.date.min
