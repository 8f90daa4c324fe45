"""`flexrules show POLICY`: the policy's parts in words, or as one HTML page (`--html FILE`,
the short form of `--format html --out FILE`; SETTLED.md)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ..api import load_policy
from ..core.diagnostics import render_text
from ..core.errors import PolicyError
from ..core.messages import Text, say
from ..pages import policy_errors_page, policy_page
from ..version_decisions import days_text
from ..versions import PolicySet, version_folders
from .common import EXIT_ERRORS, EXIT_OK, Subparsers, UsageError, print_err, require_files
from .demo import describe_policy
from .html import add_html, html_arguments
from .options import add_language, check_out, emit
from .versions import POLICIES_HELP, load_versions_for_check


def add_show(subparsers: Subparsers) -> None:
    command = subparsers.add_parser(
        "show",
        help="show a policy: its rules by kind, groups, hours, holidays and warnings",
        description="Show a policy's rules with their citations and sources, in words, or "
        "as one self-contained HTML page (--html FILE): rules by kind, groups, each hours "
        "pattern as a week grid, the holidays of the year by name, and its diagnostics. "
        "Exit status: 0 when the policy has no errors; 1 when it has (the page then lists "
        "them); 2 when the command is called wrongly; 3 on an internal error (a bug).",
    )
    command.add_argument("policy", metavar="POLICY", nargs="+", help=POLICIES_HELP)
    command.add_argument(
        "--format",
        choices=("text", "html"),
        help="text (the default), or html: one self-contained page (needs flexrules[pages])",
    )
    command.add_argument(
        "--out", metavar="FILE", help="write the output to FILE instead of standard output"
    )
    add_html(command, "the policy")
    command.add_argument(
        "--year",
        type=int,
        metavar="YEAR",
        help="the year whose holidays the page lists (by default the current year)",
    )
    add_language(command)
    command.set_defaults(run=run_show)


def run_show(args: argparse.Namespace) -> int:
    if len(args.policy) > 1 or version_folders(Path(args.policy[0])) is not None:
        return _show_versions(args)
    args.policy = args.policy[0]
    require_files([args.policy])
    html_arguments(args)
    check_out(args)
    if args.year is not None and not 1950 <= args.year <= 2100:
        raise UsageError(Text("usage.show.year", year=str(args.year)))
    try:
        policy = load_policy(args.policy)
    except PolicyError as exc:
        print_err(render_text(exc.diagnostics))
        if args.format == "html":
            emit(args, policy_errors_page(args.policy, exc.diagnostics, language=args.lang))
        return EXIT_ERRORS
    if args.format == "html":
        today = dt.date.today()
        emit(args, policy_page(policy, language=args.lang, year=args.year, today=today))
    else:
        emit(args, describe_policy(args.policy, policy, args.lang or policy.language).rstrip("\n"))
    return EXIT_OK


def _show_versions(args: argparse.Namespace) -> int:
    """A set of versions in words: each version as `show` shows one policy, in order of
    their days, each with the days it is in force. One version per HTML page: a set is
    shown in text only."""
    html_arguments(args)
    check_out(args)
    if args.format == "html":
        raise UsageError(Text("usage.show.html_set"))
    versions = load_versions_for_check(args.policy, args.lang)
    if versions is None:
        return EXIT_ERRORS
    members = versions.members if isinstance(versions, PolicySet) else (versions,)
    parts = []
    for member in members:
        language = args.lang or member.language
        days = say("version.show", language, days=days_text(member))
        text = describe_policy(", ".join(member.files), member, language).strip("\n")
        lines = text.split("\n")
        parts.append("\n".join([lines[0], days, *lines[1:]]))  # under its name and version
    emit(args, "\n\n".join(parts))
    return EXIT_OK
