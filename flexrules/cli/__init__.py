"""The command line: one module per subcommand, and `main`, which runs them.

Each subcommand is a module here (`check`, `decide`, `reports` for schedule and roster,
`demo`), registering itself with a function `add_NAME(subparsers)` listed in `COMMANDS`; it
adds its arguments and sets `run` to a function `(args) -> exit code`. `main` parses, runs,
and turns every failure into a message and an exit code, never a traceback:

    0  done, no errors (warnings allowed); for decide, schedule and roster: it ran, whatever
       it decided or found
    1  the policy (or the input) has errors
    2  the command was called wrongly: bad arguments, a path that does not exist
    3  an internal error: a bug in flexrules, reported as one line
    4  decide, schedule, roster: it ran, and --fail-on-deny or --fail-on-violation was given
       and a shift was denied or a rule broken (SETTLED.md, "One set of roster flags")
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from .. import __version__
from ..core.errors import Error
from ..core.messages import say, shown, speaking, spoken
from ..rosters.text import visible
from .authoring import add_fmt, add_test
from .check import add_check
from .common import (
    EXIT_ERRORS,
    EXIT_FAILED,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    Run,
    Subparsers,
    UsageError,
    os_message,
    print_err,
    silence_stdout,
)
from .decide import add_decide
from .demo import add_demo, bundled_policies, demo_decisions, demo_roster, examples_root
from .diff import add_diff
from .holidays import add_holidays
from .lint import add_lint
from .options import asked_language
from .reports import add_roster, add_schedule
from .serve import add_serve
from .show import add_show
from .translate import add_translate

__all__ = [
    "EXIT_ERRORS",
    "EXIT_FAILED",
    "EXIT_INTERNAL",
    "EXIT_OK",
    "EXIT_USAGE",
    "build_parser",
    "bundled_policies",
    "demo_decisions",
    "demo_roster",
    "examples_root",
    "main",
]


#: One registering function per subcommand, in the order `--help` lists them.
COMMANDS: tuple[Callable[[Subparsers], None], ...] = (
    add_check,
    add_decide,
    add_schedule,
    add_roster,
    add_holidays,
    add_demo,
    add_show,
    add_test,
    add_fmt,
    add_lint,
    add_diff,
    add_serve,
    add_translate,
)


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
    parser.set_defaults(commands=subparsers.choices)  # so a usage error shows its command's usage
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code; never raises, never prints a traceback."""
    parser = build_parser()
    try:
        with speaking(asked_language(sys.argv[1:] if argv is None else argv)):
            args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help (0) and on bad arguments (2)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    run: Run = args.run
    # errors are said in `--lang` (a command that loads a policy then speaks its language)
    with speaking(getattr(args, "lang", None) or "en"):
        return _ran(run, args, parser)


def _ran(run: Run, args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """`run(args)`'s exit code, every failure turned into a message and an exit code."""
    try:
        return run(args)
    except UsageError as exc:
        command = args.commands.get(args.command, parser)
        command.print_usage(sys.stderr)
        print_err(f"{command.prog}: error: {exc}")
        return EXIT_USAGE
    except BrokenPipeError:  # the reader went away (`flexrules demo | head`)
        silence_stdout()
        return EXIT_OK
    except Error as exc:  # values from input files are shown escaped (`\x1b`), never raw
        said = say("cli.error", spoken(), message=str(exc))
        print_err("\n".join(visible(line) for line in said.splitlines()))
        return EXIT_ERRORS
    except OSError as exc:
        print_err(say("cli.error", spoken(), message=shown(os_message(exc), spoken())))
        return EXIT_ERRORS
    except KeyboardInterrupt:
        print_err("interrupted")
        return 130
    except Exception as exc:  # a bug: say so in one line, without a traceback
        print_err(f"internal error: {type(exc).__name__}: {exc}")
        print_err("this is a bug in flexrules; please report it with the command that caused it")
        return EXIT_INTERNAL
