"""Types: every test of an attribute fits its declared type, and every value its set."""

from __future__ import annotations

import datetime
import re

from ...core.diagnostics import Diagnostic, error
from .. import ast
from ..symbols import Symbols
from ._util import (
    Use,
    attribute_uses,
    closest,
    in_each,
    place,
    shorten,
    type_name,
    type_phrase,
    write_test,
)

_ORDERING = (
    ast.CompareOp.AT_LEAST,
    ast.CompareOp.AT_MOST,
    ast.CompareOp.MORE_THAN,
    ast.CompareOp.LESS_THAN,
    ast.CompareOp.BETWEEN,
)
_DATE_ONLY = (ast.CompareOp.BEFORE, ast.CompareOp.AFTER)
_AGO_OPS = (ast.CompareOp.LESS_THAN, ast.CompareOp.AT_LEAST)
#: the kind of literal each type compares with
_VALUE_KIND = {
    "text": "text",
    "one of": "text",
    "ranked": "text",
    "number": "number",
    "date": "date",
    "yes or no": "yes or no",
}
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def check_types(symbols: Symbols) -> list[Diagnostic]:
    """Flags are yes or no, comparisons match types, values belong to their sets."""
    found: list[Diagnostic] = []
    for use in attribute_uses(symbols):
        attribute = symbols.attributes(use.test.owner).get(use.test.attribute.key)
        if attribute is None:
            continue  # unknown: the names check reports it
        if isinstance(use.test, ast.FlagTest):
            found.extend(_check_flag(use, attribute))
        else:
            found.extend(_check_comparison(use.test, attribute))
    for rule in symbols.rule_list():
        each = in_each(rule.statement)
        if each is None:
            continue
        attribute = symbols.employee_attributes.get(each.key)
        if attribute is not None and type_name(attribute.type) not in ("text", "one of", "ranked"):
            texts = [
                a.name.text
                for a in symbols.employee_attributes.values()
                if type_name(a.type) in ("text", "one of")
            ]
            example = f" such as `{texts[0]}`" if texts else ""
            found.append(
                error(
                    "type-mismatch",
                    f"`in each` splits employees by a text value, and `{attribute.name.text}` "
                    f"is {type_phrase(attribute.type)}",
                    each.span,
                    f"use a text or `one of` attribute{example}",
                )
            )
    return found


def _check_flag(use: Use, attribute: ast.AttributeDecl) -> list[Diagnostic]:
    if type_name(attribute.type) == "yes or no":
        return []
    test = use.test
    name = attribute.name.text
    written = write_test(test.owner, use.context, name, flag=False)
    example = _example_value(attribute.type)
    if example is not None:
        written = written.replace("...", example)
    verb = {"refinement": "who are", "condition": "they are"}[use.context]
    if test.owner is ast.Owner.SHIFT:
        verb = "the shift is"
    return [
        error(
            "not-a-flag",
            f"`{verb}` needs a yes or no attribute, and `{name}` is {type_phrase(attribute.type)}",
            test.attribute.span,
            f"compare it instead: `{written}`",
        )
    ]


def _example_value(type_: ast.TypeExpr) -> str | None:
    if isinstance(type_, (ast.OneOfType, ast.RankedType)) and type_.values:
        return f'"{_escape(type_.values[0].value)}"'
    return None


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _literal_kind(value: ast.Literal) -> str:
    if isinstance(value, ast.TextLiteral):
        return "text"
    if isinstance(value, ast.NumberLiteral):
        return "number"
    if isinstance(value, ast.DateLiteral):
        return "date"
    if isinstance(value, ast.TimeLiteral):
        return "time"
    return "yes or no"


def _literal_phrase(value: ast.Literal) -> str:
    kind = _literal_kind(value)
    shown = shorten(value.span.text)
    if kind == "yes or no":
        return f"`{shown}`"
    return f"the {kind} `{shown}`"


def _check_comparison(test: ast.AttributeTest, attribute: ast.AttributeDecl) -> list[Diagnostic]:
    comparison = test.comparison
    op = comparison.op
    kind = type_name(attribute.type)
    name = attribute.name.text
    what = type_phrase(attribute.type)
    if op in _ORDERING and kind not in ("number", "ranked", "date"):
        return [
            error(
                "not-ordered",
                f"`{name}` is {what}, which has no order, so `{op.value}` cannot compare it",
                comparison.span,
                _unordered_hint(attribute),
            )
        ]
    if op in _DATE_ONLY and kind != "date":
        instead = "less than" if op is ast.CompareOp.BEFORE else "more than"
        hint = (
            f"`{op.value}` compares dates; for {what} write `is {instead} ...`"
            if kind in ("number", "ranked")
            else f"`{op.value}` compares dates only"
        )
        return [
            error(
                "not-a-date",
                f"`{name}` is {what}, not a date, so `{op.value}` cannot compare it",
                comparison.span,
                hint,
            )
        ]
    if comparison.ago is not None:
        return _check_ago(test, attribute)
    found: list[Diagnostic] = []
    for value in comparison.values:
        problem = _check_value(test, attribute, value)
        if problem is not None:
            found.append(problem)
    if not found and op is ast.CompareOp.BETWEEN and len(comparison.values) == 2:
        problem = _check_between(test, attribute)
        if problem is not None:
            found.append(problem)
    return found


def _unordered_hint(attribute: ast.AttributeDecl) -> str:
    name = attribute.name.text
    kind = type_name(attribute.type)
    if kind == "yes or no":
        return f"test it with `who are {name}` or `is yes` / `is no`"
    if kind == "one of":
        return (
            'use `is one of ...`, or declare it `ranked "low" < "high"` to give its values an order'
        )
    return "use `is` or `is one of`, or declare it `ranked` to give its values an order"


def _check_ago(test: ast.AttributeTest, attribute: ast.AttributeDecl) -> list[Diagnostic]:
    comparison = test.comparison
    assert comparison.ago is not None
    op = comparison.op
    name = attribute.name.text
    unit = comparison.ago.unit.value
    if type_name(attribute.type) != "date":
        return [
            error(
                "not-a-date",
                f"`{name}` is {type_phrase(attribute.type)}, not a date, so it cannot be "
                f"compared with `{unit}s ago`",
                comparison.span,
                f"drop `{comparison.ago.span.text}`, or compare a date attribute",
            )
        ]
    if op not in _AGO_OPS:
        return [
            error(
                "bad-ago",
                f"`ago` takes `is less than` or `is at least`, not `{op.value}`",
                comparison.span,
                f"`is less than N {unit}s ago` means after that day; "
                f"`is at least N {unit}s ago` means on that day or before it",
            )
        ]
    value = comparison.values[0]
    if not isinstance(value, ast.NumberLiteral):
        return [
            error(
                "bad-ago",
                f"`ago` counts a number of {unit}s back, and {_literal_phrase(value)} is not a "
                "number",
                value.span,
                f"write a whole number, such as `is less than 12 {unit}s ago`",
            )
        ]
    if "." in value.text:
        whole = value.text.split(".", 1)[0]
        return [
            error(
                "bad-ago",
                f"`ago` counts whole {unit}s, and `{shorten(value.text)}` is not a whole number",
                value.span,
                f"write a whole number, such as `{whole}`, or a smaller unit",
                suggestion=whole,
            )
        ]
    return []


def _check_value(
    test: ast.AttributeTest, attribute: ast.AttributeDecl, value: ast.Literal
) -> Diagnostic | None:
    type_ = attribute.type
    kind = type_name(type_)
    want = _VALUE_KIND[kind]
    got = _literal_kind(value)
    name = attribute.name.text
    if got != want:
        hint, suggestion = _mismatch_hint(test, attribute, value)
        return error(
            "type-mismatch",
            f"`{name}` is {type_phrase(type_)} and cannot be compared with "
            f"{_literal_phrase(value)}",
            value.span,
            hint,
            suggestion,
        )
    if isinstance(type_, (ast.OneOfType, ast.RankedType)):
        assert isinstance(value, ast.TextLiteral)
        allowed = [v.value for v in type_.values]
        if value.value in allowed:
            return None
        nearest = closest(value.value, allowed, cutoff=0.0)
        shown = f'"{_escape(nearest)}"' if nearest is not None else None
        if nearest is not None and closest(value.value, allowed, cutoff=0.5) is not None:
            hint = f"did you mean `{shown}`?"
        else:
            listed = ", ".join(f'`"{_escape(v)}"`' for v in allowed[:8])
            more = ", ..." if len(allowed) > 8 else ""
            hint = f"the values of `{name}` are {listed}{more} ({place(type_.span, value.span)})"
        suggestion = shown
        return error(
            "value-not-allowed",
            f"`{shorten(value.span.text)}` is not a value of `{name}`",
            value.span,
            hint,
            suggestion,
        )
    return None


def _mismatch_hint(
    test: ast.AttributeTest, attribute: ast.AttributeDecl, value: ast.Literal
) -> tuple[str, str | None]:
    kind = type_name(attribute.type)
    written = value.span.text
    if kind in ("text", "one of", "ranked"):
        quoted = f'"{_escape(written)}"'
        return f"write the value in quotes: `{shorten(quoted, 80)}`", quoted
    if isinstance(value, ast.TextLiteral):
        inner = value.value.strip()
        if kind == "number" and _NUMBER.fullmatch(inner):
            return f"write the number without quotes: `{shorten(inner, 80)}`", inner
        if kind == "date" and _DATE.fullmatch(inner):
            return f"write the date without quotes: `{inner}`", inner
        if kind == "yes or no" and inner.casefold() in ("yes", "no"):
            return f"write `{inner.casefold()}` without quotes", inner.casefold()
    if kind == "number":
        return "write a number, such as `9` or `37.5`", None
    if kind == "date":
        if isinstance(value, ast.NumberLiteral) and test.comparison.op in _ORDERING:
            return (
                f"for a date relative to the day decided write `{shorten(written)} months "
                "ago`; otherwise write a date such as `2025-01-31`"
            ), None
        return "write a date as YYYY-MM-DD, such as `2025-01-31`", None
    return (
        f"write `is yes` or `is no`, or test it with "
        f"`{write_test(test.owner, 'condition', attribute.name.text, flag=True)}`"
    ), None


def _check_between(test: ast.AttributeTest, attribute: ast.AttributeDecl) -> Diagnostic | None:
    low, high = test.comparison.values
    order = _order_key(attribute, low), _order_key(attribute, high)
    if order[0] is None or order[1] is None or order[0] <= order[1]:
        return None
    swapped = f"is between {high.span.text} and {low.span.text}"
    return error(
        "empty-range",
        f"`{shorten(test.comparison.span.text, 60)}` matches nothing: the lower value must come "
        "first",
        test.comparison.span,
        f"write `{shorten(swapped, 80)}`",
        swapped,
    )


def _order_key(attribute: ast.AttributeDecl, value: ast.Literal) -> float | None:
    if isinstance(value, ast.NumberLiteral):
        return value.value
    if isinstance(value, ast.DateLiteral):
        try:
            return float(datetime.date(value.year, value.month, value.day).toordinal())
        except ValueError:
            return None
    if isinstance(value, ast.TextLiteral) and isinstance(attribute.type, ast.RankedType):
        values = [v.value for v in attribute.type.values]
        return float(values.index(value.value)) if value.value in values else None
    return None
