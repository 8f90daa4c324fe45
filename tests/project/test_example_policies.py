"""The two example policies written from scratch for issue 12 check, decide and roster as their
authors mean: `examples/puskesmas.rules` (a WITA community health centre with a 24-hour
emergency unit, a registration counter and a back office) and
`examples/education-office.rules` (a WIT education office: teachers and office staff). Each
expectation is worked out by hand from the policy text; the sample rosters in
`examples/data/` hold a few planted problems, and the checks find exactly those."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

import flexrules
from flexrules import cli, files

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PUSKESMAS = EXAMPLES / "puskesmas.rules"
EDUCATION = EXAMPLES / "education-office.rules"
PUSKESMAS_DATA = EXAMPLES / "data" / "puskesmas"
EDUCATION_DATA = EXAMPLES / "data" / "education-office"
# Two ISO weeks each: 11-24 August 2025 holds Independence Day (Sunday 17) and its cuti
# bersama (Monday 18); 7-20 July 2025 is the last week of the school holidays, then the first
# week of the school year.
PUSKESMAS_PERIOD = ("2025-08-11", "2025-08-24")
EDUCATION_PERIOD = ("2025-07-07", "2025-07-20")


@pytest.fixture(scope="module")
def puskesmas() -> flexrules.Policy:
    return flexrules.load_policy(PUSKESMAS)


@pytest.fixture(scope="module")
def education() -> flexrules.Policy:
    return flexrules.load_policy(EDUCATION)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


# ---- check --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "summary"),
    [
        (PUSKESMAS, "ok (16 rules, 4 groups, 2 hour patterns, 1 date set)"),
        (EDUCATION, "ok (17 rules, 3 groups, 3 hour patterns, 2 date sets)"),
    ],
    ids=["puskesmas", "education-office"],
)
def test_each_policy_checks_ok_without_warnings(
    capsys: pytest.CaptureFixture[str], path: Path, summary: str
) -> None:
    """`flexrules check` prints one line, no warning (no unused attribute, no inert rule)."""
    code, out, err = run(capsys, "check", str(path))
    assert (code, out, err) == (0, f"{path}: {summary}\n", "")
    assert list(flexrules.load_policy(path).diagnostics) == []


def test_every_rule_cites_an_article_and_the_header_is_the_local_clock(
    puskesmas: flexrules.Policy, education: flexrules.Policy
) -> None:
    """Each rule says which article it encodes; WITA and WIT are the zones the files name."""
    assert str(puskesmas.timezone) == "Asia/Makassar"
    assert str(education.timezone) == "Asia/Jayapura"
    for policy in (puskesmas, education):
        citations = {rule.id: rule.citation or "" for rule in policy.rules}
        assert all(
            citation.startswith(("PermenPANRB 4/2025 Pasal ", "Perpres 21/2023"))
            for citation in citations.values()
        ), citations


# ---- decisions ----------------------------------------------------------------------------


def decided(
    policy: flexrules.Policy, employee: dict[str, Any], start: str, end: str, where: str
) -> tuple[bool, list[str | None]]:
    decision = policy.decide(employee, {"start": start, "end": end, "location": where})
    # the deciding rules, each once, in the order the runs name them (None: the default)
    return decision.allowed, list(dict.fromkeys(reason.rule for reason in decision.reasons))


def health_worker(**facts: Any) -> dict[str, Any]:
    return {
        "id": "X-1",
        "profession": "nurse",
        "unit": "UGD",
        "performance": "good",
        "position start": "2018-01-02",
        "under sanction": False,
        "in special circumstances": False,
        **facts,
    }


NURSE = health_worker()
ADMIN = health_worker(profession="administration", unit="tata usaha")
CLERK = health_worker(profession="registration clerk", unit="loket")


@pytest.mark.parametrize(
    ("employee", "start", "end", "where", "expected"),
    [
        # the UGD is on site at every hour: at home at 02:00 is refused by its own rule
        (NURSE, "2025-08-13T01:00", "2025-08-13T03:00", "home", (False, ["ugd-onsite"])),
        # a night shift on Independence Day, on site: the UGD works through holidays
        (
            NURSE,
            "2025-08-17T21:00",
            "2025-08-18T07:00",
            "office",
            (True, ["ugd-onsite", "onsite-ok"]),
        ),
        # administration at home on a Tuesday, rated "good": Pasal 23
        (ADMIN, "2025-08-12T07:30", "2025-08-12T16:00", "home", (True, ["admin-remote"])),
        # rated below "good": no rule permits it, the default denies
        (
            {**ADMIN, "performance": "needs improvement"},
            "2025-08-12T07:30",
            "2025-08-12T16:00",
            "home",
            (False, [None]),
        ),
        # finance under sanction: Pasal 25
        (
            {**ADMIN, "profession": "finance", "under sanction": True},
            "2025-08-12T07:30",
            "2025-08-12T16:00",
            "home",
            (False, ["under-sanction"]),
        ),
        # in post since 3 March 2025: on 2 September the cutoff (6 months before) is 2 March,
        # so still new; on 3 September the cutoff is 3 March itself, no longer new
        (
            {**ADMIN, "position start": "2025-03-03"},
            "2025-09-02T07:30",
            "2025-09-02T16:00",
            "home",
            (False, ["new-in-post"]),
        ),
        (
            {**ADMIN, "position start": "2025-03-03"},
            "2025-09-03T07:30",
            "2025-09-03T16:00",
            "home",
            (True, ["admin-remote"]),
        ),
        # a counter clerk at home: service hours (to 14:00) by the counter rule, the rest of
        # the day by the default (counter work does not qualify under Pasal 23)
        (
            CLERK,
            "2025-08-12T07:30",
            "2025-08-12T16:00",
            "home",
            (False, ["counter-onsite", None]),
        ),
        (
            CLERK,
            "2025-08-12T07:30",
            "2025-08-12T16:00",
            "office",
            (True, ["counter-onsite", "onsite-ok"]),
        ),
        # 18 August is cuti bersama: the counter is closed and the office window has no hours
        (CLERK, "2025-08-18T07:30", "2025-08-18T12:00", "office", (False, ["office-window"])),
        # a Saturday is outside the office window too, at home or not
        (ADMIN, "2025-08-16T08:00", "2025-08-16T12:00", "home", (False, ["office-window"])),
    ],
)
def test_puskesmas_decisions(
    puskesmas: flexrules.Policy,
    employee: dict[str, Any],
    start: str,
    end: str,
    where: str,
    expected: tuple[bool, list[str | None]],
) -> None:
    assert decided(puskesmas, employee, start, end, where) == expected


def school_staff(**facts: Any) -> dict[str, Any]:
    return {
        "id": "Y-1",
        "job type": "teacher",
        "unit": "SD Negeri Kotaraja",
        "performance": "good",
        "position start": "2018-01-02",
        "under sanction": False,
        "facing discipline": False,
        "in special circumstances": False,
        **facts,
    }


TEACHER = school_staff()
CLERK_K = school_staff(**{"job type": "administration", "unit": "sekretariat"})


@pytest.mark.parametrize(
    ("employee", "start", "end", "where", "expected"),
    [
        # teaching hours on a school day are face to face
        (TEACHER, "2025-07-15T07:30", "2025-07-15T13:00", "home", (False, ["teach-onsite"])),
        # after teaching (13:00 Monday to Thursday), grading from home is allowed
        (TEACHER, "2025-07-15T13:30", "2025-07-15T16:00", "home", (True, ["teach-prep"])),
        # from 12:00: the last teaching hour is denied, so the shift is
        (TEACHER, "2025-07-15T12:00", "2025-07-15T16:00", "home", (False, ["teach-onsite"])),
        # Friday's teaching ends at 11:00
        (TEACHER, "2025-07-18T11:30", "2025-07-18T15:00", "home", (True, ["teach-prep"])),
        # school holidays: no teaching, lesson plans from home on a working day
        (TEACHER, "2025-07-08T08:00", "2025-07-08T12:00", "home", (True, ["teach-holidays"])),
        # new in post (January 2025, under 12 months): Pasal 25, even after teaching hours
        (
            {**TEACHER, "position start": "2025-01-06"},
            "2025-07-15T13:30",
            "2025-07-15T16:00",
            "home",
            (False, ["excluded"]),
        ),
        # the agency lets only teachers rated "good" or better prepare lessons at home
        (
            {**TEACHER, "performance": "needs improvement"},
            "2025-07-15T13:30",
            "2025-07-15T16:00",
            "home",
            (False, [None]),
        ),
        (CLERK_K, "2025-07-15T07:30", "2025-07-15T16:00", "home", (True, ["office-remote"])),
        (
            {**CLERK_K, "facing discipline": True},
            "2025-07-15T07:30",
            "2025-07-15T16:00",
            "home",
            (False, ["excluded"]),
        ),
        # dynamic hours: the office window opens at 07:00
        (CLERK_K, "2025-07-15T06:30", "2025-07-15T16:00", "office", (False, ["office-window"])),
        # 5 February, a Papua holiday the policy declares: no office hours
        (CLERK_K, "2025-02-05T08:00", "2025-02-05T12:00", "office", (False, ["office-window"])),
        # in Ramadan the window opens at 07:30
        (CLERK_K, "2025-03-10T07:00", "2025-03-10T15:00", "office", (False, ["ramadan-window"])),
    ],
)
def test_education_office_decisions(
    education: flexrules.Policy,
    employee: dict[str, Any],
    start: str,
    end: str,
    where: str,
    expected: tuple[bool, list[str | None]],
) -> None:
    assert decided(education, employee, start, end, where) == expected


# ---- working time over a week -------------------------------------------------------------


def test_a_holiday_lowers_the_puskesmas_week_pro_rata(puskesmas: flexrules.Policy) -> None:
    """The week of 18 August has 4 working days (the 18th is cuti bersama): 37.5 x 4/5 = 30
    hours; a clerk working 07:30-14:30 Tuesday to Friday has 28."""
    shifts = [
        {"start": f"2025-08-{day}T07:30", "end": f"2025-08-{day}T14:30", "location": "office"}
        for day in (19, 20, 21, 22)
    ]
    report = puskesmas.check(CLERK, shifts, period=("2025-08-18", "2025-08-24"))
    assert all(decision.allowed for decision in report.decisions)
    assert [(v.rule, v.count, v.bound) for v in report.violations] == [("weekly-total", 28, 30)]
    assert "pro-rated to 4 of 5 working days: Mon 2025-08-18 joint holiday" in (
        report.violations[0].message
    )


def test_teachers_week_in_ramadan_and_in_the_school_holidays(
    education: flexrules.Policy,
) -> None:
    """In Ramadan a teacher owes 32.5 hours a week in term time and nothing in the school
    holidays (from 24 March): 6 hours a day in the week of 10 March is 30, short; 7 a day in
    the week of 17 March is 35; the week of 24 March, with no shift at all, asks for none."""
    shifts = [
        {"start": f"2025-03-{day}T07:00", "end": f"2025-03-{day}T{end}", "location": "office"}
        for days, end in (((10, 11, 12, 13, 14), "13:00"), ((17, 18, 19, 20, 21), "14:00"))
        for day in days
    ]
    report = education.check(TEACHER, shifts, period=("2025-03-10", "2025-03-30"))
    assert all(decision.allowed for decision in report.decisions)
    assert [(v.rule, v.count, v.bound) for v in report.violations] == [
        ("teach-time-ramadan", 30, 32.5)
    ]


# ---- the sample rosters -------------------------------------------------------------------


def roster_report(
    policy: flexrules.Policy, data: Path, period: tuple[str, str]
) -> flexrules.RosterReport:
    roster = files.read_roster(
        data / "employees.csv", data / "shifts.csv", policy, data / "leave.csv"
    )
    return policy.check_roster(roster.schedules(), period=period)


def found(report: flexrules.RosterReport) -> list[tuple[str, str, str, str]]:
    """Each violation as (rule, kind, who, when) on the policy's clock."""
    return sorted(
        (
            v.rule,
            v.kind,
            v.employee or ",".join(v.present or ()),
            f"{v.start:%Y-%m-%d %H:%M}-{v.end:%H:%M}",
        )
        for v in report.violations
    )


def denied(report: flexrules.RosterReport) -> dict[str, list[tuple[str, list[str | None]]]]:
    return {
        employee: [(f"{d.start:%Y-%m-%d %H:%M}", [r.rule for r in d.reasons]) for d in refused]
        for employee, decisions in report.decisions.items()
        if (refused := [d for d in decisions if not d.allowed])
    }


def test_puskesmas_roster_finds_exactly_the_planted_problems(
    puskesmas: flexrules.Policy,
) -> None:
    """Planted in examples/data/puskesmas: U-03 comes in at 22:00 for Wednesday's night (one
    in the UGD 21:00-22:00); two of the four in tata usaha at home on Friday 15 August (25%
    allows one); A-03's third remote day on Thursday 21 August; the same morning L-03 is on
    sick leave and L-02 arrives at 09:00 (one at the counter 07:30-09:00, and L-02 misses the
    opening); U-03 stays after the night of 21 August for U-06's Friday morning (14 hours on
    the 22nd). Nothing else: the UGD is covered on the holidays of 17 and 18 August while the
    counter, closed, needs nobody; U-03's week of 18 August is 48 hours, at the cap, not over
    it; leave lowers the weekly totals."""
    report = roster_report(puskesmas, PUSKESMAS_DATA, PUSKESMAS_PERIOD)
    assert found(report) == [
        ("counter-cover", "staffing", "L-01", "2025-08-21 07:30-09:00"),
        ("counter-hours", "presence", "L-02", "2025-08-21 00:00-00:00"),
        ("remote-cap", "limit", "A-03", "2025-08-21 00:00-00:00"),
        ("ugd-cover", "staffing", "U-02", "2025-08-13 21:00-22:00"),
        ("ugd-day-cap", "limit", "U-03", "2025-08-22 00:00-00:00"),
        ("unit-share", "share", "A-01,A-02", "2025-08-15 00:00-00:00"),
    ]
    by_rule = {v.rule: v for v in report.violations}
    assert (by_rule["ugd-day-cap"].count, by_rule["ugd-day-cap"].bound) == (14, 12)
    assert [s["start"] for s in by_rule["ugd-day-cap"].shifts] == ["2025-08-22T07:00"]
    assert [s["start"] for s in by_rule["remote-cap"].shifts] == ["2025-08-21T07:30"]
    assert by_rule["unit-share"].group == "tata usaha"
    assert (
        "07:30-09:00 of the core hours 07:30-14:00 not worked" in by_rule["counter-hours"].message
    )
    assert denied(report) == {}
    assert not report.allowed and report.not_checked == ()


def test_education_roster_finds_exactly_the_planted_problems(
    education: flexrules.Policy,
) -> None:
    """Planted in examples/data/education-office: G-04 leaves school at 11:00 on Monday 14
    July; G-03 works from home during Tuesday's teaching hours; K-02's third remote day on
    Wednesday 16 July; K-01 starts at 08:45 on Thursday 17 July; K-04, in post since February,
    works from home on Friday 18 July. Nothing else: the school-holiday week asks teachers for
    no teaching and no hours, and G-02's two days of lesson plans at home are allowed; K-05's
    three remote days a week are keadaan khusus; K-03's Friday is leave."""
    report = roster_report(education, EDUCATION_DATA, EDUCATION_PERIOD)
    assert found(report) == [
        ("flexible-start", "presence", "K-01", "2025-07-17 00:00-00:00"),
        ("remote-cap", "limit", "K-02", "2025-07-16 00:00-00:00"),
        ("teach-hours", "presence", "G-04", "2025-07-14 00:00-00:00"),
    ]
    assert denied(report) == {
        "G-03": [("2025-07-15 07:30", ["teach-onsite"])],
        "K-04": [("2025-07-18 07:30", ["excluded"])],
    }
    by_rule = {v.rule: v for v in report.violations}
    assert "11:00-13:00 of the core hours 07:30-13:00 not worked" in by_rule["teach-hours"].message
    assert [s["start"] for s in by_rule["flexible-start"].shifts] == ["2025-07-17T08:45"]
    assert not report.allowed and report.not_checked == ()


@pytest.mark.parametrize(
    ("policy", "data", "period", "expected"),
    [
        (
            PUSKESMAS,
            PUSKESMAS_DATA,
            PUSKESMAS_PERIOD,
            [
                ("ugd-day-cap", "U-03", ""),
                ("counter-hours", "L-02", ""),
                ("remote-cap", "A-03", ""),
                ("ugd-cover", "", "U-02"),
                ("counter-cover", "", "L-01"),
                ("unit-share", "", "A-01;A-02"),
            ],
        ),
        (
            EDUCATION,
            EDUCATION_DATA,
            EDUCATION_PERIOD,
            [
                ("flexible-start", "K-01", ""),
                ("remote-cap", "K-02", ""),
                ("teach-hours", "G-04", ""),
            ],
        ),
    ],
    ids=["puskesmas", "education-office"],
)
def test_the_cli_roster_reports_the_same(
    capsys: pytest.CaptureFixture[str],
    policy: Path,
    data: Path,
    period: tuple[str, str],
    expected: list[tuple[str, str, str]],
) -> None:
    """`flexrules roster --format csv`: one row per violation, the same as the API's; exit 0
    (checked), 4 with --fail-on-violation."""
    argv = [
        "roster",
        str(policy),
        "--employees",
        str(data / "employees.csv"),
        "--shifts",
        str(data / "shifts.csv"),
        "--absences",
        str(data / "leave.csv"),
        "--period",
        *period,
    ]
    code, out, err = run(capsys, *argv, "--format", "csv")
    assert (code, err) == (0, "")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(row["rule"], row["employee"], row["present"]) for row in rows] == expected
    code, out, _ = run(capsys, *argv, "--violations-only", "--fail-on-violation")
    assert code == 4
    assert out.startswith("NOT ALLOWED  roster of ")
