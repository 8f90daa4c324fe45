"""A roster given as tables, read into integer columns for the columnar roster check
(`columns.roster_check`).

Per shift row: its employee's number, its start and end as local seconds on the employee's
clock (`columns.times`, each distinct instant converted once per zone), its location as the
engine's code. Per employee: its id as text, its zone, its whole days of leave, and whether it
must take the plain path. An employee takes the plain path (`ScheduleChecker.check`, exactly
as `check_roster`) when anything of theirs is something the columns do not read the way
`decide` and the checks read it: a shift row the columns cannot read (a bad or unusual time,
location or zone: `decide` then gives the answer or raises its error), shifts that overlap
(limits count their union), an absence with a kind or a time of day, or a range of days. A
roster whose employees' facts change (`changes`, DATA.md §2) is checked whole by the plain
path (`Unsupported`).

The errors `check_table` raises while reading the tables (an employee id the shifts or
absences name that the employees table lacks) are raised here the same way, first.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..clock.calendar import DAY
from ..core.errors import InputError
from ..core.messages import Text
from ..engine.facts import FIRST_DAY, LAST_DAY, LOCATIONS, attribute_keys
from ..engine.runtime import Decider
from ..rosters.absences import Absence, _day
from .codes import combine, distinct, encode
from .decide import locations_of, named_zones
from .times import read_times

#: columns that make an employee's facts change during the roster (DATA.md §2): the plain
#: check reads them
_CHANGING = ("changes", "valid from", "valid until", "valid_from", "valid_until")


def rows_of(table: pa.Table) -> int:
    return int(table.num_rows)


class Unsupported(Exception):
    """The roster has something the columnar check does not take: the plain check takes the
    whole roster (the answer is the same, only slower)."""


class RosterColumns:
    """A roster read into columns (see the module)."""

    def __init__(
        self,
        decider: Decider,
        employees: pa.Table,
        shifts: pa.Table,
        read_leave: Callable[[set[str | None]], dict[str | None, list[Any]]],
    ) -> None:
        self.decider = decider
        self.employees = employees
        self.shifts = shifts
        for name in _CHANGING:
            if name in employees.schema.names and employees.column(name).null_count < rows_of(
                employees
            ):
                raise Unsupported(f"employees whose facts change (`{name}`)")
        self.ids: list[str | None] = _ids(employees, "id").to_pylist()
        if any(ident is None for ident in self.ids) or len(set(self.ids)) != len(self.ids):
            raise Unsupported("ids missing or repeated: the plain check says which")
        self.count = len(self.ids)
        number = {ident: index for index, ident in enumerate(self.ids)}
        self.emp = _employee_numbers(shifts, number)
        leave = read_leave(set(self.ids))
        rows = shifts.num_rows
        self.zones, zone_of_emp, zone_ok = _zones(decider, employees)
        self.zone_of_emp = zone_of_emp
        self.plain = ~zone_ok
        zone_of_row = zone_of_emp[self.emp]
        names = shifts.schema.names
        start = read_times(decider, _column(shifts, "start"), rows, self.zones, zone_of_row)
        end = read_times(decider, _column(shifts, "end"), rows, self.zones, zone_of_row)
        location, location_ok = locations_of(
            _column(shifts, "location") if "location" in names else None, rows, LOCATIONS
        )
        span = end.local - start.local
        gap = end.instant - start.instant
        both = start.aware & end.aware
        day = start.local // DAY
        last = (end.local - 1) // DAY
        ok = start.ok & end.ok & location_ok & (span > 0) & (span <= DAY) & zone_ok[self.emp]
        ok &= ~both | ((gap > 0) & (gap <= DAY))
        ok &= (day > FIRST_DAY) & (last < LAST_DAY)
        self.start, self.end, self.location = start.local, end.local, location
        np.logical_or.at(self.plain, self.emp[~ok], True)
        self._overlaps()
        self.leave: dict[int, list[Any]] = {}
        absent: list[tuple[int, int]] = []
        for ident, items in leave.items():
            who = number[ident]
            self.leave[who] = items
            for item in items:
                ordinal = None if isinstance(item, (Absence, dict)) else _day(item)
                if ordinal is None:
                    self.plain[who] = True
                else:
                    absent.append((who, ordinal))
        pairs = np.asarray(absent, dtype=np.int64).reshape(-1, 2)
        #: whole days of leave: (employee, day ordinal), each once
        self.absent = (
            distinct(pairs[:, 0] * (1 << 32) + pairs[:, 1]) if pairs.size else pairs[:0, 0]
        )

    def _overlaps(self) -> None:
        """Employees with shifts that overlap take the plain path (limits count the union)."""
        if not self.emp.size:
            return
        order = np.lexsort((self.start, self.emp))
        emp, start, end = self.emp[order], self.start[order], self.end[order]
        base = emp.astype(np.int64) * (1 << 42)  # local seconds stay below 2**39
        reach = np.maximum.accumulate(base + end)
        over = (emp[1:] == emp[:-1]) & (base[1:] + start[1:] < reach[:-1])
        self.plain[emp[1:][over]] = True

    def absent_key(self, emp: np.ndarray, day: np.ndarray) -> np.ndarray:
        """Whether each (employee, day) is a whole day of leave."""
        return np.isin(emp.astype(np.int64) * (1 << 32) + day, self.absent)


def _column(table: pa.Table, name: str) -> pa.Array:
    column = table.column(name)
    return column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column


def _ids(table: pa.Table, name: str) -> pa.Array:
    """A column of ids as text, as `ident_of` reads them (`str` of the value); text and whole
    numbers only (other types the plain check reads)."""
    if name not in table.schema.names:
        raise Unsupported(f"no `{name}` column")
    column = _column(table, name)
    kind = column.type
    if pa.types.is_dictionary(kind):
        column = column.cast(kind.value_type)
        kind = column.type
    if not (
        pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_integer(kind)
    ):
        raise Unsupported(f"`{name}` of type {kind}")
    return column.cast(pa.string())


def _employee_numbers(shifts: pa.Table, number: dict[str | None, int]) -> np.ndarray:
    """Each shift row's employee's number; the first row naming an employee the employees
    table lacks is the `InputError` `check_table` gives."""
    rows = shifts.num_rows
    if not rows:
        return np.zeros(0, dtype=np.int64)
    column = _ids(shifts, "employee")
    known = pa.array(list(number), type=pa.string())
    found = pc.index_in(column, value_set=known)
    if found.null_count:
        first = int(np.flatnonzero(found.is_null().to_numpy(zero_copy_only=False))[0])
        value = shifts.slice(first, 1).column("employee").to_pylist()[0]
        ident = column[first].as_py()
        raise InputError("employee", value, Text("input.roster.unknown_employee", ident=str(ident)))
    numbers: np.ndarray = found.to_numpy(zero_copy_only=False).astype(np.int64)
    return numbers


def _zones(
    decider: Decider, employees: pa.Table
) -> tuple[list[zoneinfo.ZoneInfo | None], np.ndarray, np.ndarray]:
    """The zones by code, each employee's zone code and whether it is a zone `decide` takes
    (an employee whose `timezone` is not one takes the plain path, which raises its error)."""
    rows = employees.num_rows
    if "timezone" not in employees.schema.names:
        return [decider.zone], np.zeros(rows, dtype=np.int64), np.ones(rows, dtype=bool)
    try:
        codes, names = encode(_column(employees, "timezone"))
    except (pa.ArrowNotImplementedError, pa.ArrowInvalid, TypeError):
        raise Unsupported("a timezone column of values Arrow cannot hash") from None
    zones, good = named_zones(decider, names)
    return zones, codes, good[codes]


def slot_combos(table: pa.Table, slots: list[Any]) -> tuple[np.ndarray, list[dict[str, Any]]]:
    """Each row's combination of the values of the columns these attributes may be read from,
    as a code, and one row of each combination as the mapping `decide` would read them from
    (other attributes absent)."""
    names = table.schema.names
    wanted: list[str] = []
    for slot in slots:
        for key in attribute_keys(slot.decl.name.text):
            if key in names and key not in wanted:
                wanted.append(key)
    rows = table.num_rows
    if not wanted or not rows:
        return np.zeros(rows, dtype=np.int64), [{}]
    codes: list[np.ndarray] = []
    values: list[list[Any]] = []
    for name in wanted:
        try:
            found, distinct = encode(_column(table, name))
        except (pa.ArrowNotImplementedError, pa.ArrowInvalid, TypeError):
            raise Unsupported(f"`{name}` holds values Arrow cannot hash") from None
        codes.append(found)
        values.append(distinct)
    group, firsts = combine(*((c, len(v)) for c, v in zip(codes, values, strict=True)))
    mappings = [
        {name: v[int(c[first])] for name, c, v in zip(wanted, codes, values, strict=True)}
        for first in firsts.tolist()
    ]
    return group, mappings


__all__ = ["RosterColumns", "Unsupported", "slot_combos"]
