"""Staffing and shares over a roster's columns: every shift on the policy's clock as arrays,
counted per group, day and window by numpy, and worded by the plain steps only where a rule
is broken.

- Staffing: per group (the `in each` value) and window of the rule's TIME on each day, the
  members present (a member on that day, with a shift at the rule's locations; a person's
  shifts merged first) at each instant, by a sweep of +1/-1 events. A group and day whose
  count never falls below the rule's anywhere in its windows has no gap; the others are
  worked out by `rosters.staffing._Staffing` over that group's members alone (which finds and
  words the gaps exactly as `check_roster` does).
- Shares: per group and day, the members and those away (members working at the rule's
  locations that day, and those whose membership or group is unknown, against every group
  they might be in), exact; a share over its limit is worded by `rosters.staffing.
  _share_violation` with the same ids.

Whom a rule counts is worked out once per distinct combination of the facts it reads and the
day; the group per distinct value of its `in each` column.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Mapping
from typing import Any

import numpy as np
import pyarrow as pa

from ..clock.calendar import DAY
from ..core.errors import InputError
from ..core.messages import Text, chosen_language
from ..engine.conditions import F, T
from ..engine.facts import UNKNOWN, attribute_keys
from ..language.statement_forms import Form
from ..rosters.compile import CompiledGroupRule
from ..rosters.day_facts import ByDay
from ..rosters.records import Violation
from ..rosters.staffing import RosterChecker, _label, _share_violation, _Staffing
from .codes import distinct
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

    @staticmethod
    def joined(parts: list[GroupPart]) -> tuple[People, Spans]:
        ids: list[str] = []
        tables: list[pa.Table] = []
        emps: list[np.ndarray] = []
        for part in parts:
            emps.append(part.spans.emp + len(ids))
            ids.extend(part.people.ids)
            if part.people.count:
                tables.append(part.people.employees)
        if len(set(ids)) != len(ids):
            raise InputError("employee", None, Text("input.roster.two_parts"))
        table = pa.concat_tables(tables, promote_options="permissive") if tables else pa.table({})
        spans = Spans(
            np.concatenate(emps),
            np.concatenate([part.spans.start for part in parts]),
            np.concatenate([part.spans.end for part in parts]),
            np.concatenate([part.spans.location for part in parts]),
        )
        return People(ids, table), spans


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


def group_violations(
    rosters: RosterChecker,
    roster: People,
    spans: Spans,
    days: tuple[int, int],
    headcount: Mapping[Any, int] | None,
) -> list[Violation]:
    """Staffing gaps, then shares over their limit, in `check_roster`'s order."""
    decider = rosters.decider
    language = chosen_language(None, decider.metadata)
    zone = decider.zone
    order = {rule.decl.id.text: index for index, rule in enumerate(rosters.rules)}
    staffing: list[Violation] = []
    shares: list[Violation] = []
    facts = _Facts(rosters, roster)
    for rule in rosters.rules:
        member = facts.membership(rule, days)
        group, labels = facts.groups(rule)
        mine = spans.where(rule.locations)
        if rule.form is Form.STAFFING:
            staffing.extend(_staffing(rule, facts, member, group, labels, mine, days, language))
        else:
            shares.extend(
                _shares(rule, roster, member, group, labels, mine, days, headcount, language, zone)
            )
    found: list[Violation] = []
    for kind in (staffing, shares):
        kind.sort(key=lambda v: (v.start, order[v.rule], v.group is not None, str(v.group)))
        found.extend(kind)
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


def _staffing(
    rule: CompiledGroupRule,
    facts: _Facts,
    member: np.ndarray,
    group: np.ndarray,
    labels: list[Any],
    spans: Spans,
    days: tuple[int, int],
    language: str,
) -> list[Violation]:
    low, high, owner = _windows(rule, days)
    if not low.size or rule.count <= 0:
        return []
    merged = _merged(spans)
    first = np.searchsorted(high, merged.start, side="right")
    last = np.searchsorted(low, merged.end, side="left") - 1
    many = np.maximum(last - first + 1, 0)
    span = np.repeat(np.arange(merged.emp.size), many)
    window = np.repeat(first, many) + (
        np.arange(span.size) - np.repeat(np.cumsum(many) - many, many)
    )
    emp = merged.emp[span]
    day = owner[window]
    keep = (member[emp, day] == T) & (group[emp] >= 0)
    span, window, emp = span[keep], window[keep], emp[keep]
    a = np.maximum(merged.start[span], low[window])
    b = np.minimum(merged.end[span], high[window])
    groups = len(labels)
    short = np.ones((groups, low.size), dtype=bool)  # a window without events: nobody
    if a.size:
        cell = group[emp] * low.size + window
        times = np.concatenate([a, b])
        cells = np.concatenate([cell, cell])
        delta = np.concatenate([np.ones(a.size, np.int64), -np.ones(b.size, np.int64)])
        order = np.lexsort((times, cells))
        times, cells, delta = times[order], cells[order], delta[order]
        count = np.cumsum(delta)
        # the count after the last event at each time, within each cell
        last_at = np.ones(times.size, dtype=bool)
        last_at[:-1] = (times[1:] != times[:-1]) | (cells[1:] != cells[:-1])
        t, c, n = times[last_at], cells[last_at], count[last_at]
        start_of_cell = np.ones(t.size, dtype=bool)
        start_of_cell[1:] = c[1:] != c[:-1]
        end_of_cell = np.append(start_of_cell[1:], True)
        cell_low, cell_high = low[c % low.size], high[c % low.size]
        too_few = n * rule.count.denominator < rule.count.numerator
        bad = (too_few & ~end_of_cell) | (too_few & end_of_cell & (t < cell_high))
        bad |= start_of_cell & (t > cell_low)  # nobody from the window's start
        seen = np.unique(c)
        short.reshape(-1)[seen] = False
        short.reshape(-1)[np.unique(c[bad])] = True
    flagged_group, flagged_window = np.nonzero(short)
    by_group: dict[int, set[int]] = {}
    for g, w in zip(flagged_group.tolist(), flagged_window.tolist(), strict=True):
        by_group.setdefault(g, set()).add(int(owner[w]))
    return _gaps(rule, facts, member, group, labels, spans, days, by_group, language)


def _gaps(
    rule: CompiledGroupRule,
    facts: _Facts,
    member: np.ndarray,
    group: np.ndarray,
    labels: list[Any],
    spans: Spans,
    days: tuple[int, int],
    by_group: dict[int, set[int]],
    language: str,
) -> list[Violation]:
    """The gaps of the groups and days flagged, found and worded by `_Staffing`'s own steps
    (its stretches of the same people present, its violation) over the members that day."""
    if not by_group:
        return []
    ids = facts.roster.ids
    order = np.argsort(spans.emp, kind="stable")
    sorted_emp = spans.emp[order]
    people = np.argsort(group, kind="stable")
    sorted_group = group[people]
    found: list[Violation] = []
    for g in sorted(by_group):
        a, b = np.searchsorted(sorted_group, [g, g + 1])
        members = np.sort(people[a:b])
        low = np.searchsorted(sorted_emp, members, side="left")
        high = np.searchsorted(sorted_emp, members, side="right")
        rows = (
            order[np.concatenate([np.arange(x, y) for x, y in zip(low, high, strict=True)])]
            if members.size
            else order[:0]
        )
        their = list(
            zip(
                [ids[who] for who in spans.emp[rows].tolist()],
                spans.start[rows].tolist(),
                spans.end[rows].tolist(),
                spans.location[rows].tolist(),
                strict=True,
            )
        )
        checker = _Staffing(rule, ByDay({}), their, facts.decider.zone, language)
        for offset in sorted(by_group[g]):
            day = days[0] + offset
            today = [str(ids[who]) for who in members[member[members, offset] == T].tolist()]
            base = day * DAY
            for start, end in rule.time.owned(day):
                for gap in checker._stretches(today, base + start, base + end):
                    if len(gap[0]) < rule.count:
                        found.append(checker._violation(gap, labels[g]))
    return found


def _shares(
    rule: CompiledGroupRule,
    roster: People,
    member: np.ndarray,
    group: np.ndarray,
    labels: list[Any],
    spans: Spans,
    days: tuple[int, int],
    headcount: Mapping[Any, int] | None,
    language: str,
    zone: zoneinfo.ZoneInfo,
) -> list[Violation]:
    width = days[1] - days[0] + 1
    first = spans.start // DAY
    last = (spans.end - 1) // DAY
    many = np.maximum(last - first + 1, 0)
    emp = np.repeat(spans.emp, many)
    day = np.repeat(first, many) + (np.arange(emp.size) - np.repeat(np.cumsum(many) - many, many))
    inside = (day >= days[0]) & (day <= days[1])
    away = distinct(emp[inside] * width + (day[inside] - days[0]))
    away_emp, away_day = away // width, away % width
    truth = member[away_emp, away_day]
    known = group[away_emp]
    sure = (truth == T) & (known >= 0)
    unsure = (truth != F) & ~sure
    groups = len(labels)
    found: list[Violation] = []
    counts = np.zeros((groups, width), dtype=np.int64)
    np.add.at(counts, (known[sure], away_day[sure]), 1)
    everywhere = np.bincount(away_day[unsure & (known < 0)], minlength=width)
    np.add.at(counts, (known[unsure & (known >= 0)], away_day[unsure & (known >= 0)]), 1)
    counts += everywhere[None, :]
    sizes = np.zeros((groups, width), dtype=np.int64)
    members = (member == T) & (group >= 0)[:, None]
    for offset in range(width):
        sizes[:, offset] = np.bincount(group[members[:, offset]], minlength=groups)
    label_of = [_label(rule, value) for value in labels]
    for g, label in enumerate(label_of):
        if headcount is not None and label in headcount:
            sizes[g, :] = headcount[label]
    percent = rule.count
    allowed = (percent.numerator * sizes) // (100 * percent.denominator)
    over_group, over_day = np.nonzero(counts > allowed)
    if not over_group.size:
        return []
    ids = roster.ids
    counted = sure | unsure
    keys = away_day[counted] * (groups + 1) + known[counted] + 1
    order = np.argsort(keys, kind="stable")
    keys, people = keys[order], away_emp[counted][order]
    for offset, g in sorted(zip(over_day.tolist(), over_group.tolist(), strict=True)):
        who: list[int] = []
        for key in (offset * (groups + 1) + g + 1, offset * (groups + 1)):
            a, b = np.searchsorted(keys, [key, key + 1])
            who.extend(people[a:b].tolist())
        names = sorted({str(ids[i]) for i in who})
        found.append(
            _share_violation(
                rule,
                days[0] + offset,
                zone,
                label_of[g],
                names,
                int(sizes[g, offset]),
                int(allowed[g, offset]),
                language,
            )
        )
    return found
