"""Source files and spans: where things are, with line and column computed only when shown."""

from __future__ import annotations

import bisect
import re
from typing import Any

import attrs


class SourceFile:
    """One policy file's name and text; maps offsets to 1-based lines and columns."""

    __slots__ = ("_line_starts", "name", "text")

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.text = text
        self._line_starts: list[int] | None = None

    def __repr__(self) -> str:
        return f"SourceFile({self.name!r})"

    def __getstate__(self) -> dict[str, Any]:
        return {"name": self.name, "text": self.text}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.name = state["name"]
        self.text = state["text"]
        self._line_starts = None

    def _starts(self) -> list[int]:
        if self._line_starts is None:
            starts = [0]
            text = self.text
            index = text.find("\n")
            while index >= 0:
                starts.append(index + 1)
                index = text.find("\n", index + 1)
            self._line_starts = starts
        return self._line_starts

    def line_column(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of a character offset."""
        starts = self._starts()
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        starts = self._starts()
        if not 1 <= line <= len(starts):
            return ""
        begin = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        shown = self.text[begin:end].rstrip("\r")
        # lone surrogates cannot be printed or encoded: show them as U+FFFD; control
        # characters would act on the reader's terminal: show their pictures (ESC as U+241B)
        if _has_surrogate(shown):
            shown = shown.encode("utf-8", "replace").decode("utf-8")
        return shown.translate(_CONTROL_PICTURES)


_CONTROL_PICTURES = {code: 0x2400 + code for code in range(32) if code != 9} | {0x7F: 0x2421}


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= c <= "\udfff" for c in text)


def clean_text(text: str) -> str:
    """Policy text as given in Python: Windows line ends and a leading byte order mark dropped."""
    text = text.replace("\r\n", "\n")
    return text[1:] if text.startswith("\ufeff") else text


@attrs.frozen
class Span:
    """A stretch of one source file, as character offsets [start, end)."""

    source: SourceFile = attrs.field(eq=False, repr=False)
    start: int
    end: int

    @property
    def file(self) -> str:
        return self.source.name

    @property
    def line(self) -> int:
        return self.source.line_column(self.start)[0]

    @property
    def column(self) -> int:
        return self.source.line_column(self.start)[1]

    @property
    def end_line(self) -> int:
        return self.source.line_column(max(self.start, self.end - 1))[0]

    @property
    def end_column(self) -> int:
        """The column just after the span's last character, on `end_line`."""
        return self.source.line_column(max(self.start, self.end - 1))[1] + (
            1 if self.end > self.start else 0
        )

    @property
    def text(self) -> str:
        return self.source.text[self.start : self.end]

    def cover(self, other: Span) -> Span:
        """The smallest span holding both (of the same file)."""
        return Span(self.source, min(self.start, other.start), max(self.end, other.end))

    def location(self) -> str:
        """`file:line:column`, as editors read it."""
        return f"{self.file}:{self.line}:{self.column}"

    def one_line(self) -> str:
        """The text on one line, as the author wrote it: every run of white space one space."""
        return _SPACES.sub(" ", self.text).strip()


_SPACES = re.compile(r"\s+")


@attrs.frozen
class SourceLocation:
    """Where a declaration is: file, 1-based line and column."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"

    @classmethod
    def of(cls, span: Span) -> SourceLocation:
        return cls(span.file, span.line, span.column)

    @property
    def short(self) -> str:
        """`rules.rules:14`: the file's own name and the line, as explanations show it."""
        return f"{self.file.rsplit('/', 1)[-1]}:{self.line}"
