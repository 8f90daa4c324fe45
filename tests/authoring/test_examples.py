"""Examples files (AUTHORING.md §1): parsed, checked against the policy with did-you-means,
run, and reported by `flexrules test` with its exit codes."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path

import pytest

import flexrules
from flexrules import cli
from flexrules.authoring.examples import ExamplesError, run_examples

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

EMPLOYEES = """\
examples for "Disdukcapil flexible work".

employee Sari: id "E-042", role "service desk", job type "public service",
  performance "good", on probation no, under sanction no, position start 2020-01-01.
employee Budi: role "staff", job type "finance", performance "very good", on probation no,
  under sanction no, position start 2019-05-01, in special circumstances no, timezone WITA.
"""

PASSING = (
    EMPLOYEES
    + """
example E1 "The counter is staffed in service hours":
  Sari from home on 2025-07-07 from 14:00 to 17:00 is denied by R1.
example E2: Sari at the office on Monday 2025-07-07 from 08:00 to 16:00 is allowed only by R1, R7.
example E3 "Finance may work from anywhere after a good year":
  Budi anywhere on 2025-07-07 from 08:00 to 16:00 is allowed by R5.
example E4 "Three remote days break the cap":
  Budi from home on 2025-07-07, 2025-07-08 and 2025-07-09 from 08:00 to 16:00
  breaks R8 on 2025-07-09.
example E5 "An unknown rating fails closed":
  Sari with performance unknown, role "staff", job type "finance"
  from home on 2025-07-07 from 09:00 to 10:00 is denied by default.
"""
)


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    shutil.copy(EXAMPLES / "disdukcapil.rules", tmp_path / "disdukcapil.rules")
    return tmp_path


def write(folder: Path, text: str) -> Path:
    path = folder / "disdukcapil.examples"
    path.write_text(text, encoding="utf-8")
    return path


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_every_example_runs_and_passes(folder: Path) -> None:
    report = flexrules.run_examples(folder / "disdukcapil.rules", write(folder, PASSING))
    assert [r.id for r in report.results] == ["E1", "E2", "E3", "E4", "E5"]
    assert report.passed, [(r.id, str(r.decided)) for r in report.failures]
    assert {"R1", "R5", "R7", "R8"} <= {i for r in report.results for i in r.reached}


def test_a_failure_says_what_was_expected_decided_and_why(folder: Path) -> None:
    path = write(
        folder,
        EMPLOYEES + "example X: Sari from home on 2025-07-07 from 14:00 to 15:00 is allowed.\n",
    )
    code, out, _ = run_cli("test", str(path))
    assert code == 1
    assert f"FAIL  X  ({path}:7)" in out
    assert "  expected: allowed\n  decided:  denied by R1" in out
    assert "DENIED  E-042 Sari, work from home, Mon 2025-07-07 14:00-15:00" in out


def test_run_selects_by_id_or_title_and_json_reports(folder: Path) -> None:
    write(folder, PASSING)
    code, out, _ = run_cli("test", str(folder), "--run", "cap", "--json")
    assert code == 0
    document = json.loads(out)
    assert [e["id"] for e in document["files"][0]["examples"]] == ["E4"]
    assert run_cli("test", str(folder), "--run", "nothing-like-this")[0] == 1
    assert run_cli("test", str(folder / "nowhere"))[0] == 2


@pytest.mark.parametrize(
    ("sentence", "message", "hint"),
    [
        (
            'Sari with performence "good" on-site on 2025-07-07 from 08:00 to 09:00 is allowed',
            "no employee attribute `performence`",
            "did you mean `performance`?",
        ),
        (
            'Sari with performance "goood" on-site on 2025-07-07 from 08:00 to 09:00 is allowed',
            '"goood" is not one of the values of `performance`',
            "did you mean `good`?",
        ),
        (
            "Sari on-site on 2025-07-07 from 08:00 to 09:00 is allowed by R77",
            "the policy has no rule `R77`",
            "did you mean `R7`?",
        ),
        (
            "Sari at the office on Tuesday 2025-07-07 from 08:00 to 09:00 is allowed",
            "2025-07-07 is a Monday, not a Tuesday",
            "write Monday",
        ),
        (
            "Sarah on-site on 2025-07-07 from 08:00 to 09:00 is allowed",
            "no employee `Sarah`",
            "did you mean `Sari`?",
        ),
        (
            "Sari at the office on 2025-07-07 from 08:00 to 09:00 breaks R1",
            "`R1` decides shifts",
            "is denied by R1",
        ),
        ("Sari at the ofice on 2025-07-07 from 08:00 to 09:00 is allowed", "expected", None),
    ],
)
def test_mistakes_are_diagnostics_with_line_caret_and_did_you_mean(
    folder: Path, sentence: str, message: str, hint: str | None
) -> None:
    path = write(folder, EMPLOYEES + f"\nexample X: {sentence}.\n")
    with pytest.raises(ExamplesError) as caught:
        run_examples(folder / "disdukcapil.rules", path)
    (diagnostic,) = caught.value.diagnostics
    assert message in diagnostic.message
    assert diagnostic.line == 8
    assert "^" in diagnostic.render()
    if hint is not None:
        assert diagnostic.hint is not None and hint in diagnostic.hint
    code, _, err = run_cli("test", str(path))
    assert code == 1 and message in err


def test_messages_in_indonesian(folder: Path) -> None:
    path = write(
        folder,
        EMPLOYEES + "example X: Sari from home on 2025-07-07 from 14:00 to 15:00 is allowed.\n",
    )
    code, out, _ = run_cli("test", str(path), "--lang", "id")
    assert code == 1
    assert "diharapkan: diizinkan" in out and "diputuskan: ditolak oleh R1" in out


def test_coverage_lists_each_rule_no_example_reached_with_its_line(folder: Path) -> None:
    write(folder, PASSING)
    code, out, _ = run_cli("test", str(folder), "--coverage")
    assert code == 0
    assert f"coverage of {folder / 'disdukcapil.rules'}: 5 of 13 rules reached (38%)" in out
    assert f'  not reached: R2 "No remote work on probation" [shift rule] ({folder}' in out
    assert "  never met inside: dates `Ramadan` (" in out  # no example in Ramadan
    assert "  never met outside: hours `working window` (" in out
    code, out, err = run_cli("test", str(folder), "--threshold", "90", "--json")
    assert code == 1 and "below the threshold of 90%" in err
    rules = json.loads(out)["files"][0]["coverage"]["by_rule"]
    assert {r["rule"]: r["reached"] for r in rules}["R8"] is True
    parts = json.loads(out)["files"][0]["coverage"]["parts"]
    assert {(p["kind"], p["name"]): (p["inside"], p["outside"]) for p in parts}[
        ("group", "service desk staff")
    ] == (True, True)
    assert run_cli("test", str(folder), "--threshold", "38")[0] == 0


def test_json_lists_the_files_that_could_not_run(folder: Path) -> None:
    write(
        folder,
        EMPLOYEES
        + "example X: Sari on-site on 2025-07-07 from 08:00 to 09:00 is allowed by R77.\n",
    )
    code, out, _ = run_cli("test", str(folder), "--json")
    document = json.loads(out)
    assert code == 1 and document["passed"] is False
    (error,) = document["errors"]
    assert [d["code"] for d in error["diagnostics"]] == ["unknown-rule"]


def test_times_past_midnight_and_times_that_are_no_times(folder: Path) -> None:
    """A shift whose end is not after its start runs past midnight (R4's window closes at
    20:00); 24:00 ends a day but cannot start one; 25:00 is no time."""
    night = (
        EMPLOYEES + "example N: Budi on-site on 2025-07-07 from 22:00 to 06:00 is denied by R4.\n"
    )
    report = flexrules.run_examples(folder / "disdukcapil.rules", write(folder, night))
    assert report.passed
    headline = report.results[0].explanation.splitlines()[0]
    assert "Mon 2025-07-07 22:00-Tue 2025-07-08 06:00" in headline
    for times, message in (
        ("24:00 to 06:00", "cannot start at 24:00"),
        ("08:00 to 25:00", "not a time"),
    ):
        text = EMPLOYEES + f"example X: Budi on-site on 2025-07-07 from {times} is allowed.\n"
        with pytest.raises(ExamplesError) as caught:
            run_examples(folder / "disdukcapil.rules", write(folder, text))
        assert message in caught.value.diagnostics[0].message
