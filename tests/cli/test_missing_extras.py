"""A core install (`pip install .`) asked for what an optional extra gives: a message naming
the extra, never an internal error (exit 3) with a ModuleNotFoundError."""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

import pytest

from flexrules import cli
from flexrules.cli import cluster

POLICY = 'policy "P" timezone WIB.\nrule R1: employees may be on-site.\n'


def _roster(tmp_path: Path, *more: str) -> tuple[int, str]:
    (tmp_path / "p.rules").write_text(POLICY, encoding="utf-8")
    (tmp_path / "e.csv").write_text("id\nE1\n", encoding="utf-8")
    (tmp_path / "s.csv").write_text(
        "employee,start,end,location\nE1,2025-07-07T08:00,2025-07-07T16:00,office\n",
        encoding="utf-8",
    )
    argv = ["roster", str(tmp_path / "p.rules"), "--employees", str(tmp_path / "e.csv")]
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = cli.main([*argv, "--shifts", str(tmp_path / "s.csv"), *more])
    return code, err.getvalue()


def test_a_workbook_without_openpyxl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # an import of it raises ImportError
    code, err = _roster(tmp_path, "--format", "xlsx", "--out", str(tmp_path / "r.xlsx"))
    assert code == 1
    assert "writing an .xlsx workbook needs the excel extra" in err
    assert "reading" not in err


def test_parquet_without_pyarrow(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    code, err = _roster(tmp_path, "--format", "parquet", "--out", str(tmp_path / "r.parquet"))
    assert code == 1
    assert "writing Parquet needs the columnar extra: pip install 'flexrules[columnar]'" in err
    assert not (tmp_path / "r.parquet").exists()


def test_a_cluster_without_dask(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "_CLUSTER_MODULES", ("flexrules_no_such_module",))
    out = str(tmp_path / "r.parquet")
    code, err = _roster(tmp_path, "--format", "parquet", "--out", out, "--workers", "2")
    assert code == 2
    assert "need the dask extra: pip install 'flexrules[dask]'" in err
    assert "internal error" not in err
