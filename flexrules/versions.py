"""Policies that change on a date (DATA.md §5): a set of versions, each in force on its days.

A regulation replaced on 1 July is two policies, each with `effective from ... [until ...]` in
its header. `load_policies` loads them together as a `PolicySet`, which decides each shift by
the version in force on its local day, and names that version in every reason. A day on which
no version is in force is denied, with a reason saying so; versions whose days overlap, or
that give one attribute two types, are refused at load.

What is not done yet (docs/versions.md): a shift that crosses the change of version at
midnight is refused with an `InputError` asking to split it; `check` and `check_roster`
across a change apply each version's limits within its own days (not pro-rated).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from .api import compile_policy, load_policy
from .clock.calendar import Calendar
from .core.diagnostics import Diagnostic, error
from .core.errors import InputError, PolicyError
from .core.messages import Text, say
from .engine.decision import Decision, Reason
from .policy import Policy, RuleInfo
from .rosters.records import Schedule, ident_of
from .rosters.reports import RosterReport, ScheduleReport

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
        """The version that types the values of files (the latest: every version declares
        each attribute with one type, so typing agrees; see docs/versions.md)."""
        return self.members[-1]

    @property
    def rules(self) -> tuple[RuleInfo, ...]:
        """Every version's rules, each id once (the latest version's)."""
        found = {rule.id: rule for member in self.members for rule in member.rules}
        return tuple(found.values())

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

    def decide(self, employee: Any, shift: Any) -> VersionedDecision:
        """Decide a shift by the version in force on its local day; denied, with a reason
        saying so, on a day no version is in force. A shift whose days are in force under two
        versions (or one and none) is an `InputError`: split it at midnight."""
        probe = self.members[-1].decide(employee, shift)
        first = probe.start_seconds // _DAY_SECONDS
        member = self._on_ordinal(first)
        if member is not self._on_ordinal((probe.end_seconds - 1) // _DAY_SECONDS):
            last = dt.date.fromordinal((probe.end_seconds - 1) // _DAY_SECONDS)
            raise InputError("shift", shift, say("version.crosses_midnight", "en", day=last))
        if member is None:
            return VersionedDecision(self._gap_policy().decide(employee, shift), None, self)
        decision = probe if member is self.members[-1] else member.decide(employee, shift)
        return VersionedDecision(decision, member, self)

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
        """`Policy.check` by the version in force on each day: within one version, that
        version's report; across a change of version, each version checks its own shifts
        over its own days of the period and the reports are put together (limits are applied
        within each version's days; see docs/versions.md). A shift on a day no version is in
        force is denied, saying so."""
        listed, leave = list(shifts), list(absences)
        try:
            member = self._one_version(period, [(employee, s) for s in listed])
        except InputError:
            pass
        else:
            return member.check(employee, listed, period, leave, max_period_days=max_period_days)
        groups: dict[Policy | None, list[Any]] = {}
        for shift in listed:
            groups.setdefault(self._version_of(employee, shift), []).append(shift)
        reports: list[ScheduleReport] = []
        for member in self.members:
            days = None if period is None else _clipped(member, *(_as_date(d) for d in period))
            mine = groups.get(member, [])
            if (period is None and not mine) or (period is not None and days is None):
                continue
            reports.append(
                member.check(employee, mine, days, leave, max_period_days=max_period_days)
            )
        gaps = [self.decide(employee, shift) for shift in groups.get(None, [])]
        return self._merged(employee, reports, gaps)

    def _merged(
        self, employee: Any, reports: list[ScheduleReport], gaps: list[VersionedDecision]
    ) -> ScheduleReport:
        """One employee's reports by several versions, and the shifts no version decides,
        as one report: every decision naming its version."""
        decisions: list[Any] = [
            VersionedDecision(d, self.in_force(d.start.date()), self)
            for r in reports
            for d in r.decisions
        ] + gaps
        decisions.sort(key=lambda d: d.start)
        zone = reports[0].zone if reports else gaps[0].zone
        rules = {k: v for r in reports for k, v in r.rules.items()}
        return ScheduleReport(
            employee,
            decisions,
            [v for r in reports for v in r.violations],
            zone,
            absences=[d for r in reports for d in r.absences],
            policy=self.metadata(),
            rules=rules,
            away=reports[0].away if reports else None,
            warnings=tuple(w for r in reports for w in r.warnings),
        )

    def _version_of(self, employee: Any, shift: Any) -> Policy | None:
        """The version in force on a shift's local days; an `InputError` when it crosses a
        change of version at midnight."""
        probe = self.members[-1].decide(employee, shift)
        member = self._on_ordinal(probe.start_seconds // _DAY_SECONDS)
        last = (probe.end_seconds - 1) // _DAY_SECONDS
        if member is not self._on_ordinal(last):
            day = dt.date.fromordinal(last)
            raise InputError("shift", shift, say("version.crosses_midnight", "en", day=day))
        return member

    def check_roster(
        self,
        schedules: Iterable[Any],
        period: Any = None,
        headcount: Mapping[Any, int] | None = None,
        *,
        max_period_days: int | None = None,
    ) -> RosterReport:
        """`Policy.check_roster` by the version in force on each day: within one version,
        that version's report; across a change of version, each version checks the shifts on
        its own days over its own days of the period (staffing and shares too), and the
        reports are put together, every decision naming its version."""
        listed = [_as_schedule(s) for s in schedules]
        pairs = [(s.employee, shift) for s in listed for shift in s.shifts]
        try:
            member = self._one_version(period, pairs)
        except InputError:
            pass
        else:
            return member.check_roster(listed, period, headcount, max_period_days=max_period_days)
        by_version: dict[Policy | None, list[Schedule]] = {}
        for schedule in listed:
            groups: dict[Policy | None, list[Any]] = {}
            for shift in schedule.shifts:
                groups.setdefault(self._version_of(schedule.employee, shift), []).append(shift)
            for version, shifts in groups.items():
                by_version.setdefault(version, []).append(
                    Schedule(schedule.employee, shifts, schedule.absences)
                )
        rosters: list[RosterReport] = []
        for member in self.members:
            days = None if period is None else _clipped(member, *(_as_date(d) for d in period))
            mine = by_version.get(member, [])
            if (period is None and not mine) or (period is not None and days is None):
                continue
            rosters.append(
                member.check_roster(mine, days, headcount, max_period_days=max_period_days)
            )
        gaps: dict[Any, tuple[Any, list[VersionedDecision]]] = {}
        for schedule in by_version.get(None, []):
            decided = [self.decide(schedule.employee, shift) for shift in schedule.shifts]
            ident = ident_of(schedule.employee)
            gaps.setdefault(ident, (schedule.employee, []))[1].extend(decided)
        return self._merged_roster(rosters, gaps)

    def _merged_roster(
        self, rosters: list[RosterReport], gaps: dict[Any, tuple[Any, list[VersionedDecision]]]
    ) -> RosterReport:
        """The rosters of several versions, and the shifts no version decides, as one."""
        by_id: dict[Any, list[ScheduleReport]] = {}
        employees: dict[Any, Any] = {ident: employee for ident, (employee, _) in gaps.items()}
        for roster in rosters:
            for ident, report in roster.reports.items():
                by_id.setdefault(ident, []).append(report)
                employees[ident] = report.employee
        reports = {
            ident: self._merged(
                employees[ident], by_id.get(ident, []), gaps.get(ident, (None, []))[1]
            )
            for ident in dict.fromkeys([*by_id, *gaps])
        }
        spans = [r.days for r in rosters if r.days is not None]
        days = (min(d[0] for d in spans), max(d[1] for d in spans)) if spans else None
        zone = rosters[0].zone if rosters else next(iter(reports.values())).zone
        return RosterReport(
            reports,
            [v for r in rosters for v in r.violations],
            days,
            zone,
            {day: places for r in rosters for day, places in r.presence.items()},
            {ident: name for r in rosters for ident, name in r.names.items()},
            self.metadata(),
            groups={ident: g for r in rosters for ident, g in r.groups.items()},
            rules={k: v for r in rosters for k, v in r.rules.items()},
            warnings=tuple(w for r in rosters for w in r.warnings),
            coverage=[line for r in rosters for line in r.coverage],
        )

    def _one_version(self, period: Any, pairs: list[tuple[Any, Any]]) -> Policy:
        days: list[dt.date] = []
        if period is not None:
            first, last = (_as_date(d) for d in period)
            days += [first, last]
            if any(_changes_between(m, first, last) for m in self.members):
                raise InputError("period", period, _crossing(first, last))
        for employee, shift in pairs:
            decision = self.members[-1].decide(employee, shift)
            days += [decision.start.date(), (decision.end - _MICROSECOND).date()]
        if not days:
            return self.members[-1]
        first, last = min(days), max(days)
        member = self.in_force(first)
        if member is None or any(self.in_force(d) is not member for d in days):
            raise InputError("period", period, _crossing(first, last))
        if _changes_between(member, first, last):
            raise InputError("period", period, _crossing(first, last))
        return member


class VersionedDecision:
    """A `Decision` by one version of a set, or a denial on a day none is in force: the same
    attributes, with each reason naming the version and `explain()` saying which decided."""

    __slots__ = ("_decision", "_set", "version")

    def __init__(self, decision: Decision, version: Policy | None, owner: PolicySet) -> None:
        self._decision = decision
        #: the version that decided, or None on a day no version is in force
        self.version = version
        self._set = owner

    def __getattr__(self, name: str) -> Any:
        return getattr(self._decision, name)

    def __bool__(self) -> bool:
        return self.allowed

    @property
    def allowed(self) -> bool:
        return self.version is not None and self._decision.allowed

    @property
    def decision(self) -> Decision:
        """The version's own decision (the gap policy's on a day none is in force)."""
        return self._decision

    def __repr__(self) -> str:
        return f"<VersionedDecision {'allowed' if self.allowed else 'denied'} {self.reasons!r}>"

    @property
    def reasons(self) -> tuple[VersionedReason, ...]:
        return tuple(VersionedReason(r, self) for r in self._decision.reasons)

    def reason_text(self, reason: Text) -> Text:
        """A reason's words with the version named, or why no version decided."""
        if self.version is None:
            return Text("version.none", name=self._set.name, day=self._decision.start.date())
        return Text("version.reason", reason=reason, version=self.version.version or "")

    def explain(self, language: str | None = None) -> str:
        chosen = self._decision._language(language)
        lines = self._decision.explain(chosen).split("\n")
        if self.version is None:
            extra = say(
                "explain.default",
                chosen,
                span=self._decision.span_text(
                    self._decision.start_seconds, self._decision.end_seconds
                ),
                outcome=Text("run.denied"),
                message=self.reason_text(Text("run.denied")),
            )
            return "\n".join([lines[0], extra])
        member = self.version
        start, end = member.effective_from, member.effective_until
        if start is None:
            days = Text("version.days.always")
        elif end is None:
            days = Text("version.days.from", start=start)
        else:
            days = Text("version.days.between", start=start, end=end)
        line = say(
            "version.explain", chosen, version=member.version or "", name=member.name, days=days
        )
        return "\n".join([lines[0], line, *lines[1:]])

    def to_dict(
        self,
        *,
        policy: bool = True,
        pieces: bool = True,
        language: str | None = None,
        alternatives: bool = False,
    ) -> dict[str, Any]:
        chosen = self._decision._language(language)
        found = self._decision.to_dict(
            policy=policy,
            pieces=False,
            language=chosen,
            alternatives=alternatives and self.version is not None,
        )
        found["allowed"] = self.allowed
        found["version"] = self.version.version if self.version is not None else None
        if policy:
            found["policy"] = dict(found["policy"]) | {"set": self._set.fingerprint}
        found["reasons"] = [r.to_dict(chosen) for r in self.reasons]
        if pieces:
            found["pieces"] = [
                {
                    "start": start.isoformat(),
                    "end": end.isoformat(),
                    "allowed": allowed and self.version is not None,
                    "reasons": [VersionedReason(r, self).to_dict(chosen) for r in reasons],
                }
                for start, end, allowed, reasons in self._decision.pieces()
            ]
        return found


class VersionedReason:
    """A version's reason, with the version named in its message."""

    __slots__ = ("_decision", "_reason")

    def __init__(self, reason: Reason, decision: VersionedDecision) -> None:
        self._reason = reason
        self._decision = decision

    def __getattr__(self, name: str) -> Any:
        return getattr(self._reason, name)

    @property
    def effect(self) -> str:
        return "deny" if self._decision.version is None else self._reason.effect

    @property
    def rule(self) -> str | None:
        return None if self._decision.version is None else self._reason.rule

    @property
    def message_text(self) -> Text:
        return self._decision.reason_text(self._reason.message_text)

    @property
    def message(self) -> str:
        return self.message_for(None)

    def message_for(self, language: str | None) -> str:
        chosen = self._decision._decision._language(language)
        return self.message_text.render(chosen)

    def to_dict(self, language: str | None = None) -> dict[str, Any]:
        found = self._reason.to_dict(language)
        found["message"] = self.message_for(language)
        found["effect"] = self.effect
        return found

    def __repr__(self) -> str:
        version = self._decision.version
        label = f"version {version.version!r}" if version is not None else "no version"
        return f"<Reason {self.effect} {self.rule or 'default'} ({label})>"


def reading_policy(policy: Policy | PolicySet) -> Policy:
    """The policy that types the values read from files for a policy or a set."""
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


def _changes_between(member: Policy, first: dt.date, last: dt.date) -> bool:
    """Whether the member's days begin or end strictly inside first..last."""
    start, end = member.effective_from, member.effective_until
    return bool((start and first < start <= last) or (end and first <= end < last))


def _as_schedule(given: Any) -> Schedule:
    """A `Schedule`, or a mapping with `employee`, `shifts` and `absences`, as a `Schedule`."""
    if isinstance(given, Schedule):
        return given
    if isinstance(given, Mapping):
        return Schedule(given["employee"], list(given.get("shifts", ())), given.get("absences", ()))
    raise TypeError(f"a schedule is a Schedule or a mapping, not {given!r}")


def _clipped(member: Policy, first: dt.date, last: dt.date) -> tuple[dt.date, dt.date] | None:
    """The days of first..last the member is in force, or None."""
    start = max(first, member.effective_from or first)
    end = min(last, member.effective_until or last)
    return (start, end) if start <= end else None


def _crossing(first: dt.date, last: dt.date) -> str:
    return say("version.roster_crosses", "en", first=first, last=last)


def _as_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
