"""Entries for schedule and roster checks: limit and presence violations and their parts."""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # what a limit counts
    "activity.on_site": {"en": "on-site work", "id": "kerja di kantor"},
    "activity.home": {"en": "work from home", "id": "kerja dari rumah"},
    "activity.anywhere": {"en": "work from anywhere", "id": "kerja dari mana saja"},
    "activity.remote": {"en": "remote work", "id": "kerja jarak jauh"},
    "activity.work": {"en": "work", "id": "kerja"},
    "noun.day.one": {"en": "{n} day", "id": "{n} hari"},
    "noun.day.other": {"en": "{n} days", "id": "{n} hari"},
    "unit.day": {"en": "day", "id": "hari"},
    "unit.working_day": {"en": "working day", "id": "hari kerja"},
    # the period a limit counts in, after a count
    "period.day": {"en": "on {day}", "id": "pada {day}"},
    "period.week": {"en": "in week {week}", "id": "dalam minggu {week}"},
    "period.month": {"en": "in {month}", "id": "dalam {month}"},
    # limit violations
    "limit.days.over": {
        "en": "{day} is the {nth} {unit} of {activity} {period}; at most {bound} allowed{binds}",
        "id": "{day} adalah {unit} {nth} dengan {activity} {period}; "
        "paling banyak {bound} diizinkan{binds}",
    },
    "limit.days.short": {
        "en": "{days} of {activity} {period}; at least {bound} required{binds}",
        "id": "{days} {activity} {period}; paling sedikit {bound} diwajibkan{binds}",
    },
    "limit.hours.over": {
        "en": "{hours} hours worked {period}; at most {bound} allowed{binds}",
        "id": "{hours} jam kerja {period}; paling banyak {bound} diizinkan{binds}",
    },
    "limit.hours.short": {
        "en": "{hours} hours worked {period}; at least {required} required{reduced}{binds}",
        "id": "{hours} jam kerja {period}; paling sedikit {required} diwajibkan{reduced}{binds}",
    },
    "limit.pro_rated": {
        "en": " ({declared_hours} pro-rated to {counted} of {declared} working days: {days})",
        "id": " ({declared_hours} disesuaikan menjadi {counted} dari {declared} hari kerja: "
        "{days})",
    },
    "limit.less_absence": {
        "en": " (less {hours} hours of part-day absence)",
        "id": " (dikurangi {hours} jam ketidakhadiran sebagian hari)",
    },
    "limit.with_work_away": {
        "en": " (the hours worked include {hours} hours of absence counted as work)",
        "id": " (jam kerja termasuk {hours} jam ketidakhadiran yang dihitung sebagai kerja)",
    },
    "limit.left_out": {"en": "{day} {why}", "id": "{day} {why}"},
    "left_out.public_holiday": {"en": "public holiday", "id": "hari libur nasional"},
    "left_out.joint_holiday": {"en": "joint holiday", "id": "cuti bersama"},
    "left_out.holiday": {"en": "holiday", "id": "hari libur"},
    "left_out.leave": {"en": "leave", "id": "cuti"},
    "left_out.absence_kind": {"en": "{kind}", "id": "{kind}"},
    "left_out.outside_dates": {"en": "outside the rule's dates", "id": "di luar tanggal aturan"},
    "left_out.not_in_force": {
        "en": "not a day of this version",
        "id": "bukan hari berlakunya versi ini",
    },
    "limit.days.short.in_force": {
        "en": "{days} of {activity} {period}; at least {required} required ({bound} pro-rated to "
        "the {counted} of {declared} working days this version is in force){binds}",
        "id": "{days} {activity} {period}; paling sedikit {required} diwajibkan ({bound} "
        "disesuaikan menjadi {counted} dari {declared} hari kerja versi ini berlaku){binds}",
    },
    # why a limit or presence rule binds the employee: the facts, worded as decisions word them
    "rule.binds": {
        "en": "; it applies because {facts}",
        "id": "; aturan ini berlaku karena {facts}",
    },
    "rule.binds.unknown": {
        "en": "; it applies because unknown facts count against it: {facts}",
        "id": "; aturan ini berlaku karena fakta yang tidak diketahui dianggap memberatkan: "
        "{facts}",
    },
    # presence violations
    "clock.span": {"en": "{start}-{end}", "id": "{start}-{end}"},
    "presence.core_hours": {
        "en": "{day}: {missing} of the core hours {required} not worked{binds}",
        "id": "{day}: {missing} dari jam inti {required} tidak dikerjakan{binds}",
    },
    "presence.late_start": {
        "en": "{day}: the first shift starts at {start}, outside the start window "
        "{opens}-{closes}{binds}",
        "id": "{day}: sif pertama mulai pukul {start}, di luar rentang waktu mulai kerja "
        "{opens}-{closes}{binds}",
    },
}
