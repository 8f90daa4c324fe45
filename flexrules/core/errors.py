"""The errors flexrules raises; all derive from `Error`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .diagnostics import Diagnostic, render_text, sort_diagnostics


class Error(Exception):
    """Base of every error flexrules raises on purpose."""


class PolicyError(Error):
    """A policy has mistakes; `.diagnostics` lists every one found, not only the first."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics: tuple[Diagnostic, ...] = tuple(sort_diagnostics(diagnostics))
        super().__init__(render_text(self.diagnostics))

    def render(self, language: str | None = None) -> str:
        """Every diagnostic and the closing count, their prose in `language` (`en`, `id`;
        None: the language of the file each points into)."""
        return render_text(self.diagnostics, language)

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.is_error)

    def __reduce__(self) -> tuple[Any, ...]:
        return (PolicyError, (self.diagnostics,))


class InputError(Error, ValueError):
    """Request data (an employee, a shift) that cannot be used; names the field at fault."""

    def __init__(self, field: str, value: Any, message: str) -> None:
        self.field = field
        self.value = value
        self.message = message
        super().__init__(f"{field}: {message}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (InputError, (self.field, self.value, self.message))
