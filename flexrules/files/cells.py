"""How a file's cells become values: one place for column names and cell typing.

A CSV cell's text is read by the one table of value types (`engine.values`,
`ValueType.from_text`): a cell `9` is the number 9 and `Yes` is yes. Values that come as values
(JSON strings, numbers, booleans) are never re-interpreted, as the API never re-interprets
them: JSON `"9"` is not the number 9, `"yes"` is not yes, `"Baik"` is not `"baik"`; each must
be what the API reads as its attribute's type, or the file is refused naming the place.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

from ..core.memory import remembered
from ..engine.facts import LOCATIONS, UNKNOWN
from ..engine.values import ChoiceType, TextProblem, ValueType, shown, value_type
from ..policy import AttributeInfo

#: Spellings of a shift's location that people use, beyond the policy language's own.
LOCATION_WORDS: Mapping[str, str] = {
    **{name: name for name in LOCATIONS},
    "wfo": "office",
    "wfh": "home",
    "wfa": "anywhere",
}

#: Columns every employees file may have besides the declared attributes.
EMPLOYEE_FIELDS = ("id", "name", "timezone")
#: Columns every shifts file may have besides the declared shift attributes.
SHIFT_FIELDS = ("employee", "start", "end", "location")
#: A column (or JSON key) of free text that is kept out of the rules, in any file.
NOTE = "note"
_SEPARATORS = re.compile(r"[\s_]+")


class BadCell(TextProblem):
    """A value that cannot be typed; the caller adds file, row and column."""


@remembered(4096)
def column_key(name: str) -> str:
    """How columns are matched: case-insensitive, spaces and underscores the same."""
    return _SEPARATORS.sub(" ", name.strip().casefold()).strip()


def type_value(value: Any, attribute: AttributeInfo, *, from_text: bool = True) -> Any:
    """The value typed for its declared attribute; None when it is missing (an empty cell,
    JSON null). A file's text cell (`from_text`, a CSV cell) is read by the one table
    (`ValueType.from_text`: `9` is 9, `Yes` is yes). A value that came as a value (a JSON
    string, number or boolean) is never re-interpreted: it is kept as it is when the API
    reads it as its declared type, and refused otherwise. Raises `BadCell` naming what is
    wrong."""
    if value is None:
        return None
    reading = value_type(attribute.type, attribute.values)
    if from_text and isinstance(value, str):
        return _from_cell(value, reading)
    if reading.read(value) is not UNKNOWN:
        return value
    raise BadCell(_not_of_type(value, reading))


def _from_cell(cell: str, reading: ValueType) -> Any:
    """A text cell read by the one table; an empty cell is missing."""
    text = cell.strip()
    if not text:
        return None
    try:
        return reading.from_text(text)
    except TextProblem as problem:
        raise BadCell(problem.problem) from None


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
