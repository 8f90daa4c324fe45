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
from hypothesis import given, settings
from hypothesis import strategies as st
from policy_variants import VARIANTS, without_shift_facts

import flexrules
from flexrules.clock.calendar import DAY


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
        day = (
            rng.choice(SPECIAL_DAYS)
            if rng.random() < 0.5
            else FIRST_DAY + timedelta(days=rng.randrange(1096))
        )
        start = datetime(day.year, day.month, day.day) + timedelta(minutes=15 * rng.randrange(96))
        end = start + timedelta(minutes=15 * rng.randint(1, 40))
        text = "%Y-%m-%dT%H:%M" if rng.random() < 0.5 else "%Y-%m-%dT%H:%M:%S"
        shift = {
            "start": start.strftime(text),
            "end": end.strftime(text),
            "location": rng.choice(["office", "home", "anywhere"]),
            "approved": rng.random() < 0.5,
        }
        pairs.append((rng.choice(employees), shift))
    return pairs


def _outcome(decision: flexrules.Decision) -> tuple[object, ...]:
    return (
        decision.allowed,
        decision.runs,
        decision.facts,
        decision.zone,
        decision.start_seconds,
        decision.end_seconds,
        decision.location,
        decision.employee_id,
        decision.employee_name,
        decision.shift,
        tuple(
            (r.rule, r.effect, r.start_seconds, r.end_seconds, r.facts, r.unknown_facts)
            for r in decision.reasons
        ),
    )


@pytest.mark.slow
@pytest.mark.parametrize("plain", [False, True], ids=["generated", "plain"])
@pytest.mark.parametrize("variant", VARIANTS)
def test_a_batch_decides_as_decide_does(variant: str, plain: bool) -> None:
    """Cold (nothing remembered yet) and then warm, a list gives what decide gives."""
    reference = VARIANTS[variant]()
    pairs = (
        [pair for pair in _plain(7, 1200) if _decidable_pair(reference, pair)]
        if plain
        else _decidable(reference, 7, 1200)
    )
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
    assert kinds == {"NoneType", "Decision"}  # None: built from the columns when read
    short = sum(item is None for item in decisions._items)
    assert short > len(pairs) // 2


@pytest.mark.parametrize(
    "start, end",
    [("10:00", "09:00"), ("10:30", "10:30"), ("10:45", "10:15"), ("10:30", "10:30:00")],
)
def test_a_pair_decide_refuses_raises_the_same_error(start: str, end: str) -> None:
    """Also a shift that ends when it starts, or before, within a stretch of the day where a
    good shift was decided before (the two have the same place among the day's hours), for an
    employee both `decide` and the columns take the quick way."""
    policy = without_shift_facts()
    pairs = _decidable(policy, 8, 50)
    good = (
        _BOUNDARY_EMPLOYEE,
        {"start": "2025-07-07T10:15", "end": "2025-07-07T10:45", "location": "home"},
    )
    bad = (
        _BOUNDARY_EMPLOYEE,
        {"start": f"2025-07-07T{start}", "end": f"2025-07-07T{end}", "location": "home"},
    )
    for _ in range(2):  # cold, then with the good shift's outcome remembered
        with pytest.raises(flexrules.InputError) as single:
            policy.decide(*bad)
        for batch in ([*pairs[:20], good, bad, *pairs[20:]], [good, bad, good]):
            with pytest.raises(flexrules.InputError) as bulk:
                policy.decide_many(batch)
            assert str(bulk.value) == str(single.value)
        policy.decide_many([good])


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
    assert repr(decisions).startswith(f"<DecisionBatch of {len(pairs)} pairs")


def test_a_list_is_read_as_it_is_at_the_call() -> None:
    """Refilling an employee after the call changes no decision, not even an explanation."""
    policy = without_shift_facts()
    employee = {
        "id": "e1",
        "name": "Ayu",
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
    shift = {"start": "2025-07-08T08:00:00", "end": "2025-07-08T12:00:00", "location": "home"}
    decisions = policy.decide_many([(employee, shift)])
    employee.update(name="Budi", performance="poor")
    assert decisions.allowed == (True,)
    assert "Ayu" in decisions[0].explain() and "poor" not in decisions[0].explain()


@pytest.mark.parametrize("extra", [False, True], ids=["column path", "decide"])
def test_not_pairs_fail_as_in_a_loop(extra: bool) -> None:
    """Items of one or three values, or not pairs at all, are a `TypeError` naming the item,
    wherever the pairs around them would have gone; so is a batch that is not iterable."""
    policy = without_shift_facts()
    pairs = _decidable(policy, 9, 20)
    employee = {**pairs[0][0], "timezone": "Asia/Makassar"} if extra else pairs[0][0]
    shift = pairs[0][1]
    for bad in [(employee,), (employee, shift, "a note"), 5]:
        with pytest.raises(TypeError, match=r"\(employee, shift\) pairs; item 20 is"):
            policy.decide_many([*pairs, bad])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"\(employee, shift\) pairs, not None"):
        policy.decide_many(None)  # type: ignore[arg-type]


def test_shifts_at_the_edges_of_a_day() -> None:
    """Ends at and just past midnight, a whole day, a day apart at the same clock time, and
    times on the boundaries of the day's hours: the columns take those within one local day,
    `decide` the others, and both give what `decide` gives, in any order, cold and warm."""
    times = [
        ("2025-07-07T00:00", "2025-07-07T00:30"),
        ("2025-07-07T22:00", "2025-07-08T00:00"),
        ("2025-07-07T22:00", "2025-07-08T00:00:01"),
        ("2025-07-07T00:00", "2025-07-08T00:00"),
        ("2025-07-07T09:00", "2025-07-08T08:00"),
        ("2025-07-07T09:00", "2025-07-08T09:00"),
        ("2025-07-07T07:59:59", "2025-07-07T08:00"),
        ("2025-07-07T08:00", "2025-07-07T16:00"),
        ("2025-07-07T16:00", "2025-07-07T16:00:01"),
        ("2025-07-06T23:59", "2025-07-07T08:00"),
        ("2025-08-16T15:00", "2025-08-17T00:00"),
        ("2025-08-17T08:00", "2025-08-17T12:00"),
        ("2025-07-08T10:00", "2025-07-08T11:00"),
        ("2025-07-08T10:00", "2025-07-09T09:00"),
    ]
    reference = without_shift_facts()
    employees = [_BOUNDARY_EMPLOYEE, *(employee for employee, _ in _plain(11, 12)[:3])]
    pairs = [
        (employee, {"start": start, "end": end, "location": location})
        for start, end in times
        for location in ("office", "home", "anywhere")
        for employee in employees
    ]
    random.Random(11).shuffle(pairs)
    decided = [reference.decide(*pair) for pair in pairs]
    expected = [_outcome(decision) for decision in decided]
    policy = without_shift_facts()
    for _ in range(2):
        decisions = policy.decide_many(pairs)
        assert decisions.allowed == tuple(decision.allowed for decision in decided)
        assert decisions.rules == tuple(tuple(r.rule for r in d.reasons) for d in decided)
        assert [_outcome(d) for d in decisions] == expected
    hour = {"start": "2025-07-08T10:00", "end": "2025-07-08T11:00", "location": "home"}
    for start, end in times:  # each after a shift that one past midnight may be mistaken for
        pair = (_BOUNDARY_EMPLOYEE, {"start": start, "end": end, "location": "home"})
        expected = [
            _outcome(reference.decide(_BOUNDARY_EMPLOYEE, hour)),
            _outcome(reference.decide(*pair)),
        ]
        policy.decide_many([(_BOUNDARY_EMPLOYEE, hour)])
        decisions = policy.decide_many([(_BOUNDARY_EMPLOYEE, hour), pair])
        assert decisions.allowed == (expected[0][0], expected[1][0])
        assert [_outcome(d) for d in decisions] == expected


_BOUNDS = sorted(
    {
        bound
        for day in range(4)  # the boundaries of 7 to 10 July 2025
        for bound in without_shift_facts()
        ._decider.plan(datetime(2025, 7, 7).toordinal() + day)
        .bounds
    }
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 3),
            st.sampled_from(_BOUNDS),
            st.integers(-1, 1),
            st.integers(1, DAY),
            st.sampled_from(["office", "home"]),
        ),
        min_size=1,
        max_size=30,
    )
)
def test_times_near_the_hour_boundaries(drawn: list[tuple[int, int, int, int, str]]) -> None:
    """Shifts starting on, just before and just after a boundary of the day's hours, of any
    length: a batch decides each as `decide` does (the columns key a shift by the stretch of
    boundaries it covers)."""
    policy = _BOUNDARY_POLICY
    employee = _BOUNDARY_EMPLOYEE
    base = datetime(2025, 7, 7)
    pairs = []
    for day, bound, nudge, length, location in drawn:
        start = base + timedelta(days=day, seconds=max(0, bound + nudge))
        end = start + timedelta(seconds=length)
        pairs.append(
            (employee, {"start": start.isoformat(), "end": end.isoformat(), "location": location})
        )
    decided = [policy.decide(*pair) for pair in pairs]
    for _ in range(2):  # the second time, with what the first remembered
        decisions = policy.decide_many(pairs)
        assert decisions.allowed == tuple(decision.allowed for decision in decided)
        assert [_outcome(d) for d in decisions] == [_outcome(d) for d in decided]


_BOUNDARY_POLICY = without_shift_facts()
_BOUNDARY_EMPLOYEE = {
    "id": "e1",
    "name": "Ayu",
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
