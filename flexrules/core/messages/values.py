"""Values inside messages, and how each language writes them: days, weeks, months, clock
times, numbers, ordinals, counted nouns and lists. One place, so a report and an explanation
write a date the same way, and never through the process's locale."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs

_DAYS = {"en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}
_MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    )
}
#: month names in a range of days (`7-13 Jul 2025`)
_IN_RANGES = {"en": tuple(name[:3] for name in _MONTHS["en"])}
_YES_NO = {"en": ("yes", "no")}


def _table(table: Mapping[str, tuple[str, ...]], language: str) -> tuple[str, ...]:
    return table.get(language) or table["en"]


@attrs.frozen
class Ordinal:
    """`3rd`."""

    n: int


@attrs.frozen
class Clock:
    """A time of day as seconds from midnight: `09:00`, `24:00`, `14:00:30`."""

    seconds: int


@attrs.frozen
class Hours:
    """A length of time as a number of hours: 27000 seconds -> `7.5`."""

    seconds: Fraction | int


@attrs.frozen
class Week:
    """An ISO week by its Monday: `7-13 Jul 2025`, `28 Jul-3 Aug 2025`."""

    monday: dt.date


@attrs.frozen
class Month:
    """A calendar month: `July 2025`."""

    first: dt.date


@attrs.frozen
class Count:
    """A number with its noun, singular or plural as the number asks: `Count(2, "noun.day")`
    renders `2 days` from the entries `noun.day.one` and `noun.day.other`."""

    n: int
    key: str


@attrs.frozen
class Listing:
    """Values joined as a list: `Wed 2025-07-09 holiday, Thu 2025-07-10 leave`."""

    items: Sequence[Any]
    separator: str = ", "


def day(date: dt.date, language: str = "en") -> str:
    """`Mon 2025-07-07`."""
    return f"{_table(_DAYS, language)[date.weekday()]} {date.isoformat()}"


def day_range(first: dt.date, last: dt.date, language: str = "en") -> str:
    """`7-13 Jul 2025`, `28 Jul-3 Aug 2025`, `29 Dec 2025-4 Jan 2026`."""
    months = _table(_IN_RANGES, language)
    start, end = months[first.month - 1], months[last.month - 1]
    if first.year != last.year:
        return f"{first.day} {start} {first.year}-{last.day} {end} {last.year}"
    if first.month != last.month:
        return f"{first.day} {start}-{last.day} {end} {last.year}"
    return f"{first.day}-{last.day} {end} {last.year}"


def clock(seconds: int, language: str = "en") -> str:
    """`09:00`, `24:00`, and the seconds only when there are some: `14:00:30`."""
    text = f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"
    return text + (f":{seconds % 60:02d}" if seconds % 60 else "")


def number(value: Fraction | float | int, language: str = "en") -> str:
    """At most two decimals, no trailing zeros: `7.5`, `30`, `19.33`."""
    return f"{float(value):.2f}".rstrip("0").rstrip(".")


def yes_no(value: bool, language: str = "en") -> str:
    return _table(_YES_NO, language)[0 if value else 1]


def month(first: dt.date, language: str = "en") -> str:
    """`July 2025`."""
    return f"{_table(_MONTHS, language)[first.month - 1]} {first.year}"


def ordinal(n: int, language: str = "en") -> str:
    """`1st`, `2nd`, `3rd`, `11th`."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
