"""`flexrules translate`: a `.rules` file written in the other language (LANGUAGE-ID.md §7),
from its syntax tree, through the renderer `fmt` uses, so comments stay with their sentences.

The translation is never trusted: its own output is parsed in the target language and its
tree compared with the input's (spans and the decorations of §1.6 take no part). A name is
backquoted, at every use and in its declaration, where §3.8's tables reserve a word of it for
a kind of name it stands as in the target language (`render.quoting`), and nowhere else; if
that does not read back alike (a case the tables miss), every name holding a keyword word of
the target language is backquoted; if that still differs, the file is refused (a bug)."""

from __future__ import annotations

import attrs

from ..core.diagnostics import Diagnostic, error
from ..core.errors import PolicyError
from ..core.messages import say
from ..core.source import SourceFile, clean_text
from ..language import ast
from ..language.parse import parse_file
from ..language.render import render_with
from ..language.render.quoting import names_to_quote
from ..language.render.writer import Writer

#: the target languages
TARGETS = ("en", "id")


class TranslationError(Exception):
    """The translation did not read back as the same tree: never written."""


@attrs.frozen
class Translated:
    """A file's translation (None when it does not parse), and its syntax errors."""

    name: str
    source_language: str
    text: str | None
    diagnostics: tuple[Diagnostic, ...] = ()


def _writer(language: str, quote: bool | frozenset[str]) -> Writer:
    return Writer(language, as_written=False, quote_names=quote)


def same_tree(a: ast.PolicyFile, b: ast.PolicyFile) -> bool:
    """Equal declarations (spans, decorations and comments' positions aside) and the same
    comment texts in order."""
    return a.declarations == b.declarations and [c.text.rstrip() for c in a.comments] == [
        c.text.rstrip() for c in b.comments
    ]


def translate_file(file: ast.PolicyFile, to: str, name: str = "<policy>") -> str:
    """The text of `file` in `to`, checked to parse back to the same tree."""
    if to not in TARGETS:
        raise ValueError(f"translate to 'en' or 'id', not {to!r}")
    for quote in (names_to_quote(file.declarations, to), True):
        text = render_with(file, _writer(to, quote))
        back, diagnostics = parse_file(SourceFile(name, text), to)
        if not any(d.is_error for d in diagnostics) and same_tree(back, file):
            return text
    raise TranslationError(f"{name}: the translation does not read back as the same policy")


def translate(text: str, to: str, name: str = "<policy>", language: str | None = None) -> str:
    """A policy file's text in the language `to` (`"en"` or `"id"`).

    Raises `ValueError` for another target, `flexrules.PolicyError` (with every diagnostic)
    for a text that does not parse, and `TranslationError` if the translation would not read
    back as the same policy (a bug)."""
    result = translate_text(text, to, name, language)
    if result.text is None:
        raise PolicyError(list(result.diagnostics))
    return result.text


def translate_text(
    text: str, to: str, name: str = "<policy>", language: str | None = None
) -> Translated:
    """A file's translation, or its syntax errors (nothing is translated then)."""
    if to not in TARGETS:
        raise ValueError(f"translate to 'en' or 'id', not {to!r}")
    file, diagnostics = parse_file(SourceFile(name, clean_text(text)), language)
    errors = [d for d in diagnostics if d.is_error]
    for declaration in file.declarations:  # the tree cannot say where such a value stood
        if isinstance(declaration, ast.AttributesDecl):
            errors += [
                error("stray-value", say("translate.stray_value"), value.span)
                for value in declaration.stray_values
            ]
    if errors:
        return Translated(name, file.language, None, tuple(errors))
    return Translated(name, file.language, translate_file(file, to, name))
