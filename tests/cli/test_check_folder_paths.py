"""`flexrules check` names the files of a folder as the folder was given, so a person can open
each from where they ran it (a new user's review: on a folder of versions the paths were
`2025-07/policy.rules`, which opens from nowhere they stood)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from flexrules.cli import main

JANUARY = """\
policy "Office" timezone Asia/Jakarta effective from 2025-01-01 until 2025-06-30.
employees have: unit: text.
rule R1: employees may work.
"""
JULY = """\
policy "Office" timezone Asia/Jakarta effective from 2025-07-01.
rule R1: employees may work.
rule R2: employees must not work from homee.
"""


@pytest.fixture
def versions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`work/policies/wfh/{2025-01,2025-07}/policy.rules`, run from `work`."""
    root = tmp_path / "work" / "policies" / "wfh"
    for name, text in (("2025-01", JANUARY), ("2025-07", JULY)):
        (root / name).mkdir(parents=True)
        (root / name / "policy.rules").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "work")
    return root


def test_each_diagnostic_names_a_file_that_opens_from_here(
    versions: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "policies/wfh"]) == 1
    out = capsys.readouterr().out
    places = re.findall(r"--> (\S+):\d+:\d+", out)
    assert places == ["policies/wfh/2025-01/policy.rules", "policies/wfh/2025-07/policy.rules"]
    assert all(Path(place).is_file() for place in places)
    assert "policies/wfh/2025-01: ok" in out and "policies/wfh/2025-07: failed (1 error)" in out


def test_from_elsewhere_and_in_json(
    versions: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from inside `policies`, the folder given as `wfh/` (a trailing slash), in JSON."""
    monkeypatch.chdir("policies")
    assert main(["check", "wfh/", "--json"]) == 1
    document = json.loads(capsys.readouterr().out)
    files = [d["file"] for entry in document for d in entry["diagnostics"]]
    assert files == ["wfh/2025-01/policy.rules", "wfh/2025-07/policy.rules"]
    assert all(Path(name).is_file() for name in files)


def test_an_absolute_folder_gives_absolute_names(
    versions: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", str(versions)])
    places = re.findall(r"--> (\S+):\d+:\d+", capsys.readouterr().out)
    assert places == [
        str(versions / "2025-01" / "policy.rules"),
        str(versions / "2025-07" / "policy.rules"),
    ]
