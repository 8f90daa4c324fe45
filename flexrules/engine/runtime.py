"""Deciding shifts with compiled rules: cut at boundaries, evaluate by bit sets, combine.

Per local day, a plan lists the day's boundaries and, for each stretch between them, the bit set
of rules whose TIME holds there; plans are computed once per day and kept. Each rule's
applicability to a set of facts becomes three bit sets: rules that deny, permit, or apply where
their TIME holds. With the day's runs those give under each plan, they make the facts' standing,
remembered by the facts as given (the bits of rules that depend on the day, through relative
dates, are added for each day, and the result kept by its bits). A piece's outcome is then a few
`&` operations. A shift given in naive ISO text within one local day is decided by its two
moments (what each time text means here, worked out once): its outcome, and its reasons ready to
give, are one look-up among its day's runs; the runs themselves are cut only if someone asks for
them.
"""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import Any

from ..clock.calendar import zone
from ..clock.intervals import clip as clip_spans
from ..clock.intervals import normalise
from ..clock.intervals import shift as shift_intervals
from ..language.symbols import Symbols
from .compile import (
    DAY,
    MAY,
    MUST_NOT,
    CompiledRule,
    F,
    T,
    build_calendar,
    compile_rules,
    override_order,
)
from .decision import Decision
from .fact_readers import key_reader, key_types, mapping_reader
from .facts import (
    FIRST_DAY,
    LAST_DAY,
    LOCATIONS,
    MISSING,
    UNKNOWN,
    Employee,
    Facts,
    Values,
    attribute_source,
    employee_zone,
    field,
    location_code,
    naive_seconds,
    shift_parts,
    shift_span,
)

#: a day's boundaries, the rules whose TIME holds in each stretch, and an id shared by
#: every day with the same plan (so outcomes computed for one serve them all)
Plan = tuple[tuple[int, ...], tuple[int, ...], int]
#: a stretch of a day's runs, from bisecting their starts with a shift's start (`first`, to
#: the right) and end (`last`, to the left), is remembered as `first * STRETCH + last`
STRETCH = 1_000_000  # more than a day's runs, which start at whole seconds
#: a run of pieces: (start, end, allowed, deciding rule bits)
Run = tuple[int, int, bool, int]
#: a reason of a stretch of a day's runs, ready to give: the rule (None for the policy
#: default), its id, and its run's start and end in seconds from midnight, None where the run
#: is cut by the shift's own start or end
Recipe = tuple[tuple["CompiledRule | None", str | None, int | None, int | None], ...]
#: what a stretch of a day's runs comes to: whether every run in it is allowed, the ids of the
#: rules behind that (None for the policy default) as `Decision.reasons` names them, and those
#: reasons' recipe
Summary = tuple[bool, tuple[str | None, ...], Recipe]
#: a day's outcome: run starts (for bisect), runs in seconds from midnight, and the summaries
#: of stretches of runs met so far, by `first * STRETCH + last` and by the stretch of the day
#: plan's boundaries a shift covers (see `Moment`)
DayRuns = tuple[tuple[int, ...], tuple[Run, ...], dict[int, Summary], dict[int, Summary]]
#: runs of a shift, in seconds from a base
Runs = tuple[Run, ...]
#: what a set of facts means for the policy: the facts, the bit sets of rules that deny,
#: permit and apply, and the day's runs under each day plan (by plan id), filled as met. Where
#: rules depend on the day, the standing a set of facts has at a location counts only the other
#: rules; `Decider.on_day` gives the whole one for a day
Standing = tuple[Facts, tuple[int, int, int], dict[int, DayRuns]]
#: a naive ISO time as `decide` and `decide_many` read it, worked out once per text: its local
#: seconds, the id of its day's plan, its part of a shift's key as the start, and as the end.
#: A start's part is `stretch * STRETCH + day * DAYS` and an end's is `stretch - day * DAYS`,
#: where a stretch bisects the day plan's boundaries as `clipped` bisects a day's runs (whose
#: starts are among them), and an end's day is the one it ends (an end at midnight ends the day
#: before). For a shift that ends after it starts, the two add up to a key of `DayRuns`' last
#: memory when it starts and ends on one day, and to a negative number when not.
Moment = tuple[int, int, int, int]
DAYS = 1 << 40  # more than STRETCH times a day's boundaries
#: How many entries each memory keeps before it starts afresh. Every entry is a few objects the
#: garbage collector must walk, so only memories that hit on real traffic are kept: remembering
#: whole outcomes or (start, end) pairs was measured to cost more than it saved on P1.
_PLAN_LIMIT = 20_000  # local days
_STANDING_LIMIT = 20_000  # facts -> standing
_RUNS_LIMIT = 20_000  # (day plan, rule bits) -> a day's runs
_MOMENT_LIMIT = 50_000  # time texts -> moments
#: marks a standing's key made of typed values, as the general input path reads them; it
#: never meets a key of values as given (`codegen.key_reader`), which has no such object
TYPED = object()


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
        self._employee_mapping = mapping_reader(
            [s.decl for s in self.employee_slots],
            [s.coerce for s in self.employee_slots],
            "employees",
        )
        self._shift_mapping = mapping_reader(
            [s.decl for s in self.shift_slots], [s.coerce for s in self.shift_slots], "shifts"
        )
        if not self.shift_slots:  # no shift attributes: nothing to read
            self._shift_mapping = _no_facts
        self._timed = tuple(r for r in self.rules if not r.time.always)
        self._always = sum(r.bit for r in self.rules if r.time.always)
        self._overriders = override_order(rules)
        self.day_dependent = any(r.day_dependent for r in self.rules)
        #: the rules whose applicability depends on the shift's day (relative dates): their
        #: part of a standing is worked out per day; the others' once per set of facts
        self._day_rules = tuple(r for r in self.rules if r.day_dependent)
        self._free_rules = tuple(r for r in self.rules if not r.day_dependent)
        self._plans: dict[int, Plan] = {}
        self._plan_ids: dict[tuple[tuple[int, ...], tuple[int, ...]], int] = {}
        #: by fact key (never None), the standings by location; where rules depend on the day,
        #: those count only the other rules, and the whole standings of each day are kept beside
        #: them by (location, rule bits) (see `on_day`)
        self._standings: dict[Any, dict[Any, Standing]] = {}
        #: the employee's and shift's declared values as given, if they can key a standing
        self.fact_key = key_reader(
            [s.decl for s in self.employee_slots], [s.decl for s in self.shift_slots]
        )
        #: what `fact_key` accepts of each employee attribute, for reading many at once
        self.employee_key_types = key_types([s.decl for s in self.employee_slots])
        self._runs_memo: dict[tuple[int, tuple[int, int, int]], DayRuns] = {}
        self.moments: dict[Any, Moment] = {}  # naive ISO text -> what it means here
        self._lock = threading.Lock()
        self._bit_rules: dict[int, tuple[CompiledRule, ...]] = {}
        self.deciders: dict[int, tuple[tuple[CompiledRule | None, str | None], ...]] = {}

    # ---- plans ---------------------------------------------------------------------------

    def plan(self, day: int) -> Plan:
        """The boundaries of a local day and, per stretch, the rules whose TIME holds."""
        plan = self._plans.get(day)
        if plan is not None:
            return plan
        coverage: list[tuple[int, tuple[tuple[int, int], ...]]] = []
        points = {0, DAY}
        for rule in self._timed:
            spans = clip_spans(
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
        content = (bounds, tuple(masks))
        with self._lock:
            plan_id = self._plan_ids.setdefault(content, len(self._plan_ids))
            plan = (bounds, content[1], plan_id)
            if len(self._plans) > _PLAN_LIMIT:
                self._plans.clear()
            self._plans[day] = plan
        return plan

    def deciders_of(self, bits: int) -> tuple[tuple[CompiledRule | None, str | None], ...]:
        """What decides a run with these deciding rule bits, for its reasons: each rule with
        its id, in source order, or (None, None), the policy default, when no rule does.
        Kept in `deciders`, which is never empty for a bit set it holds."""
        found = self.deciders.get(bits)
        if found is None:
            found = tuple((rule, rule.decl.id.text) for rule in self.rules_of(bits)) or (
                (None, None),
            )
            self.deciders[bits] = found
        return found

    def rules_of(self, bits: int) -> tuple[CompiledRule, ...]:
        """The rules in a bit set, in source order."""
        found = self._bit_rules.get(bits)
        if found is None:
            found = tuple(r for r in self.rules if bits & r.bit)
            self._bit_rules[bits] = found
        return found

    # ---- facts ---------------------------------------------------------------------------

    def employee_values(self, employee: Any) -> Values:
        """The employee's declared attributes, read and typed (UNKNOWN when unusable)."""
        return self.employee_facts(employee)[0]

    def employee_facts(self, employee: Any) -> tuple[Values, dict[int, Any] | None]:
        """Typed attribute values, and the values given for the unusable ones."""
        source, is_mapping = attribute_source(employee, Employee)
        if is_mapping:
            return self._employee_mapping(source)
        return _read_object(source, self._employee_readers)

    def shift_facts(self, source: Any, is_mapping: bool) -> tuple[Values, dict[int, Any] | None]:
        """The shift's declared attributes, typed, and the values given for unusable ones."""
        if is_mapping:
            return self._shift_mapping(source)
        return _read_object(source, self._shift_readers)

    # ---- deciding --------------------------------------------------------------------------

    def outcome_bits(
        self,
        ev: Values,
        sv: Values,
        day: int,
        location: int,
        rules: tuple[CompiledRule, ...] | None = None,
    ) -> tuple[int, int, int]:
        """Bit sets of rules that deny, permit, and apply, wherever their TIME holds; of
        `rules` (each rule adds its own bits), or of every rule."""
        deny = permit = applies = 0
        for rule in self.rules if rules is None else rules:
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
        """`Policy.decide`: the common case here, in one straight block; any other in full."""
        if type(employee) is dict and type(shift) is dict and employee.get("timezone") is None:
            # the common case, kept to dictionary look-ups: plain dicts on the policy's clock,
            # naive ISO times (each worked out once, as a `Moment`), within one local day
            try:
                start_text, end_text = shift.get("start"), shift.get("end")
                start = self.moments.get(start_text) or self.moment(start_text)
                end = self.moments.get(end_text) or self.moment(end_text)
                location = LOCATIONS.get(shift.get("location"))  # type: ignore[arg-type]
            except Exception:  # unhashable, or a hash that fails: the full checks say which,
                return self.decide_in_full(employee, shift)  # as an InputError
            if start is None or end is None or location is None or start[0] >= end[0]:
                return self.decide_in_full(employee, shift)
            stretch = start[2] + end[3]  # negative when the shift ends on a later day
            if stretch < 0:
                return self.decide_in_full(employee, shift)
            key = self.fact_key(employee, shift)
            by_location = self._standings.get(key)  # never under None: see `standing`
            if by_location is None or (standing := by_location.get(location)) is None:
                standing = self.standing_of(employee, shift, location, start[0] // DAY, key)
            elif self._day_rules:
                standing = self.on_day(by_location, standing, start[0] // DAY, location)
            found = standing[2].get(start[1]) or self.runs_under_plan(standing, start[0] // DAY)
            summary = found[3].get(stretch) or self.shift_summary(found, start, end)
            assert summary is not None  # the shift is within a day
            return Decision(
                self,
                (employee.get("id"), employee.get("name")),
                shift,
                self.zone,
                start[0],
                end[0],
                location,
                standing,
                summary[0],
                None,
                found,
                summary[2],
            )
        return self.decide_in_full(employee, shift)

    def decide_in_full(self, employee: Any, shift: Any) -> Decision:
        """`decide` for any employee and shift: mappings or objects, any time zone, times as
        text or datetimes, checked with the messages `InputError` gives, over several days."""
        where = employee_zone(employee, self.zone)
        start_value, end_value, location_value, source, is_mapping = shift_parts(shift)
        start, end = shift_span(start_value, end_value, where)
        location = location_code(location_value)
        ev, bad_employee = self.employee_facts(employee)
        sv, bad_shift = self.shift_facts(source, is_mapping)
        day = start // DAY
        standing = self.standing((ev, sv, bad_employee, bad_shift), location, day)
        who = (field(employee, "id", Employee), field(employee, "name", Employee))
        if (end - 1) // DAY != day:
            runs, allowed = self.cut_days(standing, start, end, location)
            return Decision(
                self, who, shift, where, start, end, location, standing, allowed, runs, None, None
            )
        found = standing[2].get(self.plan(day)[2]) or self.runs_under_plan(standing, day)
        base = day * DAY
        runs, allowed = self.clipped(found, start - base, end - base)
        return Decision(
            self, who, shift, where, start, end, location, standing, allowed, runs, None, None
        )

    def runs_under_plan(self, standing: Standing, day: int) -> DayRuns:
        """The day's runs for a standing, kept with it under the day's plan."""
        found = self.day_runs(day, standing[1])
        standing[2][self.plan(day)[2]] = found
        return found

    def standing_of(
        self, employee: Any, shift: Any, location: int, day: int, key: tuple[Any, ...] | None
    ) -> Standing:
        """The standing of a plain-dict employee and shift at a location, whose `fact_key` is
        `key` (see `standing`)."""
        ev, bad_employee = self._employee_mapping(employee)
        sv, bad_shift = self._shift_mapping(shift)
        return self.standing((ev, sv, bad_employee, bad_shift), location, day, key)

    def clipped(self, found: DayRuns, low: int, high: int) -> tuple[Runs, bool]:
        """The runs of a day that [low, high) covers, cut to it, and whether all are allowed."""
        starts, day_runs, summaries, _ = found
        first = bisect_right(starts, low)
        last = bisect_left(starts, high)
        summary = summaries.get(first * STRETCH + last) or self.summary(found, first, last)
        head = day_runs[first - 1]
        if first == last:
            return ((low, high, head[2], head[3]),), summary[0]
        tail = day_runs[last - 1]
        return (
            (low, head[1], head[2], head[3]),
            *day_runs[first : last - 1],
            (tail[0], high, tail[2], tail[3]),
        ), summary[0]

    def summary(self, found: DayRuns, first: int, last: int) -> Summary:
        """What runs `first - 1` to `last - 1` of a day come to (see `Summary`), kept. The rule
        ids are those `Decision.reasons` names, in its order (tests/test_bulk.py holds the two
        together)."""
        runs = found[1][first - 1 : last]
        allowed = all(run[2] for run in runs)
        recipe = tuple(
            (rule, rule_id, run[0] if index else None, run[1] if index < len(runs) - 1 else None)
            for index, run in enumerate(runs)
            if run[2] is allowed
            for rule, rule_id in self.deciders_of(run[3])
        )
        result = (allowed, tuple(entry[1] for entry in recipe), recipe)
        found[2][first * STRETCH + last] = result
        return result

    def moment(self, text: Any) -> Moment | None:
        """What a naive ISO time means for this policy (see `Moment`), remembered; None for
        anything else, and for a time on or next to a day flexrules does not decide."""
        if type(text) is not str:
            return None
        found = self.moments.get(text)
        if found is not None:
            return found
        seconds = naive_seconds(text)
        if seconds is None:
            return None
        day, last_day = seconds // DAY, (seconds - 1) // DAY
        if last_day < FIRST_DAY or day > LAST_DAY:  # `decide_in_full` says why
            return None
        bounds, _, plan_id = self.plan(day)
        moment = (
            seconds,
            plan_id,
            bisect_right(bounds, seconds - day * DAY) * STRETCH + day * DAYS,
            bisect_left(self.plan(last_day)[0], seconds - last_day * DAY) - last_day * DAYS,
        )
        with self._lock:
            if len(self.moments) >= _MOMENT_LIMIT:
                self.moments.clear()
            self.moments[text] = moment
        return moment

    def shift_summary(self, found: DayRuns, start: Moment, end: Moment) -> Summary | None:
        """What a shift from `start` to `end` comes to in its day's runs, kept by its key (see
        `Moment`); None if it does not end after it starts on the same day."""
        if not within_a_day(start, end):
            return None
        day = start[0] // DAY
        low, high = start[0] - day * DAY, end[0] - day * DAY
        first, last = bisect_right(found[0], low), bisect_left(found[0], high)
        summary = found[2].get(first * STRETCH + last) or self.summary(found, first, last)
        found[3][start[2] + end[3]] = summary
        return summary

    def standing(
        self, facts: Facts, location: int, day: int, key: tuple[Any, ...] | None = None
    ) -> Standing:
        """What these facts mean for the policy at a location on a day: the rules' bit sets,
        and a place for the day runs they give under each day plan. Remembered by the values
        as given (`key`, which pins the typed facts too) or else by the typed values; a value
        that cannot be hashed is not remembered. The part of the rules that depend on the day is
        worked out for each day (`on_day`)."""
        ev, sv = facts[0], facts[1]
        pinned = key is not None
        if key is None:
            key = (TYPED, *ev, None, *sv)
            try:
                hash(key)
            except Exception:  # an unhashable fact value, or one whose hash fails
                return facts, self.outcome_bits(ev, sv, day, location), {}
        by_location = self.standings_by_location(key)
        found = by_location.get(location)
        if found is None:
            found = by_location.setdefault(
                location, (facts, self.outcome_bits(ev, sv, day, location, self._free_rules), {})
            )
        if self._day_rules:
            found = self.on_day(by_location, found, day, location)
        # typed values do not pin the values given for unusable facts: keep this call's
        return found if pinned else (facts, found[1], found[2])

    def on_day(
        self, by_location: dict[Any, Standing], free: Standing, day: int, location: int
    ) -> Standing:
        """The standing of a set of facts on a day, from its standing under the rules that do
        not depend on the day (`free`, kept by location in `by_location`), with the bits of
        those that do. Kept there too, by its bits: the day-dependent rules' outcome changes
        on few days (when a relative date passes), so its day runs are shared."""
        facts = free[0]
        deny, permit, applies = self.outcome_bits(
            facts[0], facts[1], day, location, self._day_rules
        )
        bits = free[1]
        key = (location, bits[0] | deny, bits[1] | permit, bits[2] | applies)
        found = by_location.get(key)
        if found is None:
            found = by_location.setdefault(key, (facts, key[1:], {}))
        return found

    def standings_by_location(self, key: tuple[Any, ...]) -> dict[Any, Standing]:
        """The standings remembered for a fact key, by location, made on first use."""
        found = self._standings.get(key)
        if found is None:
            with self._lock:
                if len(self._standings) >= _STANDING_LIMIT:
                    self._standings.clear()
                found = self._standings.setdefault(key, {})
        return found

    def day_runs(self, day: int, bits: tuple[int, int, int]) -> DayRuns:
        """A day's outcome, as merged runs in seconds from midnight, for these rule bits."""
        bounds, masks, plan_id = self._plans.get(day) or self.plan(day)
        key = (plan_id, bits)
        found = self._runs_memo.get(key)
        if found is not None:
            return found
        deny, permit, applies = bits
        overriders = self._overriders
        default_allow = self.default_allow
        runs: list[list[Any]] = []
        for index, mask in enumerate(masks):
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
            if runs and runs[-1][2] is allowed and runs[-1][3] == deciding:
                runs[-1][1] = bounds[index + 1]
            else:
                runs.append([bounds[index], bounds[index + 1], allowed, deciding])
        found = (
            tuple(r[0] for r in runs),
            tuple((a, b, ok, bits) for a, b, ok, bits in runs),
            {},
            {},
        )
        if len(self._runs_memo) >= _RUNS_LIMIT:
            self._runs_memo.clear()
        self._runs_memo[key] = found
        return found

    def cut_days(
        self, standing: Standing, start: int, end: int, location: int
    ) -> tuple[Runs, bool]:
        """The runs (start, end, allowed, deciding bits) of a shift over several local days,
        in seconds from its first midnight, and whether every run is allowed."""
        first_day = start // DAY
        base = first_day * DAY
        facts, bits = standing[0], standing[1]
        merged: list[list[Any]] = []
        for day in range(first_day, (end - 1) // DAY + 1):
            if day != first_day and self.day_dependent:
                bits = self.outcome_bits(facts[0], facts[1], day, location)
            day_runs = self.day_runs(day, bits)[1]
            offset = (day - first_day) * DAY
            low = start - base - offset
            high = end - base - offset
            for run_start, run_end, allowed, deciding in day_runs:
                if run_end <= low:
                    continue
                if run_start >= high:
                    break
                a = offset + (run_start if run_start > low else low)
                b = offset + (run_end if run_end < high else high)
                if (
                    merged
                    and merged[-1][1] == a
                    and merged[-1][2] is allowed
                    and merged[-1][3] == deciding
                ):
                    merged[-1][1] = b
                else:
                    merged.append([a, b, allowed, deciding])
        runs = tuple((a, b, allowed, deciding) for a, b, allowed, deciding in merged)
        return runs, all(run[2] for run in runs)

    def pieces(self, decision: Decision) -> list[tuple[int, int, int, int]]:
        """A decided shift's pieces: (start, end, local day, rules that apply there)."""
        ev, sv = decision.facts
        start, end = decision.start_seconds, decision.end_seconds
        found: list[tuple[int, int, int, int]] = []
        bits = decision.rule_bits  # of its first day
        for day in range(start // DAY, (end - 1) // DAY + 1):
            if day != start // DAY and self.day_dependent:
                bits = self.outcome_bits(ev, sv, day, decision.location)
            applies = bits[2]
            bounds, masks, _ = self.plan(day)
            base = day * DAY
            for index, mask in enumerate(masks):
                a = max(base + bounds[index], start)
                b = min(base + bounds[index + 1], end)
                if a < b:
                    found.append((a, b, day, applies & mask))
        return found


def within_a_day(start: Moment, end: Moment) -> bool:
    """Whether a shift between two moments ends after it starts, on the local day it starts."""
    return start[0] < end[0] and start[0] // DAY == (end[0] - 1) // DAY


_NO_FACTS: tuple[Values, None] = ((), None)


def _no_facts(source: Any) -> tuple[Values, None]:
    return _NO_FACTS


def _read_object(
    source: Any, readers: tuple[tuple[Callable[[Any], Any], Callable[[Any], Any]], ...]
) -> tuple[Values, dict[int, Any] | None]:
    values: list[Any] = []
    bad: dict[int, Any] | None = None
    for index, (read, coerce) in enumerate(readers):
        given = read(source)
        value = coerce(given)
        if value is UNKNOWN:
            bad = bad or {}
            bad[index] = None if given is MISSING else given
        values.append(value)
    return tuple(values), bad
