"""`flexrules decide`: decide one employee's shifts and explain each decision."""

from __future__ import annotations

import argparse
from typing import Any

from .. import files
from ..core.messages import Count, Text, chosen_language, say, speak
from ..engine.decision import Decision
from ..files import output
from .common import EXIT_ERRORS, Subparsers, UsageError, print_err, require_files
from .options import (
    EXIT_STATUS,
    add_changes,
    add_max_file_size,
    add_output,
    add_reading,
    changed,
    check_out,
    emit,
    in_language,
    outcome,
    output_format,
    print_unused_columns,
    reading_of,
)
from .versions import POLICIES_HELP, load_versions_for_check


def add_decide(subparsers: Subparsers) -> None:
    command = subparsers.add_parser(
        "decide",
        help="decide whether an employee may work a shift, and explain why",
        description="Decide one shift (or each shift of a JSON list or CSV file) for one "
        "employee and print the explanation. JSON output is one decision for a file holding "
        "one shift object, a list for a file holding a list. " + EXIT_STATUS,
    )
    command.add_argument("policy", metavar="POLICY", nargs="+", help=POLICIES_HELP)
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
    add_output(command, rows="decision", deny=True, violation=False)
    command.add_argument(
        "--why-not",
        action="store_true",
        help="for each denied shift, what would be allowed instead: the same span at another "
        "place, the nearest allowed span of the same length that day, one fact changed; each "
        "decided (in JSON, under `alternatives`)",
    )
    add_max_file_size(command)
    add_reading(command)
    add_changes(command)
    command.set_defaults(run=run_decide)


def _explained(decision: Decision, language: str | None, why_not: bool) -> str:
    text = decision.explain(language)
    if why_not and not decision.allowed:
        text += "\n" + decision.explain_alternatives(language)
    return text


def run_decide(args: argparse.Namespace) -> int:
    require_files([args.policy[0], args.employee, args.shift, args.changes])
    shape = output_format(args)
    check_out(args)
    reading = reading_of(args)
    policy = load_versions_for_check(args.policy, args.lang)
    if policy is None:
        return EXIT_ERRORS
    # read and typed as `schedule` and `roster` read them, with the same reading options, so
    # all three agree; an attendance export's absence rows are read and left out
    absences: list[Any] = []
    said = chosen_language(args.lang, policy.metadata())
    speak(said)  # an input error is said in it too
    try:
        with files.size_limit(args.max_file_size):
            employee = files.read_employee(args.employee, policy, reading=reading)
            if args.changes is not None:
                employee = changed(employee, args.changes, policy, reading)
            requests = files.read_request_file(
                args.shift, policy, employee, reading=reading, absences=absences
            )
    except files.TableError as error:
        raise in_language(error, said) from None
    print_unused_columns(reading, said)
    if absences:
        rows = Count(len(absences), "decide.absence_rows")
        message = say("decide.absences_left_out", said, path=args.shift, rows=rows)
        print_err(say("cli.warning", said, message=message))
    decisions: list[Any] = [policy.decide(employee, shift) for shift in requests.shifts]
    language = args.lang  # None: the policy's
    if shape == "json":
        emit(
            args,
            output.decisions_json(
                decisions, as_list=requests.is_list, language=language, alternatives=args.why_not
            ),
        )
    elif shape == "csv":
        if args.why_not:
            raise UsageError(Text("usage.why_not_csv"))
        emit(args, output.decisions_csv(decisions, language))
    else:
        emit(args, "\n\n".join(_explained(d, language, args.why_not) for d in decisions))
    return outcome(args, denied=not all(d.allowed for d in decisions))
