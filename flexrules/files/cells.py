"""How a file's cells become values: one place for column names and cell typing.

A CSV cell's text (and an xlsx cell holding text) is read by the one table of text cells
(`engine.text_cells`, through `ValueType.from_text`): a cell `9` is the number 9, `Ya` is yes,
`07/07/2025` is 2025-07-07, `7,5` is 7.5 in a file separated by `;`, and an id or text cell in
scientific notation is refused. An xlsx cell holding a number, a date or a time is used as it
is (`excel_value`): a number where text is expected becomes its digits, unless it has more
than the 15 significant digits a spreadsheet keeps. Values that come as values
(JSON strings, numbers, booleans) are never re-interpreted, as the API never re-interprets
them: JSON `"9"` is not the number 9, `"yes"` is not yes, `"Baik"` is not `"baik"`; each must
be what the API reads as its attribute's type, or the file is refused naming the place.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Mapping
from typing import Any

from ..core.memory import remembered
from ..core.messages import Text
from ..engine import text_cells
from ..engine.facts import UNKNOWN
from ..engine.values import ChoiceType, TextProblem, ValueType, shown, value_type
from ..policy import AttributeInfo

#: Spellings of a shift's location that people use, beyond the policy language's own.
LOCATION_WORDS: Mapping[str, str] = text_cells.LOCATION_WORDS

#: Columns every employees file may have besides the declared attributes (`changes` in JSON
#: only: a list the engine reads, DATA.md §2).
EMPLOYEE_FIELDS = ("id", "name", "timezone", "changes")
#: Columns every shifts file may have besides the declared shift attributes.
SHIFT_FIELDS = ("employee", "start", "end", "location")
#: A column (or JSON key) of free text that is kept out of the rules, in any file.
NOTE = "note"
_SEPARATORS = re.compile(r"[\s_]+")


class BadCell(TextProblem):
    """A value that cannot be typed; the caller adds file, row and column."""

    @classmethod
    def of(cls, problem: TextProblem) -> BadCell:
        return cls(problem.text)


@remembered(4096)
def column_key(name: str) -> str:
    """How columns are matched: case-insensitive, spaces and underscores the same."""
    return _SEPARATORS.sub(" ", name.strip().casefold()).strip()


def type_value(
    value: Any,
    attribute: AttributeInfo,
    *,
    from_text: bool = True,
    decimal_comma: bool = False,
    excel: bool = False,
) -> Any:
    """The value typed for its declared attribute; None when it is missing (an empty cell,
    JSON null). A file's text cell (`from_text`, a CSV cell or an xlsx text cell) is read by
    the one table (`engine.text_cells`: `9` is 9, `Ya` is yes; `7,5` is 7.5 with
    `decimal_comma`). An xlsx cell's number, date or time (`excel`) is used as it is. A value
    that came as a value (a JSON string, number or boolean) is never re-interpreted: it is
    kept as it is when the API reads it as its declared type, and refused otherwise. Raises
    `BadCell` naming what is wrong."""
    if value is None:
        return None
    reading = value_type(attribute.type, attribute.values)
    if from_text and isinstance(value, str):
        return _from_cell(value, reading, decimal_comma)
    if excel:
        return excel_value(value, reading)
    if reading.read(value) is not UNKNOWN:
        return value
    raise BadCell(_not_of_type(value, reading))


def _from_cell(cell: str, reading: ValueType, decimal_comma: bool = False) -> Any:
    """A text cell read by the one table; an empty cell is missing."""
    text = cell.strip()
    if not text:
        return None
    try:
        if reading.kind == "number":
            return text_cells.number(text, decimal_comma=decimal_comma)
        if reading.kind == "text":
            return text_cells.identifier(text)
        return reading.from_text(text)
    except TextProblem as problem:
        raise BadCell.of(problem) from None


#: significant digits a spreadsheet keeps in a number
EXCEL_DIGITS = 15


def excel_value(value: Any, reading: ValueType) -> Any:
    """An xlsx cell's value (a number, a boolean, a date or date-time, a time) for a declared
    type: numbers for numbers, a date (or a date-time's date) for dates, yes or no for yes or
    no (and 1/0), and a number's digits where text is expected (at most 15 significant)."""
    kind = reading.kind
    if isinstance(value, bool):
        if kind == "yes or no":
            return value
    elif isinstance(value, (int, float)):
        if kind == "number":
            return value
        if kind == "yes or no" and value in (0, 1):
            return bool(value)
        if kind in ("text", "one of", "ranked"):
            return _from_cell(excel_text(value), reading)
    elif isinstance(value, dt.date) and kind == "date":
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    raise BadCell(
        Text(
            "cell.excel_value",
            value=shown(_excel_shown(value)),
            kind=type(value).__name__,
            expected=reading.expected(),
        )
    )


def excel_text(value: int | float) -> str:
    """A spreadsheet number where text is expected, as its digits (`3` for 3.0); refused past
    the 15 significant digits a spreadsheet keeps (an 18-digit NIP typed as a number has
    already lost its last digits)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e300:
        value = int(value)
    text = str(value) if isinstance(value, int) else repr(value)
    digits = len(text.lstrip("-").replace(".", "").lstrip("0"))
    if digits > EXCEL_DIGITS or "e" in text or "inf" in text or "nan" in text:
        raise BadCell(Text("cell.long_number", value=shown(text), digits=digits))
    return text


def _excel_shown(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value


def _not_of_type(value: Any, reading: ValueType) -> str:
    """Why a value given as a value (JSON) is not of its attribute's type, with the JSON to
    write instead where the text would read as one (`"9"`: write 9)."""
    expected = reading.expected()
    if isinstance(value, bool):
        return f"{json.dumps(value)} is yes or no, not {expected}"
    if isinstance(value, float) and not math.isfinite(value):
        return f"{value} is not a finite number"
    if isinstance(value, (int, float)):
        return f"{json.dumps(value)} is a number, not {expected}"
    if not isinstance(value, str):
        return f"{shown(value)} is not {expected}"
    meant = _as_json(value, reading)
    if isinstance(reading, ChoiceType):
        close = f"; did you mean {meant}?" if meant is not None else ""
        return f"{shown(value)} is not {expected} (values are compared exactly){close}"
    hint = f"; in JSON write {meant}" if meant is not None else ""
    return f"{shown(value)} is text, not {expected}{hint}"


def _as_json(text: str, reading: ValueType) -> str | None:
    """The JSON value a text would be as a file's cell, or None when it reads as nothing."""
    try:
        meant = reading.from_text(text.strip())
    except ValueError:
        return None
    return json.dumps(meant, ensure_ascii=False) if meant != text else None
