"""The syntax tree written as tokens, one per keyword phrase, name and literal: the one writer
of `flexrules fmt` and `flexrules translate`, for every language. Its words come from the
language's vocabulary (`vocabulary.py`, built on the keyword tables); the layout of each
declaration and statement is written here once.

Two modes. `as_written` (fmt): names, times and activity phrases stay as the source wrote them
(a name's white space made single, backquotes kept). From the tree (translate): every name is
written from its words, in backquotes when `quote_names` says so (the keys of the names to
quote, `quoting.names_to_quote`; or True: every name holding a keyword word of the language),
and every literal in the target's own form. Either way a node without usable source text is
written from its value."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

import attrs

from .. import ast
from .tokens import Tok
from .vocabulary import VOCABULARIES, WEEKDAY_TERMINALS, Vocabulary

_NAME_TEXT = re.compile(r"\s*(?:(?:`[^`\n]*`|[^\W\d_][\w\-]*)\s*)+")
_NAME_PART = re.compile(r"`([^`\n]*)`|([^\W\d_][\w\-]*)")
_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_ESCAPE = re.compile(r"\\(.)")
_TIME = re.compile(r"\d{1,2}:\d{2}")


def kw(text: str) -> Tok:
    """A keyword phrase (no source position: it takes the next token's)."""
    return Tok(text)


def mark(text: str) -> Tok:
    return Tok(text)


class Writer:
    """Writes declarations as tokens. One method per kind of node; each yields its tokens."""

    def __init__(
        self,
        language: str = "en",
        *,
        as_written: bool = True,
        quote_names: bool | frozenset[str] = False,
    ) -> None:
        self.language = language
        self.words: Vocabulary = VOCABULARIES[language]
        self.as_written = as_written
        self.quote_names = quote_names

    # ---- names and literals --------------------------------------------------------------

    def name(self, name: ast.Name) -> Tok:
        if self.as_written:
            return Tok(name_text(name, self.words.reserved), name.span.start)
        return Tok(self.bare_or_quoted(name), name.span.start)

    def quoted(self, name: ast.Name) -> bool:
        """Whether a name written from its words goes in backquotes."""
        if isinstance(self.quote_names, frozenset):
            return name.key in self.quote_names
        return self.quote_names and any(w.casefold() in self.words.reserved for w in name.words)

    def bare_or_quoted(self, name: ast.Name) -> str:
        """A name from its words, in backquotes where `quoted`."""
        text = " ".join(name.words)
        return f"`{text}`" if self.quoted(name) else text

    def possessed(self, name: ast.Name) -> Tok:
        """`kinerjanya`, `status kepegawaiannya`, or `` `X`nya `` where the bare form would
        not read back."""
        text = self.bare_or_quoted(name)
        last = name.words[-1]
        if text.startswith("`") or last.casefold().endswith("nya") or last[-1].isdigit():
            return Tok(f"`{' '.join(name.words)}`nya", name.span.start)
        return Tok(text + "nya", name.span.start)

    def identifier(self, ident: ast.Identifier) -> Tok:
        return Tok(ident.text, ident.span.start)

    def text(self, literal: ast.TextLiteral) -> Tok:
        written = literal.span.text
        if _STRING.fullmatch(written) and _ESCAPE.sub(r"\1", written[1:-1]) == literal.value:
            return Tok(written, literal.span.start)
        escaped = literal.value.replace("\\", "\\\\").replace('"', '\\"')
        return Tok(f'"{escaped}"', literal.span.start)

    def literal(self, literal: ast.Literal) -> Tok:
        pos = literal.span.start
        if isinstance(literal, ast.TextLiteral):
            return self.text(literal)
        if isinstance(literal, ast.NumberLiteral):
            return Tok(self.words.number(literal), pos)
        if isinstance(literal, ast.DateLiteral):
            return Tok(self.words.date(literal), pos)
        if isinstance(literal, ast.TimeLiteral):
            return self.time(literal)
        return Tok(self.words.boolean(literal.value), pos)

    def number(self, literal: ast.NumberLiteral, percent: bool = False) -> Iterator[Tok]:
        """A count or share: the number, `%`, and its words where the language keeps them."""
        yield self.literal(literal)
        if percent:
            yield mark("%")
        if self.words.number_words and literal.words:
            yield Tok(f"({literal.words})")

    def time(self, literal: ast.TimeLiteral) -> Tok:
        written = literal.span.text
        if self.as_written and self.language == "en" and _TIME.fullmatch(written):
            hour, minute = (int(part) for part in written.split(":"))
            if (hour, minute) == (literal.hour, literal.minute):
                return Tok(written, literal.span.start)
        return Tok(self.words.time(literal), literal.span.start)

    def activity(self, node: ast.ActivityPhrase) -> Tok:
        if self.as_written:
            return Tok(node.text, node.span.start)
        return Tok(self.words.table[node.keyword][0], node.span.start)

    # ---- declarations --------------------------------------------------------------------

    def declaration(self, node: ast.Declaration) -> list[Tok]:
        writer: Callable[[ast.Declaration], Iterator[Tok]] = getattr(
            self, "write_" + type(node).__name__
        )
        return [*writer(node), mark(".")]

    def write_Header(self, node: ast.Header) -> Iterator[Tok]:
        w = self.words
        yield Tok(w("POLICY"), spread=True)
        yield self.text(node.name)
        for clause in node.clauses:  # each on a line of its own
            if isinstance(clause, ast.VersionClause):
                yield Tok(w("VERSION"), line_start=True)
                yield self.text(clause.version)
            elif isinstance(clause, ast.TimezoneClause):
                yield Tok(w("TIMEZONE"), line_start=True)
                yield Tok(clause.zone, clause.span.start)
            elif isinstance(clause, ast.EffectiveClause):
                yield Tok(w("EFFECTIVE", "FROM"), line_start=True)
                yield self.literal(clause.start)
                if clause.end is not None:
                    yield kw(w("UNTIL"))
                    yield self.literal(clause.end)
            else:
                yield Tok(w("DEFAULT"), line_start=True)
                yield kw(w("ALLOW" if clause.effect == "allow" else "DENY"))

    def write_AttributesDecl(self, node: ast.AttributesDecl) -> Iterator[Tok]:
        employee = node.owner is ast.Owner.EMPLOYEE
        yield kw(self.words("EMPLOYEES_HAVE" if employee else "SHIFTS_HAVE"))
        yield Tok(":", head_end=True)
        for index, attribute in enumerate(node.attributes):
            if index:
                yield mark(",")
            yield attrs.evolve(self.name(attribute.name), line_start=True)
            yield mark(":")
            yield from self.type_expr(attribute.type)

    def type_expr(self, node: ast.TypeExpr) -> Iterator[Tok]:
        if isinstance(node, ast.SimpleType):
            types = {"text": "TEXT_TYPE", "number": "NUMBER_TYPE", "bool": "YES_OR_NO"}
            yield kw(self.words(types.get(node.kind, "DATE_TYPE")))
        elif isinstance(node, ast.OneOfType):
            yield kw(self.words("ONE_OF"))
            yield from self.joined([[self.text(v)] for v in node.values], ",")
        else:
            yield kw(self.words("RANKED"))
            yield from self.joined([[self.text(v)] for v in node.values], "<")

    def write_WorkingDaysDecl(self, node: ast.WorkingDaysDecl) -> Iterator[Tok]:
        yield kw(self.words("WORKING_DAYS"))
        yield Tok(":", head_end=True)
        yield from self.days(node.days)

    def write_HolidaysDecl(self, node: ast.HolidaysDecl) -> Iterator[Tok]:
        yield kw(self.words("HOLIDAYS"))
        yield Tok(":", head_end=True)
        items: list[list[Tok]] = []
        for item in node.items:
            if isinstance(item, ast.NationalHolidays):
                national = [Tok(self.words("INDONESIA"), item.span.start)]
                joint = kw(self.words("WITH_JOINT_HOLIDAYS"))
                items.append([*national, joint] if item.joint else national)
            else:
                date = [self.literal(item.date)]
                if item.joint:
                    date.append(kw(self.words("AS_JOINT_HOLIDAY")))
                items.append(date + self.citing(item.citation))
        # a list that says what each date is and which decree: a line per item when it
        # takes several, `except` opening the last (DATA.md §4)
        decreed = bool(node.removed) or any(
            isinstance(i, ast.HolidayDate) and (i.joint or i.citation) for i in node.items
        )
        if decreed:
            items = [[attrs.evolve(item[0], line_start=True), *item[1:]] for item in items]
        yield from self.joined(items, ",")
        if node.removed:
            yield Tok(self.words("EXCEPT"), line_start=True)
            removed = [[self.literal(r.date), *self.citing(r.citation)] for r in node.removed]
            yield from self.joined(removed, ",")

    def citing(self, citation: ast.TextLiteral | None) -> list[Tok]:
        """`citing "..."` after a date the decree is cited for; nothing without one."""
        return [] if citation is None else [kw(self.words("CITING")), self.text(citation)]

    def write_AbsenceKindsDecl(self, node: ast.AbsenceKindsDecl) -> Iterator[Tok]:
        yield kw(self.words("ABSENCE_KINDS"))
        yield Tok(":", head_end=True)
        kinds = [
            [self.text(kind.name), *([kw(self.words("AS_WORK"))] if kind.work else [])]
            for kind in node.kinds
        ]
        yield from self.joined(kinds, ",")

    def write_HoursDecl(self, node: ast.HoursDecl) -> Iterator[Tok]:
        yield from self.hours_head(node.name)
        yield Tok(":", head_end=True)
        items: list[list[Tok]] = []
        for item in node.items:
            if isinstance(item, ast.HoursSpan):
                start, end = self.time(item.start), self.time(item.end)
                items.append([*self.days(item.days), start, kw(self.words("TO")), end])
            else:
                items.append([kw(self.words("EXCEPT_HOLIDAYS"))])
        yield from self.joined(items, ",")

    def hours_head(self, name: ast.Name) -> Iterator[Tok]:
        """`hours NAME`; where the language has `pola jam NAME`, a name beginning with the
        hours word reads as the keyword and the rest (`jam layanan`, §3.2)."""
        words = name.words
        if not self.words.has("HOURS_PATTERN"):
            yield kw(self.words("HOURS"))
            yield self.name(name)
        elif (
            len(words) > 1
            and words[0].casefold() == self.words("HOURS").casefold()
            and (self.as_written or not self.quoted(name))
        ):
            yield kw(self.words("HOURS"))
            yield self.name(attrs.evolve(name, words=words[1:]))
        else:
            yield kw(self.words("HOURS_PATTERN"))
            yield self.name(name)

    def write_DatesDecl(self, node: ast.DatesDecl) -> Iterator[Tok]:
        yield kw(self.words("DATES"))
        yield self.name(node.name)
        yield Tok(":", head_end=True)
        items: list[list[Tok]] = []
        for item in node.items:
            if item.end is None:
                items.append([self.literal(item.start)])
            else:
                to = kw(self.words("TO"))
                items.append([self.literal(item.start), to, self.literal(item.end)])
        yield from self.joined(items, ",")

    def write_GroupDecl(self, node: ast.GroupDecl) -> Iterator[Tok]:
        yield kw(self.words("GROUP"))
        yield self.name(node.name)
        yield Tok(":", head_end=True)
        yield from self.joined([list(self.subject(s)) for s in node.subjects], self.words("OR"))

    def write_RuleDecl(self, node: ast.RuleDecl) -> Iterator[Tok]:
        yield kw(self.words("RULE"))
        yield self.identifier(node.id)
        if node.title is not None:
            yield self.text(node.title)
        if node.citation is not None:
            yield kw(self.words("CITING"))
            yield self.text(node.citation)
        if node.overrides:
            yield kw(self.words("OVERRIDES"))
            yield from self.joined([[self.identifier(i)] for i in node.overrides], ",")
        yield Tok(":", head_end=True)
        yield from self.statement(node.statement)

    # ---- statements ------------------------------------------------------------------------

    def statement(self, node: ast.Statement) -> Iterator[Tok]:
        w = self.words
        if node.staffing is not None:
            yield kw(w("AT_LEAST"))
            yield from self.number(node.staffing.count)
        elif node.share is not None:
            yield kw(w("AT_MOST"))
            yield from self.number(node.share.percent, percent=True)
            yield kw(w("OF"))
        yield from self.subject(node.subject)
        counted = node.staffing or node.share
        in_each = counted.in_each if counted is not None else None
        if in_each is not None:
            yield kw(w("IN_EACH"))
            yield self.name(in_each)
        yield kw(w(node.modal.name))
        yield self.activity(node.activity)
        if node.activity.within is not None:
            yield self.name(node.activity.within)
        if node.quantity is not None:
            yield from self.quantity(node.quantity)
        if node.period is not None:
            yield kw(w("PER"))
            yield kw(w.unit(node.period.unit, one=True))
        for time in node.times:
            yield from self.time_item(time)
        if node.condition is not None:
            yield kw(w("UNLESS" if node.condition.unless else "IF"))
            yield from self.condition(node.condition.condition, top=True)

    def quantity(self, node: ast.Quantity) -> Iterator[Tok]:
        yield kw(self.words("AT_LEAST" if node.at_least else "MORE_THAN"))
        yield from self.number(node.amount)
        yield kw(self.words.unit(node.unit, one=node.amount.text == "1"))

    def time_item(self, node: ast.Time) -> Iterator[Tok]:
        w = self.words
        if isinstance(node, ast.During):
            yield kw(w("OUTSIDE" if node.outside else "DURING"))
            yield self.name(node.name)
        elif isinstance(node, ast.OnDays):
            yield kw(w("ON"))
            yield from self.days(node.days, after_on=True)
        elif isinstance(node, ast.BetweenTimes):
            between = w("BETWEEN", "CLOCK") if w.has("CLOCK") else w("BETWEEN")
            yield from (kw(between), self.time(node.start), kw(w("AND")), self.time(node.end))
        elif node.start is None:
            assert node.end is not None
            yield kw(w("UNTIL"))
            yield self.literal(node.end)
        else:
            yield kw(w("FROM"))
            yield self.literal(node.start)
            if node.end is not None:
                yield kw(w("TO"))
                yield self.literal(node.end)

    def days(self, node: ast.Days, after_on: bool = False) -> Iterator[Tok]:
        w = self.words
        items: list[list[Tok]] = []
        for item in node.items:
            if isinstance(item, ast.DaySet):
                items.append([kw(w(item.kind.name))])
                continue
            first = w(WEEKDAY_TERMINALS[item.first])
            if after_on and not items:
                first = w.day_after_on + first
                alone = len(node.items) == 1 and item.last is None
                if alone and not self.as_written and w.plural_units:  # `on Fridays` (§7)
                    first = w.table[WEEKDAY_TERMINALS[item.first]][1]
            if item.last is None:
                items.append([kw(first)])
            else:
                items.append([kw(first), kw(w("TO")), kw(w(WEEKDAY_TERMINALS[item.last]))])
        for index, tokens in enumerate(items):
            if index:
                yield mark(",") if index < len(items) - 1 else kw(w("AND"))
            yield from tokens

    # ---- subjects and conditions -------------------------------------------------------------

    def subject(self, node: ast.Subject) -> Iterator[Tok]:
        if isinstance(node.base, ast.GroupRef):
            yield self.name(node.base.name)
        else:
            everyone = node.base.word == "everyone"
            yield Tok(self.words("EVERYONE" if everyone else "EMPLOYEES"), node.base.span.start)
        for index, refinement in enumerate(node.refinements):
            if self.words.possessive:
                yield from self.relative(refinement, index)
            else:
                if index:
                    yield kw(self.words("AND"))
                yield from self.test(refinement)

    def relative(self, node: ast.AttributeTest | ast.FlagTest, index: int) -> Iterator[Tok]:
        """A refinement as a relative clause: `yang tidak F`, `dan yang F`, `yang Xnya ...`,
        `dan Xnya ...`."""
        w = self.words
        if isinstance(node, ast.FlagTest):
            yield kw(w("AND", "WHICH") if index else w("WHICH"))
            if node.negated:
                yield kw(w("NOT"))
            yield self.name(node.attribute)
        else:
            yield kw(w("AND") if index else w("WHICH"))
            yield self.possessed(node.attribute)
            yield from self.comparison(node.comparison)

    def test(self, node: ast.AttributeTest | ast.FlagTest) -> Iterator[Tok]:
        """A test: `whose X ...`, `who are [not] F` in a subject; `their X ...`, `they are
        [not] F`, `the shift's X ...`, `the shift is [not] F` in a condition; with the
        possessive, `Xnya ...`, `mereka [tidak] F`, `X sif ...`, `sif [tidak] F`."""
        w = self.words
        employee = node.owner is ast.Owner.EMPLOYEE
        not_ = [" " + w("NOT")] if isinstance(node, ast.FlagTest) and node.negated else []
        if isinstance(node, ast.FlagTest):
            if w.possessive:
                yield kw(w("THEIR" if employee else "THE_SHIFT"))
                yield from (kw(n.strip()) for n in not_)
            elif employee:
                yield kw(w("WHO_ARE" if self._in_subject else "THEY_ARE") + "".join(not_))
            else:
                yield kw(w("THE_SHIFT", "IS") + "".join(not_))
            yield self.name(node.attribute)
            return
        if w.possessive:
            if employee:
                yield self.possessed(node.attribute)
            else:
                yield self.name(node.attribute)
                yield kw(w("THE_SHIFT"))
        else:
            yield kw(w(("WHOSE" if self._in_subject else "THEIR") if employee else "THE_SHIFTS"))
            yield self.name(node.attribute)
        yield from self.comparison(node.comparison)

    _in_subject = True

    def comparison(self, node: ast.Comparison) -> Iterator[Tok]:
        words = self.words.comparison(node)
        if words is not None:
            yield kw(words)
        values = [[self.literal(v)] for v in node.values]
        if node.op is ast.CompareOp.BETWEEN and len(values) == 2:
            yield from (*values[0], kw(self.words("AND")), *values[1])
        else:
            yield from self.joined(values, ",")
        if node.ago is not None:
            one = len(node.values) == 1 and getattr(node.values[0], "text", None) == "1"
            yield kw(self.words.unit(node.ago.unit, one))
            yield kw(self.words("AGO"))

    def condition(self, node: ast.Condition, top: bool = False) -> Iterator[Tok]:
        saved, self._in_subject = self._in_subject, False
        try:
            yield from self._condition(node)
        finally:
            self._in_subject = saved

    def _condition(self, node: ast.Condition) -> Iterator[Tok]:
        if isinstance(node, (ast.AttributeTest, ast.FlagTest)):
            yield from self.test(node)
        elif isinstance(node, ast.Not):
            yield kw(self.words("NOT"))
            yield from self._operand(node.item, isinstance(node.item, (ast.And, ast.Or, ast.Not)))
        else:
            inner = ast.Or if isinstance(node, ast.Or) else (ast.And, ast.Or)
            word = self.words("OR" if isinstance(node, ast.Or) else "AND")
            for index, item in enumerate(node.items):
                if index:
                    yield kw(word)
                yield from self._operand(item, isinstance(item, inner))

    def _operand(self, node: ast.Condition, parenthesized: bool) -> Iterator[Tok]:
        if parenthesized:
            yield mark("(")
        yield from self._condition(node)
        if parenthesized:
            yield mark(")")

    # ---- lists --------------------------------------------------------------------------------

    @staticmethod
    def joined(items: Sequence[Sequence[Tok]], separator: str) -> Iterator[Tok]:
        for index, tokens in enumerate(items):
            if index:
                yield mark(separator) if separator in (",", "<") else kw(separator)
            yield from tokens


def name_text(name: ast.Name, reserved: frozenset[str]) -> str:
    """A name as written, white space made single and backquotes kept; written from its words
    (keyword words in backquotes) when its source text is not just the name."""
    written = name.span.text
    if _NAME_TEXT.fullmatch(written):
        parts = [m.group(0) for m in _NAME_PART.finditer(written)]
        words = [w for p in parts for w in (p[1:-1].split() if p.startswith("`") else [p])]
        if tuple(words) == name.words:
            return " ".join(
                "`" + " ".join(p[1:-1].split()) + "`" if p.startswith("`") else p for p in parts
            )
    return " ".join(f"`{word}`" if word.casefold() in reserved else word for word in name.words)
