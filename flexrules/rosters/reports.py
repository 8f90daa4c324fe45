"""The reports `Policy.check` and `Policy.check_roster` return: decisions, violations, and what
their text needs, copied when the report is made."""

from __future__ import annotations

import datetime as dt
import warnings
import zoneinfo
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..engine.decision import Decision
from ..engine.facts import Employee, field, jsonable
from .records import RuleText, Violation, ident_of
from .text import roster_text, schedule_text


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
        self.employee_id = ident_of(employee)
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
            "employee": {"id": ident_of(self.employee), "name": jsonable(name)},
            "decisions": [d.to_dict() for d in self.decisions],
            "violations": [v.to_dict() for v in self.violations],
        }


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
    ) -> None:
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
        self.allowed = not violations and all(r.allowed for r in reports.values())

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
            "schedules": {ident: r.to_dict() for ident, r in self.reports.items()},
            "violations": [v.to_dict() for v in self.violations],
        }
