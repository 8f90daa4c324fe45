"""The documentation tells the truth: its examples parse, and the README's commands are CI's."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from flexrules import cli, compile_policy
from flexrules.core.source import SourceFile
from flexrules.language.parser import parse_source

CHECKOUT = Path(__file__).resolve().parents[2]
README = CHECKOUT / "README.md"
DOCUMENTS = [*sorted((CHECKOUT / "docs").glob("*.md")), README]

_FENCE = re.compile(r"^```flexrules[ \t]*\n(.*?)^```[ \t]*$", re.DOTALL | re.MULTILINE)


def flexrules_blocks(path: Path) -> list[tuple[int, str]]:
    """Each ```flexrules block of a Markdown file: its first line number and its text."""
    text = path.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start(1)) + 1, m.group(1)) for m in _FENCE.finditer(text)]


BLOCKS = [
    pytest.param(path, line, block, id=f"{path.relative_to(CHECKOUT)}:{line}")
    for path in DOCUMENTS
    for line, block in flexrules_blocks(path)
]


def test_documents_have_examples() -> None:
    """The language reference and the README both hold checked examples."""
    documented = {path.name for path in DOCUMENTS if flexrules_blocks(path)}
    assert {"language.md", "README.md"} <= documented


@pytest.mark.parametrize(("path", "line", "block"), BLOCKS)
def test_every_example_parses(path: Path, line: int, block: str) -> None:
    """Every sentence of every ```flexrules block parses (names may be undeclared there)."""
    # pad so that diagnostics point at the Markdown file's own line numbers
    source = SourceFile(str(path.relative_to(CHECKOUT)), "\n" * (line - 1) + block)
    result = parse_source(source)
    assert not result.diagnostics, "\n\n".join(d.render() for d in result.diagnostics)
    assert result.sentences


def quick_start_commands() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = re.search(r"^## Quick start\n(.*?)(?=^## )", text, re.DOTALL | re.MULTILINE)
    assert section is not None, "README.md has no `## Quick start` section"
    blocks = re.findall(r"^```(\w*)\n(.*?)^```", section.group(1), re.DOTALL | re.MULTILINE)
    assert [language for language, _body in blocks] == ["bash"]
    return [line for line in blocks[0][1].splitlines() if line.strip()]


def test_quick_start_is_two_commands() -> None:
    """The Quick start block holds exactly the install-and-demo and the test commands."""
    assert quick_start_commands() == [
        "pip install . && flexrules demo",
        "pip install '.[test]' && python -m pytest -q",
    ]


def test_ci_runs_the_readme_test_command() -> None:
    """.ci/run runs the README's second Quick-start command, not a copy that could drift."""
    script = (CHECKOUT / ".ci" / "run").read_text(encoding="utf-8")
    assert "set -euo pipefail" in script
    assert "## Quick start" in script  # it reads the command from README.md
    command = quick_start_commands()[1]
    assert shlex.split(command)[:3] == ["pip", "install", ".[test]"]


def test_readme_example_is_a_whole_policy(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The README's example policy compiles, and `flexrules check` prints what it shows."""
    (_line, policy_text), *_rest = flexrules_blocks(README)
    compile_policy(policy_text, filename="disdukcapil.rules")
    (tmp_path / "disdukcapil.rules").write_text(policy_text, encoding="utf-8")
    text = README.read_text(encoding="utf-8")
    shown = re.search(r"^\$ flexrules check (\S+)\n(.*?)\n```", text, re.DOTALL | re.MULTILINE)
    assert shown is not None
    path, expected = shown.groups()
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check", path]) == 0
    assert capsys.readouterr().out.strip() == expected.strip()


def test_readme_python_example_prints_what_it_shows(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The README's Python snippet runs against its example policy and prints what it shows."""
    text = README.read_text(encoding="utf-8")
    (_line, policy_text), *_rest = flexrules_blocks(README)
    (tmp_path / "disdukcapil.rules").write_text(policy_text, encoding="utf-8")
    code = re.search(r"^```python\n(.*?)^```", text, re.DOTALL | re.MULTILINE)
    shown = re.search(r"^which prints\n\n```\n(.*?)^```", text, re.DOTALL | re.MULTILINE)
    assert code is not None and shown is not None
    monkeypatch.chdir(tmp_path)
    exec(compile(code.group(1), "README.md", "exec"), {"__name__": "readme"})
    assert capsys.readouterr().out == shown.group(1)
