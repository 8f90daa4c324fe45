"""Absences with a kind and a time (DATA.md §3), each answer worked out by hand.

The policy: core hours 09:00-14:00 and a start window 07:00-08:30 on working days, and at least
8 hours a day and 37.5 a week. Week of Mon 7 July 2025 (no holidays), Asia/Jakarta.
"""

from __future__ import annotations

import datetime as dt

import pytest

import flexrules
from flexrules import Absence, InputError, Schedule

POLICY = """\
policy "Part days".
employees have: unit: text.
working days: Monday to Friday.
rule C1 "Core": employees must work between 09:00 and 14:00 on working days.
rule S1 "Start": employees must start work between 07:00 and 08:30 on working days.
rule D1 "Day": employees must work at least 8 hours per working day.
rule W1 "Week": employees must work at least 37.5 hours per week.
rule R1: employees may work from home.
"""
EMPLOYEE = {"id": "E-1", "unit": "finance"}


@pytest.fixture(scope="module")
def policy() -> flexrules.Policy:
    return flexrules.compile_policy(POLICY)


def shift(day: int, start: str, end: str) -> dict[str, str]:
    return {
        "start": f"2025-07-{day:02d}T{start}",
        "end": f"2025-07-{day:02d}T{end}",
        "location": "home",
    }


def check(
    policy: flexrules.Policy, shifts: list[dict[str, str]], absences: list[object]
) -> flexrules.ScheduleReport:
    return policy.check(EMPLOYEE, shifts, period=("2025-07-07", "2025-07-13"), absences=absences)


def rules_broken(report: flexrules.ScheduleReport) -> list[tuple[str, str]]:
    return sorted((v.rule, v.start.date().isoformat()) for v in report.violations)


FULL_WEEK = [shift(d, "07:30", "15:30") for d in range(7, 12)]  # 5 x 8 h = 40 h


def test_a_full_week_breaks_nothing(policy: flexrules.Policy) -> None:
    assert rules_broken(check(policy, FULL_WEEK, [])) == []


def test_a_morning_of_izin_excuses_core_hours_the_start_and_the_hours(
    policy: flexrules.Policy,
) -> None:
    # Tuesday: izin 07:30-11:30 (4 h), then work 11:30-15:30 (4 h). Without the absence:
    # core hours 09:00-11:30 missing, a start at 11:30 outside 07:00-08:30, 4 of 8 hours.
    shifts = [*FULL_WEEK[:1], shift(8, "11:30", "15:30"), *FULL_WEEK[2:]]
    assert rules_broken(check(policy, shifts, [])) == [
        ("C1", "2025-07-08"),
        ("D1", "2025-07-08"),
        ("S1", "2025-07-08"),
        ("W1", "2025-07-07"),  # 36 of 37.5 hours
    ]
    izin = Absence(dt.datetime(2025, 7, 8, 7, 30), dt.datetime(2025, 7, 8, 11, 30), kind="izin")
    report = check(policy, shifts, [izin])
    # the day needs 8 - 4 = 4 hours, the week 37.5 - 4 = 33.5; the absence starts at 07:30
    assert rules_broken(report) == []
    assert report.to_dict()["absence_details"] == [
        {"start": "2025-07-08T07:30:00+07:00", "end": "2025-07-08T11:30:00+07:00", "kind": "izin"}
    ]


def test_the_minimum_drops_by_the_absence_never_below_what_it_covers(
    policy: flexrules.Policy,
) -> None:
    # Wednesday: izin 12:00-14:00 (2 h) and work 07:30-12:00 (4.5 h): the day needs 6 hours
    shifts = [*FULL_WEEK[:2], shift(9, "07:30", "12:00"), *FULL_WEEK[3:]]
    absence = {"start": "2025-07-09T12:00", "end": "2025-07-09T14:00", "kind": "izin"}
    assert rules_broken(check(policy, shifts, [])) == [
        ("C1", "2025-07-09"),  # 12:00-14:00 not worked
        ("D1", "2025-07-09"),
        ("W1", "2025-07-07"),  # 36.5 of 37.5 hours
    ]
    report = check(policy, shifts, [absence])
    # the week: 36.5 hours worked, 37.5 - 2 = 35.5 required
    assert rules_broken(report) == [("D1", "2025-07-09")]
    day = report.violations[0]
    assert day.count == 4.5 and day.bound == 6
    assert "less 2 hours of part-day absence" in day.message
    assert "dikurangi 2 jam ketidakhadiran sebagian hari" in day.message_for("id")


def test_a_shift_that_overlaps_an_absence_counts_and_is_flagged(policy: flexrules.Policy) -> None:
    absence = Absence("2025-07-10T13:00", "2025-07-10T15:00", kind="sakit")
    report = check(policy, FULL_WEEK, [absence])
    assert [(c.day.isoformat()) for c in report.shifts_on_leave] == ["2025-07-10"]
    assert rules_broken(report) == []  # 8 hours worked still count


def test_whole_days_and_ranges_work_as_leave(policy: flexrules.Policy) -> None:
    shifts = [FULL_WEEK[0], FULL_WEEK[4]]
    leave = [Absence(dt.date(2025, 7, 8), dt.date(2025, 7, 10), kind="cuti tahunan")]
    report = check(policy, shifts, leave)
    assert report.absences == tuple(dt.date(2025, 7, d) for d in (8, 9, 10))
    # 16 hours on the two days counted: the week needs 37.5 x 2/5 = 15
    assert rules_broken(report) == []
    assert [a["kind"] for a in report.to_dict()["absence_details"]] == ["cuti tahunan"] * 3
    assert rules_broken(check(policy, shifts, ["2025-07-08", dt.date(2025, 7, 9)])) == [
        ("C1", "2025-07-10"),
        ("D1", "2025-07-10"),
        ("W1", "2025-07-07"),
    ]


@pytest.mark.parametrize(
    ("absence", "field"),
    [
        (Absence("2025-07-08T10:00", "2025-07-08T09:00"), "absences.end"),
        (Absence("2025-07-08T22:00", "2025-07-09T02:00"), "absences.end"),
        (Absence("2025-07-08T10:00"), "absences"),
        (Absence("2025-07-10", "2025-07-08"), "absences.end"),
        (Absence("2025-01-01", "2027-01-01"), "absences.end"),
        (Absence("2025-07-08", kind=7), "absences.kind"),  # type: ignore[arg-type]
        ({"kind": "izin"}, "absences"),
        ("next tuesday", "absences"),
    ],
)
def test_bad_absences_name_the_field(policy: flexrules.Policy, absence: object, field: str) -> None:
    with pytest.raises(InputError) as caught:
        check(policy, FULL_WEEK, [absence])
    assert caught.value.field == field


def test_a_roster_takes_part_day_absences(policy: flexrules.Policy) -> None:
    shifts = [*FULL_WEEK[:1], shift(8, "11:30", "15:30"), *FULL_WEEK[2:]]
    izin = Absence("2025-07-08T07:30", "2025-07-08T11:30", kind="izin")
    report = policy.check_roster(
        [Schedule(EMPLOYEE, shifts, [izin])], period=("2025-07-07", "2025-07-13")
    )
    assert report.violations == []


STAFFED = """\
policy "Counter".
employees have: unit: text.
working days: Monday to Friday.
rule T1 "Two at the counter": at least 2 employees must be on-site between 08:00 and 15:00
  on working days.
rule R1: employees may be on-site.
"""


def test_for_staffing_a_person_is_away_during_a_part_day_absence() -> None:
    policy = flexrules.compile_policy(STAFFED)
    office = [
        {"start": "2025-07-08T07:30", "end": "2025-07-08T15:30", "location": "office"},
    ]
    rina = Schedule({"id": "R"}, office)
    # Sari's shift overlaps her own izin 08:00-10:00: flagged, and away for staffing then
    izin = Absence("2025-07-08T08:00", "2025-07-08T10:00", kind="izin")
    sari = Schedule({"id": "S"}, office, [izin])
    report = policy.check_roster([rina, sari], period=("2025-07-08", "2025-07-08"))
    assert [
        (v.rule, v.start.time().isoformat(), v.end.time().isoformat()) for v in report.violations
    ] == [("T1", "08:00:00", "10:00:00")]
    assert [c.day.isoformat() for c in report.reports["S"].shifts_on_leave] == ["2025-07-08"]
    plain = policy.check_roster(
        [rina, Schedule({"id": "S"}, office)], period=("2025-07-08", "2025-07-08")
    )
    assert plain.violations == []
