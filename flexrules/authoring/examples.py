"""`run_examples`: an examples file read, checked against its policy and run; and where the
examples of a path and the policy of an examples file are."""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..api import load_policy
from ..core.diagnostics import Diagnostic, render_text, sort_diagnostics
from ..core.errors import Error
from ..core.messages import check_language
from ..core.source import SourceFile
from ..language.sources import decode
from ..policy import Policy
from .checking import Checker
from .coverage import Coverage, coverage
from .running import ExampleResult, run_case
from .syntax import parse_examples

SUFFIX = ".examples"


class ExamplesError(Error):
    """An examples file has mistakes (a syntax error, an unknown name, rule id or value, a
    weekday that disagrees with its date); `.diagnostics` lists every one."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics: tuple[Diagnostic, ...] = tuple(sort_diagnostics(diagnostics))
        super().__init__(render_text(self.diagnostics))


class ExamplesReport:
    """The results of one examples file against one policy, and its coverage."""

    def __init__(
        self, path: str, policy: Policy, results: list[ExampleResult], label: str | None = None
    ) -> None:
        self.path = path
        self.policy = policy
        self.results = results
        #: how reports name the policy: its path when known
        self.label = label or _policy_label(policy)

    @property
    def passed(self) -> bool:
        return all(r.passed for r in self.results)

    @property
    def failures(self) -> list[ExampleResult]:
        return [r for r in self.results if not r.passed]

    def coverage(self) -> Coverage:
        return coverage(self.policy, self.results, self.label)

    def to_dict(self, language: str = "en") -> dict[str, Any]:
        return {
            "file": self.path,
            "policy": self.policy.metadata(),
            "passed": self.passed,
            "examples": [r.to_dict(language) for r in self.results],
        }

    def __repr__(self) -> str:
        return (
            f"<ExamplesReport {self.path!r}: {len(self.results)} run, {len(self.failures)} failed>"
        )


def _policy_label(policy: Policy) -> str:
    return policy.files[0] if len(policy.files) == 1 else str(Path(policy.files[0]).parent)


def run_examples(
    policy: Policy | str | Path,
    path: str | Path,
    *,
    run: str | None = None,
    language: str | None = None,
    policy_label: str | None = None,
) -> ExamplesReport:
    """Run the examples of the file at `path` against `policy` (a `Policy`, or the path of
    one). `run` keeps only the examples whose id or title matches it (a shell pattern such as
    `E*`, or words the id or title contains). Raises `ExamplesError` listing every mistake in
    the file, and `PolicyError` for a policy path whose policy has errors. `policy_label` is
    how coverage names the policy (by default its path)."""
    chosen = check_language(language)
    if not isinstance(policy, Policy):
        policy_label = policy_label or str(policy)
        policy = load_policy(policy)
    source, problems = read_source(path)
    if problems:
        raise ExamplesError(problems)
    file, diagnostics = parse_examples(source)
    checker = Checker(policy, file, chosen)
    cases = checker.check()
    diagnostics = [*diagnostics, *checker.diagnostics]
    if diagnostics:
        raise ExamplesError(diagnostics)
    selected = [c for c in cases if run is None or selects(run, c.example.id, c.example.title)]
    results = [run_case(policy, c, chosen) for c in selected]
    return ExamplesReport(str(path), policy, results, policy_label)


def read_source(path: str | Path) -> tuple[SourceFile, list[Diagnostic]]:
    """The examples file as a source, read as policy files are (size cap, UTF-8)."""
    name = str(path)
    with open(name, "rb") as handle:
        data = handle.read(4 * 2 * 1024 * 1024 + 1)
    return decode(name, data)


def selects(pattern: str, ident: str, title: str | None) -> bool:
    """Whether `--run PATTERN` selects an example: a shell pattern matching its id or title,
    or words that its id or title contains (case-insensitive)."""
    folded = pattern.casefold()
    for text in (ident, title or ""):
        if fnmatch.fnmatchcase(text.casefold(), folded) or (
            not any(c in pattern for c in "*?[") and folded in text.casefold()
        ):
            return True
    return False


# ---- finding examples and their policies ---------------------------------------------------


def examples_in(path: str | Path) -> list[Path]:
    """The examples files a path names: the file itself, the `X.examples` beside a policy
    `X.rules` or a policy folder `X/`, or every `*.examples` under a folder."""
    given = Path(path)
    if given.is_dir():
        found = sorted(given.rglob(f"*{SUFFIX}"))
        beside = given.with_name(given.name + SUFFIX)
        return found or ([beside] if beside.is_file() else [])
    if given.suffix == SUFFIX:
        return [given]
    beside = given.with_suffix(SUFFIX)
    return [beside] if beside.is_file() else []


def policy_of(examples: Path) -> Path | None:
    """The policy an examples file `X.examples` is for: `X.rules` beside it, a policy folder
    `X/` beside it, or the folder it is in when that folder holds `.rules` files."""
    stem = examples.with_suffix("")
    for candidate in (stem.with_suffix(".rules"), stem):
        if candidate.is_file() or (candidate.is_dir() and any(candidate.glob("*.rules"))):
            return candidate
    folder = examples.parent
    return folder if any(folder.glob("*.rules")) else None
