"""Types: every test of an attribute fits its declared type, and every value its set."""

from __future__ import annotations

import datetime
import re

from ...core.diagnostics import Diagnostic, error
from ...core.messages import Code, Text
from .. import ast
from ..symbols import Symbols
from ._util import (
    Use,
    attribute_uses,
    closest,
    file_language,
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
#: a time written with a dot, which an Indonesian file may have meant as a decimal number
_DOTTED = re.compile(r"\d{1,2}\.\d{2}")


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
            found.extend(
                _check_comparison(use.test, attribute, file_language(symbols, use.test.span))
            )
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
            example = Text("diag.such_as", name=texts[0]) if texts else ""
            found.append(
                error(
                    "type-mismatch",
                    Text(
                        "diag.type_mismatch.in_each",
                        in_each=Code("code.in_each"),
                        name=attribute.name.text,
                        what=type_phrase(attribute.type),
                    ),
                    each.span,
                    Text(
                        "diag.type_mismatch.in_each.hint",
                        one_of=Code("code.one_of"),
                        example=example,
                    ),
                )
            )
    return found


def _check_flag(use: Use, attribute: ast.AttributeDecl) -> list[Diagnostic]:
    if type_name(attribute.type) == "yes or no":
        return []
    test = use.test
    name = attribute.name.text
    example = _example_value(attribute.type)
    written = write_test(test.owner, use.context, name, False, example or "...")
    verb = {"refinement": "code.verb.who_are", "condition": "code.verb.they_are"}[use.context]
    if test.owner is ast.Owner.SHIFT:
        verb = "code.verb.the_shift_is"
    return [
        error(
            "not-a-flag",
            Text("diag.not_a_flag", verb=Code(verb), name=name, what=type_phrase(attribute.type)),
            test.attribute.span,
            Text("diag.compare_instead", written=written),
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


_LITERAL_PHRASES = {
    "text": "diag.kind.text",
    "number": "diag.kind.number",
    "date": "diag.kind.date",
    "time": "diag.kind.time",
    "yes or no": "diag.kind.bool",
}
#: each comparison as policy text
_OPS = {
    ast.CompareOp.IS: "code.op.is",
    ast.CompareOp.IS_NOT: "code.op.is_not",
    ast.CompareOp.ONE_OF: "code.op.one_of",
    ast.CompareOp.NOT_ONE_OF: "code.op.not_one_of",
    ast.CompareOp.AT_LEAST: "code.op.at_least",
    ast.CompareOp.AT_MOST: "code.op.at_most",
    ast.CompareOp.MORE_THAN: "code.op.more_than",
    ast.CompareOp.LESS_THAN: "code.op.less_than",
    ast.CompareOp.BETWEEN: "code.op.between",
    ast.CompareOp.BEFORE: "code.op.before",
    ast.CompareOp.AFTER: "code.op.after",
}
_UNITS = {
    ast.DateUnit.DAY: ("code.unit.day", "code.units.day"),
    ast.DateUnit.WEEK: ("code.unit.week", "code.units.week"),
    ast.DateUnit.MONTH: ("code.unit.month", "code.units.month"),
    ast.DateUnit.YEAR: ("code.unit.year", "code.units.year"),
}


def _literal_phrase(value: ast.Literal) -> Text:
    return Text(_LITERAL_PHRASES[_literal_kind(value)], value=shorten(value.span.text))


def _op(op: ast.CompareOp) -> Code:
    return Code(_OPS[op])


def _check_comparison(
    test: ast.AttributeTest, attribute: ast.AttributeDecl, language: str = "en"
) -> list[Diagnostic]:
    comparison = test.comparison
    op = comparison.op
    kind = type_name(attribute.type)
    name = attribute.name.text
    what = type_phrase(attribute.type)
    if op in _ORDERING and kind not in ("number", "ranked", "date"):
        return [
            error(
                "not-ordered",
                Text("diag.not_ordered", name=name, what=what, op=_op(op)),
                comparison.span,
                _unordered_hint(attribute),
            )
        ]
    if op in _DATE_ONLY and kind != "date":
        instead = Code("code.is_less_than" if op is ast.CompareOp.BEFORE else "code.is_more_than")
        hint = (
            Text("diag.not_a_date.ordered.hint", op=_op(op), what=what, instead=instead)
            if kind in ("number", "ranked")
            else Text("diag.not_a_date.hint", op=_op(op))
        )
        return [
            error(
                "not-a-date",
                Text("diag.not_a_date", name=name, what=what, op=_op(op)),
                comparison.span,
                hint,
            )
        ]
    if comparison.ago is not None:
        return _check_ago(test, attribute, language)
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


def _unordered_hint(attribute: ast.AttributeDecl) -> Text:
    name = attribute.name.text
    kind = type_name(attribute.type)
    if kind == "yes or no":
        return Text(
            "diag.not_ordered.flag.hint",
            who_are=Code("code.test.who_are", attribute=name),
            is_yes=Code("code.is_yes"),
            is_no=Code("code.is_no"),
        )
    if kind == "one of":
        return Text(
            "diag.not_ordered.one_of.hint",
            is_one_of=Code("code.is_one_of"),
            ranked_example=Code("code.ranked_low_high"),
        )
    return Text(
        "diag.not_ordered.hint",
        is_=Code("code.is"),
        is_one_of=Code("code.is_one_of"),
        ranked=Code("code.ranked"),
    )


def _written_op(comparison: ast.Comparison) -> str:
    """The words of a comparison as written, before its first value (`paling lambat`)."""
    text = comparison.span.source.text
    end = comparison.values[0].span.start if comparison.values else comparison.span.end
    return " ".join(text[comparison.span.start : end].split())


def _check_ago(
    test: ast.AttributeTest, attribute: ast.AttributeDecl, language: str = "en"
) -> list[Diagnostic]:
    comparison = test.comparison
    assert comparison.ago is not None
    op = comparison.op
    name = attribute.name.text
    one, many = _UNITS[comparison.ago.unit]
    unit, units = Code(one), Code(many)
    if type_name(attribute.type) != "date":
        return [
            error(
                "not-a-date",
                Text(
                    "diag.not_a_date.ago",
                    name=name,
                    what=type_phrase(attribute.type),
                    ago=Code("code.ago_count", unit=unit),
                ),
                comparison.span,
                Text("diag.not_a_date.ago.hint", ago=comparison.ago.span.text),
            )
        ]
    ago = Code("code.ago")
    if op not in _AGO_OPS:
        # an Indonesian comparison has several spellings: say the one written (`paling lambat`)
        written = _written_op(comparison) if language == "id" else None
        hint = Text(
            "diag.bad_ago.op.hint",
            less_than_ago=Code("code.less_than_ago", unit=unit),
            at_least_ago=Code("code.at_least_ago", unit=unit),
        )
        if written and op is ast.CompareOp.AT_MOST:
            hint = Text(
                "diag.bad_ago.at_most.hint",
                written=Code("code.written_ago", op=written, unit=unit),
                at_least_ago=Code("code.at_least_ago", unit=unit),
            )
        return [
            error(
                "bad-ago",
                Text(
                    "diag.bad_ago.op",
                    ago=ago,
                    less_than=Code("code.is_less_than"),
                    at_least=Code("code.is_at_least"),
                    op=written or _op(op),
                ),
                comparison.span,
                hint,
            )
        ]
    value = comparison.values[0]
    if not isinstance(value, ast.NumberLiteral):
        return [
            error(
                "bad-ago",
                Text("diag.bad_ago.number", ago=ago, units=units, value=_literal_phrase(value)),
                value.span,
                Text(
                    "diag.bad_ago.number.hint",
                    example=Code("code.less_than_twelve_ago", unit=unit),
                ),
            )
        ]
    if "." in value.text:
        whole = value.text.split(".", 1)[0]
        return [
            error(
                "bad-ago",
                Text("diag.bad_ago.whole", ago=ago, units=units, value=shorten(value.span.text)),
                value.span,
                Text("diag.bad_ago.whole.hint", whole=whole),
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
            Text(
                "diag.type_mismatch",
                name=name,
                what=type_phrase(type_),
                value=_literal_phrase(value),
            ),
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
            hint = Text("diag.did_you_mean", guess=shown)
        else:
            listed = ", ".join(f'`"{_escape(v)}"`' for v in allowed[:8])
            more = ", ..." if len(allowed) > 8 else ""
            hint = Text(
                "diag.value_not_allowed.hint",
                name=name,
                listed=listed,
                more=more,
                place=place(type_.span, value.span),
            )
        suggestion = shown
        return error(
            "value-not-allowed",
            Text("diag.value_not_allowed", value=shorten(value.span.text), name=name),
            value.span,
            hint,
            suggestion,
        )
    return None


def _mismatch_hint(
    test: ast.AttributeTest, attribute: ast.AttributeDecl, value: ast.Literal
) -> tuple[Text, str | None]:
    kind = type_name(attribute.type)
    written = value.span.text
    if kind in ("text", "one of", "ranked"):
        quoted = f'"{_escape(written)}"'
        return Text("diag.mismatch.quotes", value=shorten(quoted, 80)), quoted
    if isinstance(value, ast.TextLiteral):
        inner = value.value.strip()
        if kind == "number" and _NUMBER.fullmatch(inner):
            return Text("diag.mismatch.number", value=shorten(inner, 80)), inner
        if kind == "date" and _DATE.fullmatch(inner):
            return Text("diag.mismatch.date", value=inner), inner
        if kind == "yes or no" and inner.casefold() in ("yes", "no"):
            return Text("diag.mismatch.bool", value=inner.casefold()), inner.casefold()
    if kind == "number":
        if isinstance(value, ast.TimeLiteral) and _DOTTED.fullmatch(written):
            # `9.30` in an Indonesian file reads as a time (LANGUAGE-ID.md §2.2, §6.4)
            decimal = written.replace(".", ",")
            return Text("diag.mismatch.decimal_comma", value=decimal), decimal
        return Text("diag.mismatch.a_number"), None
    if kind == "date":
        if isinstance(value, ast.NumberLiteral) and test.comparison.op in _ORDERING:
            ago = Code("code.months_ago", n=shorten(written))
            return Text("diag.mismatch.relative_date", ago=ago), None
        return Text("diag.mismatch.a_date"), None
    return Text(
        "diag.mismatch.yes_no",
        is_yes=Code("code.is_yes"),
        is_no=Code("code.is_no"),
        test=write_test(test.owner, "condition", attribute.name.text, flag=True),
    ), None


def _check_between(test: ast.AttributeTest, attribute: ast.AttributeDecl) -> Diagnostic | None:
    low, high = test.comparison.values
    order = _order_key(attribute, low), _order_key(attribute, high)
    if order[0] is None or order[1] is None or order[0] <= order[1]:
        return None
    swapped = Code("code.between", low=high.span.text, high=low.span.text)
    return error(
        "empty-range",
        Text("diag.empty_range.between", comparison=shorten(test.comparison.span.text, 60)),
        test.comparison.span,
        Text("diag.write", text=swapped),
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
