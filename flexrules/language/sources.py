"""Policy sources: `.rules` files, folders of them, texts and bytes, read into source files.

Reading never fails on content: invalid UTF-8 or a file too large is a diagnostic, so every
problem of a policy is reported together with the checks' findings."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..core.diagnostics import Diagnostic, Severity, error
from ..core.source import SourceFile, Span, clean_text
from .parser import MAX_FILE_CHARS


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
