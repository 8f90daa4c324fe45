"""Roster and schedule reports as text: what `RosterReport.explain()` and
`ScheduleReport.explain()` return, and what `flexrules roster` and `flexrules schedule` print.

Everything shown comes from the report itself: names, group values and leave from the
roster, numbers from each violation's `bound`, `count` and `size`, the rules' own words from
the report's `rules`. A rule's words are shown once, where it is first broken. Ids, names and
group values come from the input files: control characters in them (an ANSI escape, a bidi
control) are shown escaped (`\\x1b[31m`), never sent to the terminal (`visible`).

Every line is a catalog text (`core.messages.reports`), rendered in the language asked for;
names, values, titles and the rules' own words are shown as written.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any, Protocol

import attrs

from ..clock.calendar import DAY
from ..core.messages import Clock, Count, Listing, Text, Zone, say
from ..engine.decision import Decision
from ..engine.facts import LOCATION_NAMES
from ..engine.notices import DecisionWarning
from .absences import Absences
from .records import RuleText, Violation, rule_words


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
    #: why, as a catalog text read in any language
    text: Text

    @property
    def message(self) -> str:
        """Why, in English."""
        return self.text.render("en")

    def message_for(self, language: str) -> str:
        return self.text.render(language)

    def to_dict(self, language: str = "en") -> dict[str, Any]:
        return {"rule": self.rule, "kind": self.kind, "message": self.text.render(language)}


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
    def warnings(self) -> Sequence[DecisionWarning]: ...

    @property
    def policy(self) -> Mapping[str, Any]: ...

    @property
    def rules(self) -> Mapping[str, RuleText]: ...

    @property
    def allowed(self) -> bool: ...

    @property
    def shifts_on_leave(self) -> tuple[OnLeave, ...]: ...

    @property
    def away(self) -> Absences: ...

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
    def warnings(self) -> Sequence[DecisionWarning]: ...

    @property
    def policy(self) -> Mapping[str, Any]: ...

    @property
    def rules(self) -> Mapping[str, RuleText]: ...

    @property
    def allowed(self) -> bool: ...

    @property
    def not_checked(self) -> tuple[Unchecked, ...]: ...


#: where people are on a day, in the order a day's line counts them, with the words it uses
_PLACES = (
    ("office", "count.office", None),
    ("home", "count.home", "who.home"),
    ("anywhere", "count.anywhere", "who.anywhere"),
)
#: a shift's location (`LOCATION_NAMES`) as a report line names it
_PLACE_WORDS = {
    "office": Text("place.office"),
    "home": Text("place.home"),
    "anywhere": Text("place.anywhere"),
}


# ---- a roster -----------------------------------------------------------------------------


def roster_text(
    report: RosterView,
    *,
    first_days: int | None = None,
    summary: bool = False,
    language: str = "en",
) -> str:
    """A summary, each day (who is where, who is on leave, coverage gaps and shares over their
    limit), then each employee with a denied shift, a broken limit or a shift on leave, then
    what could not be checked; in `language`.

    With `first_days`, only that many days are shown in full, then only the days with a
    coverage gap or a share over its limit. With `summary`, the summary and what could not be
    checked, nothing else."""
    page = _Page(report.rules, language)

    def who(ident: str) -> str:
        name = report.names.get(ident)
        return visible(f"{ident} {name}" if name else ident)

    people = sorted(ident for ident, r in report.reports.items() if r.to_follow_up)
    lines = _roster_head(report, len(people), page)
    lines += [page.say("report.warning", message=w.text or w.message) for w in report.warnings]
    if not summary:
        if report.days is not None:
            lines += ["", page.say("roster.by_day", zone=Zone(report.zone.key))]
            lines += _days(report, report.days, first_days, who, page)
        lines += _follow_up(report, people, who, page)
    return "\n".join(lines + _not_checked(report.not_checked, page))


def _roster_head(report: RosterView, people: int, page: _Page) -> list[str]:
    """The status, the policy and the counts."""
    decisions = [d for r in report.reports.values() for d in r.decisions]
    denied = sum(1 for d in decisions if not d.allowed)
    kinds = [v.kind for v in report.violations]
    on_leave = sum(len(r.shifts_on_leave) for r in report.reports.values())
    counts: Listing | Text | None = _problem_counts(
        kinds.count("staffing"),
        kinds.count("share"),
        _broken(kinds.count("limit"), kinds.count("presence")),
        people,
        on_leave,
    )
    if counts is None:
        quiet = "roster.nothing_wrong" if not report.not_checked else "roster.nothing_wrong_checked"
        counts = Text(quiet)
    days = ""
    if report.days:
        first, last = (dt.date.fromordinal(day) for day in report.days)
        days = page.say("roster.days", first=first, last=last)
    return [
        page.say(
            "roster.head",
            status=_status(report.allowed),
            employees=Count(len(report.reports), "noun.employee"),
            days=days,
            zone=Zone(report.zone.key),
        ),
        *_policy_line(report.policy, page),
        page.say(
            "roster.counts",
            shifts=Count(len(decisions), "noun.shift"),
            denied=denied,
            problems=counts,
        ),
    ]


def _follow_up(
    report: RosterView, people: list[str], who: Callable[[str], str], page: _Page
) -> list[str]:
    """Each employee with something to act on, placed by their group values."""
    if not people:
        return ["", page.say("roster.nobody_to_follow_up")]
    lines = ["", page.say("roster.follow_up_head", n=len(people))]
    for ident in people:
        values = [f"{name} {value}" for name, value in report.groups.get(ident, {}).items()]
        shown = f" ({visible(', '.join(values))})" if values else ""
        lines += ["", f"  {who(ident)}{shown}"]
        lines += _employee(report.reports[ident], "    ", page)
    return lines


def _not_checked(items: Sequence[Unchecked], page: _Page) -> list[str]:
    """What a report could not judge, and why, at its end."""
    if not items:
        return []
    return [
        "",
        page.say("unchecked.head"),
        *(page.say("unchecked.item", message=item.text) for item in items),
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
        return (Unchecked(None, None, Text("unchecked.no_day")),)
    if scope.period_given:
        return ()
    found = []
    for ident, kind in scope.rules.items():
        info = rules.get(ident)
        label = _rule_label(ident, info.title if info is not None else None)
        if kind in ("day minimum", "hour minimum", "core hours", "start window"):
            found.append(Unchecked(ident, kind, Text("unchecked.only_with_shifts", rule=label)))
        elif not minimums_only:
            found.append(Unchecked(ident, kind, _group_days(label, days)))
    return tuple(found)


def _group_days(label: str, days: tuple[dt.date, ...] | None) -> Text:
    if days is None:
        return Text("unchecked.no_shifts", rule=label)
    if days[0] == days[-1]:
        return Text("unchecked.one_day", rule=label, day=days[0])
    return Text("unchecked.days", rule=label, first=days[0], last=days[-1])


def _days(
    report: RosterView,
    days: tuple[int, int],
    first_days: int | None,
    who: Callable[[str], str],
    page: _Page,
) -> list[str]:
    problems: dict[dt.date, list[Violation]] = defaultdict(list)
    for violation in report.violations:
        if violation.kind in ("staffing", "share"):
            problems[violation.start.date()].append(violation)
    leave, duty, parts = _away_by_day(report, who, page)
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
            lines.append(page.say("roster.left_out", days=Count(skipped, "noun.day")))
            skipped = 0
        where = report.presence.get(day, {})
        lines += _day_lines(
            day,
            where,
            (leave.get(day, []), duty.get(day, []), parts.get(day, [])),
            problems.get(day, []),
            who,
            page,
        )
        lines += [
            page.say("roster.leave_clash", who=who(ident), when=_shift_when(clash.decision))
            for ident, clash in clashes.get(day, [])
        ]
    if skipped:
        lines.append(page.say("roster.left_out", days=Count(skipped, "noun.day")))
    return lines


def _away_by_day(
    report: RosterView, who: Callable[[str], str], page: _Page
) -> tuple[
    dict[dt.date, list[str]], dict[dt.date, list[str]], dict[dt.date, list[tuple[str, str]]]
]:
    """By day, in employee id order: who is on leave (with its kind), away on duty (a kind
    that counts as work is not leave, DATA.md §3), and away part of the day (with its hours
    on the employee's clock and its kind), as the day's lines name them."""
    leave: dict[dt.date, list[str]] = defaultdict(list)
    duty: dict[dt.date, list[str]] = defaultdict(list)
    parts: dict[dt.date, list[tuple[str, str]]] = defaultdict(list)  # (id, words)
    for ident in sorted(report.reports):
        away = report.reports[ident].away
        for day in report.absences.get(ident, ()):
            if day.toordinal() in away.work_days:
                duty[day].append(who(ident))
                continue
            kind = away.kinds.get(day.toordinal())
            named: Any = who(ident)
            if kind is not None:
                named = Text("days.of_kind", days=named, kind=visible(kind))
            leave[day].append(page.render(named))
        for part in away.parts:
            start, end = part.start - part.day * DAY, part.end - part.day * DAY
            hours = Text("clock.span", start=Clock(start), end=Clock(end))
            when: Any = Text("days.at_span", day=who(ident), span=hours)
            if part.kind is not None:
                when = Text("days.of_kind", days=when, kind=visible(part.kind))
            parts[dt.date.fromordinal(part.day)].append((ident, page.render(when)))
    return leave, duty, parts


def _leave_clashes_by_day(report: RosterView) -> dict[dt.date, list[tuple[str, OnLeave]]]:
    """Shifts on a day of leave, by that day, in employee id order."""
    found: dict[dt.date, list[tuple[str, OnLeave]]] = defaultdict(list)
    for ident in sorted(report.reports):
        for clash in report.reports[ident].shifts_on_leave:
            found[clash.day].append((ident, clash))
    return found


def _day_lines(
    day: dt.date,
    where: Mapping[str, Sequence[str]],
    away: tuple[list[str], list[str], list[tuple[str, str]]],
    problems: list[Violation],
    who: Callable[[str], str],
    page: _Page,
) -> list[str]:
    """A day's counts and names; `away` is who is on leave, away on duty and away part of
    the day, each as its line names them."""
    leave, duty, parts = away
    counts: list[Text] = [
        Text(key, n=len(where[place])) for place, key, _ in _PLACES if where.get(place)
    ]
    if leave:
        counts.append(Text("count.on_leave", n=len(leave)))
    if duty:
        counts.append(Text("count.on_duty", n=len(duty)))
    if parts:
        counts.append(Text("count.part_day", n=len({ident for ident, _ in parts})))
    lines = [
        page.say("roster.day", day=day, counts=Listing(counts) if counts else Text("roster.nobody"))
    ]
    for place, _, line in _PLACES[1:]:
        if line is not None and where.get(place):
            lines.append(page.say(line, who=", ".join(who(i) for i in sorted(where[place]))))
    if leave:
        lines.append(page.say("who.on_leave", who=", ".join(leave)))
    if duty:
        lines.append(page.say("who.on_duty", who=", ".join(duty)))
    if parts:
        lines.append(page.say("who.part_day", who=", ".join(words for _, words in parts)))
    for violation in problems:
        lines.append("  ! " + page.render(_group_problem(violation, who, page)))
        lines += page.rule_line(violation.rule, "      ", source=violation.source)
    return lines


def _group_problem(violation: Violation, who: Callable[[str], str], page: _Page) -> Text | str:
    """A coverage gap or a share over its limit, in numbers taken from the violation."""
    label = _rule_label(violation.rule, violation.title)
    present = [who(i) for i in violation.present or ()]
    group = (
        Text("roster.in_group", group=visible(str(violation.group)))
        if violation.group is not None
        else ""
    )
    count, bound = violation.count, violation.bound
    if violation.kind == "staffing" and count is not None and bound is not None:
        return Text(
            "roster.gap",
            rule=label,
            span=_span(violation.start, violation.end),
            group=group,
            count=count,
            bound=bound,
            present=": " + ", ".join(present) if present else "",
        )
    if (
        violation.kind == "share"
        and count is not None
        and bound is not None
        and violation.size is not None
    ):
        percent = page.amount(violation.rule, violation.source)
        return Text(
            "roster.share",
            rule=label,
            group=group,
            count=count,
            size=violation.size,
            bound=bound,
            percent=Text("text.percent", percent=percent) if percent is not None else "",
            present=", ".join(present),
        )
    return Text("employee.violation", pad="", rule=label, message=violation.text)


def _problem_counts(
    gaps: int, shares: int, broken: Listing, people: int, on_leave: int
) -> Listing | None:
    """The problems found, counted; None when there are none."""
    if not (gaps or shares or people):
        return None
    parts: list[Any] = []
    if gaps:
        parts.append(Count(gaps, "noun.coverage_gap"))
    if shares:
        parts.append(Count(shares, "noun.group_over_share"))
    if people:
        parts.append(
            Text(
                "roster.follow_up",
                employees=Count(people, "noun.employee"),
                limits=Text("roster.broken_limits", limits=broken) if broken.items else "",
            )
        )
    if on_leave:
        parts.append(Text("roster.shifts_on_leave", shifts=Count(on_leave, "noun.shift")))
    return Listing(parts, "; ")


def _broken(limits: int, presence: int) -> Listing:
    """`2 broken limits, 1 flexible-time violation` (core hours or a start window missed):
    the kinds that have any."""
    return Listing(
        ([Count(limits, "noun.broken_limit")] if limits else [])
        + ([Count(presence, "noun.flexible_time_violation")] if presence else [])
    )


# ---- one employee's schedule ------------------------------------------------------------


def schedule_text(report: ScheduleView, *, summary: bool = False, language: str = "en") -> str:
    """A summary of the shifts and leave, then only what is wrong: each denied shift with its
    reasons, each limit broken with the shifts it blames, each shift on a day of leave, and
    each rule's own words once; then what could not be checked; in `language`. With
    `summary`, the first lines and what could not be checked."""
    page = _Page(report.rules, language)
    named = " ".join(x for x in (report.employee_id, report.employee_name) if x)
    denied = [d for d in report.decisions if not d.allowed]
    on_leave = (
        Text("schedule.on_leave", shifts=Count(len(report.shifts_on_leave), "noun.shift"))
        if report.shifts_on_leave
        else ""
    )
    lines = [
        page.say(
            "schedule.head",
            status=_status(report.allowed),
            who=visible(named) or Text("decision.employee"),
            zone=Zone(report.zone.key),
            shifts=Count(len(report.decisions), "noun.shift"),
            denied=len(denied),
            violations=_schedule_violations(report.violations),
            on_leave=on_leave,
        ),
        *_policy_line(report.policy, page),
        page.render(_shift_summary(report.decisions, len(denied))),
        *(page.say("report.warning", message=w.text or w.message) for w in report.warnings),
    ]
    if not summary:
        lines += _employee(report, "  ", page)
    return "\n".join(lines + _not_checked(report.not_checked, page))


def _schedule_violations(violations: Sequence[Violation]) -> Listing:
    """`1 limit violation`, and `, 1 flexible-time violation` when there is one."""
    kinds = [v.kind for v in violations]
    presence = kinds.count("presence")
    return Listing(
        [Count(len(kinds) - presence, "noun.limit_violation")]
        + ([Count(presence, "noun.flexible_time_violation")] if presence else [])
    )


def _shift_summary(decisions: Sequence[Decision], denied: int) -> Text:
    """`23 shifts, Tue 2025-07-01 to Thu 2025-07-31: 22 allowed, 1 denied`."""
    if not decisions:
        return Text("schedule.no_shifts")
    days = sorted(d.start.date() for d in decisions)
    when: Any = (
        days[0] if days[-1] == days[0] else Text("days.from_to", first=days[0], last=days[-1])
    )
    total = len(decisions)
    if not denied:
        outcome = Text("schedule.allowed" if total == 1 else "schedule.all_allowed")
    elif denied == total:
        outcome = Text("schedule.denied" if total == 1 else "schedule.all_denied")
    else:
        outcome = Text("schedule.some_denied", allowed=total - denied, denied=denied)
    return Text("schedule.summary", shifts=Count(total, "noun.shift"), when=when, outcome=outcome)


def _employee(report: ScheduleView, pad: str, page: _Page) -> list[str]:
    """An employee's leave, denied shifts and broken limits, indented by `pad`."""
    lines = _absence_lines(report, pad, page)
    for decision in report.decisions:
        if not decision.allowed:
            lines += _denied(decision, pad, page)
    by_shift = {id(d.shift): d for d in report.decisions}
    for violation in report.violations:
        label = _rule_label(violation.rule, violation.title)
        lines.append(page.say("employee.violation", pad=pad, rule=label, message=violation.text))
        for shift in violation.shifts:
            match = by_shift.get(id(shift))
            if match is not None:
                lines.append(page.say("employee.blamed", pad=pad, when=_shift_when(match)))
        lines += page.rule_line(violation.rule, pad + "  ", source=violation.source)
    for clash in report.shifts_on_leave:
        when = _shift_when(clash.decision)
        lines.append(page.say("employee.leave_clash", pad=pad, day=clash.day, when=when))
    return lines


def _absence_lines(report: ScheduleView, pad: str, page: _Page) -> list[str]:
    """An employee's days of leave with their kinds, days away on duty, and parts of days
    away with their hours and kinds (DATA.md §3: the kind is carried to every report)."""
    lines = []
    work = report.away.work_days  # days of a kind that counts as work: away on duty
    leave = tuple(day for day in report.absences if day.toordinal() not in work)
    duty = tuple(day for day in report.absences if day.toordinal() in work)
    kinds = report.away.kinds  # leave shows its kinds; duty is one meaning (`as work`)

    def kind_of(day: dt.date) -> str | None:
        return kinds.get(day.toordinal())

    if leave:
        lines.append(page.say("employee.on_leave", pad=pad, days=_day_ranges(leave, kind_of)))
    if duty:
        lines.append(page.say("employee.on_duty", pad=pad, days=_day_ranges(duty)))
    if report.away.parts:
        lines.append(page.say("employee.part_day", pad=pad, parts=_parts_of_days(report.away)))
    return lines


def _denied(decision: Decision, pad: str, page: _Page) -> list[str]:
    """A denied shift and each of its reasons, with the rule's words under the first naming."""
    lines = [page.say("employee.denied", pad=pad, when=_shift_when(decision))]
    for reason in decision.reasons:
        place = reason.source
        because = reason.because_words()
        lines.append(
            page.say(
                "employee.reason",
                pad=pad,
                span=decision.span_text(reason.start_seconds, reason.end_seconds),
                message=reason.message_text,
                source=f" ({place.short})" if place is not None else "",
            )
            + (page.say("employee.because", because=because) if because is not None else "")
        )
        if reason.rule is not None:  # under a reason that names the source already
            lines += page.rule_line(reason.rule, pad + "    ", where=False, source=reason.source)
    return lines


# ---- shared pieces ----------------------------------------------------------------------


class _Page:
    """What one report's text shares: its language, and the rules' own words, each given once
    (the first time a rule is named)."""

    def __init__(self, rules: Mapping[str, RuleText], language: str) -> None:
        self.rules = rules
        self.language = language
        #: the rules already given, by id and where written (versions may share an id)
        self.seen: set[tuple[str, Any]] = set()

    def say(self, key: str, /, **values: Any) -> str:
        return say(key, self.language, **values)

    def render(self, text: Text | str) -> str:
        return text if isinstance(text, str) else text.render(self.language)

    def amount(self, rule: str, source: Any = None) -> Fraction | None:
        info = rule_words(self.rules, rule, source)
        return info.amount if info is not None else None

    def rule_line(
        self, rule: str, pad: str, *, where: bool = True, source: Any = None
    ) -> list[str]:
        """`rule: WORDS (file:line) [citation]`, or nothing when already given or unknown;
        `source`, where the rule broken is written, picks its version's words."""
        info = rule_words(self.rules, rule, source)
        if info is None or (rule, info.source) in self.seen:
            return []
        self.seen.add((rule, info.source))
        return [
            self.say(
                "report.rule_words",
                pad=pad,
                words=info.text,
                source=f" ({info.source.short})" if where else "",
                citation=f" [{info.citation}]" if info.citation else "",
            )
        ]


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


def _status(allowed: bool) -> Text:
    return Text("report.allowed" if allowed else "report.not_allowed")


def _policy_line(policy: Mapping[str, Any], page: _Page) -> list[str]:
    name = policy.get("name")
    if not name:
        return []
    version = policy.get("version")
    return [page.say("report.policy", name=name, version=version) if version else f"  {name}"]


def _rule_label(rule: str, title: str | None) -> str:
    return rule + (f' "{title}"' if title else "")


def _day_ranges(
    days: Iterable[dt.date], kind_of: Callable[[dt.date], str | None] = lambda day: None
) -> Listing:
    """`Mon 2025-07-07 to Fri 2025-07-11, Wed 2025-07-16`: runs of days joined; with
    `kind_of`, runs of one kind of absence, each followed by its kind where it has one
    (`Wed 2025-07-09 (dinas luar)`, DATA.md §3: the kind is carried to every report)."""
    runs: list[list[dt.date]] = []
    for day in sorted(days):
        if runs and (day - runs[-1][-1]).days == 1 and kind_of(day) == kind_of(runs[-1][-1]):
            runs[-1].append(day)
        else:
            runs.append([day])
    items: list[Any] = []
    for run in runs:
        item: Any = run[0] if len(run) == 1 else Text("days.from_to", first=run[0], last=run[-1])
        kind = kind_of(run[0])
        items.append(item if kind is None else Text("days.of_kind", days=item, kind=visible(kind)))
    return Listing(items)


def _parts_of_days(away: Absences) -> Listing:
    """`Tue 2025-07-08 08:00-10:30 (izin), Wed 2025-07-09 13:00-16:00 (dinas luar)`: each
    part-day absence on the employee's clock, with its kind where it has one (DATA.md §3)."""
    items: list[Any] = []
    for part in away.parts:
        midnight = part.day * DAY
        hours = Text(
            "clock.span", start=Clock(part.start - midnight), end=Clock(part.end - midnight)
        )
        when = Text("days.at_span", day=dt.date.fromordinal(part.day), span=hours)
        kind = part.kind
        items.append(when if kind is None else Text("days.of_kind", days=when, kind=visible(kind)))
    return Listing(items)


def _span(start: dt.datetime, end: dt.datetime) -> Text:
    """`08:00-10:00`; an end at the next midnight is `24:00`."""
    last = 86400 if end.date() > start.date() and end.time() == dt.time() else _seconds(end)
    return Text("clock.span", start=Clock(_seconds(start)), end=Clock(last))


def _seconds(moment: dt.datetime) -> int:
    """A time of day to the minute, as reports show it."""
    return moment.hour * 3600 + moment.minute * 60


def _shift_when(decision: Decision) -> Text:
    return Text(
        "shift.when",
        day=decision.start.date(),
        span=decision.span_text(decision.start_seconds, decision.end_seconds),
        place=_PLACE_WORDS[LOCATION_NAMES[decision.location]],
    )
