"""The request data: employees and shifts as people have them, read and typed once per decision.

An employee or shift may be a `flexrules.Employee` / `flexrules.Shift`, a mapping, or any
object with attributes. A missing or ill-typed attribute becomes `UNKNOWN`, which the rules
treat with three-valued logic; a shift whose times or location cannot be used is an
`InputError` naming the field.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import zoneinfo
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ..clock.calendar import DAY
from ..clock.zones import zone
from ..core.errors import InputError
from ..language import ast


class _Unknown:
    """A fact that is missing or has the wrong type."""

    _instance: _Unknown | None = None

    def __new__(cls) -> _Unknown:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __reduce__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Any = _Unknown()
MISSING: Any = object()
#: an employee's or shift's typed facts, in declaration order; a tuple, since decisions with
#: the same facts share it
Values = tuple[Any, ...]
LOCATIONS = {"office": 1, "home": 2, "anywhere": 4}
LOCATION_NAMES = {1: "office", 2: "home", 4: "anywhere"}


@attrs.frozen
class Employee:
    """An employee: an id, attribute values by declared name, and their duty station's zone."""

    id: str
    attributes: Mapping[str, Any] = attrs.field(factory=dict)
    name: str | None = None
    timezone: str | None = None


@attrs.frozen
class Shift:
    """One span of work: start, end (datetimes or ISO text), location and shift attributes."""

    start: Any
    end: Any
    location: str
    attributes: Mapping[str, Any] = attrs.field(factory=dict)


def attribute_keys(name: str) -> tuple[str, ...]:
    """The keys tried for a declared attribute: as written, lower case, then with underscores."""
    lower = name.casefold()
    underscored = re.sub(r"[\s\-]+", "_", lower)
    keys: list[str] = []
    for key in (name, lower, underscored):
        if key not in keys:
            keys.append(key)
    return tuple(keys)


def attribute_source(item: Any, cls: type) -> tuple[Any, bool]:
    """Where an employee's or shift's attribute values live, and whether that is a mapping."""
    if type(item) is dict:
        return item, True
    if isinstance(item, cls):
        return getattr(item, "attributes"), True  # noqa: B009 - Employee and Shift both have it
    if isinstance(item, Mapping):
        return item, True
    return item, False


def object_reader(name: str) -> Callable[[Any], Any]:
    """A function reading one attribute (MISSING when absent) from an object that is not a
    mapping: `job type` is read as attribute `job_type`. Mappings are read by the reader
    `flexrules.codegen` generates for the whole policy."""
    attribute = attribute_keys(name)[-1]
    return lambda source: getattr(source, attribute, MISSING)


def quoted(value: Any) -> str:
    """A value given in input, as messages show it: text in double quotes as in a policy,
    JSON scalars as JSON, anything else by its repr."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return json.dumps(value, ensure_ascii=False)
    return repr(value)


# ---- typing values -------------------------------------------------------------------------


def problem(value: Any, type_: ast.TypeExpr) -> str | None:
    """What is wrong with a fact value for its declared type, or None when it is usable."""
    if value is MISSING or value is None:
        return "is missing"
    if coerce(value, type_) is UNKNOWN:
        if isinstance(type_, (ast.OneOfType, ast.RankedType)) and isinstance(value, str):
            allowed = ", ".join(f'"{v.value}"' for v in type_.values)
            return f"is {_show(value)}, not one of {allowed}"
        return f"is {_show(value)} ({_kind(value)}), not {type_name(type_)}"
    return None


def _show(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else '"' + value + '"'
    return text if len(text) <= 60 else text[:57] + "..."


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "yes or no"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dt.datetime):
        return "a date and time"
    if isinstance(value, dt.date):
        return "a date"
    return type(value).__name__


def type_name(type_: ast.TypeExpr) -> str:
    if isinstance(type_, ast.OneOfType):
        return "one of its declared values"
    if isinstance(type_, ast.RankedType):
        return "one of its ranked values"
    return {"text": "text", "number": "a number", "bool": "yes or no", "date": "a date"}[type_.kind]


def coerce(value: Any, type_: ast.TypeExpr) -> Any:
    """The value in the form rules compare (ranks for `ranked`), or UNKNOWN."""
    if value is None or value is MISSING:
        return UNKNOWN
    if isinstance(type_, ast.SimpleType):
        kind = type_.kind
        if kind == "text":
            return value if isinstance(value, str) else UNKNOWN
        if kind == "number":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return UNKNOWN
            return value if math.isfinite(value) else UNKNOWN
        if kind == "bool":
            return value if isinstance(value, bool) else UNKNOWN
        return as_date(value)
    if isinstance(type_, ast.RankedType):
        if not isinstance(value, str):
            return UNKNOWN
        for rank, allowed in enumerate(type_.values):
            if allowed.value == value:
                return rank
        return UNKNOWN
    if not isinstance(value, str):
        return UNKNOWN
    return value if any(v.value == value for v in type_.values) else UNKNOWN


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def as_date(value: Any) -> Any:
    """A date, or ISO `YYYY-MM-DD` text naming a real day; a datetime is not a date here,
    since which day it falls on depends on a time zone."""
    if isinstance(value, dt.datetime):
        return UNKNOWN
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return UNKNOWN
    return UNKNOWN


def jsonable(value: Any) -> Any:
    """A fact value as JSON can hold it: dates as ISO text, anything unusual by its repr."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(value)


def coercer(type_: ast.TypeExpr) -> Callable[[Any], Any]:
    """A fast converter for one declared type, chosen once at compile time."""
    if isinstance(type_, ast.SimpleType):
        kind = type_.kind
        if kind == "text":
            return lambda v: v if type(v) is str or isinstance(v, str) else UNKNOWN
        if kind == "bool":
            return lambda v: v if v is True or v is False else UNKNOWN

        if kind == "number":

            def number(v: Any) -> Any:
                t = type(v)
                if t is int or (t is float and math.isfinite(v)):
                    return v
                return coerce(v, type_)

            return number
        return as_date
    if isinstance(type_, ast.RankedType):
        ranks = {v.value: i for i, v in enumerate(type_.values)}
        return lambda v: ranks.get(v, UNKNOWN) if isinstance(v, str) else UNKNOWN
    allowed = frozenset(v.value for v in type_.values)
    return lambda v: v if isinstance(v, str) and v in allowed else UNKNOWN


# ---- identities and time zones ---------------------------------------------------------------


def field(item: Any, name: str, cls: type) -> Any:
    """A top-level field (`id`, `name`, `timezone`) of an employee in any of its forms."""
    if isinstance(item, cls):
        return getattr(item, name, None)
    if isinstance(item, Mapping):
        return item.get(name)
    return getattr(item, name, None)


def employee_zone(employee: Any, default: zoneinfo.ZoneInfo) -> zoneinfo.ZoneInfo:
    """The zone of the employee's duty station: their `timezone`, else the policy's."""
    name = field(employee, "timezone", Employee)
    if name is None:
        return default
    if not isinstance(name, str):
        raise InputError(
            "timezone", name, f"a time zone is a name such as Asia/Jakarta, not {quoted(name)}"
        )
    try:
        return zone(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise InputError(
            "timezone",
            name,
            f"unknown time zone {quoted(name)}; use an IANA name or WIB, WITA, WIT",
        ) from None


# ---- shifts ------------------------------------------------------------------------------

_T24 = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]24:00(?::00(?:\.0+)?)?(.*)$")
DAY_SECONDS = DAY
#: the local days a shift may fall on: a day's plan also looks at the days around it, which
#: must exist as dates
FIRST_DAY = dt.date(1, 1, 3).toordinal()
LAST_DAY = dt.date.max.toordinal() - 1
_DAYS_DECIDED = (
    f"flexrules decides shifts from {dt.date.fromordinal(FIRST_DAY)} to "
    f"{dt.date.fromordinal(LAST_DAY)}"
)


def parse_time(value: Any, field_name: str) -> dt.datetime:
    """A shift's start or end as a datetime; ISO text with `T24:00` means the next midnight."""
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        text = value.strip()
        midnight = _T24.match(text)
        next_day = False
        if midnight:
            text = f"{midnight.group(1)}T00:00{midnight.group(2)}"
            next_day = True
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        if "T" not in text and " " not in text:
            if _ISO_DATE.fullmatch(text):
                raise InputError(
                    field_name, value, f"{quoted(value)} has a date but no time of day"
                )
            raise InputError(
                field_name,
                value,
                f"{quoted(value)} is not a date and time such as 2025-07-07T08:00",
            )
        try:
            parsed = dt.datetime.fromisoformat(text)
        except ValueError:
            raise InputError(
                field_name,
                value,
                f"{quoted(value)} is not a date and time such as 2025-07-07T08:00",
            ) from None
        try:
            return parsed + dt.timedelta(days=1) if next_day else parsed
        except OverflowError:  # T24:00 on the last date there is
            raise InputError(field_name, value, _DAYS_DECIDED) from None
    if isinstance(value, dt.date):
        raise InputError(field_name, value, "a shift time needs a time of day, not only a date")
    if value is None or value is MISSING:
        raise InputError(field_name, value, f"the shift has no {field_name}")
    raise InputError(field_name, value, f"{quoted(value)} is not a date and time")


def local_seconds(moment: dt.datetime, where: zoneinfo.ZoneInfo, round_up: bool = False) -> int:
    """Whole seconds of local wall-clock time since 0001-01-01 (aware times converted first);
    a fraction of a second counts as a whole one for an end (`round_up`), never for a start."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(where)
    return (
        moment.toordinal() * DAY_SECONDS
        + moment.hour * 3600
        + moment.minute * 60
        + moment.second
        + (1 if round_up and moment.microsecond else 0)
    )


def shift_parts(shift: Any) -> tuple[Any, Any, Any, Any, bool]:
    """start, end, location, attribute source and whether that source is a mapping."""
    if type(shift) is dict or (not isinstance(shift, Shift) and isinstance(shift, Mapping)):
        return (
            shift.get("start", MISSING),
            shift.get("end", MISSING),
            shift.get("location", MISSING),
            shift,
            True,
        )
    if isinstance(shift, Shift):
        return shift.start, shift.end, shift.location, shift.attributes, True
    return (
        getattr(shift, "start", MISSING),
        getattr(shift, "end", MISSING),
        getattr(shift, "location", MISSING),
        shift,
        False,
    )


def location_code(value: Any) -> int:
    code = LOCATIONS.get(value) if isinstance(value, str) else None
    if code is None:
        raise InputError(
            "location", value, f"{quoted(value)} is not a location; use office, home or anywhere"
        )
    return code


def naive_seconds(value: Any) -> int | None:
    """Local seconds of naive ISO text with whole seconds; None for anything else (text with an
    offset, a fraction of a second, not a time): the full path reads those. The runtime keeps
    what this gives for each text in a bounded memory of its own."""
    if type(value) is not str:
        return None
    try:
        parsed = parse_time(value, "start")
    except InputError:
        return None  # the full path reports it with the right field
    if parsed.tzinfo is not None or parsed.microsecond:
        return None
    return (
        parsed.toordinal() * DAY_SECONDS + parsed.hour * 3600 + parsed.minute * 60 + parsed.second
    )


def shift_span(
    start_value: Any,
    end_value: Any,
    where: zoneinfo.ZoneInfo,
    naive: Callable[[Any], int | None] = naive_seconds,
) -> tuple[int, int]:
    """A shift's [start, end) in local seconds, checked: end after start, at most 24 hours, on
    days flexrules decides. `naive` reads naive ISO text (the runtime passes its memory of it)."""
    try:
        start, end = _span(start_value, end_value, where, naive)
    except OverflowError:  # an aware time on the clock of a zone where no date holds it
        raise InputError("start", start_value, _DAYS_DECIDED) from None
    if not FIRST_DAY <= start // DAY_SECONDS <= LAST_DAY:
        raise InputError("start", start_value, _DAYS_DECIDED)
    if (end - 1) // DAY_SECONDS > LAST_DAY:
        raise InputError("end", end_value, _DAYS_DECIDED)
    return start, end


def _span(
    start_value: Any,
    end_value: Any,
    where: zoneinfo.ZoneInfo,
    naive: Callable[[Any], int | None],
) -> tuple[int, int]:
    start_local = naive(start_value)
    end_local = naive(end_value) if start_local is not None else None
    if start_local is None or end_local is None:
        start = parse_time(start_value, "start")
        end = parse_time(end_value, "end")
        if start.tzinfo is not None and end.tzinfo is not None:
            if end <= start:
                raise InputError("end", end_value, "the shift's end must be after its start")
            if end - start > dt.timedelta(hours=24):
                raise InputError("end", end_value, "a shift lasts at most 24 hours")
            return local_seconds(start, where), local_seconds(end, where, round_up=True)
        start_local = local_seconds(start, where)
        end_local = local_seconds(end, where, round_up=True)
    if end_local <= start_local:
        raise InputError("end", end_value, "the shift's end must be after its start")
    if end_local - start_local > DAY_SECONDS:
        raise InputError("end", end_value, "a shift lasts at most 24 hours")
    return start_local, end_local


def local_datetime(seconds: int, where: zoneinfo.ZoneInfo) -> dt.datetime:
    """Local seconds back to an aware datetime on the local clock."""
    day, rest = divmod(seconds, DAY_SECONDS)
    base = dt.datetime.fromordinal(day) + dt.timedelta(seconds=rest)
    return base.replace(tzinfo=where)
