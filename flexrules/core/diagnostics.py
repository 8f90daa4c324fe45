"""Diagnostics: what is wrong in a policy and where, rendered as text with a caret or as JSON."""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from .messages import Count, Text, check_language, policy_text_in, say
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


def _usable_suggestion(text: str | None) -> str | None:
    """A suggestion, unless it is too long to offer as a fix (a name of thousands of words)."""
    return None if text is None or len(text) > MAX_TEXT else text


_LABELS = {Severity.ERROR: "diag.label.error", Severity.WARNING: "diag.label.warning"}

#: what a diagnostic says: a catalog `Text` (rendered in the language asked for), or a plain
#: string (the same in every language: an operating system's message, a test's)
Said = str | Text


def _in(said: Said, prose: str, code: str) -> str:
    """`said` rendered with its prose in `prose` and its policy text in `code`."""
    if isinstance(said, str):
        return said
    with policy_text_in(code):
        return said.render(prose)


@attrs.frozen(eq=False)
class Diagnostic:
    """One problem: a stable code, a one-line message, where it is, and what to do about it.

    Message and hint are catalog texts (`flexrules.core.messages`), rendered in `language`,
    the language of the file the diagnostic points into, unless `render` is asked for
    another. They are held to `MAX_TEXT` characters (`bounded`), so a diagnostic renders to a
    bounded text whatever the policy holds."""

    severity: Severity
    code: str
    said: Said = attrs.field(alias="message")
    span: Span | None = None
    hinted: Said | None = attrs.field(default=None, alias="hint")
    #: a replacement the author probably meant (a did-you-mean), when there is one: text, or
    #: policy text (a `Code`) written in the file's language
    suggested: str | Text | None = attrs.field(default=None, alias="suggestion")
    file_name: str | None = None
    #: the language of the file it points into (`en`, `id`): its prose and its code
    language: str = "en"

    @property
    def message(self) -> str:
        return self.message_for(None)

    @property
    def suggestion(self) -> str | None:
        """The replacement, in the file's language; None when there is none, or when it is
        too long to offer as a fix (a name of thousands of words)."""
        said = self.suggested
        text = said.render(self.language) if isinstance(said, Text) else said
        return _usable_suggestion(text)

    @property
    def hint(self) -> str | None:
        return self.hint_for(None)

    def message_for(self, language: str | None) -> str:
        """The message with its prose in `language` (None: the file's)."""
        return bounded(_in(self.said, language or self.language, self.language))

    def hint_for(self, language: str | None) -> str | None:
        """The hint with its prose in `language` (None: the file's), if there is one."""
        if self.hinted is None:
            return None
        return bounded(_in(self.hinted, language or self.language, self.language))

    @property
    def key(self) -> str | None:
        """The catalog key of the message (None for a message given as plain text)."""
        return self.said.key if isinstance(self.said, Text) else None

    @property
    def args(self) -> Mapping[str, Any]:
        """The values the message is built from."""
        return self.said.args if isinstance(self.said, Text) else {}

    def in_language(self, language: str) -> Diagnostic:
        """The same diagnostic about a file in `language`."""
        return attrs.evolve(self, language=language)

    def _identity(self) -> tuple[Any, ...]:
        return (
            self.severity,
            self.code,
            self.message,
            self.span,
            self.hint,
            self.suggestion,
            self.file_name,
            self.language,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Diagnostic):
            return NotImplemented
        return self._identity() == other._identity()

    def __hash__(self) -> int:
        return hash(self._identity())

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

    def render(self, language: str | None = None) -> str:
        """The diagnostic as text: message, location, the source lines, a caret, the hint;
        its prose in `language` (`en`, `id`; None: the file's), its policy text always in
        the file's.

        However long the source lines, the text is bounded: a long line is shown as a window
        around the caret (`SNIPPET_WIDTH` characters, `...` where it is cut), and a span over
        many lines shows its first five."""
        prose = check_language(language, self.language)
        label = say(_LABELS[self.severity], prose)
        lines = [f"{label}[{self.code}]: {self.message_for(prose)}"]
        span = self.span
        if span is None:
            if self.file:
                lines.append(f"  --> {_file_shown(self.file)}")
        else:
            lines.extend(_snippet(span))
        hint = self.hint_for(prose)
        if hint:
            indent = " " * (len(str(self.end_line or 0)) if span else 0)
            help_label = say("diag.label.help", prose)
            lines.append(f"{indent} = {help_label}: {hint}")
        return "\n".join(lines)

    def to_dict(self, language: str | None = None) -> dict[str, Any]:
        """The diagnostic as JSON data: its code and place, and its message and hint in
        `language` (None: the file's), which `"language"` names."""
        prose = check_language(language, self.language)
        return {
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message_for(prose),
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "hint": self.hint_for(prose),
            "suggestion": self.suggestion,
            "language": prose,
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
    message: Said,
    span: Span | None,
    hint: Said | None = None,
    suggestion: str | Text | None = None,
) -> Diagnostic:
    return Diagnostic(Severity.ERROR, code, message, span, hint, suggestion)


def warning(
    code: str,
    message: Said,
    span: Span | None,
    hint: Said | None = None,
    suggestion: str | Text | None = None,
) -> Diagnostic:
    return Diagnostic(Severity.WARNING, code, message, span, hint, suggestion)


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=Diagnostic.sort_key)


def in_file_languages(
    diagnostics: Iterable[Diagnostic], languages: Mapping[str, str], policy_language: str
) -> list[Diagnostic]:
    """Each diagnostic in the language of the file it points into (`languages`, by file
    name); one about no file in `policy_language`."""
    placed = []
    for diagnostic in diagnostics:
        file = diagnostic.file
        language = languages.get(file, policy_language) if file else policy_language
        placed.append(
            diagnostic if language == diagnostic.language else diagnostic.in_language(language)
        )
    return placed


def render_text(diagnostics: Sequence[Diagnostic], language: str | None = None) -> str:
    """All diagnostics, one block each, and a closing count; prose in `language` (None: each
    diagnostic's file's, and the count in the first one's)."""
    blocks = [d.render(language) for d in diagnostics]
    prose = check_language(language, diagnostics[0].language if diagnostics else "en")
    errors = sum(1 for d in diagnostics if d.is_error)
    warnings = len(diagnostics) - errors
    summary = []
    if errors:
        summary.append(Count(errors, "noun.error"))
    if warnings:
        summary.append(Count(warnings, "noun.warning"))
    if summary:
        counts = (
            summary[0]
            if len(summary) == 1
            else Text("diag.and", first=summary[0], second=summary[1])
        )
        blocks.append(say("diag.found", prose, counts=counts))
    return "\n\n".join(blocks)


def render_json(diagnostics: Sequence[Diagnostic], language: str | None = None) -> str:
    return json.dumps([d.to_dict(language) for d in diagnostics], indent=2, ensure_ascii=False)
