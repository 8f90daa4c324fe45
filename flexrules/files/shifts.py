"""Shifts read from files: a roster's shifts file, one employee's requests, and schedules."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from ..clock.zones import zone as find_zone
from ..core.errors import InputError
from ..engine.facts import LOCATIONS, shift_span
from ..engine.values import as_date, shown
from ..policy import Policy
from .cells import EMPLOYEE_FIELDS, LOCATION_WORDS, NOTE, SHIFT_FIELDS, column_key
from .leave import date_cell
from .people import employee_record, read_employee
from .records import (
    Columns,
    Record,
    TableError,
    blank,
    check_keys,
    column_for,
    csv_records,
    is_json,
    json_records,
    load_json,
    read_text,
    records,
)

_DATE_FIRST = re.compile(r"\d{4}-\d{2}-\d{2}")
_CLOCK_ONLY = re.compile(r"\d{1,2}[:.]\d{2}(?::\d{2})?")


def shift_record(
    record: Record, columns: Columns, employee: Mapping[str, Any] | None, policy: Policy
) -> dict[str, Any]:
    """A shift checked as the engine would check it, but with the row's file and column."""
    values = columns.read(record, required=("start", "end", "location"))
    values.pop("employee", None)
    values["location"] = _location(record, values["location"])
    for key in ("start", "end"):
        if isinstance(values[key], str):
            values[key] = values[key].strip()
            if _CLOCK_ONLY.fullmatch(values[key]):
                raise record.error(
                    column_for(record, key),
                    values[key],
                    f"{shown(values[key])} is a time without its day; write "
                    "the date and time, such as 2025-07-07T08:00",
                )
            if not _DATE_FIRST.match(values[key]):
                raise record.error(
                    column_for(record, key),
                    values[key],
                    f"{shown(values[key])} is not a date and time such as 2025-07-07T08:00",
                )
    zone_name = (employee or {}).get("timezone") or policy.timezone
    try:
        shift_span(values["start"], values["end"], find_zone(zone_name))
    except InputError as exc:
        column = column_for(record, exc.field if exc.field in ("start", "end") else "start")
        raise record.error(column, exc.value, exc.message) from None
    return values


def _location(record: Record, location: Any) -> str:
    """A shift's location: in a CSV cell `office`, `home`, `anywhere` or `WFO`, `WFH`, `WFA`,
    any case; in JSON, a value, exactly `office`, `home` or `anywhere`, as the API takes it."""
    word = LOCATION_WORDS.get(location.strip().casefold()) if isinstance(location, str) else None
    if record.is_json:
        if isinstance(location, str) and location in LOCATIONS:
            return location
        hint = f' (in JSON write "{word}")' if word is not None else ""
    elif word is not None:
        return word
    else:
        hint = " (or WFO, WFH, WFA)"
    raise record.error(
        column_for(record, "location"),
        location,
        f"{shown(location)} is not a location; use office, home or anywhere{hint}",
    )


def read_requests(
    path: str | Path, policy: Policy, employee: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """The shifts to decide for one employee (`flexrules decide`): a JSON object, a JSON list
    or CSV rows, typed and checked like a roster's. An `employee` key or column, when given,
    must name this employee, so a shift is never decided for the wrong person."""
    return read_request_file(path, policy, employee).shifts


@attrs.frozen
class Requests:
    """The shifts of a request file, and whether the file holds a list of them (a JSON list or
    CSV rows) rather than one JSON object: a list is answered with a list."""

    shifts: list[dict[str, Any]]
    is_list: bool


def read_request_file(path: str | Path, policy: Policy, employee: Mapping[str, Any]) -> Requests:
    """`read_requests`, and whether the file holds a list."""
    text = read_text(path)
    if is_json(path, text):
        document = load_json(path, text)
        is_list = not isinstance(document, dict)
        found = json_records(path, document if is_list else [document], "shift")
    else:
        is_list = True
        found = csv_records(path, text)
    columns = Columns.of(policy, "shift", SHIFT_FIELDS)
    ident = None if employee.get("id") is None else str(employee["id"])
    shifts = []
    for record in found:
        raw = next((v for c, v in record.values.items() if column_key(c) == "employee"), None)
        if not blank(raw) and ident is not None and str(raw).strip() != ident:
            raise record.error(
                column_for(record, "employee"),
                raw,
                f"this shift is for `{str(raw).strip()}`, not for `{ident}`, the employee given",
            )
        shifts.append(shift_record(record, columns, employee, policy))
    if not shifts:
        raise TableError(str(path), None, None, None, "holds no shifts to decide")
    return Requests(shifts, is_list)


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
        if blank(raw):
            present = any(column_key(c) == "employee" for c in record.values)
            raise record.error(
                column_for(record, "employee") if present else None,
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
                column_for(record, "employee"),
                raw,
                f"no employee `{ident}` in the employees file{hint}",
            )
        shifts[ident].append(shift_record(record, columns, known[ident], policy))
    return shifts


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
    text = read_text(path)
    document = load_json(path, text) if is_json(path, text) else None
    if isinstance(document, dict):
        found = _schedule_object(str(path), document, policy, employee_path)
    else:
        found = _shifts_file(path, text, document, policy, employee_path)
    employee, shift_records = found.employee, found.records
    columns = Columns.of(policy, "shift", SHIFT_FIELDS)
    shifts = []
    for record in shift_records:
        owner = next((v for c, v in record.values.items() if column_key(c) == "employee"), None)
        if not blank(owner) and str(owner).strip() != employee["id"]:
            raise record.error(
                column_for(record, "employee"),
                owner,
                f"this shift is for `{str(owner).strip()}`, but the schedule is "
                f"`{employee['id']}`'s",
            )
        shifts.append(shift_record(record, columns, employee, policy))
    return ScheduleFile(employee, shifts, found.period, found.absences)


@attrs.frozen
class _ScheduleParts:
    """A schedule file's employee, its shift records (not yet read), period and leave."""

    employee: dict[str, Any]
    records: Iterable[Record]
    period: tuple[str, str] | None = None
    absences: tuple[str, ...] = ()


def _schedule_object(
    name: str, document: dict[str, Any], policy: Policy, employee_path: str | Path | None
) -> _ScheduleParts:
    """The parts of a schedule written as one JSON object."""
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
    employee = _schedule_employee(name, document, policy, employee_path)
    shifts = json_records(name, document.get("shifts", []), "shift", unit="shift")
    period = _schedule_period(name, document.get("period"))
    raw_absences = document.get("absences", [])
    if not isinstance(raw_absences, list):
        raise TableError(
            name, None, "absences", raw_absences, "absences is a list of dates", unit="schedule"
        )
    absences = tuple(
        date_cell(Record(name, number, {}, "absence"), None, value).isoformat()
        for number, value in enumerate(raw_absences, start=1)
    )
    return _ScheduleParts(employee, shifts, period, absences)


def _schedule_employee(
    name: str, document: dict[str, Any], policy: Policy, employee_path: str | Path | None
) -> dict[str, Any]:
    """A schedule object's employee: its `employee` key, or the file given, not both."""
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
        return read_employee(employee_path, policy)
    if not isinstance(document.get("employee"), dict):
        raise TableError(
            name,
            None,
            "employee",
            document.get("employee"),
            "a schedule needs an employee object (or --employee FILE)",
            unit="schedule",
        )
    record = Record(name, None, dict(document["employee"]), "employee")
    check_keys(name, None, document["employee"], "employee")
    return employee_record(record, Columns.of(policy, "employee", EMPLOYEE_FIELDS))


def _shifts_file(
    path: str | Path,
    text: str,
    document: Any,
    policy: Policy,
    employee_path: str | Path | None,
) -> _ScheduleParts:
    """The parts of a schedule given as a shifts file (CSV or a JSON list) and an employee."""
    if employee_path is None:
        raise TableError(
            str(path),
            None,
            None,
            None,
            "a shifts file needs --employee FILE (or write the schedule as a "
            "JSON object with employee and shifts)",
        )
    shifts = (
        json_records(path, document, "shift") if document is not None else csv_records(path, text)
    )
    return _ScheduleParts(read_employee(employee_path, policy), shifts)


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
