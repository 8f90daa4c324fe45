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
    """The rows of `rows(seed, n)` as tables: one per combination of value types (values as
    generated), then all of them in one table (times as ISO text, and a column of values of
    several types as text)."""
    groups: dict[tuple[tuple[str, str], ...], list[dict[str, Any]]] = defaultdict(list)
    found = rows(seed, n)
    for row in found:
        groups[_signature(row)].append(row)
    return [*(pa.Table.from_pylist(group) for group in groups.values()), uniform_table(found)]


def uniform_table(records: list[dict[str, Any]]) -> pa.Table:
    """The records as one table (see `_uniform`)."""
    return pa.Table.from_pylist(_uniform(records))


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


# ---- rosters as tables ----------------------------------------------------------------------


def _uniform(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records with every column of one type, as a table needs: times as ISO text, and a
    column whose values have several types as text."""
    kinds: dict[str, set[type]] = defaultdict(set)
    for record in records:
        for key, value in record.items():
            if value is not None:
                kinds[key].add(type(value))
    found = []
    for record in records:
        fixed = {}
        for key in kinds.keys() | record.keys():  # a table has every column in every row
            value = record.get(key)
            if hasattr(value, "isoformat") and key in ("start", "end"):
                value = value.isoformat()
            elif value is not None and len(kinds[key]) > 1:
                value = str(value)
            fixed[key] = value
        found.append(fixed)
    return found


def roster_tables(case: dict[str, Any]) -> tuple[pa.Table, pa.Table, pa.Table, list[Any]]:
    """A generated roster as employees, shifts and absences tables, and the same roster as
    the schedules `check_roster` takes (built from the same values)."""
    employees = _uniform([dict(e) for e, _, _ in case["schedules"]])
    shifts = _uniform(
        [{**shift, "employee": e["id"]} for e, shifts, _ in case["schedules"] for shift in shifts]
    )
    shifts = [{k: v for k, v in s.items() if k != "id"} for s in shifts]
    absences = [
        {
            "employee": e["id"],
            "date": str(day["date"] if isinstance(day, dict) else day),
            "kind": day["kind"] if isinstance(day, dict) else None,
        }
        for e, _, days in case["schedules"]
        for day in days
    ]
    by_id: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for shift in shifts:
        by_id[shift["employee"]].append(shift)
    leave: dict[str, list[Any]] = defaultdict(list)
    for row in absences:
        day = row["date"] if row["kind"] is None else {"date": row["date"], "kind": row["kind"]}
        leave[row["employee"]].append(day)
    schedules = [
        flexrules.Schedule(e, by_id.get(e["id"], []), tuple(leave.get(e["id"], ())))
        for e in employees
    ]
    absence_table = (
        pa.Table.from_pylist(absences)
        if absences
        else pa.table({"employee": pa.array([], pa.string()), "date": pa.array([], pa.string())})
    )
    return (
        pa.Table.from_pylist(employees),
        pa.Table.from_pylist(shifts),
        absence_table,
        schedules,
    )


def violation_rows(violations: Any, language: str | None = None) -> list[tuple[Any, ...]]:
    """check_roster's violations as the rows of a violations table."""
    return [
        (
            v.rule,
            v.kind,
            v.employee,
            v.start,
            v.end,
            None if v.present is None else list(v.present),
            None if v.group is None else str(v.group),
            v.message_for(language),
        )
        for v in violations
    ]


def table_rows(table: Any) -> list[tuple[Any, ...]]:
    return [tuple(row.values()) for row in table.to_pylist()]


def columnar_policy_text() -> str:
    """The oracle's roster policy without what the columnar roster check does not take (core
    hours, a start window, a rule that overrides a limit): every limit form, staffing and
    shares with and without groups."""
    import re

    from oracle_schedules import POLICY_TEXT

    text = re.sub(r"rule C1.*?\n(?=rule X)", "", POLICY_TEXT, flags=re.S)
    return re.sub(r"rule X.*?\n", "", text)
