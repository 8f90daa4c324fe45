"""The compile step for schedules and rosters: limits, staffing and shares to evaluators.

They compile against the shift rules' context (`engine.compile`), so a group, an hours pattern
or a slot is compiled once for all rules; a shift rule that `overrides` a limit is recorded on
the limit, which then does not count the pieces where that rule applies.
"""

from __future__ import annotations

from fractions import Fraction

import attrs

from ..engine.compile import ACTIVITY_LOCATIONS, CompiledRules
from ..engine.conditions import RelativeDate, Slot, Test, Witness, exact
from ..engine.times import DayTest, TimeSpec
from ..language import ast
from ..language.statement_forms import Form, classify


@attrs.frozen(eq=False)
class CompiledLimit:
    """A limit over one employee's schedule (section 7 of the language)."""

    decl: ast.RuleDecl
    form: Form
    applies: Test
    locations: int
    day_tests: tuple[DayTest, ...]
    period: ast.PeriodUnit
    amount: Fraction  # days, or hours
    working_days_only: bool
    overridden_by: int  # bit set of shift rules that set this limit aside where they apply
    shift_slots: int  # how many shift facts there are, for evaluating with all of them unknown
    #: which facts decided whom it binds, and the relative dates it compares: for the words
    #: of its violations
    witness: Witness
    relative: tuple[RelativeDate, ...]


@attrs.frozen(eq=False)
class CompiledGroupRule:
    """A staffing or share rule over a roster."""

    decl: ast.RuleDecl
    form: Form
    member: Test
    locations: int
    time: TimeSpec
    count: Fraction  # staffing: N people; share: P percent
    in_each: Slot | None
    shift_slots: int


@attrs.frozen(eq=False)
class CompiledPresence:
    """Core hours or a start window over one employee's schedule (LANGUAGE.md section 5)."""

    decl: ast.RuleDecl
    form: Form
    applies: Test
    time: TimeSpec  # core hours: the instants to cover; a start window: the window
    overridden_by: int  # bit set of shift rules that set it aside where they apply
    shift_slots: int
    witness: Witness
    relative: tuple[RelativeDate, ...]


@attrs.frozen(eq=False)
class CompiledLimits:
    """The compile step's result for schedules and rosters, each list in source order."""

    limits: tuple[CompiledLimit, ...]
    group_rules: tuple[CompiledGroupRule, ...]
    presence: tuple[CompiledPresence, ...] = ()


def compile_limits(compiled: CompiledRules) -> CompiledLimits:
    """The limits, staffing and share rules of a policy whose shift rules are `compiled`."""
    context = compiled.context
    limits: list[CompiledLimit] = []
    groups: list[CompiledGroupRule] = []
    overriders: dict[str, int] = {}  # a limit's id -> the shift rules that set it aside
    for shift_rule in compiled.rules:
        for target in shift_rule.decl.overrides:
            overriders[target.key] = overriders.get(target.key, 0) | shift_rule.bit
    for rule in context.symbols.rule_list():
        form = classify(rule.statement)[0]
        if form is None or form.decides_shifts:
            continue
        if form.is_limit:
            limits.append(_limit(compiled, rule, form, overriders.get(rule.id.key, 0)))
        else:
            groups.append(_group_rule(compiled, rule, form))
    presence = tuple(
        CompiledPresence(
            decl=rule.decl,
            form=rule.form,
            applies=rule.applies,
            time=rule.time,
            overridden_by=overriders.get(rule.decl.id.key, 0),
            shift_slots=len(context.shift_slots),
            witness=rule.witness,
            relative=rule.relative,
        )
        for rule in compiled.rules
        if rule.form.is_presence
    )
    return CompiledLimits(tuple(limits), tuple(groups), presence)


def _limit(
    compiled: CompiledRules, rule: ast.RuleDecl, form: Form, overridden_by: int
) -> CompiledLimit:
    context = compiled.context
    statement = rule.statement
    assert statement.quantity is not None and statement.period is not None
    whom = context.conditions.statement(statement)
    return CompiledLimit(
        decl=rule,
        form=form,
        applies=whom.test,
        locations=ACTIVITY_LOCATIONS[statement.activity.activity],
        day_tests=context.times.spec(statement.times).day_tests,
        period=statement.period.unit,
        amount=exact(statement.quantity.amount.text),
        working_days_only=statement.quantity.unit is ast.CountUnit.WORKING_DAYS,
        overridden_by=overridden_by,
        shift_slots=len(context.shift_slots),
        witness=whom.witness,
        relative=whom.relative,
    )


def _group_rule(compiled: CompiledRules, rule: ast.RuleDecl, form: Form) -> CompiledGroupRule:
    context = compiled.context
    statement = rule.statement
    if form is Form.STAFFING:
        assert statement.staffing is not None
        count, in_each = exact(statement.staffing.count.text), statement.staffing.in_each
    else:
        assert statement.share is not None
        count, in_each = exact(statement.share.percent.text), statement.share.in_each
    return CompiledGroupRule(
        decl=rule,
        form=form,
        member=context.conditions.statement(statement).test,
        locations=ACTIVITY_LOCATIONS[statement.activity.activity],
        time=context.times.spec(statement.times),
        count=count,
        in_each=context.slot(ast.Owner.EMPLOYEE, in_each) if in_each else None,
        shift_slots=len(context.shift_slots),
    )
