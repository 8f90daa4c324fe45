"""The syntax tree written in English, one token per keyword phrase, name and literal, with
the keyword table's own spelling (`language.keywords`): the writer `flexrules fmt` uses, and
the model for another language's (`translate`), which writes the same tree in its own words
and order.

Names and values stay as written: a name is its source text with white space made single
(backquotes kept), a literal its source token; a node without usable source text is written
from its value (a name's keyword words then in backquotes)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

import attrs

from .. import ast, keywords
from .tokens import Tok

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NAME_TEXT = re.compile(r"\s*(?:(?:`[^`\n]*`|[^\W\d_][\w\-]*)\s*)+")
_NAME_PART = re.compile(r"`([^`\n]*)`|([^\W\d_][\w\-]*)")
_SIMPLE_TYPES = {"text": "text", "number": "number", "bool": "yes or no"}
_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_ESCAPE = re.compile(r"\\(.)")
_TIME = re.compile(r"\d{1,2}:\d{2}")
_KEYWORD_WORDS = frozenset(
    word.casefold() for phrases in keywords.ENGLISH.values() for p in phrases for word in p.split()
)


def kw(text: str) -> Tok:
    return Tok(text)


def mark(text: str) -> Tok:
    return Tok(text)


class EnglishWriter:
    """Writes declarations as tokens. One method per kind of node; each yields its tokens."""

    language = "en"

    # ---- names and literals --------------------------------------------------------------

    def name(self, name: ast.Name) -> Tok:
        return Tok(name_text(name), name.span.start)

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
            return Tok(literal.text, pos)
        if isinstance(literal, ast.DateLiteral):
            return Tok(literal.text, pos)
        if isinstance(literal, ast.TimeLiteral):
            return self.time(literal)
        return Tok("yes" if literal.value else "no", pos)

    def time(self, literal: ast.TimeLiteral) -> Tok:
        written = literal.span.text
        if _TIME.fullmatch(written):
            hour, minute = (int(part) for part in written.split(":"))
            if (hour, minute) == (literal.hour, literal.minute):
                return Tok(written, literal.span.start)
        return Tok(literal.text, literal.span.start)

    # ---- declarations --------------------------------------------------------------------

    def declaration(self, node: ast.Declaration) -> list[Tok]:
        writer: Callable[[ast.Declaration], Iterator[Tok]] = getattr(
            self, "write_" + type(node).__name__
        )
        return [*writer(node), mark(".")]

    def write_Header(self, node: ast.Header) -> Iterator[Tok]:
        yield Tok("policy", spread=True)
        yield self.text(node.name)
        for clause in node.clauses:  # each on a line of its own
            if isinstance(clause, ast.VersionClause):
                yield Tok("version", line_start=True)
                yield self.text(clause.version)
            elif isinstance(clause, ast.TimezoneClause):
                yield Tok("timezone", line_start=True)
                yield Tok(clause.zone, clause.span.start)
            elif isinstance(clause, ast.EffectiveClause):
                yield Tok("effective from", line_start=True)
                yield self.literal(clause.start)
                if clause.end is not None:
                    yield kw("until")
                    yield self.literal(clause.end)
            else:
                yield Tok("default", line_start=True)
                yield kw(clause.effect)

    def write_AttributesDecl(self, node: ast.AttributesDecl) -> Iterator[Tok]:
        yield kw("employees have" if node.owner is ast.Owner.EMPLOYEE else "shifts have")
        yield Tok(":", head_end=True)
        for index, attribute in enumerate(node.attributes):
            if index:
                yield mark(",")
            yield attrs.evolve(self.name(attribute.name), line_start=True)
            yield mark(":")
            yield from self.type_expr(attribute.type)

    def type_expr(self, node: ast.TypeExpr) -> Iterator[Tok]:
        if isinstance(node, ast.SimpleType):
            yield kw(
                {"text": "text", "number": "number", "bool": "yes or no"}.get(node.kind, "date")
            )
        elif isinstance(node, ast.OneOfType):
            yield kw("one of")
            yield from self.joined([[self.text(v)] for v in node.values], ",")
        else:
            yield kw("ranked")
            yield from self.joined([[self.text(v)] for v in node.values], "<")

    def write_WorkingDaysDecl(self, node: ast.WorkingDaysDecl) -> Iterator[Tok]:
        yield kw("working days")
        yield Tok(":", head_end=True)
        yield from self.days(node.days)

    def write_HolidaysDecl(self, node: ast.HolidaysDecl) -> Iterator[Tok]:
        yield kw("holidays")
        yield Tok(":", head_end=True)
        items: list[list[Tok]] = []
        for item in node.items:
            if isinstance(item, ast.NationalHolidays):
                national = [Tok("Indonesia", item.span.start)]
                items.append([*national, kw("with joint holidays")] if item.joint else national)
            else:
                date = [self.literal(item.date)]
                if item.joint:
                    date.append(kw("as joint holiday"))
                items.append(date + self.citing(item.citation))
        yield from self.joined(items, ",")
        if node.removed:
            yield kw("except")
            removed = [[self.literal(r.date), *self.citing(r.citation)] for r in node.removed]
            yield from self.joined(removed, ",")

    def citing(self, citation: ast.TextLiteral | None) -> list[Tok]:
        """`citing "..."` after a date the decree is cited for; nothing without one."""
        return [] if citation is None else [kw("citing"), self.text(citation)]

    def write_AbsenceKindsDecl(self, node: ast.AbsenceKindsDecl) -> Iterator[Tok]:
        yield kw("absence kinds")
        yield Tok(":", head_end=True)
        kinds = [
            [self.text(kind.name), *([kw("as work")] if kind.work else [])] for kind in node.kinds
        ]
        yield from self.joined(kinds, ",")

    def write_HoursDecl(self, node: ast.HoursDecl) -> Iterator[Tok]:
        yield kw("hours")
        yield self.name(node.name)
        yield Tok(":", head_end=True)
        items: list[list[Tok]] = []
        for item in node.items:
            if isinstance(item, ast.HoursSpan):
                items.append(
                    [*self.days(item.days), self.time(item.start), kw("to"), self.time(item.end)]
                )
            else:
                items.append([kw("except holidays")])
        yield from self.joined(items, ",")

    def write_DatesDecl(self, node: ast.DatesDecl) -> Iterator[Tok]:
        yield kw("dates")
        yield self.name(node.name)
        yield Tok(":", head_end=True)
        items: list[list[Tok]] = []
        for item in node.items:
            if item.end is None:
                items.append([self.literal(item.start)])
            else:
                items.append([self.literal(item.start), kw("to"), self.literal(item.end)])
        yield from self.joined(items, ",")

    def write_GroupDecl(self, node: ast.GroupDecl) -> Iterator[Tok]:
        yield kw("group")
        yield self.name(node.name)
        yield Tok(":", head_end=True)
        yield from self.joined([list(self.subject(s)) for s in node.subjects], "or")

    def write_RuleDecl(self, node: ast.RuleDecl) -> Iterator[Tok]:
        yield kw("rule")
        yield self.identifier(node.id)
        if node.title is not None:
            yield self.text(node.title)
        if node.citation is not None:
            yield kw("citing")
            yield self.text(node.citation)
        if node.overrides:
            yield kw("overrides")
            yield from self.joined([[self.identifier(i)] for i in node.overrides], ",")
        yield Tok(":", head_end=True)
        yield from self.statement(node.statement)

    # ---- statements ------------------------------------------------------------------------

    def statement(self, node: ast.Statement) -> Iterator[Tok]:
        if node.staffing is not None:
            yield kw("at least")
            yield self.literal(node.staffing.count)
        elif node.share is not None:
            yield kw("at most")
            yield self.literal(node.share.percent)
            yield mark("%")
            yield kw("of")
        yield from self.subject(node.subject)
        counted = node.staffing or node.share
        in_each = counted.in_each if counted is not None else None
        if in_each is not None:
            yield kw("in each")
            yield self.name(in_each)
        yield kw(node.modal.value)
        yield self.activity(node.activity)
        if node.activity.within is not None:
            yield self.name(node.activity.within)
        if node.quantity is not None:
            yield from self.quantity(node.quantity)
        if node.period is not None:
            yield kw("per")
            yield kw(node.period.unit.value)
        for time in node.times:
            yield from self.time_item(time)
        if node.condition is not None:
            yield kw("unless" if node.condition.unless else "if")
            yield from self.condition(node.condition.condition, top=True)

    def activity(self, node: ast.ActivityPhrase) -> Tok:
        return Tok(node.text, node.span.start)

    def quantity(self, node: ast.Quantity) -> Iterator[Tok]:
        yield kw("at least" if node.at_least else "more than")
        yield self.literal(node.amount)
        one = node.amount.text == "1"
        words = {
            ast.CountUnit.DAYS: ("day", "days"),
            ast.CountUnit.WORKING_DAYS: ("working day", "working days"),
            ast.CountUnit.HOURS: ("hour", "hours"),
        }[node.unit]
        yield kw(words[0] if one else words[1])

    def time_item(self, node: ast.Time) -> Iterator[Tok]:
        if isinstance(node, ast.During):
            yield kw("outside" if node.outside else "during")
            yield self.name(node.name)
        elif isinstance(node, ast.OnDays):
            yield kw("on")
            yield from self.days(node.days)
        elif isinstance(node, ast.BetweenTimes):
            yield from (kw("between"), self.time(node.start), kw("and"), self.time(node.end))
        elif node.start is None:
            assert node.end is not None
            yield kw("until")
            yield self.literal(node.end)
        else:
            yield kw("from")
            yield self.literal(node.start)
            if node.end is not None:
                yield kw("to")
                yield self.literal(node.end)

    def days(self, node: ast.Days) -> Iterator[Tok]:
        items: list[list[Tok]] = []
        for item in node.items:
            if isinstance(item, ast.DaySet):
                items.append([kw(item.kind.value)])
            elif item.last is None:
                items.append([kw(_WEEKDAYS[item.first])])
            else:
                items.append([kw(_WEEKDAYS[item.first]), kw("to"), kw(_WEEKDAYS[item.last])])
        for index, tokens in enumerate(items):
            if index:
                yield mark(",") if index < len(items) - 1 else kw("and")
            yield from tokens

    # ---- subjects and conditions -------------------------------------------------------------

    def subject(self, node: ast.Subject) -> Iterator[Tok]:
        if isinstance(node.base, ast.GroupRef):
            yield self.name(node.base.name)
        else:
            yield Tok(node.base.word, node.base.span.start)
        for index, refinement in enumerate(node.refinements):
            if index:
                yield kw("and")
            yield from self.test(refinement)

    def test(self, node: ast.AttributeTest | ast.FlagTest) -> Iterator[Tok]:
        employee = node.owner is ast.Owner.EMPLOYEE
        if isinstance(node, ast.FlagTest):
            if employee:
                yield (
                    kw("who are not" if node.negated else "who are")
                    if self._in_subject
                    else kw("they are not" if node.negated else "they are")
                )
            else:
                yield kw("the shift is not" if node.negated else "the shift is")
            yield self.name(node.attribute)
            return
        if employee:
            yield kw("whose" if self._in_subject else "their")
        else:
            yield kw("the shift's")
        yield self.name(node.attribute)
        yield from self.comparison(node.comparison)

    _in_subject = True

    def comparison(self, node: ast.Comparison) -> Iterator[Tok]:
        yield kw(node.op.value)
        values = [[self.literal(v)] for v in node.values]
        if node.op is ast.CompareOp.BETWEEN and len(values) == 2:
            yield from (*values[0], kw("and"), *values[1])
        else:
            yield from self.joined(values, ",")
        if node.ago is not None:
            one = len(node.values) == 1 and getattr(node.values[0], "text", None) == "1"
            unit = node.ago.unit.value
            yield kw(unit if one else unit + "s")
            yield kw("ago")

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
            yield kw("not")
            yield from self._operand(node.item, isinstance(node.item, (ast.And, ast.Or, ast.Not)))
        else:
            inner = ast.Or if isinstance(node, ast.Or) else (ast.And, ast.Or)
            word = "or" if isinstance(node, ast.Or) else "and"
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


def name_text(name: ast.Name) -> str:
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
    return " ".join(
        f"`{word}`" if word.casefold() in _KEYWORD_WORDS else word for word in name.words
    )
