"""The language's DAYS as calendar bit masks: what a set of days compiles to."""

from __future__ import annotations

from ..clock.calendar import (
    ALL_DAYS,
    HOLIDAY,
    JOINT_HOLIDAY,
    PUBLIC_HOLIDAY,
    WEEKDAY_BITS,
    WORKING_DAY,
)
from ..language import ast


def weekday_range(first: ast.Weekday, last: ast.Weekday | None) -> list[int]:
    """`Monday to Thursday` as weekday numbers; a range may wrap through Sunday."""
    if last is None:
        return [int(first)]
    days = [int(first)]
    current = int(first)
    while current != int(last):
        current = (current + 1) % 7
        days.append(current)
    return days


_SET_BITS = {
    ast.DayKind.WEEKDAYS: sum(WEEKDAY_BITS[:5]),
    ast.DayKind.WEEKENDS: WEEKDAY_BITS[5] | WEEKDAY_BITS[6],
    ast.DayKind.WORKING_DAYS: WORKING_DAY,
    ast.DayKind.HOLIDAYS: HOLIDAY,
    ast.DayKind.PUBLIC_HOLIDAYS: PUBLIC_HOLIDAY,
    ast.DayKind.JOINT_HOLIDAYS: JOINT_HOLIDAY,
    ast.DayKind.EVERY_DAY: ALL_DAYS,
}


def days_mask(days: ast.Days) -> int:
    """The bit mask a day's summary must share for the day to be in DAYS."""
    mask = 0
    for item in days.items:
        if isinstance(item, ast.DayRange):
            for weekday in weekday_range(item.first, item.last):
                mask |= WEEKDAY_BITS[weekday]
        else:
            mask |= _SET_BITS[item.kind]
    return mask


def working_weekdays(decl: ast.WorkingDaysDecl | None) -> list[int]:
    if decl is None:
        return list(range(5))
    weekdays: set[int] = set()
    for item in decl.days.items:
        if isinstance(item, ast.DayRange):
            weekdays.update(weekday_range(item.first, item.last))
        elif item.kind is ast.DayKind.WEEKDAYS:
            weekdays.update(range(5))
        elif item.kind is ast.DayKind.WEEKENDS:
            weekdays.update((5, 6))
        elif item.kind is ast.DayKind.EVERY_DAY:
            weekdays.update(range(7))
    return sorted(weekdays)
