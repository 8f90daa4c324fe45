"""Hostile data files on the command line (issue 13, items 3 and 5): a named pipe, a device,
standard input past the cap, JSON nested 100,000 deep, lone surrogates and a 5,001-digit
number each end as exit 1 with one line naming the file: never a hang, never memory eaten,
never exit 3 ("internal error") or a traceback. What could block or never end runs in a
subprocess with a timeout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from flexrules import cli

ROOT = Path(__file__).resolve().parents[2]
POLICY = str(ROOT / "examples" / "disdukcapil.rules")
EMPLOYEE = '{"id": "E-1", "role": "service desk"}'
SHIFT = '{"start": "2025-07-07T08:00", "end": "2025-07-07T16:00", "location": "office"}'
#: seconds a subprocess may take before the test fails (a blocked read would never end)
TIMEOUT = 30


def flexrules(*argv: str, stdin: int | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m flexrules ...` on this checkout, bounded in time."""
    return subprocess.run(
        [sys.executable, "-m", "flexrules", *argv],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=stdin if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def files(tmp_path: Path, employee: str = EMPLOYEE, shift: str = SHIFT) -> tuple[Path, Path]:
    (tmp_path / "employee.json").write_text(employee, encoding="utf-8")
    (tmp_path / "shift.json").write_text(shift, encoding="utf-8")
    return tmp_path / "employee.json", tmp_path / "shift.json"


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.slow
def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    """A named pipe with no writer as --employee: refused by name, without waiting for one."""
    fifo = tmp_path / "employee.fifo"
    os.mkfifo(fifo)
    _, shift = files(tmp_path)
    line = one_error_line(
        flexrules("decide", POLICY, "--employee", str(fifo), "--shift", str(shift))
    )
    assert line == (
        f"error: `{fifo}`: is a named pipe (FIFO), not a regular file; data is read from "
        "regular files, or from standard input given as `-`"
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("device", "option"), [("/dev/zero", "--employee"), ("/dev/urandom", "--shift")]
)
def test_a_device_that_never_ends_is_refused(tmp_path: Path, device: str, option: str) -> None:
    """`--employee /dev/zero` and `--shift /dev/urandom`: refused before a byte is read."""
    employee, shift = files(tmp_path)
    paths = {"--employee": str(employee), "--shift": str(shift), option: device}
    line = one_error_line(flexrules("decide", POLICY, *(x for pair in paths.items() for x in pair)))
    assert line.startswith(f"error: `{device}`: is a device, not a regular file")


@pytest.mark.slow
def test_roster_files_are_refused_the_same_way(tmp_path: Path) -> None:
    """Every data file of `roster` goes through the same reader."""
    fifo = tmp_path / "shifts.fifo"
    os.mkfifo(fifo)
    employees = tmp_path / "employees.csv"
    employees.write_text("id\nE-1\n", encoding="utf-8")
    line = one_error_line(
        flexrules("roster", POLICY, "--employees", str(employees), "--shifts", str(fifo))
    )
    assert line.startswith(f"error: `{fifo}`: is a named pipe (FIFO)")
    shifts = tmp_path / "shifts.csv"
    shifts.write_text("employee,start,end,location\n", encoding="utf-8")
    line = one_error_line(
        flexrules(
            "roster",
            POLICY,
            "--employees",
            str(employees),
            "--shifts",
            str(shifts),
            "--absences",
            "/dev/zero",
        )
    )
    assert line.startswith("error: `/dev/zero`: is a device")


@pytest.mark.slow
def test_standard_input_from_dev_zero_stops_at_the_cap(tmp_path: Path) -> None:
    """`--employee - < /dev/zero` reads at most the cap (here 1 MiB), then refuses."""
    _, shift = files(tmp_path)
    with open("/dev/zero", "rb") as zero:
        result = flexrules(
            "decide",
            POLICY,
            "--employee",
            "-",
            "--shift",
            str(shift),
            "--max-file-size",
            "1M",
            stdin=zero.fileno(),
        )
    assert one_error_line(result) == (
        "error: standard input: is larger than 1 MiB, the most a data file may hold; raise "
        "the limit with --max-file-size (`flexrules.files.size_limit` in Python)"
    )


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("[" * 100_000 + "]" * 100_000, "is not usable JSON: it is nested too deeply"),
        ('{"a": ' * 100_000 + "1" + "}" * 100_000, "is not usable JSON: it is nested too deeply"),
        (
            '{"id": "E-\\ud800"}',
            "is not usable JSON: it holds \\ud800, half of a UTF-16 pair, which is not a character",
        ),
        (
            '{"id": "E-1", "\\udfff": 1}',
            "is not usable JSON: it holds \\udfff, half of a UTF-16 pair, which is not a character",
        ),
        (
            '{"id": "E-1", "grade": ' + "9" * 5001 + "}",
            "is not usable JSON: it holds a number with thousands of digits",
        ),
    ],
)
def test_hostile_json_is_an_input_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, problem: str
) -> None:
    """Each ends as exit 1 and one line naming the file (exit 3 'internal error' before)."""
    employee, shift = files(tmp_path, employee=content)
    code, out, err = run(
        capsys, "decide", POLICY, "--employee", str(employee), "--shift", str(shift)
    )
    assert (code, out) == (1, "")
    assert err == f"error: `{employee}`: {problem}\n"


def test_a_csv_number_with_5001_digits_is_a_bad_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """In a CSV cell the same number is a bad cell, named by row and column."""
    employees = tmp_path / "employees.csv"
    employees.write_text("id,grade\nE-1," + "9" * 5001 + "\n", encoding="utf-8")
    shifts = tmp_path / "shifts.csv"
    shifts.write_text("employee,start,end,location\n", encoding="utf-8")
    code, out, err = run(
        capsys, "roster", POLICY, "--employees", str(employees), "--shifts", str(shifts)
    )
    assert (code, out) == (1, "")
    assert err.startswith(f'error: `{employees}`, row 2, column `grade`: "9999')
    assert err.endswith('..." is not a number of at most 1,000 digits\n')


def test_two_files_from_standard_input_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Standard input can be read once: two `-` is a usage error (exit 2)."""
    code, out, err = run(capsys, "decide", POLICY, "--employee", "-", "--shift", "-")
    assert (code, out) == (2, "")
    assert "only one file can be read from standard input (`-`)" in err


@pytest.mark.parametrize("size", ["0", "big", "-5", "10T"])
def test_a_bad_max_file_size_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], size: str
) -> None:
    employee, shift = files(tmp_path)
    code, out, err = run(
        capsys,
        "decide",
        POLICY,
        "--employee",
        str(employee),
        "--shift",
        str(shift),
        "--max-file-size",
        size,
    )
    assert (code, out) == (2, "")
    assert "is not a size such as 50M, 200MiB, 1G or 4096 (bytes)" in err


def test_max_file_size_raises_and_lowers_the_cap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The cap is an option: a file just over it is refused, and allowed once it is raised."""
    employee, shift = files(tmp_path)
    size = max(employee.stat().st_size, shift.stat().st_size)
    argv = ["decide", POLICY, "--employee", str(employee), "--shift", str(shift)]
    code, _, err = run(capsys, *argv, "--max-file-size", str(size - 1))
    assert code == 1 and f"is larger than {size - 1} bytes" in err
    code, out, _ = run(capsys, *argv, "--max-file-size", str(size))
    assert code == 0 and out.startswith("ALLOWED")


def test_error_lines_show_control_characters_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A cell holding an ANSI escape is named in the error line, escaped."""
    employee = tmp_path / "employee.csv"
    employee.write_text("id,grade\nE-1,7\x1b[31m\n", encoding="utf-8")
    _, shift = files(tmp_path)
    code, out, err = run(
        capsys, "decide", POLICY, "--employee", str(employee), "--shift", str(shift)
    )
    assert (code, out) == (1, "")
    assert "\x1b" not in err
    assert 'column `grade`: "7\\u001b[31m" is not a number' in err


@pytest.mark.slow
def test_a_policy_path_that_is_a_fifo_or_a_device_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A policy is a .rules file or a folder: a FIFO or a device is named as what it is, exit
    2, the same for `check` and `decide` (decide said 'no policy file or folder', exit 1)."""
    fifo = tmp_path / "policy.fifo"
    os.mkfifo(fifo)
    result = flexrules("check", str(fifo))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.endswith(
        f"error: the policy `{fifo}` is a named pipe (FIFO), not a .rules file or a folder\n"
    )
    employee, shift = files(tmp_path)
    code, out, err = run(
        capsys, "decide", "/dev/zero", "--employee", str(employee), "--shift", str(shift)
    )
    assert (code, out) == (2, "")
    assert err.endswith(
        "error: the policy `/dev/zero` is a device, not a .rules file or a folder\n"
    )
