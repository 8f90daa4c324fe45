"""`diff`: the verdict agrees with deciding every employee, day, stretch and place with both
policies (generated small policies), and each witness is decided both ways."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from lint_oracle import HORIZON, decide_all, small_lint_policies

import flexrules
from flexrules import cli
from flexrules.analysis.diff import diff

EXAMPLES = Path(__file__).parents[2] / "examples"


def brute(old: flexrules.Policy, new: flexrules.Policy) -> str:
    before, after = decide_all(old), decide_all(new)
    gains = losses = False
    for key, seen in after.items():
        for was, now in zip(before[key], seen, strict=True):
            gains = gains or (now.allowed and not was.allowed)
            losses = losses or (was.allowed and not now.allowed)
    return {
        (False, False): "equivalent",
        (True, False): "more permissive",
        (False, True): "less permissive",
        (True, True): "neither",
    }[(gains, losses)]


def agree(first: str, second: str) -> None:
    old = flexrules.compile_policy(first, "old.rules")
    try:
        new = flexrules.compile_policy(second, "new.rules")
    except flexrules.PolicyError:  # a dropped rule that another overrides
        assume(False)
        return
    report = diff(old, new, HORIZON)
    assert report.verdict == brute(old, new), (first, second)
    for change, gained in ((report.gains, True), (report.losses, False)):
        if change is not None:
            assert change.new.decision.allowed is gained
            assert change.old.decision.allowed is not gained


@st.composite
def pairs(draw: st.DrawFn) -> tuple[str, str]:
    first = draw(small_lint_policies())
    lines = first.splitlines()
    rules = [i for i, line in enumerate(lines) if line.startswith("rule ")]
    second = draw(small_lint_policies())
    if draw(st.booleans()):  # one rule dropped: a small change, often one way
        del lines[draw(st.sampled_from(rules))]
        second = "\n".join(lines) + "\n"
    return first, second


@pytest.mark.slow
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pairs())
def test_diff_agrees_with_brute_force(pair: tuple[str, str]) -> None:
    agree(*pair)


@pytest.mark.slow
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pairs())
def test_diff_agrees_with_brute_force_at_length(pair: tuple[str, str]) -> None:
    agree(*pair)


def test_diff_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = EXAMPLES / "disdukcapil.rules"
    text = old.read_text(encoding="utf-8").replace(
        'if their performance is at least "good"', 'if their performance is at least "poor"'
    )
    new = tmp_path / "new.rules"
    new.write_text(text, encoding="utf-8")
    assert cli.main(["diff", str(old), str(old)]) == 0
    assert ": equivalent (horizon" in capsys.readouterr().out
    assert cli.main(["diff", str(old), str(new)]) == 1
    out = capsys.readouterr().out
    assert ": more permissive" in out and "gains: allowed by NEW, denied by OLD" in out
    assert cli.main(["diff", str(new), str(old), "--json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["verdict"] == "less permissive" and document["gains"] is None
    losses = document["losses"]
    assert losses["old"]["allowed"] and not losses["new"]["allowed"]
