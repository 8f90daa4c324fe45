"""The options and argument types the deciding commands share: `--format`, `--out`,
`--fail-on-*`, `--period`, `--max-file-size`, and what each means for a run."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .. import files
from ..core.errors import Error
from ..core.messages import LANGUAGES, Text, say, spoken
from ..files.changes import with_changes
from ..files.reading import ReadingProblem
from .common import (
    EXIT_FAILED,
    EXIT_OK,
    UsageError,
    cannot_write,
    print_err,
    print_out,
)

FORMATS = ("text", "json", "csv")
#: what the formats beyond the common three give, for `--format`'s help
FORMAT_HELP = {
    "html": "one self-contained page to open in a browser (needs flexrules[pages])",
    "parquet": "one row per violation in a Parquet file, to --out (needs flexrules[columnar])",
}


def add_output(
    command: argparse.ArgumentParser,
    *,
    rows: str,
    deny: bool,
    violation: bool,
    formats: Sequence[str] = FORMATS,
) -> None:
    """The options every command that decides takes: the format, where to write, and whether
    an outcome fails the run (exit 4)."""
    more = "".join(f", {name}: {FORMAT_HELP[name]}" for name in formats if name in FORMAT_HELP)
    command.add_argument(
        "--format",
        choices=formats,
        help=f"text (the default) for people, json for programs, csv: one row per {rows}{more}",
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
    add_language(command)
    if violation:
        command.add_argument(
            "--fail-on-violation",
            action="store_true",
            help=f"exit with status {EXIT_FAILED} when the report is not allowed: a limit, "
            "staffing or share rule broken, or a shift denied",
        )


def add_language(command: argparse.ArgumentParser) -> None:
    """`--lang en|id`: the language of what the command prints (not of the data)."""
    command.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="the language of explanations, reports and messages: en (English) or id (Bahasa "
        "Indonesia); by default the policy's. JSON keys and data stay the same",
    )


def add_report_options(command: argparse.ArgumentParser) -> None:
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


def output_format(args: argparse.Namespace) -> str:
    """The format asked for; `--json` is `--format json`, with a note that it is deprecated."""
    chosen: str | None = args.format
    if args.json:
        print_err(say("cli.json_deprecated", getattr(args, "lang", None) or "en"))
        if chosen not in (None, "json"):
            raise UsageError(Text("usage.json_and_format", chosen=str(chosen)))
        chosen = "json"
    chosen = chosen or "text"
    if getattr(args, "pieces", False) and chosen != "json":
        raise UsageError(Text("usage.pieces_json"))
    if getattr(args, "summary", False) and chosen == "csv":
        raise UsageError(Text("usage.summary_csv"))
    return chosen


def check_out(args: argparse.Namespace) -> None:
    """`--out` names a file in a folder that exists (checked before any work is done)."""
    out = args.out
    if out is None or out == "-":
        return
    if Path(out).is_dir():
        raise UsageError(Text("usage.out_folder", out=out))
    if not Path(out).resolve().parent.is_dir():
        raise UsageError(Text("usage.out_no_folder", out=out, folder=str(Path(out).parent)))


def emit(args: argparse.Namespace, text: str) -> None:
    """The output, to --out or standard output."""
    out = args.out
    if out is None or out == "-":
        print_out(text)
        return
    try:
        with open(out, "w", encoding="utf-8", newline="") as file:
            file.write(text + "\n")
    except OSError as exc:
        raise cannot_write(out, str(exc.strerror or exc)) from None


def outcome(args: argparse.Namespace, *, denied: bool, broken: bool = False) -> int:
    """0, or 4 when the outcome is one that --fail-on-deny or --fail-on-violation names."""
    if getattr(args, "fail_on_deny", False) and denied:
        return EXIT_FAILED
    if getattr(args, "fail_on_violation", False) and broken:
        return EXIT_FAILED
    return EXIT_OK


EXIT_REST = (
    "1 when the policy or an input file has errors (one line saying which file, row and "
    "column); 2 when the command is called wrongly; 3 on an internal error (a bug); "
    f"{EXIT_FAILED} when a --fail-on option was given and what it names happened (a shift "
    "denied, a rule broken)."
)
EXIT_STATUS = "Exit status: 0 when every shift was decided, allowed or not; " + EXIT_REST
CHECKED_EXIT = (
    "Exit status: 0 when the check ran, whether or not it found violations (read the "
    "report, or `allowed` in JSON); " + EXIT_REST
)


def date_argument(text: str) -> str:
    """A day given on the command line, YYYY-MM-DD (refused in `--lang`'s language: argparse
    reads the arguments inside `speaking(asked_language(argv))`)."""
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(say("argument.not_a_date", spoken(), value=text)) from None
    if len(text) != 10:
        raise argparse.ArgumentTypeError(say("argument.not_a_date", spoken(), value=text))
    return text


def asked_language(argv: Sequence[str]) -> str:
    """The language `--lang` asks for among the arguments (`--lang id`, `--lang=id`), English
    when none or another: what argparse's own errors are said in, before it has read it."""
    for index, argument in enumerate(argv):
        value = None
        if argument == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif argument.startswith("--lang="):
            value = argument.partition("=")[2]
        if value in LANGUAGES:
            return value
    return "en"


def period_argument(values: Sequence[str] | None) -> tuple[str, str] | None:
    if values is None:
        return None
    first, last = values
    if last < first:
        raise UsageError(Text("usage.period_backwards", first=first, last=last))
    return first, last


def add_period(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--period",
        nargs=2,
        metavar=("FROM", "TO"),
        type=date_argument,
        help="the days checked, both included (YYYY-MM-DD): `at least` limits are checked "
        "for each day, week or month wholly inside it, and staffing and shares for each of "
        "its days",
    )


_SIZE = re.compile(r"(\d+)\s*([kmg]?)(?:i?b)?", re.IGNORECASE)
_SCALE = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}


def size_argument(text: str) -> int:
    """A size on the command line: bytes, or a number with K, M or G (KiB, MiB, GiB)."""
    found = _SIZE.fullmatch(text.strip())
    if found is None or int(found.group(1)) == 0:
        raise argparse.ArgumentTypeError(say("argument.not_a_size", spoken(), value=text))
    return int(found.group(1)) * _SCALE[found.group(2).casefold()]


def add_max_file_size(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--max-file-size",
        metavar="SIZE",
        type=size_argument,
        default=files.DEFAULT_MAX_SIZE,
        help="the most a data file (or standard input) may hold: bytes, or K, M, G "
        f"(default {files.DEFAULT_MAX_SIZE >> 20}M); a bigger file is refused",
    )


def add_reading(command: argparse.ArgumentParser, *, codes: bool = True) -> None:
    """How an agency's exports are read (docs/data.md): `--columns`, `--separator`,
    `--encoding` and `--absence-codes`, for every file of the run."""
    command.add_argument(
        "--columns",
        metavar="MAP",
        help="map an export's headers to the names flexrules and the policy use, for every file: "
        '"NIP=id,NAMA=name,UNIT KERJA=unit" (`id` and `employee` are the same column; '
        "HEADER= ignores a column)",
    )
    command.add_argument(
        "--separator",
        metavar="SEP",
        help="what separates a CSV's cells: `,`, `;` or `tab` (by default found from the "
        "header row)",
    )
    command.add_argument(
        "--encoding",
        metavar="NAME",
        help="the encoding of CSV files that are not UTF-8, such as cp1252",
    )
    if codes:
        command.add_argument(
            "--absence-codes",
            metavar="MAP",
            help="map an attendance app's codes in the `kind` column to absence kinds: "
            '"CT=cuti tahunan,S=sakit,I=izin,DL=dinas luar"',
        )


def reading_of(args: argparse.Namespace) -> files.Reading:
    """The `Reading` the options ask for; a usage error names what is wrong."""
    try:
        return files.Reading.of(
            columns=args.columns,
            separator=args.separator,
            encoding=args.encoding,
            absence_codes=getattr(args, "absence_codes", None),
        )
    except ReadingProblem as exc:
        raise UsageError(exc.text) from None
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def print_warnings(warnings: Sequence[files.FileWarning], language: str) -> None:
    """What the readers ignored, one `warning:` line each, on standard error."""
    for warning in warnings:
        print_err(say("cli.warning", language, message=warning.message_for(language)))


def print_unused_columns(reading: files.Reading, language: str) -> None:
    """A warning naming the headers `--columns` maps that no file read has: a typo in the
    mapping would otherwise leave the column ignored, or missing, without a word on why."""
    unused = reading.unused()
    if unused:
        headers = ", ".join(f"`{header}`" for header in unused)
        message = say("usage.reading.unused", language, headers=headers)
        print_err(say("cli.warning", language, message=message))


class FileProblems(Error):
    """The problems of a run's input files, in the language asked for (exit 1)."""


def in_language(error: files.TableError, language: str) -> FileProblems:
    """A file error said in `language`."""
    return FileProblems(error.message_for(language))


def add_changes(command: argparse.ArgumentParser) -> None:
    """`--changes FILE`: changes during the month, as HR records them (docs/data.md)."""
    command.add_argument(
        "--changes",
        metavar="FILE",
        help="changes during the month (CSV, xlsx or JSON list): employee, attribute (as the "
        "employees file names it; --columns maps it too), value and from (DATA.md §2)",
    )


def changed(employee: Any, path: str, policy: Any, reading: files.Reading) -> Any:
    """One employee with the changes a changes file gives for them (those for others are not
    theirs: a changes file holds the whole agency's)."""
    found = files.read_changes(path, policy, reading=reading, warnings=[])
    return with_changes([employee], found)[0]
