"""The columnar roster check (`columns.roster_check`) against the plain `check_roster`,
violation for violation: on generated rosters of every limit form, staffing and shares, on a
national-style roster (WIB/WITA/WIT, leave, planted violations), and on policies it does not
take, which the plain check then takes whole."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from oracle_schedules import POLICY_TEXT
from schedgen import rosters
from tablegen import columnar_policy_text, roster_tables, violation_rows

import flexrules
from flexrules.columns import rosters as table_rosters
from flexrules.columns.roster_check import Unsupported, check_columns
from flexrules.rosters.limits import ScheduleChecker

ROOT = Path(__file__).resolve().parents[2]
COLUMNAR_TEXT = columnar_policy_text()


@pytest.fixture(scope="module")
def policy() -> flexrules.Policy:
    return flexrules.compile_policy(COLUMNAR_TEXT, filename="columnar.rules")


def _columns(policy: flexrules.Policy, tables: tuple[Any, ...], period: Any, headcount: Any) -> Any:
    employees, shifts, absences = tables
    return check_columns(
        policy._rosters,
        employees,
        shifts,
        lambda known: table_rosters._leave(absences.to_pylist(), known),
        period,
        headcount,
    )


def _outcome(call: Any, *args: Any) -> Any:
    try:
        found = call(*args)
        return violation_rows(getattr(found, "violations", found))
    except flexrules.InputError as error:
        return str(error)


@pytest.mark.parametrize("seed", [3, 4])
def test_generated_rosters_the_same_violations(policy: flexrules.Policy, seed: int) -> None:
    for case in rosters(seed, 3):
        employees, shifts, absences, schedules = roster_tables(case)
        period, headcount = case["period"], case["headcount"]
        tables = (employees, shifts, absences)
        plain = _outcome(policy.check_roster, schedules, period, headcount)
        found = _outcome(_columns, policy, tables, period, headcount)
        assert found == plain
        assert plain  # the comparison compares something


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(5, 15))
def test_more_generated_rosters(policy: flexrules.Policy, seed: int) -> None:
    test_generated_rosters_the_same_violations(policy, seed)


def _national(size: int) -> tuple[flexrules.Policy, flexrules.Policy, dict[str, pa.Table]]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import tempfile

    import pyarrow.parquet as pq
    from national import policies
    from nationalgen import write

    with tempfile.TemporaryDirectory() as folder:
        paths = write(size, Path(folder))
        tables = {name: pq.read_table(path) for name, path in paths.items()}
    full, cut = policies()
    return full, cut, tables


@pytest.mark.slow
def test_a_national_roster_checked_mostly_by_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Employees in three zones, leave, planted violations: the same violations as the plain
    check, with the plain checker run only for the employees who break something."""
    full, cut, tables = _national(400)
    period = ("2025-07-01", "2025-07-30")
    checked = [0]
    original = ScheduleChecker.check

    def counting(self: ScheduleChecker, *args: Any, **kwargs: Any) -> Any:
        checked[0] += 1
        return original(self, *args, **kwargs)

    for policy in (full, cut):
        parts = (tables["employees"], tables["shifts"], tables["leave"])
        schedules = table_rosters.schedules_of(*parts)
        plain = policy.check_roster(schedules, period).violations
        checked[0] = 0
        monkeypatch.setattr(ScheduleChecker, "check", counting)
        found = _columns(policy, parts, period, None)
        monkeypatch.setattr(ScheduleChecker, "check", original)
        assert violation_rows(found) == violation_rows(plain)
        assert {v.kind for v in plain} >= {"limit"}
        assert 0 < checked[0] < 400 // 4


def test_a_policy_the_columns_do_not_take_is_checked_whole_by_the_plain_path() -> None:
    presence = flexrules.compile_policy(POLICY_TEXT, filename="oracle_schedules.rules")
    (case,) = rosters(3, 1)
    employees, shifts, absences, schedules = roster_tables(case)
    with pytest.raises(Unsupported):
        _columns(presence, (employees, shifts, absences), case["period"], case["headcount"])
    found = presence.check_table(employees, shifts, case["period"], absences, case["headcount"])
    report = presence.check_roster(schedules, case["period"], case["headcount"])
    assert found.num_rows == len(report.violations)


# ---- hypothesis: small rosters of every shape -------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_LOCATIONS = ["office", "home", "anywhere"] * 9 + ["moon"]
_ZONES = [None, "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] * 5 + ["Mars/Olympus"]


@st.composite
def _rosters(draw: Any) -> tuple[pa.Table, pa.Table, pa.Table | None, Any]:
    import datetime as dt

    count = draw(st.integers(1, 6))
    people = [
        {
            "id": f"E{index}",
            "role": draw(st.sampled_from(["service desk", "registrar", "officer"])),
            "job type": draw(st.sampled_from(["administration", "technical", "public service"])),
            "performance": draw(st.sampled_from(["good", "very good", "poor"])),
            "grade": draw(st.integers(5, 12)),
            "unit": draw(st.sampled_from(["U1", "U2"])),
            "timezone": draw(st.sampled_from(_ZONES)),
            "position start": draw(st.sampled_from(["2020-01-02", "2025-03-01"])),
            "on probation": draw(st.booleans()),
            "under sanction": False,
            "in special circumstances": draw(st.sampled_from([False, False, True])),
        }
        for index in range(count)
    ]
    shifts = []
    for person in people:
        for _ in range(draw(st.integers(0, 8))):
            day = dt.datetime(2025, 7, draw(st.integers(1, 12)))
            start = day + dt.timedelta(minutes=30 * draw(st.integers(10, 44)))
            end = start + dt.timedelta(minutes=30 * draw(st.integers(1, 28)))
            shifts.append(
                {
                    "employee": person["id"],
                    "start": start,
                    "end": end,
                    "location": draw(st.sampled_from(_LOCATIONS)),
                    "approved": draw(st.booleans()),
                }
            )
    leave = []
    for person in people:
        for _ in range(draw(st.integers(0, 2))):
            date = dt.date(2025, 7, draw(st.integers(1, 12)))
            shape = draw(st.sampled_from(["date", "date", "kind", "part"]))
            row: dict[str, Any] = {"employee": person["id"], "date": date}
            if shape != "date":
                row["kind"] = "izin"
            if shape == "part":
                row["start time"], row["end time"] = "09:00", "11:00"
            leave.append(row)
    schema = pa.schema(
        [
            ("employee", pa.string()),
            ("date", pa.date32()),
            ("kind", pa.string()),
            ("start time", pa.string()),
            ("end time", pa.string()),
        ]
    )
    absences = pa.Table.from_pylist(leave, schema=schema) if leave else None
    shift_table = pa.Table.from_pylist(
        shifts,
        schema=pa.schema(
            [
                ("employee", pa.string()),
                ("start", pa.timestamp("s")),
                ("end", pa.timestamp("s")),
                ("location", pa.string()),
                ("approved", pa.bool_()),
            ]
        ),
    )
    period = draw(
        st.sampled_from([("2025-07-01", "2025-07-12"), ("2025-07-07", "2025-07-13"), None])
    )
    return pa.Table.from_pylist(people), shift_table, absences, period


_NATIONAL: list[Any] = []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_rosters())
def test_small_rosters_of_every_shape_the_same_violations(roster: Any) -> None:
    """Employees in three zones and none, shifts across midnight and overlapping, whole days
    of leave and leave with kinds and hours, now and then an unknown zone or location:
    `check_table` (columnar where it can) gives `check_roster`'s violations, or its error."""
    if not _NATIONAL:
        _NATIONAL.extend(_national_policies())
    employees, shifts, absences, period = roster
    for policy in _NATIONAL:
        schedules = table_rosters.schedules_of(employees, shifts, absences)
        plain = _outcome(policy.check_roster, schedules, period)
        try:
            found: Any = _rows_of(policy.check_table(employees, shifts, period, absences))
        except flexrules.InputError as error:
            found = str(error)
        assert found == plain


def _rows_of(table: pa.Table) -> list[tuple[Any, ...]]:
    return [tuple(row.values()) for row in table.to_pylist()]


def _national_policies() -> list[flexrules.Policy]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from national import policies

    # and the oracle's, whose attributes these employees mostly lack (unknown facts)
    return [*policies(), flexrules.compile_policy(COLUMNAR_TEXT, filename="columnar.rules")]


def test_a_part_travels_between_processes(policy: flexrules.Policy) -> None:
    """What a partition gives the reduce (`check_part`) is plain data: it pickles, and the
    reduce of the unpickled parts gives the staffing and share violations of the whole."""
    import pickle

    import pyarrow.compute as pc

    from flexrules.columns.roster_check import check_part, reduce_parts

    (case,) = rosters(4, 1)
    employees, shifts, absences, schedules = roster_tables(case)
    period, headcount = case["period"], case["headcount"]
    halves = []
    for half in (0, 1):
        ids = employees.column("id").to_pylist()[half::2]
        mine = employees.filter(pc.is_in(employees.column("id"), pa.array(ids)))
        theirs = shifts.filter(pc.is_in(shifts.column("employee"), pa.array(ids)))
        leave = absences.filter(pc.is_in(absences.column("employee"), pa.array(ids)))
        _, part = check_part(
            policy._rosters,
            mine,
            theirs,
            lambda known, leave=leave: table_rosters._leave(leave.to_pylist(), known),
            period,
        )
        halves.append(pickle.loads(pickle.dumps(part)))
    found = reduce_parts(policy._rosters, halves, period, headcount)
    report = policy.check_roster(schedules, period, headcount)
    groups = [v for v in report.violations if v.kind in ("staffing", "share")]
    assert violation_rows(found) == violation_rows(groups)
    assert groups
