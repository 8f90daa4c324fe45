"""`decide_table` against `decide`, row by row, on the generated cases as Arrow tables.

The generated cases hold what a table may: missing and ill-typed facts, employees in other
time zones, aware and naive times as text and as timestamps, holidays, relative dates, shifts
across midnight and rows `decide` refuses. Every row of the answer must be exactly `decide`'s
answer for that row (its error, for a row it refuses).
"""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from policy_variants import VARIANTS
from tablegen import answers, expected, tables

import flexrules

_POLICIES: dict[str, flexrules.Policy] = {}


@pytest.fixture(scope="module")
def policies() -> dict[str, flexrules.Policy]:
    """One policy per variant for the module (each compile leaves generated sources in
    `linecache`, which keeps a bounded number)."""
    if not _POLICIES:
        _POLICIES.update((name, make()) for name, make in VARIANTS.items())
    return _POLICIES


def _cold(policy: flexrules.Policy) -> flexrules.Policy:
    """The policy with nothing remembered, by the engine or by the table memory."""
    from flexrules.columns.memory import memory_of

    policy._decider.forget()
    memory_of(policy._decider).clear()
    return policy


@settings(max_examples=6, deadline=None)
@given(seed=st.integers(0, 2**32), variant=st.sampled_from(sorted(VARIANTS)))
# a column given as text in one table and as yes or no in another: its values' codes in the
# table memory must not meet (found by this test)
@pytest.mark.slow
@example(seed=87310815, variant="no relative dates")
def test_every_row_is_decided_as_decide_decides_it(
    policies: dict[str, flexrules.Policy], seed: int, variant: str
) -> None:
    policy = policies[variant]
    for table in tables(seed, 80):
        assert answers(policy.decide_table(table)) == expected(policy, table)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_cold_and_warm_and_in_small_batches(
    policies: dict[str, flexrules.Policy], variant: str
) -> None:
    """Nothing remembered, then the same tables again, then cut in batches of 7 rows: the
    same answers."""
    policy = _cold(policies[variant])
    every = tables(11, 250)
    found = [every[-1], *every[:25]]  # all rows in one table, and tables of one type each
    want = [expected(policy, table) for table in found]
    for batch_size in (None, None, 7):
        got = [answers(policy.decide_table(table, batch_size=batch_size)) for table in found]
        assert got == want
    coded = [_dictionaries(table) for table in found]  # as Parquet readers give text columns
    assert [answers(policy.decide_table(table)) for table in coded] == want


def _dictionaries(table: pa.Table) -> pa.Table:
    return pa.table(
        {
            name: column.dictionary_encode() if pa.types.is_string(column.type) else column
            for name, column in zip(table.column_names, table.columns, strict=True)
        }
    )


def _plain_table(n: int = 40) -> pa.Table:
    base = dt.datetime(2025, 7, 7, 8, 0)
    return pa.table(
        {
            "id": [f"E{i}" for i in range(n)],
            "unit": ["registration"] * n,
            "job type": ["administration"] * n,
            "start": pa.array(
                [base + dt.timedelta(hours=i % 30) for i in range(n)], pa.timestamp("s")
            ),
            "end": pa.array(
                [base + dt.timedelta(hours=i % 30 + 3) for i in range(n)], pa.timestamp("s")
            ),
            "location": ["home", "office", "anywhere", "moon"] * (n // 4),
        }
    )


def test_the_answer_keeps_the_input_and_says_what_is_wrong_with_a_row(
    policies: dict[str, flexrules.Policy],
) -> None:
    policy = policies["example"]
    table = _plain_table()
    out = policy.decide_table(table, explain=True)
    assert out.column_names == [*table.column_names, "allowed", "rules", "error", "explanation"]
    assert out.slice(0, 0).schema.field("rules").type == pa.list_(pa.string())
    errors = out.column("error").to_pylist()
    assert errors[3] is not None and "moon" in errors[3] and errors[3].startswith("location: ")
    assert answers(out) == expected(policy, table)
    rows = table.to_pylist()
    explained = out.column("explanation").to_pylist()
    assert explained[0] == policy.decide(rows[0], rows[0]).explain()
    assert explained[3] is None
    with pytest.raises(flexrules.InputError) as raised:
        policy.decide_table(table, errors="raise")
    assert raised.value.field == "location" and raised.value.value == "moon"


def test_a_record_batch_gives_a_record_batch(policies: dict[str, flexrules.Policy]) -> None:
    policy = policies["example"]
    batch = _plain_table().to_batches()[0]
    out = policy.decide_table(batch)
    assert isinstance(out, pa.RecordBatch)
    assert answers(pa.Table.from_batches([out])) == expected(policy, batch)


def test_pandas_and_polars_frames(policies: dict[str, flexrules.Policy]) -> None:
    pandas = pytest.importorskip("pandas")
    polars = pytest.importorskip("polars")
    policy = policies["example"]
    table = _plain_table()
    want = expected(policy, table)
    frame = table.to_pandas()
    out = policy.decide_table(frame)
    assert isinstance(out, pandas.DataFrame) and list(out.index) == list(frame.index)
    got = list(zip(out["allowed"], out["rules"], out["error"], strict=True))
    assert [(bool(a), r, e) for a, r, e in got] == want
    lazy = polars.from_arrow(table)
    out = policy.decide_table(lazy)
    assert isinstance(out, polars.DataFrame)
    assert answers(out.to_arrow()) == want


def test_empty_and_wrong_kinds(policies: dict[str, flexrules.Policy]) -> None:
    policy = policies["example"]
    empty = _plain_table().slice(0, 0)
    out = policy.decide_table(empty)
    assert out.num_rows == 0 and "allowed" in out.column_names
    with pytest.raises(TypeError, match="Arrow table"):
        policy.decide_table([{"start": "x"}])
    with pytest.raises(ValueError, match="errors"):
        policy.decide_table(empty, errors="ignore")


def test_the_common_path_calls_decide_for_no_row(
    policies: dict[str, flexrules.Policy], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows within a day are decided a column at a time; a shift across midnight by `decide`
    once per distinct fact set, location, start and end; a bad row by `decide` alone."""
    from flexrules.engine.runtime import Decider

    calls: list[object] = []
    original = Decider.decide

    def counted(self: Decider, employee: object, shift: object, strict: bool = False) -> object:
        calls.append(shift)
        return original(self, employee, shift, strict)

    monkeypatch.setattr(Decider, "decide", counted)
    policy = policies["no relative dates"]
    base = dt.datetime(2025, 7, 7, 8, 0)
    n = 3000
    table = pa.table(
        {
            "id": [f"E{i % 50}" for i in range(n)],
            "unit": ["registration", "finance"] * (n // 2),
            "job type": ["administration", "technical", "finance"] * (n // 3),
            "start": pa.array(
                [base + dt.timedelta(days=i % 20, hours=i % 5) for i in range(n)],
                pa.timestamp("ms"),
            ),
            "end": pa.array(
                [base + dt.timedelta(days=i % 20, hours=i % 5 + 4) for i in range(n)],
                pa.timestamp("ms"),
            ),
            "location": ["home", "office", "anywhere"] * (n // 3),
        }
    )
    policy.decide_table(table)
    assert calls == []
    late = table.set_column(
        table.column_names.index("end"),
        "end",
        pa.array(
            [base + dt.timedelta(days=i % 20, hours=20) for i in range(n)], pa.timestamp("ms")
        ),
    )
    policy.decide_table(late)
    groups = {(r["unit"], r["job type"], r["location"], r["start"]) for r in table.to_pylist()}
    assert 0 < len(calls) <= len(groups) < n // 5


@pytest.mark.slow
@pytest.mark.parametrize(
    "bound", ["plans", "key bits", "keys", "no direct table", "days", "no keyed plans"]
)
def test_when_the_memory_cannot_take_a_batch_the_answers_stay(
    policies: dict[str, flexrules.Policy], bound: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the table memory's bounds a batch is decided by the per-batch steps, or the memory
    starts again: the same answers either way."""
    from flexrules.columns import memory, packed

    if bound == "plans":
        monkeypatch.setattr(memory, "MAX_PLANS", 1)
    elif bound == "key bits":
        monkeypatch.setattr(packed, "KEY_BITS", 8)
    elif bound == "no direct table":  # every combination found by a hash probe
        monkeypatch.setattr(packed, "DIRECT_BITS", 0)
    elif bound == "no keyed plans":  # outcome keys packed part by part, not by gathers
        monkeypatch.setattr(memory, "MAX_KEYED_PLANS", 0)
    elif bound == "days":  # a day table of a few days: tables over more find each day's plan
        monkeypatch.setattr(memory, "MAX_DAYS", 3)
    else:
        monkeypatch.setattr(memory, "MAX_KEYS", 3)
    policy = _cold(policies["no relative dates"])
    found = tables(5, 120)
    want = [expected(policy, table) for table in found]
    for _ in range(2):
        assert [answers(policy.decide_table(table)) for table in found] == want
