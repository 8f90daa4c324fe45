"""The errors flexrules raises; all derive from `Error`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .diagnostics import Diagnostic, render_text, sort_diagnostics
from .messages import Text, spoken


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
    """Request data (an employee, a shift) that cannot be used; names the field at fault.

    flexrules gives the problem as a catalog `Text`: `.code` is its catalog key and
    `.arguments` its values, and it reads in English or Bahasa Indonesia (`message_for`).
    `.message` and `str(error)` are in the language being spoken (`messages.speaking`;
    English by default). A caller may give plain text instead: it reads the same in every
    language, and `.code` is None."""

    def __init__(self, field: str, value: Any, message: str | Text) -> None:
        self.field = field
        self.value = value
        #: the problem: a catalog text, or plain text as a caller outside flexrules gave it
        self.text: str | Text = message
        super().__init__(field, value, message)

    @property
    def code(self) -> str | None:
        """The problem's catalog key (`input.shift.end_before_start`); None for plain text."""
        return self.text.key if isinstance(self.text, Text) else None

    @property
    def arguments(self) -> Mapping[str, Any]:
        """The values the problem's catalog entry is filled with (none for plain text)."""
        return dict(self.text.args) if isinstance(self.text, Text) else {}

    @property
    def message(self) -> str:
        """The problem, without the field, in the language being spoken."""
        return self.problem_for(spoken())

    def problem_for(self, language: str = "en") -> str:
        """The problem, without the field, in `language` (`en`, `id`)."""
        return self.text if isinstance(self.text, str) else self.text.render(language)

    def message_for(self, language: str = "en") -> str:
        """The field and the problem (`end: the shift's end must be after its start`), as
        `str(error)` reads, in `language`."""
        return f"{self.field}: {self.problem_for(language)}"

    def __str__(self) -> str:
        return self.message_for(spoken())

    def __reduce__(self) -> tuple[Any, ...]:
        return (InputError, (self.field, self.value, self.text))
