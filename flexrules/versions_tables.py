"""Tables for a set of versions (DATA.md §5; SETTLED.md, "Columns and clusters": the table
paths take sets of versions and never answer differently from the library).

`decide_table`: each row goes to the version in force on its local day (the day of its start
on the employee's clock, as `decide` reads it); each version decides its rows with its own
`decide_table`, a column at a time, and the answers are put back in the rows' order. A row on
a day no version is in force, or across a change of version, is decided by the set's `decide`
row by row; a row whose times cannot be read goes to the latest version, whose
`decide_table` says what is wrong with it, as the set's `decide` would. `check_table`: the
roster read from its tables as `Policy.check_table` reads it, checked by the set's
`check_roster`.

The set is passed in (`PolicySet`), not imported: this module is `versions`' helper.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Mapping
from typing import Any

import numpy as np

from .clock.calendar import DAY
from .core.errors import InputError
from .core.messages import chosen_language

#: a row decided by the set's `decide`, not by one version's table
_BY_ROW = -1


def decide_table(
    versions: Any,
    table: Any,
    explain: bool,
    language: str | None,
    errors: str,
    batch_size: int | None,
) -> Any:
    import pyarrow as pa

    from .columns.tables import as_arrow, result_schema, with_results

    if errors not in ("column", "raise"):
        raise ValueError(f'errors is "column" or "raise", not {errors!r}')
    try:
        kind, arrow = as_arrow(table)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        # a pandas frame Arrow cannot hold (mixed types): every row by `decide`
        records = table.to_dict("records")
        rows = list(range(len(records)))
        every = _by_rows(versions, records, rows, explain, language, errors)
        return with_results(
            "pandas", table, None, _arrays(every, rows, explain, result_schema(explain))
        )
    whole = pa.Table.from_batches([arrow]) if isinstance(arrow, pa.RecordBatch) else arrow
    routes = _routes(versions, whole)
    schema = result_schema(explain)
    order: list[Any] = []  # each group's rows, in turn
    parts: list[dict[str, Any]] = []  # each group's result columns, in the same turn
    for index in sorted(set(routes.tolist())):
        chosen = np.flatnonzero(routes == index)
        picked = whole.take(pa.array(chosen, type=pa.int64()))
        order.append(chosen)
        if index == _BY_ROW:
            rows = chosen.tolist()
            found = _by_rows(versions, picked.to_pylist(), rows, explain, language, errors)
            parts.append(_arrays(found, rows, explain, schema))
            continue
        member = versions.members[index]
        decided = member._plain_decide_table(picked, explain, language, errors, batch_size)
        columns = {name: decided.column(name).combine_chunks() for name, _ in schema}
        if explain:  # the version named, as the set's `explain()` names it
            texts = columns["explanation"].to_pylist()
            columns["explanation"] = pa.array(
                [None if t is None else versions.explained(member, t, language) for t in texts],
                type=pa.string(),
            )
        parts.append(columns)
    added = _in_order(parts, order, whole.num_rows, schema)
    return with_results(kind, table, arrow, added)


def _in_order(
    parts: list[dict[str, Any]], order: list[Any], rows: int, schema: list[tuple[str, Any]]
) -> dict[str, Any]:
    """The groups' result columns put back in the rows' order."""
    import pyarrow as pa

    if not parts:
        return {name: pa.array([], type=kind) for name, kind in schema}
    position = np.empty(rows, dtype=np.int64)
    position[np.concatenate(order)] = np.arange(rows, dtype=np.int64)
    taken = pa.array(position)
    return {
        name: pa.concat_arrays([part[name] for part in parts]).take(taken) for name, _ in schema
    }


def _routes(versions: Any, whole: Any) -> Any:
    """Each row's version (its index in `members`), or `_BY_ROW`, as a numpy array: worked
    out once per distinct start, end and time zone."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from .engine.facts import employee_zone, shift_span

    rows = whole.num_rows
    names = whole.schema.names
    wanted = [name for name in ("start", "end", "timezone") if name in names]
    codes = []
    values: list[list[Any]] = []
    for name in wanted:
        column = whole.column(name)
        try:
            encoded = pc.dictionary_encode(column).combine_chunks()
        except (pa.ArrowNotImplementedError, pa.ArrowInvalid, pa.ArrowTypeError):
            encoded = None
        if encoded is None:  # a column Arrow cannot encode: each row its own value
            codes.append(np.arange(rows, dtype=np.int64))
            values.append(column.to_pylist())
            continue
        known = encoded.dictionary.to_pylist()
        indices = pc.fill_null(encoded.indices, len(known)).to_numpy(zero_copy_only=False)
        codes.append(indices.astype(np.int64))
        values.append([*known, None])
    if not codes:
        combos, inverse = np.zeros((1, 0), dtype=np.int64), np.zeros(rows, dtype=np.int64)
    else:
        combos, inverse = np.unique(np.stack(codes, axis=1), axis=0, return_inverse=True)
    latest = len(versions.members) - 1
    index_of = {id(member): n for n, member in enumerate(versions.members)}
    default = zoneinfo.ZoneInfo(versions.members[-1].timezone)
    found = np.empty(len(combos), dtype=np.int64)
    for number, combo in enumerate(combos):
        record = {name: values[k][int(combo[k])] for k, name in enumerate(wanted)}
        try:
            zone = employee_zone(record, default)
            start, end = shift_span(record.get("start"), record.get("end"), zone)
        except (InputError, TypeError, ValueError):
            found[number] = latest  # its `decide_table` says what is wrong, as `decide` does
            continue
        member = versions.on_day(start // DAY)
        if member is None or member is not versions.on_day((end - 1) // DAY):
            found[number] = _BY_ROW
        else:
            found[number] = index_of[id(member)]
    return found[np.asarray(inverse).reshape(-1)] if rows else np.zeros(0, dtype=np.int64)


def _by_rows(
    versions: Any,
    records: list[dict[str, Any]],
    rows: list[int],
    explain: bool,
    language: str | None,
    errors: str,
) -> dict[int, tuple[Any, ...]]:
    """Rows decided one by one by the set's `decide` (a day with no version, a change of
    version inside the shift)."""
    found: dict[int, tuple[Any, ...]] = {}
    for row, record in zip(rows, records, strict=True):
        try:
            decision = versions.decide(record, record)
        except InputError as error:
            if errors == "raise":
                raise
            said = error.message_for(chosen_language(language, versions.metadata()))
            found[row] = (False, None, said, None)
            continue
        rules = [reason.rule for reason in decision.reasons]
        text = decision.explain(language) if explain else None
        found[row] = (decision.allowed, rules, None, text)
    return found


def _arrays(
    found: dict[int, tuple[Any, ...]],
    rows: list[int],
    explain: bool,
    schema: list[tuple[str, Any]],
) -> dict[str, Any]:
    """The result columns of rows decided one by one, in the order of `rows`."""
    import pyarrow as pa

    return {
        name: pa.array([found[row][number] for row in rows], type=kind)
        for number, (name, kind) in enumerate(schema)
        if number < 3 + explain
    }


def check_table(
    versions: Any,
    employees: Any,
    shifts: Any,
    period: Any,
    absences: Any,
    headcount: Mapping[Any, int] | None,
    language: str | None,
    max_period_days: int | None,
) -> Any:
    from .columns.rosters import schedules_of, violations_table
    from .columns.tables import as_arrow, like

    kind = as_arrow(shifts)[0]
    schedules = schedules_of(employees, shifts, absences)
    report = versions.check_roster(schedules, period, headcount, max_period_days=max_period_days)
    zone = zoneinfo.ZoneInfo(versions.timezone)
    return like(kind, violations_table(report.violations, zone, language))
