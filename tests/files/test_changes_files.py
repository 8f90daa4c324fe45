"""People who change during the month, in files (DATA.md §2): an employees file with several
rows per id (`valid from` / `valid until`), a changes file (`--changes`), and the shared sample
`mutasi.csv` read by `flexrules roster`. The CSV files are written byte for byte as
Indonesian-locale Excel saves them (a byte-order mark, `;`, CRLF, day-first dates); each answer
is worked out by hand in its test's docstring, or from the files with the csv module alone."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from flexrules import compile_policy, load_policy
from flexrules.cli import main
from flexrules.files import TableError, read_changes, read_employees, read_roster

AGENCY = Path(__file__).resolve().parents[1] / "fixtures" / "agency"
POLICY = """policy "Kantor" version "1" timezone Asia/Jakarta.
employees have: unit: text, under sanction: yes or no.
working days: Monday to Friday.
hours service hours: Monday to Friday 08:00 to 12:00.
group front office: employees whose unit is "Pelayanan".
rule R1: employees who are under sanction must be on-site.
rule R2: employees may work from home.
rule R3: employees may be on-site.
rule S1: at least 1 front office must be on-site during service hours.
"""
COLUMNS = (
    "NIP=id,UNIT KERJA=unit,HUKUMAN DISIPLIN=under sanction,BERLAKU MULAI=valid from,"
    "BERLAKU SAMPAI=valid until,LOKASI=location,KOLOM=attribute,NILAI BARU=value"
)
#: A moved from Umum to Pelayanan on the 15th; B hired on the 10th; C's rows leave a gap from
#: the 10th to the 13th, and C is under sanction from the 14th
EMPLOYEES = (
    "\ufeffNIP;UNIT KERJA;HUKUMAN DISIPLIN;BERLAKU MULAI;BERLAKU SAMPAI\r\n"
    "A;Umum;Tidak;01/07/2025;14/07/2025\r\n"
    "A;Pelayanan;Tidak;15/07/2025;\r\n"
    "B;Pelayanan;Tidak;10/07/2025;\r\n"
    "C;Umum;Tidak;;09/07/2025\r\n"
    "C;Umum;Ya;14/07/2025;\r\n"
)
SHIFTS = (
    "\ufeffNIP;TANGGAL;JAM MASUK;JAM PULANG;LOKASI\r\n"
    "A;14/07/2025;08.00;12.00;WFO\r\n"
    "A;15/07/2025;08.00;12.00;WFO\r\n"
    "B;09/07/2025;08.00;12.00;WFO\r\n"
    "B;10/07/2025;08.00;12.00;WFO\r\n"
    "C;07/07/2025;08.00;12.00;WFH\r\n"
    "C;10/07/2025;08.00;12.00;WFH\r\n"
    "C;15/07/2025;08.00;12.00;WFH\r\n"
)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    return path


@pytest.fixture
def policy() -> Any:
    return compile_policy(POLICY)


def test_rows_with_valid_from_and_until_become_changes(tmp_path: Path, policy: Any) -> None:
    """Each id's rows become one employee: the first row's record, then each row's whole
    record from its first day, every attribute missing through a gap, and outside employment
    (None) before a first `valid from` and after a last `valid until`."""
    employees = read_employees(write(tmp_path, "e.csv", EMPLOYEES), policy, columns=COLUMNS)
    by_id = {e["id"]: e for e in employees}
    assert list(by_id) == ["A", "B", "C"]
    assert by_id["A"]["unit"] == "Umum"
    assert by_id["A"]["changes"] == [
        ("0001-01-01", None),
        ("2025-07-01", {"unit": "Umum", "under sanction": False}),
        ("2025-07-15", {"unit": "Pelayanan", "under sanction": False}),
    ]
    assert by_id["B"]["changes"] == [
        ("0001-01-01", None),
        ("2025-07-10", {"unit": "Pelayanan", "under sanction": False}),
    ]
    assert by_id["C"]["changes"] == [
        ("2025-07-10", {"unit": None, "under sanction": None}),
        ("2025-07-14", {"unit": "Umum", "under sanction": True}),
    ]


def test_a_roster_from_dated_rows(tmp_path: Path, policy: Any) -> None:
    """Worked out by hand for 7-15 July 2025. Decisions: C at home on the 7th is allowed (R2);
    on the 10th C's facts are unknown (a gap), so R1 may apply and denies; on the 15th C is
    under sanction: R1 denies. S1 needs someone of unit Pelayanan on site 08:00-12:00 on
    weekdays: nobody is on the 7th and 8th; B's shift on the 9th is before B's hire (flagged,
    not counted); B is on site on the 10th; nobody on the 11th; on the 14th A is still in
    Umum; on the 15th A is in Pelayanan and on site."""
    roster = read_roster(
        write(tmp_path, "e.csv", EMPLOYEES),
        write(tmp_path, "s.csv", SHIFTS),
        policy,
        columns=COLUMNS,
    )
    report = policy.check_roster(roster.schedules(), ("2025-07-07", "2025-07-15"))
    decided = [
        (ident, d.start.day, d.allowed, [r.rule for r in d.reasons])
        for ident, schedule in report.reports.items()
        for d in schedule.decisions
        if ident == "C"
    ]
    assert decided == [("C", 7, True, ["R2"]), ("C", 10, False, ["R1"]), ("C", 15, False, ["R1"])]
    [gap_day] = [d for d in report.reports["C"].decisions if d.start.day == 10 and not d.allowed]
    assert gap_day.reasons[0].unknown_facts == {"under sanction": "is missing"}
    gaps = [v.start.day for v in report.violations if v.kind == "staffing"]
    assert gaps == [7, 8, 9, 11, 14]
    assert [w.code for w in report.reports["B"].warnings] == ["outside-employment"]


def test_overlapping_rows_are_an_error_naming_both(tmp_path: Path, policy: Any) -> None:
    text = (
        "\ufeffNIP;UNIT KERJA;BERLAKU MULAI;BERLAKU SAMPAI\r\n"
        "A;Umum;01/07/2025;15/07/2025\r\n"
        "B;Umum;;\r\n"
        "A;Pelayanan;15/07/2025;\r\n"
    )
    with pytest.raises(TableError) as raised:
        read_employees(write(tmp_path, "e.csv", text), policy, columns=COLUMNS)
    assert "rows 2 and 4 overlap" in str(raised.value)
    assert raised.value.row == 4
    assert raised.value.column == "BERLAKU MULAI"  # as the file writes it, as other cells are
    assert "baris 2 dan 4 bertumpang tindih" in raised.value.message_for("id")


def test_bad_dates_and_backwards_rows_are_named(tmp_path: Path, policy: Any) -> None:
    text = (
        "\ufeffNIP;UNIT KERJA;BERLAKU MULAI;BERLAKU SAMPAI\r\n"
        "A;Umum;31/02/2025;\r\n"
        "B;Umum;15/07/2025;01/07/2025\r\n"
    )
    with pytest.raises(TableError) as raised:
        read_employees(write(tmp_path, "e.csv", text), policy, columns=COLUMNS)
    message = str(raised.value)
    assert "row 2, column `BERLAKU MULAI`" in message
    assert "row 3, column `BERLAKU SAMPAI`" in message and "before its `valid from`" in message


CHANGES = (
    "\ufeffNIP;KOLOM;NILAI BARU;BERLAKU MULAI\r\n"
    "A;UNIT KERJA;Pelayanan;15/07/2025\r\n"
    "C;HUKUMAN DISIPLIN;Ya;21/07/2025\r\n"
    "C;GOL;III/b;01/07/2025\r\n"
)


def test_a_changes_file(tmp_path: Path, policy: Any) -> None:
    """Each row is a change: the attribute named as the employees file names it (mapped by
    --columns), the value read as that attribute's cells are (`Ya` is yes), the day-first
    date. A change of an attribute the policy does not declare (GOL) is left out, with one
    warning."""
    warnings: list[Any] = []
    found = read_changes(
        write(tmp_path, "m.csv", CHANGES), policy, columns=COLUMNS, warnings=warnings
    )
    assert found == {
        "A": [("2025-07-15", {"unit": "Pelayanan"})],
        "C": [("2025-07-21", {"under sanction": True})],
    }
    assert [w.code for w in warnings] == ["ignored-changes"]
    assert "`GOL`" in warnings[0].message


def test_bad_changes_are_each_named(tmp_path: Path, policy: Any) -> None:
    text = (
        "\ufeffNIP;KOLOM;NILAI BARU;BERLAKU MULAI\r\n"
        "A;HUKUMAN DISIPLIN;mungkin;15/07/2025\r\n"
        "A;UNIT KERJA;Umum;\r\n"
        "A;NIP;B;15/07/2025\r\n"
    )
    with pytest.raises(TableError) as raised:
        read_changes(write(tmp_path, "m.csv", text), policy, columns=COLUMNS)
    message = str(raised.value)
    assert "row 2, column `NILAI BARU`" in message
    assert "row 3, column `BERLAKU MULAI`" in message
    assert "row 4, column `KOLOM`" in message and "cannot change" in message


def test_a_missing_column_of_a_changes_file_is_said_once(tmp_path: Path, policy: Any) -> None:
    """The employees file given as --changes by mistake: one problem, not one per row."""
    text = "NIP;UNIT KERJA\r\n" + "".join(f"A{n};Umum\r\n" for n in range(40))
    with pytest.raises(TableError) as raised:
        read_changes(write(tmp_path, "m.csv", text), policy, columns=COLUMNS)
    assert str(raised.value).count("needs a `from` column") == 1
    assert raised.value.row == 2


def test_a_change_for_a_stranger_is_named(tmp_path: Path, policy: Any) -> None:
    with pytest.raises(TableError, match="no employee `Z`"):
        read_roster(
            write(tmp_path, "e.csv", "id;unit\r\nA;Umum\r\n"),
            write(tmp_path, "s.csv", SHIFTS.replace("B;", "A;").replace("C;", "A;")),
            policy,
            columns=COLUMNS,
            changes=write(
                tmp_path,
                "m.csv",
                "NIP;KOLOM;NILAI BARU;BERLAKU MULAI\r\nZ;UNIT KERJA;y;1/7/2025\r\n",
            ),
        )


# ---- the shared sample, `mutasi.csv`, read by `flexrules roster --changes` -------------------

SAMPLE_COLUMNS = (
    "NIP=id,NAMA=name,GOL=grade,JABATAN=role,UNIT KERJA=unit,TMT JABATAN=position start,"
    "STATUS=status,PREDIKAT KINERJA=performance,HUKUMAN DISIPLIN=under sanction,ZONA=timezone,"
    "LOKASI=location,KETERANGAN=kind,NO=,KOLOM=attribute,NILAI BARU=value,BERLAKU MULAI=from"
)


def _rows(name: str) -> list[dict[str, str]]:
    with open(AGENCY / name, encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file, delimiter=";"))


def _sanctioned_from() -> dict[str, dt.date]:
    """Who is put under sanction and from when, read from mutasi.csv with the csv module."""
    return {
        row["NIP"]: dt.datetime.strptime(row["BERLAKU MULAI"], "%d/%m/%Y").date()
        for row in _rows("mutasi.csv")
        if row["KOLOM"] == "HUKUMAN DISIPLIN" and row["NILAI BARU"] == "Ya"
    }


def test_the_sample_changes_read_by_flexrules_roster(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The SIMPEG list, the July attendance export and mutasi.csv, as exported: the person
    sanctioned from the 21st has their remote shifts from that day on denied, and only those
    that were allowed without the changes file (REMOTE needs no sanction); the transfer
    changes `unit`, which dinas.rules does not declare, so it is left out with a warning."""
    args = [
        "roster",
        str(AGENCY / "dinas.rules"),
        "--employees",
        str(AGENCY / "pegawai-simpeg.csv"),
        "--shifts",
        str(AGENCY / "presensi-juli-2025.csv"),
        "--columns",
        SAMPLE_COLUMNS,
        "--absence-codes",
        "CT=cuti tahunan,S=sakit,I=izin,DL=dinas luar",
        "--format",
        "json",
    ]
    assert main(args) == 0
    before = json.loads(capsys.readouterr().out)
    code = main([*args, "--changes", str(AGENCY / "mutasi.csv")])
    out, err = capsys.readouterr()
    assert code == 0
    assert "UNIT KERJA" in err  # the ignored change, named once
    after = json.loads(out)

    def denied(report: dict[str, Any]) -> set[tuple[str, str]]:
        return {
            (ident, d["shift"]["start"])
            for ident, schedule in report["schedules"].items()
            for d in schedule["decisions"]
            if not d["allowed"]
        }

    [(nip, day)] = _sanctioned_from().items()
    remote_from_then = {
        (nip, d["shift"]["start"])
        for d in before["schedules"][nip]["decisions"]
        if d["shift"]["location"] != "office" and d["shift"]["start"][:10] >= day.isoformat()
    }
    assert remote_from_then  # the sample gives them remote shifts after the 21st
    assert denied(after) == denied(before) | remote_from_then
    assert denied(after) - denied(before) == remote_from_then - denied(before)


def test_the_sample_changes_in_python() -> None:
    policy = load_policy(AGENCY / "dinas.rules")
    roster = read_roster(
        AGENCY / "pegawai-simpeg.csv",
        AGENCY / "presensi-juli-2025.csv",
        policy,
        columns=SAMPLE_COLUMNS,
        absence_codes="CT=cuti tahunan,S=sakit,I=izin,DL=dinas luar",
        changes=AGENCY / "mutasi.csv",
    )
    changed = {e["id"]: e["changes"] for e in roster.employees if "changes" in e}
    [(nip, day)] = _sanctioned_from().items()
    assert changed == {nip: [(day.isoformat(), {"under sanction": True})]}
    assert [w.code for w in roster.warnings if w.code == "ignored-changes"] == ["ignored-changes"]


def test_decide_takes_changes_in_json_and_from_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """C under sanction from the 21st, at home on the 21st: denied by R1 whether the change is
    in the employee's JSON (`changes`, the library's form) or in a changes file (--changes);
    allowed without it. A `changes` column in a CSV is refused, naming the cell."""
    policy_path = write(tmp_path, "kantor.rules", POLICY)
    shift = write(
        tmp_path,
        "shift.json",
        '{"start": "2025-07-21T08:00", "end": "2025-07-21T12:00", "location": "home"}',
    )
    plain = '{"id": "C", "unit": "Umum", "under sanction": false'
    forms = {
        "json": ([], plain + ', "changes": [["2025-07-21", {"under sanction": true}]]}'),
        "file": (
            ["--changes", str(write(tmp_path, "m.csv", CHANGES)), "--columns", COLUMNS],
            plain + "}",
        ),
        "none": ([], plain + "}"),
    }
    found = {}
    for name, (extra, employee) in forms.items():
        path = write(tmp_path, f"{name}.json", employee)
        args = ["decide", str(policy_path), "--employee", str(path), "--shift", str(shift)]
        code = main([*args, *extra, "--format", "json"])
        found[name] = (code, json.loads(capsys.readouterr().out)["allowed"])
    assert found == {"json": (0, False), "file": (0, False), "none": (0, True)}
    csv_employee = write(tmp_path, "e.csv", "id,unit,changes\nC,Umum,x\n")
    with pytest.raises(TableError, match="changes are a JSON list"):
        read_employees(csv_employee, compile_policy(POLICY))


def test_a_changes_workbook_and_dated_rows_in_a_workbook(tmp_path: Path, policy: Any) -> None:
    """The same changes as an `.xlsx` sheet written by openpyxl, `BERLAKU MULAI` an Excel date
    cell; and an employees sheet with dated rows, `valid until` a date-time cell (its date)."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["NIP", "KOLOM", "NILAI BARU", "BERLAKU MULAI"])
    sheet.append(["A", "UNIT KERJA", "Pelayanan", dt.date(2025, 7, 15)])
    sheet.append(["C", "HUKUMAN DISIPLIN", "Ya", dt.datetime(2025, 7, 21)])
    book.save(tmp_path / "mutasi.xlsx")
    assert read_changes(tmp_path / "mutasi.xlsx", policy, columns=COLUMNS) == {
        "A": [("2025-07-15", {"unit": "Pelayanan"})],
        "C": [("2025-07-21", {"under sanction": True})],
    }
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["NIP", "UNIT KERJA", "BERLAKU MULAI", "BERLAKU SAMPAI"])
    sheet.append(["A", "Umum", None, dt.datetime(2025, 7, 14, 0, 0)])
    sheet.append(["A", "Pelayanan", dt.date(2025, 7, 15), None])
    book.save(tmp_path / "pegawai.xlsx")
    [employee] = read_employees(tmp_path / "pegawai.xlsx", policy, columns=COLUMNS)
    assert employee["changes"] == [("2025-07-15", {"unit": "Pelayanan", "under sanction": None})]


def test_a_move_of_duty_station_in_a_changes_file(tmp_path: Path, policy: Any) -> None:
    """`ZONA` mapped to `timezone`: a move to Makassar from the 15th; an unknown zone is a bad
    cell."""
    text = (
        "\ufeffNIP;KOLOM;NILAI BARU;BERLAKU MULAI\r\n"
        "A;ZONA;WITA;15/07/2025\r\n"
        "B;ZONA;Mars;15/07/2025\r\n"
    )
    path = write(tmp_path, "m.csv", text)
    with pytest.raises(TableError, match="row 3, column `NILAI BARU`: unknown time zone `Mars`"):
        read_changes(path, policy, columns=COLUMNS + ",ZONA=timezone")
    path = write(tmp_path, "m.csv", text.replace("B;ZONA;Mars;15/07/2025\r\n", ""))
    found = read_changes(path, policy, columns=COLUMNS + ",ZONA=timezone")
    assert found == {"A": [("2025-07-15", {"timezone": "WITA"})]}
