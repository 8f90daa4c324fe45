"""Overrides: each names a declared rule, and no rule sets itself aside, directly or in a ring."""

from __future__ import annotations

from ...core.diagnostics import Diagnostic, error
from ...core.messages import Text
from ..symbols import Symbols
from ._util import closest, cycles, shorten, unread_declarations


def check_overrides(symbols: Symbols) -> list[Diagnostic]:
    """Unknown rule ids in `overrides`, and override cycles (one report per cycle)."""
    found: list[Diagnostic] = []
    ids = [rule.id.text for rule in symbols.rules.values()]
    unread = unread_declarations(symbols)
    for rule in symbols.rule_list():
        for target in rule.overrides:
            if target.key in symbols.rules or target.key in unread:
                continue  # a rule in a sentence that did not parse has its syntax error
            guess = closest(target.text, ids)
            found.append(
                error(
                    "unknown-rule",
                    Text("diag.unknown_rule", id=shorten(target.text, 80)),
                    target.span,
                    Text("diag.did_you_mean", guess=guess)
                    if guess
                    else Text("diag.unknown_rule.hint"),
                    guess,
                )
            )
    edges = {
        key: [target.key for target in rule.overrides if target.key in symbols.rules]
        for key, rule in symbols.rules.items()
    }
    for cycle in cycles(edges):
        first = symbols.rules[cycle[0]]
        target = next(t for t in first.overrides if t.key == cycle[1])
        if len(cycle) == 2:
            found.append(
                error(
                    "override-cycle",
                    Text("diag.override_cycle.self", id=first.id.text),
                    target.span,
                    Text("diag.override_cycle.self.hint", target=shorten(target.text, 80)),
                )
            )
            continue
        path = " → ".join(f"`{symbols.rules[key].id.text}`" for key in cycle)
        found.append(
            error(
                "override-cycle",
                Text("diag.override_cycle", path=path),
                target.span,
                Text("diag.override_cycle.hint"),
            )
        )
    return found
