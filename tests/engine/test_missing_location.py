"""A shift without a location (a mapping without the key, a table without the column) is an
`InputError` that says so in both languages, never `<object object at ...> is not a location`."""

from __future__ import annotations

from pathlib import Path

import pytest

import flexrules
from flexrules.core.errors import InputError

POLICY = Path(__file__).resolve().parents[2] / "examples" / "disdukcapil.rules"
SARI = {"id": "E-042", "role": "service desk", "performance": "good"}


@pytest.fixture(scope="module")
def policy() -> flexrules.Policy:
    return flexrules.load_policy(POLICY)


@pytest.mark.parametrize("location", ["absent", None])
def test_a_shift_without_a_location_is_named_as_such(
    policy: flexrules.Policy, location: str | None
) -> None:
    shift = {"start": "2025-07-07T08:00", "end": "2025-07-07T16:00"}
    if location is None:
        shift["location"] = None  # type: ignore[assignment]
    with pytest.raises(InputError) as raised:
        policy.decide(SARI, shift)
    error = raised.value
    assert (error.field, error.code) == ("location", "input.location.missing")
    assert str(error) == "location: the shift has no location; use office, home or anywhere"
    assert error.message_for("id") == (
        "location: sif tidak mencantumkan lokasi; gunakan office, home atau anywhere"
    )


def test_a_shifts_table_without_a_location_column_says_so(policy: flexrules.Policy) -> None:
    pa = pytest.importorskip("pyarrow")
    employees = pa.table({"id": ["E-042"], "role": ["service desk"], "performance": ["good"]})
    shifts = pa.table(
        {"employee": ["E-042"], "start": ["2025-07-07T08:00"], "end": ["2025-07-07T16:00"]}
    )
    with pytest.raises(InputError, match="the shift has no location") as raised:
        policy.check_table(employees, shifts)
    assert "object at" not in str(raised.value)
