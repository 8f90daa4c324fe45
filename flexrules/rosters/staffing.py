"""Rosters: every schedule checked, then staffing and shares across them, on the policy's clock.

Staffing: present means a member of the group with a piece of the activity at that instant,
allowed or not; unknown members count as absent; one violation per maximal span in which the
same people are present and fewer are there than needed. Shares: a group's members in the
roster (or its headcount), whether they work that day or not; those whose membership or group
is unknown count against every group they might be in (fail closed). docs/schedule-semantics.md
gives the exact rules.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import zoneinfo
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..clock.calendar import DAY
from ..clock.intervals import Intervals, complement, intersect, normalise
from ..core.errors import InputError
from ..core.messages import Clock, Text, chosen_language
from ..engine.conditions import F, T
from ..engine.facts import LOCATION_NAMES, UNKNOWN, Values, local_datetime
from ..engine.notices import DecisionWarning, estimated_holidays
from ..engine.runtime import Decider
from ..language import ast
from ..language.statement_forms import Form
from .compile import CompiledGroupRule
from .coverage import CoverageLine, Stretch
from .day_facts import ByDay, Facts, every_value, facts_of, latest
from .limits import ScheduleChecker
from .periods import ACTIVITY_WORDS, checked_period, period_limit, within_limit
from .records import Schedule, Violation, ident_of, rule_labels, rule_texts
from .reports import RosterReport, ScheduleReport, Scope
from .unknown_values import unknown_values

#: warnings of a schedule that the roster's report repeats: a shift outside employment
_FLAGGED = frozenset({"outside-employment"})
#: a shift on the policy's clock: (employee id, start, end, location)
Span = tuple[str, int, int, int]
#: a stretch with the same people present: (their ids, start, end)
Gap = tuple[tuple[str, ...], int, int]


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
        self.texts = rule_texts(decider.context.symbols, amounts)

    def _warnings(self, days: tuple[int, int] | None) -> tuple[DecisionWarning, ...]:
        """A warning for each day judged that is a holiday only by estimate (DATA.md §4)."""
        if days is None:
            return ()
        first, last = days
        judged = (dt.date.fromordinal(day) for day in range(first, last + 1))
        return estimated_holidays(self.decider.calendar, judged)

    def check(
        self,
        schedules: Iterable[Any],
        period: Any = None,
        headcount: Mapping[Any, int] | None = None,
        max_period_days: int | None = None,
    ) -> RosterReport:
        limit = period_limit(max_period_days)
        bounds = checked_period(period, limit)
        sizes = checked_headcount(headcount)
        reports, employees = self._schedules(schedules, period, limit)
        zone = self.decider.zone
        spans = _spans(reports, zone)
        days = bounds if bounds is not None else _days_of(spans)
        if days is not None and bounds is None:
            within_limit(days, limit, Text("input.period.shifts_span"), None)
        violations = [v for r in reports.values() for v in r.violations]
        facts = {ident: facts_of(self.decider, e) for ident, e in employees.items()}
        coverage: list[CoverageLine] = []
        if days is not None:
            violations.extend(self._group_violations(days, facts, spans, zone, sizes, coverage))
        return RosterReport(
            reports,
            violations,
            days,
            zone,
            _presence(spans, days),
            {ident: report.employee_name for ident, report in reports.items()},
            self.decider.metadata,
            groups=self._group_values(facts),
            rules=self.texts,
            coverage=tuple(coverage),
            warnings=(
                *unknown_values(self.decider, employees.values()),
                *self._warnings(days),
                *(w for r in reports.values() for w in r.warnings if w.code in _FLAGGED),
            ),
            scope=Scope.of(
                [
                    *self.schedules.scope(bounds is not None).rules.items(),
                    *((rule.decl.id.text, rule.form.value) for rule in self.rules),
                ],
                bounds is not None,
            ),
        )

    def _schedules(
        self, schedules: Iterable[Any], period: Any, limit: int
    ) -> tuple[dict[str, ScheduleReport], dict[str, Any]]:
        """Each schedule checked, by employee id, and each employee."""
        reports: dict[str, ScheduleReport] = {}
        employees: dict[str, Any] = {}
        for item in schedules:
            employee, shifts, absences = _schedule_parts(item)
            ident = ident_of(employee)
            if ident is None:
                raise InputError("id", employee, Text("input.roster.no_id"))
            if ident in reports:
                raise InputError("employee", ident, Text("input.roster.twice", ident=str(ident)))
            reports[ident] = self.schedules.check(employee, shifts, period, absences, limit)
            employees[ident] = employee
        return reports, employees

    def _group_violations(
        self,
        days: tuple[int, int],
        facts: dict[str, Facts],
        spans: list[Span],
        zone: zoneinfo.ZoneInfo,
        headcount: Mapping[Any, int] | None,
        coverage: list[CoverageLine],
    ) -> list[Violation]:
        """Staffing gaps, then shares over their limit, each in time order, then rule order,
        then group; how many each staffing rule found present goes into `coverage`."""
        staffing: list[Violation] = []
        shares: list[Violation] = []
        order = {rule.decl.id.text: index for index, rule in enumerate(self.rules)}
        language = chosen_language(None, self.decider.metadata)
        by_day = ByDay(facts)
        for rule in self.rules:
            if rule.form is Form.STAFFING:
                checker = _Staffing(rule, by_day, spans, zone, language)
                staffing.extend(checker.gaps(days))
                coverage.extend(checker.coverage)
            else:
                shares.extend(_shares(rule, days, by_day, spans, zone, headcount, language))
        found: list[Violation] = []
        for kind in (staffing, shares):
            kind.sort(key=lambda v: (v.start, order[v.rule], v.group is not None, str(v.group)))
            found.extend(kind)
        return found

    # ---- in parts, for a roster split across processes (`flexrules.dask`) -----------------

    def group_inputs(
        self, schedules: Iterable[Any], period: Any = None, max_period_days: int | None = None
    ) -> tuple[list[Violation], dict[str, Facts], list[Span]]:
        """The part of `check` that needs one employee at a time: the schedules' violations,
        in report order, and what the staffing and share rules read of them (each employee's
        typed facts, by day where they change: `day_facts`, every shift on the policy's
        clock). Employees split in any way give,
        added together, what `check` reads of all."""
        limit = period_limit(max_period_days)
        reports, employees = self._schedules(schedules, period, limit)
        violations = [v for r in reports.values() for v in r.violations]
        if not self.rules:
            return violations, {}, []
        facts = {ident: facts_of(self.decider, e) for ident, e in employees.items()}
        return violations, facts, _spans(reports, self.decider.zone)

    def group_violations(
        self,
        facts: dict[str, Facts],
        spans: list[Span],
        period: Any = None,
        headcount: Mapping[Any, int] | None = None,
        max_period_days: int | None = None,
    ) -> list[Violation]:
        """The staffing and share violations of a whole roster, from `group_inputs` of all
        its parts, as `check` gives them."""
        limit = period_limit(max_period_days)
        bounds = checked_period(period, limit)
        days = bounds if bounds is not None else _days_of(spans)
        if days is None or not self.rules:
            return []
        if bounds is None:
            within_limit(days, limit, Text("input.period.shifts_span"), None)
        coverage: list[CoverageLine] = []  # the pages' coverage lines: not asked for here
        return self._group_violations(
            days, facts, spans, self.decider.zone, checked_headcount(headcount), coverage
        )

    def _group_values(self, facts: dict[str, Facts]) -> dict[str, dict[str, Any]]:
        """Each employee's values of the `in each` attributes, as reports name them (the last
        in force, for one whose facts change)."""
        splitting = {
            rule.in_each.name: (rule, rule.in_each.index)
            for rule in self.rules
            if rule.in_each is not None
        }
        return {
            ident: {
                name: _label(rule, latest(entry)[index])
                for name, (rule, index) in splitting.items()
                if latest(entry)[index] is not UNKNOWN
            }
            for ident, entry in facts.items()
        }


def checked_headcount(headcount: Any) -> Mapping[Any, int] | None:
    """The real size of each group, each a whole number of people (an `InputError` naming the
    group otherwise), or None."""
    if headcount is None:
        return None
    if not isinstance(headcount, Mapping):
        raise TypeError(f"headcount is a mapping of group values to sizes, not {headcount!r}")
    for group, size in headcount.items():
        if isinstance(size, bool) or not isinstance(size, int) or size < 0:
            raise InputError(
                "headcount",
                size,
                Text("input.roster.headcount", group=_quoted(group), size=repr(size)),
            )
    return headcount


def _schedule_parts(item: Any) -> tuple[Any, Sequence[Any], Sequence[Any]]:
    """A roster item's employee, shifts and leave days."""
    if isinstance(item, Schedule):
        return item.employee, item.shifts, item.absences
    try:
        employee, shifts = item
    except (TypeError, ValueError):
        raise InputError("schedules", item, Text("input.roster.not_schedule")) from None
    return employee, shifts, ()


def _spans(reports: dict[str, ScheduleReport], zone: zoneinfo.ZoneInfo) -> list[Span]:
    """Every shift of the roster on the policy's clock, less the employee's part-day absences
    and whole days of work away (for staffing the person is away during one, even where a
    shift overlaps it)."""
    spans: list[Span] = []
    for ident, report in reports.items():
        away = report.away.away_spans
        for decision in report.decisions:
            pieces: Intervals = ((decision.start_seconds, decision.end_seconds),)
            if away:
                low, high = pieces[0]
                pieces = intersect(pieces, complement(away, low, high))
            for start, end in pieces:
                if decision.zone.key != zone.key:
                    start, end = (
                        _to_zone(start, decision.zone, zone),
                        _to_zone(end, decision.zone, zone),
                    )
                spans.append((ident, start, end, decision.location))
    return spans


def _days_of(spans: list[Span]) -> tuple[int, int] | None:
    """The first and last day the roster's shifts touch, when no period is given."""
    if not spans:
        return None
    first = min(s for _, s, _, _ in spans) // DAY
    return first, max(e - 1 for _, _, e, _ in spans) // DAY


def _presence(
    spans: list[Span], days: tuple[int, int] | None
) -> dict[dt.date, dict[str, list[str]]]:
    """Who worked where each day checked; dicts keep first-seen order and make repeats free."""
    seen: dict[int, dict[int, dict[str, None]]] = defaultdict(lambda: defaultdict(dict))
    if days is not None:
        for ident, start, end, location in spans:
            for day in range(max(start // DAY, days[0]), min((end - 1) // DAY, days[1]) + 1):
                seen[day][location][ident] = None
    return {
        dt.date.fromordinal(day): {LOCATION_NAMES[loc]: list(ids) for loc, ids in where.items()}
        for day, where in sorted(seen.items())
    }


def _label(rule: CompiledGroupRule, value: Any) -> Any:
    """A group's value as people name it: a ranked value by its name, not its rank."""
    if (
        rule.in_each is not None
        and isinstance(rule.in_each.decl.type, ast.RankedType)
        and isinstance(value, int)
    ):
        return rule.in_each.decl.type.values[value].value
    return value


def _quoted(value: Any) -> str:
    return f'"{value}"' if isinstance(value, str) else str(value)


def _groups(rule: CompiledGroupRule, facts: ByDay) -> list[Any]:
    """The values of the rule's `in each` attribute in the roster, on any day (one group
    without it)."""
    if rule.in_each is None:
        return [None]
    values = {ev[rule.in_each.index] for ev in every_value(facts.facts)}
    values.discard(UNKNOWN)
    return sorted(values, key=lambda v: (str(type(v)), v))


def _by_group(rule: CompiledGroupRule, facts: Mapping[str, Values]) -> dict[Any, list[str]]:
    """Employee ids by their `in each` value (all under None without `in each`)."""
    groups: dict[Any, list[str]] = defaultdict(list)
    for ident, ev in facts.items():
        if rule.in_each is None:
            groups[None].append(ident)
        elif ev[rule.in_each.index] is not UNKNOWN:
            groups[ev[rule.in_each.index]].append(ident)
    return groups


class _Staffing:
    """One staffing rule over a roster: for each group, day and window of its TIME, the
    stretches in which fewer members are present than it needs."""

    def __init__(
        self,
        rule: CompiledGroupRule,
        facts: ByDay,
        spans: list[Span],
        zone: zoneinfo.ZoneInfo,
        language: str,
    ) -> None:
        self.rule = rule
        self.facts = facts
        self.zone = zone
        self.language = language
        self.labels = rule_labels(rule.decl)
        self.unknown_shift = (UNKNOWN,) * rule.shift_slots
        self.by_employee: dict[str, list[tuple[int, int]]] = defaultdict(list)
        #: how many were present through the rule's TIME, per group and day (`gaps` fills it)
        self.coverage: list[CoverageLine] = []
        for ident, start, end, location in spans:
            if location & rule.locations:
                self.by_employee[ident].append((start, end))

    def gaps(self, days: tuple[int, int]) -> list[Violation]:
        rule = self.rule
        found: list[Violation] = []
        by_groups: dict[int, dict[Any, list[str]]] = {}  # by id of a day's facts
        for group in _groups(rule, self.facts):
            seen: dict[str, None] = {}
            counted: dict[dt.date, tuple[Stretch, ...]] = {}
            for day in range(days[0], days[1] + 1):
                today = self.facts.on(day)  # the facts in force, of those employed that day
                by_group = by_groups.get(id(today))
                if by_group is None:
                    by_group = by_groups[id(today)] = _by_group(rule, today)
                members = [
                    ident
                    for ident in by_group.get(group, [])
                    if rule.member(today[ident], self.unknown_shift, day) == T
                ]
                seen.update(dict.fromkeys(members))
                base = day * DAY
                stretches: list[Stretch] = []
                for low, high in rule.time.owned(day):
                    every = self._stretches(members, base + low, base + high)
                    stretches += [(a - base, b - base, len(present)) for present, a, b in every]
                    for gap in every:
                        if len(gap[0]) < rule.count:
                            found.append(self._violation(gap, group))
                if stretches:
                    counted[dt.date.fromordinal(day)] = tuple(stretches)
            self.coverage.append(
                CoverageLine(
                    rule.decl.id.text,
                    _label(rule, group),
                    rule.count,
                    ACTIVITY_WORDS[rule.locations],
                    tuple(seen),
                    counted,
                )
            )
        return found

    def _stretches(self, members: list[str], low: int, high: int) -> list[Gap]:
        """The maximal stretches of [low, high) with the same people present (a gap is one
        with fewer than the rule needs)."""
        points = {low, high}
        mine: dict[str, Intervals] = {}
        for ident in members:
            kept = normalise(
                (max(s, low), min(e, high)) for s, e in self.by_employee.get(ident, ())
            )
            mine[ident] = kept
            for s, e in kept:
                points.update((s, e))
        stretches: list[Gap] = []
        for a, b in itertools.pairwise(sorted(points)):
            present = tuple(
                sorted(ident for ident, kept in mine.items() if any(s <= a < e for s, e in kept))
            )
            if stretches and stretches[-1][0] == present and stretches[-1][2] == a:
                stretches[-1] = (present, stretches[-1][1], b)
            else:
                stretches.append((present, a, b))
        return stretches

    def _violation(self, gap: Gap, group: Any) -> Violation:
        rule = self.rule
        present, start, end = gap
        first = local_datetime(start, self.zone)
        last = local_datetime(end, self.zone)
        label = _label(rule, group)
        within: Text | str = ""
        if rule.in_each is not None:
            within = Text("staffing.within", name=rule.in_each.name, value=_quoted(label))
        # a gap that runs to midnight ends at 24:00 of its day, not 00:00
        until = DAY if last.date() > first.date() and _minutes(last) == 0 else _minutes(last)
        message = Text(
            "staffing.gap",
            day=first.date(),
            span=Text("clock.span", start=Clock(_minutes(first)), end=Clock(until)),
            within=within,
            count=len(present),
            present=", ".join(present) if present else Text("staffing.nobody"),
            bound=rule.count,
            activity=ACTIVITY_WORDS[rule.locations],
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
            **self.labels,
            bound=rule.count,
            count=len(present),
            language=self.language,
        )


def _minutes(moment: dt.datetime) -> int:
    """A time of day, to the minute, in seconds from midnight (as violations show it)."""
    return moment.hour * 3600 + moment.minute * 60


def _shares(
    rule: CompiledGroupRule,
    days: tuple[int, int],
    by_day: ByDay,
    spans: list[Span],
    zone: zoneinfo.ZoneInfo,
    headcount: Mapping[Any, int] | None,
    language: str,
) -> list[Violation]:
    """Each day and group with more members away than the rule's share of its size."""
    unknown_shift = (UNKNOWN,) * rule.shift_slots
    working: dict[int, set[str]] = defaultdict(set)
    for ident, start, end, location in spans:
        if location & rule.locations:
            for day in range(start // DAY, (end - 1) // DAY + 1):
                working[day].add(ident)
    found: list[Violation] = []
    groups = _groups(rule, by_day)
    by_groups: dict[int, dict[Any, list[str]]] = {}  # by id of a day's facts
    for day in range(days[0], days[1] + 1):
        facts = by_day.on(day)  # the facts in force, of those employed that day
        by_group = by_groups.get(id(facts))
        if by_group is None:
            by_group = by_groups[id(facts)] = _by_group(rule, facts)
        membership = {ident: rule.member(ev, unknown_shift, day) for ident, ev in facts.items()}
        away_today = working.get(day, set()) & facts.keys()
        unsure = _unsure(rule, facts, membership, away_today)
        for group in groups:
            members = [ident for ident in by_group.get(group, []) if membership[ident] == T]
            label = _label(rule, group)
            size = len(members)
            if headcount is not None and label in headcount:
                size = headcount[label]
            away = sorted(
                {
                    *(ident for ident in members if ident in away_today),
                    *(ident for ident in unsure if _might_be_in(rule, facts[ident], group)),
                }
            )
            allowed = math.floor(rule.count * size / 100)
            if len(away) > allowed:
                found.append(
                    _share_violation(rule, day, zone, label, away, size, allowed, language)
                )
    return found


def _unsure(
    rule: CompiledGroupRule,
    facts: Mapping[str, Values],
    membership: dict[str, int],
    away_today: set[str],
) -> list[str]:
    """Those away whose group is unknown, or whose membership is: they count against every
    group they might belong to (fail closed)."""
    return [
        ident
        for ident in away_today
        if membership[ident] != F
        and (
            membership[ident] != T
            or (rule.in_each is not None and facts[ident][rule.in_each.index] is UNKNOWN)
        )
    ]


def _might_be_in(rule: CompiledGroupRule, ev: Values, group: Any) -> bool:
    return (
        rule.in_each is None
        or ev[rule.in_each.index] is UNKNOWN
        or (ev[rule.in_each.index] == group)
    )


def _share_violation(
    rule: CompiledGroupRule,
    day: int,
    zone: zoneinfo.ZoneInfo,
    label: Any,
    away: list[str],
    size: int,
    allowed: int,
    language: str,
) -> Violation:
    midnight = local_datetime(day * DAY, zone)
    within: Text | str = ""
    if rule.in_each is not None:
        within = Text("share.within", name=rule.in_each.name, value=_quoted(label))
    message = Text(
        "share.over",
        day=midnight.date(),
        count=len(away),
        size=size,
        within=within,
        activity=ACTIVITY_WORDS[rule.locations],
        away=", ".join(away),
        bound=allowed,
        percent=rule.count,
    )
    return Violation(
        rule.decl.id.text,
        "share",
        message,
        midnight,
        local_datetime((day + 1) * DAY, zone),
        (),
        tuple(away),
        None,
        label,
        **rule_labels(rule.decl),
        bound=allowed,
        count=len(away),
        size=size,
        language=language,
    )


def _to_zone(seconds: int, source: zoneinfo.ZoneInfo, target: zoneinfo.ZoneInfo) -> int:
    moment = local_datetime(seconds, source).astimezone(target)
    return moment.toordinal() * DAY + moment.hour * 3600 + moment.minute * 60 + moment.second
