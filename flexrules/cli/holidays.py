"""`flexrules holidays`: the policy's holidays in a range, each with its kind and source
(DATA.md §4), so an officer can compare them with the decree before a month is judged."""

from __future__ import annotations

import argparse
import datetime as dt

from ..core.messages import Text, say
from ..files import output
from .common import EXIT_ERRORS, EXIT_OK, Subparsers, UsageError, require_files
from .options import add_language, check_out, date_argument, emit
from .versions import POLICIES_HELP, load_versions_for_check

#: each kind of holiday (`HolidayInfo.kind`) in words
KIND_WORDS = {
    "public": "holidays.kind.public",
    "joint": "holidays.kind.joint",
    "agency": "holidays.kind.agency",
}


def add_holidays(subparsers: Subparsers) -> None:
    command = subparsers.add_parser(
        "holidays",
        help="list the policy's holidays in a year or a range",
        description="List every holiday the policy declares in a year (--year) or a range "
        "(--from, --to): its date, name, kind (public, joint holiday, the agency's own), "
        "source (the holidays package and its version, or the policy's file and line) and "
        "whether the date is only the package's estimate. Exit status: 0 when listed; 1 "
        "when the policy has errors; 2 when called wrongly.",
    )
    command.add_argument("policy", metavar="POLICY", nargs="+", help=POLICIES_HELP)
    command.add_argument("--year", type=int, metavar="YEAR", help="a calendar year")
    command.add_argument("--from", dest="first", type=date_argument, metavar="DATE")
    command.add_argument("--to", dest="last", type=date_argument, metavar="DATE")
    command.add_argument(
        "--format", choices=("text", "json", "csv"), default="text", help="text (the default)"
    )
    command.add_argument(
        "--out", metavar="FILE", help="write the output to FILE instead of standard output"
    )
    add_language(command)
    command.set_defaults(run=run_holidays)


def _range(args: argparse.Namespace) -> tuple[dt.date, dt.date]:
    """The days asked for: --year, or --from/--to (either alone: to or from its year's end)."""
    if args.year is not None:
        if args.first or args.last:
            raise UsageError(Text("usage.holidays.both"))
        if not 1950 <= args.year <= 2100:
            raise UsageError(Text("usage.holidays.year", year=str(args.year)))
        return dt.date(args.year, 1, 1), dt.date(args.year, 12, 31)
    first = dt.date.fromisoformat(args.first) if args.first else None
    last = dt.date.fromisoformat(args.last) if args.last else None
    if first is None and last is None:
        this_year = dt.date.today().year
        return dt.date(this_year, 1, 1), dt.date(this_year, 12, 31)
    first = first or dt.date(last.year, 1, 1)  # type: ignore[union-attr]
    last = last or dt.date(first.year, 12, 31)
    if last < first:
        raise UsageError(Text("usage.holidays.backwards", first=str(first), last=str(last)))
    if (last - first).days > 366 * 10:
        raise UsageError(Text("usage.holidays.ten_years"))
    return first, last


def run_holidays(args: argparse.Namespace) -> int:
    require_files([args.policy[0]])
    first, last = _range(args)
    check_out(args)
    policy = load_versions_for_check(args.policy, args.lang)  # a set: each day's version
    if policy is None:
        return EXIT_ERRORS
    found = policy.holidays(first, last, args.lang)
    removed = policy.removed_holidays(first, last, args.lang)
    if args.format == "json":
        emit(args, output.holidays_json(found))
    elif args.format == "csv":
        emit(args, output.holidays_csv(found))
    else:
        language = args.lang or policy.language
        lines = [say("holidays.heading", language, first=first, last=last, n=len(found))]
        for holiday in found:
            lines.append(
                say(
                    "holidays.line",
                    language,
                    day=holiday.date,
                    name=holiday.name,
                    kind=say(KIND_WORDS[holiday.kind], language),
                    source=holiday.source,
                    estimated=say("holidays.estimated", language) if holiday.estimated else "",
                )
            )
        if removed:  # the dates `except` takes out, so the list can be held against the decree
            lines.append(say("holidays.removed_heading", language))
            for holiday in removed:
                lines.append(
                    say(
                        "holidays.removed_line",
                        language,
                        day=holiday.date,
                        name=holiday.name,
                        source=holiday.source,
                    )
                )
        emit(args, "\n".join(lines))
    return EXIT_OK
