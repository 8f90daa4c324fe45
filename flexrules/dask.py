"""flexrules on a Dask cluster: tables of shifts decided, and rosters checked, partition by
partition (shared/SCALE.md §2; docs/scaling.md).

- `decide(policy, shifts)`: each partition through `Policy.decide_table`; the input's rows with
  `allowed`, `rules` and `error` added.
- `check_roster(policy, employees, shifts, period, absences, headcount)`: a map and a reduce.
  Employees, shifts and leave are partitioned by employee id alike (a hash of the id, so an
  employee's rows meet in one partition; or, with `partitioned=True`, as they were read, for
  files already written per unit or region: no shuffle); each partition checks its schedules
  by the columnar roster check (`columns.roster_check.check_part`: limits as grouped sums,
  the plain checker only for employees who break something). Staffing and shares then go by counts
  (`columns.roster_counts`): each partition sends partial counts of who is present per group,
  window and instant, and of who is away per group and day; one task sums them and finds the
  gaps and overruns; each partition sends the people of those only, and four tasks word
  them, a share of the flagged groups each. What travels is proportional to groups x
  windows and to the violations, not to the shifts.
  A policy or roster the columns do not take goes the plain way (each employee's facts and
  shifts gathered for `RosterChecker.group_violations`). The violations equal
  `Policy.check_roster`'s, violation for violation (in another order: the map's partitions
  come first, each in employee order, then the staffing and share violations).

The policy travels as its texts (`ShippedPolicy`) and each worker process compiles a given
policy at most once, whatever the number of tasks: a per-process memory keyed by the policy's
fingerprint (`compiled`, `compile_count`).

Needs the optional extra `flexrules[dask]`.
"""

from __future__ import annotations

import threading
import zoneinfo
from collections.abc import Callable, Mapping
from typing import Any

import dask.dataframe as dd
import numpy as np
import pandas as pd
import pyarrow as pa
from dask.delayed import delayed

from .clock.calendar import DAY
from .columns.roster_check import GroupPart, Unsupported, check_part
from .columns.roster_counts import (
    Details,
    Local,
    PartCounts,
    Plan,
    extent,
    judged_days,
    plain_inputs,
    plan,
    word,
)
from .columns.rosters import (
    VIOLATION_COLUMNS,
    _leave,
    schedules_of,
    violation_schema,
    violations_table,
)
from .columns.tables import no_changes, result_schema
from .core.errors import InputError
from .core.messages import Text
from .engine.facts import attribute_keys
from .policy import Policy
from .rosters.staffing import checked_headcount

_KEY = "__flexrules_part"
#: tasks that word the staffing and share violations, each a share of the flagged groups
_WORDING = 4
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
    policy: Any,
    employees: dd.DataFrame,
    shifts: dd.DataFrame,
    period: Any = None,
    absences: dd.DataFrame | None = None,
    headcount: Mapping[Any, int] | None = None,
    *,
    language: str | None = None,
    max_period_days: int | None = None,
    npartitions: int | None = None,
    partitioned: bool = False,
) -> dd.DataFrame:
    """Every violation of a roster given as Dask DataFrames, one row each (the columns of
    `Policy.check_table`), by a map over partitions of employees and a reduce (see the
    module). A set of versions (`PolicySet`), or a policy with `effective from`, is checked
    whole in one task by its own `check_table` (see the module); a `changes` column is
    refused at once, as `check_table` refuses it.

    `partitioned=True` says the frames are already partitioned alike: partition `i` of the
    shifts and of the absences holds every row of the employees in partition `i` of the
    employees (as files written per unit or region and read one partition per file). The
    shuffle is then skipped, each partition checked where it was read; the frames must have
    as many partitions each (a `ValueError` otherwise). The answer is the same when the
    promise holds; when it does not, an employee's shifts are checked apart from their
    facts."""
    no_changes(employees._meta)
    if "id" not in employees.columns:  # as check_table says it, before any work
        raise InputError("id", None, Text("input.roster.no_id"))
    ship = getattr(policy, "shipped", None)  # a set of versions (flexrules.versions)
    if ship is not None or policy.effective_from is not None:
        return _whole(
            policy, employees, shifts, period, absences, headcount, language, max_period_days
        )
    shipped = ShippedPolicy(policy)
    if partitioned:
        parts = _aligned(employees, shifts, absences)
        people, work, leave = employees, shifts, absences
    else:
        parts = npartitions or max(employees.npartitions, shifts.npartitions)
        lookup = _by_group(policy, employees, parts)
        people = _by_employee(employees, "id", parts, lookup)
        work = _by_employee(shifts, "employee", parts, lookup)
        leave = _by_employee(absences, "employee", parts, lookup) if absences is not None else None
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
    meta = (
        violation_schema(policy._decider.zone).empty_table().to_pandas(types_mapper=pd.ArrowDtype)
    )
    if policy._rosters.rules:
        found.extend(_groups(mapped, shipped, period, headcount, language, max_period_days))
    return dd.from_delayed(found, meta=meta, verify_meta=False)


def _aligned(employees: dd.DataFrame, shifts: dd.DataFrame, absences: dd.DataFrame | None) -> int:
    """The partitions of frames said to be partitioned alike, checked to be as many each."""
    counts = {employees.npartitions, shifts.npartitions}
    if absences is not None:
        counts.add(absences.npartitions)
    if len(counts) != 1:
        raise ValueError(
            "partitioned=True needs as many partitions of employees, shifts and absences, "
            f"not {employees.npartitions}, {shifts.npartitions} and "
            f"{absences.npartitions if absences is not None else '-'}"
        )
    return employees.npartitions


def _whole(
    policy: Any,
    employees: dd.DataFrame,
    shifts: dd.DataFrame,
    period: Any,
    absences: dd.DataFrame | None,
    headcount: Mapping[Any, int] | None,
    language: str | None,
    max_period_days: int | None,
) -> dd.DataFrame:
    """The roster gathered into one task and checked by the policy's own `check_table`: a
    set of versions decides each day by the version in force and applies limits across a
    change of version, which needs every schedule and the whole roster's days at once
    (`PolicySet.check_roster`). Not spread over the cluster: the same answer, on one worker."""
    ship = getattr(policy, "shipped", None)
    shipped = ship() if ship is not None else ShippedPolicy(policy)
    checked_headcount(headcount)
    found = delayed(_whole_part)(
        employees.to_delayed(),
        shifts.to_delayed(),
        absences.to_delayed() if absences is not None else None,
        shipped,
        period,
        headcount,
        language,
        max_period_days,
    )
    zone = zoneinfo.ZoneInfo(policy.timezone)
    meta = violation_schema(zone).empty_table().to_pandas(types_mapper=pd.ArrowDtype)
    return dd.from_delayed([found], meta=meta, verify_meta=False)


def _whole_part(
    employees: list[pd.DataFrame],
    shifts: list[pd.DataFrame],
    absences: list[pd.DataFrame] | None,
    shipped: Any,
    period: Any,
    headcount: Mapping[Any, int] | None,
    language: str | None,
    max_period_days: int | None,
) -> pd.DataFrame:
    def table(frames: list[pd.DataFrame]) -> pa.Table:
        return _arrow(pd.concat(frames).reset_index(drop=True))

    found = shipped.policy().check_table(
        table(employees),
        table(shifts),
        period,
        table(absences) if absences is not None else None,
        headcount,
        language=language,
        max_period_days=max_period_days,
    )
    return found.to_pandas(types_mapper=pd.ArrowDtype)


def _groups(
    mapped: list[Any],
    shipped: ShippedPolicy,
    period: Any,
    headcount: Mapping[Any, int] | None,
    language: str | None,
    max_period_days: int | None,
) -> list[Any]:
    """The staffing and share violations, as a map and a reduce of counts
    (`columns.roster_counts`): what each partition sends is counts per group, then the people
    of the gaps and overruns found; each partition's shifts stay where they were read. The
    plan is cut in `_WORDING` shares of its groups, each gathered and worded by its own task
    (wording is most of the reduce's work, and a group's words need only its own people)."""
    checked_headcount(headcount)  # before any work: the caller's mistake, said at once
    extents = [delayed(_extent)(part) for part in mapped]
    days = delayed(judged_days)(extents, period, max_period_days)
    local = [delayed(_local)(part, shipped, days) for part in mapped]
    counts = [delayed(_counts)(one) for one in local]
    planned = delayed(_plan)(counts, shipped, days, headcount)
    worded = []
    for share in range(_WORDING):  # the wording spread over tasks, a share of the groups each
        mine = delayed(_share_of)(planned, share)
        details = [delayed(_details)(one, shipped, mine) for one in local]
        worded.append(
            delayed(_word)(mine, details, shipped, period, headcount, language, max_period_days)
        )
    return worded


def _by_employee(frame: dd.DataFrame, column: str, parts: int, lookup: Any = None) -> dd.DataFrame:
    """The frame with every row of an employee in one partition, for every frame alike:
    partition `i` holds the ids whose hash (of their text) is `i` modulo `parts`, or, with a
    `lookup` (`_by_group`), the partition of the employee's group."""
    meta = _with_part(frame._meta, column, parts, None)
    keyed = frame.map_partitions(_with_part, column, parts, lookup, meta=meta)
    return keyed.set_index(_KEY, divisions=[*range(parts), parts])


def _with_part(frame: pd.DataFrame, column: str, parts: int, lookup: Any) -> pd.DataFrame:
    """The frame with each row's partition number; Arrow dictionary columns (which Dask's
    shuffle cannot move) as their values."""
    plain = {
        name: frame[name].astype(pd.ArrowDtype(kind.pyarrow_dtype.value_type))
        for name, kind in frame.dtypes.items()
        if isinstance(kind, pd.ArrowDtype) and pa.types.is_dictionary(kind.pyarrow_dtype)
    }
    if plain:
        frame = frame.assign(**plain)
    hashed = _hashed(frame[column])
    part = hashed % np.uint64(parts)
    if lookup is not None and hashed.size:
        known, their = lookup
        at = np.minimum(np.searchsorted(known, hashed), max(known.size - 1, 0))
        found = known[at] == hashed if known.size else np.zeros(hashed.size, dtype=bool)
        part = np.where(found, their[at] if known.size else part, part)
    return frame.assign(**{_KEY: part.astype("int64")})


def _hashed(values: pd.Series) -> np.ndarray:
    """Each value's hash, of its text (an id as `ident_of` reads it). Each distinct value is
    turned into text and hashed once (`pd.factorize`, Arrow's own for Arrow columns): a
    partition of shifts repeats each id some twenty times."""
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    text = pd.Series(uniques, dtype=values.dtype).astype(str).astype(object)
    found: np.ndarray = pd.util.hash_pandas_object(text, index=False).to_numpy()
    return found[codes]


def _by_group(policy: Policy, employees: dd.DataFrame, parts: int) -> Any:
    """Where every staffing and share rule counts within groups of one employee column (`in
    each unit`), a lookup putting each employee in the partition of their group, so that a
    group's members meet in one partition and its counts are a few instants per window, not
    one per member (`columns.roster_counts`); None otherwise (partitions by employee id).
    The lookup: the employees' id hashes, sorted, and their group's partition (ids whose
    hashes collide share the first one's, so an employee's rows still meet)."""
    column = _group_column(policy, list(employees.columns))
    if column is None:
        return None
    pairs = employees[["id", column]].to_delayed()
    return delayed(_lookup)(pairs, column, parts)


def _group_column(policy: Policy, names: list[str]) -> str | None:
    """The one employee column every group rule's `in each` reads, if there is one."""
    found: set[str] = set()
    for rule in policy._rosters.rules:
        if rule.in_each is None:
            continue
        keys = [key for key in attribute_keys(rule.in_each.decl.name.text) if key in names]
        if len(keys) != 1:
            return None
        found.add(keys[0])
    return found.pop() if len(found) == 1 else None


def _lookup(frames: list[pd.DataFrame], column: str, parts: int) -> tuple[np.ndarray, ...]:
    frame = pd.concat(frames) if frames else pd.DataFrame({"id": [], column: []})
    ids = _hashed(frame["id"])
    groups = _hashed(frame[column]) % np.uint64(parts)
    order = np.argsort(ids, kind="stable")
    ids, groups = ids[order], groups[order]
    first = np.ones(ids.size, dtype=bool)
    first[1:] = ids[1:] != ids[:-1]
    return ids[first], groups[first]


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


def _extent(part: tuple[Any, Any]) -> tuple[int, int] | None:
    """The days a partition's shifts touch (either way it was checked)."""
    found = part[1]
    if isinstance(found, GroupPart):
        return extent(found.spans)
    spans = found[1]
    if not spans:
        return None
    return min(s[1] for s in spans) // DAY, max(s[2] - 1 for s in spans) // DAY


class _Plain:
    """A partition whose staffing and shares go the plain way: its facts and shifts, or its
    columnar part, turned into them only if the reduce asks (a plain plan)."""

    def __init__(self, found: Any) -> None:
        self.found = found


def _local(part: tuple[Any, Any], shipped: ShippedPolicy, days: Any) -> Local | _Plain:
    """A partition's counts (`columns.roster_counts.Local`), or `_Plain` where it was checked
    the plain way or the counts do not take it."""
    found = part[1]
    if not isinstance(found, GroupPart) or days is None:
        return _Plain(found)
    try:
        return Local(shipped.policy()._rosters, found, days)
    except Unsupported:
        return _Plain(found)


def _counts(local: Local | _Plain) -> PartCounts | None:
    return local.counts if isinstance(local, Local) else None


def _plan(
    counts: list[PartCounts | None],
    shipped: ShippedPolicy,
    days: Any,
    headcount: Mapping[Any, int] | None,
) -> Plan:
    return plan(shipped.policy()._rosters, counts, days, headcount)


def _share_of(planned: Plan, share: int) -> Plan:
    """Every `_WORDING`-th group of the plan (each rule's flagged groups dealt in turn), so a
    group is worded whole by one task; a plain plan goes whole to the first share."""
    if planned.plain:
        return planned if share == 0 else Plan(planned.days, {}, {})
    return Plan(
        planned.days,
        {index: flagged[share::_WORDING] for index, flagged in planned.staffing.items()},
        {index: over[share::_WORDING] for index, over in planned.shares.items()},
    )


def _details(local: Local | _Plain, shipped: ShippedPolicy, planned: Plan) -> Any:
    """What the reduce needs of a partition: the people of the gaps and overruns found, or
    (a plain plan) every employee's facts and shifts."""
    rosters = shipped.policy()._rosters
    if not planned.plain:
        if isinstance(local, Local):
            return local.details(rosters, planned)
        return Details({}, {})  # nothing found and nothing to count: days is None
    found = local.part if isinstance(local, Local) else local.found
    return plain_inputs(rosters, found) if isinstance(found, GroupPart) else found


def _word(
    planned: Plan,
    details: list[Any],
    shipped: ShippedPolicy,
    period: Any,
    headcount: Mapping[Any, int] | None,
    language: str | None,
    max_period_days: int | None,
) -> pd.DataFrame:
    """The staffing and share violations of the whole roster: worded from the details, or
    (a plain plan) by the plain steps over every employee's facts and shifts."""
    rosters = shipped.policy()._rosters
    if planned.plain:
        facts: dict[str, Any] = {}
        spans: list[Any] = []
        for part_facts, part_spans in details:
            facts.update(part_facts)
            spans.extend(part_spans)
        found = rosters.group_violations(facts, spans, period, headcount, max_period_days)
    else:
        found = word(rosters, planned, details)
    return violations_table(found, rosters.decider.zone, language).to_pandas(
        types_mapper=pd.ArrowDtype
    )


__all__ = ["VIOLATION_COLUMNS", "ShippedPolicy", "check_roster", "compile_count", "decide"]
