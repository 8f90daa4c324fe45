"""`flexrules test` (examples files, with coverage) and `flexrules fmt` (the canonical layout):
the authoring commands, which exit 1 for a failing example or a file to reformat, as their
tools' custom is (SETTLED.md)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..api import load_policy
from ..authoring.examples import ExamplesError, ExamplesReport, examples_in, policy_of, run_examples
from ..authoring.formatting import Formatted, format_text
from ..core.diagnostics import render_text
from ..core.errors import PolicyError
from ..core.messages import Count, Listing, Text, say
from ..language.sources import decode
from ..policy import Policy
from .common import (
    EXIT_ERRORS,
    EXIT_OK,
    Subparsers,
    UsageError,
    print_err,
    print_out,
)
from .options import add_language

#: the most bytes a policy file may have (`language.sources`)
MAX_FILE_BYTES = 4 * 2 * 1024 * 1024


def add_test(subparsers: Subparsers) -> None:
    command = subparsers.add_parser(
        "test",
        help="run the examples that say what a policy decides",
        description="Run every example of the *.examples files the paths name (an examples "
        "file, a policy with its X.examples beside it, or a folder searched for them) and "
        "report each failure with what was expected, what was decided and why. Exit 0 when all "
        "pass, 1 on a failure or an error, 2 when called wrongly.",
    )
    command.add_argument(
        "paths", nargs="+", metavar="PATH", help="an examples file, a policy or a folder"
    )
    command.add_argument(
        "--policy",
        metavar="POLICY",
        help="the policy to run every examples file against (by default, X.rules or a "
        "folder X/ beside X.examples)",
    )
    command.add_argument(
        "--run",
        dest="pattern",
        metavar="PATTERN",
        help="only the examples whose id or title matches (a shell pattern such as 'E*', or "
        "words they contain)",
    )
    command.add_argument("--json", action="store_true", help="print one JSON document")
    command.add_argument(
        "--coverage", action="store_true", help="report which rules no example reached"
    )
    command.add_argument(
        "--threshold",
        type=float,
        metavar="N",
        help="fail when a policy's rule coverage is below N percent (implies --coverage)",
    )
    command.add_argument(
        "--verbose", "-v", action="store_true", help="list the examples that pass too"
    )
    add_language(command)
    command.set_defaults(run=run_test)


def run_test(args: argparse.Namespace) -> int:
    language = args.lang or "en"
    files = _examples_files(args.paths, language)
    reports: list[ExamplesReport] = []
    errors: list[dict[str, Any]] = []  # the files that could not run, for --json
    for path in files:
        report = _run_one(path, args, language, errors)
        if report is not None:
            reports.append(report)
    failed = bool(errors)
    ran = sum(len(r.results) for r in reports)
    if args.pattern and ran == 0 and not failed:
        print_err(say("test.none_selected", language, pattern=args.pattern))
        return EXIT_ERRORS
    failed = failed or not all(r.passed for r in reports)
    with_coverage = args.coverage or args.threshold is not None
    below = _below_threshold(reports, args.threshold)
    if args.json:
        print_out(
            json.dumps(
                _document(reports, errors, with_coverage, language), indent=2, ensure_ascii=False
            )
        )
    else:
        _print_text(reports, with_coverage, args.verbose, language)
    for report, percent in below:
        print_err(
            say(
                "test.below_threshold",
                language,
                policy=report.coverage().policy,
                percent=percent,
                threshold=_number(args.threshold),
            )
        )
    return EXIT_ERRORS if failed or below else EXIT_OK


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _examples_files(paths: Sequence[str], language: str) -> list[Path]:
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        raise UsageError(Listing([Text("usage.no_file_or_folder", path=p) for p in missing], "; "))
    found: list[Path] = []
    for path in paths:
        for item in examples_in(path):
            if item not in found:
                found.append(item)
    if not found:
        raise UsageError(say("test.none_found", language, paths=", ".join(f"`{p}`" for p in paths)))
    return found


def _run_one(
    path: Path, args: argparse.Namespace, language: str, errors: list[dict[str, Any]]
) -> ExamplesReport | None:
    """The file's report, or None after printing why it could not run (and noting it)."""
    policy_path = args.policy or policy_of(path)
    if policy_path is None:
        stem = path.with_suffix("").name
        message = say("test.no_policy", language, path=str(path), stem=stem)
        print_err(message)
        errors.append({"file": str(path), "error": message, "diagnostics": []})
        return None
    try:
        policy: Policy = load_policy(policy_path)
    except PolicyError as exc:
        print_err(render_text(exc.diagnostics))
        count = Count(len(exc.errors), "noun.error")
        message = say("cli.policy_errors", language, path=str(policy_path), errors=count)
        print_err(message)
        errors.append(
            {
                "file": str(path),
                "error": message,
                "diagnostics": [d.to_dict() for d in exc.diagnostics],
            }
        )
        return None
    try:
        return run_examples(
            policy, path, run=args.pattern, language=language, policy_label=str(policy_path)
        )
    except ExamplesError as exc:
        print_err(render_text(exc.diagnostics))
        count = Count(len(exc.diagnostics), "noun.error")
        message = say("test.examples_errors", language, path=str(path), errors=count)
        print_err(message)
        errors.append(
            {
                "file": str(path),
                "error": message,
                "diagnostics": [d.to_dict() for d in exc.diagnostics],
            }
        )
        return None


def _print_text(
    reports: list[ExamplesReport], with_coverage: bool, verbose: bool, language: str
) -> None:
    for report in reports:
        for result in report.results:
            where = f"{result.file}:{result.line}"
            label = result.example.label
            if result.passed:
                if verbose:
                    print_out(say("test.pass", language, label=label, where=where))
                continue
            print_out(say("test.fail", language, label=label, where=where))
            print_out(_source_line(result.example.span))
            print_out(say("test.expected", language, text=result.expected.render(language)))
            print_out(say("test.decided", language, text=result.decided.render(language)))
            if result.error:
                print_out(say("test.error", language, text=result.error))
            if result.explanation:
                print_out("\n".join("    " + line for line in result.explanation.splitlines()))
            print_out("")
        passed = sum(1 for r in report.results if r.passed)
        print_out(
            say(
                "test.summary",
                language,
                file=report.path,
                examples=Count(len(report.results), "noun.example"),
                passed=passed,
                failed=len(report.results) - passed,
            )
        )
        if with_coverage:
            for line in report.coverage().lines(language):
                print_out(line)


def _source_line(span: Any) -> str:
    line = span.line
    return f"  {line} | {span.source.line_text(line)}"


def _document(
    reports: list[ExamplesReport],
    errors: list[dict[str, Any]],
    with_coverage: bool,
    language: str,
) -> dict[str, Any]:
    files = []
    for report in reports:
        item = report.to_dict(language)
        if with_coverage:
            item["coverage"] = report.coverage().to_dict()
        files.append(item)
    return {
        "passed": not errors and all(r.passed for r in reports),
        "examples": sum(len(r.results) for r in reports),
        "failed": sum(len(r.failures) for r in reports),
        "files": files,
        "errors": errors,
    }


def _below_threshold(
    reports: list[ExamplesReport], threshold: float | None
) -> list[tuple[ExamplesReport, str]]:
    if threshold is None:
        return []
    below = []
    for report in reports:
        cover = report.coverage()
        if cover.percent < threshold:
            below.append((report, cover.lines("en")[0].rsplit("(", 1)[-1].rstrip(")")))
    return below


# ---- flexrules fmt ---------------------------------------------------------------------------


def add_fmt(subparsers: Subparsers) -> None:
    command = subparsers.add_parser(
        "fmt",
        help="lay policy files out in the one canonical layout",
        description="Write each .rules file (a file, the .rules files under a folder, or `-` "
        "for standard input) in the canonical layout, comments kept where they were, names and "
        "values as written. Without --write, --check or --diff the formatted text is printed. "
        "A file that does not parse is left as it is and its diagnostics printed. Exit 0 when "
        "done (with --check: when every file is canonical), 1 when a file would change under "
        "--check or does not parse, 2 when called wrongly.",
    )
    command.add_argument("paths", nargs="+", metavar="PATH", help="a .rules file, a folder or -")
    command.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if a file would change"
    )
    command.add_argument("--diff", action="store_true", help="print what would change, as a diff")
    command.add_argument("--write", "-w", action="store_true", help="rewrite the files in place")
    add_language(command)
    command.set_defaults(run=run_fmt)


def run_fmt(args: argparse.Namespace) -> int:
    language = args.lang or "en"
    if args.write and STDIN in args.paths:
        raise UsageError(Text("usage.stdin_write"))
    outcomes = [_fmt_one(name, args, language) for name in _rules_files(args.paths)]
    return EXIT_OK if all(outcomes) else EXIT_ERRORS


def _fmt_one(name: str, args: argparse.Namespace, language: str) -> bool:
    """Format one file as the options ask; False when it does not parse or, under --check,
    would change."""
    result = _format_one(name)
    if result.text is None and not any(d.is_error for d in result.diagnostics):
        print_err(f"{name}: " + " ".join(d.message for d in result.diagnostics))
        return True  # not in a language fmt writes: left as it is, and said so
    if result.text is None:
        if result.diagnostics:
            print_err(render_text(result.diagnostics))
        print_err(say("fmt.not_parsed", language, file=name))
        return False
    if args.diff and result.changed:
        print_out(result.diff().rstrip("\n"))
    if args.check:
        if result.changed:
            print_err(say("fmt.would_change", language, file=name))
        return not result.changed
    if args.write:
        if result.changed:
            Path(name).write_text(result.text, encoding="utf-8")
            print_err(say("fmt.rewritten", language, file=name))
    elif not args.diff:
        sys.stdout.write(result.text)
    return True


STDIN = "-"


def _rules_files(paths: Sequence[str]) -> list[str]:
    missing = [p for p in paths if p != STDIN and not Path(p).exists()]
    if missing:
        raise UsageError(Listing([Text("usage.no_file_or_folder", path=p) for p in missing], "; "))
    found: list[str] = []
    for path in paths:
        if path != STDIN and Path(path).is_dir():
            found.extend(str(p) for p in sorted(Path(path).rglob("*.rules")) if p.is_file())
        else:
            found.append(path)
    return found


def _format_one(name: str) -> Formatted:
    if name == STDIN:
        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    else:
        with open(name, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    source, problems = decode("<stdin>" if name == STDIN else name, data)
    if problems:
        return Formatted(name, source.text, None, tuple(problems))
    return format_text(source.text, source.name)
