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

from .clock.calendar import DAY
from .core.errors import InputError

#: the columns `decide_table` adds
_RESULTS = ("allowed", "rules", "error", "explanation")
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

    from .columns.tables import as_arrow, result_schema

    if errors not in ("column", "raise"):
        raise ValueError(f'errors is "column" or "raise", not {errors!r}')
    try:
        kind, arrow = as_arrow(table)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        # a pandas frame Arrow cannot hold (mixed types): every row by `decide`
        records = table.to_dict("records")
        every = _by_rows(versions, records, list(range(len(records))), explain, language, errors)
        return _pandas(table, _arrays(every, len(records), explain, result_schema(explain)))
    whole = pa.Table.from_batches([arrow]) if isinstance(arrow, pa.RecordBatch) else arrow
    routes = _routes(versions, whole)
    rows = whole.num_rows
    found: dict[int, tuple[Any, ...]] = {}
    for index in sorted(set(routes)):
        chosen = [row for row, route in enumerate(routes) if route == index]
        if index == _BY_ROW:
            picked = whole.take(pa.array(chosen, type=pa.int64())).to_pylist()
            found.update(_by_rows(versions, picked, chosen, explain, language, errors))
            continue
        member = versions.members[index]
        part = whole.take(pa.array(chosen, type=pa.int64()))
        decided = member.decide_table(
            part, explain=explain, language=language, errors=errors, batch_size=batch_size
        )
        columns = [decided.column(name).to_pylist() for name in _RESULTS[: 3 + explain]]
        for position, row in enumerate(chosen):
            values = [column[position] for column in columns]
            if explain and values[3] is not None:
                values[3] = versions.explained(member, values[3], language)
            found[row] = tuple(values)
    added = _arrays(found, rows, explain, result_schema(explain))
    return _shaped(kind, table, arrow, added)


def _routes(versions: Any, whole: Any) -> list[int]:
    """Each row's version (its index in `members`), or `_BY_ROW`."""
    from .engine.facts import employee_zone, shift_span

    names = whole.schema.names
    wanted = [name for name in ("start", "end", "timezone") if name in names]
    records = whole.select(wanted).to_pylist() if wanted else [{}] * whole.num_rows
    latest = len(versions.members) - 1
    index_of = {id(member): n for n, member in enumerate(versions.members)}
    default = zoneinfo.ZoneInfo(versions.members[-1].timezone)
    routes = []
    for record in records:
        try:
            zone = employee_zone(record, default)
            start, end = shift_span(record.get("start"), record.get("end"), zone)
        except (InputError, TypeError, ValueError):
            routes.append(latest)  # its `decide_table` says what is wrong, as `decide` does
            continue
        member = versions.on_day(start // DAY)
        if member is None or member is not versions.on_day((end - 1) // DAY):
            routes.append(_BY_ROW)
        else:
            routes.append(index_of[id(member)])
    return routes


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
            found[row] = (False, None, str(error), None)
            continue
        rules = [reason.rule for reason in decision.reasons]
        text = decision.explain(language) if explain else None
        found[row] = (decision.allowed, rules, None, text)
    return found


def _arrays(
    found: dict[int, tuple[Any, ...]], rows: int, explain: bool, schema: list[tuple[str, Any]]
) -> dict[str, Any]:
    import pyarrow as pa

    return {
        name: pa.array([found[row][number] for row in range(rows)], type=kind)
        for number, (name, kind) in enumerate(schema)
        if number < 3 + explain
    }


def _shaped(kind: str, table: Any, arrow: Any, added: dict[str, Any]) -> Any:
    """The input, of its own kind, with the result columns (replacing any of the same name),
    as `Policy.decide_table` gives it."""
    import pyarrow as pa

    if kind == "pandas":
        return _pandas(table, added)
    if kind == "polars":
        import polars

        frame = polars.from_arrow(pa.table(added))
        return table.with_columns(frame.get_columns())  # type: ignore[union-attr]
    kept = [name for name in arrow.schema.names if name not in _RESULTS]
    columns = [arrow.column(name) for name in kept] + list(added.values())
    if kind == "batch":
        return pa.RecordBatch.from_arrays(columns, names=kept + list(added))
    return pa.Table.from_arrays(columns, names=kept + list(added))


def _pandas(frame: Any, added: dict[str, Any]) -> Any:
    import pandas

    values: dict[str, Any] = {}
    for name, array in added.items():
        values[name] = (
            array.to_numpy(zero_copy_only=False)
            if name == "allowed"
            else pandas.Series(array.to_pylist(), index=frame.index, dtype=object)
        )
    frame = frame.drop(columns=[name for name in _RESULTS if name in frame.columns])
    return frame.assign(**values)


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
