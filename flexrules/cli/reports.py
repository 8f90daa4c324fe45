"""`flexrules schedule` and `flexrules roster`: check a schedule or a roster and report it."""

from __future__ import annotations

import argparse
from typing import Any

from .. import files
from ..core.messages import Text, chosen_language, speak
from ..files import output
from ..files.workbook_report import roster_workbook
from ..files.workbooks import WorkbookProblem
from ..pages import roster_page
from ..policy import Policy
from ..rosters.reports import RosterReport, ScheduleReport, Scope
from ..versions import PolicySet
from .cluster import (
    add_cluster_options,
    check_on_cluster,
    check_parquet_here,
    for_cluster,
    on_cluster,
    parquet_inputs,
    parquet_warnings,
)
from .common import EXIT_ERRORS, OutputError, Subparsers, UsageError, cannot_write, require_files
from .html import add_html, html_arguments
from .options import (
    CHECKED_EXIT,
    FORMATS,
    add_changes,
    add_max_file_size,
    add_output,
    add_period,
    add_reading,
    add_report_options,
    changed,
    check_out,
    emit,
    in_language,
    outcome,
    output_format,
    period_argument,
    print_unused_columns,
    print_warnings,
    reading_of,
)
from .versions import POLICIES_HELP, load_versions_for_check


def add_schedule(subparsers: Subparsers) -> None:
    command = subparsers.add_parser(
        "schedule",
        help="check one employee's schedule: every shift decided, every limit applied",
        description="Decide each shift of one employee's schedule and apply the policy's "
        "limits (remote days per week, hours per day...). The schedule is a JSON object "
        '{"employee": {...}, "shifts": [...], "period": [FROM, TO], "absences": [...]}, or '
        "a shifts file (CSV or a JSON list) with --employee. " + CHECKED_EXIT,
    )
    command.add_argument("policy", metavar="POLICY", nargs="+", help=POLICIES_HELP)
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
    add_changes(command)
    add_period(command)
    add_output(command, rows="violation", deny=True, violation=True)
    add_report_options(command)
    add_max_file_size(command)
    add_reading(command)
    command.set_defaults(run=run_schedule)


def run_schedule(args: argparse.Namespace) -> int:
    require_files([args.policy[0], args.schedule, args.employee, args.changes])
    period = period_argument(args.period)
    shape = output_format(args)
    check_out(args)
    reading = reading_of(args)
    policy = load_versions_for_check(args.policy, args.lang)
    if policy is None:
        return EXIT_ERRORS
    speak(chosen_language(args.lang, policy.metadata()))  # an input error is said in it
    try:
        with files.size_limit(args.max_file_size):
            schedule = files.read_schedule(args.schedule, policy, args.employee, reading=reading)
            employee = schedule.employee
            if args.changes is not None:
                employee = changed(employee, args.changes, policy, reading)
    except files.TableError as error:
        raise in_language(error, chosen_language(args.lang, policy.metadata())) from None
    print_unused_columns(reading, chosen_language(args.lang, policy.metadata()))
    period = period or schedule.period
    report = policy.check(employee, schedule.shifts, period, schedule.absences)
    report.scope = scope(policy, period)
    emit(args, report_output(report, shape, args))
    denied = not all(d.allowed for d in report.decisions)
    return outcome(args, denied=denied, broken=not report.allowed)


def scope(policy: Policy | PolicySet, period: tuple[str, str] | None) -> Scope:
    """What a report can judge: whether a period was given, and the rules that need one."""
    return Scope.of(((rule.id, rule.kind) for rule in policy.rules), period is not None)


def report_output(
    report: ScheduleReport | RosterReport, shape: str, args: argparse.Namespace
) -> str:
    """A schedule or roster report as text, JSON or CSV (one row per violation), in the
    language `--lang` names (by default the policy's)."""
    language = args.lang
    if shape == "csv":
        return output.violations_csv(report.violations, language)
    if shape == "json":
        document = report.to_dict(
            pieces=args.pieces,
            violations_only=args.violations_only,
            summary=args.summary,
            language=language,
        )
        # a roster's JSON can be hundreds of megabytes: one line, which is fast to write
        return output.json_text(document, indent=None if isinstance(report, RosterReport) else 2)
    if isinstance(report, RosterReport):
        first_days = 0 if args.violations_only else None
        return report.explain(first_days=first_days, summary=args.summary, language=language)
    return report.explain(summary=args.summary, language=language)


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
        "the shift attributes. " + CHECKED_EXIT,
    )
    command.add_argument("policy", metavar="POLICY", nargs="+", help=POLICIES_HELP)
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
    add_changes(command)
    add_period(command)
    command.add_argument(
        "--headcount",
        metavar="FILE",
        help="the real size of each group for share rules, when the roster "
        'holds only part of it: CSV (value, headcount) or JSON {"finance": 20}',
    )
    add_output(
        command,
        rows="violation",
        deny=False,
        violation=True,
        formats=(*FORMATS, "html", "xlsx", "parquet"),
    )
    add_html(command, "the report")
    add_cluster_options(command)
    add_report_options(command)
    add_max_file_size(command)
    add_reading(command)
    command.set_defaults(run=run_roster)


def write_violations(out: str, violations: Any, timezone: str, language: str | None) -> None:
    """The violations as a Parquet file, one row each (the columns of `Policy.check_table`)."""
    import zoneinfo

    try:
        from ..columns.rosters import violations_table
    except ImportError:  # numpy or pyarrow: the optional columnar extra
        raise _no_parquet(out) from None
    write_table(out, violations_table(violations, zoneinfo.ZoneInfo(timezone), language))


def _no_parquet(out: str) -> OutputError:
    """Parquet asked of a core install (without numpy or pyarrow)."""
    return cannot_write(out, Text("file.parquet.no_extra"))


def write_table(out: str, table: Any) -> None:
    """An Arrow table as a Parquet file."""
    try:
        import pyarrow.parquet as parquet
    except ImportError:
        raise _no_parquet(out) from None

    try:
        parquet.write_table(table, out)
    except OSError as exc:
        raise cannot_write(out, str(exc.strerror or exc)) from None


def _for_cluster(policy: Policy | PolicySet, roster: files.Roster) -> Policy | PolicySet:
    """The policy a cluster checks, and a roster it can check: employees whose facts do not
    change (a table's rows cannot carry `changes`)."""
    policy = for_cluster(policy)
    if any("changes" in employee for employee in roster.employees):
        raise UsageError(Text("usage.cluster.changes"))
    return policy


#: the formats that write a file, not standard output
_TO_FILE = {
    "xlsx": "usage.xlsx_out",
    "parquet": "usage.parquet_out",
}


def run_roster(args: argparse.Namespace) -> int:
    require_files(
        [args.policy[0], args.employees, args.shifts, args.absences, args.headcount, args.changes],
        datasets=[args.employees, args.shifts, args.absences],
    )
    period = period_argument(args.period)
    html_arguments(args)
    shape = output_format(args)
    if shape in _TO_FILE and args.out in (None, "-"):
        raise UsageError(Text(_TO_FILE[shape]))
    check_out(args)
    clustered = on_cluster(args)
    reading = reading_of(args)
    policy = load_versions_for_check(args.policy, args.lang)
    if policy is None:
        return EXIT_ERRORS
    language = chosen_language(args.lang, policy.metadata())
    speak(language)  # an input error is said in it too
    if parquet_inputs(args):
        return _run_parquet(args, policy, period, clustered, shape, language)
    try:
        with files.size_limit(args.max_file_size):
            roster = files.read_roster(
                args.employees,
                args.shifts,
                policy,
                args.absences,
                reading=reading,
                changes=args.changes,
            )
            headcount = (
                files.read_headcount(args.headcount, reading=reading) if args.headcount else None
            )
    except files.TableError as error:
        print_warnings(error.file_warnings, language)  # often why a column is missing
        raise in_language(error, language) from None
    print_warnings(roster.warnings, language)
    print_unused_columns(reading, language)
    if clustered:
        policy = _for_cluster(policy, roster)
        found = check_on_cluster(args, policy, roster, period, headcount)
        return _found(args, found, shape)
    report = policy.check_roster(roster.schedules(), period, headcount)
    report.scope = scope(policy, period)
    if shape == "xlsx":
        write_workbook(args.out, report, args.lang)
    elif shape == "html":
        emit(args, roster_page(report, language=args.lang, calendar=policy.calendar))
    elif shape == "parquet":
        write_violations(args.out, report.violations, policy.timezone, args.lang)
    else:
        emit(args, report_output(report, shape, args))
    return outcome(args, denied=False, broken=not report.allowed)


def _run_parquet(
    args: argparse.Namespace,
    policy: Policy | PolicySet,
    period: Any,
    clustered: bool,
    shape: str,
    language: str,
) -> int:
    """A roster given as Parquet files: its violations, on the cluster or in this process."""
    try:
        with files.size_limit(args.max_file_size):
            headcount = (
                files.read_headcount(args.headcount, reading=reading_of(args))
                if args.headcount
                else None
            )
    except files.TableError as error:
        raise in_language(error, language) from None
    print_warnings(parquet_warnings(args, policy), language)
    if clustered:
        found = check_on_cluster(args, for_cluster(policy), None, period, headcount)
    else:
        found = check_parquet_here(args, policy, period, headcount)
    return _found(args, found, shape)


def _found(args: argparse.Namespace, found: Any, shape: str) -> int:
    """The violations of a cluster or Parquet run written as asked."""
    if shape == "parquet":
        write_table(args.out, found)
    else:
        emit(args, output.violation_table_text(found, shape))
    return outcome(args, denied=False, broken=found.num_rows > 0)


def write_workbook(out: str, report: RosterReport, language: str | None) -> None:
    """The roster report as an xlsx workbook at `out`."""
    try:
        data = roster_workbook(report, language)
    except WorkbookProblem as problem:
        raise cannot_write(out, problem.text) from None
    try:
        with open(out, "wb") as file:
            file.write(data)
    except OSError as exc:
        raise cannot_write(out, str(exc.strerror or exc)) from None
