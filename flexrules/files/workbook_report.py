"""`flexrules roster --format xlsx --out FILE`: the roster report as a workbook (the optional
`flexrules[excel]` extra, openpyxl), for the officer who reads it in a spreadsheet.

Three sheets, named the same in every language (as JSON keys are; the messages are in the
report's language): `violations`, one row per violation with the columns of `--format csv`;
`decisions`, one row per decided shift with the columns of `decide --format csv`; `days`, one
row per day checked: the people on site, remote (home or anywhere) and away (leave), and the
coverage gaps (staffing violations) that start that day.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from ..core.messages import Text
from ..rosters.reports import RosterReport
from .output import DECISION_COLUMNS, VIOLATION_COLUMNS, decision_row, violation_row
from .workbooks import WorkbookProblem

#: the columns of the `days` sheet
DAY_COLUMNS = ("date", "on site", "remote", "away", "gaps", "gap rules")


def roster_workbook(report: RosterReport, language: str | None = None) -> bytes:
    """The workbook's bytes; a `WorkbookProblem` when openpyxl is not installed."""
    try:
        import openpyxl
    except ImportError:
        raise WorkbookProblem(Text("file.xlsx.no_extra_write")) from None
    workbook = openpyxl.Workbook(write_only=True)
    _sheet(
        workbook,
        "violations",
        VIOLATION_COLUMNS,
        [violation_row(v, language) for v in report.violations],
    )
    _sheet(
        workbook,
        "decisions",
        DECISION_COLUMNS,
        [decision_row(d, language) for ds in report.decisions.values() for d in ds],
    )
    _sheet(workbook, "days", DAY_COLUMNS, day_rows(report))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def day_rows(report: RosterReport) -> list[list[Any]]:
    """One row per day checked: date, on site, remote, away, gaps and their rules."""
    if report.days is None:
        days: list[dt.date] = sorted(report.presence)
    else:
        first, last = report.days
        days = [dt.date.fromordinal(n) for n in range(first, last + 1)]
    away: dict[dt.date, int] = {}
    for absences in report.absences.values():
        for day in absences:
            date = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
            away[date] = away.get(date, 0) + 1
    gaps: dict[dt.date, list[str]] = {}
    for violation in report.violations:
        if violation.kind == "staffing":
            gaps.setdefault(violation.start.date(), []).append(violation.rule)
    rows = []
    for day in days:
        where = report.presence.get(day, {})
        remote = len(where.get("home", ())) + len(where.get("anywhere", ()))
        rules = gaps.get(day, [])
        rows.append(
            [
                day,
                len(where.get("office", ())),
                remote,
                away.get(day, 0),
                len(rules),
                ";".join(dict.fromkeys(rules)),
            ]
        )
    return rows


def _sheet(workbook: Any, title: str, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    sheet = workbook.create_sheet(title)
    sheet.append(list(header))
    for row in rows:
        sheet.append(["" if cell is None else cell for cell in row])
