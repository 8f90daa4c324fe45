"""What staffing and shares read of a roster's columns: every shift on the policy's clock as
arrays (`Spans`), the employee columns their rules read (`People`), a part of a roster split by
employee (`GroupPart`), and whom each rule counts (`_Facts`: its membership per employee and
day, worked out once per distinct combination of the facts it reads and the day; the group per
distinct value of its `in each` column). `columns.roster_counts` counts and words staffing
gaps and shares over their limit from them.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa

from ..clock.calendar import DAY
from ..engine.facts import UNKNOWN, attribute_keys
from ..rosters.compile import CompiledGroupRule
from ..rosters.staffing import RosterChecker
from .roster_inputs import RosterColumns, Unsupported, slot_combos


class Spans:
    """Every shift of the roster on the policy's clock: employee number, start, end (local
    seconds on the policy's clock) and location code, as `rosters.staffing._spans` gives
    them."""

    def __init__(self, emp: np.ndarray, start: np.ndarray, end: np.ndarray, location: np.ndarray):
        self.emp, self.start, self.end, self.location = emp, start, end, location

    def where(self, locations: int) -> Spans:
        keep = (self.location & locations) != 0
        return Spans(self.emp[keep], self.start[keep], self.end[keep], self.location[keep])


class People:
    """The employees as staffing and shares read them: ids (text, each once), the columns
    their rules read (`GroupPart.columns`). Plain data: it travels between processes."""

    def __init__(self, ids: list[str], employees: pa.Table) -> None:
        self.ids, self.employees = ids, employees
        self.count = len(ids)


class GroupPart:
    """What staffing and shares read of some employees: the columns their rules read (and
    `id`), and the employees' shifts on the policy's clock as arrays (employee numbers
    within the part). Parts of a roster split by employee join into the whole's
    (`joined`): the reduce of `flexrules.dask`."""

    def __init__(self, people: People, spans: Spans) -> None:
        self.people, self.spans = people, spans

    @staticmethod
    def empty() -> GroupPart:
        none = np.zeros(0, dtype=np.int64)
        return GroupPart(People([], pa.table({})), Spans(none, none, none, none))

    @staticmethod
    def of(rosters: RosterChecker, roster: RosterColumns, spans: Spans) -> GroupPart:
        wanted = [name for name in columns(rosters) if name in roster.employees.schema.names]
        table = roster.employees.select(wanted)
        ids = [str(ident) for ident in roster.ids]
        return GroupPart(People(ids, table), spans)


def columns(rosters: RosterChecker) -> list[str]:
    """The employee columns staffing and share rules may read: whom they count, and their
    `in each`."""
    decider = rosters.decider
    found: list[str] = []
    for rule in rosters.rules:
        slots = [*decider.context.conditions.statement(rule.decl.statement).slots]
        if rule.in_each is not None:
            slots.append(rule.in_each)
        for slot in slots:
            if slot in decider.employee_slots:
                found.extend(k for k in attribute_keys(slot.decl.name.text) if k not in found)
    return found


class _Facts:
    """What group rules read of the employees, worked out per distinct combination."""

    def __init__(self, rosters: RosterChecker, roster: People) -> None:
        self.rosters = rosters
        self.decider = rosters.decider
        self.roster = roster

    def membership(self, rule: CompiledGroupRule, days: tuple[int, int]) -> np.ndarray:
        """Per employee and day of `days` (a column each), the truth of `rule.member`."""
        decider = self.decider
        slots = decider.context.conditions.statement(rule.decl.statement).slots
        mine = [s for s in slots if s in decider.employee_slots]
        code, maps = slot_combos(self.roster.employees, mine)
        unknown_shift = (UNKNOWN,) * rule.shift_slots
        table = np.zeros((len(maps), days[1] - days[0] + 1), dtype=np.int8)
        for index, mapping in enumerate(maps):
            ev = decider.employee_facts(mapping)[0]
            for offset in range(table.shape[1]):
                table[index, offset] = rule.member(ev, unknown_shift, days[0] + offset)
        found: np.ndarray = table[code] if code.size else table[:0]
        return found

    def groups(self, rule: CompiledGroupRule) -> tuple[np.ndarray, list[Any]]:
        """Each employee's group number (-1 where its `in each` value is unknown) and the
        groups' values in `_groups` order (one group, None, without `in each`)."""
        count = self.roster.count
        if rule.in_each is None:
            return np.zeros(count, dtype=np.int64), [None]
        code, maps = slot_combos(self.roster.employees, [rule.in_each])
        typed = [self.decider.employee_facts(m)[0][rule.in_each.index] for m in maps]
        values = sorted({_key(v): v for v in typed if v is not UNKNOWN}.items())
        values = [v for _, v in values]
        number = {_key(v): i for i, v in enumerate(values)}
        of_code = np.array([-1 if v is UNKNOWN else number[_key(v)] for v in typed], dtype=np.int64)
        found: np.ndarray = of_code[code] if code.size else np.zeros(0, dtype=np.int64)
        return found, values


def _key(value: Any) -> tuple[str, Any]:
    return (str(type(value)), value)


def _windows(rule: CompiledGroupRule, days: tuple[int, int]) -> tuple[np.ndarray, ...]:
    """Each window of the rule's TIME over the days: low, high (policy-clock seconds) and
    its day's offset in `days`, in time order; Unsupported where windows overlap."""
    lows: list[int] = []
    highs: list[int] = []
    owners: list[int] = []
    for offset, day in enumerate(range(days[0], days[1] + 1)):
        for low, high in rule.time.owned(day):
            lows.append(day * DAY + low)
            highs.append(day * DAY + high)
            owners.append(offset)
    start = np.asarray(lows, dtype=np.int64)
    end = np.asarray(highs, dtype=np.int64)
    if start.size > 1 and (np.any(np.diff(start) < 0) or np.any(start[1:] < end[:-1])):
        raise Unsupported("windows of a staffing rule that overlap")
    return start, end, np.asarray(owners, dtype=np.int64)


def _merged(spans: Spans) -> Spans:
    """Each employee's spans merged where they overlap or meet (a person counts once)."""
    if not spans.emp.size:
        return spans
    order = np.lexsort((spans.start, spans.emp))
    emp, start, end = spans.emp[order], spans.start[order], spans.end[order]
    base = emp * (1 << 42)
    reach = np.maximum.accumulate(base + end)
    new = np.ones(emp.size, dtype=bool)
    new[1:] = (emp[1:] != emp[:-1]) | (base[1:] + start[1:] > reach[:-1])
    firsts = np.flatnonzero(new)
    lasts = np.append(firsts[1:], emp.size) - 1
    ends = reach[lasts] - base[lasts]
    return Spans(emp[firsts], start[firsts], ends, np.zeros(firsts.size, dtype=np.int64))
