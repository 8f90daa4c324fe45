"""The sample office in examples/ (DATA.md "Tests"): its policy, and the exports of
examples/data/sample-office/ as a SIMPEG and an attendance app give them, read by `flexrules
roster` as they are with `--columns` and `--absence-codes`. Counts are checked against a
reading of the same files with nothing but the csv module."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from flexrules import load_policy
from flexrules.cli import main
from flexrules.files import read_employees

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DATA = EXAMPLES / "data" / "sample-office"
POLICY = EXAMPLES / "sample-office.rules"
COLUMNS = (
    "NIP=id,NAMA=name,GOL=,JABATAN=role,UNIT KERJA=unit,TMT JABATAN=position start,"
    "STATUS=status,PREDIKAT KINERJA=performance,HUKUMAN DISIPLIN=under sanction,ZONA=timezone,"
    "LOKASI=location,KETERANGAN=kind,NO="
)
CODES = "CT=cuti tahunan,S=sakit,I=izin,DL=dinas luar"
ARGS = [
    "roster",
    str(POLICY),
    "--employees",
    str(DATA / "pegawai-simpeg.csv"),
    "--shifts",
    str(DATA / "presensi-juli-2025.csv"),
    "--columns",
    COLUMNS,
    "--absence-codes",
    CODES,
    "--period",
    "2025-07-01",
    "2025-07-31",
]


def rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file, delimiter=";"))


def test_flexrules_roster_reads_the_office_exports_as_they_are(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Every person, shift and whole day away is read (no warning, no error); the days are
    July's 31; and the counter officers at home in service hours are denied by COUNTER."""
    code = main([*ARGS, "--format", "json"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    report = json.loads(out)
    attendance = rows("presensi-juli-2025.csv")
    assert report["summary"]["employees"] == len(rows("pegawai-simpeg.csv")) == 40
    assert report["summary"]["shifts"] == sum(1 for r in attendance if not r["KETERANGAN"])
    assert (report["summary"]["first_day"], report["summary"]["last_day"]) == (
        "2025-07-01",
        "2025-07-31",
    )
    assert report["warnings"] == []
    whole_days = {
        (r["NIP"], dt.datetime.strptime(r["TANGGAL"], "%d/%m/%Y").date().isoformat())
        for r in attendance
        if r["KETERANGAN"] and not r["JAM MASUK"]
    }
    listed = {
        (ident, day)
        for ident, schedule in report["schedules"].items()
        for day in schedule["absences"]
    }
    assert listed == whole_days
    counter = {r["NIP"] for r in rows("pegawai-simpeg.csv") if r["JABATAN"] == "Petugas Loket"}
    at_home_in_service_hours = {
        (r["NIP"], r["TANGGAL"])
        for r in attendance
        if r["NIP"] in counter
        and r["LOKASI"] in ("WFH", "WFA")
        and dt.datetime.strptime(r["TANGGAL"], "%d/%m/%Y").weekday() < 5
        and r["JAM MASUK"].replace(".", ":") < "14:00"
        and r["JAM PULANG"].replace(".", ":") > "08:00"
    }
    by_counter = {
        (ident, dt.date.fromisoformat(d["shift"]["start"][:10]).strftime("%d/%m/%Y"))
        for ident, schedule in report["schedules"].items()
        for d in schedule["decisions"]
        if any(reason["rule"] == "COUNTER" for reason in d["reasons"]) and not d["allowed"]
    }
    assert at_home_in_service_hours and by_counter == at_home_in_service_hours


def test_the_text_report_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*ARGS, "--summary"]) == 0
    english = capsys.readouterr().out
    assert english.startswith("NOT ALLOWED  roster of 40 employees, Tue 2025-07-01 to Thu")
    assert main([*ARGS, "--summary", "--lang", "id"]) == 0
    assert capsys.readouterr().out.startswith("TIDAK DIIZINKAN  jadwal 40 pegawai")


def test_the_workbook_reads_as_the_csv() -> None:
    policy = load_policy(POLICY)
    from_csv = read_employees(DATA / "pegawai-simpeg.csv", policy, columns=COLUMNS)
    from_xlsx = read_employees(DATA / "pegawai-simpeg.xlsx", policy, columns=COLUMNS)
    assert from_xlsx == from_csv and len(from_csv) == 40


def test_the_changes_hr_recorded_read_with_changes(capsys: pytest.CaptureFixture[str]) -> None:
    """mutasi.csv as exported, with --changes and its headers in the same --columns: the
    person under sanction from the 21st has the remote shifts from that day on denied, where
    they were allowed before (worked out from the files with the csv module); nothing else
    about the month's decisions changes but the transfer's effect on shares."""
    changes = rows("mutasi.csv")
    [(yuni, since)] = [
        (r["NIP"], dt.datetime.strptime(r["BERLAKU MULAI"], "%d/%m/%Y").date().isoformat())
        for r in changes
        if r["KOLOM"] == "HUKUMAN DISIPLIN" and r["NILAI BARU"] == "Ya"
    ]
    columns = COLUMNS + ",KOLOM=attribute,NILAI BARU=value,BERLAKU MULAI=from"
    args = [a if a != COLUMNS else columns for a in ARGS]
    assert main([*args, "--format", "json"]) == 0
    before = json.loads(capsys.readouterr().out)
    code = main([*args, "--changes", str(DATA / "mutasi.csv"), "--format", "json"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    after = json.loads(out)

    def denied(report: dict[str, Any]) -> set[tuple[str, str]]:
        return {
            (ident, d["shift"]["start"])
            for ident, schedule in report["schedules"].items()
            for d in schedule["decisions"]
            if not d["allowed"]
        }

    remote_since = {
        (yuni, d["shift"]["start"])
        for d in before["schedules"][yuni]["decisions"]
        if d["shift"]["location"] != "office" and d["shift"]["start"][:10] >= since and d["allowed"]
    }
    assert len(remote_since) == 2
    assert denied(after) == denied(before) | remote_since
