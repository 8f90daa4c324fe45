"""Tables of shifts for a set of versions (SETTLED.md "Columns and clusters"): `decide_table`
answers as `PolicySet.decide` does, row by row (each version's rows by its own table path,
a row on a day no version is in force or across the change by `decide`), in every kind of
table; `check_table` as `check_roster`; `flexrules.dask` decides with a set and checks a
roster with one as its `check_table` does."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

import flexrules
from flexrules.versions import compile_policies

sys.path.insert(0, str(Path(__file__).parent))
from test_policy_set import V1, V2

pa = pytest.importorskip("pyarrow")

ROWS: list[dict[str, Any]] = [
    {"id": "E1", "unit": "records", "start": f"2025-07-0{d}T08:00", "end": f"2025-07-0{d}T16:00"}
    | {"location": "home"}
    for d in (1, 2, 3, 4, 5)  # Tue (v1), Wed (none), Thu (v2 denies), Fri (v2), Sat (v2)
] + [
    # across the change at midnight: Tue night (v1) into Wed (none)
    {"id": "E1", "unit": "records", "start": "2025-07-01T22:00", "end": "2025-07-02T02:00"}
    | {"location": "home"},
    # end before start: an error, as `decide` has it
    {"id": "E2", "unit": "records", "start": "2025-07-04T08:00", "end": "2025-07-04T07:00"}
    | {"location": "home"},
    # a zone given per row: Mon 2025-06-30 on the clock of Jayapura (version 1)
    {"id": "E3", "unit": "records", "start": "2025-06-30T20:00", "end": "2025-06-30T23:00"}
    | {"location": "home", "timezone": "Asia/Jayapura"},
]
for row in ROWS:
    row.setdefault("timezone", None)


@pytest.fixture(scope="module")
def versions() -> flexrules.PolicySet:
    return compile_policies([V1, V2])


def by_hand(versions: flexrules.PolicySet) -> list[tuple[Any, ...]]:
    """What `decide` says of each row: allowed, rules, error, explanation."""
    found = []
    for row in ROWS:
        try:
            decision = versions.decide(row, row)
        except flexrules.InputError as error:
            found.append((False, None, str(error), None))
            continue
        rules = [r.rule for r in decision.reasons]
        found.append((decision.allowed, rules, None, decision.explain()))
    return found


def test_decide_table_is_decide_row_by_row(versions: flexrules.PolicySet) -> None:
    expected = by_hand(versions)
    versions.decide_table(pa.Table.from_pylist(ROWS))  # a warm memory, then explanations
    assert [e[0] for e in expected] == [True, False, False, True, False, False, False, True]
    table = pa.Table.from_pylist(ROWS)
    decided = versions.decide_table(table, explain=True)
    assert decided.column_names[: len(table.column_names)] == table.column_names
    got = list(
        zip(
            *(decided.column(n).to_pylist() for n in ("allowed", "rules", "error", "explanation")),
            strict=True,
        )
    )
    assert got == expected
    assert 'decided by version "2"' in got[3][3]
    batch = versions.decide_table(table.to_batches()[0])
    assert isinstance(batch, pa.RecordBatch)
    assert batch.column(batch.schema.names.index("allowed")).to_pylist() == [e[0] for e in expected]


def test_decide_table_of_pandas_and_polars(versions: flexrules.PolicySet) -> None:
    pandas = pytest.importorskip("pandas")
    expected = by_hand(versions)
    frame = pandas.DataFrame(ROWS, index=[10 * n for n in range(len(ROWS))])
    decided = versions.decide_table(frame)
    assert list(decided.index) == list(frame.index)
    assert list(decided["allowed"]) == [e[0] for e in expected]
    assert list(decided["rules"]) == [e[1] for e in expected]
    polars = pytest.importorskip("polars")
    decided = versions.decide_table(polars.DataFrame(ROWS))
    assert decided["allowed"].to_list() == [e[0] for e in expected]
    with pytest.raises(flexrules.InputError):
        versions.decide_table(pa.Table.from_pylist(ROWS), errors="raise")


def test_check_table_is_check_roster(versions: flexrules.PolicySet) -> None:
    employees = pa.Table.from_pylist([{"id": "E1", "unit": "records"}])
    shifts = pa.Table.from_pylist(
        [
            {"employee": "E1", "start": f"2025-07-0{d}T08:00", "end": f"2025-07-0{d}T16:00"}
            | {"location": "home"}
            for d in (1, 2, 3, 4)
        ]
    )
    period = ("2025-06-30", "2025-07-06")
    found = versions.check_table(employees, shifts, period)
    schedule = flexrules.Schedule({"id": "E1", "unit": "records"}, shifts.to_pylist())
    report = versions.check_roster([schedule], period)
    assert found.column("rule").to_pylist() == [v.rule for v in report.violations]
    assert found.column("message").to_pylist() == [v.message for v in report.violations]


@pytest.mark.slow  # dask's import alone takes seconds
def test_dask_decides_and_checks_a_roster_with_a_set(versions: flexrules.PolicySet) -> None:
    dd = pytest.importorskip("dask.dataframe")
    import dask

    from flexrules import dask as flexdask

    pandas = pytest.importorskip("pandas")
    frame = dd.from_pandas(pandas.DataFrame(ROWS), npartitions=3)
    with dask.config.set(scheduler="synchronous"):
        decided = flexdask.decide(versions, frame).compute()
    assert list(decided["allowed"]) == [e[0] for e in by_hand(versions)]
    # a roster: checked whole in one task by the set's (or the dated policy's) check_table
    employees = pandas.DataFrame([{"id": "E1", "unit": "records"}])
    shifts = pandas.DataFrame(
        [
            {"employee": "E1", "start": f"2025-07-0{d}T08:00", "end": f"2025-07-0{d}T16:00"}
            | {"location": "home"}
            for d in (1, 2, 3, 4)
        ]
    )
    period = ("2025-06-30", "2025-07-06")
    for policy in (versions, versions.members[-1]):
        with dask.config.set(scheduler="synchronous"):
            found = flexdask.check_roster(
                policy,
                dd.from_pandas(employees, npartitions=1),
                dd.from_pandas(shifts, npartitions=2),
                period,
            ).compute()
        want = policy.check_table(employees, shifts, period)
        assert list(found["message"]) == list(want["message"])


def test_decide_table_with_timestamp_columns(versions: flexrules.PolicySet) -> None:
    import datetime as dt

    jakarta = dt.timezone(dt.timedelta(hours=7))
    starts = [dt.datetime(2025, 7, d, 8, tzinfo=jakarta) for d in (1, 2, 3, 4)]
    starts.append(dt.datetime(2025, 7, 1, 22, tzinfo=jakarta))  # into the day with no version
    table = pa.table(
        {
            "id": ["E1"] * len(starts),
            "unit": ["records"] * len(starts),
            "start": pa.array(starts, type=pa.timestamp("s", tz="Asia/Jakarta")),
            "end": pa.array(
                [s + dt.timedelta(hours=4) for s in starts], type=pa.timestamp("s", tz="UTC")
            ),
            "location": ["home"] * len(starts),
        }
    )
    decided = versions.decide_table(table)
    records = table.to_pylist()
    expected = [versions.decide(r, r) for r in records]
    assert decided.column("allowed").to_pylist() == [d.allowed for d in expected]
    assert decided.column("rules").to_pylist() == [[r.rule for r in d.reasons] for d in expected]
    assert decided.column("allowed").to_pylist() == [True, False, False, True, False]
