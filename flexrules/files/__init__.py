"""Reading people, shifts and leave from the files agencies keep (CSV, JSON).

The named readers: `read_employees`, `read_employee`, `read_shifts`, `read_requests`,
`read_absences`, `read_headcount`, `read_schedule`, `read_roster`. Each takes a path (and the
policy whose declarations type the cells) and raises `TableError` naming the file, row and
column of any problem.
"""

from __future__ import annotations

from .leave import read_absences, read_headcount
from .people import read_employee, read_employees
from .records import TableError
from .roster import Roster, read_roster
from .shifts import ScheduleFile, read_requests, read_schedule, read_shifts

__all__ = [
    "Roster",
    "ScheduleFile",
    "TableError",
    "read_absences",
    "read_employee",
    "read_employees",
    "read_headcount",
    "read_requests",
    "read_roster",
    "read_schedule",
    "read_shifts",
]
