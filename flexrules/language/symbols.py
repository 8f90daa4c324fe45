"""The names a policy declares, gathered across its files: what the checks and compiler look up."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

import attrs

from . import ast


@attrs.frozen
class Symbols:
    """Declarations by kind and name key (case-insensitive); the first of a duplicate wins."""

    files: tuple[ast.PolicyFile, ...]
    header: ast.Header | None
    employee_attributes: dict[str, ast.AttributeDecl]
    shift_attributes: dict[str, ast.AttributeDecl]
    groups: dict[str, ast.GroupDecl]
    hours: dict[str, ast.HoursDecl]
    dates: dict[str, ast.DatesDecl]
    rules: dict[str, ast.RuleDecl]
    working_days: ast.WorkingDaysDecl | None
    holidays: tuple[ast.HolidaysDecl, ...]
    #: every `absence kinds:` declaration, in source order (DATA.md §3)
    absence_kinds: tuple[ast.AbsenceKindsDecl, ...] = ()

    def declared_absence_kinds(self) -> dict[str, bool] | None:
        """Each declared kind of absence and whether it counts as work; None when the policy
        declares none (then any kind is taken). The first of a repeated kind wins."""
        if not self.absence_kinds:
            return None
        found: dict[str, bool] = {}
        for decl in self.absence_kinds:
            for kind in decl.kinds:
                found.setdefault(kind.name.value, kind.work)
        return found

    def declarations(self) -> Iterator[ast.Declaration]:
        for file in self.files:
            yield from file.declarations

    def rule_list(self) -> list[ast.RuleDecl]:
        """Every rule in source order (files in the order given), duplicates included."""
        return [d for d in self.declarations() if isinstance(d, ast.RuleDecl)]

    def attributes(self, owner: ast.Owner) -> dict[str, ast.AttributeDecl]:
        return self.employee_attributes if owner is ast.Owner.EMPLOYEE else self.shift_attributes

    def language_of(self, node: ast.Node) -> str:
        """The language (`en`, `id`) of the file a declaration was written in."""
        for file in self.files:
            if file.name == node.span.file:
                return file.language
        return "en"


_Kind = TypeVar("_Kind", bound=ast.Node)
_Named = TypeVar("_Named", ast.GroupDecl, ast.HoursDecl, ast.DatesDecl)


def gather(files: Sequence[ast.PolicyFile]) -> Symbols:
    declarations = [decl for file in files for decl in file.declarations]
    employee: dict[str, ast.AttributeDecl] = {}
    shift: dict[str, ast.AttributeDecl] = {}
    for decl in _of_kind(declarations, ast.AttributesDecl):
        table = employee if decl.owner is ast.Owner.EMPLOYEE else shift
        for attribute in decl.attributes:
            table.setdefault(attribute.name.key, attribute)
    rules: dict[str, ast.RuleDecl] = {}
    for rule in _of_kind(declarations, ast.RuleDecl):
        rules.setdefault(rule.id.key, rule)
    return Symbols(
        tuple(files),
        _first(declarations, ast.Header),
        employee,
        shift,
        _by_name(declarations, ast.GroupDecl),
        _by_name(declarations, ast.HoursDecl),
        _by_name(declarations, ast.DatesDecl),
        rules,
        _first(declarations, ast.WorkingDaysDecl),
        tuple(_of_kind(declarations, ast.HolidaysDecl)),
        tuple(_of_kind(declarations, ast.AbsenceKindsDecl)),
    )


def _of_kind(declarations: Sequence[ast.Declaration], kind: type[_Kind]) -> list[_Kind]:
    """The declarations of one kind, in source order: one pass per kind keeps `gather` flat."""
    return [decl for decl in declarations if isinstance(decl, kind)]


def _first(declarations: Sequence[ast.Declaration], kind: type[_Kind]) -> _Kind | None:
    """The first declaration of a kind that may be declared once (later ones are reported)."""
    found = _of_kind(declarations, kind)
    return found[0] if found else None


def _by_name(declarations: Sequence[ast.Declaration], kind: type[_Named]) -> dict[str, _Named]:
    """Declarations of one kind by name key, in source order; the first of a duplicate wins."""
    table: dict[str, _Named] = {}
    for decl in _of_kind(declarations, kind):
        table.setdefault(decl.name.key, decl)
    return table
