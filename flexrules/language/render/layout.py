"""The canonical layout: sentences of tokens and the file's comments to text.

A sentence that fits in `WIDTH` columns is one line. Otherwise its head (`rule R1 "Title":`)
ends the first line and the rest fills lines of at most `WIDTH` columns, each continuation
indented two spaces; a token never splits, and a mark sticks to the token before it. One blank
line separates sentences. Comments stay where they were: a comment on a sentence's line stays
at the end of the line that holds the token before it (or the sentence's last line), one on
its own line inside a sentence stays on its own line there, and one between sentences goes
before the sentence after it, blank lines around it kept as one.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from .tokens import GLUE_AFTER, GLUE_BEFORE, Sentence, Tok

WIDTH = 100
INDENT = "  "
#: at most this many keywords move from the end of a full line to the next (`unless they are`)
MAX_CARRIED = 2


@attrs.frozen
class Comment:
    text: str
    start: int
    #: nothing but white space before it on its line
    own_line: bool
    #: a blank line between it and what comes before it
    blank_before: bool


@attrs.frozen
class _Unit:
    """Tokens that stay together: a token and the marks glued to it."""

    text: str
    first: int  # index of its first token
    last: int  # index of its last token
    head_end: bool
    line_start: bool = False
    #: only keywords: a line should not end with it
    keyword: bool = False


def _units(tokens: Sequence[Tok], ends: set[int]) -> list[_Unit]:
    """Tokens grouped into units; a token in `ends` (a comment follows it) ends its unit."""
    units: list[_Unit] = []
    glue_next = False
    for index, token in enumerate(tokens):
        glued = token.text in GLUE_BEFORE or glue_next
        if units and glued and index - 1 not in ends:
            last = units[-1]
            units[-1] = _Unit(
                last.text + token.text,
                last.first,
                index,
                last.head_end or token.head_end,
                last.line_start,
                False,
            )
        else:
            keyword = token.pos is None and token.text not in GLUE_BEFORE | GLUE_AFTER
            units.append(_Unit(token.text, index, index, token.head_end, token.line_start, keyword))
        glue_next = token.text in GLUE_AFTER
    return units


def _positions(sentence: Sentence) -> list[int]:
    """Each token's source offset: a keyword takes the offset of the next token that has one,
    a mark glued to the token before it (`:`, `,`) that token's."""
    positions: list[int] = []
    following = sentence.end
    for token in reversed(sentence.tokens):
        if token.pos is not None:
            following = token.pos
        positions.append(following)
    positions.reverse()
    for index, token in enumerate(sentence.tokens[:-1]):  # the closing `.` is where it is
        if index and token.pos is None and token.text in GLUE_BEFORE:
            positions[index] = positions[index - 1]
    return positions


def lay_out(sentences: Sequence[Sentence], comments: Sequence[Comment]) -> str:
    """The whole file's text, in the canonical layout."""
    out: list[str] = []
    pending = list(comments)
    for index, sentence in enumerate(sentences):
        leading = [c for c in pending if c.start < sentence.start]
        pending = pending[len(leading) :]
        inside = [c for c in pending if c.start < sentence.end]
        pending = pending[len(inside) :]
        trailing: Comment | None = None
        if pending and not pending[0].own_line:
            trailing, pending = pending[0], pending[1:]
        if index:
            out.append("")
        _comment_block(out, leading, blank_after=bool(leading) and sentence.blank_before)
        lines = _sentence_lines(sentence, inside)
        if trailing is not None:
            lines[-1] += "  " + trailing.text
        out.extend(lines)
    if pending:
        if sentences and pending[0].blank_before:
            out.append("")
        _comment_block(out, pending, blank_after=False)
    return "\n".join(out).rstrip("\n") + "\n" if out else ""


def _comment_block(out: list[str], comments: Sequence[Comment], blank_after: bool) -> None:
    for position, comment in enumerate(comments):
        if position and comment.blank_before:
            out.append("")
        out.append(comment.text)
    if comments and blank_after:
        out.append("")


def _sentence_lines(sentence: Sentence, comments: Sequence[Comment]) -> list[str]:
    positions = _positions(sentence)
    # each comment inside the sentence goes after the last token that starts before it
    by_token: dict[int, list[Comment]] = {}
    for comment in comments:
        chosen = max((n for n, at in enumerate(positions) if at < comment.start), default=0)
        by_token.setdefault(chosen, []).append(comment)
    units = _units(sentence.tokens, set(by_token))
    after = {n: by_token[u.last] for n, u in enumerate(units) if u.last in by_token}
    one_line = " ".join(u.text for u in units)
    spread = any(t.spread for t in sentence.tokens)
    if not after and not spread and len(one_line) <= WIDTH:
        return [one_line]
    filler = _Filler()
    for number, unit in enumerate(units):
        filler.add(unit)
        for comment in after.get(number, ()):
            filler.comment(comment)
        if unit.head_end and number < len(units) - 1:
            filler.end_line()
    filler.end_line()
    return filler.lines


class _Filler:
    """Fills lines with units: the first line from column 0, the rest indented. A line never
    ends with a keyword when a break can move it to the next (`citing` stays with its text)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.parts: list[_Unit] = []
        self.prefix = ""
        self.wrap = INDENT  # items that start their own line wrap further in

    def _text(self, parts: Sequence[_Unit]) -> str:
        return self.prefix + " ".join(p.text for p in parts)

    def end_line(self) -> None:
        if self.parts:
            self.lines.append(self._text(self.parts))
            self.parts = []

    def add(self, unit: _Unit) -> None:
        if unit.line_start:
            self.wrap = INDENT * 2
            self.end_line()
        if not self.parts:
            self.prefix = INDENT if self.lines else ""
            self.parts = [unit]
            return
        if len(self._text([*self.parts, unit])) <= WIDTH:
            self.parts.append(unit)
            return
        carried: list[_Unit] = []
        while (
            len(carried) < MAX_CARRIED
            and len(self.parts) > 1
            and self.parts[-1].keyword
            and not self.parts[-1].line_start
        ):
            carried.insert(0, self.parts.pop())
        self.end_line()
        self.prefix = self.wrap
        self.parts = [*carried, unit]

    def comment(self, comment: Comment) -> None:
        if comment.own_line or not self.parts:
            self.end_line()
            self.lines.append(INDENT + comment.text)
        else:
            self.lines.append(f"{self._text(self.parts)}  {comment.text}")
            self.parts = []


def one_line(tokens: Sequence[Tok]) -> str:
    """A sentence's tokens on one line, marks glued as the layout glues them (for a hint)."""
    return " ".join(unit.text for unit in _units(tokens, set()))
