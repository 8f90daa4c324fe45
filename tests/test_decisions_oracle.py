"""The engine against the independent hand-written oracle for examples/disdukcapil.rules.

The oracle (tests/oracle_disdukcapil.py) shares no code with flexrules; the seeded generator
(tests/casegen.py) covers missing and ill-typed facts, holidays, cuti bersama, weekends,
midnight, time zones and aware times.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from casegen import generate
from oracle_disdukcapil import OracleInputError
from oracle_disdukcapil import decide as oracle_decide

import flexrules

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "disdukcapil.rules"


@pytest.fixture(scope="module")
def policy() -> flexrules.Policy:
    return flexrules.load_policy(EXAMPLE)


def engine_outcome(policy: flexrules.Policy, employee: dict, shift: dict) -> tuple[bool, frozenset]:
    decision = policy.decide(employee, shift)
    return decision.allowed, frozenset(r.rule for r in decision.reasons)


@pytest.mark.parametrize("seed", range(6))
def test_engine_agrees_with_oracle(policy: flexrules.Policy, seed: int) -> None:
    """On 6 x 1,000 generated cases, allowed and the set of deciding rules match the oracle."""
    mismatches = []
    for employee, shift in generate(seed, 1000):
        try:
            expected = oracle_decide(employee, shift)
        except OracleInputError as exc:
            with pytest.raises(flexrules.InputError) as raised:
                policy.decide(employee, shift)
            assert raised.value.field == exc.field
            continue
        actual = engine_outcome(policy, employee, shift)
        if actual != expected:
            mismatches.append((employee, shift, expected, actual))
    assert not mismatches[:5], f"{len(mismatches)} mismatches, first: {mismatches[:3]}"


def test_bulk_agrees_with_single(policy: flexrules.Policy) -> None:
    """decide_many gives the same decisions as decide, in order."""
    cases = generate(99, 1500)
    good = []
    for employee, shift in cases:
        try:
            oracle_decide(employee, shift)
        except OracleInputError:
            continue
        good.append((employee, shift))
    bulk = policy.decide_many(good)
    assert len(bulk) == len(good)
    for (employee, shift), decision in zip(good, bulk, strict=True):
        single = policy.decide(employee, shift)
        assert decision.allowed == single.allowed
        assert [(r.rule, r.effect, r.start, r.end) for r in decision.reasons] == [
            (r.rule, r.effect, r.start, r.end) for r in single.reasons
        ]
