"""Agency data as it really is (DATA.md §1): the one table of text cells, CSV as
Indonesian-locale Excel saves it (written byte for byte here), xlsx written by openpyxl,
every bad cell listed, `columns=`, attendance exports and their absences, and the shared
sample exports read by `flexrules roster`, each checked against an answer worked out by hand
or by an independent reading of the file."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flexrules import Absence, compile_policy, load_policy
from flexrules.cli import main
from flexrules.engine import text_cells
from flexrules.engine.values import TextProblem
from flexrules.files import (
    FileWarning,
    TableError,
    TableErrors,
    read_absences,
    read_employees,
    read_headcount,
    read_roster,
    read_shifts,
)

POLICY_TEXT = """
policy "exports" timezone Asia/Jakarta.
employees have:
  grade: number,
  unit: text,
  on probation: yes or no,
  position start: date,
  performance: ranked "Butuh Perbaikan" < "Baik" < "Sangat Baik".
rule W: employees may work on-site.
rule H: employees whose performance is at least "Baik" may work from home.
"""
POLICY = compile_policy(POLICY_TEXT, filename="exports.rules")
PEOPLE = [{"id": "198906092025031145"}, {"id": "E-2"}]
AGENCY = Path(__file__).resolve().parents[1] / "fixtures" / "agency"


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# ---- the one table of text cells -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-07-07", dt.date(2025, 7, 7)),
        ("07/07/2025", dt.date(2025, 7, 7)),
        ("7/7/2025", dt.date(2025, 7, 7)),
        ("01/12/2025", dt.date(2025, 12, 1)),  # day first, always
        ("7 Juli 2025", dt.date(2025, 7, 7)),
        ("7 Jul 2025", dt.date(2025, 7, 7)),
        ("17 Agustus 2025", dt.date(2025, 8, 17)),
        ("17 agt 2025", dt.date(2025, 8, 17)),
        ("17 Ags 2025", dt.date(2025, 8, 17)),
        ("17 Aug 2025", dt.date(2025, 8, 17)),
        ("1 Mei 2025", dt.date(2025, 5, 1)),
        ("1 May 2025", dt.date(2025, 5, 1)),
        ("2 Okt 2025", dt.date(2025, 10, 2)),
        ("2 Oct 2025", dt.date(2025, 10, 2)),
        ("25 Des 2025", dt.date(2025, 12, 25)),
        ("25 December 2025", dt.date(2025, 12, 25)),
    ],
)
def test_dates_are_read_day_first_with_month_names_in_both_languages(
    text: str, expected: dt.date
) -> None:
    assert text_cells.date(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("13/25/2025", '"13/25/2025" is not a date: there is no month 25'),
        ("31/02/2025", '"31/02/2025" is not a date: its month has no day 31'),
        ("7 July", '"7 July" is not a date such as 2025-07-01'),
        ("7 Jully 2025", "`Jully` is not the name of a month"),
        ("2025/07/07", "is not a date such as"),
    ],
)
def test_a_date_that_is_no_date_says_why(text: str, message: str) -> None:
    with pytest.raises(TextProblem) as caught:
        text_cells.date(text)
    assert message in caught.value.problem


@pytest.mark.parametrize(
    ("read", "text", "expected"),
    [
        (text_cells.clock, "08:00", 8 * 3600),
        (text_cells.clock, "08.00", 8 * 3600),
        (text_cells.clock, "7.30", 7 * 3600 + 1800),
        (text_cells.clock, "08:00:30", 8 * 3600 + 30),
        (text_cells.clock, "24:00", 24 * 3600),
        (text_cells.date_time, "07/07/2025 08.00", "2025-07-07T08:00"),
        (text_cells.date_time, "7 Juli 2025 16:30", "2025-07-07T16:30"),
        (text_cells.date_time, "07/07/2025T08:00", "2025-07-07T08:00"),
        (text_cells.date_time, "2025-07-07T08:00+07:00", "2025-07-07T08:00+07:00"),
        (text_cells.date_time, "2025-07-07 08.00", "2025-07-07T08:00"),
        (text_cells.yes_no, "Ya", True),
        (text_cells.yes_no, "TIDAK", False),
        (text_cells.yes_no, "true", True),
        (text_cells.yes_no, "1", True),
        (text_cells.yes_no, "0", False),
        (text_cells.yes_no, "No", False),
        (text_cells.location, "WFO", "office"),
        (text_cells.location, "wfh", "home"),
        (text_cells.location, "Wfa", "anywhere"),
        (text_cells.location, "Kantor", "office"),
        (text_cells.location, "RUMAH", "home"),
        (text_cells.location, "anywhere", "anywhere"),
        (text_cells.identifier, "198906092025031145", "198906092025031145"),
        (text_cells.identifier, "III/a", "III/a"),
    ],
)
def test_times_yes_no_locations_and_ids(read: Any, text: str, expected: Any) -> None:
    assert read(text) == expected


def test_numbers_take_a_decimal_comma_only_where_cells_are_separated_by_semicolons() -> None:
    assert text_cells.number("7,5", decimal_comma=True) == 7.5
    assert text_cells.number("-0,25", decimal_comma=True) == -0.25
    assert text_cells.number("7.5", decimal_comma=True) == 7.5
    assert text_cells.number("12") == 12 and isinstance(text_cells.number("12"), int)
    with pytest.raises(TextProblem, match=r"write a decimal point: 7\.5, not 7,5"):
        text_cells.number("7,5")
    for thousands in ("1.234,5", "1,234,567"):
        with pytest.raises(TextProblem, match="thousands separators are never read"):
            text_cells.number(thousands, decimal_comma=True)


@pytest.mark.parametrize("text", ["1,98906E+17", "1.98906E+17", "2E5", "1,98906e17"])
def test_an_id_in_scientific_notation_is_refused_with_the_hint(text: str) -> None:
    with pytest.raises(TextProblem) as caught:
        text_cells.identifier(text)
    assert "scientific notation" in caught.value.problem
    assert "format the column as text in the spreadsheet" in caught.value.problem
    assert "format kolom itu sebagai teks" in caught.value.text.render("id")  # type: ignore[union-attr]


MONTH_NAMES = {
    1: ["Januari", "January", "Jan"],
    2: ["Februari", "February", "Feb"],
    3: ["Maret", "March", "Mar"],
    4: ["April", "Apr"],
    5: ["Mei", "May"],
    6: ["Juni", "June", "Jun"],
    7: ["Juli", "July", "Jul"],
    8: ["Agustus", "August", "Agu", "Agt", "Ags", "Aug"],
    9: ["September", "Sep"],
    10: ["Oktober", "October", "Okt", "Oct"],
    11: ["November", "Nov"],
    12: ["Desember", "December", "Des", "Dec"],
}


@settings(max_examples=200, deadline=None)
@given(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)), st.data())
def test_every_way_of_writing_a_day_reads_back_as_that_day(day: dt.date, data: Any) -> None:
    """A round trip: the day written ISO, day first with and without leading zeros, or with
    any of its month's names in any case, is read as that day."""
    name = data.draw(st.sampled_from(MONTH_NAMES[day.month]))
    case = data.draw(st.sampled_from([str.lower, str.upper, str.title]))
    for text in (
        day.isoformat(),
        f"{day.day:02d}/{day.month:02d}/{day.year}",
        f"{day.day}/{day.month}/{day.year}",
        f"{day.day} {case(name)} {day.year}",
    ):
        assert text_cells.date(text) == day, text


@settings(max_examples=200, deadline=None)
@given(st.integers(-(10**9), 10**9), st.integers(0, 99))
def test_decimal_comma_round_trip(whole: int, cents: int) -> None:
    text = f"{whole},{cents:02d}"
    sign = -1 if text.startswith("-") else 1
    expected = sign * (abs(whole) + cents / 100)
    assert text_cells.number(text, decimal_comma=True) == pytest.approx(expected)


# ---- CSV as Indonesian-locale Excel saves it -----------------------------------------------

#: what Excel (Indonesian regional settings) writes for "CSV (Comma delimited)" saved as UTF-8:
#: a byte-order mark, `;` between cells, CRLF, day-first dates, decimal commas, Ya/Tidak
EXCEL_CSV = (
    b"\xef\xbb\xbfNIP;NAMA;GOLONGAN;UNIT KERJA;MASA PERCOBAAN;TMT;PREDIKAT\r\n"
    b"198906092025031145;Fitri Saputra;7,5;Bidang Pelayanan;Tidak;30/06/2025;Sangat Baik\r\n"
    b"  E-2 ;Gilang Wibowo;9;Sekretariat;Ya;7 Juli 2010;  baik  \r\n"
)
EXCEL_COLUMNS = (
    "NIP=id,NAMA=name,GOLONGAN=grade,UNIT KERJA=unit,MASA PERCOBAAN=on probation,"
    "TMT=position start,PREDIKAT=performance"
)


def test_a_csv_saved_by_indonesian_excel_is_read_as_it_means(tmp_path: Path) -> None:
    """Worked by hand: `7,5` is 7.5 (the file is separated by `;`), `Tidak` no, `Ya` yes,
    `30/06/2025` the 30th of June, `7 Juli 2010` the 7th of July, ` baik ` the declared
    `Baik`; the 18-digit NIP keeps every digit; cells are trimmed."""
    path = write(tmp_path, "pegawai.csv", EXCEL_CSV)
    found: list[FileWarning] = []
    employees = read_employees(path, POLICY, columns=EXCEL_COLUMNS, warnings=found)
    assert employees == [
        {
            "id": "198906092025031145",
            "name": "Fitri Saputra",
            "grade": 7.5,
            "unit": "Bidang Pelayanan",
            "on probation": False,
            "position start": "2025-06-30",
            "performance": "Sangat Baik",
        },
        {
            "id": "E-2",
            "name": "Gilang Wibowo",
            "grade": 9,
            "unit": "Sekretariat",
            "on probation": True,
            "position start": "2010-07-07",
            "performance": "Baik",
        },
    ]
    assert found == []
    decision = POLICY.decide(
        employees[0],
        {"start": "2025-07-07T08:00", "end": "2025-07-07T16:00", "location": "home"},
    )
    assert decision.allowed  # Sangat Baik is at least Baik


def test_every_bad_cell_is_listed_and_nothing_is_read(tmp_path: Path) -> None:
    """Three bad cells on two rows, and a row with a cell too many: four problems, each with
    its row, column, value and what was expected."""
    text = (
        "id;grade;on probation;position start\r\n"
        "E-1;7,5;Tidak;13/25/2025\r\n"
        "E-2;sembilan;mungkin;01/07/2025\r\n"
        "E-3;8;Ya;01/07/2025;extra\r\n"
    )
    path = write(tmp_path, "e.csv", text)
    with pytest.raises(TableErrors) as caught:
        read_employees(path, POLICY)
    error = caught.value
    places = [(e.row, e.column) for e in error.errors]
    assert places == [
        (2, "position start"),
        (3, "grade"),
        (3, "on probation"),
        (4, None),
    ]
    message = str(error)
    assert message.startswith(f"4 problems in `{path}`; nothing was decided:\n")
    assert '"13/25/2025" is not a date: there is no month 25' in message
    assert '"sembilan" is not a number' in message
    assert '"mungkin" is not yes or no' in message
    assert "has the wrong number of cells: 5, where the header has 4" in message
    assert "4 masalah" in error.message_for("id") and "baris 3" in error.message_for("id")


def test_at_most_fifty_problems_are_listed(tmp_path: Path) -> None:
    rows = "".join(f"E-{n},x\n" for n in range(80))
    with pytest.raises(TableErrors) as caught:
        read_employees(write(tmp_path, "e.csv", "id,grade\n" + rows), POLICY)
    assert len(caught.value.errors) == 50 and caught.value.more
    assert str(caught.value).endswith("... and more; only the first 50 are listed")


def test_a_file_that_is_not_utf8_names_the_byte_and_the_encoding_option(tmp_path: Path) -> None:
    data = "id;name\r\nE-1;Andr\xe9\r\n".encode("cp1252")
    path = write(tmp_path, "e.csv", data)
    with pytest.raises(TableError) as caught:
        read_employees(path, POLICY)
    assert "is not UTF-8 text (byte 17: 0xe9)" in str(caught.value)
    assert "--encoding cp1252" in str(caught.value)
    assert read_employees(path, POLICY, encoding="cp1252") == [{"id": "E-1", "name": "André"}]
    # a byte-order mark does not shift the offset the message names
    bom = write(tmp_path, "b.csv", b"\xef\xbb\xbf" + data)
    with pytest.raises(TableError, match=r"byte 20: 0xe9"):
        read_employees(bom, POLICY)


def test_two_columns_that_stand_for_one_name_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "e.csv", "NIP;id;grade\n1;E-1;7\n")
    with pytest.raises(TableError, match="`NIP` and `id` both stand for `id`"):
        read_employees(path, POLICY, columns="NIP=id")


@pytest.mark.parametrize(
    ("header", "separator", "found"),
    [
        ("id,grade\n", ",", [{"id": "E-1", "grade": 7}]),
        ("id;grade\n", ";", [{"id": "E-1", "grade": 7}]),
        ("id\tgrade\n", "\t", [{"id": "E-1", "grade": 7}]),
    ],
)
def test_the_separator_is_found_from_the_header(
    tmp_path: Path, header: str, separator: str, found: list[dict[str, Any]]
) -> None:
    path = write(tmp_path, "e.csv", header + separator.join(["E-1", "7"]) + "\n")
    assert read_employees(path, POLICY) == found


def test_a_header_that_fits_two_separators_is_refused_naming_them(tmp_path: Path) -> None:
    path = write(tmp_path, "e.csv", "id;unit,name\nE-1;a,b\n")
    with pytest.raises(TableError) as caught:
        read_employees(path, POLICY)
    assert "could be separated by commas (,) / semicolons (;)" in str(caught.value)
    assert "--separator" in str(caught.value)
    assert read_employees(path, POLICY, separator=";", columns={"unit,name": "unit"}) == [
        {"id": "E-1", "unit": "a,b"}
    ]


# ---- attendance exports ----------------------------------------------------------------------

ATTENDANCE = (
    "\ufeffNIP;NAMA;TANGGAL;JAM MASUK;JAM PULANG;LOKASI;KETERANGAN\r\n"
    "198906092025031145;Fitri;07/07/2025;07.30;16.00;WFO;\r\n"
    "198906092025031145;Fitri;08/07/2025;22.00;06.00;WFH;\r\n"
    "198906092025031145;Fitri;09/07/2025;;;;CT\r\n"
    "198906092025031145;Fitri;10/07/2025;07.30;10.00;;I\r\n"
    "198906092025031145;Fitri;10/07/2025;10.00;16.00;Kantor;\r\n"
    "E-2;Gilang;11/07/2025;;;;dl\r\n"
)
ATTENDANCE_COLUMNS = "NIP=id,NAMA=name,LOKASI=location,KETERANGAN=kind"
CODES = "CT=cuti tahunan,S=sakit,I=izin,DL=dinas luar"


def test_an_attendance_export_holds_shifts_and_absences(tmp_path: Path) -> None:
    """Worked by hand: `tanggal`, `jam masuk`, `jam pulang` are the day and the times; 22.00
    to 06.00 ends the next day; rows with a kind are absences, `CT` a whole day of cuti
    tahunan, `I` with times part of the 10th, `dl` (any case) dinas luar."""
    path = write(tmp_path, "presensi.csv", ATTENDANCE)
    away: dict[str, Any] = {}
    shifts = read_shifts(
        path,
        POLICY,
        PEOPLE,
        columns=ATTENDANCE_COLUMNS,
        absence_codes=CODES,
        absences=away,
    )
    assert shifts == {
        "198906092025031145": [
            {"start": "2025-07-07T07:30", "end": "2025-07-07T16:00", "location": "office"},
            {"start": "2025-07-08T22:00", "end": "2025-07-09T06:00", "location": "home"},
            {"start": "2025-07-10T10:00", "end": "2025-07-10T16:00", "location": "office"},
        ],
        "E-2": [],
    }
    assert [row.absence() for row in away["198906092025031145"]] == [
        Absence("2025-07-09", None, "cuti tahunan"),
        Absence("2025-07-10T07:30", "2025-07-10T10:00", "izin"),
    ]
    assert [row.absence() for row in away["E-2"]] == [Absence("2025-07-11", None, "dinas luar")]


def test_a_roster_from_an_attendance_export_uses_its_absences(tmp_path: Path) -> None:
    employees = write(
        tmp_path, "pegawai.csv", "NIP;NAMA\r\n198906092025031145;Fitri\r\nE-2;Gilang\r\n"
    )
    shifts = write(tmp_path, "presensi.csv", ATTENDANCE)
    roster = read_roster(employees, shifts, POLICY, columns=ATTENDANCE_COLUMNS, absence_codes=CODES)
    assert roster.absences["198906092025031145"] == [
        Absence("2025-07-09", None, "cuti tahunan"),
        Absence("2025-07-10T07:30", "2025-07-10T10:00", "izin"),
    ]
    assert roster.kinds == {
        "198906092025031145": {"2025-07-09": "cuti tahunan"},
        "E-2": {"2025-07-11": "dinas luar"},
    }
    assert roster.schedules()[1].absences == (Absence("2025-07-11", None, "dinas luar"),)
    report = POLICY.check_roster(roster.schedules(), ("2025-07-07", "2025-07-11"))
    # Fitri's home shift on the 8th is denied: no performance given (fails closed)
    denied = [d.start.isoformat() for d in report.decisions["198906092025031145"] if not d.allowed]
    assert denied == ["2025-07-08T22:00:00+07:00"]


def test_a_rosters_problems_in_every_file_are_listed_together(tmp_path: Path) -> None:
    """A bad cell in the employees file does not hide the shifts file's problems, and the
    shifts of that employee are not reported as a stranger's."""
    employees = write(tmp_path, "e.csv", "id;grade\nE-1;tujuh\nE-2;8\n")
    shifts = write(
        tmp_path,
        "s.json",
        json.dumps(
            [
                {
                    "id": "E-1",
                    "start": "2025-07-07T08:00",
                    "end": "2025-07-07T16:00",
                    "location": "office",
                },
                {
                    "id": "E-2",
                    "start": "2025-07-07T08:00",
                    "end": "2025-07-07T07:00",
                    "location": "office",
                },
            ]
        ),
    )
    leave = write(tmp_path, "l.csv", "employee,date\nE-2,31/06/2025\n")
    with pytest.raises(TableErrors) as caught:
        read_roster(employees, shifts, POLICY, leave)
    assert [(Path(e.file).name, e.row, e.column) for e in caught.value.errors] == [
        ("e.csv", 2, "grade"),
        ("s.json", 2, "end"),
        ("l.csv", 2, "date"),
    ]


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        ("E-2;G;11/07/2025;;;;CX", "KETERANGAN", '"CX" is not one of the --absence-codes'),
        ("E-2;G;11/07/2025;;;;cuti", "KETERANGAN", "did you mean `cuti tahunan`?"),
        ("E-2;G;11/07/2025;10.00;;;I", "JAM MASUK", "is part of one day"),
        ("E-2;G;11/07/2025;10.00;09.00;;I", "JAM PULANG", "is part of one day"),
        ("E-2;G;11/07/2025;07.30;16.00;;", "LOKASI", "the shift has no location"),
        ("E-2;G;11/07/2025;7 pagi;16.00;WFO;", "JAM MASUK", "is not a time of day"),
        ("E-2;G;32/07/2025;07.30;16.00;WFO;", "TANGGAL", "its month has no day 32"),
    ],
)
def test_bad_attendance_rows(tmp_path: Path, row: str, column: str, message: str) -> None:
    head = "NIP;NAMA;TANGGAL;JAM MASUK;JAM PULANG;LOKASI;KETERANGAN\n"
    path = write(tmp_path, "presensi.csv", head + row + "\n")
    with pytest.raises(TableError) as caught:
        read_shifts(path, POLICY, PEOPLE, columns=ATTENDANCE_COLUMNS, absence_codes=CODES)
    assert (caught.value.row, caught.value.column) == (2, column)
    assert message in str(caught.value)


def test_an_unknown_employee_is_one_problem_however_many_rows(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "presensi.csv",
        "NIP;TANGGAL;JAM MASUK;JAM PULANG;LOKASI\n"
        + "".join(f"E-9;0{d}/07/2025;08.00;16.00;WFO\n" for d in range(1, 6))
        + "E-2;07/07/2025;08.00;16.00;cafe\n",
    )
    with pytest.raises(TableErrors) as caught:
        read_shifts(path, POLICY, PEOPLE, columns="NIP=employee,LOKASI=location")
    assert [(e.row, e.column) for e in caught.value.errors] == [(7, "LOKASI"), (2, "NIP")]
    assert "`E-9` in the employees file; did you mean `E-2`? (5 rows name this" in str(caught.value)
    indonesian = caught.value.message_for("id")
    assert "baris 7, kolom `LOKASI`" in indonesian
    assert "tidak ada pegawai `E-9` di berkas pegawai; maksud Anda `E-2`? (5 baris" in indonesian


def test_a_leave_file_with_kinds_and_part_days(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "cuti.csv",
        "id;tanggal;jenis;jam masuk;jam pulang\n"
        "E-2;07/07/2025;CT;;\n"
        "E-2;08/07/2025;;;\n"
        "E-2;09/07/2025;I;08.00;10.30\n",
    )
    assert read_absences(path, PEOPLE, columns="jenis=kind", absence_codes=CODES) == {
        "E-2": [
            Absence("2025-07-07", None, "cuti tahunan"),
            "2025-07-08",
            Absence("2025-07-09T08:00", "2025-07-09T10:30", "izin"),
        ]
    }


# ---- xlsx --------------------------------------------------------------------------------------


def _workbook(path: Path, rows: list[list[Any]], title: str = "Data") -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    workbook.create_sheet("Catatan").append(["not", "this", "sheet"])
    workbook.save(path)
    return path


def test_an_xlsx_written_by_openpyxl_is_read_with_its_values(tmp_path: Path) -> None:
    """Excel's numbers, dates and times are used as they are: a date cell is its date, a
    number a number, `Ya` a text cell read by the table; the NIP as a text cell keeps its 18
    digits, and a short number where an id is expected is its digits."""
    path = _workbook(
        tmp_path / "pegawai.xlsx",
        [
            ["NIP", "Nama", "Golongan", "TMT", "Percobaan", "Predikat", "Unit"],
            ["198906092025031145", "Fitri", 7.5, dt.datetime(2025, 6, 30), "Tidak", "baik", 12],
            [2, "Gilang", 9, dt.date(2010, 11, 10), True, "Sangat Baik", "Sekretariat"],
        ],
    )
    columns = (
        "NIP=id,Nama=name,Golongan=grade,TMT=position start,Percobaan=on probation,"
        "Predikat=performance"
    )
    expected = [
        {
            "id": "198906092025031145",
            "name": "Fitri",
            "grade": 7.5,
            "position start": "2025-06-30",
            "on probation": False,
            "performance": "Baik",
            "unit": "12",
        },
        {
            "id": "2",
            "name": "Gilang",
            "grade": 9,
            "position start": "2010-11-10",
            "on probation": True,
            "performance": "Sangat Baik",
            "unit": "Sekretariat",
        },
    ]
    assert read_employees(path, POLICY, columns=columns) == expected
    assert read_employees(f"{path}:Data", POLICY, columns=columns) == expected
    with pytest.raises(TableError, match="has no sheet `Daftar`; its sheets are `Data`, `Catatan`"):
        read_employees(f"{path}:Daftar", POLICY)


def test_an_xlsx_number_with_more_than_15_digits_where_an_id_is_expected_is_refused(
    tmp_path: Path,
) -> None:
    path = _workbook(
        tmp_path / "pegawai.xlsx",
        [["id", "unit"], [198906092025031145, "a"], ["E-2", 1234567890123456]],
    )
    with pytest.raises(TableErrors) as caught:
        read_employees(path, POLICY)
    assert [(e.row, e.column) for e in caught.value.errors] == [(2, "id"), (3, "unit")]
    assert "more than the 15 a spreadsheet keeps" in str(caught.value)
    assert "format the column as text in the spreadsheet" in str(caught.value)


def test_an_xlsx_attendance_sheet_with_excel_times(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "presensi.xlsx",
        [
            ["employee", "tanggal", "jam masuk", "jam pulang", "location"],
            ["E-2", dt.datetime(2025, 7, 7), dt.time(7, 30), dt.time(16), "WFO"],
            ["E-2", "08/07/2025", "22.00", "06.00", "wfh"],
        ],
    )
    assert read_shifts(path, POLICY, PEOPLE)["E-2"] == [
        {"start": "2025-07-07T07:30", "end": "2025-07-07T16:00", "location": "office"},
        {"start": "2025-07-08T22:00", "end": "2025-07-09T06:00", "location": "home"},
    ]


def test_a_headcount_workbook_and_a_schedule_with_reading_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The other readers take the same forms: a headcount as an xlsx sheet, and `flexrules
    schedule` an attendance export with --columns and --absence-codes (a day of cuti tahunan
    is a day of leave of the schedule)."""
    headcount = _workbook(tmp_path / "jumlah.xlsx", [["unit", "pegawai"], ["finance", 20]])
    assert read_headcount(headcount) == {"finance": 20}
    employee = write(tmp_path, "e.json", '{"id": "E-2", "performance": "Baik"}')
    schedule = write(
        tmp_path,
        "presensi.csv",
        "NIP;TANGGAL;JAM MASUK;JAM PULANG;LOKASI;KETERANGAN\r\n"
        "E-2;07/07/2025;07.30;16.00;WFH;\r\n"
        "E-2;08/07/2025;;;;CT\r\n",
    )
    args = ["schedule", "exports.rules", "--schedule", str(schedule), "--employee", str(employee)]
    policy = write(tmp_path, "exports.rules", POLICY_TEXT)
    args[1] = str(policy)
    code = main(
        [
            *args,
            "--columns",
            "NIP=employee,LOKASI=location,KETERANGAN=kind",
            "--absence-codes",
            CODES,
            "--format",
            "json",
        ]
    )
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert report["absences"] == ["2025-07-08"]
    assert [d["allowed"] for d in report["decisions"]] == [True]


# ---- the shared sample exports, read by `flexrules roster` -----------------------------------

SAMPLE_COLUMNS = (
    "NIP=id,NAMA=name,GOL=grade,JABATAN=role,UNIT KERJA=unit,TMT JABATAN=position start,"
    "STATUS=status,PREDIKAT KINERJA=performance,HUKUMAN DISIPLIN=under sanction,ZONA=timezone,"
    "LOKASI=location,KETERANGAN=kind,NO="
)
SAMPLE_ARGS = [
    str(AGENCY / "dinas.rules"),
    "--employees",
    str(AGENCY / "pegawai-simpeg.csv"),
    "--shifts",
    str(AGENCY / "presensi-juli-2025.csv"),
    "--columns",
    SAMPLE_COLUMNS,
    "--absence-codes",
    CODES,
]


def _rows(name: str) -> list[dict[str, str]]:
    """A sample export read with nothing but the csv module (an independent reading)."""
    with open(AGENCY / name, encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file, delimiter=";"))


def _expected_denials() -> set[tuple[str, str]]:
    """The remote shifts the sample policy denies, worked out from the files directly: remote
    work needs `Baik` or better, PNS, no sanction and a post held since before 2025; and a
    counter officer must be on site 08:00-14:00 on a weekday."""
    people = {}
    for row in _rows("pegawai-simpeg.csv"):
        held = dt.datetime.strptime(row["TMT JABATAN"], "%d/%m/%Y").date()
        may = (
            row["PREDIKAT KINERJA"] in ("Baik", "Sangat Baik")
            and row["STATUS"] == "PNS"
            and row["HUKUMAN DISIPLIN"] == "Tidak"
            and held < dt.date(2025, 1, 1)
        )
        people[row["NIP"]] = (may, row["JABATAN"] == "Petugas Loket")
    denied = set()
    for row in _rows("presensi-juli-2025.csv"):
        if row["KETERANGAN"] or row["LOKASI"] not in ("WFH", "WFA"):
            continue
        day = dt.datetime.strptime(row["TANGGAL"], "%d/%m/%Y").date()
        start = dt.time.fromisoformat(row["JAM MASUK"].replace(".", ":"))
        end = dt.time.fromisoformat(row["JAM PULANG"].replace(".", ":"))
        may, counter = people[row["NIP"]]
        in_service = day.weekday() < 5 and start < dt.time(14) and end > dt.time(8)
        if not may or (counter and in_service):
            denied.add((row["NIP"], f"{day.isoformat()}T{start.isoformat('minutes')}:00+07:00"))
    return denied


def test_the_shared_samples_read_by_flexrules_roster(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The SIMPEG list and the July attendance export, as exported, with --columns and
    --absence-codes: every shift and absence is read, and the denials are those worked out
    from the files with the csv module alone."""
    code = main(["roster", *SAMPLE_ARGS, "--format", "json"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    report = json.loads(out)
    rows = _rows("presensi-juli-2025.csv")
    shifts = [r for r in rows if not r["KETERANGAN"]]
    assert report["summary"]["employees"] == 40
    assert report["summary"]["shifts"] == len(shifts)
    found = {
        (ident, d["shift"]["start"])
        for ident, schedule in report["schedules"].items()
        for d in schedule["decisions"]
        if not d["allowed"]
    }
    assert found == _expected_denials()
    assert report["summary"]["denied"] == len(found)
    whole_days = {(r["NIP"], r["TANGGAL"]) for r in rows if r["KETERANGAN"] and not r["JAM MASUK"]}
    listed = {
        (ident, dt.date.fromisoformat(day).strftime("%d/%m/%Y"))
        for ident, schedule in report["schedules"].items()
        for day in schedule["absences"]
    }
    assert listed == whole_days


def test_the_samples_as_a_roster_in_python_and_from_the_workbook() -> None:
    """The same reading through `read_roster`, with the kinds of the absences, and the SIMPEG
    workbook (TMT as Excel dates) read the same as its CSV."""
    policy = load_policy(AGENCY / "dinas.rules")
    roster = read_roster(
        AGENCY / "pegawai-simpeg.csv",
        AGENCY / "presensi-juli-2025.csv",
        policy,
        columns=SAMPLE_COLUMNS,
        absence_codes=CODES,
    )
    kinds = {"CT": "cuti tahunan", "S": "sakit", "I": "izin", "DL": "dinas luar"}
    expected = sorted(
        (r["NIP"], r["TANGGAL"], kinds[r["KETERANGAN"]], bool(r["JAM MASUK"]))
        for r in _rows("presensi-juli-2025.csv")
        if r["KETERANGAN"]
    )
    found = sorted(
        (
            ident,
            dt.date.fromisoformat(str(a.start)[:10]).strftime("%d/%m/%Y"),
            a.kind,
            a.end is not None,
        )
        for ident, absences in roster.absences.items()
        for a in absences
    )
    assert found == expected
    workbook = read_employees(
        AGENCY / "pegawai-simpeg.xlsx", policy, columns=SAMPLE_COLUMNS, warnings=[]
    )
    assert workbook == roster.employees
    assert all(len(e["id"]) == 18 for e in workbook)


@pytest.mark.slow
def test_the_roster_report_as_a_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--format xlsx --out`: sheets violations, decisions (one row per shift) and days (one
    row per day of the period), agreeing with the JSON report."""
    out = tmp_path / "laporan.xlsx"
    period = ["--period", "2025-07-01", "2025-07-31"]
    code = main(["roster", *SAMPLE_ARGS, *period, "--format", "xlsx", "--out", str(out)])
    assert code == 0
    assert main(["roster", *SAMPLE_ARGS, *period, "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    workbook = openpyxl.load_workbook(out, read_only=True)
    assert workbook.sheetnames == ["violations", "decisions", "days"]
    decisions = list(workbook["decisions"].iter_rows(values_only=True))
    assert decisions[0][:6] == ("employee", "name", "start", "end", "location", "allowed")
    assert len(decisions) - 1 == report["summary"]["shifts"]
    assert sum(row[5] == "no" for row in decisions[1:]) == report["summary"]["denied"]
    violations = list(workbook["violations"].iter_rows(values_only=True))
    assert len(violations) - 1 == len(report["violations"])
    days = list(workbook["days"].iter_rows(values_only=True))
    assert days[0] == ("date", "on site", "remote", "away", "gaps", "gap rules")
    assert len(days) - 1 == 31
    first = days[1]
    on_site = sum(
        1
        for r in _rows("presensi-juli-2025.csv")
        if r["TANGGAL"] == "01/07/2025" and r["LOKASI"] == "WFO"
    )
    away = sum(
        1
        for r in _rows("presensi-juli-2025.csv")
        if r["TANGGAL"] == "01/07/2025" and r["KETERANGAN"] and not r["JAM MASUK"]
    )
    assert (first[0].date(), first[1], first[3]) == (dt.date(2025, 7, 1), on_site, away)


def test_roster_cli_reading_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A warning line per file for ignored columns; a bad --separator is a usage error; file
    problems are said in the language asked for."""
    employees = write(tmp_path, "e.csv", "id;name;Golongan\nE-1;Sari;III/a\n")
    shifts = write(
        tmp_path,
        "s.csv",
        "employee;start;end;location\nE-1;07/07/2025 08.00;07/07/2025 16.00;WFO\n",
    )
    policy = str(AGENCY / "dinas.rules")
    code = main(["roster", policy, "--employees", str(employees), "--shifts", str(shifts)])
    err = capsys.readouterr().err
    assert code == 0
    assert err == (
        f"warning: `{employees}`: ignored `Golongan`, which the policy does not declare and "
        'flexrules does not read; map a column with --columns "HEADER=name"\n'
    )
    args = ["roster", policy, "--employees", str(employees), "--shifts", str(shifts)]
    assert main([*args, "--separator", "|"]) == 2
    assert "the separator is `,`, `;` or `tab`" in capsys.readouterr().err
    bad = write(tmp_path, "bad.csv", "id;under sanction\nE-1;mungkin\n")
    dinas = ["roster", policy, "--employees", str(bad), "--shifts", str(shifts), "--lang", "id"]
    assert main(dinas) == 1
    assert capsys.readouterr().err == (
        f'kesalahan: `{bad}`, baris 2, kolom `under sanction`: "mungkin" bukan ya atau tidak; '
        "tulis ya, tidak, yes, no, true, false, 1 atau 0\n"
    )


# ---- one table for every reader ------------------------------------------------------------

CELLS = st.one_of(
    st.sampled_from(["7,5", "7.5", "12", "ya", "Tidak", "TRUE", "0", "baik", "Sangat Baik"]),
    st.sampled_from(["07/07/2025", "7 Jul 2025", "2025-07-07", "13/25/2025", "1,98E+17"]),
    st.text(alphabet="0123456789,./ abcXYZ", max_size=8),
)


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(CELLS, CELLS, CELLS, CELLS), min_size=1, max_size=4))
def test_a_csv_and_an_xlsx_of_the_same_text_read_the_same(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[str, str, str, str]]
) -> None:
    """The same text cells as a `;` CSV and as an xlsx sheet of text cells: the same
    employees, or problems at the same places (xlsx text takes no decimal comma, so a cell
    such as `7,5` in a number column is left out of the comparison)."""
    folder = tmp_path_factory.mktemp("same")
    header = ["id", "grade", "on probation", "position start", "performance"]
    table = [[f"E-{n}", *row] for n, row in enumerate(rows)]
    if any("," in row[1] for row in table):
        return
    csv_path = folder / "e.csv"
    csv_path.write_text(
        "\n".join(";".join(cells) for cells in [header, *table]) + "\n", encoding="utf-8"
    )
    if any(";" in c or '"' in c for row in table for c in row):
        return
    workbook = openpyxl.Workbook()
    for cells in [header, *table]:
        workbook.active.append(cells)
    xlsx_path = folder / "e.xlsx"
    workbook.save(xlsx_path)

    def outcome(path: Path) -> Any:
        try:
            return read_employees(path, POLICY)
        except TableError as error:
            found = getattr(error, "errors", (error,))
            return [(e.row, e.column) for e in found]

    assert outcome(csv_path) == outcome(xlsx_path)
