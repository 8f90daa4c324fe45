"""Examples run: each case decided (or checked) by the policy and compared with what the
example says, keeping what a failure report and coverage need. Nothing is rendered until read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from ..core.errors import Error
from ..core.messages import Listing, Text, speaking
from ..engine.decision import Decision
from ..engine.probes import Met, parts_met
from ..files import read_headcount, read_roster
from ..policy import Policy
from ..rosters.records import Violation
from . import nodes
from .checking import Case


@attrs.frozen(eq=False)
class ExampleResult:
    """One example's outcome: passed or not, what it expected and what was decided."""

    example: nodes.Example
    passed: bool
    expected: Text
    decided: Text
    #: the engine's own explanation (decisions, or the schedule or roster report), in `language`
    explanation: str
    #: the rules that decided some piece, or were broken: what coverage counts
    reached: frozenset[str]
    #: an input problem met while running (a roster file that does not read): an error
    error: str | None = None
    #: the groups, hours and date sets its shifts met, inside or outside (`engine.probes`)
    met: frozenset[Met] = frozenset()

    @property
    def id(self) -> str:
        return self.example.id

    @property
    def title(self) -> str | None:
        return self.example.title

    @property
    def file(self) -> str:
        return self.example.span.file

    @property
    def line(self) -> int:
        return self.example.line

    def to_dict(self, language: str = "en") -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "file": self.file,
            "line": self.line,
            "passed": self.passed,
            "expected": self.expected.render(language),
            "decided": self.decided.render(language),
            "explanation": None if self.passed else self.explanation,
            "error": self.error,
        }


def run_case(policy: Policy, case: Case, language: str) -> ExampleResult:
    body = case.example.body
    try:
        if isinstance(body, nodes.RosterExample):
            return _run_roster(policy, case, body, language)
        if body.outcome.kind in ("allowed", "denied"):
            return _run_decisions(policy, case, body.outcome, language)
        return _run_check(policy, case, body.outcome, language)
    except Error as exc:
        expected = expectation(body.outcome)
        with speaking(language):  # an input error in the examples' language
            said = str(exc)
        return ExampleResult(
            case.example,
            False,
            expected,
            Text("examples.decided_error"),
            "",
            frozenset(),
            said,
        )


# ---- what was expected and what was decided ------------------------------------------------


def _ids(rules: Iterable[nodes.RuleRef]) -> Listing:
    return Listing([_rule_name(r.id) for r in rules])


def _rule_name(ident: str | None) -> Any:
    return Text("examples.the_default") if ident is None or ident.casefold() == "default" else ident


def expectation(outcome: nodes.Outcome) -> Text:
    """`denied by R1`, `allowed only by R5`, `breaks R8 on Wed 2025-07-09`, `keeps every limit`."""
    if outcome.kind in ("allowed", "denied"):
        verdict = Text("examples.allowed" if outcome.kind == "allowed" else "examples.denied")
        if not outcome.rules:
            return verdict
        key = "examples.only_by" if outcome.only else "examples.by"
        return Text(key, verdict=verdict, rules=_ids(outcome.rules))
    if outcome.kind == "keeps":
        return Text("examples.keeps")
    broken = Listing(
        [
            Text("examples.broken_on", rule=r.id, day=r.on.date)
            if r.on is not None and r.on.date is not None
            else r.id
            for r in outcome.rules
        ]
    )
    return Text("examples.breaks_only" if outcome.only else "examples.breaks", rules=broken)


def _reason_ids(decision: Decision) -> list[str | None]:
    seen: list[str | None] = []
    for reason in decision.reasons:
        if reason.rule not in seen:
            seen.append(reason.rule)
    return seen


def _decided_text(decisions: Sequence[Decision]) -> Text:
    parts = []
    for decision in decisions:
        verdict = Text("examples.allowed" if decision.allowed else "examples.denied")
        ids = _reason_ids(decision)
        rules = Listing([_rule_name(i) for i in ids])
        parts.append(Text("examples.by", verdict=verdict, rules=rules) if ids else verdict)
    if len(parts) == 1:
        return parts[0]
    return Text(
        "examples.each_shift",
        outcomes=Listing(
            [
                Text("examples.on_day", day=d.start.date(), outcome=p)
                for d, p in zip(decisions, parts, strict=True)
            ],
            "; ",
        ),
    )


def _decision_passes(decision: Decision, outcome: nodes.Outcome) -> bool:
    if decision.allowed != (outcome.kind == "allowed"):
        return False
    named = {None if r.id.casefold() == "default" else r.id.casefold() for r in outcome.rules}
    behind = {None if i is None else i.casefold() for i in _reason_ids(decision)}
    return named == behind if outcome.only else named <= behind


def _run_decisions(
    policy: Policy, case: Case, outcome: nodes.Outcome, language: str
) -> ExampleResult:
    decisions = [policy.decide(case.employee, shift) for shift in case.shifts]
    passed = all(_decision_passes(d, outcome) for d in decisions)
    reached = frozenset(i for d in decisions for i in _reason_ids(d) if i is not None)
    explanation = "\n".join(d.explain(language=language) for d in decisions)
    return ExampleResult(
        case.example,
        passed,
        expectation(outcome),
        _decided_text(decisions),
        explanation,
        reached,
        met=_met(policy, case),
    )


def _met(policy: Policy, case: Case) -> frozenset[Met]:
    decider = policy._decider  # the compiled parts coverage asks about (a tool, not deciding)
    return frozenset(
        met
        for shift in case.shifts
        for met in parts_met(decider, case.employee, shift.start, shift.end)
    )


# ---- checks of a schedule and of a roster ---------------------------------------------------


def _week_period(shifts: Sequence[Any]) -> tuple[dt.date, dt.date]:
    """The ISO weeks the shifts fall in, Monday of the first to Sunday of the last."""
    days = [shift.start.date() for shift in shifts]
    first, last = min(days), max(days)
    return first - dt.timedelta(days=first.weekday()), last + dt.timedelta(days=6 - last.weekday())


def _month_period(shifts: Sequence[Any]) -> tuple[dt.date, dt.date]:
    days = [shift.start.date() for shift in shifts]
    first, last = min(days), max(days)
    after = dt.date(last.year + (last.month == 12), last.month % 12 + 1, 1)
    return first.replace(day=1), after - dt.timedelta(days=1)


def _monthly(policy: Policy, outcome: nodes.Outcome) -> bool:
    """Whether a rule the example names counts per month (its period is then the months)."""
    named = {r.id.casefold() for r in outcome.rules}
    return any(
        r.id.casefold() in named and " per month" in " ".join(r.text.casefold().split())
        for r in policy.rules
    )


def _violations_pass(violations: Sequence[Violation], outcome: nodes.Outcome) -> bool:
    if outcome.kind == "keeps":
        return not violations
    for ref in outcome.rules:
        if not any(_matches(v, ref) for v in violations):
            return False
    if outcome.only:
        named = {r.id.casefold() for r in outcome.rules}
        return all(v.rule.casefold() in named for v in violations)
    return True


def _matches(violation: Violation, ref: nodes.RuleRef) -> bool:
    if violation.rule.casefold() != ref.id.casefold():
        return False
    if ref.on is None or ref.on.date is None:
        return True
    first = violation.start.date()
    last = (violation.end - dt.timedelta(microseconds=1)).date()
    return first <= ref.on.date <= max(first, last)


def _broken_text(violations: Sequence[Violation]) -> Text:
    if not violations:
        return Text("examples.keeps")
    seen: list[Any] = []
    for violation in violations:
        item = Text("examples.broken_on", rule=violation.rule, day=violation.start.date())
        if item not in seen:
            seen.append(item)
    return Text("examples.breaks", rules=Listing(seen))


def _run_check(policy: Policy, case: Case, outcome: nodes.Outcome, language: str) -> ExampleResult:
    shifts = list(case.shifts)
    period = case.period
    if period is None:
        period = _month_period(shifts) if _monthly(policy, outcome) else _week_period(shifts)
    report = policy.check(case.employee, shifts, period=period)
    reached = frozenset(
        [v.rule for v in report.violations]
        + [i for d in report.decisions for i in _reason_ids(d) if i is not None]
    )
    return ExampleResult(
        case.example,
        _violations_pass(report.violations, outcome),
        expectation(outcome),
        _broken_text(report.violations),
        report.explain(language=language),
        reached,
        met=_met(policy, case),
    )


def _run_roster(
    policy: Policy, case: Case, body: nodes.RosterExample, language: str
) -> ExampleResult:
    files = case.files
    roster = read_roster(files["employees"], files["shifts"], policy, files.get("leave"))
    headcount = read_headcount(files["headcount"]) if "headcount" in files else None
    report = policy.check_roster(roster.schedules(), period=case.period, headcount=headcount)
    reached = frozenset(
        [v.rule for v in report.violations]
        + [
            i
            for decisions in report.decisions.values()
            for d in decisions
            for i in _reason_ids(d)
            if i is not None
        ]
    )
    return ExampleResult(
        case.example,
        _violations_pass(report.violations, body.outcome),
        expectation(body.outcome),
        _broken_text(report.violations),
        report.explain(language=language, summary=True),
        reached,
    )
