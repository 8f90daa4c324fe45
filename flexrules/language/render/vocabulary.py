"""What the writer takes from a language: its keyword phrases (from the language's keyword
table, `language.keywords`), the few places where the canonical phrase is not the table's
first (LANGUAGE-ID.md §7), and how its literals are written (`08:00` or `08.00`, `2025-07-07`
or `7 Juli 2025`, `7.5` or `7,5`).

The layout of every sentence is the writer's (`writer.py`), once for every language; a
vocabulary holds words and literal forms only, plus the one grammatical switch of §3: whether
attributes are possessed with `-nya` (`yang kinerjanya ...`) or introduced by `whose`."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from .. import ast, keywords
from ..indonesian import INDONESIAN, MONTHS

#: the weekday terminals, Monday first
WEEKDAY_TERMINALS = ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
#: the keyword of each unit: quantities, periods and `ago`
UNIT_TERMINALS: Mapping[object, str] = {
    ast.CountUnit.DAYS: "DAY",
    ast.CountUnit.WORKING_DAYS: "WORKING_DAYS",
    ast.CountUnit.HOURS: "HOURS",
    ast.PeriodUnit.DAY: "DAY",
    ast.PeriodUnit.WORKING_DAY: "WORKING_DAYS",
    ast.PeriodUnit.WEEK: "WEEK",
    ast.PeriodUnit.MONTH: "MONTH",
    ast.DateUnit.DAY: "DAY",
    ast.DateUnit.WEEK: "WEEK",
    ast.DateUnit.MONTH: "MONTH",
    ast.DateUnit.YEAR: "YEAR",
}
#: the keywords of each comparison, after the copula (`is`) where the language has one;
#: `NOT` is the language's negation (`negation`)
COMPARISON_TERMINALS: Mapping[ast.CompareOp, tuple[str, ...]] = {
    ast.CompareOp.IS: (),
    ast.CompareOp.IS_NOT: ("NOT",),
    ast.CompareOp.ONE_OF: ("ONE_OF",),
    ast.CompareOp.NOT_ONE_OF: ("NOT", "ONE_OF"),
    ast.CompareOp.AT_LEAST: ("AT_LEAST",),
    ast.CompareOp.AT_MOST: ("AT_MOST",),
    ast.CompareOp.MORE_THAN: ("MORE_THAN",),
    ast.CompareOp.LESS_THAN: ("LESS_THAN",),
    ast.CompareOp.BETWEEN: ("BETWEEN",),
    ast.CompareOp.BEFORE: ("BEFORE",),
    ast.CompareOp.AFTER: ("AFTER",),
}


def keyword_words(table: Mapping[str, tuple[str, ...]]) -> frozenset[str]:
    """Every word of every phrase of a keyword table, case-folded."""
    return frozenset(
        word.casefold()
        for phrases in table.values()
        for phrase in phrases
        for word in phrase.split()
    )


@attrs.frozen
class Vocabulary:
    """A language's words for the writer. English is the base; Indonesian overrides the
    literal forms."""

    language: str
    table: Mapping[str, tuple[str, ...]]
    #: terminal -> its canonical phrase, where that is not the table's first
    canonical: Mapping[str, str] = attrs.field(factory=dict)
    #: units have a singular (the table's second phrase: `days`, `day`)
    plural_units: bool = True
    #: the copula before a comparison (`is`), or None
    copula: str | None = "IS"
    #: the terminal that negates a comparison (`is not`, `bukan`)
    negation: str = "NOT"
    #: attributes take the possessive suffix (`kinerjanya`) instead of `whose`/`their`
    possessive: bool = False
    #: a number's words in parentheses are written back (`2 (dua)`)
    number_words: bool = False
    #: before the first day name after `on` (`pada hari Jumat`)
    day_after_on: str = ""
    #: a phrase's variant by its use: (terminal, use) -> phrase (`paling cepat` with a date)
    variants: Mapping[tuple[str, str], str] = attrs.field(factory=dict)
    #: every keyword word: a name holding one may need backquotes
    reserved: frozenset[str] = attrs.field(
        default=attrs.Factory(lambda self: keyword_words(self.table), takes_self=True)
    )

    def __call__(self, *terminals: str) -> str:
        """The canonical phrase of each terminal, joined by spaces."""
        return " ".join(self.canonical.get(t) or self.table[t][0] for t in terminals)

    def has(self, terminal: str) -> bool:
        return terminal in self.table or terminal in self.canonical

    def variant(self, terminal: str, use: str) -> str:
        return self.variants.get((terminal, use)) or self(terminal)

    def unit(self, unit: object, one: bool = False) -> str:
        """`days` or `day` (after `1`), `hari`."""
        phrases = self.table[UNIT_TERMINALS[unit]]
        return phrases[1] if one and self.plural_units else phrases[0]

    def comparison(self, node: ast.Comparison) -> str | None:
        """A comparison's words (`is at least`, `paling cepat`), None where it has none."""
        terminals = [self.negation if t == "NOT" else t for t in COMPARISON_TERMINALS[node.op]]
        if self.copula is not None:
            terminals.insert(0, self.copula)
        if len(terminals) == 1 and terminals[0] in ("AT_LEAST", "AT_MOST"):
            dated = any(isinstance(v, ast.DateLiteral) for v in node.values)
            use = "ago" if node.ago else "date" if dated else "value"
            return self.variant(terminals[0], use)
        return self(*terminals) if terminals else None

    # ---- literals ----------------------------------------------------------------------

    def number(self, literal: ast.NumberLiteral) -> str:
        return literal.text

    def date(self, literal: ast.DateLiteral) -> str:
        return literal.text

    def time(self, literal: ast.TimeLiteral) -> str:
        return literal.text

    def boolean(self, value: bool) -> str:
        return self("YES" if value else "NO")


class IndonesianVocabulary(Vocabulary):
    """`7,5`, `7 Juli 2025`, `08.00 WIB`."""

    def number(self, literal: ast.NumberLiteral) -> str:
        return literal.text.replace(".", ",")

    def date(self, literal: ast.DateLiteral) -> str:
        if not 1 <= literal.month <= 12:  # not a date the checks accept: written as read
            return literal.text
        return f"{literal.day} {MONTHS[literal.month - 1].capitalize()} {literal.year}"

    def time(self, literal: ast.TimeLiteral) -> str:
        text = f"{literal.hour:02d}.{literal.minute:02d}"
        return f"{text} {literal.zone}" if literal.zone else text


ENGLISH = Vocabulary("en", keywords.ENGLISH)
INDONESIAN_WORDS = IndonesianVocabulary(
    "id",
    INDONESIAN,
    canonical={"DATES": "tanggal", "EVERYONE": "semua pegawai"},
    plural_units=False,
    copula=None,
    negation="IS_NOT",
    possessive=True,
    number_words=True,
    day_after_on="hari ",
    variants={
        ("AT_LEAST", "value"): "paling rendah",
        ("AT_LEAST", "date"): "paling cepat",
        ("AT_MOST", "value"): "paling tinggi",
        ("AT_MOST", "date"): "paling lambat",
    },
)

#: language code -> its vocabulary
VOCABULARIES: Mapping[str, Vocabulary] = {"en": ENGLISH, "id": INDONESIAN_WORDS}
