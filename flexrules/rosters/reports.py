"""The reports `Policy.check` and `Policy.check_roster` return: decisions, violations, and what
their text needs, copied when the report is made.

A report is honest about what it could not judge: without a period, `at least` limits are
checked only for the days, weeks or months that hold a shift, and staffing and shares only
from the first to the last day the shifts touch (`Scope`, `not_checked`); and it flags a shift
on a day of the employee's own leave (`shifts_on_leave`).
"""

from __future__ import annotations

import datetime as dt
import warnings
import zoneinfo
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from ..core.messages import chosen_language
from ..engine.decision import Decision
from ..engine.facts import DAY_SECONDS, LOCATION_NAMES, Employee, field, jsonable, local_datetime
from ..engine.notices import DecisionWarning
from .absences import Absences, PartOfDay
from .coverage import CoverageLine
from .records import RuleText, Violation, ident_of
from .text import OnLeave, Unchecked, roster_text, schedule_text, unchecked

#: the kinds of rule (as `Policy.rules` names them) that a period is needed to judge fully
NEEDS_A_PERIOD = ("staffing", "share", "day minimum", "hour minimum", "core hours", "start window")


@attrs.frozen
class Scope:
    """What a report can judge: whether a period was given, and the rules that need one, by id
    with their kind (`staffing`, `share`, `day minimum`, `hour minimum`)."""

    period_given: bool
    rules: Mapping[str, str] = attrs.field(factory=dict)

    @classmethod
    def of(cls, rules: Iterable[tuple[str, str]], period_given: bool) -> Scope:
        """From (id, kind) pairs, such as `(r.id, r.kind) for r in policy.rules`."""
        return cls(period_given, {i: k for i, k in rules if k in NEEDS_A_PERIOD})


def _leave_clashes(
    decisions: Sequence[Decision], absences: tuple[dt.date, ...], parts: Sequence[PartOfDay] = ()
) -> tuple[OnLeave, ...]:
    """Each shift that touches a day of leave, or overlaps a part-day absence, on the
    employee's clock, with that day."""
    if not absences and not parts:
        return ()
    leave = {day.toordinal() for day in absences}
    found = []
    for decision in decisions:
        first = decision.start_seconds // DAY_SECONDS
        last = (decision.end_seconds - 1) // DAY_SECONDS
        days = {d for d in range(first, last + 1) if d in leave}
        days.update(
            part.day
            for part in parts
            if part.start < decision.end_seconds and decision.start_seconds < part.end
        )
        found += [OnLeave(decision, dt.date.fromordinal(d)) for d in sorted(days)]
    return tuple(found)


def _absence_record(zone: zoneinfo.ZoneInfo, away: Absences) -> list[dict[str, Any]]:
    """Every absence with its kind: whole days as dates, parts of days as ISO date-times."""
    found: list[dict[str, Any]] = [
        {"start": dt.date.fromordinal(day).isoformat(), "end": None, "kind": away.kinds.get(day)}
        for day in sorted(away.days)
    ]
    found += [
        {
            "start": local_datetime(part.start, zone).isoformat(),
            "end": local_datetime(part.end, zone).isoformat(),
            "kind": part.kind,
        }
        for part in away.parts
    ]
    return found


def _decision_record(decision: Decision, pieces: bool, language: str) -> dict[str, Any]:
    """A decision in a report: its own parts, without the policy's metadata (given once)."""
    return decision.to_dict(policy=False, pieces=pieces, language=language)


def _leave_record(clash: OnLeave) -> dict[str, Any]:
    decision = clash.decision
    return {
        "day": clash.day.isoformat(),
        "shift": {
            "start": decision.start.isoformat(),
            "end": decision.end.isoformat(),
            "location": LOCATION_NAMES[decision.location],
        },
    }


class ScheduleReport:
    """One employee's schedule: every shift decided, every limit applied.

    Besides the decisions and violations it keeps what its text needs: the employee's leave
    days, the policy's metadata and every rule's own words (`rules`, by id). `scope`, when
    known, says whether a period was given, so the report can say what it could not check."""

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
        scope: Scope | None = None,
        away: Absences | None = None,
        warnings: tuple[DecisionWarning, ...] = (),
    ) -> None:
        #: what a reader should know that changes no verdict: a judged day that is a holiday
        #: only by the `holidays` package's estimate (`estimated-holiday`)
        self.warnings = warnings
        self.employee = employee
        self.employee_id = ident_of(employee)
        name = field(employee, "name", Employee)
        self.employee_name: str | None = None if name is None else str(name)
        self.decisions = decisions
        self.violations = violations
        self.zone = zone
        #: the leave days given with the schedule, in order
        self.absences: tuple[dt.date, ...] = tuple(sorted(set(absences)))
        #: every absence as given, with its kind: whole days and parts of days (DATA.md §3)
        self.away = away if away is not None else Absences()
        #: the policy's metadata (name, version, fingerprint...), as `to_dict()` gives it
        self.policy: Mapping[str, Any] = policy if policy is not None else {}
        #: every rule of the policy by id: its own words, source and number
        self.rules: Mapping[str, RuleText] = rules if rules is not None else {}
        #: whether a period was given and which rules need one; None when not known
        self.scope = scope
        #: each shift on a day of the employee's leave, with that day (a shift over midnight
        #: may touch two); flagged, not a violation: `allowed` does not count them
        self.shifts_on_leave: tuple[OnLeave, ...] = _leave_clashes(
            decisions,
            tuple(d for d in self.absences if d.toordinal() not in self.away.work_days),
            [part for part in self.away.parts if not part.work],  # work away is no clash
        )
        self.allowed = all(d.allowed for d in decisions) and not violations

    def __repr__(self) -> str:
        return (
            f"<ScheduleReport {'allowed' if self.allowed else 'not allowed'}: "
            f"{len(self.decisions)} shifts, {len(self.violations)} violations>"
        )

    @property
    def not_checked(self) -> tuple[Unchecked, ...]:
        """The `at least` limits that could be checked only in part: without a period, for the
        days, weeks or months that hold a shift. Empty when a period was given (or the scope
        is not known)."""
        return unchecked(self.scope, self.rules, None, minimums_only=True)

    @property
    def language(self) -> str:
        """The policy's language (`en`, `id`): the one `explain()` and `to_dict()` use unless
        another is asked for."""
        return chosen_language(None, self.policy)

    def explain(self, *, summary: bool = False, language: str | None = None) -> str:
        """A summary of the shifts, the leave days, each denied shift with its reasons, then
        each limit broken with the shifts it blames; each rule's own words once. With
        `summary`, the first lines only (and what was not checked). In `language` (`en`,
        `id`; None is the policy's)."""
        chosen = chosen_language(language, self.policy)
        return schedule_text(self, summary=summary, language=chosen)

    def summary(self) -> dict[str, Any]:
        """The report in numbers: shifts, denied, violations by kind, shifts on leave."""
        kinds = [v.kind for v in self.violations]
        return {
            "shifts": len(self.decisions),
            "denied": sum(1 for d in self.decisions if not d.allowed),
            "violations": {kind: kinds.count(kind) for kind in VIOLATION_KINDS},
            "shifts_on_leave": len(self.shifts_on_leave),
        }

    def to_dict(
        self,
        *,
        pieces: bool = False,
        violations_only: bool = False,
        summary: bool = False,
        language: str | None = None,
    ) -> dict[str, Any]:
        """JSON-ready: `allowed`, the policy's metadata once, the language of its messages, the
        summary, what was not checked, then each decision (its own parts:
        `Decision.to_dict(policy=False)`, with its pieces only when `pieces`), each violation
        and each shift on a day of leave. With `violations_only`, only the denied decisions;
        with `summary`, no lists. Keys and data are the same in every language; the `message`
        strings are in `language` (`en`, `id`; None is the policy's)."""
        chosen = chosen_language(language, self.policy)
        found: dict[str, Any] = {
            "allowed": self.allowed,
            "policy": dict(self.policy) or None,
            "language": chosen,
            "employee": self._employee(),
            "summary": self.summary(),
            "not_checked": [u.to_dict(chosen) for u in self.not_checked],
            "warnings": [w.to_dict(chosen) for w in self.warnings],
        }
        if not summary:
            found.update(self._lists(pieces, violations_only, chosen))
        return found

    def _employee(self) -> dict[str, Any]:
        name = field(self.employee, "name", Employee)
        return {"id": ident_of(self.employee), "name": jsonable(name)}

    def _lists(self, pieces: bool, violations_only: bool, language: str) -> dict[str, Any]:
        decisions = [d for d in self.decisions if not (violations_only and d.allowed)]
        return {
            "absences": [day.isoformat() for day in self.absences],
            "absence_details": _absence_record(self.zone, self.away),
            "decisions": [_decision_record(d, pieces, language) for d in decisions],
            "violations": [v.to_dict(language) for v in self.violations],
            "shifts_on_leave": [_leave_record(c) for c in self.shifts_on_leave],
        }

    def to_roster_dict(
        self, *, pieces: bool, violations_only: bool, language: str | None = None
    ) -> dict[str, Any]:
        """This schedule as a roster report holds it: no policy (the roster gives it once)."""
        chosen = chosen_language(language, self.policy)
        return {"allowed": self.allowed, "employee": self._employee()} | self._lists(
            pieces, violations_only, chosen
        )

    @property
    def to_follow_up(self) -> bool:
        """Whether a head of unit has something to act on: a denied shift, a broken limit, a
        shift on a day of leave."""
        return not self.allowed or bool(self.shifts_on_leave)


#: the kinds of violation, in the order summaries count them
VIOLATION_KINDS = ("limit", "presence", "staffing", "share")


class RosterReport:
    """A roster: every schedule checked, then staffing and shares across it.

    Besides each employee's report and the violations it keeps what its text needs: who worked
    where each day, each employee's name, group values and leave, the policy's metadata and
    every rule's own words."""

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
        warnings: tuple[DecisionWarning, ...] = (),
        scope: Scope | None = None,
        coverage: Sequence[CoverageLine] = (),
    ) -> None:
        #: what a reader should know that changes no verdict: a judged day that is a holiday
        #: only by the `holidays` package's estimate (`estimated-holiday`)
        self.warnings = warnings
        #: each employee's `ScheduleReport`, by id
        self.reports = reports
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
        self._scope = scope
        #: for each staffing rule and group, how many were present through its TIME each day
        self.coverage: tuple[CoverageLine, ...] = tuple(coverage)
        self.allowed = not violations and all(r.allowed for r in reports.values())

    @property
    def scope(self) -> Scope | None:
        """Whether a period was given and which rules need one; None when not known."""
        return self._scope

    @scope.setter
    def scope(self, scope: Scope | None) -> None:
        """Set by whoever checked the roster (the command line), for every report in it."""
        self._scope = scope
        for report in self.reports.values():
            report.scope = scope

    @property
    def schedules(self) -> dict[str, ScheduleReport]:
        """Deprecated: the reports by employee id are `reports` (they are reports, not
        schedules)."""
        warnings.warn(
            "RosterReport.schedules is deprecated; use RosterReport.reports",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.reports

    def __repr__(self) -> str:
        return (
            f"<RosterReport {'allowed' if self.allowed else 'not allowed'}: "
            f"{len(self.reports)} employees, {len(self.violations)} violations>"
        )

    @property
    def not_checked(self) -> tuple[Unchecked, ...]:
        """What the report could not judge for every day: without a period, staffing and
        shares only from the first to the last day of the shifts (none at all without shifts),
        and `at least` limits only for the days, weeks or months that hold a shift."""
        days = None if self.days is None else tuple(map(dt.date.fromordinal, self.days))
        return unchecked(self._scope, self.rules, days, minimums_only=False)

    @property
    def shifts_on_leave(self) -> dict[str, tuple[OnLeave, ...]]:
        """By employee id, each shift on a day of that employee's leave."""
        return {i: r.shifts_on_leave for i, r in self.reports.items() if r.shifts_on_leave}

    @property
    def language(self) -> str:
        """The policy's language (`en`, `id`): the one `explain()` and `to_dict()` use unless
        another is asked for."""
        return chosen_language(None, self.policy)

    def explain(
        self,
        *,
        first_days: int | None = None,
        summary: bool = False,
        language: str | None = None,
    ) -> str:
        """A report a head of unit can act on: a summary; each day (who is where, who is on
        leave, coverage gaps, shares over their limit); then each employee to follow up; in
        `language` (`en`, `id`; None is the policy's).

        With `first_days`, only that many days are shown in full, then only the days with a
        coverage gap or a share over its limit (0: only those days). With `summary`, the
        summary alone (and what was not checked)."""
        chosen = chosen_language(language, self.policy)
        return roster_text(self, first_days=first_days, summary=summary, language=chosen)

    def summary(self) -> dict[str, Any]:
        """The report in numbers: employees, shifts, denied, violations by kind, employees to
        follow up, shifts on leave, and the days checked."""
        kinds = [v.kind for v in self.violations]
        first, last = (None, None) if self.days is None else self.days
        return {
            "employees": len(self.reports),
            "shifts": sum(len(r.decisions) for r in self.reports.values()),
            "denied": sum(1 for r in self.reports.values() for d in r.decisions if not d.allowed),
            "violations": {kind: kinds.count(kind) for kind in VIOLATION_KINDS},
            "employees_to_follow_up": sum(r.to_follow_up for r in self.reports.values()),
            "shifts_on_leave": sum(len(r.shifts_on_leave) for r in self.reports.values()),
            "first_day": None if first is None else dt.date.fromordinal(first).isoformat(),
            "last_day": None if last is None else dt.date.fromordinal(last).isoformat(),
        }

    def to_dict(
        self,
        *,
        pieces: bool = False,
        violations_only: bool = False,
        summary: bool = False,
        language: str | None = None,
    ) -> dict[str, Any]:
        """JSON-ready: `allowed`, the policy's metadata once, the language of its messages, the
        summary and what was not checked; then `schedules` (by id: the employee, leave days,
        each decision with its own parts and its pieces only when `pieces`, violations, shifts
        on leave) and every violation. With `violations_only`, only the employees to follow up
        and their denied decisions; with `summary`, no schedules and no violations. Keys and
        data are the same in every language; the `message` strings are in `language` (`en`,
        `id`; None is the policy's)."""
        chosen = chosen_language(language, self.policy)
        found: dict[str, Any] = {
            "allowed": self.allowed,
            "policy": self.policy,
            "language": chosen,
            "summary": self.summary(),
            "not_checked": [u.to_dict(chosen) for u in self.not_checked],
            "warnings": [w.to_dict(chosen) for w in self.warnings],
        }
        if summary:
            return found
        found["schedules"] = {
            ident: r.to_roster_dict(pieces=pieces, violations_only=violations_only, language=chosen)
            for ident, r in self.reports.items()
            if r.to_follow_up or not violations_only
        }
        found["violations"] = [v.to_dict(chosen) for v in self.violations]
        return found
