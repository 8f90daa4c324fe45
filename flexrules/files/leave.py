"""Leave days and headcounts read from files."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..engine.values import NumberType, as_date, shown
from .cells import NOTE, column_key
from .records import (
    Record,
    TableError,
    blank,
    csv_records,
    is_json,
    load_json,
    read_text,
    records,
)

_INTEGER = re.compile(r"[+-]?\d+")


def date_cell(record: Record, column: str | None, value: Any) -> dt.date:
    # a CSV cell is trimmed; a JSON value is read as given, as the API reads it
    date = as_date(value.strip() if isinstance(value, str) and not record.is_json else value)
    if not isinstance(date, dt.date):
        raise record.error(
            column, value, f"{shown(value)} is not a date such as 2025-07-01 (YYYY-MM-DD)"
        )
    return date


def read_absences(path: str | Path, employees: Sequence[Mapping[str, Any]]) -> dict[str, list[str]]:
    """Leave days by employee id: rows with `employee` and `date`, or `employee`, `from` and
    `to` (a range, both days included); a `note` column is allowed."""
    known = {str(e["id"]) for e in employees}
    absences: dict[str, list[str]] = {}
    for record in records(path, "absence"):
        values: dict[str, tuple[str, Any]] = {}
        for column, value in record.values.items():
            key = column_key(column)
            if key == NOTE:
                continue
            if key not in ("employee", "date", "from", "to"):
                raise record.error(
                    column,
                    value,
                    f"no column called `{column}` in a leave "
                    "file; use employee, date (or from and to), note",
                )
            values[key] = (column, value)
        if "employee" not in values or blank(values["employee"][1]):
            raise record.error(
                values.get("employee", (None,))[0], None, "the row has no employee id"
            )
        column, raw = values["employee"]
        ident = str(raw).strip()
        if ident not in known:
            raise record.error(column, raw, f"no employee `{ident}` in the employees file")
        if "date" in values and not ("from" in values or "to" in values):
            days = [date_cell(record, *values["date"])]
        elif "from" in values and "to" in values and "date" not in values:
            first = date_cell(record, *values["from"])
            last = date_cell(record, *values["to"])
            if last < first:
                raise record.error(
                    values["to"][0], values["to"][1], "the leave ends before it starts"
                )
            days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
        else:
            raise record.error(None, None, "give either `date`, or `from` and `to`")
        mine = absences.setdefault(ident, [])
        mine.extend(d.isoformat() for d in days if d.isoformat() not in mine)
    return absences


def read_headcount(path: str | Path) -> dict[Any, int]:
    """The real size of each group for share rules: a JSON object `{"finance": 20}` or a CSV
    file with a header and two columns (the group's value, its headcount). The value `*` is
    the whole group of a share without `in each`; a value that reads as a number also counts
    for a number attribute."""
    headcount: dict[Any, int] = {}
    for record, key, value in _headcount_pairs(path):
        column = list(record.values)[-1]
        size = _whole(value) if not record.is_json and isinstance(value, str) else value
        if isinstance(size, bool) or not isinstance(size, int) or size < 0:
            raise record.error(
                column,
                value,
                f"the headcount of {shown(key)} must be a whole number, not {shown(value)}",
            )
        label = key.strip() if isinstance(key, str) else key
        group: Any = None if label == "*" else label
        if group in headcount:
            raise record.error(column, value, f"{shown(key)} is given twice")
        headcount[group] = size
        if isinstance(group, str):
            with contextlib.suppress(ValueError):  # TextProblem, or thousands of digits
                headcount.setdefault(NumberType().from_text(group), size)
    return headcount


def _whole(cell: str) -> Any:
    """A CSV cell holding a whole number as that number; anything else as it is."""
    text = cell.strip()
    if not _INTEGER.fullmatch(text):
        return cell
    try:
        return int(text)
    except ValueError:  # thousands of digits
        return cell


def _headcount_pairs(path: str | Path) -> list[tuple[Record, str, Any]]:
    """Each (record, group value, headcount as given) of a headcount file."""
    text = read_text(path)
    name = str(path)
    if is_json(path, text):
        document = load_json(path, text)
        if not isinstance(document, dict):
            raise TableError(
                name, None, None, None, 'must hold a JSON object such as {"finance": 20}'
            )
        return [
            (Record(name, number, {key: value}, "item"), key, value)
            for number, (key, value) in enumerate(document.items(), start=1)
        ]
    pairs = []
    for record in csv_records(path, text):
        if len(record.values) != 2:
            raise record.error(
                None, None, "a headcount file has two columns: the group's value and its headcount"
            )
        key, value = record.values.values()
        pairs.append((record, key, value))
    return pairs
