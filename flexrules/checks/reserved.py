"""Reserved words: warn about a declared name that a rule cannot write as it is declared.

A keyword may stand in a name except where it could follow (or replace) that kind of name;
there it ends the name. Rather than keep a second list of those places, each name is tried in
the sentences that use its kind, with the real parser.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import attrs

from .. import ast
from ..diagnostics import Diagnostic, warning
from ..lower import Lowerer
from ..parser import parse_source
from ..source import SourceFile
from ..symbols import Symbols
from ._util import BUILT_IN_SUBJECTS, type_name

# `{}` is the name; `a` stands for some other name of the right kind.
_GROUP = (
    "rule x: {} must be on-site.",
    "rule x: {} whose a is 1 and who are a must be on-site.",
    "rule x: at least 1 {} in each a must be on-site.",
    "rule x: at most 5% of {} may work per day.",
    "group x: {} or employees.",
)
_EMPLOYEE_ATTRIBUTE = (
    "rule x: employees whose {} is 1 must be on-site.",
    "rule x: employees may work if their {} is 1.",
)
_EMPLOYEE_TEXT = ("rule x: at least 1 employees in each {} must be on-site.",)
_EMPLOYEE_FLAG = (
    "rule x: employees who are {} must be on-site.",
    "rule x: employees who are {} and who are a must be on-site.",
    "rule x: employees may work if they are {}.",
    "rule x: employees may work if they are {} and they are a or they are a.",
)
_SHIFT_ATTRIBUTE = ("rule x: employees may work if the shift's {} is 1.",)
_SHIFT_FLAG = (
    "rule x: employees may work if the shift is {}.",
    "rule x: employees may work if the shift is {} and they are a or they are a.",
)
_DATES = (
    "rule x: employees may work during {}.",
    "rule x: employees may work outside {} on Monday between 08:00 and 09:00 if they are a.",
    "rule x: employees must work at least 1 hours per day during {}.",
)
_HOURS = (
    "rule x: employees must work within {}.",
    "rule x: employees must work within {} during a if they are a.",
    *_DATES[:2],
)


@attrs.frozen
class _Candidate:
    name: ast.Name
    kind: str
    probes: tuple[str, ...]


def check_reserved_words(symbols: Symbols) -> list[Diagnostic]:
    """Names (declared without backquotes) that a rule would read differently."""
    found: list[Diagnostic] = []
    for candidate in _candidates(symbols):
        name = candidate.name
        if "`" in name.span.text:
            continue  # declared in backquotes: the author knows
        if all(_reads_back(probe, name) for probe in candidate.probes):
            continue
        found.append(_report(candidate, _culprit(candidate)))
    return found


def _candidates(symbols: Symbols) -> Iterator[_Candidate]:
    for group in symbols.groups.values():
        yield _Candidate(group.name, "group", _GROUP)
    for owner, table in ((ast.Owner.EMPLOYEE, symbols.employee_attributes),
                         (ast.Owner.SHIFT, symbols.shift_attributes)):
        for attribute in table.values():
            kind = type_name(attribute.type)
            flag = kind == "yes or no"
            probes: tuple[str, ...]
            if owner is ast.Owner.EMPLOYEE:
                probes = _EMPLOYEE_FLAG if flag else _EMPLOYEE_ATTRIBUTE
                if kind in ("text", "one of", "ranked"):
                    probes = probes + _EMPLOYEE_TEXT
            else:
                probes = _SHIFT_FLAG if flag else _SHIFT_ATTRIBUTE
            yield _Candidate(attribute.name, f"{owner.value} attribute", probes)
    for hours in symbols.hours.values():
        yield _Candidate(hours.name, "hours", _HOURS)
    for key, dates in symbols.dates.items():
        if key not in symbols.hours:
            yield _Candidate(dates.name, "dates", _DATES)


def _reads_back(probe: str, name: ast.Name) -> bool:
    """Whether the probe sentence parses with the name read as one whole name."""
    return _probe(probe, name.text)


@functools.lru_cache(maxsize=4096)
def _probe(probe: str, text: str) -> bool:
    name = ast.name_key(tuple(text.replace("`", "").split()))
    source = SourceFile("<probe>", probe.format(text))
    result = parse_source(source)
    if result.diagnostics or len(result.sentences) != 1:
        return False
    sentence = result.sentences[0]
    assert sentence.tree is not None
    lowerer = Lowerer(source, sentence.start)
    declaration = lowerer.declaration(sentence.tree)
    return any(found.key == name for found in _names_in(declaration))


def _names_in(node: object) -> Iterator[ast.Name]:
    if isinstance(node, ast.Name):
        yield node
    elif isinstance(node, ast.Node):
        for field in attrs.fields(type(node)):
            yield from _names_in(getattr(node, field.name))
    elif isinstance(node, tuple):
        for item in node:
            yield from _names_in(item)


def _culprit(candidate: _Candidate) -> str | None:
    """The word that, put in backquotes alone, makes the name read back whole."""
    words = candidate.name.words
    for index, word in enumerate(words):
        quoted = " ".join(f"`{w}`" if i == index else w for i, w in enumerate(words))
        if all(_probe(probe, quoted) for probe in candidate.probes):
            return word
    return None


def _report(candidate: _Candidate, culprit: str | None) -> Diagnostic:
    name = candidate.name
    text = name.text
    if candidate.kind == "group" and name.key in BUILT_IN_SUBJECTS:
        return warning(
            "reserved-word",
            f"a group called `{text}` cannot be used: `{name.key}` means all employees",
            name.span,
            "rename the group",
        )
    where = f"`{culprit}` is read as a keyword there" if culprit else "it is read differently"
    return warning(
        "reserved-word",
        f"the {candidate.kind} name `{text}` cannot be written as is in a rule",
        name.span,
        f"{where}: rename it, or write the name in backquotes (`` `{text}` ``) where it is used",
    )
