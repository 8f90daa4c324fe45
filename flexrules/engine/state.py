"""What deciding remembers, by name: day plans, day runs, standings, moments and summaries.

The runtime (`engine.runtime`) fills these once and reads them on every decision; a decision
(`engine.decision`) keeps the ones it came from, so its reasons and runs are built only when
someone asks. Two integer keys name stretches of a day; each is made by one function here
(`stretch_key`, `shift_key`), so nothing else does arithmetic on keys.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import add, attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from ..clock.calendar import DAY, Calendar
from ..core.memory import Memory

if TYPE_CHECKING:
    from .compile import CompiledRule

#: a stretch of a day's runs, from bisecting their starts with a shift's start (`first`, to
#: the right) and end (`last`, to the left), is remembered as `stretch_key(first, last)`
STRETCH = 1_000_000  # more than a day's runs, which start at whole seconds
#: a moment's day goes into its part of a shift key times this (see `Moment`)
DAYS = 1 << 40  # more than STRETCH times a day's boundaries


def stretch_key(first: int, last: int) -> int:
    """The key of runs `first - 1` to `last - 1` of a day, in `DayRuns.by_stretch`."""
    return first * STRETCH + last


def shift_key(start: Moment, end: Moment) -> int:
    """The key of a shift from `start` to `end` in `DayRuns.by_shift`: negative when the
    shift does not start and end on one local day, which is never stored. (`Decider.decide`
    adds the two parts in line, and `shift_keys` a column at a time.)"""
    return start.as_start + end.as_end


class Plan:
    """A local day's boundaries, the bit set of rules whose TIME holds in each stretch between
    them, and an id shared by every day with the same plan (so outcomes computed for one serve
    them all)."""

    __slots__ = ("bounds", "id", "masks")

    def __init__(self, bounds: tuple[int, ...], masks: tuple[int, ...], plan_id: int) -> None:
        self.bounds = bounds
        self.masks = masks
        self.id = plan_id


class Run(NamedTuple):
    """A run of neighbouring pieces with one outcome and the same deciding rules."""

    start: int
    end: int
    allowed: bool
    bits: int  # the deciding rules, or 0 for the policy default


#: runs of a shift, in seconds from a base (its first local midnight)
Runs = tuple[Run, ...]


class Because(NamedTuple):
    """One reason of a stretch of a day's runs, ready to give: the rule (None for the policy
    default), its id, and its run's start and end in seconds from midnight, None where the run
    is cut by the shift's own start or end."""

    rule: CompiledRule | None
    rule_id: str | None
    start: int | None
    end: int | None


class Summary:
    """What a stretch of a day's runs comes to: whether every run in it is allowed, the ids of
    the rules behind that (None for the policy default) as `Decision.reasons` names them, and
    those reasons ready to give."""

    __slots__ = ("allowed", "recipe", "rule_ids")

    def __init__(
        self, allowed: bool, rule_ids: tuple[str | None, ...], recipe: tuple[Because, ...]
    ) -> None:
        self.allowed = allowed
        self.rule_ids = rule_ids
        self.recipe = recipe


class DayRuns:
    """A day's outcome for one standing under one plan: the runs, their starts (for bisect),
    and the summaries of stretches met so far, by `stretch_key` and by `shift_key`. A stretch's
    summary depends on the runs alone, so these two small maps live as long as the runs."""

    __slots__ = ("by_shift", "by_stretch", "runs", "starts")

    def __init__(self, runs: Runs) -> None:
        self.runs = runs
        self.starts = tuple(run.start for run in runs)
        self.by_stretch: dict[int, Summary] = {}
        self.by_shift: dict[int, Summary] = {}


class Facts:
    """What a decision keeps of its input: the employee's and the shift's typed values in
    declaration order (UNKNOWN where unusable), and for each the values given for the unusable
    ones by index (None when all were usable)."""

    __slots__ = ("bad_employee", "bad_shift", "employee", "shift")

    def __init__(
        self,
        employee: tuple[Any, ...],
        shift: tuple[Any, ...],
        bad_employee: dict[int, Any] | None,
        bad_shift: dict[int, Any] | None,
    ) -> None:
        self.employee = employee
        self.shift = shift
        self.bad_employee = bad_employee
        self.bad_shift = bad_shift


class Bits(NamedTuple):
    """What a set of facts means for the policy's rules at a location, wherever each rule's TIME
    holds, as bit sets: the rules that deny, that permit, that apply (truth true, for
    overrides), and that may apply (truth unknown: they set aside permissions, never denials)."""

    deny: int
    permit: int
    applies: int
    maybe: int


class Standing:
    """What a set of facts means for the policy at a location (its `Bits`), and the day's runs
    they give under each plan (by plan id), filled as met. Where rules depend on the day, the
    runtime keeps one standing per day outcome of those rules (`Decider.on_day`)."""

    __slots__ = ("applies", "day_runs", "deny", "facts", "known_runs", "maybe", "permit")

    def __init__(self, facts: Facts, bits: Bits, day_runs: Memory[int, DayRuns]) -> None:
        self.facts = facts
        self.deny, self.permit, self.applies, self.maybe = bits
        self.day_runs = day_runs
        #: the young generation of `day_runs`, for hot paths (see `core.memory`)
        self.known_runs = day_runs.young

    @property
    def bits(self) -> Bits:
        return Bits(self.deny, self.permit, self.applies, self.maybe)

    def sharing(self, facts: Facts) -> Standing:
        """This standing's rule bits and day runs, with other facts (typed alike)."""
        twin = Standing.__new__(Standing)
        twin.facts = facts
        twin.deny, twin.permit, twin.applies, twin.maybe = self.bits
        twin.day_runs, twin.known_runs = self.day_runs, self.known_runs
        return twin


class Moment:
    """A naive ISO time as `decide` reads it, worked out once per text: its local seconds, the
    id of its day's plan, and its part of a shift's key as the start and as the end.

    A start's part is `stretch * STRETCH + day * DAYS` and an end's is `stretch - day * DAYS`,
    where a stretch bisects the day plan's boundaries as `Decider.clipped` bisects a day's runs
    (whose starts are among them), and an end's day is the one it ends (an end at midnight ends
    the day before). For a shift that ends after it starts, the two add up to a key of
    `DayRuns.by_shift` when it starts and ends on one day, and to a negative number when not.
    """

    __slots__ = ("as_end", "as_start", "plan", "seconds")

    def __init__(self, seconds: int, plan: int, as_start: int, as_end: int) -> None:
        self.seconds = seconds
        self.plan = plan
        self.as_start = as_start
        self.as_end = as_end

    @staticmethod
    def of(seconds: int, plan: Plan, last_plan: Plan) -> Moment:
        """The moment of a local time, in seconds, whose day has `plan`; `last_plan` is the
        plan of the day it ends as an end (the day before, at midnight)."""
        day, last_day = seconds // DAY, (seconds - 1) // DAY
        return Moment(
            seconds,
            plan.id,
            bisect_right(plan.bounds, seconds - day * DAY) * STRETCH + day * DAYS,
            bisect_left(last_plan.bounds, seconds - last_day * DAY) - last_day * DAYS,
        )

    @property
    def day(self) -> int:
        return self.seconds // DAY


def within_a_day(start: Moment, end: Moment) -> bool:
    """Whether a shift between two moments ends after it starts, on the local day it starts."""
    return start.seconds < end.seconds and start.seconds // DAY == (end.seconds - 1) // DAY


#: the rules that decide a run, each with its id, in source order; (None, None) for the default
Deciders = tuple[tuple["CompiledRule | None", "str | None"], ...]


class Deciding(Protocol):
    """What a decision asks of the decider that made it, when someone reads its runs, reasons
    or dictionary: nothing else of the decider is a decision's business."""

    metadata: dict[str, Any]
    #: the policy's days, for the holidays an explanation names
    calendar: Calendar

    def clipped(self, found: DayRuns, low: int, high: int) -> tuple[Runs, bool]: ...

    def deciders_of(self, bits: int) -> Deciders: ...

    #: for near misses (`engine.near_misses`): a day's plan, and the rules of a bit set
    def plan(self, day: int) -> Plan: ...

    def rules_of(self, bits: int) -> tuple[CompiledRule, ...]: ...


def shift_keys(starts: list[Moment], ends: list[Moment]) -> list[int]:
    """`shift_key` of each pair of a batch's columns, worked out a column at a time."""
    return list(map(add, map(_as_start, starts), map(_as_end, ends)))


_as_start, _as_end = attrgetter("as_start"), attrgetter("as_end")
