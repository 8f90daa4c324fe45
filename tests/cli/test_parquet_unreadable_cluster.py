"""A file named `.parquet` that is not Parquet, given with `--workers`, is refused as it is
without a cluster (an input file with errors, exit 1, naming the file, before any cluster
starts), not an internal error (exit 3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flexrules import cli

pytest.importorskip("dask.dataframe")
pytest.importorskip("pyarrow")

POLICY = str(Path(__file__).resolve().parents[2] / "examples" / "disdukcapil.rules")


@pytest.mark.parametrize("cluster", [[], ["--workers", "1"]])
def test_a_file_that_is_not_parquet_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cluster: list[str]
) -> None:
    for name in ("employees.parquet", "shifts.parquet"):
        (tmp_path / name).write_text("not parquet\n")
    argv = ["roster", POLICY, "--employees", str(tmp_path / "employees.parquet")]
    argv += ["--shifts", str(tmp_path / "shifts.parquet"), "--format", "csv", *cluster]
    code = cli.main(argv)
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err.startswith("error: cannot read")
    assert f"cannot read `{tmp_path / 'employees.parquet'}` as Parquet: " in err
    assert "internal error" not in err and "Traceback" not in err
