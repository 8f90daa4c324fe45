"""Rosters given as tables: employees, shifts and leave read from Arrow (or pandas, polars)
into the library's schedules, and violations written back as a table.

`check_table` is `Policy.check_roster` over tables, violation for violation: the tables are
read row by row into the same `Schedule`s a caller would build (rows as the dicts Arrow gives),
and the roster checker does the rest. `flexrules.dask` runs the same two steps on each
partition of a roster and adds their parts together (`RosterChecker.group_inputs`).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable, Mapping
from typing import Any

import pyarrow as pa

from ..core.errors import InputError
from ..core.messages import Text
from ..engine.values import as_date
from ..rosters.absences import Absence
from ..rosters.records import Schedule, Violation, ident_of
from ..rosters.staffing import RosterChecker
from .tables import as_arrow, like, no_changes

#: the columns of a violations table
VIOLATION_COLUMNS = ("rule", "kind", "employee", "start", "end", "present", "group", "message")


def violation_schema(zone: zoneinfo.ZoneInfo) -> pa.Schema:
    """The Arrow schema of a violations table on a policy's clock."""
    moment = pa.timestamp("us", tz=zone.key)
    return pa.schema(
        [
            ("rule", pa.string()),
            ("kind", pa.string()),
            ("employee", pa.string()),
            ("start", moment),
            ("end", moment),
            ("present", pa.list_(pa.string())),
            ("group", pa.string()),
            ("message", pa.string()),
        ]
    )


def check_table(
    rosters: RosterChecker,
    employees: Any,
    shifts: Any,
    period: Any = None,
    absences: Any = None,
    headcount: Mapping[Any, int] | None = None,
    *,
    language: str | None = None,
    max_period_days: int | None = None,
) -> Any:
    """Every violation of the roster, one row each, as a table of the kind `shifts` is."""
    from .roster_check import Unsupported, check_columns

    no_changes(employees)
    kind, shift_table = as_arrow(shifts)
    people = as_arrow(employees)[1]
    try:
        violations = check_columns(
            rosters,
            _table(people),
            _table(shift_table),
            lambda known: _leave(
                as_arrow(absences)[1].to_pylist() if absences is not None else [], known
            ),
            period,
            headcount,
            max_period_days,
        )
    except Unsupported:
        schedules = schedules_of(employees, shifts, absences)
        violations = rosters.check(schedules, period, headcount, max_period_days).violations
    return like(kind, violations_table(violations, rosters.decider.zone, language))


def _table(arrow: pa.Table | pa.RecordBatch) -> pa.Table:
    return pa.Table.from_batches([arrow]) if isinstance(arrow, pa.RecordBatch) else arrow


def schedules_of(employees: Any, shifts: Any, absences: Any = None) -> list[Schedule]:
    """One `Schedule` per row of `employees`, in its order, with the rows of `shifts` whose
    `employee` is its `id` and its leave days from `absences` (rows of `employee` and `date`,
    or `employee`, `from` and `to`)."""
    no_changes(employees)
    people = as_arrow(employees)[1].to_pylist()
    known = {ident_of(person) for person in people}
    by_employee: dict[str | None, list[dict[str, Any]]] = {}
    for row in as_arrow(shifts)[1].to_pylist():
        ident = None if row.get("employee") is None else str(row["employee"])
        if ident not in known:
            raise InputError(
                "employee",
                row.get("employee"),
                Text("input.roster.unknown_employee", ident=str(ident)),
            )
        by_employee.setdefault(ident, []).append(row)
    leave = _leave(as_arrow(absences)[1].to_pylist() if absences is not None else [], known)
    return [
        Schedule(
            person,
            by_employee.get(ident_of(person), []),
            tuple(leave.get(ident_of(person), ())),
        )
        for person in people
    ]


def _leave(rows: Iterable[dict[str, Any]], known: set[str | None]) -> dict[str | None, list[Any]]:
    """Each employee's absences as schedules take them (DATA.md §3): a `date`, or `from` and
    `to`; with an optional `kind`, and `start time` and `end time` for part of the day."""
    found: dict[str | None, list[Any]] = {}
    for row in rows:
        ident = None if row.get("employee") is None else str(row["employee"])
        if ident not in known:
            raise InputError(
                "employee",
                row.get("employee"),
                Text("input.roster.unknown_employee", ident=str(ident)),
            )
        found.setdefault(ident, []).append(_absence(row))
    return found


def _absence(row: dict[str, Any]) -> Any:
    """One row of absences as `Policy.check` takes it."""
    kind = _cell(row, "kind")
    begin, finish = _cell(row, "start time"), _cell(row, "end time")
    date = row.get("date")
    if date is not None:
        if begin is not None or finish is not None:
            return Absence(_at(date, begin), _at(date, finish), kind)
        return date if kind is None else Absence(date, None, kind)
    first, last = as_date(row.get("from")), as_date(row.get("to"))
    if not isinstance(first, dt.date) or not isinstance(last, dt.date):
        raise InputError("from", row.get("from"), Text("file.leave_days"))
    return Absence(first, last, kind)


def _cell(row: dict[str, Any], name: str) -> Any:
    """A column by its name as written or with `_` for spaces."""
    value = row.get(name)
    return row.get(name.replace(" ", "_")) if value is None else value


def _at(date: Any, time: Any) -> Any:
    """A date and a time of day as ISO text (None stays None: the absence says what is
    missing)."""
    if time is None:
        return None
    day = date.isoformat() if isinstance(date, dt.date) else str(date)
    clock = time.isoformat() if isinstance(time, dt.time) else str(time)
    return f"{day}T{clock}"


def violations_table(
    violations: Iterable[Violation], zone: zoneinfo.ZoneInfo, language: str | None = None
) -> pa.Table:
    """One row per violation (see `VIOLATION_COLUMNS`); `message` in `language` (the
    policy's by default)."""
    rows = [
        {
            "rule": v.rule,
            "kind": v.kind,
            "employee": v.employee,
            "start": v.start,
            "end": v.end,
            "present": None if v.present is None else list(v.present),
            "group": None if v.group is None else str(v.group),
            "message": v.message_for(language),
        }
        for v in violations
    ]
    return pa.Table.from_pylist(rows, schema=violation_schema(zone))
