"""A changes file (`--changes FILE`, DATA.md §2), as HR records transfers and sanctions: one row
per change, `employee` (or `id`), `attribute` (named as in the employees file, so `--columns`
maps it too), `value` (read as that attribute's cells are: the one table of text cells) and
`from` (or `valid from`). The changes join each employee's `changes` (`engine.changes`), after
those of the employees file's own dated rows (`files.validity`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..clock.zones import zone as find_zone
from ..core.messages import Listing, Text
from .by_version import Typed, Typing
from .cells import BadCell, type_value
from .people import identity
from .reading import Reading, reading_of
from .records import FileWarning, Problems, Record, TableError, blank, records, tell
from .validity import VALID_FROM, row_date


def read_changes(
    path: str | Path,
    policy: Typed,
    *,
    columns: str | Mapping[str, str] | None = None,
    separator: str | None = None,
    encoding: str | None = None,
    reading: Reading | None = None,
    warnings: list[FileWarning] | None = None,
) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """The changes of a changes file (CSV, xlsx or a JSON list; `employee`, `attribute`,
    `value`, `from`), by employee id, each `(ISO date, {attribute: value})` as an employee's
    `changes` takes it. `columns`, `separator` and `encoding` as for `read_employees`; every bad
    cell is reported (`TableErrors`, up to 50)."""
    found = reading_of(reading, columns=columns, separator=separator, encoding=encoding)
    problems = Problems()
    told: list[FileWarning] = []
    changes = changes_of(path, policy, found, problems, told)
    problems.check()
    tell(told, warnings)
    return changes


def changes_of(
    path: str | Path,
    policy: Typed,
    reading: Reading,
    problems: Problems,
    warnings: list[FileWarning],
    known: set[str] | None = None,
) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """The changes of a file by employee id; each bad row a problem. With `known`, a change for
    an employee not among them is one too. A change of an attribute the policy does not
    declare could change nothing: it is left out, with one warning naming such attributes (as
    an employees file's undeclared columns are)."""
    typing = Typing(policy)
    found: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    ignored: dict[str, None] = {}
    for record in records(path, "change", reading):
        if record.broken is not None:
            problems.add(record.broken)
            continue
        try:
            ident, day, name, value = _change(record, reading, typing)
        except _Undeclared as undeclared:
            ignored[undeclared.name] = None
            continue
        except TableError as error:
            problems.add(error)  # a missing column is said once (`Problems`)
            continue
        if known is not None and ident not in known:
            column = _first_column(record, ("employee", "id"))
            problems.add(record.error(column, ident, Text("file.stranger", ident=ident, close="")))
            continue
        found.setdefault(ident, []).append((day.isoformat(), {name: value}))
    if ignored:
        names = Listing([f"`{name}`" for name in ignored])
        text = Text("file.changes_ignored", file=f"`{path}`", names=names)
        warnings.append(FileWarning(str(path), "ignored-changes", text))
    return found


class _Undeclared(Exception):
    """A change of an attribute the policy does not declare (`.name`, as written)."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _first_column(record: Record, fields: Sequence[str]) -> str:
    for field in fields:
        column, _ = record.get(field)
        if column is not None:
            return column
    return fields[0]


def _cell(record: Record, fields: Sequence[str]) -> tuple[str, Any]:
    """The column holding the first of `fields` a row has, and its value; a missing or empty
    one is refused."""
    for field in fields:
        column, value = record.get(field)
        if column is not None:
            if blank(value):
                raise record.error(column, value, Text("file.change_empty", field=fields[0]))
            return column, value
    raise record.error(None, None, Text("file.change_column", field=fields[0]))


def _change(record: Record, reading: Reading, typing: Typing) -> tuple[str, dt.date, str, Any]:
    """A row's employee id, first day, attribute (by its declared name) and typed value (for
    a set of versions, as the version in force on its first day types it)."""
    column, raw = _cell(record, ("employee", "id"))
    ident = identity(record, column, raw)
    column, when = _cell(record, ("from", VALID_FROM))
    day = row_date(record, "from" if record.get("from")[0] else VALID_FROM, when)
    assert day is not None  # `_cell` refused an empty one
    named_column, named = _cell(record, ("attribute",))
    if not isinstance(named, str):
        raise record.error(named_column, named, Text("file.change_attribute", name=str(named)))
    key = reading.key(named)
    if key == "timezone":  # a move to another duty station
        return ident, day, "timezone", _zone(record, value_of(record))
    if key in ("id", "employee", "name", "changes"):
        raise record.error(named_column, named, Text("file.change_fixed", name=named.strip()))
    attribute = typing.attributes_on("employee", day).get(key)
    if attribute is None:
        raise _Undeclared(named.strip())
    value_column, value = record.get("value")
    if value_column is None:
        raise record.error(None, None, Text("file.change_column", field="value"))
    try:
        typed = type_value(
            None if blank(value) else value,
            attribute,
            from_text=not record.is_json,
            decimal_comma=record.decimal_comma,
            excel=record.excel,
        )
    except BadCell as cell:
        raise record.error(value_column, value, typing.named(cell.text, day)) from None
    return ident, day, attribute.name, typed


def value_of(record: Record) -> Any:
    """A change's `value` cell (a missing column refused)."""
    column, value = record.get("value")
    if column is None:
        raise record.error(None, None, Text("file.change_column", field="value"))
    return value


def _zone(record: Record, value: Any) -> str:
    """A change of duty station: an IANA zone or WIB, WITA, WIT."""
    column, _ = record.get("value")
    if not isinstance(value, str) or not value.strip():
        raise record.error(column, value, Text("file.change_empty", field="value"))
    try:
        find_zone(value.strip())
    except (LookupError, ValueError):
        raise record.error(column, value, Text("file.change_zone", value=value.strip())) from None
    return value.strip()


def with_changes(
    employees: list[dict[str, Any]], changes: Mapping[str, list[tuple[str, dict[str, Any]]]]
) -> list[dict[str, Any]]:
    """The employees with a changes file's changes added after their own (rows' `valid from`
    ones first; on one day, the file's apply after them)."""
    result = []
    for employee in employees:
        more = changes.get(str(employee["id"]))
        if more:
            employee = {**employee, "changes": [*employee.get("changes", ()), *more]}
        result.append(employee)
    return result
