"""`InputError`s as catalog texts (`flexrules.core.messages.inputs`): every code's text in
English and Bahasa Indonesia, errors raised by the engine carrying their code and values,
read in the language spoken, and surviving pickling (they cross Dask processes)."""

from __future__ import annotations

import ast
import pickle
from pathlib import Path
from typing import Any

import pytest

import flexrules
from flexrules.core.errors import InputError
from flexrules.core.messages import CATALOG, Text, Thousands, speaking, spoken

#: each input code, the values it is filled with, and its text in English and Indonesian
CASES: list[tuple[str, dict[str, Any], str, str]] = [
    (
        "input.timezone.not_name",
        {"value": "7"},
        "a time zone is a name such as Asia/Jakarta, not 7",
        "zona waktu ditulis sebagai nama seperti Asia/Jakarta, bukan 7",
    ),
    (
        "input.timezone.unknown",
        {"value": '"Mars/Base"'},
        'unknown time zone "Mars/Base"; use an IANA name or WIB, WITA, WIT',
        'zona waktu "Mars/Base" tidak dikenal; gunakan nama IANA atau WIB, WITA, WIT',
    ),
    (
        "input.time.date_only",
        {},
        "a shift time needs a time of day, not only a date",
        "waktu sif memerlukan jam, bukan hanya tanggal",
    ),
    ("input.time.missing", {"field": "end"}, "the shift has no end", "sif tidak mencantumkan end"),
    (
        "input.time.not_date_time",
        {"value": "[1]"},
        "[1] is not a date and time",
        "[1] bukan tanggal dan jam",
    ),
    (
        "input.time.no_time_of_day",
        {"value": '"2025-07-07"'},
        '"2025-07-07" has a date but no time of day',
        '"2025-07-07" memuat tanggal tetapi tidak memuat jam',
    ),
    (
        "input.time.not_iso",
        {"value": '"pagi"'},
        '"pagi" is not a date and time such as 2025-07-07T08:00',
        '"pagi" bukan tanggal dan jam seperti 2025-07-07T08:00',
    ),
    (
        "input.time.out_of_range",
        {"first": "0001-01-03", "last": "9999-12-30"},
        "flexrules decides shifts from 0001-01-03 to 9999-12-30",
        "flexrules memutuskan sif dari 0001-01-03 sampai 9999-12-30",
    ),
    (
        "input.shift.end_before_start",
        {},
        "the shift's end must be after its start",
        "akhir sif harus sesudah awalnya",
    ),
    (
        "input.shift.too_long",
        {},
        "a shift lasts at most 24 hours; write a longer duty (a 24-hour duty and its handover) "
        "as two shifts, the second starting where the first ends",
        "satu sif paling lama 24 jam; tulis tugas yang lebih lama (tugas 24 jam beserta serah "
        "terimanya) sebagai dua sif, yang kedua dimulai saat yang pertama berakhir",
    ),
    (
        "input.location.missing",
        {},
        "the shift has no location; use office, home or anywhere",
        "sif tidak mencantumkan lokasi; gunakan office, home atau anywhere",
    ),
    (
        "input.location.unknown",
        {"value": '"beach"'},
        '"beach" is not a location; use office, home or anywhere',
        '"beach" bukan lokasi; gunakan office, home atau anywhere',
    ),
    (
        "input.employee.none",
        {},
        "no employee given: an employee is a mapping of id and attributes, or an object with them",
        "tidak ada pegawai yang diberikan: pegawai adalah pemetaan id dan atribut, atau objek "
        "yang memilikinya",
    ),
    (
        "input.change.date_time",
        {"value": '"2025-07-15 08:00:00"'},
        '"2025-07-15 08:00:00" is a date and time, not a date',
        '"2025-07-15 08:00:00" adalah tanggal dan jam, bukan tanggal',
    ),
    (
        "input.change.not_date",
        {"value": '"15 July"'},
        '"15 July" is not a date such as 2025-07-15',
        '"15 July" bukan tanggal seperti 2025-07-15',
    ),
    (
        "input.changes.not_list",
        {},
        "changes is a list of (date, {attribute: value}) pairs",
        "changes adalah daftar pasangan (tanggal, {atribut: nilai})",
    ),
    (
        "input.change.not_pair",
        {"number": 2, "value": "3"},
        'change 2 is 3: write (date, {attribute: value}) or {"from": date, "attributes": {...}}',
        'perubahan ke-2 berupa 3: tulis (tanggal, {atribut: nilai}) atau {"from": tanggal, '
        '"attributes": {...}}',
    ),
    (
        "input.change.not_attributes",
        {"number": 1, "value": '"grade 9"'},
        'change 1 gives "grade 9", not attributes',
        'perubahan ke-1 memberikan "grade 9", bukan atribut',
    ),
    (
        "input.change.bad_name",
        {"number": 3, "value": "7"},
        "change 3 names 7",
        "perubahan ke-3 menyebut 7, bukan nama atribut",
    ),
    (
        "input.change.fixed",
        {"number": 1, "name": "id"},
        "change 1 sets `id`, which cannot change: give the employee another record instead",
        "perubahan ke-1 mengubah `id`, yang tidak dapat berubah: buat catatan lain untuk "
        "pegawai itu",
    ),
    (
        "input.date.not_date",
        {"value": '"besok"'},
        '"besok" is not a date such as 2025-07-07',
        '"besok" bukan tanggal seperti 2025-07-07',
    ),
    (
        "input.absence.kind_not_text",
        {"value": "3"},
        "3 is not a kind of absence",
        "3 bukan jenis ketidakhadiran",
    ),
    (
        "input.absence.backwards",
        {},
        "the absence ends before it starts",
        "ketidakhadiran ini berakhir sebelum dimulai",
    ),
    (
        "input.absence.too_long",
        {"days": 366},
        "an absence spans at most 366 days; give longer ones in parts",
        "satu ketidakhadiran paling lama 366 hari; berikan yang lebih lama dalam beberapa bagian",
    ),
    (
        "input.absence.no_start",
        {},
        "an absence needs a `start` (or a `date`)",
        "ketidakhadiran memerlukan `start` (atau `date`)",
    ),
    (
        "input.absence.not_date_or_part",
        {"value": '"2025-07-07T08:00"'},
        '"2025-07-07T08:00" is not a date such as 2025-07-07, nor a start with an end',
        '"2025-07-07T08:00" bukan tanggal seperti 2025-07-07, juga bukan awal yang disertai akhir',
    ),
    (
        "input.absence.part_backwards",
        {},
        "the absence ends when or before it starts",
        "ketidakhadiran ini berakhir pada saat atau sebelum dimulai",
    ),
    (
        "input.absence.part_across_days",
        {},
        "part of a day ends on the day it starts; give whole days as dates",
        "ketidakhadiran sebagian hari berakhir pada hari yang sama dengan awalnya; berikan hari "
        "penuh sebagai tanggal",
    ),
    (
        "input.period.too_long",
        {"what": Text("input.period.spans"), "span": Thousands(1096), "limit": Thousands(731)},
        "the period spans 1,096 days; flexrules checks at most 731 days at a time (check it in "
        "parts, or raise max_period_days)",
        "periode ini mencakup 1.096 hari; flexrules memeriksa paling banyak 731 hari sekaligus "
        "(periksa per bagian, atau naikkan max_period_days)",
    ),
    (
        "input.period.spans",
        {},
        "the period spans",
        "periode ini mencakup",
    ),
    (
        "input.period.shifts_span",
        {},
        "without a period, the roster's shifts span",
        "tanpa periode, sif dalam jadwal ini mencakup",
    ),
    (
        "input.period.not_pair",
        {},
        "a period is a pair (first day, last day)",
        "periode adalah pasangan (hari pertama, hari terakhir)",
    ),
    (
        "input.period.not_dates",
        {},
        "a period is two dates such as 2025-07-01",
        "periode terdiri atas dua tanggal seperti 2025-07-01",
    ),
    (
        "input.period.backwards",
        {},
        "the period's last day is before its first",
        "hari terakhir periode ini jatuh sebelum hari pertamanya",
    ),
    (
        "input.roster.no_id",
        {},
        "every employee in a roster needs an id",
        "setiap pegawai dalam jadwal memerlukan id",
    ),
    (
        "input.roster.twice",
        {"ident": "E-1"},
        "employee `E-1` appears twice",
        "pegawai `E-1` muncul dua kali",
    ),
    (
        "input.roster.headcount",
        {"group": '"Pelayanan"', "size": "-1"},
        'the headcount of "Pelayanan" must be a whole number, not -1',
        'jumlah pegawai "Pelayanan" harus bilangan bulat, bukan -1',
    ),
    (
        "input.roster.not_schedule",
        {},
        "each schedule is an (employee, shifts) pair or a Schedule",
        "setiap jadwal berupa pasangan (pegawai, sif) atau sebuah Schedule",
    ),
    (
        "input.roster.unknown_employee",
        {"ident": "E-7"},
        "no employee `E-7` in the employees table",
        "tidak ada pegawai `E-7` dalam tabel pegawai",
    ),
    (
        "input.table.changes",
        {},
        "a table's employees cannot carry changes: decide employees whose facts change during "
        "the month with Policy.decide or Policy.check_roster",
        "pegawai dalam tabel tidak dapat membawa perubahan: putuskan pegawai yang faktanya "
        "berubah selama bulan berjalan dengan Policy.decide atau Policy.check_roster",
    ),
    (
        "input.file.where.item",
        {"n": 2},
        "item 2",
        "butir 2",
    ),
    (
        "input.file.where.shift",
        {"n": 2},
        "shift 2",
        "sif 2",
    ),
    (
        "input.file.where.absence",
        {"n": 2},
        "absence 2",
        "ketidakhadiran 2",
    ),
    (
        "input.file.where.key",
        {"column": "grade"},
        "key `grade`",
        "kunci `grade`",
    ),
    (
        "input.file.noun.shift",
        {},
        "shift",
        "sif",
    ),
    (
        "input.file.noun.employee",
        {},
        "employee",
        "pegawai",
    ),
    (
        "input.file.noun.absence",
        {},
        "absence",
        "ketidakhadiran",
    ),
    (
        "input.file.noun.change",
        {},
        "change",
        "perubahan",
    ),
    (
        "input.file.noun.headcount",
        {},
        "headcount",
        "jumlah pegawai",
    ),
    (
        "input.file.json_list",
        {"what": Text("input.file.noun.shift")},
        "must hold a JSON list of shift objects",
        "harus memuat daftar JSON berisi objek sif",
    ),
    (
        "input.file.json_shifts",
        {"what": Text("input.file.noun.shift")},
        "its `shifts` must be a JSON list of shift objects",
        "`shifts`-nya harus berupa daftar JSON berisi objek sif",
    ),
    (
        "input.file.json_object",
        {"value": '"x"'},
        'must be a JSON object, not "x"',
        'harus berupa objek JSON, bukan "x"',
    ),
    (
        "input.file.key_twice",
        {"other": "Grade"},
        "the same key is given twice (also as `Grade`)",
        "kunci yang sama diberikan dua kali (juga sebagai `Grade`)",
    ),
    (
        "input.file.not_csv",
        {"problem": "unexpected end of data"},
        "is not valid CSV: unexpected end of data",
        "bukan CSV yang sah: unexpected end of data",
    ),
    (
        "input.file.cells",
        {"cells": 4, "header": 3},
        "has the wrong number of cells: 4, where the header has 3",
        "punya 4 sel padahal judulnya 3",
    ),
    (
        "input.file.header_unnamed",
        {"index": 2},
        "column 2 of the header has no name",
        "kolom ke-2 pada baris judul tidak bernama",
    ),
    (
        "input.file.header_twice",
        {"other": "Grade"},
        "the header has this column twice (also as `Grade`)",
        "baris judul memuat kolom ini dua kali (juga sebagai `Grade`)",
    ),
    (
        "input.file.not_date",
        {"value": '"x"'},
        '"x" is not a date such as 2025-07-01 (YYYY-MM-DD)',
        '"x" bukan tanggal seperti 2025-07-01 (YYYY-MM-DD)',
    ),
    (
        "input.file.not_text",
        {"value": '"x"'},
        '"x" is not text',
        '"x" bukan teks',
    ),
    (
        "input.file.given_twice",
        {"value": '"x"'},
        '"x" is given twice',
        '"x" diberikan dua kali',
    ),
    (
        "input.file.headcount_json",
        {},
        'must hold a JSON object such as {"finance": 20}',
        'harus memuat objek JSON seperti {"finance": 20}',
    ),
    (
        "input.file.headcount_columns",
        {},
        "a headcount file has two columns: the group's value and its headcount",
        "berkas jumlah pegawai memiliki dua kolom: nilai kelompok dan jumlah pegawainya",
    ),
    (
        "input.file.id_type",
        {"value": '"x"'},
        'an employee id is text or a whole number, not "x"',
        'id pegawai berupa teks atau bilangan bulat, bukan "x"',
    ),
    (
        "input.file.name_not_text",
        {},
        "a name is text",
        "nama berupa teks",
    ),
    (
        "input.file.zone_not_name",
        {},
        "a time zone is a name such as Asia/Makassar or WITA",
        "zona waktu ditulis sebagai nama seperti Asia/Makassar atau WITA",
    ),
    (
        "input.file.zone_unknown",
        {"value": '"x"'},
        'unknown time zone "x"; use an IANA name such as Asia/Makassar, or WIB, WITA, WIT',
        'zona waktu "x" tidak dikenal; gunakan nama IANA seperti Asia/Makassar, atau WIB, '
        "WITA, WIT",
    ),
    (
        "input.file.one_employee",
        {"count": 2},
        "must hold one employee, not 2",
        "harus memuat satu pegawai, bukan 2",
    ),
    (
        "input.file.absence_row",
        {},
        "an absence row; absences are read with a roster's shifts (flexrules roster)",
        "baris ketidakhadiran; ketidakhadiran dibaca bersama sif sebuah jadwal (flexrules roster)",
    ),
    (
        "input.file.location",
        {"hint": Text("input.file.location_json", word="home"), "value": '"x"'},
        '"x" is not a location; use office, home or anywhere (in JSON write "home")',
        '"x" bukan lokasi; gunakan office, home atau anywhere (dalam JSON tulis "home")',
    ),
    (
        "input.file.location_json",
        {"word": "home"},
        ' (in JSON write "home")',
        ' (dalam JSON tulis "home")',
    ),
    (
        "input.file.shift_of_other",
        {"ident": "E-1", "owner": "E-2"},
        "this shift is for `E-2`, not for `E-1`, the employee given",
        "sif ini milik `E-2`, bukan milik `E-1`, pegawai yang diberikan",
    ),
    (
        "input.file.shift_of_other_schedule",
        {"ident": "E-1", "owner": "E-2"},
        "this shift is for `E-2`, but the schedule is `E-1`'s",
        "sif ini milik `E-2`, sedangkan jadwal ini milik `E-1`",
    ),
    (
        "input.file.no_shifts",
        {},
        "holds no shifts to decide",
        "tidak memuat sif untuk diputuskan",
    ),
    (
        "input.file.schedule_keys",
        {},
        "a schedule has the keys employee, shifts, period, absences",
        "jadwal memiliki kunci employee, shifts, period, absences",
    ),
    (
        "input.file.absences_list",
        {},
        "absences is a list of dates or of objects with `start`, `end` and `kind`",
        "absences adalah daftar tanggal atau objek dengan `start`, `end`, dan `kind`",
    ),
    (
        "input.file.absence_keys",
        {},
        "an absence has `start`, `end`, `kind`",
        "ketidakhadiran memiliki `start`, `end`, `kind`",
    ),
    (
        "input.file.employee_twice",
        {},
        "the schedule names its employee; leave out --employee, or the employee key",
        "jadwal sudah menyebut pegawainya; hilangkan --employee, atau kunci employee",
    ),
    (
        "input.file.no_employee",
        {},
        "a schedule needs an employee object (or --employee FILE)",
        "jadwal memerlukan objek employee (atau --employee FILE)",
    ),
    (
        "input.file.shifts_need_employee",
        {},
        "a shifts file needs --employee FILE (or write the schedule as a JSON object with "
        "employee and shifts)",
        "berkas sif memerlukan --employee FILE (atau tulis jadwal sebagai objek JSON dengan "
        "employee dan shifts)",
    ),
    (
        "input.file.period_dates",
        {},
        'the period is two dates: ["2025-07-01", "2025-07-31"]',
        'periode terdiri atas dua tanggal: ["2025-07-01", "2025-07-31"]',
    ),
    (
        "input.file.period_backwards",
        {},
        "the period ends before it starts",
        "periode ini berakhir sebelum dimulai",
    ),
    (
        "input.source.missing",
        {},
        "no such file",
        "berkas tidak ada",
    ),
    (
        "input.source.cannot",
        {"reason": "Permission denied"},
        "cannot be read: Permission denied",
        "tidak dapat dibaca: Permission denied",
    ),
    (
        "input.source.stdin_closed",
        {},
        "standard input is not open for reading",
        "masukan standar tidak terbuka untuk dibaca",
    ),
    (
        "input.source.folder",
        {},
        "is a folder, not a file",
        "adalah folder, bukan berkas",
    ),
    (
        "input.source.fifo",
        {"only": Text("input.source.only")},
        "is a named pipe (FIFO), not a regular file; data is read from regular files, or from "
        "standard input given as `-`",
        "adalah pipa bernama (FIFO), bukan berkas biasa; data dibaca dari berkas biasa, atau "
        "dari masukan standar yang diberikan sebagai `-`",
    ),
    (
        "input.source.device",
        {"only": Text("input.source.only")},
        "is a device, not a regular file; data is read from regular files, or from standard "
        "input given as `-`",
        "adalah perangkat, bukan berkas biasa; data dibaca dari berkas biasa, atau dari masukan "
        "standar yang diberikan sebagai `-`",
    ),
    (
        "input.source.socket",
        {"only": Text("input.source.only")},
        "is a socket, not a regular file; data is read from regular files, or from standard "
        "input given as `-`",
        "adalah soket, bukan berkas biasa; data dibaca dari berkas biasa, atau dari masukan "
        "standar yang diberikan sebagai `-`",
    ),
    (
        "input.source.other",
        {"only": Text("input.source.only")},
        "is not a regular file; data is read from regular files, or from standard input given "
        "as `-`",
        "bukan berkas biasa; data dibaca dari berkas biasa, atau dari masukan standar yang "
        "diberikan sebagai `-`",
    ),
    (
        "input.source.only",
        {},
        "; data is read from regular files, or from standard input given as `-`",
        "; data dibaca dari berkas biasa, atau dari masukan standar yang diberikan sebagai `-`",
    ),
    (
        "input.source.too_large",
        {"limit": "50 MiB"},
        "is larger than 50 MiB, the most a data file may hold; raise the limit with "
        "--max-file-size (`flexrules.files.size_limit` in Python)",
        "lebih besar dari 50 MiB, ukuran terbesar yang boleh dimiliki berkas data; naikkan "
        "batasnya dengan --max-file-size (`flexrules.files.size_limit` di Python)",
    ),
]


@pytest.mark.parametrize(("key", "args", "english", "indonesian"), CASES, ids=[c[0] for c in CASES])
def test_each_input_code_reads_in_both_languages(
    key: str, args: dict[str, Any], english: str, indonesian: str
) -> None:
    error = InputError("field", None, Text(key, **args))
    assert (error.problem_for("en"), error.problem_for("id")) == (english, indonesian)
    assert error.code == key and error.arguments == args


def test_every_input_code_has_a_case() -> None:
    codes = {key for key in CATALOG if key.startswith("input.")}
    assert codes == {case[0] for case in CASES}


@pytest.fixture(scope="module")
def policy() -> flexrules.Policy:
    return flexrules.compile_policy(
        'policy "open" default allow.\nrule A: employees may be on-site.'
    )


def _raised(policy: flexrules.Policy, shift: dict[str, Any], **employee: Any) -> InputError:
    with pytest.raises(InputError) as caught:
        policy.decide({"id": "E-1", **employee}, shift)
    return caught.value


def test_an_engine_error_carries_its_code_and_reads_in_the_language_spoken(
    policy: flexrules.Policy,
) -> None:
    error = _raised(
        policy, {"start": "2025-07-07T10:00", "end": "2025-07-07T09:00", "location": "home"}
    )
    assert (error.code, error.field, error.value) == (
        "input.shift.end_before_start",
        "end",
        "2025-07-07T09:00",
    )
    assert str(error) == "end: the shift's end must be after its start" == error.message_for("en")
    assert error.message == "the shift's end must be after its start"
    assert spoken() == "en"
    with speaking("id"):
        assert str(error) == "end: akhir sif harus sesudah awalnya"
        assert error.message == "akhir sif harus sesudah awalnya"
    assert str(error) == "end: the shift's end must be after its start"
    with pytest.raises(ValueError, match="language must be"), speaking("fr"):
        pass


def test_an_error_keeps_its_code_and_values_through_pickling(policy: flexrules.Policy) -> None:
    error = _raised(
        policy, {"start": "2025-07-07T08:00", "end": "2025-07-07T16:00", "location": "beach"}
    )
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is InputError
    assert (back.code, back.arguments, back.field, back.value) == (
        "input.location.unknown",
        {"value": '"beach"'},
        "location",
        "beach",
    )
    assert (
        back.message_for("id")
        == 'location: "beach" bukan lokasi; gunakan office, home atau anywhere'
    )


def test_a_plain_message_stays_valid_and_reads_the_same_in_every_language() -> None:
    error = InputError("grade", "x", "grade is not a number")
    assert error.code is None and error.arguments == {}
    assert str(error) == "grade: grade is not a number" and error.message == "grade is not a number"
    with speaking("id"):
        assert str(error) == "grade: grade is not a number"
    back = pickle.loads(pickle.dumps(error))
    assert (back.field, back.value, back.message, back.code) == (
        "grade",
        "x",
        "grade is not a number",
        None,
    )
    assert isinstance(back, ValueError)


def test_a_tables_error_cells_follow_the_language_asked(policy: flexrules.Policy) -> None:
    pa = pytest.importorskip("pyarrow")
    table = pa.table(
        {
            "id": ["E-1", "E-2", "E-3"],
            "start": ["2025-07-07T08:00", "2025-07-07T10:00", "2025-07-07T08:00"],
            "end": ["2025-07-07T16:00", "2025-07-07T09:00", "2025-07-07T16:00"],
            "location": ["office", "office", "beach"],
        }
    )
    english = policy.decide_table(table)["error"].to_pylist()
    assert english == [
        None,
        "end: the shift's end must be after its start",
        'location: "beach" is not a location; use office, home or anywhere',
    ]
    assert policy.decide_table(table, language="id")["error"].to_pylist() == [
        None,
        "end: akhir sif harus sesudah awalnya",
        'location: "beach" bukan lokasi; gunakan office, home atau anywhere',
    ]


def test_no_input_error_in_flexrules_is_raised_with_english_text() -> None:
    """Every `InputError(field, value, message)` in the package, and every file problem
    (`TableError`, `record.error`) and command-line error (`UsageError`, `OutputError`), gives
    its message as a catalog text (or a name holding one), never a string literal or an
    f-string."""
    package = Path(__file__).resolve().parents[2] / "flexrules"
    said = {"InputError", "TableError", "UsageError", "OutputError"}
    plain = []
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            named = isinstance(func, ast.Name) and func.id in said
            on_record = (
                isinstance(func, ast.Attribute)
                and func.attr == "error"
                and isinstance(func.value, ast.Name)
                and func.value.id == "record"
            )
            if (named or on_record) and isinstance(
                node.args[-1], (ast.Constant, ast.JoinedStr, ast.BinOp)
            ):
                plain.append(f"{path.relative_to(package)}:{node.lineno}")
    assert plain == []


def test_an_example_that_meets_bad_data_says_so_in_the_language_asked(
    policy: flexrules.Policy, tmp_path: Path
) -> None:
    from flexrules.authoring.examples import run_examples

    (tmp_path / "employees.csv").write_text("id\nE-1\n", encoding="utf-8")
    (tmp_path / "shifts.csv").write_text(
        "employee,start,end,location\nE-1,2025-07-07T10:00,2025-07-07T09:00,office\n",
        encoding="utf-8",
    )
    examples = tmp_path / "open.examples"
    examples.write_text(
        'examples for "open".\nexample r: the roster in "employees.csv" and "shifts.csv" for '
        "2025-07-07 to 2025-07-07 has no violations.\n",
        encoding="utf-8",
    )
    said = {
        language: run_examples(policy, examples, language=language).failures[0].error
        for language in ("en", "id")
    }
    shifts = tmp_path / "shifts.csv"
    assert said == {
        "en": f"`{shifts}`, row 2, column `end`: the shift's end must be after its start",
        "id": f"`{shifts}`, baris 2, kolom `end`: akhir sif harus sesudah awalnya",
    }
