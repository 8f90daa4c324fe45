"""`flexrules decide` reads an agency's exports as `roster` and `schedule` do (DATA.md §1):
the same `--columns`, `--separator`, `--encoding` and `--absence-codes`, from one place
(cli/options.py). Each answer worked out by hand from the rows written here."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from flexrules.cli import build_parser, main

POLICY = Path(__file__).resolve().parents[2] / "examples" / "sample-office.rules"
#: a SIMPEG row for one counter officer, as Indonesian-locale Excel saves it
EMPLOYEE = (
    b"\xef\xbb\xbfNO;NIP;NAMA;JABATAN;UNIT KERJA;TMT JABATAN;STATUS;PREDIKAT KINERJA;"
    b"HUKUMAN DISIPLIN\r\n"
    b"2;197803122010111946;Gilang Wibowo;Petugas Loket;Bidang Pelayanan;10/11/2010;PNS;Baik;"
    b"Tidak\r\n"
)
#: his week in the attendance app's export: the office, a morning of izin, then the counter
#: from 10.00, a day of cuti tahunan, and an afternoon at home after the counter closes
ATTENDANCE = (
    "NIP;NAMA;TANGGAL;JAM MASUK;JAM PULANG;LOKASI;KETERANGAN\r\n"
    "197803122010111946;Gilang Wibowó;07/07/2025;07.30;16.00;WFO;\r\n"
    "197803122010111946;Gilang;08/07/2025;07.30;10.00;;I\r\n"
    "197803122010111946;Gilang;08/07/2025;10.00;16.00;WFH;\r\n"
    "197803122010111946;Gilang;09/07/2025;;;;CT\r\n"
    "197803122010111946;Gilang;10/07/2025;14.00;16.00;WFH;\r\n"
)
COLUMNS = (
    "NO=,NIP=id,NAMA=name,JABATAN=role,UNIT KERJA=unit,TMT JABATAN=position start,"
    "STATUS=status,PREDIKAT KINERJA=performance,HUKUMAN DISIPLIN=under sanction,"
    "LOKASI=location,KETERANGAN=kind"
)
CODES = "CT=cuti tahunan,S=sakit,I=izin,DL=dinas luar"


@pytest.fixture
def exports(tmp_path: Path) -> tuple[str, str]:
    employee = tmp_path / "pegawai.csv"
    employee.write_bytes(EMPLOYEE)
    shifts = tmp_path / "presensi.csv"
    shifts.write_bytes(ATTENDANCE.encode("cp1252"))
    return str(employee), str(shifts)


def test_decide_reads_an_attendance_export_with_the_reading_options(
    exports: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Three shifts decided: the office on the 7th (allowed); at home from 10.00 on the 8th,
    inside service hours, so COUNTER denies it; at home 14.00-16.00 on the 10th, after the
    counter closes, allowed by REMOTE (PNS, Baik, no sanction, in post since 2010). The two
    absence rows are read (their codes mapped) and left out, with a warning."""
    employee, shifts = exports
    args = ["decide", str(POLICY), "--employee", employee, "--shift", shifts]
    reading = ["--columns", COLUMNS, "--absence-codes", CODES, "--encoding", "cp1252"]
    code = main([*args, *reading, "--separator", ";", "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0
    found = [
        (d["shift"]["start"][:16], d["allowed"], sorted({r["rule"] for r in d["reasons"]}))
        for d in json.loads(out)
    ]
    assert found == [
        ("2025-07-07T07:30", True, ["COUNTER", "ONSITE"]),
        ("2025-07-08T10:00", False, ["COUNTER"]),
        ("2025-07-10T14:00", True, ["REMOTE"]),
    ]
    assert err == (
        f"warning: `{shifts}`: 2 absence rows not decided: an absence is no shift to decide; "
        "`flexrules schedule` checks shifts together with absences\n"
    )
    assert main([*args, *reading, "--lang", "id", "--format", "csv"]) == 0
    assert capsys.readouterr().err == (
        f"peringatan: `{shifts}`: 2 baris ketidakhadiran tidak diputuskan: ketidakhadiran "
        "bukan sif yang diputuskan; `flexrules schedule` memeriksa sif bersama "
        "ketidakhadiran\n"
    )


def test_reading_problems_are_the_same_as_roster_s(
    exports: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --encoding the export is not UTF-8 (exit 1, the hint); a code not among
    --absence-codes is a bad cell (exit 1); a separator that is none is a usage error (2)."""
    employee, shifts = exports
    args = ["decide", str(POLICY), "--employee", employee, "--shift", shifts]
    assert main([*args, "--columns", COLUMNS, "--absence-codes", CODES]) == 1
    assert "--encoding cp1252" in capsys.readouterr().err
    codes = ["--absence-codes", "S=sakit,I=izin", "--encoding", "cp1252"]
    assert main([*args, "--columns", COLUMNS, *codes]) == 1
    assert '"CT" is not one of the --absence-codes' in capsys.readouterr().err
    assert main([*args, "--separator", "|"]) == 2
    assert "the separator is `,`, `;` or `tab`" in capsys.readouterr().err


def _reading_options(command: str) -> dict[str, str | None]:
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    return {
        action.option_strings[0]: action.help
        for action in commands[command]._actions
        if action.option_strings
        and action.option_strings[0]
        in ("--columns", "--separator", "--encoding", "--absence-codes")
    }


def test_decide_schedule_and_roster_take_the_same_reading_options() -> None:
    """One implementation: the same four options, with the same help, on all three."""
    roster = _reading_options("roster")
    assert len(roster) == 4
    assert _reading_options("decide") == roster == _reading_options("schedule")
