"""Entries for `flexrules lint`, `flexrules diff` and why-not: what each finding says, its
hint, and the lines that show its witness and a policy change."""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # never-applies
    "lint.never_applies.time": {
        "en": "rule {rule} never applies: whenever its subject and condition hold, its TIME "
        "does not",
        "id": "aturan {rule} tidak pernah berlaku: setiap kali subjek dan syaratnya terpenuhi, "
        "WAKTU-nya tidak",
    },
    "lint.never_applies.subject": {
        "en": "rule {rule} never applies: no employee meets its subject and condition",
        "id": "aturan {rule} tidak pernah berlaku: tidak ada pegawai yang memenuhi subjek dan "
        "syaratnya",
    },
    "lint.never_applies.both": {
        "en": "rule {rule} never applies: neither its subject and condition nor its TIME ever hold",
        "id": "aturan {rule} tidak pernah berlaku: subjek dan syaratnya maupun WAKTU-nya tidak "
        "pernah terpenuhi",
    },
    "lint.never_applies.hint": {
        "en": "check the rule's days, hours and conditions against each other; the witness "
        "below is as close as the rule gets",
        "id": "periksa hari, jam, dan syarat aturan ini satu terhadap yang lain; saksi di bawah "
        "adalah yang paling dekat",
    },
    # never-permits
    "lint.never_permits": {
        "en": "rule {rule} never permits anything: wherever it applies, a denial covers it",
        "id": "aturan {rule} tidak pernah mengizinkan apa pun: di mana pun ia berlaku, ada "
        "larangan yang menutupinya",
    },
    "lint.never_permits.hint": {
        "en": "narrow the denial with `unless`, or let this rule override it",
        "id": "persempit larangannya dengan `kecuali`, atau biarkan aturan ini mengesampingkannya",
    },
    # no-allowed-place
    "lint.no_allowed_place": {
        "en": "an employee has no place to work at a working-day time when others may work "
        "(denied by {rules})",
        "id": "seorang pegawai tidak punya tempat kerja pada jam hari kerja ketika pegawai lain "
        "boleh bekerja (ditolak oleh {rules})",
    },
    "lint.no_allowed_place.hint": {
        "en": "add a rule that lets such employees work somewhere at that time, or narrow the "
        "rules that deny them",
        "id": "tambahkan aturan yang membolehkan pegawai seperti ini bekerja di suatu tempat "
        "pada jam itu, atau persempit aturan yang menolaknya",
    },
    # conflict
    "lint.conflict": {
        "en": "rules {first} and {second} both apply and no location satisfies both, so every "
        "shift there is denied",
        "id": "aturan {first} dan {second} sama-sama berlaku dan tidak ada lokasi yang memenuhi "
        "keduanya, sehingga setiap sif di sana ditolak",
    },
    "lint.conflict.hint": {
        "en": "say which one wins: `rule {first} overrides {second}` (or the other way), or "
        "make their subjects or times disjoint",
        "id": "tentukan mana yang menang: `aturan {first} mengesampingkan {second}` (atau "
        "sebaliknya), atau pisahkan subjek atau waktunya",
    },
    # needless-override
    "lint.needless_override": {
        "en": "rule {rule} overrides {target}, but the two never apply together",
        "id": "aturan {rule} mengesampingkan {target}, tetapi keduanya tidak pernah berlaku "
        "bersamaan",
    },
    "lint.needless_override.hint": {
        "en": "remove `{target}` from the `overrides` list, or check that the rules mean whom "
        "and when you think",
        "id": "hapus `{target}` dari daftar `mengesampingkan`, atau periksa apakah subjek dan "
        "waktu aturan sudah sesuai maksud",
    },
    # redundant
    "lint.redundant": {
        "en": "rule {rule} is redundant: rule {other} already makes every decision it makes",
        "id": "aturan {rule} berlebih: aturan {other} sudah membuat setiap keputusan yang "
        "dibuatnya",
    },
    "lint.redundant.hint": {
        "en": "remove rule {rule}, or narrow the other rule if {rule} was meant to be the "
        "general one",
        "id": "hapus aturan {rule}, atau persempit aturan lainnya bila {rule} dimaksudkan "
        "sebagai aturan umum",
    },
    # unknown-permits
    "lint.unknown_permits": {
        "en": "an unknown fact in the `unless` of rule {rule} denies a shift that the known "
        "fact would allow",
        "id": "fakta yang tidak diketahui pada `kecuali` aturan {rule} menolak sif yang akan "
        "diizinkan bila fakta itu diketahui",
    },
    "lint.unknown_permits.hint": {
        "en": "unknown never permits: make sure the fact is always recorded, or write the "
        "exception of rule {rule} as its own `may` rule",
        "id": "fakta yang tidak diketahui tidak pernah mengizinkan: pastikan fakta itu selalu "
        "tercatat, atau tulis pengecualian aturan {rule} sebagai aturan `dapat` tersendiri",
    },
    # the witness and the report
    "lint.witness": {
        "en": "witness: {employee}, {shift}",
        "id": "saksi: {employee}, {shift}",
    },
    "lint.also": {
        "en": "also decided: {shifts}",
        "id": "juga diputuskan: {shifts}",
    },
    "lint.also_item": {
        "en": "at {location} {outcome}",
        "id": "{location} {outcome}",
    },
    "lint.outcome.allowed": {"en": "allowed", "id": "diizinkan"},
    "lint.outcome.denied": {"en": "denied", "id": "ditolak"},
    "lint.clean": {
        "en": "{path}: no findings ({rules}, {days} day classes, {pieces} pieces)",
        "id": "{path}: tidak ada temuan ({rules}, {days} kelas hari, {pieces} potongan)",
    },
    "lint.summary": {
        "en": "{path}: {findings} ({rules}, {days} day classes, {pieces} pieces)",
        "id": "{path}: {findings} ({rules}, {days} kelas hari, {pieces} potongan)",
    },
    "lint.ignored": {
        "en": "{findings} silenced by `# lint: ignore`",
        "id": "{findings} dibungkam dengan `# lint: ignore`",
    },
    "noun.finding.one": {"en": "{n} finding", "id": "{n} temuan"},
    "noun.finding.other": {"en": "{n} findings", "id": "{n} temuan"},
    # why not: what would be allowed instead
    "whynot.header": {
        "en": "What would be allowed instead:",
        "id": "Yang akan diizinkan sebagai gantinya:",
    },
    "whynot.none": {
        "en": "No other place, time of day or single fact would be allowed.",
        "id": "Tidak ada tempat lain, jam lain, atau satu fakta lain yang akan diizinkan.",
    },
    "whynot.item": {"en": "  - {change}: {outcome}", "id": "  - {change}: {outcome}"},
    "whynot.place": {"en": "{doing} instead", "id": "{doing} sebagai gantinya"},
    "whynot.span": {"en": "{start}-{end}", "id": "{start}-{end}"},
    "whynot.earlier": {
        "en": "earlier the same day, {span}",
        "id": "lebih awal pada hari yang sama, {span}",
    },
    "whynot.later": {
        "en": "later the same day, {span}",
        "id": "lebih lambat pada hari yang sama, {span}",
    },
    "whynot.they_were": {"en": "if they were {attribute}", "id": "jika mereka {attribute}"},
    "whynot.they_were_not": {
        "en": "if they were not {attribute}",
        "id": "jika mereka tidak {attribute}",
    },
    "whynot.shift_was": {
        "en": "if the shift were {attribute}",
        "id": "jika sif tersebut {attribute}",
    },
    "whynot.shift_was_not": {
        "en": "if the shift were not {attribute}",
        "id": "jika sif tersebut tidak {attribute}",
    },
    "whynot.their": {
        "en": "if their {attribute} were {value}",
        "id": "jika {attribute} mereka {value}",
    },
    "whynot.their_at_least": {
        "en": "if their {attribute} were at least {value}",
        "id": "jika {attribute} mereka paling sedikit {value}",
    },
    "whynot.shifts": {
        "en": "if the shift's {attribute} were {value}",
        "id": "jika {attribute} sif tersebut {value}",
    },
    "whynot.shift_at_least": {
        "en": "if the shift's {attribute} were at least {value}",
        "id": "jika {attribute} sif tersebut paling sedikit {value}",
    },
    # flexrules diff
    "diff.equivalent": {"en": "equivalent", "id": "setara"},
    "diff.more": {"en": "more permissive", "id": "lebih longgar"},
    "diff.less": {"en": "less permissive", "id": "lebih ketat"},
    "diff.neither": {
        "en": "neither: it allows some shifts OLD denied and denies some OLD allowed",
        "id": "tidak keduanya: mengizinkan sebagian sif yang ditolak OLD dan menolak sebagian "
        "yang diizinkan OLD",
    },
    "diff.verdict": {
        "en": "{new} against {old}: {verdict} (horizon {first} to {last})",
        "id": "{new} dibandingkan {old}: {verdict} (rentang {first} sampai {last})",
    },
    "diff.gains": {
        "en": "gains: allowed by NEW, denied by OLD: {employee}, {shift}",
        "id": "bertambah: diizinkan NEW, ditolak OLD: {employee}, {shift}",
    },
    "diff.losses": {
        "en": "loses: allowed by OLD, denied by NEW: {employee}, {shift}",
        "id": "berkurang: diizinkan OLD, ditolak NEW: {employee}, {shift}",
    },
    "diff.old": {"en": "  OLD ({path}):", "id": "  OLD ({path}):"},
    "diff.new": {"en": "  NEW ({path}):", "id": "  NEW ({path}):"},
}
