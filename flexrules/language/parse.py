"""The parse step: source files to syntax trees (`ast.PolicyFile`), with every syntax error.

Each sentence is parsed on its own by the grammar's LALR parser (`language.parser`) and its
parse tree built into AST nodes (`language.tree_to_ast`); a sentence that does not parse is a
diagnostic and the others go on, so one run reports every mistake.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..core.diagnostics import Diagnostic
from ..core.source import SourceFile, Span
from . import ast
from .parser import parse_source
from .tree_to_ast import Lowerer


@attrs.frozen
class ParsedPolicy:
    """The syntax trees of the files that form one policy, and the problems found so far."""

    sources: tuple[SourceFile, ...]
    files: tuple[ast.PolicyFile, ...]
    diagnostics: tuple[Diagnostic, ...]


def parse(sources: Sequence[SourceFile], problems: Sequence[Diagnostic] = ()) -> ParsedPolicy:
    """Parse the sources of one policy; `problems` are those found reading them."""
    files: list[ast.PolicyFile] = []
    diagnostics: list[Diagnostic] = list(problems)
    for source in sources:
        file, found = parse_file(source)
        files.append(file)
        diagnostics.extend(found)
    return ParsedPolicy(tuple(sources), tuple(files), tuple(diagnostics))


def parse_file(source: SourceFile) -> tuple[ast.PolicyFile, list[Diagnostic]]:
    """One file's declarations and comments, and its syntax errors."""
    result = parse_source(source)
    lowerer = Lowerer(source)
    declarations: list[ast.Declaration] = []
    diagnostics = list(result.diagnostics)
    for sentence in result.sentences:
        assert sentence.tree is not None
        lowerer.offset = sentence.start
        declarations.append(lowerer.declaration(sentence.tree))
    comments = tuple(
        ast.Comment(source.text[start:end], span=Span(source, start, end))
        for start, end in result.comments
    )
    whole = Span(source, 0, len(source.text))
    return ast.PolicyFile(source.name, tuple(declarations), comments, span=whole), diagnostics
