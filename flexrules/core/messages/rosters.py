"""Entries for schedule and roster checks: limit and presence violations and their parts."""

from __future__ import annotations

ENTRIES: dict[str, dict[str, str]] = {
    # what a limit counts
    "activity.on_site": {"en": "on-site work"},
    "activity.home": {"en": "work from home"},
    "activity.anywhere": {"en": "work from anywhere"},
    "activity.remote": {"en": "remote work"},
    "activity.work": {"en": "work"},
    "noun.day.one": {"en": "{n} day"},
    "noun.day.other": {"en": "{n} days"},
    "unit.day": {"en": "day"},
    "unit.working_day": {"en": "working day"},
    # the period a limit counts in, after a count
    "period.day": {"en": "on {day}"},
    "period.week": {"en": "in week {week}"},
    "period.month": {"en": "in {month}"},
    # limit violations
    "limit.days.over": {
        "en": "{day} is the {nth} {unit} of {activity} {period}; at most {bound} allowed{binds}"
    },
    "limit.days.short": {"en": "{days} of {activity} {period}; at least {bound} required{binds}"},
    "limit.hours.over": {"en": "{hours} hours worked {period}; at most {bound} allowed{binds}"},
    "limit.hours.short": {
        "en": "{hours} hours worked {period}; at least {required} required{reduced}{binds}"
    },
    "limit.pro_rated": {
        "en": " ({declared_hours} pro-rated to {counted} of {declared} working days: {days})"
    },
    "limit.left_out": {"en": "{day} {why}"},
    "left_out.public_holiday": {"en": "public holiday"},
    "left_out.joint_holiday": {"en": "joint holiday"},
    "left_out.holiday": {"en": "holiday"},
    "left_out.leave": {"en": "leave"},
    "left_out.outside_dates": {"en": "outside the rule's dates"},
    # why a limit or presence rule binds the employee: the facts, worded as decisions word them
    "rule.binds": {"en": "; it applies because {facts}"},
    "rule.binds.unknown": {"en": "; it applies because unknown facts count against it: {facts}"},
    # presence violations
    "clock.span": {"en": "{start}-{end}"},
    "presence.core_hours": {
        "en": "{day}: {missing} of the core hours {required} not worked{binds}"
    },
    "presence.late_start": {
        "en": "{day}: the first shift starts at {start}, outside the start window "
        "{opens}-{closes}{binds}"
    },
}
