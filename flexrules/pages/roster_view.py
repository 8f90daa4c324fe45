"""The roster report as a page: what each part of `templates/roster.html` shows, worked out
from a `RosterReport` alone.

Nothing here judges a rule: coverage counts are the staffing check's own stretches
(`RosterReport.coverage`), problems are the report's violations and denied decisions, and a
day's status is only whether a problem names it. This module groups them by unit and day and
turns them into words and shapes."""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction
from typing import Any

import attrs

from .. import __version__
from ..clock.calendar import DAY, holiday_name
from ..core.messages import Clock, Zone, chosen_language, say, shown
from ..engine.decision import Decision
from ..rosters.coverage import HOUR, CoverageLine, clock_hour
from ..rosters.records import Violation
from ..rosters.reports import VIOLATION_KINDS, RosterReport
from .render import render

PLACES = ("office", "home", "anywhere")
#: the catalog keys of each place's one-letter code and its count
_CODE_KEYS = {
    "office": "page.code.office",
    "home": "page.code.home",
    "anywhere": "page.code.anywhere",
    "leave": "page.code.leave",
    "duty": "page.code.duty",
}
_COUNT_KEYS = {
    "office": "page.count.office",
    "home": "page.count.home",
    "anywhere": "page.count.anywhere",
    "leave": "page.count.leave",
    "duty": "page.count.duty",
    "part": "page.count.part",
}
#: the kinds of absence a day shows, in order: whole days of leave, whole days away on duty
#: (a kind `as work`), parts of the day
AWAY = ("leave", "duty", "part")
_KIND_KEYS = {
    "limit": "page.kind.limit",
    "presence": "page.kind.presence",
    "staffing": "page.kind.staffing",
    "share": "page.kind.share",
}
#: one strip cell's width and height in the SVG, in its own units
CELL_W, CELL_H = 10, 14


@attrs.frozen
class Unit:
    """A section of the page: the employees with one value of the unit attribute."""

    key: str  # for anchors
    label: str
    members: tuple[str, ...]


@attrs.frozen
class Cell:
    """One hour of a coverage strip."""

    x: int
    hour: int
    present: int
    status: str  # "short" | "met" | "more"
    label: str


@attrs.frozen
class Strip:
    """One staffing rule's coverage over one day: a cell per clock hour its TIME touches."""

    rule: str
    needed: Fraction | int
    cells: tuple[Cell, ...]
    width: int
    alt: str
    #: its width in a calendar cell, in percent: the line's longest day fills the cell, so an
    #: hour is as wide on every day
    percent: float = 100.0


@attrs.frozen
class Away:
    """One absence as a day shows it (DATA.md §3): its kind, and for part of a day its start
    and end as seconds of the employee's local day."""

    kind: str | None
    work: bool  # of a kind the policy declares `as work`
    start: int | None = None
    end: int | None = None

    @property
    def where(self) -> str:
        """Its place among `AWAY`."""
        if self.start is not None:
            return "part"
        return "duty" if self.work else "leave"


@attrs.frozen
class Problem:
    """A violation or a denied shift, as a day's detail lists it."""

    anchor: str
    rule: str
    title: str | None
    citation: str | None
    source: str | None
    kind: str
    message: str
    who: str | None = None
    explanation: str | None = None


def _problem_id(index: int) -> str:
    return f"problem-{index}"


class RosterPage:
    """Everything the template shows, in one language."""

    def __init__(self, report: RosterReport, language: str, calendar: Any = None) -> None:
        self.report = report
        self.language = language
        self.calendar_of_days = calendar
        first, last = report.days if report.days is not None else _shift_days(report)
        self.days = tuple(dt.date.fromordinal(d) for d in range(first, last + 1))
        self.attribute = _unit_attribute(report)
        self.units = _units(report, self.attribute, language)
        self.unit_of = {ident: unit.key for unit in self.units for ident in unit.members}
        self.away = _away(report)
        self.places = _places(report)
        self.buckets = self._buckets()
        self.problems, self.problem_units, self.employee_problems = self._problems()
        self.kinds = {day: self.day_kind(day) for day in self.days}
        self.widest: dict[int, int] = {}
        self.denied_days = {
            (ident, decision.start.date())
            for ident, schedule in report.reports.items()
            for decision in schedule.decisions
            if not decision.allowed
        }

    # ---- names and words ---------------------------------------------------------------

    def say(self, key: str, /, **values: Any) -> str:
        return say(key, self.language, **values)

    def shown(self, value: Any) -> str:
        return shown(value, self.language)

    def who(self, ident: str) -> str:
        name = self.report.names.get(ident)
        return f"{name} ({ident})" if name else ident

    def day_anchor(self, day: dt.date) -> str:
        return f"day-{day.isoformat()}"

    def day_kind(self, day: dt.date) -> str | None:
        """`holiday: Idul Adha`, `not a working day`, or None for a working day."""
        calendar = self.calendar_of_days
        if calendar is None:
            return None
        if calendar.is_holiday(day):
            name = holiday_name(day, self.language)
            return self.say("page.holiday", name=name) if name else self.say("page.holiday_plain")
        if not calendar.is_working_day(day):
            return self.say("page.not_working_day")
        return None

    def _buckets(self) -> dict[tuple[str, dt.date], dict[str, list[str]]]:
        """By unit and day, who worked where and who was on leave (`leave`), each in the
        order of the report."""
        found: dict[tuple[str, dt.date], dict[str, list[str]]] = defaultdict(
            lambda: defaultdict(list)
        )
        unit_of = self.unit_of
        for day, where in self.report.presence.items():
            for place, ids in where.items():
                for ident in ids:
                    found[unit_of.get(ident, ""), day][place].append(ident)
        for (ident, day), absences in self.away.items():
            found[unit_of.get(ident, ""), day][_counted_as(absences)].append(ident)
        return found

    def absence_words(self, ident: str, day: dt.date) -> str:
        """An employee's absences on a day with their kinds and, for part of the day, hours:
        `cuti tahunan`, `izin 08:00–10:30; dinas luar 13:00–15:00` (empty: whole days of
        no kind)."""
        found = []
        for absence in self.away.get((ident, day), ()):
            if absence.start is None or absence.end is None:
                if absence.kind is not None:
                    found.append(absence.kind)
                continue
            times = dict(start=Clock(absence.start), end=Clock(absence.end))
            found.append(
                self.say("page.absence.part", kind=absence.kind, **times)
                if absence.kind is not None
                else self.say("page.absence.part_plain", **times)
            )
        return "; ".join(dict.fromkeys(found))

    def absent(self, ident: str, day: dt.date) -> str:
        """An employee named as the day's details list them among the absent, with what."""
        what = self.absence_words(ident, day)
        who = self.who(ident)
        return self.say("page.absence.who", who=who, what=what) if what else who

    # ---- problems ----------------------------------------------------------------------

    def _problems(
        self,
    ) -> tuple[
        dict[dt.date, list[Problem]],
        dict[tuple[str, dt.date], int],
        dict[str, list[Problem]],
    ]:
        """Every violation and denied shift by its day; how many each unit has each day; and
        each employee's own (limits broken, shifts denied)."""
        report = self.report
        by_day: dict[dt.date, list[Problem]] = defaultdict(list)
        per_unit: dict[tuple[str, dt.date], int] = Counter()
        mine: dict[str, list[Problem]] = defaultdict(list)
        lines = {(line.rule, _key(line.group)): line for line in report.coverage}
        index = 0
        for violation in report.violations:
            index += 1
            problem = self._violation(violation, _problem_id(index))
            day = violation.start.date()
            by_day[day].append(problem)
            for unit in self._violation_units(violation, lines):
                per_unit[unit, day] += 1
            if violation.employee is not None:
                mine[violation.employee].append(problem)
        for ident, schedule in report.reports.items():
            for decision in schedule.decisions:
                if decision.allowed:
                    continue
                index += 1
                problem = self._denied(ident, decision, _problem_id(index))
                day = decision.start.date()
                by_day[day].append(problem)
                per_unit[self.unit_of.get(ident, ""), day] += 1
                mine[ident].append(problem)
        return by_day, per_unit, mine

    def _violation_units(
        self, violation: Violation, lines: Mapping[tuple[str, str], CoverageLine]
    ) -> set[str]:
        """The units a violation concerns: an employee's own; for a coverage gap, those of the
        rule's members; for a share, those of the people away."""
        if violation.employee is not None:
            return {self.unit_of.get(violation.employee, "")}
        if violation.kind == "staffing":
            line = lines.get((violation.rule, _key(violation.group)))
            people: Iterable[str] = line.members if line is not None else ()
        else:
            people = violation.present or ()
        return {self.unit_of.get(ident, "") for ident in people} or {""}

    def _violation(self, violation: Violation, anchor: str) -> Problem:
        source = violation.source.short if violation.source is not None else None
        who = self.who(violation.employee) if violation.employee is not None else None
        return Problem(
            anchor,
            violation.rule,
            violation.title,
            violation.citation,
            source,
            self.say(_KIND_KEYS[violation.kind]),
            violation.message_for(self.language),
            who,
        )

    def _denied(self, ident: str, decision: Decision, anchor: str) -> Problem:
        denying = [reason for reason in decision.reasons if reason.effect == "deny"]
        first = denying[0] if denying else None
        rule = (first.rule if first is not None else None) or "default"
        source = first.source.short if first is not None and first.source is not None else None
        return Problem(
            anchor,
            rule,
            first.title if first is not None else None,
            first.citation if first is not None else None,
            source,
            self.say("page.denied_shift"),
            decision.headline(self.language),
            self.who(ident),
            decision.explain(self.language),
        )

    # ---- the parts the template shows ------------------------------------------------

    def summary(self) -> dict[str, Any]:
        numbers = self.report.summary()
        kinds = [
            (self.say(_KIND_KEYS[kind]), numbers["violations"][kind]) for kind in VIOLATION_KINDS
        ]
        counts = [
            (self.say("page.employees"), numbers["employees"]),
            (self.say("page.shifts"), numbers["shifts"]),
            (self.say("page.denied"), numbers["denied"]),
            *kinds,
            (self.say("page.on_leave_shifts"), numbers["shifts_on_leave"]),
        ]
        return {"counts": counts, "by_rule": self.by_rule()}

    def by_rule(self) -> list[dict[str, Any]]:
        """Each rule broken (or denying a shift), with how often: by its id and its words, so
        two versions that word one id differently (DATA.md §5) are two rows, each with its
        own title and citation."""
        found: Counter[tuple[str, str | None, str | None]] = Counter()
        kinds: dict[tuple[str, str | None, str | None], str] = {}
        for problems in self.problems.values():
            for problem in problems:
                key = (problem.rule, *self._words(problem))
                found[key] += 1
                kinds.setdefault(key, problem.kind)
        rows = []
        for key, n in sorted(found.items(), key=lambda item: (-item[1], item[0][0], str(item[0]))):
            rule, title, citation = key
            rows.append(
                {"rule": rule, "title": title, "citation": citation, "kind": kinds[key], "count": n}
            )
        return rows

    def _words(self, problem: Problem) -> tuple[str | None, str | None]:
        """A problem's title and citation: its own rule's (its version's), else the report's
        words for its id."""
        if problem.title is not None or problem.citation is not None:
            return problem.title, problem.citation
        text = self.report.rules.get(problem.rule)
        return (text.title, text.citation) if text is not None else (None, None)

    def shares(self) -> list[dict[str, Any]]:
        """Each unit's share away (at home or anywhere) on each day, in percent, as a heat
        table: a row per unit, a cell per day; a day whose share violation names the unit's
        people is marked over."""
        over = self._share_days()
        rows = []
        for unit in self.units:
            size = len(unit.members)
            cells = []
            for day in self.days:
                bucket = self.buckets.get((unit.key, day), {})
                away = len(bucket.get("home", ())) + len(bucket.get("anywhere", ()))
                percent = round(100 * away / size) if size else 0
                level = min(5, (percent + 9) // 10)
                cells.append((level, percent, (unit.key, day) in over))
            rows.append({"label": unit.label, "size": size, "cells": cells})
        return rows

    def _share_days(self) -> set[tuple[str, dt.date]]:
        """(unit, day) for each share violation, by the units of the people it names away."""
        return {
            (self.unit_of.get(ident, ""), violation.start.date())
            for violation in self.report.violations
            if violation.kind == "share"
            for ident in violation.present or ()
        }

    def captions(self, unit: Unit) -> tuple[str, str]:
        """The captions of the unit's calendar and of its employees' month."""
        return (
            self.say("page.calendar_caption", unit=unit.label),
            self.say("page.month_caption", unit=unit.label),
        )

    def coverage_for(self, unit: Unit) -> list[CoverageLine]:
        """The staffing rules drawn in the unit's calendar: those whose members are all in it
        (a rule `in each` unit, or a desk of one unit)."""
        mine = set(unit.members)
        return [line for line in self.report.coverage if line.members and mine >= set(line.members)]

    def shared_coverage(self) -> list[dict[str, Any]]:
        """The staffing rules whose members are in several units (an office-wide counter), each
        with a calendar of its own."""
        found = []
        for index, line in enumerate(self.report.coverage):
            if not line.members or self.unit_of.get(line.members[0]) is None:
                continue
            units = {self.unit_of.get(ident) for ident in line.members}
            if len(units) < 2:
                continue
            text = self.report.rules.get(line.rule)
            title = f"{line.rule} “{text.title}”" if text is not None and text.title else line.rule
            group = "" if line.group is None else f" ({line.group})"
            found.append(
                {
                    "key": f"coverage-{index}",
                    "label": self.say("page.coverage_head", rule=title + group, needed=line.needed),
                    "caption": self.say("page.coverage_caption", rule=title + group),
                    "weeks": self._weeks(functools.partial(self._coverage_day, line)),
                }
            )
        return found

    def _coverage_day(self, line: CoverageLine, day: dt.date) -> dict[str, Any]:
        strip = self.strip(line, day)
        return {
            "problems": int(line.short(day)),
            "problem_text": self.say("page.problem_count.one", n=1) if line.short(day) else "",
            "strips": [strip] if strip is not None else [],
            "counts": [],
        }

    def strip(self, line: CoverageLine, day: dt.date) -> Strip | None:
        hours = line.by_hour(day)
        if not hours:
            return None
        cells = []
        short = self.say("page.strip_short")
        for index, (hour, present) in enumerate(hours):
            status = (
                "short" if present < line.needed else "met" if present == line.needed else "more"
            )
            label = self.say(
                "page.strip_hour",
                hour=Clock(clock_hour(hour) * HOUR),
                present=present if status != "short" else f"{present} ({short})",
            )
            cells.append(Cell(index * CELL_W, clock_hour(hour), present, status, label))
        group = ""
        if line.group is not None:
            group = self.say("page.strip_group", group=str(line.group))
        alt = self.say(
            "page.strip_alt",
            rule=line.rule,
            group=group,
            needed=line.needed,
            hours="; ".join(cell.label for cell in cells),
        )
        widest = self._widest(line)
        percent = round(100 * len(cells) / widest, 2) if widest else 100.0
        return Strip(line.rule, line.needed, tuple(cells), CELL_W * len(cells), alt, percent)

    def _widest(self, line: CoverageLine) -> int:
        """The most hours the line's TIME touches on any day (worked out once per line)."""
        found = self.widest.get(id(line))
        if found is None:
            found = self.widest[id(line)] = max(
                (len(line.by_hour(day)) for day in line.days), default=0
            )
        return found

    def _weeks(
        self, fill: Callable[[dt.date], dict[str, Any]]
    ) -> list[list[dict[str, Any] | None]]:
        """The period as weeks (Monday first), each day with what `fill` gives for it; None
        for the days of a week outside the period."""
        weeks: list[list[dict[str, Any] | None]] = []
        for day in self.days:
            if not weeks or day.weekday() == 0:
                weeks.append([None] * 7)
            weeks[-1][day.weekday()] = {
                "day": day,
                "anchor": self.day_anchor(day),
                "label": self.shown(day),
                "kind": self.kinds[day],
                **fill(day),
            }
        return weeks

    def calendar(self, unit: Unit) -> list[list[dict[str, Any] | None]]:
        """The unit's month: each day with its counts, strips and problems."""
        lines = self.coverage_for(unit)

        def fill(day: dt.date) -> dict[str, Any]:
            bucket = self.buckets.get((unit.key, day), {})
            problems = self.problem_units.get((unit.key, day), 0)
            return {
                "counts": [
                    self.say(_COUNT_KEYS[place], n=len(bucket[place]))
                    for place in (*PLACES, *AWAY)
                    if bucket.get(place)
                ],
                "problems": problems,
                "problem_text": self.say(
                    "page.problem_count.one" if problems == 1 else "page.problem_count.other",
                    n=problems,
                ),
                "strips": [s for line in lines if (s := self.strip(line, day)) is not None],
            }

        return self._weeks(fill)

    def month_rows(self, unit: Unit) -> list[dict[str, Any]]:
        """Each member's days as one-letter codes (cells made here, escaped: a month of
        thousands of people is a lot of cells), and the rules they broke."""
        from markupsafe import Markup, escape  # with Jinja2, from the pages extra

        codes = {place: escape(self.say(key)) for place, key in _CODE_KEYS.items()}
        off = {day for day in self.days if self.kinds[day] is not None}
        denied = self.denied_days
        rows = []
        part = escape(self.say("page.code.part"))
        for ident in unit.members:
            cells = []
            for day in self.days:
                absences = self.away.get((ident, day), ())
                title = escape(self.absence_words(ident, day)) if absences else ""
                shown = f' title="{title}"' if title else ""
                whole = _counted_as(absences) if absences else "part"
                if whole != "part":
                    cells.append(f'<td class="{whole}"{shown}>{codes[whole]}</td>')
                    continue
                where = self.places.get(day, {})
                here = [place for place in PLACES if ident in where.get(place, ())]
                text = "/".join(codes[place] for place in here)
                style = ("" if here[0] == "office" else here[0]) if len(here) == 1 else "mixed"
                if not here:
                    style, text = ("off", "·") if day in off and not absences else ("", "")
                if absences:  # part of the day away: its code beside the places
                    style, text = f"{style} part".strip(), "/".join(filter(None, (text, part)))
                if (ident, day) in denied:
                    style, text = style + " denied", text + "!"
                cells.append(
                    f'<td class="{style}"{shown}>{text}</td>' if style else f"<td>{text}</td>"
                )
            broken = self.employee_problems.get(ident, [])
            rows.append({"who": self.who(ident), "cells": Markup("".join(cells)), "broken": broken})
        return rows

    def day_details(self) -> list[dict[str, Any]]:
        """Each day: per unit, how many were on site, who worked at home or anywhere and who
        was on leave (by name); then the day's problems."""
        details = []
        clashes = defaultdict(list)
        for ident, found in self.report.shifts_on_leave.items():
            for clash in found:
                clashes[clash.day].append(self.say("page.leave_clash", who=self.who(ident)))
        for day in self.days:
            units = []
            for unit in self.units:
                bucket = self.buckets.get((unit.key, day), {})
                if not bucket:
                    continue
                units.append(
                    {
                        "label": unit.label,
                        "office": len(bucket.get("office", ())),
                        "names": [
                            ", ".join(map(self.who, bucket.get("home", ()))),
                            ", ".join(map(self.who, bucket.get("anywhere", ()))),
                            ", ".join(
                                self.absent(ident, day)
                                for ident in dict.fromkeys(
                                    ident for where in AWAY for ident in bucket.get(where, ())
                                )
                            ),
                        ],
                    }
                )
            details.append(
                {
                    "day": day,
                    "anchor": self.day_anchor(day),
                    "label": self.shown(day),
                    "kind": self.kinds[day],
                    "units": units,
                    "problems": self.problems.get(day, []),
                    "clashes": clashes.get(day, []),
                }
            )
        return details

    def _legend(self) -> list[str]:
        """The month rows' legend: the codes of places and leave, and those of duty and part of
        a day where the roster has any."""
        present = {a.where for absences in self.away.values() for a in absences}
        extra = [key for where, key in _LEGEND_AWAY if where in present]
        return [*_LEGEND[:4], *extra, *_LEGEND[4:]]

    def context(self) -> dict[str, Any]:
        report = self.report
        policy = report.policy
        first, last = self.days[0], self.days[-1]
        name = str(policy.get("name") or "")
        version = policy.get("version")
        return {
            "lang": self.language,
            "page": self,
            "title": self.say("page.roster.title", name=name),
            "version": self.say("page.version", version=version) if version else "",
            "period": self.say(
                "page.roster.period", first=first, last=last, zone=Zone(report.zone.key)
            ),
            "allowed": report.allowed,
            "status": self.say(
                "page.roster.allowed" if report.allowed else "page.roster.not_allowed"
            ),
            "summary": self.summary(),
            "units": self.units,
            "coverage": self.shared_coverage(),
            "shares": self.shares(),
            "details": self.day_details(),
            "not_checked": [item.message_for(self.language) for item in report.not_checked],
            "warnings": [item.message_for(self.language) for item in report.warnings],
            "weekdays": [self.shown(_MONDAY + dt.timedelta(days=n)).split()[0] for n in range(7)],
            "made_by": self.say(
                "page.made_by",
                version=__version__,
                fingerprint=str(policy.get("fingerprint") or "")[:19],
            ),
            "cell_h": CELL_H,
            "legend_places": [self.say(key) for key in self._legend()],
            "legend_strip": [(key.rsplit(".", 1)[1], self.say(key)) for key in _STRIP_LEGEND],
            "words": {
                "skip": self.say("page.skip"),
                "contents": self.say("page.contents"),
                "summary": self.say("page.summary"),
                "by_rule": self.say("page.by_rule"),
                "rule": self.say("page.rule"),
                "title": self.say("page.title"),
                "citation": self.say("page.citation"),
                "source": self.say("page.source"),
                "kind": self.say("page.kind"),
                "count": self.say("page.count"),
                "shares": self.say("page.shares"),
                "share_note": self.say("page.share_note"),
                "unit": self.say("page.unit"),
                "office": self.say("page.where.office"),
                "home": self.say("page.where.home"),
                "anywhere": self.say("page.where.anywhere"),
                "absent": self.say("page.where.absent"),
                "size": self.say("page.size"),
                "calendar": self.say("page.calendar"),
                "month_rows": self.say("page.month_rows"),
                "employee": self.say("page.employee"),
                "broken": self.say("page.broken"),
                "days": self.say("page.days"),
                "problems": self.say("page.problems"),
                "nobody": self.say("page.nobody"),
                "legend": self.say("page.legend"),
                "not_checked": self.say("page.not_checked"),
                "warnings": self.say("page.warnings"),
                "none": self.say("page.none"),
            },
        }


#: the legend's entries for the month rows, in order
_LEGEND = (
    "page.legend.office",
    "page.legend.home",
    "page.legend.anywhere",
    "page.legend.leave",
    "page.legend.off",
    "page.legend.denied",
)
#: the legend's entries for absences a roster may not have, after leave
_LEGEND_AWAY = (("duty", "page.legend.duty"), ("part", "page.legend.part"))
#: the legend of the coverage strips: a status (the cells' class) and its words
_STRIP_LEGEND = ("page.legend.short", "page.legend.met", "page.legend.more")
_MONDAY = dt.date(2025, 7, 7)


def _key(group: Any) -> str:
    return "" if group is None else repr(group)


def _counted_as(absences: list[Away]) -> str:
    """Where a day's absences count a person: a whole day's (leave or duty), else part."""
    return next((a.where for a in absences if a.start is None), "part")


def _away(report: RosterReport) -> dict[tuple[str, dt.date], list[Away]]:
    """Each employee's absences by local day: whole days with their kinds (a kind `as work`
    away on duty), then parts of days with their kinds and times, in order."""
    found: dict[tuple[str, dt.date], list[Away]] = defaultdict(list)
    for ident, schedule in report.reports.items():
        away = schedule.away
        for day in sorted(away.days):
            entry = Away(away.kinds.get(day), day in away.work_days)
            found[ident, dt.date.fromordinal(day)].append(entry)
        for part in away.parts:
            start = part.start - part.day * DAY
            entry = Away(part.kind, part.work, start, part.end - part.day * DAY)
            found[ident, dt.date.fromordinal(part.day)].append(entry)
    # a schedule's days of leave given without `away` (an older report) are plain leave
    for ident, dates in report.absences.items():
        for date in dates:
            found.setdefault((ident, date), [Away(None, False)])
    return dict(found)


def _places(report: RosterReport) -> dict[dt.date, dict[str, frozenset[str]]]:
    """Who worked where each day, as sets (the report keeps lists)."""
    return {
        day: {place: frozenset(ids) for place, ids in where.items()}
        for day, where in report.presence.items()
    }


def _shift_days(report: RosterReport) -> tuple[int, int]:
    """The first and last day of the shifts, for a report with no days checked (no shifts at
    all: today alone)."""
    days = [d.start.date().toordinal() for r in report.reports.values() for d in r.decisions]
    today = dt.date.today().toordinal()
    return (min(days), max(days)) if days else (today, today)


def _unit_attribute(report: RosterReport) -> str | None:
    """The attribute the page splits employees by: the one the roster's `in each` rules use
    most (`unit`), or None when none does."""
    found = Counter(name for values in report.groups.values() for name in values)
    return found.most_common(1)[0][0] if found else None


def _units(report: RosterReport, attribute: str | None, language: str) -> tuple[Unit, ...]:
    """The employees by their value of the unit attribute, in order of the values; those
    without one last."""
    if attribute is None:
        return (Unit("all", say("page.all_units", language), tuple(report.reports)),)
    by_value: dict[Any, list[str]] = defaultdict(list)
    missing: list[str] = []
    for ident in report.reports:
        values = report.groups.get(ident, {})
        if attribute in values:
            by_value[values[attribute]].append(ident)
        else:
            missing.append(ident)
    units = [
        Unit(
            f"unit-{index}",
            say("page.unit_head", language, name=attribute, value=str(value)),
            tuple(members),
        )
        for index, (value, members) in enumerate(
            sorted(by_value.items(), key=lambda item: (str(type(item[0])), str(item[0])))
        )
    ]
    if missing:
        units.append(
            Unit("unit-none", say("page.no_unit", language, name=attribute), tuple(missing))
        )
    return tuple(units)


def roster_page(report: RosterReport, *, language: str | None = None, calendar: Any = None) -> str:
    """The roster report as one self-contained HTML page, in `language` (`en`, `id`; None is
    the policy's). `calendar` (`Policy.calendar`) marks holidays and days off by name."""
    chosen = chosen_language(language, report.policy)
    page = RosterPage(report, chosen, calendar)
    return render("roster.html", **page.context())


__all__ = ["RosterPage", "roster_page"]
