"""`flexrules roster` with Parquet files and on a cluster: the violations, one row each, as
Parquet, CSV or JSON lines, equal to `check_roster`'s; what such a run cannot give is a usage
error (exit 2) before any file is read."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import flexrules
from flexrules import cli, files

pa = pytest.importorskip("pyarrow")
parquet = pytest.importorskip("pyarrow.parquet")

ROOT = Path(__file__).resolve().parents[2]
POLICY = str(ROOT / "examples" / "disdukcapil.rules")
ROSTER = ROOT / "examples" / "roster"
PERIOD = ("2025-07-01", "2025-07-31")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], list[str]]:
    """The example roster as Parquet files (typed as the roster command reads the CSV), the
    arguments naming them, and `check_roster`'s violation messages."""
    policy = flexrules.load_policy(POLICY)
    roster = files.read_roster(
        ROSTER / "employees.csv", ROSTER / "shifts.csv", policy, ROSTER / "leave.csv"
    )
    folder = tmp_path_factory.mktemp("parquet")
    shifts = [{**s, "employee": i} for i, mine in roster.shifts.items() for s in mine]
    leave = [{"employee": i, "date": d} for i, days in roster.absences.items() for d in days]
    for name, rows in (("employees", roster.employees), ("shifts", shifts), ("leave", leave)):
        parquet.write_table(pa.Table.from_pylist(rows), folder / f"{name}.parquet")
    argv = [
        POLICY,
        "--employees",
        str(folder / "employees.parquet"),
        "--shifts",
        str(folder / "shifts.parquet"),
        "--absences",
        str(folder / "leave.parquet"),
        "--period",
        *PERIOD,
    ]
    report = policy.check_roster(roster.schedules(), PERIOD)
    assert report.violations
    return argv, sorted(v.message for v in report.violations)


def _messages_of_json_lines(out: str) -> list[str]:
    rows = [json.loads(line) for line in out.splitlines()]
    for row in rows:
        assert set(row) == {"rule", "kind", "employee", "start", "end", "present", "group"} | {
            "message"
        }
    return sorted(row["message"] for row in rows)


def test_parquet_in_violations_out_without_a_cluster(
    capsys: pytest.CaptureFixture[str], example: Any, tmp_path: Path
) -> None:
    argv, messages = example
    code, out, err = run(capsys, "roster", *argv, "--format", "json")
    assert code == 0, err
    assert _messages_of_json_lines(out) == messages
    code, out, _ = run(capsys, "roster", *argv, "--format", "csv")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "rule,kind,employee,start,end,present,group,message"
    assert len(lines) == len(messages) + 1
    code, _, _ = run(
        capsys, "roster", *argv, "--format", "parquet", "--out", str(tmp_path / "v.parquet")
    )
    table = parquet.read_table(tmp_path / "v.parquet")
    assert sorted(table.column("message").to_pylist()) == messages
    code, _, _ = run(capsys, "roster", *argv, "--format", "csv", "--fail-on-violation")
    assert code == 4


def test_what_a_violations_run_cannot_give_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], example: Any
) -> None:
    argv, _ = example
    employees_csv = str(ROSTER / "employees.csv")
    mixed = [employees_csv if a.endswith("employees.parquet") else a for a in argv]
    for extra, said in (
        ([], "--format parquet, csv or json"),  # a Parquet roster gives the violations
        (["--format", "html"], "--format parquet, csv or json"),
        (["--format", "csv", "--changes", str(ROSTER / "leave.csv")], "--changes"),
    ):
        code, _, err = run(capsys, "roster", *argv, *extra)
        assert code == 2 and said in err, err
    code, _, err = run(capsys, "roster", *mixed, "--format", "csv")
    assert code == 2 and "all as Parquet" in err


def test_a_set_of_versions_on_a_cluster_is_refused_before_reading(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    header = 'policy "p" version "{v}" timezone Asia/Jakarta effective from {d}{u}.\n'
    body = "rule R1: employees may work from home.\n"
    for number, day, until in (("1", "2025-01-01", " until 2025-07-14"), ("2", "2025-07-15", "")):
        text = header.format(v=number, d=day, u=until) + body
        (tmp_path / f"v{number}.rules").write_text(text)
    (tmp_path / "bad.csv").write_text("not a roster\n")  # never read
    code, _, err = run(
        capsys,
        "roster",
        str(tmp_path / "v1.rules"),
        str(tmp_path / "v2.rules"),
        "--employees",
        str(tmp_path / "bad.csv"),
        "--shifts",
        str(tmp_path / "bad.csv"),
        "--workers",
        "1",
        "--format",
        "csv",
    )
    assert code == 2 and "set of versions" in err, err


@pytest.mark.slow
def test_parquet_on_a_local_cluster_gives_check_rosters_violations(
    capsys: pytest.CaptureFixture[str], example: Any
) -> None:
    """Parquet read straight into Dask, checked on a one-worker LocalCluster, JSON lines out;
    no progress bar when standard error is not a terminal."""
    pytest.importorskip("distributed")
    argv, messages = example
    code, out, err = run(capsys, "roster", *argv, "--workers", "1", "--format", "json")
    assert code == 0, err
    assert _messages_of_json_lines(out) == messages
    assert "Completed" not in err


@pytest.mark.slow  # the connection's timeout
def test_a_scheduler_that_does_not_answer_is_said_plainly(
    capsys: pytest.CaptureFixture[str], example: Any
) -> None:
    pytest.importorskip("distributed")
    argv, _ = example
    code, _, err = run(
        capsys, "roster", *argv, "--scheduler", "tcp://127.0.0.1:1", "--format", "csv"
    )
    assert code == 2 and "cannot reach the Dask scheduler" in err
