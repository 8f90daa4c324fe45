"""The engine against the schedule oracle on part-day absences (DATA.md §3, oracle CHOICE O12).

The generator's cases with ``part_days=True`` are its usual cases with part-day absences added
from a stream of their own (``{"start", "end", "kind"}`` mappings on one local day). Compared:
``allowed``, the decisions, the violations in report order, and the shifts flagged as on leave
(as (shift index, local day) pairs); for rosters the same per schedule and the staffing and
share violations as a multiset.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from oracle_schedules import POLICY_TEXT, check_report, leave_flags, roster_report
from schedgen import rosters, schedules
from test_schedule_oracle import _describe, _roster_inputs, _split, as_tuple

import flexrules

# chosen so that the part-day absences change L2, L3, C1 and W1 (schedules) and S1, S2 (rosters),
# and weekend travel L3 (seed 5 holds a Ramadan week met only with a weekend's dinas luar)
FAST_SEED, FAST_CASES = 5, 100
FAST_ROSTER_SEED, FAST_ROSTERS = 2, 2


@pytest.fixture(scope="module")
def policy() -> flexrules.Policy:
    return flexrules.compile_policy(POLICY_TEXT, filename="oracle_schedules.rules")


def flags(report: Any, shifts: list[Any]) -> list[tuple[int, Any]]:
    """The engine's shifts on leave as sorted (index by identity, day) without repeats."""
    positions = {id(s): i for i, s in enumerate(shifts)}
    return sorted(
        {(positions.get(id(c.decision.shift), -1), c.day) for c in report.shifts_on_leave}
    )


def compare_schedules(policy: flexrules.Policy, seed: int, n: int) -> None:
    mismatches = []
    with_parts = weekend_travel = 0
    for case in schedules(seed, n, part_days=True):
        employee, shifts, absences = case["employee"], case["shifts"], case["absences"]
        with_parts += any(isinstance(a, dict) and "start" in a for a in absences)
        weekend_travel += any(_on_a_weekend(a) and a.get("kind") == "dinas luar" for a in absences)
        expected = (
            *check_report(employee, shifts, case["period"], absences),
            leave_flags(employee, shifts, absences),
        )
        report = policy.check(employee, shifts, period=case["period"], absences=absences)
        got = (
            report.allowed,
            [d.allowed for d in report.decisions],
            [as_tuple(v, {employee["id"]: shifts}) for v in report.violations],
            flags(report, shifts),
        )
        if got != expected:
            mismatches.append((case, expected, got))
    assert with_parts > n // 3  # the generator does draw part-day absences
    assert weekend_travel > n // 10  # and official travel on weekends (O12)
    assert not mismatches, _describe_flags(mismatches)


def _on_a_weekend(absence: Any) -> bool:
    """Whether an absence is part of a Saturday or Sunday."""
    if not isinstance(absence, dict) or "start" not in absence:
        return False
    start = absence["start"]
    return (datetime.fromisoformat(start) if isinstance(start, str) else start).weekday() >= 5


def _describe_flags(mismatches: list[tuple[Any, Any, Any]]) -> str:
    case, expected, got = mismatches[0]
    text = _describe(mismatches)
    if expected[3] != got[3]:
        text += f"\nflags: oracle {expected[3]}, engine {got[3]}"
    return text + f"\nabsences: {case.get('absences')}"


def test_check_agrees_with_oracle_on_part_days(policy: flexrules.Policy) -> None:
    compare_schedules(policy, FAST_SEED, FAST_CASES)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(1, 5))
def test_check_agrees_with_oracle_on_part_days_more(policy: flexrules.Policy, seed: int) -> None:
    compare_schedules(policy, seed, 150)


def compare_rosters(policy: flexrules.Policy, seed: int, n: int) -> None:
    mismatches = []
    for case in rosters(seed, n, part_days=True):
        shifts_of = {e["id"]: shifts for e, shifts, _ in case["schedules"]}
        expected = roster_report(case["schedules"], case["period"], case["headcount"])
        report = policy.check_roster(
            _roster_inputs(case), period=case["period"], headcount=case["headcount"]
        )
        got = [as_tuple(v, shifts_of) for v in report.violations]
        e_limits, e_tail = _split(expected[2])
        g_limits, g_tail = _split(got)
        e_flags = {
            e["id"]: leave_flags(e, shifts, absences) for e, shifts, absences in case["schedules"]
        }
        g_flags = {
            e["id"]: flags(report.reports[e["id"]], shifts) for e, shifts, _ in case["schedules"]
        }
        if (
            report.allowed != expected[0]
            or {k: [d.allowed for d in ds] for k, ds in report.decisions.items()} != expected[1]
            or g_limits != e_limits
            or Counter(g_tail) != Counter(e_tail)
            or g_flags != e_flags
        ):
            mismatches.append((case, expected, (report.allowed, expected[1], got)))
    assert not mismatches, _describe(mismatches)


def test_check_roster_agrees_with_oracle_on_part_days(policy: flexrules.Policy) -> None:
    compare_rosters(policy, FAST_ROSTER_SEED, FAST_ROSTERS)


@pytest.mark.slow
@pytest.mark.parametrize("seed", [0, 1, 3])
def test_check_roster_agrees_with_oracle_on_part_days_more(
    policy: flexrules.Policy, seed: int
) -> None:
    compare_rosters(policy, seed, 6)


def test_a_start_window_is_judged_by_the_earliest_of_shift_and_part_day(
    policy: flexrules.Policy,
) -> None:
    """DATA.md §3 read literally (O12): "the day's first shift or part-day absence": an izin
    from 05:00 before a shift at 07:30 (inside 07:00-09:00) still breaks W1 on that day, in the
    engine and the oracle alike (the first case the generator found on this point)."""
    employee = {"id": "E-1", "role": "clerk", "unit": "records", "grade": 10}
    shifts = [{"start": "2026-01-05T07:30", "end": "2026-01-05T15:30", "location": "office"}]
    period = ("2026-01-05", "2026-01-05")
    for start, broken in (("05:00", True), ("07:00", False)):
        absences = [{"start": f"2026-01-05T{start}", "end": "2026-01-05T07:30", "kind": "izin"}]
        expected = check_report(employee, shifts, period, absences)[2]
        report = policy.check(employee, shifts, period=period, absences=absences)
        got = [as_tuple(v, {"E-1": shifts}) for v in report.violations]
        assert got == expected
        assert [v[0] for v in got] == (["W1"] if broken else [])


# a week of Ramadan 2025 (L3: 32.5 hours pro-rated), Monday first
RAMADAN_MONDAY = date(2025, 3, 10)
_HALF_HOURS = st.integers(min_value=12, max_value=40)  # 06:00 to 20:00


@st.composite
def ramadan_weeks(draw: st.DrawFn) -> tuple[list[dict[str, str]], list[Any]]:
    """A week of office shifts, some days off, and part-day absences of any kind on any day,
    weekends included, and now and then whole days of leave or travel."""
    shifts = []
    for offset in range(7):  # weekdays of 5 to 9 hours, near the week's 32.5; some weekends
        if offset < 5 or draw(st.booleans()):
            start = draw(_HALF_HOURS)
            length = draw(st.integers(min_value=10 if offset < 5 else 2, max_value=18))
            shifts.append(_span(offset, start, min(start + length, 47)) | {"location": "office"})
    absences: list[Any] = []
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        offset = draw(st.integers(min_value=0, max_value=6))
        start = draw(_HALF_HOURS)
        end = min(start + draw(st.integers(min_value=1, max_value=16)), 47)
        kind = draw(st.sampled_from([None, "izin", "dinas luar", "dinas luar"]))
        absences.append(_span(offset, start, end) | ({"kind": kind} if kind else {}))
    if draw(st.booleans()):
        day = (RAMADAN_MONDAY + timedelta(days=draw(st.integers(0, 4)))).isoformat()
        absences.append({"date": day, "kind": draw(st.sampled_from(["cuti", "dinas luar"]))})
    return shifts, absences


def _span(offset: int, start: int, end: int) -> dict[str, str]:
    """Half hours `start` to `end` of the week's day `offset`, as local ISO text."""
    base = datetime.combine(RAMADAN_MONDAY + timedelta(days=offset), datetime.min.time())
    return {
        "start": (base + timedelta(minutes=30 * start)).isoformat(timespec="minutes"),
        "end": (base + timedelta(minutes=30 * end)).isoformat(timespec="minutes"),
    }


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ramadan_weeks())
def test_ramadan_weeks_with_travel_any_day_agree_with_the_oracle(
    policy: flexrules.Policy, week: tuple[list[dict[str, str]], list[Any]]
) -> None:
    """O12 where the generator rarely goes: a week's minimum counts official travel on a
    weekend or a day of leave as it counts shifts there; the engine and the oracle agree."""
    shifts, absences = week
    employee = {"id": "E-1", "role": "clerk", "unit": "records", "grade": 10}
    period = (RAMADAN_MONDAY.isoformat(), (RAMADAN_MONDAY + timedelta(days=6)).isoformat())
    expected = check_report(employee, shifts, period, absences)
    report = policy.check(employee, shifts, period=period, absences=absences)
    got = [as_tuple(v, {"E-1": shifts}) for v in report.violations]
    assert (report.allowed, got) == (expected[0], expected[2])
