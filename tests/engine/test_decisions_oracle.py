"""The engine against the independent hand-written oracle for examples/disdukcapil.rules.

The oracle (tests/support/oracle_disdukcapil.py) shares no code with flexrules; the seeded generator
(tests/support/casegen.py) covers missing and ill-typed facts, holidays, cuti bersama, weekends,
midnight, time zones and aware times.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from casegen import generate
from oracle_disdukcapil import OracleInputError
from oracle_disdukcapil import decide as oracle_decide
from policy_variants import VARIANTS

import flexrules

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "disdukcapil.rules"


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


def _outcome(decision: flexrules.Decision) -> tuple[object, ...]:
    return (
        decision.allowed,
        decision.runs,
        decision.facts,
        tuple(
            (r.rule, r.effect, r.start_seconds, r.end_seconds, r.facts, r.unknown_facts)
            for r in decision.reasons
        ),
    )


@pytest.mark.parametrize("variant", VARIANTS)
def test_fast_paths_agree_with_the_general_path(variant: str) -> None:
    """The dict fast path with warm memories gives what the general path gives cold.

    Cold: a fresh policy whose remembered spans, rule bits and cuts are cleared before every
    decision, fed read-only mappings and flexrules.Employee/Shift objects, which take the
    general input path."""
    from types import MappingProxyType

    warm = VARIANTS[variant]()
    cold = VARIANTS[variant]()
    decider = cold._decider
    for employee, shift in generate(123, 1500):
        try:
            fast = warm.decide(employee, shift)
        except flexrules.InputError:
            continue
        decider.forget()
        general = cold.decide(MappingProxyType(employee), MappingProxyType(shift))
        assert _outcome(general) == _outcome(fast)
        attributes = {k: v for k, v in employee.items() if k not in ("id", "name", "timezone")}
        person = flexrules.Employee(
            employee.get("id", "?"), attributes, timezone=employee.get("timezone")
        )
        extra = {k: v for k, v in shift.items() if k not in ("start", "end", "location")}
        work = flexrules.Shift(shift["start"], shift["end"], shift["location"], extra)
        assert _outcome(cold.decide(person, work)) == _outcome(fast)
    assert len(warm._decider._runs) > 0


class _Text(str):
    """A str subclass: equal to its plain text, so a memory keyed by value must not mix them."""


@pytest.mark.slow
@pytest.mark.parametrize("variant", VARIANTS)
def test_equal_values_of_other_types_are_not_mixed_up(variant: str) -> None:
    """Values that compare equal but type differently (9 and 9.0 and True, a str and a str
    subclass, ISO text and a date) each get their own outcome and their own explanation."""
    warm = VARIANTS[variant]()
    base = {
        "id": "e1",
        "role": "clerk",
        "job type": "administration",
        "performance": "good",
        "grade": 9,
        "unit": "records",
        "position start": "2020-01-06",
        "on probation": False,
        "under sanction": False,
        "in special circumstances": False,
    }
    shift = {
        "start": "2025-07-08T08:00:00",
        "end": "2025-07-08T12:00:00",
        "location": "home",
        "approved": True,
    }
    variants = [
        ("grade", 9),
        ("grade", 9.0),
        ("grade", True),
        ("grade", 1),
        ("grade", None),
        ("on probation", 0),
        ("on probation", False),
        ("on probation", 1),
        ("under sanction", 1),
        ("under sanction", True),
        ("unit", _Text("records")),
        ("performance", _Text("good")),
        ("performance", "good"),
        ("job type", _Text("administration")),
        ("position start", "2020-01-06"),
        ("position start", date(2020, 1, 6)),
        ("approved", 1),
        ("approved", True),
        ("approved", None),
    ]
    for name, value in variants * 2:  # the second time round, every memory is warm
        employee, work = dict(base), dict(shift)
        (work if name == "approved" else employee)[name] = value
        fresh = VARIANTS[variant]()
        assert _outcome(warm.decide(employee, work)) == _outcome(fresh.decide(employee, work)), (
            name,
            value,
        )
