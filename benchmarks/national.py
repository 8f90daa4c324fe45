"""A national-style roster checked on a local Dask cluster: employees x 22 working days.

    python benchmarks/national.py                         # 10k, 30k, 100k employees
    python benchmarks/national.py --sizes 100000 300000 1000000 --write

For each size the roster is generated (`nationalgen.py`: units, roles, WIB/WITA/WIT, leave,
planted violations) and written as Parquet (not timed), then checked by
`flexrules.dask.check_roster` on a `distributed.LocalCluster` of `--workers` worker processes
with one thread each, from reading the Parquet files to the violations in memory (timed). The
same roster is checked again with the staffing and share rules taken out of the policy, so
the map (reading, partitioning by employee, deciding, limits) and the reduce (staffing, shares)
are told apart. The policy is examples/disdukcapil.rules with its service coverage counted in
each unit (a national roster has many service desks). `--write` puts the table into
docs/scaling.md. `--partitioned` writes the files per unit (`nationalgen.write(size, folder,
parts)`) and checks them with `check_roster(..., partitioned=True)`, without the shuffle. The
machine's load average is printed with the figures: on a shared machine
other processes take their share of the cores.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import dask.dataframe as dd  # noqa: E402
import distributed  # noqa: E402
from docs_section import write_section  # noqa: E402
from nationalgen import write  # noqa: E402

import flexrules  # noqa: E402
from flexrules import dask as flexdask  # noqa: E402

PERIOD = ("2025-07-01", "2025-07-30")
SCALING = ROOT / "docs" / "scaling.md"
R10 = "at least 2 service desk staff must be on-site during service hours"


def policies() -> tuple[flexrules.Policy, flexrules.Policy]:
    """The national policy, and the same without its staffing and share rules."""
    text = (ROOT / "examples" / "disdukcapil.rules").read_text(encoding="utf-8")
    assert R10 in text
    national = text.replace(R10, R10.replace("staff must", "staff in each unit must"), 1)
    cut = national[: national.index('rule R10 "Service coverage"')]
    return flexrules.compile_policy(national), flexrules.compile_policy(cut)


def check(
    policy: flexrules.Policy, paths: dict[str, Path], parts: int, partitioned: bool = False
) -> tuple[float, int]:
    """Seconds from reading the files to the violations in memory, and how many; with
    `partitioned`, files written per unit (`nationalgen.write(..., parts)`) read one
    partition per file and checked without the shuffle."""
    started = time.perf_counter()

    def read(name: str) -> dd.DataFrame:
        if partitioned:
            return dd.read_parquet(paths[name], dtype_backend="pyarrow", split_row_groups=False)
        return dd.read_parquet(paths[name], dtype_backend="pyarrow")

    found = flexdask.check_roster(
        policy,
        read("employees"),
        read("shifts"),
        PERIOD,
        read("leave"),
        npartitions=None if partitioned else parts,
        partitioned=partitioned,
    ).compute()
    return time.perf_counter() - started, len(found)


def single(policy: flexrules.Policy, paths: dict[str, Path]) -> tuple[float, float]:
    """Wall and CPU seconds of `Policy.check_table` on the same files in this one process
    (reading them included): CPU time says what the work costs whatever else runs here."""
    import pyarrow.parquet as pq

    started, cpu = time.perf_counter(), time.process_time()
    policy.check_table(
        pq.read_table(paths["employees"]),
        pq.read_table(paths["shifts"]),
        PERIOD,
        pq.read_table(paths["leave"]),
    )
    return time.perf_counter() - started, time.process_time() - cpu


def phases(policy: flexrules.Policy, paths: dict[str, Path]) -> dict[str, float]:
    """CPU seconds of each step of the columnar roster check in this one process (see
    `flexrules.columns.roster_check`), and how many employees took the plain path."""
    import pyarrow.parquet as pq

    from flexrules.columns.roster_check import GroupPart, _all_spans, _plain_checks, reduce_parts
    from flexrules.columns.roster_inputs import RosterColumns
    from flexrules.columns.roster_limits import flagged_employees, limit_flags
    from flexrules.columns.rosters import _leave
    from flexrules.rosters.periods import checked_period, period_limit

    rosters = policy._rosters
    clock = time.process_time
    found: dict[str, float] = {}
    started = clock()
    employees, shifts, leave = (pq.read_table(paths[k]) for k in ("employees", "shifts", "leave"))
    found["read"] = clock() - started
    started = clock()
    roster = RosterColumns(
        rosters.decider, employees, shifts, lambda known: _leave(leave.to_pylist(), known)
    )
    found["columns"] = clock() - started
    started = clock()
    limit = period_limit(None)
    bounds = checked_period(PERIOD, limit)
    flags = limit_flags(rosters.decider, rosters.schedules.limits, roster, bounds)
    plain = roster.plain | flagged_employees(roster.count, flags)
    found["limits"] = clock() - started
    started = clock()
    _, reports = _plain_checks(rosters, roster, plain, PERIOD, bounds, limit, flags)
    found["plain"] = clock() - started
    found["plain_share"] = float(plain.mean())
    started = clock()
    spans = _all_spans(roster, roster.plain, reports, rosters.decider.zone)
    part = GroupPart.of(rosters, roster, spans)
    found["spans"] = clock() - started
    started = clock()
    reduce_parts(rosters, [part], PERIOD)
    found["groups"] = clock() - started
    found.update(_travel(rosters, part))
    return found


def _travel(rosters: Any, part: Any) -> dict[str, float]:
    """Megabytes that reach the staffing and share reduce of `flexrules.dask` with the roster
    partitioned by unit: every shift as arrays (the former reduce, a `GroupPart`), against
    the counts and the details of the gaps and overruns (`columns.roster_counts`; a unit is
    in one partition, so the parts' counts together are the whole's)."""
    import pickle

    from flexrules.columns.roster_counts import Local, extent, judged_days, plan

    days = judged_days([extent(part.spans)], PERIOD, None)
    assert days is not None
    local = Local(rosters, part, days)
    found = plan(rosters, [local.counts], days, None)
    details = local.details(rosters, found)
    return {
        "shifts_mb": len(pickle.dumps(part)) / 1e6,
        "counts_mb": len(pickle.dumps(local.counts)) / 1e6,
        "details_mb": len(pickle.dumps(details)) / 1e6,
    }


def parts_for(size: int, workers: int) -> int:
    """Partitions of about 25,000 employees (550,000 shifts), at least two per worker."""
    return max(workers * 2, size // 25_000)


def measure(
    size: int, workers: int, folder: Path, cluster: bool, partitioned: bool = False
) -> dict[str, Any]:
    parts = parts_for(size, workers) if partitioned else None
    paths = write(size, folder / f"n{size}", parts)
    full, limits_only = policies()
    load = os.getloadavg()[0]
    wall, cpu = single(full, paths)
    shifts = size * 22
    found: dict[str, Any] = {
        "size": size,
        "shifts": shifts,
        "single": wall,
        "cpu": cpu,
        "per_shift": cpu / shifts,
        "load": load,
        "map": None,
        "whole": None,
        "phases": phases(full, paths),
    }
    if cluster:
        found.update(_on_cluster(size, workers, paths, full, limits_only, partitioned))
    return found


def _on_cluster(
    size: int,
    workers: int,
    paths: dict[str, Path],
    full: flexrules.Policy,
    limits_only: flexrules.Policy,
    partitioned: bool = False,
) -> dict[str, Any]:
    parts = parts_for(size, workers)
    with (
        distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        mapped, _ = check(limits_only, paths, parts, partitioned)
        before = _cpu(client)
        whole, violations = check(full, paths, parts, partitioned)
        cpu = _cpu(client) - before
    return {"map": mapped, "whole": whole, "violations": violations, "cluster_cpu": cpu}


def _cpu(client: distributed.Client) -> float:
    """CPU seconds so far of the worker processes, the scheduler and this process (a
    LocalCluster's scheduler runs in this process: counted once)."""
    workers = sum(client.run(time.process_time).values())
    scheduler = 0.0
    if client.run_on_scheduler(os.getpid) != os.getpid():
        scheduler = client.run_on_scheduler(time.process_time)
    return float(workers + scheduler + time.process_time())


def table(rows: list[dict[str, Any]], workers: int) -> str:
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on this {os.cpu_count()}-core "
        f"{platform.machine()} machine, Python {platform.python_version()}, a LocalCluster of "
        f"{workers} worker processes (one thread each), by `benchmarks/national.py`. Times run "
        "from reading the Parquet files to the violations in memory; generating the files is "
        "not timed. *one process*: `Policy.check_table` on the same files, wall and CPU "
        "seconds (CPU time is what the work costs whatever else runs on the machine). "
        "*map* is the roster checked on the cluster without its staffing and share rules "
        "(reading, partitioning by employee, the columnar limits, the plain checker for those "
        "who break one); *whole* with them (the "
        "reduce added); *cluster CPU* is the CPU seconds of every process of that whole run "
        "(workers, scheduler, client). *load* is the machine's 1-minute load average as the "
        "run started: above 2, other processes were sharing these 2 cores.",
        "",
        "| employees | shifts | one process s | its CPU s | CPU µs per shift | "
        "cluster map s | cluster whole s | cluster CPU s | load |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        cluster = (
            f"{row['map']:.1f} | {row['whole']:.1f} | {row['cluster_cpu']:.1f}"
            if row["whole"] is not None
            else "- | - | -"
        )
        lines.append(
            f"| {row['size']:,} | {row['shifts']:,} | {row['single']:.1f} | {row['cpu']:.1f} | "
            f"{row['per_shift'] * 1e6:,.0f} | {cluster} | {row['load']:.1f} |"
        )
    lines += [
        "",
        "Where the CPU time goes (seconds, one process, the same files; *plain* is the share of "
        "employees who broke something or whose rows the columns cannot read, checked by the "
        "plain `ScheduleChecker`):",
        "",
        "| employees | read Parquet | columns | limits (numpy) | plain employees | "
        "spans | staffing and shares |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        p = row["phases"]
        lines.append(
            f"| {row['size']:,} | {p['read']:.1f} | {p['columns']:.1f} | {p['limits']:.1f} | "
            f"{p['plain']:.1f} ({p['plain_share']:.1%}) | {p['spans']:.1f} | {p['groups']:.1f} |"
        )
    lines += [
        "",
        "What reaches the staffing and share reduce (megabytes, pickled): every shift as "
        "arrays, as the reduce received it before `columns.roster_counts`, against the counts "
        "per unit, window and instant and the people of the gaps and overruns found, as it "
        "receives them now (partitioned by unit):",
        "",
        "| employees | every shift (before) | counts | details of the violations | now in all |",
        "|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        p = row["phases"]
        lines.append(
            f"| {row['size']:,} | {p['shifts_mb']:.1f} | {p['counts_mb']:.1f} | "
            f"{p['details_mb']:.1f} | {p['counts_mb'] + p['details_mb']:.1f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--write", action="store_true", help="update docs/scaling.md")
    parser.add_argument(
        "--no-cluster", action="store_true", help="only the one-process check_table"
    )
    parser.add_argument(
        "--partitioned",
        action="store_true",
        help="files written per unit, checked with partitioned=True (no shuffle)",
    )
    options = parser.parse_args()
    warnings.simplefilter("ignore")
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in options.sizes:
            rows.append(
                measure(
                    size,
                    options.workers,
                    Path(folder),
                    not options.no_cluster,
                    options.partitioned,
                )
            )
            print(rows[-1], flush=True)
    text = table(rows, options.workers)
    print(text)
    if options.write:
        write_section(SCALING, "## Measured on this machine", text)


if __name__ == "__main__":
    main()
