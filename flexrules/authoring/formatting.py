"""`flexrules fmt`: a `.rules` file in the one canonical layout (`language.render`), in the
language it is written in. A file that does not parse is never touched: its diagnostics are
the result instead.

English keeps names, times and activity phrases as written. Bahasa Indonesia, whose keywords
have many spellings (`harus`, `wajib`; `dalam seminggu`, `per minggu`), is written in its
canonical phrases by the translator's own path (`translation.translate_file` to `id`), which
reads its output back and compares trees before anything is written."""

from __future__ import annotations

import difflib

import attrs

from ..core.diagnostics import Diagnostic, error
from ..core.messages import say
from ..core.source import SourceFile, clean_text
from ..language import ast
from ..language.parse import parse_file
from ..language.render import render
from .translation import translate_file


@attrs.frozen
class Formatted:
    """A file's canonical text (None when it does not parse), and the diagnostics why not."""

    name: str
    original: str
    text: str | None
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def changed(self) -> bool:
        return self.text is not None and self.text != self.original

    def diff(self) -> str:
        """A unified diff from the file as it is to its canonical layout."""
        if self.text is None:
            return ""
        return "".join(
            difflib.unified_diff(
                self.original.splitlines(keepends=True),
                self.text.splitlines(keepends=True),
                f"{self.name}",
                f"{self.name} (formatted)",
            )
        )


def format_text(text: str, name: str = "<policy>") -> Formatted:
    """The canonical layout of one `.rules` file's text."""
    source = SourceFile(name, clean_text(text))
    file, diagnostics = parse_file(source)
    errors = [d for d in diagnostics if d.is_error]
    for declaration in file.declarations:  # the layout cannot say where such a value stood
        if isinstance(declaration, ast.AttributesDecl):
            errors += [
                error("stray-value", say("fmt.stray_value"), value.span)
                for value in declaration.stray_values
            ]
    if errors:
        return Formatted(name, text, None, tuple(errors))
    if file.language == "id":
        return Formatted(name, text, translate_file(file, "id", name))
    return Formatted(name, text, render(file, file.language))
