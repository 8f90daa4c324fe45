"""Near misses: when the policy default decides a piece that a permission would have decided,
but for a fact that is missing or not of its declared type, the default's reason names that
rule and that fact, with a did-you-mean where a declared value is close (`"Administration"`:
did you mean `"administration"`?). DATA.md §1.

Nothing here runs while deciding: a decision keeps its standing (which rules may apply, their
truth unknown), and these are worked out only when someone reads the default's reason. The
value still fails closed; this only says why.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import attrs

from ..clock.calendar import DAY
from ..core.messages import Listing, Text
from ..language import ast
from ..language.checks._util import closest
from .compile import MAY, MUST, CompiledRule
from .conditions import Slot
from .facts import UNKNOWN, Values, jsonable
from .state import Plan

#: a near-miss value longer than this is never compared (difflib is quadratic)
_LONGEST = 200


@attrs.frozen
class NearMiss:
    """A permission that may have applied, and a fact it read that was unusable: the value as
    given (None when missing), what was wrong with it, and a close declared value, if any."""

    rule: CompiledRule
    fact: str
    value: Any
    problem: Text
    suggestion: str | None

    def fact_text(self) -> Text:
        """`unit is "Administration", not one of ...: did you mean "administration"?`."""
        meant = "" if self.suggestion is None else Text("near_miss.meant", value=self.suggestion)
        return Text("near_miss.fact", name=self.fact, problem=self.problem, meant=meant)

    def to_dict(self, language: str = "en") -> dict[str, Any]:
        """JSON-ready: the rule's id, the fact's name, the value as given (None when
        missing), what was wrong with it in `language`, and the close declared value."""
        return {
            "rule": self.rule.id,
            "fact": self.fact,
            "value": jsonable(self.value),
            "message": self.fact_text().render(language),
            "suggestion": self.suggestion,
        }


def suggestion(value: Any, type_: ast.TypeExpr) -> str | None:
    """A declared value of a `one of` or `ranked` type close to a text value that is not one of
    them, at the did-you-mean distance the policy checks use; None otherwise."""
    if not isinstance(value, str) or len(value) > _LONGEST:
        return None
    if not isinstance(type_, (ast.OneOfType, ast.RankedType)):
        return None
    return closest(value, [v.value for v in type_.values])


def time_mask(plan: Callable[[int], Plan], start: int, end: int) -> int:
    """The rules whose TIME holds somewhere from `start` to `end` (local seconds)."""
    mask = 0
    for day in range(start // DAY, (end - 1) // DAY + 1):
        found = plan(day)
        base = day * DAY
        bounds = found.bounds
        for index, bits in enumerate(found.masks):
            if base + bounds[index] < end and base + bounds[index + 1] > start:
                mask |= bits
    return mask


def permissions(rules: Iterable[CompiledRule], location: int) -> list[CompiledRule]:
    """The rules that would permit working at `location` where they apply: a `may`, or a
    `must` that names the location."""
    return [
        rule
        for rule in rules
        if location & rule.locations
        and (rule.kind == MAY or (rule.kind == MUST and rule.names_location))
    ]


def unusable_slots(rule: CompiledRule, employee: Values, shift: Values, day: int) -> list[Slot]:
    """The facts whose being unusable left the rule's applicability unknown, in the rule's
    order: those its witness names, else every unusable one it reads."""
    decisive = rule.witness(employee, shift, day)[1]
    found = [slot for slot in rule.slots if slot in decisive and _unusable(slot, employee, shift)]
    return found or [slot for slot in rule.slots if _unusable(slot, employee, shift)]


def _unusable(slot: Slot, employee: Values, shift: Values) -> bool:
    values = employee if slot.owner is ast.Owner.EMPLOYEE else shift
    return values[slot.index] is UNKNOWN


def listed(misses: Iterable[NearMiss]) -> Listing:
    """The near misses, a line per rule with its facts: `R would have permitted it, but ...`."""
    by_rule: dict[str, tuple[CompiledRule, list[Text]]] = {}
    for miss in misses:
        by_rule.setdefault(miss.rule.id, (miss.rule, []))[1].append(miss.fact_text())
    return Listing(
        [
            Text("near_miss.rule", rule=_label(rule), facts=Listing(facts, ", "))
            for rule, facts in by_rule.values()
        ],
        "; ",
    )


def _label(rule: CompiledRule) -> str:
    return rule.id + (f' "{rule.title}"' if rule.title else "")
