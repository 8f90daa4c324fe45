"""The check step: every pass looks at the gathered declarations and returns every problem it
finds; all of them run, and their diagnostics are reported together."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from ...core.diagnostics import Diagnostic
from ...core.source import SourceFile
from .. import ast
from ..parse import ParsedPolicy
from ..symbols import Symbols, gather
from . import groups, header, literals, names, overrides, reserved, statements, types, usage

Check = Callable[[Symbols], list[Diagnostic]]


@attrs.frozen
class CheckedPolicy:
    """A policy's sources, syntax trees and declarations by name, with every diagnostic."""

    sources: tuple[SourceFile, ...]
    files: tuple[ast.PolicyFile, ...]
    symbols: Symbols
    diagnostics: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


def check(parsed: ParsedPolicy) -> CheckedPolicy:
    """Gather the declarations of a parsed policy and run every check on them."""
    symbols = gather(parsed.files)
    diagnostics = (*parsed.diagnostics, *run_checks(symbols))
    return CheckedPolicy(parsed.sources, parsed.files, symbols, diagnostics)


def all_checks() -> Sequence[Check]:
    """Every check, in the order their reports are gathered (they are sorted for display)."""
    return (
        header.check_header,
        header.check_calendar,
        names.check_duplicates,
        names.check_unknown_names,
        groups.check_group_cycles,
        overrides.check_overrides,
        literals.check_literals,
        types.check_types,
        statements.check_forms,
        statements.check_inert_rules,
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
