"""The examples language's keyword table: each terminal of `grammar/examples.lark` and how it
is written. Day names, `yes`, `no` and `timezone` are the policy language's own (one table per
language, as `language.keywords` has it)."""

from __future__ import annotations

from collections.abc import Mapping

from ..language import keywords as policy_keywords

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

#: where each place keyword puts the shift (`Shift.location`)
LOCATIONS = {"OFFICE": "office", "HOME": "home", "ANYWHERE": "anywhere"}


def describe(terminal: str) -> str:
    """A terminal as a syntax error names it."""
    return policy_keywords.describe(terminal, ENGLISH)
