"""Employees read from files: a CSV with a header row or a JSON list, one employee a row."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..clock.zones import zone as find_zone
from ..engine.values import shown
from ..policy import Policy
from .cells import EMPLOYEE_FIELDS
from .records import (
    Columns,
    Record,
    TableError,
    blank,
    column_for,
    is_json,
    json_records,
    load_json,
    read_text,
    records,
)


def read_employees(path: str | Path, policy: Policy) -> list[dict[str, Any]]:
    """Employees from a JSON list of objects or a CSV file with a header row: `id`, `name`,
    `timezone`, then one column per declared employee attribute (`job type` or `job_type`).
    Each comes back as a dict the engine reads: `id`, `name`, `timezone` and the attributes
    under their declared names. An id given twice is an error."""
    columns = Columns.of(policy, "employee", EMPLOYEE_FIELDS)
    employees: list[dict[str, Any]] = []
    first_row: dict[str, int | None] = {}
    for record in records(path, "employee"):
        employee = employee_record(record, columns)
        ident = employee["id"]
        if ident in first_row:
            raise record.error(
                column_for(record, "id"),
                ident,
                f"employee `{ident}` appears twice (first at {record.unit} {first_row[ident]})",
            )
        first_row[ident] = record.row
        employees.append(employee)
    return employees


def employee_record(record: Record, columns: Columns) -> dict[str, Any]:
    values = columns.read(record, required=("id",))
    ident = values["id"]
    if isinstance(ident, bool) or not isinstance(ident, (str, int)):
        raise record.error(
            column_for(record, "id"),
            ident,
            f"an employee id is text or a whole number, not {shown(ident)}",
        )
    employee: dict[str, Any] = {"id": str(ident).strip()}
    name = values.pop("name", None)
    if not blank(name):
        if not isinstance(name, str):
            raise record.error(column_for(record, "name"), name, "a name is text")
        employee["name"] = name.strip()
    zone_name = values.pop("timezone", None)
    if not blank(zone_name):
        if not isinstance(zone_name, str):
            raise record.error(
                column_for(record, "timezone"),
                zone_name,
                "a time zone is a name such as Asia/Makassar or WITA",
            )
        try:
            find_zone(zone_name.strip())
        except (LookupError, ValueError):
            raise record.error(
                column_for(record, "timezone"),
                zone_name,
                f"unknown time zone {shown(zone_name)}; use an IANA name such "
                "as Asia/Makassar, or WIB, WITA, WIT",
            ) from None
        employee["timezone"] = zone_name.strip()
    del values["id"]
    employee.update(values)
    return employee


def read_employee(path: str | Path, policy: Policy) -> dict[str, Any]:
    """One employee: a JSON object, or an employees file (JSON list or CSV) holding one."""
    text = read_text(path)
    if is_json(path, text):
        document = load_json(path, text)
        if isinstance(document, dict):
            document = [document]
        employees = [
            employee_record(r, Columns.of(policy, "employee", EMPLOYEE_FIELDS))
            for r in json_records(path, document, "employee")
        ]
    else:
        employees = read_employees(path, policy)
    if len(employees) != 1:
        raise TableError(
            str(path), None, None, None, f"must hold one employee, not {len(employees)}"
        )
    return employees[0]
