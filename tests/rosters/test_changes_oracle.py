"""Schedules and rosters whose employees change during the month (DATA.md §2): the engine
against the independent schedule oracle (tests/support/oracle_schedules.py, choice O9), on the
seeded generator's cases with changes added: values (usable, ill-typed or missing) taken from
other generated employees, on days among the schedule's own."""

from __future__ import annotations

import random
from typing import Any

import pytest
from oracle_schedules import POLICY_TEXT, check_report, roster_report
from schedgen import rosters, schedules
from test_schedule_oracle import _roster_inputs, as_tuple

import flexrules

#: the attributes a change may set (as the generator spells them, and as declared)
KEYS = ("role", "unit", "in_special_circumstances", "in special circumstances", "grade")


@pytest.fixture(scope="module")
def policy() -> flexrules.Policy:
    return flexrules.compile_policy(POLICY_TEXT, filename="oracle_schedules.rules")


def with_changes(
    rng: random.Random, employee: dict[str, Any], shifts: list[Any], others: list[dict[str, Any]]
) -> dict[str, Any]:
    """The employee with up to three changes, dated on days their shifts touch (and the days
    around them)."""
    days = sorted({str(s["start"])[:10] for s in shifts} or {"2025-07-07"})
    changes = []
    for _ in range(rng.randint(0, 3)):
        other = rng.choice(others)
        values = {}
        for key in rng.sample(KEYS, rng.randint(1, 2)):
            values[key] = other.get(key) if rng.random() < 0.8 else None
        day = rng.choice(days)
        if rng.random() < 0.3:  # the day after: a change between two shifts
            day = f"{day[:8]}{min(int(day[8:]) + 1, 28):02d}"
        changes.append((day, values))
    return {**employee, "changes": changes}


@pytest.mark.parametrize("seed", range(2))
def test_check_agrees_with_oracle_on_changes(policy: flexrules.Policy, seed: int) -> None:
    cases = schedules(100 + seed, 60)
    others = [case["employee"] for case in cases]
    rng = random.Random(seed)
    mismatches = []
    for case in cases:
        employee = with_changes(rng, case["employee"], case["shifts"], others)
        shifts = case["shifts"]
        expected = check_report(employee, shifts, case["period"], case["absences"])
        report = policy.check(employee, shifts, period=case["period"], absences=case["absences"])
        got = (
            report.allowed,
            [d.allowed for d in report.decisions],
            [as_tuple(v, {employee["id"]: shifts}) for v in report.violations],
        )
        if got != expected:
            mismatches.append((employee, expected, got))
    assert not mismatches, mismatches[:2]


@pytest.mark.parametrize("seed", range(2))
def test_check_roster_agrees_with_oracle_on_changes(policy: flexrules.Policy, seed: int) -> None:
    rng = random.Random(seed)
    mismatches = []
    for case in rosters(200 + seed, 6):
        others = [e for e, _, _ in case["schedules"]]
        case["schedules"] = [
            (with_changes(rng, e, shifts, others), shifts, absences)
            for e, shifts, absences in case["schedules"]
        ]
        shifts_of = {e["id"]: shifts for e, shifts, _ in case["schedules"]}
        allowed, decisions, violations = roster_report(
            case["schedules"], case["period"], case["headcount"]
        )
        report = policy.check_roster(
            _roster_inputs(case), period=case["period"], headcount=case["headcount"]
        )
        got = (
            report.allowed,
            {k: [d.allowed for d in ds] for k, ds in report.decisions.items()},
            sorted(map(repr, (as_tuple(v, shifts_of) for v in report.violations))),
        )
        expected = (allowed, decisions, sorted(map(repr, violations)))
        if got != expected:
            mismatches.append((case, expected, got))
    assert not mismatches, mismatches[:1]
