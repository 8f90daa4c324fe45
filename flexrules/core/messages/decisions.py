"""Entries for decisions: the headline, each reason, why a rule applied (`because`), the facts
and times it read, and the holiday a run falls on (LANGUAGE-ID.md §5.3)."""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # the headline: outcome padded to one width per language
    "decision.headline": {
        "en": "{outcome} {who}, {doing}, {day} {span} ({zone})",
        "id": "{outcome} {who}, {doing}, {day} {span} ({zone})",
    },
    "decision.allowed": {"en": "ALLOWED", "id": "DIIZINKAN"},
    "decision.denied": {"en": "DENIED ", "id": "DITOLAK  "},
    "decision.employee": {"en": "employee", "id": "pegawai"},
    "doing.on_site": {"en": "work on-site", "id": "bekerja di kantor"},
    "doing.home": {"en": "work from home", "id": "bekerja dari rumah"},
    "doing.anywhere": {"en": "work from anywhere", "id": "bekerja dari mana saja"},
    "working.on_site": {"en": "working on-site", "id": "bekerja di kantor"},
    "working.home": {"en": "working from home", "id": "bekerja dari rumah"},
    "working.anywhere": {"en": "working from anywhere", "id": "bekerja dari mana saja"},
    # a stretch of time: `14:00-15:00`; one that starts or ends on another day names it
    "clock.on_day": {"en": "{day} {time}", "id": "{day} {time}"},
    # a reason's message
    "reason.denied_by": {"en": "denied by {rule}", "id": "ditolak oleh {rule}"},
    "reason.allowed_by": {"en": "allowed by {rule}", "id": "diizinkan oleh {rule}"},
    "reason.may_apply": {
        "en": "{by}: it may apply, because {facts}",
        "id": "{by}: aturan ini mungkin berlaku, karena {facts}",
    },
    "reason.default.deny": {
        "en": "no rule permits {working} (default deny)",
        "id": "tidak ada aturan yang mengizinkan {working} (bawaan: ditolak)",
    },
    "reason.default.allow": {
        "en": "no rule forbids {working} (default allow)",
        "id": "tidak ada aturan yang melarang {working} (bawaan: diizinkan)",
    },
    # the lines of an explanation
    "run.allowed": {"en": "allowed", "id": "diizinkan"},
    "run.denied": {"en": "denied", "id": "ditolak"},
    "explain.default": {
        "en": "  {span} {outcome}: {message}",
        "id": "  {span} {outcome}: {message}",
    },
    "explain.rule": {"en": "  {span} {reason} ({source})", "id": "  {span} {reason} ({source})"},
    "explain.citing": {"en": "      citing {citation}", "id": "      berdasarkan {citation}"},
    "explain.because": {"en": "      because {because}", "id": "      karena {because}"},
    "explain.holiday": {
        "en": "      {day} is a holiday: {name}",
        "id": "      {day} adalah hari libur: {name}",
    },
    "explain.estimated": {
        "en": "      the date is the holidays package's estimate, not yet decreed; write the "
        "decreed date in `holidays:` to pin it (and this one after `except` if the decree "
        "moved it)",
        "id": "      tanggal ini perkiraan paket holidays, belum ditetapkan; tulis tanggal yang "
        "ditetapkan di `hari libur:` agar pasti (dan tanggal ini sesudah `kecuali` bila "
        "keputusannya memindahkannya)",
    },
    "holiday.agency": {"en": "agency holiday", "id": "hari libur instansi"},
    "holiday.joint": {"en": "joint holiday", "id": "cuti bersama"},
    "holiday.public": {"en": "public holiday", "id": "hari libur nasional"},
    "explain.holiday_removed": {
        "en": "      {day} is not a holiday: the policy removes {name} with `except`",
        "id": "      {day} bukan hari libur: kebijakan ini menghapus {name} dengan `kecuali`",
    },
    # why a rule applied
    "because.unknown": {
        "en": "it may apply{aside}, and unknown facts count against the request: {parts}",
        "id": "aturan ini mungkin berlaku{aside}, dan fakta yang tidak diketahui dianggap "
        "memberatkan permohonan: {parts}",
    },
    "because.aside": {"en": " and set {rules} aside", "id": " dan mengesampingkan {rules}"},
    "because.time": {"en": "{span} is {words}", "id": "{span} {words}"},
    "because.within": {
        "en": "{span} is within {name}{spans}",
        "id": "{span} berada dalam {name}{spans}",
    },
    "because.during": {"en": "{span} is during {name}", "id": "{span} berada dalam {name}"},
    "because.outside": {"en": "{span} is outside {name}", "id": "{span} berada di luar {name}"},
    "hours.spans": {"en": " ({spans})", "id": " ({spans})"},
    "hours.span": {"en": "{weekday} {start}-{end}", "id": "{weekday} {start}-{end}"},
    # warnings on a decision (`engine.notices`)
    "warning.unknown_fact_name": {
        "en": "`{key}` is not an attribute of this policy, and `{name}` is missing; did you "
        "mean `{name}`?",
        "id": "`{key}` bukan atribut kebijakan ini, dan `{name}` tidak tercatat; mungkin "
        "maksudnya `{name}`?",
    },
    "warning.estimated_holiday": {
        "en": "{day} is a holiday only by the holidays package's estimate, not yet by decree; "
        "write the decreed date in `holidays:` to pin it",
        "id": "{day} adalah hari libur hanya menurut perkiraan paket holidays, belum "
        "ditetapkan; tulis tanggal yang ditetapkan di `hari libur:` agar pasti",
    },
    "warning.outside_employment": {
        "en": "{who} has a shift on {day}, outside their employment: it counts for no limit, "
        "staffing or share",
        "id": "{who} mempunyai sif pada {day}, di luar masa kerjanya: sif itu tidak dihitung "
        "untuk batas, jumlah petugas, maupun porsi",
    },
    # a rule's TIME in the catalog's words, where the explanation's language is not the one
    # the rule was written in
    "time.on_days": {"en": "on {days}", "id": "pada {days}"},
    "time.between": {"en": "between {start} and {end}", "id": "antara pukul {start} dan {end}"},
    "time.from": {"en": "from {start}", "id": "mulai {start}"},
    "time.until": {"en": "until {end}", "id": "sampai {end}"},
    "time.from_to": {"en": "from {start} to {end}", "id": "mulai {start} sampai {end}"},
    "days.range": {"en": "{first} to {last}", "id": "{first} sampai {last}"},
    "days.weekdays": {"en": "weekdays", "id": "hari biasa"},
    "days.weekends": {"en": "weekends", "id": "akhir pekan"},
    "days.working_days": {"en": "working days", "id": "hari kerja"},
    "days.holidays": {"en": "holidays", "id": "hari libur"},
    "days.public_holidays": {"en": "public holidays", "id": "hari libur nasional"},
    "days.joint_holidays": {"en": "joint holidays", "id": "cuti bersama"},
    "days.every_day": {"en": "every day", "id": "setiap hari"},
    # a fact, as a reason or a report's `because` words it
    "fact.is": {"en": "{name} is {value}{relative}", "id": "{name} adalah {value}{relative}"},
    "fact.problem": {"en": "{name} {problem}", "id": "{name} {problem}"},
    "value.missing": {"en": "missing", "id": "tidak tercatat"},
    "problem.missing": {"en": "is missing", "id": "tidak tercatat"},
    "problem.unknown": {"en": "is unknown", "id": "tidak diketahui"},
    "problem.not_one_of": {
        "en": "is {value}, not one of {allowed}",
        "id": "bernilai {value}, bukan salah satu dari {allowed}",
    },
    "problem.wrong_type": {
        "en": "is {value} ({kind}), not {expected}",
        "id": "bernilai {value} ({kind}), bukan {expected}",
    },
    "type.text": {"en": "text", "id": "teks"},
    "type.number": {"en": "a number", "id": "angka"},
    "type.yes_no": {"en": "yes or no", "id": "ya atau tidak"},
    "type.date": {"en": "a date", "id": "tanggal"},
    "type.datetime": {"en": "a date and time", "id": "tanggal dan waktu"},
    "type.one_of": {"en": "one of its declared values", "id": "salah satu nilai yang dinyatakan"},
    "type.ranked": {"en": "one of its ranked values", "id": "salah satu nilai peringkatnya"},
    # a relative date (`less than 12 months ago`) and the day it was compared with
    "relative.less": {
        "en": ": less than {span} ago (after {cutoff}, {span} before {day})",
        "id": ": kurang dari {span} yang lalu (setelah {cutoff}, {span} sebelum {day})",
    },
    "relative.at_least": {
        "en": ": at least {span} ago (on or before {cutoff}, {span} before {day})",
        "id": ": paling sedikit {span} yang lalu (pada atau sebelum {cutoff}, "
        "{span} sebelum {day})",
    },
    "relative.compared": {
        "en": ", compared with {cutoff}, {span} before {day}",
        "id": ", dibandingkan dengan {cutoff} ({span} sebelum {day})",
    },
    "noun.week.one": {"en": "{n} week", "id": "{n} minggu"},
    "noun.week.other": {"en": "{n} weeks", "id": "{n} minggu"},
    "noun.month.one": {"en": "{n} month", "id": "{n} bulan"},
    "noun.month.other": {"en": "{n} months", "id": "{n} bulan"},
    "noun.year.one": {"en": "{n} year", "id": "{n} tahun"},
    "noun.year.other": {"en": "{n} years", "id": "{n} tahun"},
}
