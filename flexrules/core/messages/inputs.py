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
    "input.roster.two_parts": {
        "en": "an employee appears in two parts of the roster",
        "id": "seorang pegawai muncul di dua bagian jadwal",
    },
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
}
