"""The keyword table: every keyword and key phrase of the language, in one place.

The grammar file names keywords by terminal (`MUST_NOT`); this table says how each is
written. Phrases match with any white space between their words, case-insensitively, and
only where the parser could take them (Lark's contextual lexer), so a keyword may still stand
inside a name elsewhere. Bahasa Indonesia has its own table (`indonesian.INDONESIAN`) and a
sibling grammar with the same terminal names, so both languages lower to the same tree.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from . import indonesian
from .indonesian import INDONESIAN

#: terminal name -> English phrases; the first phrase is how messages and docs show it.
ENGLISH: Mapping[str, tuple[str, ...]] = {
    # declarations
    "POLICY": ("policy",),
    "VERSION": ("version",),
    "TIMEZONE": ("timezone",),
    "DEFAULT": ("default",),
    "EFFECTIVE": ("effective",),
    "DENY": ("deny",),
    "ALLOW": ("allow",),
    "EMPLOYEES_HAVE": ("employees have",),
    "SHIFTS_HAVE": ("shifts have",),
    "TEXT_TYPE": ("text",),
    "NUMBER_TYPE": ("number",),
    "YES_OR_NO": ("yes or no",),
    "DATE_TYPE": ("date",),
    "ONE_OF": ("one of",),
    "RANKED": ("ranked",),
    "HOLIDAYS": ("holidays", "holiday"),
    "INDONESIA": ("Indonesia",),
    "WITH_JOINT_HOLIDAYS": ("with joint holidays",),
    "EXCEPT_HOLIDAYS": ("except holidays",),
    "EXCEPT": ("except",),
    "AS_JOINT_HOLIDAY": ("as joint holiday", "as a joint holiday"),
    "ABSENCE_KINDS": ("absence kinds",),
    "AS_WORK": ("as work",),
    "HOURS": ("hours", "hour"),
    "DATES": ("dates",),
    "GROUP": ("group",),
    "RULE": ("rule",),
    "CITING": ("citing",),
    "OVERRIDES": ("overrides",),
    # subjects and conditions
    "EMPLOYEES": ("employees",),
    "EVERYONE": ("everyone",),
    "WHOSE": ("whose",),
    "WHO_ARE": ("who are",),
    "THEIR": ("their",),
    "THEY_ARE": ("they are",),
    "THE_SHIFTS": ("the shift's", "the shift’s"),
    "THE_SHIFT": ("the shift",),
    "IS": ("is",),
    "NOT": ("not",),
    "AT_LEAST": ("at least",),
    "AT_MOST": ("at most",),
    "MORE_THAN": ("more than",),
    "LESS_THAN": ("less than",),
    "BETWEEN": ("between",),
    "BEFORE": ("before",),
    "AFTER": ("after",),
    "AGO": ("ago",),
    "AND": ("and",),
    "OR": ("or",),
    "IF": ("if",),
    "UNLESS": ("unless",),
    "YES": ("yes",),
    "NO": ("no",),
    "OF": ("of",),
    "IN_EACH": ("in each",),
    # statements
    "MUST_NOT": ("must not",),
    "MUST": ("must",),
    "MAY": ("may",),
    "BE_ON_SITE": ("be on-site",),
    "WORK_ON_SITE": ("work on-site",),
    "WORK_AT_THE_OFFICE": ("work at the office",),
    "WORK_FROM_HOME": ("work from home",),
    "WORK_ANYWHERE": ("work anywhere", "work from anywhere"),
    "WORK_REMOTELY": ("work remotely",),
    "WORK_WITHIN": ("work within",),
    "START_WORK": ("start work",),
    "WORK": ("work",),
    "PER": ("per",),
    # time
    "DURING": ("during",),
    "OUTSIDE": ("outside",),
    "ON": ("on",),
    "FROM": ("from",),
    "UNTIL": ("until",),
    "TO": ("to",),
    "MONDAY": ("Monday", "Mondays"),
    "TUESDAY": ("Tuesday", "Tuesdays"),
    "WEDNESDAY": ("Wednesday", "Wednesdays"),
    "THURSDAY": ("Thursday", "Thursdays"),
    "FRIDAY": ("Friday", "Fridays"),
    "SATURDAY": ("Saturday", "Saturdays"),
    "SUNDAY": ("Sunday", "Sundays"),
    "WEEKDAYS": ("weekdays", "weekday"),
    "WEEKENDS": ("weekends", "weekend"),
    "WORKING_DAYS": ("working days", "working day"),
    "PUBLIC_HOLIDAYS": ("public holidays",),
    "JOINT_HOLIDAYS": ("joint holidays",),
    "EVERY_DAY": ("every day",),
    "DAY": ("days", "day"),
    "WEEK": ("weeks", "week"),
    "MONTH": ("months", "month"),
    "YEAR": ("years", "year"),
}

#: How the other terminals of the grammar are shown to a policy author.
OTHER_TERMINALS: Mapping[str, str] = {
    "WORD": "a name",
    "QUOTED_NAME": "a `quoted name`",
    "STRING": 'a text in quotes ("...")',
    "NUMBER": "a number",
    "DATE": "a date (YYYY-MM-DD)",
    "TIME": "a time (HH:MM)",
    "ZONE": "a time zone (such as Asia/Jakarta or WIB)",
    "_DOT": "`.`",
    "_COLON": "`:`",
    "_COMMA": "`,`",
    "_LPAR": "`(`",
    "_RPAR": "`)`",
    "_LT": "`<`",
    "_PERCENT": "`%`",
    "$END": "the end of the sentence",
}

KEYWORD_PRIORITY = 2


def phrase_pattern(phrases: tuple[str, ...]) -> str:
    """A regular expression for a keyword: its phrases, any white space between words."""
    alternatives = []
    for phrase in sorted(phrases, key=len, reverse=True):
        words = [re.escape(word) for word in phrase.split()]
        alternatives.append(r"\s+".join(words))
    return "(?:" + "|".join(alternatives) + r")(?![\w-])"


#: language code -> its keyword table
LANGUAGES: Mapping[str, Mapping[str, tuple[str, ...]]] = {"en": ENGLISH, "id": INDONESIAN}


def table_of(language: str) -> Mapping[str, tuple[str, ...]]:
    """The keyword table of a language (`en`, `id`)."""
    return LANGUAGES[language]


def terminal_definitions(table: Mapping[str, tuple[str, ...]] | str = ENGLISH) -> str:
    """Lark terminal definitions for every keyword of a table or a language, to append to its
    grammar. The English definitions are the table's phrases at one priority; the Indonesian
    ones follow `indonesian.terminal_definitions`."""
    if table == "id" or table is INDONESIAN:
        return indonesian.terminal_definitions()
    if isinstance(table, str):
        table = LANGUAGES[table]
    lines = []
    for name, phrases in table.items():
        pattern = phrase_pattern(phrases).replace("/", "\\/")
        lines.append(f"{name}.{KEYWORD_PRIORITY}: /{pattern}/i")
    return "\n".join(lines) + "\n"


def describe(terminal: str, table: Mapping[str, tuple[str, ...]] = ENGLISH) -> str:
    """How a terminal is shown in a message: the keyword as written, or what it stands for."""
    if terminal in table:
        return f"`{table[terminal][0]}`"
    return OTHER_TERMINALS.get(terminal, terminal.lower())
