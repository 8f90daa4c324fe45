"""The one table of how a text cell of a file reads (DATA.md §1), used by every file reader.

A CSV cell, or an xlsx cell holding text, is text; what it means depends on what the column
holds. Each reading is here once, and `ValueType.from_text` (`engine.values`), the file readers
(`files.cells`, `files.shifts`, `files.leave`) and any table reader take it from here. Values
that come as values (the API, JSON, Arrow and pandas tables) never pass through this table.

- every cell: surrounding spaces trimmed; an empty cell is missing.
- a number: `7`, `-3`, `7.5`, `1e3`; `7,5` where the file's separator is `;`. Thousands
  separators are never read (`1.234,5` and `1,234` are refused).
- a date: `2025-07-07`; `07/07/2025` or `7/7/2025` (day first, always: `13/25/2025` is refused,
  there is no month 25); `7 Juli 2025`, `7 Jul 2025`. `7 July` (no year) is refused.
- a time of day: `08:00`, `08.00`, `8:00`, `08:00:30`; `24:00` ends a day.
- a date and time: a date, a space or `T`, a time (`07/07/2025 08.00`); ISO text, with an
  offset or not, is kept as it is for the engine to read. A time without its day is refused.
- yes or no: `yes`/`no`, `ya`/`tidak`, `true`/`false`, `1`/`0`, any case.
- a location: `office`, `home`, `anywhere`, `WFO`, `WFH`, `WFA`, `kantor`, `rumah`, any case.
- an id or text: the text as it is; scientific notation (`1,98505E+17`) is refused: the
  spreadsheet has lost the digits.

Months are named in Indonesian or English, in full or by their usual abbreviations
(`MONTHS`): `Mei`/`May`, `Agu`/`Agt`/`Ags`/`Aug`, `Okt`/`Oct`, `Des`/`Dec`, any case.

Each refusal is a `TextProblem` carrying a catalog text (`core.messages`, English and Bahasa
Indonesia) that names the value and what was expected; the caller adds file, row and column.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from ..core.messages import Text
from .facts import quoted

#: month names and abbreviations, Indonesian and English, folded, to the month's number
MONTHS: Mapping[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "january", "jan"),
            ("februari", "february", "feb", "peb", "pebruari"),
            ("maret", "march", "mar"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("agustus", "august", "agu", "agt", "ags", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nopember", "nov", "nop"),
            ("desember", "december", "des", "dec"),
        ),
        start=1,
    )
    for name in names
}

#: words for a shift's location, folded, to the policy language's own
LOCATION_WORDS: Mapping[str, str] = {
    "office": "office",
    "home": "home",
    "anywhere": "anywhere",
    "wfo": "office",
    "wfh": "home",
    "wfa": "anywhere",
    "kantor": "office",
    "rumah": "home",
}

#: yes-or-no words, folded
YES_NO: Mapping[str, bool] = {
    "yes": True,
    "no": False,
    "ya": True,
    "tidak": False,
    "true": True,
    "false": False,
    "1": True,
    "0": False,
}

_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?")
_COMMA_DECIMAL = re.compile(r"([+-]?\d+),(\d+)")
_SCIENTIFIC = re.compile(r"[+-]?\d+(?:[.,]\d*)?[eE][+-]?\d+")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DAY_FIRST = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_NAMED = re.compile(r"(\d{1,2})[ -]+([^\W\d_]+)\.?[ -]+(\d{4})")
_CLOCK = re.compile(r"(\d{1,2})([:.])(\d{2})(?:\2(\d{2}))?")
_ISO_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_SPLIT = re.compile(r"\s*[T ]\s*(?=\d{1,2}[:.]\d{2}(?:[:.]\d{2})?$)")
_MAX_DIGITS = 1000


class TextProblem(ValueError):
    """A text cell that does not read as what its column holds: `.problem` says why in
    English, `.text` (a catalog text, when there is one) in any language."""

    def __init__(self, problem: str | Text) -> None:
        english = problem if isinstance(problem, str) else problem.render("en")
        super().__init__(english)
        self.problem = english
        self.text: Text | str = problem


def shown(value: object) -> str:
    """A value as file messages quote it (`facts.quoted`), cut to 60 characters."""
    text = quoted(value)
    return text if len(text) <= 60 else text[:57] + '..."'


def _refuse(key: str, value: str, **args: object) -> TextProblem:
    return TextProblem(Text(key, value=shown(value), **args))


def number(text: str, *, decimal_comma: bool = False) -> int | float:
    """A number cell: a whole number is an int, else a float; `7,5` only with `decimal_comma`
    (a file whose cells are separated by `;`)."""
    if _INTEGER.fullmatch(text):
        if len(text.lstrip("+-")) > _MAX_DIGITS:
            raise _refuse("cell.too_many_digits", text)
        return int(text)
    if _DECIMAL.fullmatch(text):
        found = float(text)
        if found not in (float("inf"), float("-inf")):
            return found
    comma = _COMMA_DECIMAL.fullmatch(text)
    if comma is not None and decimal_comma:
        return float(f"{comma.group(1)}.{comma.group(2)}")
    if comma is not None:
        raise _refuse("cell.number_comma", text)
    if re.fullmatch(r"[+-]?\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?", text):
        raise _refuse("cell.number_thousands", text)
    raise _refuse("cell.not_number", text)


def yes_no(text: str) -> bool:
    """A yes-or-no cell: yes/no, ya/tidak, true/false, 1/0, any case."""
    found = YES_NO.get(text.casefold())
    if found is None:
        raise _refuse("cell.not_yes_no", text)
    return found


def date(text: str) -> dt.date:
    """A date cell: ISO `2025-07-07`, day first `07/07/2025` or `7/7/2025`, or `7 Juli 2025`
    with a month named in Indonesian or English."""
    iso = _ISO_DATE.fullmatch(text)
    if iso is not None:
        year, month, day = (int(part) for part in iso.groups())
        return _real_day(text, year, month, day)
    slashed = _DAY_FIRST.fullmatch(text)
    if slashed is not None:
        day, month, year = (int(part) for part in slashed.groups())
        return _real_day(text, year, month, day)
    named = _NAMED.fullmatch(text)
    if named is not None:
        month_number = MONTHS.get(named.group(2).casefold())
        if month_number is None:
            raise _refuse("cell.unknown_month", text, month=named.group(2))
        return _real_day(text, int(named.group(3)), month_number, int(named.group(1)))
    raise _refuse("cell.not_date", text)


def _real_day(text: str, year: int, month: int, day: int) -> dt.date:
    if not 1 <= month <= 12:
        raise _refuse("cell.no_month", text, month=str(month))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise _refuse("cell.no_day", text, day=str(day)) from None


def clock(text: str) -> int:
    """A time-of-day cell, as seconds after midnight: `08:00`, `08.00`, `8:00`, `08:00:30`;
    `24:00` is the end of the day."""
    found = _CLOCK.fullmatch(text)
    if found is None:
        raise _refuse("cell.not_time", text)
    hours, minutes = int(found.group(1)), int(found.group(3))
    seconds = int(found.group(4) or 0)
    total = hours * 3600 + minutes * 60 + seconds
    if minutes > 59 or seconds > 59 or total > 24 * 3600:
        raise _refuse("cell.not_time", text)
    return total


def clock_text(seconds: int) -> str:
    """Seconds after midnight as ISO text: `08:00`, `08:00:30`, `24:00`."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}" + (f":{secs:02d}" if secs else "")


def date_time(text: str) -> str:
    """A date-and-time cell as ISO text the engine reads: a date, a space or `T`, a time
    (`07/07/2025 08.00` is `2025-07-07T08:00`). ISO text (`2025-07-07T08:00+07:00`) is kept as
    it is, for the engine to check."""
    if _ISO_DATE_TIME.match(text):
        return text  # ISO, offsets included: the engine reads it and names what is wrong
    parts = _SPLIT.split(text, maxsplit=1)
    if len(parts) != 2:
        if _CLOCK.fullmatch(text):
            raise _refuse("cell.time_without_day", text)
        if _ISO_DATE.match(text):
            return text  # the engine says it has a date but no time of day
        raise _refuse("cell.not_date_time", text)
    try:
        day = date(parts[0])
        seconds = clock(parts[1])
    except TextProblem:
        raise _refuse("cell.not_date_time", text) from None
    return f"{day.isoformat()}T{clock_text(seconds)}"


def location(text: str) -> str:
    """A location cell: office, home, anywhere, WFO, WFH, WFA, kantor, rumah, any case."""
    found = LOCATION_WORDS.get(text.casefold())
    if found is None:
        raise _refuse("cell.not_location", text)
    return found


def identifier(text: str) -> str:
    """An id or text cell as it is, unless a spreadsheet wrote a number in scientific notation
    (`1,98505E+17`), which has lost the digits the id had."""
    if _SCIENTIFIC.fullmatch(text):
        raise _refuse("cell.scientific", text)
    return text
