"""Statements must be one of the forms the language defines."""

from __future__ import annotations

from ...core.diagnostics import Diagnostic
from ..statement_forms import classify
from ..symbols import Symbols


def check_forms(symbols: Symbols) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for rule in symbols.rule_list():
        found.extend(classify(rule.statement)[1])
    return found
