"""`lint`: each finding code on a policy with one planted mistake per rule, each witness
decided by the engine, and the bundled examples clean."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import flexrules
from flexrules.analysis.lint import LintReport, lint

HERE = Path(__file__).parent
EXAMPLES = HERE.parents[1] / "examples"
HORIZON = (dt.date(2025, 7, 1), dt.date(2026, 6, 30))


@pytest.fixture(scope="module")
def planted() -> LintReport:
    return lint(flexrules.load_policy(HERE / "planted.rules"), HORIZON)


def found(report: LintReport) -> set[tuple[str, tuple[str, ...]]]:
    return {(f.code, tuple(r.id for r in f.rules)) for f in report.findings}


def test_every_planted_mistake_is_found(planted: LintReport) -> None:
    assert {
        ("never-applies", ("A",)),
        ("never-permits", ("D",)),
        ("conflict", ("C", "F")),
        ("needless-override", ("G", "A")),
        ("redundant", ("H", "B")),
        ("unknown-permits", ("E",)),
    } <= found(planted)
    assert any(f.code == "no-allowed-place" for f in planted.findings)


def test_every_witness_is_a_real_decision_within_the_horizon(planted: LintReport) -> None:
    policy = planted.policy
    for finding in planted.findings:
        witness = finding.witness
        again = policy.decide(witness.employee, witness.shift)
        assert again.allowed == witness.decision.allowed
        day = dt.date.fromisoformat(witness.shift["start"][:10])
        assert HORIZON[0] <= day <= HORIZON[1]


def test_what_each_witness_shows(planted: LintReport) -> None:
    by_code = {f.code: f for f in planted.findings}
    conflict = by_code["conflict"]
    assert not conflict.witness.decision.allowed
    assert len(conflict.also) == 2 and not any(w.decision.allowed for w in conflict.also)
    redundant = by_code["redundant"]
    assert {"H", "B"} <= {r.rule for r in redundant.witness.decision.reasons}
    unknown = by_code["unknown-permits"]
    assert "in special circumstances" not in unknown.witness.employee
    assert not unknown.witness.decision.allowed and unknown.also[0].decision.allowed
    never = by_code["never-permits"]
    assert "D" not in {r.rule for r in never.witness.decision.reasons if r.effect == "allow"}


def test_an_ignore_comment_silences_a_code_on_its_rule() -> None:
    text = (HERE / "planted.rules").read_text(encoding="utf-8")
    text = text.replace(
        "rule D: employees who are on probation may work from home.",
        "rule D: employees who are on probation may work from home.  # lint: ignore never-permits",
    )
    report = lint(flexrules.compile_policy(text, "planted.rules"), HORIZON)
    assert ("never-permits", ("D",)) not in found(report)
    assert [f.code for f in report.ignored] == ["never-permits"]


@pytest.mark.parametrize(
    "path",
    [
        "disdukcapil.rules",
        "education-office.rules",
        "provincial-office.rules",
        "puskesmas.rules",
        "hospital",
    ],
)
def test_the_bundled_examples_are_clean(path: str) -> None:
    report = lint(flexrules.load_policy(EXAMPLES / path))
    assert report.findings == (), [f.message.render() for f in report.findings]
