"""Where an example met a policy's named parts, for coverage (`flexrules test --coverage`):
whether an employee is in each group on a day, and whether a shift lies in each hours pattern
and date set. Tools only: deciding never calls this."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from .conditions import F, T
from .runtime import Decider
from .times import DateSet

#: (kind, name as declared, inside): `("group", "service desk staff", True)`
Met = tuple[str, str, bool]


def parts_met(
    decider: Decider, employee: Any, start: dt.datetime, end: dt.datetime
) -> Iterator[Met]:
    """Each group the employee is surely in or out of on the shift's day, and each hours pattern
    and date set the shift (local, naive) has time inside or outside of."""
    context = decider.context
    symbols = context.symbols
    day = start.date().toordinal()
    values = decider.employee_facts(employee)[0]
    shift_values = (None,) * len(context.shift_slots)
    for key, group in symbols.groups.items():
        truth = context.conditions.group(key).test(values, shift_values, day)
        if truth in (T, F):
            yield ("group", group.name.text, truth == T)
    begin = start.hour * 3600 + start.minute * 60 + start.second
    finish = begin + int((end - start).total_seconds())
    for key, hours in symbols.hours.items():
        spans = context.times.hours[key].instants(day)
        covered = sum(max(0, min(e, finish) - max(s, begin)) for s, e in spans)
        if covered:
            yield ("hours", hours.name.text, True)
        if covered < finish - begin:
            yield ("hours", hours.name.text, False)
    last = (end - dt.timedelta(microseconds=1)).date().toordinal()
    for decl in symbols.dates.values():
        dates = DateSet.of(decl)
        for ordinal in range(day, min(last, day + 1) + 1):
            yield ("dates", decl.name.text, ordinal in dates)


__all__ = ["Met", "parts_met"]
