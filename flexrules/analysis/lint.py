"""`lint(policy)`: every finding of a policy, with its witness, and the comments silencing some.

A finding is silenced by `# lint: ignore CODE` (several codes with commas) on a line of one of
its rules. The horizon is SETTLED.md's: given, or two years from the earliest date the policy
names, or from today.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import attrs

from ..engine.compile import CompiledRule
from ..policy import Policy
from .classes import day_classes, default_horizon, pieces, slot_classes
from .findings import CODES, Finding, Linter
from .model import require_solver

_IGNORE = re.compile(r"#\s*lint:\s*ignore\s+([a-z][a-z\-]*(?:\s*,\s*[a-z][a-z\-]*)*)")


@attrs.frozen(eq=False)
class LintReport:
    """What lint found in one policy, in the order of the rules' lines."""

    policy: Policy
    findings: tuple[Finding, ...]
    ignored: tuple[Finding, ...]
    horizon: tuple[dt.date, dt.date]
    day_classes: int
    pieces: int

    @property
    def clean(self) -> bool:
        return not self.findings

    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "error")


def ignores(rule: CompiledRule) -> set[str]:
    """The codes a rule's lines silence with `# lint: ignore CODE`."""
    span = rule.decl.span
    text = span.source.text
    begin = span.source.line_bounds(span.line)[0]
    end = span.source.line_bounds(span.end_line)[1]
    found: set[str] = set()
    for match in _IGNORE.finditer(text, begin, end):
        found.update(code.strip() for code in match.group(1).split(","))
    return found


def _place(finding: Finding) -> tuple[str, int, int]:
    """Findings in the order of their first rule's line (those of no rule first)."""
    order = list(CODES).index(finding.code)
    if not finding.rules:
        return ("", 0, order)
    source = finding.rules[0].source
    return (source.file, source.line, order)


def decider_of(policy: Policy) -> Any:
    return policy._decider  # the engine behind the policy: lint decides with it


def lint(policy: Policy, horizon: tuple[dt.date, dt.date] | None = None) -> LintReport:
    """Every finding of the policy over the horizon, each with a witness the engine decided."""
    require_solver()
    decider = decider_of(policy)
    chosen = horizon or default_horizon(decider)
    if chosen[1] < chosen[0]:
        raise ValueError(f"the horizon ends ({chosen[1]}) before it starts ({chosen[0]})")
    classes = slot_classes([decider])
    days = day_classes([decider], classes, chosen)[0]
    stretches = pieces(days)
    found = Linter(decider, classes, days, stretches).run()
    found.sort(key=_place)
    kept = [f for f in found if not any(f.code in ignores(r) for r in f.rules)]
    dropped = [f for f in found if f not in kept]
    return LintReport(policy, tuple(kept), tuple(dropped), chosen, len(days), len(stretches))
