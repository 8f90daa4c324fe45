"""Hostile and odd input to the library (issue 13): every failure is a named error, work is
bounded by the input, reports are records, and text from input never acts on a terminal.
The CLI's and the policy text's own cases are in tests/cli and tests/language."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

import flexrules

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "disdukcapil.rules"
POLICY = flexrules.load_policy(EXAMPLE)
HOME = {"start": "2025-07-07T09:00", "end": "2025-07-07T12:00", "location": "home"}
TECHNICAL = {
    "id": "E-9",
    "role": "engineer",
    "job type": "technical",
    "performance": "good",
    "grade": 12,
    "position start": "2020-01-01",
    "on probation": False,
    "under sanction": False,
    "in special circumstances": False,
}


class Unhashable(str):
    """A str whose hash raises."""

    def __hash__(self) -> int:
        raise RuntimeError("no hash today")


def test_a_huge_number_is_shown_by_its_size() -> None:
    """An int of 5,000 digits decides, and explain() and JSON say its size (Python refuses
    to print ints of more than 4,300 digits)."""
    decision = POLICY.decide({**TECHNICAL, "grade": 10**5000}, {**HOME, "approved": True})
    assert decision.allowed and [r.rule for r in decision.reasons] == ["R6"]
    assert "grade is a number of about 5,000 digits" in decision.explain()
    document = json.dumps(decision.to_dict())
    assert "a number of about 5,000 digits" in document


@pytest.mark.parametrize("value", [Unhashable("home"), Unhashable("x")])
def test_a_location_whose_hash_fails_is_an_input_error(value: str) -> None:
    with pytest.raises(flexrules.InputError) as caught:
        POLICY.decide(TECHNICAL, {**HOME, "location": value})
    assert caught.value.field == "location"


def test_a_fact_whose_hash_fails_is_unknown() -> None:
    """A declared value whose hash fails is not a declared value: unknown, failing closed."""
    decision = POLICY.decide({**TECHNICAL, "performance": Unhashable("good")}, HOME)
    assert decision.explain()
    employee = {**TECHNICAL, "job type": Unhashable("technical")}
    assert not POLICY.decide(employee, {**HOME, "approved": True}).allowed


def test_no_employee_is_an_input_error() -> None:
    """decide(None, shift) names the employee, rather than deciding for nobody."""
    with pytest.raises(flexrules.InputError, match="no employee given") as caught:
        POLICY.decide(None, HOME)
    assert caught.value.field == "employee"


def test_attributes_none_means_none_and_anything_else_is_a_type_error() -> None:
    assert not POLICY.decide(flexrules.Employee("E", attributes=None), HOME).allowed  # type: ignore[arg-type]
    shift = flexrules.Shift(HOME["start"], HOME["end"], "home", attributes=None)  # type: ignore[arg-type]
    assert POLICY.decide(TECHNICAL, shift).reasons
    with pytest.raises(TypeError, match="attributes is a mapping"):
        flexrules.Employee("E", attributes=["grade"])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("headcount", "shown"),
    [
        ({"finance": "abc"}, "'abc'"),
        ({"finance": float("nan")}, "nan"),
        ({"finance": -1}, "-1"),
        ({"finance": True}, "True"),
    ],
)
def test_a_headcount_that_is_not_a_whole_number_is_an_input_error(
    headcount: dict[str, Any], shown: str
) -> None:
    with pytest.raises(
        flexrules.InputError, match=f'"finance" must be a whole number, not {shown}'
    ):
        POLICY.check_roster([(TECHNICAL, [HOME])], headcount=headcount)


@pytest.mark.parametrize(
    "end", ["2025-07-07T24:00:01", "2025-07-07T24:01", "2025-07-07T24:00:00.5"]
)
def test_only_24_00_means_the_next_midnight(end: str) -> None:
    """`T24:00` (or `T24:00:00`) is the next midnight; any later time on 24 is refused."""
    with pytest.raises(flexrules.InputError) as caught:
        POLICY.decide(TECHNICAL, {**HOME, "start": "2025-07-07T20:00", "end": end})
    assert caught.value.field == "end"
    for good in ("2025-07-07T24:00", "2025-07-07T24:00:00", "2025-07-07T24:00+07:00"):
        decision = POLICY.decide(TECHNICAL, {**HOME, "start": "2025-07-07T20:00", "end": good})
        assert decision.end.isoformat().startswith("2025-07-08T00:00")


def test_periods_are_bounded_and_the_bound_can_be_raised() -> None:
    """A thousand years of no shifts took 20 s: a period longer than 731 days is an
    `InputError` at once; `max_period_days` raises the bound."""
    started = time.perf_counter()
    with pytest.raises(flexrules.InputError, match="checks at most 731 days") as caught:
        POLICY.check(TECHNICAL, [], period=("1000-01-01", "2000-01-01"))
    assert caught.value.field == "period"
    with pytest.raises(flexrules.InputError, match="roster's shifts span"):
        far = {**HOME, "start": "2030-07-07T09:00", "end": "2030-07-07T12:00"}
        POLICY.check_roster([(TECHNICAL, [HOME, far])])
    assert time.perf_counter() - started < 5  # refused before any day is looked at
    three_years = POLICY.check(
        TECHNICAL, [], period=("2024-01-01", "2026-12-31"), max_period_days=1200
    )
    assert three_years.violations  # the weekly hour minimums of 156 weeks, checked


def test_a_report_is_a_record() -> None:
    """Changing a blamed shift after `check` changes neither the report's JSON nor its text."""
    employee = {**TECHNICAL, "job type": "finance"}
    shifts = [
        {"start": f"2025-07-{day:02d}T08:00", "end": f"2025-07-{day:02d}T16:00", "location": "home"}
        for day in (7, 8, 9)
    ]
    report = POLICY.check(employee, shifts)
    before, text = json.dumps(report.to_dict()), report.explain()
    for shift in shifts:
        shift["start"], shift["location"] = "1999-01-01T00:00", "office"
    assert json.dumps(report.to_dict()) == before and report.explain() == text
    assert any(v.rule == "R8" and v.shift_records for v in report.violations)


def test_ids_and_names_with_escape_codes_are_shown_escaped() -> None:
    """An id or a value holding ANSI escape codes or bidi controls is printed escaped."""
    employee = {**TECHNICAL, "id": "E\x1b[31m-1", "name": "Ani\u202e", "role": "x\x1b[0m"}
    text = POLICY.decide(employee, HOME).explain()
    assert "\x1b" not in text and "\u202e" not in text
    assert "E\\x1b[31m-1 Ani\\u202e" in text


@pytest.mark.parametrize(
    "name",
    [
        "a'); open('PWNED', 'w'); ('",
        'a"); __import__("os").system("touch PWNED"); ("',
        "a\\\\'); open('PWNED','w') #",
        "__class__.__mro__",
    ],
)
def test_policy_text_never_runs_as_code(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An attribute name in backquotes may hold quotes, brackets and Python: it reaches the
    generated fact readers only through `repr`, so nothing runs, and it is read as a key."""
    monkeypatch.chdir(tmp_path)
    policy = flexrules.compile_policy(
        f'policy "p".\nemployees have: `{name}`: yes or no.\n'
        f"rule R1: employees who are `{name}` may work from home.\n"
    )
    assert policy.decide({"id": "E", name: True}, HOME).allowed
    assert not policy.decide({"id": "E", name: "yes"}, HOME).allowed
    assert list(tmp_path.iterdir()) == []
