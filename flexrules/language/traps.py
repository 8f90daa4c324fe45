"""Syntax errors that are traps of Bahasa Indonesia, named in the author's terms
(LANGUAGE-ID.md §6.4): an attribute in a condition whose owner is not marked, `kecuali hari
libur` in a rule, and `s.d` that lost its last dot. (A keyword of the other language is the
parser's own hint, `_other_language_keyword`.)

Each takes the failed sentence and returns a hint, or None when the failure is not its trap;
the parser asks them before its general hints.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..core.messages import Code, Text

#: the words after which a condition's attribute starts (Indonesian)
_OWNER_BEFORE = re.compile(
    r"(?:^|[\s(])(?:jika|apabila|kecuali|dan|atau|tidak|\()\s*"
    r"((?:[^\W\d_][\w-]*\s+){0,5}?[^\W\d_][\w-]*)\s*\Z",
    re.IGNORECASE,
)
_EXCEPT_HOLIDAYS = re.compile(r"kecuali\s+(?:pada\s+)?hari\s+libur\s*\Z", re.IGNORECASE)
_LONE_S = re.compile(r"(?<![\w.])s\.\s*\Z", re.IGNORECASE)


def owner_hint(before: str, expected: Iterable[str]) -> Text | None:
    """`jika kinerja paling rendah "baik"`: the attribute's owner must be marked."""
    wanted = set(expected)
    if not {"THEIR", "THE_SHIFT"} <= wanted:
        return None
    match = _OWNER_BEFORE.search(before)
    if match is None:
        return None
    name = " ".join(match.group(1).split())
    if _EXCEPT_HOLIDAYS.search(before):
        return None
    return Text(
        "diag.trap.owner.hint",
        nya=Code("code.attribute_nya", attribute=name),
        theirs=Code("code.attribute_mereka", attribute=name),
        shift=Code("code.attribute_sif", attribute=name),
    )


def except_holidays_hint(before: str) -> Text | None:
    """`... pada hari kerja kecuali hari libur.`: only an hours declaration takes it."""
    if _EXCEPT_HOLIDAYS.search(before) is None:
        return None
    return Text("diag.trap.except_holidays.hint")


def lone_s_hint(sentence: str, after: str) -> Text | None:
    """`08.00 s.d 11.30`: without its last dot, `s.d` ends the sentence at `s.`."""
    if _LONE_S.search(sentence.rstrip()) is None or after.lstrip()[:1].casefold() != "d":
        return None
    return Text("diag.trap.lone_s.hint")
