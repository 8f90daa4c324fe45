"""The names a policy declares, gathered across its files: what the checks and compiler look up."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

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

    def declarations(self) -> Iterator[ast.Declaration]:
        for file in self.files:
            yield from file.declarations

    def rule_list(self) -> list[ast.RuleDecl]:
        """Every rule in source order (files in the order given), duplicates included."""
        return [d for d in self.declarations() if isinstance(d, ast.RuleDecl)]

    def attributes(self, owner: ast.Owner) -> dict[str, ast.AttributeDecl]:
        return self.employee_attributes if owner is ast.Owner.EMPLOYEE else self.shift_attributes


def gather(files: Sequence[ast.PolicyFile]) -> Symbols:
    header: ast.Header | None = None
    employee: dict[str, ast.AttributeDecl] = {}
    shift: dict[str, ast.AttributeDecl] = {}
    groups: dict[str, ast.GroupDecl] = {}
    hours: dict[str, ast.HoursDecl] = {}
    dates: dict[str, ast.DatesDecl] = {}
    rules: dict[str, ast.RuleDecl] = {}
    working_days: ast.WorkingDaysDecl | None = None
    holidays: list[ast.HolidaysDecl] = []
    for file in files:
        for decl in file.declarations:
            if isinstance(decl, ast.Header):
                header = header or decl
            elif isinstance(decl, ast.AttributesDecl):
                table = employee if decl.owner is ast.Owner.EMPLOYEE else shift
                for attribute in decl.attributes:
                    table.setdefault(attribute.name.key, attribute)
            elif isinstance(decl, ast.GroupDecl):
                groups.setdefault(decl.name.key, decl)
            elif isinstance(decl, ast.HoursDecl):
                hours.setdefault(decl.name.key, decl)
            elif isinstance(decl, ast.DatesDecl):
                dates.setdefault(decl.name.key, decl)
            elif isinstance(decl, ast.RuleDecl):
                rules.setdefault(decl.id.key, decl)
            elif isinstance(decl, ast.WorkingDaysDecl):
                working_days = working_days or decl
            elif isinstance(decl, ast.HolidaysDecl):
                holidays.append(decl)
    return Symbols(
        tuple(files),
        header,
        employee,
        shift,
        groups,
        hours,
        dates,
        rules,
        working_days,
        tuple(holidays),
    )
