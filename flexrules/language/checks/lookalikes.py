"""Look-alikes: names and text values that look like others but are not the same characters.

A Cyrillic `а` pasted into `grаde` makes a second attribute beside `grade`, or a text value
that no data will ever equal. Both are warnings with the name or text meant: two declared names
that look the same (`confusable-name`), and a word that mixes scripts (`mixed-script`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...core.diagnostics import Diagnostic, warning
from ...core.messages import Text
from ...core.source import Span
from .. import ast
from ..characters import quoted_texts
from ..lookalikes import in_one_script, is_mixed, letter_note, scripts, skeleton
from ..symbols import Symbols
from ._util import place, shorten

NameNode = ast.Name | ast.Identifier
_WORD = re.compile(r"[^\W\d_]+")


def check_lookalikes(symbols: Symbols) -> list[Diagnostic]:
    """Declared names that look like another of their kind; names and text values with a
    word that mixes scripts."""
    found: list[Diagnostic] = []
    confusable: set[int] = set()
    for kind, names in _namespaces(symbols):
        for name, other in _look_the_same(names):
            confusable.add(id(name))
            found.append(_confusable(kind, name, other))
    for _, names in _namespaces(symbols):
        for name in names:
            if id(name) not in confusable:
                found.extend(_mixed_name(name))
    for file in symbols.files:
        source = file.span.source
        for start, end in quoted_texts(source.text):
            found.extend(_mixed_text(Span(source, start, end)))
    return found


def _namespaces(symbols: Symbols) -> Iterator[tuple[str, list[NameNode]]]:
    """The declared names of each kind, in source order: names of one kind must differ."""
    employee: list[NameNode] = []
    shift: list[NameNode] = []
    groups: list[NameNode] = []
    spans: list[NameNode] = []
    rules: list[NameNode] = []
    for declaration in symbols.declarations():
        if isinstance(declaration, ast.AttributesDecl):
            owner = employee if declaration.owner is ast.Owner.EMPLOYEE else shift
            owner.extend(attribute.name for attribute in declaration.attributes)
        elif isinstance(declaration, ast.GroupDecl):
            groups.append(declaration.name)
        elif isinstance(declaration, (ast.HoursDecl, ast.DatesDecl)):
            spans.append(declaration.name)
        elif isinstance(declaration, ast.RuleDecl):
            rules.append(declaration.id)
    yield "diag.kind_of_name.employee_attribute", employee
    yield "diag.kind_of_name.shift_attribute", shift
    yield "diag.kind_of_name.group", groups
    yield "diag.kind_of_name.hours", spans
    yield "diag.kind_of_name.rule", rules


def _look_the_same(names: list[NameNode]) -> Iterator[tuple[NameNode, NameNode]]:
    """Each name that looks like another of its kind but is another name, with the name it
    looks like: of two, the one that mixes scripts, else the later, is the one reported."""
    seen: dict[str, NameNode] = {}
    for name in names:
        looks = skeleton(" ".join(name.text.split()))
        first = seen.setdefault(looks, name)
        if first.key == name.key:
            continue
        if is_mixed(first.text) and not is_mixed(name.text):
            seen[looks] = name
            yield first, name
        else:
            yield name, first


def _confusable(kind: str, name: NameNode, other: NameNode) -> Diagnostic:
    written, meant = shorten(name.text, 60), shorten(other.text, 60)
    return warning(
        "confusable-name",
        Text(
            "diag.confusable_name",
            kind=Text(kind),
            written=written,
            meant=meant,
            place=place(other.span, name.span),
        ),
        name.span,
        Text("diag.did_you_mean.note", guess=meant, note=letter_note(name.text, other.text)),
        other.text,
    )


def _mixed_name(name: NameNode) -> list[Diagnostic]:
    words = name.text.split()
    if not is_mixed(name.text):
        return []
    mended = [in_one_script(word) or word for word in words]
    return [_mixed("diag.mixed_script.name", name.text, " ".join(mended), name.span)]


def _mixed_text(span: Span) -> list[Diagnostic]:
    text = span.text
    words = [m for m in _WORD.finditer(text) if len(scripts(m.group())) > 1]
    if not words:
        return []
    mended = text
    for match in reversed(words):
        word = in_one_script(match.group()) or match.group()
        mended = mended[: match.start()] + word + mended[match.end() :]
    return [_mixed("diag.mixed_script.text", text, mended, span)]


def _mixed(what: str, written: str, mended: str, span: Span) -> Diagnostic:
    word = next(w for w in _WORD.findall(written) if len(scripts(w)) > 1)
    found = scripts(word)
    first, second = (name if name == "CJK" else name.title() for name in found[:2])
    named = Text("diag.and", first=first, second=second)
    message = Text(what, written=shorten(written, 60), scripts=named)
    if mended == written or any(len(scripts(w)) > 1 for w in _WORD.findall(mended)):
        return warning(
            "mixed-script",
            message,
            span,
            Text("diag.mixed_script.hint"),
        )
    return warning(
        "mixed-script",
        message,
        span,
        Text(
            "diag.did_you_mean.note", guess=shorten(mended, 80), note=letter_note(written, mended)
        ),
        mended,
    )
