"""Which statement form a statement is: a rule for one shift, a limit, staffing or a share.

The grammar takes any combination of subject, modal, activity, quantity, period and time;
this is the one place that says which combinations mean something.
"""

from __future__ import annotations

import enum

from ..core.diagnostics import Diagnostic, error
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
                "a share (`at most P% of ...`) takes `may`",
                "write `at most P% of SUBJECT may ACTIVITY per day`",
            )
        )
    if statement.quantity is not None:
        problems.append(_bad(statement.quantity, "a share cannot also carry a limit"))
    if period is None or period.unit is not ast.PeriodUnit.DAY:
        problems.append(
            _bad(
                period or statement,
                "a share is counted `per day`",
                "end the share with `per day`",
            )
        )
    if statement.times:
        problems.append(_bad(statement.times[0], "a share takes no time"))
    if statement.condition is not None:
        problems.append(_bad(statement.condition, "a share takes no condition"))
    if statement.activity.activity is ast.Activity.WITHIN:
        problems.append(_bad(statement.activity, "a share cannot use `work within`"))
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
                "staffing (`at least N ...`) takes `must`",
                "write `at least N SUBJECT must ACTIVITY [TIME]`",
            )
        )
    if quantity is not None or period is not None:
        problems.append(
            _bad(
                quantity or period or statement,
                "staffing cannot also carry a limit or a period",
            )
        )
    if statement.activity.activity is ast.Activity.WITHIN:
        problems.append(_bad(statement.activity, "staffing cannot use `work within`"))
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
                f"`work within` takes `must`, not `{modal.value}`",
                "write `SUBJECT must work within HOURS`",
            )
        )
    if quantity is not None or period is not None:
        problems.append(_bad(quantity or period or activity, "`work within` cannot carry a limit"))
    return (None if problems else Form.WITHIN), problems


def _classify_start(statement: ast.Statement) -> tuple[Form | None, list[Diagnostic]]:
    """`must start work between HH:MM and HH:MM`: only `must`, one window, no limit."""
    problems: list[Diagnostic] = []
    hint = "write `SUBJECT must start work between HH:MM and HH:MM`"
    if statement.modal is not ast.Modal.MUST:
        problems.append(
            _bad(
                statement.activity,
                f"`start work` takes `must`, not `{statement.modal.value}`",
                hint,
            )
        )
    if statement.quantity is not None or statement.period is not None:
        problems.append(
            _bad(
                statement.quantity or statement.period or statement.activity,
                "a start window cannot carry a limit",
            )
        )
    windows = [t for t in statement.times if isinstance(t, ast.BetweenTimes)]
    if len(windows) != 1:
        problems.append(
            _bad(
                windows[1] if windows else statement.activity,
                "a start window takes one `between HH:MM and HH:MM`",
                hint,
            )
        )
    elif windows[0].end.minutes <= windows[0].start.minutes:
        problems.append(
            _bad(
                windows[0],
                "a start window ends after it starts, on the same day",
                "write `between 07:00 and 08:30`",
            )
        )
    return (None if problems else Form.START_WINDOW), problems


def _classify_unlimited(statement: ast.Statement) -> tuple[Form | None, list[Diagnostic]]:
    """No amount: a rule for one shift, or core hours (`must work TIME`, no place), unless a
    `per PERIOD` is left without its limit."""
    if statement.period is not None:
        problem = _bad(
            statement.period,
            "`per PERIOD` needs a limit before it",
            "write `more than N days per week` or `at least H hours per week`",
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
                "`may` never takes a limit",
                "use `must not ... more than` or `must ... at least`",
            )
        ]
    if statement.period is None:
        return None, [
            _bad(
                quantity,
                "a limit needs a period",
                "add `per day`, `per working day`, `per week` or `per month`",
            )
        ]
    hours = quantity.unit is ast.CountUnit.HOURS
    if hours and activity.activity is not ast.Activity.WORK:
        return None, [
            _bad(activity, f"an hour limit counts all work: write `work`, not `{activity.text}`")
        ]
    if modal is ast.Modal.MUST_NOT and not quantity.at_least:
        return (Form.MAX_HOURS if hours else Form.MAX_DAYS), []
    if modal is ast.Modal.MUST and quantity.at_least:
        return (Form.MIN_HOURS if hours else Form.MIN_DAYS), []
    if modal is ast.Modal.MUST_NOT:
        return None, [
            _bad(
                quantity,
                "`must not` takes `more than`",
                f"write `must not {activity.text} more than ...`",
            )
        ]
    return None, [
        _bad(quantity, "`must` takes `at least`", f"write `must {activity.text} at least ...`")
    ]


def _bad(node: ast.Node, message: str, hint: str | None = None) -> Diagnostic:
    return error("bad-statement", message, node.span, hint=hint)
