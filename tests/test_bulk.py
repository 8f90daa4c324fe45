"""`decide_many` against `decide`, pair by pair, on the generated Disdukcapil cases.

The generated cases mix what a batch may hold: plain dicts on the policy's clock, employees in
other time zones, aware times and datetime objects, shifts past midnight, missing and ill-typed
facts, and shifts `decide` refuses. The column path must give exactly what `decide` gives, for
the pairs it takes and around the ones it hands to `decide`, on a cold policy and a warm one.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

import pytest
from casegen import FIRST_DAY, SPECIAL_DAYS, generate
from policy_variants import VARIANTS, without_shift_facts

import flexrules


def _decidable_pair(policy: flexrules.Policy, pair: tuple[Any, Any]) -> bool:
    try:
        policy.decide(*pair)
    except flexrules.InputError:
        return False
    return True


def _decidable(policy: flexrules.Policy, seed: int, n: int) -> list[tuple[Any, Any]]:
    return [pair for pair in generate(seed, n) if _decidable_pair(policy, pair)]


def _plain(seed: int, n: int) -> list[tuple[Any, Any]]:
    """Pairs the columns take, mostly: the generated employees on the policy's clock (their
    facts still missing or ill-typed at times), with shifts in naive ISO text within one day,
    on special days half the time, a few past midnight. Each employee object recurs."""
    rng = random.Random(seed)
    employees = []
    for employee, _ in generate(seed, n // 4):
        employee.pop("timezone", None)
        employees.append(employee)
    pairs = []
    for _ in range(n):
        day = rng.choice(SPECIAL_DAYS) if rng.random() < 0.5 else FIRST_DAY + timedelta(
            days=rng.randrange(1096))
        start = datetime(day.year, day.month, day.day) + timedelta(minutes=15 * rng.randrange(96))
        end = start + timedelta(minutes=15 * rng.randint(1, 40))
        text = "%Y-%m-%dT%H:%M" if rng.random() < 0.5 else "%Y-%m-%dT%H:%M:%S"
        shift = {"start": start.strftime(text), "end": end.strftime(text),
                 "location": rng.choice(["office", "home", "anywhere"]),
                 "approved": rng.random() < 0.5}
        pairs.append((rng.choice(employees), shift))
    return pairs


def _outcome(decision: flexrules.Decision) -> tuple[object, ...]:
    return (decision.allowed, decision.runs, decision.facts, decision.zone,
            decision.start_seconds, decision.end_seconds, decision.location,
            decision.employee_id, decision.employee_name, decision.shift,
            tuple((r.rule, r.effect, r.start_seconds, r.end_seconds, r.facts, r.unknown_facts)
                  for r in decision.reasons))


@pytest.mark.parametrize("plain", [False, True], ids=["generated", "plain"])
@pytest.mark.parametrize("variant", VARIANTS)
def test_a_batch_decides_as_decide_does(variant: str, plain: bool) -> None:
    """Cold (nothing remembered yet) and then warm, a list gives what decide gives."""
    reference = VARIANTS[variant]()
    pairs = [pair for pair in _plain(7, 1200) if _decidable_pair(reference, pair)] if plain \
        else _decidable(reference, 7, 1200)
    expected = [reference.decide(employee, shift) for employee, shift in pairs]
    policy = VARIANTS[variant]()
    for _ in range(2):
        decisions = policy.decide_many(pairs)
        assert len(decisions) == len(pairs)
        assert decisions.allowed == tuple(d.allowed for d in expected)
        assert decisions.rules == tuple(tuple(r.rule for r in d.reasons) for d in expected)
        assert [_outcome(d) for d in decisions] == [_outcome(d) for d in expected]
    assert [d.explain() for d in decisions[:150]] == [d.explain() for d in expected[:150]]


def test_the_columns_take_plain_pairs_and_decide_takes_the_rest() -> None:
    """Both paths really run in one batch (so the test above compares something)."""
    policy = without_shift_facts()
    pairs = [pair for pair in _plain(7, 1200) if _decidable_pair(policy, pair)]
    decisions = policy.decide_many(pairs)
    kinds = {type(item).__name__ for item in decisions._items}
    assert kinds == {"tuple", "Decision"}
    short = sum(type(item) is tuple for item in decisions._items)
    assert short > len(pairs) // 2


def test_a_pair_decide_refuses_raises_the_same_error() -> None:
    policy = without_shift_facts()
    pairs = _decidable(policy, 8, 50)
    bad = (pairs[0][0], {"start": "2025-07-07T10:00", "end": "2025-07-07T09:00",
                         "location": "home"})
    with pytest.raises(flexrules.InputError) as single:
        policy.decide(*bad)
    with pytest.raises(flexrules.InputError) as bulk:
        policy.decide_many([*pairs[:20], bad, *pairs[20:]])
    assert str(bulk.value) == str(single.value)


def test_every_kind_of_iterable() -> None:
    """Tuples, generators and empty lists; indexing, slicing and iterating the result."""
    policy = without_shift_facts()
    pairs = _decidable(policy, 9, 60)
    expected = [_outcome(policy.decide(e, s)) for e, s in pairs]
    assert [_outcome(d) for d in policy.decide_many(tuple(pairs))] == expected
    assert [_outcome(d) for d in policy.decide_many(iter(pairs))] == expected
    decisions = policy.decide_many(pairs)
    assert _outcome(decisions[-1]) == expected[-1]
    assert [_outcome(d) for d in decisions[2:5]] == expected[2:5]
    assert decisions[3] is decisions[3]  # built once
    assert len(policy.decide_many([])) == 0
    assert policy.decide_many([]).rules == ()
    assert repr(decisions).startswith(f"<Decisions of {len(pairs)} pairs")


def test_a_list_is_read_as_it_is_at_the_call() -> None:
    """Refilling an employee after the call changes no decision, not even an explanation."""
    policy = without_shift_facts()
    employee = {"id": "e1", "name": "Ayu", "role": "clerk", "job type": "administration",
                "performance": "good", "grade": 9, "unit": "records",
                "position start": "2020-01-06", "on probation": False,
                "under sanction": False, "in special circumstances": False}
    shift = {"start": "2025-07-08T08:00:00", "end": "2025-07-08T12:00:00", "location": "home"}
    decisions = policy.decide_many([(employee, shift)])
    employee.update(name="Budi", performance="poor")
    assert decisions.allowed == (True,)
    assert "Ayu" in decisions[0].explain() and "poor" not in decisions[0].explain()


@pytest.mark.parametrize("extra", [False, True], ids=["column path", "decide"])
def test_not_pairs_fail_as_in_a_loop(extra: bool) -> None:
    """Items of one or three values raise as unpacking them in a loop does, wherever the
    pairs around them would have gone."""
    policy = without_shift_facts()
    pairs = _decidable(policy, 9, 20)
    employee = {**pairs[0][0], "timezone": "Asia/Makassar"} if extra else pairs[0][0]
    shift = pairs[0][1]
    for bad in [(employee,), (employee, shift, "a note")]:
        with pytest.raises(ValueError, match="values to unpack"):
            policy.decide_many([*pairs, bad])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        policy.decide_many([*pairs, 5])  # type: ignore[list-item]
