"""The command line: `flexrules check`, `flexrules demo`, one function per subcommand.

Every subcommand is registered by a function `add_NAME(subparsers)` listed in `COMMANDS`; it
adds its arguments and sets `run` to a function `(args) -> exit code`. `main` parses, runs,
and turns every failure into a message and an exit code, never a traceback:

    0  done, no errors (warnings allowed)
    1  the policy (or the input) has errors
    2  the command was called wrongly: bad arguments, a path that does not exist
    3  an internal error: a bug in flexrules, reported as one line
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

from . import __version__
from .api import compile_policy, load_policy
from .diagnostics import Diagnostic, Severity, render_text
from .errors import Error, PolicyError
from .policy import Policy

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3

Run = Callable[[argparse.Namespace], int]
Subparsers = Any  # argparse's _SubParsersAction, which is private


class UsageError(Exception):
    """The command was called wrongly (exit 2); the message says how."""


# ---- flexrules check ----------------------------------------------------------------------


def add_check(subparsers: Subparsers) -> None:
    command = subparsers.add_parser(
        "check",
        help="check policies and print their diagnostics",
        description="Load each policy (a .rules file, or a folder of them that form one "
        "policy) and report every error and warning found.",
    )
    command.add_argument("paths", nargs="+", metavar="PATH", help="a .rules file or a folder")
    command.add_argument("--json", action="store_true",
                         help="print one JSON document for all paths")
    command.set_defaults(run=run_check)


def run_check(args: argparse.Namespace) -> int:
    paths: list[str] = args.paths
    _require_paths(paths)
    results = [_check_one(path) for path in paths]
    if args.json:
        document = [
            {
                "path": path,
                "ok": policy is not None,
                "diagnostics": [d.to_dict() for d in diagnostics],
            }
            for path, policy, diagnostics in results
        ]
        _out(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        for path, policy, diagnostics in results:
            if diagnostics:
                _out(render_text(diagnostics))
            _out(_summary(path, policy, diagnostics))
    failed = any(policy is None for _path, policy, _diagnostics in results)
    return EXIT_ERRORS if failed else EXIT_OK


def _require_paths(paths: Iterable[str]) -> None:
    missing = [path for path in paths if not Path(path).exists()]
    if missing:
        raise UsageError("; ".join(f"no policy file or folder at `{path}`" for path in missing))


def _check_one(path: str) -> tuple[str, Policy | None, tuple[Diagnostic, ...]]:
    """The policy at a path (None when it has errors) and every diagnostic about it."""
    try:
        policy = load_policy(path)
    except PolicyError as exc:
        return path, None, exc.diagnostics
    except FileNotFoundError as exc:
        raise UsageError(str(exc)) from exc
    except OSError as exc:  # unreadable: report it with the others and go on
        problem = Diagnostic(Severity.ERROR, "cannot-read", _os_message(exc), None,
                             hint="check that the file exists and can be read",
                             file_name=path)
        return path, None, (problem,)
    return path, policy, policy.diagnostics


def _summary(path: str, policy: Policy | None, diagnostics: Sequence[Diagnostic]) -> str:
    errors = sum(1 for d in diagnostics if d.is_error)
    warnings = len(diagnostics) - errors
    if policy is None:
        return f"{path}: failed ({_count(errors, 'error')})"
    parts = _counts(policy)
    extra = f", {_count(warnings, 'warning')}" if warnings else ""
    return f"{path}: ok ({parts}{extra})"


def _counts(policy: Policy) -> str:
    """`13 rules, 2 groups, 2 hours, 1 dates`: hours and dates count declarations."""
    return (
        f"{_count(len(policy.rules), 'rule')}, {_count(len(policy.groups), 'group')}, "
        f"{len(policy.hours)} hours, {len(policy.dates)} dates"
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


# ---- flexrules demo -----------------------------------------------------------------------


def add_demo(subparsers: Subparsers) -> None:
    command = subparsers.add_parser(
        "demo",
        help="check the bundled example policies and show their rules",
        description="Load the example policies shipped with flexrules and list their rules.",
    )
    command.set_defaults(run=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    root = examples_root()
    if root is None:
        _err("error: the bundled examples are missing from this installation")
        return EXIT_ERRORS
    status = EXIT_OK
    for name, texts in bundled_policies(root):
        try:
            policy = compile_policy(texts)
        except PolicyError as exc:
            _out(render_text(exc.diagnostics))
            _out(f"{name}: failed ({_count(len(exc.errors), 'error')})\n")
            status = EXIT_ERRORS
            continue
        if policy.diagnostics:
            _out(render_text(policy.diagnostics))
        _out(_describe_policy(name, policy))
    return status


def examples_root() -> Traversable | None:
    """The example policies: inside the installed package, else the checkout's `examples/`."""
    packaged = resources.files("flexrules") / "examples"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "examples"
    if checkout.is_dir():
        return checkout
    return None


def bundled_policies(root: Traversable) -> list[tuple[str, dict[str, str]]]:
    """Each example policy: a top-level `.rules` file, or a folder holding `.rules` files.

    Texts are read into memory (the examples may sit inside a zip file), named by their path
    under the examples folder, so messages say `hospital/rules.rules:9`.
    """
    found: list[tuple[str, dict[str, str]]] = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.is_file() and entry.name.endswith(".rules"):
            found.append((entry.name, {entry.name: entry.read_text(encoding="utf-8")}))
        elif entry.is_dir():
            texts = dict(_rules_files(entry, entry.name))
            if texts:
                found.append((entry.name + "/", texts))
    return found


def _rules_files(folder: Traversable, prefix: str) -> Iterable[tuple[str, str]]:
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        name = f"{prefix}/{entry.name}"
        if entry.is_dir():
            yield from _rules_files(entry, name)
        elif entry.name.endswith(".rules"):
            yield name, entry.read_text(encoding="utf-8")


def _describe_policy(name: str, policy: Policy) -> str:
    header = f"== {policy.name}"
    if policy.version:
        header += f" (version {policy.version})"
    lines = [
        header,
        f"   {name}: {policy.timezone}, default {policy.default}; {_counts(policy)}",
        "",
    ]
    for rule in policy.rules:
        title = f' "{rule.title}"' if rule.title else ""
        lines.append(f"{rule.id}{title}  [{rule.kind}]  ({rule.source})")
        if rule.citation:
            lines.append(f"    citing {rule.citation}")
        if rule.overrides:
            lines.append(f"    overrides {', '.join(rule.overrides)}")
        lines.append(f"    {rule.text}")
    return "\n".join(lines) + "\n"


# ---- the program --------------------------------------------------------------------------

#: One registering function per subcommand, in the order `--help` lists them.
COMMANDS: tuple[Callable[[Subparsers], None], ...] = (add_check, add_demo)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="flexrules",
        description="Check flexible-work policies for Indonesian civil servants "
        "(PermenPANRB 4/2025) and explain them.",
    )
    parser.add_argument("--version", action="version", version=f"flexrules {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add in COMMANDS:
        add(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code; never raises, never prints a traceback."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help (0) and on bad arguments (2)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    run: Run = args.run
    try:
        return run(args)
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        _err(f"flexrules: error: {exc}")
        return EXIT_USAGE
    except BrokenPipeError:  # the reader went away (`flexrules demo | head`)
        _silence_stdout()
        return EXIT_OK
    except Error as exc:
        _err(f"error: {exc}")
        return EXIT_ERRORS
    except OSError as exc:
        _err(f"error: {_os_message(exc)}")
        return EXIT_ERRORS
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except Exception as exc:  # a bug: say so in one line, without a traceback
        _err(f"internal error: {type(exc).__name__}: {exc}")
        _err("this is a bug in flexrules; please report it with the command that caused it")
        return EXIT_INTERNAL


def _os_message(exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    return f"cannot read `{exc.filename}`: {reason}" if exc.filename else reason


def _out(text: str) -> None:
    print(text)


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def _silence_stdout() -> None:
    """After a broken pipe, send the rest to nowhere so the interpreter's flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
