"""docs/cli.md tells the truth: its shell sessions print what it shows, and it names every
option the commands offer.

A fenced block right after `<!-- file: NAME -->` is a file the reader writes; in a ```console
block each `$ ` line is a `flexrules` command (run through `flexrules.cli.main`, standard
output then standard error) or `echo $?`, run in a temporary folder holding those files, and
the lines up to the next `$ ` are its output."""

from __future__ import annotations

import contextlib
import io
import re
import shlex
from pathlib import Path

import pytest

from flexrules import cli

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"
_FENCE = re.compile(r"^```([\w-]*)[ \t]*\n(.*?)^```[ \t]*$", re.DOTALL | re.MULTILINE)
_FILE = re.compile(r"<!--\s*file:\s*(\S+)\s*-->\s*\Z")


def sessions(text: str) -> list[tuple[str, str]]:
    """(command, expected output) for each `$ ` line of a console block."""
    found: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if line.startswith("$ "):
            found.append((line[2:], []))
        else:
            found[-1][1].append(line)
    return [(command, "".join(f"{line}\n" for line in lines)) for command, lines in found]


def run_cli(argv: list[str]) -> tuple[str, int]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(argv)
    return out.getvalue() + err.getvalue(), code


def test_the_sessions_print_what_the_page_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    text = DOC.read_text(encoding="utf-8")
    previous_end, ran, code = 0, 0, 0
    for match in _FENCE.finditer(text):
        language, body = match.groups()
        written = _FILE.search(text[previous_end : match.start()].rstrip())
        previous_end = match.end()
        if written is not None:
            (tmp_path / written.group(1)).write_text(body, encoding="utf-8")
            continue
        if language != "console":
            continue
        for command, expected in sessions(body):
            if command == "echo $?":
                output = f"{code}\n"
            else:
                argv = shlex.split(command)
                assert argv[0] == "flexrules", command
                output, code = run_cli(argv[1:])
                ran += 1
            assert output == expected, f"`$ {command}` prints:\n{output}"
    assert ran >= 5


def test_the_page_names_every_option_of_decide_schedule_and_roster() -> None:
    text = DOC.read_text(encoding="utf-8")
    parser = cli.build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name in ("decide", "schedule", "roster"):
        for action in commands[name]._actions:
            for option in action.option_strings:
                if option.startswith("--") and option != "--help":
                    named = re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text)
                    assert named, f"{name} {option} is not in docs/cli.md"
