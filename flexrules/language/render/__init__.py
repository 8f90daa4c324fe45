"""One renderer from the syntax tree (comments attached) to text, one writer for every language.

`render(file)` writes a parsed `.rules` file in the canonical layout (`layout`): `flexrules
fmt` writes it in the language it was written in, and `flexrules translate` writes it in the
other, through the same writer (`writer.Writer`, its words from the language's vocabulary),
comment placement and layout. The writer turns each declaration into tokens (`tokens.Tok`).
"""

from __future__ import annotations

import re

from .. import ast
from ..parser import _SCAN
from .layout import Comment, lay_out
from .tokens import Sentence
from .writer import Writer

_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


def render(file: ast.PolicyFile, language: str = "en") -> str:
    """The file in the canonical layout, in `language`, its comments where they were."""
    return render_with(file, Writer(language))


def render_with(file: ast.PolicyFile, writer: Writer) -> str:
    """The file in the canonical layout, written by `writer` (`translate` brings its own)."""
    text = file.span.source.text
    sentences: list[Sentence] = []
    previous_end = 0
    comments = list(file.comments)
    for declaration in file.declarations:
        start = declaration.span.start
        end = _sentence_end(text, declaration.span.end)
        before = [c for c in comments if previous_end <= c.span.start < start]
        gap_start = before[-1].span.end if before else previous_end
        blank = bool(_BLANK_LINE.search(text, gap_start, start))
        sentences.append(Sentence(tuple(writer.declaration(declaration)), start, end, blank))
        previous_end = end
    placed = []
    content_end = 0
    ends = {s.end for s in sentences}
    for comment in comments:
        begin = comment.span.start
        line_start = text.rfind("\n", 0, begin) + 1
        own_line = not text[line_start:begin].strip()
        previous = max([content_end, *(e for e in ends if e <= begin)])
        blank = bool(_BLANK_LINE.search(text, previous, begin))
        placed.append(Comment(comment.text.rstrip(), begin, own_line, blank))
        content_end = comment.span.end
    return lay_out(sentences, placed)


def _sentence_end(text: str, after: int) -> int:
    """Just after the `.` that ends the sentence whose span ends at `after` (with the `.` in
    it, or just before it)."""
    if text[after - 1 : after] == ".":
        return after
    for match in _SCAN.finditer(text, after):
        if match.group() == ".":
            return match.end()
    return len(text)
