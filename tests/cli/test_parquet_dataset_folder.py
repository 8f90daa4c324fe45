"""`flexrules roster --shifts shifts/`: a folder of Parquet files (a dataset, as docs/scaling.md
shows it) is read as the one file would be; a folder holding no Parquet file is still refused as
a folder (exit 2). Before, every folder was refused, dataset or not."""

from __future__ import annotations

from pathlib import Path

import pytest

import flexrules
from flexrules import cli, files

pa = pytest.importorskip("pyarrow")
parquet = pytest.importorskip("pyarrow.parquet")

ROOT = Path(__file__).resolve().parents[2]
POLICY = str(ROOT / "examples" / "disdukcapil.rules")
ROSTER = ROOT / "examples" / "roster"


def test_a_parquet_dataset_folder_reads_as_its_one_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = flexrules.load_policy(POLICY)
    roster = files.read_roster(ROSTER / "employees.csv", ROSTER / "shifts.csv", policy)
    shifts = pa.Table.from_pylist(
        [{**s, "employee": i} for i, mine in roster.shifts.items() for s in mine]
    )
    parquet.write_table(pa.Table.from_pylist(roster.employees), tmp_path / "employees.parquet")
    parquet.write_table(shifts, tmp_path / "shifts.parquet")
    (tmp_path / "shifts" / "part=1").mkdir(parents=True)
    half = shifts.num_rows // 2
    parquet.write_table(shifts.slice(0, half), tmp_path / "shifts" / "a.parquet")
    parquet.write_table(shifts.slice(half), tmp_path / "shifts" / "part=1" / "b.parquet")
    outputs = []
    for given in ("shifts.parquet", "shifts"):
        argv = ["roster", POLICY, "--employees", str(tmp_path / "employees.parquet")]
        argv += ["--shifts", str(tmp_path / given), "--format", "csv"]
        code = cli.main(argv)
        out, err = capsys.readouterr()
        assert (code, err) == (0, "")
        outputs.append(sorted(out.splitlines()))
    assert len(outputs[0]) > 1 and outputs[0] == outputs[1]


def test_a_folder_without_parquet_files_is_still_not_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "shifts").mkdir()
    (tmp_path / "shifts" / "shifts.csv").write_text((ROSTER / "shifts.csv").read_text())
    argv = ["roster", POLICY, "--employees", str(ROSTER / "employees.csv")]
    code = cli.main([*argv, "--shifts", str(tmp_path / "shifts")])
    _, err = capsys.readouterr()
    assert code == 2
    assert err.endswith(f"error: `{tmp_path / 'shifts'}` is a folder, not a file\n")
