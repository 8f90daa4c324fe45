"""Literals and what is built from them: real times and dates, ranges in order, sane amounts."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterator

from ...core.diagnostics import Diagnostic, error
from ...core.source import Span
from .. import ast
from ..symbols import Symbols
from ._util import nodes_in, one_line, shorten

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def check_literals(symbols: Symbols) -> list[Diagnostic]:
    """Times, dates, ranges, percentages, counts, amounts, value lists, `except holidays`."""
    found: list[Diagnostic] = []
    for declaration in symbols.declarations():
        for date in _dates_in(declaration):
            problem = _check_date(date)
            if problem is not None:
                found.append(problem)
        if isinstance(declaration, ast.AttributesDecl):
            found.extend(_check_attributes(declaration))
        elif isinstance(declaration, ast.HoursDecl):
            found.extend(_check_hours(declaration))
        elif isinstance(declaration, ast.DatesDecl):
            for item in declaration.items:
                if item.end is not None:
                    found.extend(_check_range(item.start, item.end, item.span))
        elif isinstance(declaration, ast.RuleDecl):
            found.extend(_check_statement(declaration.statement))
    return found


# ---- dates -------------------------------------------------------------------------------


def _dates_in(node: ast.Node) -> Iterator[ast.DateLiteral]:
    """Every date literal in a node, in source order."""
    for item in nodes_in(node):
        if isinstance(item, ast.DateLiteral):
            yield item


def real_date(date: ast.DateLiteral) -> datetime.date | None:
    """The calendar day a date literal names, or None when there is no such day."""
    try:
        return datetime.date(date.year, date.month, date.day)
    except ValueError:
        return None


def _check_date(date: ast.DateLiteral) -> Diagnostic | None:
    if real_date(date) is not None:
        return None
    if not 1 <= date.month <= 12:
        return error(
            "bad-date",
            f"`{date.span.text}` is not a date: there is no month {date.month}",
            date.span,
            "write dates as YYYY-MM-DD, with the month from 01 to 12",
        )
    if date.year < 1:
        return error(
            "bad-date",
            f"`{date.span.text}` is not a date: there is no year 0",
            date.span,
            "write dates as YYYY-MM-DD",
        )
    last = calendar.monthrange(date.year, date.month)[1]
    month = f"{_MONTHS[date.month - 1]} {date.year}"
    last_day = f"{date.year:04d}-{date.month:02d}-{last:02d}"
    return error(
        "bad-date",
        f"`{date.span.text}` is not a date: {month} has {last} days",
        date.span,
        f"the last day of {month} is {last_day}",
    )


def _check_range(start: ast.DateLiteral, end: ast.DateLiteral, span: Span) -> list[Diagnostic]:
    first, last = real_date(start), real_date(end)
    if first is None or last is None or first <= last:
        return []
    swapped = f"{end.span.text} to {start.span.text}"
    return [
        error(
            "empty-range",
            f"the dates `{start.span.text} to {end.span.text}` end before they start",
            Span(span.source, start.span.start, end.span.end),
            f"write the earlier date first: `{swapped}`",
            swapped,
        )
    ]


# ---- times -------------------------------------------------------------------------------

_SAME_TIME_HINT = (
    "for the whole day write `{whole}`; a span past midnight ends at an "
    "earlier time than it starts, as in `{night}`"
)


def _check_time(time: ast.TimeLiteral, ends_span: bool) -> Diagnostic | None:
    shown = time.span.text
    if time.minute > 59:
        return error(
            "bad-time",
            f"`{shown}` is not a time: an hour has minutes 00 to 59",
            time.span,
            "write times as HH:MM, from 00:00 to 24:00",
        )
    if time.hour > 24 or (time.hour == 24 and time.minute != 0):
        return error(
            "bad-time",
            f"`{shown}` is not a time: the day ends at 24:00",
            time.span,
            "write times from 00:00 to 24:00; a span past midnight continues from "
            "00:00 on the next day",
        )
    if time.hour == 24 and not ends_span:
        return error(
            "bad-time", "`24:00` can only end a span", time.span, "start the span at `00:00`"
        )
    return None


def _check_times(start: ast.TimeLiteral, end: ast.TimeLiteral) -> list[Diagnostic]:
    found = [d for d in (_check_time(start, False), _check_time(end, True)) if d is not None]
    return found


def _check_hours(declaration: ast.HoursDecl) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    items = declaration.items
    for index, item in enumerate(items):
        if isinstance(item, ast.ExceptHolidays):
            if not declaration.spans:
                found.append(
                    error(
                        "misplaced-except-holidays",
                        f"the hours `{declaration.name.text}` have no spans before "
                        "`except holidays`",
                        item.span,
                        "list the spans first: `Monday to Friday 08:00 to 16:00, except holidays`",
                    )
                )
            elif index != len(items) - 1:
                again = not any(isinstance(later, ast.HoursSpan) for later in items[index + 1 :])
                found.append(
                    error(
                        "misplaced-except-holidays",
                        "`except holidays` is written twice"
                        if again
                        else "`except holidays` must come last",
                        item.span,
                        "remove one" if again else "move `except holidays` to the end of the list",
                    )
                )
            continue
        problems = _check_times(item.start, item.end)
        found.extend(problems)
        if problems or item.start.minutes != item.end.minutes:
            continue  # a span that ends before it starts runs past midnight
        written = f"{item.start.span.text} to {item.end.span.text}"
        found.append(
            error(
                "empty-span",
                f"the span `{written}` starts and ends at the same time",
                Span(item.span.source, item.start.span.start, item.end.span.end),
                _SAME_TIME_HINT.format(whole="00:00 to 24:00", night="22:00 to 06:00"),
            )
        )
    return found


# ---- attributes --------------------------------------------------------------------------


def _check_attributes(declaration: ast.AttributesDecl) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for attribute in declaration.attributes:
        type_ = attribute.type
        if not isinstance(type_, (ast.OneOfType, ast.RankedType)):
            continue
        word = "one of" if isinstance(type_, ast.OneOfType) else "ranked"
        if not type_.values:
            found.append(
                error(
                    "empty-type",
                    f"`{attribute.name.text}` has no values",
                    type_.span,
                    f'list its values: `{word} "a", "b"`',
                )
            )
            continue
        seen: dict[str, ast.TextLiteral] = {}
        for value in type_.values:
            first = seen.setdefault(value.value, value)
            if first is not value:
                found.append(
                    error(
                        "repeated-value",
                        f"`{value.span.text}` is listed twice in `{attribute.name.text}`",
                        value.span,
                        "a ranked value has one place: remove one"
                        if word == "ranked"
                        else "remove one",
                    )
                )
    for value in declaration.stray_values:
        before = [a for a in declaration.attributes if a.span.end <= value.span.start]
        if before:
            last = before[-1]
            after = [v for v in declaration.stray_values if v.span.start > last.span.end]
            following = [a for a in declaration.attributes if a.span.start > last.span.end]
            if following:
                after = [v for v in after if v.span.end <= following[0].span.start]
            listed = ", ".join(v.span.text for v in after)
            hint = (
                f"`{last.name.text}` is not a `one of` type; to give it these values write "
                f"`{last.name.text}: one of {listed}`"
            )
        else:
            hint = 'values belong after `one of`: write `NAME: one of "a", "b"`'
        found.append(
            error(
                "stray-value",
                f"the value `{value.span.text}` belongs to no `one of` type",
                value.span,
                hint,
            )
        )
    return found


# ---- statements --------------------------------------------------------------------------


def _check_statement(statement: ast.Statement) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for time in statement.times:
        if isinstance(time, ast.BetweenTimes):
            problems = _check_times(time.start, time.end)
            found.extend(problems)
            if not problems and time.start.minutes == time.end.minutes:
                found.append(
                    error(
                        "empty-span",
                        f"`{one_line(time.span.text)}` starts and ends at the same time",
                        time.span,
                        _SAME_TIME_HINT.format(
                            whole="between 00:00 and 24:00", night="between 22:00 and 06:00"
                        ),
                    )
                )
        elif isinstance(time, ast.DateWindow) and time.start is not None and time.end is not None:
            found.extend(_check_range(time.start, time.end, time.span))
    if statement.share is not None:
        percent = statement.share.percent
        if percent.value > 100:
            found.append(
                error(
                    "bad-percent",
                    f"a share of `{shorten(percent.text)}%` is more than all of them",
                    percent.span,
                    "a share is a percentage from 0 to 100",
                )
            )
    if statement.staffing is not None:
        count = statement.staffing.count
        if "." in count.text or count.value < 1:
            found.append(
                error(
                    "bad-count",
                    f"`{shorten(count.text)}` is not a head count: staffing needs a whole "
                    "number of people, at least 1",
                    count.span,
                    "write a whole number such as `2`",
                )
            )
    quantity = statement.quantity
    if quantity is not None:
        found.extend(_check_quantity(statement, quantity))
    return found


def _check_quantity(statement: ast.Statement, quantity: ast.Quantity) -> list[Diagnostic]:
    amount = quantity.amount
    unit = quantity.unit.value
    if amount.value <= 0:
        if quantity.at_least:
            hint = "a minimum of 0 asks nothing: remove the rule or give a larger amount"
        else:
            activity = statement.activity.text
            hint = f"to forbid it altogether, write `must not {activity}` without a limit"
        return [
            error(
                "bad-amount",
                f"a limit of `{shorten(amount.text)}` {unit} is no limit",
                amount.span,
                hint,
            )
        ]
    if quantity.unit is not ast.CountUnit.HOURS and "." in amount.text:
        return [
            error(
                "bad-amount",
                f"days are counted whole, and `{shorten(amount.text)}` is not a whole number",
                amount.span,
                "write a whole number of days, or a limit in hours",
            )
        ]
    return []
