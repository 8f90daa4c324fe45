"""Tables cannot carry an employee's changes (DATA.md §2): `decide_table` and `check_table`
refuse a `changes` column clearly, rather than decide its rows with facts that do not hold."""

from __future__ import annotations

import pyarrow as pa
import pytest

import flexrules

POLICY = """policy "p" timezone Asia/Jakarta.
employees have: unit: text.
rule R1: employees whose unit is "a" may work from home.
"""


def test_decide_table_refuses_a_changes_column() -> None:
    policy = flexrules.compile_policy(POLICY)
    table = pa.table(
        {
            "unit": ["a"],
            "changes": ["2025-07-15"],
            "start": ["2025-07-16T08:00"],
            "end": ["2025-07-16T12:00"],
            "location": ["home"],
        }
    )
    with pytest.raises(flexrules.InputError, match="cannot carry changes") as raised:
        policy.decide_table(table)
    assert raised.value.field == "changes"


def test_check_table_refuses_a_changes_column() -> None:
    policy = flexrules.compile_policy(POLICY)
    employees = pa.table({"id": ["E"], "unit": ["a"], "changes": ["2025-07-15"]})
    shifts = pa.table(
        {
            "employee": ["E"],
            "start": ["2025-07-16T08:00"],
            "end": ["2025-07-16T12:00"],
            "location": ["home"],
        }
    )
    with pytest.raises(flexrules.InputError, match="cannot carry changes"):
        policy.check_table(employees, shifts)
