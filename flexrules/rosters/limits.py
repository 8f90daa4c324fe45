"""Limits over one employee's schedule: every shift decided, then each limit applied.

docs/schedule-semantics.md gives the exact rules; this module follows that page. Limits count
every piece given, allowed or not, each on its own local day (the employee's clock); hours are
exact fractions. A maximum blames shifts; a minimum is checked per whole period and blames none.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction
from functools import partial
from typing import Any

from ..clock.calendar import DAY, JOINT_HOLIDAY, PUBLIC_HOLIDAY, WORKING_DAY
from ..clock.intervals import Intervals, normalise
from ..core.messages import Count, Exact, Hours, Listing, Ordinal, Text, chosen_language
from ..engine.changes import timeline_of
from ..engine.conditions import F, T
from ..engine.decision import Decision
from ..engine.facts import UNKNOWN, employee_zone, local_datetime
from ..engine.notices import estimated_holidays
from ..engine.runtime import Decider
from ..language import ast
from ..language.statement_forms import Form
from .absences import Absences, read_absences
from .compile import CompiledLimit, CompiledPresence
from .employment import outside_employment
from .periods import (
    ACTIVITY_WORDS,
    checked_period,
    length,
    period_iso,
    period_label,
    period_of,
)
from .presence import CHECKS
from .records import Violation, ident_of, rule_labels, rule_texts
from .reports import ScheduleReport, Scope
from .schedule_facts import ScheduleFacts

#: the location bits of the office, and of every place (`engine.compile.ACTIVITY_LOCATIONS`)
ON_SITE, ANY_PLACE = 1, 7

#: a piece a limit counts: (shift index, start, end, local day)
Counted = tuple[int, int, int, int]


class ScheduleChecker:
    """Applies a policy's limits to one employee's decided shifts."""

    def __init__(
        self,
        decider: Decider,
        limits: Sequence[CompiledLimit],
        presence: Sequence[CompiledPresence] = (),
    ) -> None:
        self.decider = decider
        self.limits = tuple(limits)
        self.presence = tuple(presence)
        self.calendar = decider.calendar
        #: the policy's kinds of absence, each with whether it counts as work (None: any kind)
        self.absence_kinds = decider.context.symbols.declared_absence_kinds()
        #: every rule's own words, for reports
        self.rules = rule_texts(
            decider.context.symbols, {lim.decl.id.text: lim.amount for lim in self.limits}
        )
        #: each limit and presence rule applied to a schedule, in source order
        order = {id(decl): n for n, decl in enumerate(decider.context.symbols.rule_list())}
        checks: list[tuple[int, Callable[[ScheduleFacts], list[Violation]]]] = [
            (order[id(limit.decl)], partial(_apply_limit, limit)) for limit in self.limits
        ]
        checks += [
            (order[id(rule.decl)], partial(CHECKS[rule.form], rule)) for rule in self.presence
        ]
        self._checks = tuple(check for _, check in sorted(checks, key=lambda item: item[0]))

    def check(
        self,
        employee: Any,
        shifts: Sequence[Any],
        period: Any = None,
        absences: Iterable[Any] | Absences = (),
        max_period_days: int | None = None,
        in_force: tuple[int, int] | None = None,
    ) -> ScheduleReport:
        """`in_force`: for one version of a set, the days (ordinals) it is in force: its
        maxima count every day and blame on those days, its minima are pro-rated to them,
        its presence rules judge only them (DATA.md §5)."""
        shifts = list(shifts)
        bounds = checked_period(period, max_period_days)
        timeline = timeline_of(employee)
        if timeline is None:
            decisions = [self.decider.decide(employee, shift) for shift in shifts]
        else:
            decide = self.decider.decide_changing
            decisions = [decide(timeline, employee, shift) for shift in shifts]
        zone = decisions[0].zone if decisions else employee_zone(employee, self.decider.zone)
        if isinstance(absences, Absences):  # read already, each by its version (`versions`)
            away = absences
        else:
            away = read_absences(absences, zone, "absences", self.absence_kinds)
        absent = set(away.days)
        violations: list[Violation] = []
        changing = None
        if timeline is not None:
            read = [self.decider.employee_facts(view) for view in timeline.views]
            changing = (timeline, [*read, self.decider.employee_facts(timeline.outside)])
        if self._checks:
            values, given = self.decider.employee_facts(employee)
            schedule = ScheduleFacts(
                self.calendar,
                decisions,
                [self.decider.pieces(d) for d in decisions],
                values,
                bounds,
                absent,
                zone,
                ident_of(employee),
                given,
                self.decider.employee_slots,
                language=chosen_language(None, self.decider.metadata),
                away=away,
                changing=changing,
                in_force=in_force,
            )
            for check in self._checks:
                violations.extend(check(schedule))
            if in_force is not None:
                presence = {rule.decl.id.text for rule in self.presence}
                violations = [
                    v
                    for v in violations
                    if v.rule not in presence or schedule.in_force_on(v.start.toordinal())
                ]
        violations.sort(key=lambda v: v.start)
        return ScheduleReport(
            employee,
            decisions,
            violations,
            zone,
            absences=[dt.date.fromordinal(day) for day in sorted(absent)],
            away=away,
            warnings=(
                *estimated_holidays(self.calendar, _judged_days(bounds, decisions)),
                *outside_employment(timeline, decisions, ident_of(employee)),
            ),
            policy=self.decider.metadata,
            rules=self.rules,
            scope=self.scope(bounds is not None),
        )

    def scope(self, period_given: bool) -> Scope:
        """What a report of this checker can judge (`reports.Scope`)."""
        return Scope.of(
            [(c.decl.id.text, c.form.value) for c in self.limits]
            + [(c.decl.id.text, c.form.value) for c in self.presence],
            period_given,
        )


def _judged_days(bounds: tuple[int, int] | None, decisions: list[Decision]) -> list[dt.date]:
    """The days a schedule report judges: the period given, else the days its shifts touch."""
    if bounds is not None:
        days: Iterable[int] = range(bounds[0], bounds[1] + 1)
    else:
        days = sorted(
            {
                day
                for d in decisions
                for day in range(d.start_seconds // DAY, (d.end_seconds - 1) // DAY + 1)
            }
        )
    return [dt.date.fromordinal(day) for day in days]


class _LimitCheck:
    """One limit over one schedule: the pieces it counts, by period, and its violations."""

    def __init__(self, limit: CompiledLimit, schedule: ScheduleFacts) -> None:
        self.limit = limit
        self.schedule = schedule
        self.calendar = schedule.calendar
        maximum = limit.form in (Form.MAX_DAYS, Form.MAX_HOURS)
        self.by_period: dict[tuple[int, int], list[Counted]] = defaultdict(list)
        for item in self._counted(maximum):
            key = period_of(limit.period, item[3], self.calendar.bits(item[3]))
            if key is not None:
                self.by_period[key].append(item)

    def _counted(self, maximum: bool) -> list[Counted]:
        """Every piece that counts for the limit: where it binds (for a minimum, surely), not
        set aside by a rule that overrides it, and on a day its dates keep."""
        limit = self.limit
        counted = []
        # a whole day of work away (`as work`) is never a remote day for a remote day limit
        travel = (
            self.schedule.away.work_days
            if limit.form in (Form.MAX_DAYS, Form.MIN_DAYS) and not limit.locations & ON_SITE
            else frozenset()
        )
        for index, (decision, pieces) in enumerate(
            zip(self.schedule.decisions, self.schedule.pieces, strict=False)
        ):
            if not decision.location & limit.locations:
                continue
            for start, end, day, applies in pieces:
                if applies & limit.overridden_by or not self.on_its_days(day) or day in travel:
                    continue
                if not self.schedule.employed(day):
                    continue  # outside employment: counts for nothing
                if not maximum and not self.schedule.in_force_on(day):
                    continue  # a minimum counts the days its version is in force
                facts = decision.facts_on(day)  # the facts in force that day
                truth = limit.applies(facts.employee, facts.shift, day)
                if truth == F or (not maximum and truth != T):
                    continue
                counted.append((index, start, end, day))
        return counted

    def on_its_days(self, day: int) -> bool:
        return all(test(day) for test in self.limit.day_tests)

    def counts_day(self, day: int) -> bool:
        """Whether a day with the activity counts: any day, or only working days."""
        return not self.limit.working_days_only or bool(self.calendar.bits(day) & WORKING_DAY)

    def violation(
        self,
        key: str,
        values: dict[str, Any],
        first: int,
        last: int,
        blamed: Iterable[int] = (),
        bound: Fraction | int | None = None,
        count: Fraction | int | None = None,
    ) -> Violation:
        schedule = self.schedule
        limit = self.limit
        binds = schedule.binding(limit.witness, limit.relative, limit.shift_slots, first)
        start = (period_of(limit.period, first, self.calendar.bits(first)) or (first, first))[0]
        return Violation(
            limit.decl.id.text,
            "limit",
            Text(key, **values, binds=binds),
            local_datetime(first * DAY, schedule.zone),
            local_datetime((last + 1) * DAY, schedule.zone),
            tuple(schedule.decisions[i].shift for i in blamed),
            None,
            schedule.ident,
            None,
            **rule_labels(limit.decl),
            bound=bound,
            count=count,
            language=schedule.language,
            period=period_iso(limit.period, start),
            week_start=(
                dt.date.fromordinal(start).isoformat()
                if limit.period is ast.PeriodUnit.WEEK
                else None
            ),
        )


def _max_days(check: _LimitCheck) -> list[Violation]:
    """Each day with the activity past the limit, in its period, blaming that day's shifts."""
    limit = check.limit
    allowed = limit.amount
    unit = Text("unit.working_day" if limit.working_days_only else "unit.day")
    found = []
    for (first, _last), items in sorted(check.by_period.items()):
        days = sorted({day for _, _, _, day in items if check.counts_day(day)})
        for nth, day in enumerate(days, start=1):
            if nth <= allowed or not check.schedule.in_force_on(day):
                continue  # within the limit, or blamed by the version in force that day
            found.append(
                check.violation(
                    "limit.days.over",
                    dict(
                        day=dt.date.fromordinal(day),
                        nth=Ordinal(nth),
                        unit=unit,
                        activity=ACTIVITY_WORDS[limit.locations],
                        period=period_label(limit.period, first),
                        bound=allowed,
                    ),
                    day,
                    day,
                    sorted({i for i, _, _, d in items if d == day}),
                    allowed,
                    nth,
                )
            )
    return found


def _max_hours(check: _LimitCheck) -> list[Violation]:
    """Each period with more hours than the limit, blaming the shift in which the total passes
    it and every later one."""
    limit = check.limit
    ceiling = limit.amount * 3600
    found = []
    for (first, last), items in sorted(check.by_period.items()):
        total = length(normalise((s, e) for _, s, e, _ in items))
        if total <= ceiling:
            continue
        blamed = _past_the_ceiling(check.schedule.decisions, items, ceiling)
        if check.schedule.in_force is not None:
            blamed = [i for i in blamed if _on_days_in_force(check.schedule, items, i)]
            if not blamed:
                continue  # passed on days another version decides
        found.append(
            check.violation(
                "limit.hours.over",
                dict(
                    hours=Hours(total),
                    period=period_label(limit.period, first),
                    bound=Hours(ceiling),
                ),
                first,
                last,
                blamed,
                limit.amount,
                Fraction(total, 3600),
            )
        )
    return found


def _on_days_in_force(schedule: ScheduleFacts, items: list[Counted], index: int) -> bool:
    """Whether a shift has a counted piece on a day the policy is in force."""
    return any(i == index and schedule.in_force_on(day) for i, _, _, day in items)


def _past_the_ceiling(
    decisions: Sequence[Decision], items: list[Counted], ceiling: Fraction
) -> list[int]:
    """The shifts, in time order, from the one in which the running total passes `ceiling`."""
    order = sorted({i for i, _, _, _ in items}, key=lambda i: (decisions[i].start_seconds, i))
    covered: Intervals = ()
    running = 0
    blamed: list[int] = []
    for index in order:
        mine = normalise((s, e) for i, s, e, _ in items if i == index)
        merged = normalise((*covered, *mine))
        running += length(merged) - length(covered)
        covered = merged
        if blamed or running > ceiling:
            blamed.append(index)
    return blamed


def _minimums(check: _LimitCheck) -> list[Violation]:
    """`at least` limits: each period to check where the limit binds, and what is short."""
    limit = check.limit
    schedule = check.schedule
    unknown_shift = (UNKNOWN,) * limit.shift_slots
    found = []
    for first, last in _minimum_periods(check):
        if limit.applies(schedule.facts_on(first), unknown_shift, first) == F:
            continue
        items = check.by_period.get((first, last), [])
        short = (_short_of_days if limit.form is Form.MIN_DAYS else _short_of_hours)(
            check, first, last, items
        )
        if short is not None:
            found.append(short)
    return found


def _short_of_days(
    check: _LimitCheck, first: int, last: int, items: list[Counted]
) -> Violation | None:
    limit = check.limit
    days = {
        day for _, _, _, day in items if day not in check.schedule.absent and check.counts_day(day)
    }
    required: Fraction | int = limit.amount
    share = _in_force_share(check, first, last)
    if share is not None:
        required = limit.amount * Fraction(*share) if share[1] else 0
    if len(days) >= required:
        return None
    values: dict[str, Any] = dict(
        days=Count(len(days), "noun.day"),
        activity=ACTIVITY_WORDS[limit.locations],
        period=period_label(limit.period, first),
        bound=limit.amount,
    )
    key = "limit.days.short"
    if share is not None:
        key = "limit.days.short.in_force"
        values.update(required=Exact(_decimal(required)), counted=share[0], declared=share[1])
    return check.violation(key, values, first, last, (), required, len(days))


def _in_force_share(check: _LimitCheck, first: int, last: int) -> tuple[int, int] | None:
    """For a day minimum of one version of a set over a week or month that holds days of
    another: its declared working days in force and declared (DATA.md §5: pro-rated), else
    None (counted whole)."""
    in_force = check.schedule.in_force
    if in_force is None or (in_force[0] <= first and last <= in_force[1]):
        return None
    if check.limit.period in (ast.PeriodUnit.DAY, ast.PeriodUnit.WORKING_DAY):
        return None
    weekdays = check.calendar.working_weekdays
    declared = [d for d in range(first, last + 1) if dt.date.fromordinal(d).weekday() in weekdays]
    return sum(1 for d in declared if in_force[0] <= d <= in_force[1]), len(declared)


def _decimal(value: Fraction | int) -> str:
    """A pro-rated number of days as a person reads it: `1.2`, `0.67`, `2`."""
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return text or "0"


def _short_of_hours(
    check: _LimitCheck, first: int, last: int, items: list[Counted]
) -> Violation | None:
    limit = check.limit
    counted, declared, left_out = _share(check, first, last)
    required = limit.amount * 3600 * (Fraction(counted, declared) if declared else 0)
    away = check.schedule.away
    days = _counted_days(check, first, last, left_out)
    excused = sum(away.part_hours(day) for day in days)
    # hours away at work (`as work`) count as worked where the limit counts work anywhere,
    # on every day of the period where a piece of work would count (a weekend or a day of
    # leave too, as its pieces do); a minimum at one place is lowered by them instead, as by
    # any part-day absence, on the days it requires hours of
    if limit.locations == ANY_PLACE:
        travel = [
            span
            for day in range(first, last + 1)
            if _work_away_counts(check, day)
            for span in away.work_spans(day)
        ]
    else:
        excused += length(normalise([span for day in days for span in away.work_spans(day)]))
        travel = []
    required = max(Fraction(0), required - excused)
    worked = length(normalise([*((s, e) for _, s, e, _ in items), *travel]))
    if worked >= required:
        return None
    reduced: list[Text] = []
    if left_out:
        reduced.append(
            Text(
                "limit.pro_rated",
                declared_hours=Hours(limit.amount * 3600),
                counted=counted,
                declared=declared,
                days=Listing(
                    [
                        Text("limit.left_out", day=dt.date.fromordinal(d), why=why)
                        for d, why in left_out
                    ]
                ),
            )
        )
    if excused:
        reduced.append(Text("limit.less_absence", hours=Hours(excused)))
    if travel:
        travelled = length(normalise(travel))
        reduced.append(Text("limit.with_work_away", hours=Hours(travelled)))
    return check.violation(
        "limit.hours.short",
        dict(
            hours=Hours(worked),
            period=period_label(limit.period, first),
            required=Hours(required),
            reduced=Listing(tuple(reduced), ""),
        ),
        first,
        last,
        (),
        required / 3600,
        Fraction(worked, 3600),
    )


def _work_away_counts(check: _LimitCheck, day: int) -> bool:
    """Whether a day's hours of work away (`as work`) count for an hour minimum: where a piece
    of work on that day would (`_LimitCheck._counted`): a day its dates keep, inside the
    employment, with its version in force, and the limit surely binding the employee that
    day (no shift's facts are known for work away)."""
    schedule = check.schedule
    if not check.on_its_days(day) or not schedule.employed(day):
        return False
    if not schedule.in_force_on(day):
        return False
    unknown_shift = (UNKNOWN,) * check.limit.shift_slots
    return check.limit.applies(schedule.facts_on(day), unknown_shift, day) == T


def _counted_days(
    check: _LimitCheck, first: int, last: int, left_out: list[tuple[int, Text]]
) -> list[int]:
    """The days an hour minimum's period counts: a day period its day; a week or month its
    declared working days that are not left out."""
    if check.limit.period in (ast.PeriodUnit.DAY, ast.PeriodUnit.WORKING_DAY):
        return [first]
    out = {day for day, _ in left_out}
    weekdays = check.calendar.working_weekdays
    return [
        day
        for day in range(first, last + 1)
        if day not in out and dt.date.fromordinal(day).weekday() in weekdays
    ]


def _share(check: _LimitCheck, first: int, last: int) -> tuple[int, int, list[tuple[int, Text]]]:
    """For weekly and monthly hour minimums, the declared working days counted and declared
    (the share required is their ratio), and each one left out with why (a holiday, leave,
    outside the limit's dates). Day periods count whole: (1, 1, [])."""
    if check.limit.period in (ast.PeriodUnit.DAY, ast.PeriodUnit.WORKING_DAY):
        return 1, 1, []
    declared = 0
    left_out: list[tuple[int, Text]] = []
    for day in range(first, last + 1):
        if dt.date.fromordinal(day).weekday() not in check.calendar.working_weekdays:
            continue
        declared += 1
        why = _left_out(check, day)
        if why is not None:
            left_out.append((day, why))
    return declared - len(left_out), declared, left_out


def _left_out(check: _LimitCheck, day: int) -> Text | None:
    """Why a declared working day does not count for an hour minimum, or None if it does."""
    bits = check.calendar.bits(day)
    if not bits & WORKING_DAY:
        if bits & PUBLIC_HOLIDAY:
            return Text("left_out.public_holiday")
        return Text("left_out.joint_holiday" if bits & JOINT_HOLIDAY else "left_out.holiday")
    if day in check.schedule.absent:
        kind = check.schedule.away.kinds.get(day)  # `dinas luar` says more than `leave`
        return Text("left_out.leave") if kind is None else Text("left_out.absence_kind", kind=kind)
    if not check.on_its_days(day):
        return Text("left_out.outside_dates")
    if not check.schedule.in_force_on(day):
        return Text("left_out.not_in_force")
    return None


def _minimum_periods(check: _LimitCheck) -> list[tuple[int, int]]:
    """The periods an `at least` limit is checked for: those wholly inside the period given,
    or else those holding a shift; a day period only on a day its dates keep, not on leave."""
    limit = check.limit
    bits = check.calendar.bits
    bounds = check.schedule.bounds
    if bounds is not None:
        candidates = {
            key
            for day in range(bounds[0], bounds[1] + 1)
            if (key := period_of(limit.period, day, bits(day))) is not None
            and key[0] >= bounds[0]
            and key[1] <= bounds[1]
        }
    else:
        candidates = {
            key
            for pieces in check.schedule.pieces
            for _, _, day, _ in pieces
            if (key := period_of(limit.period, day, bits(day))) is not None
        }
    if limit.period in (ast.PeriodUnit.DAY, ast.PeriodUnit.WORKING_DAY):
        candidates = {
            (first, last)
            for first, last in candidates
            if first not in check.schedule.absent and check.on_its_days(first)
        }
    in_force = check.schedule.in_force
    if in_force is not None:  # a version judges the periods that hold a day it is in force
        candidates = {
            (first, last)
            for first, last in candidates
            if first <= in_force[1] and in_force[0] <= last
        }
    # a period that reaches outside the employment is not whole, as one outside the period
    # given is not (DATA.md §2)
    return sorted(key for key in candidates if check.schedule.employed_through(*key))


def _apply_limit(limit: CompiledLimit, schedule: ScheduleFacts) -> list[Violation]:
    return _APPLY[limit.form](_LimitCheck(limit, schedule))


#: how each form of limit is applied to a schedule
_APPLY: dict[Form, Callable[[_LimitCheck], list[Violation]]] = {
    Form.MAX_DAYS: _max_days,
    Form.MAX_HOURS: _max_hours,
    Form.MIN_DAYS: _minimums,
    Form.MIN_HOURS: _minimums,
}
