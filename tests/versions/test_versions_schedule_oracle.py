"""`PolicySet.check` against the independent schedule oracle (tests/support/oracle_schedules.py,
O9): the oracle's policy in three versions with the same rules, changing on Thursday
2025-03-20 (in Ramadan's last weeks) and on Wednesday 2025-06-04, on the generated schedules,
many of whose weeks and months straddle a change. The rules being the same, the decisions are
the policy's; the limits are where versions show: maxima counted over every day and blamed by
the version in force, minima pro-rated to each version's days."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import pytest
from oracle_schedules import POLICY_TEXT, check_versions
from schedgen import schedules

import flexrules
from flexrules.versions import compile_policies

DAYS = [
    (date(2024, 1, 1), date(2025, 3, 19)),
    (date(2025, 3, 20), date(2025, 6, 3)),
    (date(2025, 6, 4), date(2099, 12, 31)),
]


@pytest.fixture(scope="module")
def versions() -> flexrules.PolicySet:
    texts = []
    for number, (first, last) in enumerate(DAYS, start=1):
        header = f'version "{number}" effective from {first} until {last}'
        texts.append(POLICY_TEXT.replace('version "1"', header))
    return compile_policies(texts)


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
