"""Entries for diagnostics: what `flexrules check` and `PolicyError` say about a policy, the
labels around it (`error[code]`, `= help:`) and the closing count (LANGUAGE-ID.md §6).

The English texts are the messages as they were before the catalog, byte for byte. Policy
text inside a message (a keyword, an example to write) is a `Code` value, so it stays in the
language of the file the diagnostic points into whatever language the prose is read in.
"""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # ---- the frame around every diagnostic ------------------------------------------------
    "diag.label.error": {"en": "error", "id": "kesalahan"},
    "diag.label.warning": {"en": "warning", "id": "peringatan"},
    "diag.label.help": {"en": "help", "id": "saran"},
    "diag.found": {"en": "{counts} found", "id": "{counts} ditemukan"},
    "diag.and": {"en": "{first} and {second}", "id": "{first} dan {second}"},
    "noun.warning.one": {"en": "{n} warning", "id": "{n} peringatan"},
    "noun.warning.other": {"en": "{n} warnings", "id": "{n} peringatan"},
    # ---- literals: times, dates, ranges, amounts (checks/literals.py) ---------------------
    "diag.bad_date.month": {
        "en": "`{date}` is not a date: there is no month {month}",
        "id": "`{date}` bukan tanggal: tidak ada bulan {month}",
    },
    "diag.bad_date.month.hint": {
        "en": "write dates as {code_date_forms}, with the month from 01 to 12",
        "id": "tulis tanggal sebagai {code_date_forms}, dengan bulan dari 01 sampai 12",
    },
    "diag.bad_date.year": {
        "en": "`{date}` is not a date: there is no year 0",
        "id": "`{date}` bukan tanggal: tidak ada tahun 0",
    },
    "diag.bad_date.year.hint": {
        "en": "write dates as {code_date_forms}",
        "id": "tulis tanggal sebagai {code_date_forms}",
    },
    "diag.bad_date.day": {
        "en": "`{date}` is not a date: {month} has {last} days",
        "id": "`{date}` bukan tanggal: {month} hanya {last} hari",
    },
    "diag.bad_date.day.hint": {
        "en": "the last day of {month} is {last_day}",
        "id": "hari terakhir {month} adalah {last_day}",
    },
    "diag.empty_range": {
        "en": "the dates `{start} {code_to} {end}` end before they start",
        "id": "tanggal `{start} {code_to} {end}` berakhir sebelum dimulai",
    },
    "diag.empty_range.hint": {
        "en": "write the earlier date first: `{swapped}`",
        "id": "tulis tanggal yang lebih awal dahulu: `{swapped}`",
    },
    "diag.bad_time.minutes": {
        "en": "`{time}` is not a time: an hour has minutes 00 to 59",
        "id": "`{time}` bukan waktu: satu jam terdiri atas menit 00 sampai 59",
    },
    "diag.bad_time.minutes.hint": {
        "en": "write times as {code_time_form}, from {code_midnight} to {code_day_end}",
        "id": "tulis waktu sebagai {code_time_form}, dari {code_midnight} sampai {code_day_end}",
    },
    "diag.bad_time.hours": {
        "en": "`{time}` is not a time: the day ends at 24:00",
        "id": "`{time}` bukan waktu: hari berakhir pukul 24.00",
    },
    "diag.bad_time.hours.hint": {
        "en": "write times from {code_midnight} to {code_day_end}; a span past midnight "
        "continues from {code_midnight} on the next day",
        "id": "tulis waktu dari {code_midnight} sampai {code_day_end}; rentang yang melewati "
        "tengah malam berlanjut dari {code_midnight} pada hari berikutnya",
    },
    "diag.bad_time.day_end": {
        "en": "`{code_day_end}` can only end a span",
        "id": "`{code_day_end}` hanya dapat mengakhiri rentang",
    },
    "diag.bad_time.day_end.hint": {
        "en": "start the span at `{code_midnight}`",
        "id": "mulailah rentang pada `{code_midnight}`",
    },
    "diag.except_holidays.no_spans": {
        "en": "the hours `{name}` have no spans before `{code_except_holidays}`",
        "id": "jam `{name}` tidak memiliki rentang sebelum `{code_except_holidays}`",
    },
    "diag.except_holidays.no_spans.hint": {
        "en": "list the spans first: `{code_hours_example}`",
        "id": "tuliskan rentangnya dahulu: `{code_hours_example}`",
    },
    "diag.except_holidays.twice": {
        "en": "`{code_except_holidays}` is written twice",
        "id": "`{code_except_holidays}` ditulis dua kali",
    },
    "diag.except_holidays.twice.hint": {"en": "remove one", "id": "hapus salah satunya"},
    "diag.except_holidays.last": {
        "en": "`{code_except_holidays}` must come last",
        "id": "`{code_except_holidays}` harus ditulis paling akhir",
    },
    "diag.except_holidays.last.hint": {
        "en": "move `{code_except_holidays}` to the end of the list",
        "id": "pindahkan `{code_except_holidays}` ke akhir daftar",
    },
    "diag.empty_span.hours": {
        "en": "the span `{span}` starts and ends at the same time",
        "id": "rentang `{span}` dimulai dan berakhir pada waktu yang sama",
    },
    "diag.empty_span.between": {
        "en": "`{span}` starts and ends at the same time",
        "id": "`{span}` dimulai dan berakhir pada waktu yang sama",
    },
    "diag.empty_span.hours.hint": {
        "en": "for the whole day write `{code_whole_day}`; a span past midnight ends at an "
        "earlier time than it starts, as in `{code_night}`",
        "id": "untuk sehari penuh tulis `{code_whole_day}`; rentang yang melewati tengah malam "
        "berakhir lebih awal daripada mulainya, seperti `{code_night}`",
    },
    "diag.empty_span.between.hint": {
        "en": "for the whole day write `{code_between_whole_day}`; a span past midnight ends "
        "at an earlier time than it starts, as in `{code_between_night}`",
        "id": "untuk sehari penuh tulis `{code_between_whole_day}`; rentang yang melewati "
        "tengah malam berakhir lebih awal daripada mulainya, seperti `{code_between_night}`",
    },
    "diag.empty_type": {"en": "`{name}` has no values", "id": "`{name}` tidak memiliki nilai"},
    "diag.empty_type.one_of.hint": {
        "en": "list its values: `{code_one_of_example}`",
        "id": "tuliskan nilai-nilainya: `{code_one_of_example}`",
    },
    "diag.empty_type.ranked.hint": {
        "en": "list its values: `{code_ranked_example}`",
        "id": "tuliskan nilai-nilainya: `{code_ranked_example}`",
    },
    "diag.repeated_value": {
        "en": "`{value}` is listed twice in `{name}`",
        "id": "`{value}` tercantum dua kali dalam `{name}`",
    },
    "diag.repeated_value.ranked.hint": {
        "en": "a ranked value has one place: remove one",
        "id": "nilai bertingkat hanya punya satu tempat: hapus salah satunya",
    },
    "diag.repeated_value.hint": {"en": "remove one", "id": "hapus salah satunya"},
    "diag.stray_value": {
        "en": "the value `{value}` belongs to no `{code_one_of}` type",
        "id": "nilai `{value}` bukan milik tipe `{code_one_of}` mana pun",
    },
    "diag.stray_value.after.hint": {
        "en": "`{name}` is not a `{code_one_of}` type; to give it these values write "
        "`{name}: {code_one_of} {listed}`",
        "id": "`{name}` bukan tipe `{code_one_of}`; untuk memberinya nilai-nilai ini tulis "
        "`{name}: {code_one_of} {listed}`",
    },
    "diag.stray_value.hint": {
        "en": "values belong after `{code_one_of}`: write `{code_one_of_declaration}`",
        "id": "nilai ditulis sesudah `{code_one_of}`: tulis `{code_one_of_declaration}`",
    },
    "diag.bad_percent": {
        "en": "a share of `{percent}%` is more than all of them",
        "id": "porsi `{percent}%` lebih dari seluruhnya",
    },
    "diag.bad_percent.hint": {
        "en": "a share is a percentage from 0 to 100",
        "id": "porsi adalah persentase dari 0 sampai 100",
    },
    "diag.bad_count": {
        "en": "`{count}` is not a head count: staffing needs a whole number of people, at least 1",
        "id": "`{count}` bukan jumlah orang: jumlah petugas harus bilangan bulat, paling sedikit 1",
    },
    "diag.bad_count.hint": {
        "en": "write a whole number such as `2`",
        "id": "tulis bilangan bulat seperti `2`",
    },
    "diag.bad_amount.zero": {
        "en": "a limit of `{amount}` {unit} is no limit",
        "id": "batas `{amount}` {unit} bukanlah batas",
    },
    "diag.bad_amount.zero_minimum.hint": {
        "en": "a minimum of 0 asks nothing: remove the rule or give a larger amount",
        "id": "batas paling sedikit 0 tidak meminta apa pun: hapus aturan itu atau beri "
        "jumlah yang lebih besar",
    },
    "diag.bad_amount.zero_maximum.hint": {
        "en": "to forbid it altogether, write `{code_must_not} {activity}` without a limit",
        "id": "untuk melarangnya sama sekali, tulis `{code_must_not} {activity}` tanpa batas",
    },
    "diag.bad_amount.whole": {
        "en": "days are counted whole, and `{amount}` is not a whole number",
        "id": "hari dihitung utuh, dan `{amount}` bukan bilangan bulat",
    },
    "diag.bad_amount.whole.hint": {
        "en": "write a whole number of days, or a limit in hours",
        "id": "tulis jumlah hari sebagai bilangan bulat, atau batas dalam jam",
    },
}

#: policy text inside messages, in each language (`{code_NAME}` in a template)
CODE: dict[str, dict[str, str]] = {
    "code.date_forms": {"en": "YYYY-MM-DD", "id": "`7 Juli 2025` atau `2025-07-07`"},
    "code.to": {"en": "to", "id": "sampai"},
    "code.time_form": {"en": "HH:MM", "id": "HH.MM"},
    "code.midnight": {"en": "00:00", "id": "00.00"},
    "code.day_end": {"en": "24:00", "id": "24.00"},
    "code.except_holidays": {"en": "except holidays", "id": "kecuali hari libur"},
    "code.hours_example": {
        "en": "Monday to Friday 08:00 to 16:00, except holidays",
        "id": "Senin sampai Jumat 08.00 sampai 16.00, kecuali hari libur",
    },
    "code.whole_day": {"en": "00:00 to 24:00", "id": "00.00 sampai 24.00"},
    "code.night": {"en": "22:00 to 06:00", "id": "22.00 sampai 06.00"},
    "code.between_whole_day": {
        "en": "between 00:00 and 24:00",
        "id": "antara pukul 00.00 dan 24.00",
    },
    "code.between_night": {"en": "between 22:00 and 06:00", "id": "antara pukul 22.00 dan 06.00"},
    "code.one_of": {"en": "one of", "id": "salah satu dari"},
    "code.one_of_example": {"en": 'one of "a", "b"', "id": 'salah satu dari "a", "b"'},
    "code.ranked_example": {"en": 'ranked "a", "b"', "id": 'bertingkat "a", "b"'},
    "code.one_of_declaration": {
        "en": 'NAME: one of "a", "b"',
        "id": 'NAMA: salah satu dari "a", "b"',
    },
    "code.must_not": {"en": "must not", "id": "dilarang"},
    "diag.date": {"en": "{date}", "id": "{date}"},
    "diag.date_range": {"en": "{start} to {end}", "id": "{start} sampai {end}"},
    "diag.time_range": {"en": "{start} to {end}", "id": "{start} sampai {end}"},
    "code.unit.days": {"en": "days", "id": "hari"},
    "code.unit.working_days": {"en": "working days", "id": "hari kerja"},
    "code.unit.hours": {"en": "hours", "id": "jam"},
}
ENTRIES.update(CODE)
