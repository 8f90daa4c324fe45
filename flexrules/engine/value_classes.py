"""The classes of an attribute's values that no rule can tell apart, for lint, diff and
why-not.

Rules only compare facts with constants, so every declared attribute's values fall into a few
classes: the constants it is compared with and the gaps between them (a number's midpoints, a
date's neighbouring days), each declared value of a `one of` or `ranked` type, yes and no, one
text that no rule names, and unknown. A date compared with a relative date (`less than 12
months ago`) gets, for each threshold, the cut-off day and the days either side of it, worked
out for each day decided, so one class means the same place relative to the thresholds on
every day.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from ..clock.calendar import units_before
from ..language import ast
from .conditions import Slot, literal_value

Key = tuple[ast.Owner, str]


@attrs.frozen
class Relative:
    """A threshold `N units ago`: its cut-off moves with the day decided."""

    amount: int
    unit: str


@attrs.frozen(eq=False)
class SlotClasses:
    """The classes of one attribute: `given(day, i)` is a value as an employee record would
    hold it (None: left out, so unknown), `typed(day, i)` the same value as rules read it."""

    owner: ast.Owner
    key: str  # the attribute's name key: two policies (diff) share classes by name
    name: str
    decl: ast.AttributeDecl = attrs.field(repr=False)
    fixed: tuple[Any, ...]  # values given, the same on every day
    relative: tuple[Relative, ...]  # thresholds whose neighbours are classes too (dates)

    @property
    def size(self) -> int:
        """The number of classes, unknown (the last) included."""
        return len(self.fixed) + 3 * len(self.relative) + 1

    @property
    def day_dependent(self) -> bool:
        return bool(self.relative)

    @property
    def owner_key(self) -> Key:
        return (self.owner, self.key)

    def given(self, day: int, index: int) -> Any:
        if index == self.size - 1:
            return None
        if index < len(self.fixed):
            return self.fixed[index]
        threshold, offset = divmod(index - len(self.fixed), 3)
        rel = self.relative[threshold]
        cutoff = units_before(dt.date.fromordinal(day), rel.amount, rel.unit)
        return cutoff + dt.timedelta(days=offset - 1)


Classes = dict[Key, SlotClasses]


def _constants(symbols_nodes: Iterable[Any]) -> dict[tuple[ast.Owner, str], list[Any]]:
    """Every comparison's literals and relative thresholds, by attribute."""
    found: dict[tuple[ast.Owner, str], list[Any]] = {}
    for node in walk(symbols_nodes):
        if isinstance(node, ast.AttributeTest):
            items = found.setdefault((node.owner, node.attribute.key), [])
            comparison = node.comparison
            if comparison.ago is not None:
                first = comparison.values[0]
                amount = int(float(first.text)) if isinstance(first, ast.NumberLiteral) else 0
                items.append(Relative(amount, comparison.ago.unit.value))
            else:
                items.extend(comparison.values)
        elif isinstance(node, ast.FlagTest):
            found.setdefault((node.owner, node.attribute.key), [])
    return found


def walk(roots: Iterable[Any]) -> Iterator[Any]:
    """Every syntax node under the roots (without recursion)."""
    stack = list(roots)
    while stack:
        node = stack.pop()
        if isinstance(node, (tuple, list)):
            stack.extend(node)
        elif attrs.has(type(node)) and isinstance(node, ast.Node):
            yield node
            stack.extend(getattr(node, f.name) for f in attrs.fields(type(node)))


def _fixed_values(decl: ast.AttributeDecl, literals: list[Any]) -> tuple[Any, ...]:
    """The values given that stand for the classes of an attribute, unknown aside."""
    type_ = decl.type
    if isinstance(type_, (ast.OneOfType, ast.RankedType)):
        return tuple(v.value for v in type_.values)
    kind = type_.kind
    if kind == "bool":
        return (True, False)
    constants = sorted({literal_value(v, type_) for v in literals if not isinstance(v, Relative)})
    if kind == "text":
        other = "other"
        while other in constants:
            other += "*"
        return (*constants, other)
    if kind == "number":
        return _number_values(constants)
    if kind == "date":
        one = dt.timedelta(days=1)
        return tuple(sorted({d + k * one for d in constants for k in (-1, 0, 1)})) or (
            dt.date(2000, 1, 1),
        )
    return (None,)


def _number_values(constants: list[float]) -> tuple[Any, ...]:
    if not constants:
        return (0,)
    values: list[Any] = [constants[0] - 1]
    for low, high in itertools.pairwise(constants):
        values.extend((low, (low + high) / 2))
    values.extend((constants[-1], constants[-1] + 1))
    return tuple(int(v) if float(v).is_integer() else v for v in values)


def value_classes(slot_lists: Iterable[Iterable[Slot]], roots: Iterable[Any]) -> Classes:
    """The classes of every attribute the syntax trees `roots` compare, by (owner, name key);
    of two declarations of one attribute (two policies), the first list's wins."""
    constants = _constants(roots)
    found: Classes = {}
    for slots in slot_lists:
        for slot in slots:
            key = (slot.owner, slot.decl.name.key)
            literals = constants.get(key)
            if literals is None or key in found:
                continue
            relative = tuple(dict.fromkeys(v for v in literals if isinstance(v, Relative)))
            found[key] = SlotClasses(
                slot.owner,
                slot.decl.name.key,
                slot.name,
                slot.decl,
                _fixed_values(slot.decl, literals),
                relative,
            )
    return found
