"""The examples language's keyword table: each terminal of `grammar/examples.lark` and how it
is written. Day names, `yes`, `no` and `timezone` are the policy language's own (one table per
language, as `language.keywords` has it)."""

from __future__ import annotations

from collections.abc import Mapping

from ..language import keywords as policy_keywords
from ..language.indonesian import INDONESIAN as _INDONESIAN

_SHARED = (
    "TIMEZONE",
    "YES",
    "NO",
    "AND",
    "ON",
    "FROM",
    "TO",
    "IS",
    "DEFAULT",
    "MONDAY",
    "TUESDAY",
    "WEDNESDAY",
    "THURSDAY",
    "FRIDAY",
    "SATURDAY",
    "SUNDAY",
)

#: terminal name -> English phrases; the first is how messages show it
ENGLISH: Mapping[str, tuple[str, ...]] = {
    "EXAMPLES_FOR": ("examples for",),
    "EMPLOYEE": ("employee",),
    "EXAMPLE": ("example",),
    "UNKNOWN": ("unknown",),
    "WITH": ("with",),
    "OFFICE": ("at the office", "on-site", "in the office"),
    "HOME": ("from home", "at home"),
    "ANYWHERE": ("anywhere", "from anywhere"),
    "ALLOWED": ("allowed",),
    "DENIED": ("denied",),
    "ONLY_BY": ("only by",),
    "BY": ("by",),
    "BREAKS": ("breaks",),
    "ONLY": ("only",),
    "KEEPS_EVERY_LIMIT": ("keeps every limit", "keeps all limits"),
    "IN_THE_PERIOD": ("in the period",),
    "THE_ROSTER_IN": ("the roster in",),
    "WITH_LEAVE": ("with leave",),
    "WITH_HEADCOUNT": ("with headcount",),
    "FOR": ("for",),
    "HAS_NO_VIOLATIONS": ("has no violations",),
    **{name: policy_keywords.ENGLISH[name] for name in _SHARED},
}

#: terminal name -> Indonesian phrases (LANGUAGE-ID.md §9); the first is how messages show it
INDONESIAN: Mapping[str, tuple[str, ...]] = {
    "EXAMPLES_FOR": ("contoh untuk",),
    "EMPLOYEE": ("pegawai",),
    "EXAMPLE": ("contoh",),
    "UNKNOWN": ("tidak diketahui", "tidak tercatat"),
    "WITH": ("dengan",),
    "OFFICE": ("di kantor", "dari kantor"),
    "HOME": ("dari rumah", "di rumah"),
    "ANYWHERE": ("dari mana saja", "di mana saja"),
    "ALLOWED": ("diizinkan",),
    "DENIED": ("ditolak",),
    "ONLY_BY": ("hanya oleh",),
    "BY": ("oleh",),
    "BREAKS": ("melanggar",),
    "ONLY": ("hanya",),
    "KEEPS_EVERY_LIMIT": ("memenuhi semua batas",),
    "IN_THE_PERIOD": ("dalam periode", "pada periode"),
    "THE_ROSTER_IN": ("jadwal dalam", "jadwal di"),
    "WITH_LEAVE": ("dengan cuti",),
    "WITH_HEADCOUNT": ("dengan jumlah pegawai",),
    "FOR": ("untuk",),
    "HAS_NO_VIOLATIONS": ("tanpa pelanggaran", "tidak melanggar apa pun"),
    "TIMEZONE": _INDONESIAN["TIMEZONE"],
    "YES": _INDONESIAN["YES"],
    "NO": _INDONESIAN["NO"],
    "AND": _INDONESIAN["AND"],
    "ON": _INDONESIAN["ON"],
    "FROM": ("pukul", "dari pukul", "mulai pukul", "dari"),
    "TO": ("sampai", "sampai dengan", "hingga", "s.d.", "s/d"),
    "IS": _INDONESIAN["IS"],
    "DEFAULT": _INDONESIAN["DEFAULT"],
    "CLOCK": ("pukul",),
    **{day: _INDONESIAN[day] for day in _SHARED[-7:]},
}
#: each language's table
LANGUAGES: Mapping[str, Mapping[str, tuple[str, ...]]] = {"en": ENGLISH, "id": INDONESIAN}

#: where each place keyword puts the shift (`Shift.location`)
LOCATIONS = {"OFFICE": "office", "HOME": "home", "ANYWHERE": "anywhere"}


def describe(terminal: str) -> str:
    """A terminal as a syntax error names it."""
    return policy_keywords.describe(terminal, ENGLISH)
