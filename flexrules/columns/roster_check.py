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

import datetime as dt
import zoneinfo
from collections.abc import Mapping
from typing import Any

import numpy as np
import pyarrow as pa

from ..clock.calendar import DAY
from ..language.statement_forms import Form
from ..rosters.limits import ScheduleChecker
from ..rosters.periods import checked_period, period_limit, period_of
from ..rosters.records import Violation
from ..rosters.reports import ScheduleReport
from ..rosters.staffing import RosterChecker, _spans, _to_zone, checked_headcount
from .roster_counts import reduce_counted
from .roster_groups import GroupPart, Spans
from .roster_inputs import RosterColumns, Unsupported
from .roster_limits import PAIR, flagged_employees, limit_flags

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
    chosen = roster.plain | flagged_employees(roster.count, flags)
    violations, reports = _plain_checks(rosters, roster, chosen, period, bounds, limit, flags)
    if not rosters.rules:
        return violations, GroupPart.empty()
    spans = _all_spans(roster, roster.plain, reports, decider.zone)
    return violations, GroupPart.of(rosters, roster, spans)


def reduce_parts(
    rosters: RosterChecker,
    parts: list[GroupPart],
    period: Any = None,
    headcount: Mapping[Any, int] | None = None,
    max_period_days: int | None = None,
) -> list[Violation]:
    """The staffing and share violations of a whole roster from its parts, in
    `check_roster`'s order: counts per group summed over the parts (`columns.roster_counts`)."""
    checked_headcount(headcount)
    return reduce_counted(rosters, parts, period, headcount, max_period_days)


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


def _plain_checks(
    rosters: RosterChecker,
    roster: RosterColumns,
    chosen: np.ndarray,
    period: Any,
    bounds: tuple[int, int] | None,
    limit: int,
    flags: list[np.ndarray],
) -> tuple[list[Violation], dict[str, ScheduleReport]]:
    """The violations of the employees chosen, in roster order, by the plain checker; and
    the reports of those whose rows the columns cannot read (checked whole: their shifts on
    the policy's clock come from the reports)."""
    people_of = np.flatnonzero(chosen)
    if not people_of.size:
        return [], {}
    people = roster.employees.take(pa.array(people_of)).to_pylist()
    rows = np.flatnonzero(chosen[roster.emp])
    by_employee: dict[int, list[int]] = {}
    for who, row in zip(roster.emp[rows].tolist(), rows.tolist(), strict=True):
        by_employee.setdefault(who, []).append(row)
    periods: dict[int, list[tuple[int, int]]] = {}  # employee -> (limit, first day) flagged
    for index, pairs in enumerate(flags):
        for pair in pairs.tolist():
            periods.setdefault(pair // PAIR, []).append((index, pair % PAIR))
    shift_rows = _ShiftRows(roster, rows)
    violations: list[Violation] = []
    reports: dict[str, ScheduleReport] = {}
    flagged = _Flagged(rosters, shift_rows, period, bounds, limit)
    for who, person in zip(people_of.tolist(), people, strict=True):
        ident = roster.ids[who]
        assert ident is not None
        mine = by_employee.get(who, [])
        leave = roster.leave.get(who, ())
        if roster.plain[who]:
            report = rosters.schedules.check(person, shift_rows.rows(mine), period, leave, limit)
            reports[ident] = report
            violations.extend(report.violations)
        else:
            violations.extend(flagged.check(person, mine, leave, periods[who]))
    return violations, reports


class _ShiftRows:
    """The shift rows of the employees checked by the plain checker, as `check_table`
    reads them (dicts, as Arrow gives them), each read once."""

    def __init__(self, roster: RosterColumns, rows: np.ndarray) -> None:
        self.roster = roster
        taken = roster.shifts.take(pa.array(rows)).to_pylist() if rows.size else []
        self._dicts = dict(zip(rows.tolist(), taken, strict=True))

    def rows(self, rows: list[int]) -> list[dict[str, Any]]:
        return [self._dicts[row] for row in rows]

    def touching(self, rows: list[int], first: int, last: int) -> list[int]:
        """The rows whose shift has a piece on a local day from `first` to `last`."""
        roster = self.roster
        return [
            row
            for row in rows
            if roster.start[row] // DAY <= last and (roster.end[row] - 1) // DAY >= first
        ]


class _Flagged:
    """An employee whom some limits flagged (and whose rows the columns read): each flagged
    limit applied by the plain checker to the shifts of the periods it flagged, which gives
    exactly the violations the whole check gives (a limit's periods are counted apart; a
    period left with part of its shifts counts no more than all of them, and no `at least`
    period is judged on part of them), in its order (by start, then the rules' order: each
    limit gives at most one violation per start)."""

    def __init__(
        self,
        rosters: RosterChecker,
        shift_rows: _ShiftRows,
        period: Any,
        bounds: tuple[int, int] | None,
        limit: int,
    ) -> None:
        self.rosters, self.shift_rows = rosters, shift_rows
        self.period, self.bounds, self.limit = period, bounds, limit
        limits = rosters.schedules.limits
        self.checkers = [ScheduleChecker(rosters.decider, [one]) for one in limits]
        self.calendar = rosters.decider.calendar

    def check(
        self, person: Any, rows: list[int], leave: Any, flagged: list[tuple[int, int]]
    ) -> list[Violation]:
        found: list[tuple[tuple[Any, int], Violation]] = []
        by_limit: dict[int, list[int]] = {}
        for index, first in flagged:
            by_limit.setdefault(index, []).append(first)
        for index, firsts in sorted(by_limit.items()):
            compiled = self.rosters.schedules.limits[index]
            checker = self.checkers[index]
            keys = [
                key
                for first in firsts
                if (key := period_of(compiled.period, first, self.calendar.bits(first)))
            ]
            maximum = compiled.form in (Form.MAX_DAYS, Form.MAX_HOURS)
            runs: list[tuple[Any, list[int]]] = []
            if maximum:
                mine = sorted({r for a, b in keys for r in self.shift_rows.touching(rows, a, b)})
                runs.append((self.period, mine))
            elif self.bounds is None:
                runs.append((None, rows))
            else:
                for a, b in keys:
                    span = (dt.date.fromordinal(a), dt.date.fromordinal(b))
                    runs.append((span, self.shift_rows.touching(rows, a, b)))
            for period, mine in runs:
                report = checker.check(
                    person, self.shift_rows.rows(mine), period, leave, self.limit
                )
                found.extend(((v.start, index), v) for v in report.violations)
        found.sort(key=lambda item: item[0])
        return [v for _, v in found]


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
