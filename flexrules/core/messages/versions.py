"""Messages of policy versions (`flexrules.versions`): which version decided, and why none did."""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    "version.reason": {
        "en": '{reason} (version "{version}")',
        "id": '{reason} (versi "{version}")',
    },
    "version.reason_many": {
        "en": "{reason} (versions {versions})",
        "id": "{reason} (versi {versions})",
    },
    "version.cell": {
        "en": '{problem} (version "{version}", in force on {day})',
        "id": '{problem} (versi "{version}", yang berlaku pada {day})',
    },
    "version.explain": {
        "en": '  decided by version "{version}" of "{name}", in force {days}',
        "id": '  diputuskan oleh versi "{version}" dari "{name}", berlaku {days}',
    },
    "version.days.from": {"en": "from {start}", "id": "mulai {start}"},
    "version.days.between": {
        "en": "from {start} until {end}",
        "id": "mulai {start} sampai {end}",
    },
    "version.days.always": {"en": "on every day", "id": "setiap hari"},
    "version.none": {
        "en": 'no version of "{name}" is in force on {day} (denied)',
        "id": 'tidak ada versi "{name}" yang berlaku pada {day} (ditolak)',
    },
    "version.overlap": {
        "en": 'versions "{first}" ({first_files}) and "{second}" ({second_files}) are both in '
        "force on {day}",
        "id": 'versi "{first}" ({first_files}) dan "{second}" ({second_files}) sama-sama '
        "berlaku pada {day}",
    },
    "version.overlap.hint": {
        "en": "end the earlier version the day before the later one starts "
        "(`effective from ... until ...`)",
        "id": "akhiri versi yang lebih awal sehari sebelum versi berikutnya mulai "
        "(`berlaku mulai ... sampai ...`)",
    },
    "version.attribute_types": {
        "en": 'the attribute "{attribute}" is {first_type} in version "{first}" and '
        '{second_type} in version "{second}"',
        "id": 'atribut "{attribute}" bertipe {first_type} pada versi "{first}" dan '
        '{second_type} pada versi "{second}"',
    },
    "version.attribute_types.hint": {
        "en": "declare one attribute with one type in every version, or give it a new name",
        "id": "nyatakan satu atribut dengan satu tipe di setiap versi, atau beri nama baru",
    },
    "version.roster_crosses": {
        "en": "the days checked ({first} to {last}) are decided by more than one version "
        "(or by none on some days); check each version's days on their own",
        "id": "hari yang diperiksa ({first} sampai {last}) diputuskan oleh lebih dari satu "
        "versi (atau tidak oleh versi mana pun pada beberapa hari); periksa hari setiap versi "
        "secara terpisah",
    },
    "diff.effective.changed": {
        "en": "effective dates changed: {old} was in force {old_days}; {new} is in force "
        "{new_days}",
        "id": "tanggal berlaku berubah: {old} berlaku {old_days}; {new} berlaku {new_days}",
    },
    "diff.effective.same": {
        "en": "effective dates unchanged: in force {days}",
        "id": "tanggal berlaku tidak berubah: berlaku {days}",
    },
    "version.show": {"en": "   in force {days}", "id": "   berlaku {days}"},
    "version.empty": {
        "en": "no policy given: a set of versions needs at least one",
        "id": "tidak ada kebijakan: satu himpunan versi memerlukan paling sedikit satu",
    },
}
