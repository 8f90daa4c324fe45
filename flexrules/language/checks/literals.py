"""Literals and what is built from them: real times and dates, ranges in order, sane amounts."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterator

from ...core.diagnostics import Diagnostic, error
from ...core.messages import Code, Date, MonthName, Text
from ...core.source import Span
from .. import ast
from ..symbols import Symbols
from ._util import nodes_in, one_line, shorten

#: a limit's unit as policy text
_UNITS = {
    ast.CountUnit.DAYS: "code.unit.days",
    ast.CountUnit.WORKING_DAYS: "code.unit.working_days",
    ast.CountUnit.HOURS: "code.unit.hours",
}


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
            Text("diag.bad_date.month", date=date.span.text, month=date.month),
            date.span,
            Text("diag.bad_date.month.hint"),
        )
    if date.year < 1:
        return error(
            "bad-date",
            Text("diag.bad_date.year", date=date.span.text),
            date.span,
            Text("diag.bad_date.year.hint"),
        )
    last = calendar.monthrange(date.year, date.month)[1]
    month = MonthName(datetime.date(date.year, date.month, 1))
    last_day = Code("diag.date", date=Date(datetime.date(date.year, date.month, last)))
    return error(
        "bad-date",
        Text("diag.bad_date.day", date=date.span.text, month=month, last=last),
        date.span,
        Text("diag.bad_date.day.hint", month=month, last_day=last_day),
    )


def _check_range(start: ast.DateLiteral, end: ast.DateLiteral, span: Span) -> list[Diagnostic]:
    first, last = real_date(start), real_date(end)
    if first is None or last is None or first <= last:
        return []
    swapped = Code("diag.date_range", start=end.span.text, end=start.span.text)
    return [
        error(
            "empty-range",
            Text("diag.empty_range", start=start.span.text, end=end.span.text),
            Span(span.source, start.span.start, end.span.end),
            Text("diag.empty_range.hint", swapped=swapped),
            swapped,
        )
    ]


# ---- times -------------------------------------------------------------------------------


def _check_time(time: ast.TimeLiteral, ends_span: bool) -> Diagnostic | None:
    shown = time.span.text
    if time.minute > 59:
        return error(
            "bad-time",
            Text("diag.bad_time.minutes", time=shown),
            time.span,
            Text("diag.bad_time.minutes.hint"),
        )
    if time.hour > 24 or (time.hour == 24 and time.minute != 0):
        return error(
            "bad-time",
            Text("diag.bad_time.hours", time=shown),
            time.span,
            Text("diag.bad_time.hours.hint"),
        )
    if time.hour == 24 and not ends_span:
        return error(
            "bad-time",
            Text("diag.bad_time.day_end"),
            time.span,
            Text("diag.bad_time.day_end.hint"),
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
                        Text("diag.except_holidays.no_spans", name=declaration.name.text),
                        item.span,
                        Text("diag.except_holidays.no_spans.hint"),
                    )
                )
            elif index != len(items) - 1:
                again = not any(isinstance(later, ast.HoursSpan) for later in items[index + 1 :])
                found.append(
                    error(
                        "misplaced-except-holidays",
                        Text("diag.except_holidays.twice")
                        if again
                        else Text("diag.except_holidays.last"),
                        item.span,
                        Text("diag.except_holidays.twice.hint")
                        if again
                        else Text("diag.except_holidays.last.hint"),
                    )
                )
            continue
        problems = _check_times(item.start, item.end)
        found.extend(problems)
        if problems or item.start.minutes != item.end.minutes:
            continue  # a span that ends before it starts runs past midnight
        written = Code("diag.time_range", start=item.start.span.text, end=item.end.span.text)
        found.append(
            error(
                "empty-span",
                Text("diag.empty_span.hours", span=written),
                Span(item.span.source, item.start.span.start, item.end.span.end),
                Text("diag.empty_span.hours.hint"),
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
                    Text("diag.empty_type", name=attribute.name.text),
                    type_.span,
                    Text("diag.empty_type.one_of.hint")
                    if word == "one of"
                    else Text("diag.empty_type.ranked.hint"),
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
                        Text(
                            "diag.repeated_value", value=value.span.text, name=attribute.name.text
                        ),
                        value.span,
                        Text("diag.repeated_value.ranked.hint")
                        if word == "ranked"
                        else Text("diag.repeated_value.hint"),
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
            hint = Text("diag.stray_value.after.hint", name=last.name.text, listed=listed)
        else:
            hint = Text("diag.stray_value.hint")
        found.append(
            error(
                "stray-value",
                Text("diag.stray_value", value=value.span.text),
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
                        Text("diag.empty_span.between", span=one_line(time.span.text)),
                        time.span,
                        Text("diag.empty_span.between.hint"),
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
                    Text("diag.bad_percent", percent=shorten(percent.text)),
                    percent.span,
                    Text("diag.bad_percent.hint"),
                )
            )
    if statement.staffing is not None:
        count = statement.staffing.count
        if "." in count.text or count.value < 1:
            found.append(
                error(
                    "bad-count",
                    Text("diag.bad_count", count=shorten(count.text)),
                    count.span,
                    Text("diag.bad_count.hint"),
                )
            )
    quantity = statement.quantity
    if quantity is not None:
        found.extend(_check_quantity(statement, quantity))
    return found


def _check_quantity(statement: ast.Statement, quantity: ast.Quantity) -> list[Diagnostic]:
    amount = quantity.amount
    unit = Code(_UNITS[quantity.unit])
    if amount.value <= 0:
        if quantity.at_least:
            hint = Text("diag.bad_amount.zero_minimum.hint")
        else:
            activity = statement.activity.text
            hint = Text("diag.bad_amount.zero_maximum.hint", activity=activity)
        return [
            error(
                "bad-amount",
                Text("diag.bad_amount.zero", amount=shorten(amount.text), unit=unit),
                amount.span,
                hint,
            )
        ]
    if quantity.unit is not ast.CountUnit.HOURS and "." in amount.text:
        return [
            error(
                "bad-amount",
                Text("diag.bad_amount.whole", amount=shorten(amount.text)),
                amount.span,
                Text("diag.bad_amount.whole.hint"),
            )
        ]
    return []
