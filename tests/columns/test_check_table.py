"""`check_table` against `check_roster`, violation for violation, on generated rosters given
as tables (employees, shifts, leave), with staffing and share rules, leave, headcounts and
employees in other time zones."""

from __future__ import annotations

import pyarrow as pa
import pytest
from oracle_schedules import POLICY_TEXT
from schedgen import rosters
from tablegen import roster_tables, table_rows, violation_rows

import flexrules


@pytest.fixture(scope="module")
def policy() -> flexrules.Policy:
    return flexrules.compile_policy(POLICY_TEXT, filename="oracle_schedules.rules")


@pytest.mark.parametrize("seed", [3, 4])
def test_a_roster_as_tables_has_the_violations_check_roster_finds(
    policy: flexrules.Policy, seed: int
) -> None:
    for case in rosters(seed, 3):
        employees, shifts, absences, schedules = roster_tables(case)
        report = policy.check_roster(schedules, case["period"], case["headcount"])
        found = policy.check_table(employees, shifts, case["period"], absences, case["headcount"])
        assert isinstance(found, pa.Table)
        assert found.column_names == [
            "rule", "kind", "employee", "start", "end", "present", "group", "message"
        ]  # fmt: skip
        assert table_rows(found) == violation_rows(report.violations)
        assert report.violations  # the comparison compares something


def test_pandas_in_pandas_out_and_a_stranger_is_an_error(policy: flexrules.Policy) -> None:
    pandas = pytest.importorskip("pandas")
    (case,) = rosters(3, 1)
    employees, shifts, absences, schedules = roster_tables(case)
    found = policy.check_table(
        employees.to_pandas(), shifts.to_pandas(), case["period"], absences.to_pandas()
    )
    assert isinstance(found, pandas.DataFrame)
    report = policy.check_roster(schedules, case["period"])
    assert len(found) == len(report.violations)
    stranger = shifts.slice(0, 1).set_column(
        shifts.column_names.index("employee"), "employee", pa.array(["nobody"])
    )
    with pytest.raises(flexrules.InputError, match="nobody"):
        policy.check_table(employees, stranger, case["period"])
