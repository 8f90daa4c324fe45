"""`decide_table`: a whole table of shifts decided in bounded batches, the answer a table of the
same kind (Arrow table or record batch, pandas or polars DataFrame) with columns added.

The table is read as Arrow (pandas and polars convert without copying where they can), cut
into record batches of at most `batch_size` rows, and each batch is decided on its own
(`columns.decide`), so the work's memory is bounded by the batch, not the table. The added
columns are `allowed` (bool), `rules` (list of rule ids, a null element for the policy
default), `error` (null where the row is good) and, when asked, `explanation`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
import pyarrow as pa

from ..core.errors import InputError
from ..core.messages import Text, chosen_language
from ..engine.runtime import Decider
from .decide import RULES_TYPE, Outcome, decide_batch

#: rows decided together: large enough that numpy's per-call cost is small, small enough that
#: a batch's working columns stay a few tens of MiB
DEFAULT_BATCH_SIZE = 262_144
RESULT_COLUMNS = ("allowed", "rules", "error", "explanation")
_ERRORS = ("column", "raise")


def decide_table(
    decider: Decider,
    table: Any,
    *,
    explain: bool = False,
    language: str | None = None,
    errors: str = "column",
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Any:
    """Decide every row of `table` (see the module)."""
    if errors not in _ERRORS:
        raise ValueError(f'errors is "column" or "raise", not {errors!r}')
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size is a whole number of rows, at least 1, not {batch_size!r}")
    if type(table) is pa.Table and 0 < table.num_rows <= batch_size:  # the common case
        found = _one_batch(decider, table, explain, language, errors)
        if found is not None:
            return found
    kind = _kind(table)
    no_changes(table)
    if kind == "pandas":
        return _pandas(decider, table, explain, language, errors, batch_size)
    arrow = table.to_arrow() if kind == "polars" else table
    outcomes = [
        _checked(decide_batch(decider, batch, explain, language), errors)
        for batch in _batches(arrow, batch_size)
    ]
    return with_results(kind, table, arrow, _added(outcomes, explain))


def _one_batch(
    decider: Decider, table: pa.Table, explain: bool, language: str | None, errors: str
) -> pa.Table | None:
    """An Arrow table of one batch (every column one chunk) without result columns of its
    own: decided as `decide_table` does, with fewer steps around the batch (a short table's
    call is mostly such steps); None for any other table."""
    names = table.schema.names
    if "changes" in names or any(name in RESULT_COLUMNS for name in names):
        return None  # (the general path refuses the one and replaces the others)
    batches = table.to_batches()
    if len(batches) != 1:
        return None
    outcome = _checked(decide_batch(decider, batches[0], explain, language), errors)
    found: pa.Table = _with_columns(table, _added([outcome], explain))
    return found


def no_changes(table: Any) -> None:
    """Refuse a table with a `changes` column: a row's facts are read once, for the whole row,
    so employees whose facts change during the month (DATA.md §2) are decided one by one
    (`Policy.decide`, `check_roster`), never here."""
    schema = getattr(table, "schema", None)
    names = getattr(schema, "names", None)  # Arrow; a pandas or polars frame has `columns`
    if not isinstance(names, list):
        names = [str(name) for name in getattr(table, "columns", ())]
    if "changes" in names:
        raise InputError("changes", None, Text("input.table.changes"))


def decide_batches(
    decider: Decider,
    batches: Iterable[pa.RecordBatch],
    *,
    explain: bool = False,
    language: str | None = None,
    errors: str = "column",
) -> Iterator[pa.RecordBatch]:
    """Each record batch with the result columns added, one out per one in: the shape Spark's
    `mapInArrow` and Ray Data's `map_batches` call. A batch with a `changes` column is
    refused, as `decide_table` refuses one."""
    for batch in batches:
        no_changes(batch)
        outcome = _checked(decide_batch(decider, batch, explain, language), errors)
        yield _with_columns(batch, _added([outcome], explain))


def result_schema(explain: bool = False) -> list[tuple[str, pa.DataType]]:
    """The names and Arrow types of the columns `decide_table` adds."""
    found = [("allowed", pa.bool_()), ("rules", RULES_TYPE), ("error", pa.string())]
    return [*found, ("explanation", pa.string())] if explain else found


def as_arrow(table: Any) -> tuple[str, pa.Table | pa.RecordBatch]:
    """The kind of a table (`table`, `batch`, `pandas`, `polars`) and the table as Arrow."""
    kind = _kind(table)
    if kind == "pandas":
        return kind, pa.Table.from_pandas(table, preserve_index=False)
    if kind == "polars":
        return kind, table.to_arrow()
    return kind, table


def like(kind: str, table: pa.Table) -> Any:
    """An Arrow table as a table of that kind."""
    if kind == "pandas":
        return table.to_pandas()
    if kind == "polars":
        import polars

        return polars.from_arrow(table)
    if kind == "batch":
        batches = table.combine_chunks().to_batches()
        return batches[0] if batches else pa.RecordBatch.from_pylist([], schema=table.schema)
    return table


def _kind(table: Any) -> str:
    if isinstance(table, pa.Table):
        return "table"
    if isinstance(table, pa.RecordBatch):
        return "batch"
    module = type(table).__module__.split(".")[0]
    if module == "pandas" and hasattr(table, "columns"):
        return "pandas"
    if module == "polars" and hasattr(table, "to_arrow"):
        return "polars"
    raise TypeError(
        "decide_table takes an Arrow table or record batch, or a pandas or polars DataFrame, "
        f"not {type(table).__name__}"
    )


def _batches(arrow: pa.Table | pa.RecordBatch, size: int) -> list[pa.RecordBatch]:
    if isinstance(arrow, pa.RecordBatch):
        return [arrow.slice(start, size) for start in range(0, max(arrow.num_rows, 1), size)]
    if not arrow.num_rows:
        found = []
    else:
        found = arrow.to_batches(max_chunksize=size)
        if len(found) > -(-arrow.num_rows // size):  # cut at chunk boundaries: combine them
            found = arrow.combine_chunks().to_batches(max_chunksize=size)
    return found or [pa.RecordBatch.from_pylist([], schema=arrow.schema)]


def _checked(outcome: Outcome, errors: str) -> Outcome:
    if errors == "raise" and outcome.first_error is not None:
        raise outcome.first_error
    return outcome


def _added(outcomes: list[Outcome], explain: bool) -> dict[str, pa.Array]:
    """The result columns of the batches' outcomes, in order."""
    parts: dict[str, list[pa.Array]] = {"allowed": [], "rules": [], "error": []}
    if explain:
        parts["explanation"] = []
    for outcome in outcomes:
        parts["allowed"].append(outcome.allowed)
        parts["rules"].append(outcome.rules)
        parts["error"].append(outcome.error)
        if explain:
            assert outcome.explanation is not None
            parts["explanation"].append(outcome.explanation)
    return {
        name: (
            arrays[0]
            if len(arrays) == 1  # one batch: its columns as they are, not a copy
            else pa.concat_arrays(arrays)
            if arrays
            else pa.array([], type=dict(result_schema(explain))[name])
        )
        for name, arrays in parts.items()
    }


def with_results(kind: str, table: Any, arrow: Any, added: dict[str, pa.Array]) -> Any:
    """The input, of its own kind (`as_arrow`'s), with the result columns added (replacing
    any of the same name); `arrow` is the input as Arrow (unused for pandas)."""
    if kind == "pandas":
        return _pandas_with(table, added)
    if kind == "polars":
        import polars

        frame = polars.from_arrow(pa.table(added))
        return table.with_columns(frame.get_columns())  # type: ignore[union-attr]
    return _with_columns(arrow, added)


def _with_columns(arrow: Any, added: dict[str, pa.Array]) -> Any:
    """The table or batch with the result columns added (replacing any of the same name)."""
    every = arrow.schema.names
    if isinstance(arrow, pa.Table) and not any(name in RESULT_COLUMNS for name in every):
        for name, column in added.items():  # the input's columns as they are, no new list
            arrow = arrow.append_column(name, column)
        return arrow
    kept = [index for index, name in enumerate(every) if name not in RESULT_COLUMNS]
    columns = [arrow.column(index) for index in kept] + list(added.values())
    names = [every[index] for index in kept] + list(added)
    if isinstance(arrow, pa.RecordBatch):
        return pa.RecordBatch.from_arrays(columns, names=names)
    return pa.Table.from_arrays(columns, names=names)


def _pandas(
    decider: Decider, frame: Any, explain: bool, language: str | None, errors: str, size: int
) -> Any:
    """A pandas DataFrame: its missing values (None, NaN, NaT) are missing, as pandas means
    them; a column Arrow cannot hold (values of mixed types) sends the frame to `decide` row
    by row, which reads each value as it is."""
    try:
        arrow = pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        added = _rows(decider, frame.to_dict("records"), explain, language, errors)
    else:
        outcomes = [
            _checked(decide_batch(decider, batch, explain, language), errors)
            for batch in _batches(arrow, size)
        ]
        added = _added(outcomes, explain)
    return _pandas_with(frame, added)


def _pandas_with(frame: Any, added: dict[str, pa.Array]) -> Any:
    """The pandas frame with the result columns: `allowed` as booleans, the others as
    objects on the frame's own index."""
    import pandas

    values: dict[str, Any] = {}
    for name, array in added.items():
        values[name] = (
            array.to_numpy(zero_copy_only=False)
            if name == "allowed"
            else pandas.Series(array.to_pylist(), index=frame.index, dtype=object)
        )
    frame = frame.drop(columns=[name for name in RESULT_COLUMNS if name in frame.columns])
    return frame.assign(**values)


def _rows(
    decider: Decider,
    records: list[dict[str, Any]],
    explain: bool,
    language: str | None,
    errors: str,
) -> dict[str, pa.Array]:
    """The result columns by `decide` on each row as a dict (frames Arrow cannot hold)."""
    allowed: list[bool] = []
    rules: list[Any] = []
    found: list[str | None] = []
    texts: list[str | None] = []
    for record in records:
        try:
            decision = decider.decide(record, record)
        except InputError as error:
            if errors == "raise":
                raise
            allowed.append(False)
            rules.append(None)
            found.append(error.message_for(chosen_language(language, decider.metadata)))
            texts.append(None)
            continue
        allowed.append(decision.allowed)
        rules.append([reason.rule for reason in decision.reasons])
        found.append(None)
        texts.append(decision.explain(language) if explain else None)
    added = {
        "allowed": pa.array(np.asarray(allowed, dtype=bool)),
        "rules": pa.array(rules, type=RULES_TYPE),
        "error": pa.array(found, type=pa.string()),
    }
    if explain:
        added["explanation"] = pa.array(texts, type=pa.string())
    return added
