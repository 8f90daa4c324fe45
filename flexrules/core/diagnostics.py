"""Diagnostics: what is wrong in a policy and where, rendered as text with a caret or as JSON."""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from .source import Span


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@attrs.frozen
class Diagnostic:
    """One problem: a stable code, a one-line message, where it is, and what to do about it."""

    severity: Severity
    code: str
    message: str
    span: Span | None = None
    hint: str | None = None
    #: a replacement the author probably meant (a did-you-mean), when there is one
    suggestion: str | None = None
    file_name: str | None = None

    @property
    def file(self) -> str | None:
        return self.span.file if self.span is not None else self.file_name

    @property
    def line(self) -> int | None:
        return self.span.line if self.span is not None else None

    @property
    def column(self) -> int | None:
        return self.span.column if self.span is not None else None

    @property
    def end_line(self) -> int | None:
        return self.span.end_line if self.span is not None else None

    @property
    def end_column(self) -> int | None:
        return self.span.end_column if self.span is not None else None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str]:
        start = self.span.start if self.span is not None else -1
        end = self.span.end if self.span is not None else -1
        return (self.file or "", start, end, self.code)

    def render(self) -> str:
        """The diagnostic as text: message, location, the source line, a caret, the hint."""
        lines = [f"{self.severity.value}[{self.code}]: {self.message}"]
        span = self.span
        if span is None:
            if self.file:
                lines.append(f"  --> {self.file}")
        else:
            line, column = span.line, span.column
            end_line = span.end_line
            gutter = " " * len(str(end_line))
            lines.append(f"{gutter}--> {span.file}:{line}:{column}")
            lines.append(f"{gutter} |")
            for number in range(line, end_line + 1):
                text = span.source.line_text(number).expandtabs(1)
                first = column if number == line else 1
                last = span.end_column if number == end_line else len(text) + 1
                width = max(1, last - first)
                shown = text if len(text) <= 200 else text[: max(first + width + 40, 200)] + " ..."
                lines.append(f"{number:>{len(gutter)}} | {shown}".rstrip())
                caret_indent = " " * (first - 1)
                lines.append(f"{gutter} | {caret_indent}{'^' * min(width, 200)}")
                if number - line >= 4 and number < end_line:
                    lines.append(f"{gutter} | ...")
                    break
        if self.hint:
            indent = " " * (len(str(self.end_line or 0)) if span else 0)
            lines.append(f"{indent} = help: {self.hint}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "hint": self.hint,
            "suggestion": self.suggestion,
        }


def error(
    code: str,
    message: str,
    span: Span | None,
    hint: str | None = None,
    suggestion: str | None = None,
) -> Diagnostic:
    return Diagnostic(Severity.ERROR, code, message, span, hint, suggestion)


def warning(
    code: str,
    message: str,
    span: Span | None,
    hint: str | None = None,
    suggestion: str | None = None,
) -> Diagnostic:
    return Diagnostic(Severity.WARNING, code, message, span, hint, suggestion)


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=Diagnostic.sort_key)


def render_text(diagnostics: Sequence[Diagnostic]) -> str:
    """All diagnostics, one block each, and a closing count."""
    blocks = [d.render() for d in diagnostics]
    errors = sum(1 for d in diagnostics if d.is_error)
    warnings = len(diagnostics) - errors
    summary = []
    if errors:
        summary.append(f"{errors} error{'s' if errors != 1 else ''}")
    if warnings:
        summary.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    if summary:
        blocks.append(" and ".join(summary) + " found")
    return "\n\n".join(blocks)


def render_json(diagnostics: Sequence[Diagnostic]) -> str:
    return json.dumps([d.to_dict() for d in diagnostics], indent=2, ensure_ascii=False)
