"""`flexrules serve` refuses before it listens: exit 2 for a wrong call, 1 for a policy with
errors or an empty secret, each with a message and no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from service_cases import BROKEN

from flexrules import cli


def test_a_missing_policy_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["serve", str(tmp_path / "nowhere.rules")]) == cli.EXIT_USAGE
    assert "no policy file or folder" in capsys.readouterr().err


def test_a_policy_with_errors_is_not_served(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = tmp_path / "broken.rules"
    policy.write_text(BROKEN, encoding="utf-8")
    assert cli.main(["serve", str(policy), "--port", "0"]) == cli.EXIT_ERRORS
    err = capsys.readouterr().err
    assert "has 1 error" in err and "Traceback" not in err


def test_an_empty_token_file_is_refused(
    policy_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    token = tmp_path / "token"
    token.write_text("  \n", encoding="utf-8")
    assert cli.main(["serve", str(policy_file), "--token-file", str(token)]) == cli.EXIT_ERRORS
    assert f"--token-file `{token}` is empty" in capsys.readouterr().err
    assert cli.main(["serve", str(policy_file), "--mask-ids", str(token), "--lang", "id"]) == 1
    assert "kosong" in capsys.readouterr().err


def test_a_log_that_cannot_be_written_is_refused_before_serving(
    policy_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "no such folder" / "decisions.jsonl"
    assert cli.main(["serve", str(policy_file), "--log", str(log)]) == cli.EXIT_ERRORS
    err = capsys.readouterr().err
    assert f"cannot write the decision log `{log}`" in err and "Traceback" not in err
    assert cli.main(["serve", str(policy_file), "--log", str(tmp_path)]) == cli.EXIT_ERRORS
    assert "it is a folder" in capsys.readouterr().err
