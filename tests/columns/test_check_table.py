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


@pytest.mark.slow
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


def test_absences_with_kinds_and_parts_of_days(policy: flexrules.Policy) -> None:
    """Leave with a kind, a range, and part of a day (DATA.md §3), as a table and as the
    `Absence`s a caller gives `check_roster`: the same violations."""
    import datetime as dt

    from flexrules.rosters.absences import Absence

    case = next(case for case in rosters(4, 6) if case["period"] is not None)
    employees, shifts, _, _ = roster_tables(case)
    first = dt.date.fromisoformat(str(case["period"][0]))
    people = employees.column("id").to_pylist()[:3]
    rows = [
        {"employee": people[0], "date": first, "kind": "sakit", "start time": None,
         "end time": None, "from": None, "to": None},
        {"employee": people[1], "date": first + dt.timedelta(days=1), "kind": "izin",
         "start time": "09:00", "end time": "11:30", "from": None, "to": None},
        {"employee": people[2], "date": None, "kind": None, "start time": None,
         "end time": None, "from": first, "to": first + dt.timedelta(days=4)},
    ]  # fmt: skip
    given = {
        people[0]: [Absence(first, None, "sakit")],
        people[1]: [
            Absence(
                f"{first + dt.timedelta(days=1)}T09:00",
                f"{first + dt.timedelta(days=1)}T11:30",
                "izin",
            )
        ],
        people[2]: [Absence(first, first + dt.timedelta(days=4), None)],
    }
    by_id: dict[str, list[dict[str, object]]] = {}
    for row in shifts.to_pylist():
        by_id.setdefault(row["employee"], []).append(row)
    schedules = [
        flexrules.Schedule(e, by_id.get(e["id"], []), tuple(given.get(e["id"], ())))
        for e in employees.to_pylist()
    ]
    report = policy.check_roster(schedules, case["period"], case["headcount"])
    found = policy.check_table(
        employees, shifts, case["period"], pa.Table.from_pylist(rows), case["headcount"]
    )
    assert table_rows(found) == violation_rows(report.violations)
