"""Values inside messages, and how each language writes them: days, weeks, months, clock
times, numbers, ordinals, counted nouns and lists. One place, so a report and an explanation
write a date the same way, and never through the process's locale.

English writes `Mon 2025-07-07`, `14:00`, `7.5`, `3rd`, `week 7-13 Jul 2025`; Bahasa Indonesia
`Senin 7 Juli 2025`, `14.00`, `7,5`, `ke-3`, `minggu 7-13 Juli 2025` (LANGUAGE-ID.md §5.2).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs

_DAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
}
#: weekdays named in full, as hours are (`Monday 08:00-15:00`)
_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "id": _DAYS["id"],
}
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
    ),
    "id": (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ),
}
#: month names in a range of days (`7-13 Jul 2025`; Indonesian writes them in full)
_IN_RANGES = {"en": tuple(name[:3] for name in _MONTHS["en"]), "id": _MONTHS["id"]}
_YES_NO = {"en": ("yes", "no"), "id": ("ya", "tidak")}
#: the Indonesian names of Indonesia's three zones (`clock.zones.ZONE_ALIASES` the other way);
#: English, and every other zone, use the IANA name
_ZONE_NAMES = {
    "id": {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"},
}
#: the character between the whole and the decimal part, and between a time's parts
_DECIMAL_MARK = {"en": ".", "id": ","}
_CLOCK_MARK = {"en": ":", "id": "."}


def _table(table: Mapping[str, Any], language: str) -> Any:
    return table.get(language) or table["en"]


@attrs.frozen
class Ordinal:
    """`3rd`, `ke-3`."""

    n: int


@attrs.frozen
class Clock:
    """A time of day as seconds from midnight: `09:00`, `24:00`, `14:00:30`; `09.00`."""

    seconds: int


@attrs.frozen
class Hours:
    """A length of time as a number of hours: 27000 seconds -> `7.5`, `7,5`."""

    seconds: Fraction | int


@attrs.frozen
class Week:
    """An ISO week by its Monday: `7-13 Jul 2025`, `28 Jul-3 Aug 2025`; `7-13 Juli 2025`."""

    monday: dt.date


@attrs.frozen
class Month:
    """A calendar month: `July 2025`, `bulan Juli 2025`."""

    first: dt.date


@attrs.frozen
class MonthName:
    """A calendar month without the word for month: `February 2025`, `Februari 2025`."""

    first: dt.date


@attrs.frozen
class Choices:
    """What could come next in a sentence, joined as a list of alternatives: `a, b or c`;
    `a, b, atau c`; past twelve, the rest counted (`..., or 5 more`). `words` are the
    catalog keys of the list's own words: none, the rest counted, two joined, many joined."""

    items: tuple[Any, ...]
    words: tuple[str, str, str, str]


@attrs.frozen
class Thousands:
    """A large whole number with its thousands marked: `1,000,000`, `1.000.000`."""

    n: int


@attrs.frozen
class Date:
    """A date as a value (a fact, a cut-off), without its weekday: `2024-11-01`,
    `1 November 2024`. A plain `datetime.date` in a message is a day: `Fri 2024-11-01`."""

    date: dt.date


@attrs.frozen
class Weekday:
    """A day of the week in full, Monday 0: `Monday`, `Senin`."""

    index: int


@attrs.frozen
class Zone:
    """A time zone by its IANA name: `Asia/Jakarta`; in Indonesian `WIB`, `WITA`, `WIT` for
    Indonesia's three zones."""

    name: str


@attrs.frozen
class Exact:
    """A number exactly as Python writes it (a fact's value): `7.125`, `1e+20`; `7,125`."""

    text: str


@attrs.frozen
class AsWritten:
    """Words of a policy (a rule's TIME) as written, in its file's `language`, and `other`,
    the same in the catalog's words, for any other language: `on working days` as written,
    `pada hari kerja` in Indonesian."""

    text: str
    language: str
    other: Any


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
    """`Mon 2025-07-07`, `Senin 7 Juli 2025`."""
    name = _table(_DAYS, language)[date.weekday()]
    if language == "id":
        return f"{name} {date_text(date, language)}"
    return f"{name} {date.isoformat()}"


def date_text(date: dt.date, language: str = "en") -> str:
    """`2024-11-01`, `1 November 2024`."""
    if language == "id":
        return f"{date.day} {_MONTHS['id'][date.month - 1]} {date.year}"
    return date.isoformat()


def weekday(index: int, language: str = "en") -> str:
    """`Monday`, `Senin`."""
    return str(_table(_WEEKDAYS, language)[index])


def day_range(first: dt.date, last: dt.date, language: str = "en") -> str:
    """`7-13 Jul 2025`, `28 Jul-3 Aug 2025`, `29 Dec 2025-4 Jan 2026`; `7-13 Juli 2025`."""
    months = _table(_IN_RANGES, language)
    start, end = months[first.month - 1], months[last.month - 1]
    if first.year != last.year:
        return f"{first.day} {start} {first.year}-{last.day} {end} {last.year}"
    if first.month != last.month:
        return f"{first.day} {start}-{last.day} {end} {last.year}"
    return f"{first.day}-{last.day} {end} {last.year}"


def clock(seconds: int, language: str = "en") -> str:
    """`09:00`, `24:00`, and the seconds only when there are some: `14:00:30`; `14.00.30`."""
    mark = _table(_CLOCK_MARK, language)
    text = f"{seconds // 3600:02d}{mark}{seconds % 3600 // 60:02d}"
    return text + (f"{mark}{seconds % 60:02d}" if seconds % 60 else "")


def number(value: Fraction | float | int, language: str = "en") -> str:
    """At most two decimals, no trailing zeros: `7.5`, `30`, `19.33`; `7,5`."""
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return text.replace(".", _table(_DECIMAL_MARK, language))


def exact(text: str, language: str = "en") -> str:
    """A number as Python wrote it, with the language's decimal mark: `7.125`, `7,125`."""
    return text.replace(".", _table(_DECIMAL_MARK, language))


def yes_no(value: bool, language: str = "en") -> str:
    return str(_table(_YES_NO, language)[0 if value else 1])


def month(first: dt.date, language: str = "en") -> str:
    """`July 2025`, `bulan Juli 2025`."""
    name = f"{_table(_MONTHS, language)[first.month - 1]} {first.year}"
    return f"bulan {name}" if language == "id" else name


def month_name(first: dt.date, language: str = "en") -> str:
    """`February 2025`, `Februari 2025`."""
    return f"{_table(_MONTHS, language)[first.month - 1]} {first.year}"


def thousands(n: int, language: str = "en") -> str:
    """`1,000,000`; `1.000.000`."""
    text = f"{n:,}"
    return text.replace(",", ".") if language == "id" else text


def ordinal(n: int, language: str = "en") -> str:
    """`1st`, `2nd`, `3rd`, `11th`; `ke-1`, `ke-3`."""
    if language == "id":
        return f"ke-{n}"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def zone(name: str, language: str = "en") -> str:
    """`Asia/Jakarta`; in Indonesian `WIB` (and `WITA`, `WIT`), other zones by IANA name."""
    return str(_ZONE_NAMES.get(language, {}).get(name, name))
