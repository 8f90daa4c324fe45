"""Which statement form a statement is: a rule for one shift, a limit, staffing or a share.

The grammar takes any combination of subject, modal, activity, quantity, period and time;
this is the one place that says which combinations mean something.
"""

from __future__ import annotations

import enum

from ..core.diagnostics import Diagnostic, error
from ..core.messages import Code, Text
from . import ast


class Form(str, enum.Enum):
    SHIFT_RULE = "shift rule"  # must / must not / may ACTIVITY [TIME] [if C]
    WITHIN = "within"  # must work within HOURS
    MAX_DAYS = "day maximum"  # must not ACTIVITY more than N [working] days per PERIOD
    MIN_DAYS = "day minimum"  # must ACTIVITY at least N [working] days per PERIOD
    MIN_HOURS = "hour minimum"  # must work at least H hours per PERIOD
    MAX_HOURS = "hour maximum"  # must not work more than H hours per PERIOD
    STAFFING = "staffing"  # at least N SUBJECT [in each ATTR] must ACTIVITY [TIME]
    SHARE = "share"  # at most P% of SUBJECT [in each ATTR] may ACTIVITY per day
    CORE_HOURS = "core hours"  # must work TIME (no place): present every instant of TIME
    START_WINDOW = "start window"  # must start work between HH:MM and HH:MM [TIME]

    @property
    def is_limit(self) -> bool:
        return self in (Form.MAX_DAYS, Form.MIN_DAYS, Form.MIN_HOURS, Form.MAX_HOURS)

    @property
    def decides_shifts(self) -> bool:
        """Whether `decide` applies the rule to a single shift (a presence rule neither
        denies nor permits there, but sets aside the rules it overrides)."""
        return self in (Form.SHIFT_RULE, Form.WITHIN, Form.CORE_HOURS, Form.START_WINDOW)

    @property
    def is_presence(self) -> bool:
        """Core hours and start windows: checked over a schedule, like limits."""
        return self in (Form.CORE_HOURS, Form.START_WINDOW)


def classify(statement: ast.Statement) -> tuple[Form | None, list[Diagnostic]]:
    """The statement's form, or None with diagnostics saying why it is not a valid one."""
    if statement.share is not None:
        return _classify_share(statement)
    if statement.staffing is not None:
        return _classify_staffing(statement)
    if statement.activity.activity is ast.Activity.WITHIN:
        return _classify_within(statement)
    if statement.activity.activity is ast.Activity.START:
        return _classify_start(statement)
    if statement.quantity is None:
        return _classify_unlimited(statement)
    return _classify_limit(statement, statement.quantity)


def _classify_share(statement: ast.Statement) -> tuple[Form | None, list[Diagnostic]]:
    """`at most P% of ...`: every part a share cannot take is reported, not only the first."""
    problems: list[Diagnostic] = []
    period = statement.period
    if statement.modal is not ast.Modal.MAY:
        problems.append(
            _bad(
                statement,
                Text("diag.form.share.may"),
                Text("diag.form.share.may.hint"),
            )
        )
    if statement.quantity is not None:
        problems.append(_bad(statement.quantity, Text("diag.form.share.limit")))
    if period is None or period.unit is not ast.PeriodUnit.DAY:
        problems.append(
            _bad(
                period or statement,
                Text("diag.form.share.per_day"),
                Text("diag.form.share.per_day.hint"),
            )
        )
    if statement.times:
        problems.append(_bad(statement.times[0], Text("diag.form.share.time")))
    if statement.condition is not None:
        problems.append(_bad(statement.condition, Text("diag.form.share.condition")))
    if statement.activity.activity is ast.Activity.WITHIN:
        problems.append(_bad(statement.activity, Text("diag.form.share.within")))
    return (None if problems else Form.SHARE), problems


def _classify_staffing(statement: ast.Statement) -> tuple[Form | None, list[Diagnostic]]:
    """`at least N SUBJECT must ...`: every part staffing cannot take is reported."""
    problems: list[Diagnostic] = []
    quantity = statement.quantity
    period = statement.period
    if statement.modal is not ast.Modal.MUST:
        problems.append(
            _bad(
                statement,
                Text("diag.form.staffing.must"),
                Text("diag.form.staffing.must.hint"),
            )
        )
    if quantity is not None or period is not None:
        problems.append(
            _bad(
                quantity or period or statement,
                Text("diag.form.staffing.limit"),
            )
        )
    if statement.activity.activity is ast.Activity.WITHIN:
        problems.append(_bad(statement.activity, Text("diag.form.staffing.within")))
    return (None if problems else Form.STAFFING), problems


def _classify_within(statement: ast.Statement) -> tuple[Form | None, list[Diagnostic]]:
    """`must work within HOURS`: only `must`, and no limit."""
    problems: list[Diagnostic] = []
    modal = statement.modal
    activity = statement.activity
    quantity = statement.quantity
    period = statement.period
    if modal is not ast.Modal.MUST:
        problems.append(
            _bad(
                activity,
                Text("diag.form.within.must", modal=Code(_MODALS[modal])),
                Text("diag.form.within.must.hint"),
            )
        )
    if quantity is not None or period is not None:
        problems.append(_bad(quantity or period or activity, Text("diag.form.within.limit")))
    return (None if problems else Form.WITHIN), problems


def _classify_start(statement: ast.Statement) -> tuple[Form | None, list[Diagnostic]]:
    """`must start work between HH:MM and HH:MM`: only `must`, one window, no limit."""
    problems: list[Diagnostic] = []
    hint = Text("diag.form.start.hint")
    if statement.modal is not ast.Modal.MUST:
        problems.append(
            _bad(
                statement.activity,
                Text("diag.form.start.must", modal=Code(_MODALS[statement.modal])),
                hint,
            )
        )
    if statement.quantity is not None or statement.period is not None:
        problems.append(
            _bad(
                statement.quantity or statement.period or statement.activity,
                Text("diag.form.start.limit"),
            )
        )
    windows = [t for t in statement.times if isinstance(t, ast.BetweenTimes)]
    if len(windows) != 1:
        problems.append(
            _bad(
                windows[1] if windows else statement.activity,
                Text("diag.form.start.one"),
                hint,
            )
        )
    elif windows[0].end.minutes <= windows[0].start.minutes:
        problems.append(
            _bad(
                windows[0],
                Text("diag.form.start.order"),
                Text("diag.form.start.order.hint"),
            )
        )
    return (None if problems else Form.START_WINDOW), problems


def _classify_unlimited(statement: ast.Statement) -> tuple[Form | None, list[Diagnostic]]:
    """No amount: a rule for one shift, or core hours (`must work TIME`, no place), unless a
    `per PERIOD` is left without its limit."""
    if statement.period is not None:
        problem = _bad(
            statement.period, Text("diag.form.per_period"), _per_period_hint(statement.period)
        )
        return None, [problem]
    if (
        statement.modal is ast.Modal.MUST
        and statement.activity.activity is ast.Activity.WORK
        and statement.times
    ):
        return Form.CORE_HOURS, []
    return Form.SHIFT_RULE, []


def _classify_limit(
    statement: ast.Statement, quantity: ast.Quantity
) -> tuple[Form | None, list[Diagnostic]]:
    """An amount per period: which of the four limits, or the first reason it is none.

    Unlike shares and staffing, a limit reports one problem: each test below only makes sense
    once the ones before it passed.
    """
    modal = statement.modal
    activity = statement.activity
    if modal is ast.Modal.MAY:
        return None, [
            _bad(
                quantity,
                Text("diag.form.may_limit"),
                Text("diag.form.may_limit.hint"),
            )
        ]
    if statement.period is None:
        return None, [
            _bad(
                quantity,
                Text("diag.form.period"),
                Text("diag.form.period.hint"),
            )
        ]
    hours = quantity.unit is ast.CountUnit.HOURS
    if hours and activity.activity is not ast.Activity.WORK:
        return None, [_bad(activity, Text("diag.form.hour_limit", activity=activity.text))]
    if modal is ast.Modal.MUST_NOT and not quantity.at_least:
        return (Form.MAX_HOURS if hours else Form.MAX_DAYS), []
    if modal is ast.Modal.MUST and quantity.at_least:
        return (Form.MIN_HOURS if hours else Form.MIN_DAYS), []
    if modal is ast.Modal.MUST_NOT:
        return None, [
            _bad(
                quantity,
                Text("diag.form.must_not"),
                Text(
                    "diag.form.must_not.hint",
                    written=Code("code.must_not_activity_more", activity=activity.text),
                ),
            )
        ]
    return None, [
        _bad(
            quantity,
            Text("diag.form.must"),
            Text(
                "diag.form.must_not.hint",
                written=Code("code.must_activity_at_least", activity=activity.text),
            ),
        )
    ]


def _bad(node: ast.Node, message: Text, hint: Text | None = None) -> Diagnostic:
    return error("bad-statement", message, node.span, hint=hint)


_MODALS = {
    ast.Modal.MUST: "code.modal.must",
    ast.Modal.MUST_NOT: "code.modal.must_not",
    ast.Modal.MAY: "code.modal.may",
}
#: `setiap hari` after an activity is `per day`, not `on every day` (LANGUAGE-ID.md §3.7, §6.4)
_EACH_WORDS = ("setiap", "tiap")


def _per_period_hint(period: ast.Node) -> Text:
    """What to write instead of a period with no limit; where `per` was written `setiap` or
    `tiap` (Indonesian), what that phrase means there."""
    written = " ".join(period.span.text.split())
    if written.casefold().split()[0] in _EACH_WORDS:
        return Text(
            "diag.form.per_period.every_day.hint",
            written=written,
            meant=Code("code.per_period_day"),
            on_every=Code("code.on_every_day"),
        )
    return Text("diag.form.per_period.hint")
