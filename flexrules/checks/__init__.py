"""The checks: each pass looks at the gathered declarations and returns every problem it finds."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..diagnostics import Diagnostic
from ..symbols import Symbols

Check = Callable[[Symbols], list[Diagnostic]]


def all_checks() -> Sequence[Check]:
    from . import forms

    return (forms.check_forms,)


def run_checks(symbols: Symbols) -> list[Diagnostic]:
    """Every check's diagnostics; a check never stops another from running."""
    found: list[Diagnostic] = []
    for check in all_checks():
        found.extend(check(symbols))
    return found
