"""A month with a transfer on the 15th and a hire on the 10th (DATA.md §2): every limit,
staffing count and share takes the facts in force on each day, and days outside employment
count for nothing. Each answer below is worked out by hand in the test's docstring."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import flexrules

POLICY = """policy "Changes" version "1" timezone Asia/Jakarta.
employees have: unit: text, role: text, under sanction: yes or no.
working days: Monday to Friday.
hours service hours: Monday to Friday 08:00 to 12:00.
group counter staff: employees whose role is "counter".
rule R1: employees who are under sanction must be on-site.
rule R2: employees may work from home.
rule R3: employees may be on-site.
rule L1: counter staff must not work from home more than 1 working day per week.
rule S1: at least 1 counter staff must be on-site during service hours.
rule H1: at most 50% of employees in each unit may work from home per day.
"""
#: the working days of July 2025
WORKING = [d for d in range(1, 32) if dt.date(2025, 7, d).weekday() < 5]


def shifts(home: set[int], days: list[int]) -> list[dict[str, Any]]:
    """08:00-12:00 on each day, at home on the days in `home`, else at the office."""
    return [
        {
            "start": f"2025-07-{d:02d}T08:00",
            "end": f"2025-07-{d:02d}T12:00",
            "location": "home" if d in home else "office",
        }
        for d in days
    ]


@pytest.fixture(scope="module")
def report() -> flexrules.RosterReport:
    """A, counter staff of unit front, is moved to unit back as a clerk on Tue 15 July; B,
    counter staff of unit front, is hired on Thu 10 July (a shift on the 9th is outside it); C,
    a clerk of unit back, is under sanction from Mon 21 July."""
    policy = flexrules.compile_policy(POLICY)
    a = {
        "id": "A",
        "unit": "front",
        "role": "counter",
        "under sanction": False,
        "changes": [("2025-07-15", {"unit": "back", "role": "clerk"})],
    }
    b = flexrules.Employee(
        "B",
        {"unit": "front", "role": "counter", "under sanction": False},
        employed_from=dt.date(2025, 7, 10),
    )
    c = flexrules.Employee(
        "C",
        {"unit": "back", "role": "clerk", "under sanction": False},
        changes=[(dt.date(2025, 7, 21), {"under sanction": True})],
    )
    return policy.check_roster(
        [
            (a, shifts({8, 9, 16, 17}, WORKING)),
            (b, shifts({18}, [9, *(d for d in WORKING if d >= 10)])),
            (c, shifts({16, 18, 21}, WORKING)),
        ],
        period=("2025-07-01", "2025-07-31"),
    )


def _found(report: flexrules.RosterReport, kind: str) -> list[tuple[Any, ...]]:
    return [(v.rule, v.start.day, v.group, v.present) for v in report.violations if v.kind == kind]


def test_limits_take_each_days_facts(report: flexrules.RosterReport) -> None:
    """L1 binds counter staff: A works from home on the 8th and 9th as counter staff (the 9th
    is the 2nd day: blamed); on the 16th and 17th A is a clerk, so nothing; B's one day at
    home (18th) is within the limit."""
    [limit] = [v for v in report.violations if v.kind == "limit"]
    assert (limit.rule, limit.employee, limit.start.day, limit.count) == ("L1", "A", 9, 2)
    assert limit.week_start == "2025-07-07"
    assert [s["start"] for s in limit.shift_records] == ["2025-07-09T08:00"]


def test_staffing_counts_who_is_counter_staff_that_day(report: flexrules.RosterReport) -> None:
    """S1 needs one counter staff on site 08:00-12:00: on the 8th A is at home and B not yet
    hired; on the 9th B is on site but outside employment (not counted); from the 15th only
    B is counter staff, at home on the 18th, while A, on site, is a clerk now."""
    assert _found(report, "staffing") == [
        ("S1", 8, None, ()),
        ("S1", 9, None, ()),
        ("S1", 18, None, ()),
    ]


def test_shares_count_each_days_unit(report: flexrules.RosterReport) -> None:
    """H1, 50% of a unit: on the 8th and 9th unit front is A alone (B is not employed yet),
    at home: 1 of 1. On the 16th unit back is A (moved in) and C, both at home: 2 of 2. On the
    18th unit front is B alone, at home. On the 17th and 21st one of the two in unit back is
    at home: within 50%."""
    assert _found(report, "share") == [
        ("H1", 8, "front", ("A",)),
        ("H1", 9, "front", ("A",)),
        ("H1", 16, "back", ("A", "C")),
        ("H1", 18, "front", ("B",)),
    ]
    [on_16th] = [v for v in report.violations if v.kind == "share" and v.start.day == 16]
    assert (on_16th.size, on_16th.bound) == (2, 1)


def test_decisions_and_the_flag_outside_employment(report: flexrules.RosterReport) -> None:
    """C's day at home on the 21st is the only denied shift (R1, sanctioned from that day;
    the 16th and 18th were before it); B's shift on the 9th is flagged on B's report and the
    roster's."""
    denied = [
        (ident, d.start.day, [r.rule for r in d.reasons])
        for ident, schedule in report.reports.items()
        for d in schedule.decisions
        if not d.allowed
    ]
    assert denied == [("C", 21, ["R1"])]
    flagged = [w for w in report.reports["B"].warnings if w.code == "outside-employment"]
    assert [w.message for w in flagged] == [
        "B has a shift on Wed 2025-07-09, outside their employment: it counts for no limit, "
        "staffing or share"
    ]
    assert [w.code for w in report.warnings] == ["outside-employment"]
    assert "di luar masa kerjanya" in flagged[0].message_for("id")


def test_a_gap_in_the_facts_counts_absent_for_staffing() -> None:
    """D, counter staff, on site every working day of 7-11 July, has unknown facts on the 9th
    and 10th (every attribute missing, as a gap between two rows of an employees file): S1
    finds nobody on those two days only; L1 and H1 find nothing (D is on site)."""
    policy = flexrules.compile_policy(POLICY)
    gap = {"unit": None, "role": None, "under sanction": None}
    back = {"unit": "front", "role": "counter", "under sanction": False}
    d = {**back, "id": "D", "changes": [("2025-07-09", gap), ("2025-07-11", back)]}
    report = policy.check_roster(
        [(d, shifts(set(), [7, 8, 9, 10, 11]))], period=("2025-07-07", "2025-07-11")
    )
    assert _found(report, "staffing") == [("S1", 9, None, ()), ("S1", 10, None, ())]
    assert [v.kind for v in report.violations] == ["staffing", "staffing"]
