"""The built wheel works on its own: installed in a fresh venv, run from outside the checkout.

Builds the wheel with pip (hatchling comes from PyPI), installs it with its dependencies into a
new virtual environment, and runs the `flexrules` console script from an unrelated folder.
Set FLEXRULES_SKIP_WHEEL_TEST=1 to skip it (it needs the network and takes about a minute).
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]
BROKEN = Path(__file__).resolve().parents[1] / "fixtures" / "cli" / "broken.rules"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("FLEXRULES_SKIP_WHEEL_TEST") == "1",
        reason="FLEXRULES_SKIP_WHEEL_TEST=1",
    ),
]


def _run(argv: list[str], cwd: Path, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return subprocess.run(
        argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def _bin(venv: Path, name: str) -> Path:
    folder = venv / ("Scripts" if os.name == "nt" else "bin")
    return folder / (name + (".exe" if os.name == "nt" else ""))


def test_installed_wheel_checks_and_demos_from_anywhere(tmp_path: Path) -> None:
    """`flexrules check` and `flexrules demo` work from a wheel, away from the source tree."""
    dist = tmp_path / "dist"
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(CHECKOUT)],
        cwd=tmp_path,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = dist.glob("flexrules-*.whl")

    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert "flexrules/grammar/flexrules.lark" in names
    assert "flexrules/grammar/flexrules-id.lark" in names
    assert "flexrules/grammar/examples-id.lark" in names
    assert "flexrules/examples/id/disdukcapil.rules" in names
    assert "flexrules/grammar/examples.lark" in names
    assert "flexrules/examples/disdukcapil.examples" in names
    assert "flexrules/examples/disdukcapil.rules" in names
    assert "flexrules/cli/__init__.py" in names and "flexrules/__main__.py" in names
    assert not any(name.startswith((".ci-venv", "tests/")) for name in names)

    venv = tmp_path / "venv"
    created = _run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    installed = _run(
        [str(_bin(venv, "python")), "-m", "pip", "install", "-q", str(wheel)], cwd=tmp_path
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    flexrules = str(_bin(venv, "flexrules"))

    check = _run(
        [flexrules, "check", str(CHECKOUT / "examples" / "disdukcapil.rules")], cwd=elsewhere
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert ": ok (" in check.stdout

    # a policy written in Indonesian: its grammar is in the wheel
    indonesian = _run(
        [flexrules, "check", str(CHECKOUT / "examples" / "id" / "disdukcapil.rules")],
        cwd=elsewhere,
    )
    assert indonesian.returncode == 0, indonesian.stdout + indonesian.stderr
    assert ": baik (13 aturan" in indonesian.stdout
    demo_id = _run([flexrules, "demo", "--lang", "id"], cwd=elsewhere)
    assert demo_id.returncode == 0, demo_id.stdout + demo_id.stderr
    assert "== Kerja fleksibel Disdukcapil (versi 2025.1)" in demo_id.stdout

    demo = _run([flexrules, "demo"], cwd=elsewhere)
    assert demo.returncode == 0, demo.stdout + demo.stderr
    assert "== Disdukcapil flexible work" in demo.stdout
    assert "(disdukcapil.rules:" in demo.stdout
    assert "disdukcapil.examples: 22 examples, 22 passed, 0 failed" in demo.stdout

    # the examples grammar comes from the wheel: test and fmt work away from the source tree
    examples = _run(
        [flexrules, "test", "--coverage", "--threshold", "100", str(CHECKOUT / "examples")],
        cwd=elsewhere,
    )
    assert examples.returncode == 0, examples.stdout + examples.stderr
    formatted = _run(
        [flexrules, "fmt", "--check", str(CHECKOUT / "examples" / "hospital")], cwd=elsewhere
    )
    assert formatted.returncode == 0, formatted.stdout + formatted.stderr

    # the console script passes main's return value on as the exit code
    broken = _run([flexrules, "check", str(BROKEN)], cwd=elsewhere)
    assert broken.returncode == 1
    assert "error[syntax]" in broken.stdout
    usage = _run([flexrules, "check", "nowhere.rules"], cwd=elsewhere)
    assert usage.returncode == 2

    module = _run([str(_bin(venv, "python")), "-m", "flexrules", "--version"], cwd=elsewhere)
    assert module.returncode == 0
    assert module.stdout.startswith("flexrules ")
    assert "Traceback" not in check.stderr + demo.stderr + broken.stderr + usage.stderr
