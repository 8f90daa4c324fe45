"""A roster read from files: employees, their shifts and their leave, checked against each
other, with every problem of every file reported together (up to 50)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from ..rosters.records import Schedule
from .by_version import Typed, Typing
from .changes import changes_of, with_changes
from .leave import absences_of
from .people import employees_of
from .reading import Reading, reading_of
from .records import FileWarning, Problems, TableError
from .shifts import shifts_of


@attrs.frozen
class Roster:
    """Employees with their shifts and leave, as read from files. `kinds` holds the kind of
    each day of leave that has one (by employee id, then ISO date), from a leave file's or an
    attendance export's `kind` column; `warnings` what the readers ignored."""

    employees: list[dict[str, Any]]
    shifts: dict[str, list[dict[str, Any]]]
    #: by employee id, ISO dates (whole days without a kind) and `Absence` objects
    absences: dict[str, list[Any]] = attrs.field(factory=dict)
    kinds: dict[str, dict[str, str]] = attrs.field(factory=dict)
    warnings: list[FileWarning] = attrs.field(factory=list)

    def schedules(self) -> list[Schedule]:
        """One `Schedule` per employee, in the employees file's order."""
        return [
            Schedule(e, self.shifts.get(e["id"], []), tuple(self.absences.get(e["id"], ())))
            for e in self.employees
        ]


def read_roster(
    employees_path: str | Path,
    shifts_path: str | Path,
    policy: Typed,
    absences_path: str | Path | None = None,
    *,
    columns: str | Mapping[str, str] | None = None,
    separator: str | None = None,
    encoding: str | None = None,
    absence_codes: str | Mapping[str, str] | None = None,
    reading: Reading | None = None,
    changes: str | Path | None = None,
) -> Roster:
    """Employees, their shifts and (optionally) their leave, checked against each other. The
    shifts file may be an attendance export whose rows with a `kind` are absences (whole
    days); `columns` maps every file's headers (`"NIP=id,TANGGAL=date"`), `absence_codes` an
    app's codes to kinds (`"CT=cuti tahunan,S=sakit"`). Every problem in the three files is
    reported together (`TableErrors`, up to 50); warnings (ignored columns) are on
    `Roster.warnings`. `changes` is a changes file (`employee`, `attribute`, `value`, `from`:
    `files.changes`), whose changes join the employees' own (DATA.md §2)."""
    found = reading_of(
        reading,
        columns=columns,
        separator=separator,
        encoding=encoding,
        absence_codes=absence_codes,
    )
    problems = Problems()
    warnings: list[FileWarning] = []
    employees, ids = employees_of(employees_path, policy, found, problems, warnings)
    if changes is not None:
        employees = with_changes(
            employees, changes_of(changes, policy, found, problems, warnings, ids)
        )
    shifts, away = shifts_of(shifts_path, policy, employees, found, problems, warnings, ids)
    days: dict[str, list[Any]] = {}
    kinds: dict[str, dict[str, str]] = {}
    for ident, rows in away.items():
        for row in rows:
            days.setdefault(ident, []).append(row.absence())
            if row.start is None:
                kinds.setdefault(ident, {})[row.date.isoformat()] = row.kind
    if absences_path is not None:
        leave = absences_of(
            absences_path, employees, found, problems, warnings, ids, Typing(policy)
        )
        for ident, more in leave.by_employee().items():
            days.setdefault(ident, []).extend(more)
        for ident, by_day in leave.kinds.items():
            kinds.setdefault(ident, {}).update(by_day)
    try:
        problems.check()
    except TableError as error:
        error.file_warnings = tuple(warnings)
        raise
    return Roster(employees, shifts, days, kinds, warnings)
