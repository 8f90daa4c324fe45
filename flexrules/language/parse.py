"""The parse step: source files to syntax trees (`ast.PolicyFile`), with every syntax error.

Each sentence is parsed on its own by the LALR parser of its file's language
(`language.parser`: English or Bahasa Indonesia, detected per file from its first sentence) and
its parse tree built into AST nodes (`language.tree_to_ast`); a sentence that does not parse is
a diagnostic and the others go on, so one run reports every mistake. The policy's language is
that of the file holding the header, else of the first file; a file in the other language is
the warning `mixed-languages`.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..core.diagnostics import Diagnostic, warning
from ..core.messages import Text
from ..core.source import SourceFile, Span
from . import ast
from .parser import GRAMMAR_NAMES, parse_source
from .rewritten import as_code, rewritten
from .tree_to_ast import Lowerer


@attrs.frozen
class ParsedPolicy:
    """The syntax trees of the files that form one policy, and the problems found so far."""

    sources: tuple[SourceFile, ...]
    files: tuple[ast.PolicyFile, ...]
    diagnostics: tuple[Diagnostic, ...]

    @property
    def language(self) -> str:
        return policy_language(self.files)


def check_language_choice(language: str | None) -> str | None:
    """`language=` of `compile_policy` and `load_policy`: None (detect), `en` or `id`."""
    if language is not None and language not in GRAMMAR_NAMES:
        choices = " or ".join(f"{code!r}" for code in GRAMMAR_NAMES)
        raise ValueError(f"language must be {choices} (or None to detect it), not {language!r}")
    return language


def parse(
    sources: Sequence[SourceFile],
    problems: Sequence[Diagnostic] = (),
    language: str | None = None,
) -> ParsedPolicy:
    """Parse the sources of one policy; `problems` are those found reading them. `language`
    forces every file's language; None detects each file's own."""
    check_language_choice(language)
    files: list[ast.PolicyFile] = []
    diagnostics: list[Diagnostic] = list(problems)
    for source in sources:
        file, found = parse_file(source, language)
        files.append(file)
        diagnostics.extend(found)
    diagnostics.extend(mixed_languages(files))
    return ParsedPolicy(tuple(sources), tuple(files), tuple(diagnostics))


def _header_file(files: Sequence[ast.PolicyFile]) -> ast.PolicyFile | None:
    """The file holding the policy's header, else the first file by name."""
    for file in files:
        if any(isinstance(d, ast.Header) for d in file.declarations):
            return file
    return min(files, key=lambda f: f.name) if files else None


def policy_language(files: Sequence[ast.PolicyFile]) -> str:
    """The policy's language (LANGUAGE-ID.md §1.1): that of the file holding the header, else
    of the first file in name order; English for no file."""
    leading = _header_file(files)
    return leading.language if leading is not None else "en"


def mixed_languages(files: Sequence[ast.PolicyFile]) -> list[Diagnostic]:
    """A warning on each file of a folder policy written in another language than the policy's
    (its prose, as every diagnostic's, in the language of the file it points into)."""
    leading = _header_file(files)
    if leading is None:
        return []
    language = leading.language
    has_header = any(isinstance(d, ast.Header) for d in leading.declarations)
    found: list[Diagnostic] = []
    for file in files:
        if file.language == language or not file.declarations:
            continue
        if has_header:
            key = "language.mixed.en_in_id" if language == "id" else "language.mixed.id_in_en"
        else:
            key = (
                "language.mixed.en_in_id_first"
                if language == "id"
                else "language.mixed.id_in_en_first"
            )
        first = file.declarations[0].span
        line_end = first.source.text.find("\n", first.start, first.end)
        found.append(
            warning(
                "mixed-languages",
                Text(key, file=leading.name),
                Span(first.source, first.start, first.end if line_end < 0 else line_end),
                hint=Text("language.mixed.hint", file=leading.name),
            )
        )
    return found


def parse_file(
    source: SourceFile, language: str | None = None
) -> tuple[ast.PolicyFile, list[Diagnostic]]:
    """One file's declarations and comments, and its syntax errors, in `language` or the one
    its first sentence names."""
    result = parse_source(source, language)
    lowerer = Lowerer(source, language=result.language)
    declarations: list[ast.Declaration] = []
    diagnostics = [_with_rewriting(d, result.language) for d in result.diagnostics]
    for sentence in result.sentences:
        assert sentence.tree is not None
        lowerer.offset = sentence.start
        declarations.append(lowerer.declaration(sentence.tree))
    comments = tuple(
        ast.Comment(source.text[start:end], span=Span(source, start, end))
        for start, end in result.comments
    )
    whole = Span(source, 0, len(source.text))
    file = ast.PolicyFile(
        source.name, tuple(declarations), comments, language=result.language, span=whole
    )
    return file, diagnostics


def _with_rewriting(diagnostic: Diagnostic, language: str) -> Diagnostic:
    """A `wrong-language` error whose hint shows its sentence written in the file's language
    (`tulis: ...`, LANGUAGE-ID.md §6.3), when the sentence can be rewritten alone."""
    hint = diagnostic.hinted
    if diagnostic.code != "wrong-language" or diagnostic.span is None or not isinstance(hint, Text):
        return diagnostic
    other = next(code for code in GRAMMAR_NAMES if code != language)
    text = rewritten(diagnostic.span.text, other, language)
    if text is None:
        return diagnostic
    line = hint.args["line"]
    hint = Text("language.wrong.hint.rewritten", line=line, sentence=as_code(text))
    return attrs.evolve(diagnostic, hint=hint, suggestion=text)
