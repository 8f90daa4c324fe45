"""Entries for what the commands `decide`, `schedule`, `roster` and `demo` print themselves
(their reports and explanations are the `decisions` and `reports` areas)."""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    "cli.policy_errors": {
        "en": "error: the policy `{path}` has {errors}",
        "id": "kesalahan: kebijakan `{path}` memiliki {errors}",
    },
    "cli.warning": {"en": "warning: {message}", "id": "peringatan: {message}"},
    "cli.error": {"en": "error: {message}", "id": "kesalahan: {message}"},
    "decide.absences_left_out": {
        "en": "`{path}`: {rows} not decided: an absence is no shift to decide; "
        "`flexrules schedule` checks shifts together with absences",
        "id": "`{path}`: {rows} tidak diputuskan: ketidakhadiran bukan sif yang diputuskan; "
        "`flexrules schedule` memeriksa sif bersama ketidakhadiran",
    },
    "decide.absence_rows.one": {"en": "{n} absence row", "id": "{n} baris ketidakhadiran"},
    "decide.absence_rows.other": {"en": "{n} absence rows", "id": "{n} baris ketidakhadiran"},
    "cli.json_deprecated": {
        "en": "note: --json is deprecated; use --format json",
        "id": "catatan: --json sudah usang; gunakan --format json",
    },
    # flexrules check
    "check.ok": {
        "en": "{path}: ok ({counts}{warnings})",
        "id": "{path}: baik ({counts}{warnings})",
    },
    "check.warnings": {"en": ", {warnings}", "id": ", {warnings}"},
    "check.failed": {"en": "{path}: failed ({errors})", "id": "{path}: gagal ({errors})"},
    "check.not_rules": {
        "en": "note: `{path}` is not a .rules file; was it meant to be checked?",
        "id": "catatan: `{path}` bukan berkas .rules; apakah memang akan diperiksa?",
    },
    "check.cannot_read": {
        "en": "check that the file exists and can be read",
        "id": "pastikan berkas itu ada dan dapat dibaca",
    },
    # a policy counted, by declaration
    "noun.rule.one": {"en": "{n} rule", "id": "{n} aturan"},
    "noun.rule.other": {"en": "{n} rules", "id": "{n} aturan"},
    "noun.group.one": {"en": "{n} group", "id": "{n} kelompok"},
    "noun.group.other": {"en": "{n} groups", "id": "{n} kelompok"},
    "noun.hour_pattern.one": {"en": "{n} hour pattern", "id": "{n} pola jam"},
    "noun.hour_pattern.other": {"en": "{n} hour patterns", "id": "{n} pola jam"},
    "noun.date_set.one": {"en": "{n} date set", "id": "{n} himpunan tanggal"},
    "noun.date_set.other": {"en": "{n} date sets", "id": "{n} himpunan tanggal"},
    "noun.error.one": {"en": "{n} error", "id": "{n} kesalahan"},
    "noun.error.other": {"en": "{n} errors", "id": "{n} kesalahan"},
    # flexrules demo
    "demo.missing": {
        "en": "error: the bundled examples are missing from this installation",
        "id": "kesalahan: contoh bawaan tidak ada dalam instalasi ini",
    },
    "demo.failed": {"en": "{name}: failed ({errors})\n", "id": "{name}: gagal ({errors})\n"},
    "demo.policy": {"en": "== {name}{version}", "id": "== {name}{version}"},
    "demo.version": {"en": " (version {version})", "id": " (versi {version})"},
    "demo.summary": {
        "en": "   {file}: {zone}, default {default}; {counts}",
        "id": "   {file}: {zone}, bawaan {default}; {counts}",
    },
    "default.deny": {"en": "deny", "id": "ditolak"},
    "default.allow": {"en": "allow", "id": "diizinkan"},
    "demo.rule": {"en": "{rule}  [{kind}]  ({source})", "id": "{rule}  [{kind}]  ({source})"},
    "demo.citing": {"en": "    citing {citation}", "id": "    berdasarkan {citation}"},
    "demo.overrides": {"en": "    overrides {rules}", "id": "    mengesampingkan {rules}"},
    "demo.decisions": {
        "en": "== Sample decisions ({file})",
        "id": "== Contoh keputusan ({file})",
    },
    "demo.roster": {
        "en": "== A month's roster ({folder}): the first 3 days, then only the problems",
        "id": "== Jadwal sebulan ({folder}): 3 hari pertama, lalu hanya masalahnya",
    },
    "demo.roster_story": {
        "en": "   44 staff in July 2025, with five mistakes planted; the whole month, in a "
        "checkout:",
        "id": "   44 pegawai pada Juli 2025, dengan lima kesalahan yang sengaja dibuat; seluruh "
        "bulan, dari checkout:",
    },
    "demo.examples": {
        "en": "== Examples that test it: flexrules test {file} --coverage",
        "id": "== Contoh yang mengujinya: flexrules test {file} --coverage",
    },
    "demo.also": {
        "en": "== Also bundled (checked, no errors)",
        "id": "== Juga disertakan (diperiksa, tanpa kesalahan)",
    },
    "demo.also_policy": {"en": "   {file}: {name}; {counts}", "id": "   {file}: {name}; {counts}"},
    # the kinds of rule, as `Policy.rules` names them
    "kind.shift_rule": {"en": "shift rule", "id": "aturan sif"},
    "kind.within": {"en": "within", "id": "rentang kerja"},
    "kind.day_maximum": {"en": "day maximum", "id": "batas hari paling banyak"},
    "kind.day_minimum": {"en": "day minimum", "id": "batas hari paling sedikit"},
    "kind.hour_minimum": {"en": "hour minimum", "id": "batas jam paling sedikit"},
    "kind.hour_maximum": {"en": "hour maximum", "id": "batas jam paling banyak"},
    "kind.staffing": {"en": "staffing", "id": "jumlah petugas"},
    "kind.share": {"en": "share", "id": "porsi"},
    "kind.core_hours": {"en": "core hours", "id": "jam inti"},
    "kind.start_window": {"en": "start window", "id": "rentang waktu mulai kerja"},
    "kind.invalid": {"en": "invalid", "id": "tidak sah"},
    # flexrules holidays
    "holidays.heading": {
        "en": "{n} holidays from {first} to {last}",
        "id": "{n} hari libur dari {first} sampai {last}",
    },
    "holidays.line": {
        "en": "{day}  {name}  ({kind}; {source}){estimated}",
        "id": "{day}  {name}  ({kind}; {source}){estimated}",
    },
    "holidays.kind.public": {"en": "public holiday", "id": "hari libur nasional"},
    "holidays.kind.joint": {"en": "joint holiday", "id": "cuti bersama"},
    "holidays.kind.agency": {"en": "agency holiday", "id": "hari libur instansi"},
    "holidays.removed_heading": {
        "en": "removed by the policy's `except`:",
        "id": "dihapus oleh `kecuali` kebijakan ini:",
    },
    "holidays.removed_line": {
        "en": "{day}  {name}  (not a holiday; {source})",
        "id": "{day}  {name}  (bukan hari libur; {source})",
    },
    "holidays.estimated": {
        "en": "  not yet decreed",
        "id": "  belum ditetapkan",
    },
}
