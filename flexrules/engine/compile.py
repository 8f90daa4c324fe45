"""The compile step: checked syntax trees to the evaluators that decide shifts, once per policy.

Every declared attribute gets a slot; subjects and conditions become three-valued tests over
slots (`engine.conditions`); every TIME becomes a function giving, for a local day, the
stretches of time it owns (`engine.times`). A compiled rule also keeps what explaining it needs
(its words, where it is, the relative dates it compares with, how its TIME reads), so a
decision never goes back to the tree. Limits, staffing and shares compile in
`rosters.compile`, on the same context.
"""

from __future__ import annotations

import datetime as dt
from collections import deque

import attrs

from ..clock.calendar import Calendar
from ..core.memory import DEFAULT_CACHE_SIZE
from ..core.source import SourceLocation
from ..language import ast
from ..language.statement_forms import Form, classify
from ..language.symbols import Symbols
from .conditions import Conditions, RelativeDate, Slot, Test, Witness
from .days import working_weekdays
from .facts import object_reader
from .times import Times, TimeSpec, TimeWords
from .values import reader

MAY, MUST, MUST_NOT = 0, 1, 2
ACTIVITY_LOCATIONS = {
    ast.Activity.ON_SITE: 1,
    ast.Activity.HOME: 2,
    ast.Activity.ANYWHERE: 4,
    ast.Activity.REMOTE: 6,
    ast.Activity.WORK: 7,
    ast.Activity.WITHIN: 7,
    ast.Activity.START: 7,
}
_KINDS = {ast.Modal.MAY: MAY, ast.Modal.MUST: MUST, ast.Modal.MUST_NOT: MUST_NOT}


@attrs.frozen(eq=False)
class CompiledRule:
    """What deciding needs of one rule, plus what explaining it needs."""

    index: int
    bit: int
    decl: ast.RuleDecl
    form: Form
    kind: int  # MAY, MUST or MUST_NOT (a `within` rule is a MUST_NOT)
    locations: int  # bit set of the locations its activity names
    names_location: bool
    applies: Test
    day_dependent: bool
    time: TimeSpec
    slots: tuple[Slot, ...]
    overrides: int  # bit set of the rules it sets aside
    #: for explanations: the rule's words on one line, where it is, the relative dates it
    #: compares with, how each TIME reads, and the hours of a `must work within` rule
    text: str
    source: SourceLocation
    relative: tuple[RelativeDate, ...]
    time_words: tuple[TimeWords, ...]
    within: str | None
    #: which of its facts decided its subject and condition, for given facts (`Compiled`)
    witness: Witness

    @property
    def id(self) -> str:
        return self.decl.id.text

    @property
    def title(self) -> str | None:
        return self.decl.title.value if self.decl.title else None

    @property
    def citation(self) -> str | None:
        return self.decl.citation.value if self.decl.citation else None


class CompileContext:
    """A policy's symbol tables, calendar, slots, and compiled groups and hours: what every
    rule, limit and staffing rule compiles against."""

    def __init__(
        self, symbols: Symbols, calendar: Calendar, cache_size: int = DEFAULT_CACHE_SIZE
    ) -> None:
        self.symbols = symbols
        self.calendar = calendar
        self.cache_size = cache_size
        self.employee_slots = _slots(ast.Owner.EMPLOYEE, symbols.employee_attributes)
        self.shift_slots = _slots(ast.Owner.SHIFT, symbols.shift_attributes)
        self.conditions = Conditions(
            symbols.groups,
            {ast.Owner.EMPLOYEE: self.employee_slots, ast.Owner.SHIFT: self.shift_slots},
            cache_size,
        )
        self.times = Times(symbols.hours, symbols.dates, calendar, cache_size)

    def slot(self, owner: ast.Owner, name: ast.Name) -> Slot:
        return self.conditions.slot(owner, name)


def _slots(owner: ast.Owner, declarations: dict[str, ast.AttributeDecl]) -> dict[str, Slot]:
    return {
        key: Slot(
            owner, index, decl.name.text, decl, object_reader(decl.name.text), reader(decl.type)
        )
        for index, (key, decl) in enumerate(declarations.items())
    }


@attrs.frozen(eq=False)
class CompiledRules:
    """The compile step's result for shift rules: the context and the rules, in source order."""

    context: CompileContext
    rules: tuple[CompiledRule, ...]

    @property
    def calendar(self) -> Calendar:
        return self.context.calendar


def build_calendar(symbols: Symbols, cache_size: int = DEFAULT_CACHE_SIZE) -> Calendar:
    """The policy's days: its working days and the holidays it declares, less those after
    `except`, with the decree each cites (DATA.md §4)."""
    national = joint = False
    agency: list[dt.date] = []
    moved: list[dt.date] = []
    removed: list[dt.date] = []
    citations: dict[dt.date, str] = {}
    for decl in symbols.holidays:
        for item in decl.items:
            if isinstance(item, ast.NationalHolidays):
                national = True
                joint = joint or item.joint
                continue
            day = dt.date(item.date.year, item.date.month, item.date.day)
            (moved if item.joint else agency).append(day)
            if item.citation is not None:
                citations.setdefault(day, item.citation.value)
        for gone in decl.removed:
            day = dt.date(gone.date.year, gone.date.month, gone.date.day)
            removed.append(day)
            if gone.citation is not None:
                citations.setdefault(day, gone.citation.value)
    return Calendar(
        working_weekdays(symbols.working_days),
        national,
        joint,
        agency,
        cache_size,
        joint_days=moved,
        removed=removed,
        citations=citations,
    )


def compile_rules(symbols: Symbols, cache_size: int = DEFAULT_CACHE_SIZE) -> CompiledRules:
    """Every rule that decides single shifts, in source order, as a `CompiledRule`; each of the
    policy's memories keeps at most `cache_size` entries per generation."""
    context = CompileContext(symbols, build_calendar(symbols, cache_size), cache_size)
    deciding = [
        (rule, form)
        for rule in symbols.rule_list()
        if (form := classify(rule.statement)[0]) is not None and form.decides_shifts
    ]
    bits = {rule.id.key: i for i, (rule, _) in enumerate(deciding)}
    rules = tuple(
        _compile_rule(context, index, rule, form, bits)
        for index, (rule, form) in enumerate(deciding)
    )
    return CompiledRules(context, rules)


def _compile_rule(
    context: CompileContext, index: int, rule: ast.RuleDecl, form: Form, bits: dict[str, int]
) -> CompiledRule:
    statement = rule.statement
    whom = context.conditions.statement(statement)
    activity = statement.activity
    within = activity.within if form is Form.WITHIN else None
    overrides = 0
    for target in rule.overrides:
        if target.key in bits:
            overrides |= 1 << bits[target.key]
    return CompiledRule(
        index=index,
        bit=1 << index,
        decl=rule,
        form=form,
        kind=MUST_NOT if form is Form.WITHIN else _KINDS[statement.modal],
        locations=ACTIVITY_LOCATIONS[activity.activity],
        names_location=activity.activity
        not in (ast.Activity.WORK, ast.Activity.WITHIN, ast.Activity.START),
        applies=whom.test,
        day_dependent=whom.day_dependent,
        time=context.times.spec(statement.times, within),
        slots=tuple(sorted(whom.slots, key=lambda s: (s.owner.value, s.index))),
        overrides=overrides,
        text=statement.span.one_line(),
        source=SourceLocation.of(rule.span),
        relative=whom.relative,
        time_words=context.times.words(statement.times, context.symbols.language_of(rule)),
        within=within.text if within is not None else None,
        witness=whom.witness,
    )


def override_order(rules: tuple[CompiledRule, ...]) -> tuple[CompiledRule, ...]:
    """The rules that set others aside, each after every rule that can set it aside.

    Walking them in this order, a rule's own fate is known before it acts: a rule that is set
    aside sets nothing aside itself. The checks reject cycles, so the order exists (Kahn's
    algorithm, without recursion, so long chains of overrides are fine).
    """
    by_id = {r.decl.id.key: r for r in rules}
    waiting = {r.index: 0 for r in rules}
    targets: dict[int, list[CompiledRule]] = {r.index: [] for r in rules}
    for rule in rules:
        for name in {t.key for t in rule.decl.overrides}:
            target = by_id.get(name)
            if target is not None:
                waiting[target.index] += 1
                targets[rule.index].append(target)
    ready = deque(r for r in rules if waiting[r.index] == 0)
    ordered: list[CompiledRule] = []
    while ready:
        rule = ready.popleft()
        ordered.append(rule)
        for target in targets[rule.index]:
            waiting[target.index] -= 1
            if waiting[target.index] == 0:
                ready.append(target)
    return tuple(r for r in ordered if r.overrides)
