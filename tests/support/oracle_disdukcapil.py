"""Independent oracle: the decisions of the Disdukcapil example policy, written out by hand.

This module shares no code with the engine (it imports nothing from ``flexrules``). It decides
one shift for exactly the policy of LANGUAGE.md section 1 (``examples/disdukcapil.rules``),
applying the rules that bear on a single shift: R1, R2, R3, R3b, R4, R5, R6 and R7. R8-R11 are
limits, staffing and share rules and are not applied by ``decide``.

``decide(employee, shift)`` returns ``(allowed, rule_ids)``:

* denied shift: the ids of every rule that denies at least one denied piece, with ``None``
  standing for "default deny: no rule permits" on a denied piece that no rule denies;
* allowed shift: the ids of every rule that permits at least one piece.

Semantic choices where LANGUAGE.md is silent (the engine must match them; each is marked
``CHOICE`` at the place it is implemented):

C1  Attribute keys. Employee attribute NAME (as declared, lower case) is looked up as key NAME,
    then key NAME with spaces and hyphens turned into ``_`` (``job type`` -> ``job_type``,
    ``position start`` -> ``position_start``). The first key whose value is not ``None`` is used;
    a key that is present with ``None`` is missing and the lookup falls through to the next
    key. An ill-typed value under the first key is used (it does not fall through).
C2  ``yes or no``: only ``bool`` (``True``/``False``); ``"yes"``, ``1``, ``0`` are ill-typed.
C3  ``number``: ``int`` or ``float`` but not ``bool``; ``"9"`` is ill-typed.
C4  ``date``: a ``datetime.date`` that is not a ``datetime.datetime`` (a datetime is ill-typed),
    or text of exactly the form ``YYYY-MM-DD`` naming a real calendar date (``"2024-02-30"``,
    ``"20240301"``, ``"01/03/2024"``, ``"2024-03-01T00:00"`` are ill-typed).
C5  ``text``: any ``str``, compared exactly (case and white space matter).
C6  ``one of`` / ``ranked``: a ``str`` among the declared values; a ``str`` outside them is
    ill-typed (unknown). In this policy job type and performance appear only in ``may`` rules
    (R5, R6), where unknown and false give the same decision, so this choice is not observable
    through ``decide``.
C7  Relative dates (R3b): for the local day D of the piece, cutoff = D minus 12 calendar months
    with the day clamped to the month's length; the position is new iff start > cutoff. A start
    on or after D (a future start) is therefore new.
C8  Time zone: employee key ``timezone``; absent or ``None`` -> the policy's Asia/Jakarta.
    ``WIB``/``WITA``/``WIT`` are accepted in any letter case; other names are IANA keys passed
    to ``zoneinfo`` as written (case-sensitive). Anything else (unknown name, non-text) raises
    ``OracleInputError``.
C9  Shift times: a ``datetime`` or ISO text ``YYYY-MM-DD[T| ]HH:MM[:SS[.ffffff]][Z|+HH:MM|-HH:MM]``
    (``+HHMM`` accepted too). ``24:00`` (``24:00:00``) means 00:00 of the next day. A
    date-only text, a ``datetime.date`` or anything else raises ``OracleInputError``.
    Aware values are converted to the employee's zone; naive values are local wall time.
    Work is done on wall-clock (naive local) times, exact for zones without daylight saving
    (all Indonesian zones); the generator only uses such zones.
C10 Validation: end must be after start, and at most 24 hours after it (exactly 24 h is
    allowed); location must be exactly ``office``, ``home`` or ``anywhere``. Otherwise
    ``OracleInputError``.
C11 Pieces: the shift is cut at local midnight and at every local 06:00, 08:00, 11:30, 15:00 and
    20:00 (a superset of the boundaries of service hours and working window; extra cuts do not
    change outcomes). A piece's day is the local date at its start. Service hours use the
    holidays of the piece's day (a holiday has no service hours).
C12 Holidays: ``holidays.country_holidays("ID")`` with its default (public) category, plus
    2025-06-09 and 2025-12-26. Cuti bersama days other than those two are ordinary days.
    Working days: Monday-Friday that are not holidays.
C13 Unknown facts (Kleene): a ``must be on-site`` rule (R1, R2, R3, R3b) whose subject is
    unknown denies a piece in its TIME whose location is not office, and does not permit an
    office piece. A ``may`` rule (R5, R6) whose applicability is unknown neither permits nor
    denies. R4 and R7 depend on no fact.
C14 Shift attribute ``approved``: key ``approved`` only; ``bool`` only (C2).
C15 R4 (``must work within working window`` = ``must not work outside working window``) denies
    every piece outside 06:00-20:00, at any location, and never permits.
C16 Changes (DATA.md §2): employee key ``changes``, a list of ``(day, {key: value})`` with the
    day a ``date`` or ``YYYY-MM-DD`` text. A piece on local day D sees the employee with every
    change dated on or before D applied, earliest first (changes on one day in the order
    given). A change's key replaces every key of the employee that is the same once lower-cased
    with spaces and hyphens as ``_``; a value ``None`` removes it (the fact is missing).
C17 Versions (DATA.md §5): ``decide_versions(versions, employee, shift)`` with ``versions`` a
    list of ``(first, last, without)``: the example in force from ``first`` to ``last`` (dates,
    both included; ``None`` open), with the rules named in ``without`` left out. Each piece is
    decided by the version in force on its local day; a piece on a day no version is in force
    is denied with ``None`` among the deniers; the shift is allowed when every piece is.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time, timedelta, timezone
from functools import cache
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

import holidays as _holidays_pkg

__all__ = [
    "UNKNOWN",
    "OracleInputError",
    "decide",
    "decide_versions",
    "holiday",
    "months_before",
    "pieces",
    "working_day",
]

POLICY_ZONE = "Asia/Jakarta"
ZONE_ALIASES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}
LOCATIONS = ("office", "home", "anywhere")
REMOTE = ("home", "anywhere")
AGENCY_HOLIDAYS = frozenset({date(2025, 6, 9), date(2025, 12, 26)})
JOB_TYPES = ("administration", "finance", "personnel", "technical", "public service")
ADMIN_JOB_TYPES = ("administration", "finance", "personnel")
PERFORMANCE = ("very poor", "poor", "needs improvement", "good", "very good")

# Cut points within each local day (C11).
CUTS = (time(6, 0), time(8, 0), time(11, 30), time(15, 0), time(20, 0))
WINDOW = (time(6, 0), time(20, 0))
SERVICE = {
    0: (time(8), time(15)),
    1: (time(8), time(15)),
    2: (time(8), time(15)),
    3: (time(8), time(15)),
    4: (time(8), time(11, 30)),
}


class OracleInputError(ValueError):
    """Malformed input (the engine raises ``flexrules.InputError`` for the same cases)."""

    def __init__(self, field: str, value: Any, message: str) -> None:
        super().__init__(f"{field}: {message} ({value!r})")
        self.field = field
        self.value = value


class _Unknown:
    """The third truth value."""

    _instance: _Unknown | None = None

    def __new__(cls) -> _Unknown:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __bool__(self) -> bool:  # guard against accidental two-valued use
        raise TypeError("UNKNOWN has no two-valued truth")


UNKNOWN: Any = _Unknown()


def k_and(*values: Any) -> Any:
    """Kleene conjunction: False wins, then UNKNOWN, else True."""
    if any(v is False for v in values):
        return False
    if any(v is UNKNOWN for v in values):
        return UNKNOWN
    return True


# ---------------------------------------------------------------- calendar


@cache
def _public_holidays(year: int) -> frozenset[date]:
    return frozenset(_holidays_pkg.country_holidays("ID", years=year).keys())


def holiday(day: date) -> bool:
    """A declared holiday: Indonesia's public holidays or an agency day (C12)."""
    return day in AGENCY_HOLIDAYS or day in _public_holidays(day.year)


def working_day(day: date) -> bool:
    """Monday to Friday and not a holiday."""
    return day.weekday() < 5 and not holiday(day)


def in_service_hours(start: datetime) -> bool:
    """Whether the piece starting at local ``start`` lies in service hours (C11)."""
    day = start.date()
    span = SERVICE.get(day.weekday())
    if span is None or holiday(day):
        return False
    return span[0] <= start.time() < span[1]


def in_working_window(start: datetime) -> bool:
    return WINDOW[0] <= start.time() < WINDOW[1]


def months_before(day: date, months: int) -> date:
    """``day`` minus ``months`` calendar months, the day clamped to the month's end (C7)."""
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


# ---------------------------------------------------------------- facts


def _lookup(mapping: dict[str, Any], name: str) -> Any:
    """Attribute lookup (C1): key NAME, then NAME with spaces/hyphens as ``_``."""
    keys = [name]
    alt = re.sub(r"[ -]", "_", name)
    if alt != name:
        keys.append(alt)
    for key in keys:
        value = mapping.get(key)
        if value is not None:
            return value
    return None


def fact_bool(mapping: dict[str, Any], name: str) -> Any:
    value = _lookup(mapping, name)
    return value if isinstance(value, bool) else UNKNOWN  # C2


def fact_number(mapping: dict[str, Any], name: str) -> Any:
    value = _lookup(mapping, name)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return UNKNOWN  # C3
    return value


def fact_text(mapping: dict[str, Any], name: str) -> Any:
    value = _lookup(mapping, name)
    return value if isinstance(value, str) else UNKNOWN  # C5


def fact_choice(mapping: dict[str, Any], name: str, values: tuple[str, ...]) -> Any:
    value = _lookup(mapping, name)
    return value if isinstance(value, str) and value in values else UNKNOWN  # C6


_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def fact_date(mapping: dict[str, Any], name: str) -> Any:
    value = _lookup(mapping, name)
    if isinstance(value, datetime):
        return UNKNOWN  # C4: a datetime is not a date
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        m = _DATE_RE.fullmatch(value)
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return UNKNOWN
    return UNKNOWN


# ---------------------------------------------------------------- time


def employee_zone(employee: dict[str, Any]) -> ZoneInfo:
    """The employee's zone (C8)."""
    name = employee.get("timezone")
    if name is None:
        return ZoneInfo(POLICY_ZONE)
    if not isinstance(name, str):
        raise OracleInputError("timezone", name, "a time zone name is text")
    alias = ZONE_ALIASES.get(name.upper())
    if alias is not None:
        return ZoneInfo(alias)
    try:
        return ZoneInfo(name)
    except Exception as exc:  # ZoneInfoNotFoundError, ValueError for odd keys
        raise OracleInputError("timezone", name, "unknown time zone") from exc


_DT_RE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?"
    r"(Z|[+-]\d{2}:?\d{2})?"
)


def _parse_datetime(field: str, value: Any) -> datetime:
    """A shift time as a datetime, aware or naive (C9)."""
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        raise OracleInputError(field, value, "expected a datetime or ISO 8601 text")
    m = _DT_RE.fullmatch(value)
    if not m:
        raise OracleInputError(field, value, "unparseable time")
    year, month, day, hour, minute = (int(m[i]) for i in range(1, 6))
    second = int(m[6]) if m[6] else 0
    micro = int(m[7].ljust(6, "0")) if m[7] else 0
    tz: timezone | None = None
    if m[8]:
        if m[8] == "Z":
            tz = timezone.utc
        else:
            sign = -1 if m[8][0] == "-" else 1
            digits = m[8][1:].replace(":", "")
            tz = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    next_day = False
    if hour == 24:
        if minute or second or micro:
            raise OracleInputError(field, value, "24:00 is the only time past 23:59")
        hour, next_day = 0, True
    try:
        result = datetime(year, month, day, hour, minute, second, micro, tzinfo=tz)
    except ValueError as exc:
        raise OracleInputError(field, value, "unparseable time") from exc
    return result + timedelta(days=1) if next_day else result


def local_time(field: str, value: Any, zone: ZoneInfo) -> datetime:
    """Naive local wall-clock time in ``zone``."""
    moment = _parse_datetime(field, value)
    if moment.tzinfo is not None and moment.utcoffset() is not None:
        moment = moment.astimezone(zone)
    return moment.replace(tzinfo=None)


def pieces(start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
    """Cut local [start, end) at midnight and the day's cut points (C11)."""
    result = []
    cursor = start
    while cursor < end:
        day = cursor.date()
        candidates = [datetime.combine(day, t) for t in CUTS]
        candidates.append(datetime.combine(day + timedelta(days=1), time(0)))
        nxt = min(c for c in candidates if c > cursor)
        piece_end = min(nxt, end)
        result.append((cursor, piece_end))
        cursor = piece_end
    return result


# ---------------------------------------------------------------- deciding


def must_be_on_site(applies: Any, in_time: bool, on_site: bool) -> str | None:
    """Effect of a `must be on-site` rule on one piece (C13).

    Violated (deny) off-site wherever it surely or maybe applies; satisfied on-site where it
    surely applies, which permits; otherwise no effect.
    """
    if not in_time or applies is False:
        return None
    if not on_site:
        return "deny"
    return "permit" if applies is True else None


def _same_key(key: str) -> str:
    return re.sub(r"[ -]", "_", key.lower())


def employee_on(employee: dict[str, Any], day: date) -> dict[str, Any]:
    """The employee as of local day ``day`` (C16)."""
    changes = employee.get("changes")
    if not changes:
        return employee
    dated = []
    for number, (when, values) in enumerate(changes):
        when = when if isinstance(when, date) else date.fromisoformat(when)
        dated.append((when, number, values))
    result = {k: v for k, v in employee.items() if k != "changes"}
    for when, _number, values in sorted(dated, key=lambda item: (item[0], item[1])):
        if when > day:
            break
        for key, value in values.items():
            for old in [k for k in result if _same_key(k) == _same_key(key)]:
                del result[old]
            if value is not None:
                result[key] = value
    return result


def decide(employee: dict[str, Any], shift: dict[str, Any]) -> tuple[bool, frozenset[str | None]]:
    """Decide one shift; see the module docstring for the result."""
    zone = employee_zone(employee)
    start, end, location = shift_times(shift, zone)
    deniers: set[str | None] = set()
    permitters: set[str] = set()
    allowed = True

    for piece_start, _piece_end in pieces(start, end):
        facts = employee_facts(employee_on(employee, piece_start.date()), shift)
        piece_deny, piece_permit = piece_effects(facts, piece_start, location)
        if piece_deny:
            allowed = False
            deniers |= piece_deny
        elif piece_permit:
            permitters |= piece_permit
        else:
            allowed = False
            deniers.add(None)

    if allowed:
        return True, frozenset(permitters)
    return False, frozenset(deniers)


def decide_versions(
    versions: list[tuple[date | None, date | None, frozenset[str]]],
    employee: dict[str, Any],
    shift: dict[str, Any],
) -> tuple[bool, frozenset[str | None]]:
    """Decide one shift by versions of the example, piece by piece (C17)."""
    zone = employee_zone(employee)
    start, end, location = shift_times(shift, zone)
    deniers: set[str | None] = set()
    permitters: set[str] = set()
    allowed = True
    for piece_start, _piece_end in pieces(start, end):
        day = piece_start.date()
        version = next(
            (
                without
                for first, last, without in versions
                if (first is None or first <= day) and (last is None or day <= last)
            ),
            None,
        )
        if version is None:  # no version in force: denied
            allowed = False
            deniers.add(None)
            continue
        facts = employee_facts(employee_on(employee, day), shift)
        piece_deny, piece_permit = piece_effects(facts, piece_start, location, version)
        if piece_deny:
            allowed = False
            deniers |= piece_deny
        elif piece_permit:
            permitters |= piece_permit
        else:
            allowed = False
            deniers.add(None)
    if allowed:
        return True, frozenset(permitters)
    return False, frozenset(deniers)


def shift_times(shift: dict[str, Any], zone: ZoneInfo) -> tuple[datetime, datetime, str]:
    """The shift's local start and end and its location, checked (C9, C10)."""
    start = local_time("start", shift.get("start"), zone)
    end = local_time("end", shift.get("end"), zone)
    if not end > start:
        raise OracleInputError("end", shift.get("end"), "end is not after start")
    if end - start > timedelta(hours=24):
        raise OracleInputError("end", shift.get("end"), "a shift lasts at most 24 hours")
    location = shift.get("location")
    if not isinstance(location, str) or location not in LOCATIONS:
        raise OracleInputError("location", location, "unknown location")
    return start, end, location


class Facts(NamedTuple):
    """What the rules test, each True, False or UNKNOWN (position_start: a date or UNKNOWN)."""

    service_desk: Any
    administrative: Any
    technical: Any
    perf_good: Any
    grade_ok: Any
    probation: Any
    sanction: Any
    position_start: Any
    approved: Any


def employee_facts(employee: dict[str, Any], shift: dict[str, Any]) -> Facts:
    """The employee's facts, and the shift's ``approved`` (three-valued)."""
    role = fact_text(employee, "role")
    job = fact_choice(employee, "job type", JOB_TYPES)
    perf = fact_choice(employee, "performance", PERFORMANCE)
    grade = fact_number(employee, "grade")
    return Facts(
        service_desk=UNKNOWN if role is UNKNOWN else role == "service desk",
        administrative=UNKNOWN if job is UNKNOWN else job in ADMIN_JOB_TYPES,
        technical=UNKNOWN if job is UNKNOWN else job == "technical",
        perf_good=(
            UNKNOWN if perf is UNKNOWN else PERFORMANCE.index(perf) >= PERFORMANCE.index("good")
        ),
        grade_ok=UNKNOWN if grade is UNKNOWN else grade >= 9,
        probation=fact_bool(employee, "on probation"),
        sanction=fact_bool(employee, "under sanction"),
        position_start=fact_date(employee, "position start"),
        approved=fact_bool(shift, "approved"),  # C14
    )


def piece_effects(
    facts: Facts, piece_start: datetime, location: str, without: frozenset[str] = frozenset()
) -> tuple[set[str | None], set[str]]:
    """The rules that deny and the rules that permit one piece (leaving out those named in
    ``without``, C17)."""
    piece_deny, piece_permit = _piece_effects(facts, piece_start, location)
    return piece_deny - without, piece_permit - without


def _piece_effects(
    facts: Facts, piece_start: datetime, location: str
) -> tuple[set[str | None], set[str]]:
    day = piece_start.date()
    on_site = location == "office"
    piece_deny: set[str | None] = set()
    piece_permit: set[str] = set()

    # R3b: position start less than 12 months ago (C7), decided for the piece's day.
    if facts.position_start is UNKNOWN:
        new_in_post = UNKNOWN
    else:
        new_in_post = facts.position_start > months_before(day, 12)
    musts = (
        # R1: service desk staff must be on-site during service hours.
        ("R1", facts.service_desk, in_service_hours(piece_start)),
        # R2: employees who are on probation must be on-site.
        ("R2", facts.probation, True),
        # R3: employees who are under sanction must be on-site.
        ("R3", facts.sanction, True),
        # R3b: employees whose position start is less than 12 months ago must be on-site.
        ("R3b", new_in_post, True),
    )
    for rule, applies, in_time in musts:
        effect = must_be_on_site(applies, in_time, on_site)
        if effect == "deny":
            piece_deny.add(rule)
        elif effect == "permit":
            piece_permit.add(rule)
    # R4: must work within working window (C15).
    if not in_working_window(piece_start):
        piece_deny.add("R4")
    # R5: administrative staff may work remotely on working days if performance >= good.
    if (
        location in REMOTE
        and working_day(day)
        and k_and(facts.administrative, facts.perf_good) is True
    ):
        piece_permit.add("R5")
    # R6: technical, grade >= 9 may work from home if the shift is approved.
    if location == "home" and k_and(facts.technical, facts.grade_ok, facts.approved) is True:
        piece_permit.add("R6")
    # R7: employees may be on-site.
    if on_site:
        piece_permit.add("R7")
    return piece_deny, piece_permit
