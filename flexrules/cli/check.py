"""`flexrules check`: load each policy and print every diagnostic."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..api import load_policy
from ..core.diagnostics import Diagnostic, Severity, render_text
from ..core.errors import PolicyError
from ..policy import Policy
from .common import (
    EXIT_ERRORS,
    EXIT_OK,
    Subparsers,
    UsageError,
    count,
    counts,
    os_message,
    policy_problem,
    print_err,
    print_out,
)


def add_check(subparsers: Subparsers) -> None:
    command = subparsers.add_parser(
        "check",
        help="check policies and print their diagnostics",
        description="Load each policy (a .rules file, or a folder of them that form one "
        "policy) and report every error and warning found.",
    )
    command.add_argument("paths", nargs="+", metavar="PATH", help="a .rules file or a folder")
    command.add_argument(
        "--json", action="store_true", help="print one JSON document for all paths"
    )
    command.set_defaults(run=run_check)


def run_check(args: argparse.Namespace) -> int:
    paths: list[str] = args.paths
    require_paths(paths)
    results = [check_one(path) for path in paths]  # a folder is one policy, as load_policy has it
    if args.json:
        document = [
            {
                "path": path,
                "ok": policy is not None,
                "diagnostics": [d.to_dict() for d in diagnostics],
            }
            for path, policy, diagnostics in results
        ]
        print_out(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        for path, policy, diagnostics in results:
            if diagnostics:
                print_out(render_text(diagnostics))
            print_out(summary(path, policy, diagnostics))
            if policy is None and Path(path).is_file() and not path.endswith(".rules"):
                print_err(f"note: `{path}` is not a .rules file; was it meant to be checked?")
    failed = any(policy is None for _path, policy, _diagnostics in results)
    return EXIT_ERRORS if failed else EXIT_OK


def require_paths(paths: Iterable[str]) -> None:
    problems = [problem for path in paths if (problem := policy_problem(path)) is not None]
    if problems:
        raise UsageError("; ".join(problems))


def check_one(path: str) -> tuple[str, Policy | None, tuple[Diagnostic, ...]]:
    """The policy at a path (None when it has errors) and every diagnostic about it."""
    try:
        policy = load_policy(path)
    except PolicyError as exc:
        return path, None, exc.diagnostics
    except FileNotFoundError as exc:
        raise UsageError(str(exc)) from exc
    except OSError as exc:  # unreadable: report it with the others and go on
        problem = Diagnostic(
            Severity.ERROR,
            "cannot-read",
            os_message(exc),
            None,
            hint="check that the file exists and can be read",
            file_name=path,
        )
        return path, None, (problem,)
    return path, policy, policy.diagnostics


def summary(path: str, policy: Policy | None, diagnostics: Sequence[Diagnostic]) -> str:
    errors = sum(1 for d in diagnostics if d.is_error)
    warnings = len(diagnostics) - errors
    if policy is None:
        return f"{path}: failed ({count(errors, 'error')})"
    parts = counts(policy)
    extra = f", {count(warnings, 'warning')}" if warnings else ""
    return f"{path}: ok ({parts}{extra})"
