"""Staffing and shares as a map and a reduce of counts (`columns.roster_counts`): a roster
split by employee into any parts, each part's counts and details pickled as they travel
between processes, gives `check_roster`'s staffing and share violations; and what travels is
counts per group, far smaller than the parts' shifts."""

from __future__ import annotations

import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from schedgen import rosters
from tablegen import columnar_policy_text, roster_tables, violation_rows

import flexrules
from flexrules.columns import rosters as table_rosters
from flexrules.columns.roster_check import GroupPart, Unsupported, check_part
from flexrules.columns.roster_counts import Local, extent, judged_days, plan, word

ROOT = Path(__file__).resolve().parents[2]


def _split(
    tables: tuple[pa.Table, pa.Table, pa.Table], owner: list[int], parts: int
) -> list[tuple[pa.Table, pa.Table, pa.Table]]:
    """The roster's tables cut by employee: employee `i` into part `owner[i]`."""
    employees, shifts, absences = tables
    ids = employees.column("id").to_pylist()
    found = []
    for part in range(parts):
        mine = pa.array(
            [ident for ident, o in zip(ids, owner, strict=True) if o == part],
            type=employees.column("id").type,
        )
        found.append(
            (
                employees.filter(pc.is_in(employees.column("id"), mine)),
                shifts.filter(pc.is_in(shifts.column("employee"), mine)),
                absences.filter(pc.is_in(absences.column("employee"), mine)),
            )
        )
    return found


def _travelled(value: Any) -> Any:
    return pickle.loads(pickle.dumps(value))


def _by_counts(
    policy: flexrules.Policy,
    pieces: list[tuple[pa.Table, pa.Table, pa.Table]],
    period: Any,
    headcount: Any,
) -> tuple[list[Any], list[GroupPart], list[Any]]:
    """The steps as `flexrules.dask` runs them, each part apart, what travels pickled."""
    rosters = policy._rosters
    parts: list[GroupPart] = []
    for employees, shifts, leave in pieces:
        _, part = check_part(
            rosters,
            employees,
            shifts,
            lambda known, leave=leave: table_rosters._leave(leave.to_pylist(), known),
            period,
        )
        parts.append(part)
    days = judged_days([_travelled(extent(part.spans)) for part in parts], period, None)
    assert days is not None
    local = [Local(rosters, part, days) for part in parts]
    counts = [_travelled(one.counts) for one in local]
    found = _travelled(plan(rosters, counts, days, headcount))
    details = [_travelled(one.details(rosters, found)) for one in local]
    return word(rosters, found, details), parts, counts


@pytest.fixture(scope="module")
def policy() -> flexrules.Policy:
    return flexrules.compile_policy(columnar_policy_text(), filename="columnar.rules")


@pytest.mark.slow
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 50), parts=st.integers(1, 4), data=st.data())
def test_any_split_by_employee_gives_the_whole_rosters_groups(
    policy: flexrules.Policy, seed: int, parts: int, data: Any
) -> None:
    (case,) = rosters(seed, 1)
    employees, shifts, absences, schedules = roster_tables(case)
    owner = data.draw(
        st.lists(
            st.integers(0, parts - 1), min_size=employees.num_rows, max_size=employees.num_rows
        )
    )
    period, headcount = case["period"], case["headcount"]
    try:
        want = [
            v
            for v in policy.check_roster(schedules, period, headcount).violations
            if v.kind in ("staffing", "share")
        ]
        found, _, _ = _by_counts(
            policy, _split((employees, shifts, absences), owner, parts), period, headcount
        )
    except (Unsupported, flexrules.InputError):
        assume(False)
    assert violation_rows(found) == violation_rows(want)


@pytest.mark.slow
def test_counts_travel_not_shifts() -> None:
    """A national-style roster in four parts by unit: the staffing and share violations of
    the whole, from counts that are a small fraction of the parts' shifts."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from national import PERIOD, policies
    from nationalgen import write

    with tempfile.TemporaryDirectory() as folder:
        paths = write(400, Path(folder))
        tables = tuple(pq.read_table(paths[k]) for k in ("employees", "shifts", "leave"))
    policy = policies()[0]
    # by unit, as `flexrules.dask` partitions a roster whose rules count in each unit
    units = sorted(set(tables[0].column("unit").to_pylist()))
    owner = [units.index(unit) % 4 for unit in tables[0].column("unit").to_pylist()]
    found, parts, counts = _by_counts(policy, _split(tables, owner, 4), PERIOD, None)
    schedules = table_rosters.schedules_of(*tables)
    want = [
        v
        for v in policy.check_roster(schedules, PERIOD).violations
        if v.kind in ("staffing", "share")
    ]
    assert {v.kind for v in want} == {"staffing", "share"}
    assert violation_rows(found) == violation_rows(want)
    shifts = sum(len(pickle.dumps(part.spans)) for part in parts)
    counted = sum(len(pickle.dumps(one)) for one in counts)
    assert counted * 10 < shifts, (counted, shifts)
