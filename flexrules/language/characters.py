"""Characters a policy may not hold, and some it should not: read before any sentence is parsed.

Control characters and invisible characters (format characters, Unicode category Cf, and the
other default-ignorable code points) are errors: a reader cannot see them, yet a zero-width
space inside `"service desk"` makes a rule that looks right never match, and bidi controls can
make text read differently from what it is. A space other than U+0020 inside a text value is a
warning: it looks like a space but never equals one. Elsewhere such a space separates words as
any white space does.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from ..core.diagnostics import Diagnostic, error, warning
from ..core.messages import Text
from ..core.source import CONTROL, INVISIBLE, UNUSUAL_SPACE, SourceFile, Span, escape, shown

_SURROGATE = re.compile("[\ud800-\udfff]")
_FORBIDDEN = re.compile(f"{CONTROL.pattern}|{_SURROGATE.pattern}|{INVISIBLE.pattern}")
#: Text in quotes, a backquoted name, a comment: the scanner's view of where text is.
_QUOTED = re.compile(r'"(?:[^"\\\n]|\\.)*"|`[^`\n]*`|#[^\n]*')
#: Names for characters whose Unicode name says little to a policy author.
_NAMES = {0xFEFF: "byte order mark", 0xAD: "soft hyphen", 0xA0: "no-break space"}


def character_name(char: str) -> str:
    """How a message names a character: `zero width space`, `byte order mark`."""
    return _NAMES.get(ord(char)) or unicodedata.name(char, "").lower() or f"U+{ord(char):04X}"


def forbidden_characters(source: SourceFile, limit: int) -> list[Diagnostic]:
    """A diagnostic for each control character, lone surrogate and run of invisible
    characters in the file, at most `limit`."""
    found: list[Diagnostic] = []
    for match in _FORBIDDEN.finditer(source.text):
        if len(found) >= limit:
            break
        span = Span(source, match.start(), match.end())
        char = match.group()[0]
        if INVISIBLE.match(char):
            found.append(_invisible(match.group(), span))
        else:
            kind = "diag.lone_surrogate" if _SURROGATE.match(char) else "diag.control_character"
            found.append(
                error(
                    "control-character",
                    Text(kind, code=f"U+{ord(char):04X}"),
                    span,
                    hint=Text("diag.control_character.hint"),
                )
            )
    return found


def _invisible(run: str, span: Span) -> Diagnostic:
    escaped = "".join(escape(char) for char in run[:8]) + ("..." if len(run) > 8 else "")
    if len(run) == 1:
        return error(
            "invisible-character",
            Text("diag.invisible_character", escaped=escaped, name=character_name(run)),
            span,
            hint=Text("diag.invisible_character.hint"),
        )
    return error(
        "invisible-character",
        Text("diag.invisible_characters", count=len(run), escaped=escaped),
        span,
        hint=Text("diag.invisible_characters.hint"),
    )


def quoted_texts(text: str) -> Iterator[tuple[int, int]]:
    """Where the text values in double quotes are (quotes included), outside comments and
    backquoted names."""
    for quoted in _QUOTED.finditer(text):
        if quoted.group()[0] == '"':
            yield quoted.span()


def unusual_spaces(source: SourceFile, limit: int) -> list[Diagnostic]:
    """A warning for each text value in quotes that holds a space other than U+0020 (the
    first such space of the value), at most `limit`."""
    found: list[Diagnostic] = []
    text = source.text
    for start, end in quoted_texts(text):
        if len(found) >= limit:
            break
        space = UNUSUAL_SPACE.search(text, start, end)
        if space is None:
            continue
        value = shown(text[start:end])
        value = value if len(value) <= 60 else value[:56] + '..."'
        found.append(
            warning(
                "unusual-space",
                Text(
                    "diag.unusual_space",
                    value=value,
                    name=character_name(space.group()),
                    escaped=escape(space.group()),
                ),
                Span(source, space.start(), space.end()),
                hint=Text("diag.unusual_space.hint"),
            )
        )
    return found
