"""`flexrules diff OLD NEW`: whether a policy change makes it equivalent, more or less
permissive, or neither, with a witness employee and shift of each change decided by both."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..analysis.diff import Change, DiffReport, diff
from ..core.messages import Listing, say
from ..policy import Policy
from ..version_decisions import days_text
from ..versions import effective_horizon
from .common import EXIT_ERRORS, EXIT_OK, Subparsers, UsageError, load_for_check, policy_problem
from .lint import add_horizon, horizon_of
from .options import add_language, check_out, emit


def add_diff(subparsers: Subparsers) -> None:
    command = subparsers.add_parser(
        "diff",
        help="what a policy change does: equivalent, more or less permissive, or neither",
        description="Compare two versions of a policy on the classes lint uses: whether NEW "
        "is equivalent to OLD, more permissive, less permissive, or neither, with one "
        "employee and shift for each kind of change, decided and explained by both. Exit "
        "status: 0 when equivalent (two versions' effective dates are reported on their own "
        "line and do not change it); 1 when they differ or a policy has errors; 2 when the "
        "command is called wrongly; 3 on an internal error (a bug).",
    )
    command.add_argument("old", metavar="OLD", help="the policy as it is (a file or folder)")
    command.add_argument("new", metavar="NEW", help="the policy as proposed")
    add_horizon(command)
    command.add_argument("--json", action="store_true", help="print a JSON document")
    command.add_argument("--out", metavar="FILE", help="write the output to FILE")
    add_language(command)
    command.set_defaults(run=run_diff)


def run_diff(args: argparse.Namespace) -> int:
    problems = [p for path in (args.old, args.new) if (p := policy_problem(path)) is not None]
    if problems:
        raise UsageError(Listing(problems, "; "))
    horizon = horizon_of(args)
    check_out(args)
    old = load_for_check(args.old, args.lang)
    new = load_for_check(args.new, args.lang)
    if old is None or new is None:
        return EXIT_ERRORS
    # two versions: their rules compared as if both were in force, over NEW's effective
    # period (lint's horizon); the change of their dates reported on its own
    report = diff(old, new, horizon or effective_horizon(new))
    language = args.lang or "en"
    if args.json:
        emit(args, json.dumps(_document(args, report, language), indent=2, ensure_ascii=False))
    else:
        emit(args, _text(args, report, language))
    return EXIT_OK if report.equivalent else EXIT_ERRORS


def _document(args: argparse.Namespace, report: DiffReport, language: str) -> dict[str, Any]:
    return {
        "old": {"path": args.old, "policy": report.old.metadata()},
        "new": {"path": args.new, "policy": report.new.metadata()},
        "verdict": report.verdict,
        "horizon": [d.isoformat() for d in report.horizon],
        "gains": None if report.gains is None else report.gains.to_dict(language),
        "losses": None if report.losses is None else report.losses.to_dict(language),
        "effective": {
            "old": _days(report.old),
            "new": _days(report.new),
            "changed": _days(report.old) != _days(report.new),
        },
    }


def _days(policy: Policy) -> dict[str, str | None]:
    """A version's effective days (both None for a policy in force on every day)."""
    return {
        "from": None if policy.effective_from is None else policy.effective_from.isoformat(),
        "until": None if policy.effective_until is None else policy.effective_until.isoformat(),
    }


def _effective_line(args: argparse.Namespace, report: DiffReport, language: str) -> str | None:
    """How the two versions' effective dates differ, or that they do not; None when neither
    declares any."""
    old, new = report.old, report.new
    if old.effective_from is None and new.effective_from is None:
        return None
    if _days(old) == _days(new):
        return say("diff.effective.same", language, days=days_text(new))
    return say(
        "diff.effective.changed",
        language,
        old=args.old,
        old_days=days_text(old),
        new=args.new,
        new_days=days_text(new),
    )


def _text(args: argparse.Namespace, report: DiffReport, language: str) -> str:
    first, last = report.horizon
    lines = [
        say(
            "diff.verdict",
            language,
            new=args.new,
            old=args.old,
            verdict=report.verdict_text,
            first=first,
            last=last,
        )
    ]
    effective = _effective_line(args, report, language)
    if effective is not None:
        lines.append(effective)
    for key, change in (("diff.gains", report.gains), ("diff.losses", report.losses)):
        if change is not None:
            lines.append("")
            lines.extend(_change(args, key, change, language))
    return "\n".join(lines)


def _change(args: argparse.Namespace, key: str, change: Change, language: str) -> list[str]:
    witness = change.new
    lines = [
        say(
            key,
            language,
            employee=json.dumps(witness.employee, ensure_ascii=False),
            shift=json.dumps(witness.shift, ensure_ascii=False),
        )
    ]
    for label, path, side in (
        ("diff.old", args.old, change.old),
        ("diff.new", args.new, change.new),
    ):
        lines.append(say(label, language, path=path))
        lines.extend("    " + line for line in side.decision.explain(language).splitlines())
    return lines
