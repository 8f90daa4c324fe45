"""The columnar roster check (`columns.roster_check`) against the plain `check_roster`,
violation for violation: on generated rosters of every limit form, staffing and shares, on a
national-style roster (WIB/WITA/WIT, leave, planted violations), and on policies it does not
take, which the plain check then takes whole."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from oracle_schedules import POLICY_TEXT
from schedgen import rosters
from tablegen import roster_tables, violation_rows

import flexrules
from flexrules.columns import rosters as table_rosters
from flexrules.columns.roster_check import Unsupported, check_columns
from flexrules.rosters.limits import ScheduleChecker

ROOT = Path(__file__).resolve().parents[2]
#: the oracle's policy without what the columns do not take (core hours, a start window, a
#: rule that overrides a limit): every limit form, staffing and shares with and without groups
COLUMNAR_TEXT = re.sub(
    r"rule X.*?\n", "", re.sub(r"rule C1.*?\n(?=rule X)", "", POLICY_TEXT, flags=re.S)
)


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
