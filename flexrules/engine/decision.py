"""Decisions and their reasons; every piece of text is built only when someone asks for it,
from the message catalog (`core.messages`), in the language asked for (the policy's by
default)."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

from ..clock.calendar import HOLIDAY, holiday_name, units_before
from ..core.messages import (
    Clock,
    Count,
    Date,
    Exact,
    Listing,
    Text,
    Zone,
    chosen_language,
    say,
    shown,
)
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
from .near_misses import NearMiss, listed, permissions, suggestion, time_mask, unusable_slots
from .notices import DecisionWarning, estimated_holidays
from .state import Because, Bits, DayRuns, Deciding, Facts, Run, Runs, Standing
from .values import problem_text

#: a shift's location (a bit) as a headline says it, and as a default reason says it
_DOING = {1: Text("doing.on_site"), 2: Text("doing.home"), 4: Text("doing.anywhere")}
_WORKING = {1: Text("working.on_site"), 2: Text("working.home"), 4: Text("working.anywhere")}
#: a relative date's unit, as a counted noun (`12 months`, `12 bulan`)
_UNIT_NOUNS = {"day": "noun.day", "week": "noun.week", "month": "noun.month", "year": "noun.year"}
#: what explanations and messages may be rendered in
Rendered = Text | Listing


#: each kind of holiday (`Calendar.kind`) in words, for a date the package has no name for
HOLIDAY_WORDS = {"agency": "holiday.agency", "joint": "holiday.joint", "public": "holiday.public"}


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
        day = self._day
        return {slot.name: self._decision.raw_fact(slot, day) for slot in self._rule.slots}

    @property
    def unknown_facts(self) -> dict[str, str]:
        """Facts that decided the rule here but were missing or ill-typed, with what was
        wrong, in English (`is missing`)."""
        return {name: text.render("en") for name, text in self._problems().items()}

    def _problems(self, slots: list[Slot] | None = None) -> dict[str, Text]:
        """The deciding facts that were missing or ill-typed, with what was wrong."""
        found = {}
        day = self._day
        for slot in self.deciding_slots() if slots is None else slots:
            issue = self._decision.fact_problem_text(slot, day)
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
        day = self._day
        facts = self._decision.facts_on(day)
        decisive = rule.witness(facts.employee, facts.shift, day)[1]
        return [slot for slot in rule.slots if slot in decisive]

    @property
    def _day(self) -> int:
        """The local day (ordinal) this reason's stretch starts on: its facts are that day's."""
        return self.start_seconds // DAY_SECONDS

    @property
    def label(self) -> str:
        """`R1 "Service desk stays on site"`: the rule's id and title as written ("" for the
        policy default)."""
        return (self.rule or "") + (f' "{self.title}"' if self.title else "")

    @property
    def message(self) -> str:
        """Why, in the policy's language: `denied by R1 "Service desk stays on site"`."""
        return self.message_for(None)

    def message_for(self, language: str | None) -> str:
        """Why, in `language` (`en`, `id`); None is the policy's."""
        return self.message_text.render(self._decision._language(language))

    @property
    def message_text(self) -> Text:
        """Why, as a catalog text to read in any language."""
        if self._rule is None:
            key = "reason.default.deny" if self.effect == "deny" else "reason.default.allow"
            default = Text(key, working=_WORKING[self._decision.location])
            misses = self.near_misses if self.effect == "deny" else ()
            if misses:
                return Text("reason.default.near", default=default, misses=listed(misses))
            return default
        by = self._by()
        if self.effect == "deny":
            problems = self._problems()
            if problems:
                facts = [Text("fact.problem", name=n, problem=p) for n, p in problems.items()]
                return Text("reason.may_apply", by=by, facts=Listing(facts, "; "))
        return by

    @property
    def near_misses(self) -> tuple[NearMiss, ...]:
        """For the policy default's denial: each permission that would have permitted this
        run but for a fact that was missing or not of its type, with that fact and a close
        declared value (`engine.near_misses`); empty for a rule's reason."""
        if self._rule is not None:
            return ()
        return self._decision.near_misses(self.start_seconds, self.end_seconds)

    def _by(self) -> Text:
        """`denied by R1 "..."`, `allowed by R5`."""
        key = "reason.denied_by" if self.effect == "deny" else "reason.allowed_by"
        return Text(key, rule=self.label)

    def because(self, language: str | None = None) -> str:
        """The facts and times that made the rule apply, for explanations ("" for the
        default), in `language` (`en`, `id`; None is the policy's)."""
        words = self.because_words()
        return "" if words is None else shown(words, self._decision._language(language))

    def because_words(self) -> Rendered | None:
        """`because`, as catalog texts to read in any language; None when there is nothing to
        say (the default, or a rule that reads no fact and no time)."""
        rule = self._rule
        if rule is None:
            return None
        decision = self._decision
        slots = self.deciding_slots()
        problems = self._problems(slots)
        day = decision._at(self.start_seconds).date()
        parts: list[Text] = []
        for slot in slots:
            problem = problems.get(slot.name)
            if problem is not None:
                parts.append(Text("fact.problem", name=slot.name, problem=problem))
            else:
                value = decision.raw_fact(slot, day.toordinal())
                parts.append(fact_words(slot, value, rule.relative, day))
        span = decision.span_text(self.start_seconds, self.end_seconds)
        parts += [words.at(span, self.start_seconds) for words in rule.time_words]
        if rule.within is not None:
            parts.append(Text("because.outside", span=span, name=rule.within))
        joined = Listing(parts, "; ")
        if problems and self.effect == "deny":
            overridden = ", ".join(target.text for target in rule.decl.overrides)
            aside = Text("because.aside", rules=overridden) if overridden else ""
            return Text("because.unknown", aside=aside, parts=joined)
        return joined if parts else None

    def to_dict(self, language: str | None = None) -> dict[str, Any]:
        """JSON-ready; `message` in `language` (`en`, `id`; None is the policy's)."""
        source = self.source
        return {
            "rule": self.rule,
            "title": self.title,
            "citation": self.citation,
            "effect": self.effect,
            "message": self.message_for(language),
            "source": None
            if source is None
            else {"file": source.file, "line": source.line, "column": source.column},
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "facts": {k: jsonable(v) for k, v in self.facts.items()},
        } | self._near_misses_dict(language)

    def _near_misses_dict(self, language: str | None) -> dict[str, Any]:
        """`near_misses`, for a default's denial that has any (else nothing, so other
        reasons' dictionaries stay as they were)."""
        misses = self.near_misses if self.effect == "deny" else ()
        if not misses:
            return {}
        chosen = self._decision._language(language)
        return {"near_misses": [miss.to_dict(chosen) for miss in misses]}

    def __repr__(self) -> str:
        return f"<Reason {self.effect} {self.rule or 'default'} {self.start:%Y-%m-%d %H:%M}>"


class Decision:
    """Whether one shift is allowed, and why, piece by piece."""

    __slots__ = (
        "_by_day",
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
        #: each local day's standing, for an employee whose facts change during the shift
        #: (`Decider.decide_changing`); None when one standing holds for every day
        self._by_day: dict[int, Standing] | None = None

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

    def facts_on(self, day: int) -> Facts:
        """The facts that held on a local day of the shift (ordinal): its own, for an employee
        whose facts change during the shift."""
        by_day = self._by_day
        standing = self._standing if by_day is None else by_day.get(day, self._standing)
        return standing.facts

    @property
    def rule_bits(self) -> Bits:
        """The bit sets of rules that deny, permit, apply and may apply on the shift's first
        local day, wherever their TIME holds (for `Decider.pieces`)."""
        return self._standing.bits

    @property
    def warnings(self) -> tuple[DecisionWarning, ...]:
        """What the caller should know that did not change the decision (`notices`), each
        with `.code` and `.message`: an input key that looks like a misspelled attribute, a
        day of the shift that is a holiday only by the `holidays` package's estimate. Worked
        out when read, never while deciding."""
        return self._warnings + estimated_holidays(self._decider.calendar, self._local_days())

    def _local_days(self) -> list[dt.date]:
        """The local days the shift's pieces fall on."""
        first = self.start_seconds // DAY_SECONDS
        last = max(first, (self.end_seconds - 1) // DAY_SECONDS)
        return [dt.date.fromordinal(day) for day in range(first, last + 1)]

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

    def raw_fact(self, slot: Slot, day: int | None = None) -> Any:
        """The value the decision used (on a local day, for facts that change), as given (None
        when missing); a ranked value by its name, not its rank."""
        facts = self._standing.facts if day is None else self.facts_on(day)
        employee = slot.owner is ast.Owner.EMPLOYEE
        value = (facts.employee if employee else facts.shift)[slot.index]
        if value is UNKNOWN:
            return ((facts.bad_employee if employee else facts.bad_shift) or {}).get(slot.index)
        type_ = slot.decl.type
        if isinstance(type_, ast.RankedType):
            return type_.values[value].value
        return value

    def fact_problem(self, slot: Slot) -> str | None:
        """What was wrong with a fact the decision could not use, in English, or None."""
        found = self.fact_problem_text(slot)
        return None if found is None else found.render("en")

    def fact_problem_text(self, slot: Slot, day: int | None = None) -> Text | None:
        """What was wrong with a fact the decision could not use (on a local day, for facts
        that change), as a catalog text, or None."""
        facts = self._standing.facts if day is None else self.facts_on(day)
        if (facts.employee if slot.owner is ast.Owner.EMPLOYEE else facts.shift)[
            slot.index
        ] is not UNKNOWN:
            return None
        given = self.raw_fact(slot, day)
        return problem_text(given, slot.decl.type) or Text("problem.unknown")

    def near_misses(self, start: int, end: int) -> tuple[NearMiss, ...]:
        """The permissions that may have applied from `start` to `end` (local seconds), their
        truth unknown for want of a usable fact, each with those facts (`engine.near_misses`).
        Worked out when asked, from the rule bits and facts of the day `start` falls on (the
        shift's first day's bits, unless the employee's facts change during the shift)."""
        day = start // DAY_SECONDS
        by_day = self._by_day
        standing = self._standing if by_day is None else by_day.get(day, self._standing)
        if not standing.maybe:
            return ()
        decider = self._decider
        maybe = standing.maybe & time_mask(decider.plan, start, end)
        if not maybe:
            return ()
        facts = standing.facts
        found = []
        for rule in permissions(decider.rules_of(maybe), self.location):
            for slot in unusable_slots(rule, facts.employee, facts.shift, day):
                value = self.raw_fact(slot, day)
                problem = self.fact_problem_text(slot, day) or Text("problem.unknown")
                meant = suggestion(value, slot.decl.type)
                found.append(NearMiss(rule, slot.name, value, problem, meant))
        return tuple(found)

    # ---- time --------------------------------------------------------------------------------

    def _at(self, seconds: int) -> dt.datetime:
        return local_datetime(seconds, self.zone)

    @property
    def start(self) -> dt.datetime:
        return self._at(self.start_seconds)

    @property
    def end(self) -> dt.datetime:
        return self._at(self.end_seconds)

    def clock(self, start: int, end: int, language: str | None = None) -> str:
        """`14:00-15:00` (`14.00-15.00` in Indonesian); a stretch that starts on a later day
        than the shift names that day once (`Tue 2025-07-08 00:00-02:00`), and one that runs
        into another day names both."""
        return self.span_text(start, end).render(self._language(language))

    def span_text(self, start: int, end: int) -> Text:
        """`clock`, as a catalog text to read in any language."""
        first_day = self.start_seconds // DAY_SECONDS
        start_day, start_rest = divmod(start, DAY_SECONDS)
        end_day, end_rest = divmod(end, DAY_SECONDS)
        if end_rest == 0 and end_day == start_day + 1:
            end_day, end_rest = start_day, DAY_SECONDS  # 24:00 of the start's day
        return Text(
            "clock.span",
            start=_time_on(start_day, start_rest, start_day != first_day),
            end=_time_on(end_day, end_rest, end_day != start_day),
        )

    # ---- rendering ---------------------------------------------------------------------------

    @property
    def language(self) -> str:
        """The policy's language (`en`, `id`): what `explain()`, `to_dict()` and each reason's
        `message` are in unless another is asked for."""
        return self._language(None)

    def _language(self, language: str | None) -> str:
        """`language` checked, or the policy's when None."""
        return chosen_language(language, self._decider.metadata)

    def headline(self, language: str | None = None) -> str:
        """`DENIED  E-042 Sari, work from home, Mon 2025-07-07 14:00-17:00 (Asia/Jakarta)`."""
        return self.headline_text().render(self._language(language))

    def headline_text(self) -> Text:
        """The headline, as a catalog text to read in any language."""
        ident, name = self._who
        who = printable(" ".join(str(x) for x in (ident, name) if x is not None))
        return Text(
            "decision.headline",
            outcome=Text("decision.allowed" if self.allowed else "decision.denied"),
            who=who or Text("decision.employee"),
            doing=_DOING[self.location],
            day=self.start.date(),
            span=self.span_text(self.start_seconds, self.end_seconds),
            zone=Zone(self.zone.key),
        )

    def explain(self, language: str | None = None) -> str:
        """The decision as text: each run of pieces, its outcome, each deciding rule, and the
        holiday it falls on; in `language` (`en`, `id`; None is the policy's). The rules' own
        words, titles and citations are shown as written."""
        chosen = self._language(language)
        lines = [self.headline_text().render(chosen)]
        for run in self.runs:
            lines += self._run_lines(run, chosen)
        return "\n".join(lines)

    def _run_lines(self, run: Run, language: str) -> list[str]:
        """A run's reasons, each with its rule's words, citation and `because`, then the
        declared holidays it falls on."""
        span = self.span_text(run.start, run.end).render(language)  # once for every line
        outcome = Text("run.allowed" if run.allowed else "run.denied")
        lines = []
        for reason in self._run_reasons(*run):
            rule = reason._rule
            if rule is None:
                message = reason.message_text
                lines.append(
                    say("explain.default", language, span=span, outcome=outcome, message=message)
                )
                continue
            by = reason._by()
            lines.append(
                say("explain.rule", language, span=span, reason=by, source=rule.source.short)
            )
            lines.append(f"      {reason.text}")
            if reason.citation:
                lines.append(say("explain.citing", language, citation=reason.citation))
            because = reason.because_words()
            if because is not None:
                lines.append(say("explain.because", language, because=because))
        return lines + self._holiday_lines(run.start, run.end, language)

    def _holiday_lines(self, start: int, end: int, language: str) -> list[str]:
        """`Thu 2025-05-29 is a holiday: Ascension Day`, for each local day from `start` to
        `end` that the policy declares a holiday (LANGUAGE-ID.md §5.3)."""
        calendar = self._decider.calendar
        lines = []
        for day in range(start // DAY_SECONDS, (end - 1) // DAY_SECONDS + 1):
            date = dt.date.fromordinal(day)
            if calendar.bits(day) & HOLIDAY:
                kind = calendar.kind(date)
                name = holiday_name(date, language) or Text(HOLIDAY_WORDS[kind or "agency"])
                lines.append(say("explain.holiday", language, day=date, name=name))
                if calendar.is_estimated(date):
                    lines.append(say("explain.estimated", language))
            elif calendar.is_removed(date):
                name = holiday_name(date, language) or Text("holiday.agency")
                lines.append(say("explain.holiday_removed", language, day=date, name=name))
            else:
                continue
            citation = calendar.citations.get(date)
            if citation is not None:
                lines.append(say("explain.citing", language, citation=citation))
        return lines

    def alternatives(self, limit: int | None = 10) -> tuple[Any, ...]:
        """For a denied shift, the smallest changes the policy would allow, each decided
        (`engine.alternatives.Alternative`: `kind`, `size`, `change`, `employee`, `shift`,
        `decision`): the same span at another place, the nearest allowed span of the same
        length earlier and later that day, one fact changed. Smallest first, at most `limit`
        (None: all); none for an allowed shift."""
        from .alternatives import alternatives

        return alternatives(self._decider, self, limit)

    def explain_alternatives(self, language: str | None = None) -> str:
        """The alternatives as text, in `language` (None: the policy's): a line each, with
        its decision's headline. An allowed shift has none: the text is empty."""
        if self.allowed:
            return ""
        chosen = self._language(language)
        found = self.alternatives()
        if not found:
            return Text("whynot.none").render(chosen)
        lines = [Text("whynot.header").render(chosen)]
        for item in found:
            outcome = item.decision.headline_text()
            lines.append(Text("whynot.item", change=item.change, outcome=outcome).render(chosen))
        return "\n".join(lines)

    def to_dict(
        self,
        *,
        policy: bool = True,
        pieces: bool = True,
        language: str | None = None,
        alternatives: bool = False,
    ) -> dict[str, Any]:
        """JSON-ready, with the policy's name, version and fingerprint for audit logs: a whole
        document for one decision. Reports, tables and logs that give the policy's metadata
        once pass `policy=False`, and `pieces=False` unless the pieces were asked for.

        Keys and data are the same in every language; the `message` strings are in `language`
        (`en`, `id`; None is the policy's), which a whole document names in `language`.
        With `alternatives`, the `alternatives()` of a denied shift too."""
        chosen = self._language(language)
        ident, name = self._who
        found: dict[str, Any] = {"allowed": self.allowed}
        if policy:
            found["policy"] = self._decider.metadata
            found["language"] = chosen
        found["employee"] = {"id": jsonable(ident), "name": jsonable(name)}
        found["shift"] = {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "location": LOCATION_NAMES[self.location],
            "timezone": self.zone.key,
        }
        found["reasons"] = [r.to_dict(chosen) for r in self.reasons]
        found["warnings"] = [w.to_dict(chosen) for w in self.warnings]
        if pieces:
            found["pieces"] = [
                {
                    "start": start.isoformat(),
                    "end": end.isoformat(),
                    "allowed": allowed,
                    "reasons": [r.to_dict(chosen) for r in reasons],
                }
                for start, end, allowed, reasons in self.pieces()
            ]
        if alternatives:
            found["alternatives"] = [a.to_dict(chosen) for a in self.alternatives()]
        return found


def _time_on(day: int, rest: int, named: bool) -> Clock | Text:
    """A time of day, with its day when `named`: `00:00`, `Tue 2025-07-08 00:00`."""
    time = Clock(rest)
    return Text("clock.on_day", day=dt.date.fromordinal(day), time=time) if named else time


def fact_words(slot: Slot, value: Any, relative: tuple[RelativeDate, ...], day: dt.date) -> Text:
    """One usable fact as explanations and reports word it: `job type is "finance"`,
    `position start is 2025-03-17: less than 12 months ago (after ...)`. `value` as given (a
    ranked value by its name); `relative` the rule's relative dates, compared on `day`."""
    compared = [
        _relative_words(value, item, day)
        for item in relative
        if item.attribute == slot.decl.name.key
    ]
    return Text(
        "fact.is", name=slot.name, value=_shown_value(value), relative=Listing(compared, "")
    )


def _relative_words(value: Any, relative: RelativeDate, day: dt.date) -> Text:
    """`: less than 12 months ago (after 2024-07-09, 12 months before 2025-07-09)`: what a
    relative date came to, and the date it was compared with."""
    cutoff = units_before(day, relative.amount, relative.unit)
    if not isinstance(value, dt.date):
        key = "relative.compared"
    else:
        key = "relative.less" if value > cutoff else "relative.at_least"
    span = Count(relative.amount, _UNIT_NOUNS[relative.unit])
    return Text(key, span=span, cutoff=Date(cutoff), day=Date(day))


def _shown_value(value: Any) -> Any:
    """A fact's value as a message shows it: text quoted, a date without its weekday, a
    number exactly as given, yes or no, `missing`."""
    if value is None:
        return Text("value.missing")
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return f'"{printable(value)}"'
    if isinstance(value, dt.date):
        return Date(value)
    if isinstance(value, float):
        return Exact(printable(repr(value)))
    return huge_int(value) or printable(repr(value))
