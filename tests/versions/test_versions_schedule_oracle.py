"""`PolicySet.check` and `check_roster` against the independent schedule oracle
(tests/support/oracle_schedules.py, O11): the oracle's policy in versions with the same rules.
For schedules, three versions changing on Thursday 2025-03-20 (in Ramadan's last weeks) and on
Wednesday 2025-06-04, many of whose weeks and months straddle a change; for rosters, six
changing mid-week inside the months the roster generator draws. The rules being the same, the
decisions, staffing and shares are the policy's; the limits are where versions show: maxima
counted over every day and blamed by the version in force, minima pro-rated to each
version's days."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import pytest
from oracle_schedules import POLICY_TEXT, check_versions, roster_report
from schedgen import rosters, schedules

import flexrules
from flexrules.versions import compile_policies

DAYS = [
    (date(2024, 1, 1), date(2025, 3, 19)),
    (date(2025, 3, 20), date(2025, 6, 3)),
    (date(2025, 6, 4), date(2099, 12, 31)),
]


#: for rosters, changes inside the months the roster generator draws (mid-week, each)
ROSTER_DAYS = [
    (date(2024, 1, 1), date(2025, 5, 6)),
    (date(2025, 5, 7), date(2025, 7, 23)),
    (date(2025, 7, 24), date(2025, 9, 9)),
    (date(2025, 9, 10), date(2025, 12, 16)),
    (date(2025, 12, 17), date(2026, 1, 21)),
    (date(2026, 1, 22), date(2099, 12, 31)),
]


def _set(days: list[tuple[date, date]]) -> flexrules.PolicySet:
    texts = []
    for number, (first, last) in enumerate(days, start=1):
        header = f'version "{number}" effective from {first} until {last}'
        texts.append(POLICY_TEXT.replace('version "1"', header))
    return compile_policies(texts)


@pytest.fixture(scope="module")
def versions() -> flexrules.PolicySet:
    return _set(DAYS)


@pytest.fixture(scope="module")
def roster_versions() -> flexrules.PolicySet:
    return _set(ROSTER_DAYS)


def as_tuple(v: Any, given: list[Any]) -> tuple[Any, ...]:
    positions = {id(s): i for i, s in enumerate(given)}
    blamed = frozenset(positions.get(id(s), ("not given", repr(s))) for s in v.shifts)
    return (v.rule, v.start.isoformat(), v.end.isoformat(), blamed, v.employee, v.present, v.group)


@pytest.mark.parametrize("seed", [0, pytest.param(1, marks=pytest.mark.slow)])
def test_check_across_versions_agrees_with_the_oracle(
    versions: flexrules.PolicySet, seed: int
) -> None:
    mismatches = []
    straddling = 0
    for case in schedules(seed, 100):
        employee, shifts = case["employee"], case["shifts"]
        period, absences = case["period"], case["absences"]
        allowed, decisions, expected = check_versions(DAYS, employee, shifts, period, absences)
        report = versions.check(employee, shifts, period, absences)
        got = Counter(as_tuple(v, shifts) for v in report.violations)
        straddling += any(v.rule in ("L4", "L5", "L3") for v in report.violations)
        actual = (report.allowed, [d.allowed for d in report.decisions], got)
        if actual != (allowed, decisions, Counter(expected)):
            mismatches.append((case, (allowed, decisions, expected), actual))
    assert not mismatches, f"{len(mismatches)} mismatches, first: {mismatches[:1]}"
    assert straddling


def _roster_case(versions: flexrules.PolicySet, case: dict[str, Any]) -> tuple[Any, Any]:
    """(oracle, engine) for one roster: each schedule's limits by versions (O11); staffing and
    shares as one policy has them, the rules being the same in every version."""
    expected: Counter[tuple[Any, ...]] = Counter()
    for employee, shifts, absences in case["schedules"]:
        expected.update(check_versions(ROSTER_DAYS, employee, shifts, case["period"], absences)[2])
    _, _, whole = roster_report(case["schedules"], case["period"], case["headcount"])
    expected.update(v for v in whole if v[4] is None)  # staffing and shares
    items = [flexrules.Schedule(e, s, a) if a else (e, s) for e, s, a in case["schedules"]]
    report = versions.check_roster(items, case["period"], case["headcount"])
    shifts_of = {e["id"]: s for e, s, _ in case["schedules"]}
    got = Counter(as_tuple(v, shifts_of.get(v.employee, [])) for v in report.violations)
    return expected, got


@pytest.mark.parametrize("seed", [0, pytest.param(1, marks=pytest.mark.slow)])
def test_check_roster_across_versions_agrees_with_the_oracle(
    roster_versions: flexrules.PolicySet, seed: int
) -> None:
    mismatches = []
    for case in rosters(seed, 4 if seed == 0 else 10):
        expected, got = _roster_case(roster_versions, case)
        if expected != got:
            mismatches.append((case["period"], expected - got, got - expected))
    assert not mismatches, f"{len(mismatches)} mismatches, first: {mismatches[:1]}"
