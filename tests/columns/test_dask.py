"""`flexrules.dask` on a real `distributed.LocalCluster`, with real Parquet files: decisions
equal `decide_table`'s, a roster's violations equal `check_roster`'s violation for violation,
and each worker compiles the policy at most once however many partitions it decides."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from oracle_schedules import POLICY_TEXT
from policy_variants import VARIANTS
from schedgen import rosters
from tablegen import (
    answers,
    columnar_policy_text,
    roster_tables,
    table_rows,
    tables,
    violation_rows,
)

import flexrules
from flexrules.versions import compile_policies

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

from flexrules import dask as flexdask  # noqa: E402

#: dask's own calls that pandas 3.1 deprecates (not flexrules')
pytestmark = [
    pytest.mark.slow,  # a real cluster
    pytest.mark.filterwarnings("ignore:The inplace keyword in DataFrame"),
]


@pytest.fixture(scope="module")
def client() -> Any:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def _parquet(table: pa.Table, folder: Path, rows: int) -> Path:
    """A Parquet dataset: a folder of files of at most `rows` rows each."""
    folder.mkdir()
    for number, start in enumerate(range(0, max(table.num_rows, 1), rows)):
        pq.write_table(table.slice(start, rows), folder / f"part-{number:03d}.parquet")
    return folder


def _counted(rows: list[tuple[Any, ...]]) -> Counter[str]:
    """Rows as a multiset, times compared as instants."""
    return Counter(
        repr(tuple(v.astimezone(dt.timezone.utc) if isinstance(v, dt.datetime) else v for v in row))
        for row in rows
    )


def test_decide_on_parquet_partitions(client: Any, tmp_path: Path) -> None:
    policy = VARIANTS["no relative dates"]()
    table = tables(21, 300)[-1]
    table = table.select([n for n in table.column_names if table.column(n).type != pa.null()])
    frame = dd.read_parquet(
        _parquet(table, tmp_path / "shifts", max(2, table.num_rows // 4)), dtype_backend="pyarrow"
    )
    assert frame.npartitions > 2
    got = flexdask.decide(policy, frame).compute()
    want = answers(policy.decide_table(table))
    assert answers(pa.Table.from_pandas(got, preserve_index=False)) == want
    assert flexdask.compile_count() <= 1


@pytest.mark.parametrize("columnar", [False, True])
def test_a_roster_checked_on_the_cluster_is_check_roster(
    client: Any, tmp_path: Path, columnar: bool
) -> None:
    """The plain map (the oracle's policy has core hours) and the columnar one (without)."""
    text = columnar_policy_text() if columnar else POLICY_TEXT
    policy = flexrules.compile_policy(text, filename="oracle_schedules.rules")
    for number, case in enumerate(rosters(5, 2)):
        employees, shifts, absences, schedules = roster_tables(case)
        paths = {
            name: _parquet(table, tmp_path / f"{name}{number}", 7)
            for name, table in (("employees", employees), ("shifts", shifts), ("leave", absences))
        }
        found = _cluster_check(policy, paths, case["period"], case["headcount"])
        report = policy.check_roster(schedules, case["period"], case["headcount"])
        want = violation_rows(report.violations)
        assert want
        got = table_rows(pa.Table.from_pandas(found, preserve_index=False))
        assert _counted(got) == _counted(want)


@pytest.mark.slow
def test_each_worker_process_compiles_the_policy_once(tmp_path: Path) -> None:
    """Two worker processes, twelve partitions: each worker compiles the policy at most once."""
    policy = VARIANTS["no relative dates"]()
    table = tables(22, 400)[-1]
    table = table.select([n for n in table.column_names if table.column(n).type != pa.null()])
    folder = _parquet(table, tmp_path / "shifts", max(1, table.num_rows // 12))
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        frame = dd.read_parquet(folder, dtype_backend="pyarrow")
        assert frame.npartitions >= 12
        got = flexdask.decide(policy, frame).compute()
        counts = client.run(flexdask.compile_count)
    assert answers(pa.Table.from_pandas(got, preserve_index=False)) == answers(
        policy.decide_table(table)
    )
    assert len(counts) == 2 and all(count <= 1 for count in counts.values())
    assert sum(counts.values()) >= 1  # the workers did compile it (not this process)


def test_a_national_roster_on_the_cluster_is_check_roster(client: Any, tmp_path: Path) -> None:
    """Three zones, leave, planted violations, staffing and shares in each unit: the columnar
    map and the reduce of arrays give `check_roster`'s violations."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from national import PERIOD, policies
    from nationalgen import write

    from flexrules.columns.rosters import schedules_of

    paths = write(300, tmp_path / "national")
    policy = policies()[0]
    tables_ = {name: pq.read_table(path) for name, path in paths.items()}
    found = _cluster_check(policy, paths, PERIOD)
    schedules = schedules_of(tables_["employees"], tables_["shifts"], tables_["leave"])
    want = violation_rows(policy.check_roster(schedules, PERIOD).violations)
    got = table_rows(pa.Table.from_pandas(found, preserve_index=False))
    assert {row[1] for row in want} >= {"limit", "staffing", "share"}
    assert _counted(got) == _counted(want)


def test_a_roster_partitioned_by_unit_is_checked_without_a_shuffle(
    client: Any, tmp_path: Path
) -> None:
    """Files written per unit (file `i` of each table holds the same units), read one
    partition per file and checked with `partitioned=True`: `check_roster`'s violations."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from national import PERIOD, policies
    from nationalgen import write

    from flexrules.columns.rosters import schedules_of

    paths = write(300, tmp_path / "national", parts=3)
    policy = policies()[0]

    def read(name: str) -> Any:
        return dd.read_parquet(paths[name], dtype_backend="pyarrow", split_row_groups=False)

    frames = [read(name) for name in ("employees", "shifts", "leave")]
    assert {frame.npartitions for frame in frames} == {3}
    found = flexdask.check_roster(
        policy, frames[0], frames[1], PERIOD, frames[2], partitioned=True
    ).compute()
    tables_ = {name: pq.read_table(path) for name, path in paths.items()}
    schedules = schedules_of(tables_["employees"], tables_["shifts"], tables_["leave"])
    want = violation_rows(policy.check_roster(schedules, PERIOD).violations)
    got = table_rows(pa.Table.from_pandas(found, preserve_index=False))
    assert {row[1] for row in want} >= {"limit", "staffing", "share"}
    assert _counted(got) == _counted(want)


def test_partitioned_frames_must_have_as_many_partitions() -> None:
    import pandas as pd

    policy = flexrules.compile_policy(columnar_policy_text(), filename="oracle_schedules.rules")
    employees = dd.from_pandas(pd.DataFrame({"id": ["a", "b"]}), npartitions=2)
    shifts = dd.from_pandas(pd.DataFrame({"employee": ["a"]}), npartitions=1)
    with pytest.raises(ValueError, match="as many partitions"):
        flexdask.check_roster(policy, employees, shifts, partitioned=True)


def _national_tables(tmp_path: Path, size: int) -> tuple[dict[str, Path], str]:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from national import R10
    from nationalgen import write

    text = (Path(__file__).resolve().parents[2] / "examples" / "disdukcapil.rules").read_text(
        encoding="utf-8"
    )
    text = text.replace(R10, R10.replace("staff must", "staff in each unit must"), 1)
    return write(size, tmp_path / "national"), text


def _cluster_check(policy: Any, paths: dict[str, Path], period: Any, headcount: Any = None) -> Any:
    """`flexdask.check_roster` on the employees, shifts and leave Parquet files, three
    partitions, computed (a pandas frame of violations)."""

    def read(name: str) -> Any:
        return dd.read_parquet(paths[name], dtype_backend="pyarrow")

    found = flexdask.check_roster(
        policy, read("employees"), read("shifts"), period, read("leave"), headcount, npartitions=3
    )
    return found.compute()


def _on_cluster_and_in_one_process(policy: Any, paths: dict[str, Path], period: Any) -> None:
    found = _cluster_check(policy, paths, period)
    tables_ = {name: pq.read_table(path) for name, path in paths.items()}
    want = policy.check_table(tables_["employees"], tables_["shifts"], period, tables_["leave"])
    got = table_rows(pa.Table.from_pandas(found, preserve_index=False))
    assert want.num_rows
    assert _counted(got) == _counted(table_rows(want))


def test_a_set_of_versions_on_the_cluster_is_its_check_table(client: Any, tmp_path: Path) -> None:
    """Two versions changing mid-month (the second allows one remote day fewer): checked
    whole in one task, the set's own answer, violation for violation; a policy with
    `effective from` alone likewise."""
    paths, text = _national_tables(tmp_path, 120)
    header = 'policy "Disdukcapil flexible work"\n  version "2025.1"\n  timezone Asia/Jakarta.'
    assert header in text
    first = text.replace(header, header[:-1] + " effective from 2025-01-01 until 2025-07-14.")
    second = text.replace(header, header[:-1] + " effective from 2025-07-15.").replace(
        'version "2025.1"', 'version "2025.2"'
    )
    versions = compile_policies([first, second])
    _on_cluster_and_in_one_process(versions, paths, ("2025-07-01", "2025-07-30"))
    _on_cluster_and_in_one_process(
        flexrules.compile_policy(second), paths, ("2025-07-01", "2025-07-30")
    )


def test_employment_bounds_on_the_cluster_are_check_tables(client: Any, tmp_path: Path) -> None:
    """`valid from` and `valid until` columns (employees who join or leave during the month):
    the plain path per partition, equal to `check_table`."""
    import datetime as dt

    paths, text = _national_tables(tmp_path, 120)
    employees = pq.read_table(paths["employees"])
    rows = employees.num_rows
    until = [dt.date(2025, 7, 20) if i % 7 == 0 else None for i in range(rows)]
    since = [dt.date(2025, 7, 8) if i % 11 == 0 else None for i in range(rows)]
    employees = employees.append_column("valid until", pa.array(until, pa.date32()))
    employees = employees.append_column("valid from", pa.array(since, pa.date32()))
    bounded = tmp_path / "bounded"
    bounded.mkdir()
    pq.write_table(employees, bounded / "employees.parquet")
    paths = {**paths, "employees": bounded / "employees.parquet"}
    _on_cluster_and_in_one_process(
        flexrules.compile_policy(text), paths, ("2025-07-01", "2025-07-30")
    )


def test_a_changes_column_is_refused_before_any_work() -> None:
    import pandas as pd

    policy = flexrules.compile_policy(columnar_policy_text())
    employees = dd.from_pandas(pd.DataFrame({"id": ["E"], "changes": ["x"]}), npartitions=1)
    shifts = dd.from_pandas(
        pd.DataFrame(
            {"employee": ["E"], "start": ["2025-07-01T08:00"], "end": ["2025-07-01T12:00"]}
        ),
        npartitions=1,
    )
    with pytest.raises(flexrules.InputError) as raised:
        flexdask.check_roster(policy, employees, shifts)
    assert raised.value.field == "changes"
    nobody = dd.from_pandas(pd.DataFrame({"name": ["E"]}), npartitions=1)
    with pytest.raises(flexrules.InputError, match="needs an id"):
        flexdask.check_roster(policy, nobody, shifts)


@pytest.mark.parametrize(
    "values",
    [
        ["E1", None, "E2", "E1"],
        [7, None, 8, 7],
        [1.5, float("nan"), 1.5],
        ["x", 3, None, "x"],
    ],
)
@pytest.mark.parametrize("arrow", [False, True])
def test_an_id_hashes_as_its_text_once_per_distinct_value(values: list[Any], arrow: bool) -> None:
    """`_hashed` hashes each distinct value once; the hashes are those of each value's text,
    as the partition of every frame reads them, whatever the column's type."""
    import pandas as pd

    series = pd.Series(values)
    if arrow:
        try:
            series = series.astype(pd.ArrowDtype(pa.array(values, from_pandas=True).type))
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            pytest.skip("no one Arrow type holds these values")
    text = series.astype(str).astype(object)
    want = pd.util.hash_pandas_object(text, index=False).to_numpy()
    assert (flexdask._hashed(series) == want).all()
