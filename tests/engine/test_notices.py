"""Warnings on decisions (SETTLED.md, "Input values"): an undeclared key close to a declared
name the input lacks is a warning with a did-you-mean (`strict=True`: an `InputError`); other
undeclared keys are ignored silently and never change a decision."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

import pytest

import flexrules

POLICY = flexrules.load_policy(
    Path(__file__).resolve().parents[2] / "examples" / "disdukcapil.rules"
)
BUDI = {
    "id": "E-7",
    "role": "staff",
    "job type": "finance",
    "performance": "very good",
    "position start": "2020-01-01",
    "on probation": False,
    "under sanction": False,
    "in special circumstances": False,
}
WFH = {"start": "2025-07-09T08:00", "end": "2025-07-09T16:00", "location": "home"}


def _codes(decision: flexrules.Decision) -> list[tuple[str, str | None, str | None]]:
    return [(w.code, w.field, w.suggestion) for w in decision.warnings]


@pytest.mark.parametrize("wrap", [dict, MappingProxyType], ids=["dict", "mapping"])
def test_a_misspelled_key_is_a_warning_and_changes_nothing(wrap: type) -> None:
    employee = {k: v for k, v in BUDI.items() if k != "on probation"} | {"on probaton": False}
    decision = POLICY.decide(wrap(employee), {**WFH, "aproved": True})
    assert _codes(decision) == [
        ("unknown-fact-name", "on probaton", "on probation"),
        ("unknown-fact-name", "aproved", "approved"),
    ]
    unknown = POLICY.decide({k: v for k, v in BUDI.items() if k != "on probation"}, WFH)
    assert (decision.allowed, [r.rule for r in decision.reasons]) == (
        unknown.allowed,
        [r.rule for r in unknown.reasons],
    )
    assert decision.to_dict()["warnings"][0]["code"] == "unknown-fact-name"


def test_objects_of_the_api_are_read_the_same_way() -> None:
    attributes = {k: v for k, v in BUDI.items() if k not in ("id", "performance")}
    employee = flexrules.Employee("E-7", {**attributes, "perfomance": "good"})
    assert _codes(POLICY.decide(employee, WFH)) == [
        ("unknown-fact-name", "perfomance", "performance")
    ]


def test_other_undeclared_keys_are_silent() -> None:
    """A whole HR record: far-off keys never warn, nor a close key when the declared one is
    given."""
    record = {**BUDI, "nip": "198501012010011001", "department": "finance", "rol": "x"}
    assert POLICY.decide(record, WFH).warnings == ()
    assert POLICY.decide(BUDI, {**WFH, "approved": True, "aproved": True}).warnings == ()


def test_strict_makes_a_misspelled_key_an_input_error() -> None:
    with pytest.raises(flexrules.InputError, match="did you mean `approved`") as caught:
        POLICY.decide(BUDI, {**WFH, "aproved": True}, strict=True)
    assert caught.value.field == "aproved"
    assert POLICY.decide(BUDI, {**WFH, "approved": True}, strict=True).allowed
