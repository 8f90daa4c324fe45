"""`RosterReport.explain()` and `ScheduleReport.explain()` (flexrules/roster_text.py) on a small
roster: everything shown comes from the report (names, unit, leave, the policy's name, the
rules' words), and the numbers of coverage gaps and shares come from each violation's
`bound`, `count` and `size`, not from its message.

Mon 2025-07-07 and Tue 2025-07-08, Asia/Jakarta. North has three people: A1 Ani and B2 Budi
at the desk, C3 Cici a clerk; D4 (no name given) is at the desk in south.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import attrs
import pytest

import flexrules
from flexrules import RosterReport, Schedule

POLICY = flexrules.compile_policy(
    """policy "Small office" version "7" timezone Asia/Jakarta.
employees have: role: text, unit: text.
working days: Monday to Friday.
hours desk hours: Monday to Friday 08:00 to 12:00.
group desk staff: employees whose role is "desk".
rule WORK: employees may work on-site.
rule AWAY "Remote work": employees may work from home.
rule COVER "Desk cover" citing "SOP 4": at least 2 desk staff must be on-site during desk hours.
rule SHARE "Unit share": at most 40% of employees in each unit may work remotely per day.
rule HOURS: employees must work at least 4 hours per working day.
""",
    filename="small.rules",
)


def shift(day: int, location: str = "office", end: str = "16:00") -> dict[str, Any]:
    return {
        "start": f"2025-07-{day:02d}T08:00",
        "end": f"2025-07-{day:02d}T{end}",
        "location": location,
    }


def check(first: int = 7, last: int = 8) -> RosterReport:
    """Monday: D4 leaves at 10:00 (a coverage gap from 10:00, 2 hours short), Budi and Cici
    at home (2 of north's 3 away, 40% allows 1), Cici only till 10:00 (2 hours short).
    Tuesday: Cici on leave, so no hours are asked of her."""
    return POLICY.check_roster(
        [
            Schedule(
                {"id": "A1", "name": "Ani", "role": "desk", "unit": "north"}, [shift(7), shift(8)]
            ),
            Schedule(
                {"id": "B2", "name": "Budi", "role": "desk", "unit": "north"},
                [shift(7, "home"), shift(8, "home")],
            ),
            Schedule(
                {"id": "C3", "name": "Cici", "role": "clerk", "unit": "north"},
                [shift(7, "home", end="10:00")],
                absences=["2025-07-08"],
            ),
            Schedule(
                {"id": "D4", "role": "desk", "unit": "south"}, [shift(7, end="10:00"), shift(8)]
            ),
        ],
        period=(f"2025-07-{first:02d}", f"2025-07-{last:02d}"),
    )


@pytest.fixture(scope="module")
def report() -> RosterReport:
    return check()


def test_the_report_keeps_what_its_text_needs(report: RosterReport) -> None:
    """Names, `in each` values, leave, presence, the policy and the rules' words are on the
    report itself, so its text needs nothing else."""
    assert report.names == {"A1": "Ani", "B2": "Budi", "C3": "Cici", "D4": None}
    assert report.groups["D4"] == {"unit": "south"}
    assert {ident: [d.isoformat() for d in days] for ident, days in report.absences.items()} == {
        "C3": ["2025-07-08"]
    }
    monday = next(iter(report.presence.values()))
    assert sorted(monday["home"]) == ["B2", "C3"]
    assert (report.policy["name"], report.policy["version"]) == ("Small office", "7")
    cover = report.rules["COVER"]
    assert (cover.text, str(cover.source), cover.citation, cover.amount) == (
        "at least 2 desk staff must be on-site during desk hours",
        "small.rules:8",
        "SOP 4",
        Fraction(2),
    )
    assert report.rules["SHARE"].amount == 40 and report.rules["WORK"].amount is None


def test_roster_text_names_people_their_unit_and_leave(report: RosterReport) -> None:
    lines = report.explain().splitlines()
    assert lines[:3] == [
        "NOT ALLOWED  roster of 4 employees, Mon 2025-07-07 to Tue 2025-07-08 (Asia/Jakarta)",
        "  Small office (version 7)",
        "  7 shifts, 0 denied; 1 coverage gap; 1 group over its share; "
        "2 employees to follow up (2 broken limits)",
    ]
    assert "Mon 2025-07-07  on site 2, home 2" in lines
    assert "    home: B2 Budi, C3 Cici" in lines
    tuesday = lines.index("Tue 2025-07-08  on site 2, home 1, on leave 1")
    assert lines[tuesday + 1 : tuesday + 3] == ["    home: B2 Budi", "    on leave: C3 Cici"]
    follow = lines[lines.index("Employees to follow up (2)") :]
    assert follow[1:] == [
        "",
        "  C3 Cici (unit north)",
        "    on leave: Tue 2025-07-08",
        "    ! HOURS: 2 hours worked in Mon 2025-07-07; at least 4 required",
        "      rule: employees must work at least 4 hours per working day (small.rules:10)",
        "",
        "  D4 (unit south)",
        "    ! HOURS: 2 hours worked in Mon 2025-07-07; at least 4 required",
    ]


def test_gap_and_share_numbers_come_from_the_violation(report: RosterReport) -> None:
    """The gap and share lines read `count`, `bound` and `size` (and the rule's percent), with
    each rule's words once, under its first problem."""
    lines = report.explain().splitlines()
    monday = lines.index("Mon 2025-07-07  on site 2, home 2")
    assert lines[monday + 2 : monday + 6] == [
        '  ! COVER "Desk cover": 10:00-12:00 1 present, 2 needed: A1 Ani',
        "      rule: at least 2 desk staff must be on-site during desk hours (small.rules:8) "
        "[SOP 4]",
        '  ! SHARE "Unit share": in north 2 of 3 away, at most 1 allowed (40%): B2 Budi, C3 Cici',
        "      rule: at most 40% of employees in each unit may work remotely per day "
        "(small.rules:9)",
    ]
    # with other numbers and no message at all, the text follows the numbers
    changed = check()
    changed.violations = [
        attrs.evolve(v, message="", bound=5)
        if v.kind == "staffing"
        else attrs.evolve(v, message="", count=7, size=9, bound=3)
        if v.kind == "share"
        else v
        for v in changed.violations
    ]
    text = changed.explain()
    assert '! COVER "Desk cover": 10:00-12:00 1 present, 5 needed: A1 Ani' in text
    assert '! SHARE "Unit share": in north 7 of 9 away, at most 3 allowed (40%)' in text


def test_first_days_then_only_the_days_with_a_problem() -> None:
    """With first_days, the days after them appear only when they hold a gap or a share;
    the employees to follow up are all there."""
    lines = check(5, 8).explain(first_days=1).splitlines()
    days = lines[
        lines.index("Day by day (Asia/Jakarta clock; on site, away, on leave)") + 1 : lines.index(
            "Employees to follow up (2)"
        )
    ]
    assert [line for line in days if not line.startswith("    ")] == [
        "Sat 2025-07-05  nobody scheduled",
        "  ... 1 day without coverage or share problems left out",
        "Mon 2025-07-07  on site 2, home 2",
        '  ! COVER "Desk cover": 10:00-12:00 1 present, 2 needed: A1 Ani',
        '  ! SHARE "Unit share": in north 2 of 3 away, at most 1 allowed (40%): B2 Budi, C3 Cici',
        "  ... 1 day without coverage or share problems left out",
        "",
    ]
    assert lines[-1] == "    ! HOURS: 2 hours worked in Mon 2025-07-07; at least 4 required"


def test_schedule_text_sums_up_and_lists_only_what_is_wrong() -> None:
    """One employee: allowed shifts are counted, not listed; leave is shown; each broken
    limit with its rule's words once, however often it is broken."""
    shifts = [shift(day, end="10:00") for day in (7, 8, 9)] + [shift(10)]
    text = POLICY.check(
        {"id": "A1", "name": "Ani", "role": "desk", "unit": "north"},
        shifts,
        absences=["2025-07-11"],
    ).explain()
    assert text.splitlines() == [
        "NOT ALLOWED  schedule of A1 Ani (Asia/Jakarta): 4 shifts, 0 denied, 3 limit violations",
        "  Small office (version 7)",
        "  4 shifts, Mon 2025-07-07 to Thu 2025-07-10: all allowed",
        "  on leave: Fri 2025-07-11",
        "  ! HOURS: 2 hours worked in Mon 2025-07-07; at least 4 required",
        "    rule: employees must work at least 4 hours per working day (small.rules:10)",
        "  ! HOURS: 2 hours worked in Tue 2025-07-08; at least 4 required",
        "  ! HOURS: 2 hours worked in Wed 2025-07-09; at least 4 required",
    ]


def test_schedule_text_lists_denied_shifts_with_their_reasons() -> None:
    """A denied shift is listed with each reason; the others are only counted."""
    strict = flexrules.compile_policy(
        'policy "Strict" timezone Asia/Jakarta.\n'
        "employees have: on probation: yes or no.\n"
        "rule WORK: employees may work on-site.\n"
        "rule AWAY: employees may work from home.\n"
        'rule PROBATION "On probation" citing "Pasal 25": employees who are on probation '
        "must be on-site.\n",
        filename="strict.rules",
    )
    employee = {"id": "E-9", "name": "Dimas", "on_probation": True}
    text = strict.check(employee, [shift(7), shift(8, "home"), shift(9)]).explain()
    assert text.splitlines()[2:] == [
        "  3 shifts, Mon 2025-07-07 to Wed 2025-07-09: 2 allowed, 1 denied",
        "  DENIED Tue 2025-07-08 08:00-16:00 home",
        '    08:00-16:00 denied by PROBATION "On probation" (strict.rules:5): because on '
        "probation is yes",
        "      rule: employees who are on probation must be on-site [Pasal 25]",
    ]
