"""The code's own shape, checked as CI checks it: layers import downward only (import-linter's
contracts in pyproject.toml), ruff's lint and format are clean, and mypy --strict passes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]
CODE = ["flexrules", "tests", "benchmarks", "examples"]


def _run(*argv: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv, cwd=CHECKOUT, capture_output=True, text=True, timeout=timeout, check=False
    )


def test_layers_import_downward_and_no_package_has_a_cycle() -> None:
    """Every contract of [tool.importlinter] is kept, imports inside functions and under
    TYPE_CHECKING included."""
    result = _run(
        sys.executable,
        "-c",
        "from importlinter.cli import lint_imports_command; lint_imports_command()",
        "--no-cache",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_ruff_lint_is_clean() -> None:
    """ruff's rules (pyproject.toml), complexity included, hold on every Python file."""
    result = _run(sys.executable, "-m", "ruff", "check", "--no-cache", *CODE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_applied() -> None:
    """Every Python file is laid out as `ruff format` lays it out."""
    result = _run(sys.executable, "-m", "ruff", "format", "--check", "--no-cache", *CODE)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_strict_is_clean() -> None:
    """The package type-checks under mypy --strict (its settings in pyproject.toml)."""
    if shutil.which("mypy") is None and _run(sys.executable, "-m", "mypy", "--version").returncode:
        pytest.fail("mypy is not installed: `pip install '.[test]'` brings it")
    result = _run(sys.executable, "-m", "mypy", "--no-incremental", timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
