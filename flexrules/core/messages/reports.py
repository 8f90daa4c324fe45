"""Entries for schedule and roster reports (LANGUAGE-ID.md §5.5): their heads and counts, the
days, the employees to follow up, what could not be checked, and the staffing and share
violations."""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    "report.warning": {"en": "warning: {message}", "id": "peringatan: {message}"},
    # heads
    "report.allowed": {"en": "ALLOWED", "id": "DIIZINKAN"},
    "report.not_allowed": {"en": "NOT ALLOWED", "id": "TIDAK DIIZINKAN"},
    "report.policy": {"en": "  {name} (version {version})", "id": "  {name} (versi {version})"},
    "roster.head": {
        "en": "{status}  roster of {employees}{days} ({zone})",
        "id": "{status}  jadwal {employees}{days} ({zone})",
    },
    "roster.days": {"en": ", {first} to {last}", "id": ", {first} s.d. {last}"},
    "roster.counts": {
        "en": "  {shifts}, {denied} denied; {problems}",
        "id": "  {shifts}, {denied} ditolak; {problems}",
    },
    "roster.follow_up": {
        "en": "{employees} to follow up{limits}",
        "id": "{employees} perlu ditindaklanjuti{limits}",
    },
    "roster.broken_limits": {"en": " ({limits})", "id": " ({limits})"},
    "roster.shifts_on_leave": {"en": "{shifts} on a day of leave", "id": "{shifts} pada hari cuti"},
    "roster.nothing_wrong": {"en": "no problems found", "id": "tidak ada masalah"},
    "roster.nothing_wrong_checked": {
        "en": "nothing wrong found, but not everything could be checked (see below)",
        "id": "tidak ada masalah, tetapi tidak semuanya dapat diperiksa (lihat di bawah)",
    },
    "schedule.head": {
        "en": "{status}  schedule of {who} ({zone}): {shifts}, {denied} denied, "
        "{violations}{on_leave}",
        "id": "{status}  jadwal {who} ({zone}): {shifts}, {denied} ditolak, {violations}{on_leave}",
    },
    "schedule.on_leave": {"en": ", {shifts} on leave", "id": ", {shifts} saat cuti"},
    "schedule.summary": {
        "en": "  {shifts}, {when}: {outcome}",
        "id": "  {shifts}, {when}: {outcome}",
    },
    "schedule.no_shifts": {"en": "  no shifts", "id": "  tidak ada sif"},
    "schedule.allowed": {"en": "allowed", "id": "diizinkan"},
    "schedule.all_allowed": {"en": "all allowed", "id": "semua diizinkan"},
    "schedule.denied": {"en": "denied", "id": "ditolak"},
    "schedule.all_denied": {"en": "all denied", "id": "semua ditolak"},
    "schedule.some_denied": {
        "en": "{allowed} allowed, {denied} denied",
        "id": "{allowed} diizinkan, {denied} ditolak",
    },
    "days.from_to": {"en": "{first} to {last}", "id": "{first} s.d. {last}"},
    "days.of_kind": {"en": "{days} ({kind})", "id": "{days} ({kind})"},
    "days.at_span": {"en": "{day} {span}", "id": "{day} {span}"},
    # counted nouns
    "noun.employee.one": {"en": "{n} employee", "id": "{n} pegawai"},
    "noun.employee.other": {"en": "{n} employees", "id": "{n} pegawai"},
    "noun.shift.one": {"en": "{n} shift", "id": "{n} sif"},
    "noun.shift.other": {"en": "{n} shifts", "id": "{n} sif"},
    "noun.coverage_gap.one": {"en": "{n} coverage gap", "id": "{n} kekurangan petugas"},
    "noun.coverage_gap.other": {"en": "{n} coverage gaps", "id": "{n} kekurangan petugas"},
    "noun.group_over_share.one": {
        "en": "{n} group over its share",
        "id": "{n} kelompok melebihi porsinya",
    },
    "noun.group_over_share.other": {
        "en": "{n} groups over their share",
        "id": "{n} kelompok melebihi porsinya",
    },
    "noun.broken_limit.one": {"en": "{n} broken limit", "id": "{n} batas dilanggar"},
    "noun.broken_limit.other": {"en": "{n} broken limits", "id": "{n} batas dilanggar"},
    "noun.flexible_time_violation.one": {
        "en": "{n} flexible-time violation",
        "id": "{n} pelanggaran waktu fleksibel",
    },
    "noun.flexible_time_violation.other": {
        "en": "{n} flexible-time violations",
        "id": "{n} pelanggaran waktu fleksibel",
    },
    "noun.limit_violation.one": {"en": "{n} limit violation", "id": "{n} pelanggaran batas"},
    "noun.limit_violation.other": {"en": "{n} limit violations", "id": "{n} pelanggaran batas"},
    # day by day
    "roster.by_day": {
        "en": "Day by day ({zone} clock; on site, away, on leave)",
        "id": "Per hari (jam {zone}; di kantor, di luar kantor, cuti)",
    },
    "roster.day": {"en": "{day}  {counts}", "id": "{day}  {counts}"},
    "roster.nobody": {"en": "nobody scheduled", "id": "tidak ada yang terjadwal"},
    "count.office": {"en": "on site {n}", "id": "di kantor {n}"},
    "count.home": {"en": "home {n}", "id": "di rumah {n}"},
    "count.anywhere": {"en": "anywhere {n}", "id": "di mana saja {n}"},
    "count.on_leave": {"en": "on leave {n}", "id": "cuti {n}"},
    "who.home": {"en": "    home: {who}", "id": "    di rumah: {who}"},
    "who.anywhere": {"en": "    anywhere: {who}", "id": "    di mana saja: {who}"},
    "who.on_leave": {"en": "    on leave: {who}", "id": "    cuti: {who}"},
    "count.on_duty": {"en": "away on duty {n}", "id": "dinas luar {n}"},
    "who.on_duty": {"en": "    away on duty: {who}", "id": "    dinas luar: {who}"},
    "count.part_day": {
        "en": "away part of the day {n}",
        "id": "tidak hadir sebagian hari {n}",
    },
    "who.part_day": {
        "en": "    away part of the day: {who}",
        "id": "    tidak hadir sebagian hari: {who}",
    },
    "roster.leave_clash": {
        "en": "  ! on leave, yet has a shift: {who} ({when})",
        "id": "  ! cuti, tetapi memiliki sif: {who} ({when})",
    },
    "roster.left_out": {
        "en": "  ... {days} without coverage or share problems left out",
        "id": "  ... {days} tanpa kekurangan petugas atau kelebihan porsi tidak ditampilkan",
    },
    "roster.gap": {
        "en": "{rule}: {span}{group} {count} present, {bound} needed{present}",
        "id": "{rule}: {span}{group} {count} hadir, {bound} diperlukan{present}",
    },
    "roster.share": {
        "en": "{rule}:{group} {count} of {size} away, at most {bound} allowed{percent}: {present}",
        "id": "{rule}:{group} {count} dari {size} tidak di kantor, paling banyak {bound} "
        "diizinkan{percent}: {present}",
    },
    "roster.in_group": {"en": " in {group}", "id": " di {group}"},
    "text.percent": {"en": " ({percent}%)", "id": " ({percent}%)"},
    # the employees to follow up
    "roster.follow_up_head": {
        "en": "Employees to follow up ({n})",
        "id": "Pegawai yang perlu ditindaklanjuti ({n})",
    },
    "roster.nobody_to_follow_up": {
        "en": "No employee has a denied shift or a broken limit.",
        "id": "Tidak ada pegawai dengan sif ditolak atau batas dilanggar.",
    },
    "employee.on_leave": {"en": "{pad}on leave: {days}", "id": "{pad}cuti: {days}"},
    "employee.part_day": {
        "en": "{pad}away part of the day: {parts}",
        "id": "{pad}tidak hadir sebagian hari: {parts}",
    },
    "employee.on_duty": {"en": "{pad}away on duty: {days}", "id": "{pad}dinas luar: {days}"},
    "employee.denied": {"en": "{pad}DENIED {when}", "id": "{pad}DITOLAK {when}"},
    "employee.reason": {
        "en": "{pad}  {span} {message}{source}",
        "id": "{pad}  {span} {message}{source}",
    },
    "employee.because": {"en": ": because {because}", "id": ": karena {because}"},
    "employee.violation": {"en": "{pad}! {rule}: {message}", "id": "{pad}! {rule}: {message}"},
    "employee.blamed": {"en": "{pad}    the shift of {when}", "id": "{pad}    sif {when}"},
    "employee.leave_clash": {
        "en": "{pad}! on leave on {day}, yet has the shift of {when}",
        "id": "{pad}! cuti pada {day}, tetapi memiliki sif {when}",
    },
    "report.rule_words": {
        "en": "{pad}rule: {words}{source}{citation}",
        "id": "{pad}aturan: {words}{source}{citation}",
    },
    "shift.when": {"en": "{day} {span} {place}", "id": "{day} {span} {place}"},
    "place.office": {"en": "office", "id": "di kantor"},
    "place.home": {"en": "home", "id": "di rumah"},
    "place.anywhere": {"en": "anywhere", "id": "di mana saja"},
    # what could not be checked
    "unchecked.head": {
        "en": "Not checked on every day, as no period was given (with one, each of its days is)",
        "id": "Tidak diperiksa pada setiap hari, karena tidak ada periode yang diberikan "
        "(dengan periode, setiap harinya diperiksa)",
    },
    "unchecked.item": {"en": "  ? {message}", "id": "  ? {message}"},
    "unchecked.no_day": {
        "en": "no day was checked: no period was given and no shifts",
        "id": "tidak ada hari yang diperiksa: tidak ada periode dan tidak ada sif",
    },
    "unchecked.only_with_shifts": {
        "en": "{rule}: checked only for the days, weeks or months in which the employee has a "
        "shift; one with no shift at all was not checked",
        "id": "{rule}: hanya diperiksa untuk hari, minggu, atau bulan saat pegawai memiliki sif; "
        "yang tanpa sif sama sekali tidak diperiksa",
    },
    "unchecked.no_shifts": {
        "en": "{rule}: not checked on any day: there are no shifts",
        "id": "{rule}: tidak diperiksa pada hari apa pun: tidak ada sif",
    },
    "unchecked.one_day": {
        "en": "{rule}: checked only on {day}, the day the shifts cover",
        "id": "{rule}: hanya diperiksa pada {day}, hari yang dicakup sif",
    },
    "unchecked.days": {
        "en": "{rule}: checked only from {first} to {last}, the days the shifts cover",
        "id": "{rule}: hanya diperiksa dari {first} s.d. {last}, hari-hari yang dicakup sif",
    },
    # staffing and share violations
    "staffing.gap": {
        "en": "{day} {span}{within}: {count} present ({present}), at least {bound} needed for "
        "{activity}",
        "id": "{day} {span}{within}: {count} hadir ({present}), paling sedikit {bound} "
        "diperlukan untuk {activity}",
    },
    "staffing.within": {"en": " in {name} {value}", "id": " di {name} {value}"},
    "staffing.nobody": {"en": "nobody", "id": "tidak ada"},
    "share.over": {
        "en": "{day}: {count} of {size}{within} away for {activity} ({away}); at most {bound} "
        "allowed ({percent}%)",
        "id": "{day}: {count} dari {size}{within} tidak di kantor untuk {activity} ({away}); "
        "paling banyak {bound} diizinkan ({percent}%)",
    },
    "share.within": {"en": " of {name} {value}", "id": " pada {name} {value}"},
}
