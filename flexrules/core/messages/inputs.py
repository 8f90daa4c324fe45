"""Entries for request data that cannot be used: each `InputError` flexrules raises (a shift's
times and location, an employee's zone and changes, absences, periods, rosters), by the area
that reads the data. The key is the error's `.code`."""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # an employee's time zone (engine.facts)
    "input.timezone.not_name": {
        "en": "a time zone is a name such as Asia/Jakarta, not {value}",
        "id": "zona waktu ditulis sebagai nama seperti Asia/Jakarta, bukan {value}",
    },
    "input.timezone.unknown": {
        "en": "unknown time zone {value}; use an IANA name or WIB, WITA, WIT",
        "id": "zona waktu {value} tidak dikenal; gunakan nama IANA atau WIB, WITA, WIT",
    },
    # a shift's start and end (engine.facts)
    "input.time.date_only": {
        "en": "a shift time needs a time of day, not only a date",
        "id": "waktu sif memerlukan jam, bukan hanya tanggal",
    },
    "input.time.missing": {
        "en": "the shift has no {field}",
        "id": "sif tidak mencantumkan {field}",
    },
    "input.time.not_date_time": {
        "en": "{value} is not a date and time",
        "id": "{value} bukan tanggal dan jam",
    },
    "input.time.no_time_of_day": {
        "en": "{value} has a date but no time of day",
        "id": "{value} memuat tanggal tetapi tidak memuat jam",
    },
    "input.time.not_iso": {
        "en": "{value} is not a date and time such as 2025-07-07T08:00",
        "id": "{value} bukan tanggal dan jam seperti 2025-07-07T08:00",
    },
    "input.time.out_of_range": {
        "en": "flexrules decides shifts from {first} to {last}",
        "id": "flexrules memutuskan sif dari {first} sampai {last}",
    },
    "input.shift.end_before_start": {
        "en": "the shift's end must be after its start",
        "id": "akhir sif harus sesudah awalnya",
    },
    "input.shift.too_long": {
        "en": "a shift lasts at most 24 hours; write a longer duty (a 24-hour duty and its "
        "handover) as two shifts, the second starting where the first ends",
        "id": "satu sif paling lama 24 jam; tulis tugas yang lebih lama (tugas 24 jam beserta "
        "serah terimanya) sebagai dua sif, yang kedua dimulai saat yang pertama berakhir",
    },
    "input.location.missing": {
        "en": "the shift has no location; use office, home or anywhere",
        "id": "sif tidak mencantumkan lokasi; gunakan office, home atau anywhere",
    },
    "input.location.unknown": {
        "en": "{value} is not a location; use office, home or anywhere",
        "id": "{value} bukan lokasi; gunakan office, home atau anywhere",
    },
    # the employee of a decision (engine.runtime)
    "input.employee.none": {
        "en": "no employee given: an employee is a mapping of id and attributes, or an object "
        "with them",
        "id": "tidak ada pegawai yang diberikan: pegawai adalah pemetaan id dan atribut, atau "
        "objek yang memilikinya",
    },
    # an employee's changes during the month (engine.changes)
    "input.change.date_time": {
        "en": "{value} is a date and time, not a date",
        "id": "{value} adalah tanggal dan jam, bukan tanggal",
    },
    "input.change.not_date": {
        "en": "{value} is not a date such as 2025-07-15",
        "id": "{value} bukan tanggal seperti 2025-07-15",
    },
    "input.changes.not_list": {
        "en": "changes is a list of (date, {{attribute: value}}) pairs",
        "id": "changes adalah daftar pasangan (tanggal, {{atribut: nilai}})",
    },
    "input.change.not_pair": {
        "en": 'change {number} is {value}: write (date, {{attribute: value}}) or {{"from": date, '
        '"attributes": {{...}}}}',
        "id": "perubahan ke-{number} berupa {value}: tulis (tanggal, {{atribut: nilai}}) atau "
        '{{"from": tanggal, "attributes": {{...}}}}',
    },
    "input.change.not_attributes": {
        "en": "change {number} gives {value}, not attributes",
        "id": "perubahan ke-{number} memberikan {value}, bukan atribut",
    },
    "input.change.bad_name": {
        "en": "change {number} names {value}",
        "id": "perubahan ke-{number} menyebut {value}, bukan nama atribut",
    },
    "input.change.fixed": {
        "en": "change {number} sets `{name}`, which cannot change: give the employee another "
        "record instead",
        "id": "perubahan ke-{number} mengubah `{name}`, yang tidak dapat berubah: buat catatan "
        "lain untuk pegawai itu",
    },
    # absences given with a schedule (rosters.absences)
    "input.date.not_date": {
        "en": "{value} is not a date such as 2025-07-07",
        "id": "{value} bukan tanggal seperti 2025-07-07",
    },
    "input.absence.kind_not_text": {
        "en": "{value} is not a kind of absence",
        "id": "{value} bukan jenis ketidakhadiran",
    },
    "input.absence.backwards": {
        "en": "the absence ends before it starts",
        "id": "ketidakhadiran ini berakhir sebelum dimulai",
    },
    "input.absence.too_long": {
        "en": "an absence spans at most {days} days; give longer ones in parts",
        "id": "satu ketidakhadiran paling lama {days} hari; berikan yang lebih lama dalam "
        "beberapa bagian",
    },
    "input.absence.no_start": {
        "en": "an absence needs a `start` (or a `date`)",
        "id": "ketidakhadiran memerlukan `start` (atau `date`)",
    },
    "input.absence.not_date_or_part": {
        "en": "{value} is not a date such as 2025-07-07, nor a start with an end",
        "id": "{value} bukan tanggal seperti 2025-07-07, juga bukan awal yang disertai akhir",
    },
    "input.absence.part_backwards": {
        "en": "the absence ends when or before it starts",
        "id": "ketidakhadiran ini berakhir pada saat atau sebelum dimulai",
    },
    "input.absence.part_across_days": {
        "en": "part of a day ends on the day it starts; give whole days as dates",
        "id": "ketidakhadiran sebagian hari berakhir pada hari yang sama dengan awalnya; "
        "berikan hari penuh sebagai tanggal",
    },
    # the period checked (rosters.periods)
    "input.period.too_long": {
        "en": "{what} {span} days; flexrules checks at most {limit} days at a time (check it in "
        "parts, or raise max_period_days)",
        "id": "{what} {span} hari; flexrules memeriksa paling banyak {limit} hari sekaligus "
        "(periksa per bagian, atau naikkan max_period_days)",
    },
    "input.period.spans": {"en": "the period spans", "id": "periode ini mencakup"},
    "input.period.shifts_span": {
        "en": "without a period, the roster's shifts span",
        "id": "tanpa periode, sif dalam jadwal ini mencakup",
    },
    "input.period.not_pair": {
        "en": "a period is a pair (first day, last day)",
        "id": "periode adalah pasangan (hari pertama, hari terakhir)",
    },
    "input.period.not_dates": {
        "en": "a period is two dates such as 2025-07-01",
        "id": "periode terdiri atas dua tanggal seperti 2025-07-01",
    },
    "input.period.backwards": {
        "en": "the period's last day is before its first",
        "id": "hari terakhir periode ini jatuh sebelum hari pertamanya",
    },
    # a roster's employees and headcount (rosters.staffing, versions)
    "input.roster.no_id": {
        "en": "every employee in a roster needs an id",
        "id": "setiap pegawai dalam jadwal memerlukan id",
    },
    "input.roster.twice": {
        "en": "employee `{ident}` appears twice",
        "id": "pegawai `{ident}` muncul dua kali",
    },
    "input.roster.headcount": {
        "en": "the headcount of {group} must be a whole number, not {size}",
        "id": "jumlah pegawai {group} harus bilangan bulat, bukan {size}",
    },
    "input.roster.not_schedule": {
        "en": "each schedule is an (employee, shifts) pair or a Schedule",
        "id": "setiap jadwal berupa pasangan (pegawai, sif) atau sebuah Schedule",
    },
    # rosters and tables read a column at a time (columns)
    "input.roster.unknown_employee": {
        "en": "no employee `{ident}` in the employees table",
        "id": "tidak ada pegawai `{ident}` dalam tabel pegawai",
    },
    "input.table.changes": {
        "en": "a table's employees cannot carry changes: decide employees whose facts change "
        "during the month with Policy.decide or Policy.check_roster",
        "id": "pegawai dalam tabel tidak dapat membawa perubahan: putuskan pegawai yang faktanya "
        "berubah selama bulan berjalan dengan Policy.decide atau Policy.check_roster",
    },
    # data files: where a problem is in a JSON file, and what the readers refuse (files)
    "input.file.where.item": {"en": "item {n}", "id": "butir {n}"},
    "input.file.where.shift": {"en": "shift {n}", "id": "sif {n}"},
    "input.file.where.absence": {"en": "absence {n}", "id": "ketidakhadiran {n}"},
    "input.file.where.key": {"en": "key `{column}`", "id": "kunci `{column}`"},
    "input.file.noun.shift": {"en": "shift", "id": "sif"},
    "input.file.noun.employee": {"en": "employee", "id": "pegawai"},
    "input.file.noun.absence": {"en": "absence", "id": "ketidakhadiran"},
    "input.file.noun.change": {"en": "change", "id": "perubahan"},
    "input.file.noun.headcount": {"en": "headcount", "id": "jumlah pegawai"},
    "input.file.json_list": {
        "en": "must hold a JSON list of {what} objects",
        "id": "harus memuat daftar JSON berisi objek {what}",
    },
    "input.file.json_shifts": {
        "en": "its `shifts` must be a JSON list of {what} objects",
        "id": "`shifts`-nya harus berupa daftar JSON berisi objek {what}",
    },
    "input.file.json_object": {
        "en": "must be a JSON object, not {value}",
        "id": "harus berupa objek JSON, bukan {value}",
    },
    "input.file.key_twice": {
        "en": "the same key is given twice (also as `{other}`)",
        "id": "kunci yang sama diberikan dua kali (juga sebagai `{other}`)",
    },
    "input.file.not_csv": {
        "en": "is not valid CSV: {problem}",
        "id": "bukan CSV yang sah: {problem}",
    },
    "input.file.cells": {
        "en": "has the wrong number of cells: {cells}, where the header has {header}",
        "id": "punya {cells} sel padahal judulnya {header}",
    },
    "input.file.header_unnamed": {
        "en": "column {index} of the header has no name",
        "id": "kolom ke-{index} pada baris judul tidak bernama",
    },
    "input.file.header_twice": {
        "en": "the header has this column twice (also as `{other}`)",
        "id": "baris judul memuat kolom ini dua kali (juga sebagai `{other}`)",
    },
    "input.file.not_date": {
        "en": "{value} is not a date such as 2025-07-01 (YYYY-MM-DD)",
        "id": "{value} bukan tanggal seperti 2025-07-01 (YYYY-MM-DD)",
    },
    "input.file.not_text": {"en": "{value} is not text", "id": "{value} bukan teks"},
    "input.file.given_twice": {"en": "{value} is given twice", "id": "{value} diberikan dua kali"},
    "input.file.headcount_json": {
        "en": 'must hold a JSON object such as {{"finance": 20}}',
        "id": 'harus memuat objek JSON seperti {{"finance": 20}}',
    },
    "input.file.headcount_columns": {
        "en": "a headcount file has two columns: the group's value and its headcount",
        "id": "berkas jumlah pegawai memiliki dua kolom: nilai kelompok dan jumlah pegawainya",
    },
    "input.file.id_type": {
        "en": "an employee id is text or a whole number, not {value}",
        "id": "id pegawai berupa teks atau bilangan bulat, bukan {value}",
    },
    "input.file.name_not_text": {"en": "a name is text", "id": "nama berupa teks"},
    "input.file.zone_not_name": {
        "en": "a time zone is a name such as Asia/Makassar or WITA",
        "id": "zona waktu ditulis sebagai nama seperti Asia/Makassar atau WITA",
    },
    "input.file.zone_unknown": {
        "en": "unknown time zone {value}; use an IANA name such as Asia/Makassar, or WIB, WITA, "
        "WIT",
        "id": "zona waktu {value} tidak dikenal; gunakan nama IANA seperti Asia/Makassar, atau "
        "WIB, WITA, WIT",
    },
    "input.file.one_employee": {
        "en": "must hold one employee, not {count}",
        "id": "harus memuat satu pegawai, bukan {count}",
    },
    "input.file.absence_row": {
        "en": "an absence row; absences are read with a roster's shifts (flexrules roster)",
        "id": "baris ketidakhadiran; ketidakhadiran dibaca bersama sif sebuah jadwal "
        "(flexrules roster)",
    },
    "input.file.location": {
        "en": "{value} is not a location; use office, home or anywhere{hint}",
        "id": "{value} bukan lokasi; gunakan office, home atau anywhere{hint}",
    },
    "input.file.location_json": {
        "en": ' (in JSON write "{word}")',
        "id": ' (dalam JSON tulis "{word}")',
    },
    "input.file.shift_of_other": {
        "en": "this shift is for `{owner}`, not for `{ident}`, the employee given",
        "id": "sif ini milik `{owner}`, bukan milik `{ident}`, pegawai yang diberikan",
    },
    "input.file.shift_of_other_schedule": {
        "en": "this shift is for `{owner}`, but the schedule is `{ident}`'s",
        "id": "sif ini milik `{owner}`, sedangkan jadwal ini milik `{ident}`",
    },
    "input.file.no_shifts": {
        "en": "holds no shifts to decide",
        "id": "tidak memuat sif untuk diputuskan",
    },
    "input.file.schedule_keys": {
        "en": "a schedule has the keys employee, shifts, period, absences",
        "id": "jadwal memiliki kunci employee, shifts, period, absences",
    },
    "input.file.absences_list": {
        "en": "absences is a list of dates or of objects with `start`, `end` and `kind`",
        "id": "absences adalah daftar tanggal atau objek dengan `start`, `end`, dan `kind`",
    },
    "input.file.absence_keys": {
        "en": "an absence has `start`, `end`, `kind`",
        "id": "ketidakhadiran memiliki `start`, `end`, `kind`",
    },
    "input.file.employee_twice": {
        "en": "the schedule names its employee; leave out --employee, or the employee key",
        "id": "jadwal sudah menyebut pegawainya; hilangkan --employee, atau kunci employee",
    },
    "input.file.no_employee": {
        "en": "a schedule needs an employee object (or --employee FILE)",
        "id": "jadwal memerlukan objek employee (atau --employee FILE)",
    },
    "input.file.shifts_need_employee": {
        "en": "a shifts file needs --employee FILE (or write the schedule as a JSON object with "
        "employee and shifts)",
        "id": "berkas sif memerlukan --employee FILE (atau tulis jadwal sebagai objek JSON "
        "dengan employee dan shifts)",
    },
    "input.file.period_dates": {
        "en": 'the period is two dates: ["2025-07-01", "2025-07-31"]',
        "id": 'periode terdiri atas dua tanggal: ["2025-07-01", "2025-07-31"]',
    },
    "input.file.period_backwards": {
        "en": "the period ends before it starts",
        "id": "periode ini berakhir sebelum dimulai",
    },
    # a data file that cannot be read at all (files.sources)
    "input.source.missing": {"en": "no such file", "id": "berkas tidak ada"},
    "input.source.cannot": {"en": "cannot be read: {reason}", "id": "tidak dapat dibaca: {reason}"},
    "input.source.stdin_closed": {
        "en": "standard input is not open for reading",
        "id": "masukan standar tidak terbuka untuk dibaca",
    },
    "input.source.folder": {"en": "is a folder, not a file", "id": "adalah folder, bukan berkas"},
    "input.source.fifo": {
        "en": "is a named pipe (FIFO), not a regular file{only}",
        "id": "adalah pipa bernama (FIFO), bukan berkas biasa{only}",
    },
    "input.source.device": {
        "en": "is a device, not a regular file{only}",
        "id": "adalah perangkat, bukan berkas biasa{only}",
    },
    "input.source.socket": {
        "en": "is a socket, not a regular file{only}",
        "id": "adalah soket, bukan berkas biasa{only}",
    },
    "input.source.other": {
        "en": "is not a regular file{only}",
        "id": "bukan berkas biasa{only}",
    },
    "input.source.only": {
        "en": "; data is read from regular files, or from standard input given as `-`",
        "id": "; data dibaca dari berkas biasa, atau dari masukan standar yang diberikan sebagai "
        "`-`",
    },
    "input.source.too_large": {
        "en": "is larger than {limit}, the most a data file may hold; raise the limit with "
        "--max-file-size (`flexrules.files.size_limit` in Python)",
        "id": "lebih besar dari {limit}, ukuran terbesar yang boleh dimiliki berkas data; "
        "naikkan batasnya dengan --max-file-size (`flexrules.files.size_limit` di Python)",
    },
}
