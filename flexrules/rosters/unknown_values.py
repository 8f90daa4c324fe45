"""The roster report's count, per column, of values that are not among their attribute's
declared values (DATA.md §1): before the first day, a head of unit learns that three people
have `unit` "Administration" and that it is close to the declared "administration", instead
of finding their shifts denied one by one. The values still fail closed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from ..core.messages import Count, Listing, Text
from ..core.text import printable
from ..engine.changes import timeline_of
from ..engine.near_misses import suggestion
from ..engine.notices import DecisionWarning
from ..engine.runtime import Decider
from ..language import ast

#: the most values a column's warning lists (the count covers them all)
SHOWN = 10


def unknown_values(decider: Decider, employees: Iterable[Any]) -> tuple[DecisionWarning, ...]:
    """A warning (`unknown-values`) for each `one of` or `ranked` attribute of the employees
    that holds text values not among its declared ones: how many, each value with how often
    it occurs and the close declared value, if any; a value an employee takes from one of
    their changes counts too, once. Nothing for missing values."""
    choices = {
        slot.index: slot
        for slot in decider.employee_slots
        if isinstance(slot.decl.type, (ast.OneOfType, ast.RankedType))
    }
    if not choices:
        return ()
    found: dict[int, Counter[str]] = {}
    for employee in employees:
        timeline = timeline_of(employee)
        views = (employee,) if timeline is None else timeline.views
        seen: set[tuple[int, str]] = set()  # a value kept over a change counts once
        for view in views:
            bad = decider.employee_facts(view)[1]
            for index, value in (bad or {}).items():
                if index in choices and isinstance(value, str) and (index, value) not in seen:
                    seen.add((index, value))
                    found.setdefault(index, Counter())[value] += 1
    warnings = []
    for index, counted in sorted(found.items()):
        slot = choices[index]
        ranked = sorted(counted.items(), key=lambda item: (-item[1], item[0]))
        meant = [(value, n, suggestion(value, slot.decl.type)) for value, n in ranked]
        shown = [
            Text(
                "unknown_values.value",
                value=printable(f'"{value}"'),
                n=n,
                meant="" if close is None else Text("unknown_values.meant", value=close),
            )
            for value, n, close in meant[:SHOWN]
        ]
        text = Text(
            "warning.unknown_values",
            column=slot.name,
            count=Count(sum(counted.values()), "unknown_values.count"),
            values=Listing(shown, "; "),
        )
        warnings.append(
            DecisionWarning(
                "unknown-values", text.render("en"), slot.name, meant[0][2], text, tuple(meant)
            )
        )
    return tuple(warnings)
