"""The linter agrees with brute force: on generated small policies, every finding the linter
reports is one that deciding every employee, day, stretch and place finds, and no other
(`tests/support/lint_oracle.py`). `no-allowed-place` is compared by whether there is one: the
linter reports at most three causes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from lint_oracle import HORIZON, Oracle, small_lint_policies

import flexrules
from flexrules.analysis.lint import lint


def agree(text: str) -> None:
    policy = flexrules.compile_policy(text, "small.rules")
    report = lint(policy, HORIZON)
    mine = {
        (f.code, () if f.code == "no-allowed-place" else tuple(r.id for r in f.rules))
        for f in report.findings
    }
    assert mine == Oracle(policy).findings(), text


@pytest.mark.slow
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_lint_policies())
def test_lint_agrees_with_brute_force(text: str) -> None:
    agree(text)


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_lint_policies())
def test_lint_agrees_with_brute_force_at_length(text: str) -> None:
    agree(text)
