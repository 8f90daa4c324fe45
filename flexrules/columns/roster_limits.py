"""Limits over a roster's columns: which employees may break one, by grouped numpy sums.

Each shift is cut at local midnight into pieces (employee, local day, seconds), as
`Decider.pieces` cuts it (its cuts inside a day change nothing a limit counts while no shift
rule overrides the limit). For each limit, a piece counts as `rosters.limits` counts it: its
location, the limit's dates, and whom the limit binds (worked out once per distinct
combination of the facts it reads and the day). Then per employee and period:

- `at most N days`: the distinct days counted, against N (exact);
- `at most N hours`: the seconds counted, against N hours (exact: an employee whose shifts
  overlap takes the plain path);
- `at least`: each period the plain check would check, the days or seconds counted against N
  (for a day exact; for a week or month N is the most it can require, pro-rating and part-day
  absences only lower it, so an employee short of N is sent to be checked, not judged).

An employee flagged here is checked by the plain `ScheduleChecker`, which words the
violations; one not flagged has none (`tests/columns/test_roster_check.py` holds the two
paths equal).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..clock.calendar import DAY, WORKING_DAY
from ..engine.conditions import F, T
from ..engine.runtime import Decider
from ..language import ast
from ..language.statement_forms import Form
from ..rosters.compile import CompiledLimit
from ..rosters.periods import period_of
from .codes import combine
from .roster_inputs import RosterColumns, Unsupported, slot_combos

PAIR = 1 << 32
_DAY_PERIODS = (ast.PeriodUnit.DAY, ast.PeriodUnit.WORKING_DAY)


class Pieces:
    """The pieces of the shifts of employees on the columnar path, each within a local day."""

    def __init__(self, roster: RosterColumns) -> None:
        rows = np.flatnonzero(~roster.plain[roster.emp]) if roster.emp.size else roster.emp
        start, end = roster.start[rows], roster.end[rows]
        first = start // DAY
        last = (end - 1) // DAY
        cut = np.minimum(end, (first + 1) * DAY)
        late = np.flatnonzero(last > first)
        self.row = np.concatenate([rows, rows[late]])
        self.day = np.concatenate([first, last[late]])
        self.seconds = np.concatenate([cut - start, end[late] - last[late] * DAY])
        self.emp = roster.emp[self.row]
        self.days, self.day_code = np.unique(self.day, return_inverse=True)
        self.day_code = self.day_code.reshape(-1)


def limit_flags(
    decider: Decider,
    limits: Sequence[CompiledLimit],
    roster: RosterColumns,
    bounds: tuple[int, int] | None,
) -> list[np.ndarray]:
    """Per limit, the periods in which it may find a violation of an employee's: codes
    `employee * 2**32 + the period's first day` (see the module)."""
    if any(limit.overridden_by for limit in limits):
        raise Unsupported("a limit that a shift rule overrides")
    pieces = Pieces(roster)
    return [_limit(decider, limit, roster, pieces, bounds) for limit in limits]


def flagged_employees(count: int, flagged: list[np.ndarray]) -> np.ndarray:
    """Per employee, whether some limit flagged a period of theirs."""
    found = np.zeros(count, dtype=bool)
    for pairs in flagged:
        found[(pairs // PAIR).astype(np.int64)] = True
    return found


def _truth(
    decider: Decider,
    limit: CompiledLimit,
    roster: RosterColumns,
    pieces: Pieces,
    some: np.ndarray,
) -> np.ndarray:
    """Whom the limit binds, per piece of `some` (the others F): its truth for the employee's
    and shift's facts on the piece's day, worked out once per distinct combination."""
    found = np.full(pieces.row.size, F, dtype=np.int64)
    if some.size:
        found[some] = _truth_of(decider, limit, roster, _Some(pieces, some))
    return found


class _Some:
    """Some of the pieces: their employee, row, day and day code."""

    def __init__(self, pieces: Pieces, some: np.ndarray) -> None:
        self.emp, self.row = pieces.emp[some], pieces.row[some]
        self.day, self.day_code, self.days = pieces.day[some], pieces.day_code[some], pieces.days


def _truth_of(
    decider: Decider, limit: CompiledLimit, roster: RosterColumns, pieces: _Some
) -> np.ndarray:
    slots = decider.context.conditions.statement(limit.decl.statement).slots
    mine = [s for s in slots if s in decider.employee_slots]
    theirs = [s for s in slots if s not in decider.employee_slots]
    emp_code, emp_maps = slot_combos(roster.employees, mine)
    row_code, row_maps = slot_combos(roster.shifts, theirs)
    group, firsts = combine(
        (emp_code[pieces.emp], len(emp_maps)),
        (row_code[pieces.row], len(row_maps)),
        (pieces.day_code, int(pieces.days.size)),
    )
    truths = np.zeros(firsts.size, dtype=np.int64)
    for index, first in enumerate(firsts.tolist()):
        ev = decider.employee_facts(emp_maps[int(emp_code[pieces.emp[first]])])[0]
        sv = decider.shift_facts(row_maps[int(row_code[pieces.row[first]])], True)[0]
        truths[index] = limit.applies(ev, sv, int(pieces.day[first]))
    found: np.ndarray = truths[group]
    return found


def _limit(
    decider: Decider,
    limit: CompiledLimit,
    roster: RosterColumns,
    pieces: Pieces,
    bounds: tuple[int, int] | None,
) -> np.ndarray:
    calendar = decider.calendar
    days = pieces.days.tolist()
    on_days = np.array([all(test(d) for test in limit.day_tests) for d in days], dtype=bool)
    works = np.array([bool(calendar.bits(d) & WORKING_DAY) for d in days], dtype=bool)
    keys = [period_of(limit.period, d, calendar.bits(d)) for d in days]
    key_first = np.array([-1 if k is None else k[0] for k in keys], dtype=np.int64)
    located = (roster.location[pieces.row] & limit.locations) != 0
    # whom it binds matters only where a piece may count (its location, the limit's dates)
    truth = _truth(
        decider, limit, roster, pieces, np.flatnonzero(located & on_days[pieces.day_code])
    )
    maximum = limit.form in (Form.MAX_DAYS, Form.MAX_HOURS)
    binds = truth != F if maximum else truth == T
    counted = located & on_days[pieces.day_code] & binds
    period = key_first[pieces.day_code]
    counts_day = works[pieces.day_code] if limit.working_days_only else np.ones_like(counted)
    amount = limit.amount
    if maximum:
        mask = counted & (period >= 0)
        if limit.form is Form.MAX_DAYS:
            mask &= counts_day
            days_worked = np.unique(pieces.emp[mask] * PAIR + pieces.day[mask])
            per_period = (days_worked // PAIR) * PAIR + key_first_of(
                days_worked % PAIR, pieces, key_first
            )
            pairs, count = np.unique(per_period, return_counts=True)
            over = count * amount.denominator > amount.numerator
        else:
            pair = pieces.emp[mask] * PAIR + period[mask]
            pairs, inverse = np.unique(pair, return_inverse=True)
            total = _sums(inverse, pieces.seconds[mask])
            over = total * amount.denominator > amount.numerator * 3600
        over_pairs: np.ndarray = pairs[over]
        return over_pairs
    return _short(decider, limit, roster, pieces, bounds, counted, counts_day, key_first)


def _sums(groups: np.ndarray, seconds: np.ndarray) -> np.ndarray:
    """Whole seconds per group (exact: float64 holds sums of seconds far past a year's)."""
    found: np.ndarray = np.rint(np.bincount(groups.reshape(-1), weights=seconds)).astype(np.int64)
    return found


def key_first_of(day: np.ndarray, pieces: Pieces, key_first: np.ndarray) -> np.ndarray:
    """The first day of the period of each day (days met among the pieces)."""
    found: np.ndarray = key_first[np.searchsorted(pieces.days, day)]
    return found


def _short(
    decider: Decider,
    limit: CompiledLimit,
    roster: RosterColumns,
    pieces: Pieces,
    bounds: tuple[int, int] | None,
    counted: np.ndarray,
    counts_day: np.ndarray,
    key_first: np.ndarray,
) -> np.ndarray:
    """`at least` limits: employees with a period checked in which they may fall short."""
    calendar = decider.calendar
    by_day = limit.period in _DAY_PERIODS

    def on_its_days(day: int) -> bool:
        return all(test(day) for test in limit.day_tests)

    period = key_first[pieces.day_code]
    if bounds is not None:
        found = {
            key
            for day in range(bounds[0], bounds[1] + 1)
            if (key := period_of(limit.period, day, calendar.bits(day))) is not None
            and key[0] >= bounds[0]
            and key[1] <= bounds[1]
            and (not by_day or on_its_days(key[0]))
        }
        firsts = np.array(sorted(key[0] for key in found), dtype=np.int64)
        wanted = np.full(roster.count, firsts.size, dtype=np.int64)
        if by_day and roster.absent.size:
            absent_emp, absent_day = roster.absent // PAIR, roster.absent % PAIR
            inside = np.isin(absent_day, firsts)
            wanted -= np.bincount(absent_emp[inside], minlength=roster.count)
        candidates = None
    else:
        mask = period >= 0
        pair = pieces.emp[mask] * PAIR + period[mask]
        if by_day:
            fine = np.array([on_its_days(int(d)) for d in pieces.days.tolist()], dtype=bool)
            keep = fine[pieces.day_code[mask]] & ~roster.absent_key(
                pieces.emp[mask], pieces.day[mask]
            )
            pair = pair[keep]
        candidates = np.unique(pair)
        wanted = np.bincount(candidates // PAIR, minlength=roster.count)
        firsts = None
    mask = counted & (period >= 0)
    amount = limit.amount
    if limit.form is Form.MIN_DAYS:
        mask &= counts_day & ~roster.absent_key(pieces.emp, pieces.day)
        days_worked = np.unique(pieces.emp[mask] * PAIR + pieces.day[mask])
        pair = (days_worked // PAIR) * PAIR + key_first_of(days_worked % PAIR, pieces, key_first)
        pairs, count = np.unique(pair, return_counts=True)
        enough = count * amount.denominator >= amount.numerator
    else:
        pair = pieces.emp[mask] * PAIR + period[mask]
        pairs, inverse = np.unique(pair, return_inverse=True)
        total = _sums(inverse, pieces.seconds[mask])
        enough = total * amount.denominator >= amount.numerator * 3600
    met = pairs[enough]
    if candidates is not None:
        met = met[np.isin(met, candidates)]
    else:
        assert firsts is not None
        met = met[np.isin(met % PAIR, firsts)]
        if by_day:
            met = met[~roster.absent_key(met // PAIR, met % PAIR)]
    if candidates is not None:
        unmet: np.ndarray = np.setdiff1d(candidates, met)
        return unmet
    assert firsts is not None
    have = np.bincount((met // PAIR).astype(np.int64), minlength=roster.count)
    short = np.flatnonzero(have < wanted)
    every = (short[:, None] * PAIR + firsts[None, :]).reshape(-1)
    if by_day and roster.absent.size:
        every = every[~np.isin(every, roster.absent)]
    return np.setdiff1d(every, met)


__all__ = ["PAIR", "Pieces", "flagged_employees", "limit_flags"]
