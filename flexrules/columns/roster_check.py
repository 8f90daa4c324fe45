"""The columnar roster check: `Policy.check_table`'s violations by grouped sums over columns,
the per-employee Python kept to the employees who break something.

1. The tables are read into integer columns (`columns.roster_inputs`); an employee with
   anything the columns do not read as the plain check does takes the plain path.
2. Limits: per employee and period, days and seconds counted by numpy (`columns.
   roster_limits`); an employee who may break one takes the plain path, whose
   `ScheduleChecker` finds and words the violations exactly as `check_roster` does.
3. Staffing and shares: from every shift on the policy's clock, counted per group, day and
   window (`columns.roster_groups`); the plain steps word the gaps and overruns found.

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
from ..rosters.limits import ScheduleChecker
from ..rosters.periods import checked_period, period_limit, within_limit
from ..rosters.records import Violation
from ..rosters.reports import ScheduleReport
from ..rosters.staffing import RosterChecker, _spans, _to_zone, checked_headcount
from .roster_groups import GroupPart, Spans, group_violations
from .roster_inputs import RosterColumns, Unsupported
from .roster_limits import limit_flags

__all__ = ["GroupPart", "Unsupported", "check_columns", "check_part", "reduce_parts"]


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
    violations, part = check_part(
        rosters, employees, shifts, read_leave, period, max_period_days, headcount
    )
    return [*violations, *reduce_parts(rosters, [part], period, headcount, max_period_days)]


def check_part(
    rosters: RosterChecker,
    employees: pa.Table,
    shifts: pa.Table,
    read_leave: Any,
    period: Any = None,
    max_period_days: int | None = None,
    headcount: Mapping[Any, int] | None = None,
) -> tuple[list[Violation], GroupPart]:
    """The map of a roster split by employee (`flexrules.dask`): the violations of these
    employees' schedules, in roster order, and what staffing and shares read of them (a
    `GroupPart`: the columns those rules read, every shift on the policy's clock as arrays)."""
    decider = rosters.decider
    if rosters.schedules.presence:
        raise Unsupported("core hours and start windows")
    roster = RosterColumns(decider, employees, shifts, read_leave)
    limit = period_limit(max_period_days)
    bounds = checked_period(period, limit)
    checked_headcount(headcount)
    flags = limit_flags(decider, rosters.schedules.limits, roster, bounds)
    plain = roster.plain | flags.any(axis=1)
    reports = _plain_reports(rosters, roster, plain, period, limit, flags)
    violations = [v for report in reports.values() for v in report.violations]
    if not rosters.rules:
        return violations, GroupPart.empty(decider)
    spans = _all_spans(roster, plain, reports, decider.zone)
    return violations, GroupPart.of(rosters, roster, spans)


def reduce_parts(
    rosters: RosterChecker,
    parts: list[GroupPart],
    period: Any = None,
    headcount: Mapping[Any, int] | None = None,
    max_period_days: int | None = None,
) -> list[Violation]:
    """The staffing and share violations of a whole roster from its parts, in
    `check_roster`'s order."""
    if not rosters.rules:
        return []
    limit = period_limit(max_period_days)
    bounds = checked_period(period, limit)
    sizes = checked_headcount(headcount)
    people, spans = GroupPart.joined(parts)
    days = bounds
    if days is None and spans.emp.size:
        days = (int(spans.start.min()) // DAY, int(spans.end.max() - 1) // DAY)
        within_limit(days, limit, "without a period, the roster's shifts span", None)
    if days is None:
        return []
    return group_violations(rosters, people, spans, days, sizes)


def _all_spans(
    roster: RosterColumns,
    plain: np.ndarray,
    reports: dict[str, ScheduleReport],
    zone: zoneinfo.ZoneInfo,
) -> Spans:
    """Every shift on the policy's clock: the columnar employees' from the columns, the plain
    employees' as `check_roster` cuts them (less their part-day absences)."""
    rows = np.flatnonzero(~plain[roster.emp]) if roster.emp.size else roster.emp
    number = {ident: index for index, ident in enumerate(roster.ids)}
    cut = _spans(reports, zone)
    return Spans(
        np.concatenate([roster.emp[rows], np.array([number[s[0]] for s in cut], dtype=np.int64)]),
        np.concatenate(
            [_on_clock(roster, rows, roster.start, zone), np.array([s[1] for s in cut], np.int64)]
        ),
        np.concatenate(
            [_on_clock(roster, rows, roster.end, zone), np.array([s[2] for s in cut], np.int64)]
        ),
        np.concatenate([roster.location[rows], np.array([s[3] for s in cut], np.int64)]),
    )


def _plain_reports(
    rosters: RosterChecker,
    roster: RosterColumns,
    plain: np.ndarray,
    period: Any,
    limit: int,
    flags: np.ndarray,
) -> dict[str, ScheduleReport]:
    """The plain check of each employee on the plain path, in roster order: with every limit
    for one whose rows the columns cannot read, with the limits that flagged them for one the
    limits sent (the others find nothing of theirs, so the violations and their order are
    the same)."""
    chosen = np.flatnonzero(plain)
    if not chosen.size:
        return {}
    people = roster.employees.take(pa.array(chosen)).to_pylist()
    rows = np.flatnonzero(plain[roster.emp])
    by_employee: dict[int, list[dict[str, Any]]] = {}
    taken = roster.shifts.take(pa.array(rows)).to_pylist() if rows.size else []
    for who, row in zip(roster.emp[rows].tolist(), taken, strict=True):
        by_employee.setdefault(who, []).append(row)
    checkers: dict[tuple[int, ...], ScheduleChecker] = {}
    limits = rosters.schedules.limits
    reports: dict[str, ScheduleReport] = {}
    for who, person in zip(chosen.tolist(), people, strict=True):
        ident = roster.ids[who]
        assert ident is not None
        checker = rosters.schedules
        if not roster.plain[who]:
            which = tuple(np.flatnonzero(flags[who]).tolist())
            checker = checkers.get(which) or checkers.setdefault(
                which, ScheduleChecker(rosters.decider, [limits[i] for i in which])
            )
        reports[ident] = checker.check(
            person, by_employee.get(who, []), period, roster.leave.get(who, ()), limit
        )
    return reports


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
