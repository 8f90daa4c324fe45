"""`flexrules roster ... --workers N | --scheduler ADDRESS`, and rosters given as Parquet: the
violations, one row each (the columns of `Policy.check_table`), checked on a Dask cluster
(`flexrules.dask.check_roster`, a local one of N worker processes or an existing one) or, for
Parquet files without a cluster, by `check_table` in this process.

Parquet files (a file ending `.parquet` or a folder: a dataset) are read by Arrow, straight
into Dask DataFrames on a cluster, never through Python rows: values are values. CSV, JSON and
spreadsheets are read as the roster command always reads them (the one table of DATA.md, so
a cell means what it means without a cluster), then sent to the cluster as tables. The
violations go out as Parquet (`--out FILE`), CSV or JSON lines (one object a line); a run of
this kind gives the violations, not the whole report. A progress bar on standard error when
it is a terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import logging
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..core.messages import Text, say, spoken
from ..files.cells import EMPLOYEE_FIELDS, SHIFT_FIELDS
from ..files.records import Columns, FileWarning
from ..files.roster import Roster
from ..files.validity import VALIDITY
from ..policy import Policy
from ..versions import PolicySet
from .common import FileProblem, UsageError, print_err

#: what a run that gives the violations writes
VIOLATION_FORMATS = ("parquet", "csv", "json")


def add_cluster_options(command: argparse.ArgumentParser) -> None:
    where = command.add_mutually_exclusive_group()
    where.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="check the roster on a local Dask cluster of N worker processes "
        "(needs flexrules[dask]; gives the violations: --format parquet, csv or json)",
    )
    where.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="check the roster on the Dask cluster whose scheduler is at ADDRESS "
        "(tcp://HOST:PORT; flexrules installed on its workers, Parquet files where they "
        "can read them)",
    )
    command.add_argument(
        "--partitioned",
        action="store_true",
        help="with --workers or --scheduler and Parquet folders: file i of each folder holds "
        "the same employees (written per unit or region), so the cluster skips its shuffle",
    )


def on_cluster(args: argparse.Namespace) -> bool:
    """Whether the run goes to a cluster; a usage error for what a cluster run cannot give."""
    parquet = parquet_inputs(args)
    if args.partitioned and (not parquet or (args.workers is None and args.scheduler is None)):
        raise UsageError(Text("usage.cluster.partitioned"))
    if args.workers is None and args.scheduler is None:
        if parquet:
            _violations_only(args, "usage.parquet_in.formats")
        return False
    if args.workers is not None and args.workers < 1:
        raise UsageError(Text("usage.cluster.workers", workers=str(args.workers)))
    _violations_only(args, "usage.cluster.formats")
    if args.changes is not None:
        raise UsageError(Text("usage.cluster.changes"))
    missing = [m for m in _CLUSTER_MODULES if importlib.util.find_spec(m) is None]
    if missing:  # before any file is read, not an internal error half-way
        raise UsageError(Text("usage.cluster.extra", missing=", ".join(missing)))
    return True


def _violations_only(args: argparse.Namespace, code: str) -> None:
    shape = "json" if args.json else args.format
    if shape not in VIOLATION_FORMATS:
        raise UsageError(Text(code))


def parquet_inputs(args: argparse.Namespace) -> bool:
    """Whether the roster's files are Parquet (all of them; a mix is a usage error)."""
    paths = [p for p in (args.employees, args.shifts, args.absences) if p is not None]
    kinds = [_is_parquet(p) for p in paths]
    if any(kinds) and not all(kinds):
        raise UsageError(Text("usage.parquet.mixed"))
    if any(kinds) and args.changes is not None:
        raise UsageError(Text("usage.parquet.changes"))
    return bool(kinds) and all(kinds)


def _is_parquet(path: str) -> bool:
    """A Parquet file by its name, or a folder (a Parquet dataset)."""
    if path == "-":
        return False
    return path.lower().endswith((".parquet", ".parq", ".pq")) or Path(path).is_dir()


def parquet_warnings(args: argparse.Namespace, policy: Policy | PolicySet) -> list[FileWarning]:
    """The columns of the employees and shifts Parquet files that flexrules does not read
    (a typo of an attribute's name, with a did-you-mean), one warning per file, as a CSV
    file's are said: a table read whole would otherwise ignore them in silence."""
    try:
        import pyarrow.dataset as dataset
    except ImportError:  # the reading says the extra is missing
        return []
    found: list[FileWarning] = []
    for path, owner, fields in (
        (args.employees, "employee", (*EMPLOYEE_FIELDS, *VALIDITY)),
        (args.shifts, "shift", (*SHIFT_FIELDS, "timezone")),
    ):
        try:
            names = dataset.dataset(path, format="parquet").schema.names
        except (OSError, ValueError):  # the reading says what is wrong with it
            continue
        columns = Columns.of(policy, owner, fields)
        columns.header(names)
        columns.warn(path, found)
    return found


#: what a cluster run imports: the optional extra `flexrules[dask]`
_CLUSTER_MODULES = ("dask", "distributed", "pandas", "pyarrow", "numpy")


def for_cluster(policy: Policy | PolicySet) -> Policy | PolicySet:
    """The policy a cluster checks. A set of versions, or a policy with `effective from`, is
    checked whole in one task (`flexrules.dask.check_roster`): the same answers as without
    a cluster, so it is taken, with a warning that the cluster does not speed it up."""
    if isinstance(policy, PolicySet) or policy.effective_from is not None:
        warning = say("usage.cluster.one_task", spoken())
        print_err(say("cli.warning", spoken(), message=warning))
    return policy


def check_on_cluster(
    args: argparse.Namespace,
    policy: Policy | PolicySet,
    roster: Roster | None,
    period: Any,
    headcount: Mapping[Any, int] | None,
) -> Any:
    """The roster's violations, checked on the cluster, as an Arrow table: from the roster
    read from text files, or (`roster` None) the Parquet files named."""
    import distributed
    import pyarrow as pa

    from .. import dask as flexdask

    if roster is None:
        employees, shifts, leave = _parquet_frames(args)
    else:
        employees, shifts, leave = _roster_frames(roster)
    if args.scheduler is not None:
        try:
            client = distributed.Client(args.scheduler, timeout="20s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise UsageError(
                Text("usage.cluster.unreachable", address=args.scheduler, reason=str(exc))
            ) from None
        cluster = None
    else:
        cluster = distributed.LocalCluster(  # a task's failure is said once, by the CLI,
            n_workers=args.workers,  # not logged by the workers with their traceback too
            threads_per_worker=1,
            dashboard_address=":0",
            silence_logs=logging.CRITICAL,
        )
        client = distributed.Client(cluster)
    try:
        checked = flexdask.check_roster(
            policy,
            employees,
            shifts,
            period,
            leave,
            headcount,
            language=args.lang,
            partitioned=roster is None and args.partitioned,
        )
        found = _computed(client, checked)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return pa.Table.from_pandas(found, preserve_index=False)


def _computed(client: Any, checked: Any) -> Any:
    """The collection computed; with distributed's progress bar on standard error when it is
    a terminal (the bar draws on standard output, which may hold the violations)."""
    if not sys.stderr.isatty():
        return checked.compute()
    import distributed

    persisted = client.persist(checked)
    with contextlib.redirect_stdout(sys.stderr):
        distributed.progress(persisted)
        print(file=sys.stderr)
    return persisted.compute()


def _parquet_frames(args: argparse.Namespace) -> tuple[Any, Any, Any]:
    import dask.dataframe as dd

    partitioned = args.partitioned

    def read(path: str) -> Any:  # a file that is not Parquet: said as without a cluster
        try:  # partitioned alike: one partition per file, in the files' order
            return dd.read_parquet(
                path,
                dtype_backend="pyarrow",
                **({"split_row_groups": False} if partitioned else {}),
            )
        except (OSError, ValueError) as exc:  # ArrowInvalid is a ValueError
            raise FileProblem(
                Text("usage.parquet.unreadable", path=path, reason=str(exc))
            ) from None

    leave = read(args.absences) if args.absences is not None else None
    employees, shifts = read(args.employees), read(args.shifts)
    counts = [frame.npartitions for frame in (employees, shifts, leave) if frame is not None]
    if partitioned and len(set(counts)) > 1:
        raise FileProblem(Text("usage.cluster.unaligned", counts=", ".join(str(n) for n in counts)))
    return employees, shifts, leave


def _roster_frames(roster: Roster) -> tuple[Any, Any, Any]:
    """The roster's rows as Dask DataFrames of Arrow-typed columns."""
    import dask.dataframe as dd
    import pandas as pd
    import pyarrow as pa

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
    return (
        frame(roster.employees, ("id",)),
        frame(shifts, ("employee", "start", "end", "location")),
        frame(leave, ("employee", "date")) if leave else None,
    )


def check_parquet_here(
    args: argparse.Namespace,
    policy: Policy | PolicySet,
    period: Any,
    headcount: Mapping[Any, int] | None,
) -> Any:
    """A roster of Parquet files checked in this process (`check_table`), as an Arrow table."""
    try:
        import pyarrow.parquet as parquet
    except ImportError:  # the optional columnar extra
        raise UsageError(Text("usage.parquet.extra")) from None

    def read(path: str) -> Any:
        try:
            return parquet.read_table(path)
        except (OSError, ValueError) as exc:
            raise FileProblem(
                Text("usage.parquet.unreadable", path=path, reason=str(exc))
            ) from None

    leave = read(args.absences) if args.absences is not None else None
    return policy.check_table(
        read(args.employees),
        read(args.shifts),
        period,
        leave,
        headcount,
        language=args.lang,
    )
