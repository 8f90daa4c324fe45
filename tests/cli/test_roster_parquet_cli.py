"""`flexrules roster` with Parquet files and on a cluster: the violations, one row each, as
Parquet, CSV or JSON lines, equal to `check_roster`'s; what such a run cannot give is a usage
error (exit 2) before any file is read."""

from __future__ import annotations

import csv
import io
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
    assert (code, err) == (0, "")  # every column read: no warning
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


@pytest.mark.slow
def test_a_set_of_versions_on_a_cluster_gives_the_one_process_violations(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # version 1 (to the 14th) lets no one work from home more than 1 day a week, version 2
    # (from the 15th) 2 days: E1 home Mon 14th to Wed 16th breaks version 1 on no day (one
    # home day of its own) and version 2 on Wednesday (the 3rd day of the week)
    header = 'policy "p" version "{v}" timezone Asia/Jakarta effective from {d}{u}.\n'
    body = (
        "rule R1: employees may work from home.\n"
        "rule cap: employees must not work from home more than {n} days per week.\n"
    )
    for number, day, until, cap in (
        ("1", "2025-01-01", " until 2025-07-14", 1),
        ("2", "2025-07-15", "", 2),
    ):
        text = header.format(v=number, d=day, u=until) + body.format(n=cap)
        (tmp_path / f"v{number}.rules").write_text(text)
    (tmp_path / "employees.csv").write_text("id\nE1\n")
    shifts = "employee,start,end,location\n" + "".join(
        f"E1,2025-07-{d}T08:00,2025-07-{d}T16:00,home\n" for d in (14, 15, 16)
    )
    (tmp_path / "shifts.csv").write_text(shifts)
    argv = [str(tmp_path / "v1.rules"), str(tmp_path / "v2.rules")]
    argv += ["--employees", str(tmp_path / "employees.csv")]
    argv += ["--shifts", str(tmp_path / "shifts.csv"), "--format", "csv"]
    code, here, err = run(capsys, "roster", *argv)
    assert code == 0, err
    code, there, err = run(capsys, "roster", *argv, "--workers", "1")
    assert code == 0 and "checked whole in one task" in err, err

    # the same violations (a cluster writes check_table's columns)
    def violations(text: str) -> list[tuple[str, str]]:
        return [(row["rule"], row["start"][:10]) for row in csv.DictReader(io.StringIO(text))]

    assert violations(there) == violations(here) == [("cap", "2025-07-16")]


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


def test_a_column_flexrules_does_not_read_is_warned_with_a_did_you_mean(
    capsys: pytest.CaptureFixture[str], example: Any, tmp_path: Path
) -> None:
    # `performence` for the declared `performance`, and a column of no meaning: both ignored,
    # one warning naming them, as a CSV file's would be; the run goes on (exit 0)
    argv, _ = example
    employees = parquet.read_table(argv[2])
    names = ["performence" if n == "performance" else n for n in employees.column_names]
    renamed = employees.rename_columns(names).append_column(
        "shoe size", pa.array([40] * len(employees))
    )
    parquet.write_table(renamed, tmp_path / "employees.parquet")
    mine = [*argv]
    mine[2] = str(tmp_path / "employees.parquet")
    code, _, err = run(capsys, "roster", *mine, "--format", "csv")
    assert code == 0
    assert err == (
        f"warning: `{mine[2]}`: ignored `performence` (did you mean `performance`?), "
        "`shoe size`, which the policy does not declare and flexrules does not read; map a "
        'column with --columns "HEADER=name"\n'
    )
    code, _, err = run(capsys, "roster", *mine, "--format", "csv", "--lang", "id")
    assert err.startswith(f"peringatan: `{mine[2]}`: `performence` (maksud Anda `performance`?)")


def _per_unit(example: Any, folder: Path, parts: int) -> list[str]:
    """The example roster as Parquet folders of `parts` files each, cut at unit boundaries:
    file i of each folder holds the same employees (as nationalgen.write writes them)."""
    argv, _ = example
    employees = parquet.read_table(argv[2]).to_pylist()
    units = sorted({row["unit"] for row in employees})
    part_of = {row["id"]: units.index(row["unit"]) * parts // len(units) for row in employees}
    names = {"--employees": "id", "--shifts": "employee", "--absences": "employee"}
    mine = [*argv]
    for flag, key in names.items():
        rows = parquet.read_table(argv[argv.index(flag) + 1])
        where = folder / flag.strip("-")
        where.mkdir()
        ids = rows.column(key).to_pylist()
        for part in range(parts):
            keep = pa.array([part_of[i] == part for i in ids])
            parquet.write_table(rows.filter(keep), where / f"part-{part}.parquet")
        mine[mine.index(flag) + 1] = str(where)
    return mine


def test_partitioned_is_for_parquet_folders_on_a_cluster(
    capsys: pytest.CaptureFixture[str], example: Any, tmp_path: Path
) -> None:
    argv, _ = example
    code, _, err = run(capsys, "roster", *argv, "--format", "csv", "--partitioned")
    assert code == 2 and "--partitioned goes with --workers" in err
    mine = _per_unit(example, tmp_path, 2)
    (Path(mine[mine.index("--shifts") + 1]) / "part-2.parquet").write_bytes(
        (Path(mine[mine.index("--shifts") + 1]) / "part-1.parquet").read_bytes()
    )
    code, _, err = run(
        capsys, "roster", *mine, "--format", "csv", "--workers", "1", "--partitioned"
    )
    assert code == 1 and "not 2, 3, 2" in err, err


@pytest.mark.slow
def test_partitioned_folders_on_a_cluster_give_check_rosters_violations(
    capsys: pytest.CaptureFixture[str], example: Any, tmp_path: Path
) -> None:
    _, messages = example
    mine = _per_unit(example, tmp_path, 2)
    code, out, err = run(
        capsys, "roster", *mine, "--format", "json", "--workers", "1", "--partitioned"
    )
    assert code == 0, err
    assert _messages_of_json_lines(out) == messages
