"""Leave days and headcounts read from files."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from ..core.messages import Text
from ..engine import text_cells
from ..engine.values import NumberType, shown
from ..rosters.absences import Absence
from . import fields
from .by_version import Typing
from .people import identity, usable
from .reading import Reading, reading_of
from .records import (
    Columns,
    FileWarning,
    Problems,
    Record,
    TableError,
    blank,
    csv_records,
    is_json,
    load_json,
    read_text,
    records,
    tell,
)
from .workbooks import is_workbook

_INTEGER = re.compile(r"[+-]?\d+")


def date_cell(record: Record, column: str | None, value: Any) -> dt.date:
    """A date cell read by the one table (a JSON value read as given, as the API reads it)."""
    return fields.date_of(record, column, value)


#: the columns of a leave file
ABSENCE_FIELDS = ("employee", "date", "from", "to", "kind", "start time", "end time")


@attrs.frozen
class Absences:
    """Leave read from a file: the days by employee id, and each day's kind where given."""

    days: dict[str, list[str]]
    kinds: dict[str, dict[str, str]]
    #: parts of days, by employee id
    parts: dict[str, list[Absence]] = attrs.field(factory=dict)

    def by_employee(self) -> dict[str, list[Any]]:
        """Each employee's absences as schedules take them: ISO dates for whole days without
        a kind, `Absence` objects for a day with a kind or part of a day."""
        found: dict[str, list[Any]] = {}
        for ident, days in self.days.items():
            kinds = self.kinds.get(ident, {})
            found[ident] = [Absence(day, None, kinds[day]) if day in kinds else day for day in days]
        for ident, parts in self.parts.items():
            found.setdefault(ident, []).extend(parts)
        return found


def read_absences(
    path: str | Path,
    employees: Sequence[Mapping[str, Any]],
    *,
    columns: str | Mapping[str, str] | None = None,
    separator: str | None = None,
    encoding: str | None = None,
    absence_codes: str | Mapping[str, str] | None = None,
    reading: Reading | None = None,
    warnings: list[FileWarning] | None = None,
) -> dict[str, list[Any]]:
    """Leave by employee id: rows with `employee` (or `id`) and `date`, or `employee`, `from`
    and `to` (a range, both days included); optionally a `kind` (mapped by `absence_codes`),
    a `start time` and `end time` with a `date` (part of that day), and a `note`. A whole
    day without a kind is its ISO date; a day with a kind, or part of a day, is a
    `flexrules.Absence`. Other columns are ignored with one warning."""
    found = reading_of(
        reading,
        columns=columns,
        separator=separator,
        encoding=encoding,
        absence_codes=absence_codes,
    )
    problems = Problems()
    told: list[FileWarning] = []
    read = absences_of(path, employees, found, problems, told)
    problems.check()
    tell(told, warnings)
    return read.by_employee()


def absences_of(
    path: str | Path,
    employees: Sequence[Mapping[str, Any]],
    reading: Reading,
    problems: Problems,
    warnings: list[FileWarning],
    also_known: Iterable[str] = (),
    declared: Mapping[str, bool] | Typing | None = None,
) -> Absences:
    """The leave of a file, problems collected (see `read_absences`); a kind that `declared`
    (the policy's kinds, when it declares them; a set's `Typing`: those of the version in
    force on the row's first day) lacks is a bad cell."""
    known = {str(e["id"]) for e in employees}
    quiet = set(also_known)
    days: dict[str, list[str]] = {}
    kinds: dict[str, dict[str, str]] = {}
    parts: dict[str, list[Absence]] = {}
    ignored = Columns("absence", ABSENCE_FIELDS, {}, {}, reading)
    for record in usable(records(path, "absence", reading), problems):
        try:
            found = _leave_row(record, ignored, known, quiet, reading, declared)
        except TableError as error:
            problems.add(error)
            continue
        if found is None:
            continue
        ident, dates, kind, part = found
        if part is not None:
            parts.setdefault(ident, []).append(part)
        mine = days.setdefault(ident, [])
        for day in dates:
            text = day.isoformat()
            if text not in mine:
                mine.append(text)
            if kind is not None:
                kinds.setdefault(ident, {})[text] = kind
    ignored.warn(str(path), warnings)
    return Absences(days, kinds, parts)


def _kind(record: Record, values: Mapping[str, tuple[str, Any]], reading: Reading) -> str | None:
    """A leave row's kind, if any."""
    if "kind" not in values:
        return None
    text = fields.text_of(record, *values["kind"])
    return None if text is None else fields.kind_of(record, values["kind"][0], text, reading)


def _part(
    record: Record, values: Mapping[str, tuple[str, Any]], day: dt.date, kind: str | None
) -> Absence | None:
    """Part of one day, when the row has a start and an end time; None without times."""
    given = [k for k in ("start time", "end time") if k in values and not blank(values[k][1])]
    if not given:
        return None
    if len(given) != 2:
        raise record.error(values[given[0]][0], None, Text("file.part_day", kind=kind or "-"))
    low = fields.clock_of(record, *values["start time"])
    high = fields.clock_of(record, *values["end time"])
    if high <= low:
        column, value = values["end time"]
        raise record.error(column, value, Text("file.part_day", kind=kind or "-"))
    return Absence(
        f"{day.isoformat()}T{text_cells.clock_text(low)}",
        f"{day.isoformat()}T{text_cells.clock_text(high)}",
        kind,
    )


def _fields(record: Record, columns: Columns) -> dict[str, tuple[str, Any]]:
    """A leave row's known columns by name, with the column as written; others ignored."""
    values: dict[str, tuple[str, Any]] = {}
    for column, value in record.values.items():
        key = columns.key(record, column)
        if key in ABSENCE_FIELDS:
            values[key] = (column, value)
        else:
            columns._ignore(column, key)
    return values


def _declared(
    record: Record,
    values: Mapping[str, tuple[str, Any]],
    has: Iterable[str],
    kind: str,
    declared: Mapping[str, bool] | Typing | None,
    reading: Reading,
) -> str:
    """A leave row's kind if its policy (or the version in force on its first day) declares
    it; else a bad cell, naming the version."""
    kinds, day = _kinds(record, values, has, declared)
    try:
        return fields.declared_kind(record, values["kind"][0], kind, kinds, reading)
    except TableError as error:
        if not isinstance(declared, Typing):
            raise
        problem = declared.named(error.text, day)
        raise record.error(values["kind"][0], kind, problem) from None


def _kinds(
    record: Record,
    values: Mapping[str, tuple[str, Any]],
    has: Iterable[str],
    declared: Mapping[str, bool] | Typing | None,
) -> tuple[Mapping[str, bool] | None, dt.date | None]:
    """The kinds a leave row's kind is one of: the policy's, or for a set of versions those
    of the version in force on the row's first day (`by_version`), with that day."""
    if not isinstance(declared, Typing):
        return declared, None
    first = "date" if has == {"date"} else "from"
    day = date_cell(record, *values[first]) if first in has else None
    return declared.absence_kinds(day), day


def _leave_row(
    record: Record,
    columns: Columns,
    known: set[str],
    quiet: set[str],
    reading: Reading,
    declared: Mapping[str, bool] | Typing | None = None,
) -> tuple[str, list[dt.date], str | None, Absence | None] | None:
    """A leave row's employee, days and kind (None for an employee whose own row was bad)."""
    values = _fields(record, columns)
    if "employee" not in values or blank(values["employee"][1]):
        raise record.error(values.get("employee", (None,))[0], None, Text("file.leave_no_id"))
    column, raw = values["employee"]
    ident = identity(record, column, raw)
    if ident not in known:
        if ident in quiet:
            return None
        raise record.error(column, raw, Text("file.stranger", ident=ident, close=""))
    kind = _kind(record, values, reading)
    has = {key for key in ("date", "from", "to") if key in values and not blank(values[key][1])}
    if kind is not None:  # a kind the policy does not declare, named where it is
        kind = _declared(record, values, has, kind, declared, reading)
    if has == {"date"}:
        days = [date_cell(record, *values["date"])]
        part = _part(record, values, days[0], kind)
        if part is not None:
            return ident, [], kind, part
    elif has == {"from", "to"}:
        first = date_cell(record, *values["from"])
        last = date_cell(record, *values["to"])
        if last < first:
            raise record.error(values["to"][0], values["to"][1], Text("file.leave_backwards"))
        days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    else:
        raise record.error(None, None, Text("file.leave_days"))
    if any(k in values and not blank(values[k][1]) for k in ("start time", "end time")):
        raise record.error(None, None, Text("file.part_day", kind=kind or "-"))
    return ident, days, kind, None


def read_headcount(path: str | Path, *, reading: Reading | None = None) -> dict[Any, int]:
    """The real size of each group for share rules: a JSON object `{"finance": 20}` or a CSV
    file with a header and two columns (the group's value, its headcount). The value `*` is
    the whole group of a share without `in each`; a value that reads as a number also counts
    for a number attribute."""
    headcount: dict[Any, int] = {}
    for record, key, value in _headcount_pairs(path, reading or Reading()):
        column = list(record.values)[-1]
        size = _whole(value) if not record.is_json and isinstance(value, str) else value
        if isinstance(size, bool) or not isinstance(size, int) or size < 0:
            raise record.error(
                column,
                value,
                Text("input.roster.headcount", group=shown(key), size=shown(value)),
            )
        label = key.strip() if isinstance(key, str) else key
        group: Any = None if label == "*" else label
        if group in headcount:
            raise record.error(column, value, Text("input.file.given_twice", value=shown(key)))
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


def _headcount_pairs(path: str | Path, reading: Reading) -> list[tuple[Record, str, Any]]:
    """Each (record, group value, headcount as given) of a headcount file (JSON, CSV, xlsx)."""
    name = str(path)
    if is_workbook(path):
        return _two_columns(records(path, "headcount", reading))
    text = read_text(path, reading.encoding)
    if is_json(path, text):
        document = load_json(path, text)
        if not isinstance(document, dict):
            raise TableError(name, None, None, None, Text("input.file.headcount_json"))
        return [
            (Record(name, number, {key: value}, "item"), key, value)
            for number, (key, value) in enumerate(document.items(), start=1)
        ]
    return _two_columns(csv_records(path, text, separator=reading.separator))


def _two_columns(found: Iterable[Record]) -> list[tuple[Record, str, Any]]:
    pairs = []
    for record in found:
        if len(record.values) != 2:
            raise record.error(None, None, Text("input.file.headcount_columns"))
        key, value = record.values.values()
        pairs.append((record, key, value))
    return pairs
