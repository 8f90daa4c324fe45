"""Core hours and start windows over one employee's schedule: flexible time (LANGUAGE.md
section 5, docs/schedule-semantics.md).

Core hours (`SUBJECT must work TIME`): on each day checked that the rule binds and that is not
a day of leave, the employee's shifts, at any location and allowed or not, together cover every
instant its TIME owns that day; one violation per day names the spans left uncovered. A start
window (`SUBJECT must start work between HH:MM and HH:MM [TIME]`): on each day the employee
has a shift starting, that the rule binds and whose TIME holds, the day's first shift starts
inside the window (both ends included); a late or early one is blamed. Where a shift rule that
overrides the presence rule applies to a piece of a shift, that piece's instants need no
covering, and a first shift whose start it covers is not judged. As with `at least` limits,
an unknown fact binds (fails closed), and without a period only days with a shift are checked.
"""

from __future__ import annotations

from collections.abc import Callable

from ..clock.calendar import DAY
from ..clock.intervals import Intervals, complement, intersect, normalise
from ..engine.conditions import F
from ..engine.facts import UNKNOWN, local_datetime
from ..language.statement_forms import Form
from .compile import CompiledPresence
from .periods import day_label
from .records import Violation, rule_labels
from .schedule_facts import ScheduleFacts


def _binds(rule: CompiledPresence, schedule: ScheduleFacts, day: int) -> bool:
    unknown_shift = (UNKNOWN,) * rule.shift_slots
    return rule.applies(schedule.employee_facts, unknown_shift, day) != F


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
    excused = normalise((*covered, *_lifted(rule, schedule)))
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
                    f"{day_label(day)}: {_spans(missing, day)} of the core hours "
                    f"{_spans(required, day)} not worked",
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
        opens, closes = window[0]
        if opens <= start - day * DAY <= closes:
            continue
        found.append(
            _violation(
                rule,
                schedule,
                day,
                f"{day_label(day)}: the first shift starts at {_clock(start - day * DAY)}, "
                f"outside the start window {_clock(opens)}-{_clock(closes)}",
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
    message: str,
    blamed: tuple[int, ...],
) -> Violation:
    return Violation(
        rule.decl.id.text,
        "presence",
        message + schedule.binding(rule.witness, rule.relative, rule.shift_slots, day),
        local_datetime(day * DAY, schedule.zone),
        local_datetime((day + 1) * DAY, schedule.zone),
        tuple(schedule.decisions[i].shift for i in blamed),
        None,
        schedule.ident,
        None,
        **rule_labels(rule.decl),
    )


def _clock(seconds: int) -> str:
    """`08:30`; `24:00` at the next midnight; seconds shown only when there are any."""
    text = f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"
    return text + (f":{seconds % 60:02d}" if seconds % 60 else "")


def _spans(intervals: Intervals, day: int) -> str:
    """`09:00-10:30, 14:00-15:00`, in seconds from the day's midnight."""
    base = day * DAY
    return ", ".join(f"{_clock(a - base)}-{_clock(b - base)}" for a, b in intervals)


#: how each presence form is checked over a schedule
CHECKS: dict[Form, Callable[[CompiledPresence, ScheduleFacts], list[Violation]]] = {
    Form.CORE_HOURS: core_hours,
    Form.START_WINDOW: start_window,
}
