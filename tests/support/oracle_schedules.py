"""Independent oracle for ``policy.check`` and ``policy.check_roster`` on one fixed policy.

This module shares no code with the engine (it imports nothing from ``flexrules``). It implements
docs/schedule-semantics.md literally for ``POLICY_TEXT`` below, with every rule hard-coded: the
limits L1-L6 over one employee's schedule (with X setting L1 aside), the staffing rules S1-S2
and the shares P1-P2 over a roster, and the decisions of the shift rules R1-R2 (so that
``report.allowed`` can be predicted).

Results are plain tuples, comparable with the engine's ``Violation`` objects::

    (rule_id, start_iso, end_iso, frozenset(blamed shift indexes), employee_id or None,
     tuple(sorted present ids) or None, group value or None)

``check`` returns the violations of one schedule in report order (start, rule source order);
``check_roster`` returns every schedule's violations (schedules in the order given), then the
staffing and share violations in the order of CHOICE O6 below. ``check_report`` and
``roster_report`` also return ``allowed`` and the per-shift decisions (True = allowed).

Input conventions follow tests/support/oracle_disdukcapil.py (its C1-C10): attribute key NAME,
then NAME with spaces as ``_`` (a ``None`` value falls through); ``yes or no`` only bool,
``number`` int or float but not bool, ``text`` any str, ``one of`` a str among its values,
anything else unknown;
shift ``purpose`` under key ``purpose`` only; the employee zone under key ``timezone`` (absent
or ``None``: WIB); shift times as datetimes or ISO text (``T24:00`` is next midnight), aware ones
converted to the employee's zone, naive ones local. All Indonesian zones are fixed offsets, so
the oracle works on naive local wall times and renders results with a fixed UTC offset.

Where docs/schedule-semantics.md leaves room, these choices are made (the engine must match;
each is marked ``CHOICE On`` where it is implemented):

O1  MAX_HOURS blame order: the shifts having counted pieces in the period are ordered by the
    shift's own start (its whole start, even when it began in the previous period; not the start
    of its piece inside the period), ties by the order given. (With L4's 40 h and shifts of at
    most 24 h, own start versus piece start cannot change the blame here: the shifts it reorders
    all cover at most Monday, before the total can pass 40 h. Ties by order given do matter.)
O2  Week and month hour minimums (L3) count the hours of every counted piece in the period,
    including pieces on absence days, weekends and holidays (absences only shrink the
    requirement through C, and remove days from day counts and from day periods).
O3  MAX limits (L1, L6) ignore ``absences``: the spec names absences for ``at least`` limits
    only, so a leave day with remote work still counts toward the remote-days cap.
O4  Roster days without ``period``: the policy-clock (WIB) dates from the first to the last date
    holding a piece of any shift of the roster, every shift converted to WIB first; a shift
    ending exactly at WIB midnight holds no piece on the next date.
O5  Groups of ``in each`` rules (S2, P1): the valid values (a str among the declared ``one of``
    values) that at least one employee of the roster has; ``headcount`` keys naming other values
    add no group and are ignored, and a group value missing from ``headcount`` uses the roster
    count. A rule without ``in each`` (S1, P2) is always checked, with ``headcount[None]`` if
    that key is given.
O6  Order of a roster's violations: every schedule's violations (schedules in the order given,
    each in its report order), then the staffing violations, then the share violations (the
    spec's "then staffing and shares"); staffing and shares each sorted like a schedule report,
    by (start, rule source order, group with None first then by value). The comparison test
    checks content and this order in separate tests.
O7  Staffing spans are split wherever the set of people present changes, and neighbouring
    pieces of the same day's TIME span with the same set are one span (even when it is the same
    set again after a shift boundary); spans never join across days.
O8  Shift rule R2 (``counter staff must be on-site during service hours``) with unknown role
    denies remote pieces in service hours (LANGUAGE.md 6.6, fail closed); R1 permits the rest.
    Decisions are otherwise not affected by the limits or by X.
O9  Changes (DATA.md §2, the Disdukcapil oracle's C16): an employee's ``changes`` give new
    values from a date on. Every rule reads the facts in force on the day it looks at: a
    piece's own local day (R2, L1's count and X), the day checked (C1's `unless special`), and
    for staffing and shares the policy-clock day (membership, the group, a share's size). The
    groups of ``in each`` rules (O5) are the values any employee has on any day of their
    timeline, within the roster's days or not.
O10 Kinds of absence (DATA.md §3): an absence may be a mapping ``{"date", "kind"}``; the kind
    must be one the policy declares (``cuti``, ``sakit``, ``izin``, ``dinas luar``), and the
    last absence given for a day says its kind. A whole day of ``dinas luar`` (declared ``as
    work``) is never a remote day: L1 and L6 do not count pieces on it. For staffing and
    shares the person is away during it: every shift is cut out of that local day before S1,
    S2, P1 and P2 (and before O4 finds the roster's days). Otherwise it is an absence day as
    any other.
O11 Versions (DATA.md §5; ``check_versions``): each version applies every limit to the whole
    schedule. A maximum counts every day (whichever version is in force) and blames only on
    its version's days: a day limit's day past N when that day is its; an hour limit's blamed
    shifts that have a piece in the week on its days (none: no violation). A minimum counts
    only its version's days (pieces, days and the days C of an hour minimum) and is checked for
    the periods that hold a day of its version; L5's 2 days are pro-rated to the share of the
    week's weekdays that are its version's (compared exactly). C1 and W1 judge only its days.
O12 Part-day absences (DATA.md §3): an absence may be a mapping ``{"start", "end", "kind"}``
    (kind optional) with datetimes (or ISO text) on one local day of the employee, end after
    start; naive ones are local, aware ones converted. It is no absence day (days, day counts
    and L5 are as without it). Of each day's part-day absences, those not of ``dinas luar``
    ("leave parts") lower L2's 7.5 h by the length of their union, never below zero, and L3's
    pro-rated 32.5 h by the sum of that length over the week's counted days C, never below zero
    (compared exactly); ``dinas luar`` parts instead join the hours worked (the union with the
    pieces, on every day where a piece would count: on a weekend or a day of leave of a
    Ramadan week too, as O2 counts such days' pieces). Every part excuses C1 inside its
    span (the span counts as covered); W1 is met on a day when the earliest of its first shift
    and its parts starts inside 07:00-09:00 (DATA.md's "the day's first shift or part-day
    absence", read literally: a part from 05:00 before a shift at 07:30 breaks it); the blame
    stays on the first shift, and a day with parts and no shift starting is not checked. For
    staffing and shares the person is away during every part (cut out of the shifts, on the WIB
    clock). Flags (``leave_flags``): each (shift, day) where a shift has a piece on a whole day
    of leave not of ``dinas luar``, or overlaps (positive length) a leave part of that day.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from fractions import Fraction
from functools import cache
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

import holidays as _holidays_pkg
from oracle_disdukcapil import (  # the Disdukcapil oracle's reading of facts and times (C1-C9)
    UNKNOWN,
    OracleInputError,
    employee_on,
    fact_bool,
    fact_choice,
    fact_number,
    fact_text,
)
from oracle_disdukcapil import _parse_datetime as parse_datetime

__all__ = [
    "POLICY_TEXT",
    "RULE_ORDER",
    "UNKNOWN",
    "OracleInputError",
    "check",
    "check_report",
    "check_roster",
    "check_versions",
    "holiday",
    "leave_flags",
    "roster_report",
    "working_day",
]

POLICY_TEXT = """\
# The oracle's policy for schedules and rosters (tests/support/oracle_schedules.py).
policy "Oracle schedules"
  version "1"
  timezone WIB.

employees have:
  role: text,
  unit: one of "registration", "records", "finance",
  in special circumstances: yes or no,
  grade: number.

shifts have:
  purpose: one of "field visit", "desk".

working days: Monday to Friday.
holidays: Indonesia, 2025-03-28, 2025-06-09 except 2025-06-27.
absence kinds: "cuti", "sakit", "izin", "dinas luar" as work.

dates Ramadan: 2025-03-01 to 2025-03-30.
hours service hours: Monday to Thursday 08:00 to 15:00, Friday 08:00 to 11:30, except holidays.

group counter staff: employees whose role is "counter".

rule R1: employees may work.
rule R2 "Counters open": counter staff must be on-site during service hours.

rule L1 "Remote days cap" citing "PermenPANRB 4/2025 Pasal 13":
  employees must not work remotely more than 2 working days per week
  unless they are in special circumstances.
rule L2: employees must work at least 7.5 hours per working day outside Ramadan.
rule L3: employees must work at least 32.5 hours per week during Ramadan.
rule L4: employees must not work more than 40 hours per week.
rule L5: employees must be on-site at least 2 days per week.
rule L6: employees must not work from home more than 8 days per month
  unless the shift's purpose is "field visit".
rule C1 "Core hours": employees must work between 09:00 and 14:00 on working days
  from 2025-08-01 unless they are in special circumstances.
rule W1 "Flexible start": employees must start work between 07:00 and 09:00 on working days
  from 2025-08-01.
rule X overrides L1: employees may work anywhere during Ramadan if their grade is at least 12.

rule S1: at least 2 counter staff must be on-site during service hours.
rule S2: at least 1 employees in each unit must be on-site during service hours.
rule P1: at most 30% of employees in each unit may work remotely per day.
rule P2: at most 50% of counter staff may work from home per day.
"""

RULE_ORDER = (
    "R1",
    "R2",
    "L1",
    "L2",
    "L3",
    "L4",
    "L5",
    "L6",
    "C1",
    "W1",
    "X",
    "S1",
    "S2",
    "P1",
    "P2",
)
_RANK = {rule: i for i, rule in enumerate(RULE_ORDER)}

POLICY_OFFSET = timedelta(hours=7)  # WIB
ZONE_ALIASES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}
LOCATIONS = ("office", "home", "anywhere")
REMOTE = ("home", "anywhere")
UNITS = ("registration", "records", "finance")
PURPOSES = ("field visit", "desk")
AGENCY_HOLIDAYS = frozenset({date(2025, 3, 28), date(2025, 6, 9)})
# `except`: Islamic New Year 2025 (Friday 27 June) is no holiday here (DATA.md §4)
REMOVED_HOLIDAYS = frozenset({date(2025, 6, 27)})
RAMADAN = (date(2025, 3, 1), date(2025, 3, 30))
KINDS = ("cuti", "sakit", "izin", "dinas luar")
TRAVEL = "dinas luar"  # declared `as work` (O10)
# Service hours by weekday (minutes of the local day), except holidays.
SERVICE = {0: (480, 900), 1: (480, 900), 2: (480, 900), 3: (480, 900), 4: (480, 690)}

DAY = timedelta(days=1)
L2_REQUIRED = timedelta(hours=7, minutes=30)
L3_HOURS = timedelta(hours=32, minutes=30)
L4_HOURS = timedelta(hours=40)
FLEXIBLE_FROM = date(2025, 8, 1)  # C1 and W1 hold from this day
C1_FROM, C1_TO = timedelta(hours=9), timedelta(hours=14)
W1_OPENS, W1_CLOSES = timedelta(hours=7), timedelta(hours=9)


# ---------------------------------------------------------------- calendar


@cache
def _public_holidays(year: int) -> frozenset[date]:
    return frozenset(_holidays_pkg.country_holidays("ID", years=year).keys())


def holiday(day: date) -> bool:
    """A declared holiday: Indonesia's public holidays (default category) or an agency day,
    less the dates after `except`."""
    if day in REMOVED_HOLIDAYS:
        return False
    return day in AGENCY_HOLIDAYS or day in _public_holidays(day.year)


def working_day(day: date) -> bool:
    """A declared working weekday (Monday to Friday) that is not a declared holiday."""
    return day.weekday() < 5 and not holiday(day)


def in_ramadan(day: date) -> bool:
    return RAMADAN[0] <= day <= RAMADAN[1]


def service_span(day: date) -> tuple[datetime, datetime] | None:
    """The day's service hours as naive local datetimes, or None (weekend, holiday)."""
    minutes = SERVICE.get(day.weekday())
    if minutes is None or holiday(day):
        return None
    base = datetime.combine(day, time(0))
    return base + timedelta(minutes=minutes[0]), base + timedelta(minutes=minutes[1])


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def month_bounds(day: date) -> tuple[date, date]:
    """First day of the month, and first day of the next month."""
    first = day.replace(day=1)
    nxt = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return first, nxt


def days_between(first: date, last: date) -> list[date]:
    """Every date from ``first`` to ``last`` inclusive."""
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


# ---------------------------------------------------------------- facts


@dataclass(frozen=True)
class Facts:
    """The employee facts the policy uses, three-valued."""

    id: Any
    counter: Any  # role is "counter": True, False or UNKNOWN
    unit: Any  # a value of UNITS or UNKNOWN
    special: Any  # in special circumstances: True, False or UNKNOWN
    grade_12: Any  # grade is at least 12: True, False or UNKNOWN


#: an employee's facts on a day (None: the facts before any change, for the id)
FactsOn = Callable[[date | None], Facts]


def employee_facts(employee: Mapping[str, Any]) -> Facts:
    role = fact_text(employee, "role")
    grade = fact_number(employee, "grade")
    return Facts(
        id=employee.get("id"),
        counter=UNKNOWN if role is UNKNOWN else role == "counter",
        unit=fact_choice(employee, "unit", UNITS),
        special=fact_bool(employee, "in special circumstances"),
        grade_12=UNKNOWN if grade is UNKNOWN else grade >= 12,
    )


# ---------------------------------------------------------------- time


def employee_offset(employee: Mapping[str, Any]) -> timedelta:
    """UTC offset of the employee's zone (key ``timezone``; absent or None: WIB)."""
    name = employee.get("timezone")
    if name is None:
        return POLICY_OFFSET
    if not isinstance(name, str):
        raise OracleInputError("timezone", name, "a time zone name is text")
    key = ZONE_ALIASES.get(name.upper(), name)
    try:
        zone = ZoneInfo(key)
    except Exception as exc:  # unknown key
        raise OracleInputError("timezone", name, "unknown time zone") from exc
    offset = datetime(2025, 1, 1, tzinfo=zone).utcoffset()
    assert offset is not None
    return offset


def local_time(field: str, value: Any, offset: timedelta) -> datetime:
    """Naive wall time on the clock with UTC offset ``offset``."""
    moment = parse_datetime(field, value)
    if moment.tzinfo is not None and moment.utcoffset() is not None:
        moment = moment.astimezone(timezone(offset))
    return moment.replace(tzinfo=None)


def parse_day(field: str, value: Any) -> date:
    if isinstance(value, datetime):
        raise OracleInputError(field, value, "a day is a date, not a datetime")
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return date.fromisoformat(value)
    raise OracleInputError(field, value, "expected a date")


def iso(moment: datetime, offset: timedelta) -> str:
    """A naive wall time on the clock ``offset``, as aware ISO text."""
    return moment.replace(tzinfo=timezone(offset)).isoformat()


def day_start(day: date) -> datetime:
    return datetime.combine(day, time(0))


# ---------------------------------------------------------------- shifts and pieces


@dataclass(frozen=True)
class Shift:
    index: int  # position in the list given
    start: datetime  # naive, employee's local clock
    end: datetime
    location: str
    purpose: Any  # a value of PURPOSES or UNKNOWN


@dataclass(frozen=True)
class Part:
    """A part-day absence (O12), naive local times on one day of the employee's clock."""

    start: datetime
    end: datetime
    travel: bool  # of the kind declared `as work`


@dataclass(frozen=True)
class Piece:
    shift: Shift
    day: date  # local date
    start: datetime
    end: datetime


def normalize(shift: Mapping[str, Any], index: int, offset: timedelta) -> Shift:
    start = local_time("start", shift.get("start"), offset)
    end = local_time("end", shift.get("end"), offset)
    if not end > start:
        raise OracleInputError("end", shift.get("end"), "end is not after start")
    if end - start > timedelta(hours=24):
        raise OracleInputError("end", shift.get("end"), "a shift lasts at most 24 hours")
    location = shift.get("location")
    if not isinstance(location, str) or location not in LOCATIONS:
        raise OracleInputError("location", location, "unknown location")
    purpose = shift.get("purpose")
    purpose = purpose if isinstance(purpose, str) and purpose in PURPOSES else UNKNOWN
    return Shift(index, start, end, location, purpose)


def cut(shift: Shift) -> list[Piece]:
    """The shift cut at local midnights. (Limits here only look at a piece's day, location,
    and facts, so the engine's further cuts at TIME boundaries change no count.)"""
    pieces = []
    cursor = shift.start
    while cursor < shift.end:
        midnight = day_start(cursor.date()) + DAY
        end = min(midnight, shift.end)
        pieces.append(Piece(shift, cursor.date(), cursor, end))
        cursor = end
    return pieces


def union_length(intervals: Iterable[tuple[datetime, datetime]]) -> timedelta:
    """Length of the union of half-open intervals."""
    total = timedelta(0)
    reach: datetime | None = None
    for start, end in sorted(intervals):
        if reach is None or start >= reach:
            total += end - start
            reach = end
        elif end > reach:
            total += end - reach
            reach = end
    return total


# ---------------------------------------------------------------- deciding (R1, R2)


def decide_allowed(facts_on: FactsOn, shift: Shift) -> bool:
    """R2 denies remote pieces in service hours unless the employee is surely not counter staff
    on the piece's day (CHOICE O8: unknown role fails closed; O9); R1 permits everything else."""
    if shift.location == "office":
        return True
    for piece in cut(shift):
        if facts_on(piece.day).counter is False:
            continue
        span = service_span(piece.day)
        if span is not None and piece.start < span[1] and piece.end > span[0]:
            return False
    return True


# ---------------------------------------------------------------- limits (check)

Violation = tuple[str, str, str, frozenset[int], Any, Any, Any]


def _counts_l1(facts: Facts, p: Piece) -> bool:
    """L1: remote; `unless special` is `not special`, counted when not false (MAX, fail closed);
    set aside where X applies: anywhere, in Ramadan, grade >= 12 surely true (an unknown X sets
    nothing aside)."""
    if p.shift.location not in REMOTE or facts.special is True:
        return False
    x_applies = p.shift.location == "anywhere" and in_ramadan(p.day) and facts.grade_12 is True
    return not x_applies


def _counts_l6(p: Piece) -> bool:
    """L6: home; `unless purpose is "field visit"`: counted unless the purpose is surely that."""
    return p.shift.location == "home" and p.shift.purpose != "field visit"


class _Limits:
    def __init__(
        self,
        facts: FactsOn,
        offset: timedelta,
        shifts: list[Shift],
        period: tuple[date, date] | None,
        absences: frozenset[date],
        travel: frozenset[date] = frozenset(),
        in_force: tuple[date, date] | None = None,
        parts: tuple[Part, ...] = (),
    ) -> None:
        #: O12: the part-day absences, by local day
        self.parts: dict[date, list[Part]] = {}
        for part in parts:
            self.parts.setdefault(part.start.date(), []).append(part)
        #: O11: the days of the version whose limits these are, or None (a policy on its own)
        self.in_force = in_force
        self.facts_on = facts
        self.offset = offset
        self.shifts = shifts
        self.period = period
        self.absences = absences
        self.travel = travel
        self.pieces = [p for s in shifts for p in cut(s)]
        self.found: list[tuple[datetime, int, Violation]] = []

    def ok(self, day: date) -> bool:
        """Whether the version is in force on ``day`` (O11)."""
        return self.in_force is None or self.in_force[0] <= day <= self.in_force[1]

    def add(self, rule: str, start: datetime, end: datetime, blamed: Iterable[int] = ()) -> None:
        v = (
            rule,
            iso(start, self.offset),
            iso(end, self.offset),
            frozenset(blamed),
            self.facts_on(None).id,
            None,
            None,
        )
        self.found.append((start, _RANK[rule], v))

    # MAX_DAYS
    def max_days(self, rule: str, counts: Any, n: int, working_only: bool, period_key: Any) -> None:
        on_day: dict[date, set[int]] = {}
        for p in self.pieces:
            if p.day in self.travel:  # O10: a day of travel is never a remote day
                continue
            if counts(p) and (not working_only or working_day(p.day)):
                on_day.setdefault(p.day, set()).add(p.shift.index)
        by_period: dict[Any, list[date]] = {}
        for day in on_day:
            by_period.setdefault(period_key(day), []).append(day)
        for days in by_period.values():
            for day in sorted(days)[n:]:
                if self.ok(day):  # O11: blamed by the version in force that day
                    self.add(rule, day_start(day), day_start(day) + DAY, on_day[day])

    # MAX_HOURS, per ISO week (L4)
    def max_hours_week(self, rule: str, limit: timedelta) -> None:
        by_week: dict[date, dict[int, list[tuple[datetime, datetime]]]] = {}
        for p in self.pieces:  # L4 counts every piece
            by_week.setdefault(monday_of(p.day), {}).setdefault(p.shift.index, []).append(
                (p.start, p.end)
            )
        for monday, per_shift in by_week.items():
            every = [iv for ivs in per_shift.values() for iv in ivs]
            if union_length(every) <= limit:
                continue
            # CHOICE O1: walk by the shift's own start, ties by the order given.
            walk = sorted(per_shift, key=lambda i: (self.shifts[i].start, i))
            covered: list[tuple[datetime, datetime]] = []
            blamed: list[int] = []
            for i in walk:
                covered.extend(per_shift[i])
                if blamed or union_length(covered) > limit:
                    blamed.append(i)
            if self.in_force is not None:  # O11: only shifts with a piece on its days
                mine = {
                    p.shift.index
                    for p in self.pieces
                    if monday_of(p.day) == monday and self.ok(p.day)
                }
                blamed = [i for i in blamed if i in mine]
                if not blamed:
                    continue
            self.add(rule, day_start(monday), day_start(monday) + 7 * DAY, blamed)

    # which periods an `at least` limit checks
    def min_periods(self, kind: str) -> list[tuple[date, date]]:
        """Periods (first day, last day) wholly inside ``period``, or, without it, every period
        holding a piece of any shift."""
        if kind == "day":

            def bounds(d: date) -> tuple[date, date]:
                return d, d
        elif kind == "week":

            def bounds(d: date) -> tuple[date, date]:
                m = monday_of(d)
                return m, m + 6 * DAY
        else:
            raise AssertionError(kind)
        if self.period is not None:
            first, last = self.period
            found = {bounds(d) for d in days_between(first, last)} if first <= last else set()
            found = {b for b in found if first <= b[0] and b[1] <= last}
        else:
            found = {bounds(p.day) for p in self.pieces}
        if self.in_force is not None:  # O11: the periods holding a day of the version
            found = {b for b in found if b[0] <= self.in_force[1] and self.in_force[0] <= b[1]}
        return sorted(found)

    def leave_hours(self, day: date) -> timedelta:
        """O12: the union of the day's part-day absences that are not travel."""
        return union_length((p.start, p.end) for p in self.parts.get(day, ()) if not p.travel)

    def travel_spans(self, day: date) -> list[tuple[datetime, datetime]]:
        """O12: the day's part-day travel, counted as worked."""
        return [(p.start, p.end) for p in self.parts.get(day, ()) if p.travel]

    def core_hours(self) -> None:
        """C1: on each day checked (as L2's) from 1 August 2025, a working day not on leave,
        unless surely in special circumstances, every instant from 09:00 to 14:00 is inside
        some shift."""
        for day, _ in self.min_periods("day"):
            if not working_day(day) or day < FLEXIBLE_FROM or day in self.absences:
                continue
            if not self.ok(day) or self.facts_on(day).special is True:  # O11; O9: that day's facts
                continue
            needed = (day_start(day) + C1_FROM, day_start(day) + C1_TO)
            cursor = needed[0]
            covered = [(s.start, s.end) for s in self.shifts]
            covered += [(p.start, p.end) for p in self.parts.get(day, ())]  # O12
            for start, end in sorted(covered):
                if start <= cursor < end:
                    cursor = end
            if cursor < needed[1]:
                self.add("C1", day_start(day), day_start(day) + DAY)

    def start_window(self) -> None:
        """W1: on each working day from 1 August 2025, not on leave and inside the period if
        one is given, on
        which a shift starts, the earliest (the first given, on a tie) starts 07:00-09:00."""
        firsts: dict[date, Shift] = {}
        for s in self.shifts:
            day = s.start.date()
            if day not in firsts or s.start < firsts[day].start:
                firsts[day] = s
        for day, first in firsts.items():
            if self.period is not None and not self.period[0] <= day <= self.period[1]:
                continue
            if not working_day(day) or day < FLEXIBLE_FROM or day in self.absences:
                continue
            if not self.ok(day):
                continue
            # O12: the earliest of the first shift and the day's part-day absences
            earliest = min([first.start] + [p.start for p in self.parts.get(day, ())])
            if not W1_OPENS <= earliest - day_start(day) <= W1_CLOSES:
                self.add("W1", day_start(day), day_start(day) + DAY, {first.index})

    def run(self) -> list[Violation]:
        facts_on = self.facts_on
        # L1: must not work remotely more than 2 working days per week unless special.
        self.max_days("L1", lambda p: _counts_l1(facts_on(p.day), p), 2, True, monday_of)
        # L2: at least 7.5 hours per working day outside Ramadan.
        for day, _ in self.min_periods("day"):
            if not working_day(day) or day in self.absences or in_ramadan(day):
                continue
            if not self.ok(day):
                continue
            hours = union_length(
                [(p.start, p.end) for p in self.pieces if p.day == day] + self.travel_spans(day)
            )
            if hours < max(timedelta(0), L2_REQUIRED - self.leave_hours(day)):  # O12
                self.add("L2", day_start(day), day_start(day) + DAY)
        # L3: at least 32.5 hours per week during Ramadan, pro-rated.
        for monday, sunday in self.min_periods("week"):
            week = days_between(monday, sunday)
            declared = [d for d in week if d.weekday() < 5]  # D
            counted = [
                d
                for d in declared  # C
                if working_day(d) and d not in self.absences and in_ramadan(d) and self.ok(d)
            ]
            # CHOICE O2: hours of every counted piece, absence days and weekends included.
            hours = union_length(
                [
                    (p.start, p.end)
                    for p in self.pieces
                    if monday <= p.day <= sunday and in_ramadan(p.day) and self.ok(p.day)
                ]
                + [  # O12: part-day travel joins the hours where pieces count
                    span
                    for d in week
                    if in_ramadan(d) and self.ok(d)
                    for span in self.travel_spans(d)
                ]
            )
            # O12: hours < max(0, 32.5 h x C / D - leave parts of C), compared exactly
            needed = L3_HOURS * len(counted) - sum(
                (self.leave_hours(d) for d in counted), timedelta(0)
            ) * len(declared)
            if declared and hours * len(declared) < max(timedelta(0), needed):
                self.add("L3", day_start(monday), day_start(sunday) + DAY)
        # L4: not more than 40 hours per week.
        self.max_hours_week("L4", L4_HOURS)
        # L5: on-site at least 2 days per week (absence days never count).
        for monday, sunday in self.min_periods("week"):
            days = {
                p.day
                for p in self.pieces
                if p.shift.location == "office"
                and monday <= p.day <= sunday
                and p.day not in self.absences
                and self.ok(p.day)
            }
            weekdays = [d for d in days_between(monday, sunday) if d.weekday() < 5]
            mine = [d for d in weekdays if self.ok(d)]
            # O11: 2 days pro-rated to the version's weekdays of a week it shares, exactly
            if len(days) * len(weekdays) < 2 * len(mine):
                self.add("L5", day_start(monday), day_start(sunday) + DAY)
        # L6: not from home more than 8 days per month unless the purpose is "field visit".
        # CHOICE O3: absences play no part in MAX limits.
        self.max_days("L6", _counts_l6, 8, False, lambda d: (d.year, d.month))
        self.core_hours()
        self.start_window()
        self.found.sort(key=lambda item: (item[0], item[1]))
        return [v for _, _, v in self.found]


def check_versions(
    versions: list[tuple[date, date]],
    employee: Mapping[str, Any],
    shifts: Iterable[Mapping[str, Any]],
    period: Any = None,
    absences: Iterable[Any] = (),
) -> tuple[bool, list[bool], list[Violation]]:
    """(allowed, per-shift decisions, violations) for one schedule checked by versions of
    ``POLICY_TEXT`` in force on ``versions`` (first, last day; contiguous, no day without
    one), each applying its limits to the whole schedule as O11 says."""
    prep = _prepare(employee, shifts, absences)
    decisions = [decide_allowed(prep.facts, s) for s in prep.shifts]
    found = [
        v
        for days in versions
        for v in _Limits(
            prep.facts,
            prep.offset,
            prep.shifts,
            _period(period),
            prep.absences,
            prep.travel,
            in_force=days,
            parts=prep.parts,
        ).run()
    ]
    return all(decisions) and not found, decisions, found


def _period(period: Any) -> tuple[date, date] | None:
    if period is None:
        return None
    first, last = period
    return parse_day("period", first), parse_day("period", last)


@dataclass
class _Prepared:
    facts: FactsOn
    offset: timedelta
    shifts: list[Shift]
    absences: frozenset[date]
    #: every set of facts the employee has on any day (O9)
    every: list[Facts]
    travel: frozenset[date] = frozenset()
    #: O12: part-day absences
    parts: tuple[Part, ...] = ()


def _part(absence: Mapping[str, Any], offset: timedelta) -> Part:
    """O12: a part-day absence from a mapping with ``start``, ``end`` and maybe ``kind``."""
    kind = absence.get("kind")
    if kind is not None and kind not in KINDS:
        raise OracleInputError("absences.kind", kind, "not a declared kind")
    start = local_time("absences", absence.get("start"), offset)
    end = local_time("absences.end", absence.get("end"), offset)
    if not end > start or end.date() != start.date():
        raise OracleInputError("absences.end", absence.get("end"), "not later that local day")
    return Part(start, end, kind == TRAVEL)


def _prepare(
    employee: Mapping[str, Any], shifts: Iterable[Mapping[str, Any]], absences: Iterable[Any]
) -> _Prepared:
    offset = employee_offset(employee)
    norm = [normalize(s, i, offset) for i, s in enumerate(shifts)]
    days: set[date] = set()
    travel: set[date] = set()
    parts: list[Part] = []
    for absence in absences:  # O10
        kind = None
        if isinstance(absence, Mapping) and "start" in absence:  # O12
            parts.append(_part(absence, offset))
            continue
        if isinstance(absence, Mapping):
            kind = absence.get("kind")
            absence = absence.get("date")
            if kind is not None and kind not in KINDS:
                raise OracleInputError("absences.kind", kind, "not a declared kind")
        day = parse_day("absences", absence)
        days.add(day)
        if kind == TRAVEL:
            travel.add(day)
        else:
            travel.discard(day)
    facts_on, every = _timeline(employee)
    return _Prepared(
        facts_on, offset, norm, frozenset(days), every, frozenset(travel), tuple(parts)
    )


def _timeline(employee: Mapping[str, Any]) -> tuple[FactsOn, list[Facts]]:
    """The employee's facts on each day (``None``: before any change), and every set of facts
    they have on some day (O9)."""
    changes = list(employee.get("changes") or [])
    dates = sorted({d if isinstance(d, date) else date.fromisoformat(d) for d, _ in changes})
    known: dict[date | None, Facts] = {}

    def facts_on(day: date | None) -> Facts:
        if day not in known:
            known[day] = employee_facts(employee_on(dict(employee), day or date.min))
        return known[day]

    return facts_on, [facts_on(None), *(facts_on(d) for d in dates)]


def _check_prepared(
    prep: _Prepared, period: tuple[date, date] | None
) -> tuple[bool, list[bool], list[Violation]]:
    decisions = [decide_allowed(prep.facts, s) for s in prep.shifts]
    violations = _Limits(
        prep.facts, prep.offset, prep.shifts, period, prep.absences, prep.travel, parts=prep.parts
    ).run()
    return all(decisions) and not violations, decisions, violations


def check_report(
    employee: Mapping[str, Any],
    shifts: Iterable[Mapping[str, Any]],
    period: Any = None,
    absences: Iterable[Any] = (),
) -> tuple[bool, list[bool], list[Violation]]:
    """(allowed, per-shift decisions, violations) for one employee's schedule."""
    return _check_prepared(_prepare(employee, shifts, absences), _period(period))


def leave_flags(
    employee: Mapping[str, Any], shifts: Iterable[Mapping[str, Any]], absences: Iterable[Any] = ()
) -> list[tuple[int, date]]:
    """O12: the shifts on leave, as sorted (shift index, local day) without repeats."""
    prep = _prepare(employee, shifts, absences)
    flags: set[tuple[int, date]] = set()
    for shift in prep.shifts:
        for piece in cut(shift):
            if piece.day in prep.absences and piece.day not in prep.travel:
                flags.add((shift.index, piece.day))
        for part in prep.parts:
            if not part.travel and shift.start < part.end and part.start < shift.end:
                flags.add((shift.index, part.start.date()))
    return sorted(flags)


def check(
    employee: Mapping[str, Any],
    shifts: Iterable[Mapping[str, Any]],
    period: Any = None,
    absences: Iterable[Any] = (),
) -> list[Violation]:
    """The violations of one employee's schedule, in report order."""
    return check_report(employee, shifts, period, absences)[2]


# ---------------------------------------------------------------- rosters


def _unpack(item: Any) -> tuple[Mapping[str, Any], list[Mapping[str, Any]], Iterable[Any]]:
    """(employee, shifts) or (employee, shifts, absences), or a mapping with those keys."""
    if isinstance(item, Mapping):
        return item["employee"], list(item["shifts"]), item.get("absences", ())
    if len(item) == 2:
        return item[0], list(item[1]), ()
    return item[0], list(item[1]), item[2]


def _staffing(
    rule: str,
    needed: int,
    members: list[tuple[Any, list[tuple[datetime, datetime]]]],
    days: list[date],
    group: Any,
    out: list[tuple[datetime, int, Any, Violation]],
) -> None:
    """One violation per maximal span of service hours with the same people present (O7) and
    fewer than ``needed``. ``members``: (id, office intervals on the WIB clock)."""
    for day in days:
        span = service_span(day)  # the TIME is `during service hours`, on the policy clock
        if span is None:
            continue
        lo, hi = span
        points = {lo, hi}
        for _, intervals in members:
            for s, e in intervals:
                if s < hi and e > lo:
                    points.update(t for t in (s, e) if lo < t < hi)
        ordered = sorted(points)
        spans: list[list[Any]] = []
        for t0, t1 in pairwise(ordered):
            present = tuple(
                sorted(
                    who
                    for who, intervals in members
                    if any(s <= t0 and e >= t1 for s, e in intervals)
                )
            )
            if spans and spans[-1][2] == present:
                spans[-1][1] = t1
            else:
                spans.append([t0, t1, present])
        for t0, t1, present in spans:
            if len(present) < needed:
                v = (
                    rule,
                    iso(t0, POLICY_OFFSET),
                    iso(t1, POLICY_OFFSET),
                    frozenset(),
                    None,
                    present,
                    group,
                )
                out.append((t0, _RANK[rule], group, v))


def _touches(intervals: list[tuple[datetime, datetime]], day: date) -> bool:
    lo = day_start(day)
    return any(s < lo + DAY and e > lo for s, e in intervals)


def roster_report(
    schedules: Iterable[Any], period: Any = None, headcount: Mapping[Any, int] | None = None
) -> tuple[bool, dict[Any, list[bool]], list[Violation]]:
    """(allowed, decisions by employee id, violations) for a roster."""
    per = _period(period)
    prepared = _prepare_roster(schedules)

    decisions: dict[Any, list[bool]] = {}
    violations: list[Violation] = []
    allowed = True
    for prep in prepared:
        ok, dec, found = _check_prepared(prep, per)
        decisions[prep.facts(None).id] = dec
        violations.extend(found)
        allowed = allowed and ok

    # Every shift on the policy clock (WIB).
    wib: list[tuple[FactsOn, list[tuple[datetime, datetime, str]]]] = []
    for prep in prepared:
        shift_ = POLICY_OFFSET - prep.offset
        # O10: away for staffing and shares on a day of travel, even where a shift is recorded
        away = [(day_start(d) + shift_, day_start(d) + DAY + shift_) for d in prep.travel]
        away += [(p.start + shift_, p.end + shift_) for p in prep.parts]  # O12
        wib.append(
            (
                prep.facts,
                [
                    (s, e, shift.location)
                    for shift in prep.shifts
                    for s, e in _minus((shift.start + shift_, shift.end + shift_), away)
                ],
            )
        )
    days = _roster_days(per, wib)

    # O9: each rule reads each employee's facts on the (policy-clock) day it looks at
    tail: list[tuple[datetime, int, Any, Violation]] = []
    # S1: at least 2 counter staff on-site during service hours (unknown members absent).
    for day in days:
        members = [
            (on(None).id, _intervals(ss, ("office",))) for on, ss in wib if on(day).counter is True
        ]
        _staffing("S1", 2, members, [day], None, tail)
    # S2: at least 1 employee of each unit on-site during service hours (CHOICE O5 groups).
    groups = sorted({f.unit for prep in prepared for f in prep.every if f.unit is not UNKNOWN})
    for unit in groups:
        for day in days:
            members = [
                (on(None).id, _intervals(ss, ("office",))) for on, ss in wib if on(day).unit == unit
            ]
            _staffing("S2", 1, members, [day], unit, tail)
    # P1: at most 30% of employees in each unit remote per day; unknown units away in every
    # group.
    counts = headcount or {}
    for unit in groups:
        for day in days:
            in_unit = sum(1 for on, _ in wib if on(day).unit == unit)
            n = counts.get(unit, in_unit)
            members = [
                (on(None).id, _intervals(ss, REMOTE))
                for on, ss in wib
                if on(day).unit == unit or on(day).unit is UNKNOWN
            ]
            _share("P1", 30, n, members, [day], unit, tail)
    # P2: at most 50% of counter staff from home per day; unknown members count as away.
    for day in days:
        counter = sum(1 for on, _ in wib if on(day).counter is True)
        n = counts.get(None, counter)
        members = [
            (on(None).id, _intervals(ss, ("home",)))
            for on, ss in wib
            if on(day).counter is not False
        ]
        _share("P2", 50, n, members, [day], None, tail)
    # CHOICE O6: staffing, then shares; each by (start, rule source order, group, None first).
    tail.sort(
        key=lambda item: (
            item[1] >= _RANK["P1"],
            item[0],
            item[1],
            item[2] is not None,
            item[2] or "",
        )
    )
    violations.extend(v for _, _, _, v in tail)
    return allowed and not tail, decisions, violations


def _minus(
    interval: tuple[datetime, datetime], away: list[tuple[datetime, datetime]]
) -> list[tuple[datetime, datetime]]:
    """What is left of ``interval`` outside every interval of ``away``."""
    left = [interval]
    for lo, hi in away:
        left = [
            part
            for s, e in left
            for part in ((s, min(e, lo)), (max(s, hi), e))
            if part[0] < part[1]
        ]
    return left


def _prepare_roster(schedules: Iterable[Any]) -> list[_Prepared]:
    """Every schedule read and checked, in the order given; an employee id may come once."""
    prepared: list[_Prepared] = []
    seen: set[Any] = set()
    for item in schedules:
        employee, shifts, absences = _unpack(item)
        prep = _prepare(employee, shifts, absences)
        ident = prep.facts(None).id
        if ident in seen:
            raise OracleInputError("employee", ident, "an employee id twice")
        seen.add(ident)
        prepared.append(prep)
    return prepared


def _roster_days(
    per: tuple[date, date] | None,
    wib: list[tuple[FactsOn, list[tuple[datetime, datetime, str]]]],
) -> list[date]:
    """The days the staffing and share rules look at: the period's, else CHOICE O4."""
    if per is not None:
        return days_between(*per) if per[0] <= per[1] else []
    # CHOICE O4: WIB dates from the first to the last holding a piece.
    starts = [s for _, ss in wib for s, _, _ in ss]
    ends = [e for _, ss in wib for _, e, _ in ss]
    if not starts:
        return []
    return days_between(min(starts).date(), (max(ends) - timedelta(microseconds=1)).date())


def _intervals(
    shifts: list[tuple[datetime, datetime, str]], locations: tuple[str, ...]
) -> list[tuple[datetime, datetime]]:
    """The (start, end) of the shifts at one of ``locations``."""
    return [(s, e) for s, e, loc in shifts if loc in locations]


def _share(
    rule: str,
    percent: int,
    n: int,
    members: list[tuple[Any, list[tuple[datetime, datetime]]]],
    days: list[date],
    group: Any,
    out: list[tuple[datetime, int, Any, Violation]],
) -> None:
    """One violation per day on which more than ``percent``% of ``n`` (rounded down) are away:
    members with an interval touching the day. ``members``: (id, intervals away, WIB clock)."""
    allowed_away = (Fraction(percent) * n / 100).__floor__()
    for day in days:
        away = tuple(sorted(who for who, intervals in members if _touches(intervals, day)))
        if len(away) > allowed_away:
            start = day_start(day)
            v: Violation = (
                rule,
                iso(start, POLICY_OFFSET),
                iso(start + DAY, POLICY_OFFSET),
                frozenset(),
                None,
                away,
                group,
            )
            out.append((start, _RANK[rule], group, v))


def check_roster(
    schedules: Iterable[Any], period: Any = None, headcount: Mapping[Any, int] | None = None
) -> list[Violation]:
    """Every schedule's violations, then the staffing and share violations (O6)."""
    return roster_report(schedules, period, headcount)[2]
