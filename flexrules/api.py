"""The entry points: policy text or files in, a checked and compiled `Policy` out.

Every policy goes through the same four steps, in `_build`: parse (text to syntax trees),
check (every diagnostic, all at once), compile (trees to evaluators: shift rules, then limits,
staffing and shares), and the `Policy` that decides with them.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from .core import memory
from .core.diagnostics import Diagnostic
from .core.errors import PolicyError
from .core.source import SourceFile
from .engine.compile import compile_rules
from .language.checks import check
from .language.parse import check_language_choice, parse
from .language.sources import read_path, sources_from_mapping
from .policy import Policy
from .rosters.compile import compile_limits


def compile_policy(
    text: str | bytes | Mapping[str, str | bytes],
    filename: str = "<policy>",
    *,
    cache_size: int | None = None,
    language: str | None = None,
) -> Policy:
    """Check and compile policy text (or a mapping of file names to texts, a folder in memory).

    Raises `PolicyError` listing every error found; warnings stay on `policy.diagnostics`.
    `cache_size` bounds each of the policy's memories (docs/architecture.md); by default
    `flexrules.core.memory.DEFAULT_CACHE_SIZE` entries per generation. `language` (`"en"`,
    `"id"`) forces the language of every file; by default each file's first sentence says.
    """
    check_language_choice(language)
    if isinstance(text, Mapping):
        sources, problems = sources_from_mapping(text)
    elif isinstance(text, (str, bytes)):
        sources, problems = sources_from_mapping({filename: text})
    else:
        raise TypeError(
            "compile_policy takes policy text, bytes or a mapping of file names to texts, "
            f"not {type(text).__name__}"
        )
    return _build(sources, problems, cache_size, language)


def load_policy(
    path: str | Path, *, cache_size: int | None = None, language: str | None = None
) -> Policy:
    """Load a `.rules` file, or a folder of them that form one policy. `language` (`"en"`,
    `"id"`) forces the language of every file; by default each file's first sentence says."""
    check_language_choice(language)
    sources, problems = read_path(path)
    return _build(sources, problems, cache_size, language)


def _build(
    sources: list[SourceFile],
    problems: list[Diagnostic],
    cache_size: int | None,
    language: str | None = None,
) -> Policy:
    if cache_size is None:
        cache_size = memory.DEFAULT_CACHE_SIZE
    if isinstance(cache_size, bool) or not isinstance(cache_size, int):
        raise TypeError(f"cache_size is a whole number of entries, not {cache_size!r}")
    if cache_size < 1:
        raise ValueError(f"cache_size is at least 1 entry, not {cache_size!r}")
    parsed = parse(sources, problems, language)
    checked = check(parsed)
    if not checked.ok:
        raise PolicyError(checked.diagnostics)
    rules = compile_rules(checked.symbols, cache_size)
    limits = compile_limits(rules)
    return Policy(checked, rules, limits, _rebuild, forced_language=language)


def _rebuild(texts: dict[str, str], cache_size: int, language: str | None = None) -> Policy:
    """A pickled policy compiled again from its sources (see `Policy.__reduce__`)."""
    return compile_policy(texts, cache_size=cache_size, language=language)
