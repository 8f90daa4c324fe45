"""The entry points: policy text or files in, a checked and compiled `Policy` out."""

from __future__ import annotations

import gc
from collections.abc import Mapping
from pathlib import Path

from .diagnostics import Diagnostic
from .errors import PolicyError
from .frontend import analyse, read_path, sources_from_mapping
from .policy import Policy
from .source import SourceFile, clean_text


def compile_policy(
    text: str | bytes | Mapping[str, str | bytes], filename: str = "<policy>"
) -> Policy:
    """Check and compile policy text (or a mapping of file names to texts, a folder in memory).

    Raises `PolicyError` listing every error found; warnings stay on `policy.diagnostics`.
    """
    if isinstance(text, Mapping):
        sources, problems = sources_from_mapping(text)
    elif isinstance(text, bytes):
        sources, problems = sources_from_mapping({filename: text})
    elif isinstance(text, str):
        sources, problems = [SourceFile(filename, clean_text(text))], []
    else:
        raise TypeError("compile_policy takes policy text, bytes or a mapping of file names")
    return _build(sources, problems)


def load_policy(path: str | Path) -> Policy:
    """Load a `.rules` file, or a folder of them that form one policy."""
    sources, problems = read_path(path)
    return _build(sources, problems)


def _build(sources: list[SourceFile], problems: list[Diagnostic]) -> Policy:
    """Parse, check and compile with the cyclic garbage collector paused.

    Compiling allocates many small objects that all stay alive; without the pause Python's
    collector walks them again and again, which made a 10,000-rule policy three times slower.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        front = analyse(sources, problems)
        if not front.ok:
            raise PolicyError(front.diagnostics)
        return Policy(front)
    finally:
        if paused:
            gc.enable()
