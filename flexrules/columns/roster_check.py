"""The columnar roster check: `Policy.check_table`'s violations by grouped sums over columns,
the per-employee Python kept to the employees who break something.

1. The tables are read into integer columns (`columns.roster_inputs`); an employee with
   anything the columns do not read as the plain check does takes the plain path.
2. Limits: per employee and period, days and seconds counted by numpy (`columns.
   roster_limits`); an employee who may break one takes the plain path, whose
   `ScheduleChecker` finds and words the violations exactly as `check_roster` does.
3. Staffing and shares: from every shift on the policy's clock (`columns.roster_groups`).

Decisions themselves are not needed: limits, staffing and shares count every shift, allowed or
not (docs/schedule-semantics.md), and a row `decide` would refuse takes the plain path, which
raises `decide`'s error. A policy with what these steps do not take (core hours or start
windows, a limit a shift rule overrides) raises `Unsupported` and the plain check takes the
whole roster: never a different answer.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Mapping
from typing import Any

import numpy as np
import pyarrow as pa

from ..clock.calendar import DAY
from ..rosters.periods import checked_period, period_limit, within_limit
from ..rosters.records import Violation
from ..rosters.reports import ScheduleReport
from ..rosters.staffing import RosterChecker, Span, _spans, _to_zone, checked_headcount
from .roster_inputs import RosterColumns, Unsupported
from .roster_limits import limit_flags

__all__ = ["Unsupported", "check_columns"]


def check_columns(
    rosters: RosterChecker,
    employees: pa.Table,
    shifts: pa.Table,
    read_leave: Any,
    period: Any = None,
    headcount: Mapping[Any, int] | None = None,
    max_period_days: int | None = None,
) -> list[Violation]:
    """The roster's violations in `check_roster`'s order (see the module)."""
    decider = rosters.decider
    if rosters.schedules.presence:
        raise Unsupported("core hours and start windows")
    roster = RosterColumns(decider, employees, shifts, read_leave)
    limit = period_limit(max_period_days)
    bounds = checked_period(period, limit)
    sizes = checked_headcount(headcount)
    plain = roster.plain | limit_flags(decider, rosters.schedules.limits, roster, bounds)
    reports = _plain_reports(rosters, roster, plain, period, limit)
    violations = [v for report in reports.values() for v in report.violations]
    if not rosters.rules:
        return violations
    zone = decider.zone
    spans = [*_spans(reports, zone), *_column_spans(roster, plain, zone)]
    days = bounds
    if days is None and spans:
        days = (min(s for _, s, _, _ in spans) // DAY, max(e - 1 for _, _, e, _ in spans) // DAY)
        within_limit(days, limit, "without a period, the roster's shifts span", None)
    if days is None:
        return violations
    people = employees.to_pylist()
    facts = {
        ident: decider.employee_values(person)
        for ident, person in zip(roster.ids, people, strict=True)
    }
    assert all(ident is not None for ident in facts)
    found = rosters._group_violations(days, facts, spans, zone, sizes, [])  # type: ignore[arg-type]
    return [*violations, *found]


def _plain_reports(
    rosters: RosterChecker,
    roster: RosterColumns,
    plain: np.ndarray,
    period: Any,
    limit: int,
) -> dict[str, ScheduleReport]:
    """The plain check of each employee on the plain path, in roster order."""
    chosen = np.flatnonzero(plain)
    if not chosen.size:
        return {}
    people = roster.employees.take(pa.array(chosen)).to_pylist()
    rows = np.flatnonzero(plain[roster.emp])
    by_employee: dict[int, list[dict[str, Any]]] = {}
    taken = roster.shifts.take(pa.array(rows)).to_pylist() if rows.size else []
    for who, row in zip(roster.emp[rows].tolist(), taken, strict=True):
        by_employee.setdefault(who, []).append(row)
    reports: dict[str, ScheduleReport] = {}
    for who, person in zip(chosen.tolist(), people, strict=True):
        ident = roster.ids[who]
        assert ident is not None
        reports[ident] = rosters.schedules.check(
            person, by_employee.get(who, []), period, roster.leave.get(who, ()), limit
        )
    return reports


def _column_spans(roster: RosterColumns, plain: np.ndarray, zone: zoneinfo.ZoneInfo) -> list[Span]:
    """The shifts of the employees on the columnar path on the policy's clock, as `_spans`
    gives them (they have no part-day absences)."""
    rows = np.flatnonzero(~plain[roster.emp]) if roster.emp.size else roster.emp
    start, end = (
        _on_clock(roster, rows, roster.start, zone),
        _on_clock(roster, rows, roster.end, zone),
    )
    ids = roster.ids
    return list(
        zip(
            [ids[who] for who in roster.emp[rows].tolist()],
            start.tolist(),
            end.tolist(),
            roster.location[rows].tolist(),
            strict=True,
        )
    )


def _on_clock(
    roster: RosterColumns, rows: np.ndarray, local: np.ndarray, zone: zoneinfo.ZoneInfo
) -> np.ndarray:
    """Local seconds on each row's employee's clock as local seconds on the policy's, each
    distinct (zone, time) converted once as `_spans` converts it."""
    codes = roster.zone_of_emp[roster.emp[rows]]
    values = local[rows]
    found: np.ndarray = values.copy()
    for code, where in enumerate(roster.zones):
        if where is None or where.key == zone.key:
            continue
        mine = np.flatnonzero(codes == code)
        if not mine.size:
            continue
        distinct, inverse = np.unique(values[mine], return_inverse=True)
        moved = np.array([_to_zone(int(v), where, zone) for v in distinct.tolist()], dtype=np.int64)
        found[mine] = moved[inverse.reshape(-1)]
    return found
