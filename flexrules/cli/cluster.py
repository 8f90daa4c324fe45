"""`flexrules roster ... --workers N | --scheduler ADDRESS`: the roster checked on a Dask
cluster (`flexrules.dask.check_roster`), a local one of N worker processes or an existing one.

The files are read as the roster command reads them (CSV, JSON and spreadsheets through the
one table of DATA.md, so a cell means what it means without a cluster); the employees, shifts
and leave then go to the cluster as tables, and the violations come back, one row each, into
a Parquet file (`--format parquet --out FILE`): a cluster run gives the violations, not the
whole report.
"""

from __future__ import annotations

import argparse
import importlib.util
from collections.abc import Mapping
from typing import Any

from ..core.messages import Text
from ..files.roster import Roster
from ..policy import Policy
from .common import UsageError


def add_cluster_options(command: argparse.ArgumentParser) -> None:
    where = command.add_mutually_exclusive_group()
    where.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="check the roster on a local Dask cluster of N worker processes "
        "(needs flexrules[dask]; gives --format parquet)",
    )
    where.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="check the roster on the Dask cluster whose scheduler is at ADDRESS "
        "(tcp://HOST:PORT; flexrules installed on its workers)",
    )


def on_cluster(args: argparse.Namespace) -> bool:
    """Whether the run goes to a cluster; a usage error for what a cluster run cannot give."""
    if args.workers is None and args.scheduler is None:
        return False
    if args.workers is not None and args.workers < 1:
        raise UsageError(Text("usage.cluster.workers", workers=str(args.workers)))
    if args.format != "parquet":
        raise UsageError(Text("usage.cluster.parquet"))
    missing = [m for m in _CLUSTER_MODULES if importlib.util.find_spec(m) is None]
    if missing:  # before any file is read, not an internal error half-way
        raise UsageError(Text("usage.cluster.extra", missing=", ".join(missing)))
    return True


#: what a cluster run imports: the optional extra `flexrules[dask]`
_CLUSTER_MODULES = ("dask", "distributed", "pandas", "pyarrow", "numpy")


def check_on_cluster(
    args: argparse.Namespace,
    policy: Policy,
    roster: Roster,
    period: Any,
    headcount: Mapping[Any, int] | None,
) -> Any:
    """The roster's violations, checked on the cluster, as an Arrow table."""
    import dask.dataframe as dd
    import distributed
    import pandas as pd
    import pyarrow as pa

    from .. import dask as flexdask

    def frame(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> Any:
        table = pa.Table.from_pylist(rows) if rows else pa.table({c: [] for c in columns})
        partitions = max(1, min(len(rows) // 2_000, 64))
        return dd.from_pandas(table.to_pandas(types_mapper=pd.ArrowDtype), npartitions=partitions)

    shifts = [
        {**shift, "employee": ident} for ident, mine in roster.shifts.items() for shift in mine
    ]
    leave = [
        {"employee": ident, "date": day} for ident, days in roster.absences.items() for day in days
    ]
    if args.scheduler is not None:
        client = distributed.Client(args.scheduler)
        cluster = None
    else:
        cluster = distributed.LocalCluster(
            n_workers=args.workers, threads_per_worker=1, dashboard_address=":0"
        )
        client = distributed.Client(cluster)
    try:
        found = flexdask.check_roster(
            policy,
            frame(roster.employees, ("id",)),
            frame(shifts, ("employee", "start", "end", "location")),
            period,
            frame(leave, ("employee", "date")) if leave else None,
            headcount,
            language=args.lang,
        ).compute()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return pa.Table.from_pandas(found, preserve_index=False)
