"""What a syntax error says could come next, in the reader's language: a keyword as the file
writes it, or what a terminal stands for (`a name`, `sebuah nama`), joined as each language
joins a list of choices (`a, b or c`; `a, b, atau c`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..core.messages import Choices, Text
from . import keywords

#: the grammar's other terminals, by catalog key (their English is `keywords.OTHER_TERMINALS`)
DESCRIPTIONS: Mapping[str, str] = {
    "WORD": "diag.terminal.word",
    "NAME_NYA": "diag.terminal.word",
    "QUOTED_NYA": "diag.terminal.word",
    "QUOTED_NAME": "diag.terminal.quoted_name",
    "STRING": "diag.terminal.string",
    "NUMBER": "diag.terminal.number",
    "DATE": "diag.terminal.date",
    "TIME": "diag.terminal.time",
    "ZONE": "diag.terminal.zone",
    "$END": "diag.terminal.end",
    "LOCAL_ZONE": "diag.terminal.local_zone",
}
#: punctuation of the Indonesian grammar, shown as written
_MARKS = {"_DASH": "`-`", "PERCENT": "`%`", "_LIST_OR": "`atau`"}
#: every day of the week at once
ANY_DAY = "diag.terminal.day"


def describe(terminal: str, table: Mapping[str, tuple[str, ...]] = keywords.ENGLISH) -> Text | str:
    """A terminal as a choice: a keyword in the file's words (`table`), a description in the
    reader's language, or punctuation as it is."""
    key = DESCRIPTIONS.get(terminal)
    if key is not None and terminal not in table:
        return Text(key)
    if terminal in _MARKS:
        return _MARKS[terminal]
    if terminal.startswith("_") and terminal[1:] in table:  # a keyword the tree leaves out
        return keywords.describe(terminal[1:], table)
    return keywords.describe(terminal, table)


def any_day() -> Text:
    return Text(ANY_DAY)


def joined(items: Sequence[Text | str]) -> Choices:
    """The choices as one value, joined in the language the message is read in."""
    return Choices(tuple(items), _LIST_WORDS)


#: how a list of choices is closed (`Choices.words`)
_LIST_WORDS = ("diag.choices.nothing", "diag.choices.more", "diag.choices.two", "diag.choices.many")
