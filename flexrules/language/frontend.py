"""The front end: policy text in, checked syntax trees and every diagnostic out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs

from ..core.diagnostics import Diagnostic, Severity, error
from ..core.source import SourceFile, Span, clean_text
from . import ast
from .checks import run_checks
from .parser import MAX_FILE_CHARS, parse_source
from .symbols import Symbols, gather
from .tree_to_ast import Lowerer


@attrs.frozen
class FrontEndResult:
    sources: tuple[SourceFile, ...]
    files: tuple[ast.PolicyFile, ...]
    symbols: Symbols
    diagnostics: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


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


def analyse(sources: Sequence[SourceFile], extra: Sequence[Diagnostic] = ()) -> FrontEndResult:
    """Parse and check sources that form one policy."""
    files: list[ast.PolicyFile] = []
    diagnostics: list[Diagnostic] = list(extra)
    for source in sources:
        file, found = parse_file(source)
        files.append(file)
        diagnostics.extend(found)
    symbols = gather(files)
    diagnostics.extend(run_checks(symbols))
    return FrontEndResult(tuple(sources), tuple(files), symbols, tuple(diagnostics))


def decode(name: str, data: bytes) -> tuple[SourceFile, list[Diagnostic]]:
    """Bytes to a source file; invalid UTF-8 is a diagnostic at the first bad byte."""
    if len(data) > MAX_FILE_CHARS * 4:
        source = SourceFile(name, "")
        return source, [
            error(
                "file-too-large",
                f"this file has {len(data):,} bytes; a policy file may have at most "
                f"{MAX_FILE_CHARS:,} characters",
                Span(source, 0, 0),
                hint="split the policy into several .rules files in one folder",
            )
        ]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8")
        source = SourceFile(name, good + data[exc.start :].decode("utf-8", errors="replace"))
        return source, [
            error(
                "invalid-utf8",
                f"this file is not UTF-8 text: byte 0x{data[exc.start]:02x} cannot start a "
                "character here",
                Span(source, len(good), len(good) + 1),
                hint="save the policy as UTF-8",
            )
        ]
    return SourceFile(name, clean_text(text)), []


def sources_from_mapping(
    texts: Mapping[str, str | bytes],
) -> tuple[list[SourceFile], list[Diagnostic]]:
    sources: list[SourceFile] = []
    diagnostics: list[Diagnostic] = []
    for name in sorted(texts):
        value = texts[name]
        if isinstance(value, bytes):
            source, found = decode(name, value)
            diagnostics.extend(found)
            if found:  # undecodable text would only add noise to the real problem
                continue
        else:
            source = SourceFile(name, clean_text(value))
        sources.append(source)
    return sources, diagnostics


def read_path(path: str | Path) -> tuple[list[SourceFile], list[Diagnostic]]:
    """A `.rules` file, or a folder whose `.rules` files (searched recursively) form one policy."""
    root = Path(path)
    if root.is_dir():
        files = sorted(p for p in root.rglob("*.rules") if p.is_file())
        names = {p: str(p.relative_to(root.parent)) if root.name else str(p) for p in files}
    elif root.is_file():
        files = [root]
        names = {root: str(path)}
    else:
        raise FileNotFoundError(f"no policy file or folder at {str(path)!r}")
    texts: dict[str, bytes] = {}
    for file in files:
        texts[names[file]] = file.read_bytes()
    if not texts:
        return [], [
            Diagnostic(
                Severity.ERROR,
                "no-policy-files",
                f"the folder `{path}` holds no .rules files",
                None,
                hint="policy files end in .rules",
                file_name=str(path),
            )
        ]
    return sources_from_mapping(texts)
