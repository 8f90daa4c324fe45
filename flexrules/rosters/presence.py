"""Core hours and start windows over one employee's schedule: flexible time (LANGUAGE.md
section 5, docs/schedule-semantics.md).

Core hours (`SUBJECT must work TIME`): on each day checked that the rule binds and that is not
a day of leave, the employee's shifts, at any location and allowed or not, together cover every
instant its TIME owns that day; one violation per day names the spans left uncovered. A start
window (`SUBJECT must start work between HH:MM and HH:MM [TIME]`): on each day the employee
has a shift starting, that the rule binds and whose TIME holds, the day's first shift starts
inside the window (both ends included); a late or early one is blamed. A part-day absence
(DATA.md §3) excuses core hours inside its span, and meets a start window when it starts
inside it, before the day's first shift. Where a shift rule that
overrides the presence rule applies to a piece of a shift, that piece's instants need no
covering, and a first shift whose start it covers is not judged. As with `at least` limits,
an unknown fact binds (fails closed), and without a period only days with a shift are checked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from ..clock.calendar import DAY
from ..clock.intervals import Intervals, complement, intersect, normalise
from ..core.messages import Clock, Listing, Text
from ..engine.conditions import F
from ..engine.facts import UNKNOWN, local_datetime
from ..language.statement_forms import Form
from .compile import CompiledPresence
from .records import Violation, rule_labels
from .schedule_facts import ScheduleFacts


def _binds(rule: CompiledPresence, schedule: ScheduleFacts, day: int) -> bool:
    """Whether the rule may bind the employee on a day: inside their employment, with the
    facts in force that day."""
    if not schedule.employed(day):
        return False
    unknown_shift = (UNKNOWN,) * rule.shift_slots
    return rule.applies(schedule.facts_on(day), unknown_shift, day) != F


def _days(schedule: ScheduleFacts) -> list[int]:
    """The days checked: every day of the period given, else every day with a piece."""
    if schedule.bounds is not None:
        return list(range(schedule.bounds[0], schedule.bounds[1] + 1))
    return sorted({day for pieces in schedule.pieces for _, _, day, _ in pieces})


def _lifted(rule: CompiledPresence, schedule: ScheduleFacts) -> Intervals:
    """Instants where a rule overriding `rule` applies to a piece of a shift."""
    if not rule.overridden_by:
        return ()
    return normalise(
        (start, end)
        for pieces in schedule.pieces
        for start, end, _, applies in pieces
        if applies & rule.overridden_by
    )


def core_hours(rule: CompiledPresence, schedule: ScheduleFacts) -> list[Violation]:
    covered = normalise((d.start_seconds, d.end_seconds) for d in schedule.decisions)
    excused = normalise((*covered, *_lifted(rule, schedule), *schedule.away.all_spans))
    found = []
    for day in _days(schedule):
        if day in schedule.absent or not _binds(rule, schedule, day):
            continue
        required = normalise((day * DAY + s, day * DAY + e) for s, e in rule.time.owned(day))
        if not required:
            continue
        low, high = required[0][0], required[-1][1]
        missing = intersect(required, complement(excused, low, high))
        if missing:
            found.append(
                _violation(
                    rule,
                    schedule,
                    day,
                    "presence.core_hours",
                    dict(
                        day=dt.date.fromordinal(day),
                        missing=_spans(missing, day),
                        required=_spans(required, day),
                    ),
                    (),
                )
            )
    return found


def start_window(rule: CompiledPresence, schedule: ScheduleFacts) -> list[Violation]:
    lifted = _lifted(rule, schedule)
    first_of: dict[int, int] = {}  # day -> index of the day's first shift
    for index, decision in enumerate(schedule.decisions):
        day = decision.start_seconds // DAY
        best = first_of.get(day)
        if best is None or decision.start_seconds < schedule.decisions[best].start_seconds:
            first_of[day] = index
    found = []
    for day, index in sorted(first_of.items()):
        if not _in_bounds(schedule, day) or day in schedule.absent:
            continue
        window = rule.time.owned(day)
        if not window or not _binds(rule, schedule, day):
            continue
        start = schedule.decisions[index].start_seconds
        if any(low <= start < high for low, high in lifted):
            continue
        start = min([start, *(p.start for p in schedule.away.parts if p.day == day)])
        opens, closes = window[0]
        if opens <= start - day * DAY <= closes:
            continue
        found.append(
            _violation(
                rule,
                schedule,
                day,
                "presence.late_start",
                dict(
                    day=dt.date.fromordinal(day),
                    start=Clock(start - day * DAY),
                    opens=Clock(opens),
                    closes=Clock(closes),
                ),
                (index,),
            )
        )
    return found


def _in_bounds(schedule: ScheduleFacts, day: int) -> bool:
    bounds = schedule.bounds
    return bounds is None or bounds[0] <= day <= bounds[1]


def _violation(
    rule: CompiledPresence,
    schedule: ScheduleFacts,
    day: int,
    key: str,
    values: dict[str, Any],
    blamed: tuple[int, ...],
) -> Violation:
    return Violation(
        rule.decl.id.text,
        "presence",
        Text(
            key,
            **values,
            binds=schedule.binding(rule.witness, rule.relative, rule.shift_slots, day),
        ),
        local_datetime(day * DAY, schedule.zone),
        local_datetime((day + 1) * DAY, schedule.zone),
        tuple(schedule.decisions[i].shift for i in blamed),
        None,
        schedule.ident,
        None,
        **rule_labels(rule.decl),
        language=schedule.language,
    )


def _spans(intervals: Intervals, day: int) -> Listing:
    """`09:00-10:30, 14:00-15:00`, in seconds from the day's midnight."""
    base = day * DAY
    return Listing(
        [Text("clock.span", start=Clock(a - base), end=Clock(b - base)) for a, b in intervals]
    )


#: how each presence form is checked over a schedule
CHECKS: dict[Form, Callable[[CompiledPresence, ScheduleFacts], list[Violation]]] = {
    Form.CORE_HOURS: core_hours,
    Form.START_WINDOW: start_window,
}
