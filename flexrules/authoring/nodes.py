"""What an examples file says, as parsed: employees with facts, and examples, each with the
span it came from (for diagnostics and failure reports). Nothing here is checked yet."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ..core.source import SourceFile, Span


@attrs.frozen
class Fact:
    """`role "service desk"`, `on probation no`, `performance unknown`, `timezone WITA`."""

    name: str
    #: the literal's kind: "text", "number", "date", "time", "bool", "unknown" or "zone"
    kind: str
    value: Any
    name_span: Span
    value_span: Span


@attrs.frozen
class EmployeeDecl:
    person: str
    facts: tuple[Fact, ...]
    span: Span
    person_span: Span


@attrs.frozen
class Day:
    date: dt.date | None  # None: not a real calendar day (reported by the checks)
    weekday: int | None  # the weekday written before it, 0 = Monday
    span: Span


@attrs.frozen
class Clock:
    minutes: int | None  # None: not a time of day (reported by the checks)
    span: Span


@attrs.frozen
class RuleRef:
    """A rule id an outcome names (`R1`), `default`, or a broken rule with its day."""

    id: str
    span: Span
    on: Day | None = None


@attrs.frozen
class Outcome:
    """`is allowed|denied [by|only by ...]`, `breaks [only] ...`, `keeps every limit`,
    `has no violations`."""

    kind: str  # "allowed" | "denied" | "breaks" | "keeps"
    rules: tuple[RuleRef, ...] = ()
    only: bool = False
    period: tuple[Day, Day] | None = None
    span: Span | None = None


@attrs.frozen
class Leg:
    """Shifts at one place: `from home on 2025-07-07 and 2025-07-08 from 08:00 to 16:00`."""

    location: str
    days: tuple[Day, ...]
    start: Clock
    end: Clock


@attrs.frozen
class ShiftExample:
    person: str
    person_span: Span
    overrides: tuple[Fact, ...]
    legs: tuple[Leg, ...]
    shift_facts: tuple[Fact, ...]
    outcome: Outcome


@attrs.frozen
class RosterExample:
    employees: str
    shifts: str
    leave: str | None
    headcount: str | None
    files_span: Span
    first: Day
    last: Day
    outcome: Outcome


@attrs.frozen
class Example:
    id: str
    title: str | None
    body: ShiftExample | RosterExample
    span: Span
    id_span: Span

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def label(self) -> str:
        return self.id + (f' "{self.title}"' if self.title else "")


@attrs.frozen
class ExamplesFile:
    source: SourceFile
    policy_name: str | None
    policy_name_span: Span | None
    employees: tuple[EmployeeDecl, ...]
    examples: tuple[Example, ...]
