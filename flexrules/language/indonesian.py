"""The Indonesian keyword table (LANGUAGE-ID.md §2.7) and the lexical rules that differ from
English: phrase priorities by length, day names before a dash, `UNTIL` only before a digit,
and the `-nya` look-ahead generated from the words that begin a comparison.

The Indonesian grammar (`grammar/flexrules-id.lark`) uses the same terminal names as the
English one for the same keywords, so both lower to the same syntax tree; a few terminals are
Indonesian only (`WHICH`, `WITH`, `IS_NOT`, `HOURS_PATTERN`, `ONE_DAY`...), and three English
ones are carried by another terminal here (`DATES` by `DATE_TYPE`, `THEY_ARE` by `THEIR`,
`THE_SHIFTS` by `THE_SHIFT`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

#: terminal name -> Indonesian phrases; the first phrase is how messages and docs show it.
INDONESIAN: Mapping[str, tuple[str, ...]] = {
    # declarations
    "POLICY": ("kebijakan",),
    "VERSION": ("versi",),
    "TIMEZONE": ("zona waktu",),
    "DEFAULT": ("bawaan",),
    "EFFECTIVE": ("berlaku",),
    "DENY": ("ditolak", "tolak"),
    "ALLOW": ("diizinkan", "izinkan"),
    "EMPLOYEES_HAVE": ("pegawai memiliki", "pegawai mempunyai"),
    "SHIFTS_HAVE": ("sif memiliki", "shift memiliki"),
    "TEXT_TYPE": ("teks",),
    "NUMBER_TYPE": ("angka", "bilangan"),
    "YES_OR_NO": ("ya atau tidak",),
    "DATE_TYPE": ("tanggal",),
    "ONE_OF": ("salah satu dari",),
    "RANKED": ("bertingkat",),
    "HOLIDAYS": ("hari libur",),
    "INDONESIA": ("nasional", "libur nasional", "Indonesia"),
    "WITH_JOINT_HOLIDAYS": ("dan cuti bersama", "termasuk cuti bersama"),
    "EXCEPT_HOLIDAYS": ("kecuali hari libur", "kecuali pada hari libur"),
    "EXCEPT": ("kecuali",),
    "AS_JOINT_HOLIDAY": ("sebagai cuti bersama",),
    "ABSENCE_KINDS": ("jenis ketidakhadiran",),
    "AS_WORK": ("sebagai kerja",),
    "HOURS": ("jam",),
    "HOURS_PATTERN": ("pola jam",),
    "GROUP": ("kelompok",),
    "RULE": ("aturan",),
    "CITING": ("berdasarkan", "merujuk pada"),
    "OVERRIDES": ("mengesampingkan",),
    # subjects and conditions
    "EMPLOYEES": ("pegawai",),
    "EACH": ("setiap", "semua", "seluruh"),
    "WHICH": ("yang",),
    "WITH": ("dengan",),
    "THEIR": ("mereka", "yang bersangkutan"),
    "THE_SHIFT": ("sif", "shift"),
    "IS": ("adalah",),
    "IS_NOT": ("bukan",),
    "NOT": ("tidak",),
    "AT_LEAST": (
        "paling sedikit",
        "paling rendah",
        "paling cepat",
        "sekurang-kurangnya",
        "minimal",
    ),
    "AT_MOST": (
        "paling banyak",
        "paling tinggi",
        "paling lambat",
        "sebanyak-banyaknya",
        "maksimal",
    ),
    "MORE_THAN": ("lebih dari",),
    "LESS_THAN": ("kurang dari",),
    "BETWEEN": ("antara",),
    "BEFORE": ("sebelum",),
    "AFTER": ("setelah", "sesudah"),
    "AGO": ("yang lalu", "lalu"),
    "AND": ("dan",),
    "OR": ("atau",),
    "IF": ("jika", "apabila"),
    "UNLESS": ("kecuali", "kecuali jika", "kecuali apabila"),
    "YES": ("ya",),
    "NO": ("tidak",),
    "OF": ("dari",),
    "IN_EACH": ("di setiap", "pada setiap", "di tiap", "di masing-masing"),
    "PERSONS": ("orang",),
    # statements
    "MUST_NOT": ("dilarang", "tidak boleh"),
    "MUST": ("wajib", "harus"),
    "MAY": ("dapat", "boleh"),
    "BE_ON_SITE": ("berada di kantor", "hadir di kantor"),
    "WORK_ON_SITE": ("bekerja dari kantor",),
    "WORK_AT_THE_OFFICE": ("bekerja di kantor",),
    "WORK_FROM_HOME": ("bekerja dari rumah",),
    "WORK_ANYWHERE": ("bekerja dari mana saja", "bekerja di mana saja"),
    "WORK_REMOTELY": ("bekerja jarak jauh",),
    "WORK_WITHIN": ("bekerja di dalam", "bekerja dalam"),
    "START_WORK": ("mulai bekerja",),
    "WORK": ("bekerja",),
    "PER": ("per", "setiap", "tiap", "dalam satu", "dalam 1", "dalam 1 (satu)"),
    "ONE_DAY": ("sehari", "dalam sehari"),
    "ONE_WEEK": ("seminggu", "dalam seminggu", "sepekan", "dalam sepekan"),
    "ONE_MONTH": ("sebulan", "dalam sebulan"),
    # time
    "DURING": ("selama",),
    "OUTSIDE": ("di luar",),
    "ON": ("pada",),
    "FROM": ("mulai", "dari", "sejak"),
    "UNTIL": ("sampai", "sampai dengan", "hingga", "s.d.", "s/d"),
    "TO": ("sampai", "sampai dengan", "hingga", "s.d.", "s/d"),
    "CLOCK": ("pukul",),
    "MONDAY": ("Senin",),
    "TUESDAY": ("Selasa",),
    "WEDNESDAY": ("Rabu",),
    "THURSDAY": ("Kamis",),
    "FRIDAY": ("Jumat", "Jum'at", "Jum’at"),
    "SATURDAY": ("Sabtu",),
    "SUNDAY": ("Minggu", "Ahad"),
    "WEEKDAYS": ("hari biasa",),
    "WEEKENDS": ("akhir pekan", "akhir minggu"),
    "WORKING_DAYS": ("hari kerja", "setiap hari kerja"),
    "PUBLIC_HOLIDAYS": ("hari libur nasional", "libur nasional"),
    "JOINT_HOLIDAYS": ("cuti bersama", "hari cuti bersama"),
    "EVERY_DAY": ("setiap hari", "tiap hari"),
    "DAY": ("hari",),
    "WEEK": ("minggu", "pekan"),
    "MONTH": ("bulan",),
    "YEAR": ("tahun",),
}

#: Keywords whose grammar terminal is filtered out of the tree (optional decorations).
FILTERED = {"EACH": "_EACH", "PERSONS": "_PERSONS", "CLOCK": "_CLOCK"}

_DAYS = ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
#: Words that may stand before a day name and belong to it: `hari Jumat`, `setiap hari Jumat`.
_DAY_PREFIXES = ("", "hari ", "setiap ", "setiap hari ")

#: The keywords that can begin a comparison: a word ending in `nya` before one of them (or
#: before a quote or a digit) is an attribute with its possessive suffix (§2.6).
COMPARISON_STARTS = (
    "IS",
    "IS_NOT",
    "ONE_OF",
    "AT_LEAST",
    "AT_MOST",
    "MORE_THAN",
    "LESS_THAN",
    "BETWEEN",
    "BEFORE",
    "AFTER",
    "YES",
    "NO",
)

#: Month names of Indonesian dates (`7 Juli 2025`), January first.
MONTHS = (
    "januari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "desember",
)


def phrases_of(terminal: str, table: Mapping[str, tuple[str, ...]] = INDONESIAN) -> tuple[str, ...]:
    """Every spelling the lexer accepts for a terminal, day names with their prefixes."""
    phrases = table[terminal]
    if terminal in _DAYS:
        return tuple(prefix + phrase for phrase in phrases for prefix in _DAY_PREFIXES)
    return phrases


def _alternatives(phrases: tuple[str, ...]) -> str:
    # longest first, then alphabetical: the same text in every process, so the parser's
    # table cache (keyed by the grammar's digest) is found again
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(word) for word in p.split()) for p in ordered)


def pattern(terminal: str, table: Mapping[str, tuple[str, ...]] = INDONESIAN) -> str:
    """The regular expression of one Indonesian keyword (§2.7 and Appendix A)."""
    body = "(?:" + _alternatives(phrases_of(terminal, table)) + ")"
    if terminal in _DAYS:
        return body + r"(?!\w)"  # a dash may follow: `Senin-Kamis`
    if terminal == "UNTIL":
        return body + r"(?![\w-])(?=\s*\d)"
    return body + r"(?![\w-])"


def priority(terminal: str, table: Mapping[str, tuple[str, ...]] = INDONESIAN) -> int:
    """11 + the words of the longest phrase, so a longer phrase is tried before a shorter one
    that begins it; `UNTIL` one above `TO`, which has the same phrases."""
    words = max(len(p.split()) for p in phrases_of(terminal, table))
    return 11 + words + (1 if terminal == "UNTIL" else 0)


def name_nya_pattern() -> str:
    """`NAME_NYA`: a word ending in `nya` only when a comparison follows (§2.6)."""
    starts = [p for t in COMPARISON_STARTS for p in INDONESIAN[t]]
    return (
        r"[^\W\d_][\w\-]*?nya(?![\w-])(?=\s*(?:[\"\d]|(?:"
        + _alternatives(tuple(starts))
        + r")(?![\w-])))"
    )


def terminal_definitions(
    table: Mapping[str, tuple[str, ...]] = INDONESIAN, possessive: bool = True
) -> str:
    """Lark terminal definitions for every keyword of an Indonesian table (the policy
    language's by default, with `NAME_NYA`; the examples language has its own table)."""
    lines = []
    for terminal in table:
        regex = pattern(terminal, table).replace("/", "\\/")
        name = FILTERED.get(terminal, terminal)
        lines.append(f"{name}.{priority(terminal, table)}: /{regex}/i")
    if possessive:
        nya = name_nya_pattern().replace("/", "\\/")
        lines.append(f"NAME_NYA.1: /{nya}/i")
    return "\n".join(lines) + "\n"
