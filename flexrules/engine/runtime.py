"""Deciding shifts with compiled rules: cut at boundaries, evaluate by bit sets, combine.

Per local day, a plan lists the day's boundaries and, for each stretch between them, the bit
set of rules whose TIME holds there; plans are worked out once per day and remembered. What a
set of facts means for the policy (which rules deny, permit or apply, wherever their TIME
holds) is its standing, remembered by the facts as given; with a day's plan it gives the day's
runs of pieces, remembered too. Where rules depend on the day (relative dates), their bits are
added for each day. A shift's outcome is then one look-up among its day's runs (`look_up`),
shared by every entry point: `decide`'s common case (plain dicts, naive ISO times within one
local day, each time text worked out once as a `Moment`), `decide_in_full` for everything
else, and the batch path (`engine.bulk`). A decision's runs are cut only if someone asks.
Every memory is a bounded `core.memory.Memory` (see `engine.state` for what each holds).
"""

from __future__ import annotations

import itertools
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping
from typing import Any

from ..clock.calendar import DAY
from ..clock.intervals import clip as clip_spans
from ..clock.intervals import normalise
from ..clock.intervals import shift as shift_intervals
from ..clock.zones import zone
from ..core.errors import InputError
from ..core.memory import Memory
from ..core.messages import Text
from .changes import Timeline, timeline_of
from .compile import MAY, MUST_NOT, CompiledRule, CompiledRules, override_order
from .conditions import F, T
from .decision import Decision
from .fact_readers import key_reader, key_types, mapping_reader
from .facts import (
    FIRST_DAY,
    LAST_DAY,
    LOCATIONS,
    MISSING,
    UNKNOWN,
    Employee,
    Values,
    attribute_source,
    employee_zone,
    field,
    location_code,
    naive_seconds,
    shift_parts,
    shift_span,
)
from .notices import DecisionWarning, misspelled_keys
from .state import (
    Because,
    Bits,
    DayRuns,
    Deciders,
    Facts,
    Moment,
    Plan,
    Run,
    Runs,
    Standing,
    Summary,
    shift_key,
    stretch_key,
    within_a_day,
)

#: marks a standing's key made of typed values, as the general input path reads them; it
#: never meets a key of values as given (`fact_readers.key_reader`), which has no such object
TYPED = object()
#: a standing's day runs are kept by plan id; few plans exist, so a small memory is enough
_PLANS_PER_STANDING = 64
#: (typed values, {index: value given} for unusable ones) as the fact readers give them
Read = tuple[Values, dict[int, Any] | None]


class Decider:
    """The compiled form of a policy's shift rules, ready to decide."""

    def __init__(
        self,
        compiled: CompiledRules,
        timezone: str,
        default_allow: bool,
        metadata: dict[str, Any],
    ) -> None:
        context = compiled.context
        size = context.cache_size
        self.metadata = metadata
        self.context = context
        self.calendar = context.calendar
        self.rules: tuple[CompiledRule, ...] = compiled.rules
        self.timezone_name = timezone
        self.zone = zone(timezone)
        self.default_allow = default_allow
        self.employee_slots = tuple(context.employee_slots.values())
        self.shift_slots = tuple(context.shift_slots.values())
        self._employee_readers = tuple((s.read, s.coerce) for s in self.employee_slots)
        self._shift_readers = tuple((s.read, s.coerce) for s in self.shift_slots)
        self._employee_mapping = mapping_reader([s.decl for s in self.employee_slots], "employees")
        self._shift_mapping = (
            mapping_reader([s.decl for s in self.shift_slots], "shifts")
            if self.shift_slots
            else _no_facts
        )
        #: the employee's and shift's declared values as given, if they can key a standing
        self.fact_key = key_reader(
            [s.decl for s in self.employee_slots], [s.decl for s in self.shift_slots]
        )
        #: what `fact_key` accepts of each employee attribute, for reading many at once
        self.employee_key_types = key_types([s.decl for s in self.employee_slots])
        self._timed = tuple(r for r in self.rules if not r.time.always)
        self._always = sum(r.bit for r in self.rules if r.time.always)
        self._overriders = override_order(self.rules)
        self.day_dependent = any(r.day_dependent for r in self.rules)
        #: the rules whose applicability depends on the shift's day (relative dates): their
        #: part of a standing is worked out per day; the others' once per set of facts
        self._day_rules = tuple(r for r in self.rules if r.day_dependent)
        self._free_rules = tuple(r for r in self.rules if not r.day_dependent)
        # the memories, each bounded by the policy's cache size (see `engine.state`)
        self._lock = threading.Lock()
        self._plans: Memory[int, Plan] = Memory(size)  # local day -> its plan
        self._plan_ids: Memory[tuple[tuple[int, ...], tuple[int, ...]], int] = Memory(size)
        self._plan_numbers = itertools.count()  # a forgotten plan comes back under a new id
        #: fact key (never None) -> the standings of those facts, by location (and, where
        #: rules depend on the day, by location and rule bits: see `on_day`)
        self._standings: Memory[Any, dict[Any, Standing]] = Memory(size)
        self._runs: Memory[tuple[int, int, int, int, int], DayRuns] = Memory(size)
        self._moments: Memory[Any, Moment] = Memory(size)  # naive ISO text or seconds
        self._naive: Memory[str, int] = Memory(size)  # naive ISO text -> local seconds
        self._bit_rules: Memory[int, tuple[CompiledRule, ...]] = Memory(size)
        self._deciders: Memory[int, Deciders] = Memory(size)
        self._no_value = -1  # what `_naive` keeps for text that is not naive ISO time
        self.size = size
        #: hot paths read these memories without a call (see `core.memory`)
        self.known_moment = self._moments.young.get
        self.known_standings = self._standings.young.get
        self.known_deciders = self._deciders.young.get

    def forget(self) -> None:
        """Empty every memory: what they held is worked out again when next needed."""
        for memory in (
            self._plans,
            self._plan_ids,
            self._standings,
            self._runs,
            self._moments,
            self._naive,
            self._bit_rules,
            self._deciders,
        ):
            memory.clear()

    # ---- plans ---------------------------------------------------------------------------

    def plan(self, day: int) -> Plan:
        """The boundaries of a local day and, per stretch, the rules whose TIME holds."""
        found = self._plans.young.get(day) or self._plans.get(day)
        if found is None:
            found = self._plans.put(day, self._work_out_plan(day))
        return found

    def _work_out_plan(self, day: int) -> Plan:
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
        masks = tuple(self._mask_at(start, coverage) for start in bounds[:-1])
        content = (bounds, masks)
        plan_id = self._plan_ids.get(content)
        if plan_id is None:
            plan_id = self._plan_ids.put(content, next(self._plan_numbers))
        return Plan(bounds, masks, plan_id)

    def _mask_at(self, start: int, coverage: list[tuple[int, tuple[tuple[int, int], ...]]]) -> int:
        """The rules whose TIME holds from `start` to the next boundary."""
        mask = self._always
        for bit, spans in coverage:
            if any(span_start <= start < span_end for span_start, span_end in spans):
                mask |= bit
        return mask

    def moment(self, text: Any) -> Moment | None:
        """What a naive ISO time means for this policy (see `Moment`), remembered; None for
        anything else, and for a time on or next to a day flexrules does not decide."""
        if type(text) is not str:
            return None
        found = self._moments.get(text)
        if found is None:
            seconds = self.naive_seconds(text)
            found = self.moment_at(seconds) if seconds is not None else None
            if found is not None:
                found = self._moments.put(text, found)
        return found

    def moment_at(self, seconds: int) -> Moment | None:
        """What a local time, in seconds, means for this policy (see `Moment`); None on or next
        to a day flexrules does not decide (`decide_in_full` says why)."""
        day, last_day = seconds // DAY, (seconds - 1) // DAY
        if last_day < FIRST_DAY or day > LAST_DAY:
            return None
        return Moment.of(seconds, self.plan(day), self.plan(last_day))

    def naive_seconds(self, text: Any) -> int | None:
        """`facts.naive_seconds`, remembered for text (shifts repeat the same few times)."""
        if type(text) is not str:
            return None
        seconds = self._naive.young.get(text)
        if seconds is None:
            seconds = self._naive.get(text)
            if seconds is None:
                read = naive_seconds(text)
                seconds = self._naive.put(text, self._no_value if read is None else read)
        return None if seconds == self._no_value else seconds

    def deciders_of(self, bits: int) -> Deciders:
        """What decides a run with these deciding rule bits, for its reasons: each rule with
        its id, in source order, or (None, None), the policy default, when no rule does."""
        found = self._deciders.get(bits)
        if found is None:
            found = self._deciders.put(
                bits, tuple((rule, rule.id) for rule in self.rules_of(bits)) or ((None, None),)
            )
        return found

    def rules_of(self, bits: int) -> tuple[CompiledRule, ...]:
        """The rules in a bit set, in source order."""
        found = self._bit_rules.get(bits)
        if found is None:
            found = self._bit_rules.put(bits, tuple(r for r in self.rules if bits & r.bit))
        return found

    # ---- facts ---------------------------------------------------------------------------

    def employee_values(self, employee: Any) -> Values:
        """The employee's declared attributes, read and typed (UNKNOWN when unusable)."""
        return self.employee_facts(employee)[0]

    def employee_facts(self, employee: Any) -> Read:
        """Typed attribute values, and the values given for the unusable ones."""
        source, is_mapping = attribute_source(employee, Employee)
        if is_mapping:
            return self._employee_mapping(source)
        return _read_object(source, self._employee_readers)

    def shift_facts(self, source: Any, is_mapping: bool) -> Read:
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
    ) -> Bits:
        """Bit sets of rules that deny, permit, apply and may apply, wherever their TIME holds;
        of `rules` (each rule adds its own bits), or of every rule."""
        deny = permit = applies = maybe = 0
        for rule in self.rules if rules is None else rules:
            truth = rule.applies(ev, sv, day)
            if truth != F:
                rule_deny, rule_permit, rule_applies, rule_maybe = _effect(rule, truth, location)
                deny |= rule_deny
                permit |= rule_permit
                applies |= rule_applies
                maybe |= rule_maybe
        return Bits(deny, permit, applies, maybe)

    def decide(self, employee: Any, shift: Any, strict: bool = False) -> Decision:
        """`Policy.decide`: the common case here, in one straight block; any other in full.
        With `strict`, an input key that looks like a misspelled attribute is an `InputError`
        rather than a warning on the decision (`notices`)."""
        if (
            type(employee) is dict
            and type(shift) is dict
            and employee.get("timezone") is None
            and employee.get("changes") is None
        ):
            # plain dicts on the policy's clock, naive ISO times (each worked out once, as a
            # `Moment`) within one local day: kept to dictionary look-ups
            try:
                start_text, end_text = shift.get("start"), shift.get("end")
                start = self.known_moment(start_text) or self.moment(start_text)
                end = self.known_moment(end_text) or self.moment(end_text)
                location = LOCATIONS.get(shift.get("location"))  # type: ignore[arg-type]
            except Exception:  # unhashable, or a hash that fails: the full checks say which,
                return self.decide_in_full(employee, shift, strict)  # as an InputError
            if start is None or end is None or location is None or start.seconds >= end.seconds:
                return self.decide_in_full(employee, shift, strict)
            key = start.as_start + end.as_end  # `shift_key`: negative unless within a day
            if key < 0:
                return self.decide_in_full(employee, shift, strict)
            fact_key = self.fact_key(employee, shift)
            by_location = self.known_standings(fact_key)
            if by_location is None or (standing := by_location.get(location)) is None:
                standing = self.standing_of(
                    employee, shift, location, start.seconds // DAY, fact_key
                )
            elif self._day_rules:
                standing = self.on_day(by_location, standing, start.seconds // DAY, location)
            # `look_up`, inline: a call would cost this path 7% (measured)
            found = standing.known_runs.get(start.plan) or self.runs_under_plan(
                standing, start.seconds // DAY
            )
            summary = found.by_shift.get(key) or self.shift_summary(found, start, end)
            decision = Decision(
                self,
                (employee.get("id"), employee.get("name")),
                shift,
                self.zone,
                start.seconds,
                end.seconds,
                location,
                standing,
                summary.allowed,
                None,
                found,
                summary.recipe,
            )
            facts = standing.facts
            if facts.bad_employee is None and facts.bad_shift is None:
                return decision
            return self._noticed(decision, employee, shift, facts, strict)
        return self.decide_in_full(employee, shift, strict)

    def decide_in_full(self, employee: Any, shift: Any, strict: bool = False) -> Decision:
        """`decide` for any employee and shift: mappings or objects, any time zone, times as
        text or datetimes, checked with the messages `InputError` gives, over several days."""
        if employee is None:
            raise InputError("employee", None, Text("input.employee.none"))
        timeline = timeline_of(employee)
        if timeline is not None:
            return self.decide_changing(timeline, employee, shift, strict)
        where = employee_zone(employee, self.zone)
        start_value, end_value, location_value, source, is_mapping = shift_parts(shift)
        start, end = shift_span(start_value, end_value, where, self.naive_seconds)
        location = location_code(location_value)
        ev, bad_employee = self.employee_facts(employee)
        sv, bad_shift = self.shift_facts(source, is_mapping)
        day = start // DAY
        standing = self.standing(Facts(ev, sv, bad_employee, bad_shift), location, day)
        who = (field(employee, "id", Employee), field(employee, "name", Employee))
        first, last = self.moment_at(start), self.moment_at(end)
        if first is not None and last is not None and within_a_day(first, last):
            found, summary = self.look_up(standing, first, last, shift_key(first, last))
            decision = Decision(
                self,
                who,
                shift,
                where,
                start,
                end,
                location,
                standing,
                summary.allowed,
                None,
                found,
                summary.recipe,
            )
        else:
            runs, allowed = self.cut_days(standing, start, end, location)
            decision = Decision(
                self, who, shift, where, start, end, location, standing, allowed, runs, None, None
            )
        if bad_employee is None and bad_shift is None:
            return decision
        return self._noticed(decision, employee, source, standing.facts, strict)

    def decide_changing(
        self, timeline: Timeline, employee: Any, shift: Any, strict: bool = False
    ) -> Decision:
        """`decide` for an employee whose facts change (`engine.changes`): a shift within the
        days of one set of facts is decided with the employee as of those days; one that
        crosses a change (a night shift into the day of a transfer) has each local day's pieces
        decided with that day's facts."""
        where = employee_zone(employee, self.zone)
        start_value, end_value, location_value, source, is_mapping = shift_parts(shift)
        start, end = shift_span(start_value, end_value, where, self.naive_seconds)
        moved = employee_zone(timeline.on(start // DAY), self.zone)
        if moved.key != where.key:  # on a day after a change of duty station: its clock
            where = moved
            start, end = shift_span(start_value, end_value, where, self.naive_seconds)
        first_day, last_day = start // DAY, (end - 1) // DAY
        index = timeline.index(first_day)
        if timeline.index(last_day) == index:
            return self.decide(timeline.on(first_day), shift, strict)
        location = location_code(location_value)
        sv, bad_shift = self.shift_facts(source, is_mapping)
        by_day: dict[int, Standing] = {}
        for day in range(first_day, last_day + 1):
            ev, bad_employee = self.employee_facts(timeline.on(day))
            by_day[day] = self.standing(Facts(ev, sv, bad_employee, bad_shift), location, day)
        runs, allowed = self.cut_days(by_day[first_day], start, end, location, by_day)
        who = (field(employee, "id", Employee), field(employee, "name", Employee))
        first = by_day[first_day]
        decision = Decision(
            self, who, shift, where, start, end, location, first, allowed, runs, None, None
        )
        decision._by_day = by_day
        facts = first.facts
        if facts.bad_employee is None and facts.bad_shift is None:
            return decision
        return self._noticed(decision, timeline.on(first_day), source, facts, strict)

    def _noticed(
        self, decision: Decision, employee: Any, shift: Any, facts: Facts, strict: bool
    ) -> Decision:
        """`decision`, with a warning for each input key that looks like a misspelled
        attribute the input lacks (an `InputError` instead when `strict`)."""
        found: list[DecisionWarning] = []
        for given, missing, slots in (
            (attribute_source(employee, Employee), facts.bad_employee, self.employee_slots),
            ((shift, isinstance(shift, Mapping)), facts.bad_shift, self.shift_slots),
        ):
            source, is_mapping = given
            if missing and is_mapping:
                lacking = [slots[i].name for i, value in missing.items() if value is None]
                found.extend(misspelled_keys(source, [s.name for s in slots], lacking))
        if found and strict:
            raise InputError(
                found[0].field or "employee", found[0].field, found[0].text or found[0].message
            )
        decision._warnings = tuple(found)
        return decision

    def look_up(
        self, standing: Standing, start: Moment, end: Moment, key: int
    ) -> tuple[DayRuns, Summary]:
        """A shift's day runs and what they come to, for a shift within one local day whose
        `shift_key` is `key`: the one look-up every entry point shares."""
        found = standing.known_runs.get(start.plan) or self.runs_under_plan(
            standing, start.seconds // DAY
        )
        return found, found.by_shift.get(key) or self.shift_summary(found, start, end)

    def runs_under_plan(self, standing: Standing, day: int) -> DayRuns:
        """The day's runs for a standing, kept with it under the day's plan."""
        plan = self.plan(day)
        found = standing.day_runs.get(plan.id)
        if found is None:
            found = standing.day_runs.put(plan.id, self.day_runs(plan, standing))
        return found

    def standing_of(
        self,
        employee: Any,
        shift: Any,
        location: int,
        day: int,
        key: tuple[Any, ...] | None,
    ) -> Standing:
        """The standing of a plain-dict employee and shift at a location, whose `fact_key` is
        `key` (see `standing`)."""
        ev, bad_employee = self._employee_mapping(employee)
        sv, bad_shift = self._shift_mapping(shift)
        return self.standing(Facts(ev, sv, bad_employee, bad_shift), location, day, key)

    def clipped(self, found: DayRuns, low: int, high: int) -> tuple[Runs, bool]:
        """The runs of a day that [low, high) covers, cut to it, and whether all are allowed."""
        first = bisect_right(found.starts, low)
        last = bisect_left(found.starts, high)
        summary = found.by_stretch.get(stretch_key(first, last)) or self.summary(found, first, last)
        runs = found.runs
        head = runs[first - 1]
        if first == last:
            return (Run(low, high, head.allowed, head.bits),), summary.allowed
        tail = runs[last - 1]
        return (
            Run(low, head.end, head.allowed, head.bits),
            *runs[first : last - 1],
            Run(tail.start, high, tail.allowed, tail.bits),
        ), summary.allowed

    def summary(self, found: DayRuns, first: int, last: int) -> Summary:
        """What runs `first - 1` to `last - 1` of a day come to (see `Summary`), kept. The rule
        ids are those `Decision.reasons` names, in its order (tests/engine/test_bulk.py holds
        the two together)."""
        runs = found.runs[first - 1 : last]
        allowed = all(run.allowed for run in runs)
        recipe = tuple(
            Because(
                rule,
                rule_id,
                run.start if index else None,
                run.end if index < len(runs) - 1 else None,
            )
            for index, run in enumerate(runs)
            if run.allowed is allowed
            for rule, rule_id in self.deciders_of(run.bits)
        )
        result = Summary(allowed, tuple(entry.rule_id for entry in recipe), recipe)
        found.by_stretch[stretch_key(first, last)] = result
        return result

    def shift_summary(self, found: DayRuns, start: Moment, end: Moment) -> Summary:
        """What a shift from `start` to `end`, within one local day, comes to in its day's
        runs, kept by its `shift_key`."""
        day = start.day
        low, high = start.seconds - day * DAY, end.seconds - day * DAY
        first, last = bisect_right(found.starts, low), bisect_left(found.starts, high)
        summary = found.by_stretch.get(stretch_key(first, last)) or self.summary(found, first, last)
        found.by_shift[shift_key(start, end)] = summary
        return summary

    def standing(
        self, facts: Facts, location: int, day: int, key: tuple[Any, ...] | None = None
    ) -> Standing:
        """What these facts mean for the policy at a location on a day: the rules' bit sets,
        and a place for the day runs they give under each day plan. Remembered by the values
        as given (`key`, which pins the typed facts too) or else by the typed values; a value
        that cannot be hashed is not remembered. The part of the rules that depend on the day is
        worked out for each day (`on_day`)."""
        pinned = key is not None
        if key is None:
            key = (TYPED, *facts.employee, None, *facts.shift)
            try:
                hash(key)
            except Exception:  # an unhashable fact value, or one whose hash fails
                return self._new_standing(
                    facts, self.outcome_bits(facts.employee, facts.shift, day, location)
                )
        by_location = self.standings_by_location(key)
        found = by_location.get(location)
        if found is None:
            bits = self.outcome_bits(facts.employee, facts.shift, day, location, self._free_rules)
            found = by_location.setdefault(location, self._new_standing(facts, bits))
        if self._day_rules:
            found = self.on_day(by_location, found, day, location)
        # typed values do not pin the values given for unusable facts: keep this call's
        return found if pinned else found.sharing(facts)

    def _new_standing(self, facts: Facts, bits: Bits) -> Standing:
        return Standing(facts, bits, Memory(min(self.size, _PLANS_PER_STANDING), self._lock))

    def on_day(
        self, by_location: dict[Any, Standing], free: Standing, day: int, location: int
    ) -> Standing:
        """The standing of a set of facts on a day, from its standing under the rules that do
        not depend on the day (`free`, kept by location in `by_location`), with the bits of
        those that do. Kept there too, by its bits: the day-dependent rules' outcome changes
        on few days (when a relative date passes), so its day runs are shared."""
        facts = free.facts
        mine = self.outcome_bits(facts.employee, facts.shift, day, location, self._day_rules)
        bits = Bits(*(a | b for a, b in zip(free.bits, mine, strict=True)))
        found = by_location.get((location, bits))
        if found is None:
            found = by_location.setdefault((location, bits), self._new_standing(facts, bits))
        return found

    def standings_by_location(self, key: tuple[Any, ...]) -> dict[Any, Standing]:
        """The standings remembered for a fact key, by location, made on first use."""
        found = self._standings.get(key)
        if found is None:
            found = self._standings.put(key, {})
        return found

    def day_runs(self, plan: Plan, standing: Standing) -> DayRuns:
        """A day's outcome under a plan, as merged runs in seconds from midnight, for a
        standing's rule bits; remembered by both."""
        key = (plan.id, standing.deny, standing.permit, standing.applies, standing.maybe)
        found = self._runs.get(key)
        if found is None:
            found = self._runs.put(key, DayRuns(self._merged_runs(plan, standing)))
        return found

    def _merged_runs(self, plan: Plan, standing: Standing) -> Runs:
        runs: list[Run] = []
        bounds = plan.bounds
        for index, mask in enumerate(plan.masks):
            allowed, deciding = self._combine(standing, mask)
            if runs and runs[-1].allowed is allowed and runs[-1].bits == deciding:
                runs[-1] = runs[-1]._replace(end=bounds[index + 1])
            else:
                runs.append(Run(bounds[index], bounds[index + 1], allowed, deciding))
        return tuple(runs)

    def _combine(self, standing: Standing, mask: int) -> tuple[bool, int]:
        """A piece's outcome, and the rules that decide it, where the rules of `mask` hold:
        overrides set rules aside, then any denial wins, then any permission, then the
        default. Where a rule whose applicability is unknown would set permissions aside (and
        so the default denies), the deciding rules are the unknown ones: their reasons name
        the unknown facts (LANGUAGE.md section 6.6)."""
        denying = standing.deny & mask
        permitting = standing.permit & mask
        if self._overriders:
            surely, maybe, unsure = self._set_aside(standing, mask)
            denying &= ~surely  # only a certain set-aside lifts a denial
            dropped = permitting & maybe & ~surely
            permitting &= ~(surely | maybe)  # any possible set-aside lifts a permission
            if dropped and not denying and not permitting and not self.default_allow:
                return False, self._responsible(dropped, unsure)
        if denying:
            return False, denying
        if permitting:
            return True, permitting
        return self.default_allow, 0

    def _set_aside(self, standing: Standing, mask: int) -> tuple[int, int, int]:
        """The rules set aside on a piece, for certain and maybe, and the overriding rules
        whose own activity there is unknown. In three-valued logic a rule is active where it
        applies and is not set aside; a rule is set aside as surely as the surest active rule
        that overrides it. The overriders are visited so that each comes after every rule that
        can set it aside (`compile.override_order`)."""
        surely = maybe = unsure = 0
        applies = standing.applies & mask
        may_apply = standing.maybe & mask
        for rule in self._overriders:
            bit = rule.bit
            if surely & bit or not (applies | may_apply) & bit:
                continue  # set aside for certain, or not applying: it sets nothing aside
            if applies & bit and not maybe & bit:
                surely |= rule.overrides
            else:  # it may apply, or it applies but may itself be set aside
                maybe |= rule.overrides
                unsure |= bit
        return surely, maybe, unsure

    def _responsible(self, dropped: int, unsure: int) -> int:
        """The overriding rules of unknown activity behind permissions set aside: those that
        override a dropped permission, and those that made such a rule unsure."""
        found = 0
        reach = dropped
        for rule in reversed(self._overriders):
            if unsure & rule.bit and rule.overrides & reach:
                found |= rule.bit
                reach |= rule.bit
        return found

    def cut_days(
        self,
        standing: Standing,
        start: int,
        end: int,
        location: int,
        by_day: dict[int, Standing] | None = None,
    ) -> tuple[Runs, bool]:
        """The runs of a shift over several local days, in seconds from its first midnight,
        and whether every run is allowed; with `by_day`, each day's own standing (facts that
        change during the shift)."""
        first_day = start // DAY
        base = first_day * DAY
        merged: list[Run] = []
        for day in range(first_day, (end - 1) // DAY + 1):
            if by_day is not None:
                on_day = by_day[day]
            elif day == first_day:
                on_day = standing
            else:
                on_day = self._standing_on(standing, day, location)
            offset = (day - first_day) * DAY
            low, high = start - base - offset, end - base - offset
            for run in self.day_runs(self.plan(day), on_day).runs:
                if run.end <= low:
                    continue
                if run.start >= high:
                    break
                piece = Run(
                    offset + max(run.start, low), offset + min(run.end, high), run.allowed, run.bits
                )
                if (
                    merged
                    and merged[-1].end == piece.start
                    and merged[-1].allowed is piece.allowed
                    and merged[-1].bits == piece.bits
                ):
                    merged[-1] = merged[-1]._replace(end=piece.end)
                else:
                    merged.append(piece)
        runs = tuple(merged)
        return runs, all(run.allowed for run in runs)

    def _standing_on(self, standing: Standing, day: int, location: int) -> Standing:
        """A standing's facts on a later day: the same bits unless rules depend on the day."""
        if not self.day_dependent:
            return standing
        facts = standing.facts
        bits = self.outcome_bits(facts.employee, facts.shift, day, location)
        return Standing(facts, bits, standing.day_runs)

    def pieces(self, decision: Decision) -> list[tuple[int, int, int, int]]:
        """A decided shift's pieces: (start, end, local day, rules that apply there)."""
        ev, sv = decision.facts
        start, end = decision.start_seconds, decision.end_seconds
        found: list[tuple[int, int, int, int]] = []
        applies = decision.rule_bits.applies  # of its first day
        by_day = decision._by_day
        for day in range(start // DAY, (end - 1) // DAY + 1):
            if by_day is not None:
                applies = by_day[day].applies
            elif day != start // DAY and self.day_dependent:
                applies = self.outcome_bits(ev, sv, day, decision.location).applies
            plan = self.plan(day)
            base = day * DAY
            for index, mask in enumerate(plan.masks):
                a = max(base + plan.bounds[index], start)
                b = min(base + plan.bounds[index + 1], end)
                if a < b:
                    found.append((a, b, day, applies & mask))
        return found


def _effect(rule: CompiledRule, truth: int, location: int) -> Bits:
    """The bits a rule that may apply (`truth` U or T) adds for a location. Unknown never
    permits; a `must` or `must not` that may apply denies; a rule applies (for overrides) as a
    `may` or `must not` where the location matches, as a `must` anywhere, and where its truth
    is unknown it may apply."""
    bit = rule.bit
    matches = location & rule.locations
    sure = truth == T
    if rule.kind == MAY:
        return Bits(0, bit if sure and matches else 0, *_applying(bit, sure, matches))
    if rule.kind == MUST_NOT:
        return Bits(bit if matches else 0, 0, *_applying(bit, sure, matches))
    permits = bit if sure and matches and rule.names_location else 0
    return Bits(0 if matches else bit, permits, *_applying(bit, sure, True))


def _applying(bit: int, sure: bool, where: int | bool) -> tuple[int, int]:
    """(applies, may apply) of a rule that applies `where`, its truth true (`sure`) or not."""
    if not where:
        return 0, 0
    return (bit, 0) if sure else (0, bit)


_NO_FACTS: Read = ((), None)


def _no_facts(source: Any) -> Read:
    return _NO_FACTS


def _read_object(
    source: Any, readers: tuple[tuple[Callable[[Any], Any], Callable[[Any], Any]], ...]
) -> Read:
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
