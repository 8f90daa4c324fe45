"""flexrules on a Dask cluster: tables of shifts decided, and rosters checked, partition by
partition (shared/SCALE.md §2; docs/scaling.md).

- `decide(policy, shifts)`: each partition through `Policy.decide_table`; the input's rows with
  `allowed`, `rules` and `error` added.
- `check_roster(policy, employees, shifts, period, absences, headcount)`: a map and a reduce.
  Employees, shifts and leave are partitioned by employee id alike (a hash of the id, so an
  employee's rows meet in one partition); each partition checks its schedules by the columnar
  roster check (`columns.roster_check.check_part`: limits as grouped sums, the plain checker
  only for employees who break something) and gives what the staffing and share rules read of
  it as arrays (the columns those rules read, each shift's employee, start, end and location
  on the policy's clock); one reduce task joins them and counts the staffing gaps and share
  overruns. A policy or roster the columns do not take goes the plain way in the same two
  steps. The violations equal `Policy.check_roster`'s, violation for
  violation (in another order: the map's partitions come first, each in employee order, then
  the reduce's).

The policy travels as its texts (`ShippedPolicy`) and each worker process compiles a given
policy at most once, whatever the number of tasks: a per-process memory keyed by the policy's
fingerprint (`compiled`, `compile_count`).

Needs the optional extra `flexrules[dask]`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any

import dask.dataframe as dd
import pandas as pd
import pyarrow as pa
from dask.delayed import delayed

from .columns.roster_check import GroupPart, Unsupported, check_part, reduce_parts
from .columns.rosters import (
    VIOLATION_COLUMNS,
    _leave,
    schedules_of,
    violation_schema,
    violations_table,
)
from .columns.tables import result_schema
from .policy import Policy

_KEY = "__flexrules_part"
#: policies a worker process keeps compiled, the newest
_KEPT = 8
_compiled: dict[str, Policy] = {}
_lock = threading.Lock()
_compiles = [0]


class ShippedPolicy:
    """A policy as it travels to workers: its texts, cache size and fingerprint. `policy()`
    gives the compiled policy, compiled at most once per process (see the module)."""

    def __init__(self, policy: Policy) -> None:
        self.sources = dict(policy._sources)
        self.cache_size = policy.cache_size
        self.fingerprint = policy.fingerprint
        self.language = policy._forced_language  # a `language=` given when it was compiled
        self.rebuild: Callable[[dict[str, str], int, str | None], Policy] = policy._rebuild
        # the process that ships it needs no compile
        _keep(policy, _key(self.fingerprint, self.cache_size, self.language))

    def __getstate__(self) -> dict[str, Any]:
        return {
            "sources": self.sources,
            "cache_size": self.cache_size,
            "fingerprint": self.fingerprint,
            "language": self.language,
            "rebuild": self.rebuild,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def policy(self) -> Policy:
        key = _key(self.fingerprint, self.cache_size, self.language)
        found = _compiled.get(key)
        if found is None:
            with _lock:
                found = _compiled.get(key)
                if found is None:
                    _compiles[0] += 1
                    found = self.rebuild(self.sources, self.cache_size, self.language)
                    _keep(found, key)
        return found


def _key(fingerprint: str, cache_size: int, language: str | None) -> str:
    return f"{fingerprint}/{cache_size}/{language}"


def _keep(policy: Policy, key: str) -> None:
    _compiled[key] = policy
    while len(_compiled) > _KEPT:
        _compiled.pop(next(iter(_compiled)))


def compile_count() -> int:
    """How many policies this process has compiled from shipped texts (for tests: run it on
    each worker with `client.run`)."""
    return _compiles[0]


# ---- deciding ----------------------------------------------------------------------------------


def decide(
    policy: Policy, shifts: dd.DataFrame, *, explain: bool = False, language: str | None = None
) -> dd.DataFrame:
    """Every row of a Dask DataFrame of shifts decided (`Policy.decide_table` per partition).
    A set of versions (`flexrules.PolicySet`) ships its versions and decides each partition
    by `PolicySet.decide_table`."""
    ship = getattr(policy, "shipped", None)  # a set of versions (flexrules.versions)
    shipped = ship() if ship is not None else ShippedPolicy(policy)
    meta = _added(shifts._meta, pa.table({n: pa.array([], t) for n, t in result_schema(explain)}))
    return shifts.map_partitions(_decide_part, shipped, explain, language, meta=meta)


def _decide_part(
    frame: pd.DataFrame, shipped: ShippedPolicy, explain: bool, language: str | None
) -> pd.DataFrame:
    """A partition decided; the added columns keep their Arrow types (`pandas.ArrowDtype`),
    so Dask does not turn the lists of rule ids into text."""
    policy = shipped.policy()
    names = [name for name, _ in result_schema(explain)]
    try:
        arrow = pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        decided = policy.decide_table(frame, explain=explain, language=language)
        types = dict(result_schema(explain))
        added = pa.table({n: pa.array(decided[n].tolist(), types[n]) for n in names})
    else:
        added = policy.decide_table(arrow, explain=explain, language=language).select(names)
    return _added(frame, added)


def _added(frame: pd.DataFrame, added: pa.Table) -> pd.DataFrame:
    """The frame with the result columns (replacing any of the same name), as Arrow types."""
    kept = frame.drop(columns=[c for c in added.column_names if c in frame.columns])
    columns = added.to_pandas(types_mapper=pd.ArrowDtype)
    columns.index = kept.index
    return kept.assign(**{name: columns[name] for name in added.column_names})


# ---- rosters -----------------------------------------------------------------------------------


def check_roster(
    policy: Policy,
    employees: dd.DataFrame,
    shifts: dd.DataFrame,
    period: Any = None,
    absences: dd.DataFrame | None = None,
    headcount: Mapping[Any, int] | None = None,
    *,
    language: str | None = None,
    max_period_days: int | None = None,
    npartitions: int | None = None,
) -> dd.DataFrame:
    """Every violation of a roster given as Dask DataFrames, one row each (the columns of
    `Policy.check_table`), by a map over partitions of employees and a reduce (see the
    module)."""
    if not isinstance(policy, Policy) or policy.effective_from is not None:
        raise TypeError(
            "flexrules.dask.check_roster takes one Policy, not a set of versions or a policy "
            f"with `effective from` ({type(policy).__name__}): check them with check_table, "
            "or each version's days with a Policy in force on every day"
        )
    shipped = ShippedPolicy(policy)
    parts = npartitions or max(employees.npartitions, shifts.npartitions)
    people = _by_employee(employees, "id", parts)
    work = _by_employee(shifts, "employee", parts)
    leave = _by_employee(absences, "employee", parts) if absences is not None else None
    mapped = [
        delayed(_roster_part)(person, shift, away, shipped, period, language, max_period_days)
        for person, shift, away in zip(
            people.to_delayed(),
            work.to_delayed(),
            leave.to_delayed() if leave is not None else [None] * parts,
            strict=True,
        )
    ]
    found = [delayed(_first)(part) for part in mapped]
    group = delayed(_reduce)(
        [delayed(_second)(part) for part in mapped],
        shipped,
        period,
        headcount,
        language,
        max_period_days,
    )
    meta = (
        violation_schema(policy._decider.zone).empty_table().to_pandas(types_mapper=pd.ArrowDtype)
    )
    return dd.from_delayed([*found, group], meta=meta, verify_meta=False)


def _by_employee(frame: dd.DataFrame, column: str, parts: int) -> dd.DataFrame:
    """The frame with every row of an employee in one partition: partition `i` holds the ids
    whose hash (of their text) is `i` modulo `parts`, for every frame alike."""
    keyed = frame.map_partitions(_with_part, column, parts)
    return keyed.set_index(_KEY, divisions=[*range(parts), parts])


def _with_part(frame: pd.DataFrame, column: str, parts: int) -> pd.DataFrame:
    """The frame with each row's partition number; Arrow dictionary columns (which Dask's
    shuffle cannot move) as their values."""
    plain = {
        name: frame[name].astype(pd.ArrowDtype(kind.pyarrow_dtype.value_type))
        for name, kind in frame.dtypes.items()
        if isinstance(kind, pd.ArrowDtype) and pa.types.is_dictionary(kind.pyarrow_dtype)
    }
    if plain:
        frame = frame.assign(**plain)
    ids = frame[column].astype(str).astype(object)  # the id as text, as `ident_of` reads it
    hashed = pd.util.hash_pandas_object(ids, index=False).to_numpy()
    return frame.assign(**{_KEY: (hashed % parts).astype("int64")})


def _roster_part(
    employees: pd.DataFrame,
    shifts: pd.DataFrame,
    absences: pd.DataFrame | None,
    shipped: ShippedPolicy,
    period: Any,
    language: str | None,
    max_period_days: int | None,
) -> tuple[pd.DataFrame, Any]:
    """One partition's schedule violations, and what the staffing and share rules read of
    it: by the columnar check (`columns.roster_check.check_part`: a `GroupPart` of arrays)
    where it takes the roster, else by the plain one (`RosterChecker.group_inputs`: each
    employee's facts and shifts)."""
    policy = shipped.policy()
    rosters = policy._rosters
    people = employees.reset_index(drop=True)
    work = shifts.reset_index(drop=True)
    leave = absences.reset_index(drop=True) if absences is not None else None
    try:
        violations, part = check_part(
            rosters,
            _arrow(people),
            _arrow(work),
            lambda known: _leave(_arrow(leave).to_pylist() if leave is not None else [], known),
            period,
            max_period_days,
        )
        found: Any = part
    except Unsupported:
        schedules = schedules_of(people, work, leave)
        violations, facts, spans = rosters.group_inputs(schedules, period, max_period_days)
        found = (facts, spans)
    table = violations_table(violations, rosters.decider.zone, language)
    return table.to_pandas(types_mapper=pd.ArrowDtype), found


def _arrow(frame: pd.DataFrame) -> pa.Table:
    return pa.Table.from_pandas(frame, preserve_index=False)


def _first(part: tuple[Any, Any]) -> Any:
    return part[0]


def _second(part: tuple[Any, Any]) -> Any:
    return part[1]


def _reduce(
    parts: list[Any],
    shipped: ShippedPolicy,
    period: Any,
    headcount: Mapping[Any, int] | None,
    language: str | None,
    max_period_days: int | None,
) -> pd.DataFrame:
    """The staffing and share violations of the whole roster, from every partition's part:
    arrays joined and counted (`columns.roster_check.reduce_parts`) where every partition
    gave them, else every employee's facts and shifts gathered for the plain steps."""
    rosters = shipped.policy()._rosters
    if all(isinstance(part, GroupPart) for part in parts):
        found = reduce_parts(rosters, parts, period, headcount, max_period_days)
    else:
        facts: dict[str, Any] = {}
        spans: list[Any] = []
        for part in parts:
            part_facts, part_spans = (
                _plain(rosters.decider, part) if isinstance(part, GroupPart) else part
            )
            facts.update(part_facts)
            spans.extend(part_spans)
        found = rosters.group_violations(facts, spans, period, headcount, max_period_days)
    return violations_table(found, rosters.decider.zone, language).to_pandas(
        types_mapper=pd.ArrowDtype
    )


def _plain(decider: Any, part: GroupPart) -> tuple[dict[str, Any], list[Any]]:
    """A columnar part as the plain steps read it: each employee's facts, and its shifts."""
    people = part.people
    rows = people.employees.to_pylist() if people.count else []
    facts = {
        ident: decider.employee_values(row) for ident, row in zip(people.ids, rows, strict=True)
    }
    spans = part.spans
    ids = people.ids
    return facts, [
        (ids[who], start, end, location)
        for who, start, end, location in zip(
            spans.emp.tolist(),
            spans.start.tolist(),
            spans.end.tolist(),
            spans.location.tolist(),
            strict=True,
        )
    ]


__all__ = ["VIOLATION_COLUMNS", "ShippedPolicy", "check_roster", "compile_count", "decide"]
