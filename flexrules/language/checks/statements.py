"""Statements: each must be one of the forms the language defines, and a limit counts whole
days, so the only TIME it takes picks dates."""

from __future__ import annotations

from ...core.diagnostics import Diagnostic, error, warning
from ...core.messages import Code, Text
from .. import ast
from ..statement_forms import Form, classify
from ..symbols import Symbols


def check_forms(symbols: Symbols) -> list[Diagnostic]:
    """Every statement is one of the language's forms (`statement_forms.classify` says why
    not)."""
    found: list[Diagnostic] = []
    for rule in symbols.rule_list():
        found.extend(classify(rule.statement)[1])
    return found


def check_inert_rules(symbols: Symbols) -> list[Diagnostic]:
    """A rule that can change no decision and no check is a warning, never silently
    accepted: `must work` with no time and no place asks nothing of anyone (with a time it is
    core hours), unless it sets other rules aside."""
    found: list[Diagnostic] = []
    for rule in symbols.rule_list():
        statement = rule.statement
        form = classify(statement)[0]
        if (
            form is Form.SHIFT_RULE
            and statement.modal is ast.Modal.MUST
            and statement.activity.activity is ast.Activity.WORK
            and not rule.overrides
        ):
            found.append(
                warning(
                    "inert-rule",
                    Text("diag.inert_rule", id=rule.id.text, must_work=Code("code.must_work")),
                    statement.activity.span,
                    hint=Text("diag.inert_rule.hint"),
                )
            )
    return found


def check_limit_times(symbols: Symbols) -> list[Diagnostic]:
    """A limit counts whole days, so its TIME may only pick dates."""
    found: list[Diagnostic] = []
    for rule in symbols.rule_list():
        statement = rule.statement
        form = classify(statement)[0]
        if form is None or not form.is_limit:
            continue
        for time in statement.times:
            message: Text | None = None
            if isinstance(time, ast.During):
                if time.name.key in symbols.dates or time.name.key not in symbols.hours:
                    continue  # dates are fine; unknown names are reported elsewhere
                message = Text("diag.limit_time.hours", name=time.name.text)
            elif isinstance(time, ast.OnDays):
                message = Text("diag.limit_time.on_days")
            elif isinstance(time, ast.BetweenTimes):
                message = Text("diag.limit_time.between")
            if message is None:
                continue
            found.append(
                error(
                    "bad-statement",
                    message,
                    time.span,
                    _limit_time_hint(form),
                )
            )
    return found


def _limit_time_hint(form: Form) -> Text:
    if form in (Form.MAX_DAYS, Form.MIN_DAYS):
        return Text("diag.limit_time.days.hint")
    return Text("diag.limit_time.hours.hint")
