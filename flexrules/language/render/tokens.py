"""What a language's writer gives the layout: each sentence as a list of tokens, each a piece
of text that is never split (a keyword phrase, a name, a literal, a mark), with where it came
from in the source, so comments can be put back beside it."""

from __future__ import annotations

import attrs

#: marks written without a space before them
GLUE_BEFORE = frozenset({",", ".", ":", ")", "%"})
#: marks written without a space after them
GLUE_AFTER = frozenset({"("})


@attrs.frozen
class Tok:
    text: str
    #: the source offset of the node it renders (None for keywords: they take the next one's)
    pos: int | None = None
    #: the sentence may break after this token, before its body (`rule R1 "Title":`)
    head_end: bool = False
    #: when the sentence takes several lines, this token starts one (an attribute)
    line_start: bool = False
    #: the sentence takes a line per item even when it would fit on one (the header)
    spread: bool = False


@attrs.frozen
class Sentence:
    """One declaration's tokens, and the source extent it came from (for its comments)."""

    tokens: tuple[Tok, ...]
    start: int
    end: int
    #: a blank line between it and the comment before it, in the source
    blank_before: bool = False
