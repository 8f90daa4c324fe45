"""A kind of absence the policy does not declare, in a file, is a bad cell of that file (file,
row, column, with the hint to map an app's codes), not a bare `absences.kind` error after
reading: the first thing a user meets who forgets `--absence-codes`."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from flexrules import cli, compile_policy
from flexrules.files import TableErrors, read_roster, read_schedule

POLICY = """policy "Kinds" timezone WIB.
absence kinds: "cuti tahunan", "izin", "dinas luar" as work.
rule R1: employees may be on-site.
"""


def _files(tmp_path: Path) -> tuple[Path, Path, Path, Path]:
    (tmp_path / "p.rules").write_text(POLICY, encoding="utf-8")
    employees = tmp_path / "pegawai.csv"
    employees.write_text("NIP;NAMA\n1001;Sari\n", encoding="utf-8")
    export = tmp_path / "presensi.csv"
    export.write_text(
        "NIP;TANGGAL;JAM MASUK;JAM PULANG;LOKASI;KET\n"
        "1001;07/07/2025;08.00;16.00;WFO;\n"
        "1001;08/07/2025;;;;DL\n"
        "1001;09/07/2025;07.30;10.00;;I\n",
        encoding="utf-8",
    )
    leave = tmp_path / "cuti.csv"
    leave.write_text("NIP;TANGGAL;KET\n1001;10/07/2025;dinas-luar\n", encoding="utf-8")
    return tmp_path / "p.rules", employees, export, leave


def test_an_undeclared_kind_in_an_export_names_its_cell(tmp_path: Path) -> None:
    _, employees, export, _ = _files(tmp_path)
    policy = compile_policy(POLICY)
    with pytest.raises(TableErrors) as caught:
        read_roster(employees, export, policy, columns="NIP=id,NAMA=name,LOKASI=location,KET=kind")
    found = [(e.row, e.column, e.value) for e in caught.value.errors]
    assert found == [(3, "KET", "DL"), (4, "KET", "I")]
    assert "--absence-codes" in str(caught.value)
    assert '"DL" is not a kind of absence the policy declares' in str(caught.value)
    # with the codes mapped the same files are read, each kind as declared
    roster = read_roster(
        employees,
        export,
        policy,
        columns="NIP=id,NAMA=name,LOKASI=location,KET=kind",
        absence_codes="DL=dinas luar,I=izin",
    )
    assert sorted(a.kind for a in roster.absences["1001"]) == ["dinas luar", "izin"]


def test_an_undeclared_kind_in_a_leave_file_gets_a_did_you_mean(tmp_path: Path) -> None:
    policy_path, employees, export, leave = _files(tmp_path)
    export.write_text(
        "NIP;TANGGAL;JAM MASUK;JAM PULANG;LOKASI;KET\n1001;07/07/2025;08.00;16.00;WFO;\n",
        encoding="utf-8",
    )
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(
            [
                "roster",
                str(policy_path),
                "--employees",
                str(employees),
                "--shifts",
                str(export),
                "--absences",
                str(leave),
                "--columns",
                "NIP=id,NAMA=name,LOKASI=location,KET=kind",
            ]
        )
    assert code == 1
    assert "Traceback" not in err.getvalue()
    assert "row 2, column `KET`" in err.getvalue()
    assert 'did you mean "dinas luar"?' in err.getvalue()
    assert "not a kind of absence the policy declares" in err.getvalue()


SCHEDULE_POLICY = """policy "Travel" timezone WIB.
absence kinds: "izin", "dinas luar" as work.
working days: Monday to Friday.
rule R1: employees may work from home.
rule R2: employees must work at least 7.5 hours per working day.
"""


def test_a_json_schedule_takes_part_day_absences_with_kinds(tmp_path: Path) -> None:
    """A JSON schedule's absences as the library and the service take them: 4 hours of
    official travel (as work) and 4 at home make Thursday's 7.5 hours; a morning of izin
    lowers Friday's minimum to 3.5, which 4 hours meet; a whole day of izin on Monday."""
    policy = compile_policy(SCHEDULE_POLICY)
    absences = [
        {"start": "2025-07-03T08:00", "end": "2025-07-03T12:00", "kind": "dinas luar"},
        {"start": "2025-07-04T08:00", "end": "2025-07-04T12:00", "kind": "izin"},
        {"date": "2025-06-30", "kind": "izin"},
        "2025-07-01",
    ]
    shifts = [
        {"start": f"2025-07-0{d}T12:00", "end": f"2025-07-0{d}T16:00", "location": "home"}
        for d in (2, 3, 4)
    ]
    document = {
        "employee": {"id": "E1"},
        "period": ["2025-06-30", "2025-07-06"],
        "shifts": shifts,
        "absences": absences,
    }
    path = tmp_path / "schedule.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    read = read_schedule(path, policy)
    report = policy.check(read.employee, read.shifts, read.period, read.absences)
    direct = policy.check({"id": "E1"}, shifts, ("2025-06-30", "2025-07-06"), absences)
    assert [v.message for v in report.violations] == [v.message for v in direct.violations]
    # only Wednesday is short: 4 of 7.5 hours
    assert [v.start.date().isoformat() for v in report.violations] == ["2025-07-02"]


@pytest.mark.parametrize(
    ("absence", "said"),
    [
        ({"start": "2025-07-03T08:00", "kind": ["dinas luar"]}, "is not text"),
        ({"from": "2025-07-03"}, "an absence has `start`, `end`, `kind`"),
        ({"kind": "izin"}, "needs a `start`"),
        ({"date": "2025-07-03", "kind": "dinas-luar"}, 'did you mean "dinas luar"?'),
    ],
)
def test_a_bad_absence_of_a_json_schedule_is_an_input_error(
    tmp_path: Path, absence: dict[str, object], said: str
) -> None:
    (tmp_path / "p.rules").write_text(SCHEDULE_POLICY, encoding="utf-8")
    document = {"employee": {"id": "E1"}, "shifts": [], "absences": [absence]}
    (tmp_path / "schedule.json").write_text(json.dumps(document), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(
            ["schedule", str(tmp_path / "p.rules"), "--schedule", str(tmp_path / "schedule.json")]
        )
    assert code == 1
    assert said in err.getvalue()
    assert "Traceback" not in err.getvalue()


def test_the_text_report_names_each_days_kind(tmp_path: Path) -> None:
    """DATA.md §3: the kind is carried to every report; in text, leave shows runs of days of
    one kind with the kind, a day without a kind as before; a day of a kind that counts as
    work is away on duty."""
    (tmp_path / "p.rules").write_text(SCHEDULE_POLICY, encoding="utf-8")
    absences: list[object] = [
        {"date": "2025-06-30", "kind": "izin"},
        "2025-07-01",
        {"date": "2025-07-02", "kind": "izin"},
        {"date": "2025-07-03", "kind": "izin"},
        {"date": "2025-07-04", "kind": "dinas luar"},
    ]
    document = {"employee": {"id": "E1"}, "shifts": [], "absences": absences}
    (tmp_path / "schedule.json").write_text(json.dumps(document), encoding="utf-8")
    argv = ["schedule", str(tmp_path / "p.rules"), "--schedule", str(tmp_path / "schedule.json")]
    for language, lines in (
        (
            "en",
            [
                "  on leave: Mon 2025-06-30 (izin), Tue 2025-07-01, "
                "Wed 2025-07-02 to Thu 2025-07-03 (izin)",
                "  away on duty: Fri 2025-07-04",
            ],
        ),
        (
            "id",
            [
                "  cuti: Senin 30 Juni 2025 (izin), Selasa 1 Juli 2025, "
                "Rabu 2 Juli 2025 s.d. Kamis 3 Juli 2025 (izin)",
            ],
        ),
    ):
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            assert cli.main([*argv, "--lang", language]) == 0
        for line in lines:
            assert line in out.getvalue().splitlines(), out.getvalue()


def test_a_missing_column_is_said_once_per_file(tmp_path: Path) -> None:
    """The sample exports without --columns: one line per file for the missing id column,
    not one per row up to the cap of 50."""
    _, employees, export, _ = _files(tmp_path)
    with pytest.raises(TableErrors) as caught:
        read_roster(employees, export, compile_policy(POLICY))
    found = [(Path(e.file).name, e.row, e.column) for e in caught.value.errors]
    assert found == [("pegawai.csv", 2, None), ("presensi.csv", 2, None)]
    assert not caught.value.more


def test_the_ignored_columns_are_shown_with_the_errors(tmp_path: Path) -> None:
    """Without --columns the warning that names the ignored headers is what says how to fix
    the missing id: it is printed before the errors, not dropped with the run."""
    policy_path, employees, export, _ = _files(tmp_path)
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        argv = ["roster", str(policy_path), "--employees", str(employees), "--shifts", str(export)]
        assert cli.main(argv) == 1
    lines = err.getvalue().splitlines()
    assert lines[0].startswith("warning: ") and "ignored `NIP`" in lines[0]
    assert '--columns "HEADER=name"' in lines[0]
    assert lines[1].startswith("error: 2 problems")


def test_decide_leaves_absence_rows_out_whatever_their_kind(tmp_path: Path) -> None:
    """`decide` decides shifts and leaves an export's absence rows out (with a warning), so an
    app's code it cannot map does not stop it, as before kinds were checked in files."""
    policy_path, _, export, _ = _files(tmp_path)
    (tmp_path / "sari.json").write_text('{"id": "1001"}', encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    argv = ["decide", str(policy_path), "--employee", str(tmp_path / "sari.json")]
    argv += ["--shift", str(export), "--columns", "NIP=id,LOKASI=location,KET=kind"]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        assert cli.main(argv) == 0
    assert out.getvalue().startswith("ALLOWED 1001, work on-site, Mon 2025-07-07 08:00-16:00")
    assert "2 absence rows not decided" in err.getvalue()
