"""The request data: employees and shifts as people have them, read and typed once per decision.

An employee or shift may be a `flexrules.Employee` / `flexrules.Shift`, a mapping, or any
object with attributes. A missing or ill-typed attribute becomes `UNKNOWN`, which the rules
treat with three-valued logic; a shift whose times or location cannot be used is an
`InputError` naming the field.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zoneinfo
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ..clock.calendar import DAY
from ..clock.zones import zone
from ..core.errors import InputError
from ..core.messages import Text


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


def _attributes(value: Any) -> Mapping[str, Any]:
    """`attributes` as given: a mapping (None for none); anything else is the caller passing
    the wrong kind of object."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise TypeError(f"attributes is a mapping of attribute names to values, not {value!r}")
    return value


def _changes(value: Any) -> Any:
    """`changes` as given: a list becomes a tuple, None none; the engine checks the rest
    (`engine.changes`), so a bad value is an `InputError` naming `changes` when used."""
    if value is None:
        return ()
    return tuple(value) if isinstance(value, list) else value


@attrs.frozen
class Employee:
    """An employee: an id, attribute values by declared name, and their duty station's zone.

    `changes`, `[(date, {attribute: value}), ...]`, gives new values from each date on (None
    makes one missing); `employed_from` and `employed_until` (dates, both included) bound the
    employment: outside it the employee has no facts and rosters count nothing (DATA.md §2)."""

    id: str
    attributes: Mapping[str, Any] = attrs.field(factory=dict, converter=_attributes)
    name: str | None = None
    timezone: str | None = None
    changes: Any = attrs.field(default=(), converter=_changes)
    employed_from: Any = None
    employed_until: Any = None


@attrs.frozen
class Shift:
    """One span of work: start, end (datetimes or ISO text), location and shift attributes."""

    start: Any
    end: Any
    location: str
    attributes: Mapping[str, Any] = attrs.field(factory=dict, converter=_attributes)


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
    if (size := huge_int(value)) is not None:
        return size
    if value is None or isinstance(value, (str, bool, int, float)):
        return json.dumps(value, ensure_ascii=False)
    return repr(value)


#: ints longer than this many digits are shown by their size: Python refuses to turn ints of
#: more than 4,300 digits into text, and no fact needs that many
_MAX_DIGITS = 1000


def huge_int(value: Any) -> str | None:
    """`a number of 5,001 digits` for an int too long to show, else None."""
    is_int = isinstance(value, int) and not isinstance(value, bool)
    if is_int and value.bit_length() > _MAX_DIGITS * 3.33:
        return f"a number of about {int(value.bit_length() * 0.30103):,} digits"
    return None


def jsonable(value: Any) -> Any:
    """A fact value as JSON can hold it: dates as ISO text, anything unusual by its repr."""
    if value is None or isinstance(value, (bool, float, str)):
        return value
    if isinstance(value, int):
        return huge_int(value) or value
    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(value)


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
        raise InputError("timezone", name, Text("input.timezone.not_name", value=quoted(name)))
    try:
        return zone(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise InputError(
            "timezone", name, Text("input.timezone.unknown", value=quoted(name))
        ) from None


# ---- shifts ------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: `T24:00` (seconds zero, if given) and an optional offset: the next midnight; `T24:00:01`
#: is not a time
_T24 = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]24:00(?::00(?:\.0+)?)?([zZ]|[+-]\d{2}(?::?\d{2})?)?$")
DAY_SECONDS = DAY
#: the local days a shift may fall on: a day's plan also looks at the days around it, which
#: must exist as dates
FIRST_DAY = dt.date(1, 1, 3).toordinal()
LAST_DAY = dt.date.max.toordinal() - 1
_DAYS_DECIDED = Text(
    "input.time.out_of_range",
    first=str(dt.date.fromordinal(FIRST_DAY)),
    last=str(dt.date.fromordinal(LAST_DAY)),
)


def parse_time(value: Any, field_name: str) -> dt.datetime:
    """A shift's start or end as a datetime; ISO text with `T24:00` means the next midnight."""
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        return _parse_text(value, field_name)
    if isinstance(value, dt.date):
        raise InputError(field_name, value, Text("input.time.date_only"))
    if value is None or value is MISSING:
        raise InputError(field_name, value, Text("input.time.missing", field=field_name))
    raise InputError(field_name, value, Text("input.time.not_date_time", value=quoted(value)))


def _parse_text(value: str, field_name: str) -> dt.datetime:
    """ISO 8601 text as a datetime: `Z` for UTC, `T24:00` for the next midnight."""
    text = value.strip()
    midnight = _T24.match(text)
    if midnight:
        text = f"{midnight.group(1)}T00:00{midnight.group(2) or ''}"
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    not_a_time = Text("input.time.not_iso", value=quoted(value))
    if "T" not in text and " " not in text:
        if _ISO_DATE.fullmatch(text):
            raise InputError(
                field_name, value, Text("input.time.no_time_of_day", value=quoted(value))
            )
        raise InputError(field_name, value, not_a_time)
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        raise InputError(field_name, value, not_a_time) from None
    try:
        return parsed + dt.timedelta(days=1) if midnight else parsed
    except OverflowError:  # T24:00 on the last date there is
        raise InputError(field_name, value, _DAYS_DECIDED) from None


def local_seconds(moment: dt.datetime, where: zoneinfo.ZoneInfo) -> int:
    """Whole seconds of local wall-clock time since 0001-01-01 (aware times converted first);
    a fraction of a second is dropped (docs/semantics.md, section 1)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(where)
    return (
        moment.toordinal() * DAY_SECONDS + moment.hour * 3600 + moment.minute * 60 + moment.second
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
    try:
        code = LOCATIONS.get(value) if isinstance(value, str) else None
    except Exception:  # a str whose hash fails
        code = None
    if code is None:
        if value is None or value is MISSING:  # never shown as `<object object at ...>`
            raise InputError("location", value, Text("input.location.missing"))
        raise InputError("location", value, Text("input.location.unknown", value=quoted(value)))
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


_TOO_LONG = Text("input.shift.too_long")


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
                raise InputError("end", end_value, Text("input.shift.end_before_start"))
            if end - start > dt.timedelta(hours=24):
                raise InputError("end", end_value, _TOO_LONG)
            return local_seconds(start, where), local_seconds(end, where)
        start_local = local_seconds(start, where)
        end_local = local_seconds(end, where)
    if end_local <= start_local:
        raise InputError("end", end_value, Text("input.shift.end_before_start"))
    if end_local - start_local > DAY_SECONDS:
        raise InputError("end", end_value, _TOO_LONG)
    return start_local, end_local


def local_datetime(seconds: int, where: zoneinfo.ZoneInfo) -> dt.datetime:
    """Local seconds back to an aware datetime on the local clock."""
    day, rest = divmod(seconds, DAY_SECONDS)
    base = dt.datetime.fromordinal(day) + dt.timedelta(seconds=rest)
    return base.replace(tzinfo=where)
