"""Policies that change on a date (DATA.md §5): a set of versions, each in force on its days.

A regulation replaced on 1 July is two policies, each with `effective from ... [until ...]` in
its header. `load_policies` loads them together as a `PolicySet`, which decides each shift by
the version in force on its local day, and names that version in every reason. A day on which
no version is in force is denied, with a reason saying so; versions whose days overlap, or
that give one attribute two types, are refused at load.

A shift across the change at midnight is cut there, each part decided by its version
(`SplitDecision`). Across a change, `check` applies each version's limits to the whole
schedule: maxima count every day and blame on the version's own days, minima are pro-rated to
them (`rosters.limits`, `in_force`; docs/versions.md).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import threading
import zoneinfo
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from .analysis.classes import HORIZON_DAYS
from .analysis.lint import LintReport, lint
from .api import compile_policy, load_policy
from .clock.calendar import Calendar
from .core.diagnostics import Diagnostic, error
from .core.errors import InputError, PolicyError
from .core.messages import Listing, Text, say
from .engine.decision import Decision
from .engine.facts import employee_zone
from .policy import Policy, RuleInfo, answer_outside_dates
from .rosters.absences import Absence, Absences, read_absences
from .rosters.records import RuleTexts, Schedule, Violation, ident_of
from .rosters.reports import RosterReport, ScheduleReport, Scope
from .version_decisions import (
    SplitDecision,
    VersionedBatch,
    VersionedDecision,
    days_text,
    part_of_shift,
)

_MICROSECOND = dt.timedelta(microseconds=1)
_DAY_SECONDS = 86400


def version_folders(path: Path) -> list[Path] | None:
    """The direct subfolders of a folder, when each holds a policy header with `effective
    from` (or `berlaku mulai`): a folder of versions. None for a folder that is one policy."""
    if not path.is_dir():
        return None
    folders = sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not folders or any(p.suffix == ".rules" for p in path.iterdir() if p.is_file()):
        return None
    for folder in folders:
        texts = [f.read_text("utf-8", errors="replace") for f in sorted(folder.glob("*.rules"))]
        if not any(_has_effective_header(text) for text in texts):
            return None
    return folders


def _has_effective_header(text: str) -> bool:
    lowered = " ".join(text.casefold().split())
    return "effective from" in lowered or "berlaku mulai" in lowered


def load_policies(
    paths: str | Path | Iterable[str | Path],
    *,
    cache_size: int | None = None,
    language: str | None = None,
) -> PolicySet:
    """Load the versions of a policy: `.rules` files or folders, one policy each, or a folder
    whose direct subfolders each hold one version. Raises `PolicyError` for a version with
    errors, for versions whose days overlap (`overlapping-versions`) and for an attribute
    declared with two types (`attribute-type-changed`)."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    members: list[Policy] = []
    for given in paths:
        path = Path(given)
        folders = version_folders(path)
        for one in folders if folders is not None else [path]:
            members.append(load_policy(one, cache_size=cache_size, language=language))
    return PolicySet(members)


def compile_policies(texts: Sequence[str | Mapping[str, str]]) -> PolicySet:
    """A set of versions from policy texts (one text, or mapping of files, per version)."""
    return PolicySet([compile_policy(text) for text in texts])


class PolicySet:
    """The versions of one policy, each deciding the days it is in force (`effective from`).

    `decide`, `check` and `check_roster` answer as the version in force does, naming it;
    `members` are the versions in order of their first day."""

    #: whether answers name the version that decided (a lone policy's do not: `LoneVersion`)
    names_versions = True

    def __init__(self, members: Iterable[Policy]) -> None:
        ordered = sorted(members, key=lambda p: p.effective_from or dt.date.min)
        if not ordered:
            raise ValueError(say("version.empty"))
        problems = _overlaps(ordered) + _attribute_types(ordered)
        if problems:
            raise PolicyError(problems)
        self.members: tuple[Policy, ...] = tuple(ordered)
        self.name: str = ordered[-1].name
        self.timezone: str = ordered[-1].timezone
        digest = hashlib.sha256()
        for member in ordered:
            digest.update(member.fingerprint.encode("ascii") + b"\0")
        #: a digest of its members' fingerprints, in order
        self.fingerprint: str = "sha256:" + digest.hexdigest()
        self._lock = threading.Lock()
        self._gap: Policy | None = None
        #: each version's first and last day as ordinals, for deciding without dates
        self._days: tuple[tuple[int, int, Policy], ...] = tuple(
            (
                (m.effective_from or dt.date.min).toordinal(),
                (m.effective_until or dt.date.max).toordinal(),
                m,
            )
            for m in ordered
        )

    def __repr__(self) -> str:
        versions = ", ".join(repr(m.version) for m in self.members)
        return f"<PolicySet {self.name!r} versions=[{versions}]>"

    def __len__(self) -> int:
        return len(self.members)

    def __iter__(self) -> Iterator[Policy]:
        return iter(self.members)

    @property
    def language(self) -> str:
        """The language of the latest version (`en`, `id`)."""
        return self.members[-1].language

    @property
    def reading(self) -> Policy:
        """The latest version, as the pages that show one policy's forms use it (files are
        typed by each row's version: `files.by_version`)."""
        return self.members[-1]

    @property
    def rules(self) -> tuple[RuleInfo, ...]:
        """Every version's rules, each id once (the latest version's)."""
        found = {rule.id: rule for member in self.members for rule in member.rules}
        return tuple(found.values())

    @property
    def version(self) -> str | None:
        """The latest version's `version` (its metadata lists every version's)."""
        return self.members[-1].version

    @property
    def files(self) -> tuple[str, ...]:
        """Every version's files, in order of their days."""
        return tuple(f for member in self.members for f in member.files)

    @property
    def attributes(self) -> tuple[Any, ...]:
        """The latest version's attributes (each has one type in every version)."""
        return tuple(self.members[-1].attributes)

    @property
    def groups(self) -> tuple[Any, ...]:
        """The latest version's groups."""
        return tuple(self.members[-1].groups)

    @property
    def hours(self) -> tuple[Any, ...]:
        """The latest version's hour patterns."""
        return tuple(self.members[-1].hours)

    @property
    def dates(self) -> tuple[Any, ...]:
        """The latest version's date sets."""
        return tuple(self.members[-1].dates)

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """Every version's warnings."""
        return tuple(d for member in self.members for d in member.diagnostics)

    def holidays(self, first: dt.date, last: dt.date, language: str | None = None) -> list[Any]:
        """Every holiday from `first` to `last`, each day's from the version in force that day
        (`Policy.holidays`); none on a day no version is in force."""
        return [
            found
            for member in self.members
            if (days := _clipped(member, first, last)) is not None
            for found in member.holidays(*days, language)
        ]

    def removed_holidays(
        self, first: dt.date, last: dt.date, language: str | None = None
    ) -> list[Any]:
        """The dates each version's `except` removes, on the days it is in force."""
        return [
            found
            for member in self.members
            if (days := _clipped(member, first, last)) is not None
            for found in member.removed_holidays(*days, language)
        ]

    @property
    def calendar(self) -> Calendar:
        """The latest version's calendar (for pages that show the days)."""
        return self.members[-1].calendar

    def metadata(self) -> dict[str, Any]:
        """The set's name, fingerprint, language and each version's own metadata."""
        return {
            "name": self.name,
            "fingerprint": self.fingerprint,
            "language": self.language,
            "versions": [member.metadata() for member in self.members],
        }

    def in_force(self, day: dt.date) -> Policy | None:
        """The version in force on a local day, or None."""
        for member in self.members:
            if member.in_force(day):
                return member
        return None

    # ---- deciding ----------------------------------------------------------------------

    def decide(self, employee: Any, shift: Any) -> VersionedDecision | SplitDecision:
        """Decide a shift by the version in force on its local day; denied, with a reason
        saying so, on a day no version is in force. A shift whose local days fall under two
        versions (or one and none) is cut at the midnight where the version changes, each
        part decided by its own, and the parts put together (`SplitDecision`): allowed when
        every part is."""
        probe = self.members[-1]._decider.decide(employee, shift)
        first = probe.start_seconds // _DAY_SECONDS
        member = self._on_ordinal(first)
        last = (probe.end_seconds - 1) // _DAY_SECONDS
        if member is not self._on_ordinal(last):
            return self._split(employee, shift, probe)
        if member is None:
            return VersionedDecision(self._gap_policy().decide(employee, shift), None, self)
        decision = probe if member is self.members[-1] else member._decider.decide(employee, shift)
        return VersionedDecision(decision, member, self)

    def decide_many(self, pairs: Iterable[tuple[Any, Any]]) -> VersionedBatch:
        """Decide many (employee, shift) pairs: `decide`'s answers, in order, with `allowed`
        and `rules` per pair as `Policy.decide_many` gives them."""
        return VersionedBatch([self.decide(employee, shift) for employee, shift in pairs])

    def _split(self, employee: Any, shift: Any, probe: Decision) -> SplitDecision:
        """A shift across a change of version, cut at that midnight, each part decided by
        the version in force on its day."""
        start, end = probe.start_seconds, probe.end_seconds
        cuts: list[tuple[int, int, Policy | None]] = []
        for day in range(start // _DAY_SECONDS, (end - 1) // _DAY_SECONDS + 1):
            member = self._on_ordinal(day)
            if cuts and cuts[-1][2] is member:
                cuts[-1] = (cuts[-1][0], min(end, (day + 1) * _DAY_SECONDS), member)
            else:
                first = max(start, day * _DAY_SECONDS)
                cuts.append((first, min(end, (day + 1) * _DAY_SECONDS), member))
        parts = []
        for first, last, member in cuts:
            piece = part_of_shift(shift, first, last)
            if member is None:
                parts.append(
                    VersionedDecision(self._gap_policy().decide(employee, piece), None, self)
                )
            else:
                parts.append(
                    VersionedDecision(member._decider.decide(employee, piece), member, self)
                )
        return SplitDecision(probe, tuple(parts), self)

    def on_day(self, day: int) -> Policy | None:
        """The version in force on a local day given as its ordinal, or None."""
        return self._on_ordinal(day)

    def explained(self, member: Policy, text: str, language: str | None = None) -> str:
        """A version's own explanation of a decision with the line naming the version, as
        the set's `explain()` gives it."""
        if not self.names_versions:
            return text
        chosen = language or member.language
        lines = text.split("\n")
        line = say(
            "version.explain",
            chosen,
            version=member.version or "",
            name=member.name,
            days=days_text(member),
        )
        return "\n".join([lines[0], line, *lines[1:]])

    def _on_ordinal(self, day: int) -> Policy | None:
        """The version in force on a local day given as its ordinal (the decisions' days)."""
        for first, last, member in self._days:
            if first <= day <= last:
                return member
        return None

    def _gap_policy(self) -> Policy:
        """A policy with no rules and `default deny`, for days no version is in force."""
        with self._lock:
            if self._gap is None:
                name = self.name.replace("\\", "\\\\").replace('"', '\\"')
                header = f'policy "{name}" timezone {self.timezone} default deny.\n'
                self._gap = compile_policy(header, language="en")
            return self._gap

    # ---- tables ------------------------------------------------------------------------

    def decide_table(
        self,
        table: Any,
        *,
        explain: bool = False,
        language: str | None = None,
        errors: str = "column",
        batch_size: int | None = None,
    ) -> Any:
        """`Policy.decide_table` by the version in force on each row's local day: the rows
        of each version decided by its own `decide_table`, in one go, and put back in their
        order; a row on a day no version is in force, or across a change of version, decided
        by `decide` (as the set decides it). The same answers as `decide`, row by row, with
        `explanation` naming the version (docs/versions.md)."""
        from .versions_tables import decide_table

        return decide_table(self, table, explain, language, errors, batch_size)

    def check_table(
        self,
        employees: Any,
        shifts: Any,
        period: Any = None,
        absences: Any = None,
        headcount: Mapping[Any, int] | None = None,
        *,
        language: str | None = None,
        max_period_days: int | None = None,
    ) -> Any:
        """`Policy.check_table` for a set: the roster read from its tables as
        `Policy.check_table` reads it, checked by `check_roster`, every violation one row (the
        same columns), as a table of the kind `shifts` is."""
        from .versions_tables import check_table

        return check_table(
            self, employees, shifts, period, absences, headcount, language, max_period_days
        )

    def shipped(self) -> ShippedSet:
        """The set as it travels to `flexrules.dask` workers: each version's texts."""
        return ShippedSet(self)

    # ---- checking ----------------------------------------------------------------------

    def check(
        self,
        employee: Any,
        shifts: Iterable[Any],
        period: Any = None,
        absences: Iterable[Any] = (),
        *,
        max_period_days: int | None = None,
    ) -> ScheduleReport:
        """`Policy.check` by the version in force on each day: within one version's days,
        that version's report. Across a change of version, every shift decided by `decide`
        (a shift over the change cut at its midnight), and each version's limits applied to
        the whole schedule: a maximum counts the activity on every day of its PERIOD and
        blames on the days that version is in force; a minimum is pro-rated to those days
        (DATA.md §5, docs/versions.md). A shift on a day no version is in force is denied,
        saying so."""
        listed, leave = list(shifts), list(absences)
        try:
            days = self._absence_days(employee, leave)
            member = self._one_version(period, [(employee, s) for s in listed], days)
        except InputError:
            pass
        else:
            report = member._plain_check(employee, listed, period, leave, max_period_days)
            return self._named(member, report)
        return self._check_across(employee, listed, period, leave, max_period_days)

    def _check_across(
        self,
        employee: Any,
        shifts: list[Any],
        period: Any,
        absences: list[Any],
        max_period_days: int | None,
    ) -> ScheduleReport:
        """One employee's schedule across a change of version (see `check`). Each absence
        is read by the version in force on its day (a range across a change, day by day):
        its kind as that version declares them (DATA.md §5); every version counts them."""
        zone = employee_zone(employee, zoneinfo.ZoneInfo(self.timezone))
        away = _joined(
            [
                read_absences(given, zone, "absences", None if m is None else m.absence_kinds)
                for m, given in self._absences_by_version(absences, zone).items()
            ]
        )
        reports: list[ScheduleReport] = []
        for first, last, member in self._days:  # every version: maxima count any day given
            reports.append(
                member._schedules.check(
                    employee, shifts, period, away, max_period_days, in_force=(first, last)
                )
            )
        decisions: list[Any] = [self.decide(employee, shift) for shift in shifts]
        found = [
            (member, v)
            for (_, _, member), r in zip(self._days, reports, strict=True)
            for v in r.violations
        ]
        violations = sorted(self._once_per_period(found), key=lambda v: v.start)
        if reports:
            zone = reports[0].zone
        return ScheduleReport(
            employee,
            decisions,
            violations,
            zone,
            absences=[dt.date.fromordinal(day) for day in sorted(away.days)],
            away=away,
            policy=self.metadata(),
            rules=RuleTexts(r.rules for r in reports),
            warnings=_unique(w for r in reports for w in r.warnings),
            scope=_scope_of(reports),
        )

    def check_roster(
        self,
        schedules: Iterable[Any],
        period: Any = None,
        headcount: Mapping[Any, int] | None = None,
        *,
        max_period_days: int | None = None,
    ) -> RosterReport:
        """`Policy.check_roster` by the version in force on each day: within one version's
        days, that version's report. Across a change of version, each schedule checked as
        `check` checks it (limits across the change), and each version's staffing and share
        rules over its own days, on the shifts (and parts of shifts) it decides; the reports
        put together, every decision naming its version."""
        listed = [_as_schedule(s) for s in schedules]
        pairs = [(s.employee, shift) for s in listed for shift in s.shifts]
        try:
            away = [d for s in listed for d in self._absence_days(s.employee, s.absences)]
            member = self._one_version(period, pairs, away)
        except InputError:
            pass
        else:
            roster = member._plain_check_roster(listed, period, headcount, max_period_days)
            return self._named_roster(member, roster)
        reports, by_version = self._schedules_across(listed, period, max_period_days)
        # the days staffing and shares judge: the period, else (as for one policy) from the
        # first to the last day holding a piece of a shift, on the policy's clock; each
        # version judges those of its days
        span = self._roster_days(reports) if period is None else tuple(map(_as_date, period))
        rosters: list[tuple[Policy, RosterReport]] = []
        for member in self.members:
            days = None if span is None else _clipped(member, *span)
            if days is None:
                continue
            mine = by_version.get(member, [])
            roster = member._plain_check_roster(mine, days, headcount, max_period_days)
            rosters.append((member, roster))
        return self._merged_roster(reports, rosters)

    def _roster_days(self, reports: dict[Any, ScheduleReport]) -> tuple[dt.date, dt.date] | None:
        """The first and last day holding a piece of any shift, on the policy's clock."""
        zone = zoneinfo.ZoneInfo(self.timezone)
        days = [
            moment.astimezone(zone).date()
            for report in reports.values()
            for d in report.decisions
            for moment in (d.start, d.end - _MICROSECOND)
        ]
        return (min(days), max(days)) if days else None

    def _named(self, member: Policy, report: ScheduleReport) -> ScheduleReport:
        """A version's own report as the set's: each decision and violation naming the
        version, and the set's metadata as `policy` (the report is new: changed in place)."""
        if not self.names_versions:
            return report
        decided: list[Any] = report.decisions
        decided[:] = [VersionedDecision(d, member, self) for d in decided]
        report.violations[:] = [self._named_violation(member, v) for v in report.violations]
        report.policy = self.metadata()
        return report

    def _named_roster(self, member: Policy, roster: RosterReport) -> RosterReport:
        """A version's own roster report as the set's (see `_named`)."""
        if not self.names_versions:
            return roster
        named: dict[int, Any] = {}
        for report in roster.reports.values():
            before = list(report.violations)
            self._named(member, report)
            named.update((id(old), new) for old, new in zip(before, report.violations, strict=True))
        roster.violations[:] = [
            named.get(id(v)) or self._named_violation(member, v) for v in roster.violations
        ]
        roster.policy = self.metadata()
        return roster

    def _named_violation(self, member: Policy, violation: Violation) -> Violation:
        """A version's violation, its message naming the version (`(version "2")`)."""
        if not self.names_versions:
            return violation
        text = Text("version.reason", reason=violation.text, version=member.version or "")
        return attrs.evolve(violation, text=text)

    def _once_per_period(self, found: list[tuple[Policy, Violation]]) -> Iterator[Violation]:
        """Each version's violations, named; a maximum that versions share (one id, one
        number, one PERIOD, one count), which each reports blaming the shifts on its own days,
        given once, blaming all of them (DATA.md §5), with the first version's words and
        naming each version."""
        groups: dict[tuple[Any, ...], list[tuple[Policy, Violation]]] = {}
        for member, violation in found:
            v = violation
            key = (v.rule, v.kind, v.employee, v.start, v.end, v.bound, v.count)
            groups.setdefault(key if v.shifts else (id(v),), []).append((member, v))
        for group in groups.values():
            member, first = group[0]
            if len(group) == 1 or not self.names_versions:
                yield self._named_violation(member, first)
                continue
            shifts = tuple(shift for _, v in group for shift in v.shifts)
            labels = Listing([f'"{m.version or ""}"' for m, _ in group])
            text = Text("version.reason_many", reason=first.text, versions=labels)
            yield attrs.evolve(first, shifts=shifts, text=text)

    def _schedules_across(
        self, listed: list[Schedule], period: Any, max_period_days: int | None
    ) -> tuple[dict[Any, ScheduleReport], dict[Policy, list[Schedule]]]:
        """Each schedule checked across the change (`check`), by employee id; and for each
        version, each schedule's shifts (or parts of shifts) on its days."""
        reports: dict[Any, ScheduleReport] = {}
        by_version: dict[Policy, list[Schedule]] = {member: [] for member in self.members}
        for schedule in listed:
            ident = ident_of(schedule.employee)
            if ident is None:
                raise InputError("id", schedule.employee, Text("input.roster.no_id"))
            if ident in reports:
                raise InputError("employee", ident, Text("input.roster.twice", ident=str(ident)))
            report = self._check_across(
                schedule.employee,
                list(schedule.shifts),
                period,
                list(schedule.absences),
                max_period_days,
            )
            reports[ident] = report
            groups: dict[Policy | None, list[Any]] = {}
            decided: list[Any] = list(report.decisions)
            for decision in decided:
                for part in getattr(decision, "parts", (decision,)):
                    groups.setdefault(part.version, []).append(part.shift)
            zone = employee_zone(schedule.employee, zoneinfo.ZoneInfo(self.timezone))
            split = self._absences_by_version(list(schedule.absences), zone)
            for member in self.members:
                by_version[member].append(
                    Schedule(schedule.employee, groups.get(member, []), split.get(member, []))
                )
        return reports, by_version

    def _merged_roster(
        self, reports: dict[Any, ScheduleReport], by_member: list[tuple[Policy, RosterReport]]
    ) -> RosterReport:
        """Each employee's report across the change, and each version's staffing and share
        rules over its own days, as one report."""
        violations = [v for r in reports.values() for v in r.violations]
        for member, roster in by_member:
            own = {id(v) for r in roster.reports.values() for v in r.violations}
            violations += [
                self._named_violation(member, v) for v in roster.violations if id(v) not in own
            ]
        rosters = [roster for _, roster in by_member]
        spans = [r.days for r in rosters if r.days is not None]
        days = (min(d[0] for d in spans), max(d[1] for d in spans)) if spans else None
        zone = rosters[0].zone if rosters else zoneinfo.ZoneInfo(self.timezone)
        return RosterReport(
            reports,
            violations,
            days,
            zone,
            {day: places for r in rosters for day, places in r.presence.items()},
            {ident: report.employee_name for ident, report in reports.items()},
            self.metadata(),
            groups={ident: g for r in rosters for ident, g in r.groups.items()},
            rules=RuleTexts(r.rules for r in rosters),
            warnings=_unique(w for r in rosters for w in r.warnings),
            coverage=[line for r in rosters for line in r.coverage],
        )

    def _absence_days(self, employee: Any, absences: Iterable[Any]) -> list[dt.date]:
        """The first and last local day of the absences given (any kind: each version reads
        its own kinds on its days)."""
        zone = employee_zone(employee, zoneinfo.ZoneInfo(self.timezone))
        away = read_absences(absences, zone, "absences")
        found = [*away.days, *(part.day for part in away.parts)]
        return [dt.date.fromordinal(min(found)), dt.date.fromordinal(max(found))] if found else []

    def _absences_by_version(
        self, absences: Iterable[Any], zone: zoneinfo.ZoneInfo
    ) -> dict[Policy | None, list[Any]]:
        """Each absence given to the version in force on its day (None: a day with none); a
        range of days across a change of version, day by day, each with its kind."""
        found: dict[Policy | None, list[Any]] = {}
        for value in absences:
            away = read_absences([value], zone, "absences")  # any kind: its days
            days = sorted({*away.days, *(part.day for part in away.parts)})
            members = {self._on_ordinal(day) for day in days}
            if len(members) <= 1:
                found.setdefault(members.pop() if members else None, []).append(value)
                continue
            kind = away.kinds.get(days[0])
            for day in days:
                date = dt.date.fromordinal(day)
                one = date.isoformat() if kind is None else Absence(date, None, kind)
                found.setdefault(self._on_ordinal(day), []).append(one)
        return found

    def _one_version(
        self, period: Any, pairs: list[tuple[Any, Any]], more: Sequence[dt.date] = ()
    ) -> Policy:
        """The one version in force over every day a check may judge: the period, the
        shifts' days and the absences' (`more`), widened to their weeks and months (a limit's
        PERIOD that reaches another version's days is judged by both); an `InputError` when
        there is none."""
        days: list[dt.date] = list(more)
        if period is not None:
            days += [_as_date(d) for d in period]
        for employee, shift in pairs:
            decision = self.members[-1]._decider.decide(employee, shift)
            days += [decision.start.date(), (decision.end - _MICROSECOND).date()]
        if not days:
            return self.members[-1]
        first, last = _widened(min(days), max(days))
        member = self.in_force(first)
        if member is None or self.in_force(last) is not member:
            raise InputError("period", period, _crossing(first, last))
        return member


class LoneVersion(PolicySet):
    """A policy with `effective from` asked about days outside its dates: a set holding it
    alone, so those days are denied with the reason a set gives (`version.none`) and limits
    across its first or last day are judged as a set judges them (DATA.md §5). Its answers
    name no version (there is one) and carry the policy's own metadata and fingerprint, so on
    its days they are the policy's own. `Policy` makes one on first need (`_lone_set`)."""

    names_versions = False

    def __init__(self, policy: Policy) -> None:
        super().__init__([policy])
        self.fingerprint = policy.fingerprint

    def metadata(self) -> dict[str, Any]:
        return self.members[0].metadata()

    def decide_many(self, pairs: Iterable[tuple[Any, Any]]) -> VersionedBatch:
        """The policy's `decide` on each pair: its own decision on its days."""
        if isinstance(pairs, (str, bytes)) or not isinstance(pairs, Iterable):
            raise TypeError(f"decide_many takes (employee, shift) pairs, not {pairs!r}")
        return VersionedBatch([self.members[0].decide(e, s) for e, s in pairs])


answer_outside_dates(LoneVersion)


class ShippedSet:
    """A set of versions as it travels to Dask workers (`flexrules.dask.decide`): each
    version shipped as one policy is (`dask.ShippedPolicy`, compiled at most once per
    process); `policy()` gives the set."""

    def __init__(self, versions: PolicySet) -> None:
        from .dask import ShippedPolicy

        self.members = [ShippedPolicy(member) for member in versions.members]
        self.fingerprint = versions.fingerprint

    def policy(self) -> PolicySet:
        found = _SETS.get(self.fingerprint)
        if found is None:
            found = PolicySet(member.policy() for member in self.members)
            with _SETS_LOCK:
                _SETS[self.fingerprint] = found
                while len(_SETS) > 8:
                    _SETS.pop(next(iter(_SETS)))
        return found


#: the sets rebuilt in this process from shipped versions, by fingerprint (a few)
_SETS: dict[str, PolicySet] = {}
_SETS_LOCK = threading.Lock()


def effective_horizon(policy: Policy) -> tuple[dt.date, dt.date] | None:
    """Lint's horizon for a version (SETTLED.md, "Lint"): its effective period, or the two
    years from its first day when it has no end; None for a policy without `effective from`
    (lint then takes its own default)."""
    start = policy.effective_from
    if start is None:
        return None
    end = policy.effective_until or start + dt.timedelta(days=HORIZON_DAYS - 1)
    return start, end


def lint_versions(
    versions: PolicySet, horizon: tuple[dt.date, dt.date] | None = None
) -> list[tuple[Policy, LintReport]]:
    """Each version linted over its own effective period (or over `horizon` when given)."""
    return [(m, lint(m, horizon or effective_horizon(m))) for m in versions.members]


def reading_policy(policy: Policy | PolicySet) -> Policy:
    """The policy a page shows for a policy or a set (the latest version)."""
    return policy.reading if isinstance(policy, PolicySet) else policy


def _overlaps(members: Sequence[Policy]) -> list[Diagnostic]:
    found = []
    for earlier, later in itertools.pairwise(members):
        end = earlier.effective_until
        start = later.effective_from or dt.date.min
        if end is None or end >= start:
            day = start if start != dt.date.min else (earlier.effective_from or dt.date.min)
            message = Text(
                "version.overlap",
                first=earlier.version or earlier.name,
                first_files=", ".join(earlier.files),
                second=later.version or later.name,
                second_files=", ".join(later.files),
                day=day,
            )
            found.append(error("overlapping-versions", message, None, Text("version.overlap.hint")))
    return found


def _attribute_types(members: Sequence[Policy]) -> list[Diagnostic]:
    found = []
    seen: dict[tuple[str, str], tuple[str, Policy]] = {}
    for member in members:
        for attribute in member.attributes:
            key = (attribute.owner, attribute.name)
            earlier = seen.setdefault(key, (attribute.type, member))
            if earlier[0] != attribute.type:
                message = Text(
                    "version.attribute_types",
                    attribute=attribute.name,
                    first_type=earlier[0],
                    first=earlier[1].version or earlier[1].name,
                    second_type=attribute.type,
                    second=member.version or member.name,
                )
                found.append(
                    error(
                        "attribute-type-changed",
                        message,
                        None,
                        Text("version.attribute_types.hint"),
                    )
                )
    return found


def _joined(found: Sequence[Absences]) -> Absences:
    """Absences read apart (each version its days) as one."""
    return Absences(
        frozenset(day for a in found for day in a.days),
        {day: kind for a in found for day, kind in a.kinds.items()},
        tuple(sorted((p for a in found for p in a.parts), key=lambda p: p.start)),
        frozenset(day for a in found for day in a.work_days),
    )


def _widened(first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    """first..last widened to the weeks (Monday to Sunday) and months they touch: every
    PERIOD of a limit that holds one of their days."""
    try:
        monday = first - dt.timedelta(days=first.weekday())
        sunday = last + dt.timedelta(days=6 - last.weekday())
        after = last.replace(day=28) + dt.timedelta(days=4)
        month_end = after.replace(day=1) - dt.timedelta(days=1)
    except OverflowError:  # the first or last days there are
        return first, last
    return min(monday, first.replace(day=1)), max(sunday, month_end)


def _as_schedule(given: Any) -> Schedule:
    """A `Schedule`; a mapping with `employee`, `shifts` and `absences`; or an `(employee,
    shifts)` pair (LANGUAGE.md §7), as a `Schedule`."""
    if isinstance(given, Schedule):
        return given
    if isinstance(given, Mapping):
        return Schedule(given["employee"], list(given.get("shifts", ())), given.get("absences", ()))
    if isinstance(given, (tuple, list)) and len(given) == 2:
        return Schedule(given[0], list(given[1]))
    raise InputError("schedules", given, Text("input.roster.not_schedule"))


def _unique(warnings: Iterable[Any]) -> tuple[Any, ...]:
    """Warnings given once each (two versions judging one day give the same one)."""
    seen: dict[tuple[Any, ...], Any] = {}
    for warning in warnings:
        seen.setdefault((warning.code, warning.message, warning.field), warning)
    return tuple(seen.values())


def _scope_of(reports: Sequence[ScheduleReport]) -> Scope | None:
    """What the reports of several versions could judge together."""
    scopes = [r.scope for r in reports if r.scope is not None]
    if not scopes:
        return None
    return Scope(scopes[0].period_given, {k: v for s in scopes for k, v in s.rules.items()})


def _clipped(member: Policy, first: dt.date, last: dt.date) -> tuple[dt.date, dt.date] | None:
    """The days of first..last the member is in force, or None."""
    start = max(first, member.effective_from or first)
    end = min(last, member.effective_until or last)
    return (start, end) if start <= end else None


def _crossing(first: dt.date, last: dt.date) -> Text:
    return Text("version.roster_crosses", first=first, last=last)


def _as_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
