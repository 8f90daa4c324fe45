"""The engine's ``check`` and ``check_roster`` against the independent schedule oracle.

The oracle (tests/support/oracle_schedules.py) shares no code with flexrules and hard-codes its
own small policy (``POLICY_TEXT``); the seeded generator (tests/support/schedgen.py) draws
one-employee schedules and multi-employee rosters. Each engine ``Violation`` becomes the
oracle's tuple::

    (rule, start ISO, end ISO, frozenset(indexes of the blamed shifts, by identity, in that
     employee's list), employee, present, group)

and the reports are compared on ``allowed``, the decisions (how many, and each one's
``allowed``) and the violations (schedule violations in report order; a roster's staffing and
share violations by content, and their order in a test of its own).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from oracle_schedules import POLICY_TEXT, check_report, roster_report
from schedgen import rosters, schedules

import flexrules

SCHEDULE_SEEDS = range(4)
SCHEDULES_PER_SEED = 100
ROSTER_SEEDS = range(5)
ROSTERS_PER_SEED = 10


@pytest.fixture(scope="module")
def policy() -> flexrules.Policy:
    return flexrules.compile_policy(POLICY_TEXT, filename="oracle_schedules.rules")


def as_tuple(v: Any, shifts_of: dict[Any, list[Any]]) -> tuple[Any, ...]:
    """An engine Violation as the oracle's tuple; blamed shifts as indexes by identity."""
    if v.employee is not None:
        given = shifts_of.get(v.employee, [])
        positions = {id(s): i for i, s in enumerate(given)}
        blamed = frozenset(positions.get(id(s), ("not given", repr(s))) for s in v.shifts)
    else:
        blamed = frozenset(("not given", repr(s)) for s in v.shifts)
    return (v.rule, v.start.isoformat(), v.end.isoformat(), blamed, v.employee, v.present, v.group)


def test_policy_compiles_without_errors() -> None:
    policy = flexrules.compile_policy(POLICY_TEXT)
    assert not [d for d in policy.diagnostics if d.severity == flexrules.Severity.ERROR]
    assert [r.id for r in policy.rules] == [
        "R1",
        "R2",
        "L1",
        "L2",
        "L3",
        "L4",
        "L5",
        "L6",
        "C1",
        "W1",
        "X",
        "S1",
        "S2",
        "P1",
        "P2",
    ]


@pytest.mark.parametrize("seed", SCHEDULE_SEEDS)
def test_check_agrees_with_oracle(policy: flexrules.Policy, seed: int) -> None:
    """On generated one-employee schedules: allowed, decisions and violations (in order)."""
    mismatches = []
    for case in schedules(seed, SCHEDULES_PER_SEED):
        employee, shifts = case["employee"], case["shifts"]
        expected = check_report(employee, shifts, case["period"], case["absences"])
        report = policy.check(employee, shifts, period=case["period"], absences=case["absences"])
        got = (
            report.allowed,
            [d.allowed for d in report.decisions],
            [as_tuple(v, {employee["id"]: shifts}) for v in report.violations],
        )
        if got != expected:
            mismatches.append((case, expected, got))
    assert not mismatches, _describe(mismatches)


def _roster_inputs(case: dict[str, Any]) -> list[Any]:
    """(employee, shifts) pairs, or flexrules.Schedule where there are absences."""
    items: list[Any] = []
    for i, (employee, shifts, absences) in enumerate(case["schedules"]):
        if absences or i % 4 == 3:
            items.append(flexrules.Schedule(employee, shifts, absences=absences))
        else:
            items.append((employee, shifts))
    return items


_ROSTER_OUTCOMES: dict[int, list[tuple[Any, ...]]] = {}


def _roster_outcomes(policy: flexrules.Policy, seed: int) -> list[tuple[Any, ...]]:
    """(case, oracle report, engine report) for each roster of ``seed``, computed once."""
    if seed in _ROSTER_OUTCOMES:
        return _ROSTER_OUTCOMES[seed]
    out = []
    for case in rosters(seed, ROSTERS_PER_SEED):
        shifts_of = {e["id"]: shifts for e, shifts, _ in case["schedules"]}
        expected = roster_report(case["schedules"], case["period"], case["headcount"])
        report = policy.check_roster(
            _roster_inputs(case), period=case["period"], headcount=case["headcount"]
        )
        got = (
            report.allowed,
            {k: [d.allowed for d in ds] for k, ds in report.decisions.items()},
            [as_tuple(v, shifts_of) for v in report.violations],
        )
        out.append((case, expected, got))
    _ROSTER_OUTCOMES[seed] = out
    return out


def _split(violations: list[tuple[Any, ...]]) -> tuple[list[Any], list[Any]]:
    """Schedule (limit) violations, and the staffing and share violations after them."""
    limits = [v for v in violations if v[4] is not None]
    tail = [v for v in violations if v[4] is None]
    return limits, tail


@pytest.mark.slow
@pytest.mark.parametrize("seed", ROSTER_SEEDS)
def test_check_roster_agrees_with_oracle(policy: flexrules.Policy, seed: int) -> None:
    """On generated rosters: allowed, decisions per employee, every schedule's violations in
    order, then the staffing and share violations as a multiset."""
    mismatches = []
    for case, expected, got in _roster_outcomes(policy, seed):
        e_limits, e_tail = _split(expected[2])
        g_limits, g_tail = _split(got[2])
        if (
            got[0] != expected[0]
            or got[1] != expected[1]
            or g_limits != e_limits
            or got[2][: len(g_limits)] != g_limits  # schedule violations come first
            or Counter(g_tail) != Counter(e_tail)
        ):
            mismatches.append((case, expected, got))
    assert not mismatches, _describe(mismatches)


@pytest.mark.slow
@pytest.mark.parametrize("seed", ROSTER_SEEDS)
def test_check_roster_staffing_and_share_order(policy: flexrules.Policy, seed: int) -> None:
    """Staffing violations, then share violations, each sorted by (start, rule source order,
    group with None first): the oracle's CHOICE O6."""
    mismatches = []
    for _case, expected, got in _roster_outcomes(policy, seed):
        e_tail = _split(expected[2])[1]
        g_tail = _split(got[2])[1]
        if Counter(g_tail) == Counter(e_tail) and g_tail != e_tail:
            first = next(i for i, (e, g) in enumerate(zip(e_tail, g_tail, strict=False)) if e != g)
            mismatches.append((first, e_tail[first : first + 3], g_tail[first : first + 3]))
    assert not mismatches, (
        f"{len(mismatches)} rosters in another order; first differs at tail position "
        f"{mismatches[0][0]}:\n  oracle: {mismatches[0][1]}\n  engine: {mismatches[0][2]}"
    )


def _describe(mismatches: list[tuple[Any, Any, Any]]) -> str:
    case, expected, got = mismatches[0]
    lines = [f"{len(mismatches)} mismatching cases; first:"]
    if expected[0] != got[0]:
        lines.append(f"allowed: oracle {expected[0]}, engine {got[0]}")
    if expected[1] != got[1]:
        lines.append(f"decisions: oracle {expected[1]}, engine {got[1]}")
    e_v, g_v = Counter(expected[2]), Counter(got[2])
    for v in sorted(e_v - g_v, key=repr)[:8]:
        lines.append(f"  only oracle: {v}")
    for v in sorted(g_v - e_v, key=repr)[:8]:
        lines.append(f"  only engine: {v}")
    if e_v == g_v and expected[2] != got[2]:
        lines.append("  same violations in another order")
    summary = {k: v for k, v in case.items() if k not in ("shifts", "schedules")}
    lines.append(f"case: {summary}")
    if "shifts" in case:
        lines.append(f"shifts: {case['shifts']}")
    return "\n".join(lines)
