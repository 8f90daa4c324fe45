"""Tables cannot carry an employee's changes (DATA.md §2): `decide_table` and `check_table`
refuse a `changes` column clearly, rather than decide its rows with facts that do not hold."""

from __future__ import annotations

import pyarrow as pa
import pytest

import flexrules

POLICY = """policy "p" timezone Asia/Jakarta.
employees have: unit: text.
rule R1: employees whose unit is "a" may work from home.
"""


def test_decide_table_refuses_a_changes_column() -> None:
    policy = flexrules.compile_policy(POLICY)
    table = pa.table(
        {
            "unit": ["a"],
            "changes": ["2025-07-15"],
            "start": ["2025-07-16T08:00"],
            "end": ["2025-07-16T12:00"],
            "location": ["home"],
        }
    )
    with pytest.raises(flexrules.InputError, match="cannot carry changes") as raised:
        policy.decide_table(table)
    assert raised.value.field == "changes"


def test_decide_batches_refuses_a_changes_column_and_answers_as_decide_table() -> None:
    """The per-batch function (Spark's `mapInArrow` shape) refuses what `decide_table` refuses
    and gives each batch the columns `decide_table` gives it."""
    from flexrules.columns import decide_batches

    policy = flexrules.compile_policy(POLICY)
    table = pa.table(
        {
            "unit": ["a", "b", "a"],
            "start": ["2025-07-16T08:00", "2025-07-16T08:00", "2025-07-16T22:00"],
            "end": ["2025-07-16T12:00", "2025-07-16T12:00", "2025-07-17T02:00"],
            "location": ["home", "home", "office"],
        }
    )
    batches = table.to_batches(max_chunksize=2)
    got = list(decide_batches(policy._decider, batches))
    assert pa.Table.from_batches(got).equals(policy.decide_table(table, batch_size=2))
    with_changes = table.append_column("changes", pa.array(["2025-07-15"] * 3))
    with pytest.raises(flexrules.InputError, match="cannot carry changes"):
        list(decide_batches(policy._decider, with_changes.to_batches()))


def test_check_table_refuses_a_changes_column() -> None:
    policy = flexrules.compile_policy(POLICY)
    employees = pa.table({"id": ["E"], "unit": ["a"], "changes": ["2025-07-15"]})
    shifts = pa.table(
        {
            "employee": ["E"],
            "start": ["2025-07-16T08:00"],
            "end": ["2025-07-16T12:00"],
            "location": ["home"],
        }
    )
    with pytest.raises(flexrules.InputError, match="cannot carry changes"):
        policy.check_table(employees, shifts)


def test_without_the_columnar_extra_decide_table_says_which_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A core install has no numpy or pyarrow: `decide_table` and `check_table` raise an
    ImportError that names the extra to install, not numpy's own."""
    import sys

    from flexrules import policy as policy_module

    policy = flexrules.compile_policy(POLICY)
    monkeypatch.setitem(sys.modules, "numpy", None)
    for name in [name for name in sys.modules if name.startswith("flexrules.columns")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.delattr(flexrules, "columns", raising=False)  # (set by its first import)
    policy_module._columns.cache_clear()
    try:
        for call in (lambda: policy.decide_table(None), lambda: policy.check_table(None, None)):
            with pytest.raises(ImportError, match=r"pip install 'flexrules\[columnar\]'"):
                call()
    finally:
        policy_module._columns.cache_clear()
