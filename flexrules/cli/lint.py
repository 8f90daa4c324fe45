"""`flexrules lint`: findings that need several rules' meaning together, each shown by a
witness employee and shift that the engine decided (docs/lint.md)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
from pathlib import Path

from ..analysis.lint import LintReport, lint
from ..analysis.report import report_dict, report_text, sarif
from ..core.errors import PolicyError
from ..core.messages import Listing, Text
from ..policy import Policy
from ..versions import PolicySet, effective_horizon, version_folders
from .common import (
    EXIT_ERRORS,
    EXIT_OK,
    Subparsers,
    UsageError,
    load_for_check,
    policy_problem,
    print_policy_errors,
)
from .options import add_language, check_out, date_argument, emit

_HEADER = re.compile(r"^\s*(policy|kebijakan)\s+\"", re.IGNORECASE | re.MULTILINE)

LINT_EXIT = (
    "Exit status: 0 when no policy has a finding at or above --fail-on (and none has "
    "errors); 1 when one has, or a policy has errors; 2 when the command is called wrongly; "
    "3 on an internal error (a bug)."
)


def add_lint(subparsers: Subparsers) -> None:
    command = subparsers.add_parser(
        "lint",
        help="find rules that never apply, never permit, conflict, or leave no place to work",
        description="Lint each policy: findings that depend on the meaning of several rules "
        "together, each with a witness employee and shift decided by the engine. A folder "
        "holding several policies (several `policy` headers) is linted one policy per file "
        "and per subfolder. " + LINT_EXIT,
    )
    command.add_argument("paths", nargs="+", metavar="PATH", help="a .rules file or a folder")
    add_horizon(command)
    command.add_argument(
        "--format",
        choices=("text", "json", "sarif"),
        default=None,
        help="text (the default) for people, json for programs, sarif for CI and editors",
    )
    command.add_argument("--json", action="store_true", help="the same as --format json")
    command.add_argument(
        "--fail-on",
        choices=("warning", "error", "never"),
        default="warning",
        help="exit 1 when a finding of this severity or worse is found (default: warning, "
        "so any finding); never: only policy errors fail",
    )
    command.add_argument("--out", metavar="FILE", help="write the output to FILE")
    add_language(command)
    command.set_defaults(run=run_lint)


def add_horizon(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--horizon",
        nargs=2,
        metavar=("FROM", "TO"),
        type=date_argument,
        help="the days the analysis covers, both included (YYYY-MM-DD); by default a "
        "version's effective period (`effective from ... until ...`), else two years from the "
        "earliest date the policy names, else from today",
    )


def horizon_of(args: argparse.Namespace) -> tuple[dt.date, dt.date] | None:
    if args.horizon is None:
        return None
    first, last = (dt.date.fromisoformat(d) for d in args.horizon)
    if last < first:
        raise UsageError(Text("usage.horizon_backwards", first=str(first), last=str(last)))
    return first, last


def policy_paths(path: str) -> list[str]:
    """The policies under a path: a file; a folder that is one policy (at most one header
    among its files); else each .rules file in it and each subfolder, the same way."""
    root = Path(path)
    if not root.is_dir():
        return [path]
    files = sorted(p for p in root.rglob("*.rules") if p.is_file())
    headers = sum(
        1 for p in files if _HEADER.search(p.read_text(encoding="utf-8", errors="replace"))
    )
    if headers <= 1:
        return [path]
    found: list[str] = []
    for child in sorted(root.iterdir()):
        if child.is_file() and child.suffix == ".rules":
            found.append(str(child))
        elif child.is_dir() and any(child.rglob("*.rules")):
            found.extend(policy_paths(str(child)))
    return found


def run_lint(args: argparse.Namespace) -> int:
    problems = [p for path in args.paths if (p := policy_problem(path)) is not None]
    if problems:
        raise UsageError(Listing(problems, "; "))
    shape = "json" if args.json else (args.format or "text")
    horizon = horizon_of(args)
    check_out(args)
    reports: list[tuple[str, LintReport]] = []
    failed = False
    for given in args.paths:
        members: list[Policy] = []
        for path in policy_paths(given):
            policy = load_for_check(path, args.lang)
            if policy is None:
                failed = True
                continue
            members.append(policy)
            # a version is linted over its own effective period (SETTLED.md, "Lint")
            reports.append((path, lint(policy, horizon or effective_horizon(policy))))
        if version_folders(Path(given)) is not None and not failed:
            failed = not versions_agree(given, members, args.lang)
    if shape == "json":
        document = [report_dict(path, r, _language(args, r)) for path, r in reports]
        emit(args, json.dumps(document, indent=2, ensure_ascii=False))
    elif shape == "sarif":
        chosen = args.lang or (reports[0][1].policy.language if reports else "en")
        emit(args, json.dumps(sarif(reports, chosen), indent=2, ensure_ascii=False))
    else:
        texts = [report_text(path, r, _language(args, r)) for path, r in reports]
        emit(args, "\n\n".join(texts))
    if failed or any(_fails(report, args.fail_on) for _, report in reports):
        return EXIT_ERRORS
    return EXIT_OK


def versions_agree(path: str, members: list[Policy], language: str | None) -> bool:
    """Whether the versions of a folder of versions make a set (no days in force twice, no
    attribute with two types); if not, the diagnostics printed to stderr."""
    try:
        PolicySet(members)
    except PolicyError as exc:
        print_policy_errors(path, exc, language)
        return False
    return True


def _language(args: argparse.Namespace, report: LintReport) -> str:
    """`--lang`, else the policy's own language."""
    return str(args.lang or report.policy.language)


def _fails(report: LintReport, level: str) -> bool:
    if level == "never":
        return False
    if level == "error":
        return bool(report.errors())
    return not report.clean
