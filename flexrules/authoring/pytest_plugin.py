"""The pytest plugin (entry point `pytest11`): examples files as test items, so an agency's
test suite runs them with its other tests.

It collects only where asked, so installing flexrules never changes what another project's
pytest collects: the ini option `flexrules_examples` names folders (or files), and so does
`--flexrules-examples PATH` on the command line. Each example is one item; an examples file
with mistakes is one failing item that shows its diagnostics.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..api import load_policy
from ..core.diagnostics import render_text
from ..core.errors import PolicyError
from .checking import Case, Checker
from .examples import SUFFIX, policy_of, read_source
from .running import ExampleResult, run_case
from .syntax import parse_examples

_INI = "flexrules_examples"
_OPTION = "--flexrules-examples"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("flexrules")
    group.addoption(
        _OPTION,
        action="append",
        default=[],
        metavar="PATH",
        help="collect the flexrules *.examples files under PATH (may be repeated)",
    )
    parser.addini(_INI, "folders whose flexrules *.examples files are collected", type="paths")


def _roots(config: pytest.Config) -> list[Path]:
    given = [Path(p).resolve() for p in config.getoption(_OPTION)]
    return given + [Path(p).resolve() for p in config.getini(_INI)]


def pytest_configure(config: pytest.Config) -> None:
    """When pytest was given no paths, the folders asked for are collected too."""
    roots = _roots(config)
    if roots and config.args_source is not pytest.Config.ArgsSource.ARGS:
        config.args = [*config.args, *(str(r) for r in roots if str(r) not in config.args)]


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix != SUFFIX:
        return None
    roots = _roots(parent.config)
    resolved = file_path.resolve()
    if any(resolved == root or root in resolved.parents for root in roots):
        return ExamplesFile.from_parent(parent, path=file_path)
    return None


class ExamplesError(Exception):
    """An examples file or its policy has mistakes: the diagnostics, rendered."""


class ExamplesFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        policy_path = policy_of(self.path)
        if policy_path is None:
            problem = f"no policy for {self.path}"
            yield BrokenFile.from_parent(self, name="examples", problem=problem)
            return
        try:
            policy = load_policy(policy_path)
        except PolicyError as exc:
            yield BrokenFile.from_parent(self, name="policy", problem=render_text(exc.diagnostics))
            return
        source, problems = read_source(self.path)
        file, diagnostics = parse_examples(source)
        checker = Checker(policy, file)
        cases = checker.check()
        found = [*problems, *diagnostics, *checker.diagnostics]
        if found:
            yield BrokenFile.from_parent(self, name="examples", problem=render_text(found))
            return
        for case in cases:
            yield ExampleItem.from_parent(self, name=case.example.id, policy=policy, case=case)


class BrokenFile(pytest.Item):
    def __init__(self, *, problem: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.problem = problem

    def runtest(self) -> None:
        raise ExamplesError(self.problem)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        return str(excinfo.value)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"{self.path.name}: {self.name}"


class ExampleFailed(Exception):
    def __init__(self, result: ExampleResult) -> None:
        super().__init__(result.id)
        self.result = result


class ExampleItem(pytest.Item):
    def __init__(self, *, policy: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.policy = policy
        self.case = case

    def runtest(self) -> None:
        result = run_case(self.policy, self.case, "en")
        if not result.passed:
            raise ExampleFailed(result)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if not isinstance(excinfo.value, ExampleFailed):
            return str(excinfo.value)
        result = excinfo.value.result
        span = result.example.span
        lines = [
            f"example {result.example.label} ({result.file}:{result.line})",
            f"  {span.line} | {span.source.line_text(span.line)}",
            f"  expected: {result.expected.render('en')}",
            f"  decided:  {result.decided.render('en')}",
        ]
        if result.error:
            lines.append(f"  error:    {result.error}")
        lines += ["    " + line for line in result.explanation.splitlines()]
        return "\n".join(lines)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.case.example.line - 1, f"example {self.case.example.label}"
