"""Syntax errors that are traps of Bahasa Indonesia, named in the author's terms
(LANGUAGE-ID.md §6.4): an attribute in a condition whose owner is not marked, `kecuali hari
libur` in a rule, `s.d` that lost its last dot, and a keyword of the other language where one
of the file's was expected.

Each takes the failed sentence and returns a hint, or None when the failure is not its trap;
the parser asks them before its general hints.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

from ..core.messages import Code, Text
from . import keywords

_LANGUAGE_NAMES = {"en": "diag.language.en", "id": "diag.language.id"}
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


def other_language_hint(
    words: Iterable[str], expected: Iterable[str], language: str
) -> tuple[Text, str] | None:
    """A keyword of the other language among `words` (a phrase of a terminal the parser
    wanted): `must` in an Indonesian file. The hint and the phrase to write instead."""
    other = "en" if language == "id" else "id"
    table = keywords.table_of(language)
    wanted = [terminal for terminal in expected if terminal in table]
    spelled = _phrases(other)
    written_words = list(words)
    folded = [word.casefold() for word in written_words]
    for count in (3, 2, 1):
        for index in range(len(folded) - count + 1):
            terminal = spelled.get(" ".join(folded[index : index + count]))
            if terminal in wanted:
                written = " ".join(written_words[index : index + count])
                meant = table[terminal][0]
                hint = Text(
                    "diag.trap.other_language.hint",
                    word=written,
                    language=Text(_LANGUAGE_NAMES[other]),
                    meant=meant,
                )
                return hint, meant
    return None


@functools.lru_cache(maxsize=2)
def _phrases(language: str) -> Mapping[str, str]:
    """Each phrase of a language's keywords (case-folded) and its terminal."""
    found: dict[str, str] = {}
    for terminal, phrases in keywords.table_of(language).items():
        for phrase in phrases:
            found.setdefault(" ".join(phrase.casefold().split()), terminal)
    return found
