"""Deciding shifts with compiled rules: cut at boundaries, evaluate by bit sets, combine.

Per local day, a plan lists the day's boundaries and, for each stretch between them, the bit
set of rules whose TIME holds there; plans are computed once per day and kept. Per decision,
each rule's applicability is computed once (once per day for rules with relative dates), and
becomes three bit sets: rules that deny, permit, or apply where their TIME holds. A piece's
outcome is then a few `&` operations.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

from . import ast
from .calendar import zone
from .compile import (
    DAY,
    MAY,
    MUST,
    MUST_NOT,
    CompiledRule,
    F,
    T,
    build_calendar,
    compile_rules,
    override_order,
)
from .decision import Decision
from .facts import (
    Employee,
    attribute_source,
    employee_zone,
    field,
    location_code,
    shift_parts,
    shift_span,
)
from .intervals import clip, normalise
from .intervals import shift as shift_intervals
from .symbols import Symbols

Plan = tuple[tuple[int, ...], tuple[int, ...]]


class Decider:
    """The compiled form of a policy's shift rules, ready to decide."""

    def __init__(
        self, symbols: Symbols, timezone: str, default_allow: bool, metadata: dict[str, Any]
    ) -> None:
        self.metadata = metadata
        self.calendar = build_calendar(symbols)
        self.context, rules = compile_rules(symbols, self.calendar)
        self.rules: tuple[CompiledRule, ...] = tuple(rules)
        self.timezone_name = timezone
        self.zone = zone(timezone)
        self.default_allow = default_allow
        self.employee_slots = tuple(self.context.employee_slots.values())
        self.shift_slots = tuple(self.context.shift_slots.values())
        self._employee_readers = tuple((s.read, s.coerce) for s in self.employee_slots)
        self._shift_readers = tuple((s.read, s.coerce) for s in self.shift_slots)
        self._timed = tuple(r for r in self.rules if not r.time.always)
        self._always = sum(r.bit for r in self.rules if r.time.always)
        self._overriders = override_order(rules)
        self._day_dependent = any(r.day_dependent for r in self.rules)
        self._plans: dict[int, Plan] = {}
        self._lock = threading.Lock()
        self._bit_rules: dict[int, tuple[CompiledRule, ...]] = {}

    # ---- plans ---------------------------------------------------------------------------

    def plan(self, day: int) -> Plan:
        """The boundaries of a local day and, per stretch, the rules whose TIME holds."""
        plan = self._plans.get(day)
        if plan is not None:
            return plan
        coverage: list[tuple[int, tuple[tuple[int, int], ...]]] = []
        points = {0, DAY}
        for rule in self._timed:
            spans = clip(
                normalise(
                    (*shift_intervals(rule.time.owned(day - 1), -DAY), *rule.time.owned(day))
                ),
                0,
                DAY,
            )
            coverage.append((rule.bit, spans))
            for start, end in spans:
                points.add(start)
                points.add(end)
        bounds = tuple(sorted(points))
        masks = []
        for start in bounds[:-1]:
            mask = self._always
            for bit, spans in coverage:
                for span_start, span_end in spans:
                    if span_start <= start < span_end:
                        mask |= bit
                        break
            masks.append(mask)
        plan = (bounds, tuple(masks))
        with self._lock:
            if len(self._plans) > 20000:
                self._plans.clear()
            self._plans[day] = plan
        return plan

    def rules_of(self, bits: int) -> tuple[CompiledRule, ...]:
        """The rules in a bit set, in source order."""
        found = self._bit_rules.get(bits)
        if found is None:
            found = tuple(r for r in self.rules if bits & r.bit)
            self._bit_rules[bits] = found
        return found

    # ---- facts ---------------------------------------------------------------------------

    def employee_values(self, employee: Any) -> list[Any]:
        """The employee's declared attributes, read and typed (UNKNOWN when unusable)."""
        source, is_mapping = attribute_source(employee, Employee)
        return [coerce(read(source, is_mapping)) for read, coerce in self._employee_readers]

    # ---- deciding --------------------------------------------------------------------------

    def outcome_bits(
        self, ev: list[Any], sv: list[Any], day: int, location: int
    ) -> tuple[int, int, int]:
        """Bit sets of rules that deny, permit, and apply, wherever their TIME holds."""
        deny = permit = applies = 0
        for rule in self.rules:
            truth = rule.applies(ev, sv, day)
            if truth == F:
                continue
            matches = location & rule.locations
            kind = rule.kind
            if kind == MAY:
                if truth == T and matches:
                    permit |= rule.bit
                    applies |= rule.bit
            elif kind == MUST_NOT:
                if matches:
                    deny |= rule.bit
                    if truth == T:
                        applies |= rule.bit
            else:  # MUST
                if not matches:
                    deny |= rule.bit
                if truth == T:
                    applies |= rule.bit
                    if matches and rule.names_location:
                        permit |= rule.bit
        return deny, permit, applies

    def decide(self, employee: Any, shift: Any) -> Decision:
        where = self.zone
        if (
            employee.get("timezone") if type(employee) is dict
            else field(employee, "timezone", Employee)
        ) is not None:
            where = employee_zone(employee, self.zone)
        start_value, end_value, location_value, shift_source, shift_is_mapping = shift_parts(shift)
        start, end = shift_span(start_value, end_value, where)
        location = location_code(location_value)
        ev = self.employee_values(employee)
        sv = [coerce(read(shift_source, shift_is_mapping)) for read, coerce in self._shift_readers]
        runs = self.cut(ev, sv, start, end, location)
        return Decision(self, employee, shift, where, start, end, location, tuple(runs), ev, sv)

    def cut(
        self, ev: list[Any], sv: list[Any], start: int, end: int, location: int
    ) -> list[list[Any]]:
        """Runs [start, end, allowed, deciding bits] of the pieces of [start, end)."""
        runs: list[list[Any]] = []
        first_day = start // DAY
        last_day = (end - 1) // DAY
        bits = None
        overriders = self._overriders
        default_allow = self.default_allow
        for day in range(first_day, last_day + 1):
            if bits is None or self._day_dependent:
                deny, permit, applies = bits = self.outcome_bits(ev, sv, day, location)
            bounds, masks = self.plan(day)
            base = day * DAY
            low = start - base
            high = end - base
            for index, mask in enumerate(masks):
                piece_start = bounds[index]
                piece_end = bounds[index + 1]
                if piece_end <= low:
                    continue
                if piece_start >= high:
                    break
                denying = deny & mask
                permitting = permit & mask
                if overriders:
                    aside = 0
                    active = applies & mask
                    for rule in overriders:
                        if active & rule.bit and not aside & rule.bit:
                            aside |= rule.overrides
                    denying &= ~aside
                    permitting &= ~aside
                if denying:
                    allowed, deciding = False, denying
                elif permitting:
                    allowed, deciding = True, permitting
                else:
                    allowed, deciding = default_allow, 0
                a = base + (piece_start if piece_start > low else low)
                b = base + (piece_end if piece_end < high else high)
                if runs:
                    last = runs[-1]
                    if last[1] == a and last[2] is allowed and last[3] == deciding:
                        last[1] = b
                        continue
                runs.append([a, b, allowed, deciding])
        return runs

    def pieces(self, decision: Decision) -> list[tuple[int, int, int, int]]:
        """A decided shift's pieces: (start, end, local day, rules that apply there)."""
        ev, sv = decision.facts
        start, end = decision.start_seconds, decision.end_seconds
        found: list[tuple[int, int, int, int]] = []
        bits = None
        for day in range(start // DAY, (end - 1) // DAY + 1):
            if bits is None or self._day_dependent:
                bits = self.outcome_bits(ev, sv, day, decision.location)
            applies = bits[2]
            bounds, masks = self.plan(day)
            base = day * DAY
            for index, mask in enumerate(masks):
                a = max(base + bounds[index], start)
                b = min(base + bounds[index + 1], end)
                if a < b:
                    found.append((a, b, day, applies & mask))
        return found

    def decide_many(self, pairs: Iterable[tuple[Any, Any]]) -> list[Decision]:
        """Decide many pairs; employees met again reuse their typed facts."""
        decisions: list[Decision] = []
        known: dict[int, tuple[Any, list[Any]]] = {}
        for employee, shift in pairs:
            where = self.zone
            if field(employee, "timezone", Employee) is not None:
                where = employee_zone(employee, self.zone)
            start_value, end_value, location_value, source, is_mapping = shift_parts(shift)
            start, end = shift_span(start_value, end_value, where)
            location = location_code(location_value)
            cached = known.get(id(employee))
            if cached is not None and cached[0] is employee:
                ev = cached[1]
            else:
                ev = self.employee_values(employee)
                known[id(employee)] = (employee, ev)
            sv = [coerce(read(source, is_mapping)) for read, coerce in self._shift_readers]
            runs = self.cut(ev, sv, start, end, location)
            decisions.append(
                Decision(self, employee, shift, where, start, end, location, tuple(runs), ev, sv)
            )
        return decisions
