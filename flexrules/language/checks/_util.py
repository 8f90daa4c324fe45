"""What the checks share: walking subjects and conditions, naming places, and did-you-mean."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable, Iterator, Mapping

import attrs

from ...core.messages import Code, Text
from ...core.source import Span
from .. import ast, keywords
from ..lookalikes import letter_note, skeleton
from ..symbols import Symbols

#: the subjects every policy has; a group cannot take their names
BUILT_IN_SUBJECTS = ("employees", "everyone")


# ---- where things are ------------------------------------------------------------------


def place(span: Span, seen_from: Span) -> Text:
    """`line 12`, or `other.rules:12` when the place is in another file than the one shown."""
    if span.file == seen_from.file:
        return Text("diag.place.line", line=span.line)
    return Text("diag.place.file", file=span.file, line=span.line)


def file_language(symbols: Symbols, span: Span) -> str:
    """The language (`en`, `id`) of the file a span is in."""
    for file in symbols.files:
        if file.name == span.file:
            return file.language
    return "en"


def one_line(text: str) -> str:
    """Source text with its line breaks and runs of white space as single spaces."""
    return " ".join(text.split())


def shorten(text: str, limit: int = 40) -> str:
    """User text for a message: on one line, and cut short when very long."""
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def head_span(node: ast.Node, last: ast.Node) -> Span:
    """From the start of `node` to the end of `last`: a declaration's opening words."""
    return Span(node.span.source, node.span.start, last.span.end)


# ---- did-you-mean ----------------------------------------------------------------------


def closest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The candidate most like `word` (compared case-insensitively), as the candidate is written."""
    by_key: dict[str, str] = {}
    for candidate in candidates:
        by_key.setdefault(candidate.casefold(), candidate)
    found = difflib.get_close_matches(word.casefold(), list(by_key), 1, cutoff)
    return by_key[found[0]] if found else None


@functools.lru_cache(maxsize=1)
def keyword_phrases() -> dict[str, str]:
    """Every keyword phrase of the language, by its case-folded text."""
    phrases: dict[str, str] = {}
    for written in keywords.ENGLISH.values():
        for phrase in written:
            phrases.setdefault(phrase.casefold(), phrase)
    return phrases


@functools.lru_cache(maxsize=1)
def keyword_words() -> frozenset[str]:
    """Every word that occurs in a keyword phrase, case-folded."""
    return frozenset(word for phrase in keyword_phrases() for word in phrase.split())


@attrs.frozen
class Split:
    """An unknown name that is a known name followed by words that were meant as keywords."""

    known: str
    rest: str
    #: the keyword the rest was probably meant to start with, when one is close
    keyword: str | None
    #: the name and the words after it as they were probably meant
    suggestion: str | None


def _keyword_guess(rest: tuple[str, ...]) -> tuple[str, int, bool] | None:
    """The keyword phrase the words start with or nearly start with; words used; exact match.

    An exact phrase wins, then a phrase whose first word is the first word (`who` for
    `who are`), then the closest phrase of as many words as it replaces (`mst` for `must`).
    """
    phrases = keyword_phrases()
    folded = [word.casefold() for word in rest]
    for count in (3, 2, 1):
        if len(rest) >= count and " ".join(folded[:count]) in phrases:
            return phrases[" ".join(folded[:count])], count, True
    starting = sorted((p for p in phrases if p.split()[0] == folded[0]), key=len)
    if starting:
        phrase = phrases[starting[0]]
        return phrase, min(len(phrase.split()), len(rest)), False
    for count in (3, 2, 1):
        if len(rest) < count:
            continue
        same_length = [p for p in phrases if len(p.split()) == count]
        close = difflib.get_close_matches(" ".join(folded[:count]), same_length, 1, 0.75)
        if close:
            return phrases[close[0]], count, False
    return None


def split_name(name: ast.Name, known: Mapping[str, str]) -> Split | None:
    """When a known name starts `name` and a keyword (or a near miss) follows it, the split."""
    words = name.words
    longest = max((len(key.split()) for key in known), default=0)
    for count in range(min(len(words) - 1, longest), 0, -1):
        prefix = ast.name_key(words[:count])
        if prefix not in known:
            continue
        rest = words[count:]
        guess = _keyword_guess(rest)
        has_keyword = any(word.casefold() in keyword_words() for word in rest)
        if guess is None and not has_keyword:
            return None
        rest_text = " ".join(rest)
        if guess is None:
            return Split(known[prefix], rest_text, None, None)
        phrase, used, exact = guess
        if exact:
            return Split(known[prefix], rest_text, phrase, None)
        suggestion = " ".join([known[prefix], phrase, *rest[used:]])
        return Split(known[prefix], rest_text, phrase, suggestion)
    return None


def unknown_name_help(
    name: ast.Name,
    known: Mapping[str, str],
    kind: Text | Mapping[str, Text],
    extra: Iterable[str] = (),
) -> tuple[Text | None, str | None]:
    """The hint and suggestion for an unknown name: a split at a keyword, or a did-you-mean.

    `known` maps name keys to names as declared; `kind` says what a known name is (`is a
    group`), or maps its key to that; `extra` are further names worth suggesting that cannot
    be split off (the built-in subjects).
    """
    split = split_name(name, known)
    if split is not None:
        key = ast.name_key(tuple(split.known.split()))
        what = kind if isinstance(kind, Text) else kind[key]
        said = Text("diag.split", known=split.known, what=what, rest=shorten(split.rest, 60))
        if split.suggestion is not None:
            meant = Text("diag.split.meant", said=said, suggestion=shorten(split.suggestion, 80))
            return meant, split.suggestion
        if split.keyword is not None:
            return Text("diag.split.keyword", said=said, keyword=split.keyword), None
        return said, None
    looks = skeleton(name.text)
    same = next(
        (known_name for known_name in known.values() if skeleton(known_name) == looks), None
    )
    if same is not None:
        note = letter_note(name.text, same)
        return Text("diag.did_you_mean.note", guess=same, note=note), same
    guess = closest(name.text, [*known.values(), *extra])
    if guess is not None:
        return Text("diag.did_you_mean", guess=guess), guess
    return None, None


def likely_meant(name: ast.Name, known: Mapping[str, str]) -> str | None:
    """The key of the known name an unknown one probably stands for, if any."""
    split = split_name(name, known)
    if split is not None:
        return ast.name_key(tuple(split.known.split()))
    guess = closest(name.text, known.values())
    return ast.name_key(tuple(guess.split())) if guess is not None else None


# ---- walking subjects and conditions ---------------------------------------------------


def nodes_in(root: object) -> Iterator[ast.Node]:
    """Every node under `root` (itself included), in source order, without recursion: a
    condition may nest `not` a thousand deep."""
    stack: list[object] = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, ast.Node):
            yield item
            stack.extend(reversed([getattr(item, f.name) for f in attrs.fields(type(item))]))
        elif isinstance(item, tuple):
            stack.extend(reversed(item))


@attrs.frozen
class Use:
    """One test of an attribute, with where it stands."""

    test: ast.AttributeTest | ast.FlagTest
    #: `refinement` (in a subject: `whose`, `who are`) or `condition` (`if`, `unless`)
    context: str
    #: the declaration it is in
    declaration: ast.RuleDecl | ast.GroupDecl


def condition_tests(condition: ast.Condition) -> Iterator[ast.AttributeTest | ast.FlagTest]:
    """The attribute and flag tests of a condition, left to right."""
    stack: list[ast.Condition] = [condition]
    while stack:
        item = stack.pop()
        if isinstance(item, (ast.And, ast.Or)):
            stack.extend(reversed(item.items))
        elif isinstance(item, ast.Not):
            stack.append(item.item)
        else:
            yield item


def subjects(declaration: ast.RuleDecl | ast.GroupDecl) -> tuple[ast.Subject, ...]:
    if isinstance(declaration, ast.RuleDecl):
        return (declaration.statement.subject,)
    return declaration.subjects


def rules_and_groups(symbols: Symbols) -> Iterator[ast.RuleDecl | ast.GroupDecl]:
    for declaration in symbols.declarations():
        if isinstance(declaration, (ast.RuleDecl, ast.GroupDecl)):
            yield declaration


def uses_in(declaration: ast.RuleDecl | ast.GroupDecl) -> Iterator[Use]:
    """Every attribute test of one rule or group, in source order."""
    for subject in subjects(declaration):
        for refinement in subject.refinements:
            yield Use(refinement, "refinement", declaration)
    if isinstance(declaration, ast.RuleDecl) and declaration.statement.condition is not None:
        for test in condition_tests(declaration.statement.condition.condition):
            yield Use(test, "condition", declaration)


def attribute_uses(symbols: Symbols) -> Iterator[Use]:
    """Every attribute test of every rule and group, in source order."""
    for declaration in rules_and_groups(symbols):
        yield from uses_in(declaration)


def in_each(statement: ast.Statement) -> ast.Name | None:
    """The attribute of `in each ATTR`, on a staffing or share statement."""
    if statement.staffing is not None:
        return statement.staffing.in_each
    if statement.share is not None:
        return statement.share.in_each
    return None


def group_refs(declaration: ast.RuleDecl | ast.GroupDecl) -> Iterator[ast.GroupRef]:
    for subject in subjects(declaration):
        if isinstance(subject.base, ast.GroupRef):
            yield subject.base


def span_names(statement: ast.Statement) -> Iterator[tuple[ast.Name, ast.Node]]:
    """The hours and dates names a statement uses, each with the phrase naming it."""
    if statement.activity.within is not None:
        yield statement.activity.within, statement.activity
    for time in statement.times:
        if isinstance(time, ast.During):
            yield time.name, time


# ---- types -----------------------------------------------------------------------------


def type_name(type_: ast.TypeExpr) -> str:
    """The type as the language writes it: `text`, `number`, `yes or no`, `one of`..."""
    if isinstance(type_, ast.OneOfType):
        return "one of"
    if isinstance(type_, ast.RankedType):
        return "ranked"
    return "yes or no" if type_.kind == "bool" else type_.kind


_TYPE_PHRASES = {
    "text": "diag.type.text",
    "number": "diag.type.number",
    "date": "diag.type.date",
    "yes or no": "diag.type.bool",
    "one of": "diag.type.one_of",
    "ranked": "diag.type.ranked",
}


def type_phrase(type_: ast.TypeExpr) -> Text:
    """How a message says what an attribute is: `a number`, `a yes or no attribute`..."""
    return Text(_TYPE_PHRASES[type_name(type_)])


def owner_phrase(owner: ast.Owner) -> Text:
    return Text("diag.owner.employee" if owner is ast.Owner.EMPLOYEE else "diag.owner.shift")


def write_test(
    owner: ast.Owner, context: str, attribute: str, flag: bool, value: str = "..."
) -> Code:
    """How a test of this attribute is written at this place, for hints (in the file's
    language): `their grade is ...`, `golongannya ...`."""
    if owner is ast.Owner.SHIFT:
        if flag:
            return Code("code.test.shift_flag", attribute=attribute)
        return Code("code.test.shift", attribute=attribute, value=value)
    if context == "refinement":
        if flag:
            return Code("code.test.who_are", attribute=attribute)
        return Code("code.test.whose", attribute=attribute, value=value)
    if flag:
        return Code("code.test.they_are", attribute=attribute)
    return Code("code.test.their", attribute=attribute, value=value)


# ---- cycles ------------------------------------------------------------------------------


def cycles(edges: Mapping[str, list[str]]) -> list[list[str]]:
    """One cycle through each strongly connected part of a graph that has one.

    `edges` maps every node to its successors, in source order; nodes come in source order.
    Each cycle starts at the part's first node (in the order of `edges`) and ends where it
    started: `[a, b, a]`; a node pointing at itself gives `[a, a]`.
    """
    order = {node: index for index, node in enumerate(edges)}
    search = _StrongParts(edges)
    for root in edges:
        if root not in search.index_of:
            search.run(root)
    found = [_cycle_in(edges, set(part), min(part, key=order.__getitem__)) for part in search.parts]
    return sorted(found, key=lambda cycle: order[cycle[0]])


class _StrongParts:
    """Tarjan's strongly connected parts, walked iteratively: a stack of (node, iterator over
    its successors) stands in for the recursion. Its state is kept here so that each step of
    the walk is a method of its own."""

    def __init__(self, edges: Mapping[str, list[str]]) -> None:
        self.edges = edges
        self.index_of: dict[str, int] = {}
        self.low: dict[str, int] = {}
        self.on_stack: set[str] = set()
        self.stack: list[str] = []
        #: the parts that hold a cycle, in the order the walk closes them
        self.parts: list[list[str]] = []
        self.counter = 0

    def run(self, root: str) -> None:
        """Walk every node reachable from `root` that no earlier walk reached."""
        work: list[tuple[str, Iterator[str]]] = [(root, iter(self.edges.get(root, ())))]
        self._enter(root)
        while work:
            node, successors = work[-1]
            following = self._next_unvisited(node, successors)
            if following is not None:
                work.append((following, iter(self.edges[following])))
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                self.low[parent] = min(self.low[parent], self.low[node])
            if self.low[node] == self.index_of[node]:
                self._close(node)

    def _enter(self, node: str) -> None:
        self.index_of[node] = self.low[node] = self.counter
        self.counter += 1
        self.stack.append(node)
        self.on_stack.add(node)

    def _next_unvisited(self, node: str, successors: Iterator[str]) -> str | None:
        """Go on through `node`'s successors to the first one not yet visited, and enter it;
        successors still on the stack lower `node`'s low link on the way."""
        for successor in successors:
            if successor not in self.edges:
                continue
            if successor not in self.index_of:
                self._enter(successor)
                return successor
            if successor in self.on_stack:
                self.low[node] = min(self.low[node], self.index_of[successor])
        return None

    def _close(self, node: str) -> None:
        """Pop the part whose root is `node`; keep it if it holds a cycle."""
        part: list[str] = []
        while True:
            member = self.stack.pop()
            self.on_stack.discard(member)
            part.append(member)
            if member == node:
                break
        if len(part) > 1 or node in self.edges.get(node, ()):
            self.parts.append(part)


def _cycle_in(edges: Mapping[str, list[str]], part: set[str], start: str) -> list[str]:
    """The shortest way from `start` back to itself inside one strongly connected part."""
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following: list[str] = []
        for node in frontier:
            for successor in edges.get(node, ()):
                if successor not in part:
                    continue
                if successor == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return [*reversed(path), start]
                if successor not in previous:
                    previous[successor] = node
                    following.append(successor)
        frontier = following
    return [start, start]  # not reached: a strongly connected part has a cycle through start


# ---- sentences that did not parse --------------------------------------------------------

_COMMENT = re.compile(r"#[^\n]*")
_DECLARED = re.compile(r"^(group|hours|dates)\s+([^:]+?)\s*:", re.IGNORECASE)
_ATTRIBUTES = re.compile(r"^(?:employees|shifts)\s+have\s*:(.*)$", re.IGNORECASE | re.DOTALL)
_ATTRIBUTE_ITEM = re.compile(r"(?:^|,)\s*([^\W\d_][^,:\"]*?)\s*:")
_RULE = re.compile(r"^rule\s+([^\W\d_][\w-]*)", re.IGNORECASE)
_HOLIDAYS = re.compile(r"(?:^|\.)\s*holidays?\s*:", re.IGNORECASE)


def unread_text(file: ast.PolicyFile) -> list[str]:
    """The stretches of a file outside its declarations and comments: sentences that did not
    parse (comments removed; empty when every sentence parsed)."""
    text = file.span.source.text
    covered = sorted(
        [(d.span.start, d.span.end) for d in file.declarations]
        + [(c.span.start, c.span.end) for c in file.comments]
    )
    stretches: list[str] = []
    position = 0
    for start, end in [*covered, (len(text), len(text))]:
        chunk = _COMMENT.sub("", text[position:start]).strip(" \t\r\n.")
        if chunk:
            stretches.append(chunk)
        position = max(position, end)
    return stretches


def has_unread_text(symbols: Symbols) -> bool:
    return any(unread_text(file) for file in symbols.files)


@functools.lru_cache(maxsize=64)
def _declared_in(chunk: str) -> frozenset[str]:
    keys: set[str] = set()
    for sentence in chunk.split("."):
        sentence = sentence.strip()
        declared = _DECLARED.match(sentence)
        if declared:
            keys.add(ast.name_key(tuple(declared.group(2).replace("`", " ").split())))
        attributes = _ATTRIBUTES.match(sentence)
        if attributes:
            for item in _ATTRIBUTE_ITEM.finditer(attributes.group(1)):
                keys.add(ast.name_key(tuple(item.group(1).replace("`", " ").split())))
        rule = _RULE.match(sentence)
        if rule:
            keys.add(rule.group(1).casefold())
    return frozenset(keys)


def unread_declarations(symbols: Symbols) -> frozenset[str]:
    """Name keys (and rule id keys) that sentences which did not parse seem to declare.

    A name declared in a sentence with a syntax error is not unknown: the syntax error is the
    one mistake to report, not every use of the name.
    """
    keys: set[str] = set()
    for file in symbols.files:
        for chunk in unread_text(file):
            keys |= _declared_in(chunk)
    return frozenset(keys)


def unread_holidays(symbols: Symbols) -> bool:
    """Whether a sentence that did not parse seems to declare holidays (`holidays: ...`): the
    policy may well declare them, so `except holidays` is not said to have no effect."""
    return any(_HOLIDAYS.search(chunk) for file in symbols.files for chunk in unread_text(file))
