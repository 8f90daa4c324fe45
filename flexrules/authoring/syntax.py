"""Examples files to `nodes.ExamplesFile`: the examples grammar (shipped in the wheel beside the
policy grammar), parsed sentence by sentence, so every syntax error of a file is reported."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re

from lark import Lark, Token, Tree, UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from ..core.diagnostics import Diagnostic, error
from ..core.messages import Text
from ..core.source import SourceFile, Span
from ..language.choices import joined
from ..language.indonesian import MONTHS
from ..language.parser import MAX_SENTENCE_CHARS, grammar_file
from ..language.parser import _content_end as content_end
from ..language.parser import _split as split_sentences
from ..language.tree_to_ast import _DAY_BY_TERMINAL
from . import keywords, nodes

_GRAMMAR_NAME = "examples.lark"
#: each language's examples grammar: siblings with the same rule names (LANGUAGE-ID.md §9)
GRAMMAR_NAMES = {"en": _GRAMMAR_NAME, "id": "examples-id.lark"}


def grammar_text(language: str = "en") -> str:
    """A language's examples grammar, with its keyword table's terminals appended."""
    base = grammar_file(GRAMMAR_NAMES[language])
    from ..language import indonesian
    from ..language.keywords import terminal_definitions

    if language == "id":
        return base + "\n" + indonesian.terminal_definitions(keywords.INDONESIAN, False)
    return base + "\n" + terminal_definitions(keywords.ENGLISH)


#: how an examples file in Indonesian opens (its first sentence says, as a policy's does)
_INDONESIAN_OPENER = re.compile(r"(?:contoh|pegawai)(?![\w-])", re.IGNORECASE)


def language_of(text: str) -> str:
    """An examples file's language: Indonesian when its first sentence opens with `contoh`
    or `pegawai`, else English."""
    for start, end, _deepest in split_sentences(text)[0]:
        stop = content_end(text, start, end)
        if stop == start:
            continue
        first = text[start:stop].lstrip()
        while first.startswith("#"):
            first = first.split("\n", 1)[-1].lstrip() if "\n" in first else ""
        return "id" if _INDONESIAN_OPENER.match(first) else "en"
    return "en"


@functools.lru_cache(maxsize=len(GRAMMAR_NAMES))
def parser(language: str = "en") -> Lark:
    """The examples parser of a language, built once (a small grammar: no disk cache needed)."""
    return Lark(
        grammar_text(language),
        parser="lalr",
        lexer="contextual",
        propagate_positions=True,
        maybe_placeholders=True,
    )


def parse_examples(source: SourceFile) -> tuple[nodes.ExamplesFile, list[Diagnostic]]:
    """Every sentence of an examples file, and the syntax errors of those that do not parse."""
    text = source.text
    lalr = parser(language_of(text))
    builder = _Builder(source)
    diagnostics: list[Diagnostic] = []
    bounds, _comments = split_sentences(text)
    for start, end, _deepest in bounds:
        stop = content_end(text, start, end)
        if stop == start:
            continue
        if end - start > MAX_SENTENCE_CHARS:
            diagnostics.append(
                error(
                    "sentence-too-long",
                    Text("examples.sentence_too_long"),
                    Span(source, start, stop),
                )
            )
            continue
        try:
            tree = lalr.parse(text[start:end])
        except UnexpectedInput as exc:
            diagnostics.append(_syntax_error(source, start, stop, end, exc))
            continue
        builder.offset = start
        builder.sentence(tree)
    return builder.result(), diagnostics


# ---- syntax errors --------------------------------------------------------------------------

_WORDS = re.compile(r"[^\W\d_][\w\-]*")


def _syntax_error(
    source: SourceFile, start: int, stop: int, end: int, exc: UnexpectedInput
) -> Diagnostic:
    expected: set[str]
    if isinstance(exc, UnexpectedToken) and exc.token.type != "$END":
        expected = set(exc.accepts or exc.expected)
        position = start + (exc.token.start_pos or 0)
        found_end = start + (exc.token.end_pos or position - start + 1)
    elif isinstance(exc, UnexpectedCharacters):
        interactive = getattr(exc, "interactive_parser", None)
        expected = set(interactive.accepts()) if interactive is not None else set(exc.allowed)
        position = start + (exc.pos_in_stream or 0)
        match = _WORDS.match(source.text, position)
        found_end = match.end() if match else position + 1
    else:  # the sentence ended early
        expected = set(getattr(exc, "accepts", None) or getattr(exc, "expected", ()) or ())
        expected.discard("$END")
        wanted = joined(sorted({keywords.describe(t) for t in expected - {"COMMENT"}}))
        message = (
            Text("diag.missing_period")
            if "_DOT" in expected
            else Text("diag.unfinished_sentence", choices=wanted)
        )
        return error("syntax", message, Span(source, max(start, stop - 1), stop))
    expected.discard("COMMENT")
    found = source.text[position:found_end]
    choices = joined(sorted({keywords.describe(t) for t in expected}))
    hint, suggestion = _keyword_hint(source.text, position, expected)
    return error(
        "syntax",
        Text("diag.syntax.expected", choices=choices, found=found[:40]),
        Span(source, position, max(found_end, position + 1)),
        hint=hint,
        suggestion=suggestion,
    )


def _keyword_hint(text: str, position: int, expected: set[str]) -> tuple[Text | None, str | None]:
    """A did-you-mean when the words found are close to a keyword the parser wanted."""
    phrases = {p.casefold(): p for t in expected for p in keywords.ENGLISH.get(t, ())}
    words = [m.group() for m in _WORDS.finditer(text, position, position + 60)][:4]
    best: tuple[float, str] | None = None
    for count in range(1, len(words) + 1):
        candidate = " ".join(words[:count]).casefold()
        for phrase in difflib.get_close_matches(candidate, list(phrases), 1, 0.75):
            score = difflib.SequenceMatcher(None, candidate, phrase).ratio()
            if best is None or score > best[0]:
                best = (score, phrase)
    if best is None:
        return None, None
    return Text("diag.did_you_mean", guess=phrases[best[1]]), phrases[best[1]]


# ---- trees to nodes --------------------------------------------------------------------------

_ESCAPE = re.compile(r"\\(.)")


class _Builder:
    def __init__(self, source: SourceFile) -> None:
        self.source = source
        self.offset = 0
        self.policy_name: str | None = None
        self.policy_name_span: Span | None = None
        self.employees: list[nodes.EmployeeDecl] = []
        self.examples: list[nodes.Example] = []

    def result(self) -> nodes.ExamplesFile:
        return nodes.ExamplesFile(
            self.source,
            self.policy_name,
            self.policy_name_span,
            tuple(self.employees),
            tuple(self.examples),
        )

    def span(self, item: Tree[Token] | Token) -> Span:
        if isinstance(item, Token):
            start = item.start_pos or 0
            end = item.end_pos if item.end_pos is not None else start + len(item)
        else:
            start, end = item.meta.start_pos, item.meta.end_pos
        return Span(self.source, self.offset + start, self.offset + end)

    def sentence(self, tree: Tree[Token]) -> None:
        node = tree.children[0]
        assert isinstance(node, Tree)
        if node.data == "examples_header":
            token = _tokens(node, "STRING")[0]
            self.policy_name = _text(token)
            self.policy_name_span = self.span(token)
        elif node.data == "employee_decl":
            person = _trees(node, "person")[0]
            facts = tuple(self.fact(f) for f in _trees(node) if f.data != "person")
            self.employees.append(
                nodes.EmployeeDecl(_words(person), facts, self.span(node), self.span(person))
            )
        else:
            self.examples.append(self.example(node))

    def example(self, node: Tree[Token]) -> nodes.Example:
        ident = _tokens(node, "WORD")[0]
        titles = _tokens(node, "STRING")
        body_node = _trees(node)[0]
        body: nodes.ShiftExample | nodes.RosterExample
        if body_node.data == "shift_example":
            body = self.shift_example(body_node)
        else:
            body = self.roster_example(body_node)
        return nodes.Example(
            str(ident),
            _text(titles[0]) if titles else None,
            body,
            self.span(node),
            self.span(ident),
        )

    def fact(self, node: Tree[Token]) -> nodes.Fact:
        if node.data == "zone_fact":
            zone = _tokens(node, "ZONE")[0]
            key = _tokens(node, "TIMEZONE")[0]
            return nodes.Fact("timezone", "zone", str(zone), self.span(key), self.span(zone))
        name_node = _trees(node, "fact_name")[0]
        value_node = _trees(node, "fact_value")[0]
        token = _tokens(value_node)[0]
        kind, value = _literal(token)
        return nodes.Fact(_words(name_node), kind, value, self.span(name_node), self.span(token))

    def day(self, node: Tree[Token]) -> nodes.Day:
        token = _tokens(node, "DATE")[0]
        names = _trees(node, "day_name")
        weekday = int(_DAY_BY_TERMINAL[_tokens(names[0])[0].type]) if names else None
        return nodes.Day(_date(str(token)), weekday, self.span(node))

    def date_token(self, token: Token) -> nodes.Day:
        return nodes.Day(_date(str(token)), None, self.span(token))

    def shift_example(self, node: Tree[Token]) -> nodes.ShiftExample:
        person = _trees(node, "person")[0]
        facts = _trees(node, "fact") + _trees(node, "zone_fact")
        facts.sort(key=lambda f: f.meta.start_pos)
        legs = _trees(node, "leg")
        before = [self.fact(f) for f in facts if f.meta.start_pos < legs[0].meta.start_pos]
        after = [self.fact(f) for f in facts if f.meta.start_pos > legs[-1].meta.start_pos]
        outcome = next(t for t in _trees(node) if t.data in ("decided", "breaks", "keeps"))
        return nodes.ShiftExample(
            _words(person),
            self.span(person),
            tuple(before),
            tuple(self.leg(leg) for leg in legs),
            tuple(after),
            self.outcome(outcome),
        )

    def leg(self, node: Tree[Token]) -> nodes.Leg:
        place = _trees(node, "place")[0]
        hours = _trees(node, "hours")[0]
        start, end = (self.clock(t) for t in _tokens(hours, "TIME"))
        days = tuple(self.day(d) for d in _trees(_trees(node, "on_dates")[0], "day"))
        return nodes.Leg(keywords.LOCATIONS[_tokens(place)[0].type], days, start, end)

    def clock(self, token: Token) -> nodes.Clock:
        hour, minute = (int(part) for part in re.split(r"[:.]", str(token)))
        valid = 0 <= hour <= 24 and 0 <= minute < 60 and (hour < 24 or minute == 0)
        return nodes.Clock(hour * 60 + minute if valid else None, self.span(token))

    def roster_example(self, node: Tree[Token]) -> nodes.RosterExample:
        texts = _tokens(node, "STRING")
        leave = _trees(node, "leave_file")
        headcount = _trees(node, "headcount_file")
        first, last = (self.date_token(t) for t in _tokens(node, "DATE"))
        outcome = next(t for t in _trees(node) if t.data in ("breaks", "no_violations"))
        files_end = self.span(texts[-1]) if not (leave or headcount) else None
        extra = leave + headcount
        last_file = self.span(extra[-1]) if extra else files_end
        assert last_file is not None
        return nodes.RosterExample(
            _text(texts[0]),
            _text(texts[1]),
            _text(_tokens(leave[0], "STRING")[0]) if leave else None,
            _text(_tokens(headcount[0], "STRING")[0]) if headcount else None,
            self.span(texts[0]).cover(last_file),
            first,
            last,
            self.outcome(outcome),
        )

    def outcome(self, node: Tree[Token]) -> nodes.Outcome:
        span = self.span(node)
        if node.data == "no_violations":
            return nodes.Outcome("keeps", span=span)
        periods = _trees(node, "in_period")
        period = None
        if periods:
            first, last = (self.date_token(t) for t in _tokens(periods[0], "DATE"))
            period = (first, last)
        if node.data == "keeps":
            return nodes.Outcome("keeps", period=period, span=span)
        if node.data == "breaks":
            rules = tuple(self.broken(b) for b in _trees(node, "broken"))
            return nodes.Outcome(
                "breaks", rules, bool(_tokens(node, "ONLY")), period=period, span=span
            )
        kind = "allowed" if _tokens(node, "ALLOWED") else "denied"
        reasons = tuple(
            nodes.RuleRef(_reason(_tokens(r)[0]), self.span(r)) for r in _trees(node, "reason")
        )
        return nodes.Outcome(kind, reasons, bool(_tokens(node, "ONLY_BY")), span=span)

    def broken(self, node: Tree[Token]) -> nodes.RuleRef:
        ident = _tokens(node, "WORD")[0]
        dates = _tokens(node, "DATE")
        on = self.date_token(dates[0]) if dates else None
        return nodes.RuleRef(str(ident), self.span(ident), on)


def _reason(token: Token) -> str:
    """A rule id, or `default` however the file's language writes it (`bawaan`)."""
    return "default" if token.type == "DEFAULT" else str(token)


def _trees(node: Tree[Token], data: str | None = None) -> list[Tree[Token]]:
    return [c for c in node.children if isinstance(c, Tree) and (data is None or c.data == data)]


def _tokens(node: Tree[Token], *types: str) -> list[Token]:
    return [c for c in node.children if isinstance(c, Token) and (not types or c.type in types)]


def _words(node: Tree[Token]) -> str:
    words: list[str] = []
    for token in _tokens(node):
        text = str(token)
        words.extend(text[1:-1].split() if token.type == "QUOTED_NAME" else [text])
    return " ".join(words)


def _text(token: Token) -> str:
    return _ESCAPE.sub(r"\1", str(token)[1:-1])


def _date(text: str) -> dt.date | None:
    """An ISO date, or an Indonesian one (`7 Juli 2025`); None for no such day."""
    parts = text.split()
    try:
        if len(parts) == 3:
            return dt.date(int(parts[2]), MONTHS.index(parts[1].casefold()) + 1, int(parts[0]))
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _literal(token: Token) -> tuple[str, object]:
    kind = token.type
    text = str(token)
    if kind == "STRING":
        return "text", _text(token)
    if kind == "NUMBER":
        text = text.replace(",", ".")  # a decimal comma, in Indonesian
        return "number", float(text) if "." in text else int(text)
    if kind == "DATE":
        return "date", _date(text)
    if kind == "TIME":
        return "time", text.replace(".", ":")
    if kind == "UNKNOWN":
        return "unknown", None
    return "bool", kind == "YES"
