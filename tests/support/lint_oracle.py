"""A brute-force linter for small policies: every employee, day, stretch and place decided by
the engine, each finding of docs/lint.md read off the decisions. It shares nothing with
`flexrules.analysis` but the finding definitions: no classes, no solver.

The policies it serves compare `grade` only with 5, `role` only with "desk", and cut days only
at 06:00, 08:00, 12:00, 15:00 and 20:00 (`small_lint_policies`), so these values and stretches
meet every case.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from typing import Any

import attrs
from hypothesis import strategies as st

import flexrules
from flexrules.engine.compile import MAY, MUST, MUST_NOT, CompiledRule

GRADES = (4, 5, 6, None)
ROLES = ("desk", "other", None)
FLAGS = (True, False, None)
HOURS = (0, 6, 8, 12, 15, 20, 24)
FIRST = dt.date(2025, 8, 11)  # a Monday; Wednesday 2025-08-13 is the policy's holiday
DAYS = tuple(FIRST + dt.timedelta(days=n) for n in range(7))
HORIZON = (DAYS[0], DAYS[-1])
PLACES = {1: "office", 2: "home", 4: "anywhere"}

HEADER = """policy "small".
employees have: grade: number, role: text, on probation: yes or no.
holidays: 2025-08-13.
hours service hours: Monday to Thursday 08:00 to 15:00, Friday 08:00 to 12:00, except holidays.
hours window: every day 06:00 to 20:00.
group desk staff: employees whose role is "desk".
"""
SUBJECTS = (
    "employees",
    "desk staff",
    "employees whose grade is at least 5",
    "employees who are on probation",
    "employees whose grade is less than 5",
)
ACTIVITIES = (
    "may work from home",
    "may work remotely",
    "may be on-site",
    "may work anywhere",
    "must be on-site",
    "must work from home",
    "must not work from home",
    "must not work remotely",
    "must work within window",
)
TIMES = (
    "",
    " during service hours",
    " outside service hours",
    " between 12:00 and 15:00",
    " on working days",
    " on weekends",
    " between 06:00 and 08:00",
)
CONDITIONS = (
    "",
    " if they are on probation",
    " unless they are on probation",
    " if their grade is more than 5",
    " unless their grade is at least 5",
    ' if their role is "desk"',
)


@st.composite
def small_lint_policies(draw: st.DrawFn) -> str:
    lines = [HEADER]
    count = draw(st.integers(2, 5))
    for n in range(1, count + 1):
        overrides = ""
        if n > 1 and draw(st.integers(0, 3)) == 0:
            overrides = f" overrides R{draw(st.integers(1, n - 1))}"
        sentence = (
            draw(st.sampled_from(SUBJECTS))
            + " "
            + draw(st.sampled_from(ACTIVITIES))
            + draw(st.sampled_from(TIMES))
            + draw(st.sampled_from(CONDITIONS))
        )
        lines.append(f"rule R{n}{overrides}: {sentence}.")
    return "\n".join(lines) + "\n"


@attrs.frozen
class Seen:
    """One decision: the place, whether allowed, its reasons' rule ids, and the rules that
    apply (truth true) and may apply (unknown) on its one piece."""

    place: int
    allowed: bool
    reasons: frozenset[str | None]
    applies: int
    maybe: int


def employees() -> list[dict[str, Any]]:
    found = []
    for grade, role, probation in itertools.product(GRADES, ROLES, FLAGS):
        employee: dict[str, Any] = {"id": "E"}
        for key, value in (("grade", grade), ("role", role), ("on probation", probation)):
            if value is not None:
                employee[key] = value
        found.append(employee)
    return found


def decide_all(policy: flexrules.Policy) -> dict[tuple[int, int, int], list[Seen]]:
    """(employee index, day index, stretch index) -> the decision at each place."""
    decider = policy._decider
    found: dict[tuple[int, int, int], list[Seen]] = {}
    for e, employee in enumerate(employees()):
        for d, day in enumerate(DAYS):
            plan = decider.plan(day.toordinal())
            for h, (low, high) in enumerate(itertools.pairwise(HOURS)):
                start = dt.datetime.combine(day, dt.time(low))
                end = start + dt.timedelta(hours=high - low)
                mask = plan.masks[bisect.bisect_right(plan.bounds, low * 3600) - 1]
                seen = []
                for place, name in PLACES.items():
                    shift = {"start": start.isoformat(), "end": end.isoformat(), "location": name}
                    decision = policy.decide(employee, shift)
                    bits = decision.rule_bits
                    seen.append(
                        Seen(
                            place,
                            decision.allowed,
                            frozenset(r.rule for r in decision.reasons),
                            bits.applies & mask,
                            bits.maybe & mask,
                        )
                    )
                found[(e, d, h)] = seen
    return found


def denies_at(rule: CompiledRule, place: int) -> bool:
    matches = bool(place & rule.locations)
    return matches if rule.kind == MUST_NOT else (rule.kind == MUST and not matches)


def effects(rule: CompiledRule) -> set[str]:
    found = set()
    if rule.kind == MAY or (rule.kind == MUST and rule.names_location):
        found.add("permit")
    if any(denies_at(rule, p) for p in PLACES):
        found.add("deny")
    return found


def places(rule: CompiledRule, effect: str) -> set[int]:
    if effect == "deny":
        return {p for p in PLACES if denies_at(rule, p)}
    return {p for p in PLACES if p & rule.locations}


class Oracle:
    """The findings of one small policy, by brute force."""

    def __init__(self, policy: flexrules.Policy) -> None:
        self.policy = policy
        self.decider = policy._decider
        self.rules = self.decider.rules
        self.seen = decide_all(policy)
        self.applies_any = {
            r.index: any(s.applies & r.bit for ss in self.seen.values() for s in ss)
            for r in self.rules
        }

    def findings(self) -> set[tuple[str, tuple[str, ...]]]:
        found: set[tuple[str, tuple[str, ...]]] = set()
        silent = {r.index for r in self.rules if not self.applies_any[r.index]}
        found |= {("never-applies", (r.id,)) for r in self.rules if r.index in silent}
        found |= {
            ("never-permits", (r.id,))
            for r in self.rules
            if r.kind == MAY and r.index not in silent and not self.permits(r)
        }
        conflicts = self.conflicts()
        found |= {("conflict", (a.id, b.id)) for a, b in conflicts}
        if self.no_allowed_place(conflicts):
            found.add(("no-allowed-place", ()))
        found |= self.needless(silent)
        found |= self.redundant(silent)
        found |= self.unknown(silent)
        return found

    def permits(self, rule: CompiledRule) -> bool:
        return any(s.allowed and rule.id in s.reasons for ss in self.seen.values() for s in ss)

    def conflicts(self) -> list[tuple[CompiledRule, CompiledRule]]:
        found = []
        for a, b in itertools.combinations(self.rules, 2):
            if (a.overrides & b.bit) or (b.overrides & a.bit) or not _incompatible(a, b):
                continue
            for ss in self.seen.values():
                both = all(any(s.applies & r.bit for s in ss) for r in (a, b))
                if both and all(not s.allowed and {a.id, b.id} & s.reasons for s in ss):
                    found.append((a, b))
                    break
        return found

    def no_allowed_place(self, conflicts: list[tuple[CompiledRule, CompiledRule]]) -> bool:
        known = [e for e, emp in enumerate(employees()) if len(emp) == 4]
        for (e, d, h), ss in self.seen.items():
            if e not in known or not self.decider.calendar.is_working_day(DAYS[d]):
                continue
            if any(s.allowed for s in ss) or not any(s.reasons == {None} for s in ss):
                continue
            if any(all(any(s.applies & r.bit for s in ss) for r in pair) for pair in conflicts):
                continue
            others = any(
                s.allowed
                for (e2, d2, h2), ss2 in self.seen.items()
                if (d2, h2) == (d, h)
                for s in ss2
            )
            if others:
                return True
        return False

    def needless(self, silent: set[int]) -> set[tuple[str, tuple[str, ...]]]:
        found = set()
        for rule in self.rules:
            if rule.index in silent:
                continue
            for target in self.rules:
                if not rule.overrides & target.bit:
                    continue
                live = rule.bit | target.bit
                together = any(
                    (s.applies | s.maybe) & live == live and (s.applies | s.maybe) & rule.bit
                    for ss in self.seen.values()
                    for s in ss
                )
                if not together:
                    found.add(("needless-override", (rule.id, target.id)))
        return found

    def decides(self, rule: CompiledRule, effect: str, s: Seen) -> bool:
        if effect == "deny":
            return not s.allowed and rule.id in s.reasons and denies_at(rule, s.place)
        return s.allowed and rule.id in s.reasons

    def covers(self, rule: CompiledRule, other: CompiledRule) -> bool:
        mine = effects(rule)
        if not mine <= effects(other):
            return False
        if any(not places(rule, e) <= places(other, e) for e in mine):
            return False
        return not any(
            self.decides(rule, e, s) and not self.decides(other, e, s)
            for ss in self.seen.values()
            for s in ss
            for e in mine
        )

    def redundant(self, silent: set[int]) -> set[tuple[str, tuple[str, ...]]]:
        found = set()
        for rule in self.rules:
            if rule.overrides or rule.index in silent or not effects(rule):
                continue
            decides = any(
                self.decides(rule, e, s)
                for ss in self.seen.values()
                for s in ss
                for e in effects(rule)
            )
            if not decides:
                continue
            for other in self.rules:
                if other is rule or not self.covers(rule, other):
                    continue
                if other.index < rule.index or not self.covers(other, rule):
                    found.add(("redundant", (rule.id, other.id)))
                break
        return found

    def unknown(self, silent: set[int]) -> set[tuple[str, tuple[str, ...]]]:
        found = set()
        people = employees()
        for rule in self.rules:
            clause = rule.decl.statement.condition
            if clause is None or not clause.unless or rule.index in silent:
                continue
            if "permit" not in effects(rule) and not rule.overrides:
                continue
            name = "on probation" if "probation" in clause.span.text else "grade"
            if self._unknown_changes(rule, name, people):
                found.add(("unknown-permits", (rule.id,)))
        return found

    def _unknown_changes(self, rule: CompiledRule, name: str, people: list[dict[str, Any]]) -> bool:
        """Some employee without `name`, in the rule's subject and TIME, denied (not by the
        rule), whom the same employee with `name` known would have allowed."""
        subject = self.decider.context.conditions.subject(rule.decl.statement.subject)
        for e, employee in enumerate(people):
            if name in employee:
                continue
            values = self.decider.employee_values(employee)
            for (e2, d, h), ss in self.seen.items():
                if e2 != e or subject.test(values, (), DAYS[d].toordinal()) != 2:
                    continue
                for s in ss:
                    if (
                        s.allowed
                        or not self._in_time(rule, d, h)
                        or (rule.id in s.reasons and denies_at(rule, s.place))
                    ):
                        continue
                    if self._known_allows(employee, name, people, d, h, s.place):
                        return True
        return False

    def _in_time(self, rule: CompiledRule, d: int, h: int) -> bool:
        plan = self.decider.plan(DAYS[d].toordinal())
        return bool(plan.masks[bisect.bisect_right(plan.bounds, HOURS[h] * 3600) - 1] & rule.bit)

    def _known_allows(
        self,
        employee: dict[str, Any],
        name: str,
        people: list[dict[str, Any]],
        d: int,
        h: int,
        place: int,
    ) -> bool:
        for e, other in enumerate(people):
            same = {k: v for k, v in other.items() if k != name}
            mine = {k: v for k, v in employee.items() if k != name}
            seen = self.seen[(e, d, h)]
            if name in other and same == mine and next(s for s in seen if s.place == place).allowed:
                return True
        return False


def _incompatible(first: CompiledRule, second: CompiledRule) -> bool:
    alone = [all(denies_at(r, p) for p in PLACES) for r in (first, second)]
    if any(alone):
        return False
    return all(denies_at(first, p) or denies_at(second, p) for p in PLACES)
