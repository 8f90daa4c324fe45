"""Properties over generated policies: valid ones parse and compile to the facts they declare,
layout and keyword case never change the tree, and broken ones only ever raise PolicyError."""

from __future__ import annotations

import datetime
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import Generated, grammar_sentences, layouts, mutated, policies, render

import flexrules
from flexrules.clock.zones import canonical_zone_name as canonical_zone
from flexrules.core.source import SourceFile
from flexrules.language.parse import parse_file

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def plain(written: str) -> str:
    """A name as the policy reports it: backquotes gone, words single-spaced."""
    return " ".join(written.replace("`", " ").split())


def _errors(error: flexrules.PolicyError) -> str:
    return "\n\n".join(d.render() for d in error.errors)


@pytest.mark.slow
@SETTINGS
@given(policies())
def test_generated_policies_parse(generated: Generated) -> None:
    """Every generated policy parses with no syntax error, one declaration per sentence."""
    file, diagnostics = parse_file(SourceFile("generated.rules", generated.text))
    assert not diagnostics, "\n".join(d.render() for d in diagnostics)
    assert len(file.declarations) == len(generated.sentences())
    comments = [item for item in generated.items if isinstance(item, str)]
    assert [c.text for c in file.comments] == comments


@pytest.mark.slow
@SETTINGS
@given(policies())
def test_generated_policies_compile_to_what_they_declare(generated: Generated) -> None:
    """Every generated policy compiles without errors and reports the parts it declared."""
    try:
        policy = flexrules.compile_policy(generated.text, filename="generated.rules")
    except flexrules.PolicyError as error:
        raise AssertionError(f"{_errors(error)}\n\n{generated.text}") from None
    assert [r.id for r in policy.rules] == generated.rule_ids
    assert {r.id: r.kind for r in policy.rules} == generated.rule_kinds
    assert sorted(g.name for g in policy.groups) == sorted(plain(g) for g in generated.groups)
    assert sorted(h.name for h in policy.hours) == sorted(plain(h) for h in generated.hours)
    assert sorted(d.name for d in policy.dates) == sorted(plain(d) for d in generated.dates)
    kinds = {"bool": "yes or no"}
    assert sorted((a.owner, a.name, a.type, a.values) for a in policy.attributes) == sorted(
        (a.owner, " ".join(a.words), kinds.get(a.type, a.type), a.values)
        for a in generated.attributes
    )
    header = generated.header or {}
    assert policy.name == header.get("name", "unnamed policy")
    assert policy.version == header.get("version")
    assert policy.timezone == canonical_zone(header.get("timezone", "Asia/Jakarta"))
    assert policy.default == header.get("default", "deny")


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(policies(max_rules=5), st.sampled_from(["office", "home", "anywhere"]))
def test_generated_policies_decide_consistently(generated: Generated, location: str) -> None:
    """A compiled policy decides a plain shift of an employee with no facts (all unknown), and
    the decision holds together: its runs cover the shift with no gap, it is allowed exactly
    when every run is, its reasons name the policy's rules (or the default) with the decision's
    own effect, and a dict of the same shift is decided alike."""
    policy = flexrules.compile_policy(generated.text)
    employee = flexrules.Employee("E-1", {})
    start = datetime.datetime(2025, 7, 7, 9, 0)
    shift = flexrules.Shift(start, start + datetime.timedelta(hours=8), location)
    decision = policy.decide(employee, shift)
    runs = decision.runs
    assert runs[0].start == decision.start_seconds and runs[-1].end == decision.end_seconds
    assert all(a.end == b.start for a, b in itertools.pairwise(runs))
    assert decision.allowed == all(run.allowed for run in runs)
    assert decision.reasons
    rule_ids = {rule.id for rule in policy.rules} | {None}
    effect = "allow" if decision.allowed else "deny"
    assert all(r.rule in rule_ids and r.effect == effect for r in decision.reasons)
    as_dict = {"start": start.isoformat(), "end": shift.end.isoformat(), "location": location}
    twin = policy.decide({"id": "E-1"}, as_dict)
    assert (twin.allowed, [r.rule for r in twin.reasons]) == (
        decision.allowed,
        [r.rule for r in decision.reasons],
    )


@pytest.mark.slow
@SETTINGS
@given(policies(), layouts())
def test_layout_and_keyword_case_do_not_change_the_tree(
    generated: Generated, layout: tuple[object, str]
) -> None:
    """The same policy with other white space, line breaks, comments and keyword case
    parses to an equal tree."""
    rnd, case = layout
    text = render(generated.items, rnd, case)  # type: ignore[arg-type]
    first, problems = parse_file(SourceFile("a.rules", generated.text))
    second, more_problems = parse_file(SourceFile("b.rules", text))
    assert not problems
    assert not more_problems, "\n".join(d.render() for d in more_problems) + "\n" + text
    assert second.declarations == first.declarations


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@pytest.mark.slow
@given(mutated())
def test_broken_policies_raise_only_policy_error(text: str | bytes) -> None:
    """A policy broken at random compiles, or raises PolicyError with at least one error;
    never any other exception."""
    try:
        policy = flexrules.compile_policy(text, filename="mutated.rules")
    except flexrules.PolicyError as error:
        assert error.errors
        assert str(error)
        for diagnostic in error.diagnostics:
            assert diagnostic.code and diagnostic.message
            diagnostic.render()
            diagnostic.to_dict()
    else:
        assert isinstance(policy, flexrules.Policy)


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@pytest.mark.slow
@given(st.lists(mutated(), min_size=1, max_size=3))
def test_broken_folders_raise_only_policy_error(texts: list[str | bytes]) -> None:
    """A folder held in memory whose files are broken at random behaves the same way."""
    files = {f"part{i}.rules": text for i, text in enumerate(texts)}
    try:
        flexrules.compile_policy(files)
    except flexrules.PolicyError as error:
        assert error.errors


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(grammar_sentences(), min_size=1, max_size=6))
def test_grammatical_nonsense_raises_only_policy_error(sentences: list[str]) -> None:
    """Sentences the grammar derives at random (unknown names, wrong types, odd forms) are
    checked: a Policy or a PolicyError, never a crash in the checks or the compiler."""
    try:
        flexrules.compile_policy("\n".join(sentences), filename="walk.rules")
    except flexrules.PolicyError as error:
        assert error.errors
        assert str(error)
