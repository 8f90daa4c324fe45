"""Entries for reading data files: text cells that do not read (the one table,
`engine.text_cells`), where a problem is in a file, and what the spreadsheet readers refuse or
warn about (`files`)."""

from __future__ import annotations

_DAY_FIRST_EN = "dates are read day first: 07/12/2025 is 7 December"
_DAY_FIRST_ID = "tanggal dibaca dengan hari lebih dulu: 07/12/2025 adalah 7 Desember"
_AS_TEXT_EN = "format the column as text in the spreadsheet and enter the values again"
_AS_TEXT_ID = "format kolom itu sebagai teks di lembar kerja lalu isikan lagi nilainya"

ENTRIES: dict[str, dict[str, str]] = {
    # a text cell that does not read (engine.text_cells)
    "cell.not_number": {"en": "{value} is not a number", "id": "{value} bukan angka"},
    "cell.too_many_digits": {
        "en": "{value} is not a number of at most 1,000 digits",
        "id": "{value} bukan angka dengan paling banyak 1.000 digit",
    },
    "cell.number_comma": {
        "en": "{value} is not a number (write a decimal point: 7.5, not 7,5; a decimal comma "
        "is read in files whose cells are separated by `;`)",
        "id": "{value} bukan angka (tulis titik desimal: 7.5, bukan 7,5; koma desimal dibaca "
        "dalam berkas yang selnya dipisahkan `;`)",
    },
    "cell.number_thousands": {
        "en": "{value} is not a number: thousands separators are never read; write it without them",
        "id": "{value} bukan angka: pemisah ribuan tidak pernah dibaca; tulis tanpa pemisah",
    },
    "cell.not_yes_no": {
        "en": "{value} is not yes or no; write yes, no, true or false (or ya, tidak, 1, 0)",
        "id": "{value} bukan ya atau tidak; tulis ya, tidak, yes, no, true, false, 1 atau 0",
    },
    "cell.not_date": {
        "en": "{value} is not a date such as 2025-07-01, 01/07/2025 (day first) or 1 Juli 2025",
        "id": "{value} bukan tanggal seperti 2025-07-01, 01/07/2025 (hari lebih dulu) atau "
        "1 Juli 2025",
    },
    "cell.unknown_month": {
        "en": "{value} is not a date: `{month}` is not the name of a month (Juli, Jul, July, "
        "Agt, Aug, ...)",
        "id": "{value} bukan tanggal: `{month}` bukan nama bulan (Juli, Jul, July, Agt, Aug, ...)",
    },
    "cell.no_month": {
        "en": "{value} is not a date: there is no month {month} (" + _DAY_FIRST_EN + ")",
        "id": "{value} bukan tanggal: tidak ada bulan {month} (" + _DAY_FIRST_ID + ")",
    },
    "cell.no_day": {
        "en": "{value} is not a date: its month has no day {day}",
        "id": "{value} bukan tanggal: bulannya tidak punya tanggal {day}",
    },
    "cell.not_time": {
        "en": "{value} is not a time of day such as 08:00 or 08.00",
        "id": "{value} bukan jam seperti 08.00 atau 08:00",
    },
    "cell.time_without_day": {
        "en": "{value} is a time without its day; write the date and time, such as "
        "2025-07-07T08:00",
        "id": "{value} adalah jam tanpa tanggalnya; tulis tanggal dan jamnya, seperti "
        "07/07/2025 08.00",
    },
    "cell.not_date_time": {
        "en": "{value} is not a date and time such as 2025-07-07T08:00 or 07/07/2025 08.00",
        "id": "{value} bukan tanggal dan jam seperti 07/07/2025 08.00 atau 2025-07-07T08:00",
    },
    "cell.not_location": {
        "en": "{value} is not a location; use office, home or anywhere (or WFO, WFH, WFA, "
        "kantor, rumah)",
        "id": "{value} bukan lokasi; gunakan WFO, WFH, WFA, kantor atau rumah (atau office, "
        "home, anywhere)",
    },
    "cell.scientific": {
        "en": "{value} is a number in scientific notation: the spreadsheet has lost its "
        "digits; " + _AS_TEXT_EN,
        "id": "{value} adalah angka dalam notasi ilmiah: lembar kerja sudah kehilangan "
        "digitnya; " + _AS_TEXT_ID,
    },
    "cell.long_number": {
        "en": "{value} is a spreadsheet number of {digits} digits, more than the 15 a "
        "spreadsheet keeps, where text is expected; " + _AS_TEXT_EN,
        "id": "{value} adalah angka lembar kerja dengan {digits} digit, lebih dari 15 digit "
        "yang disimpan lembar kerja, padahal yang diharapkan teks; " + _AS_TEXT_ID,
    },
    "cell.excel_value": {
        "en": "{value} ({kind}) is not {expected}",
        "id": "{value} ({kind}) bukan {expected}",
    },
    # where a problem is
    "file.where.stdin": {"en": "standard input", "id": "masukan standar"},
    "file.where.file": {"en": "`{file}`", "id": "`{file}`"},
    "file.where.row": {"en": "row {n}", "id": "baris {n}"},
    "file.where.column": {"en": "column `{column}`", "id": "kolom `{column}`"},
    "file.problems": {
        "en": "{count} in {file}; nothing was decided:",
        "id": "{count} dalam {file}; belum ada yang diputuskan:",
    },
    "file.problems.more": {
        "en": "... and more; only the first {n} are listed",
        "id": "... dan lainnya; hanya {n} yang pertama didaftar",
    },
    "noun.problem.one": {"en": "{n} problem", "id": "{n} masalah"},
    "noun.problem.other": {"en": "{n} problems", "id": "{n} masalah"},
    # whole files
    "file.not_unicode": {
        "en": "is not UTF-8 text (byte {offset}: {byte}); save it as CSV UTF-8, or name its "
        "encoding, such as --encoding cp1252 (`encoding=` in Python)",
        "id": "bukan teks UTF-8 (byte {offset}: {byte}); simpan sebagai CSV UTF-8, atau sebutkan "
        "penyandiannya, misalnya --encoding cp1252 (`encoding=` di Python)",
    },
    "file.bad_encoding": {
        "en": "cannot be read as {encoding}: {reason}",
        "id": "tidak dapat dibaca sebagai {encoding}: {reason}",
    },
    "file.ambiguous_separator": {
        "en": "the header row could be separated by {found}; say which with --separator "
        "(`separator=` in Python)",
        "id": "baris judul bisa dipisahkan oleh {found}; tentukan dengan --separator "
        "(`separator=` di Python)",
    },
    "file.separator.comma": {"en": "commas (,)", "id": "koma (,)"},
    "file.separator.semicolon": {"en": "semicolons (;)", "id": "titik koma (;)"},
    "file.separator.tab": {"en": "tabs", "id": "tab"},
    # xlsx workbooks
    "file.xlsx.no_extra": {
        "en": "is an .xlsx workbook; reading one needs the excel extra: pip install "
        "'flexrules[excel]' (or save the sheet as CSV UTF-8)",
        "id": "adalah buku kerja .xlsx; untuk membacanya perlu tambahan excel: pip install "
        "'flexrules[excel]' (atau simpan lembarnya sebagai CSV UTF-8)",
    },
    "file.xlsx.no_extra_write": {
        "en": "writing an .xlsx workbook needs the excel extra: pip install 'flexrules[excel]' "
        "(or give --format csv)",
        "id": "menulis buku kerja .xlsx perlu tambahan excel: pip install 'flexrules[excel]' "
        "(atau berikan --format csv)",
    },
    "file.parquet.no_extra": {
        "en": "writing Parquet needs the columnar extra: pip install 'flexrules[columnar]' "
        "(or give --format csv)",
        "id": "menulis Parquet perlu tambahan columnar: pip install 'flexrules[columnar]' "
        "(atau berikan --format csv)",
    },
    "file.xlsx.not_workbook": {
        "en": "is not a readable .xlsx workbook ({reason})",
        "id": "bukan buku kerja .xlsx yang dapat dibaca ({reason})",
    },
    "file.xlsx.no_sheet": {
        "en": "has no sheet `{sheet}`; its sheets are {sheets}",
        "id": "tidak punya lembar `{sheet}`; lembarnya adalah {sheets}",
    },
    "file.xlsx.too_many_cells": {
        "en": "holds more than {n} cells, the most read under the size cap; raise it with "
        "--max-file-size",
        "id": "berisi lebih dari {n} sel, batas yang dibaca di bawah batas ukuran; naikkan "
        "dengan --max-file-size",
    },
    "file.xlsx.too_big_unzipped": {
        "en": "unzips to {size}, more than the {limit} read under the size cap; raise it with "
        "--max-file-size",
        "id": "menjadi {size} setelah diekstrak, lebih dari {limit} yang dibaca di bawah batas "
        "ukuran; naikkan dengan --max-file-size",
    },
    # columns
    "file.ignored_columns": {
        "en": "{file}: ignored {columns}, which the policy does not declare and flexrules does "
        'not read; map a column with --columns "HEADER=name"',
        "id": "{file}: {columns} diabaikan karena tidak dideklarasikan kebijakan dan tidak dibaca "
        'flexrules; petakan kolom dengan --columns "JUDUL=nama"',
    },
    "file.did_you_mean": {
        "en": "`{column}` (did you mean `{name}`?)",
        "id": "`{column}` (maksud Anda `{name}`?)",
    },
    "file.column": {"en": "`{column}`", "id": "`{column}`"},
    "file.same_name": {
        "en": "`{first}` and `{column}` both stand for `{name}`; map only one of them with "
        "--columns",
        "id": "`{first}` dan `{column}` sama-sama berarti `{name}`; petakan salah satunya saja "
        "dengan --columns",
    },
    "file.belongs.employee": {
        "en": "`{column}` (an employee attribute: it belongs in the employees file)",
        "id": "`{column}` (atribut pegawai: tempatnya di berkas pegawai)",
    },
    "file.belongs.shift": {
        "en": "`{column}` (a shift attribute: it belongs in the shifts file)",
        "id": "`{column}` (atribut sif: tempatnya di berkas sif)",
    },
    # attendance exports
    "file.part_day": {
        "en": "an absence with times ({kind}) is part of one day: give its date, a start time "
        "and a later end time (or no times for a whole day)",
        "id": "ketidakhadiran dengan jam ({kind}) adalah sebagian dari satu hari: berikan "
        "tanggalnya, jam mulai dan jam selesai yang lebih akhir (atau tanpa jam untuk sehari "
        "penuh)",
    },
    "file.unknown_code": {
        "en": "{value} is not one of the --absence-codes ({codes}){close}",
        "id": "{value} bukan salah satu --absence-codes ({codes}){close}",
    },
    "file.repeated_rows": {
        "en": "{problem} (on {n} rows; the first {shown} are listed)",
        "id": "{problem} (pada {n} baris; {shown} yang pertama dicantumkan)",
    },
    "file.repeated_rows.all": {"en": "{problem} (on {n} rows)", "id": "{problem} (pada {n} baris)"},
    "file.where.rows": {"en": "rows {rows}", "id": "baris {rows}"},
    "file.stranger_rows": {
        "en": "{problem} ({n} rows name this employee; the first is listed)",
        "id": "{problem} ({n} baris menyebut pegawai ini; yang pertama didaftar)",
    },
    # rows and columns (the older texts of the readers, now in both languages)
    "file.cells": {
        "en": "has the wrong number of cells: {cells}, where the header has {header}; check for "
        "a missing or extra {mark} (a cell holding a comma needs double quotes)",
        "id": "punya {cells} sel padahal judulnya {header}; periksa {mark} yang kurang atau "
        "berlebih (sel yang berisi koma perlu tanda kutip ganda)",
    },
    "file.mark.comma": {"en": "comma", "id": "koma"},
    "file.mark.semicolon": {"en": "semicolon", "id": "titik koma"},
    "file.mark.tab": {"en": "tab", "id": "tab"},
    "file.empty": {
        "en": "is empty; it needs a header row",
        "id": "kosong; berkas ini perlu baris judul",
    },
    "file.missing_value": {
        "en": "the {what} has no {field}",
        "id": "{what} ini tidak punya {field}",
    },
    "file.missing_column": {
        "en": "the {what} has no `{field}` column",
        "id": "{what} ini tidak punya kolom `{field}`",
    },
    "file.json.invalid": {
        "en": "is not valid JSON: {reason} at line {line}, column {column}",
        "id": "bukan JSON yang sah: {reason} pada baris {line}, kolom {column}",
    },
    "file.json.deep": {
        "en": "is not usable JSON: it is nested too deeply",
        "id": "bukan JSON yang dapat dipakai: susunannya bertingkat terlalu dalam",
    },
    "file.json.digits": {
        "en": "is not usable JSON: it holds a number with thousands of digits",
        "id": "bukan JSON yang dapat dipakai: memuat bilangan dengan ribuan digit",
    },
    "file.json.surrogate": {
        "en": "is not usable JSON: it holds {escape}, half of a UTF-16 pair, which is not a "
        "character",
        "id": "bukan JSON yang dapat dipakai: memuat {escape}, separuh pasangan UTF-16, yang "
        "bukan karakter",
    },
    "file.missing_key": {
        "en": "the {what} has no `{field}` key",
        "id": "{what} ini tidak punya kunci `{field}`",
    },
    "file.what.employee": {"en": "employee", "id": "pegawai"},
    "file.what.shift": {"en": "shift", "id": "sif"},
    "file.twice": {
        "en": "employee `{ident}` appears twice (first at row {first})",
        "id": "pegawai `{ident}` muncul dua kali (pertama di baris {first})",
    },
    "file.stranger": {
        "en": "no employee `{ident}` in the employees file{close}",
        "id": "tidak ada pegawai `{ident}` di berkas pegawai{close}",
    },
    "file.no_id": {
        "en": "the shift has no employee id",
        "id": "sif ini tidak punya id pegawai",
    },
    "file.leave_no_id": {
        "en": "the row has no employee id",
        "id": "baris ini tidak punya id pegawai",
    },
    "file.leave_backwards": {
        "en": "the leave ends before it starts",
        "id": "cuti ini berakhir sebelum dimulai",
    },
    "file.leave_days": {
        "en": "give either `date`, or `from` and `to`",
        "id": "berikan `date`, atau `from` dan `to`",
    },
    "file.close": {"en": "; did you mean `{name}`?", "id": "; maksud Anda `{name}`?"},
    "file.undeclared_kind": {
        "en": "{value} is not a kind of absence the policy declares{close}{hint}",
        "id": "{value} bukan jenis ketidakhadiran yang dinyatakan kebijakan{close}{hint}",
    },
    "file.kind_close": {"en": "; did you mean {name}?", "id": "; maksud Anda {name}?"},
    "file.declared_kinds": {
        "en": "; the policy declares {kinds}",
        "id": "; kebijakan menyatakan {kinds}",
    },
    "file.kinds_codes_hint": {
        "en": ' (an app\'s codes are mapped to kinds with --absence-codes "CODE=kind,...")',
        "id": ' (kode aplikasi dipetakan ke jenis dengan --absence-codes "KODE=jenis,...")',
    },
    "file.no_location": {
        "en": "the shift has no location (and no kind, which would make it an absence)",
        "id": "sif ini tidak punya lokasi (dan tidak punya jenis, yang menjadikannya "
        "ketidakhadiran)",
    },
    "file.no_date": {
        "en": "the row has a start time but no date",
        "id": "baris ini punya jam mulai tetapi tidak punya tanggal",
    },
    "file.no_times": {
        "en": "the shift needs a start time and an end time",
        "id": "sif ini perlu jam mulai dan jam selesai",
    },
    # people who change during the month (files/changes.py, DATA.md §2)
    "file.backwards": {
        "en": "the row's `valid until` is before its `valid from`",
        "id": "`valid until` baris ini lebih awal dari `valid from`-nya",
    },
    "file.overlap": {
        "en": "the rows of employee `{ident}` at rows {first} and {second} overlap: give each "
        "day to one row (`valid from`, `valid until`, both days included)",
        "id": "baris pegawai `{ident}` di baris {first} dan {second} bertumpang tindih: "
        "berikan setiap hari kepada satu baris (`valid from`, `valid until`, keduanya termasuk)",
    },
    "file.change_column": {
        "en": "a changes file needs a `{field}` column",
        "id": "berkas perubahan perlu kolom `{field}`",
    },
    "file.change_empty": {
        "en": "the change has no {field}",
        "id": "perubahan ini tidak punya {field}",
    },
    "file.change_attribute": {
        "en": "`{name}` is not the name of an attribute",
        "id": "`{name}` bukan nama atribut",
    },
    "file.change_zone": {
        "en": "unknown time zone `{value}`; use an IANA name such as Asia/Makassar, or WIB, "
        "WITA, WIT",
        "id": "zona waktu `{value}` tidak dikenal; pakai nama IANA seperti Asia/Makassar, atau "
        "WIB, WITA, WIT",
    },
    "file.changes_cell": {
        "en": "changes are a JSON list; in a CSV or xlsx file give them with `valid from` rows "
        "or a changes file (--changes)",
        "id": "perubahan berupa daftar JSON; di berkas CSV atau xlsx berikan dengan baris "
        "`valid from` atau berkas perubahan (--changes)",
    },
    "file.changes_ignored": {
        "en": "{file}: ignored the changes of {names}, which the policy does not declare",
        "id": "{file}: perubahan {names} diabaikan, karena kebijakan tidak mendeklarasikannya",
    },
    "file.change_fixed": {
        "en": "`{name}` cannot change: give the employee another record instead",
        "id": "`{name}` tidak dapat berubah: buat catatan lain untuk pegawai itu",
    },
}
