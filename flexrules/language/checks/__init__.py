"""The check step: every pass looks at the gathered declarations and returns every problem it
finds; all of them run, and their diagnostics are reported together."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import attrs

from ...core.diagnostics import Diagnostic, Severity, error, in_file_languages, warning
from ...core.messages import Text
from ...core.source import SourceFile
from .. import ast
from ..parse import ParsedPolicy, policy_language
from ..parser import MAX_DIAGNOSTICS_PER_FILE
from ..symbols import Symbols, gather
from . import (
    engine_keys,
    groups,
    header,
    indonesian,
    literals,
    lookalikes,
    names,
    overrides,
    reserved,
    statements,
    types,
    usage,
)

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
    diagnostics = capped((*parsed.diagnostics, *run_checks(symbols)))
    languages = file_languages(parsed.files)
    placed = in_file_languages(diagnostics, languages, policy_language(parsed.files))
    return CheckedPolicy(parsed.sources, parsed.files, symbols, tuple(placed))


def file_languages(files: Sequence[ast.PolicyFile]) -> dict[str, str]:
    """Each file's language by its name."""
    return {file.name: file.language for file in files}


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
        lookalikes.check_lookalikes,
        indonesian.check_indonesian,
        engine_keys.check_engine_keys,
    )


def run_checks(symbols: Symbols) -> list[Diagnostic]:
    """Every check's diagnostics; a check never stops another from running."""
    found: list[Diagnostic] = []
    for check in all_checks():
        found.extend(check(symbols))
    return found


_MARKERS = ("too-many-errors", "too-many-warnings")


def capped(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """At most `MAX_DIAGNOSTICS_PER_FILE` errors and as many warnings per file, the first in
    the file; where more were found, a closing diagnostic says so at the first left out. So
    what a policy reports, and the text it renders to, stays bounded whatever its size."""
    kept: list[Diagnostic] = []
    over: dict[tuple[str, Severity], list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        if diagnostic.span is None:
            kept.append(diagnostic)
        else:
            over.setdefault((diagnostic.span.file, diagnostic.severity), []).append(diagnostic)
    for found in over.values():
        ordinary = sorted((d for d in found if d.code not in _MARKERS), key=Diagnostic.sort_key)
        if len(ordinary) <= MAX_DIAGNOSTICS_PER_FILE:
            kept.extend(found)
            continue
        kept.extend(ordinary[:MAX_DIAGNOSTICS_PER_FILE])
        kept.append(_left_out(ordinary[MAX_DIAGNOSTICS_PER_FILE]))
    return kept


def _left_out(first: Diagnostic) -> Diagnostic:
    """The closing diagnostic of a file that found more than the cap, at the first left out."""
    if first.is_error:
        return error(
            "too-many-errors",
            Text("diag.too_many_errors", most=MAX_DIAGNOSTICS_PER_FILE),
            first.span,
            hint=Text("diag.too_many.hint"),
        )
    return warning(
        "too-many-warnings",
        Text("diag.too_many_warnings", most=MAX_DIAGNOSTICS_PER_FILE),
        first.span,
        hint=Text("diag.too_many.hint"),
    )
