"""Examples checked against their policy: every name, rule id and value the policy would
reject is a diagnostic with a did-you-mean, as in policies; what is left becomes `Case`s,
ready to decide (`running`)."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from ..clock.zones import canonical_zone_name
from ..core.diagnostics import Diagnostic, error
from ..core.messages import Weekday, say
from ..core.source import Span
from ..engine.facts import Employee, Shift
from ..language.checks._util import closest
from ..policy import AttributeInfo, Policy
from . import nodes

#: kinds of rule a decision names (`is denied by R1`); the others are broken in checks
SHIFT_KINDS = ("shift rule", "within")
#: facts every employee may have besides the policy's attributes
_OWN_FACTS = ("id", "name", "timezone")
_UNKNOWN_ATTRIBUTE = {
    "employee": "examples.unknown_employee_attribute",
    "shift": "examples.unknown_shift_attribute",
}
_TYPE_OF_KIND = {"text": "text", "number": "number", "date": "date", "bool": "yes or no"}


@attrs.frozen
class Case:
    """One example, checked: the employee and shifts to decide, or the roster files to read."""

    example: nodes.Example
    employee: Employee | None = None
    shifts: tuple[Shift, ...] = ()
    period: tuple[dt.date, dt.date] | None = None
    files: Mapping[str, Path] = attrs.field(factory=dict)


class Checker:
    """Checks one examples file against one policy, in one language."""

    def __init__(self, policy: Policy, file: nodes.ExamplesFile, language: str = "en") -> None:
        self.policy = policy
        self.file = file
        self.language = language
        self.diagnostics: list[Diagnostic] = []
        self.rules = {r.id.casefold(): r for r in policy.rules}
        self.attributes = {(a.owner, a.name.casefold()): a for a in policy.attributes}
        self.people: dict[str, nodes.EmployeeDecl] = {}

    def say(self, key: str, **values: Any) -> str:
        return say(key, self.language, **values)

    def problem(
        self,
        code: str,
        key: str,
        span: Span,
        hint: str | None = None,
        suggestion: str | None = None,
        **values: Any,
    ) -> None:
        self.diagnostics.append(error(code, self.say(key, **values), span, hint, suggestion))

    def did_you_mean(self, word: str, candidates: Iterable[str]) -> tuple[str | None, str | None]:
        meant = closest(word, candidates)
        if meant is None:
            return None, None
        return self.say("examples.did_you_mean", meant=meant), meant

    # ---- the file ----------------------------------------------------------------------

    def check(self) -> list[Case]:
        file = self.file
        if file.policy_name is not None and file.policy_name != self.policy.name:
            assert file.policy_name_span is not None
            self.problem(
                "examples-policy",
                "examples.wrong_policy",
                file.policy_name_span,
                hint=self.say("examples.wrong_policy_hint", name=self.policy.name),
                written=file.policy_name,
                name=self.policy.name,
            )
        for decl in file.employees:
            key = decl.person.casefold()
            if key in self.people:
                self.problem(
                    "duplicate-employee",
                    "examples.duplicate_employee",
                    decl.person_span,
                    person=decl.person,
                    line=self.people[key].span.line,
                )
                continue
            self.people[key] = decl
            self.facts(decl.facts, "employee")
        cases: list[Case] = []
        seen: dict[str, nodes.Example] = {}
        for example in file.examples:
            earlier = seen.get(example.id.casefold())
            if earlier is not None:
                self.problem(
                    "duplicate-example",
                    "examples.duplicate_example",
                    example.id_span,
                    id=example.id,
                    line=earlier.line,
                )
            seen.setdefault(example.id.casefold(), example)
            before = len(self.diagnostics)
            case = self.example(example)
            if case is not None and len(self.diagnostics) == before:
                cases.append(case)
        return cases

    # ---- facts -------------------------------------------------------------------------

    def facts(self, facts: Iterable[nodes.Fact], owner: str) -> None:
        seen: set[str] = set()
        for fact in facts:
            key = fact.name.casefold()
            if key in seen:
                self.problem(
                    "duplicate-fact", "examples.duplicate_fact", fact.name_span, name=fact.name
                )
            seen.add(key)
            self.fact(fact, owner)

    def fact(self, fact: nodes.Fact, owner: str) -> None:
        key = fact.name.casefold()
        if owner == "employee" and key in _OWN_FACTS:
            self.own_fact(fact)
            return
        attribute = self.attributes.get((owner, key))
        if attribute is None:
            names = [a.name for (o, _), a in self.attributes.items() if o == owner]
            if owner == "employee":
                names += list(_OWN_FACTS)
            hint, meant = self.did_you_mean(fact.name, names)
            self.problem(
                "unknown-attribute",
                _UNKNOWN_ATTRIBUTE[owner],
                fact.name_span,
                hint,
                meant,
                name=fact.name,
            )
            return
        self.value(fact, attribute)

    def own_fact(self, fact: nodes.Fact) -> None:
        name = fact.name.casefold()
        if name == "timezone" or fact.kind == "zone":
            try:
                zoneinfo.ZoneInfo(canonical_zone_name(str(fact.value)))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                self.problem(
                    "unknown-zone", "examples.unknown_zone", fact.value_span, zone=str(fact.value)
                )
        elif fact.kind not in ("text", "number"):
            self.problem("wrong-type", "examples.own_fact_text", fact.value_span, name=fact.name)

    def value(self, fact: nodes.Fact, attribute: AttributeInfo) -> None:
        if fact.kind == "unknown":
            return
        declared = attribute.type
        wanted = "text" if declared in ("one of", "ranked") else declared
        if _TYPE_OF_KIND.get(fact.kind) != wanted:
            self.problem(
                "wrong-type",
                "examples.wrong_type",
                fact.value_span,
                name=attribute.name,
                type=declared,
            )
        elif fact.kind == "date" and fact.value is None:
            self.problem("bad-date", "examples.bad_date", fact.value_span)
        elif declared in ("one of", "ranked") and fact.value not in attribute.values:
            hint, meant = self.did_you_mean(str(fact.value), attribute.values)
            self.problem(
                "unknown-value",
                "examples.unknown_value",
                fact.value_span,
                hint,
                meant and f'"{meant}"',
                value=str(fact.value),
                name=attribute.name,
            )

    # ---- examples ----------------------------------------------------------------------

    def example(self, example: nodes.Example) -> Case | None:
        body = example.body
        if isinstance(body, nodes.RosterExample):
            return self.roster(example, body)
        person = self.people.get(body.person.casefold())
        if person is None:
            hint, meant = self.did_you_mean(body.person, [p.person for p in self.people.values()])
            self.problem(
                "unknown-employee",
                "examples.unknown_employee",
                body.person_span,
                hint,
                meant,
                person=body.person,
            )
            return None
        self.facts(body.overrides, "employee")
        self.facts(body.shift_facts, "shift")
        for leg in body.legs:
            self.leg(leg)
        self.outcome(body.outcome, roster=False)
        if body.outcome.period is not None:
            self.period(*body.outcome.period)
        if len(self.diagnostics) and any(
            d.span and example.span.start <= d.span.start < example.span.end
            for d in self.diagnostics
        ):
            return None
        employee = _employee(person, body.overrides)
        shifts = tuple(_shift(leg, day, body.shift_facts) for leg in body.legs for day in leg.days)
        period = None
        if body.outcome.period is not None:
            first, last = body.outcome.period
            assert first.date is not None and last.date is not None
            period = (first.date, last.date)
        return Case(example, employee, shifts, period)

    def leg(self, leg: nodes.Leg) -> None:
        for day in leg.days:
            self.day(day)
        for clock in (leg.start, leg.end):
            if clock.minutes is None:
                self.problem("bad-time", "examples.bad_time", clock.span)
        if leg.start.minutes == 24 * 60:
            self.problem("bad-time", "examples.start_at_day_end", leg.start.span)

    def day(self, day: nodes.Day) -> None:
        if day.date is None:
            self.problem("bad-date", "examples.bad_date", day.span)
        elif day.weekday is not None and day.weekday != day.date.weekday():
            self.problem(
                "wrong-weekday",
                "examples.wrong_weekday",
                day.span,
                self.say("examples.wrong_weekday_hint", right=Weekday(day.date.weekday())),
                written=Weekday(day.weekday),
                date=day.date,
                right=Weekday(day.date.weekday()),
            )

    def period(self, first: nodes.Day, last: nodes.Day) -> None:
        self.day(first)
        self.day(last)
        if first.date is not None and last.date is not None and last.date < first.date:
            self.problem("bad-period", "examples.backwards_period", first.span.cover(last.span))

    def outcome(self, outcome: nodes.Outcome, roster: bool) -> None:
        for ref in outcome.rules:
            if ref.id.casefold() == "default" and outcome.kind in ("allowed", "denied"):
                continue
            rule = self.rules.get(ref.id.casefold())
            if rule is None:
                hint, meant = self.did_you_mean(ref.id, [r.id for r in self.policy.rules])
                self.problem(
                    "unknown-rule", "examples.unknown_rule", ref.span, hint, meant, id=ref.id
                )
                continue
            decides = rule.kind in SHIFT_KINDS
            if outcome.kind == "breaks" and decides:
                self.problem(
                    "not-a-limit",
                    "examples.breaks_shift_rule",
                    ref.span,
                    self.say("examples.breaks_shift_rule_hint", id=rule.id),
                    id=rule.id,
                )
            elif outcome.kind != "breaks" and not decides:
                self.problem(
                    "not-a-shift-rule",
                    "examples.decided_by_limit",
                    ref.span,
                    self.say("examples.decided_by_limit_hint", id=rule.id),
                    id=rule.id,
                    kind=rule.kind,
                )
            if ref.on is not None:
                self.day(ref.on)

    def roster(self, example: nodes.Example, body: nodes.RosterExample) -> Case | None:
        before = len(self.diagnostics)
        self.period(body.first, body.last)
        self.outcome(body.outcome, roster=True)
        folder = Path(self.file.source.name).parent
        files: dict[str, Path] = {}
        for role, name in (
            ("employees", body.employees),
            ("shifts", body.shifts),
            ("leave", body.leave),
            ("headcount", body.headcount),
        ):
            if name is None:
                continue
            path = folder / name
            if not path.is_file():
                self.problem("missing-file", "examples.missing_file", body.files_span, path=name)
            files[role] = path
        if len(self.diagnostics) > before:
            return None
        assert body.first.date is not None and body.last.date is not None
        return Case(example, period=(body.first.date, body.last.date), files=files)


def _employee(person: nodes.EmployeeDecl, overrides: Iterable[nodes.Fact]) -> Employee:
    values: dict[str, Any] = {}
    for fact in (*person.facts, *overrides):
        values[fact.name.casefold()] = fact
    ident = person.person
    name: str | None = None
    zone = None
    attributes: dict[str, Any] = {}
    for key, fact in values.items():
        if key == "id":
            ident, name = str(fact.value), name or person.person
        elif key == "name":
            name = str(fact.value)
        elif key == "timezone":
            zone = canonical_zone_name(str(fact.value))
        else:
            attributes[fact.name] = fact.value  # unknown is None: a missing fact
    return Employee(ident, attributes, name=name, timezone=zone)


def _shift(leg: nodes.Leg, day: nodes.Day, facts: Iterable[nodes.Fact]) -> Shift:
    assert day.date is not None and leg.start.minutes is not None
    assert leg.end.minutes is not None
    midnight = dt.datetime.combine(day.date, dt.time())
    start = midnight + dt.timedelta(minutes=leg.start.minutes)
    end = midnight + dt.timedelta(minutes=leg.end.minutes)
    if end <= start:  # past midnight: the shift belongs to the day it starts on
        end += dt.timedelta(days=1)
    attributes = {fact.name: fact.value for fact in facts}
    return Shift(start, end, leg.location, attributes)
