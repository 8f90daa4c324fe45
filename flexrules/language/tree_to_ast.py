"""Parse trees to the typed syntax tree.

Lowering only builds nodes: anything the grammar let through but the language forbids is
kept as written for the checks to report with a good message. It never raises a user error.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from lark import Token, Tree

from ..core.source import SourceFile, Span
from . import ast
from .indonesian import MONTHS

Child = Tree[Token] | Token | None

_DAY_BY_TERMINAL = {
    "MONDAY": ast.Weekday.MONDAY,
    "TUESDAY": ast.Weekday.TUESDAY,
    "WEDNESDAY": ast.Weekday.WEDNESDAY,
    "THURSDAY": ast.Weekday.THURSDAY,
    "FRIDAY": ast.Weekday.FRIDAY,
    "SATURDAY": ast.Weekday.SATURDAY,
    "SUNDAY": ast.Weekday.SUNDAY,
}
_DAY_SET_BY_TERMINAL = {
    "WEEKDAYS": ast.DayKind.WEEKDAYS,
    "WEEKENDS": ast.DayKind.WEEKENDS,
    "WORKING_DAYS": ast.DayKind.WORKING_DAYS,
    "HOLIDAYS": ast.DayKind.HOLIDAYS,
    "PUBLIC_HOLIDAYS": ast.DayKind.PUBLIC_HOLIDAYS,
    "JOINT_HOLIDAYS": ast.DayKind.JOINT_HOLIDAYS,
    "EVERY_DAY": ast.DayKind.EVERY_DAY,
}
_ACTIVITY_BY_TERMINAL = {
    "BE_ON_SITE": ast.Activity.ON_SITE,
    "WORK_ON_SITE": ast.Activity.ON_SITE,
    "WORK_AT_THE_OFFICE": ast.Activity.ON_SITE,
    "WORK_FROM_HOME": ast.Activity.HOME,
    "WORK_ANYWHERE": ast.Activity.ANYWHERE,
    "WORK_REMOTELY": ast.Activity.REMOTE,
    "WORK": ast.Activity.WORK,
    "START_WORK": ast.Activity.START,
}
_MODAL_BY_TERMINAL = {"MUST": ast.Modal.MUST, "MUST_NOT": ast.Modal.MUST_NOT, "MAY": ast.Modal.MAY}
_UNIT_BY_TERMINAL = {
    "DAY": ast.DateUnit.DAY,
    "WEEK": ast.DateUnit.WEEK,
    "MONTH": ast.DateUnit.MONTH,
    "YEAR": ast.DateUnit.YEAR,
}
_COUNT_UNIT_BY_TERMINAL = {
    "DAY": ast.CountUnit.DAYS,
    "WORKING_DAYS": ast.CountUnit.WORKING_DAYS,
    "HOURS": ast.CountUnit.HOURS,
}
_PERIOD_BY_TERMINAL = {
    "DAY": ast.PeriodUnit.DAY,
    "WORKING_DAYS": ast.PeriodUnit.WORKING_DAY,
    "WEEK": ast.PeriodUnit.WEEK,
    "MONTH": ast.PeriodUnit.MONTH,
    "ONE_DAY": ast.PeriodUnit.DAY,
    "ONE_WEEK": ast.PeriodUnit.WEEK,
    "ONE_MONTH": ast.PeriodUnit.MONTH,
}
_COMPARE_BY_RULE = {
    "cmp_is": ast.CompareOp.IS,
    "cmp_is_not": ast.CompareOp.IS_NOT,
    "cmp_one_of": ast.CompareOp.ONE_OF,
    "cmp_not_one_of": ast.CompareOp.NOT_ONE_OF,
    "cmp_at_least": ast.CompareOp.AT_LEAST,
    "cmp_at_most": ast.CompareOp.AT_MOST,
    "cmp_more_than": ast.CompareOp.MORE_THAN,
    "cmp_less_than": ast.CompareOp.LESS_THAN,
    "cmp_between": ast.CompareOp.BETWEEN,
    "cmp_before": ast.CompareOp.BEFORE,
    "cmp_after": ast.CompareOp.AFTER,
}
_ESCAPE = re.compile(r"\\(.)")
_SPACES = re.compile(r"\s+")
#: a number and the spelling after it: `2 (dua)`, `7,5 (tujuh koma lima)`
_SPELLED = re.compile(r"\s*\(\s*([^()]*?)\s*\)\s*$")
_MONTH_NUMBER = {name: number for number, name in enumerate(MONTHS, start=1)}


class Lowerer:
    """Turns the trees of one file's sentences into AST nodes with absolute spans.

    Both grammars (English and Indonesian) give trees of the same shapes; the few tokens only
    Indonesian writes (`7,5`, `7 Juli 2025`, `08.00 WIB`, `kinerjanya`, `jam layanan:`) are
    read here into the same nodes, so nothing after this step looks at the language.
    """

    def __init__(self, source: SourceFile, offset: int = 0, language: str = "en") -> None:
        self.source = source
        self.offset = offset
        self.language = language

    # ---- positions ---------------------------------------------------------------------

    def span(self, item: Tree[Token] | Token) -> Span:
        if isinstance(item, Token):
            start = item.start_pos or 0
            end = item.end_pos if item.end_pos is not None else start + len(item)
        else:
            start, end = _tree_bounds(item)
        return Span(self.source, self.offset + start, self.offset + end)

    # ---- helpers -----------------------------------------------------------------------

    @staticmethod
    def trees(node: Tree[Token], data: str | None = None) -> list[Tree[Token]]:
        return [
            c for c in node.children if isinstance(c, Tree) and (data is None or c.data == data)
        ]

    @staticmethod
    def tokens(node: Tree[Token], *types: str) -> list[Token]:
        return [c for c in node.children if isinstance(c, Token) and (not types or c.type in types)]

    def first_token(self, node: Tree[Token], *types: str) -> Token | None:
        found = self.tokens(node, *types)
        return found[0] if found else None

    # ---- literals and names ------------------------------------------------------------

    def text(self, token: Token) -> ast.TextLiteral:
        raw = str(token)[1:-1]
        return ast.TextLiteral(_ESCAPE.sub(r"\1", raw), span=self.span(token))

    def number(self, token: Token, spelled: Token | None = None) -> ast.NumberLiteral:
        """A number as written, `7,5` read as `7.5`; a spelling in parentheses after it (or
        after the `%` that follows it, `spelled`) is kept apart, as words without meaning."""
        raw = str(token)
        words = None
        found = _SPELLED.search(raw)
        if found is not None:
            raw, words = raw[: found.start()], _SPACES.sub(" ", found.group(1))
        if spelled is not None:
            more = _SPELLED.search(str(spelled))
            if more is not None:
                words = _SPACES.sub(" ", more.group(1))
        span = self.span(token)  # as written, with its spelling: `2 (dua)`
        if spelled is not None and words is not None:  # `30% (tiga puluh persen)`
            span = span.cover(self.span(spelled))
        return ast.NumberLiteral(raw.strip().replace(",", "."), words=words, span=span)

    def date(self, token: Token) -> ast.DateLiteral:
        raw = str(token)
        if "-" in raw:
            year, month, day = (int(part) for part in raw.split("-"))
        else:  # `7 Juli 2025`
            day_text, month_name, year_text = raw.split()
            year, month, day = int(year_text), _MONTH_NUMBER[month_name.casefold()], int(day_text)
        return ast.DateLiteral(year, month, day, span=self.span(token))

    def time(self, token: Token, zone: Token | None = None) -> ast.TimeLiteral:
        hour, minute = (int(part) for part in re.split(r"[:.]", str(token)))
        written_zone = str(zone).upper() if zone is not None else None
        return ast.TimeLiteral(hour, minute, zone=written_zone, span=self.span(token))

    def times(self, node: Tree[Token]) -> list[ast.TimeLiteral]:
        """The times of a span, each with the zone suffix written after it (`08.00 WIB`)."""
        found: list[ast.TimeLiteral] = []
        children = node.children
        for index, child in enumerate(children):
            if isinstance(child, Token) and child.type == "TIME":
                after = children[index + 1] if index + 1 < len(children) else None
                zone = after if isinstance(after, Token) and after.type == "LOCAL_ZONE" else None
                found.append(self.time(child, zone))
        return found

    def value(self, node: Tree[Token]) -> ast.Literal:
        token = self.tokens(node)[0]
        kind = token.type
        if kind == "STRING":
            return self.text(token)
        if kind == "NUMBER":
            return self.number(token)
        if kind == "DATE":
            return self.date(token)
        if kind == "TIME":
            return self.time(token)
        return ast.BoolLiteral(kind == "YES", span=self.span(token))

    def name(self, node: Tree[Token]) -> ast.Name:
        """A name's words; an Indonesian possessive `-nya` (`kinerjanya`, `` `x y`nya ``) is
        not part of the name: exactly one trailing `nya` is removed."""
        words: list[str] = []
        for token in _name_tokens(node):
            raw = str(token)
            if token.type == "QUOTED_NAME":
                words.extend(raw[1:-1].split())
            elif token.type == "QUOTED_NYA":
                words.extend(raw[1:-4].split())
            elif token.type == "NAME_NYA":
                words.append(raw[:-3])
            else:
                words.append(raw)
        return ast.Name(tuple(words), span=self.span(node))

    def identifier(self, node: Tree[Token]) -> ast.Identifier:
        token = self.tokens(node)[0]
        return ast.Identifier(str(token), span=self.span(token))

    # ---- declarations ------------------------------------------------------------------

    def declaration(self, tree: Tree[Token]) -> ast.Declaration:
        node = tree.children[0] if tree.data == "start" else tree
        assert isinstance(node, Tree)
        handler: Callable[[Tree[Token]], ast.Declaration] = getattr(self, f"lower_{node.data}")
        return handler(node)

    def lower_header(self, node: Tree[Token]) -> ast.Header:
        name = self.text(self.tokens(node, "STRING")[0])
        clauses: list[ast.HeaderClause] = []
        for clause in self.trees(node):
            span = self.span(clause)
            if clause.data == "version_clause":
                clauses.append(
                    ast.VersionClause(self.text(self.tokens(clause, "STRING")[0]), span=span)
                )
            elif clause.data == "timezone_clause":
                clauses.append(ast.TimezoneClause(str(self.tokens(clause, "ZONE")[0]), span=span))
            elif clause.data == "effective_clause":
                dates = [self.date(t) for t in self.tokens(clause, "DATE")]
                end = dates[1] if len(dates) > 1 else None
                clauses.append(ast.EffectiveClause(dates[0], end, span=span))
            else:
                effect = "allow" if self.tokens(clause, "ALLOW") else "deny"
                clauses.append(ast.DefaultClause(effect, span=span))
        return ast.Header(name, tuple(clauses), span=self.span(node))

    def lower_attributes(self, node: Tree[Token]) -> ast.AttributesDecl:
        owner = ast.Owner.SHIFT if self.tokens(node, "SHIFTS_HAVE") else ast.Owner.EMPLOYEE
        attributes: list[ast.AttributeDecl] = []
        stray: list[ast.TextLiteral] = []
        for item in self.trees(node):
            if item.data == "more_value":
                value = self.text(self.tokens(item, "STRING")[0])
                last = attributes[-1] if attributes else None
                if last is not None and isinstance(last.type, ast.OneOfType):
                    widened = ast.OneOfType(
                        (*last.type.values, value), span=last.type.span.cover(value.span)
                    )
                    attributes[-1] = ast.AttributeDecl(
                        last.name, widened, span=last.span.cover(value.span)
                    )
                else:
                    stray.append(value)
                continue
            name_node, type_node = self.trees(item)
            attributes.append(
                ast.AttributeDecl(
                    self.name(name_node), self.type_expr(type_node), span=self.span(item)
                )
            )
        return ast.AttributesDecl(owner, tuple(attributes), tuple(stray), span=self.span(node))

    def type_expr(self, node: Tree[Token]) -> ast.TypeExpr:
        span = self.span(node)
        if node.data == "one_of_type":
            return ast.OneOfType(tuple(map(self.text, self.tokens(node, "STRING"))), span=span)
        if node.data == "ranked_type":
            return ast.RankedType(tuple(map(self.text, self.tokens(node, "STRING"))), span=span)
        kind = {"text_type": "text", "number_type": "number", "bool_type": "bool"}.get(
            node.data, "date"
        )
        return ast.SimpleType(kind, span=span)

    def lower_working_days(self, node: Tree[Token]) -> ast.WorkingDaysDecl:
        return ast.WorkingDaysDecl(self.days(self.trees(node, "days")[0]), span=self.span(node))

    def lower_holidays(self, node: Tree[Token]) -> ast.HolidaysDecl:
        items: list[ast.HolidayItem] = []
        for item in self.trees(node):
            if item.data == "national_holidays":
                joint = bool(self.tokens(item, "WITH_JOINT_HOLIDAYS"))
                items.append(ast.NationalHolidays(joint, span=self.span(item)))
            elif item.data == "holiday_date":
                date = self.date(self.tokens(item, "DATE")[0])
                joint = bool(self.tokens(item, "AS_JOINT_HOLIDAY"))
                items.append(
                    ast.HolidayDate(date, joint, self.citation(item), span=self.span(item))
                )
        removed: list[ast.RemovedHoliday] = []
        for clause in self.trees(node, "holiday_except"):
            for item in self.trees(clause, "holiday_removed"):
                date = self.date(self.tokens(item, "DATE")[0])
                removed.append(ast.RemovedHoliday(date, self.citation(item), span=self.span(item)))
        return ast.HolidaysDecl(tuple(items), tuple(removed), span=self.span(node))

    def citation(self, node: Tree[Token]) -> ast.TextLiteral | None:
        """The text after `citing` in a node, if any."""
        found = self.tokens(node, "STRING")
        return self.text(found[0]) if found else None

    def lower_absence_kinds(self, node: Tree[Token]) -> ast.AbsenceKindsDecl:
        kinds = [
            ast.AbsenceKind(
                self.text(self.tokens(item, "STRING")[0]),
                bool(self.tokens(item, "AS_WORK")),
                span=self.span(item),
            )
            for item in self.trees(node, "absence_kind")
        ]
        return ast.AbsenceKindsDecl(tuple(kinds), span=self.span(node))

    def lower_hours_decl(self, node: Tree[Token]) -> ast.HoursDecl:
        name = self.name(self.trees(node, "decl_name")[0])
        opener = self.tokens(node)[0]
        if self.language == "id" and opener.type == "HOURS" and name.key.split()[0] != "jam":
            # `jam layanan:` declares the hours `jam layanan` (LANGUAGE-ID.md §3.2)
            name = ast.Name((str(opener), *name.words), span=self.span(opener).cover(name.span))
        items: list[ast.HoursItem] = []
        for item in self.trees(node):
            if item.data == "hours_span":
                start, end = self.times(item)
                days = self.days(self.trees(item, "days")[0])
                items.append(ast.HoursSpan(days, start, end, span=self.span(item)))
            elif item.data == "except_holidays":
                items.append(ast.ExceptHolidays(span=self.span(item)))
        return ast.HoursDecl(name, tuple(items), span=self.span(node))

    def lower_dates_decl(self, node: Tree[Token]) -> ast.DatesDecl:
        name = self.name(self.trees(node, "decl_name")[0])
        items = []
        for item in self.trees(node, "date_item"):
            dates = [self.date(t) for t in self.tokens(item, "DATE")]
            items.append(
                ast.DateRange(dates[0], dates[1] if len(dates) > 1 else None, span=self.span(item))
            )
        return ast.DatesDecl(name, tuple(items), span=self.span(node))

    def lower_group_decl(self, node: Tree[Token]) -> ast.GroupDecl:
        name = self.name(self.trees(node, "decl_name")[0])
        subjects = tuple(self.subject(s) for s in self.trees(node, "subject"))
        return ast.GroupDecl(name, subjects, span=self.span(node))

    def lower_rule_decl(self, node: Tree[Token]) -> ast.RuleDecl:
        ids = self.trees(node, "rule_id")
        title: ast.TextLiteral | None = None
        citation: ast.TextLiteral | None = None
        seen_citing = False
        for child in node.children:
            if isinstance(child, Token) and child.type == "CITING":
                seen_citing = True
            elif isinstance(child, Token) and child.type == "STRING":
                if seen_citing:
                    citation = self.text(child)
                else:
                    title = self.text(child)
        statement = self.statement(
            self.trees(node, "statement")[0]
            if self.trees(node, "statement")
            else self.trees(node)[-1]
        )
        return ast.RuleDecl(
            self.identifier(ids[0]),
            title,
            citation,
            tuple(self.identifier(i) for i in ids[1:]),
            statement,
            span=self.span(node),
        )

    # ---- statements --------------------------------------------------------------------

    def statement(self, node: Tree[Token]) -> ast.Statement:
        subject = self.subject(self.trees(node, "subject")[0])
        modal_node = self.trees(node, "modal")[0]
        modal = _MODAL_BY_TERMINAL[self.tokens(modal_node)[0].type]
        activity = self.activity(
            next(c for c in self.trees(node) if c.data in ("activity", "work_within"))
        )
        staffing: ast.Staffing | None = None
        share: ast.Share | None = None
        in_each_nodes = self.trees(node, "attribute_name")
        in_each = self.name(in_each_nodes[0]) if in_each_nodes else None
        number = self.first_token(node, "NUMBER")
        if node.data == "staffing_statement" and number is not None:
            staffing = ast.Staffing(self.number(number), in_each, span=self.span(node))
        elif node.data == "share_statement" and number is not None:
            percent = self.number(number, self.first_token(node, "PERCENT"))
            share = ast.Share(percent, in_each, span=self.span(node))
        tail = self.trees(node, "tail")[0]
        quantity_nodes = self.trees(tail, "quantity")
        period_nodes = self.trees(tail, "period")
        clause_nodes = self.trees(tail, "condition_clause")
        times = _merged_windows(
            [
                self.time_item(t)
                for t in self.trees(tail)
                if t.data not in ("quantity", "period", "condition_clause")
            ]
        )
        return ast.Statement(
            subject,
            modal,
            activity,
            quantity=self.quantity(quantity_nodes[0]) if quantity_nodes else None,
            period=self.period(period_nodes[0]) if period_nodes else None,
            times=times,
            condition=self.condition_clause(clause_nodes[0]) if clause_nodes else None,
            staffing=staffing,
            share=share,
            span=self.span(node),
        )

    def activity(self, node: Tree[Token]) -> ast.ActivityPhrase:
        token = self.tokens(node)[0]
        written = _SPACES.sub(" ", str(token)).lower()
        if node.data == "work_within":
            within = self.name(self.trees(node, "span_name")[0])
            return ast.ActivityPhrase(
                ast.Activity.WITHIN, written, within, keyword=token.type, span=self.span(node)
            )
        return ast.ActivityPhrase(
            _ACTIVITY_BY_TERMINAL[token.type], written, keyword=token.type, span=self.span(node)
        )

    def quantity(self, node: Tree[Token]) -> ast.Quantity:
        tokens = self.tokens(node)
        return ast.Quantity(
            tokens[0].type == "AT_LEAST",
            self.number(tokens[1]),
            _COUNT_UNIT_BY_TERMINAL[tokens[2].type],
            span=self.span(node),
        )

    def period(self, node: Tree[Token]) -> ast.Period:
        unit = self.tokens(node)[-1]  # `per week`, `per minggu`, `seminggu`
        return ast.Period(_PERIOD_BY_TERMINAL[unit.type], span=self.span(node))

    def time_item(self, node: Tree[Token]) -> ast.Time:
        span = self.span(node)
        if node.data in ("during", "outside"):
            name = self.name(self.trees(node, "span_name")[0])
            return ast.During(name, outside=node.data == "outside", span=span)
        if node.data == "on_days":
            return ast.OnDays(self.days(self.trees(node, "days")[0]), span=span)
        if node.data == "between_times":
            start, end = self.times(node)
            return ast.BetweenTimes(start, end, span=span)
        dates = [self.date(t) for t in self.tokens(node, "DATE")]
        if node.data == "until_date":
            return ast.DateWindow(None, dates[0], span=span)
        return ast.DateWindow(dates[0], dates[1] if len(dates) > 1 else None, span=span)

    def days(self, node: Tree[Token]) -> ast.Days:
        items: list[ast.DayItem] = []
        for item in self.trees(node):
            if item.data == "day_range":
                names = [self.tokens(d)[0] for d in self.trees(item, "day_name")]
                first = _DAY_BY_TERMINAL[names[0].type]
                last = _DAY_BY_TERMINAL[names[1].type] if len(names) > 1 else None
                items.append(ast.DayRange(first, last, span=self.span(item)))
            else:
                token = self.tokens(item)[0]
                items.append(ast.DaySet(_DAY_SET_BY_TERMINAL[token.type], span=self.span(item)))
        return ast.Days(tuple(items), span=self.span(node))

    # ---- subjects and conditions -------------------------------------------------------

    def subject(self, node: Tree[Token]) -> ast.Subject:
        base_node = self.trees(node)[0]
        base: ast.SubjectBase
        if base_node.data == "group_ref":
            name = self.name(self.trees(base_node, "group_name")[0])
            lead = self.first_token(base_node, "EMPLOYEES")
            if lead is not None:  # `pegawai administrasi`: a group name that starts `pegawai`
                name = ast.Name((str(lead), *name.words), span=self.span(lead).cover(name.span))
            base = ast.GroupRef(name, span=self.span(base_node))
        else:
            word = "everyone" if base_node.data == "everyone" else "employees"
            base = ast.Everyone(word, span=self.span(base_node))
        refinements = tuple(self.refinement(r) for r in self.trees(node)[1:])
        return ast.Subject(base, refinements, span=self.span(node))

    def refinement(self, node: Tree[Token]) -> ast.Refinement:
        if node.data == "whose":
            return self.attribute_test(node, ast.Owner.EMPLOYEE)
        return self.flag_test(node, ast.Owner.EMPLOYEE)

    def attribute_test(self, node: Tree[Token], owner: ast.Owner) -> ast.AttributeTest:
        attribute = self.name(self.trees(node, "attribute_name")[0])
        comparison_node = next(c for c in self.trees(node) if c.data.startswith("cmp_"))
        return ast.AttributeTest(
            owner, attribute, self.comparison(comparison_node), span=self.span(node)
        )

    def flag_test(self, node: Tree[Token], owner: ast.Owner) -> ast.FlagTest:
        attribute = self.name(self.trees(node, "flag_name")[0])
        negated = bool(self.tokens(node, "NOT"))
        return ast.FlagTest(owner, attribute, negated, span=self.span(node))

    def comparison(self, node: Tree[Token]) -> ast.Comparison:
        values = tuple(self.value(v) for v in self.trees(node, "value"))
        ago_nodes = self.trees(node, "ago")
        ago = None
        if ago_nodes:
            unit = _UNIT_BY_TERMINAL[self.tokens(ago_nodes[0])[0].type]
            ago = ast.Ago(unit, span=self.span(ago_nodes[0]))
        return ast.Comparison(_COMPARE_BY_RULE[node.data], values, ago, span=self.span(node))

    def condition_clause(self, node: Tree[Token]) -> ast.ConditionClause:
        unless = bool(self.tokens(node, "UNLESS"))
        condition = self.condition(self.trees(node, "condition")[0])
        return ast.ConditionClause(unless, condition, span=self.span(node))

    def condition(self, node: Tree[Token]) -> ast.Condition:
        items = [self.conjunction(c) for c in self.trees(node, "conjunction")]
        if len(items) == 1:
            return items[0]
        return ast.Or(tuple(items), span=self.span(node))

    def conjunction(self, node: Tree[Token]) -> ast.Condition:
        items = [self.negation(c) for c in self.trees(node, "negation")]
        if len(items) == 1:
            return items[0]
        return ast.And(tuple(items), span=self.span(node))

    def negation(self, node: Tree[Token]) -> ast.Condition:
        """`not not C` means C (Kleene logic), so only an odd run of `not`s leaves a `Not`;
        this keeps a thousand `not`s from nesting a thousand nodes."""
        nots = self.tokens(node, "NOT")
        atom = self.atom(self.trees(node)[0])
        if len(nots) % 2:
            return ast.Not(atom, span=self.span(nots[0]).cover(atom.span))
        return atom

    def atom(self, node: Tree[Token]) -> ast.Condition:
        if node.data == "parenthesized":
            return self.condition(self.trees(node, "condition")[0])
        if node.data == "their":
            return self.attribute_test(node, ast.Owner.EMPLOYEE)
        if node.data == "shift_attribute":
            return self.attribute_test(node, ast.Owner.SHIFT)
        if node.data == "they_are":
            return self.flag_test(node, ast.Owner.EMPLOYEE)
        return self.flag_test(node, ast.Owner.SHIFT)


def _merged_windows(times: list[ast.Time]) -> tuple[ast.Time, ...]:
    """`from D1` right before `until D2` is one window, as `from D1 to D2` is: Indonesian
    writes both with `sampai` (`mulai D1 sampai D2`), so they must be the same tree."""
    merged: list[ast.Time] = []
    for item in times:
        previous = merged[-1] if merged else None
        if (
            isinstance(item, ast.DateWindow)
            and item.start is None
            and isinstance(previous, ast.DateWindow)
            and previous.start is not None
            and previous.end is None
        ):
            merged[-1] = ast.DateWindow(
                previous.start, item.end, span=previous.span.cover(item.span)
            )
        else:
            merged.append(item)
    return tuple(merged)


def _name_tokens(node: Tree[Token]) -> Iterable[Token]:
    """The words of a left-recursive name rule, first to last, without recursion."""
    stack: list[Child] = list(reversed(node.children))
    while stack:
        child = stack.pop()
        if isinstance(child, Tree):
            stack.extend(reversed(child.children))
        elif isinstance(child, Token):
            yield child


def _tree_bounds(tree: Tree[Token]) -> tuple[int, int]:
    meta = tree.meta
    if not getattr(meta, "empty", True):
        return meta.start_pos, meta.end_pos
    starts: list[int] = []
    ends: list[int] = []
    for child in tree.children:
        if isinstance(child, Token) and child.start_pos is not None:
            starts.append(child.start_pos)
            ends.append(child.end_pos if child.end_pos is not None else child.start_pos)
        elif isinstance(child, Tree):
            s, e = _tree_bounds(child)
            starts.append(s)
            ends.append(e)
    return (min(starts), max(ends)) if starts else (0, 0)
