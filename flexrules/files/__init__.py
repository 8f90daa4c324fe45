"""Reading people, shifts and leave from the files agencies keep (CSV, xlsx, JSON).

The named readers: `read_employees`, `read_employee`, `read_shifts`, `read_requests`,
`read_absences`, `read_headcount`, `read_schedule`, `read_roster`, `read_changes`. Each takes
a path (and the policy whose declarations type the cells) and raises `TableError` naming the
file, row and column of a problem, or `TableErrors` listing every one (up to 50). Text cells
are read by the one table of `engine.text_cells`; `columns=`, `separator=`, `encoding=` and
`absence_codes=` say how an export is written (docs/data.md).

A path is a regular file, or `"-"` for standard input; each is read under a size cap,
`DEFAULT_MAX_SIZE` (50 MiB) unless `size_limit` raises it, and a folder, a
named pipe, a device or a socket is refused (`sources`).
"""

from __future__ import annotations

from .changes import read_changes
from .leave import read_absences, read_headcount
from .people import read_employee, read_employees
from .reading import Reading
from .records import ColumnsWarning, FileWarning, RepeatedProblem, TableError, TableErrors
from .roster import Roster, read_roster
from .shifts import (
    Requests,
    ScheduleFile,
    read_request_file,
    read_requests,
    read_schedule,
    read_shifts,
)
from .sources import DEFAULT_MAX_SIZE, STDIN, size_limit

__all__ = [
    "DEFAULT_MAX_SIZE",
    "STDIN",
    "ColumnsWarning",
    "FileWarning",
    "Reading",
    "RepeatedProblem",
    "Requests",
    "Roster",
    "ScheduleFile",
    "TableError",
    "TableErrors",
    "read_absences",
    "read_changes",
    "read_employee",
    "read_employees",
    "read_headcount",
    "read_request_file",
    "read_requests",
    "read_roster",
    "read_schedule",
    "read_shifts",
    "size_limit",
]
