"""A roster read from files: employees, their shifts and their leave, checked against each
other."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs

from ..policy import Policy
from ..rosters.records import Schedule
from .leave import read_absences
from .people import read_employees
from .shifts import read_shifts


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
