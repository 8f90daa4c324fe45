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
}
