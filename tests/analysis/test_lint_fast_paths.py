"""What makes lint fast means exactly what the plain way means (docs/lint.md, "Speed"):

- a truth table's formula (split one attribute at a time, equal rests shared) holds for
  exactly the table's rows, on every combination of classes (hypothesis);
- day classes made from each different TIME are the day classes the engine's own plans make
  (each day's plan, working day and order of relative cut-offs), on generated policies and on
  a policy with hours, date sets, relative dates and a shift past midnight;
- a table made once per subject and condition and per order of the relative cut-offs is the
  engine's test tabulated on each day class.

The whole linter is held to brute force by test_lint_oracle.py (a few examples here, many
more in the slow run).
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import z3
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lint_oracle import HORIZON, Oracle, small_lint_policies

import flexrules
from flexrules.analysis.classes import (
    day_classes,
    day_order,
    default_horizon,
    slot_classes,
    table_of,
)
from flexrules.analysis.formulas import Domain, table_formula
from flexrules.analysis.lint import decider_of, lint
from flexrules.analysis.model import Model

MOVING = """policy "moving" timezone WITA.
employees have:
  grade: number,
  unit: text,
  position start: date,
  on probation: yes or no.
shifts have: approved: yes or no.
working days: Monday to Friday.
holidays: Indonesia, 2025-06-09.
hours service hours: Monday to Thursday 08:00 to 15:00, Friday 08:00 to 11:30, except holidays.
hours window: every day 06:00 to 20:00.
dates Ramadan: 2025-03-01 to 2025-03-30.
group seniors: employees whose position start is at least 12 months ago.
rule R1: employees may work from home during service hours if their grade is at least 9.
rule R2: seniors may work remotely outside Ramadan unless they are on probation.
rule R3: employees whose unit is "desk" must be on-site during service hours.
rule R4: employees must work within window.
rule R5: employees whose position start is less than 3 months ago must not work remotely.
rule R6: employees may work anywhere between 21:00 and 07:00 if the shift is approved.
rule R7: seniors may work from home on weekends if their position start is after 2020-01-01.
rule R8: employees may work anywhere between 22:00 and 06:00 on Fridays.
"""


# ---- formulas ------------------------------------------------------------------------------


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[int], set[tuple[int, ...]]]:
    sizes = draw(st.lists(st.integers(1, 4), min_size=0, max_size=3))
    combos = list(itertools.product(*(range(n) for n in sizes)))
    rows = draw(st.sets(st.sampled_from(combos))) if combos else set()
    return sizes, rows


@settings(max_examples=60, deadline=None)
@given(tables())
def test_a_table_formula_holds_for_its_rows_and_no_others(
    table: tuple[list[int], set[tuple[int, ...]]],
) -> None:
    sizes, rows = table
    domains = [Domain(z3.Int(f"v{i}"), n) for i, n in enumerate(sizes)]
    formula = table_formula(domains, rows)
    for combo in itertools.product(*(range(n) for n in sizes)):
        pairs = [(d.var, z3.IntVal(v)) for d, v in zip(domains, combo, strict=True)]
        held = z3.simplify(z3.substitute(formula, *pairs) if pairs else formula)
        assert z3.is_true(held) == (combo in rows), (sizes, rows, combo)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 9), st.data())
def test_among_holds_for_its_values(size: int, data: Any) -> None:
    values = data.draw(st.sets(st.integers(-1, size)))
    domain = Domain(z3.Int("v"), size)
    formula = domain.among(values)
    for v in range(size):
        held = z3.simplify(z3.substitute(formula, (domain.var, z3.IntVal(v))))
        assert z3.is_true(held) == (v in values)


# ---- day classes and tables ----------------------------------------------------------------


def plain_days(policy: flexrules.Policy, horizon: tuple[dt.date, dt.date]) -> list[dt.date]:
    """The first date of each day class, by the engine's plan of every day of the horizon."""
    decider = decider_of(policy)
    classes = slot_classes([decider])
    first: dict[Any, dt.date] = {}
    for offset in range((horizon[1] - horizon[0]).days + 1):
        day = horizon[0] + dt.timedelta(days=offset)
        plan = decider.plan(day.toordinal())
        key = (
            plan.bounds,
            plan.masks,
            decider.calendar.is_working_day(day),
            day_order(classes, day.toordinal()),
        )
        first.setdefault(key, day)
    return list(first.values())


def fast_days(policy: flexrules.Policy, horizon: tuple[dt.date, dt.date]) -> list[dt.date]:
    decider = decider_of(policy)
    days = day_classes([decider], slot_classes([decider]), horizon)[0]
    return [d.date for d in days]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_lint_policies())
def test_day_classes_from_each_time_are_the_plans_day_classes(text: str) -> None:
    policy = flexrules.compile_policy(text, "small.rules")
    horizon = (HORIZON[0], HORIZON[0] + dt.timedelta(days=60))
    assert fast_days(policy, horizon) == plain_days(policy, horizon)


def test_day_classes_with_relative_dates_hours_and_nights() -> None:
    policy = flexrules.compile_policy(MOVING, "moving.rules")
    horizon = default_horizon(decider_of(policy))
    assert len(fast_days(policy, horizon)) > 5
    assert fast_days(policy, horizon) == plain_days(policy, horizon)


def test_shared_tables_are_each_rules_own_table_on_each_day() -> None:
    policy = flexrules.compile_policy(MOVING, "moving.rules")
    decider = decider_of(policy)
    classes = slot_classes([decider])
    days = day_classes([decider], classes, default_horizon(decider))[0]
    model = Model(decider, classes, days, [], z3.Int("piece"), z3.Int("day"))
    for rule in decider.rules:
        statement = rule.decl.statement
        key = ("rule", statement.subject, statement.condition)
        for day in days:
            shared = model._table(key, rule.applies, rule.slots, day)
            own = table_of(decider, rule.applies, rule.slots, classes, day.ordinal)
            assert shared == own, (rule.id, day.date)


# ---- the whole linter ----------------------------------------------------------------------


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_lint_policies())
def test_lint_agrees_with_brute_force_quickly(text: str) -> None:
    policy = flexrules.compile_policy(text, "small.rules")
    report = lint(policy, HORIZON)
    mine = {
        (f.code, () if f.code == "no-allowed-place" else tuple(r.id for r in f.rules))
        for f in report.findings
    }
    assert mine == Oracle(policy).findings(), text
