"""People who change during the month: an employee's attributes as they stand on each local day.

An employee may carry `changes`: `[(date, {attribute: value, ...}), ...]` (DATA.md §2). From
each date on, the attributes named take the new values (None makes one missing); a change takes
effect at local midnight on the employee's clock. A change of `None` instead of attributes
means the employee is outside their employment from that date on (a later change with
attributes brings them back); `Employee` may also bound the employment (`employed_from`,
`employed_until`, both days included). Outside it the employee has no facts and rosters count
nothing there (`rosters`).

A `Timeline` is worked out once per employee and gives, for any local day, the employee as of
that day: the same kind of object as given (a plain dict stays a plain dict, so deciding takes
its usual fast path), without `changes`. Nothing here runs for an employee without changes.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ..core.errors import InputError
from ..core.messages import Text
from .facts import Employee, quoted

#: keys a change may not set: who the employee is, and the changes themselves (a change of
#: `timezone` moves the employee's duty station: it takes effect at local midnight in the zone
#: in force before it)
_FIXED = ("id", "changes")


def _folded(key: str) -> str:
    """A key as the fact readers match it: lower case, spaces and hyphens as underscores."""
    return re.sub(r"[\s\-]+", "_", key.casefold())


def changes_given(employee: Any) -> Any:
    """The `changes` an employee carries (None for none), in any of its forms."""
    if type(employee) is dict:
        return employee.get("changes")
    if isinstance(employee, Employee):
        return employee.changes or None
    if isinstance(employee, Mapping):
        return employee.get("changes")
    return getattr(employee, "changes", None)


def _bounds(employee: Any) -> tuple[int | None, int | None]:
    """The first and last local day of employment (ordinals, None when open)."""
    if not isinstance(employee, Employee):
        return None, None
    first, last = employee.employed_from, employee.employed_until
    return (
        None if first is None else change_date(first, "employed_from").toordinal(),
        None if last is None else change_date(last, "employed_until").toordinal(),
    )


def change_date(value: Any, field: str = "changes") -> dt.date:
    """A change's date: a `datetime.date` or ISO date text (`2025-07-15`)."""
    if isinstance(value, dt.datetime):
        raise InputError(field, value, Text("input.change.date_time", value=quoted(str(value))))
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InputError(field, value, Text("input.change.not_date", value=quoted(value)))


def read_changes(given: Any) -> list[tuple[dt.date, Mapping[str, Any] | None]]:
    """`changes` as given, checked and in date order (changes on one date in the order given):
    each a pair (date, mapping or None), or a mapping with `from` and `attributes` (JSON's
    form)."""
    if isinstance(given, (str, bytes, Mapping)) or not isinstance(given, Iterable):
        raise InputError("changes", given, Text("input.changes.not_list"))
    found: list[tuple[dt.date, Mapping[str, Any] | None]] = []
    for number, item in enumerate(given, start=1):
        if isinstance(item, Mapping):
            when, values = item.get("from"), item.get("attributes")
        elif isinstance(item, (list, tuple)) and len(item) == 2:
            when, values = item
        else:
            raise InputError(
                "changes", item, Text("input.change.not_pair", number=number, value=quoted(item))
            )
        day = change_date(when)
        if values is None:  # outside employment from this day
            found.append((day, None))
            continue
        if not isinstance(values, Mapping):
            raise InputError(
                "changes",
                values,
                Text("input.change.not_attributes", number=number, value=quoted(values)),
            )
        for key in values:
            if not isinstance(key, str):
                raise InputError(
                    "changes", key, Text("input.change.bad_name", number=number, value=quoted(key))
                )
            if _folded(key) in _FIXED:
                raise InputError(
                    "changes", key, Text("input.change.fixed", number=number, name=key)
                )
        found.append((day, values))
    found.sort(key=lambda pair: pair[0])
    return found


@attrs.frozen
class Timeline:
    """An employee as of each local day: `views[i]` holds from day `starts[i - 1]` (the first
    from any day before `starts[0]`), inside the employment where `flags[i]`; no day before
    `first` or after `last` is."""

    starts: tuple[int, ...]
    views: tuple[Any, ...]
    flags: tuple[bool, ...]
    first: int | None = None  # first day of employment, None when open
    last: int | None = None  # last day of employment, None when open
    #: the employee as of a day outside employment: no facts
    outside: Any = None

    def index(self, day: int) -> int:
        """Which view holds on a local day (-1 outside employment)."""
        found = bisect_right(self.starts, day)
        if not self.flags[found] or not self._bounded(day):
            return -1
        return found

    def on(self, day: int) -> Any:
        """The employee as of a local day (ordinal)."""
        found = self.index(day)
        return self.outside if found < 0 else self.views[found]

    def employed(self, day: int) -> bool:
        return self.index(day) >= 0

    def _bounded(self, day: int) -> bool:
        return (self.first is None or day >= self.first) and (self.last is None or day <= self.last)

    def employed_through(self, first: int, last: int) -> bool:
        """Whether every day from `first` to `last` is inside the employment."""
        if (self.first is not None and first < self.first) or (
            self.last is not None and last > self.last
        ):
            return False
        low, high = bisect_right(self.starts, first), bisect_right(self.starts, last)
        return all(self.flags[low : high + 1])


def timeline_of(employee: Any) -> Timeline | None:
    """The employee's timeline, or None for an employee whose facts never change."""
    given = changes_given(employee)
    first, last = _bounds(employee)
    if given is None and first is None and last is None:
        return None
    changes = read_changes(() if given is None else given)
    starts: list[int] = []
    views = [_as_of(employee, {}, changes=True)]
    flags = [True]
    for day, values in changes:
        if not starts or starts[-1] != day.toordinal():
            starts.append(day.toordinal())
            views.append(views[-1])
            flags.append(flags[-1])
        if values is None:
            flags[-1] = False
        else:
            views[-1] = _as_of(views[-1], values)
            flags[-1] = True
    return Timeline(tuple(starts), tuple(views), tuple(flags), first, last, _nobody(employee))


def _as_of(employee: Any, values: Mapping[str, Any], changes: bool = False) -> Any:
    """`employee` with `values` applied (None removes one), and without `changes` if asked."""
    if isinstance(employee, Employee):
        values = dict(values)
        zone = employee.timezone
        for key in [k for k in values if _folded(k) == "timezone"]:
            zone = values.pop(key)
        return attrs.evolve(
            employee,
            attributes=_applied(employee.attributes, values),
            timezone=zone,
            changes=(),
            employed_from=None,
            employed_until=None,
        )
    if isinstance(employee, Mapping):
        applied = _applied(employee, values)
        applied.pop("changes", None)
        return applied
    if isinstance(employee, _Changed):
        return _Changed(employee.base, {**employee.overrides, **_underscored(values)})
    return _Changed(employee, {"changes": None, **_underscored(values)})


def _applied(given: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    """A plain dict of `given` with `values` applied: a key replaces every spelling of itself
    the fact readers would match (`job type`, `job_type`, `Job Type`)."""
    result = dict(given)
    for key, value in values.items():
        folded = _folded(key)
        for old in [k for k in result if isinstance(k, str) and _folded(k) == folded]:
            del result[old]
        if value is not None:
            result[key] = value
    return result


def _underscored(values: Mapping[str, Any]) -> dict[str, Any]:
    return {_folded(key): value for key, value in values.items()}


def _nobody(employee: Any) -> Any:
    """The employee with no facts at all: who they are and their clock, nothing else."""
    if isinstance(employee, Employee):
        return Employee(employee.id, {}, name=employee.name, timezone=employee.timezone)
    if isinstance(employee, Mapping):
        return {key: employee[key] for key in ("id", "name", "timezone") if key in employee}
    return _Changed(employee, {}, blank=True)


class _Changed:
    """An employee object (not a mapping) with some attributes replaced, read as the fact
    readers read objects (`job type` as `job_type`)."""

    __slots__ = ("base", "blank", "overrides")

    def __init__(self, base: Any, overrides: dict[str, Any], blank: bool = False) -> None:
        self.base = base
        self.overrides = overrides
        self.blank = blank

    def __getattr__(self, name: str) -> Any:
        if name in self.overrides:
            return self.overrides[name]
        if self.blank and name not in ("id", "name", "timezone"):
            return None
        return getattr(self.base, name)
