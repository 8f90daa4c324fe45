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
import contextlib
import datetime as dt
import json
import os
import re
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

from . import __version__, files
from .api import compile_policy, load_policy
from .core.diagnostics import Diagnostic, Severity, render_text
from .core.errors import Error, PolicyError
from .policy import Policy
from .rosters.reports import RosterReport, ScheduleReport

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
    command.add_argument(
        "--json", action="store_true", help="print one JSON document for all paths"
    )
    command.set_defaults(run=run_check)


def run_check(args: argparse.Namespace) -> int:
    paths: list[str] = args.paths
    _require_paths(paths)
    results = [_check_one(path) for path in paths]  # a folder is one policy, as load_policy has it
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
            if policy is None and Path(path).is_file() and not path.endswith(".rules"):
                _err(f"note: `{path}` is not a .rules file; was it meant to be checked?")
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
        problem = Diagnostic(
            Severity.ERROR,
            "cannot-read",
            _os_message(exc),
            None,
            hint="check that the file exists and can be read",
            file_name=path,
        )
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
    """`13 rules, 2 groups, 2 hour patterns, 1 date set`: one per declaration."""
    return (
        f"{_count(len(policy.rules), 'rule')}, {_count(len(policy.groups), 'group')}, "
        f"{_count(len(policy.hours), 'hour pattern')}, {_count(len(policy.dates), 'date set')}"
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


# ---- flexrules decide --------------------------------------------------------------------


def add_decide(subparsers: Subparsers) -> None:
    command = subparsers.add_parser(
        "decide",
        help="decide whether an employee may work a shift, and explain why",
        description="Decide one shift (or each shift of a JSON list) for one employee and "
        "print the explanation. Exit 0 when decided (allowed or not), 1 when the policy or "
        "the input has errors, 2 on usage errors.",
    )
    command.add_argument("policy", metavar="POLICY", help="a .rules file or a folder")
    command.add_argument(
        "--employee",
        required=True,
        metavar="FILE",
        help="a JSON object (or a CSV or JSON list of one): id, name, timezone "
        "and the employee's attributes",
    )
    command.add_argument(
        "--shift",
        required=True,
        metavar="FILE",
        help="a JSON object, a JSON list or CSV rows: start, end, location, "
        "the shift's attributes and optionally the employee's id",
    )
    command.add_argument("--json", action="store_true", help="print decisions as JSON")
    _add_max_file_size(command)
    command.set_defaults(run=run_decide)


def run_decide(args: argparse.Namespace) -> int:
    _require_files([args.policy, args.employee, args.shift])
    try:
        policy = load_policy(args.policy)
    except PolicyError as exc:
        _out(render_text(exc.diagnostics))
        return EXIT_ERRORS
    # read and typed as `schedule` and `roster` read them, so all three agree
    with files.size_limit(args.max_file_size):
        employee = files.read_employee(args.employee, policy)
        shifts = files.read_requests(args.shift, policy, employee)
    decisions = [policy.decide(employee, shift) for shift in shifts]
    if args.json:
        document: Any = [d.to_dict() for d in decisions]
        _out(
            json.dumps(
                document[0] if len(document) == 1 else document, indent=2, ensure_ascii=False
            )
        )
    else:
        _out("\n\n".join(d.explain() for d in decisions))
    return EXIT_OK


# ---- flexrules schedule and roster ------------------------------------------------------

_CHECKED_EXIT = (
    "Exit status: 0 when the check ran, whether or not it found violations (read the report "
    "or --json `allowed`); 1 when the policy or an input file has errors (one line saying "
    "which file, row and column); 2 when the command is called wrongly."
)


def _date_argument(text: str) -> str:
    """A day given on the command line, YYYY-MM-DD."""
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"`{text}` is not a date such as 2025-07-01") from None
    if len(text) != 10:
        raise argparse.ArgumentTypeError(f"`{text}` is not a date such as 2025-07-01")
    return text


def _period_argument(values: Sequence[str] | None) -> tuple[str, str] | None:
    if values is None:
        return None
    first, last = values
    if last < first:
        raise UsageError(f"--period ends ({last}) before it starts ({first})")
    return first, last


def _add_period(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--period",
        nargs=2,
        metavar=("FROM", "TO"),
        type=_date_argument,
        help="the days checked, both included (YYYY-MM-DD): `at least` limits are checked "
        "for each day, week or month wholly inside it, and staffing and shares for each of "
        "its days",
    )


def add_schedule(subparsers: Subparsers) -> None:
    command = subparsers.add_parser(
        "schedule",
        help="check one employee's schedule: every shift decided, every limit applied",
        description="Decide each shift of one employee's schedule and apply the policy's "
        "limits (remote days per week, hours per day...). The schedule is a JSON object "
        '{"employee": {...}, "shifts": [...], "period": [FROM, TO], "absences": [...]}, or '
        "a shifts file (CSV or a JSON list) with --employee. " + _CHECKED_EXIT,
    )
    command.add_argument("policy", metavar="POLICY", help="a .rules file or a folder")
    command.add_argument(
        "--schedule",
        required=True,
        metavar="FILE",
        help="the schedule (JSON object), or its shifts (CSV or JSON list)",
    )
    command.add_argument(
        "--employee",
        metavar="FILE",
        help="the employee (JSON object, or a CSV or JSON list of one), when "
        "the schedule file holds only shifts",
    )
    _add_period(command)
    command.add_argument("--json", action="store_true", help="print the report as JSON")
    _add_max_file_size(command)
    command.set_defaults(run=run_schedule)


def run_schedule(args: argparse.Namespace) -> int:
    _require_files([args.policy, args.schedule, args.employee])
    period = _period_argument(args.period)
    policy = _load_for_check(args.policy)
    if policy is None:
        return EXIT_ERRORS
    with files.size_limit(args.max_file_size):
        schedule = files.read_schedule(args.schedule, policy, args.employee)
    report = policy.check(
        schedule.employee, schedule.shifts, period or schedule.period, schedule.absences
    )
    _print_report(report, args.json)
    return EXIT_OK


def _print_report(report: ScheduleReport | RosterReport, as_json: bool) -> None:
    """A schedule or roster report, as JSON or as the text a head of unit reads."""
    _out(
        json.dumps(report.to_dict(), indent=2, ensure_ascii=False) if as_json else report.explain()
    )


def add_roster(subparsers: Subparsers) -> None:
    command = subparsers.add_parser(
        "roster",
        help="check a roster: every schedule, then staffing and shares across it",
        description="Check every employee's schedule, then the staffing rules (enough people "
        "on site) and the shares (not too many away) day by day, on the policy's clock. "
        "Prints each day (who works where, who is on leave, coverage gaps, shares over their "
        "limit) and then each employee with a denied shift or a broken limit. Employees: CSV "
        "with a header (id, name, timezone, then one column per employee attribute) or a "
        "JSON list of objects; shifts: CSV or JSON with employee, start, end, location and "
        "the shift attributes. " + _CHECKED_EXIT,
    )
    command.add_argument("policy", metavar="POLICY", help="a .rules file or a folder")
    command.add_argument(
        "--employees", required=True, metavar="FILE", help="the employees (CSV or JSON list)"
    )
    command.add_argument(
        "--shifts",
        required=True,
        metavar="FILE",
        help="their shifts (CSV or JSON list), one per row",
    )
    command.add_argument(
        "--absences",
        metavar="FILE",
        help="leave days (CSV or JSON list): employee and date, or employee, "
        "from and to; they are not working days for `at least` limits",
    )
    _add_period(command)
    command.add_argument(
        "--headcount",
        metavar="FILE",
        help="the real size of each group for share rules, when the roster "
        'holds only part of it: CSV (value, headcount) or JSON {"finance": 20}',
    )
    command.add_argument("--json", action="store_true", help="print the report as JSON")
    _add_max_file_size(command)
    command.set_defaults(run=run_roster)


def run_roster(args: argparse.Namespace) -> int:
    _require_files([args.policy, args.employees, args.shifts, args.absences, args.headcount])
    period = _period_argument(args.period)
    policy = _load_for_check(args.policy)
    if policy is None:
        return EXIT_ERRORS
    with files.size_limit(args.max_file_size):
        roster = files.read_roster(args.employees, args.shifts, policy, args.absences)
        headcount = files.read_headcount(args.headcount) if args.headcount else None
    report = policy.check_roster(roster.schedules(), period, headcount)
    _print_report(report, args.json)
    return EXIT_OK


def _require_files(paths: Sequence[str | None]) -> None:
    """The policy (a file or folder) and the data files must exist; `-` (standard input) may
    stand for one data file. Named pipes, devices and sockets pass here: the readers refuse
    them as input file errors (`files.sources`)."""
    policy, *data = paths
    problems = (
        []
        if policy is None or Path(policy).exists()
        else [f"no policy file or folder at `{policy}`"]
    )
    if sum(path == files.STDIN for path in data) > 1:
        problems.append("only one file can be read from standard input (`-`)")
    for path in data:
        if path is None or path == files.STDIN:
            continue
        if not Path(path).exists():
            problems.append(f"no file at `{path}`")
        elif Path(path).is_dir():
            problems.append(f"`{path}` is a folder, not a file")
    if problems:
        raise UsageError("; ".join(problems))


_SIZE = re.compile(r"(\d+)\s*([kmg]?)(?:i?b)?", re.IGNORECASE)
_SCALE = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}


def _size_argument(text: str) -> int:
    """A size on the command line: bytes, or a number with K, M or G (KiB, MiB, GiB)."""
    found = _SIZE.fullmatch(text.strip())
    if found is None or int(found.group(1)) == 0:
        raise argparse.ArgumentTypeError(
            f"`{text}` is not a size such as 50M, 200MiB, 1G or 4096 (bytes)"
        )
    return int(found.group(1)) * _SCALE[found.group(2).casefold()]


def _add_max_file_size(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--max-file-size",
        metavar="SIZE",
        type=_size_argument,
        default=files.DEFAULT_MAX_SIZE,
        help="the most a data file (or standard input) may hold: bytes, or K, M, G "
        f"(default {files.DEFAULT_MAX_SIZE >> 20}M); a bigger file is refused",
    )


def _load_for_check(path: str) -> Policy | None:
    """The policy, or None after printing its diagnostics to stderr."""
    try:
        return load_policy(path)
    except PolicyError as exc:
        _err(render_text(exc.diagnostics))
        _err(f"error: the policy `{path}` has {_count(len(exc.errors), 'error')}")
        return None


# ---- flexrules demo -----------------------------------------------------------------------


def add_demo(subparsers: Subparsers) -> None:
    command = subparsers.add_parser(
        "demo",
        help="show the bundled Disdukcapil policy deciding sample shifts",
        description="Load the example policies shipped with flexrules, list the Disdukcapil "
        "policy's rules and decide its sample shifts, with explanations.",
    )
    command.set_defaults(run=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    root = examples_root()
    if root is None:
        _err("error: the bundled examples are missing from this installation")
        return EXIT_ERRORS
    status = EXIT_OK
    policies: dict[str, Policy] = {}
    for name, texts in bundled_policies(root):
        try:
            policies[name] = compile_policy(texts)
        except PolicyError as exc:
            _out(render_text(exc.diagnostics))
            _out(f"{name}: failed ({_count(len(exc.errors), 'error')})\n")
            status = EXIT_ERRORS
    main_policy = policies.get(DEMO_POLICY)
    if main_policy is not None:
        _out(_describe_policy(DEMO_POLICY, main_policy))
        _out(demo_decisions(main_policy, root))
        if (root / "roster" / "shifts.csv").is_file():
            _out(demo_roster(main_policy, root))
    others = [(name, policy) for name, policy in policies.items() if name != DEMO_POLICY]
    if others:
        _out("== Also bundled (checked, no errors)")
        for name, policy in others:
            _out(f"   {name}: {policy.name}; {_counts(policy)}")
    return status


DEMO_POLICY = "disdukcapil.rules"


def demo_decisions(policy: Policy, root: Traversable) -> str:
    """The sample shifts of `examples/data`, each decided and explained under its note."""
    data = root / "data"
    employees = {e["id"]: e for e in json.loads((data / "employees.json").read_text("utf-8"))}
    shifts = json.loads((data / "shifts.json").read_text("utf-8"))
    blocks = ["== Sample decisions (examples/data/shifts.json)"]
    for shift in shifts:
        employee = employees[shift["employee"]]
        decision = policy.decide(employee, shift)
        note = shift.get("note")
        blocks.append((f"# {note}\n" if note else "") + decision.explain())
    return "\n\n".join(blocks) + "\n"


DEMO_PERIOD = ("2025-07-01", "2025-07-31")
ROSTER_COMMAND = (
    "flexrules roster examples/disdukcapil.rules --employees examples/roster/employees.csv \\\n"
    "    --shifts examples/roster/shifts.csv --absences examples/roster/leave.csv \\\n"
    "    --period 2025-07-01 2025-07-31"
)


def demo_roster(policy: Policy, root: Traversable) -> str:
    """The July 2025 roster of `examples/roster`: the first days, then only the problems."""
    folder = root / "roster"
    with contextlib.ExitStack() as stack:
        path = {
            name: stack.enter_context(resources.as_file(folder / name))
            for name in ("employees.csv", "shifts.csv", "leave.csv")
        }
        roster = files.read_roster(
            path["employees.csv"], path["shifts.csv"], policy, path["leave.csv"]
        )
    report = policy.check_roster(roster.schedules(), DEMO_PERIOD)
    return "\n".join(
        [
            "== A month's roster (examples/roster): the first 3 days, then only the problems",
            "   44 staff in July 2025, with five mistakes planted; the whole month, in a checkout:",
            "   " + ROSTER_COMMAND.replace("\n", "\n   "),
            "",
            report.explain(first_days=3),
            "",
        ]
    )


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
COMMANDS: tuple[Callable[[Subparsers], None], ...] = (
    add_check,
    add_decide,
    add_schedule,
    add_roster,
    add_demo,
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
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help (0) and on bad arguments (2)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    run: Run = args.run
    try:
        return run(args)
    except UsageError as exc:
        command = args.commands.get(args.command, parser)
        command.print_usage(sys.stderr)
        _err(f"{command.prog}: error: {exc}")
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
