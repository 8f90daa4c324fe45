"""People who change during the month (DATA.md §2): decisions take the facts in force on each
piece's local day. Answers worked out by hand for examples/disdukcapil.rules, and the engine
against the independent oracle (tests/support/oracle_disdukcapil.py, choice C16) for
generated employees with changes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from casegen import generate
from hypothesis import given, settings
from hypothesis import strategies as st
from oracle_disdukcapil import OracleInputError, employee_zone, shift_times
from oracle_disdukcapil import decide as oracle_decide

import flexrules

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "disdukcapil.rules"
#: a finance clerk with a good record: R5 lets them work remotely on working days
CLERK: dict[str, Any] = {
    "id": "E-1",
    "role": "analyst",
    "job type": "finance",
    "performance": "good",
    "grade": 9,
    "position start": "2020-01-01",
    "on probation": False,
    "under sanction": False,
    "in special circumstances": False,
}


@pytest.fixture(scope="module")
def policy() -> flexrules.Policy:
    return flexrules.load_policy(EXAMPLE)


def shift(start: str, end: str, location: str = "home") -> dict[str, Any]:
    return {"start": f"2025-07-{start}", "end": f"2025-07-{end}", "location": location}


def outcome(decision: flexrules.Decision) -> tuple[bool, list[tuple[str | None, str]]]:
    return decision.allowed, [(r.rule, f"{r.start:%d %H:%M}") for r in decision.reasons]


def test_a_transfer_on_the_15th(policy: flexrules.Policy) -> None:
    """Moved to the service desk from Tue 15 July: on Monday R5 lets them work from home; from
    Tuesday R1 keeps them on site in service hours (08:00-15:00), and after 15:00 R5 again."""
    moved = {**CLERK, "changes": [("2025-07-15", {"role": "service desk"})]}
    assert outcome(policy.decide(moved, shift("14T09:00", "14T12:00"))) == (
        True,
        [("R5", "14 09:00")],
    )
    assert outcome(policy.decide(moved, shift("15T09:00", "15T12:00"))) == (
        False,
        [("R1", "15 09:00")],
    )
    assert outcome(policy.decide(moved, shift("15T16:00", "15T18:00"))) == (
        True,
        [("R5", "15 16:00")],
    )


def test_a_night_shift_into_the_day_of_a_sanction(policy: flexrules.Policy) -> None:
    """Under sanction from Tue 15 July, a shift at home from Mon 19:00 to Tue 07:00: Monday's
    hour before 20:00 is R5's (not yet sanctioned); R4 denies 20:00-06:00; on Tuesday R3
    (sanction) denies every piece at home, with the new value named: a run 00:00-06:00 that
    both deny, then 06:00-07:00 that R3 alone denies."""
    sanctioned = {**CLERK, "changes": [(dt.date(2025, 7, 15), {"under sanction": True})]}
    decision = policy.decide(sanctioned, shift("14T19:00", "15T07:00"))
    assert not decision.allowed
    assert [(r.rule, f"{r.start:%d %H:%M}", f"{r.end:%d %H:%M}") for r in decision.reasons] == [
        ("R4", "14 20:00", "15 00:00"),
        ("R3", "15 00:00", "15 06:00"),
        ("R4", "15 00:00", "15 06:00"),
        ("R3", "15 06:00", "15 07:00"),
    ]
    assert {str(r.facts) for r in decision.reasons if r.rule == "R3"} == {
        "{'under sanction': True}"
    }
    assert "because under sanction is yes" in decision.explain()
    pieces = decision.pieces()
    assert (pieces[0][2], [r.rule for r in pieces[0][3]]) == (True, ["R5"])
    # the same shift without the change: no R3 anywhere
    plain = policy.decide(CLERK, shift("14T19:00", "15T07:00"))
    assert {r.rule for r in plain.reasons} == {"R4"}


def test_every_form_of_employee_carries_changes(policy: flexrules.Policy) -> None:
    """`Employee(changes=...)`, a mapping's `changes` in JSON's object form, and dates as text
    or `date` decide alike; `None` makes a fact missing."""
    attributes = {k: v for k, v in CLERK.items() if k != "id"}
    as_object = flexrules.Employee(
        "E-1", attributes=attributes, changes=[(dt.date(2025, 7, 15), {"role": "service desk"})]
    )
    as_json = {**CLERK, "changes": [{"from": "2025-07-15", "attributes": {"role": "service desk"}}]}
    for employee in (as_object, as_json):
        assert not policy.decide(employee, shift("15T09:00", "15T12:00")).allowed
        assert policy.decide(employee, shift("14T09:00", "14T12:00")).allowed
    missing = {**CLERK, "changes": [("2025-07-15", {"job type": None})]}
    decision = policy.decide(missing, shift("15T09:00", "15T12:00"))
    assert outcome(decision) == (False, [(None, "15 09:00")])
    assert policy.decide(missing, shift("14T09:00", "14T12:00")).allowed
    # a change's key replaces every spelling of the attribute
    spelled = {**CLERK, "changes": [("2025-07-15", {"job_type": "technical"})]}
    assert not policy.decide(spelled, shift("15T09:00", "15T12:00")).allowed


def test_changes_later_in_a_list_and_on_one_day(policy: flexrules.Policy) -> None:
    """Changes are applied in date order; two on one day in the order given."""
    employee = {
        **CLERK,
        "changes": [
            ("2025-07-20", {"role": "analyst"}),
            ("2025-07-15", {"role": "service desk"}),
            ("2025-07-15", {"under sanction": True}),
            ("2025-07-15", {"under sanction": False}),
        ],
    }
    assert not policy.decide(employee, shift("16T09:00", "16T12:00")).allowed  # R1
    assert policy.decide(employee, shift("21T09:00", "21T12:00")).allowed  # analyst again


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ("2025-07-15", r"list of \(date"),
        ([("15/07/2025", {"role": "x"})], "not a date"),
        ([(dt.datetime(2025, 7, 15, 8), {"role": "x"})], "date and time"),
        ([("2025-07-15", ["role"])], "not attributes"),
        ([("2025-07-15", {"id": "E-2"})], "cannot change"),
        ([("2025-07-15", {"timezone": "Mars/Olympus"})], "unknown time zone"),
        ([("2025-07-15",)], "change 1"),
    ],
)
def test_bad_changes_name_the_field(policy: flexrules.Policy, changes: Any, words: str) -> None:
    with pytest.raises(flexrules.InputError, match=words) as raised:
        policy.decide({**CLERK, "changes": changes}, shift("15T09:00", "15T12:00"))
    assert raised.value.field in ("changes", "timezone")


def test_outside_employment_the_employee_has_no_facts(policy: flexrules.Policy) -> None:
    """Hired on the 10th: before it the employee has no facts, so every `must be on-site`
    rule may apply and denies home work (R1 in service hours, R2, R3, R3b), and R5 cannot
    permit it; from the 10th on they have theirs."""
    hired = flexrules.Employee(
        "E-2",
        attributes={k: v for k, v in CLERK.items() if k != "id"},
        employed_from="2025-07-10",
    )
    assert outcome(policy.decide(hired, shift("09T09:00", "09T12:00"))) == (
        False,
        [("R1", "09 09:00"), ("R2", "09 09:00"), ("R3", "09 09:00"), ("R3b", "09 09:00")],
    )
    assert policy.decide(hired, shift("10T09:00", "10T12:00")).allowed


def test_decide_many_and_objects_agree_with_decide(policy: flexrules.Policy) -> None:
    moved = {**CLERK, "changes": [("2025-07-15", {"role": "service desk"})]}
    pairs = [(moved, shift(f"{d}T09:00", f"{d}T12:00")) for d in range(14, 18)]
    pairs.append((CLERK, shift("15T09:00", "15T12:00")))
    many = policy.decide_many(pairs)
    assert [d.allowed for d in many] == [policy.decide(*p).allowed for p in pairs]
    assert [d.allowed for d in many] == [True, False, False, False, True]


# ---- the engine against the oracle ---------------------------------------------------------

_CASES = [pair for pair in generate(21, 400)]


def _local_day(employee: dict[str, Any], shift_: dict[str, Any]) -> dt.date | None:
    try:
        return shift_times(shift_, employee_zone(employee))[0].date()
    except OracleInputError:
        return None


@st.composite
def changed_cases(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    """A generated case whose employee gets up to three changes on days around the shift,
    taking values (usable, ill-typed or missing) from other generated employees."""
    employee, shift_ = draw(st.sampled_from(_CASES))
    day = _local_day(employee, shift_) or dt.date(2025, 7, 15)
    changes = []
    for _ in range(draw(st.integers(0, 3))):
        other = draw(st.sampled_from(_CASES))[0]
        keys = [k for k in other if k not in ("id", "name", "timezone")]
        chosen = draw(st.lists(st.sampled_from(keys), max_size=3)) if keys else []
        values = {k: other[k] if draw(st.booleans()) else None for k in chosen}
        when = day + dt.timedelta(days=draw(st.integers(-1, 2)))
        changes.append((when if draw(st.booleans()) else when.isoformat(), values))
    return {**employee, "changes": changes}, shift_


@settings(max_examples=150, deadline=None)
@given(changed_cases())
def test_engine_agrees_with_oracle_on_changes(
    policy: flexrules.Policy, case: tuple[dict[str, Any], dict[str, Any]]
) -> None:
    employee, shift_ = case
    try:
        expected = oracle_decide(employee, shift_)
    except OracleInputError:
        return
    decision = policy.decide(employee, shift_)
    assert (decision.allowed, frozenset(r.rule for r in decision.reasons)) == expected


def test_a_change_of_none_leaves_employment(policy: flexrules.Policy) -> None:
    """`(date, None)` ends the employment from that day (no facts: R5 cannot permit home
    work); a later change with attributes brings the employee back with them."""
    leaving = {
        **CLERK,
        "changes": [("2025-07-16", None), ("2025-07-21", {"role": "analyst"})],
    }
    assert policy.decide(leaving, shift("15T09:00", "15T12:00")).allowed
    assert not policy.decide(leaving, shift("16T09:00", "16T12:00")).allowed
    assert policy.decide(leaving, shift("21T09:00", "21T12:00")).allowed


def test_a_move_to_another_duty_station(policy: flexrules.Policy) -> None:
    """Moved from Jakarta (WIB) to Makassar (WITA, an hour ahead) from the 15th: a shift given
    in local time on the 15th is on Makassar's clock; on the 14th, on Jakarta's. R4's working
    window (06:00-20:00 local) shows it: 19:00-20:30 given as Makassar time ends outside it."""
    moved = flexrules.Employee(
        "E-3",
        {k: v for k, v in CLERK.items() if k != "id"},
        changes=[("2025-07-15", {"timezone": "WITA"})],
    )
    before = policy.decide(moved, shift("14T09:00", "14T12:00"))
    after = policy.decide(moved, shift("15T09:00", "15T12:00"))
    assert (before.zone.key, after.zone.key) == ("Asia/Jakarta", "Asia/Makassar")
    aware = {"start": "2025-07-15T18:30+07:00", "end": "2025-07-15T19:00+07:00", "location": "home"}
    late = policy.decide(moved, aware)  # 19:30-20:00 in Makassar: inside the window
    assert late.allowed and f"{late.start:%H:%M}" == "19:30"
    with_dict = {**CLERK, "changes": [("2025-07-15", {"timezone": "Asia/Makassar"})]}
    assert policy.decide(with_dict, shift("15T09:00", "15T12:00")).zone.key == "Asia/Makassar"


def test_an_object_with_changes(policy: flexrules.Policy) -> None:
    """Any object with attributes may carry `changes` (read as `job_type` and so on)."""

    class Pegawai:
        id = "E-4"
        role = "analyst"
        job_type = "finance"
        performance = "good"
        position_start = "2020-01-01"
        on_probation = False
        under_sanction = False
        changes = (("2025-07-15", {"under sanction": True}),)

    assert policy.decide(Pegawai(), shift("14T09:00", "14T12:00")).allowed
    denied = policy.decide(Pegawai(), shift("15T09:00", "15T12:00"))
    assert outcome(denied) == (False, [("R3", "15 09:00")])
    assert denied.employee_id == "E-4"
