"""Data files read with bounds: a size cap (50 MiB unless raised), `-` for standard input under
the same cap, and folders, named pipes, devices and sockets refused by name. The FIFO and
device cases that could block or never end run in `tests/cli/test_hostile_files.py`, each in
a subprocess with a timeout."""

from __future__ import annotations

import io
import socket
import sys
from pathlib import Path

import pytest

from flexrules import compile_policy
from flexrules.files import (
    DEFAULT_MAX_SIZE,
    TableError,
    read_employees,
    read_headcount,
    size_limit,
)
from flexrules.files.sources import read_bytes, size_text

POLICY = compile_policy(
    'policy "p" timezone Asia/Jakarta.\nemployees have: grade: number.\n'
    "rule R1: employees may work on-site.\n",
    filename="p.rules",
)
CSV = "id,grade\nE-1,7\n"


def refused(path: str | Path) -> str:
    with pytest.raises(TableError) as caught:
        read_employees(path, POLICY)
    return str(caught.value)


def test_the_default_cap_is_50_mib() -> None:
    """The documented default."""
    assert DEFAULT_MAX_SIZE == 50 * 1024 * 1024
    assert size_text(DEFAULT_MAX_SIZE) == "50 MiB"
    assert size_text(1536) == "1.5 KiB"
    assert size_text(1) == "1 byte"


def test_a_file_over_the_cap_is_refused_and_the_cap_can_be_raised(tmp_path: Path) -> None:
    """A file bigger than the cap is refused by name without being read; `size_limit` raises
    (or lowers) the cap for the readers inside it, and only there."""
    path = tmp_path / "employees.csv"
    path.write_text(CSV, encoding="utf-8")
    with size_limit(len(CSV) - 1):
        assert refused(path) == (
            f"`{path}`: is larger than {len(CSV) - 1} bytes, the most a data file may hold; "
            "raise the limit with --max-file-size (`flexrules.files.size_limit` in Python)"
        )
    with size_limit(len(CSV)):
        assert read_employees(path, POLICY) == [{"id": "E-1", "grade": 7}]
    assert read_employees(path, POLICY) == [{"id": "E-1", "grade": 7}]


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "50M"])
def test_a_cap_is_a_positive_number_of_bytes(bad: object) -> None:
    with (
        pytest.raises(ValueError, match="a size limit is a positive number of bytes"),
        size_limit(bad),  # type: ignore[arg-type]
    ):
        pass


def test_a_folder_is_refused(tmp_path: Path) -> None:
    assert refused(tmp_path) == f"`{tmp_path}`: is a folder, not a file"


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    assert refused(tmp_path / "nowhere.csv") == f"`{tmp_path / 'nowhere.csv'}`: no such file"


def test_a_socket_is_refused(tmp_path: Path) -> None:
    """A Unix socket named as a data file is refused by name; it is never read."""
    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        assert refused(path) == (
            f"`{path}`: is a socket, not a regular file; data is read from regular files, "
            "or from standard input given as `-`"
        )
    finally:
        server.close()


def test_dev_null_is_a_device() -> None:
    """A device is refused before any byte is read (`/dev/zero` would never end)."""
    assert refused("/dev/null").startswith("`/dev/null`: is a device, not a regular file")


def test_dash_is_standard_input_under_the_same_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    """`-` reads standard input; more bytes than the cap are refused, naming standard input;
    messages about its rows say `standard input`."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(CSV.encode())))
    assert read_employees("-", POLICY) == [{"id": "E-1", "grade": 7}]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 100)))
    with size_limit(99):
        assert refused("-") == (
            "standard input: is larger than 99 bytes, the most a data file may hold; "
            "raise the limit with --max-file-size (`flexrules.files.size_limit` in Python)"
        )
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"id,grade\nE-1,nine\n")))
    assert refused("-") == 'standard input, row 2, column `grade`: "nine" is not a number'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"finance": "x"}')))
    with pytest.raises(TableError, match=r"^standard input, item 1, key `finance`"):
        read_headcount("-")


def test_a_path_named_dash_is_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the text `-` is standard input; `Path("-")` is a file called `-`."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-").write_text(CSV, encoding="utf-8")
    assert read_bytes(Path("-")) == CSV.encode()
