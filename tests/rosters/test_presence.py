"""Flexible time (LANGUAGE.md section 5): core hours and start windows, checked over
schedules and rosters, each case worked out by hand (the oracle in tests/support covers
generated schedules)."""

from __future__ import annotations

from typing import Any

import pytest

import flexrules

POLICY = flexrules.compile_policy(
    """policy "Flexible" timezone WIB.
employees have: on probation: yes or no, unit: text.
dates closure: 2025-07-10.
rule R1: employees may work.
rule C0 "Core hours": employees must work between 09:00 and 15:00 on working days
  unless they are on probation.
rule S1 "Flexible start": employees must start work between 07:00 and 08:30 on working days.
rule X overrides C0, S1: employees may work from home during closure.
""",
    filename="flexible.rules",
)
ANI = {"id": "A", "on probation": False, "unit": "x"}


def shift(day: int, start: str, end: str, location: str = "office") -> dict[str, str]:
    return {
        "start": f"2025-07-{day:02d}T{start}",
        "end": f"2025-07-{day:02d}T{end}",
        "location": location,
    }


def found(report: Any) -> list[tuple[str, str, str]]:
    return [(v.rule, f"{v.start:%d}", v.message.split(": ", 1)[1]) for v in report.violations]


def test_core_hours_name_the_spans_left_uncovered() -> None:
    """Monday 11:00-17:00 misses 09:00-11:00; Tuesday's two shifts leave 12:00-13:00;
    Wednesday 07:00-15:00 covers all (and starts in the window)."""
    report = POLICY.check(
        ANI,
        [
            shift(7, "11:00", "17:00"),
            shift(8, "07:30", "12:00"),
            shift(8, "13:00", "16:00", "home"),
            shift(9, "07:00", "15:00"),
        ],
    )
    assert found(report) == [
        (
            "C0",
            "07",
            "09:00-11:00 of the core hours 09:00-15:00 not worked; "
            "it applies because on probation is no",
        ),
        ("S1", "07", "the first shift starts at 11:00, outside the start window 07:00-08:30"),
        (
            "C0",
            "08",
            "12:00-13:00 of the core hours 09:00-15:00 not worked; "
            "it applies because on probation is no",
        ),
    ]
    late = next(v for v in report.violations if v.rule == "S1")
    assert [s["start"] for s in late.shifts] == ["2025-07-07T11:00"]
    assert late.kind == "presence" and late.employee == "A"
    assert all(d.allowed for d in report.decisions)  # presence rules never deny a shift


@pytest.mark.parametrize(
    ("start", "late"), [("06:59", True), ("07:00", False), ("08:30", False), ("08:31", True)]
)
def test_the_start_window_includes_both_ends(start: str, late: bool) -> None:
    report = POLICY.check(ANI, [shift(7, start, "16:00")])
    assert ("S1" in [v.rule for v in report.violations]) is late


def test_the_first_shift_of_the_day_is_judged() -> None:
    """A later shift that starts outside the window is not the day's first."""
    report = POLICY.check(ANI, [shift(7, "13:00", "16:00"), shift(7, "08:00", "12:00")])
    assert [v.rule for v in report.violations] == ["C0"]  # 12:00-13:00 uncovered


def test_days_without_shifts_need_a_period_and_leave_excuses_them() -> None:
    """Without a period only days with a shift are checked; with one, every working day in it
    (a day of leave excused; the weekend is not a working day)."""
    shifts = [shift(7, "08:00", "16:00")]
    assert POLICY.check(ANI, shifts).violations == []
    report = POLICY.check(ANI, shifts, period=("2025-07-07", "2025-07-13"), absences=["2025-07-08"])
    assert [(v.rule, f"{v.start:%d}") for v in report.violations] == [
        ("C0", "09"),
        ("C0", "10"),
        ("C0", "11"),
    ]


def test_a_rule_that_overrides_lifts_the_requirement_where_it_applies() -> None:
    """On the closure day X applies to home pieces: they need no covering and the day's first
    shift, at home at 11:00, is not judged; the office morning is still core hours."""
    report = POLICY.check(ANI, [shift(10, "11:00", "16:00", "home")])
    assert found(report) == [
        (
            "C0",
            "10",
            "09:00-11:00 of the core hours 09:00-15:00 not worked; "
            "it applies because on probation is no",
        ),
    ]
    assert POLICY.check(ANI, [shift(10, "06:00", "16:00", "home")]).violations == []


def test_unknown_facts_bind_and_known_ones_release() -> None:
    """`unless they are on probation`: on probation, C0 does not bind; unknown, it does."""
    shifts = [shift(7, "08:00", "12:00")]
    assert [v.rule for v in POLICY.check({**ANI, "on probation": True}, shifts).violations] == []
    unknown = POLICY.check({"id": "A"}, shifts)
    assert [v.rule for v in unknown.violations] == ["C0"]


def test_rosters_report_presence_per_employee() -> None:
    report = POLICY.check_roster(
        [(ANI, [shift(7, "09:30", "15:00")]), ({**ANI, "id": "B"}, [shift(7, "08:00", "16:00")])]
    )
    assert [(v.rule, v.employee) for v in report.violations] == [("C0", "A"), ("S1", "A")]


def test_a_presence_rule_decides_nothing_but_sets_aside_what_it_overrides() -> None:
    """`decide` is unchanged by core hours, but where a presence rule applies it sets aside
    the rules it overrides, as any rule does (SETTLED.md)."""
    policy = flexrules.compile_policy(
        """policy "p".
rule R5: employees may work from home.
rule C1 overrides R5: employees must work between 09:00 and 15:00.
"""
    )
    inside = policy.decide(
        {"id": "A"}, {"start": "2025-07-07T10:00", "end": "2025-07-07T11:00", "location": "home"}
    )
    outside = policy.decide(
        {"id": "A"}, {"start": "2025-07-07T16:00", "end": "2025-07-07T17:00", "location": "home"}
    )
    assert (inside.allowed, outside.allowed) == (False, True)
    assert [r.rule for r in outside.reasons] == ["R5"]


def test_the_provincial_office_example_keeps_its_dynamic_hours() -> None:
    """examples/provincial-office.rules says the day starts between 07:00 and 08:30: an
    11:00-17:00 shift, which passed every check before, now breaks the start window and the
    core hours (Papua time)."""
    from pathlib import Path

    policy = flexrules.load_policy(
        Path(__file__).resolve().parents[2] / "examples" / "provincial-office.rules"
    )
    clerk = {
        "id": "P-1",
        "role": "clerk",
        "job type": "administration",
        "unit": "umum",
        "performance": "good",
        "grade": 9,
        "position start": "2020-01-01",
        "under sanction": False,
        "facing discipline": False,
        "in special circumstances": False,
    }
    report = policy.check(clerk, [shift(8, "11:00", "17:00")])
    assert [v.rule for v in report.violations if v.kind == "presence"] == ["R3c", "R3d"]


def test_summaries_count_flexible_time_violations() -> None:
    """A late start is a violation of its own kind: the roster and schedule summaries count
    it (they once counted only limits, staffing and shares)."""
    policy = flexrules.compile_policy(
        'policy "P" timezone WIB.\nrule R1: employees may work.\n'
        "rule S1: employees must start work between 07:00 and 08:30 on working days.\n",
        filename="p.rules",
    )
    late = [shift(7, "09:00", "16:00")]
    roster = policy.check_roster([({"id": "A"}, late)], period=("2025-07-07", "2025-07-07"))
    assert roster.to_dict()["summary"]["violations"] == {
        "limit": 0,
        "presence": 1,
        "staffing": 0,
        "share": 0,
    }
    assert "1 employee to follow up (1 flexible-time violation)" in roster.explain()
    schedule = policy.check({"id": "A"}, late)
    assert schedule.summary()["violations"]["presence"] == 1
    assert schedule.explain().splitlines()[0] == (
        "NOT ALLOWED  schedule of A (Asia/Jakarta): 1 shift, 0 denied, 0 limit violations, "
        "1 flexible-time violation"
    )
