"""The size caps of docs/security.md on the readers of agency exports (DATA.md §1): an xlsx
whose parts unzip to far more than its size, an xlsx sheet of more cells than the cap allows,
and an attendance export over the size cap, given to `roster` and to `decide`. Each is
refused with a message naming the file, at once (the files here are a few kilobytes)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from flexrules import compile_policy
from flexrules.cli import main
from flexrules.files import TableError, read_employees, read_shifts, size_limit

POLICY = compile_policy(
    'policy "x" timezone Asia/Jakarta.\nemployees have: unit: text.\n'
    "rule R: employees may work on-site.\n",
    filename="x.rules",
)


def test_an_xlsx_that_unzips_to_far_more_than_the_cap_is_refused_before_it_is_opened(
    tmp_path: Path,
) -> None:
    """4 KiB of zip whose shared strings unzip to 4 MiB: under a 64 KiB cap a workbook may
    unzip to 8 times that, 512 KiB, so it is refused from its zip directory alone."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/sharedStrings.xml", b"\0" * (4 << 20))
    path = tmp_path / "bom.xlsx"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 64 << 10
    with size_limit(64 << 10), pytest.raises(TableError) as caught:
        read_employees(path, POLICY)
    assert str(caught.value) == (
        f"`{path}`: unzips to 4 MiB, more than the 512 KiB read under the size cap; raise it "
        "with --max-file-size"
    )
    assert "lebih dari 512 KiB" in caught.value.message_for("id")


def test_a_sheet_of_more_cells_than_the_cap_is_refused_as_it_is_read(tmp_path: Path) -> None:
    """One cell in column 3000 widens every row of the sheet to 3000 cells: under a 20,000
    byte cap at most 5,000 cells are read, so the third row stops the reading."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["id", "unit"])
    sheet.cell(row=2, column=3000, value="x")
    sheet.cell(row=50, column=1, value="E-9")
    path = tmp_path / "wide.xlsx"
    workbook.save(path)
    with size_limit(20_000), pytest.raises(TableError) as caught:
        read_employees(path, POLICY)
    assert str(caught.value) == (
        f"`{path}`: holds more than 5000 cells, the most read under the size cap; raise it with "
        "--max-file-size"
    )


ATTENDANCE_HEAD = "NIP;TANGGAL;JAM MASUK;JAM PULANG;LOKASI;KETERANGAN\r\n"


def _attendance(tmp_path: Path, rows: int) -> Path:
    path = tmp_path / "presensi.csv"
    body = "".join(f"E-1;{1 + n % 28:02d}/07/2025;07.30;16.00;WFO;\r\n" for n in range(rows))
    path.write_text(ATTENDANCE_HEAD + body + "E-1;29/07/2025;;;;CT\r\n", encoding="utf-8")
    return path


def test_an_attendance_export_over_the_cap_is_refused_by_every_reader(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same export read as a roster's shifts (with its absences), by `roster` and by
    `decide` with the reading options: refused over the cap, read under it."""
    path = _attendance(tmp_path, 200)
    size = path.stat().st_size
    people = [{"id": "E-1"}]
    columns = "NIP=id,LOKASI=location,KETERANGAN=kind"
    with size_limit(size - 1), pytest.raises(TableError, match="the most a data file may hold"):
        read_shifts(path, POLICY, people, columns=columns, absence_codes="CT=cuti tahunan")
    with size_limit(size):
        found = read_shifts(path, POLICY, people, columns=columns, absence_codes="CT=cuti")
    assert len(found["E-1"]) == 200
    policy = tmp_path / "x.rules"
    policy.write_text(
        'policy "x" timezone Asia/Jakarta.\nrule R: employees may work on-site.\n',
        encoding="utf-8",
    )
    employees = tmp_path / "e.csv"
    employees.write_text("NIP\r\nE-1\r\n", encoding="utf-8")
    reading = ["--columns", columns, "--absence-codes", "CT=cuti tahunan"]
    roster = ["roster", str(policy), "--employees", str(employees), "--shifts", str(path)]
    assert main([*roster, *reading, "--max-file-size", "1K", "--summary"]) == 1
    assert f"`{path}`: is larger than 1 KiB, the most a data file may hold" in (
        capsys.readouterr().err
    )
    decide = ["decide", str(policy), "--employee", str(employees), "--shift", str(path)]
    assert main([*decide, *reading, "--max-file-size", "1K"]) == 1
    assert "the most a data file may hold" in capsys.readouterr().err
    assert main([*roster, *reading, "--summary"]) == 0
    capsys.readouterr()


def test_a_changes_file_takes_the_same_caps(tmp_path: Path) -> None:
    """HR's changes file (--changes, `read_changes`): over the cap it is refused, and a
    workbook that unzips past it too, as every other reader's file."""
    from flexrules.files import read_changes

    changes = tmp_path / "mutasi.csv"
    rows = "".join(f"E-1;unit;U-{n};{1 + n % 28:02d}/07/2025\r\n" for n in range(100))
    changes.write_text("NIP;KOLOM;NILAI BARU;BERLAKU MULAI\r\n" + rows, encoding="utf-8")
    columns = "NIP=employee,KOLOM=attribute,NILAI BARU=value,BERLAKU MULAI=from"
    size = changes.stat().st_size
    with size_limit(size - 1), pytest.raises(TableError, match="the most a data file may hold"):
        read_changes(changes, POLICY, columns=columns)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"\0" * (4 << 20))
    bomb = tmp_path / "mutasi.xlsx"
    bomb.write_bytes(buffer.getvalue())
    with size_limit(64 << 10), pytest.raises(TableError, match="unzips to 4 MiB"):
        read_changes(bomb, POLICY, columns=columns)
