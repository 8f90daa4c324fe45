"""Schedules and rosters: limits over an employee's shifts, staffing and shares over a roster.

The exact rules are written down in docs/schedule-semantics.md; this module follows that page.
All counting is done on local seconds (the employee's clock for limits, the policy's for staffing
and shares), with exact fractions for hours and shares.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import zoneinfo
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from ..clock.calendar import WORKING_DAY
from ..clock.intervals import Intervals, normalise
from ..core.errors import InputError
from ..engine.compile import DAY, CompiledGroupRule, CompiledLimit, F, T
from ..engine.decision import Decision
from ..engine.facts import (
    LOCATION_NAMES,
    UNKNOWN,
    Employee,
    Values,
    as_date,
    employee_zone,
    field,
    jsonable,
    local_datetime,
    quoted,
)
from ..language import ast
from ..language.statement_forms import Form
from .text import roster_text, schedule_text

if TYPE_CHECKING:
    from ..engine.runtime import Decider

_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_ACTIVITY_WORDS = {
    1: "on-site work",
    2: "work from home",
    4: "work from anywhere",
    6: "remote work",
    7: "work",
}


@attrs.frozen
class Schedule:
    """One employee's shifts for a roster, with their leave days."""

    employee: Any
    shifts: Sequence[Any]
    absences: Sequence[Any] = ()


@attrs.frozen(eq=False)
class Violation:
    """A limit, staffing or share rule broken over a span of time."""

    rule: str
    kind: str  # "limit" | "staffing" | "share"
    message: str
    start: dt.datetime
    end: dt.datetime
    shifts: tuple[Any, ...] = ()
    present: tuple[str, ...] | None = None
    employee: str | None = None
    group: Any = None
    title: str | None = None
    citation: str | None = None
    source: str | None = None
    #: the rule's number: days or hours allowed or required, people needed or allowed away
    bound: Fraction | int | None = None
    #: what was counted against it: the day's number, hours worked, people present or away
    count: Fraction | int | None = None
    #: for a share, the size of the group it is a share of
    size: int | None = None

    def describe(self) -> str:
        label = self.rule + (f' "{self.title}"' if self.title else "")
        where = f" ({self.source})" if self.source else ""
        cite = f" [{self.citation}]" if self.citation else ""
        return f"{label}{where}{cite}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "title": self.title,
            "citation": self.citation,
            "kind": self.kind,
            "message": self.message,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "employee": self.employee,
            "group": jsonable(self.group),
            "present": list(self.present) if self.present is not None else None,
            "shifts": [_shift_dict(s) for s in self.shifts],
            "bound": _number(self.bound),
            "count": _number(self.count),
            "size": self.size,
        }


def _number(value: Fraction | int | None) -> float | int | None:
    if value is None or isinstance(value, int):
        return value
    return int(value) if value.denominator == 1 else float(value)


def _quoted(value: Any) -> str:
    return f'"{value}"' if isinstance(value, str) else str(value)


def _shift_dict(shift: Any) -> dict[str, Any]:
    from ..engine.facts import shift_parts

    start, end, location, _, _ = shift_parts(shift)
    return {"start": jsonable(start), "end": jsonable(end), "location": jsonable(location)}


@attrs.frozen
class RuleText:
    """A rule as reports show it: its own words, where it is written, and its number."""

    id: str
    text: str
    #: `file:line`
    source: str
    title: str | None = None
    citation: str | None = None
    #: the number the rule states, for limits, staffing and shares: days or hours, people
    #: needed, or the percent of a group allowed away; None for rules that decide shifts
    amount: Fraction | None = None


def _rule_texts(decider: Decider, amounts: Mapping[str, Fraction]) -> dict[str, RuleText]:
    """Every rule of the decider's policy by id, in source order (the first of a duplicate)."""
    from ..policy import statement_text

    found: dict[str, RuleText] = {}
    for decl in decider.context.symbols.rule_list():
        ident = decl.id.text
        if ident not in found:
            found[ident] = RuleText(
                ident,
                statement_text(decl.statement),
                **_rule_labels(decl),
                amount=amounts.get(ident),
            )
    return found


def _rule_labels(decl: ast.RuleDecl) -> dict[str, Any]:
    return {
        "title": decl.title.value if decl.title else None,
        "citation": decl.citation.value if decl.citation else None,
        "source": f"{decl.span.file.rsplit('/', 1)[-1]}:{decl.span.line}",
    }


# ---- periods ----------------------------------------------------------------------------------


def period_of(unit: ast.PeriodUnit, day: int, calendar_bits: int) -> tuple[int, int] | None:
    """The first and last day (ordinals) of the period holding `day`; None when no period does
    (a day that is not a working day, for `per working day`)."""
    if unit is ast.PeriodUnit.DAY:
        return day, day
    if unit is ast.PeriodUnit.WORKING_DAY:
        return (day, day) if calendar_bits & WORKING_DAY else None
    date = dt.date.fromordinal(day)
    if unit is ast.PeriodUnit.WEEK:
        monday = day - date.weekday()
        return monday, monday + 6
    first = dt.date(date.year, date.month, 1).toordinal()
    following = dt.date(date.year + date.month // 12, date.month % 12 + 1, 1).toordinal()
    return first, following - 1


def period_label(unit: ast.PeriodUnit, first: int) -> str:
    date = dt.date.fromordinal(first)
    if unit in (ast.PeriodUnit.DAY, ast.PeriodUnit.WORKING_DAY):
        return f"{_DAY_NAMES[date.weekday()]} {date.isoformat()}"
    if unit is ast.PeriodUnit.WEEK:
        year, week, _ = date.isocalendar()
        return f"week {year}-W{week:02d}"
    return f"{date:%B %Y}"


def _hours(seconds: Fraction | int) -> str:
    value = Fraction(seconds) / 3600
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return text


def _ordinal(nth: int) -> str:
    suffix = "th" if 10 <= nth % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(nth % 10, "th")
    return f"{nth}{suffix}"


def _length(intervals: Intervals) -> int:
    return sum(end - start for start, end in intervals)


def _dates(values: Iterable[Any], name: str) -> set[int]:
    days: set[int] = set()
    for value in values:
        date = as_date(value)
        if date is UNKNOWN:
            raise InputError(name, value, f"{quoted(value)} is not a date such as 2025-07-07")
        days.add(date.toordinal())
    return days


def _period(period: Any) -> tuple[int, int] | None:
    if period is None:
        return None
    try:
        first, last = period
    except (TypeError, ValueError):
        raise InputError("period", period, "a period is a pair (first day, last day)") from None
    low = as_date(first)
    high = as_date(last)
    if low is UNKNOWN or high is UNKNOWN:
        raise InputError("period", period, "a period is two dates such as 2025-07-01")
    if high < low:
        raise InputError("period", period, "the period's last day is before its first")
    return low.toordinal(), high.toordinal()


# ---- one employee's limits --------------------------------------------------------------------


class ScheduleChecker:
    """Applies a policy's limits to one employee's decided shifts."""

    def __init__(self, decider: Decider, limits: Sequence[CompiledLimit]) -> None:
        self.decider = decider
        self.limits = tuple(limits)
        self.calendar = decider.calendar
        #: every rule's own words, for reports
        self.rules = _rule_texts(decider, {lim.decl.id.text: lim.amount for lim in self.limits})

    def check(
        self,
        employee: Any,
        shifts: Sequence[Any],
        period: Any = None,
        absences: Iterable[Any] = (),
    ) -> ScheduleReport:
        shifts = list(shifts)
        bounds = _period(period)
        absent = _dates(absences, "absences")
        decisions = [self.decider.decide(employee, shift) for shift in shifts]
        zone = decisions[0].zone if decisions else employee_zone(employee, self.decider.zone)
        violations: list[Violation] = []
        if self.limits:
            pieces = [self.decider.pieces(d) for d in decisions]
            ev = decisions[0].facts[0] if decisions else self.decider.employee_values(employee)
            ident = _ident(employee)
            for limit in self.limits:
                violations.extend(
                    self._apply(limit, ev, decisions, pieces, bounds, absent, zone, ident)
                )
        violations.sort(key=lambda v: v.start)
        return ScheduleReport(
            employee,
            decisions,
            violations,
            zone,
            absences=[dt.date.fromordinal(day) for day in sorted(absent)],
            policy=self.decider.metadata,
            rules=self.rules,
        )

    def _counted(
        self,
        limit: CompiledLimit,
        decisions: Sequence[Decision],
        pieces: Sequence[list[tuple[int, int, int, int]]],
        maximum: bool,
    ) -> list[tuple[int, int, int, int]]:
        """(shift index, start, end, day) of every piece that counts for the limit."""
        counted = []
        for index, (decision, shift_pieces) in enumerate(zip(decisions, pieces, strict=False)):
            if not decision.location & limit.locations:
                continue
            ev, sv = decision.facts
            for start, end, day, applies in shift_pieces:
                if applies & limit.overridden_by:
                    continue
                if not all(test(day) for test in limit.day_tests):
                    continue
                truth = limit.applies(ev, sv, day)
                if truth == F or (not maximum and truth != T):
                    continue
                counted.append((index, start, end, day))
        return counted

    def _apply(
        self,
        limit: CompiledLimit,
        ev: Values,
        decisions: Sequence[Decision],
        pieces: Sequence[list[tuple[int, int, int, int]]],
        bounds: tuple[int, int] | None,
        absent: set[int],
        zone: zoneinfo.ZoneInfo,
        ident: str | None,
    ) -> list[Violation]:
        form = limit.form
        maximum = form in (Form.MAX_DAYS, Form.MAX_HOURS)
        counted = self._counted(limit, decisions, pieces, maximum)
        by_period: dict[tuple[int, int], list[tuple[int, int, int, int]]] = defaultdict(list)
        for item in counted:
            key = period_of(limit.period, item[3], self.calendar.bits(item[3]))
            if key is not None:
                by_period[key].append(item)
        labels = _rule_labels(limit.decl)
        rule_id = limit.decl.id.text
        shifts = [d.shift for d in decisions]

        def violation(
            message: str,
            first: int,
            last: int,
            blamed: Iterable[int] = (),
            bound: Fraction | int | None = None,
            count: Fraction | int | None = None,
        ) -> Violation:
            return Violation(
                rule_id,
                "limit",
                message,
                local_datetime(first * DAY, zone),
                local_datetime((last + 1) * DAY, zone),
                tuple(shifts[i] for i in blamed),
                None,
                ident,
                None,
                **labels,
                bound=bound,
                count=count,
            )

        found: list[Violation] = []
        if form is Form.MAX_DAYS:
            allowed = limit.amount
            for (first, _last), items in sorted(by_period.items()):
                days = sorted(
                    {
                        day
                        for _, _, _, day in items
                        if not limit.working_days_only or self.calendar.bits(day) & WORKING_DAY
                    }
                )
                for nth, day in enumerate(days, start=1):
                    if nth <= allowed:
                        continue
                    on_day = sorted({i for i, _, _, d in items if d == day})
                    kind = "working day" if limit.working_days_only else "day"
                    date = dt.date.fromordinal(day)
                    found.append(
                        violation(
                            f"{_DAY_NAMES[date.weekday()]} {date.isoformat()} is the "
                            f"{_ordinal(nth)} "
                            f"{kind} of {_ACTIVITY_WORDS[limit.locations]} in "
                            f"{period_label(limit.period, first)}; at most {allowed} allowed",
                            day,
                            day,
                            on_day,
                            allowed,
                            nth,
                        )
                    )
            return found
        if form is Form.MAX_HOURS:
            ceiling = limit.amount * 3600
            for (first, last), items in sorted(by_period.items()):
                total = _length(normalise((s, e) for _, s, e, _ in items))
                if total <= ceiling:
                    continue
                order = sorted(
                    {i for i, _, _, _ in items}, key=lambda i: (decisions[i].start_seconds, i)
                )
                covered: Intervals = ()
                running = 0
                blamed: list[int] = []
                for index in order:
                    mine = normalise((s, e) for i, s, e, _ in items if i == index)
                    merged = normalise((*covered, *mine))
                    running += _length(merged) - _length(covered)
                    covered = merged
                    if blamed or running > ceiling:
                        blamed.append(index)
                found.append(
                    violation(
                        f"{_hours(total)} hours worked in {period_label(limit.period, first)}; "
                        f"at most {_hours(ceiling)} allowed",
                        first,
                        last,
                        blamed,
                        limit.amount,
                        Fraction(total, 3600),
                    )
                )
            return found

        # `at least` limits: which periods to check, whether the limit binds, what is short
        periods = self._minimum_periods(limit, bounds, pieces, absent)
        unknown_shift = (UNKNOWN,) * limit.shift_slots
        for first, last in periods:
            if limit.applies(ev, unknown_shift, first) == F:
                continue
            items = by_period.get((first, last), [])
            label = period_label(limit.period, first)
            if form is Form.MIN_DAYS:
                counted_days = {
                    day
                    for _, _, _, day in items
                    if day not in absent
                    and (not limit.working_days_only or self.calendar.bits(day) & WORKING_DAY)
                }
                if len(counted_days) < limit.amount:
                    found.append(
                        violation(
                            f"{len(counted_days)} day{'s' if len(counted_days) != 1 else ''} of "
                            f"{_ACTIVITY_WORDS[limit.locations]} in {label}; at least "
                            f"{limit.amount} required",
                            first,
                            last,
                            (),
                            limit.amount,
                            len(counted_days),
                        )
                    )
                continue
            required = limit.amount * 3600 * self._share(limit, first, last, absent)
            worked = _length(normalise((s, e) for _, s, e, _ in items))
            if worked < required:
                found.append(
                    violation(
                        f"{_hours(worked)} hours worked in {label}; at least {_hours(required)} "
                        "required",
                        first,
                        last,
                        (),
                        required / 3600,
                        Fraction(worked, 3600),
                    )
                )
        return found

    def _share(self, limit: CompiledLimit, first: int, last: int, absent: set[int]) -> Fraction:
        """For weekly and monthly hour minimums, the share of declared working days counted."""
        if limit.period in (ast.PeriodUnit.DAY, ast.PeriodUnit.WORKING_DAY):
            return Fraction(1)
        weekdays = self.calendar.working_weekdays
        declared = counted = 0
        for day in range(first, last + 1):
            if dt.date.fromordinal(day).weekday() not in weekdays:
                continue
            declared += 1
            if (
                self.calendar.bits(day) & WORKING_DAY
                and day not in absent
                and all(test(day) for test in limit.day_tests)
            ):
                counted += 1
        return Fraction(counted, declared) if declared else Fraction(0)

    def _minimum_periods(
        self,
        limit: CompiledLimit,
        bounds: tuple[int, int] | None,
        pieces: Sequence[list[tuple[int, int, int, int]]],
        absent: set[int],
    ) -> list[tuple[int, int]]:
        if bounds is not None:
            candidates = {
                key
                for day in range(bounds[0], bounds[1] + 1)
                if (key := period_of(limit.period, day, self.calendar.bits(day))) is not None
                and key[0] >= bounds[0]
                and key[1] <= bounds[1]
            }
        else:
            candidates = {
                key
                for shift_pieces in pieces
                for _, _, day, _ in shift_pieces
                if (key := period_of(limit.period, day, self.calendar.bits(day))) is not None
            }
        if limit.period in (ast.PeriodUnit.DAY, ast.PeriodUnit.WORKING_DAY):
            candidates = {
                (first, last)
                for first, last in candidates
                if first not in absent and all(test(first) for test in limit.day_tests)
            }
        return sorted(candidates)


def _ident(employee: Any) -> str | None:
    value = field(employee, "id", Employee)
    return None if value is None else str(value)


# ---- reports ----------------------------------------------------------------------------------


class ScheduleReport:
    """One employee's schedule: every shift decided, every limit applied.

    Besides the decisions and violations it keeps what its text needs: the employee's leave
    days, the policy's metadata and every rule's own words (`rules`, by id)."""

    def __init__(
        self,
        employee: Any,
        decisions: list[Decision],
        violations: list[Violation],
        zone: zoneinfo.ZoneInfo,
        *,
        absences: Iterable[dt.date] = (),
        policy: Mapping[str, Any] | None = None,
        rules: Mapping[str, RuleText] | None = None,
    ) -> None:
        self.employee = employee
        self.employee_id = _ident(employee)
        name = field(employee, "name", Employee)
        self.employee_name: str | None = None if name is None else str(name)
        self.decisions = decisions
        self.violations = violations
        self.zone = zone
        #: the leave days given with the schedule, in order
        self.absences: tuple[dt.date, ...] = tuple(sorted(set(absences)))
        #: the policy's metadata (name, version, fingerprint...), as `to_dict()` gives it
        self.policy: Mapping[str, Any] = policy if policy is not None else {}
        #: every rule of the policy by id: its own words, source and number
        self.rules: Mapping[str, RuleText] = rules if rules is not None else {}
        self.allowed = all(d.allowed for d in decisions) and not violations

    def __repr__(self) -> str:
        return (
            f"<ScheduleReport {'allowed' if self.allowed else 'not allowed'}: "
            f"{len(self.decisions)} shifts, {len(self.violations)} violations>"
        )

    def explain(self) -> str:
        """A summary of the shifts, the leave days, each denied shift with its reasons, then
        each limit broken with the shifts it blames; each rule's own words once."""
        return schedule_text(self)

    def to_dict(self) -> dict[str, Any]:
        policy = dict(self.policy) or None
        name = field(self.employee, "name", Employee)
        return {
            "allowed": self.allowed,
            "policy": policy,
            "employee": {"id": _ident(self.employee), "name": jsonable(name)},
            "decisions": [d.to_dict() for d in self.decisions],
            "violations": [v.to_dict() for v in self.violations],
        }


class RosterReport:
    """A roster: every schedule checked, then staffing and shares across it.

    Besides the schedules and violations it keeps what its text needs: who worked where each
    day, each employee's name, group values and leave, the policy's metadata and every rule's
    own words."""

    def __init__(
        self,
        reports: dict[str, ScheduleReport],
        violations: list[Violation],
        days: tuple[int, int] | None,
        zone: zoneinfo.ZoneInfo,
        presence: Mapping[dt.date, Mapping[str, Sequence[str]]],
        names: Mapping[str, str | None],
        metadata: Mapping[str, Any],
        *,
        groups: Mapping[str, Mapping[str, Any]] | None = None,
        rules: Mapping[str, RuleText] | None = None,
    ) -> None:
        self.schedules = reports
        self.decisions = {ident: report.decisions for ident, report in reports.items()}
        self.violations = violations
        #: the first and last day checked (ordinals), on the policy's clock
        self.days = days
        self.zone = zone
        #: who worked where each day checked, on the policy's clock: day, then location
        #: (`office`, `home`, `anywhere`), then employee ids
        self.presence = presence
        #: each employee's name (None when not given), by id
        self.names = names
        #: by id, each employee's values of the attributes that staffing and share rules split
        #: by (`in each unit`): {"unit": "finance"}; unknown values are left out
        self.groups: Mapping[str, Mapping[str, Any]] = groups if groups is not None else {}
        #: leave days by id, for the employees who have any
        self.absences = {ident: r.absences for ident, r in reports.items() if r.absences}
        #: the policy's metadata (name, version, fingerprint...), as `to_dict()` gives it
        self.policy = metadata
        #: every rule of the policy by id: its own words, source and number
        self.rules: Mapping[str, RuleText] = rules if rules is not None else {}
        self.allowed = not violations and all(r.allowed for r in reports.values())

    def __repr__(self) -> str:
        return (
            f"<RosterReport {'allowed' if self.allowed else 'not allowed'}: "
            f"{len(self.schedules)} employees, {len(self.violations)} violations>"
        )

    def explain(self, *, first_days: int | None = None) -> str:
        """A report a head of unit can act on: a summary; each day (who is where, who is on
        leave, coverage gaps, shares over their limit); then each employee to follow up.

        With `first_days`, only that many days are shown in full, then only the days with a
        coverage gap or a share over its limit."""
        return roster_text(self, first_days=first_days)

    def to_dict(self) -> dict[str, Any]:
        return {
            "allowed": self.allowed,
            "policy": self.policy,
            "schedules": {ident: r.to_dict() for ident, r in self.schedules.items()},
            "violations": [v.to_dict() for v in self.violations],
        }


# ---- rosters ----------------------------------------------------------------------------------


class RosterChecker:
    """Staffing and share rules over many schedules, on the policy's clock."""

    def __init__(
        self, decider: Decider, schedules: ScheduleChecker, rules: Sequence[CompiledGroupRule]
    ) -> None:
        self.decider = decider
        self.schedules = schedules
        self.rules = tuple(rules)
        #: every rule's own words, with the numbers of staffing and share rules too
        amounts = {limit.decl.id.text: limit.amount for limit in schedules.limits}
        amounts.update((rule.decl.id.text, rule.count) for rule in self.rules)
        self.texts = _rule_texts(decider, amounts)

    def check(
        self,
        schedules: Iterable[Any],
        period: Any = None,
        headcount: Mapping[Any, int] | None = None,
    ) -> RosterReport:
        bounds = _period(period)
        reports: dict[str, ScheduleReport] = {}
        employees: dict[str, Any] = {}
        names: dict[str, str | None] = {}
        for item in schedules:
            if isinstance(item, Schedule):
                employee, shifts, absences = item.employee, item.shifts, item.absences
            else:
                try:
                    employee, shifts = item
                except (TypeError, ValueError):
                    raise InputError(
                        "schedules",
                        item,
                        "each schedule is an (employee, shifts) pair or a Schedule",
                    ) from None
                absences = ()
            ident = _ident(employee)
            if ident is None:
                raise InputError("id", employee, "every employee in a roster needs an id")
            if ident in reports:
                raise InputError("employee", ident, f"employee `{ident}` appears twice")
            reports[ident] = self.schedules.check(employee, shifts, period, absences)
            employees[ident] = employee
            names[ident] = reports[ident].employee_name
        zone = self.decider.zone
        # every shift on the policy's clock: (employee id, start, end, location)
        spans: list[tuple[str, int, int, int]] = []
        for ident, report in reports.items():
            for decision in report.decisions:
                start, end = decision.start_seconds, decision.end_seconds
                if decision.zone.key != zone.key:
                    start, end = (
                        _to_zone(start, decision.zone, zone),
                        _to_zone(end, decision.zone, zone),
                    )
                spans.append((ident, start, end, decision.location))
        if bounds is not None:
            days: tuple[int, int] | None = bounds
        elif spans:
            first = min(s for _, s, _, _ in spans) // DAY
            days = (first, max(e - 1 for _, _, e, _ in spans) // DAY)
        else:
            days = None
        violations = [v for r in reports.values() for v in r.violations]
        facts = {ident: self.decider.employee_values(e) for ident, e in employees.items()}
        if days is not None:
            staffing: list[Violation] = []
            shares: list[Violation] = []
            order = {rule.decl.id.text: index for index, rule in enumerate(self.rules)}
            for rule in self.rules:
                if rule.form is Form.STAFFING:
                    staffing.extend(self._staffing(rule, days, facts, spans, zone))
                else:
                    shares.extend(self._shares(rule, days, facts, spans, zone, headcount))
            for found in (staffing, shares):  # each in time order, then rule order, then group
                found.sort(
                    key=lambda v: (v.start, order[v.rule], v.group is not None, str(v.group))
                )
                violations.extend(found)
        # who worked where each day; dicts keep first-seen order and make repeats free
        seen: dict[int, dict[int, dict[str, None]]] = defaultdict(lambda: defaultdict(dict))
        if days is not None:
            for ident, start, end, location in spans:
                for day in range(max(start // DAY, days[0]), min((end - 1) // DAY, days[1]) + 1):
                    seen[day][location][ident] = None
        presence = {
            dt.date.fromordinal(day): {LOCATION_NAMES[loc]: list(ids) for loc, ids in where.items()}
            for day, where in sorted(seen.items())
        }
        return RosterReport(
            reports,
            violations,
            days,
            zone,
            presence,
            names,
            self.decider.metadata,
            groups=self._group_values(facts),
            rules=self.texts,
        )

    def _group_values(self, facts: dict[str, Values]) -> dict[str, dict[str, Any]]:
        """Each employee's values of the `in each` attributes, as reports name them."""
        splitting = {
            rule.in_each.name: (rule, rule.in_each.index)
            for rule in self.rules
            if rule.in_each is not None
        }
        values: dict[str, dict[str, Any]] = {}
        for ident, ev in facts.items():
            values[ident] = {
                name: self._label(rule, ev[index])
                for name, (rule, index) in splitting.items()
                if ev[index] is not UNKNOWN
            }
        return values

    @staticmethod
    def _label(rule: CompiledGroupRule, value: Any) -> Any:
        """A group's value as people name it: a ranked value by its name, not its rank."""
        if (
            rule.in_each is not None
            and isinstance(rule.in_each.decl.type, ast.RankedType)
            and isinstance(value, int)
        ):
            return rule.in_each.decl.type.values[value].value
        return value

    def _groups(self, rule: CompiledGroupRule, facts: dict[str, Values]) -> list[Any]:
        if rule.in_each is None:
            return [None]
        values = {ev[rule.in_each.index] for ev in facts.values()}
        values.discard(UNKNOWN)
        return sorted(values, key=lambda v: (str(type(v)), v))

    @staticmethod
    def _by_group(rule: CompiledGroupRule, facts: dict[str, Values]) -> dict[Any, list[str]]:
        """Employee ids by their `in each` value (all under None without `in each`)."""
        groups: dict[Any, list[str]] = defaultdict(list)
        for ident, ev in facts.items():
            if rule.in_each is None:
                groups[None].append(ident)
            elif ev[rule.in_each.index] is not UNKNOWN:
                groups[ev[rule.in_each.index]].append(ident)
        return groups

    def _staffing(
        self,
        rule: CompiledGroupRule,
        days: tuple[int, int],
        facts: dict[str, Values],
        spans: list[tuple[str, int, int, int]],
        zone: zoneinfo.ZoneInfo,
    ) -> list[Violation]:
        unknown_shift = (UNKNOWN,) * rule.shift_slots
        needed = rule.count
        labels = _rule_labels(rule.decl)
        found: list[Violation] = []
        by_employee: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for ident, start, end, location in spans:
            if location & rule.locations:
                by_employee[ident].append((start, end))
        by_group = self._by_group(rule, facts)
        for group in self._groups(rule, facts):
            candidates = by_group.get(group, [])
            for day in range(days[0], days[1] + 1):
                members = [
                    ident
                    for ident in candidates
                    if rule.member(facts[ident], unknown_shift, day) == T
                ]
                base = day * DAY
                window = [(base + s, base + e) for s, e in rule.time.owned(day)]
                for low, high in window:
                    points = {low, high}
                    mine: dict[str, Intervals] = {}
                    for ident in members:
                        kept = normalise(
                            (max(s, low), min(e, high)) for s, e in by_employee.get(ident, ())
                        )
                        mine[ident] = kept
                        for s, e in kept:
                            points.update((s, e))
                    edges = sorted(points)
                    current: tuple[tuple[str, ...], int, int] | None = None
                    for a, b in itertools.pairwise(edges):
                        present = tuple(
                            sorted(
                                ident
                                for ident, kept in mine.items()
                                if any(s <= a < e for s, e in kept)
                            )
                        )
                        if len(present) >= needed:
                            if current is not None:
                                found.append(self._gap(rule, current, zone, group, labels))
                                current = None
                            continue
                        if current is not None and current[0] == present and current[2] == a:
                            current = (present, current[1], b)
                        else:
                            if current is not None:
                                found.append(self._gap(rule, current, zone, group, labels))
                            current = (present, a, b)
                    if current is not None:
                        found.append(self._gap(rule, current, zone, group, labels))
        return found

    def _gap(
        self,
        rule: CompiledGroupRule,
        gap: tuple[tuple[str, ...], int, int],
        zone: zoneinfo.ZoneInfo,
        group: Any,
        labels: dict[str, Any],
    ) -> Violation:
        present, start, end = gap
        first = local_datetime(start, zone)
        last = local_datetime(end, zone)
        who = ", ".join(present) if present else "nobody"
        label = self._label(rule, group)
        within = f" in {rule.in_each.name} {_quoted(label)}" if rule.in_each is not None else ""
        message = (
            f"{_DAY_NAMES[first.weekday()]} {first:%Y-%m-%d %H:%M}-{last:%H:%M}{within}: "
            f"{len(present)} present ({who}), at least {rule.count} needed for "
            f"{_ACTIVITY_WORDS[rule.locations]}"
        )
        return Violation(
            rule.decl.id.text,
            "staffing",
            message,
            first,
            last,
            (),
            present,
            None,
            label,
            **labels,
            bound=rule.count,
            count=len(present),
        )

    def _shares(
        self,
        rule: CompiledGroupRule,
        days: tuple[int, int],
        facts: dict[str, Values],
        spans: list[tuple[str, int, int, int]],
        zone: zoneinfo.ZoneInfo,
        headcount: Mapping[Any, int] | None,
    ) -> list[Violation]:
        unknown_shift = (UNKNOWN,) * rule.shift_slots
        labels = _rule_labels(rule.decl)
        working: dict[int, set[str]] = defaultdict(set)
        for ident, start, end, location in spans:
            if location & rule.locations:
                for day in range(start // DAY, (end - 1) // DAY + 1):
                    working[day].add(ident)
        found: list[Violation] = []
        by_group = self._by_group(rule, facts)
        groups = self._groups(rule, facts)
        for day in range(days[0], days[1] + 1):
            membership = {ident: rule.member(ev, unknown_shift, day) for ident, ev in facts.items()}
            away_today = working.get(day, set())
            # those away whose group is unknown, or whose membership is: they count against
            # every group they might belong to (fail closed)
            unsure = [
                ident
                for ident in away_today
                if membership[ident] != F
                and (
                    membership[ident] != T
                    or (rule.in_each is not None and facts[ident][rule.in_each.index] is UNKNOWN)
                )
            ]
            for group in groups:
                members = [ident for ident in by_group.get(group, []) if membership[ident] == T]
                size = len(members)
                label = self._label(rule, group)
                if headcount is not None and label in headcount:
                    size = int(headcount[label])
                allowed = math.floor(rule.count * size / 100)
                away = sorted(
                    {
                        *(ident for ident in members if ident in away_today),
                        *(
                            ident
                            for ident in unsure
                            if rule.in_each is None
                            or facts[ident][rule.in_each.index] is UNKNOWN
                            or facts[ident][rule.in_each.index] == group
                        ),
                    }
                )
                if len(away) <= allowed:
                    continue
                midnight = local_datetime(day * DAY, zone)
                within = (
                    f" of {rule.in_each.name} {_quoted(label)}" if rule.in_each is not None else ""
                )
                message = (
                    f"{_DAY_NAMES[midnight.weekday()]} {midnight:%Y-%m-%d}: {len(away)} of {size}"
                    f"{within} away for {_ACTIVITY_WORDS[rule.locations]} "
                    f"({', '.join(away)}); at most {allowed} allowed ({rule.count}%)"
                )
                found.append(
                    Violation(
                        rule.decl.id.text,
                        "share",
                        message,
                        midnight,
                        local_datetime((day + 1) * DAY, zone),
                        (),
                        tuple(away),
                        None,
                        label,
                        **labels,
                        bound=allowed,
                        count=len(away),
                        size=size,
                    )
                )
        return found


def _to_zone(seconds: int, source: zoneinfo.ZoneInfo, target: zoneinfo.ZoneInfo) -> int:
    moment = local_datetime(seconds, source).astimezone(target)
    return moment.toordinal() * DAY + moment.hour * 3600 + moment.minute * 60 + moment.second
