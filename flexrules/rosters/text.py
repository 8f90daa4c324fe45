"""Roster and schedule reports as text: what `RosterReport.explain()` and
`ScheduleReport.explain()` return, and what `flexrules roster` and `flexrules schedule` print.

Everything shown comes from the report itself: names, group values and leave from the
roster, numbers from each violation's `bound`, `count` and `size`, the rules' own words from
the report's `rules`. A rule's words are shown once, where it is first broken. Ids, names and
group values come from the input files: control characters in them (an ANSI escape, a bidi
control) are shown escaped (`\\x1b[31m`), never sent to the terminal (`visible`).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any, Protocol

import attrs

from ..engine.decision import Decision
from ..engine.facts import LOCATION_NAMES
from .records import RuleText, Violation


@attrs.frozen
class OnLeave:
    """A shift on a day of the employee's own leave (on the employee's clock)."""

    decision: Decision
    day: dt.date


@attrs.frozen
class Unchecked:
    """A rule a report could judge only in part, or not at all, and why (`rule` None: every
    rule that counts days)."""

    rule: str | None
    kind: str | None
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "kind": self.kind, "message": self.message}


class ScheduleView(Protocol):
    """What the text of a schedule reads of its report (`reports.ScheduleReport`)."""

    @property
    def employee_id(self) -> str | None: ...

    @property
    def employee_name(self) -> str | None: ...

    @property
    def decisions(self) -> Sequence[Decision]: ...

    @property
    def violations(self) -> Sequence[Violation]: ...

    @property
    def zone(self) -> zoneinfo.ZoneInfo: ...

    @property
    def absences(self) -> tuple[dt.date, ...]: ...

    @property
    def policy(self) -> Mapping[str, Any]: ...

    @property
    def rules(self) -> Mapping[str, RuleText]: ...

    @property
    def allowed(self) -> bool: ...

    @property
    def shifts_on_leave(self) -> tuple[OnLeave, ...]: ...

    @property
    def not_checked(self) -> tuple[Unchecked, ...]: ...

    @property
    def to_follow_up(self) -> bool: ...


class RosterView(Protocol):
    """What the text of a roster reads of its report (`reports.RosterReport`)."""

    @property
    def reports(self) -> Mapping[str, ScheduleView]: ...

    @property
    def violations(self) -> Sequence[Violation]: ...

    @property
    def days(self) -> tuple[int, int] | None: ...

    @property
    def zone(self) -> zoneinfo.ZoneInfo: ...

    @property
    def presence(self) -> Mapping[dt.date, Mapping[str, Sequence[str]]]: ...

    @property
    def names(self) -> Mapping[str, str | None]: ...

    @property
    def groups(self) -> Mapping[str, Mapping[str, Any]]: ...

    @property
    def absences(self) -> Mapping[str, tuple[dt.date, ...]]: ...

    @property
    def policy(self) -> Mapping[str, Any]: ...

    @property
    def rules(self) -> Mapping[str, RuleText]: ...

    @property
    def allowed(self) -> bool: ...

    @property
    def not_checked(self) -> tuple[Unchecked, ...]: ...


_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
#: where people are on a day, in the order and words a day's line uses
_PLACES = (("office", "on site"), ("home", "home"), ("anywhere", "anywhere"))


# ---- a roster -----------------------------------------------------------------------------


def roster_text(report: RosterView, *, first_days: int | None = None, summary: bool = False) -> str:
    """A summary, each day (who is where, who is on leave, coverage gaps and shares over their
    limit), then each employee with a denied shift, a broken limit or a shift on leave, then
    what could not be checked.

    With `first_days`, only that many days are shown in full, then only the days with a
    coverage gap or a share over its limit. With `summary`, the summary and what could not be
    checked, nothing else."""
    rules = _RuleWords(report.rules)

    def who(ident: str) -> str:
        name = report.names.get(ident)
        return visible(f"{ident} {name}" if name else ident)

    people = sorted(ident for ident, r in report.reports.items() if r.to_follow_up)
    lines = _roster_head(report, len(people))
    if not summary:
        if report.days is not None:
            lines += ["", f"Day by day ({report.zone.key} clock; on site, away, on leave)"]
            lines += _days(report, report.days, first_days, who, rules)
        lines += _follow_up(report, people, who, rules)
    return "\n".join(lines + _not_checked(report.not_checked))


def _roster_head(report: RosterView, people: int) -> list[str]:
    """The status, the policy and the counts."""
    decisions = [d for r in report.reports.values() for d in r.decisions]
    denied = sum(1 for d in decisions if not d.allowed)
    kinds = [v.kind for v in report.violations]
    on_leave = sum(len(r.shifts_on_leave) for r in report.reports.values())
    counts = _problem_counts(
        kinds.count("staffing"),
        kinds.count("share"),
        (kinds.count("limit"), kinds.count("presence")),
        people,
        on_leave,
    )
    if counts is None:
        counts = _NOTHING_WRONG if not report.not_checked else _NOTHING_WRONG_IN_WHAT_WAS_CHECKED
    return [
        f"{_status(report.allowed)}  roster of {_count(len(report.reports), 'employee')}"
        + (f", {_day(report.days[0])} to {_day(report.days[1])}" if report.days else "")
        + f" ({report.zone.key})",
        *_policy_line(report.policy),
        f"  {_count(len(decisions), 'shift')}, {denied} denied; {counts}",
    ]


_NOTHING_WRONG = "no problems found"
_NOTHING_WRONG_IN_WHAT_WAS_CHECKED = (
    "nothing wrong found, but not everything could be checked (see below)"
)


def _follow_up(
    report: RosterView, people: list[str], who: Callable[[str], str], rules: _RuleWords
) -> list[str]:
    """Each employee with something to act on, placed by their group values."""
    if not people:
        return ["", "No employee has a denied shift or a broken limit."]
    lines = ["", f"Employees to follow up ({len(people)})"]
    for ident in people:
        values = [f"{name} {value}" for name, value in report.groups.get(ident, {}).items()]
        shown = f" ({visible(', '.join(values))})" if values else ""
        lines += ["", f"  {who(ident)}{shown}"]
        lines += _employee(report.reports[ident], "    ", rules)
    return lines


def _not_checked(items: Sequence[Unchecked]) -> list[str]:
    """What a report could not judge, and why, at its end."""
    if not items:
        return []
    return [
        "",
        "Not checked on every day, as no period was given (with one, each of its days is)",
        *(f"  ? {item.message}" for item in items),
    ]


class ScopeView(Protocol):
    """What a report could judge (`reports.Scope`): whether a period was given, and the rules
    that need one, by id with their kind."""

    @property
    def period_given(self) -> bool: ...

    @property
    def rules(self) -> Mapping[str, str]: ...


def unchecked(
    scope: ScopeView | None,
    rules: Mapping[str, RuleText],
    days: tuple[dt.date, ...] | None,
    *,
    minimums_only: bool,
) -> tuple[Unchecked, ...]:
    """What a report could not judge for every day: `scope` (`reports.Scope`, or None when
    not known) gives whether a period was given and the rules that need one; `days` the first
    and last day a roster's staffing and shares were checked (None: none)."""
    if scope is None:
        if minimums_only or days is not None or not any(r.amount for r in rules.values()):
            return ()
        return (Unchecked(None, None, "no day was checked: no period was given and no shifts"),)
    if scope.period_given:
        return ()
    found = []
    for ident, kind in scope.rules.items():
        info = rules.get(ident)
        label = _rule_label(ident, info.title if info is not None else None)
        if kind in ("day minimum", "hour minimum", "core hours", "start window"):
            found.append(Unchecked(ident, kind, f"{label}: {_ONLY_WITH_SHIFTS}"))
        elif not minimums_only:
            found.append(Unchecked(ident, kind, f"{label}: {_group_days(days)}"))
    return tuple(found)


_ONLY_WITH_SHIFTS = (
    "checked only for the days, weeks or months in which the employee has a shift; one with "
    "no shift at all was not checked"
)


def _group_days(days: tuple[dt.date, ...] | None) -> str:
    if days is None:
        return "not checked on any day: there are no shifts"
    if days[0] == days[-1]:
        return f"checked only on {_day(days[0])}, the day the shifts cover"
    return f"checked only from {_day(days[0])} to {_day(days[-1])}, the days the shifts cover"


def _days(
    report: RosterView,
    days: tuple[int, int],
    first_days: int | None,
    who: Callable[[str], str],
    rules: _RuleWords,
) -> list[str]:
    problems: dict[dt.date, list[Violation]] = defaultdict(list)
    for violation in report.violations:
        if violation.kind in ("staffing", "share"):
            problems[violation.start.date()].append(violation)
    leave: dict[dt.date, list[str]] = defaultdict(list)
    for ident, absences in report.absences.items():
        for day in absences:
            leave[day].append(ident)
    lines: list[str] = []
    skipped = 0
    clashes = _leave_clashes_by_day(report)
    for ordinal in range(days[0], days[1] + 1):
        day = dt.date.fromordinal(ordinal)
        shown = first_days is None or ordinal - days[0] < first_days
        if not shown and not problems.get(day) and not clashes.get(day):
            skipped += 1
            continue
        if skipped:
            lines.append(_left_out(skipped))
            skipped = 0
        lines += _day_lines(
            day,
            report.presence.get(day, {}),
            sorted(leave.get(day, [])),
            problems.get(day, []),
            who,
            rules,
        )
        lines += [
            f"  ! on leave, yet has a shift: {who(ident)} ({_shift_when(clash.decision)})"
            for ident, clash in clashes.get(day, [])
        ]
    if skipped:
        lines.append(_left_out(skipped))
    return lines


def _leave_clashes_by_day(report: RosterView) -> dict[dt.date, list[tuple[str, OnLeave]]]:
    """Shifts on a day of leave, by that day, in employee id order."""
    found: dict[dt.date, list[tuple[str, OnLeave]]] = defaultdict(list)
    for ident in sorted(report.reports):
        for clash in report.reports[ident].shifts_on_leave:
            found[clash.day].append((ident, clash))
    return found


def _left_out(days: int) -> str:
    return f"  ... {_count(days, 'day')} without coverage or share problems left out"


def _day_lines(
    day: dt.date,
    where: Mapping[str, Sequence[str]],
    leave: list[str],
    problems: list[Violation],
    who: Callable[[str], str],
    rules: _RuleWords,
) -> list[str]:
    counts = [f"{word} {len(where[place])}" for place, word in _PLACES if where.get(place)]
    if leave:
        counts.append(f"on leave {len(leave)}")
    lines = [f"{_day(day)}  " + (", ".join(counts) if counts else "nobody scheduled")]
    for place, _word in _PLACES[1:]:
        if where.get(place):
            lines.append(f"    {place}: " + ", ".join(who(i) for i in sorted(where[place])))
    if leave:
        lines.append("    on leave: " + ", ".join(who(i) for i in leave))
    for violation in problems:
        lines.append("  ! " + _group_problem(violation, who, rules))
        lines += rules.line(violation.rule, "      ")
    return lines


def _group_problem(violation: Violation, who: Callable[[str], str], rules: _RuleWords) -> str:
    """A coverage gap or a share over its limit, in numbers taken from the violation."""
    label = _rule_label(violation.rule, violation.title)
    present = [who(i) for i in violation.present or ()]
    group = f" in {visible(str(violation.group))}" if violation.group is not None else ""
    count, bound = violation.count, violation.bound
    if violation.kind == "staffing" and count is not None and bound is not None:
        there = ": " + ", ".join(present) if present else ""
        return (
            f"{label}: {_span(violation.start, violation.end)}{group} {_number(count)} "
            f"present, {_number(bound)} needed{there}"
        )
    if (
        violation.kind == "share"
        and count is not None
        and bound is not None
        and violation.size is not None
    ):
        percent = rules.amount(violation.rule)
        share = f" ({_number(percent)}%)" if percent is not None else ""
        return (
            f"{label}:{group} {_number(count)} of {violation.size} away, at most "
            f"{_number(bound)} allowed{share}: " + ", ".join(present)
        )
    return f"{label}: {violation.message}"


def _problem_counts(
    gaps: int, shares: int, broken: tuple[int, int], people: int, on_leave: int
) -> str | None:
    """The problems found, counted; None when there are none."""
    if not (gaps or shares or people):
        return None
    parts = []
    if gaps:
        parts.append(_count(gaps, "coverage gap"))
    if shares:
        parts.append(
            "1 group over its share" if shares == 1 else f"{shares} groups over their share"
        )
    if people:
        limits, presence = broken
        kinds = ", ".join(
            ([_count(limits, "broken limit")] if limits else [])
            + ([_flexible_time(presence)] if presence else [])
        )
        parts.append(
            f"{_count(people, 'employee')} to follow up" + (f" ({kinds})" if kinds else "")
        )
    if on_leave:
        parts.append(_count(on_leave, "shift") + " on a day of leave")
    return "; ".join(parts)


def _flexible_time(count: int, lead: str = "") -> str:
    """`1 flexible-time violation` (core hours or a start window missed); empty for none."""
    return f"{lead}{_count(count, 'flexible-time violation')}" if count else ""


# ---- one employee's schedule ------------------------------------------------------------


def schedule_text(report: ScheduleView, *, summary: bool = False) -> str:
    """A summary of the shifts and leave, then only what is wrong: each denied shift with its
    reasons, each limit broken with the shifts it blames, each shift on a day of leave, and
    each rule's own words once; then what could not be checked. With `summary`, the first
    lines and what could not be checked."""
    named = " ".join(x for x in (report.employee_id, report.employee_name) if x)
    who = visible(named) or "employee"
    denied = [d for d in report.decisions if not d.allowed]
    kinds = [v.kind for v in report.violations]
    lines = [
        f"{_status(report.allowed)}  schedule of {who} ({report.zone.key}): "
        f"{_count(len(report.decisions), 'shift')}, {len(denied)} denied, "
        f"{_count(kinds.count('limit'), 'limit violation')}"
        + _flexible_time(kinds.count("presence"), ", ")
        + (
            f", {_count(len(report.shifts_on_leave), 'shift')} on leave"
            if report.shifts_on_leave
            else ""
        ),
        *_policy_line(report.policy),
        "  " + _shift_summary(report.decisions, len(denied)),
    ]
    if not summary:
        lines += _employee(report, "  ", _RuleWords(report.rules))
    return "\n".join(lines + _not_checked(report.not_checked))


def _shift_summary(decisions: Sequence[Decision], denied: int) -> str:
    """`23 shifts, Tue 2025-07-01 to Thu 2025-07-31: 22 allowed, 1 denied`."""
    if not decisions:
        return "no shifts"
    days = sorted(d.start.date() for d in decisions)
    when = _day(days[0]) + (f" to {_day(days[-1])}" if days[-1] != days[0] else "")
    total = len(decisions)
    if not denied:
        outcome = "allowed" if total == 1 else "all allowed"
    elif denied == total:
        outcome = "denied" if total == 1 else "all denied"
    else:
        outcome = f"{total - denied} allowed, {denied} denied"
    return f"{_count(total, 'shift')}, {when}: {outcome}"


def _employee(report: ScheduleView, pad: str, rules: _RuleWords) -> list[str]:
    """An employee's leave, denied shifts and broken limits, indented by `pad`."""
    lines = []
    if report.absences:
        lines.append(f"{pad}on leave: {_day_ranges(report.absences)}")
    for decision in report.decisions:
        if decision.allowed:
            continue
        lines.append(f"{pad}DENIED {_shift_when(decision)}")
        for reason in decision.reasons:
            span = decision.clock(reason.start_seconds, reason.end_seconds)
            place = reason.source
            source = f" ({place.short})" if place is not None else ""
            because = reason.because()
            lines.append(
                f"{pad}  {span} {reason.message}{source}"
                + (f": because {because}" if because else "")
            )
            if reason.rule is not None:  # under a reason that names the source already
                lines += rules.line(reason.rule, pad + "    ", where=False)
    by_shift = {id(d.shift): d for d in report.decisions}
    for violation in report.violations:
        lines.append(f"{pad}! {_rule_label(violation.rule, violation.title)}: {violation.message}")
        for shift in violation.shifts:
            match = by_shift.get(id(shift))
            if match is not None:
                lines.append(f"{pad}    the shift of {_shift_when(match)}")
        lines += rules.line(violation.rule, pad + "  ")
    for clash in report.shifts_on_leave:
        lines.append(
            f"{pad}! on leave on {_day(clash.day)}, yet has the shift of "
            f"{_shift_when(clash.decision)}"
        )
    return lines


# ---- shared pieces ----------------------------------------------------------------------


class _RuleWords:
    """The rules' own words, each given once: the first time a rule is named in a report."""

    def __init__(self, rules: Mapping[str, RuleText]) -> None:
        self.rules = rules
        self.seen: set[str] = set()

    def amount(self, rule: str) -> Fraction | None:
        info = self.rules.get(rule)
        return info.amount if info is not None else None

    def line(self, rule: str, pad: str, *, where: bool = True) -> list[str]:
        """`rule: WORDS (file:line) [citation]`, or nothing when already given or unknown."""
        info = self.rules.get(rule)
        if rule in self.seen or info is None:
            return []
        self.seen.add(rule)
        source = f" ({info.source.short})" if where else ""
        cite = f" [{info.citation}]" if info.citation else ""
        return [f"{pad}rule: {info.text}{source}{cite}"]


def visible(text: str) -> str:
    """Text from an input file as it may be printed: control and format characters (an ANSI
    escape, a bidi control, a zero-width space), line breaks and other invisible characters
    escaped as Python writes them (`\\x1b`, `\\u202e`); ordinary text, accents and non-Latin
    scripts as they are."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else _escape(ch) for ch in text)


def _escape(ch: str) -> str:
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _status(allowed: bool) -> str:
    return "ALLOWED" if allowed else "NOT ALLOWED"


def _policy_line(policy: Mapping[str, Any]) -> list[str]:
    name = policy.get("name")
    if not name:
        return []
    version = policy.get("version")
    return [f"  {name}" + (f" (version {version})" if version else "")]


def _rule_label(rule: str, title: str | None) -> str:
    return rule + (f' "{title}"' if title else "")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _number(value: Fraction | int) -> str:
    """`2`, `7.5`, `12.5`: whole numbers without a point, others to two places at most."""
    if isinstance(value, int) or value.denominator == 1:
        return str(int(value))
    return f"{float(value):.2f}".rstrip("0").rstrip(".")


def _day(day: dt.date | int) -> str:
    date = dt.date.fromordinal(day) if isinstance(day, int) else day
    return f"{_WEEKDAYS[date.weekday()]} {date.isoformat()}"


def _day_ranges(days: Iterable[dt.date]) -> str:
    """`Mon 2025-07-07 to Fri 2025-07-11, Wed 2025-07-16`: runs of days joined."""
    runs: list[list[dt.date]] = []
    for day in sorted(days):
        if runs and (day - runs[-1][-1]).days == 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return ", ".join(
        _day(run[0]) + (f" to {_day(run[-1])}" if len(run) > 1 else "") for run in runs
    )


def _span(start: dt.datetime, end: dt.datetime) -> str:
    """`08:00-10:00`; an end at the next midnight is `24:00`."""
    last = "24:00" if end.date() > start.date() and end.time() == dt.time() else f"{end:%H:%M}"
    return f"{start:%H:%M}-{last}"


def _shift_when(decision: Decision) -> str:
    start = decision.start
    return (
        f"{_day(start.date())} {decision.clock(decision.start_seconds, decision.end_seconds)} "
        f"{LOCATION_NAMES[decision.location]}"
    )
