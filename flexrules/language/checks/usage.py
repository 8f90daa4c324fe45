"""Usage: warn about declarations that no rule uses, directly or through a group it uses."""

from __future__ import annotations

import re

from ...core.diagnostics import Diagnostic, warning
from ...core.messages import Code, Text
from .. import ast
from ..symbols import Symbols
from ._util import group_refs, has_unread_text, in_each, likely_meant, span_names, uses_in

_UNUSED_ATTRIBUTE = {
    ast.Owner.EMPLOYEE: "diag.unused.employee_attribute",
    ast.Owner.SHIFT: "diag.unused.shift_attribute",
}


def check_unused(symbols: Symbols) -> list[Diagnostic]:
    """Attributes, groups, hours and dates that nothing a rule depends on refers to.

    A group used only by unused groups is unused, and so are the attributes only they test.
    Unknown names are mistakes reported elsewhere, so what they probably meant (a close name,
    or a name inside them) counts as used. While a sentence of the policy cannot be read (a
    syntax error), nothing is reported: what that sentence uses is not known.
    """
    if has_unread_text(symbols):
        return []
    used = _Used(symbols)
    used.walk()
    return [
        *_unused_attributes(symbols, used),
        *_unused_groups(symbols, used),
        *_unused_spans(symbols, used),
    ]


def _unused_attributes(symbols: Symbols, used: _Used) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for owner in ast.Owner:
        for key, attribute in symbols.attributes(owner).items():
            if not used.has_attribute(owner, key):
                found.append(
                    warning(
                        "unused-declaration",
                        Text(_UNUSED_ATTRIBUTE[owner], name=attribute.name.text),
                        attribute.name.span,
                        Text("diag.unused.attribute.hint"),
                    )
                )
    return found


def _unused_groups(symbols: Symbols, used: _Used) -> list[Diagnostic]:
    """Unused groups; the hint names a group that refers to one, since that one is unused too."""
    found: list[Diagnostic] = []
    for key, group in symbols.groups.items():
        if used.has_group(key):
            continue
        used_by = [
            other.name.text
            for other in symbols.groups.values()
            if any(ref.name.key == key for ref in group_refs(other))
        ]
        hint = (
            Text("diag.unused.group.only_unused.hint", group=used_by[0])
            if used_by
            else Text("diag.unused.group.hint")
        )
        found.append(
            warning(
                "unused-declaration",
                Text("diag.unused.group", name=group.name.text),
                group.name.span,
                hint,
            )
        )
    return found


def _unused_spans(symbols: Symbols, used: _Used) -> list[Diagnostic]:
    """Unused hours and dates; hours and dates share one name space (`during NAME`), and a name
    declared as both is reported once, as hours."""
    named: dict[str, ast.HoursDecl | ast.DatesDecl] = {}
    for key, hours in symbols.hours.items():
        named.setdefault(key, hours)
    for key, dates in symbols.dates.items():
        named.setdefault(key, dates)
    found: list[Diagnostic] = []
    for key, span_decl in named.items():
        if used.has_span(key):
            continue
        kind = "diag.unused.hours" if isinstance(span_decl, ast.HoursDecl) else "diag.unused.dates"
        found.append(
            warning(
                "unused-declaration",
                Text(kind, name=span_decl.name.text),
                span_decl.name.span,
                Text("diag.unused.span.hint", during=Code("code.during", name=span_decl.name.text)),
            )
        )
    return found


class _Used:
    """What the rules use, directly or through the groups they use."""

    def __init__(self, symbols: Symbols) -> None:
        self.symbols = symbols
        self.groups: set[str] = set()
        self.attributes: set[tuple[ast.Owner, str]] = set()
        self.spans: set[str] = set()
        #: the keys of unknown names: a declared name inside one of them counts as used
        self.unknown: list[str] = []

    def walk(self) -> None:
        symbols = self.symbols
        groups = {key: g.name.text for key, g in symbols.groups.items()}
        # every declaration of a group name, duplicates included: their uses count too
        definitions: dict[str, list[ast.GroupDecl]] = {}
        for declaration in symbols.declarations():
            if isinstance(declaration, ast.GroupDecl):
                definitions.setdefault(declaration.name.key, []).append(declaration)
        pending: list[ast.RuleDecl | ast.GroupDecl] = list(symbols.rule_list())
        while pending:
            declaration = pending.pop()
            for ref in group_refs(declaration):
                key = self._group_key(ref.name, groups)
                if key is not None:
                    self._enter_group(key, definitions, pending)
            for use in uses_in(declaration):
                self._attribute(use.test.owner, use.test.attribute)
            if isinstance(declaration, ast.RuleDecl):
                self._statement(declaration.statement)
            if not pending:  # groups named inside unknown names are used as well
                self._groups_inside_unknown(definitions, pending)

    def _group_key(self, name: ast.Name, groups: dict[str, str]) -> str | None:
        """The group a reference names; for an unknown name, the group it probably meant."""
        if name.key in self.symbols.groups:
            return name.key
        self.unknown.append(name.key)
        return likely_meant(name, groups)

    def _enter_group(
        self,
        key: str,
        definitions: dict[str, list[ast.GroupDecl]],
        pending: list[ast.RuleDecl | ast.GroupDecl],
    ) -> None:
        """Mark a group used, the first time, and queue its declarations: what they use is
        used too."""
        if key not in self.groups:
            self.groups.add(key)
            pending.extend(definitions[key])

    def _groups_inside_unknown(
        self,
        definitions: dict[str, list[ast.GroupDecl]],
        pending: list[ast.RuleDecl | ast.GroupDecl],
    ) -> None:
        """Once nothing else is pending: a group whose name appears inside an unknown name was
        probably meant there, so it counts as used."""
        for key in self.symbols.groups:
            if key not in self.groups and self._inside_unknown(key):
                self._enter_group(key, definitions, pending)

    def _statement(self, statement: ast.Statement) -> None:
        """What a rule's statement uses besides its subject and conditions: the attribute of
        `in each` and the hours and dates it names."""
        each = in_each(statement)
        if each is not None:
            self._attribute(ast.Owner.EMPLOYEE, each)
        for name, _ in span_names(statement):
            self._span(name)

    def _attribute(self, owner: ast.Owner, name: ast.Name) -> None:
        for side in (owner, *(o for o in ast.Owner if o is not owner)):
            if name.key in self.symbols.attributes(side):
                # on the wrong owner it is an error, reported elsewhere, not an unused name
                self.attributes.add((side, name.key))
                return
        self.unknown.append(name.key)
        table = self.symbols.attributes(owner)
        guess = likely_meant(name, {key: a.name.text for key, a in table.items()})
        if guess is not None:
            self.attributes.add((owner, guess))

    def _span(self, name: ast.Name) -> None:
        symbols = self.symbols
        if name.key in symbols.hours or name.key in symbols.dates:
            self.spans.add(name.key)
            return
        self.unknown.append(name.key)
        known = {key: d.name.text for key, d in symbols.dates.items()}
        known.update((key, d.name.text) for key, d in symbols.hours.items())
        guess = likely_meant(name, known)
        if guess is not None:
            self.spans.add(guess)

    def _inside_unknown(self, key: str) -> bool:
        pattern = re.compile(rf"(?:^| ){re.escape(key)}(?: |$)")
        return any(pattern.search(unknown) for unknown in self.unknown)

    def has_attribute(self, owner: ast.Owner, key: str) -> bool:
        return (owner, key) in self.attributes or self._inside_unknown(key)

    def has_group(self, key: str) -> bool:
        return key in self.groups or self._inside_unknown(key)

    def has_span(self, key: str) -> bool:
        return key in self.spans or self._inside_unknown(key)
