"""`flexrules lint`: text, JSON and SARIF output, the exit codes, a folder of policies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flexrules import cli
from flexrules.cli.demo import bundled_policies

PLANTED = Path(__file__).parents[1] / "analysis" / "planted.rules"
EXAMPLES = Path(__file__).parents[2] / "examples"
HORIZON = ["--horizon", "2025-07-01", "2026-06-30"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_findings_exit_1_and_show_their_witness(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lint", str(PLANTED), *HORIZON)
    assert code == 1
    assert "error[conflict]: rules `C` and `F` both apply" in out
    assert "= witness: " in out and "DENIED  witness" in out
    assert "findings (9 rules" in out


def test_fail_on_error_and_never(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "lint", str(PLANTED), *HORIZON, "--fail-on", "error")[0] == 1
    assert run(capsys, "lint", str(PLANTED), *HORIZON, "--fail-on", "never")[0] == 0


def test_json_and_sarif(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lint", str(PLANTED), *HORIZON, "--json")
    document = json.loads(out)
    assert code == 1 and document[0]["horizon"] == ["2025-07-01", "2026-06-30"]
    codes = {f["code"] for f in document[0]["findings"]}
    assert {"conflict", "never-applies", "redundant"} <= codes
    finding = document[0]["findings"][0]
    assert set(finding["witness"]) == {"employee", "shift", "decision"}
    code, out, _ = run(capsys, "lint", str(PLANTED), *HORIZON, "--format", "sarif")
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    results = log["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == codes
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] >= 1


@pytest.mark.slow
def test_a_folder_of_policies_is_linted_one_policy_each(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "lint", str(EXAMPLES))
    assert code == 0, out
    clean = out.count("no findings (") + out.count("tidak ada temuan (")  # each in its language
    assert clean == len(bundled_policies(EXAMPLES))  # every one is clean


def test_indonesian_and_bad_horizon(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lint", str(PLANTED), *HORIZON, "--lang", "id")
    assert code == 1 and "tidak pernah berlaku" in out
    code, _, err = run(capsys, "lint", str(PLANTED), "--horizon", "2026-01-01", "2025-01-01")
    assert code == 2 and "before it starts" in err
