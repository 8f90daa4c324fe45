"""Mistakes planted in every bundled example are found, each with a witness the engine
confirms; the examples as shipped are clean (tests/analysis/test_lint.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

import flexrules
from flexrules.analysis.lint import lint

EXAMPLES = Path(__file__).parents[2] / "examples"
POLICIES = [
    "disdukcapil.rules",
    "education-office.rules",
    "provincial-office.rules",
    "puskesmas.rules",
    "hospital",
]

PLANTED = """
rule X1 "Never: a date past the horizon":
  employees may work from home between 10:00 and 11:00 from 2099-01-01.
rule X2: employees must work from home between 10:00 and 11:00.
rule X3: employees must not work from home between 10:00 and 11:00.
rule X4 overrides X5: employees may work anywhere between 01:00 and 02:00.
rule X5: employees may work anywhere between 03:00 and 04:00.
rule X6: employees may be on-site between 13:00 and 14:00.
rule X7: employees may be on-site between 13:00 and 14:00.
rule X8: employees may work anywhere between 13:00 and 14:00.
rule X9: employees must not work anywhere between 13:00 and 14:00.
rule X10: employees may work from home on Mondays between 09:00 and 10:00
  unless they are {flag}.
"""
EXPECTED = {
    ("never-applies", ("X1",)),
    ("conflict", ("X2", "X3")),
    ("needless-override", ("X4", "X5")),
    ("never-permits", ("X8",)),
    ("unknown-permits", ("X10",)),
}


def sources(path: Path) -> dict[str, str]:
    files = sorted(path.rglob("*.rules")) if path.is_dir() else [path]
    return {str(f.relative_to(EXAMPLES)): f.read_text(encoding="utf-8") for f in files}


@pytest.mark.slow
@pytest.mark.parametrize("name", POLICIES)
def test_planted_mistakes_are_found_with_confirmed_witnesses(name: str) -> None:
    texts = sources(EXAMPLES / name)
    policy = flexrules.compile_policy(texts)
    flag = next(
        a.name for a in policy.attributes if a.type == "yes or no" and a.owner == "employee"
    )
    texts["planted.rules"] = PLANTED.format(flag=flag)
    planted = flexrules.compile_policy(texts)
    report = lint(planted)
    found = {(f.code, tuple(r.id for r in f.rules)) for f in report.findings}
    assert found >= EXPECTED, sorted(found)
    assert any(code == "redundant" and rules[0] == "X7" for code, rules in found)
    for finding in report.findings:
        witness = finding.witness
        again = planted.decide(witness.employee, witness.shift)
        assert again.allowed is witness.decision.allowed
        assert [r.rule for r in again.reasons] == [r.rule for r in witness.decision.reasons]
