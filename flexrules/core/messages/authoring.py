"""Entries for the authoring tools: examples files (their diagnostics, `flexrules test`'s
results and coverage) and `flexrules fmt`."""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # diagnostics of examples files
    "examples.did_you_mean": {"en": "did you mean `{meant}`?", "id": "maksud Anda `{meant}`?"},
    "examples.wrong_policy": {
        "en": 'these examples are for "{written}", but the policy is "{name}"',
        "id": 'contoh ini untuk "{written}", tetapi kebijakannya "{name}"',
    },
    "examples.wrong_policy_hint": {
        "en": 'write `examples for "{name}".`, or run them against the policy they were written '
        "for",
        "id": 'tulis `examples for "{name}".`, atau jalankan dengan kebijakan yang dituju',
    },
    "examples.duplicate_employee": {
        "en": "the employee `{person}` is already described on line {line}",
        "id": "pegawai `{person}` sudah dijelaskan pada baris {line}",
    },
    "examples.duplicate_example": {
        "en": "there is already an example `{id}` on line {line}",
        "id": "sudah ada contoh `{id}` pada baris {line}",
    },
    "examples.duplicate_fact": {
        "en": "`{name}` is given twice here",
        "id": "`{name}` diberikan dua kali di sini",
    },
    "examples.unknown_employee_attribute": {
        "en": "the policy declares no employee attribute `{name}`",
        "id": "kebijakan tidak mendeklarasikan atribut pegawai `{name}`",
    },
    "examples.unknown_shift_attribute": {
        "en": "the policy declares no shift attribute `{name}`",
        "id": "kebijakan tidak mendeklarasikan atribut sif `{name}`",
    },
    "examples.unknown_zone": {
        "en": "`{zone}` is not a time zone (write an IANA name such as Asia/Makassar, or WIB, "
        "WITA, WIT)",
        "id": "`{zone}` bukan zona waktu (tulis nama IANA seperti Asia/Makassar, atau WIB, "
        "WITA, WIT)",
    },
    "examples.own_fact_text": {
        "en": "`{name}` is written as text in quotes",
        "id": "`{name}` ditulis sebagai teks dalam tanda kutip",
    },
    "examples.wrong_type": {
        "en": "`{name}` is declared as {type}; this value is not",
        "id": "`{name}` dideklarasikan sebagai {type}; nilai ini bukan",
    },
    "examples.bad_date": {
        "en": "this is not a day of the calendar",
        "id": "ini bukan tanggal yang ada di kalender",
    },
    "examples.bad_time": {
        "en": "this is not a time of day (00:00 to 24:00)",
        "id": "ini bukan waktu dalam sehari (00:00 sampai 24:00)",
    },
    "examples.start_at_day_end": {
        "en": "a shift cannot start at 24:00; write 00:00 of the next day",
        "id": "sif tidak dapat dimulai pukul 24:00; tulis 00:00 hari berikutnya",
    },
    "examples.unknown_value": {
        "en": '"{value}" is not one of the values of `{name}`',
        "id": '"{value}" bukan salah satu nilai `{name}`',
    },
    "examples.unknown_employee": {
        "en": "no employee `{person}` is described in this file",
        "id": "tidak ada pegawai `{person}` yang dijelaskan dalam berkas ini",
    },
    "examples.wrong_weekday": {
        "en": "{date} is a {right}, not a {written}",
        "id": "{date} adalah hari {right}, bukan {written}",
    },
    "examples.wrong_weekday_hint": {
        "en": "write {right}, or correct the date",
        "id": "tulis {right}, atau perbaiki tanggalnya",
    },
    "examples.backwards_period": {
        "en": "the period ends before it starts",
        "id": "periode berakhir sebelum dimulai",
    },
    "examples.unknown_rule": {
        "en": "the policy has no rule `{id}`",
        "id": "kebijakan tidak memiliki aturan `{id}`",
    },
    "examples.breaks_shift_rule": {
        "en": "`{id}` decides shifts; a check never reports it broken",
        "id": "`{id}` memutuskan sif; pemeriksaan tidak pernah melaporkannya dilanggar",
    },
    "examples.breaks_shift_rule_hint": {
        "en": "write `is denied by {id}`",
        "id": "tulis `is denied by {id}`",
    },
    "examples.decided_by_limit": {
        "en": "`{id}` is a {kind} rule; it never decides a single shift",
        "id": "`{id}` adalah aturan {kind}; aturan itu tidak pernah memutuskan satu sif",
    },
    "examples.decided_by_limit_hint": {
        "en": "write `breaks {id}` over the shifts that break it",
        "id": "tulis `breaks {id}` untuk sif yang melanggarnya",
    },
    "examples.missing_file": {
        "en": "no file `{path}` beside this examples file",
        "id": "tidak ada berkas `{path}` di samping berkas contoh ini",
    },
    # what was expected and decided
    "examples.allowed": {"en": "allowed", "id": "diizinkan"},
    "examples.denied": {"en": "denied", "id": "ditolak"},
    "examples.the_default": {"en": "the default", "id": "ketentuan bawaan"},
    "examples.by": {"en": "{verdict} by {rules}", "id": "{verdict} oleh {rules}"},
    "examples.only_by": {
        "en": "{verdict} only by {rules}",
        "id": "{verdict} hanya oleh {rules}",
    },
    "examples.keeps": {"en": "keeps every limit", "id": "memenuhi setiap batas"},
    "examples.breaks": {"en": "breaks {rules}", "id": "melanggar {rules}"},
    "examples.breaks_only": {"en": "breaks only {rules}", "id": "hanya melanggar {rules}"},
    "examples.broken_on": {"en": "{rule} on {day}", "id": "{rule} pada {day}"},
    "examples.each_shift": {"en": "{outcomes}", "id": "{outcomes}"},
    "examples.on_day": {"en": "{day}: {outcome}", "id": "{day}: {outcome}"},
    "examples.decided_error": {
        "en": "nothing: it could not be run",
        "id": "tidak ada: contoh tidak dapat dijalankan",
    },
    # flexrules test
    "test.fail": {"en": "FAIL  {label}  ({where})", "id": "GAGAL  {label}  ({where})"},
    "test.pass": {"en": "ok    {label}  ({where})", "id": "ok     {label}  ({where})"},
    "test.expected": {"en": "  expected: {text}", "id": "  diharapkan: {text}"},
    "test.decided": {"en": "  decided:  {text}", "id": "  diputuskan: {text}"},
    "test.error": {"en": "  error:    {text}", "id": "  kesalahan: {text}"},
    "test.summary": {
        "en": "{file}: {examples}, {passed} passed, {failed} failed",
        "id": "{file}: {examples}, {passed} lulus, {failed} gagal",
    },
    "test.examples_errors": {
        "en": "error: the examples `{path}` have {errors}",
        "id": "kesalahan: contoh `{path}` memiliki {errors}",
    },
    "test.no_policy": {
        "en": "error: no policy found for `{path}` (put `{stem}.rules` or a folder `{stem}/` "
        "beside it, or give --policy)",
        "id": "kesalahan: kebijakan untuk `{path}` tidak ditemukan (letakkan `{stem}.rules` atau "
        "folder `{stem}/` di sampingnya, atau beri --policy)",
    },
    "test.none_found": {
        "en": "no examples found in {paths}",
        "id": "tidak ada contoh di {paths}",
    },
    "test.none_selected": {
        "en": "error: no example matches --run {pattern}",
        "id": "kesalahan: tidak ada contoh yang cocok dengan --run {pattern}",
    },
    "test.below_threshold": {
        "en": "error: coverage of {policy} is {percent}, below the threshold of {threshold}%",
        "id": "kesalahan: cakupan {policy} {percent}, di bawah ambang {threshold}%",
    },
    "noun.example.one": {"en": "{n} example", "id": "{n} contoh"},
    "noun.example.other": {"en": "{n} examples", "id": "{n} contoh"},
    # flexrules fmt
    "fmt.not_parsed": {
        "en": "error: `{file}` does not parse; it was left as it is",
        "id": "kesalahan: `{file}` tidak dapat diurai; berkas dibiarkan apa adanya",
    },
    "fmt.would_change": {
        "en": "`{file}` is not in the canonical layout",
        "id": "`{file}` belum dalam tata letak baku",
    },
    "fmt.rewritten": {"en": "rewrote `{file}`", "id": "`{file}` ditulis ulang"},
    "fmt.stray_value": {
        "en": "this value follows no `one of`; correct it before formatting",
        "id": "nilai ini tidak mengikuti `one of`; perbaiki sebelum memformat",
    },
    # coverage
    "coverage.head": {
        "en": "coverage of {policy}: {reached} of {rules} reached ({percent})",
        "id": "cakupan {policy}: {reached} dari {rules} tercapai ({percent})",
    },
    "coverage.parts": {
        "en": "  groups, hours and dates met both inside and outside: {met} of {parts}",
        "id": "  kelompok, jam dan tanggal yang dipenuhi di dalam dan di luar: {met} dari {parts}",
    },
    "coverage.part_inside": {
        "en": "  never met inside: {kind} `{name}` ({source})",
        "id": "  tidak pernah dipenuhi di dalam: {kind} `{name}` ({source})",
    },
    "coverage.part_outside": {
        "en": "  never met outside: {kind} `{name}` ({source})",
        "id": "  tidak pernah dipenuhi di luar: {kind} `{name}` ({source})",
    },
    "coverage.group": {"en": "group", "id": "kelompok"},
    "coverage.hours": {"en": "hours", "id": "jam"},
    "coverage.dates": {"en": "dates", "id": "tanggal"},
    "coverage.missed": {
        "en": "  not reached: {rule} [{kind}] ({source})",
        "id": "  tidak tercapai: {rule} [{kind}] ({source})",
    },
}
