r"""The guides tell the truth: their Python runs, and what they show it printing is what it prints.

Every ```python block of docs/tutorial.md, docs/embedding.md and docs/semantics.md runs, in
document order, in one namespace per document, with the repository root as working directory.
A ```text block that follows a Python block (nothing but blank lines between them) is that
block's output, compared exactly.

Shell sessions are checked too. A fenced block right after `<!-- file: NAME -->` is a file the
reader writes (`<!-- append: NAME -->` adds the block to it); in a ```console block each `$ `
line is a command, run in a temporary folder holding those files as they stand at that point of
the document, and the lines up to the next `$ ` are its output (`$ echo $?` prints the exit code
of the command before). Only `flexrules` commands (run through `flexrules.cli.main`) and
`echo $?` may appear. A command may go on over lines that end with `\`. A console block right
after `<!-- from the checkout -->` runs in the repository's root instead, for sessions on the
files a clone has (examples/).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from flexrules import cli

CHECKOUT = Path(__file__).resolve().parents[2]
DOCUMENTS = ("docs/tutorial.md", "docs/embedding.md", "docs/semantics.md", "docs/tutorial-id.md")

_FENCE = re.compile(r"^```([\w-]*)[ \t]*\n(.*?)^```[ \t]*$", re.DOTALL | re.MULTILINE)
_DIRECTIVE = re.compile(r"<!--\s*(file|append):\s*(\S+)\s*-->\s*\Z")
_FROM_CHECKOUT = re.compile(r"<!--\s*from the checkout\s*-->\s*\Z")


@attrs.frozen
class Block:
    language: str
    text: str
    line: int  # line number of the block's first content line
    before: str  # the Markdown between the previous block and this one


def blocks(path: Path) -> list[Block]:
    text = path.read_text(encoding="utf-8")
    found: list[Block] = []
    previous_end = 0
    for match in _FENCE.finditer(text):
        line = text.count("\n", 0, match.start(2)) + 1
        found.append(
            Block(match.group(1), match.group(2), line, text[previous_end : match.start()])
        )
        previous_end = match.end()
    return found


def run_python(document: str, items: list[Block], monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the document's Python blocks in order as one module, checking their output."""
    module = types.ModuleType(f"docs_{Path(document).stem}")
    monkeypatch.setitem(sys.modules, module.__name__, module)  # dataclasses look it up
    namespace = module.__dict__
    for index, block in enumerate(items):
        if block.language != "python":
            continue
        # dont_inherit: the blocks are compiled as written, without this file's __future__
        code = compile("\n" * (block.line - 1) + block.text, document, "exec", dont_inherit=True)
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            exec(code, namespace)
        following = items[index + 1] if index + 1 < len(items) else None
        if following is not None and following.language == "text" and not following.before.strip():
            assert output.getvalue() == following.text, (
                f"{document}:{block.line}: the block prints something else than the text "
                f"shown at line {following.line}:\n{output.getvalue()}"
            )


def run_console(document: str, items: list[Block], folder: Path) -> int:
    """Write the document's files and run its shell sessions; returns how many commands ran."""
    files: dict[str, str] = {}
    ran = 0
    for block in items:
        directive = _DIRECTIVE.search(block.before.rstrip())
        if directive is not None and block.language != "console":
            kind, name = directive.groups()
            files[name] = files.get(name, "") + block.text if kind == "append" else block.text
            continue
        if block.language != "console":
            continue
        for name, content in files.items():
            (folder / name).write_text(content, encoding="utf-8")
        last_code = 0
        where_run = CHECKOUT if _FROM_CHECKOUT.search(block.before.rstrip()) else folder
        for command, expected in sessions(block.text):
            where = f"{document}:{block.line}: `$ {command}`"
            if command == "echo $?":
                output = f"{last_code}\n"
            else:
                argv = shlex.split(command)
                assert argv[0] == "flexrules", f"{where}: only flexrules commands are checked"
                with _working_in(where_run):
                    output, last_code = run_cli(argv[1:])
                ran += 1
            assert output == expected, f"{where} prints:\n{output}"
    return ran


@contextlib.contextmanager
def _working_in(folder: Path) -> Iterator[None]:
    """Run in `folder`, then back where we were (contextlib.chdir is Python 3.11's)."""
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def sessions(text: str) -> list[tuple[str, str]]:
    """(command, expected output) for each `$ ` line of a console block."""
    found: list[tuple[str, list[str]]] = []
    going_on = False
    for line in text.splitlines():
        if going_on:
            command = found[-1][0] + " " + line.strip()
            going_on = command.endswith("\\")
            found[-1] = (command.removesuffix("\\").rstrip(), [])
        elif line.startswith("$ "):
            going_on = line.rstrip().endswith("\\")
            found.append((line[2:].strip().removesuffix("\\").rstrip(), []))
        else:
            assert found, f"console output before any command: {line!r}"
            found[-1][1].append(line)
    return [(command, "".join(f"{line}\n" for line in lines)) for command, lines in found]


def run_cli(argv: list[str]) -> tuple[str, int]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(argv)
    return out.getvalue() + err.getvalue(), code


@pytest.mark.parametrize("document", DOCUMENTS)
def test_python_blocks_run_and_print_what_is_shown(
    document: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each document's Python runs from the repository root and prints its ```text blocks."""
    items = blocks(CHECKOUT / document)
    monkeypatch.chdir(CHECKOUT)
    run_python(document, items, monkeypatch)


def test_the_guides_have_python() -> None:
    """The tutorial and the embedding guide both hold Python that this test runs."""
    for document in ("docs/tutorial.md", "docs/embedding.md"):
        assert any(b.language == "python" for b in blocks(CHECKOUT / document)), document


def test_tutorial_shell_sessions(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The tutorial's `flexrules check` and `flexrules decide` sessions print what it shows."""
    monkeypatch.chdir(tmp_path)
    assert run_console("docs/tutorial.md", blocks(CHECKOUT / "docs/tutorial.md"), tmp_path) >= 4


def test_indonesian_tutorial_shell_sessions(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """docs/tutorial-id.md: its `flexrules check` and `flexrules decide` sessions print what it
    shows, in Bahasa Indonesia."""
    monkeypatch.chdir(tmp_path)
    document = "docs/tutorial-id.md"
    assert run_console(document, blocks(CHECKOUT / document), tmp_path) >= 3
