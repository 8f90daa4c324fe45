"""Reserved words: warn about a declared name that a rule cannot write as it is declared.

A keyword may stand in a name except where it could follow (or replace) that kind of name;
there it ends the name. Which keywords those are comes from the parser's own tables
(`flexrules.reserved`), so this check and the language reference never disagree.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from ...core.diagnostics import Diagnostic, warning
from ...core.messages import Text
from .. import ast
from ..reserved import culprit
from ..symbols import Symbols
from ._util import BUILT_IN_SUBJECTS, type_name


@attrs.frozen
class _Candidate:
    name: ast.Name
    #: how messages call it (a catalog key): `group`, `employee attribute`, `hours`...
    label: str
    #: the kind of name in `flexrules.reserved`: group, attribute, flag or span
    kind: str


def check_reserved_words(symbols: Symbols) -> list[Diagnostic]:
    """Names (declared without backquotes) that a rule would read differently."""
    found: list[Diagnostic] = []
    for candidate in _candidates(symbols):
        name = candidate.name
        if "`" in name.span.text:
            continue  # declared in backquotes: the author knows
        culprit = _culprit(candidate, symbols.language_of(candidate.name))
        if culprit is not None:
            found.append(_report(candidate, culprit))
    return found


def _candidates(symbols: Symbols) -> Iterator[_Candidate]:
    for group in symbols.groups.values():
        yield _Candidate(group.name, "diag.label.group", "group")
    for owner, table in (
        (ast.Owner.EMPLOYEE, symbols.employee_attributes),
        (ast.Owner.SHIFT, symbols.shift_attributes),
    ):
        for attribute in table.values():
            flag = type_name(attribute.type) == "yes or no"
            label = (
                "diag.label.employee_attribute"
                if owner is ast.Owner.EMPLOYEE
                else "diag.label.shift_attribute"
            )
            yield _Candidate(attribute.name, label, "flag" if flag else "attribute")
    for hours in symbols.hours.values():
        yield _Candidate(hours.name, "diag.label.hours", "span")
    for key, dates in symbols.dates.items():
        if key not in symbols.hours:
            yield _Candidate(dates.name, "diag.label.dates", "span")


def _culprit(candidate: _Candidate, language: str = "en") -> tuple[str, bool] | None:
    """The reserved phrase in the name as written, and whether it is at the start."""
    return culprit(candidate.name.words, candidate.kind, language)


def _report(candidate: _Candidate, culprit: tuple[str, bool]) -> Diagnostic:
    name = candidate.name
    text = name.text
    word, at_start = culprit
    if candidate.kind == "group" and name.key in BUILT_IN_SUBJECTS:
        return warning(
            "reserved-word",
            Text("diag.reserved_word.built_in", name=text, key=name.key),
            name.span,
            Text("diag.reserved_word.built_in.hint"),
        )
    where = Text("diag.at_its_start") if at_start else ""
    return warning(
        "reserved-word",
        Text("diag.reserved_word", label=Text(candidate.label), name=text),
        name.span,
        Text("diag.reserved_word.hint", word=word, where=where, name=text),
    )
