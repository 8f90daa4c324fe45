"""Which names a translation writes in backquotes (LANGUAGE-ID.md §7, §3.8): a name, at every
use and in its declaration, when a word of it is reserved in the target language for a kind
of name it stands as (the tables of `language.reserved`, read from the target's parser), so a
translation never adds a `reserved-word` warning and quotes no name that reads as it is.

A name stands as the kind its place in the sentence reads: a group at the head of a subject;
an attribute after `whose`/`their`/`in each` (Indonesian: before `-nya` and `sif` in a
condition, after `di setiap`); a yes/no attribute after `who are`/`they are` (Indonesian:
after `yang`, `mereka`, `sif`, and so is any attribute tested in a subject, after `yang` or
`dan`); hours and dates after `during`, `outside`, `work within`. A declared name counts as
its declaration's kind (a `yes or no` attribute as a yes/no attribute)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .. import ast
from ..reserved import culprit


def names_to_quote(declarations: Iterable[ast.Declaration], language: str) -> frozenset[str]:
    """The keys (`Name.key`) of the names to backquote when writing in `language`."""
    return frozenset(
        name.key
        for name, kind in _uses(declarations, language)
        if culprit(name.words, kind, language) is not None
    )


def _uses(declarations: Iterable[ast.Declaration], language: str) -> Iterator[tuple[ast.Name, str]]:
    for node in declarations:
        if isinstance(node, ast.GroupDecl):
            yield node.name, "group"
            for subject in node.subjects:
                yield from _subject(subject, language)
        elif isinstance(node, ast.AttributesDecl):
            for attribute in node.attributes:
                flag = isinstance(attribute.type, ast.SimpleType) and attribute.type.kind == "bool"
                yield attribute.name, "flag" if flag else "attribute"
        elif isinstance(node, (ast.HoursDecl, ast.DatesDecl)):
            yield node.name, "span"
        elif isinstance(node, ast.RuleDecl):
            yield from _statement(node.statement, language)


def _statement(node: ast.Statement, language: str) -> Iterator[tuple[ast.Name, str]]:
    yield from _subject(node.subject, language)
    counted = node.staffing or node.share
    if counted is not None and counted.in_each is not None:
        yield counted.in_each, "attribute"
    if node.activity.within is not None:
        yield node.activity.within, "span"
    for time in node.times:
        if isinstance(time, ast.During):
            yield time.name, "span"
    if node.condition is not None:
        yield from _condition(node.condition.condition)


def _subject(node: ast.Subject, language: str) -> Iterator[tuple[ast.Name, str]]:
    if isinstance(node.base, ast.GroupRef):
        yield node.base.name, "group"
    for test in node.refinements:
        relative = language == "id"  # `yang X`, `yang Xnya`, `dan Xnya`
        flag = isinstance(test, ast.FlagTest) or relative
        yield test.attribute, "flag" if flag else "attribute"


def _condition(node: ast.Condition) -> Iterator[tuple[ast.Name, str]]:
    if isinstance(node, (ast.And, ast.Or)):
        for item in node.items:
            yield from _condition(item)
    elif isinstance(node, ast.Not):
        yield from _condition(node.item)
    else:
        yield node.attribute, "flag" if isinstance(node, ast.FlagTest) else "attribute"
