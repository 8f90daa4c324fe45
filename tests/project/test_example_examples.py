"""Every bundled example policy ships with an examples file (AUTHORING.md §1) that passes and
reaches every rule; the examples were written from the regulation (DOMAIN.md) and the
policies' comments, so a change of meaning in the engine or a policy shows here."""

from __future__ import annotations

from pathlib import Path

import pytest

import flexrules
from flexrules.authoring.examples import examples_in, policy_of
from flexrules.cli.demo import bundled_policies

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
POLICIES = [name.rstrip("/") for name, _texts in bundled_policies(EXAMPLES)]


def test_the_bundled_policies_are_found() -> None:
    assert {"disdukcapil.rules", "hospital", "puskesmas.rules"} <= set(POLICIES)


@pytest.mark.parametrize("name", POLICIES)
def test_each_bundled_policy_has_examples_that_pass_and_reach_every_rule(name: str) -> None:
    (path,) = examples_in(EXAMPLES / name)
    assert policy_of(path) == EXAMPLES / name
    report = flexrules.run_examples(EXAMPLES / name, path)
    assert report.passed, [(r.id, str(r.decided)) for r in report.failures]
    coverage = report.coverage()
    assert coverage.percent == 100, [r.rule.id for r in coverage.missed]
