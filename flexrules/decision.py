"""Decisions and their reasons; every piece of text is built only when someone asks for it."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import TYPE_CHECKING, Any

from . import ast
from .facts import (
    DAY_SECONDS,
    LOCATION_NAMES,
    MISSING,
    UNKNOWN,
    Employee,
    attribute_source,
    field,
    local_datetime,
    shift_parts,
)
from .facts import problem as fact_problem

if TYPE_CHECKING:
    from .compile import CompiledRule, Slot
    from .runtime import Decider

_ACTIVITY_WORDS = {1: "working on-site", 2: "working from home", 4: "working from anywhere"}
_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class Reason:
    """Why (part of) a shift is allowed or denied: one rule, or the policy default (rule None)."""

    __slots__ = ("_decision", "_rule", "effect", "end_seconds", "start_seconds")

    def __init__(
        self,
        decision: Decision,
        rule: CompiledRule | None,
        effect: str,
        start: int,
        end: int,
    ) -> None:
        self._decision = decision
        self._rule = rule
        self.effect = effect
        self.start_seconds = start
        self.end_seconds = end

    @property
    def rule(self) -> str | None:
        return self._rule.decl.id.text if self._rule is not None else None

    @property
    def title(self) -> str | None:
        rule = self._rule
        return rule.decl.title.value if rule is not None and rule.decl.title else None

    @property
    def citation(self) -> str | None:
        rule = self._rule
        return rule.decl.citation.value if rule is not None and rule.decl.citation else None

    @property
    def text(self) -> str | None:
        """The rule's own words, as the author wrote them."""
        from .policy import statement_text

        return statement_text(self._rule.decl.statement) if self._rule is not None else None

    @property
    def source(self) -> Any:
        from .policy import SourceLocation

        return SourceLocation.of(self._rule.decl) if self._rule is not None else None

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
        """Facts the rule needed that were missing or ill-typed, with what was wrong."""
        if self._rule is None:
            return {}
        found = {}
        for slot in self._rule.slots:
            issue = self._decision.fact_problem(slot)
            if issue is not None:
                found[slot.name] = issue
        return found

    @property
    def message(self) -> str:
        decision = self._decision
        if self._rule is None:
            doing = _ACTIVITY_WORDS[decision.location]
            if self.effect == "deny":
                return f"no rule permits {doing} (default deny)"
            return f"no rule forbids {doing} (default allow)"
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
        lead = "it may apply, and unknown facts count against the request: " if (
            unknown and self.effect == "deny") else ""
        for slot in self._rule.slots:
            if slot.name in unknown:
                parts.append(f"{slot.name} {unknown[slot.name]}")
            else:
                parts.append(f"{slot.name} is {_show(decision.raw_fact(slot))}")
        span = decision.clock(self.start_seconds, self.end_seconds)
        for item in self._rule.decl.statement.times:
            parts.append(f"{span} is {_time_words(item, decision, self.start_seconds)}")
        within = self._rule.decl.statement.activity.within
        if within is not None:
            parts.append(f"{span} is outside {within.text}")
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
            "facts": {k: _jsonable(v) for k, v in self.facts.items()},
        }

    def __repr__(self) -> str:
        return f"<Reason {self.effect} {self.rule or 'default'} {self.start:%Y-%m-%d %H:%M}>"


class Decision:
    """Whether one shift is allowed, and why, piece by piece."""

    __slots__ = ("_decider", "_employee", "_ev", "_reasons", "_shift", "_sv", "allowed",
                 "end_seconds", "location", "runs", "start_seconds", "zone")

    def __init__(
        self,
        decider: Decider,
        employee: Any,
        shift: Any,
        zone: zoneinfo.ZoneInfo,
        start: int,
        end: int,
        location: int,
        runs: tuple[tuple[int, int, bool, int], ...],
        ev: list[Any],
        sv: list[Any],
        allowed: bool,
    ) -> None:
        self._decider = decider
        self._employee = employee
        self._shift = shift
        self.zone = zone
        self.start_seconds = start
        self.end_seconds = end
        self.location = location
        self.runs = runs
        self._ev = ev
        self._sv = sv
        self._reasons: tuple[Reason, ...] | None = None
        self.allowed: bool = allowed

    def __bool__(self) -> bool:
        return self.allowed

    @property
    def facts(self) -> tuple[list[Any], list[Any]]:
        """The typed employee and shift facts the decision used (UNKNOWN where unusable)."""
        return self._ev, self._sv

    @property
    def shift(self) -> Any:
        """The shift as it was given."""
        return self._shift

    @property
    def employee(self) -> Any:
        """The employee as they were given."""
        return self._employee

    def __repr__(self) -> str:
        return f"<Decision {'allowed' if self.allowed else 'denied'} {self.reasons!r}>"

    # ---- reasons -----------------------------------------------------------------------

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """Why: for a denied shift, every rule that denies a piece (None for the default);
        for an allowed one, every rule that permits a piece. Per run of pieces, in time order."""
        reasons = self._reasons
        if reasons is None:
            found: list[Reason] = []
            wanted = self.allowed
            rules_of = self._decider.rules_of
            effect = "allow" if wanted else "deny"
            for start, end, allowed, bits in self.runs:
                if allowed is not wanted:
                    continue
                if bits:
                    for rule in rules_of(bits):
                        found.append(Reason(self, rule, effect, start, end))
                else:
                    found.append(Reason(self, None, effect, start, end))
            reasons = self._reasons = tuple(found)
        return reasons

    def _run_reasons(self, run: tuple[int, int, bool, int]) -> list[Reason]:
        start, end, allowed, bits = run
        effect = "allow" if allowed else "deny"
        if not bits:
            return [Reason(self, None, effect, start, end)]
        return [Reason(self, rule, effect, start, end) for rule in self._decider.rules_of(bits)]

    def pieces(self) -> list[tuple[dt.datetime, dt.datetime, bool, tuple[Reason, ...]]]:
        """Every run of pieces, allowed or not, with its reasons."""
        return [
            (self._at(run[0]), self._at(run[1]), run[2], tuple(self._run_reasons(run)))
            for run in self.runs
        ]

    # ---- facts -----------------------------------------------------------------------------

    def raw_fact(self, slot: Slot) -> Any:
        """The value as given (None when missing), before any typing."""
        if slot.owner is ast.Owner.EMPLOYEE:
            source, is_mapping = attribute_source(self._employee, Employee)
        else:
            _, _, _, source, is_mapping = shift_parts(self._shift)
        value = slot.read(source, is_mapping)
        return None if value is MISSING else value

    def fact_problem(self, slot: Slot) -> str | None:
        values = self._ev if slot.owner is ast.Owner.EMPLOYEE else self._sv
        if values[slot.index] is not UNKNOWN:
            return None
        raw = self.raw_fact(slot)
        return fact_problem(raw, slot.decl.type) or "is unknown"

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
        """`14:00-15:00`, with dates when the stretch leaves the shift's first day."""
        first_day = self.start_seconds // DAY_SECONDS
        def show(seconds: int, is_end: bool) -> str:
            day, rest = divmod(seconds, DAY_SECONDS)
            if is_end and rest == 0 and day - 1 == first_day:
                return "24:00"
            text = f"{rest // 3600:02d}:{rest % 3600 // 60:02d}"
            if rest % 60:
                text += f":{rest % 60:02d}"
            if day != first_day:
                moment = self._at(seconds)
                return f"{_DAY_NAMES[moment.weekday()]} {moment:%Y-%m-%d} {text}"
            return text
        return f"{show(start, False)}-{show(end, True)}"

    # ---- rendering ---------------------------------------------------------------------------

    def headline(self) -> str:
        employee = self._employee
        ident = field(employee, "id", Employee)
        name = field(employee, "name", Employee)
        who = " ".join(str(x) for x in (ident, name) if x is not None) or "employee"
        doing = {1: "work on-site", 2: "work from home", 4: "work from anywhere"}[self.location]
        start = self.start
        when = f"{_DAY_NAMES[start.weekday()]} {start:%Y-%m-%d} {self.clock(self.start_seconds, self.end_seconds)}"
        zone_name = self.zone.key
        outcome = "ALLOWED" if self.allowed else "DENIED "
        return f"{outcome} {who}, {doing}, {when} ({zone_name})"

    def explain(self) -> str:
        """The decision as text: each run of pieces, its outcome, and each deciding rule."""
        lines = [self.headline()]
        for run in self.runs:
            span = self.clock(run[0], run[1])
            outcome = "allowed" if run[2] else "denied"
            for reason in self._run_reasons(run):
                if reason._rule is None:
                    lines.append(f"  {span} {outcome}: {reason.message}")
                    continue
                rule = reason._rule
                label = rule.decl.id.text + (f' "{reason.title}"' if reason.title else "")
                where = f"{rule.decl.span.file.rsplit('/', 1)[-1]}:{rule.decl.span.line}"
                lines.append(f"  {span} {outcome} by {label} ({where})")
                lines.append(f"      {reason.text}")
                if reason.citation:
                    lines.append(f"      citing {reason.citation}")
                because = reason.because()
                if because:
                    lines.append(f"      because {because}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, with the policy's name, version and fingerprint for audit logs."""
        employee = self._employee
        return {
            "allowed": self.allowed,
            "policy": self._decider.metadata,
            "employee": {
                "id": _jsonable(field(employee, "id", Employee)),
                "name": _jsonable(field(employee, "name", Employee)),
            },
            "shift": {
                "start": self.start.isoformat(),
                "end": self.end.isoformat(),
                "location": LOCATION_NAMES[self.location],
                "timezone": self.zone.key,
            },
            "reasons": [r.to_dict() for r in self.reasons],
            "pieces": [
                {
                    "start": start.isoformat(),
                    "end": end.isoformat(),
                    "allowed": allowed,
                    "reasons": [r.to_dict() for r in reasons],
                }
                for start, end, allowed, reasons in self.pieces()
            ],
        }


def _show(value: Any) -> str:
    if value is None:
        return "missing"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(value)


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(value)


def _time_words(item: ast.Time, decision: Decision, start: int) -> str:
    """How a TIME held for a stretch, e.g. `within service hours (Monday 08:00-15:00)`."""
    from .policy import statement_text

    if isinstance(item, ast.During):
        symbols = decision._decider.context.symbols
        hours = symbols.hours.get(item.name.key)
        if hours is not None and not item.outside:
            day = decision._at(start)
            spans = [
                f"{day:%A} {span.start.text}-{span.end.text}"
                for span in hours.spans
                if decision._decider.calendar.bits(day.toordinal())
                & _mask(span.days)
            ]
            detail = f" ({', '.join(spans)})" if spans else ""
            return f"within {item.name.text}{detail}"
        return f"{'outside' if item.outside else 'during'} {item.name.text}"
    return statement_text(item)


def _mask(days: ast.Days) -> int:
    from .calendar import days_mask

    return days_mask(days)
