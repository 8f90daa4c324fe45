"""Entries for near misses (DATA.md §1): the default's reason naming a permission that would
have decided a piece but for an unusable fact, and the roster report's count of values that
are not among their attribute's declared values."""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # the default's reason, with the permissions that may have applied
    "reason.default.near": {
        "en": "{default}; {misses}",
        "id": "{default}; {misses}",
    },
    "near_miss.rule": {
        "en": "{rule} would have permitted it, but {facts}",
        "id": "{rule} akan mengizinkannya, tetapi {facts}",
    },
    "near_miss.fact": {"en": "{name} {problem}{meant}", "id": "{name} {problem}{meant}"},
    "near_miss.meant": {"en": ': did you mean "{value}"?', "id": ': maksud Anda "{value}"?'},
    # the roster report: values of a column that are not among its declared values
    "warning.unknown_values": {
        "en": "`{column}`: {count} not among its declared values, so the rules that read it "
        "fail closed: {values}",
        "id": "`{column}`: {count} bukan salah satu nilai yang dinyatakan, sehingga aturan yang "
        "membacanya gagal tertutup: {values}",
    },
    "unknown_values.count.one": {"en": "{n} value", "id": "{n} nilai"},
    "unknown_values.count.other": {"en": "{n} values", "id": "{n} nilai"},
    "unknown_values.value": {"en": "{value} ({n}){meant}", "id": "{value} ({n}){meant}"},
    "unknown_values.meant": {
        "en": ', did you mean "{value}"?',
        "id": ', maksud Anda "{value}"?',
    },
    # a file's cell that is none of a `one of` or `ranked` column's values
    "cell.not_a_choice": {
        "en": "{value} is not one of {allowed}{meant}",
        "id": "{value} bukan salah satu dari {allowed}{meant}",
    },
    "cell.choice_meant": {"en": '; did you mean "{value}"?', "id": '; maksud Anda "{value}"?'},
}
