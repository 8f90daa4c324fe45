"""Staffing and shares as a map and a reduce over parts of a roster split by employee
(`flexrules.dask`; `Policy.check_table` is the case of one part), so that what travels between
processes is counts per group, not shifts (SCALE.md §2).

1. `extent` (map) and `judged_days` (reduce): the days judged, the period or else the first to
   the last day any part's shifts touch.
2. `Local` (map): per rule, this part's partial counts (`PartCounts`). Staffing: per group
   value, window of the rule's TIME and instant, the change in the members present (a sweep's
   +1/-1 events, summed per instant: a unit's few shift starts and ends, not its shifts).
   Shares: per group value and day, the members, those away, and those away whose group or
   membership is unknown (they count against every group).
3. `plan` (reduce): the counts summed by group value over every part; the group-days whose
   count falls short anywhere in a window, and the shares over their limit (`Plan`).
4. `Local.details` (map): for those only, the members present that day and their shifts, and
   the ids of those away (`Details`).
5. `word` (reduce): the gaps and overruns found and worded by the plain steps
   (`rosters.staffing._Staffing`, `_share_violation`), in `check_roster`'s order.

Parts travel as counts (groups x windows x instants) and details (the violations' people);
every shift stays where it was read. A part the counts do not take (staffing windows that
overlap; values Arrow cannot hash) raises `Unsupported`: the reduce then gathers every part's
facts and shifts for the plain steps (`plain_inputs`), with the same answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from ..clock.calendar import DAY
from ..core.messages import Text, chosen_language
from ..engine.conditions import F, T
from ..language.statement_forms import Form
from ..rosters.compile import CompiledGroupRule
from ..rosters.day_facts import ByDay
from ..rosters.periods import checked_period, period_limit, within_limit
from ..rosters.records import Violation
from ..rosters.staffing import RosterChecker, Span, _label, _share_violation, _Staffing
from .codes import distinct
from .roster_groups import GroupPart, Spans, _Facts, _key, _merged, _windows

__all__ = [
    "Details",
    "Local",
    "PartCounts",
    "Plan",
    "extent",
    "judged_days",
    "plain_inputs",
    "plan",
    "reduce_counted",
    "word",
]


def extent(spans: Spans) -> tuple[int, int] | None:
    """The first and last day (policy's clock) the part's shifts touch."""
    if not spans.emp.size:
        return None
    return int(spans.start.min()) // DAY, int(spans.end.max() - 1) // DAY


def judged_days(
    extents: list[tuple[int, int] | None], period: Any, max_period_days: int | None
) -> tuple[int, int] | None:
    """The days staffing and shares judge: the period, else the roster's shifts' days."""
    limit = period_limit(max_period_days)
    bounds = checked_period(period, limit)
    if bounds is not None:
        return bounds
    known = [e for e in extents if e is not None]
    if not known:
        return None
    days = (min(e[0] for e in known), max(e[1] for e in known))
    within_limit(days, limit, Text("input.period.shifts_span"), None)
    return days


class RuleCounts:
    """One rule's partial counts in one part (see the module); group numbers index
    `values`, this part's group values in `_key` order."""

    def __init__(self, values: list[Any]) -> None:
        self.values = values
        none = np.zeros(0, dtype=np.int64)
        #: staffing: cell (group * windows + window), instant, change in those present
        self.cell, self.time, self.delta = none, none, none
        #: shares, per group and day offset: away, members; per day: away of unknown group
        self.away = self.sizes = np.zeros((len(values), 0), dtype=np.int64)
        self.everywhere = none


class PartCounts:
    """A part's counts for every group rule, in the rules' order: what travels to `plan`."""

    def __init__(self, rules: list[RuleCounts]) -> None:
        self.rules = rules


class Plan:
    """What `plan` found over the whole roster: per staffing rule (by index) the groups
    (their values) and day offsets with a gap; per share rule the (day offset, group value,
    size, allowed) over their limit; or `plain`: the plain steps take the whole."""

    def __init__(
        self,
        days: tuple[int, int] | None,
        staffing: dict[int, list[tuple[Any, list[int]]]],
        shares: dict[int, list[tuple[int, Any, int, int]]],
        plain: bool = False,
    ) -> None:
        self.days, self.staffing, self.shares, self.plain = days, staffing, shares, plain

    @property
    def empty(self) -> bool:
        return not self.plain and not self.staffing and not self.shares


class Details:
    """A part's people in what `plan` found: per (staffing rule, group value key) the
    members by day offset and their shifts; per (share rule, day offset, group value key)
    the ids away."""

    def __init__(
        self,
        staffing: dict[tuple[int, Any], tuple[dict[int, list[str]], list[Span]]],
        shares: dict[tuple[int, int, Any], list[str]],
    ) -> None:
        self.staffing, self.shares = staffing, shares


class Local:
    """One part's counts (`counts`, which travel) and what `details` reads again (which stays
    with the part): each rule's membership by employee and day, and group by employee."""

    def __init__(self, rosters: RosterChecker, part: GroupPart, days: tuple[int, int]) -> None:
        self.part, self.days = part, days
        self._sorts: dict[int, tuple[Any, ...]] = {}
        facts = _Facts(rosters, part.people)
        self.member: list[np.ndarray] = []
        self.group: list[np.ndarray] = []
        self.values: list[list[Any]] = []
        #: share rules: those away each day (`_away_pairs`)
        self.away: list[tuple[np.ndarray, ...]] = []
        counted: list[RuleCounts] = []
        for rule in rosters.rules:
            member = facts.membership(rule, days)
            group, values = facts.groups(rule)
            self.member.append(member)
            self.group.append(group)
            self.values.append(values)
            found = RuleCounts(values)
            mine = part.spans.where(rule.locations)
            if rule.form is Form.STAFFING:
                _staffing_counts(found, rule, member, group, mine, days)
                self.away.append(())
            else:
                self.away.append(_away_pairs(member, group, mine, days))
                _share_counts(found, member, group, self.away[-1], days)
            counted.append(found)
        self.counts = PartCounts(counted)

    def details(self, rosters: RosterChecker, plan: Plan) -> Details:
        staffing: dict[tuple[int, Any], tuple[dict[int, list[str]], list[Span]]] = {}
        for index, flagged in plan.staffing.items():
            rule = rosters.rules[index]
            staffing.update(
                ((index, _key(value)), found)
                for value, found in self._members(rule, index, flagged)
            )
        shares: dict[tuple[int, int, Any], list[str]] = {}
        ids = self.part.people.ids
        for index, over in plan.shares.items():
            rule = rosters.rules[index]
            number = {_key(v): g for g, v in enumerate(self.values[index])}
            keys, people, groups = _away(self.away[index], len(self.values[index]))
            for offset, value, _, _ in over:
                who: list[int] = []
                g = number.get(_key(value))
                for g_key in ([g + 1] if g is not None else []) + [0]:
                    key = offset * (groups + 1) + g_key
                    a, b = np.searchsorted(keys, [key, key + 1])
                    who.extend(people[a:b].tolist())
                shares[(index, offset, _key(value))] = [str(ids[i]) for i in who]
        return Details(staffing, shares)

    def _sorted(self, rule: CompiledGroupRule, index: int) -> tuple[Any, ...]:
        """A staffing rule's shifts, group numbers and the sorts `_members` slices, made once
        per rule however many times `details` is asked (`flexrules.dask` asks once for each
        share of the plan)."""
        found = self._sorts.get(index)
        if found is None:
            spans = self.part.spans.where(rule.locations)
            group = self.group[index]
            people = np.argsort(group, kind="stable")
            order = np.argsort(spans.emp, kind="stable")
            number = {_key(v): g for g, v in enumerate(self.values[index])}
            found = (spans, number, people, group[people], order, spans.emp[order])
            self._sorts[index] = found
        return found

    def _members(
        self, rule: CompiledGroupRule, index: int, flagged: list[tuple[Any, list[int]]]
    ) -> list[tuple[Any, tuple[dict[int, list[str]], list[Span]]]]:
        """For each flagged group of a staffing rule: its members here on each flagged day,
        and their shifts at the rule's locations that meet those days' windows (members and
        shifts found by slices of arrays sorted once, as the group's are few)."""
        ids = self.part.people.ids
        member = self.member[index]
        spans, number, people, sorted_group, order, sorted_emp = self._sorted(rule, index)
        found: list[tuple[Any, tuple[dict[int, list[str]], list[Span]]]] = []
        for value, offsets in flagged:
            g = number.get(_key(value))
            if g is None:
                continue
            a, b = np.searchsorted(sorted_group, [g, g + 1])
            members = np.sort(people[a:b])
            today = {
                offset: [ids[w] for w in members[member[members, offset] == T].tolist()]
                for offset in offsets
            }
            low = np.searchsorted(sorted_emp, members, side="left")
            high = np.searchsorted(sorted_emp, members, side="right")
            rows = (
                order[np.concatenate([np.arange(x, y) for x, y in zip(low, high, strict=True)])]
                if members.size
                else order[:0]
            )
            start, end = spans.start[rows], spans.end[rows]
            meets = np.zeros(rows.size, dtype=bool)
            for offset in offsets:  # the shifts that meet a flagged day's windows
                base = (self.days[0] + offset) * DAY
                for w_low, w_high in rule.time.owned(self.days[0] + offset):
                    meets |= (start < base + w_high) & (end > base + w_low)
            rows = rows[meets]
            their: list[Span] = [
                (ids[e], s, t, loc)
                for e, s, t, loc in zip(
                    spans.emp[rows].tolist(),
                    spans.start[rows].tolist(),
                    spans.end[rows].tolist(),
                    spans.location[rows].tolist(),
                    strict=True,
                )
            ]
            found.append((value, (today, their)))
        return found


def _staffing_counts(
    found: RuleCounts,
    rule: CompiledGroupRule,
    member: np.ndarray,
    group: np.ndarray,
    spans: Spans,
    days: tuple[int, int],
) -> None:
    """The sweep's events of this part: per cell (group, window) and instant, the change in
    the members present (each person's shifts merged first: a person counts once)."""
    low, high, owner = _windows(rule, days)
    if not low.size or rule.count <= 0:
        return
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
    cell = group[emp] * low.size + window
    c, t, d = _summed(
        np.concatenate([cell, cell]),
        np.concatenate([a, b]),
        np.concatenate([np.ones(a.size, np.int64), -np.ones(b.size, np.int64)]),
    )
    # small types as they travel: an instant as seconds from its window's start
    found.cell, found.delta = c.astype(np.int32), d.astype(np.int32)
    found.time = (t - low[c % low.size]).astype(np.int32)


def _summed(
    cells: np.ndarray, times: np.ndarray, delta: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The events sorted by cell and instant, the changes at one instant of a cell summed
    (kept where they sum to nothing: an event is still a moment the count is read)."""
    if not cells.size:
        return cells.astype(np.int64), times.astype(np.int64), delta.astype(np.int64)
    order = np.lexsort((times, cells))
    cells, times, delta = cells[order], times[order], delta[order]
    new = np.ones(cells.size, dtype=bool)
    new[1:] = (times[1:] != times[:-1]) | (cells[1:] != cells[:-1])
    starts = np.flatnonzero(new)
    return cells[starts], times[starts], np.add.reduceat(delta, starts)


def _away(found: tuple[np.ndarray, ...], groups: int) -> tuple[np.ndarray, np.ndarray, int]:
    """Those a share counts away, per day: keys `offset * (groups + 1) + group + 1` (0 for an
    unknown group) sorted, and their employee numbers alike."""
    away_emp, away_day, known, sure, unsure = found
    counted = sure | unsure
    keys = away_day[counted] * (groups + 1) + known[counted] + 1
    order = np.argsort(keys, kind="stable")
    return keys[order], away_emp[counted][order], groups


def _away_pairs(
    member: np.ndarray, group: np.ndarray, spans: Spans, days: tuple[int, int]
) -> tuple[np.ndarray, ...]:
    """Each (employee, day offset) working at the rule's locations, with the employee's
    group, whether surely a member of it, and whether possibly (unknown membership or
    group)."""
    width = days[1] - days[0] + 1
    first = spans.start // DAY
    last = (spans.end - 1) // DAY
    many = np.maximum(last - first + 1, 0)
    emp = np.repeat(spans.emp, many)
    day = np.repeat(first, many) + (np.arange(emp.size) - np.repeat(np.cumsum(many) - many, many))
    inside = (day >= days[0]) & (day <= days[1])
    pairs = distinct(emp[inside] * width + (day[inside] - days[0]))
    away_emp, away_day = pairs // width, pairs % width
    truth = member[away_emp, away_day]
    known = group[away_emp]
    sure = (truth == T) & (known >= 0)
    unsure = (truth != F) & ~sure
    return away_emp, away_day, known, sure, unsure


def _share_counts(
    found: RuleCounts,
    member: np.ndarray,
    group: np.ndarray,
    away: tuple[np.ndarray, ...],
    days: tuple[int, int],
) -> None:
    width = days[1] - days[0] + 1
    groups = len(found.values)
    _, away_day, known, sure, unsure = away
    counts = np.zeros((groups, width), dtype=np.int64)
    np.add.at(counts, (known[sure], away_day[sure]), 1)
    mine = unsure & (known >= 0)
    np.add.at(counts, (known[mine], away_day[mine]), 1)
    found.away = counts.astype(np.int32)
    everywhere = np.bincount(away_day[unsure & (known < 0)], minlength=width)
    found.everywhere = everywhere.astype(np.int32)
    sizes = np.zeros((groups, width), dtype=np.int64)
    members = (member == T) & (group >= 0)[:, None]
    for offset in range(width):
        sizes[:, offset] = np.bincount(group[members[:, offset]], minlength=groups)
    found.sizes = sizes.astype(np.int32)


def plan(
    rosters: RosterChecker,
    counts: list[PartCounts | None],
    days: tuple[int, int] | None,
    headcount: Mapping[Any, int] | None,
) -> Plan:
    """Every part's counts summed by group value: the staffing gaps and shares over their
    limit to word (a `Plan`); a part that gave none (None) makes the plan plain."""
    staffing: dict[int, list[tuple[Any, list[int]]]] = {}
    shares: dict[int, list[tuple[int, Any, int, int]]] = {}
    if days is None:  # no period and no shifts: nothing to judge
        return Plan(days, staffing, shares)
    if any(part is None for part in counts):
        return Plan(days, staffing, shares, plain=True)
    parts = [part for part in counts if part is not None]
    for index, rule in enumerate(rosters.rules):
        mine = [part.rules[index] for part in parts]
        values, maps = _joined_values(mine)
        if rule.form is Form.STAFFING:
            found = _gaps(rule, mine, values, maps, days)
            if found:
                staffing[index] = found
        else:
            over = _over(rule, mine, values, maps, days, headcount)
            if over:
                shares[index] = over
    return Plan(days, staffing, shares)


def _joined_values(counts: list[RuleCounts]) -> tuple[list[Any], list[np.ndarray]]:
    """Every part's group values, in `_key` order, and each part's group numbers in them."""
    every = {_key(v): v for part in counts for v in part.values}
    keys = sorted(every)
    number = {key: g for g, key in enumerate(keys)}
    maps = [np.array([number[_key(v)] for v in part.values], dtype=np.int64) for part in counts]
    return [every[key] for key in keys], maps


def _gaps(
    rule: CompiledGroupRule,
    counts: list[RuleCounts],
    values: list[Any],
    maps: list[np.ndarray],
    days: tuple[int, int],
) -> list[tuple[Any, list[int]]]:
    """The groups and day offsets in which the members present fall short (a sweep of the
    summed events: the count after each instant, and nobody before a window's first)."""
    low, high, owner = _windows(rule, days)
    if not low.size or rule.count <= 0:
        return []
    size = low.size
    local = [p.cell.astype(np.int64) for p in counts]
    c, t, delta = _summed(
        np.concatenate([m[k // size] * size + k % size for k, m in zip(local, maps, strict=True)]),
        np.concatenate([low[k % size] + p.time for k, p in zip(local, counts, strict=True)]),
        np.concatenate([p.delta.astype(np.int64) for p in counts]),
    )
    short = np.ones((len(values), size), dtype=bool)  # a window without events: nobody
    if c.size:
        n = np.cumsum(delta)  # each cell's changes sum to nothing: the count within the cell
        start_of_cell = np.ones(t.size, dtype=bool)
        start_of_cell[1:] = c[1:] != c[:-1]
        end_of_cell = np.append(start_of_cell[1:], True)
        cell_low, cell_high = low[c % size], high[c % size]
        too_few = n * rule.count.denominator < rule.count.numerator
        bad = (too_few & ~end_of_cell) | (too_few & end_of_cell & (t < cell_high))
        bad |= start_of_cell & (t > cell_low)  # nobody from the window's start
        short.reshape(-1)[np.unique(c)] = False
        short.reshape(-1)[np.unique(c[bad])] = True
    flagged_group, flagged_window = np.nonzero(short)
    by_group: dict[int, set[int]] = {}
    for g, w in zip(flagged_group.tolist(), flagged_window.tolist(), strict=True):
        by_group.setdefault(g, set()).add(int(owner[w]))
    return [(values[g], sorted(offsets)) for g, offsets in sorted(by_group.items())]


def _over(
    rule: CompiledGroupRule,
    counts: list[RuleCounts],
    values: list[Any],
    maps: list[np.ndarray],
    days: tuple[int, int],
    headcount: Mapping[Any, int] | None,
) -> list[tuple[int, Any, int, int]]:
    """The (day offset, group value, size, allowed) whose members away pass the share."""
    width = days[1] - days[0] + 1
    groups = len(values)
    away = np.zeros((groups, width), dtype=np.int64)
    sizes = np.zeros((groups, width), dtype=np.int64)
    everywhere = np.zeros(width, dtype=np.int64)
    for part, m in zip(counts, maps, strict=True):
        if m.size:
            away[m] += part.away
            sizes[m] += part.sizes
        if part.everywhere.size:
            everywhere += part.everywhere
    away += everywhere[None, :]
    for g, value in enumerate(values):
        label = _label(rule, value)
        if headcount is not None and label in headcount:
            sizes[g, :] = headcount[label]
    percent = rule.count
    allowed = (percent.numerator * sizes) // (100 * percent.denominator)
    over_group, over_day = np.nonzero(away > allowed)
    return [
        (offset, values[g], int(sizes[g, offset]), int(allowed[g, offset]))
        for offset, g in sorted(zip(over_day.tolist(), over_group.tolist(), strict=True))
    ]


def word(rosters: RosterChecker, found: Plan, details: list[Details]) -> list[Violation]:
    """The gaps and overruns of the plan, worded with every part's details, in
    `check_roster`'s order (staffing, then shares; each by time, rule, group)."""
    days = found.days
    if days is None or found.empty:
        return []
    language = chosen_language(None, rosters.decider.metadata)
    order = {rule.decl.id.text: index for index, rule in enumerate(rosters.rules)}
    violations: list[Violation] = []
    for kind in (
        _worded_gaps(rosters, found, details, days, language),
        _worded_shares(rosters, found, details, days, language),
    ):
        kind.sort(key=lambda v: (v.start, order[v.rule], v.group is not None, str(v.group)))
        violations.extend(kind)
    return violations


def _worded_gaps(
    rosters: RosterChecker,
    found: Plan,
    details: list[Details],
    days: tuple[int, int],
    language: str,
) -> list[Violation]:
    """Each flagged group's gaps, by `_Staffing`'s own stretches over its members that day."""
    staffing: list[Violation] = []
    for index, flagged in found.staffing.items():
        rule = rosters.rules[index]
        for value, offsets in flagged:
            today: dict[int, list[str]] = {offset: [] for offset in offsets}
            their: list[Span] = []
            for part in details:
                got = part.staffing.get((index, _key(value)))
                if got is not None:
                    for offset, ids in got[0].items():
                        today[offset].extend(ids)
                    their.extend(got[1])
            checker = _Staffing(rule, ByDay({}), their, rosters.decider.zone, language)
            for offset in offsets:
                base = (days[0] + offset) * DAY
                for start, end in rule.time.owned(days[0] + offset):
                    for gap in checker._stretches(today[offset], base + start, base + end):
                        if len(gap[0]) < rule.count:
                            staffing.append(checker._violation(gap, value))
    return staffing


def _worded_shares(
    rosters: RosterChecker,
    found: Plan,
    details: list[Details],
    days: tuple[int, int],
    language: str,
) -> list[Violation]:
    """Each share over its limit, naming everyone counted away in every part."""
    shares: list[Violation] = []
    for index, over in found.shares.items():
        rule = rosters.rules[index]
        for offset, value, size, allowed in over:
            names: set[str] = set()
            for part in details:
                names.update(part.shares.get((index, offset, _key(value)), ()))
            label = _label(rule, value)
            shares.append(
                _share_violation(
                    rule,
                    days[0] + offset,
                    rosters.decider.zone,
                    label,
                    sorted(names),
                    size,
                    allowed,
                    language,
                )
            )
    return shares


def reduce_counted(
    rosters: RosterChecker,
    parts: list[GroupPart],
    period: Any = None,
    headcount: Mapping[Any, int] | None = None,
    max_period_days: int | None = None,
) -> list[Violation]:
    """The steps of the module in one process, over parts of a roster split by employee."""
    if not rosters.rules:
        return []
    days = judged_days([extent(part.spans) for part in parts], period, max_period_days)
    if days is None:
        return []
    local = [Local(rosters, part, days) for part in parts]
    found = plan(rosters, [one.counts for one in local], days, headcount)
    if found.empty:
        return []
    return word(rosters, found, [one.details(rosters, found) for one in local])


def plain_inputs(rosters: RosterChecker, part: GroupPart) -> tuple[dict[str, Any], list[Span]]:
    """A columnar part as the plain steps read it (`RosterChecker.group_violations`): each
    employee's typed facts, and its shifts on the policy's clock."""
    decider = rosters.decider
    people = part.people
    rows = people.employees.to_pylist() if people.count else []
    facts = {
        ident: decider.employee_values(row) for ident, row in zip(people.ids, rows, strict=True)
    }
    spans = part.spans
    ids = people.ids
    return facts, [
        (ids[who], start, end, location)
        for who, start, end, location in zip(
            spans.emp.tolist(),
            spans.start.tolist(),
            spans.end.tolist(),
            spans.location.tolist(),
            strict=True,
        )
    ]
