"""The checks: each pass looks at the gathered declarations and returns every problem it finds."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ...core.diagnostics import Diagnostic
from ..symbols import Symbols

Check = Callable[[Symbols], list[Diagnostic]]


def all_checks() -> Sequence[Check]:
    """Every check, in the order their reports are gathered (they are sorted for display)."""
    from . import (
        forms,
        groups,
        header,
        literals,
        names,
        overrides,
        reserved,
        statements,
        types,
        usage,
    )

    return (
        header.check_header,
        header.check_calendar,
        names.check_duplicates,
        names.check_unknown_names,
        groups.check_group_cycles,
        overrides.check_overrides,
        literals.check_literals,
        types.check_types,
        forms.check_forms,
        statements.check_limit_times,
        usage.check_unused,
        reserved.check_reserved_words,
    )


def run_checks(symbols: Symbols) -> list[Diagnostic]:
    """Every check's diagnostics; a check never stops another from running."""
    found: list[Diagnostic] = []
    for check in all_checks():
        found.extend(check(symbols))
    return found
