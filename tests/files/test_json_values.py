"""One typing of input values: JSON values are values, never re-interpreted (as the API never
re-interprets them); CSV text cells are read by the one table, `ValueType.from_text`."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flexrules import InputError, compile_policy
from flexrules.engine.facts import UNKNOWN
from flexrules.engine.values import value_type
from flexrules.files import TableError, read_employees, read_requests, read_shifts
from flexrules.files.cells import BadCell, type_value

POLICY = compile_policy(
    """
policy "values" timezone Asia/Jakarta.
employees have:
  role: text,
  performance: ranked "kurang" < "cukup" < "baik",
  job type: one of "finance", "administration",
  grade: number,
  position start: date,
  on probation: yes or no.
shifts have: approved: yes or no.
rule R1: employees whose performance is at least "baik" and who are not on probation
  may work from home.
""",
    filename="values.rules",
)
ATTRIBUTES = {a.name: a for a in POLICY.attributes}


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def refused(call: Any, *args: Any) -> TableError:
    with pytest.raises(TableError) as caught:
        call(*args)
    return caught.value


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        (
            "performance",
            "Baik",
            '"Baik" is not one of "kurang", "cukup", "baik" (values are compared exactly); '
            'did you mean "baik"?',
        ),
        (
            "job type",
            "FINANCE",
            '"FINANCE" is not one of "finance", "administration" (values are compared '
            'exactly); did you mean "finance"?',
        ),
        ("on probation", "no", '"no" is text, not yes or no; in JSON write false'),
        ("on probation", "Yes", '"Yes" is text, not yes or no; in JSON write true'),
        ("on probation", 0, "0 is a number, not yes or no"),
        ("grade", "9", '"9" is text, not a number; in JSON write 9'),
        ("grade", "", '"" is text, not a number'),
        ("grade", True, "true is yes or no, not a number"),
        ("role", 7, "7 is a number, not text"),
        ("role", ["desk"], "['desk'] is not text"),
        (
            "position start",
            "01/07/2025",
            '"01/07/2025" is text, not a date such as 2025-07-01; in JSON write "2025-07-01"',
        ),
        (
            "position start",
            " 2025-07-01",
            '" 2025-07-01" is text, not a date such as 2025-07-01; in JSON write "2025-07-01"',
        ),
    ],
)
def test_json_values_are_not_re_interpreted(
    tmp_path: Path, key: str, value: Any, message: str
) -> None:
    """A JSON value that the API would not read as its declared type is refused, naming the
    file, item and key, with the JSON to write where the text would read as a CSV cell."""
    path = write(tmp_path, "employees.json", json.dumps([{"id": "E-1", key: value}]))
    error = refused(read_employees, path, POLICY)
    assert str(error) == f"`{path}`, item 1, key `{key}`: {message}"


def test_json_values_of_their_type_are_kept_as_given(tmp_path: Path) -> None:
    """What the API reads is kept exactly: 9.5 stays a float, text keeps its spaces."""
    document = [
        {
            "id": "E-1",
            "role": " desk ",
            "performance": "baik",
            "grade": 9.5,
            "position start": "2025-07-01",
            "on probation": False,
        }
    ]
    path = write(tmp_path, "employees.json", json.dumps(document))
    assert read_employees(path, POLICY) == [
        {
            "id": "E-1",
            "role": " desk ",
            "performance": "baik",
            "grade": 9.5,
            "position start": "2025-07-01",
            "on probation": False,
        }
    ]


def test_csv_cells_are_read_by_the_one_table(tmp_path: Path) -> None:
    """The same values as CSV text cells are read by `ValueType.from_text`: any case for yes or
    no and declared values, numbers from their digits, spaces trimmed."""
    path = write(
        tmp_path,
        "employees.csv",
        "id,role,performance,job type,grade,on probation\nE-1, desk ,Baik,FINANCE,9,no\n",
    )
    assert read_employees(path, POLICY) == [
        {
            "id": "E-1",
            "role": "desk",
            "performance": "baik",
            "job type": "finance",
            "grade": 9,
            "on probation": False,
        }
    ]


SHIFT = {"start": "2025-07-07T08:00", "end": "2025-07-07T16:00"}


@pytest.mark.parametrize(
    ("location", "message"),
    [
        ("WFH", '"WFH" is not a location; use office, home or anywhere (in JSON write "home")'),
        ("Home", '"Home" is not a location; use office, home or anywhere (in JSON write "home")'),
        ("wfo", '"wfo" is not a location; use office, home or anywhere (in JSON write "office")'),
        ("cafe", '"cafe" is not a location; use office, home or anywhere'),
        (2, "2 is not a location; use office, home or anywhere"),
    ],
)
def test_a_json_location_is_exactly_what_the_api_takes(
    tmp_path: Path, location: Any, message: str
) -> None:
    """JSON `"location": "WFH"` or `"Home"` is refused naming the file, item and key, as
    `policy.decide` refuses the same shift with an `InputError`."""
    shift = {**SHIFT, "location": location}
    path = write(tmp_path, "shift.json", json.dumps(shift))
    error = refused(read_requests, path, POLICY, {"id": "E-1"})
    assert str(error) == f"`{path}`, item 1, key `location`: {message}"
    with pytest.raises(InputError):
        POLICY.decide({"id": "E-1"}, shift)


def test_a_csv_location_cell_may_be_wfo_wfh_wfa_in_any_case(tmp_path: Path) -> None:
    """CSV cells keep office, home, anywhere and WFO, WFH, WFA, in any case."""
    rows = "".join(
        f"E-1,2025-07-{day:02d}T08:00,2025-07-{day:02d}T16:00,{word}\n"
        for day, word in enumerate(["WFH", "Home", "wfo", "Anywhere", "wfa", " OFFICE "], start=1)
    )
    path = write(tmp_path, "shifts.csv", "employee,start,end,location\n" + rows)
    shifts = read_shifts(path, POLICY, [{"id": "E-1"}])["E-1"]
    assert [s["location"] for s in shifts] == [
        "home",
        "home",
        "office",
        "anywhere",
        "anywhere",
        "office",
    ]


def test_the_issue_s_employee_is_refused_not_allowed(tmp_path: Path) -> None:
    """Issue 12: `"performance": "Baik"` with `"on probation": "no"` and `"location": "WFH"`
    was ALLOWED from JSON files while the API fails closed on the same dict."""
    employee = {"id": "E-1", "performance": "Baik", "on probation": "no"}
    shift = {**SHIFT, "location": "home"}
    assert not POLICY.decide(employee, shift).allowed
    path = write(tmp_path, "employee.json", json.dumps([employee]))
    assert "key `performance`" in str(refused(read_employees, path, POLICY))


JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["baik", "Baik", "finance", "yes", "no", "9", "2025-07-01", "", " x "]),
    st.text(max_size=8),
)


@given(value=JSON_SCALARS, name=st.sampled_from(sorted(ATTRIBUTES)))
def test_a_json_value_is_kept_exactly_when_the_api_reads_it(value: Any, name: str) -> None:
    """For every JSON scalar and declared type: the reader keeps the value itself (same type,
    same value) when the API's `read` takes it, and refuses it when the API reads it as
    unknown; null is missing."""
    attribute = ATTRIBUTES[name]
    reading = value_type(attribute.type, attribute.values)
    if value is None:
        assert type_value(value, attribute, from_text=False) is None
        return
    if reading.read(value) is UNKNOWN:
        with pytest.raises(BadCell):
            type_value(value, attribute, from_text=False)
        return
    kept = type_value(value, attribute, from_text=False)
    assert type(kept) is type(value)
    assert kept == value or (isinstance(value, float) and math.isnan(value))
