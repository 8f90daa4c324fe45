"""The traps of writing a policy in Bahasa Indonesia that the grammar accepts but the author
probably did not mean (LANGUAGE-ID.md §2.2, §2.4, §6.3): a zone suffix (`WITA`) that names
another zone than the policy's, a number spelled in words that says another number
(`2 (tiga)`), and `9,10` in a `salah satu dari` list, one decimal number where two values were
probably meant.

They read the decorations the Indonesian grammar keeps on the tree (`TimeLiteral.zone`,
`NumberLiteral.words`) and the text as written, so they find nothing in an English file.
"""

from __future__ import annotations

import re
from fractions import Fraction

from ...clock.zones import ZONE_ALIASES, canonical_zone_name
from ...core.diagnostics import Diagnostic, error, warning
from ...core.messages import Code, Text, Zone
from ...core.source import Span
from .. import ast
from ..symbols import Symbols
from ..terbilang import matches, spelled
from ._util import nodes_in, shorten

#: the zone of a policy whose header names none (`flexrules.policy.DEFAULT_TIMEZONE`)
DEFAULT_ZONE = "Asia/Jakarta"
_SUFFIX = re.compile(r"\s*(WITA|WIB|WIT)(?![\w-])", re.IGNORECASE)
_DECIMAL_COMMA = re.compile(r"\d,\d")


def check_indonesian(symbols: Symbols) -> list[Diagnostic]:
    """Zone suffixes, spelled numbers and decimal commas, in every declaration."""
    zone = policy_zone(symbols)
    shares = {
        id(rule.statement.share.percent) for rule in symbols.rule_list() if rule.statement.share
    }
    found: list[Diagnostic] = []
    for declaration in symbols.declarations():
        for node in nodes_in(declaration):
            if isinstance(node, ast.TimeLiteral):
                found.extend(_zone_suffix(node, zone))
            elif isinstance(node, ast.NumberLiteral):
                found.extend(_number_words(node, id(node) in shares))
            elif isinstance(node, ast.Comparison):
                found.extend(_decimal_commas(node))
    return found


def policy_zone(symbols: Symbols) -> str:
    """The IANA name of the zone the policy's header gives, or the default one."""
    for declaration in symbols.declarations():
        if isinstance(declaration, ast.Header):
            for clause in declaration.clauses:
                if isinstance(clause, ast.TimezoneClause):
                    return canonical_zone_name(clause.zone)
    return DEFAULT_ZONE


def suffix_agrees(suffix: str, zone: str) -> bool:
    """Whether `WIB`, `WITA` or `WIT` names the policy's zone (any other zone: none does)."""
    return ZONE_ALIASES.get(suffix.casefold()) == zone


def _zone_suffix(time: ast.TimeLiteral, zone: str) -> list[Diagnostic]:
    suffix = getattr(time, "zone", None)
    if not suffix or suffix_agrees(suffix, zone):
        return []
    text = time.span.source.text
    found = _SUFFIX.search(text, time.span.start, min(len(text), time.span.end + 40))
    span = Span(time.span.source, found.start(1), found.end(1)) if found else time.span
    return [
        error(
            "zone-suffix",
            Text("diag.zone_suffix", suffix=suffix, zone=Zone(zone)),
            span,
            Text("diag.zone_suffix.hint", suffix=suffix, timezone=Code("code.clause.timezone")),
        )
    ]


def _number_words(number: ast.NumberLiteral, percent: bool) -> list[Diagnostic]:
    words = getattr(number, "words", None)
    if not words or matches(number.text, words, percent):
        return []
    expected = spelled(number.text) or ""
    shown = Text("diag.number", value=Fraction(number.text))
    span = _with_spelling(number.span)
    return [
        error(
            "number-words",
            Text(
                "diag.number_words",
                written=shorten(span.text, 60),
                number=shown,
                spelled=expected,
                words=shorten(" ".join(words.split()), 60),
            ),
            span,
            Text("diag.number_words.hint"),
        )
    ]


_SPELLING = re.compile(r"\s*%?\s*\([^()\n]*\)")


def _with_spelling(span: Span) -> Span:
    """A number's span stretched over the spelling in parentheses after it, if it is not
    inside already."""
    if span.text.rstrip().endswith(")"):
        return span
    after = _SPELLING.match(span.source.text, span.end)
    return Span(span.source, span.start, after.end()) if after else span


def _decimal_commas(comparison: ast.Comparison) -> list[Diagnostic]:
    if comparison.op not in (ast.CompareOp.ONE_OF, ast.CompareOp.NOT_ONE_OF):
        return []
    found = []
    for value in comparison.values:
        written = value.span.text
        if isinstance(value, ast.NumberLiteral) and _DECIMAL_COMMA.search(written):
            whole, _, decimals = written.partition(",")
            found.append(
                warning(
                    "decimal-comma",
                    Text(
                        "diag.decimal_comma",
                        written=shorten(written, 40),
                        value=Fraction(value.text),
                    ),
                    value.span,
                    Text("diag.decimal_comma.hint", apart=f"{whole}, {decimals}"),
                )
            )
    return found
