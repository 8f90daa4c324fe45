"""Reading the files people keep (CSV with a header row, JSON lists and objects) as records
that know their file, row and column, so every problem names where it is.

Rows are numbered as a spreadsheet numbers them (the header is row 1); items of a JSON list from
1. A cell that cannot be typed, an unknown column, a row with too many or too few cells: each
raises a `TableError` (an `InputError`) whose message names the file, the row and the column.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from ..core.errors import InputError
from ..engine.values import shown
from ..policy import AttributeInfo, Policy
from .cells import NOTE, BadCell, column_key, type_value
from .sources import STDIN, SourceProblem, read_bytes


class TableError(InputError):
    """A row of a people file that cannot be used.

    `.file`, `.row` (spreadsheet row number, header = 1, or JSON item number from 1; None for
    the whole file), `.unit` ("row" in CSV, "item" or "shift" in JSON) and `.column` (as
    written in the file; None for the whole row) say where; `.field` is the column too, as
    for every `InputError`.
    """

    def __init__(
        self,
        file: str,
        row: int | None,
        column: str | None,
        value: Any,
        problem: str,
        *,
        unit: str = "row",
    ) -> None:
        super().__init__(column or unit, value, problem)
        self.file = file
        self.row = row
        self.column = column
        self.unit = unit
        where = ["standard input" if file == STDIN else f"`{file}`"]
        if row is not None:
            where.append(f"{unit} {row}")
        if column is not None:
            where.append(f"{'column' if unit == 'row' else 'key'} `{column}`")
        self.args = (", ".join(where) + ": " + problem,)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.file, self.row, self.column, self.value, self.message, self.unit))


def _rebuild(
    file: str, row: int | None, column: str | None, value: Any, problem: str, unit: str
) -> TableError:
    return TableError(file, row, column, value, problem, unit=unit)


@attrs.frozen
class Record:
    """One row of a file: where it is and its values by column as written."""

    file: str
    row: int | None
    values: dict[str, Any]
    unit: str = "row"  # "row" in CSV; "item", "shift" or "absence" in JSON

    @property
    def is_json(self) -> bool:
        return self.unit != "row"

    def error(self, column: str | None, value: Any, problem: str) -> TableError:
        return TableError(self.file, self.row, column, value, problem, unit=self.unit)


def read_text(path: str | Path) -> str:
    """A data file's text: a regular file, or standard input for `-`, read under the size cap
    (`sources`) and decoded as UTF-8 (a byte-order mark is dropped)."""
    try:
        data = read_bytes(path)
    except SourceProblem as problem:
        raise TableError(str(path), None, None, None, problem.problem) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TableError(
            str(path),
            None,
            None,
            None,
            f"is not UTF-8 text (byte {exc.start}); save it as CSV UTF-8 or JSON",
        ) from None


def is_json(path: str | Path, text: str) -> bool:
    """JSON by its extension, or (for another extension) when it starts with `[` or `{`."""
    suffix = Path(path).suffix.casefold()
    if suffix == ".json":
        return True
    if suffix in (".csv", ".txt", ".tsv"):
        return False
    return text.lstrip()[:1] in ("[", "{")


def load_json(
    path: str | Path,
    text: str | None = None,
    *,
    parse_constant: Callable[[str], Any] | None = None,
) -> Any:
    """A JSON document, or a TableError naming its line and column. A document nested deeper
    than Python parses, an integer past Python's digit limit, or text holding a lone surrogate
    (an escape such as `\\ud800`, half of a UTF-16 pair and not a character) is refused too.
    `parse_constant` is `json.loads`'s: the service refuses `NaN` and `Infinity` with it."""
    text = read_text(path) if text is None else text
    try:
        document = json.loads(text, parse_constant=parse_constant)
    except json.JSONDecodeError as exc:
        problem = f"is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
    except RecursionError:
        problem = "is not usable JSON: it is nested too deeply"
    except ValueError:  # an integer with more digits than Python converts (4,300)
        problem = "is not usable JSON: it holds a number with thousands of digits"
    else:
        surrogate = _lone_surrogate(document)
        if surrogate is None:
            return document
        problem = (
            f"is not usable JSON: it holds \\u{ord(surrogate):04x}, half of a UTF-16 pair, "
            "which is not a character"
        )
    raise TableError(str(path), None, None, None, problem)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _lone_surrogate(document: Any) -> str | None:
    """The first lone surrogate in any text of a JSON document (keys too), or None."""
    stack = [document]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found = None if item.isascii() else _SURROGATE.search(item)
            if found:
                return found.group()
        elif isinstance(item, dict):
            stack.extend(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None


def csv_records(path: str | Path, text: str | None = None) -> Iterator[Record]:
    """The data rows of a CSV file with a header row, each checked for its number of cells.
    Commas or semicolons separate cells (spreadsheets in Indonesian settings write `;`)."""
    name = str(path)
    text = read_text(path) if text is None else text
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: list[str] | None = None
    try:
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue  # a blank line, or a row of empty cells: nothing to read
            if header is None:
                header = [cell.strip() for cell in cells]
                _check_header(name, header)
                continue
            if len(cells) != len(header):
                raise TableError(
                    name,
                    reader.line_num,
                    None,
                    cells,
                    f"has {len(cells)} cells but the header has {len(header)}; "
                    f"check for a missing or extra {'semicolon' if delimiter == ';' else 'comma'}"
                    " (a cell holding a comma needs double quotes)",
                )
            yield Record(name, reader.line_num, dict(zip(header, cells, strict=True)))
    except csv.Error as exc:
        raise TableError(name, reader.line_num, None, None, f"is not valid CSV: {exc}") from None
    if header is None:
        raise TableError(name, None, None, None, "is empty; it needs a header row")


def _check_header(name: str, header: list[str]) -> None:
    seen: dict[str, str] = {}
    for index, column in enumerate(header, start=1):
        if not column:
            raise TableError(name, 1, None, header, f"column {index} of the header has no name")
        key = column_key(column)
        if key in seen:
            raise TableError(
                name, 1, column, column, f"the header has this column twice (also as `{seen[key]}`)"
            )
        seen[key] = column


def json_records(
    path: str | Path, document: Any, what: str, unit: str = "item"
) -> Iterator[Record]:
    """The objects of a JSON list, each with its item number."""
    name = str(path)
    if not isinstance(document, list):
        where = "its `shifts` must be" if unit == "shift" else "must hold"
        raise TableError(name, None, None, None, f"{where} a JSON list of {what} objects")
    for number, item in enumerate(document, start=1):
        if not isinstance(item, dict):
            raise TableError(
                name, number, None, item, f"must be a JSON object, not {shown(item)}", unit=unit
            )
        check_keys(name, number, item, unit)
        yield Record(name, number, dict(item), unit)


def check_keys(name: str, number: int | None, item: Mapping[str, Any], unit: str) -> None:
    seen: dict[str, str] = {}
    for key in item:
        if not isinstance(key, str):
            continue
        folded = column_key(key)
        if folded in seen:
            raise TableError(
                name,
                number,
                key,
                key,
                f"the same key is given twice (also as `{seen[folded]}`)",
                unit=unit,
            )
        seen[folded] = key


def records(path: str | Path, what: str) -> Iterator[Record]:
    """The rows of a CSV file or the objects of a JSON list."""
    text = read_text(path)
    if is_json(path, text):
        return json_records(path, load_json(path, text), what)
    return csv_records(path, text)


# ---- matching columns ---------------------------------------------------------------------


@attrs.frozen
class Columns:
    """Which columns a kind of row may have: its own fields and the declared attributes."""

    what: str  # "employee" or "shift"
    fields: tuple[str, ...]
    attributes: Mapping[str, AttributeInfo]  # by column_key
    others: Mapping[str, AttributeInfo]  # the other owner's, for a better message

    @classmethod
    def of(cls, policy: Policy, owner: str, fields: Sequence[str]) -> Columns:
        mine = {column_key(a.name): a for a in policy.attributes if a.owner == owner}
        other = {column_key(a.name): a for a in policy.attributes if a.owner != owner}
        return cls(owner, tuple(fields), mine, other)

    def read(self, record: Record, *, required: Sequence[str] = ()) -> dict[str, Any]:
        """The row's values: fields by their own names, attributes by declared name, typed;
        missing attributes left out."""
        result: dict[str, Any] = {}
        found: set[str] = set()
        for column, value in record.values.items():
            key = column_key(column)
            if key == NOTE:
                continue
            if key in self.fields:
                found.add(key)
                result[key] = value
                continue
            attribute = self.attributes.get(key)
            if attribute is None:
                raise record.error(column, value, self._unknown(column, key))
            try:
                typed = type_value(value, attribute, from_text=not record.is_json)
            except BadCell as bad:
                raise record.error(column, value, bad.problem) from None
            if typed is not None:
                result[attribute.name] = typed
        for key in required:
            if key not in found or blank(result.get(key)):
                label = "key" if record.is_json else "column"
                missing = f"has no {key}" if key in found else f"has no `{key}` {label}"
                raise record.error(
                    key if key in found else None, None, f"the {self.what} {missing}"
                )
        return result

    def _unknown(self, column: str, key: str) -> str:
        other = self.others.get(key)
        if other is not None:
            return (
                f"`{other.name}` is a{'n' if other.owner == 'employee' else ''} "
                f"{other.owner} attribute, not a{'n' if self.what == 'employee' else ''} "
                f"{self.what} attribute; it belongs in the {other.owner}s file"
            )
        names = [*self.fields, *(a.name for a in self.attributes.values()), NOTE]
        close = difflib.get_close_matches(key, names, n=1)
        hint = (
            f"; did you mean `{close[0]}`?"
            if close
            else (f"; the policy declares {_listing([a.name for a in self.attributes.values()])}")
        )
        return f"no {self.what} attribute or column called `{column}`{hint}"


def _listing(names: Sequence[str]) -> str:
    if not names:
        return "no attributes for this file"
    return ", ".join(f"`{n}`" for n in names)


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def column_for(record: Record, field: str) -> str:
    """The column of a record that holds a field, as written in the file."""
    return next((c for c in record.values if column_key(c) == field), field)
