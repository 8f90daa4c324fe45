"""Stable output shapes (issue 12, item 4): `--format text|json|csv` and `--out` on decide,
schedule and roster, `--json` as a deprecated alias, a JSON list whenever the input is a list,
`-` for standard input, and `--fail-on-deny` / `--fail-on-violation` exiting 4."""

from __future__ import annotations

import csv
import io
import json
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
SARI = {
    "id": "E-042",
    "name": "Sari",
    "role": "service desk",
    "job_type": "public service",
    "performance": "good",
    "position_start": "2020-01-01",
    "on_probation": False,
    "under_sanction": False,
}
DENIED = {"start": "2025-07-07T14:00", "end": "2025-07-07T17:00", "location": "home"}
ALLOWED = {"start": "2025-07-08T07:30", "end": "2025-07-08T15:30", "location": "office"}
DEPRECATED = "note: --json is deprecated; use --format json\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def write(tmp_path: Path, name: str, content: object) -> str:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return str(path)


def decide(tmp_path: Path, shifts: object, *extra: str) -> list[str]:
    return [
        "decide",
        POLICY,
        "--employee",
        write(tmp_path, "sari.json", SARI),
        "--shift",
        write(tmp_path, "shifts.json", shifts),
        *extra,
    ]


# ---- decide: JSON shapes ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("shifts", "shape"),
    [(DENIED, dict), ([DENIED], list), ([DENIED, ALLOWED], list)],
)
def test_decide_json_is_a_list_whenever_the_input_is_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], shifts: object, shape: type
) -> None:
    """One object in, one object out; a list in, a list out, even of one (before, a list of
    one printed an object)."""
    code, out, err = run(capsys, *decide(tmp_path, shifts, "--format", "json"))
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert type(document) is shape
    if shape is list:
        assert [d["allowed"] for d in document] == [s is ALLOWED for s in shifts]  # type: ignore[attr-defined]


def test_decide_csv_rows_give_a_list_in_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """CSV rows are a list too, even one row."""
    shifts = write(
        tmp_path, "one.csv", "start,end,location\n2025-07-07T14:00,2025-07-07T17:00,home\n"
    )
    code, out, _ = run(
        capsys,
        "decide",
        POLICY,
        "--employee",
        write(tmp_path, "sari.json", SARI),
        "--shift",
        shifts,
        "--format",
        "json",
    )
    assert code == 0 and isinstance(json.loads(out), list)


def test_json_is_a_deprecated_alias_of_format_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--json` still works, prints the same document, and one line on stderr says it is
    deprecated; `--json` with another `--format` is a usage error."""
    code, out, err = run(capsys, *decide(tmp_path, [DENIED], "--json"))
    assert (code, err) == (0, DEPRECATED)
    _, same, _ = run(capsys, *decide(tmp_path, [DENIED], "--format", "json"))
    assert out == same
    code, out, err = run(capsys, *decide(tmp_path, [DENIED], "--json", "--format", "csv"))
    assert (code, out) == (2, "")
    assert "--json asks for JSON and --format for csv; give one" in err


def test_decide_csv_is_one_row_per_decision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, *decide(tmp_path, [DENIED, ALLOWED], "--format", "csv"))
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == [
        "employee",
        "name",
        "start",
        "end",
        "location",
        "allowed",
        "rules",
        "reasons",
    ]
    assert rows[1] == [
        "E-042",
        "Sari",
        "2025-07-07T14:00:00+07:00",
        "2025-07-07T17:00:00+07:00",
        "home",
        "no",
        "R1;default",
        '14:00-15:00 denied by R1 "Service desk stays on site"; 15:00-17:00 no rule '
        "permits working from home (default deny)",
    ]
    assert rows[2][5:7] == ["yes", "R7;R1;R7;R7"]
    assert len(rows) == 3


def test_decide_reads_the_shift_or_the_employee_from_standard_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--shift -` and `--employee -` read standard input."""
    employee = write(tmp_path, "sari.json", SARI)
    shift = write(tmp_path, "shift.json", DENIED)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps(DENIED).encode())))
    code, from_stdin, _ = run(capsys, "decide", POLICY, "--employee", employee, "--shift", "-")
    _, from_file, _ = run(capsys, "decide", POLICY, "--employee", employee, "--shift", shift)
    assert code == 0 and from_stdin == from_file
    assert from_stdin.startswith("DENIED  E-042 Sari, work from home")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps(SARI).encode())))
    code, out, _ = run(capsys, "decide", POLICY, "--employee", "-", "--shift", shift)
    assert (code, out) == (0, from_file)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"id": "E-1", "grade": "9"}')))
    code, out, err = run(capsys, "decide", POLICY, "--employee", "-", "--shift", shift)
    assert (code, out) == (1, "")
    assert err == (
        'error: standard input, item 1, key `grade`: "9" is text, not a number; in JSON write 9\n'
    )


# ---- --out ------------------------------------------------------------------------------------


def test_out_writes_the_file_and_nothing_to_standard_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "decisions.json"
    code, out, _ = run(
        capsys, *decide(tmp_path, [DENIED], "--format", "json", "--out", str(target))
    )
    assert (code, out) == (0, "")
    assert json.loads(target.read_text(encoding="utf-8"))[0]["allowed"] is False


@pytest.mark.parametrize("where", ["folder", "missing/out.json"])
def test_out_into_no_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    (tmp_path / "folder").mkdir()
    code, out, err = run(capsys, *decide(tmp_path, [DENIED], "--out", str(tmp_path / where)))
    assert (code, out) == (2, "")
    assert "--out `" in err


# ---- exit status 4 --------------------------------------------------------------------------


def test_fail_on_deny_exits_4_only_when_a_shift_is_denied(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A denial is never confused with bad input: 4 for a denial, 0 without the flag."""
    code, out, _ = run(capsys, *decide(tmp_path, [DENIED, ALLOWED], "--fail-on-deny"))
    assert code == 4 and out.startswith("DENIED")
    code, _, _ = run(capsys, *decide(tmp_path, [ALLOWED], "--fail-on-deny"))
    assert code == 0
    code, _, _ = run(capsys, *decide(tmp_path, [DENIED]))
    assert code == 0
    code, _, _ = run(capsys, *decide(tmp_path, [{**DENIED, "location": "WFH"}], "--fail-on-deny"))
    assert code == 1


def schedule_file(tmp_path: Path, days: tuple[int, ...], location: str = "home") -> str:
    budi = {
        "id": "E-107",
        "name": "Budi",
        "role": "finance officer",
        "job_type": "finance",
        "performance": "very good",
        "position_start": "2019-08-01",
        "on_probation": False,
        "under_sanction": False,
        "in_special_circumstances": False,
    }
    shifts = [
        {"start": f"2025-07-{d:02d}T07:30", "end": f"2025-07-{d:02d}T16:00", "location": location}
        for d in days
    ]
    return write(tmp_path, "budi.json", {"employee": budi, "shifts": shifts})


def test_schedule_fail_on_violation_and_fail_on_deny(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Three days at home break R8 (no shift denied): --fail-on-violation exits 4,
    --fail-on-deny 0; two days break nothing: 0."""
    three = schedule_file(tmp_path, (7, 8, 9))
    assert run(capsys, "schedule", POLICY, "--schedule", three, "--fail-on-violation")[0] == 4
    assert run(capsys, "schedule", POLICY, "--schedule", three, "--fail-on-deny")[0] == 0
    two = schedule_file(tmp_path, (7, 8))
    assert run(capsys, "schedule", POLICY, "--schedule", two, "--fail-on-violation")[0] == 0


def test_roster_fail_on_violation(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "roster", *EXAMPLE, "--summary", "--fail-on-violation")
    assert code == 4 and out.startswith("NOT ALLOWED  roster of 44 employees")


# ---- schedule and roster: CSV, JSON ----------------------------------------------------------


def test_schedule_csv_is_one_row_per_violation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys,
        "schedule",
        POLICY,
        "--schedule",
        schedule_file(tmp_path, (7, 8, 9)),
        "--format",
        "csv",
    )
    assert code == 0
    assert out.splitlines() == [
        "rule,title,kind,employee,group,start,end,message,present,count,bound,size,period,"
        "week_start",
        "R8,Remote days cap,limit,E-107,,2025-07-09T00:00:00+07:00,2025-07-10T00:00:00+07:00,"
        "Wed 2025-07-09 is the 3rd working day of remote work in week 7-13 Jul 2025; at most 2 "
        "allowed; it applies because in special circumstances is no,,3,2,,2025-W28,2025-07-07",
    ]


def test_roster_csv_is_one_row_per_violation(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "roster", *EXAMPLE, "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["rule"], r["kind"]) for r in rows] == [
        ("R9", "limit"),
        ("R8", "limit"),
        ("R10", "staffing"),
        ("R11", "share"),
    ]
    assert rows[2]["present"] == "P-101" and (rows[2]["count"], rows[2]["bound"]) == ("1", "2")
    assert rows[3]["present"] == "P-302;P-303;P-306;P-307" and rows[3]["size"] == "10"


def test_roster_json_is_one_line_with_the_policy_once(capsys: pytest.CaptureFixture[str]) -> None:
    """Roster JSON is one line (it can be hundreds of megabytes); the metadata once at the
    top; decisions without it and without pieces unless --pieces."""
    code, out, err = run(capsys, "roster", *EXAMPLE, "--format", "json")
    assert (code, err) == (0, "")
    assert out.count("\n") == 1
    assert out.count('"fingerprint"') == 1
    document = json.loads(out)
    decision = document["schedules"]["P-101"]["decisions"][0]
    assert set(decision) == {"allowed", "employee", "shift", "reasons", "warnings"}
    _, with_pieces, _ = run(capsys, "roster", *EXAMPLE, "--format", "json", "--pieces")
    assert "pieces" in json.loads(with_pieces)["schedules"]["P-101"]["decisions"][0]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--pieces"], "--pieces goes with --format json"),
        (["--summary", "--format", "csv"], "--summary gives text or JSON"),
        (["--summary", "--violations-only"], "not allowed with argument"),
        (["--format", "html", "--summary"], "--summary gives text or JSON"),
        (["--format", "xlsx"], "--format xlsx writes a workbook: give --out FILE.xlsx"),
    ],
)
def test_only_what_works_is_offered(
    capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    """Options that do not go together, and formats not built yet, are usage errors (2)."""
    code, out, err = run(capsys, "roster", *EXAMPLE, *extra)
    assert (code, out) == (2, "")
    assert message in err


def test_help_lists_the_exit_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("decide", "schedule", "roster"):
        code, out, _ = run(capsys, command, "--help")
        text = " ".join(out.split())
        assert code == 0
        assert "4 when a --fail-on option was given and what it names happened" in text
        formats = "text,json,csv,html,xlsx,parquet" if command == "roster" else "text,json,csv"
        assert f"--format {{{formats}}}" in text


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_an_output_that_cannot_be_written_is_exit_1_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, *decide(tmp_path, [DENIED], "--out", "/dev/full"))
    assert (code, out) == (1, "")
    assert err == "error: cannot write `/dev/full`: No space left on device\n"
