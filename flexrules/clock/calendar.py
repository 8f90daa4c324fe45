"""The calendar of a policy: working days, holidays and cuti bersama, and calendar arithmetic.

Each local day is summarised once as a small bit set (its weekday, whether it is a holiday of
each kind, whether it is a working day), so a set of DAYS compiles to a bit mask
(`engine.days`) and a day matches it with one `&`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import holidays as holidays_package

from ..core.memory import DEFAULT_CACHE_SIZE, Memory, remembered

# Bits of a day's summary.
WEEKDAY_BITS = tuple(1 << i for i in range(7))  # Monday = bit 0
HOLIDAY = 1 << 7  # any holiday the policy declares
PUBLIC_HOLIDAY = 1 << 8  # Indonesia's national public holidays
JOINT_HOLIDAY = 1 << 9  # cuti bersama
WORKING_DAY = 1 << 10  # a declared working day that is not a declared holiday
ALL_DAYS = (1 << 11) - 1

MIN_YEAR, MAX_YEAR = 1950, 2100
#: seconds in a local day: times of day are counted in seconds from local midnight
DAY = 86400


_NO_DAYS: frozenset[dt.date] = frozenset()


def national_holidays(year: int) -> frozenset[dt.date]:
    """Indonesia's public holidays for a year, from the `holidays` package (none outside the
    years it covers here)."""
    return _public(year) if MIN_YEAR <= year <= MAX_YEAR else _NO_DAYS


def joint_holidays(year: int) -> frozenset[dt.date]:
    """Indonesia's cuti bersama days for a year (the package's `government` category)."""
    return _joint(year) if MIN_YEAR <= year <= MAX_YEAR else _NO_DAYS


# one entry per year in range: the package is asked once per year and category per process
@remembered(MAX_YEAR - MIN_YEAR + 1)
def _public(year: int) -> frozenset[dt.date]:
    return frozenset(holidays_package.country_holidays("ID", years=year))


@remembered(MAX_YEAR - MIN_YEAR + 1)
def _joint(year: int) -> frozenset[dt.date]:
    return frozenset(
        holidays_package.country_holidays("ID", years=year, categories=("government",))
    )


def estimated_holidays(year: int) -> frozenset[dt.date]:
    """The days of a year that the `holidays` package computes rather than takes from a decree
    (Islamic holidays it marks `estimated`): its names differ when asked to leave the mark out,
    whatever the language, so the mark's wording is never parsed."""
    return _estimated(year) if MIN_YEAR <= year <= MAX_YEAR else _NO_DAYS


@remembered(MAX_YEAR - MIN_YEAR + 1)
def _estimated(year: int) -> frozenset[dt.date]:
    both = ("public", "government")
    marked = holidays_package.country_holidays("ID", years=year, categories=both)
    plain = holidays_package.country_holidays(
        "ID", years=year, categories=both, islamic_show_estimated=False
    )
    return frozenset(day for day, name in marked.items() if plain.get(day) != name)


#: the `holidays` package's language for each of ours: asked explicitly, since without it the
#: package follows the process's LANG (with LANG=C.UTF-8 Indonesia's names come in English)
HOLIDAY_LANGUAGES = {"en": "en_US", "id": "id"}


def holiday_name(day: dt.date, language: str) -> str | None:
    """The national name of a public holiday or cuti bersama day in `language` (`en`, `id`),
    for explanations: `Kenaikan Yesus Kristus`, `Ascension Day`; None for other days."""
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        return None
    return _names((day.year, HOLIDAY_LANGUAGES[language])).get(day)


# one entry per year and language in range: the package is asked once for each per process
@remembered(2 * (MAX_YEAR - MIN_YEAR + 1))
def _names(year_language: tuple[int, str]) -> dict[dt.date, str]:
    """Each holiday's name for a year: public holidays first, then cuti bersama."""
    year, language = year_language
    names: dict[dt.date, str] = {}
    for categories in (("government",), ("public",)):  # public last: its names win
        found = holidays_package.country_holidays(
            "ID", years=year, categories=categories, language=language
        )
        names.update((day, str(name)) for day, name in found.items())
    return names


class Calendar:
    """A policy's days: which are working days and which are holidays of each kind.

    `agency_days` are dates the policy adds as its own, `joint_days` dates it adds `as joint
    holiday` (a cuti bersama moved by decree), `removed` the dates after `except` (never
    holidays, whatever the package says), `citations` the decree cited for a date the policy
    names (DATA.md §4).
    """

    def __init__(
        self,
        working_weekdays: Iterable[int] = range(5),
        national: bool = False,
        joint: bool = False,
        agency_days: Iterable[dt.date] = (),
        cache_size: int = DEFAULT_CACHE_SIZE,
        joint_days: Iterable[dt.date] = (),
        removed: Iterable[dt.date] = (),
        citations: Mapping[dt.date, str] | None = None,
    ) -> None:
        self.working_weekdays = frozenset(working_weekdays)
        self.national = national
        self.joint = joint
        self.agency_days = frozenset(agency_days)
        self.joint_days = frozenset(joint_days)
        self.removed = frozenset(removed)
        self.citations: Mapping[dt.date, str] = dict(citations or {})
        self._bits: Memory[int, int] = Memory(cache_size)  # day ordinal -> its summary bits

    def bits(self, ordinal: int) -> int:
        """The summary bits of the day with this proleptic Gregorian ordinal."""
        found = self._bits.young.get(ordinal)
        if found is None:
            found = self._bits.get(ordinal)
            if found is None:
                found = self._bits.put(ordinal, self._compute(dt.date.fromordinal(ordinal)))
        return found

    def _compute(self, day: dt.date) -> int:
        bits = WEEKDAY_BITS[day.weekday()]
        if day in self.removed:  # `except`: no holiday of any kind
            public = joint = declared = False
        else:
            public = day in national_holidays(day.year)
            joint = day in joint_holidays(day.year) or day in self.joint_days
            declared = (
                (self.national and public)
                or (self.joint and joint)
                or day in self.joint_days
                or day in self.agency_days
            )
        if public:
            bits |= PUBLIC_HOLIDAY
        if joint:
            bits |= JOINT_HOLIDAY
        if declared:
            bits |= HOLIDAY
        elif day.weekday() in self.working_weekdays:
            bits |= WORKING_DAY
        return bits

    def is_holiday(self, day: dt.date) -> bool:
        return bool(self.bits(day.toordinal()) & HOLIDAY)

    def is_working_day(self, day: dt.date) -> bool:
        return bool(self.bits(day.toordinal()) & WORKING_DAY)

    def is_removed(self, day: dt.date) -> bool:
        """Whether the policy's `except` names `day`."""
        return day in self.removed

    def names(self, day: dt.date) -> bool:
        """Whether the policy names `day` itself: added, as joint holiday or not."""
        return day in self.agency_days or day in self.joint_days

    def is_estimated(self, day: dt.date) -> bool:
        """Whether `day` is one of the policy's holidays only by the package's estimate: a
        date the policy names itself never is, nor one it removes (DATA.md §4)."""
        return not self.names(day) and day in estimated_holidays(day.year) and self.is_holiday(day)

    def kind(self, day: dt.date) -> str | None:
        """Which of the policy's holidays `day` is: `public`, `joint` (cuti bersama, the
        package's or a date the policy adds `as joint holiday`), `agency` (a date the policy
        adds as its own), or None for a day that is none of them."""
        if not self.is_holiday(day):
            return None
        if day in self.agency_days:
            return "agency"
        if day in self.joint_days:
            return "joint"
        return "public" if self.national and day in national_holidays(day.year) else "joint"

    def declared_before_except(self, day: dt.date) -> bool:
        """Whether `day` is one of the holidays the policy lists before any `except`: what an
        `except` may sensibly remove."""
        return (
            (self.national and day in national_holidays(day.year))
            or (self.joint and day in joint_holidays(day.year))
            or self.names(day)
        )


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


def units_before(day: dt.date, amount: int, unit: str) -> dt.date:
    """The day `amount` calendar units (`day`, `week`, `month` or `year`) before `day`
    (months and years clamp month ends)."""
    try:
        if unit == "day":
            return day - dt.timedelta(days=amount)
        if unit == "week":
            return day - dt.timedelta(weeks=amount)
        if unit == "month":
            return add_months(day, -amount)
        return add_months(day, -12 * amount)
    except OverflowError:
        return dt.date.min
