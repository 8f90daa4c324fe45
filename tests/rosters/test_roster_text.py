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
from flexrules.rosters.reports import Scope

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
        "    ! HOURS: 2 hours worked on Mon 2025-07-07; at least 4 required",
        "      rule: employees must work at least 4 hours per working day (small.rules:10)",
        "",
        "  D4 (unit south)",
        "    ! HOURS: 2 hours worked on Mon 2025-07-07; at least 4 required",
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
        attrs.evolve(v, text="", bound=5)
        if v.kind == "staffing"
        else attrs.evolve(v, text="", count=7, size=9, bound=3)
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
    assert lines[-1] == "    ! HOURS: 2 hours worked on Mon 2025-07-07; at least 4 required"


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
        "  ! HOURS: 2 hours worked on Mon 2025-07-07; at least 4 required",
        "    rule: employees must work at least 4 hours per working day (small.rules:10)",
        "  ! HOURS: 2 hours worked on Tue 2025-07-08; at least 4 required",
        "  ! HOURS: 2 hours worked on Wed 2025-07-09; at least 4 required",
        "",
        "Not checked on every day, as no period was given (with one, each of its days is)",
        "  ? HOURS: checked only for the days, weeks or months in which the employee has a "
        "shift; one with no shift at all was not checked",
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


# ---- honest reports: what was not checked, shifts on leave, escaped text ----------------------

COVER_24_7 = flexrules.compile_policy(
    """policy "Emergency unit" timezone Asia/Makassar.
employees have: role: text.
group nurses: employees whose role is "nurse".
rule W: employees may work on-site.
rule C "Always a nurse": at least 1 nurses must be on-site.
rule H: employees must work at least 4 hours per working day.
""",
    filename="emergency.rules",
)
NURSES = [{"id": "N-1", "name": "Ani", "role": "nurse"}, {"id": "N-2", "role": "nurse"}]


def scope(policy: flexrules.Policy, period: bool) -> Scope:
    return Scope.of(((r.id, r.kind) for r in policy.rules), period)


def test_no_shifts_and_no_period_is_not_no_problems_found() -> None:
    """Issue 12: an empty roster under a 24/7 staffing rule, without a period, said "no
    problems found". Nothing was checked: the report says so, in text and in JSON."""
    report = COVER_24_7.check_roster([Schedule(n, []) for n in NURSES])
    report.scope = scope(COVER_24_7, period=False)
    text = report.explain()
    assert "no problems found" not in text
    assert text.splitlines()[2] == (
        "  0 shifts, 0 denied; nothing wrong found, but not everything could be checked (see below)"
    )
    assert text.splitlines()[-3:] == [
        "Not checked on every day, as no period was given (with one, each of its days is)",
        '  ? C "Always a nurse": not checked on any day: there are no shifts',
        "  ? H: checked only for the days, weeks or months in which the employee has a shift; "
        "one with no shift at all was not checked",
    ]
    document = report.to_dict()
    assert [(u["rule"], u["kind"]) for u in document["not_checked"]] == [
        ("C", "staffing"),
        ("H", "hour minimum"),
    ]
    assert document["not_checked"][0]["message"] == (
        'C "Always a nurse": not checked on any day: there are no shifts'
    )
    assert report.explain(summary=True).splitlines() == [
        *text.splitlines()[:3],
        "",
        *text.splitlines()[-3:],
    ]


def test_from_python_an_empty_roster_says_what_was_not_checked() -> None:
    """`check_roster` sets the report's scope itself: an empty roster without a period names
    each rule it could not judge, never "no problems found"."""
    report = COVER_24_7.check_roster([Schedule(n, []) for n in NURSES])
    assert report.scope == scope(COVER_24_7, period=False)
    text = report.explain()
    assert "no problems found" not in text
    assert (
        text.splitlines()[-1]
        == '  ? C "Always a nurse": not checked on any day: there are no shifts'
    )


def test_a_report_without_a_scope_still_says_nothing_was_checked() -> None:
    """A report whose scope was taken away (built by hand) knows no period was given (it has
    no days): it says no day was checked."""
    report = COVER_24_7.check_roster([Schedule(n, []) for n in NURSES])
    report.scope = None
    assert report.explain().splitlines()[-1] == (
        "  ? no day was checked: no period was given and no shifts"
    )


def test_without_a_period_staffing_is_checked_only_on_the_days_of_the_shifts() -> None:
    """With shifts but no period, the report names the days staffing was checked on; with a
    period nothing is left out and the old summary stands."""
    shifts = [{"start": "2025-07-07T00:00", "end": "2025-07-08T00:00", "location": "office"}]
    report = COVER_24_7.check_roster([Schedule(NURSES[0], shifts), Schedule(NURSES[1], [])])
    report.scope = scope(COVER_24_7, period=False)
    assert next(u.message for u in report.not_checked) == (
        'C "Always a nurse": checked only on Mon 2025-07-07, the day the shifts cover'
    )
    checked = COVER_24_7.check_roster(
        [Schedule(NURSES[0], shifts), Schedule(NURSES[1], [])],
        period=("2025-07-07", "2025-07-07"),
    )
    checked.scope = scope(COVER_24_7, period=True)
    assert checked.not_checked == ()
    assert "Not checked" not in checked.explain()


def test_a_shift_on_a_day_of_leave_is_flagged() -> None:
    """Issue 12: a shift on a day of the employee's own leave is flagged, on its day, under the
    employee to follow up, in the summary and in JSON; it is not a violation."""
    shifts = [shift(7), shift(8)]
    report = POLICY.check_roster(
        [
            Schedule({"id": "A1", "name": "Ani", "role": "desk", "unit": "north"}, shifts),
            Schedule(
                {"id": "B2", "name": "Budi", "role": "desk", "unit": "north"},
                shifts,
                absences=["2025-07-08"],
            ),
        ],
        period=("2025-07-07", "2025-07-08"),
    )
    lines = report.explain().splitlines()
    assert lines[2].endswith("; 1 employee to follow up; 1 shift on a day of leave")
    tuesday = lines.index("Tue 2025-07-08  on site 2, on leave 1")
    assert lines[tuesday + 1 : tuesday + 3] == [
        "    on leave: B2 Budi",
        "  ! on leave, yet has a shift: B2 Budi (Tue 2025-07-08 08:00-16:00 office)",
    ]
    follow = lines[lines.index("Employees to follow up (1)") :]
    assert follow[2:5] == [
        "  B2 Budi (unit north)",
        "    on leave: Tue 2025-07-08",
        "    ! on leave on Tue 2025-07-08, yet has the shift of Tue 2025-07-08 08:00-16:00 office",
    ]
    assert report.allowed
    budi = report.to_dict()["schedules"]["B2"]
    assert budi["shifts_on_leave"] == [
        {
            "day": "2025-07-08",
            "shift": {
                "start": "2025-07-08T08:00:00+07:00",
                "end": "2025-07-08T16:00:00+07:00",
                "location": "office",
            },
        }
    ]
    assert report.to_dict()["summary"]["shifts_on_leave"] == 1
    alone = report.reports["B2"]
    assert alone.explain().splitlines()[0].endswith(", 1 shift on leave")
    assert "! on leave on Tue 2025-07-08" in alone.explain()


def test_json_gives_the_policy_once_and_each_decision_its_own_parts() -> None:
    """SETTLED 'Semantics and wording': the metadata once at the top; each decision keeps its
    shift (ISO times with the offset, location), allowed and reasons (each with its rule), and
    no policy; pieces only when asked; violations keep rule, kind, message, start, end and
    employee."""
    report = check()
    document = report.to_dict()
    assert document["policy"]["name"] == "Small office"
    budi = document["schedules"]["B2"]
    assert "policy" not in budi
    decision = budi["decisions"][0]
    assert "policy" not in decision and "pieces" not in decision
    assert decision["shift"]["start"] == "2025-07-07T08:00:00+07:00"
    assert decision["shift"]["location"] == "home"
    assert decision["allowed"] is True and decision["reasons"][0]["rule"] == "AWAY"
    for violation in document["violations"]:
        assert {"rule", "kind", "message", "start", "end", "employee"} <= set(violation)
    with_pieces = report.to_dict(pieces=True)["schedules"]["B2"]["decisions"][0]
    assert with_pieces["pieces"][0]["allowed"] is True
    assert document["summary"] == {
        "employees": 4,
        "shifts": 7,
        "denied": 0,
        "violations": {"limit": 2, "presence": 0, "staffing": 1, "share": 1},
        "employees_to_follow_up": 2,
        "shifts_on_leave": 0,
        "first_day": "2025-07-07",
        "last_day": "2025-07-08",
    }


def test_json_violations_only_and_summary() -> None:
    """`violations_only`: the employees to follow up and their denied decisions; `summary`:
    no lists at all."""
    report = check()
    only = report.to_dict(violations_only=True)
    assert sorted(only["schedules"]) == ["C3", "D4"]
    assert all(d["allowed"] is False for s in only["schedules"].values() for d in s["decisions"])
    assert len(only["violations"]) == 4
    summary = report.to_dict(summary=True)
    assert set(summary) == {"allowed", "policy", "language", "summary", "not_checked", "warnings"}


def test_schedule_to_dict_gives_the_policy_once() -> None:
    report = POLICY.check({"id": "A1"}, [shift(7), shift(8)])
    document = report.to_dict()
    assert document["policy"]["name"] == "Small office"
    assert all("policy" not in d and "pieces" not in d for d in document["decisions"])
    assert "pieces" in report.to_dict(pieces=True)["decisions"][0]


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Budi\x1b[31m", "Budi\\x1b[31m"),
        ("\x1b[2J\x1b[HSari", "\\x1b[2J\\x1b[HSari"),
        ("Ani\u202eevil", "Ani\\u202eevil"),
        ("Line\nbreak", "Line\\x0abreak"),
        ("Zero\u200bwidth", "Zero\\u200bwidth"),
        ("Dewi Lestari", "Dewi Lestari"),
        ("José Ñúñez", "José Ñúñez"),
    ],
)
def test_ids_and_names_with_control_characters_are_shown_escaped(raw: str, shown: str) -> None:
    """Issue 13: an ANSI escape or a bidi control in an id or a name is printed visibly, never
    sent to the terminal; ordinary names, accents included, are as written."""
    person = {"id": f"X-{raw}", "name": raw, "role": "desk", "unit": raw}
    report = POLICY.check_roster([Schedule(person, [shift(7, "home", end="10:00")])])
    text = report.explain()
    assert f"X-{shown} {shown}" in text
    assert f"(unit {shown})" in text
    if shown != raw:
        assert raw not in text
    assert not any(ch in text for ch in "\x1b\u202e\u200b")
    schedule = POLICY.check(person, [shift(7, "home", end="10:00")]).explain()
    assert schedule.splitlines()[0].startswith(f"NOT ALLOWED  schedule of X-{shown} {shown} (")
