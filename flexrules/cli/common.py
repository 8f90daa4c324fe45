"""What every subcommand shares: exit codes, the errors `main` turns into them, printing, and
finding and loading the policy and data files a command names."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .. import files
from ..api import load_policy
from ..core.diagnostics import render_text
from ..core.errors import Error, PolicyError
from ..core.messages import Count, Listing, Text, say, shown, spoken
from ..files.sources import special_kind
from ..files.workbooks import split_sheet
from ..policy import Policy

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_FAILED = 4  # it ran, and --fail-on-deny or --fail-on-violation found what it names

Run = Callable[[argparse.Namespace], int]
Subparsers = Any  # argparse's _SubParsersAction, which is private


class UsageError(Exception):
    """The command was called wrongly (exit 2); the message says how, in the language spoken
    (a catalog text, or several joined; plain text as given)."""

    def __init__(self, problem: str | Text | Listing) -> None:
        super().__init__(problem)
        self.problem = problem

    def __str__(self) -> str:
        return shown(self.problem, spoken())


class FileProblem(Error):
    """A file given could not be read, or the output written (exit 1: SETTLED.md's "an input
    file has errors"); the message names the file, in the language spoken."""

    def __init__(self, problem: str | Text) -> None:
        super().__init__(problem)
        self.problem = problem

    def __str__(self) -> str:
        return shown(self.problem, spoken())


class OutputError(FileProblem):
    """The output could not be written (exit 1)."""


def cannot_write(out: str, reason: Any) -> OutputError:
    """`cannot write `out`: reason` (an OS error's text, or a catalog text)."""
    return OutputError(Text("output.cannot_write", out=out, reason=reason))


#: what `files.sources.special_kind` says a path is, as messages name it
_KINDS = {
    "a named pipe (FIFO)": "usage.kind.fifo",
    "a device": "usage.kind.device",
    "a socket": "usage.kind.socket",
    "not a regular file": "usage.kind.other",
}


def policy_problem(path: str) -> Text | None:
    """Why a policy path is unusable: it does not exist, or it is neither a file nor a folder
    (a named pipe, a device, a socket, which would block or never end)."""
    if not Path(path).exists():
        return Text("usage.no_policy", path=path)
    kind = special_kind(path)
    if kind is not None and kind != "a folder":
        return Text("usage.policy_kind", path=path, kind=Text(_KINDS[kind]))
    return None


def require_files(paths: Sequence[str | None], datasets: Sequence[str | None] = ()) -> None:
    """The policy (a file or folder) and the data files must exist; `-` (standard input) may
    stand for one data file, and a path among `datasets` may be a folder holding Parquet files
    (a dataset: SETTLED.md takes a folder where the format is one). Named pipes, devices and
    sockets pass here: the readers refuse them as input file errors (`files.sources`)."""
    policy, *data = paths
    problem = None if policy is None else policy_problem(policy)
    problems: list[Text] = [] if problem is None else [problem]
    if sum(path == files.STDIN for path in data) > 1:
        problems.append(Text("usage.stdin_once"))
    for given in data:
        if given is None or given == files.STDIN:
            continue
        path, _ = split_sheet(given)  # `FILE.xlsx:SHEET` names a sheet of FILE.xlsx
        if not Path(path).exists():
            problems.append(Text("usage.no_file", path=path))
        elif Path(path).is_dir() and not (given in datasets and _parquet_dataset(Path(path))):
            problems.append(Text("usage.folder", path=path))
    if problems:
        raise UsageError(Listing(problems, "; "))


def _parquet_dataset(folder: Path) -> bool:
    """Whether a folder holds a Parquet file (at any depth: a partitioned dataset)."""
    names = (p.name.lower() for p in folder.rglob("*") if p.is_file())
    return any(name.endswith((".parquet", ".parq", ".pq")) for name in names)


def load_for_check(path: str, language: str | None = None) -> Policy | None:
    """The policy, or None after printing its diagnostics to stderr (the last line in
    `language`, English when None)."""
    try:
        return load_policy(path)
    except PolicyError as exc:
        print_policy_errors(path, exc, language)
        return None


def print_policy_errors(path: str, exc: PolicyError, language: str | None = None) -> None:
    """A policy's diagnostics, then how many errors it has (in `language`, by default the
    policy's), to stderr."""
    print_err(render_text(exc.diagnostics, language))
    errors = Count(len(exc.errors), "noun.error")
    language = language or (exc.diagnostics[0].language if exc.diagnostics else "en")
    print_err(say("cli.policy_errors", language, path=path, errors=errors))


def counts(policy: Policy) -> str:
    """`13 rules, 2 groups, 2 hour patterns, 1 date set`: one per declaration."""
    return (
        f"{count(len(policy.rules), 'rule')}, {count(len(policy.groups), 'group')}, "
        f"{count(len(policy.hours), 'hour pattern')}, {count(len(policy.dates), 'date set')}"
    )


def policy_counts(policy: Policy) -> Listing:
    """`counts` as a catalog text, to read in any language (`13 aturan, 2 kelompok, ...`)."""
    return Listing(
        [
            Count(len(policy.rules), "noun.rule"),
            Count(len(policy.groups), "noun.group"),
            Count(len(policy.hours), "noun.hour_pattern"),
            Count(len(policy.dates), "noun.date_set"),
        ]
    )


def count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def os_message(exc: OSError) -> str | Text:
    """Why a file could not be read: `cannot read `x`: reason` (the reason as the system says
    it), a catalog text."""
    reason = str(exc.strerror or exc)
    return (
        Text("output.cannot_read", file=str(exc.filename), reason=reason)
        if exc.filename
        else reason
    )


def print_out(text: str) -> None:
    print(text)


def print_err(text: str) -> None:
    print(text, file=sys.stderr)


def silence_stdout() -> None:
    """After a broken pipe, send the rest to nowhere so the interpreter's flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
