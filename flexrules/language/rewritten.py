"""A sentence written in the other language than its file's, rewritten in the file's: the
`wrong-language` hint (LANGUAGE-ID.md §6.3, `tulis: ...`).

The sentence is read in the language it is written in, lowered to its syntax tree and written
by the one writer (`render.writer`) in the file's language, as `flexrules translate` writes
it (names backquoted where §3.8 reserves a word of them); the text is kept only if it reads
back, alone, as the same tree. Where it does not (or the sentence cannot stand alone), there
is no rewriting and the hint says what it said before."""

from __future__ import annotations

from lark.exceptions import LarkError

from ..core.source import SourceFile
from . import ast
from .parser import parser
from .render.layout import one_line
from .render.quoting import names_to_quote
from .render.writer import Writer
from .tree_to_ast import Lowerer


def _declaration(text: str, language: str) -> ast.Declaration | None:
    try:
        tree = parser(language).parse(text)
    except LarkError:
        return None
    return Lowerer(SourceFile("<sentence>", text), language=language).declaration(tree)


def rewritten(sentence: str, written_in: str, target: str) -> str | None:
    """`sentence` (one whole sentence, its `.` included, in `written_in`) in `target`, on one
    line; None when it does not parse alone or its rewriting would not read back alike."""
    original = _declaration(sentence, written_in)
    if original is None:
        return None
    if isinstance(original, ast.AttributesDecl) and original.stray_values:
        return None  # where such a value stood is not in the tree: it cannot be written again
    for quote in (names_to_quote([original], target), True):
        writer = Writer(target, as_written=False, quote_names=quote)
        text = one_line(writer.declaration(original))
        if _declaration(text, target) == original:
            return text
    return None


def as_code(text: str) -> str:
    """`text` in backquotes, doubled (with spaces) when it holds a backquote itself."""
    return f"`` {text} ``" if "`" in text else f"`{text}`"
