"""`flexrules check`: load each policy and print every diagnostic."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..api import load_policy
from ..core.diagnostics import Diagnostic, Severity, render_text
from ..core.errors import PolicyError
from ..core.messages import Count, Listing, Text, say
from ..policy import Policy
from ..versions import PolicySet, version_folders
from .common import (
    EXIT_ERRORS,
    EXIT_OK,
    Subparsers,
    UsageError,
    os_message,
    policy_counts,
    policy_problem,
    print_err,
    print_out,
)
from .options import add_language


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
    add_language(command)
    command.set_defaults(run=run_check)


def run_check(args: argparse.Namespace) -> int:
    paths: list[str] = args.paths
    require_paths(paths)
    results = []  # a folder is one policy, as load_policy has it, or a folder of versions
    for path in paths:
        results.extend(check_versions_or_one(path))
    asked: str | None = getattr(args, "lang", None)  # None: each policy's language
    if args.json:
        document = [
            {
                "path": path,
                "ok": policy is not None,
                "diagnostics": [d.to_dict(asked) for d in diagnostics],
            }
            for path, policy, diagnostics in results
        ]
        print_out(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        for path, policy, diagnostics in results:
            language = asked or policy_language(policy, diagnostics)
            if diagnostics:
                print_out(render_text(diagnostics, asked))
            print_out(summary(path, policy, diagnostics, language))
            if policy is None and Path(path).is_file() and not path.endswith(".rules"):
                print_err(say("check.not_rules", language, path=path))
    failed = any(policy is None for _path, policy, _diagnostics in results)
    return EXIT_ERRORS if failed else EXIT_OK


def require_paths(paths: Iterable[str]) -> None:
    problems = [problem for path in paths if (problem := policy_problem(path)) is not None]
    if problems:
        raise UsageError(Listing(problems, "; "))


def check_versions_or_one(path: str) -> list[tuple[str, Policy | None, tuple[Diagnostic, ...]]]:
    """One policy; or each version of a folder of versions, then the set (overlaps, types)."""
    folders = version_folders(Path(path))
    if folders is None:
        return [check_one(path)]
    results = [check_one(str(folder)) for folder in folders]
    members = [policy for _path, policy, _diagnostics in results if policy is not None]
    if len(members) == len(results):
        try:
            PolicySet(members)
        except PolicyError as exc:
            results.append((path, None, exc.diagnostics))
    return results


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
            hint=Text("check.cannot_read"),
            file_name=path,
        )
        return path, None, (problem,)
    return path, policy, policy.diagnostics


def policy_language(policy: Policy | None, diagnostics: Sequence[Diagnostic]) -> str:
    """The language a policy is written in: its own when it loaded, else that of its first
    diagnostic (which is in its file's language)."""
    if policy is not None:
        return policy.language
    return diagnostics[0].language if diagnostics else "en"


def summary(
    path: str, policy: Policy | None, diagnostics: Sequence[Diagnostic], language: str = "en"
) -> str:
    """`{path}: ok (13 rules, 2 groups, ...)`, `{path}: failed (3 errors)`, in `language`."""
    errors = sum(1 for d in diagnostics if d.is_error)
    warnings = len(diagnostics) - errors
    if policy is None:
        return say("check.failed", language, path=path, errors=Count(errors, "noun.error"))
    found = Count(warnings, "noun.warning")
    extra = say("check.warnings", language, warnings=found) if warnings else ""
    return say("check.ok", language, path=path, counts=policy_counts(policy), warnings=extra)
