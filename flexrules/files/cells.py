"""How a file's cells become values: one place for column names and cell typing.

A cell's text is read by the one table of value types (`engine.values`, `ValueType.from_text`):
a CSV cell `9` is the number 9 and `Yes` is yes. JSON numbers and booleans are values already
and must have their attribute's type.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

from ..core.memory import remembered
from ..engine.facts import LOCATIONS
from ..engine.values import TextProblem, shown, value_type
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


def type_value(value: Any, attribute: AttributeInfo) -> Any:
    """The value typed for its declared attribute; None when it is missing (an empty cell,
    JSON null). Text (a CSV cell, a JSON string) is read as the type asks
    (`ValueType.from_text`); JSON numbers and booleans must already have the right type.
    Raises `BadCell` naming what is wrong."""
    reading = value_type(attribute.type, attribute.values)
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            return reading.from_text(text)
        except TextProblem as problem:
            raise BadCell(problem.problem) from None
    if isinstance(value, bool):
        if attribute.type == "yes or no":
            return value
        raise BadCell(f"{json.dumps(value)} is yes or no, not {reading.expected()}")
    if isinstance(value, (int, float)):
        if attribute.type == "number":
            if isinstance(value, float) and not math.isfinite(value):
                raise BadCell(f"{value} is not a finite number")
            return value
        raise BadCell(f"{json.dumps(value)} is a number, not {reading.expected()}")
    raise BadCell(f"{shown(value)} is not {reading.expected()}")
