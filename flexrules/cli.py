"""The command line: `flexrules check`, `flexrules demo`, one function per subcommand.

Every subcommand is registered by a function `add_NAME(subparsers)` listed in `COMMANDS`; it
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
from .files import output
from .files.sources import special_kind
from .policy import Policy
from .rosters.reports import RosterReport, ScheduleReport, Scope
from .rosters.text import visible

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_FAILED = 4  # it ran, and --fail-on-deny or --fail-on-violation found what it names

Run = Callable[[argparse.Namespace], int]
Subparsers = Any  # argparse's _SubParsersAction, which is private


class UsageError(Exception):
    """The command was called wrongly (exit 2); the message says how."""


class OutputError(Error):
    """The output could not be written (exit 1); the message names the file."""


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
    problems = [problem for path in paths if (problem := _policy_problem(path)) is not None]
    if problems:
        raise UsageError("; ".join(problems))


def _policy_problem(path: str) -> str | None:
    """Why a policy path is unusable: it does not exist, or it is neither a file nor a folder
    (a named pipe, a device, a socket, which would block or never end)."""
    if not Path(path).exists():
        return f"no policy file or folder at `{path}`"
    kind = special_kind(path)
    if kind is not None and kind != "a folder":
        return f"the policy `{path}` is {kind}, not a .rules file or a folder"
    return None


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


# ---- output: --format, --out, --fail-on-* (decide, schedule, roster) -----------------------

FORMATS = ("text", "json", "csv")


def _add_output(
    command: argparse.ArgumentParser, *, rows: str, deny: bool, violation: bool
) -> None:
    """The options every command that decides takes: the format, where to write, and whether
    an outcome fails the run (exit 4)."""
    command.add_argument(
        "--format",
        choices=FORMATS,
        help=f"text (the default) for people, json for programs, csv: one row per {rows}",
    )
    command.add_argument(
        "--json", action="store_true", help="deprecated: the same as --format json"
    )
    command.add_argument(
        "--out", metavar="FILE", help="write the output to FILE instead of standard output"
    )
    if deny:
        command.add_argument(
            "--fail-on-deny",
            action="store_true",
            help=f"exit with status {EXIT_FAILED} when a shift is denied",
        )
    if violation:
        command.add_argument(
            "--fail-on-violation",
            action="store_true",
            help=f"exit with status {EXIT_FAILED} when the report is not allowed: a limit, "
            "staffing or share rule broken, or a shift denied",
        )


def _add_report_options(command: argparse.ArgumentParser) -> None:
    """How much of a schedule or roster report to give."""
    amount = command.add_mutually_exclusive_group()
    amount.add_argument(
        "--violations-only",
        action="store_true",
        help="only what is wrong: in text, the days with a coverage gap or a share over its "
        "limit and the employees to follow up; in JSON, only those employees and their "
        "denied shifts",
    )
    amount.add_argument(
        "--summary",
        action="store_true",
        help="only the summary: the counts, and what could not be checked",
    )
    command.add_argument(
        "--pieces",
        action="store_true",
        help="with --format json, each decision's pieces too (left out by default)",
    )


def _output_format(args: argparse.Namespace) -> str:
    """The format asked for; `--json` is `--format json`, with a note that it is deprecated."""
    chosen: str | None = args.format
    if args.json:
        _err("note: --json is deprecated; use --format json")
        if chosen not in (None, "json"):
            raise UsageError(f"--json asks for JSON and --format for {chosen}; give one")
        chosen = "json"
    chosen = chosen or "text"
    if getattr(args, "pieces", False) and chosen != "json":
        raise UsageError("--pieces goes with --format json")
    if getattr(args, "summary", False) and chosen == "csv":
        raise UsageError("--summary gives text or JSON; --format csv is one row per violation")
    return chosen


def _check_out(args: argparse.Namespace) -> None:
    """`--out` names a file in a folder that exists (checked before any work is done)."""
    out = args.out
    if out is None or out == "-":
        return
    if Path(out).is_dir():
        raise UsageError(f"--out `{out}` is a folder, not a file")
    if not Path(out).resolve().parent.is_dir():
        raise UsageError(f"--out `{out}`: no folder `{Path(out).parent}` to write it in")


def _emit(args: argparse.Namespace, text: str) -> None:
    """The output, to --out or standard output."""
    out = args.out
    if out is None or out == "-":
        _out(text)
        return
    try:
        with open(out, "w", encoding="utf-8", newline="") as file:
            file.write(text + "\n")
    except OSError as exc:
        raise OutputError(f"cannot write `{out}`: {exc.strerror or exc}") from None


def _outcome(args: argparse.Namespace, *, denied: bool, broken: bool = False) -> int:
    """0, or 4 when the outcome is one that --fail-on-deny or --fail-on-violation names."""
    if getattr(args, "fail_on_deny", False) and denied:
        return EXIT_FAILED
    if getattr(args, "fail_on_violation", False) and broken:
        return EXIT_FAILED
    return EXIT_OK


# ---- flexrules decide --------------------------------------------------------------------


def add_decide(subparsers: Subparsers) -> None:
    command = subparsers.add_parser(
        "decide",
        help="decide whether an employee may work a shift, and explain why",
        description="Decide one shift (or each shift of a JSON list or CSV file) for one "
        "employee and print the explanation. JSON output is one decision for a file holding "
        "one shift object, a list for a file holding a list. " + _EXIT_STATUS,
    )
    command.add_argument("policy", metavar="POLICY", help="a .rules file or a folder")
    command.add_argument(
        "--employee",
        required=True,
        metavar="FILE",
        help="a JSON object (or a CSV or JSON list of one): id, name, timezone "
        "and the employee's attributes; - reads standard input",
    )
    command.add_argument(
        "--shift",
        required=True,
        metavar="FILE",
        help="a JSON object, a JSON list or CSV rows: start, end, location, "
        "the shift's attributes and optionally the employee's id; - reads standard input",
    )
    _add_output(command, rows="decision", deny=True, violation=False)
    _add_max_file_size(command)
    command.set_defaults(run=run_decide)


def run_decide(args: argparse.Namespace) -> int:
    _require_files([args.policy, args.employee, args.shift])
    shape = _output_format(args)
    _check_out(args)
    policy = _load_for_check(args.policy)
    if policy is None:
        return EXIT_ERRORS
    # read and typed as `schedule` and `roster` read them, so all three agree
    with files.size_limit(args.max_file_size):
        employee = files.read_employee(args.employee, policy)
        requests = files.read_request_file(args.shift, policy, employee)
    decisions = [policy.decide(employee, shift) for shift in requests.shifts]
    if shape == "json":
        _emit(args, output.decisions_json(decisions, as_list=requests.is_list))
    elif shape == "csv":
        _emit(args, output.decisions_csv(decisions))
    else:
        _emit(args, "\n\n".join(d.explain() for d in decisions))
    return _outcome(args, denied=not all(d.allowed for d in decisions))


# ---- flexrules schedule and roster ------------------------------------------------------

_EXIT_REST = (
    "1 when the policy or an input file has errors (one line saying which file, row and "
    "column); 2 when the command is called wrongly; 3 on an internal error (a bug); "
    f"{EXIT_FAILED} when a --fail-on option was given and what it names happened (a shift "
    "denied, a rule broken)."
)
_EXIT_STATUS = "Exit status: 0 when every shift was decided, allowed or not; " + _EXIT_REST
_CHECKED_EXIT = (
    "Exit status: 0 when the check ran, whether or not it found violations (read the "
    "report, or `allowed` in JSON); " + _EXIT_REST
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
        help="the schedule (JSON object), or its shifts (CSV or JSON list); - reads standard input",
    )
    command.add_argument(
        "--employee",
        metavar="FILE",
        help="the employee (JSON object, or a CSV or JSON list of one), when "
        "the schedule file holds only shifts",
    )
    _add_period(command)
    _add_output(command, rows="violation", deny=True, violation=True)
    _add_report_options(command)
    _add_max_file_size(command)
    command.set_defaults(run=run_schedule)


def run_schedule(args: argparse.Namespace) -> int:
    _require_files([args.policy, args.schedule, args.employee])
    period = _period_argument(args.period)
    shape = _output_format(args)
    _check_out(args)
    policy = _load_for_check(args.policy)
    if policy is None:
        return EXIT_ERRORS
    with files.size_limit(args.max_file_size):
        schedule = files.read_schedule(args.schedule, policy, args.employee)
    period = period or schedule.period
    report = policy.check(schedule.employee, schedule.shifts, period, schedule.absences)
    report.scope = _scope(policy, period)
    _emit(args, _report_output(report, shape, args))
    denied = not all(d.allowed for d in report.decisions)
    return _outcome(args, denied=denied, broken=not report.allowed)


def _scope(policy: Policy, period: tuple[str, str] | None) -> Scope:
    """What a report can judge: whether a period was given, and the rules that need one."""
    return Scope.of(((rule.id, rule.kind) for rule in policy.rules), period is not None)


def _report_output(
    report: ScheduleReport | RosterReport, shape: str, args: argparse.Namespace
) -> str:
    """A schedule or roster report as text, JSON or CSV (one row per violation)."""
    if shape == "csv":
        return output.violations_csv(report.violations)
    if shape == "json":
        document = report.to_dict(
            pieces=args.pieces, violations_only=args.violations_only, summary=args.summary
        )
        # a roster's JSON can be hundreds of megabytes: one line, which is fast to write
        return output.json_text(document, indent=None if isinstance(report, RosterReport) else 2)
    if isinstance(report, RosterReport):
        first_days = 0 if args.violations_only else None
        return report.explain(first_days=first_days, summary=args.summary)
    return report.explain(summary=args.summary)


def add_roster(subparsers: Subparsers) -> None:
    command = subparsers.add_parser(
        "roster",
        help="check a roster: every schedule, then staffing and shares across it",
        description="Check every employee's schedule, then the staffing rules (enough people "
        "on site) and the shares (not too many away) day by day, on the policy's clock. "
        "Prints each day (who works where, who is on leave, coverage gaps, shares over their "
        "limit), each employee with a denied shift, a broken limit or a shift on a day of leave, "
        "and what could not be checked without --period. Employees: CSV "
        "with a header (id, name, timezone, then one column per employee attribute) or a "
        "JSON list of objects; shifts: CSV or JSON with employee, start, end, location and "
        "the shift attributes. " + _CHECKED_EXIT,
    )
    command.add_argument("policy", metavar="POLICY", help="a .rules file or a folder")
    command.add_argument(
        "--employees",
        required=True,
        metavar="FILE",
        help="the employees (CSV or JSON list); - reads standard input (any one file may be -)",
    )
    command.add_argument(
        "--shifts",
        required=True,
        metavar="FILE",
        help="their shifts (CSV or JSON list), one per row; - reads standard input",
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
    _add_output(command, rows="violation", deny=False, violation=True)
    _add_report_options(command)
    _add_max_file_size(command)
    command.set_defaults(run=run_roster)


def run_roster(args: argparse.Namespace) -> int:
    _require_files([args.policy, args.employees, args.shifts, args.absences, args.headcount])
    period = _period_argument(args.period)
    shape = _output_format(args)
    _check_out(args)
    policy = _load_for_check(args.policy)
    if policy is None:
        return EXIT_ERRORS
    with files.size_limit(args.max_file_size):
        roster = files.read_roster(args.employees, args.shifts, policy, args.absences)
        headcount = files.read_headcount(args.headcount) if args.headcount else None
    report = policy.check_roster(roster.schedules(), period, headcount)
    report.scope = _scope(policy, period)
    _emit(args, _report_output(report, shape, args))
    return _outcome(args, denied=False, broken=not report.allowed)


def _require_files(paths: Sequence[str | None]) -> None:
    """The policy (a file or folder) and the data files must exist; `-` (standard input) may
    stand for one data file. Named pipes, devices and sockets pass here: the readers refuse
    them as input file errors (`files.sources`)."""
    policy, *data = paths
    problem = None if policy is None else _policy_problem(policy)
    problems = [] if problem is None else [problem]
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
    except Error as exc:  # values from input files are shown escaped (`\x1b`), never raw
        _err("\n".join(visible(line) for line in f"error: {exc}".splitlines()))
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
