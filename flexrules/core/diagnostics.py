"""Diagnostics: what is wrong in a policy and where, rendered as text with a caret or as JSON."""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from .source import Span, shown


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


#: The most characters of user text a message or hint shows in one pair of backquotes, and
#: the most characters of a message, a hint or a suggestion: what a policy holds can be long
#: (a name of thousands of words), what is said about it stays short.
MAX_QUOTED = 200
MAX_TEXT = 1_000
_LONG_QUOTED = re.compile(f"`([^`]{{{MAX_QUOTED + 1},}})`")


def bounded(text: str) -> str:
    """A message or hint cut to size: each quoted stretch to `MAX_QUOTED` characters, the
    whole to `MAX_TEXT`, each cut marked `...`."""
    if len(text) <= MAX_QUOTED:
        return text
    text = _LONG_QUOTED.sub(lambda m: f"`{m.group(1)[: MAX_QUOTED - 3]}...`", text)
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 3] + "..."


def _bounded_hint(text: str | None) -> str | None:
    return None if text is None else bounded(text)


def _usable_suggestion(text: str | None) -> str | None:
    """A suggestion, unless it is too long to offer as a fix (a name of thousands of words)."""
    return None if text is None or len(text) > MAX_TEXT else text


@attrs.frozen
class Diagnostic:
    """One problem: a stable code, a one-line message, where it is, and what to do about it.

    Message and hint are held to `MAX_TEXT` characters (`bounded`), so a diagnostic renders
    to a bounded text whatever the policy holds."""

    severity: Severity
    code: str
    message: str = attrs.field(converter=bounded)
    span: Span | None = None
    hint: str | None = attrs.field(default=None, converter=_bounded_hint)
    #: a replacement the author probably meant (a did-you-mean), when there is one
    suggestion: str | None = attrs.field(default=None, converter=_usable_suggestion)
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
        """The diagnostic as text: message, location, the source lines, a caret, the hint.

        However long the source lines, the text is bounded: a long line is shown as a window
        around the caret (`SNIPPET_WIDTH` characters, `...` where it is cut), and a span over
        many lines shows its first five."""
        lines = [f"{self.severity.value}[{self.code}]: {self.message}"]
        span = self.span
        if span is None:
            if self.file:
                lines.append(f"  --> {_file_shown(self.file)}")
        else:
            lines.extend(_snippet(span))
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


#: How many characters of a source line a rendered diagnostic shows at most (escapes aside).
SNIPPET_WIDTH = 200
#: How many characters before the caret a window cut from a long line keeps.
SNIPPET_CONTEXT = 40
#: How many lines of a span a rendered diagnostic shows.
SNIPPET_LINES = 5


def _file_shown(name: str) -> str:
    """A file name as a location shows it: safe to print, its end kept when very long."""
    name = shown(name)
    return name if len(name) <= MAX_QUOTED else "..." + name[-(MAX_QUOTED - 3) :]


def _snippet(span: Span) -> list[str]:
    """The location and the source lines of a span, each with its caret line."""
    line, end_line = span.line, span.end_line
    gutter = " " * len(str(end_line))
    lines = [f"{gutter}--> {_file_shown(span.file)}:{line}:{span.column}", f"{gutter} |"]
    for number in range(line, end_line + 1):
        begin, end = span.source.line_bounds(number)
        first = max(span.start, begin) if number == line else begin
        last = min(span.end, end) if number == end_line else end
        text, caret = _window(span.source.text, begin, end, first, last)
        lines.append(f"{number:>{len(gutter)}} | {text}".rstrip())
        lines.append(f"{gutter} | {caret}")
        if number - line + 1 >= SNIPPET_LINES and number < end_line:
            lines.append(f"{gutter} | ...")
            break
    return lines


def _window(text: str, begin: int, end: int, first: int, last: int) -> tuple[str, str]:
    """The part of the line [begin, end) to show for a caret under [first, last), as shown
    text, and the caret line under it. A line longer than `SNIPPET_WIDTH` is cut to a window
    that starts `SNIPPET_CONTEXT` characters before the caret, marked `...` where cut."""
    low = begin
    if end - begin > SNIPPET_WIDTH and first - begin >= SNIPPET_WIDTH - SNIPPET_CONTEXT:
        low = max(begin, min(first - SNIPPET_CONTEXT, end - SNIPPET_WIDTH))
    high = min(end, low + SNIPPET_WIDTH)
    prefix = "... " if low > begin else ""
    suffix = " ..." if high < end else ""
    before = shown(text[low : max(low, min(first, high))])
    under = shown(text[max(low, first) : max(low, min(last, high))])
    caret = " " * (len(prefix) + len(before)) + "^" * max(1, len(under))
    return prefix + shown(text[low:high]) + suffix, caret


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
