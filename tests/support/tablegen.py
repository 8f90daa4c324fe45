"""Generated (employee, shift) pairs as Arrow tables, and `decide` row by row as their oracle.

Each pair becomes one flat row (the employee's keys and the shift's; the shift's own `id` is
left out, as a table has one `id`). A column of a table has one type, so the rows are grouped
by the types of their values (a `yes or no` fact given as text, as a number, as yes or no; a
time as text, as a naive or an aware datetime in one zone) and each group is one table. The
oracle reads each row back from its table, as Arrow gives it, and decides it with `decide`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pyarrow as pa
from casegen import generate

import flexrules


def rows(seed: int, n: int) -> list[dict[str, Any]]:
    found = []
    for employee, shift in generate(seed, n):
        row = dict(employee)
        row.update({key: value for key, value in shift.items() if key != "id"})
        found.append(row)
    return found


def _signature(row: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple(
        sorted(
            (key, f"{type(value).__name__}:{getattr(value, 'tzinfo', '')}")
            for key, value in row.items()
        )
    )


def tables(seed: int, n: int) -> list[pa.Table]:
    """The rows of `rows(seed, n)` as tables, one per combination of value types."""
    groups: dict[tuple[tuple[str, str], ...], list[dict[str, Any]]] = defaultdict(list)
    for row in rows(seed, n):
        groups[_signature(row)].append(row)
    return [pa.Table.from_pylist(group) for group in groups.values()]


def expected(policy: flexrules.Policy, table: Any) -> list[tuple[bool, Any, str | None]]:
    """(allowed, rule ids, error) of `decide` on each row as the table gives it back."""
    found: list[tuple[bool, Any, str | None]] = []
    for row in table.to_pylist():
        try:
            decision = policy.decide(row, row)
        except flexrules.InputError as error:
            found.append((False, None, str(error)))
            continue
        found.append((decision.allowed, [reason.rule for reason in decision.reasons], None))
    return found


def answers(table: Any) -> list[tuple[bool, Any, str | None]]:
    """(allowed, rules, error) of each row of decide_table's answer (an Arrow table)."""
    return list(
        zip(
            table.column("allowed").to_pylist(),
            table.column("rules").to_pylist(),
            table.column("error").to_pylist(),
            strict=True,
        )
    )
