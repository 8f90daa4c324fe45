"""The one table of how each declared type reads a value.

For every type an attribute may be declared with (`text`, `number`, `yes or no`, `date`,
`one of ...`, `ranked ...`), a `ValueType` says, in one place:

- `read`: a value as given (the API, JSON, a table) to the form rules compare (a rank for a
  ranked value), or UNKNOWN. Values that come as values are never re-interpreted: `"9"` is not
  the number 9, `"yes"` is not yes.
- `inline`: the same reading as an expression for the generated fact readers
  (`engine.fact_readers`), with the common case in line and `read` for the rest.
- `key_types`: the exact types a value may have and still key a memory of what facts mean:
  two values of these types that compare equal are read alike (`1 == 1.0 == True` are not).
- `from_text`: a text cell of a file (CSV, xlsx text) to the value `read` takes, or
  `TextProblem`, by the one table of text cells (`engine.text_cells`: `9` is the number 9,
  `Ya` is yes, `07/07/2025` is 2025-07-07, `finance` matches `"Finance"` when only one value
  does).
- `describe` and `expected`: the type in the words messages use.

tests/engine/test_values.py holds every reader to this table.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import Any

from ..core.messages import Text
from ..core.text import printable
from ..language import ast
from ..language.checks._util import closest
from . import text_cells
from .facts import MISSING, UNKNOWN, huge_int
from .text_cells import TextProblem as TextProblem
from .text_cells import shown as shown

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class ValueType:
    """How values of one declared type are read (see the module)."""

    #: the type's name in `policy.attributes` (`text`, `number`, `yes or no`, `date`, `one of`,
    #: `ranked`)
    kind = "text"
    key_types: tuple[type, ...] = (str,)

    def read(self, value: Any) -> Any:
        return value if isinstance(value, str) else UNKNOWN

    def inline(self, name: str, fallback: str) -> str:
        """An expression with `read`'s result for the value in variable `name`, calling
        `fallback` (bound to `read`) for anything but the common case."""
        return f"{name} if type({name}) is str else {fallback}({name})"

    def from_text(self, text: str) -> Any:
        return text

    #: the catalog entry naming the type in explanations (`is 9 (a number), not text`)
    describe_key = "type.text"

    def describe(self) -> str:
        """The type as explanations name it, in English (`is 9 (a number), not text`)."""
        return self.describe_text().render("en")

    def describe_text(self) -> Text:
        """The type as explanations name it, in any language."""
        return Text(self.describe_key)

    def expected(self) -> str:
        """What a file's cell must hold, as file messages say it."""
        return "text"


class NumberType(ValueType):
    kind = "number"
    key_types = (int,)

    def read(self, value: Any) -> Any:
        kind = type(value)
        if kind is int or (kind is float and math.isfinite(value)):
            return value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return UNKNOWN
        return value if math.isfinite(value) else UNKNOWN

    def inline(self, name: str, fallback: str) -> str:
        return f"{name} if type({name}) is int else {fallback}({name})"

    def from_text(self, text: str) -> Any:
        return text_cells.number(text)

    describe_key = "type.number"

    def expected(self) -> str:
        return "a number"


class YesNoType(ValueType):
    kind = "yes or no"
    key_types = (bool,)

    def read(self, value: Any) -> Any:
        return value if value is True or value is False else UNKNOWN

    def inline(self, name: str, fallback: str) -> str:
        return f"{name} if {name} is True or {name} is False else UNKNOWN"

    def from_text(self, text: str) -> Any:
        return text_cells.yes_no(text)

    describe_key = "type.yes_no"

    def expected(self) -> str:
        return "yes or no"


class DateType(ValueType):
    kind = "date"
    key_types = (str, dt.date)

    def read(self, value: Any) -> Any:
        return as_date(value)

    def inline(self, name: str, fallback: str) -> str:
        return f"{fallback}({name})"

    def from_text(self, text: str) -> Any:
        return text_cells.date(text).isoformat()

    describe_key = "type.date"

    def expected(self) -> str:
        return "a date such as 2025-07-01"


#: a cell longer than this gets no did-you-mean (difflib is quadratic)
_LONGEST_GUESS = 200


class ChoiceType(ValueType):
    """`one of "a", "b"`: one of the declared values, exactly as declared."""

    kind = "one of"

    def __init__(self, values: tuple[str, ...]) -> None:
        self.values = values
        self._allowed = frozenset(values)

    def read(self, value: Any) -> Any:
        try:
            return value if isinstance(value, str) and value in self._allowed else UNKNOWN
        except Exception:  # a str whose hash fails: not a declared value
            return UNKNOWN

    def inline(self, name: str, fallback: str) -> str:
        return f"{fallback}({name})"

    def from_text(self, text: str) -> Any:
        if text in self._allowed:
            return text
        folded = [v for v in self.values if v.casefold() == text.casefold()]
        if len(folded) == 1:
            return folded[0]
        close = closest(text, self.values) if len(text) <= _LONGEST_GUESS else None
        meant = "" if close is None else Text("cell.choice_meant", value=close)
        allowed = ", ".join(f'"{v}"' for v in self.values)
        raise TextProblem(
            Text("cell.not_a_choice", value=shown(text), allowed=allowed, meant=meant)
        )

    describe_key = "type.one_of"

    def expected(self) -> str:
        return "one of " + ", ".join(f'"{v}"' for v in self.values)


class RankedType(ChoiceType):
    """`ranked "a" < "b"`: a declared value, read as its rank so `at least` compares."""

    kind = "ranked"

    def __init__(self, values: tuple[str, ...]) -> None:
        super().__init__(values)
        self._ranks = {value: rank for rank, value in enumerate(values)}

    def read(self, value: Any) -> Any:
        try:
            return self._ranks.get(value, UNKNOWN) if isinstance(value, str) else UNKNOWN
        except Exception:  # a str whose hash fails: not a declared value
            return UNKNOWN

    describe_key = "type.ranked"


_SIMPLE: dict[str, ValueType] = {
    "text": ValueType(),
    "number": NumberType(),
    "bool": YesNoType(),
    "yes or no": YesNoType(),
    "date": DateType(),
}


def value_type(kind: str, values: tuple[str, ...] = ()) -> ValueType:
    """The reading of a type given by its name in `policy.attributes` (and its values)."""
    if kind == "one of":
        return ChoiceType(values)
    if kind == "ranked":
        return RankedType(values)
    return _SIMPLE[kind]


def declared_type(type_: ast.TypeExpr) -> ValueType:
    """The reading of a type as the policy declares it."""
    if isinstance(type_, ast.OneOfType):
        return ChoiceType(tuple(v.value for v in type_.values))
    if isinstance(type_, ast.RankedType):
        return RankedType(tuple(v.value for v in type_.values))
    return _SIMPLE[type_.kind]


def reader(type_: ast.TypeExpr) -> Callable[[Any], Any]:
    """`read` of a declared type, chosen once at compile time."""
    return declared_type(type_).read


def as_date(value: Any) -> Any:
    """A date, or ISO `YYYY-MM-DD` text naming a real day; a datetime is not a date here,
    since which day it falls on depends on a time zone."""
    if isinstance(value, dt.datetime):
        return UNKNOWN
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return UNKNOWN
    return UNKNOWN


def problem(value: Any, type_: ast.TypeExpr) -> str | None:
    """What is wrong with a fact value for its declared type, in English (`is missing`), or
    None when it is usable."""
    found = problem_text(value, type_)
    return None if found is None else found.render("en")


def problem_text(value: Any, type_: ast.TypeExpr) -> Text | None:
    """What is wrong with a fact value for its declared type, as a catalog text to read in
    any language (`is missing`, `tidak tercatat`), or None when it is usable."""
    if value is MISSING or value is None:
        return Text("problem.missing")
    reading = declared_type(type_)
    if reading.read(value) is not UNKNOWN:
        return None
    if isinstance(reading, ChoiceType) and isinstance(value, str):
        allowed = ", ".join(f'"{v}"' for v in reading.values)
        return Text("problem.not_one_of", value=_show(value), allowed=allowed)
    return Text(
        "problem.wrong_type",
        value=_show(value),
        kind=_kind(value),
        expected=reading.describe_text(),
    )


def _show(value: Any) -> str:
    if (size := huge_int(value)) is not None:
        return size
    text = printable(repr(value) if not isinstance(value, str) else '"' + value + '"')
    return text if len(text) <= 60 else text[:57] + "..."


def _kind(value: Any) -> Text | str:
    if isinstance(value, bool):
        return Text("type.yes_no")
    if isinstance(value, (int, float)):
        return Text("type.number")
    if isinstance(value, str):
        return Text("type.text")
    if isinstance(value, dt.datetime):
        return Text("type.datetime")
    if isinstance(value, dt.date):
        return Text("type.date")
    return type(value).__name__
