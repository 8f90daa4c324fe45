"""`roster --workers N` with bad data says the problem once, as the CLI says any input error,
without the workers' log of the failed task and its traceback on standard error."""

from __future__ import annotations

from pathlib import Path

import pytest

from flexrules import cli

pa = pytest.importorskip("pyarrow")
parquet = pytest.importorskip("pyarrow.parquet")
pytest.importorskip("distributed")

POLICY = str(Path(__file__).resolve().parents[2] / "examples" / "disdukcapil.rules")


@pytest.mark.slow
def test_a_worker_failure_is_one_message_without_a_traceback(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    employees = pa.table({"id": ["E-1"], "role": ["clerk"]})
    shifts = pa.table(
        {"employee": ["E-1"], "start": ["2025-07-07T08:00"], "end": ["2025-07-07T16:00"]}
    )
    parquet.write_table(employees, tmp_path / "employees.parquet")
    parquet.write_table(shifts, tmp_path / "shifts.parquet")
    argv = ["roster", POLICY, "--employees", str(tmp_path / "employees.parquet")]
    argv += ["--shifts", str(tmp_path / "shifts.parquet"), "--format", "csv", "--workers", "1"]
    code = cli.main(argv)
    out, err = capfd.readouterr()
    assert (code, out) == (1, "")
    assert "the shift has no location" in err
    assert "Traceback" not in err and "Compute Failed" not in err
