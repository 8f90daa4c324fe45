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

    def line_bounds(self, line: int) -> tuple[int, int]:
        """Where a 1-based line starts and ends, as offsets (its line break left out)."""
        starts = self._starts()
        if not 1 <= line <= len(starts):
            return len(self.text), len(self.text)
        begin = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        if end > begin and self.text[end - 1] == "\r":
            end -= 1
        return begin, end

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break, as `shown` shows it."""
        begin, end = self.line_bounds(line)
        return shown(self.text[begin:end])


# ---- characters a reader cannot see ------------------------------------------------------

#: Format characters (Unicode category Cf: zero-width spaces and joiners, bidi controls, the
#: soft hyphen, the byte order mark, tags) and the other default-ignorable code points
#: (variation selectors, Hangul fillers): characters that take no room on the page, so a
#: reader cannot see them, yet make two texts differ.
INVISIBLE = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
    "\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180d\u180f\u3164\ufe00-\ufe0f\uffa0"
    "\ufff0-\ufff8]+"
)
#: Spaces and line separators other than the plain space (U+0020): they look like it, but a
#: text holding one differs from the same words typed with plain spaces.
UNUSUAL_SPACE = re.compile("[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
#: Control characters other than tab and line breaks: C0, DEL and C1.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: What `shown` writes as an escape: C1 controls, the invisible and the unusual spaces.
_ESCAPED = re.compile(f"[\x80-\x9f]|{INVISIBLE.pattern[:-1]}|{UNUSUAL_SPACE.pattern}")


def escape(char: str) -> str:
    """A character as a reader can see it: `\\u200b`, `\\U000e0041`."""
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def shown(text: str) -> str:
    """Text as a diagnostic shows it: a control character as its picture (ESC as U+241B), so
    it cannot act on the reader's terminal; a lone surrogate, which cannot be printed, as `?`;
    C1 controls, invisible characters and spaces other than U+0020 escaped (`\\u200b`),
    so the reader sees them. Tabs become one space, so columns stay one character each."""
    if _has_surrogate(text):
        text = text.encode("utf-8", "replace").decode("utf-8")
    text = text.translate(_CONTROL_PICTURES)
    return _ESCAPED.sub(lambda m: "".join(map(escape, m.group())), text)


_CONTROL_PICTURES = {code: 0x2400 + code for code in range(32) if code != 9} | {
    0x7F: 0x2421,
    0x09: 0x20,
}


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
