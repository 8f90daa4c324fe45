"""Decisions and their reasons; every piece of text is built only when someone asks for it."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

from ..clock.calendar import units_before
from ..core.source import SourceLocation
from ..core.text import printable
from ..language import ast
from .compile import CompiledRule
from .conditions import RelativeDate, Slot
from .facts import (
    DAY_SECONDS,
    LOCATION_NAMES,
    UNKNOWN,
    Values,
    huge_int,
    jsonable,
    local_datetime,
)
from .notices import DecisionWarning
from .state import Because, Bits, DayRuns, Deciding, Run, Runs, Standing
from .values import problem as fact_problem

_ACTIVITY_WORDS = {1: "working on-site", 2: "working from home", 4: "working from anywhere"}
_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DEFAULT_MESSAGES = {
    (effect, location): (
        f"no rule permits {doing} (default deny)"
        if effect == "deny"
        else f"no rule forbids {doing} (default allow)"
    )
    for effect in ("allow", "deny")
    for location, doing in _ACTIVITY_WORDS.items()
}


class Reason:
    """Why (part of) a shift is allowed or denied: one rule, or the policy default (rule None)."""

    __slots__ = ("_decision", "_rule", "effect", "end_seconds", "rule", "start_seconds")

    def __init__(
        self,
        decision: Decision,
        rule: CompiledRule | None,
        rule_id: str | None,
        effect: str,
        start: int,
        end: int,
    ) -> None:
        self._decision = decision
        self._rule = rule
        #: the rule's id, or None for the policy default
        self.rule = rule_id
        self.effect = effect
        self.start_seconds = start
        self.end_seconds = end

    @property
    def title(self) -> str | None:
        return self._rule.title if self._rule is not None else None

    @property
    def citation(self) -> str | None:
        return self._rule.citation if self._rule is not None else None

    @property
    def text(self) -> str | None:
        """The rule's own words, as the author wrote them."""
        return self._rule.text if self._rule is not None else None

    @property
    def source(self) -> SourceLocation | None:
        """Where the rule is written (None for the policy default)."""
        return self._rule.source if self._rule is not None else None

    @property
    def start(self) -> dt.datetime:
        return local_datetime(self.start_seconds, self._decision.zone)

    @property
    def end(self) -> dt.datetime:
        return local_datetime(self.end_seconds, self._decision.zone)

    @property
    def facts(self) -> dict[str, Any]:
        """The attribute values the rule read (None when missing), by declared name."""
        if self._rule is None:
            return {}
        return {slot.name: self._decision.raw_fact(slot) for slot in self._rule.slots}

    @property
    def unknown_facts(self) -> dict[str, str]:
        """Facts that decided the rule here but were missing or ill-typed, with what was
        wrong."""
        found = {}
        for slot in self.deciding_slots():
            issue = self._decision.fact_problem(slot)
            if issue is not None:
                found[slot.name] = issue
        return found

    def deciding_slots(self) -> list[Slot]:
        """The facts that decided whether the rule applies, on this reason's day, in the rule's
        order: for a group or condition joined with `or`, the alternative that held, not the
        others (`conditions.Compiled.witness`)."""
        rule = self._rule
        if rule is None:
            return []
        ev, sv = self._decision.facts
        day = self._decision._at(self.start_seconds).date().toordinal()
        decisive = rule.witness(ev, sv, day)[1]
        return [slot for slot in rule.slots if slot in decisive]

    @property
    def message(self) -> str:
        decision = self._decision
        if self._rule is None:
            return _DEFAULT_MESSAGES[(self.effect, decision.location)]
        label = f"{self.rule}" + (f' "{self.title}"' if self.title else "")
        verb = "denied by" if self.effect == "deny" else "allowed by"
        unknown = self.unknown_facts
        if unknown and self.effect == "deny":
            what = "; ".join(f"{name} {issue}" for name, issue in unknown.items())
            return f"{verb} {label}: it may apply, because {what}"
        return f"{verb} {label}"

    def because(self) -> str:
        """The facts and times that made the rule apply, for explanations."""
        if self._rule is None:
            return ""
        decision = self._decision
        parts = []
        unknown = self.unknown_facts
        rule = self._rule
        lead = ""
        if unknown and self.effect == "deny":
            overridden = ", ".join(target.text for target in rule.decl.overrides)
            aside = f" and set {overridden} aside" if overridden else ""
            lead = f"it may apply{aside}, and unknown facts count against the request: "
        day = decision._at(self.start_seconds).date()
        for slot in self.deciding_slots():
            if slot.name in unknown:
                parts.append(f"{slot.name} {unknown[slot.name]}")
            else:
                parts.append(fact_words(slot, decision.raw_fact(slot), rule.relative, day))
        span = decision.clock(self.start_seconds, self.end_seconds)
        for words in rule.time_words:
            parts.append(f"{span} is {words.at(self.start_seconds)}")
        if rule.within is not None:
            parts.append(f"{span} is outside {rule.within}")
        return lead + "; ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        source = self.source
        return {
            "rule": self.rule,
            "title": self.title,
            "citation": self.citation,
            "effect": self.effect,
            "message": self.message,
            "source": None
            if source is None
            else {"file": source.file, "line": source.line, "column": source.column},
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "facts": {k: jsonable(v) for k, v in self.facts.items()},
        }

    def __repr__(self) -> str:
        return f"<Reason {self.effect} {self.rule or 'default'} {self.start:%Y-%m-%d %H:%M}>"


class Decision:
    """Whether one shift is allowed, and why, piece by piece."""

    __slots__ = (
        "_decider",
        "_found",
        "_recipe",
        "_runs",
        "_shift",
        "_standing",
        "_warnings",
        "_who",
        "allowed",
        "end_seconds",
        "location",
        "start_seconds",
        "zone",
    )

    def __init__(
        self,
        decider: Deciding,
        who: tuple[Any, Any],
        shift: Any,
        zone: zoneinfo.ZoneInfo,
        start: int,
        end: int,
        location: int,
        standing: Standing,
        allowed: bool,
        runs: Runs | None,
        found: DayRuns | None,
        recipe: tuple[Because, ...] | None,
    ) -> None:
        # Everything an explanation needs is kept as it was when deciding: the employee's id
        # and name, the typed facts, and the values given for the unusable ones.
        self._decider = decider
        self._who = who
        self._shift = shift
        self.zone = zone
        self.start_seconds = start
        self.end_seconds = end
        self.location = location
        self._standing = standing  # the facts, and the rule bits of the shift's first day
        self.allowed: bool = allowed
        # the runs of pieces, in seconds from the shift's first midnight; or None, to be cut
        # from its day's runs (`found`) when first needed
        self._runs = runs
        self._found = found
        self._recipe = recipe  # the reasons, ready to give (see `state.Because`), or None
        self._warnings: tuple[DecisionWarning, ...] = ()

    def __bool__(self) -> bool:
        return self.allowed

    @property
    def runs(self) -> Runs:
        """(start, end, allowed, deciding rule bits) per run of pieces, in local seconds."""
        base = self._base
        return tuple(
            Run(base + run.start, base + run.end, run.allowed, run.bits) for run in self._day_runs()
        )

    @property
    def _base(self) -> int:
        """The shift's first local midnight, in local seconds."""
        return self.start_seconds - self.start_seconds % DAY_SECONDS

    def _day_runs(self) -> Runs:
        """The runs of pieces, in seconds from the shift's first midnight."""
        runs = self._runs
        if runs is None:
            assert self._found is not None  # kept when the runs are not
            base = self._base
            runs = self._runs = self._decider.clipped(
                self._found, self.start_seconds - base, self.end_seconds - base
            )[0]
        return runs

    @property
    def facts(self) -> tuple[Values, Values]:
        """The typed employee and shift facts the decision used (UNKNOWN where unusable)."""
        facts = self._standing.facts
        return facts.employee, facts.shift

    @property
    def rule_bits(self) -> Bits:
        """The bit sets of rules that deny, permit, apply and may apply on the shift's first
        local day, wherever their TIME holds (for `Decider.pieces`)."""
        return self._standing.bits

    @property
    def warnings(self) -> tuple[DecisionWarning, ...]:
        """What the caller should know that did not change the decision (`notices`), each
        with `.code` and `.message`: an input key that looks like a misspelled attribute."""
        return self._warnings

    @property
    def shift(self) -> Any:
        """The shift as it was given."""
        return self._shift

    @property
    def employee_id(self) -> Any:
        return self._who[0]

    @property
    def employee_name(self) -> Any:
        return self._who[1]

    def __repr__(self) -> str:
        return f"<Decision {'allowed' if self.allowed else 'denied'} {self.reasons!r}>"

    # ---- reasons -----------------------------------------------------------------------

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """Why: for a denied shift, every rule that denies a piece (None for the default);
        for an allowed one, every rule that permits a piece. Per run of pieces, in time order.

        Built on each access and not kept: a reason refers to its decision, and keeping them
        would make a reference cycle for the garbage collector to find in every decision."""
        wanted = self.allowed
        effect = "allow" if wanted else "deny"
        recipe = self._recipe
        if recipe is not None:
            start, end = self.start_seconds, self.end_seconds
            if len(recipe) == 1 and recipe[0].start is None and recipe[0].end is None:
                # the usual case: one rule (or the default) for the whole shift
                return (Reason(self, recipe[0].rule, recipe[0].rule_id, effect, start, end),)
            day = self._base
            found: list[Reason] = []
            for rule, rule_id, first, last in recipe:
                found.append(
                    Reason(
                        self,
                        rule,
                        rule_id,
                        effect,
                        start if first is None else day + first,
                        end if last is None else day + last,
                    )
                )
            return tuple(found)
        base = self._base
        found = []
        for run in self._day_runs():  # `_run_reasons`, for those wanted
            if run.allowed is wanted:
                for rule, rule_id in self._decider.deciders_of(run.bits):
                    found.append(
                        Reason(self, rule, rule_id, effect, base + run.start, base + run.end)
                    )
        return tuple(found)

    def _run_reasons(self, start: int, end: int, allowed: bool, bits: int) -> list[Reason]:
        """The reasons of one run: each deciding rule in source order, or the default."""
        effect = "allow" if allowed else "deny"
        return [
            Reason(self, rule, rule_id, effect, start, end)
            for rule, rule_id in self._decider.deciders_of(bits)
        ]

    def pieces(self) -> list[tuple[dt.datetime, dt.datetime, bool, tuple[Reason, ...]]]:
        """Every run of pieces, allowed or not, with its reasons."""
        return [
            (self._at(run.start), self._at(run.end), run.allowed, tuple(self._run_reasons(*run)))
            for run in self.runs
        ]

    # ---- facts -----------------------------------------------------------------------------

    def raw_fact(self, slot: Slot) -> Any:
        """The value the decision used, as given (None when missing); a ranked value by its
        name, not its rank."""
        facts = self._standing.facts
        employee = slot.owner is ast.Owner.EMPLOYEE
        value = (facts.employee if employee else facts.shift)[slot.index]
        if value is UNKNOWN:
            return ((facts.bad_employee if employee else facts.bad_shift) or {}).get(slot.index)
        type_ = slot.decl.type
        if isinstance(type_, ast.RankedType):
            return type_.values[value].value
        return value

    def fact_problem(self, slot: Slot) -> str | None:
        """What was wrong with a fact the decision could not use, or None."""
        ev, sv = self.facts
        if (ev if slot.owner is ast.Owner.EMPLOYEE else sv)[slot.index] is not UNKNOWN:
            return None
        return fact_problem(self.raw_fact(slot), slot.decl.type) or "is unknown"

    # ---- time --------------------------------------------------------------------------------

    def _at(self, seconds: int) -> dt.datetime:
        return local_datetime(seconds, self.zone)

    @property
    def start(self) -> dt.datetime:
        return self._at(self.start_seconds)

    @property
    def end(self) -> dt.datetime:
        return self._at(self.end_seconds)

    def clock(self, start: int, end: int) -> str:
        """`14:00-15:00`; a stretch that starts on a later day than the shift names that day
        once (`Tue 2025-07-08 00:00-02:00`), and one that runs into another day names both."""
        first_day = self.start_seconds // DAY_SECONDS
        start_day, start_rest = divmod(start, DAY_SECONDS)
        end_day, end_rest = divmod(end, DAY_SECONDS)
        if end_rest == 0 and end_day == start_day + 1:
            end_day, end_rest = start_day, DAY_SECONDS  # 24:00 of the start's day

        def time_of(rest: int) -> str:
            text = f"{rest // 3600:02d}:{rest % 3600 // 60:02d}"
            return text + (f":{rest % 60:02d}" if rest % 60 else "")

        def day_of(day: int) -> str:
            date = dt.date.fromordinal(day)
            return f"{_DAY_NAMES[date.weekday()]} {date.isoformat()} "

        head = (day_of(start_day) if start_day != first_day else "") + time_of(start_rest)
        tail = (day_of(end_day) if end_day != start_day else "") + time_of(end_rest)
        return f"{head}-{tail}"

    # ---- rendering ---------------------------------------------------------------------------

    def headline(self) -> str:
        ident, name = self._who
        who = printable(" ".join(str(x) for x in (ident, name) if x is not None)) or "employee"
        doing = {1: "work on-site", 2: "work from home", 4: "work from anywhere"}[self.location]
        start = self.start
        span = self.clock(self.start_seconds, self.end_seconds)
        when = f"{_DAY_NAMES[start.weekday()]} {start:%Y-%m-%d} {span}"
        zone_name = self.zone.key
        outcome = "ALLOWED" if self.allowed else "DENIED "
        return f"{outcome} {who}, {doing}, {when} ({zone_name})"

    def explain(self) -> str:
        """The decision as text: each run of pieces, its outcome, and each deciding rule."""
        lines = [self.headline()]
        for run in self.runs:
            span = self.clock(run.start, run.end)
            outcome = "allowed" if run.allowed else "denied"
            for reason in self._run_reasons(*run):
                if reason._rule is None:
                    lines.append(f"  {span} {outcome}: {reason.message}")
                    continue
                rule = reason._rule
                label = rule.id + (f' "{reason.title}"' if reason.title else "")
                lines.append(f"  {span} {outcome} by {label} ({rule.source.short})")
                lines.append(f"      {reason.text}")
                if reason.citation:
                    lines.append(f"      citing {reason.citation}")
                because = reason.because()
                if because:
                    lines.append(f"      because {because}")
        return "\n".join(lines)

    def to_dict(self, *, policy: bool = True, pieces: bool = True) -> dict[str, Any]:
        """JSON-ready, with the policy's name, version and fingerprint for audit logs: a whole
        document for one decision. Reports, tables and logs that give the policy's metadata
        once pass `policy=False`, and `pieces=False` unless the pieces were asked for."""
        ident, name = self._who
        found: dict[str, Any] = {"allowed": self.allowed}
        if policy:
            found["policy"] = self._decider.metadata
        found["employee"] = {"id": jsonable(ident), "name": jsonable(name)}
        found["shift"] = {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "location": LOCATION_NAMES[self.location],
            "timezone": self.zone.key,
        }
        found["reasons"] = [r.to_dict() for r in self.reasons]
        found["warnings"] = [w.to_dict() for w in self._warnings]
        if pieces:
            found["pieces"] = [
                {
                    "start": start.isoformat(),
                    "end": end.isoformat(),
                    "allowed": allowed,
                    "reasons": [r.to_dict() for r in reasons],
                }
                for start, end, allowed, reasons in self.pieces()
            ]
        return found


def fact_words(slot: Slot, value: Any, relative: tuple[RelativeDate, ...], day: dt.date) -> str:
    """One usable fact as explanations and reports word it: `job type is "finance"`,
    `position start is 2025-03-17: less than 12 months ago (after ...)`. `value` as given (a
    ranked value by its name); `relative` the rule's relative dates, compared on `day`."""
    text = f"{slot.name} is {_show(value)}"
    for compared in relative:
        if compared.attribute == slot.decl.name.key:
            text += _relative_words(value, compared, day)
    return text


def _relative_words(value: Any, relative: RelativeDate, day: dt.date) -> str:
    """`: less than 12 months ago (after 2024-07-09, 12 months before 2025-07-09)`: what a
    relative date came to, and the date it was compared with."""
    cutoff = units_before(day, relative.amount, relative.unit)
    span = f"{relative.amount} {relative.unit}{'' if relative.amount == 1 else 's'}"
    basis = f"{cutoff.isoformat()}, {span} before {day.isoformat()}"
    if not isinstance(value, dt.date):
        return f", compared with {basis}"
    if value > cutoff:
        return f": less than {span} ago (after {basis})"
    return f": at least {span} ago (on or before {basis})"


def _show(value: Any) -> str:
    if value is None:
        return "missing"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return f'"{printable(value)}"'
    if isinstance(value, dt.date):
        return value.isoformat()
    return huge_int(value) or printable(repr(value))
