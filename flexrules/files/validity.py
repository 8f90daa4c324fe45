"""An employees file with several rows for one id (DATA.md §2): each row holds the employee's
whole record for its days, `valid from` and, optionally, `valid until` (both days included;
either may be empty: open-ended). The rows become one employee with `changes`
(`engine.changes`): before the first row and after the last the employee is outside
employment; a gap between rows is days of unknown facts. Rows that overlap are an error naming
both. The other form, a changes file, is `files.changes`.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from ..core.messages import Text
from ..engine import text_cells
from ..engine.values import TextProblem
from ..policy import AttributeInfo
from .records import (
    Record,
    TableError,
    blank,
)

#: the columns of an employees file that bound a row's days
VALID_FROM = "valid from"
VALID_UNTIL = "valid until"
VALIDITY = (VALID_FROM, VALID_UNTIL)
#: the first day there is: before a first `valid from`, the employee is outside employment
_BEFORE_ALL = dt.date.min.isoformat()


@attrs.frozen
class Row:
    """One row of an employees file with its days: where it is, and the employee it gives."""

    row: int | None
    first: dt.date | None
    last: dt.date | None
    employee: dict[str, Any]
    #: the `valid from` column as the file writes it (`BERLAKU MULAI`), for its errors
    from_column: str = VALID_FROM


def row_date(record: Record, field: str, value: Any) -> dt.date | None:
    """A `valid from` / `valid until` / `from` cell as a date (None when empty): a text cell
    by the one table of text cells, an xlsx date as it is, JSON's ISO text."""
    if blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            if record.is_json:
                return dt.date.fromisoformat(value.strip())
            return text_cells.date(value.strip())
        except TextProblem as problem:
            raise record.error(_column(record, field), value, problem.text) from None
        except ValueError:
            pass
    shown = text_cells.shown(str(value))
    raise record.error(_column(record, field), value, Text("cell.not_date", value=shown))


def from_column(record: Record) -> str:
    """The `valid from` column as the file writes it."""
    return _column(record, VALID_FROM)


def _column(record: Record, field: str) -> str:
    column, _ = record.get(field)
    return column or field


def validity(record: Record, employee: dict[str, Any]) -> tuple[dt.date | None, dt.date | None]:
    """A row's first and last day, taken out of the employee it gives; a row that ends before
    it starts is refused."""
    first = row_date(record, VALID_FROM, employee.pop(VALID_FROM, None))
    last = row_date(record, VALID_UNTIL, employee.pop(VALID_UNTIL, None))
    if first is not None and last is not None and last < first:
        raise record.error(_column(record, VALID_UNTIL), last.isoformat(), Text("file.backwards"))
    return first, last


def merged(
    file: str, ident: str, rows: Sequence[Row], attributes: Sequence[AttributeInfo]
) -> dict[str, Any]:
    """One employee from their rows in date order: the first row's record, with `changes`
    giving each later row's whole record from its first day, every attribute missing through
    a gap, and outside employment before the first row and after the last."""
    ordered = sorted(rows, key=lambda r: (r.first is not None, r.first or dt.date.min))
    for before, after in itertools.pairwise(ordered):
        if before.last is None or after.first is None or after.first <= before.last:
            raise TableError(
                file,
                after.row,
                after.from_column,
                ident,
                Text("file.overlap", ident=ident, first=before.row, second=after.row),
            )
    names = [a.name for a in attributes]
    first = ordered[0]
    employee = dict(first.employee)
    changes: list[tuple[str, Mapping[str, Any] | None]] = []
    if first.first is not None:
        changes += [(_BEFORE_ALL, None), (first.first.isoformat(), _whole(first, names))]
    for before, after in itertools.pairwise(ordered):
        assert before.last is not None and after.first is not None  # no overlap: both set
        if (after.first - before.last).days > 1:
            gap = before.last + dt.timedelta(days=1)
            changes.append((gap.isoformat(), dict.fromkeys(names)))
        changes.append((after.first.isoformat(), _whole(after, names)))
    last = ordered[-1].last
    if last is not None:
        changes.append(((last + dt.timedelta(days=1)).isoformat(), None))
    if changes:
        employee["changes"] = changes
    return employee


def _whole(row: Row, names: Sequence[str]) -> dict[str, Any]:
    """A row's whole record as a change: every attribute, missing where its cell is empty, and
    its duty station's zone when the row gives one."""
    found = {name: row.employee.get(name) for name in names}
    if row.employee.get("timezone") is not None:
        found["timezone"] = row.employee["timezone"]
    return found
