"""Employees read from files: a CSV with a header row, an xlsx sheet or a JSON list, one
employee a row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..clock.zones import zone as find_zone
from ..core.messages import Text
from ..engine import text_cells
from ..engine.values import TextProblem, shown
from .by_version import Typed, Typing
from .cells import EMPLOYEE_FIELDS, excel_text
from .reading import Reading, reading_of
from .records import (
    Columns,
    FileWarning,
    Problems,
    Record,
    TableError,
    blank,
    column_for,
    is_json,
    json_records,
    load_json,
    read_text,
    records,
    tell,
)
from .validity import VALIDITY, Row, from_column, merged, row_date, validity
from .workbooks import is_workbook


def read_employees(
    path: str | Path,
    policy: Typed,
    *,
    columns: str | Mapping[str, str] | None = None,
    separator: str | None = None,
    encoding: str | None = None,
    reading: Reading | None = None,
    warnings: list[FileWarning] | None = None,
) -> list[dict[str, Any]]:
    """Employees from a JSON list of objects, a CSV file with a header row or an xlsx sheet
    (`FILE.xlsx` for the first, `FILE.xlsx:SHEET`): `id`, `name`, `timezone`, then one column
    per declared employee attribute (`job type` or `job_type`). Each comes back as a dict the
    engine reads: `id`, `name`, `timezone` and the attributes under their declared names.

    `columns` maps an export's headers to these names (`"NIP=id,Nama=name"` or a dict);
    `separator` (`,`, `;`, `tab`) and `encoding` (`cp1252`) say how a CSV is written when its
    header row and UTF-8 do not. Columns that are neither known nor declared are ignored, with
    one warning (into `warnings` when given, else a Python `ColumnsWarning`). Every bad cell
    and row is reported, up to 50, in one `TableError` (`TableErrors`); an id given twice is
    one of them."""
    found = reading_of(reading, columns=columns, separator=separator, encoding=encoding)
    problems = Problems()
    told: list[FileWarning] = []
    employees, _ = employees_of(path, policy, found, problems, told)
    problems.check()
    tell(told, warnings)
    return employees


def employees_of(
    path: str | Path,
    policy: Typed,
    reading: Reading,
    problems: Problems,
    warnings: list[FileWarning],
) -> tuple[list[dict[str, Any]], set[str]]:
    """The employees read well, and every id the file names (bad rows' too, so the shifts of
    an employee whose row has a bad cell are not reported as strangers); problems collected."""
    columns = Columns.of(policy, "employee", (*EMPLOYEE_FIELDS, *VALIDITY), reading)
    employees: list[dict[str, Any]] = []
    ids: set[str] = set()
    first_row: dict[str, int | None] = {}
    #: by id, the rows of a file with `valid from` / `valid until` columns (DATA.md §2)
    dated: dict[str, list[Row]] = {}
    for record in usable(records(path, "employee", reading), problems):
        ident = _raw_id(record)
        if ident is not None:
            ids.add(ident)
        try:
            employee = employee_record(record, columns, _row_day(record))
            first, last = validity(record, employee)
        except TableError as error:
            problems.add(error)
            continue
        ident = employee["id"]
        if any(record.get(field)[0] is not None for field in VALIDITY):
            if ident not in dated:
                employees.append(employee)  # its place; the rows are merged below
            dated.setdefault(ident, []).append(
                Row(record.row, first, last, employee, from_column(record))
            )
            continue
        if ident in first_row:
            problems.add(
                record.error(
                    column_for(record, "id"),
                    ident,
                    Text("file.twice", ident=ident, first=first_row[ident])
                    if record.unit == "row"
                    else f"employee `{ident}` appears twice (first at {record.unit} "
                    f"{first_row[ident]})",
                )
            )
            continue
        first_row[ident] = record.row
        employees.append(employee)
    if dated:
        employees = _merged(str(path), policy, employees, dated, problems)
    columns.warn(str(path), warnings)
    return employees, ids


def _merged(
    file: str,
    policy: Typed,
    employees: list[dict[str, Any]],
    dated: dict[str, list[Row]],
    problems: Problems,
) -> list[dict[str, Any]]:
    """The employees with each one's dated rows merged into one, with `changes`."""
    attributes = list(Typing(policy).attributes("employee").values())
    found = []
    for employee in employees:
        rows = dated.get(employee["id"])
        if rows is None:
            found.append(employee)
            continue
        try:
            found.append(merged(file, employee["id"], rows, attributes))
        except TableError as error:
            problems.add(error)
    return found


def usable(found: Iterable[Record], problems: Problems) -> Iterable[Record]:
    """The records of a file whose shape is right; a broken row is a problem, skipped."""
    for record in found:
        if record.broken is not None:
            problems.add(record.broken)
        else:
            yield record


def _raw_id(record: Record) -> str | None:
    _, value = record.get("id")
    if value is None:
        _, value = record.get("employee")
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def identity(record: Record, column: str, value: Any) -> str:
    """An employee's id from a cell: text as it is (never a number: an 18-digit NIP keeps
    every digit), refused in scientific notation; an xlsx number of at most 15 digits as its
    digits; a JSON whole number as its digits."""
    if isinstance(value, str):
        try:
            return text_cells.identifier(value.strip()) if not record.is_json else value.strip()
        except TextProblem as problem:
            raise record.error(column, value, problem.text) from None
    if record.excel and isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return excel_text(value)
        except TextProblem as problem:
            raise record.error(column, value, problem.text) from None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise record.error(column, value, Text("input.file.id_type", value=shown(value)))


def _row_day(record: Record) -> dt.date | None:
    """The day that types a row's values for a set of versions (`by_version`): its `valid
    from`, else its `valid until`; None without them (a bad date is reported by `validity`)."""
    for name in VALIDITY:
        _, value = record.get(name)
        try:
            day = row_date(record, name, value)
        except TableError:
            return None
        if day is not None:
            return day
    return None


def employee_record(record: Record, columns: Columns, day: dt.date | None = None) -> dict[str, Any]:
    """An employee row's values, typed (for a set, by the version in force on `day`)."""
    values = columns.read(record, required=("id",), day=day)
    employee: dict[str, Any] = {"id": identity(record, column_for(record, "id"), values["id"])}
    name = values.pop("name", None)
    if not blank(name):
        if record.excel and isinstance(name, (int, float)):
            name = str(name)
        if not isinstance(name, str):
            raise record.error(column_for(record, "name"), name, Text("input.file.name_not_text"))
        employee["name"] = name.strip()
    zone_name = values.pop("timezone", None)
    if not blank(zone_name):
        if not isinstance(zone_name, str):
            raise record.error(
                column_for(record, "timezone"),
                zone_name,
                Text("input.file.zone_not_name"),
            )
        try:
            find_zone(zone_name.strip())
        except (LookupError, ValueError):
            raise record.error(
                column_for(record, "timezone"),
                zone_name,
                Text("input.file.zone_unknown", value=shown(zone_name)),
            ) from None
        employee["timezone"] = zone_name.strip()
    changes = values.pop("changes", None)
    if not blank(changes):
        if not record.is_json:  # a list of changes is JSON's; a file has --changes FILE
            raise record.error(column_for(record, "changes"), changes, Text("file.changes_cell"))
        employee["changes"] = changes  # typed by the engine, as the library's are
    del values["id"]
    employee.update(values)
    return employee


def read_employee(
    path: str | Path, policy: Typed, *, reading: Reading | None = None
) -> dict[str, Any]:
    """One employee: a JSON object, or an employees file (JSON list, CSV, xlsx) holding one."""
    reading = reading or Reading()
    if is_workbook(path):
        employees = read_employees(path, policy, reading=reading, warnings=[])
    else:
        text = read_text(path, reading.encoding)
        if is_json(path, text):
            document = load_json(path, text)
            if isinstance(document, dict):
                document = [document]
            employees = [
                employee_record(r, Columns.of(policy, "employee", EMPLOYEE_FIELDS, reading))
                for r in json_records(path, document, "employee", keys=reading.key)
            ]
        else:
            employees = read_employees(path, policy, reading=reading, warnings=[])
    if len(employees) != 1:
        problem = Text("input.file.one_employee", count=len(employees))
        raise TableError(str(path), None, None, None, problem)
    return employees[0]


__all__ = ["Text", "read_employee", "read_employees"]
