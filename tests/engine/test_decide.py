"""Named cases for deciding one shift: every rule form, TIME form, fact type and input error."""

from __future__ import annotations

import datetime as dt
import pickle
import threading
from typing import Any

import pytest

import flexrules
from flexrules import Employee, InputError, Shift

POLICY = """
policy "Edge cases" version "1" timezone WIB.

employees have:
  role: text,
  job type: one of "administration", "finance", "technical",
  performance: ranked "poor" < "good" < "very good",
  grade: number,
  unit: text,
  position start: date,
  on probation: yes or no,
  on leave: yes or no.

shifts have:
  approved: yes or no,
  purpose: one of "field visit", "training", "desk".

working days: Monday to Friday.
holidays: Indonesia, 2025-06-09.

hours counter hours: Monday to Thursday 08:00 to 15:00, Friday 08:00 to 11:30, except holidays.
hours night: every day 22:00 to 06:00.
dates closure: 2025-12-29 to 2025-12-31.

group counter staff: employees whose role is "counter".
group desk staff: employees whose job type is one of "administration", "finance".
group eligible: desk staff or employees whose grade is at least 9 and who are not on probation.

rule C1 "Counter on site": counter staff must be on-site during counter hours.
rule C2: eligible may work remotely on working days if their performance is at least "good".
rule C3 "New staff" citing "PermenPANRB 4/2025 Pasal 25":
  employees whose position start is less than 6 months ago must be on-site.
rule C4: employees may work from home between 22:00 and 06:00 if the shift is approved.
rule C5: employees must not work anywhere on weekends.
rule C6: employees may be on-site.
rule C7 "Closure" overrides C1: employees may work from home during closure.
rule C8: employees may work anywhere from 2026-01-01 to 2026-01-31
  if the shift's purpose is "field visit" and not (their grade is less than 3 or they are on leave).
rule C9: employees must work within night outside night on holidays unless their unit is "ops".
"""

BASE: dict[str, Any] = {
    "id": "E-1",
    "name": "Ayu",
    "role": "analyst",
    "job_type": "finance",
    "performance": "good",
    "grade": 7,
    "unit": "hq",
    "position_start": "2020-01-01",
    "on_probation": False,
    "on_leave": False,
}


@pytest.fixture(scope="module")
def policy() -> flexrules.Policy:
    return flexrules.compile_policy(POLICY, filename="edge.rules")


def decide(policy: flexrules.Policy, start: str, end: str, location: str, **facts: Any) -> Any:
    shift_facts = {k: facts.pop(k) for k in ("approved", "purpose") if k in facts}
    employee = {**BASE, **facts}
    shift = {"start": start, "end": end, "location": location, **shift_facts}
    return policy.decide(employee, shift)


def outcome(decision: Any) -> tuple[bool, list[tuple[str | None, str, str]]]:
    return decision.allowed, [
        (r.rule, r.start.strftime("%H:%M"), r.end.strftime("%H:%M")) for r in decision.reasons
    ]


def test_may_permits_remote_work_for_a_group_member(policy: flexrules.Policy) -> None:
    """A union group member with a good rating may work remotely on a working day."""
    d = decide(policy, "2025-07-07T08:00", "2025-07-07T16:00", "home")
    assert outcome(d) == (True, [("C2", "08:00", "16:00")])


def test_ranked_comparison_below_threshold_falls_to_default(policy: flexrules.Policy) -> None:
    """`at least "good"` on a ranked attribute is false for "poor": the default denies."""
    d = decide(policy, "2025-07-07T08:00", "2025-07-07T16:00", "home", performance="poor")
    assert outcome(d) == (False, [(None, "08:00", "16:00")])
    assert d.reasons[0].message == "no rule permits working from home (default deny)"


def test_group_refinement_with_not(policy: flexrules.Policy) -> None:
    """`who are not on probation` inside a union: grade 9 on probation is not eligible."""
    technical = {"job_type": "technical", "grade": 9}
    allowed = decide(policy, "2025-07-07T08:00", "2025-07-07T12:00", "home", **technical)
    assert allowed.allowed
    denied = decide(
        policy, "2025-07-07T08:00", "2025-07-07T12:00", "home", **technical, on_probation=True
    )
    assert not denied.allowed


def test_must_denies_off_site_during_hours_and_permits_on_site(policy: flexrules.Policy) -> None:
    """A `must be on-site during HOURS` rule denies a remote piece and permits an on-site one."""
    d = decide(policy, "2025-07-04T10:00", "2025-07-04T13:00", "home", role="counter")
    assert outcome(d) == (False, [("C1", "10:00", "11:30")])
    on_site = decide(policy, "2025-07-04T10:00", "2025-07-04T13:00", "office", role="counter")
    assert outcome(on_site) == (
        True,
        [("C1", "10:00", "11:30"), ("C6", "10:00", "11:30"), ("C6", "11:30", "13:00")],
    )


def test_except_holidays_removes_service_hours(policy: flexrules.Policy) -> None:
    """On a declared agency holiday the counter hours do not hold, so C1 does not apply."""
    d = decide(
        policy,
        "2025-06-09T09:00",
        "2025-06-09T10:00",
        "home",
        role="counter",
        performance="poor",
        unit="ops",
    )
    assert outcome(d) == (False, [(None, "09:00", "10:00")])


def test_relative_date_uses_the_local_day_of_the_piece(policy: flexrules.Policy) -> None:
    """`less than 6 months ago`: 2025-01-08 is new on 2025-07-07 but not on 2025-07-08."""
    new = decide(
        policy,
        "2025-07-07T22:00",
        "2025-07-08T02:00",
        "home",
        approved=True,
        position_start="2025-01-08",
    )
    assert outcome(new) == (False, [("C3", "22:00", "00:00")])
    d2 = decide(
        policy,
        "2025-07-08T00:00",
        "2025-07-08T02:00",
        "home",
        approved=True,
        position_start="2025-01-08",
    )
    assert d2.allowed


def test_month_end_is_clamped(policy: flexrules.Policy) -> None:
    """On 2025-08-31, six months before is 2025-02-28: a start on 2025-03-01 is still new."""
    d = decide(
        policy,
        "2025-08-31T22:00",
        "2025-08-31T23:00",
        "home",
        approved=True,
        position_start="2025-03-01",
    )
    assert [r.rule for r in d.reasons] == ["C3"]
    d2 = decide(
        policy,
        "2025-08-31T22:00",
        "2025-08-31T23:00",
        "home",
        approved=True,
        position_start="2025-02-28",
    )
    assert d2.allowed


def test_between_past_midnight_and_shift_condition(policy: flexrules.Policy) -> None:
    """`between 22:00 and 06:00` runs past midnight; `if the shift is approved` gates it."""
    d = decide(policy, "2025-07-05T21:00", "2025-07-06T02:00", "home", approved=True)
    assert outcome(d) == (False, [(None, "21:00", "22:00")])
    pieces = [(s.strftime("%d %H:%M"), e.strftime("%d %H:%M"), ok) for s, e, ok, _ in d.pieces()]
    assert pieces == [("05 21:00", "05 22:00", False), ("05 22:00", "06 02:00", True)]
    unapproved = decide(policy, "2025-07-05T22:00", "2025-07-06T02:00", "home", approved=False)
    assert not unapproved.allowed


def test_must_not_on_weekends(policy: flexrules.Policy) -> None:
    """`must not work anywhere on weekends` denies anywhere on Saturday, not home."""
    d = decide(policy, "2025-07-05T09:00", "2025-07-05T10:00", "anywhere")
    assert outcome(d) == (False, [("C5", "09:00", "10:00")])


def test_override_sets_a_rule_aside(policy: flexrules.Policy) -> None:
    """During the closure C7 applies and sets C1 aside, so counter staff may work from home."""
    d = decide(
        policy, "2025-12-29T09:00", "2025-12-29T12:00", "home", role="counter", performance="poor"
    )
    assert outcome(d) == (True, [("C7", "09:00", "12:00")])


def test_date_window_and_nested_condition(policy: flexrules.Policy) -> None:
    """`from D to D` with `the shift's` and `not (... or ...)`: each part can block C8."""
    args = ("2026-01-10T09:00", "2026-01-10T10:00", "anywhere")
    assert decide(
        policy,
        "2026-01-12T09:00",
        "2026-01-12T10:00",
        "anywhere",
        purpose="field visit",
        performance="poor",
    ).allowed
    assert not decide(policy, *args, purpose="field visit")  # a Saturday: C5 denies
    assert not decide(
        policy,
        "2026-02-02T09:00",
        "2026-02-02T10:00",
        "anywhere",
        purpose="field visit",
        performance="poor",
    ).allowed
    assert not decide(
        policy,
        "2026-01-12T09:00",
        "2026-01-12T10:00",
        "anywhere",
        purpose="field visit",
        performance="poor",
        on_leave=True,
    ).allowed
    assert not decide(
        policy,
        "2026-01-12T09:00",
        "2026-01-12T10:00",
        "anywhere",
        purpose="desk",
        performance="poor",
    ).allowed


def test_within_denies_outside_its_hours_with_unless(policy: flexrules.Policy) -> None:
    """`must work within night ... on holidays unless ...`: day work on a holiday is denied."""
    holiday = decide(policy, "2025-08-17T09:00", "2025-08-17T10:00", "office")
    assert outcome(holiday) == (False, [("C9", "09:00", "10:00")])
    ops = decide(policy, "2025-08-17T09:00", "2025-08-17T10:00", "office", unit="ops")
    assert ops.allowed


def test_unknown_fact_fails_closed_and_is_named(policy: flexrules.Policy) -> None:
    """A missing role makes C1 possibly applicable: it denies remote work and says why."""
    d = decide(policy, "2025-07-07T09:00", "2025-07-07T10:00", "home", role=None)
    assert outcome(d) == (False, [("C1", "09:00", "10:00")])
    assert "role is missing" in d.reasons[0].message


def test_unknown_fact_never_permits(policy: flexrules.Policy) -> None:
    """An ill-typed grade cannot make a technical employee eligible."""
    d = decide(
        policy, "2025-07-07T09:00", "2025-07-07T10:00", "home", job_type="technical", grade="9"
    )
    assert not d.allowed


@pytest.mark.parametrize(
    ("facts", "allowed"),
    [
        ({"grade": 9.0, "job_type": "technical"}, True),
        ({"grade": True, "job_type": "technical"}, False),  # a bool is not a number
        ({"on_probation": "no", "job_type": "technical", "grade": 9}, False),  # yes/no is bool
        ({"performance": "Good"}, False),  # ranked values compare exactly
        ({"job_type": "Finance"}, False),  # one of: outside the set is unknown
        ({"job type": "finance", "job_type": "technical"}, True),  # the declared spelling first
    ],
)
def test_fact_types(policy: flexrules.Policy, facts: dict[str, Any], allowed: bool) -> None:
    """Fact values are typed strictly: ill-typed values are unknown, never coerced."""
    d = decide(policy, "2025-07-07T09:00", "2025-07-07T10:00", "home", **facts)
    assert d.allowed is allowed


def test_date_fact_forms(policy: flexrules.Policy) -> None:
    """A date fact is a `date` or YYYY-MM-DD text; a datetime or other text is unknown."""
    d = dt.date(2025, 6, 1)
    assert [
        r.rule
        for r in decide(
            policy, "2025-07-07T08:00", "2025-07-07T09:00", "home", position_start=d
        ).reasons
    ] == ["C3"]
    for bad in (dt.datetime(2020, 1, 1), "20200101", "2020-02-30"):
        assert not decide(
            policy, "2025-07-07T08:00", "2025-07-07T09:00", "home", position_start=bad
        ).allowed


def test_employee_timezone_moves_the_local_clock(policy: flexrules.Policy) -> None:
    """An aware 01:00 UTC shift is 08:00-09:00 in WIT for a WIT employee: counter hours."""
    employee = Employee("E-9", {**BASE, "role": "counter"}, timezone="WIT")
    shift = Shift("2025-07-07T00:00:00+00:00", "2025-07-07T00:30:00Z", "home")
    d = policy.decide(employee, shift)
    assert d.allowed is False
    assert d.reasons[0].rule == "C1"
    assert d.start.isoformat() == "2025-07-07T09:00:00+09:00"


def test_objects_with_attributes_are_facts(policy: flexrules.Policy) -> None:
    """Any object with attributes works; `job type` is read as `job_type`."""

    class Person:
        id = "E-5"
        role = "analyst"
        job_type = "administration"
        performance = "very good"
        grade = 3
        position_start = dt.date(2019, 1, 1)
        on_probation = False

    class Work:
        start = dt.datetime(2025, 7, 7, 9)
        end = dt.datetime(2025, 7, 7, 11)
        location = "anywhere"

    assert policy.decide(Person(), Work()).allowed


def test_midnight_cuts_pieces_and_24_00(policy: flexrules.Policy) -> None:
    """`T24:00` is the next midnight; a shift may last exactly 24 hours."""
    d = decide(policy, "2025-07-07T00:00", "2025-07-07T24:00", "office")
    assert d.end.isoformat() == "2025-07-08T00:00:00+07:00"


class _BadHash:
    """A value whose hash fails with something other than TypeError."""

    def __hash__(self) -> int:
        raise ValueError("no hash")


@pytest.mark.parametrize(
    ("shift", "field"),
    [
        ({"start": "2025-07-07T10:00", "end": "2025-07-07T09:00", "location": "home"}, "end"),
        ({"start": "2025-07-07T10:00", "end": "2025-07-08T10:01", "location": "home"}, "end"),
        ({"start": "2025-07-07T10:00", "end": "2025-07-07T11:00", "location": "beach"}, "location"),
        ({"start": "yesterday", "end": "2025-07-07T11:00", "location": "home"}, "start"),
        ({"start": "2025-07-07", "end": "2025-07-07T11:00", "location": "home"}, "start"),
        ({"start": "2025-07-07T10:00", "end": "2025-13-07T11:00", "location": "home"}, "end"),
        ({"end": "2025-07-07T11:00", "location": "home"}, "start"),
        (
            {"start": "2025-07-07T10:00", "end": "2025-07-07T11:00", "location": ["home"]},
            "location",
        ),
        ({"start": ["2025-07-07T10:00"], "end": "2025-07-07T11:00", "location": "home"}, "start"),
        ({"start": "2025-07-07T10:00", "end": {"at": "11:00"}, "location": "home"}, "end"),
        (
            {"start": "2025-07-07T10:00", "end": "2025-07-07T11:00", "location": _BadHash()},
            "location",
        ),
        ({"start": _BadHash(), "end": "2025-07-07T11:00", "location": "home"}, "start"),
        # days whose plans would need a date before 0001-01-01 or after 9999-12-31
        ({"start": "0001-01-02T09:00", "end": "0001-01-02T10:00", "location": "home"}, "start"),
        ({"start": "9999-12-31T09:00", "end": "9999-12-31T10:00", "location": "home"}, "start"),
        ({"start": "9999-12-30T20:00", "end": "9999-12-31T00:01", "location": "home"}, "end"),
        ({"start": "9999-12-31T20:00", "end": "9999-12-31T24:00", "location": "home"}, "end"),
        ({"start": "9999-12-31T10:00", "end": "9999-12-31T10:00", "location": "home"}, "end"),
        (
            {
                "start": dt.datetime(9999, 12, 31, 23, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
                "end": dt.datetime(
                    9999, 12, 31, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))
                ),
                "location": "home",
            },
            "start",
        ),
    ],
)
def test_malformed_shifts_raise_input_error(
    policy: flexrules.Policy, shift: dict[str, Any], field: str
) -> None:
    """A shift that cannot be used raises InputError naming the field, never a decision;
    unhashable values and days at the ends of the calendar too, alone or in a batch."""
    with pytest.raises(InputError) as raised:
        policy.decide(BASE, shift)
    assert raised.value.field == field
    assert isinstance(raised.value, ValueError)
    with pytest.raises(InputError) as in_bulk:
        policy.decide_many([(BASE, shift)])
    assert in_bulk.value.field == field


class _TextWithoutHash(str):
    """Text whose hash fails with something other than TypeError."""

    def __hash__(self) -> int:
        raise RuntimeError("no hash")


@pytest.mark.parametrize("relative_dates", [True, False])
def test_a_fact_whose_hash_fails_is_decided_without_being_remembered(relative_dates: bool) -> None:
    """Such a value cannot key a memory; it is typed as its plain text would be, whether or not
    a rule depends on the day (C3, `less than 6 months ago`)."""
    text = (
        POLICY if relative_dates else POLICY.replace("less than 6 months ago", "after 2025-01-01")
    )
    policy = flexrules.compile_policy(text, filename="edge.rules")
    shift = {"start": "2025-07-07T14:00", "end": "2025-07-07T16:00", "location": "home"}
    for role in ("counter", "analyst"):
        plain = policy.decide({**BASE, "role": role}, shift)
        odd = policy.decide({**BASE, "role": _TextWithoutHash(role)}, shift)
        assert (odd.allowed, odd.runs, [r.rule for r in odd.reasons]) == (
            plain.allowed,
            plain.runs,
            [r.rule for r in plain.reasons],
        )


def test_unknown_employee_timezone_is_an_input_error(policy: flexrules.Policy) -> None:
    """An employee time zone that does not exist is an InputError on `timezone`."""
    with pytest.raises(InputError) as raised:
        policy.decide(
            {**BASE, "timezone": "Mars/Base"},
            {"start": "2025-07-07T10:00", "end": "2025-07-07T11:00", "location": "home"},
        )
    assert raised.value.field == "timezone"


def test_default_allow() -> None:
    """With `default allow`, a piece no rule decides is allowed, with the default as reason."""
    p = flexrules.compile_policy('policy "open" default allow.\nrule A: employees may be on-site.')
    d = p.decide(
        {"id": "x"}, {"start": "2025-07-07T10:00", "end": "2025-07-07T11:00", "location": "home"}
    )
    assert d.allowed and d.reasons[0].rule is None and d.reasons[0].effect == "allow"


def test_reason_fields_and_to_dict(policy: flexrules.Policy) -> None:
    """Reasons carry title, citation, source and facts; to_dict has the policy fingerprint."""
    d = decide(policy, "2025-07-07T09:00", "2025-07-07T10:00", "home", position_start="2025-06-01")
    reason = d.reasons[0]
    assert (reason.rule, reason.title, reason.citation) == (
        "C3",
        "New staff",
        "PermenPANRB 4/2025 Pasal 25",
    )
    assert (reason.source.file, reason.source.line) == ("edge.rules", 31)
    assert reason.facts == {"position start": dt.date(2025, 6, 1)}
    data = d.to_dict()
    assert data["policy"]["fingerprint"] == policy.fingerprint
    assert data["reasons"][0]["rule"] == "C3"
    assert data["shift"]["timezone"] == "Asia/Jakarta"


def test_policy_pickles_and_decides_the_same(policy: flexrules.Policy) -> None:
    """A pickled policy loads back with the same fingerprint and decisions."""
    again = pickle.loads(pickle.dumps(policy))
    assert again.fingerprint == policy.fingerprint
    args = ("2025-07-07T09:00", "2025-07-07T10:00", "home")
    assert outcome(decide(again, *args)) == outcome(decide(policy, *args))


def test_policy_is_immutable(policy: flexrules.Policy) -> None:
    """A compiled policy refuses attribute changes."""
    with pytest.raises(AttributeError):
        policy.name = "other"  # type: ignore[misc]


def test_threads_share_a_policy(policy: flexrules.Policy) -> None:
    """Deciding from several threads at once gives the same answers as one thread."""
    days = [f"2025-{m:02d}-{d:02d}" for m in (1, 6, 8, 12) for d in range(1, 29)]
    expected = [decide(policy, f"{day}T07:00", f"{day}T16:00", "home").allowed for day in days]
    results: list[list[bool]] = []

    def work() -> None:
        results.append(
            [decide(policy, f"{day}T07:00", f"{day}T16:00", "home").allowed for day in days]
        )

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4


def test_explanation_keeps_the_facts_of_its_time(policy: flexrules.Policy) -> None:
    """Changing the employee dict after deciding changes neither explain() nor to_dict()."""
    employee = {**BASE, "role": None}
    d = policy.decide(
        employee, {"start": "2025-07-07T09:00", "end": "2025-07-07T10:00", "location": "home"}
    )
    before = (d.explain(), d.to_dict())
    employee.update(role="counter", name="Changed", performance="poor")
    assert (d.explain(), d.to_dict()) == before
    assert "role is missing" in before[0]
    assert "Ayu" in before[0]


def test_decide_many_reads_a_refilled_dict_afresh(policy: flexrules.Policy) -> None:
    """One dict refilled between pairs is decided as it was at its turn."""
    shift = {"start": "2025-07-09T09:00", "end": "2025-07-09T10:00", "location": "home"}
    people = [{**BASE, "performance": p} for p in ("good", "poor", "very good", "poor")]
    expected = [policy.decide(p, shift).allowed for p in people]
    holder: dict[str, Any] = {}

    def refilled() -> Any:
        for person in people:
            holder.clear()
            holder.update(person)
            yield holder, shift

    assert (
        [d.allowed for d in policy.decide_many(refilled())]
        == expected
        == [True, False, True, False]
    )


def test_fractions_of_a_second_are_dropped(policy: flexrules.Policy) -> None:
    """As docs/semantics.md says: 08:00:00.5 to 09:00:00.9 is 08:00-09:00, and a shift within
    one second (08:00:00.5 to 08:00:00.9) does not end after it starts (it was made to last a
    whole second before)."""
    d = decide(policy, "2025-07-07T08:00:00.5", "2025-07-07T09:00:00.9", "office")
    assert (f"{d.start:%H:%M:%S}", f"{d.end:%H:%M:%S}") == ("08:00:00", "09:00:00")
    with pytest.raises(flexrules.InputError, match="end must be after its start"):
        decide(policy, "2025-07-07T08:00:00.5", "2025-07-07T08:00:00.9", "office")


def test_a_duty_longer_than_a_day_is_two_shifts(policy: flexrules.Policy) -> None:
    """25 hours is refused with the way to write it; as two shifts that meet, it decides."""
    with pytest.raises(flexrules.InputError, match="as two shifts, the second starting"):
        decide(policy, "2025-07-07T07:00", "2025-07-08T08:00", "office")
    first = decide(policy, "2025-07-07T07:00", "2025-07-08T07:00", "office")
    second = decide(policy, "2025-07-08T07:00", "2025-07-08T08:00", "office")
    assert first.end == second.start


def test_an_or_group_explains_by_the_alternative_that_held() -> None:
    """issue 12: a denial by a group joined with `or` names the fact of the alternative that
    matched (new in post), not the false ones (sanction, discipline), and says what the
    relative date came to."""
    from pathlib import Path

    policy = flexrules.load_policy(
        Path(__file__).resolve().parents[2] / "examples" / "provincial-office.rules"
    )
    clerk = {
        "id": "P-2",
        "role": "clerk",
        "job type": "administration",
        "unit": "umum",
        "performance": "good",
        "grade": 9,
        "position start": "2025-03-01",
        "under sanction": False,
        "facing discipline": False,
        "in special circumstances": False,
    }
    shift = {
        "start": "2025-07-08T08:00",
        "end": "2025-07-08T12:00",
        "location": "home",
        "approved": True,
        "purpose": "desk work",
    }
    text = policy.decide(clerk, shift).explain()
    assert (
        "because position start is 2025-03-01: less than 12 months ago (after 2024-07-08, "
        '12 months before 2025-07-08); purpose is "desk work"'
    ) in text
    assert "under sanction" not in text and "facing discipline" not in text
