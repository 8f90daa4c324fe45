"""`flexrules schedule` and `flexrules roster` end to end: the July 2025 example roster, JSON
output, exit codes, and bad files reported in one line without a traceback."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from flexrules import cli

ROOT = Path(__file__).resolve().parents[2]
POLICY = str(ROOT / "examples" / "disdukcapil.rules")
ROSTER = ROOT / "examples" / "roster"
EXAMPLE = [
    POLICY,
    "--employees",
    str(ROSTER / "employees.csv"),
    "--shifts",
    str(ROSTER / "shifts.csv"),
    "--absences",
    str(ROSTER / "leave.csv"),
    "--period",
    "2025-07-01",
    "2025-07-31",
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture(scope="module")
def example_report() -> tuple[int, str]:
    """The example roster's text report, computed once."""
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli.main(["roster", *EXAMPLE])
    return code, out.getvalue()


# ---- the example roster --------------------------------------------------------------------


def test_example_roster_is_44_people_over_23_working_days() -> None:
    """The example is what it claims: 40+ employees, every working day of July 2025, and the
    generator writes exactly the committed files."""
    employees = (ROSTER / "employees.csv").read_text(encoding="utf-8").splitlines()
    shifts = (ROSTER / "shifts.csv").read_text(encoding="utf-8").splitlines()
    assert len(employees) - 1 == 44
    days = {line.split(",")[1][:10] for line in shifts[1:]}
    assert len(days) == 23
    assert all(line.split(",")[1][:10] in days for line in shifts[1:])


def test_make_roster_is_deterministic(tmp_path: Path) -> None:
    """Running the generator again writes the committed files byte for byte."""
    script = (ROSTER / "make_roster.py").read_text(encoding="utf-8")
    copy = tmp_path / "make_roster.py"
    copy.write_text(script, encoding="utf-8")
    subprocess.run([sys.executable, str(copy)], check=True, timeout=60)
    for name in ("employees.csv", "shifts.csv", "leave.csv"):
        assert (tmp_path / name).read_bytes() == (ROSTER / name).read_bytes(), name


def test_example_roster_reports_the_five_planted_problems(example_report: tuple[int, str]) -> None:
    """Exit 0 (checked, with violations); the summary counts them; each planted mistake is
    reported where a head of unit would look for it."""
    code, out = example_report
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == (
        "NOT ALLOWED  roster of 44 employees, Tue 2025-07-01 to Thu 2025-07-31 (Asia/Jakarta)"
    )
    assert lines[2] == (
        "  992 shifts, 1 denied; 1 coverage gap; 1 group over its share; "
        "3 employees to follow up (2 broken limits)"
    )
    # R10 on its day, with who was there
    day = lines.index("Thu 2025-07-10  on site 33, home 8, on leave 3")
    assert lines[day + 2] == (
        "    on leave: P-102 Joko Prasetyo, P-201 Dedi Firmansyah, P-202 Maya Anggraini"
    )
    assert lines[day + 3] == (
        '  ! R10 "Service coverage": 08:00-10:00 1 present, 2 needed: P-101 Sari Wulandari'
    )
    assert lines[day + 4] == (
        "      rule: at least 2 service desk staff must be on-site during "
        "service hours (disdukcapil.rules:66)"
    )
    # R11 on its day, naming the four away
    assert (
        '  ! R11 "Unit share": in secretariat 4 of 10 away, at most 3 allowed (30%): '
        "P-302 Budi Santoso, P-303 Rina Kusuma, P-306 Yusuf Maulana, P-307 Wulan Sari"
    ) in lines
    # each employee to follow up, once, in id order
    follow = lines[lines.index("Employees to follow up (3)") :]
    assert [line.strip() for line in follow if line.startswith("  P-")] == [
        "P-205 Arif Rahman (unit civil registry)",
        "P-207 Dimas Pratama (unit civil registry)",
        "P-403 Irwan Setiawan (unit finance)",
    ]
    text = "\n".join(follow)
    assert '! R9 "Working time": 6 hours worked on Tue 2025-07-22; at least 7.5 required' in text
    assert "DENIED Wed 2025-07-16 07:30-16:00 home" in text
    assert 'denied by R2 "No remote work on probation" (disdukcapil.rules:37)' in text
    assert (
        "        rule: employees who are on probation must be on-site [PermenPANRB 4/2025 Pasal 25]"
    ) in follow
    assert (
        '! R8 "Remote days cap": Wed 2025-07-16 is the 3rd working day of remote work in '
        "week 14-20 Jul 2025; at most 2 allowed"
    ) in text
    assert "the shift of Wed 2025-07-16 07:30-16:00 home" in text


def test_roster_prints_the_library_report(example_report: tuple[int, str]) -> None:
    """`flexrules roster` prints `RosterReport.explain()`, nothing more or less."""
    from flexrules import files, load_policy

    policy = load_policy(POLICY)
    roster = files.read_roster(
        ROSTER / "employees.csv", ROSTER / "shifts.csv", policy, ROSTER / "leave.csv"
    )
    report = policy.check_roster(roster.schedules(), ("2025-07-01", "2025-07-31"))
    assert example_report[1] == report.explain() + "\n"


def test_example_roster_lists_every_day_with_weekends(example_report: tuple[int, str]) -> None:
    """All 31 days appear, the weekends as `nobody scheduled`; Citra (keadaan khusus) works
    from home three days a week without breaking R8."""
    _, out = example_report
    days = [
        line
        for line in out.splitlines()
        if line[:3] in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
        and " 2025-07-" in line[:15]
    ]
    assert len(days) == 31
    assert sum("nobody scheduled" in line for line in days) == 8
    assert "P-408" not in out.split("Employees to follow up")[1]


def test_example_roster_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints `RosterReport.to_dict()`: every schedule and every violation."""
    code, out, _ = run(capsys, "roster", *EXAMPLE, "--json")
    assert code == 0
    document = json.loads(out)
    assert document["allowed"] is False
    assert len(document["schedules"]) == 44
    assert sorted(v["rule"] for v in document["violations"]) == ["R10", "R11", "R8", "R9"]
    staffing = next(v for v in document["violations"] if v["rule"] == "R10")
    assert staffing["present"] == ["P-101"]
    assert staffing["start"] == "2025-07-10T08:00:00+07:00"
    assert document["policy"]["name"] == "Disdukcapil flexible work"


def test_roster_without_leave_reports_the_leave_days_short(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Without --absences, leave days are working days with no hours: R9 says so."""
    argv = [a for a in EXAMPLE if a not in ("--absences", str(ROSTER / "leave.csv"))]
    code, out, _ = run(capsys, "roster", *argv)
    assert code == 0
    assert "0 hours worked on Mon 2025-07-07; at least 7.5 required" in out


def test_headcount_file_changes_the_share(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With the secretariat's real size of 14, 30% allows 4: the R11 day is fine."""
    headcount = tmp_path / "headcount.csv"
    headcount.write_text("unit,headcount\nsecretariat,14\n", encoding="utf-8")
    code, out, _ = run(capsys, "roster", *EXAMPLE, "--headcount", str(headcount))
    assert code == 0
    assert "R11" not in out.split("Employees to follow up")[0].split("Day by day")[1]
    assert "1 coverage gap; 3 employees" in out


def test_roster_from_json_files_names_each_rule_once(capsys: pytest.CaptureFixture[str]) -> None:
    """examples/data (JSON, with `note` keys) checks too; a rule broken on many days has its
    own words shown once, where it first appears."""
    data = ROOT / "examples" / "data"
    code, out, _ = run(
        capsys,
        "roster",
        POLICY,
        "--employees",
        str(data / "employees.json"),
        "--shifts",
        str(data / "shifts.json"),
    )
    assert code == 0
    assert out.count('! R10 "Service coverage"') > 5
    assert out.count("rule: at least 2 service desk staff must be on-site") == 1


# ---- schedule ------------------------------------------------------------------------------


def test_schedule_json_object(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A schedule file with employee, shifts and period prints `report.explain()`; exit 0
    even though R8 is broken."""
    path = tmp_path / "budi.json"
    path.write_text(
        json.dumps(
            {
                "employee": {
                    "id": "E-107",
                    "name": "Budi",
                    "role": "finance officer",
                    "job_type": "finance",
                    "performance": "very good",
                    "position_start": "2019-08-01",
                    "on_probation": False,
                    "under_sanction": False,
                    "in_special_circumstances": False,
                },
                "shifts": [
                    {
                        "start": f"2025-07-{d:02d}T07:30",
                        "end": f"2025-07-{d:02d}T16:00",
                        "location": "home",
                    }
                    for d in (7, 8, 9)
                ],
            }
        ),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "schedule", POLICY, "--schedule", str(path))
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == (
        "NOT ALLOWED  schedule of E-107 Budi (Asia/Jakarta): 3 shifts, 0 denied, 1 limit violation"
    )
    assert "Wed 2025-07-09 is the 3rd working day of remote work in week 7-13 Jul 2025" in out
    code, out, _ = run(capsys, "schedule", POLICY, "--schedule", str(path), "--json")
    document = json.loads(out)
    assert document["allowed"] is False
    assert [v["rule"] for v in document["violations"]] == ["R8"]


def test_schedule_csv_with_employee_and_period(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Shifts as CSV plus --employee; --period makes R9 check every working day in it."""
    employee = tmp_path / "e.csv"
    employee.write_text(
        "id,name,role,position start,on probation,under sanction\n"
        "E-042,Sari,service desk,2021-03-01,no,no\n",
        encoding="utf-8",
    )
    shifts = tmp_path / "s.csv"
    shifts.write_text(
        "start,end,location\n2025-07-07T07:30,2025-07-07T16:00,office\n", encoding="utf-8"
    )
    code, out, _ = run(
        capsys,
        "schedule",
        POLICY,
        "--schedule",
        str(shifts),
        "--employee",
        str(employee),
        "--period",
        "2025-07-07",
        "2025-07-08",
    )
    assert code == 0
    assert "  1 shift, Mon 2025-07-07: allowed" in out.splitlines()
    assert "0 hours worked on Tue 2025-07-08; at least 7.5 required" in out


# ---- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "employees.csv",
            "id,name,grade\nE-1,Sari,nine\n",
            'employees.csv`, row 2, column `grade`: "nine" is not a number',
        ),
        (
            "employees.csv",
            "id,name,grade\nE-1,Sari,7\nE-1,Budi,8\n",
            "employees.csv`, row 3, column `id`: employee `E-1` appears twice (first at row 2)",
        ),
        (
            "employees.csv",
            "id,name,role\nE-1,Sari,1.98506E+17\n",
            'employees.csv`, row 2, column `role`: "1.98506E+17" is a number in scientific '
            "notation",
        ),
        (
            "shifts.csv",
            "employee,start,end,location,approved\n"
            "E-1,2025-07-07T08:00,2025-07-07T16:00,home,maybe\n",
            'shifts.csv`, row 2, column `approved`: "maybe" is not yes or no',
        ),
        (
            "shifts.csv",
            "employee,start,end,location\nE-2,2025-07-07T08:00,2025-07-07T16:00,home\n",
            "shifts.csv`, row 2, column `employee`: no employee `E-2` in the employees file",
        ),
        (
            "shifts.csv",
            "employee,start,end,location\nE-1,2025-07-07T08:00,home\n",
            "shifts.csv`, row 2: has the wrong number of cells: 3, where the header has 4",
        ),
    ],
)
def test_bad_files_exit_1_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str, message: str
) -> None:
    """A bad row: exit 1, one line on stderr naming file, row and column, nothing on stdout."""
    files = {
        "employees.csv": "id,name\nE-1,Sari\n",
        "shifts.csv": "employee,start,end,location\nE-1,2025-07-07T08:00,2025-07-07T16:00,office\n",
    }
    files[name] = content
    for file_name, text in files.items():
        (tmp_path / file_name).write_text(text, encoding="utf-8")
    code, out, err = run(
        capsys,
        "roster",
        POLICY,
        "--employees",
        str(tmp_path / "employees.csv"),
        "--shifts",
        str(tmp_path / "shifts.csv"),
    )
    assert (code, out) == (1, "")
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("error: `") and message in err


def test_bad_schedule_file_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A schedule that is not JSON, or a shift with its end first: exit 1, one line."""
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    code, out, err = run(capsys, "schedule", POLICY, "--schedule", str(broken))
    assert (code, out) == (1, "")
    assert "is not valid JSON" in err and len(err.strip().splitlines()) == 1
    backwards = tmp_path / "backwards.json"
    backwards.write_text(
        json.dumps(
            {
                "employee": {"id": "E-1"},
                "shifts": [
                    {"start": "2025-07-07T16:00", "end": "2025-07-07T08:00", "location": "home"}
                ],
            }
        ),
        encoding="utf-8",
    )
    code, _, err = run(capsys, "schedule", POLICY, "--schedule", str(backwards))
    assert code == 1
    assert "shift 1, key `end`: the shift's end must be after its start" in err


def test_broken_policy_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A policy with errors: its diagnostics and a one-line summary on stderr, exit 1."""
    policy = tmp_path / "broken.rules"
    policy.write_text("rule R1: employees must bee on-site.\n", encoding="utf-8")
    code, out, err = run(
        capsys,
        "roster",
        str(policy),
        "--employees",
        str(ROSTER / "employees.csv"),
        "--shifts",
        str(ROSTER / "shifts.csv"),
    )
    assert (code, out) == (1, "")
    assert "error[syntax]" in err
    assert err.strip().splitlines()[-1].startswith("error: the policy `")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["roster", POLICY, "--employees", "missing.csv", "--shifts", "x.csv"],
            "no file at `missing.csv`; no file at `x.csv`",
        ),
        (
            ["roster", POLICY, "--shifts", "x.csv"],
            "the following arguments are required: --employees",
        ),
        (
            [
                "roster",
                POLICY,
                "--employees",
                str(ROSTER / "employees.csv"),
                "--shifts",
                str(ROSTER / "shifts.csv"),
                "--period",
                "2025-07-31",
                "2025-07-01",
            ],
            "--period ends (2025-07-01) before it starts (2025-07-31)",
        ),
        (
            ["schedule", POLICY, "--schedule", str(ROSTER), "--period", "2025-07-01", "2025-07-31"],
            "is a folder, not a file",
        ),
        (
            ["schedule", POLICY, "--schedule", "s.json", "--period", "July", "2025-07-31"],
            "argument --period: `July` is not a date such as 2025-07-01",
        ),
    ],
)
def test_usage_errors_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """Missing files, missing arguments and bad dates are usage errors: exit 2."""
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert "usage: flexrules" in err and message in err


def test_help_says_exit_0_even_with_violations(capsys: pytest.CaptureFixture[str]) -> None:
    """--help explains that exit status 0 means checked, not allowed."""
    for command in ("schedule", "roster"):
        code, out, _ = run(capsys, command, "--help")
        assert code == 0
        assert "0 when the check ran, whether or not it found violations" in " ".join(out.split())


# ---- demo ------------------------------------------------------------------------------------


def test_demo_ends_with_the_roster_summary(capsys: pytest.CaptureFixture[str]) -> None:
    """`flexrules demo` ends with the roster: its first 3 days, the problem days, and the
    employees to follow up, but not the whole month."""
    code, out, _ = run(capsys, "demo")
    assert code == 0
    start = out.index("== A month's roster (examples/roster)")
    end = out.find("\n== ", start + 1)  # the next part: the examples, the other policies
    roster = out[start : end if end >= 0 else len(out)]
    assert "Tue 2025-07-01  on site" in roster and "Thu 2025-07-03  on site" in roster
    assert "Fri 2025-07-04" not in roster
    assert "Thu 2025-07-10  on site 33" in roster and "Fri 2025-07-18  on site" in roster
    assert "  ... 6 days without coverage or share problems left out" in roster
    assert "Employees to follow up (3)" in roster
    assert len(roster.splitlines()) < 60


# ---- docs/rosters.md tells the truth -------------------------------------------------------

DOC = (ROOT / "docs" / "rosters.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", DOC, re.DOTALL | re.MULTILINE)


def test_docs_roster_excerpt_is_the_real_output(example_report: tuple[int, str]) -> None:
    """Every line of the abridged report in docs/rosters.md is a line of the real report, in
    the same order (a reason's `because ...`, which is the decision's own wording, aside)."""
    excerpt = next(b for b in _blocks("text") if b.startswith("NOT ALLOWED  roster"))
    real = [line.split(": because ")[0] for line in example_report[1].splitlines()]
    shown = [line.split(": because ")[0] for line in excerpt.splitlines() if line != "..."]
    assert len(shown) > 20
    position = 0
    for line in shown:
        assert line in real[position:], f"not in the real report (after line {position}): {line}"
        position = real.index(line, position) + 1


def test_docs_schedule_example_is_the_real_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The JSON schedule of docs/rosters.md prints exactly the output shown after it."""
    schedule = tmp_path / "schedule.json"
    schedule.write_text(_blocks("json")[0], encoding="utf-8")
    code, out, _ = run(capsys, "schedule", POLICY, "--schedule", str(schedule))
    shown = next(b for b in _blocks("text") if b.startswith("NOT ALLOWED  schedule"))
    assert code == 0 and out == shown


def test_docs_error_line_is_the_real_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The shifts error quoted in docs/rosters.md is what a misspelt id on row 507 gives."""
    shifts = (ROSTER / "shifts.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    assert shifts[506].startswith("P-403,2025-07-16")
    shifts[506] = shifts[506].replace("P-403", "P-430", 1)
    (tmp_path / "shifts.csv").write_text("".join(shifts), encoding="utf-8")
    code, _, err = run(
        capsys,
        "roster",
        POLICY,
        "--employees",
        str(ROSTER / "employees.csv"),
        "--shifts",
        str(tmp_path / "shifts.csv"),
    )
    assert code == 1
    quoted = next(line for line in DOC.splitlines() if "row 507" in line).strip()
    assert err.strip() == quoted.replace("`shifts.csv`", f"`{tmp_path / 'shifts.csv'}`")


# ---- honest reports (issue 12, item 5) ------------------------------------------------------

EMERGENCY = """policy "Emergency unit" timezone Asia/Makassar.
employees have: role: text.
group nurses: employees whose role is "nurse".
rule W: employees may work on-site.
rule C "Always a nurse": at least 1 nurses must be on-site.
"""


def test_an_empty_roster_under_24_7_staffing_is_not_no_problems_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An empty shifts file under a 24/7 staffing rule, without --period, said "no problems
    found": now the report says the rule was not checked on any day; with --period the gaps
    are found."""
    policy = tmp_path / "emergency.rules"
    policy.write_text(EMERGENCY, encoding="utf-8")
    (tmp_path / "employees.csv").write_text("id,name,role\nN-1,Ani,nurse\n", encoding="utf-8")
    (tmp_path / "shifts.csv").write_text("employee,start,end,location\n", encoding="utf-8")
    argv = [
        "roster",
        str(policy),
        "--employees",
        str(tmp_path / "employees.csv"),
        "--shifts",
        str(tmp_path / "shifts.csv"),
    ]
    code, out, _ = run(capsys, *argv)
    assert code == 0
    assert "no problems found" not in out
    assert out.splitlines()[-2:] == [
        "Not checked on every day, as no period was given (with one, each of its days is)",
        '  ? C "Always a nurse": not checked on any day: there are no shifts',
    ]
    code, out, _ = run(capsys, *argv, "--format", "json", "--summary")
    assert json.loads(out)["not_checked"] == [
        {
            "rule": "C",
            "kind": "staffing",
            "message": 'C "Always a nurse": not checked on any day: there are no shifts',
        }
    ]
    code, out, _ = run(capsys, *argv, "--period", "2025-07-07", "2025-07-07", "--summary")
    assert out.splitlines()[2] == "  0 shifts, 0 denied; 1 coverage gap"
    assert "Not checked" not in out


def test_violations_only_shows_the_problem_days_and_the_people(
    example_report: tuple[int, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """--violations-only: the summary, only the days with a gap or a share over its limit,
    and the employees to follow up, each line as in the full report."""
    code, out, _ = run(capsys, "roster", *EXAMPLE, "--violations-only")
    assert code == 0
    lines = out.splitlines()
    full = example_report[1].splitlines()
    days = [line for line in lines if line[:3] in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat")]
    assert days == [
        "Thu 2025-07-10  on site 33, home 8, on leave 3",
        "Fri 2025-07-18  on site 35, home 9",
    ]
    assert (
        lines[lines.index("Employees to follow up (3)") :]
        == full[full.index("Employees to follow up (3)") :]
    )
    assert all(line in full for line in lines if not line.startswith("  ... "))


def test_a_shift_on_a_day_of_leave_is_flagged_by_the_roster_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A leave file and a shift on the same day: flagged in the text and in the JSON."""
    shifts = (ROSTER / "shifts.csv").read_text(encoding="utf-8")
    extra = "P-102,2025-07-07T07:30,2025-07-07T16:00,office,,back early\n"
    assert shifts.splitlines()[0] == "employee,start,end,location,approved,note"
    (tmp_path / "shifts.csv").write_text(shifts + extra, encoding="utf-8")
    argv = [a if a != str(ROSTER / "shifts.csv") else str(tmp_path / "shifts.csv") for a in EXAMPLE]
    code, out, _ = run(capsys, "roster", *argv, "--violations-only")
    assert code == 0
    assert "; 1 shift on a day of leave" in out.splitlines()[2]
    assert (
        "  ! on leave, yet has a shift: P-102 Joko Prasetyo (Mon 2025-07-07 07:30-16:00 office)"
        in out.splitlines()
    )
    assert (
        "    ! on leave on Mon 2025-07-07, yet has the shift of Mon 2025-07-07 07:30-16:00 office"
        in out.splitlines()
    )
    code, out, _ = run(capsys, "roster", *argv, "--format", "json", "--violations-only")
    joko = json.loads(out)["schedules"]["P-102"]
    assert joko["shifts_on_leave"][0]["day"] == "2025-07-07"
    assert joko["decisions"] == []


def test_names_with_escape_codes_are_printed_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 13: an employee id and name holding ANSI escape codes reach the terminal
    escaped, in roster and schedule text alike."""
    (tmp_path / "employees.csv").write_text(
        "id,name,role\nE-1\x1b[2J,Budi\x1b[31m,service desk\n", encoding="utf-8"
    )
    (tmp_path / "shifts.csv").write_text(
        "employee,start,end,location\nE-1\x1b[2J,2025-07-07T14:00,2025-07-07T17:00,home\n",
        encoding="utf-8",
    )
    code, out, _ = run(
        capsys,
        "roster",
        POLICY,
        "--employees",
        str(tmp_path / "employees.csv"),
        "--shifts",
        str(tmp_path / "shifts.csv"),
    )
    assert code == 0
    assert "\x1b" not in out
    assert "  E-1\\x1b[2J Budi\\x1b[31m" in out.splitlines()
    code, out, _ = run(
        capsys,
        "schedule",
        POLICY,
        "--schedule",
        str(tmp_path / "shifts.csv"),
        "--employee",
        str(tmp_path / "employees.csv"),
    )
    assert code == 0 and "\x1b" not in out
    assert out.startswith("NOT ALLOWED  schedule of E-1\\x1b[2J Budi\\x1b[31m (Asia/Jakarta)")


def test_roster_as_parquet_is_one_row_per_violation(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`--format parquet --out FILE`: the violations `check_roster` finds, one row each;
    without --out it is a usage error (exit 2)."""
    parquet = pytest.importorskip("pyarrow.parquet")
    import flexrules
    from flexrules import files

    out = tmp_path / "violations.parquet"
    code, _, _ = run(capsys, "roster", *EXAMPLE, "--format", "parquet", "--out", str(out))
    assert code == 0
    table = parquet.read_table(out)
    policy = flexrules.load_policy(POLICY)
    roster = files.read_roster(
        ROSTER / "employees.csv", ROSTER / "shifts.csv", policy, ROSTER / "leave.csv"
    )
    report = policy.check_roster(roster.schedules(), ("2025-07-01", "2025-07-31"))
    assert report.violations
    assert table.column("rule").to_pylist() == [v.rule for v in report.violations]
    assert table.column("message").to_pylist() == [v.message for v in report.violations]
    code, _, err = run(capsys, "roster", *EXAMPLE, "--format", "parquet")
    assert code == 2 and "--out" in err


def test_a_cluster_run_gives_parquet_and_one_place_to_run(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--workers and --scheduler give the violations: without --format parquet, or both at
    once, or no workers, the call is wrong (exit 2) before anything is read."""
    for extra in (
        ["--workers", "2"],
        ["--workers", "0", "--format", "parquet", "--out", str(tmp_path / "v.parquet")],
        ["--workers", "1", "--scheduler", "tcp://127.0.0.1:1"],
    ):
        code, _, err = run(capsys, "roster", *EXAMPLE, *extra)
        assert code == 2
        assert "--format parquet" in err or "at least 1" in err or "not allowed with" in err


@pytest.mark.slow
def test_roster_on_a_local_cluster_has_check_rosters_violations(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    pytest.importorskip("distributed")
    import flexrules
    from flexrules import files

    out = tmp_path / "violations.parquet"
    code, _, err = run(
        capsys, "roster", *EXAMPLE, "--workers", "1", "--format", "parquet", "--out", str(out)
    )
    assert code == 0, err
    policy = flexrules.load_policy(POLICY)
    roster = files.read_roster(
        ROSTER / "employees.csv", ROSTER / "shifts.csv", policy, ROSTER / "leave.csv"
    )
    report = policy.check_roster(roster.schedules(), ("2025-07-01", "2025-07-31"))
    table = parquet.read_table(out)
    assert sorted(table.column("message").to_pylist()) == sorted(
        v.message for v in report.violations
    )
