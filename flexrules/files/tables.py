"""Employees, shifts, leave and headcounts read from the JSON and CSV files people keep.

Values are typed with the policy's declarations (`policy.attributes`), so a CSV cell `9` is the
number 9 and `Yes` is yes. Nothing is dropped quietly: a cell that cannot be typed, an unknown
column, a row with too many or too few cells, a shift for an employee who is not in the
employees file, an employee id given twice — each raises a `TableError` (an `InputError`) whose
message names the file, the row and the column. Rows are numbered as a spreadsheet numbers them
(the header is row 1); items of a JSON list from 1.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import difflib
import functools
import io
import json
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from ..clock.zones import zone as find_zone
from ..core.errors import InputError
from ..engine.facts import LOCATIONS, as_date, quoted, shift_span
from ..policy import AttributeInfo, Policy
from ..rosters.records import Schedule

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

_TRUE = frozenset({"yes", "true"})
_FALSE = frozenset({"no", "false"})
_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?")
_SEPARATORS = re.compile(r"[\s_]+")
_DATE_FIRST = re.compile(r"\d{4}-\d{2}-\d{2}")
_CLOCK_ONLY = re.compile(r"\d{1,2}[:.]\d{2}(?::\d{2})?")


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
        where = [f"`{file}`"]
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


class _Bad(Exception):
    """A value that cannot be typed; the caller adds file, row and column."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


@functools.lru_cache(maxsize=4096)
def column_key(name: str) -> str:
    """How columns are matched: case-insensitive, spaces and underscores the same."""
    return _SEPARATORS.sub(" ", name.strip().casefold()).strip()


# ---- typing one value ---------------------------------------------------------------------


def _quoted(value: Any) -> str:
    text = quoted(value)
    return text if len(text) <= 60 else text[:57] + '..."'


def type_value(value: Any, attribute: AttributeInfo) -> Any:
    """The value typed for its declared attribute; None when it is missing (an empty cell,
    JSON null). Text (a CSV cell, a JSON string) is read as the type asks: `9` as a number,
    `Yes` as yes; JSON numbers and booleans must already have the right type.
    Raises `_Bad` naming what is wrong."""
    kind = attribute.type
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        if kind == "text":
            return text
        if kind == "number":
            return _number(text)
        if kind == "yes or no":
            folded = text.casefold()
            if folded in _TRUE:
                return True
            if folded in _FALSE:
                return False
            raise _Bad(f"{_quoted(value)} is not yes or no; write yes, no, true or false")
        if kind == "date":
            if isinstance(as_date(text), dt.date):
                return text
            raise _Bad(f"{_quoted(value)} is not a date such as 2025-07-01 (YYYY-MM-DD)")
        return _choice(text, attribute)
    if isinstance(value, bool):
        if kind == "yes or no":
            return value
        raise _Bad(f"{json.dumps(value)} is yes or no, not {_type_words(attribute)}")
    if isinstance(value, (int, float)):
        if kind == "number":
            if isinstance(value, float) and not math.isfinite(value):
                raise _Bad(f"{value} is not a finite number")
            return value
        raise _Bad(f"{json.dumps(value)} is a number, not {_type_words(attribute)}")
    raise _Bad(f"{_quoted(value)} is not {_type_words(attribute)}")


def _type_words(attribute: AttributeInfo) -> str:
    kind = attribute.type
    if kind in ("one of", "ranked"):
        return "one of " + ", ".join(f'"{v}"' for v in attribute.values)
    return {
        "text": "text",
        "number": "a number",
        "yes or no": "yes or no",
        "date": "a date such as 2025-07-01",
    }[kind]


def _number(text: str) -> int | float:
    if _INTEGER.fullmatch(text):
        return int(text)
    if _DECIMAL.fullmatch(text):
        number = float(text)
        if math.isfinite(number):
            return number
    hint = " (write a decimal point: 7.5, not 7,5)" if re.fullmatch(r"\d+,\d+", text) else ""
    raise _Bad(f"{_quoted(text)} is not a number{hint}")


def _choice(text: str, attribute: AttributeInfo) -> str:
    if text in attribute.values:
        return text
    folded = [v for v in attribute.values if v.casefold() == text.casefold()]
    if len(folded) == 1:
        return folded[0]
    raise _Bad(f"{_quoted(text)} is not {_type_words(attribute)}")


# ---- reading files ----------------------------------------------------------------------


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


def _read_text(path: str | Path) -> str:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise TableError(str(path), None, None, None, "no such file") from None
    except IsADirectoryError:
        raise TableError(str(path), None, None, None, "is a folder, not a file") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TableError(
            str(path), None, None, None, "is not UTF-8 text; save it as CSV UTF-8 or JSON"
        ) from None


def is_json(path: str | Path, text: str) -> bool:
    """JSON by its extension, or (for another extension) when it starts with `[` or `{`."""
    suffix = Path(path).suffix.casefold()
    if suffix == ".json":
        return True
    if suffix in (".csv", ".txt", ".tsv"):
        return False
    return text.lstrip()[:1] in ("[", "{")


def load_json(path: str | Path, text: str | None = None) -> Any:
    """A JSON document, or a TableError naming its line and column."""
    text = _read_text(path) if text is None else text
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise TableError(
            str(path),
            None,
            None,
            None,
            f"is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}",
        ) from None


def csv_records(path: str | Path, text: str | None = None) -> Iterator[Record]:
    """The data rows of a CSV file with a header row, each checked for its number of cells.
    Commas or semicolons separate cells (spreadsheets in Indonesian settings write `;`)."""
    name = str(path)
    text = _read_text(path) if text is None else text
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
                name, number, None, item, f"must be a JSON object, not {_quoted(item)}", unit=unit
            )
        _check_keys(name, number, item, unit)
        yield Record(name, number, dict(item), unit)


def _check_keys(name: str, number: int | None, item: Mapping[str, Any], unit: str) -> None:
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
    text = _read_text(path)
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
                typed = type_value(value, attribute)
            except _Bad as bad:
                raise record.error(column, value, bad.problem) from None
            if typed is not None:
                result[attribute.name] = typed
        for key in required:
            if key not in found or _blank(result.get(key)):
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


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# ---- employees ----------------------------------------------------------------------------


def read_employees(path: str | Path, policy: Policy) -> list[dict[str, Any]]:
    """Employees from a JSON list of objects or a CSV file with a header row: `id`, `name`,
    `timezone`, then one column per declared employee attribute (`job type` or `job_type`).
    Each comes back as a dict the engine reads: `id`, `name`, `timezone` and the attributes
    under their declared names. An id given twice is an error."""
    columns = Columns.of(policy, "employee", EMPLOYEE_FIELDS)
    employees: list[dict[str, Any]] = []
    first_row: dict[str, int | None] = {}
    for record in records(path, "employee"):
        employee = _employee(record, columns)
        ident = employee["id"]
        if ident in first_row:
            raise record.error(
                _column_for(record, "id"),
                ident,
                f"employee `{ident}` appears twice (first at {record.unit} {first_row[ident]})",
            )
        first_row[ident] = record.row
        employees.append(employee)
    return employees


def _column_for(record: Record, field: str) -> str:
    return next((c for c in record.values if column_key(c) == field), field)


def _employee(record: Record, columns: Columns) -> dict[str, Any]:
    values = columns.read(record, required=("id",))
    ident = values["id"]
    if isinstance(ident, bool) or not isinstance(ident, (str, int)):
        raise record.error(
            _column_for(record, "id"),
            ident,
            f"an employee id is text or a whole number, not {_quoted(ident)}",
        )
    employee: dict[str, Any] = {"id": str(ident).strip()}
    name = values.pop("name", None)
    if not _blank(name):
        if not isinstance(name, str):
            raise record.error(_column_for(record, "name"), name, "a name is text")
        employee["name"] = name.strip()
    zone_name = values.pop("timezone", None)
    if not _blank(zone_name):
        if not isinstance(zone_name, str):
            raise record.error(
                _column_for(record, "timezone"),
                zone_name,
                "a time zone is a name such as Asia/Makassar or WITA",
            )
        try:
            find_zone(zone_name.strip())
        except (LookupError, ValueError):
            raise record.error(
                _column_for(record, "timezone"),
                zone_name,
                f"unknown time zone {_quoted(zone_name)}; use an IANA name such "
                "as Asia/Makassar, or WIB, WITA, WIT",
            ) from None
        employee["timezone"] = zone_name.strip()
    del values["id"]
    employee.update(values)
    return employee


def read_employee(path: str | Path, policy: Policy) -> dict[str, Any]:
    """One employee: a JSON object, or an employees file (JSON list or CSV) holding one."""
    text = _read_text(path)
    if is_json(path, text):
        document = load_json(path, text)
        if isinstance(document, dict):
            document = [document]
        employees = [
            _employee(r, Columns.of(policy, "employee", EMPLOYEE_FIELDS))
            for r in json_records(path, document, "employee")
        ]
    else:
        employees = read_employees(path, policy)
    if len(employees) != 1:
        raise TableError(
            str(path), None, None, None, f"must hold one employee, not {len(employees)}"
        )
    return employees[0]


# ---- shifts -------------------------------------------------------------------------------


def _shift(
    record: Record, columns: Columns, employee: Mapping[str, Any] | None, policy: Policy
) -> dict[str, Any]:
    """A shift checked as the engine would check it, but with the row's file and column."""
    values = columns.read(record, required=("start", "end", "location"))
    values.pop("employee", None)
    location = values["location"]
    word = LOCATION_WORDS.get(location.strip().casefold()) if isinstance(location, str) else None
    if word is None:
        raise record.error(
            _column_for(record, "location"),
            location,
            f"{_quoted(location)} is not a location; use office, home or "
            "anywhere (or WFO, WFH, WFA)",
        )
    values["location"] = word
    for key in ("start", "end"):
        if isinstance(values[key], str):
            values[key] = values[key].strip()
            if _CLOCK_ONLY.fullmatch(values[key]):
                raise record.error(
                    _column_for(record, key),
                    values[key],
                    f"{_quoted(values[key])} is a time without its day; write "
                    "the date and time, such as 2025-07-07T08:00",
                )
            if not _DATE_FIRST.match(values[key]):
                raise record.error(
                    _column_for(record, key),
                    values[key],
                    f"{_quoted(values[key])} is not a date and time such as 2025-07-07T08:00",
                )
    zone_name = (employee or {}).get("timezone") or policy.timezone
    try:
        shift_span(values["start"], values["end"], find_zone(zone_name))
    except InputError as exc:
        column = _column_for(record, exc.field if exc.field in ("start", "end") else "start")
        raise record.error(column, exc.value, exc.message) from None
    return values


def read_requests(
    path: str | Path, policy: Policy, employee: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """The shifts to decide for one employee (`flexrules decide`): a JSON object, a JSON list
    or CSV rows, typed and checked like a roster's. An `employee` key or column, when given,
    must name this employee, so a shift is never decided for the wrong person."""
    text = _read_text(path)
    if is_json(path, text):
        document = load_json(path, text)
        found = json_records(path, [document] if isinstance(document, dict) else document, "shift")
    else:
        found = csv_records(path, text)
    columns = Columns.of(policy, "shift", SHIFT_FIELDS)
    ident = None if employee.get("id") is None else str(employee["id"])
    shifts = []
    for record in found:
        raw = next((v for c, v in record.values.items() if column_key(c) == "employee"), None)
        if not _blank(raw) and ident is not None and str(raw).strip() != ident:
            raise record.error(
                _column_for(record, "employee"),
                raw,
                f"this shift is for `{str(raw).strip()}`, not for `{ident}`, the employee given",
            )
        shifts.append(_shift(record, columns, employee, policy))
    if not shifts:
        raise TableError(str(path), None, None, None, "holds no shifts to decide")
    return shifts


def read_shifts(
    path: str | Path, policy: Policy, employees: Sequence[Mapping[str, Any]]
) -> dict[str, list[dict[str, Any]]]:
    """Shifts by employee id, each employee's in file order, from a JSON list of objects or a
    CSV file: `employee` (the id), `start`, `end`, `location`, then the declared shift
    attributes. Every employee of `employees` has an entry, perhaps empty; a shift whose
    employee is not among them is an error."""
    columns = Columns.of(policy, "shift", SHIFT_FIELDS)
    known = {str(e["id"]): e for e in employees}
    shifts: dict[str, list[dict[str, Any]]] = {ident: [] for ident in known}
    for record in records(path, "shift"):
        raw = next((v for c, v in record.values.items() if column_key(c) == "employee"), None)
        if _blank(raw):
            present = any(column_key(c) == "employee" for c in record.values)
            raise record.error(
                _column_for(record, "employee") if present else None,
                raw,
                "the shift has no employee id"
                if present
                else "the shift has no `employee` "
                f"{'key' if record.is_json else 'column'} (the employee's id)",
            )
        ident = str(raw).strip()
        if ident not in known:
            close = difflib.get_close_matches(ident, list(known), n=1)
            hint = f"; did you mean `{close[0]}`?" if close else ""
            raise record.error(
                _column_for(record, "employee"),
                raw,
                f"no employee `{ident}` in the employees file{hint}",
            )
        shifts[ident].append(_shift(record, columns, known[ident], policy))
    return shifts


# ---- leave and headcounts -----------------------------------------------------------------


def _date_text(record: Record, column: str | None, value: Any) -> dt.date:
    date = as_date(value.strip() if isinstance(value, str) else value)
    if not isinstance(date, dt.date):
        raise record.error(
            column, value, f"{_quoted(value)} is not a date such as 2025-07-01 (YYYY-MM-DD)"
        )
    return date


def read_absences(path: str | Path, employees: Sequence[Mapping[str, Any]]) -> dict[str, list[str]]:
    """Leave days by employee id: rows with `employee` and `date`, or `employee`, `from` and
    `to` (a range, both days included); a `note` column is allowed."""
    known = {str(e["id"]) for e in employees}
    absences: dict[str, list[str]] = {}
    for record in records(path, "absence"):
        values: dict[str, tuple[str, Any]] = {}
        for column, value in record.values.items():
            key = column_key(column)
            if key == NOTE:
                continue
            if key not in ("employee", "date", "from", "to"):
                raise record.error(
                    column,
                    value,
                    f"no column called `{column}` in a leave "
                    "file; use employee, date (or from and to), note",
                )
            values[key] = (column, value)
        if "employee" not in values or _blank(values["employee"][1]):
            raise record.error(
                values.get("employee", (None,))[0], None, "the row has no employee id"
            )
        column, raw = values["employee"]
        ident = str(raw).strip()
        if ident not in known:
            raise record.error(column, raw, f"no employee `{ident}` in the employees file")
        if "date" in values and not ("from" in values or "to" in values):
            days = [_date_text(record, *values["date"])]
        elif "from" in values and "to" in values and "date" not in values:
            first = _date_text(record, *values["from"])
            last = _date_text(record, *values["to"])
            if last < first:
                raise record.error(
                    values["to"][0], values["to"][1], "the leave ends before it starts"
                )
            days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
        else:
            raise record.error(None, None, "give either `date`, or `from` and `to`")
        mine = absences.setdefault(ident, [])
        mine.extend(d.isoformat() for d in days if d.isoformat() not in mine)
    return absences


def read_headcount(path: str | Path) -> dict[Any, int]:
    """The real size of each group for share rules: a JSON object `{"finance": 20}` or a CSV
    file with a header and two columns (the group's value, its headcount). The value `*` is
    the whole group of a share without `in each`; a value that reads as a number also counts
    for a number attribute."""
    text = _read_text(path)
    name = str(path)
    pairs: list[tuple[Record, str, Any]] = []
    if is_json(path, text):
        document = load_json(path, text)
        if not isinstance(document, dict):
            raise TableError(
                name, None, None, None, 'must hold a JSON object such as {"finance": 20}'
            )
        for number, (key, value) in enumerate(document.items(), start=1):
            pairs.append((Record(name, number, {key: value}, "item"), key, value))
    else:
        for record in csv_records(path, text):
            if len(record.values) != 2:
                raise record.error(
                    None,
                    None,
                    "a headcount file has two columns: the group's value and its headcount",
                )
            key, value = record.values.values()
            pairs.append((record, key, value))
    headcount: dict[Any, int] = {}
    for record, key, value in pairs:
        column = list(record.values)[-1]
        size = value
        if isinstance(size, str) and _INTEGER.fullmatch(size.strip()):
            size = int(size.strip())
        if isinstance(size, bool) or not isinstance(size, int) or size < 0:
            raise record.error(
                column,
                value,
                f"the headcount of {_quoted(key)} must be a whole number, not {_quoted(value)}",
            )
        label = key.strip() if isinstance(key, str) else key
        group: Any = None if label == "*" else label
        if group in headcount:
            raise record.error(column, value, f"{_quoted(key)} is given twice")
        headcount[group] = size
        if isinstance(group, str):
            with contextlib.suppress(_Bad):
                headcount.setdefault(_number(group), size)
    return headcount


# ---- schedules and rosters ----------------------------------------------------------------


@attrs.frozen
class ScheduleFile:
    """One employee's schedule as read from files."""

    employee: dict[str, Any]
    shifts: list[dict[str, Any]]
    period: tuple[str, str] | None = None
    absences: tuple[str, ...] = ()


def read_schedule(
    path: str | Path, policy: Policy, employee_path: str | Path | None = None
) -> ScheduleFile:
    """A schedule: a JSON object `{"employee": {...}, "shifts": [...], "period": [FROM, TO],
    "absences": [...]}` (period and absences optional), or a shifts file (CSV or a JSON list)
    with the employee in `employee_path`. An `employee` column in the shifts, if any, must
    name that employee."""
    name = str(path)
    text = _read_text(path)
    document = load_json(path, text) if is_json(path, text) else None
    period: tuple[str, str] | None = None
    absences: tuple[str, ...] = ()
    if isinstance(document, dict):
        unknown = [
            k
            for k in document
            if column_key(k) not in ("employee", "shifts", "period", "absences", NOTE)
        ]
        if unknown:
            raise TableError(
                name,
                None,
                unknown[0],
                None,
                "a schedule has the keys employee, shifts, period, absences",
                unit="schedule",
            )
        if employee_path is not None and "employee" in document:
            raise TableError(
                name,
                None,
                "employee",
                None,
                "the schedule names its employee; leave out --employee, or the employee key",
                unit="schedule",
            )
        if employee_path is not None:
            employee = read_employee(employee_path, policy)
        elif isinstance(document.get("employee"), dict):
            record = Record(name, None, dict(document["employee"]), "employee")
            _check_keys(name, None, document["employee"], "employee")
            employee = _employee(record, Columns.of(policy, "employee", EMPLOYEE_FIELDS))
        else:
            raise TableError(
                name,
                None,
                "employee",
                document.get("employee"),
                "a schedule needs an employee object (or --employee FILE)",
                unit="schedule",
            )
        items = document.get("shifts", [])
        shift_records = json_records(name, items, "shift", unit="shift")
        period = _schedule_period(name, document.get("period"))
        raw_absences = document.get("absences", [])
        if not isinstance(raw_absences, list):
            raise TableError(
                name, None, "absences", raw_absences, "absences is a list of dates", unit="schedule"
            )
        days = []
        for number, value in enumerate(raw_absences, start=1):
            days.append(_date_text(Record(name, number, {}, "absence"), None, value).isoformat())
        absences = tuple(days)
    else:
        if employee_path is None:
            raise TableError(
                name,
                None,
                None,
                None,
                "a shifts file needs --employee FILE (or write the schedule as a "
                "JSON object with employee and shifts)",
            )
        employee = read_employee(employee_path, policy)
        shift_records = (
            json_records(path, document, "shift")
            if document is not None
            else csv_records(path, text)
        )
    columns = Columns.of(policy, "shift", SHIFT_FIELDS)
    shifts = []
    for record in shift_records:
        owner = next((v for c, v in record.values.items() if column_key(c) == "employee"), None)
        if not _blank(owner) and str(owner).strip() != employee["id"]:
            raise record.error(
                _column_for(record, "employee"),
                owner,
                f"this shift is for `{str(owner).strip()}`, but the schedule is "
                f"`{employee['id']}`'s",
            )
        shifts.append(_shift(record, columns, employee, policy))
    return ScheduleFile(employee, shifts, period, absences)


def _schedule_period(name: str, value: Any) -> tuple[str, str] | None:
    if value is None:
        return None
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(as_date(v), dt.date) for v in value)
    ):
        raise TableError(
            name,
            None,
            "period",
            value,
            'the period is two dates: ["2025-07-01", "2025-07-31"]',
            unit="schedule",
        )
    first, last = value
    if as_date(last) < as_date(first):
        raise TableError(
            name, None, "period", value, "the period ends before it starts", unit="schedule"
        )
    return str(first), str(last)


@attrs.frozen
class Roster:
    """Employees with their shifts and leave, as read from files."""

    employees: list[dict[str, Any]]
    shifts: dict[str, list[dict[str, Any]]]
    absences: dict[str, list[str]] = attrs.field(factory=dict)

    def schedules(self) -> list[Schedule]:
        """One `Schedule` per employee, in the employees file's order."""
        return [
            Schedule(e, self.shifts.get(e["id"], []), tuple(self.absences.get(e["id"], ())))
            for e in self.employees
        ]


def read_roster(
    employees_path: str | Path,
    shifts_path: str | Path,
    policy: Policy,
    absences_path: str | Path | None = None,
) -> Roster:
    """Employees, their shifts and (optionally) their leave, checked against each other."""
    employees = read_employees(employees_path, policy)
    shifts = read_shifts(shifts_path, policy, employees)
    absences = read_absences(absences_path, employees) if absences_path is not None else {}
    return Roster(employees, shifts, absences)
