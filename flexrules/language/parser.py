"""Text to parse trees: the Lark LALR parser, sentence by sentence, with friendly syntax errors.

A policy is a series of sentences, each ending with a period. Each sentence is parsed on its
own, so one mistake never hides the next: every syntax error in a file is reported at once.
"""

from __future__ import annotations

import contextlib
import contextvars
import difflib
import functools
import hashlib
import os
import re
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path

import attrs
import lark
from lark import (
    Lark,
    Token,
    Tree,
    UnexpectedCharacters,
    UnexpectedEOF,
    UnexpectedInput,
    UnexpectedToken,
)

from ..core.diagnostics import Diagnostic, error
from ..core.messages import Text, Thousands, shown
from ..core.source import SourceFile, Span
from . import characters, choices, indonesian, keywords, slips, traps

#: Limits that keep hostile input cheap; going past one is a diagnostic, never a crash.
MAX_FILE_CHARS = 2 * 1024 * 1024
MAX_NESTING = 32
MAX_SENTENCE_CHARS = 64 * 1024
MAX_DIAGNOSTICS_PER_FILE = 50
#: What to do about a policy too large: a policy, one file or a folder, holds at most
#: MAX_FILE_CHARS characters in all (`language.sources.MAX_POLICY_CHARS`), so splitting it
#: into files does not help.
TOO_LARGE_HINT = Text("diag.too_large.hint")

#: the grammar file of each language: siblings with the same rule and terminal names
GRAMMAR_NAMES = {"en": "flexrules.lark", "id": "flexrules-id.lark"}
_GRAMMAR_NAME = GRAMMAR_NAMES["en"]


def grammar_file(name: str) -> str:
    """A grammar file shipped in the wheel (`flexrules/grammar/NAME`), or, in a source
    checkout, read from grammar/ beside the package."""
    packaged = resources.files("flexrules").joinpath("grammar").joinpath(name)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    return (Path(__file__).resolve().parents[2] / "grammar" / name).read_text(encoding="utf-8")


def grammar_text(language: str = "en") -> str:
    """A language's grammar file, with its keyword table's terminals appended."""
    return grammar_file(GRAMMAR_NAMES[language]) + "\n" + keywords.terminal_definitions(language)


def build_parser(strict: bool = False, cache: str | bool = False, language: str = "en") -> Lark:
    return Lark(
        grammar_text(language),
        parser="lalr",
        lexer="contextual",
        propagate_positions=True,
        maybe_placeholders=True,
        strict=strict,
        cache=cache,
    )


def _cache_file(language: str = "en") -> str | None:
    """A private per-user file for Lark's parse tables, so later processes start fast.

    Lark checks the grammar's digest before using the file; a folder we cannot create
    privately means no cache, never an error.
    """
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "flexrules")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        info = os.stat(folder)
        if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o022):
            return None
    except OSError:
        return None
    digest = hashlib.sha256(grammar_text(language).encode("utf-8")).hexdigest()[:16]
    prefix = "parser" if language == "en" else f"parser-{language}"
    return os.path.join(folder, f"{prefix}-{digest}-lark{lark.__version__}.cache")


@functools.lru_cache(maxsize=len(GRAMMAR_NAMES))
def parser(language: str = "en") -> Lark:
    """The parser of a language, built on first use and shared (its tables cached on disk)."""
    cache = _cache_file(language)
    if cache is not None:
        try:
            return build_parser(cache=cache, language=language)
        except Exception:  # a damaged or unreadable cache file: build afresh
            with contextlib.suppress(OSError):
                os.remove(cache)
    return build_parser(language=language)


# A small scanner that knows enough of the lexical rules to find sentence ends and comments:
# periods inside text, quoted names, comments, decimal numbers (`7.5`, `7,5`), Indonesian
# times (`08.00`) and `s.d.` (Indonesian "until") do not end a sentence.
_SCAN = re.compile(
    r'"(?:[^"\\\n]|\\.)*"'  # text
    r"|`[^`\n]*`"  # quoted name
    r"|#[^\n]*"  # comment
    r"|\d+[.,]\d+"  # decimal number or time
    r"|(?<![\w.])[sS]\.\s?[dD]\.(?!\w)"  # s.d.
    r"|[().]"
)


@attrs.frozen
class Sentence:
    start: int
    end: int
    tree: Tree[Token] | None


@attrs.frozen
class ParseResult:
    sentences: tuple[Sentence, ...]
    comments: tuple[tuple[int, int], ...]
    diagnostics: tuple[Diagnostic, ...]
    #: the file's language (`en`, `id`): given, or detected from its first sentence
    language: str = "en"


def _split(text: str) -> tuple[list[tuple[int, int, int]], list[tuple[int, int]]]:
    """Sentence bounds (start, end, deepest nesting) and comment bounds."""
    sentences: list[tuple[int, int, int]] = []
    comments: list[tuple[int, int]] = []
    start = 0
    depth = deepest = 0
    for match in _SCAN.finditer(text):
        token = match.group()
        if token[0] == "#":
            comments.append(match.span())
        elif token == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif token == ")":
            depth -= 1
        elif token == ".":
            sentences.append((start, match.end(), deepest))
            start = match.end()
            depth = deepest = 0
    sentences.append((start, len(text), deepest))
    return sentences, comments


def parse_source(source: SourceFile, language: str | None = None) -> ParseResult:
    """Parse every sentence of a file in its language (`language`, else the one its first
    sentence names); collect syntax errors instead of stopping at one."""
    text = source.text
    diagnostics: list[Diagnostic] = []
    if len(text) > MAX_FILE_CHARS:
        diagnostics.append(
            error(
                "file-too-large",
                Text(
                    "diag.file_too_large.chars",
                    chars=Thousands(len(text)),
                    most=Thousands(MAX_FILE_CHARS),
                ),
                Span(source, 0, 0),
                hint=TOO_LARGE_HINT,
            )
        )
        return ParseResult((), (), tuple(diagnostics), language or "en")
    diagnostics.extend(characters.forbidden_characters(source, MAX_DIAGNOSTICS_PER_FILE))
    if diagnostics:  # what follows a character that cannot be seen cannot be trusted
        return ParseResult((), (), tuple(diagnostics), language or "en")
    spaces = characters.unusual_spaces(source, MAX_DIAGNOSTICS_PER_FILE)

    bounds, comments = _split(text)
    if language is None:
        language = detect_language(text, bounds)
    sentences: list[Sentence] = []
    lalr = parser(language)
    reading = _Reading(source, language)
    for start, end, deepest in bounds:
        if _content_end(text, start, end) == start:  # only space and comments
            continue
        if len(diagnostics) >= MAX_DIAGNOSTICS_PER_FILE:
            diagnostics.append(
                error(
                    "too-many-errors",
                    Text("diag.too_many_errors.stopped", most=MAX_DIAGNOSTICS_PER_FILE),
                    _trimmed_span(
                        source,
                        start,
                        min(end, start + 1 + len(text[start:end]) - len(text[start:end].lstrip())),
                    ),
                )
            )
            break
        if deepest > MAX_NESTING:
            diagnostics.append(
                error(
                    "too-deep",
                    Text("diag.too_deep", deep=deepest, most=MAX_NESTING),
                    _trimmed_span(source, start, end),
                    hint=Text("diag.too_deep.hint"),
                )
            )
            continue
        if end - start > MAX_SENTENCE_CHARS:
            diagnostics.append(
                error(
                    "sentence-too-long",
                    Text(
                        "diag.sentence_too_long",
                        chars=Thousands(end - start),
                        most=Thousands(MAX_SENTENCE_CHARS),
                    ),
                    _trimmed_span(source, start, min(end, start + 1)),
                    hint=Text("diag.sentence_too_long.hint"),
                )
            )
            continue
        _parse_sentence(lalr, reading, start, end, sentences, diagnostics)
    return ParseResult(tuple(sentences), tuple(comments), (*diagnostics, *spaces), language)


# ---- the language of a file ----------------------------------------------------------------


#: The terminals that can open a sentence: the FIRST set of each grammar's `start`, written out
#: so that detecting a file's language builds no parser (a test holds them to the grammars).
OPENERS: dict[str, tuple[str, ...]] = {
    "en": (
        "POLICY",
        "EMPLOYEES_HAVE",
        "SHIFTS_HAVE",
        "WORKING_DAYS",
        "HOLIDAYS",
        "ABSENCE_KINDS",
        "HOURS",
        "DATES",
        "GROUP",
        "RULE",
    ),
    "id": (
        "POLICY",
        "EMPLOYEES_HAVE",
        "SHIFTS_HAVE",
        "WORKING_DAYS",
        "HOLIDAYS",
        "ABSENCE_KINDS",
        "HOURS",
        "HOURS_PATTERN",
        "DATE_TYPE",
        "GROUP",
        "RULE",
    ),
}


def _opener_pattern(language: str) -> re.Pattern[str]:
    """The phrases that can open a sentence in a language: its `OPENERS` spelled by its
    keyword table (any case, any white space between words)."""
    table = keywords.table_of(language)
    phrases = sorted(
        {phrase for terminal in OPENERS[language] for phrase in table[terminal]},
        key=lambda p: (-len(p), p),
    )
    alternatives = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)
    return re.compile(rf"(?:{alternatives})(?![\w-])", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def openers() -> dict[str, re.Pattern[str]]:
    """Each language's sentence openers (LANGUAGE-ID.md §1.1); the two sets are disjoint."""
    return {language: _opener_pattern(language) for language in GRAMMAR_NAMES}


def detect_language(text: str, bounds: list[tuple[int, int, int]] | None = None) -> str:
    """The language of a file: that of its first sentence that opens with a declaration of
    exactly one language (blank lines and comments skipped); English when none does."""
    if bounds is None:
        bounds = _split(text)[0]
    patterns = openers()
    for start, end, _ in bounds:
        begin = _sentence_begin(text, start, end)
        if begin is None:
            continue
        matching = [code for code, pattern in patterns.items() if pattern.match(text, begin)]
        if len(matching) == 1:
            return matching[0]
    return "en"


def _sentence_begin(text: str, start: int, end: int) -> int | None:
    """Where a sentence's first word is, past white space and comments."""
    position = start
    while position < end:
        if text[position].isspace():
            position += 1
        elif text[position] == "#":
            newline = text.find("\n", position, end)
            if newline < 0:
                return None
            position = newline + 1
        else:
            return position
    return None


@attrs.frozen
class _Reading:
    """The file being parsed and its language, for the messages of a sentence that fails."""

    source: SourceFile
    language: str

    @property
    def other(self) -> str:
        return "en" if self.language == "id" else "id"

    def first_sentence_line(self) -> int:
        """The line of the sentence that set the file's language (1 when none did)."""
        text = self.source.text
        pattern = openers()[self.language]
        for start, end, _ in _split(text)[0]:
            begin = _sentence_begin(text, start, end)
            if begin is not None and pattern.match(text, begin):
                return text.count("\n", 0, begin) + 1
        return 1


#: A line that starts a declaration: `rule R1 "..."` or `rule R1:`, `group NAME:`, `hours`,
#: `dates`, `policy "..."`, `holidays:`, `working days:`, `employees have:`, `shifts have:`;
#: and their Indonesian openers (`aturan`, `kelompok`, `jam`, `pola jam`, `tanggal`,
#: `kebijakan`, `hari libur:`, `hari kerja:`, `pegawai memiliki:`, `sif memiliki:`) at the
#: start of a line only, since an indented attribute of `pegawai memiliki:` is often named
#: `tanggal ...`, `jam ...` or `kelompok ...` (`tanggal mulai menjabat: tanggal,`).
_DECLARATION_LINE = re.compile(
    r"^(?:[ \t]*(?:rule[ \t]+[^\W\d_][\w-]*[ \t]*(?:\"|:|citing\b|overrides\b)"
    r"|(?:group|hours|dates)[ \t]+[^\n:.]+:"
    r"|policy[ \t]+\""
    r"|(?:holidays|working[ \t]+days|employees[ \t]+have|shifts[ \t]+have)[ \t]*:)"
    r"|aturan[ \t]+[^\W\d_][\w-]*[ \t]*(?:\"|:|berdasarkan\b|merujuk\b|mengesampingkan\b)"
    r"|(?:kelompok|jam|pola[ \t]+jam|tanggal)[ \t]+[^\n:.]+:"
    r"|kebijakan[ \t]+\""
    r"|(?:hari[ \t]+libur|hari[ \t]+kerja|pegawai[ \t]+(?:memiliki|mempunyai)"
    r"|(?:sif|shift)[ \t]+memiliki)[ \t]*:)",
    re.IGNORECASE | re.MULTILINE,
)


def _content_end(text: str, start: int, end: int) -> int:
    """Just after the last character of [start, end) that is neither space nor comment
    (`start` when there is none). One backward pass, whatever the number of comments."""
    comments = [m.span() for m in _SCAN.finditer(text, start, end) if m.group()[0] == "#"]
    index = len(comments) - 1
    position = end
    while position > start:
        while index >= 0 and comments[index][0] >= position:
            index -= 1
        if index >= 0 and position <= comments[index][1]:
            position = comments[index][0]
        elif text[position - 1].isspace():
            position -= 1
        else:
            return position
    return start


def _parse_sentence(
    lalr: Lark,
    reading: _Reading,
    start: int,
    end: int,
    sentences: list[Sentence],
    diagnostics: list[Diagnostic],
) -> None:
    """Parse one sentence. A sentence that fails but is good in the other language is
    `wrong-language`. When it fails and a later line of it starts a declaration, the
    sentence before that line lost its closing `.`: say so, read it as if the `.` were there,
    and go on with the next declaration, so one missing period costs one message."""
    source = reading.source
    text = source.text
    while True:
        try:
            sentences.append(Sentence(start, end, lalr.parse(text[start:end])))
            return
        except UnexpectedInput as exc:
            failure = exc
        if _parses_in(reading.other, text[start:end]):
            diagnostics.append(_wrong_language(reading, _trimmed_span(source, start, end)))
            return
        cut = next(
            (
                m.start()
                for m in _DECLARATION_LINE.finditer(text, start, end)
                if _content_end(text, start, m.start()) > start
            ),
            None,
        )
        if cut is None:
            diagnostics.append(_syntax_error_in(reading, start, end, failure))
            return
        head_end = _content_end(text, start, cut)
        diagnostics.append(
            error(
                "missing-period",
                Text("diag.missing_period"),
                Span(source, head_end - 1, head_end),
                hint=Text("diag.missing_period.next.hint"),
            )
        )
        try:
            head = lalr.parse(text[start:head_end] + ".")
            sentences.append(Sentence(start, head_end + 1, head))
        except UnexpectedInput as exc:
            diagnostics.append(_syntax_error_in(reading, start, head_end, exc))
        start = cut


def _parses_in(language: str, sentence: str) -> bool:
    try:
        parser(language).parse(sentence)
    except UnexpectedInput:
        return False
    return True


def _wrong_language(reading: _Reading, span: Span) -> Diagnostic:
    """A sentence written in the other language than its file's (LANGUAGE-ID.md §6.3); the
    prose follows the file's language."""
    language = reading.language
    key = "language.wrong.en_in_id" if language == "id" else "language.wrong.id_in_en"
    line = str(reading.first_sentence_line())
    return error("wrong-language", Text(key), span, hint=Text("language.wrong.hint", line=line))


def _trimmed_span(source: SourceFile, start: int, end: int) -> Span:
    chunk = source.text[start:end]
    stripped = chunk.lstrip()
    begin = start + (len(chunk) - len(stripped))
    # skip leading comments too
    while stripped.startswith("#"):
        newline = stripped.find("\n")
        if newline < 0:
            break
        rest = stripped[newline:].lstrip()
        begin += len(stripped) - len(rest)
        stripped = rest
    return Span(source, begin, max(begin, start + len(chunk.rstrip())))


# ---- syntax errors in the author's words -------------------------------------------------

_DAY_TERMINALS = ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
_NAME_TERMINALS = ("WORD", "QUOTED_NAME")


#: the keyword table of the file being parsed: syntax errors name keywords as it writes them
_FILE_KEYWORDS: contextvars.ContextVar[str] = contextvars.ContextVar("file_keywords", default="en")
#: the Indonesian grammar's filtered terminals, by their keyword table's names (`_EACH`: EACH)
_UNFILTERED = {name: keyword for keyword, name in indonesian.FILTERED.items()}


def _keyword_table() -> Mapping[str, tuple[str, ...]]:
    return keywords.table_of(_FILE_KEYWORDS.get())


def describe_expected(expected: set[str]) -> list[Text | str]:
    """The terminals a parser state accepts, as a policy author would name them: keywords as
    the file's language writes them."""
    table = _keyword_table()
    names = {_UNFILTERED.get(t, t) for t in expected}
    described: list[Text | str] = []
    if all(day in names for day in _DAY_TERMINALS):
        names.difference_update(_DAY_TERMINALS)
        described.append(choices.any_day())
    if "WORD" in names:
        names.discard("QUOTED_NAME")
    if "WORD" in names:
        names.difference_update(("NAME_NYA", "QUOTED_NYA"))
    keyword_order = list(table)
    ordered = sorted(
        names,
        key=lambda t: (
            0 if t in table else 1,
            keyword_order.index(t) if t in table else 0,
            t,
        ),
    )
    for terminal in ordered:
        described.append(choices.describe(terminal, table))
    return described


def join_choices(items: Sequence[Text | str], language: str = "en") -> str:
    """`a, b or c` (`a, b, atau c`), the rest counted past twelve, as text in `language`
    (a message built from the catalog takes `choices.joined` and is read in any language)."""
    return shown(choices.joined(list(items)), language)


_WORD_AT = re.compile(r"[^\s.,:()<%]+|.", re.DOTALL)


def _syntax_error_in(reading: _Reading, start: int, end: int, exc: UnexpectedInput) -> Diagnostic:
    """A syntax error naming keywords as the file's language writes them."""
    token = _FILE_KEYWORDS.set(reading.language)
    try:
        return _syntax_error(reading.source, start, end, exc)
    finally:
        _FILE_KEYWORDS.reset(token)


def _syntax_error(source: SourceFile, start: int, end: int, exc: UnexpectedInput) -> Diagnostic:
    text = source.text
    if isinstance(exc, UnexpectedToken) and exc.token.type == "$END":
        return _missing_end(source, start, end, set(exc.accepts or exc.expected))
    if isinstance(exc, UnexpectedEOF):
        return _missing_end(source, start, end, set(exc.expected))
    expected, position, found_end, _ = _unexpected(text, start, end, exc)
    expected.discard("COMMENT")
    failure = slips.Failure(source, start, end, position, found_end, frozenset(expected))
    recognised = slips.recognise(failure, slips.BEFORE_KEYWORDS)
    if recognised is not None:
        return recognised
    hint, suggestion = _keyword_hint(text, position, expected)
    if hint is None:
        return _no_keyword_near(failure, exc)
    return error("syntax", _expected_message(failure), _found_span(failure), hint, suggestion)


def _expected_message(failure: slips.Failure) -> Text:
    found = failure.found
    shown = found if len(found) <= 40 else found[:37] + "..."
    listed = choices.joined(describe_expected(set(failure.expected)))
    return Text("diag.syntax.expected", choices=listed, found=shown)


def _found_span(failure: slips.Failure) -> Span:
    return failure.span(failure.position, max(failure.found_end, failure.position + 1))


def _no_keyword_near(failure: slips.Failure, exc: UnexpectedInput) -> Diagnostic:
    """A syntax error whose words are no misspelled keyword: a keyword misspelled earlier and
    read into a name, a slip recognised late, or the parser's expectations alone."""
    text, start, position = failure.text, failure.start, failure.position
    expected = set(failure.expected)
    absorbed = _absorbed_keyword(text, start, position, expected, exc)
    if absorbed is not None:
        word_start, word_end, phrase = absorbed
        return error(
            "syntax",
            Text(
                "diag.syntax.absorbed",
                word=text[word_start:word_end],
                choices=choices.joined(describe_expected(expected)),
            ),
            failure.span(word_start, word_end),
            hint=Text("diag.did_you_mean", guess=phrase),
            suggestion=phrase,
        )
    recognised = slips.recognise(failure, slips.AFTER_KEYWORDS)
    if recognised is not None:
        return recognised
    hint = _fallback_hint(text, start, position, failure.found, expected, exc)
    return error("syntax", _expected_message(failure), _found_span(failure), hint=hint)


def _unexpected(
    text: str, start: int, end: int, exc: UnexpectedInput
) -> tuple[set[str], int, int, str]:
    """What the parser would have taken, and where the text it could not take begins and ends,
    with that text: a token, or for an unknown character the word around it."""
    if isinstance(exc, UnexpectedToken):
        token = exc.token
        position = start + (token.start_pos or 0)
        found_end = start + (
            token.end_pos if token.end_pos is not None else (token.start_pos or 0) + len(token)
        )
        return set(exc.accepts or exc.expected), position, found_end, str(token)
    if isinstance(exc, UnexpectedCharacters):
        position = start + (exc.pos_in_stream or 0)
        match = _WORD_AT.match(text, position)
        found_end = match.end() if match else position + 1
        return _accepted(exc), position, found_end, text[position:found_end]
    return set(), start, end, text[start:end]  # pragma: no cover - Lark raises only these


def _accepted(exc: UnexpectedCharacters) -> set[str]:
    """The terminals the parser could really take where the lexer stopped. The lexer's own
    list is its state's, which LALR shares between places (the days of an `hours` span and of
    `on DAYS`), so it offers words that cannot follow here; the parser's state knows."""
    interactive = getattr(exc, "interactive_parser", None)
    if interactive is None:
        return set(exc.allowed or ())
    return set(interactive.accepts())


def _fallback_hint(
    text: str, start: int, position: int, found: str, expected: set[str], exc: UnexpectedInput
) -> Text | None:
    """A hint when no keyword was misspelled: the likeliest slip, most specific first."""
    trap = _trap_hint(text, start, position, expected) if _FILE_KEYWORDS.get() == "id" else None
    if trap is not None:
        return trap
    swallowed = _swallowed_keyword(text, start, expected, exc)
    if swallowed is not None:
        return Text("diag.syntax.swallowed.hint", word=swallowed)
    declaration_line = _DECLARATION_LINE.match(text, _line_start(text, position))
    if declaration_line and _at_line_start(text, position):
        return Text("diag.syntax.lost_period.hint")
    if found == "." and "_DOT" not in expected:
        return Text("diag.syntax.too_early.hint")
    return None


def _trap_hint(text: str, start: int, position: int, expected: set[str]) -> Text | None:
    """The traps of an Indonesian file (`traps`): an unmarked owner, `kecuali hari libur` in
    a rule, `s.d` without its last dot."""
    before = text[start:position]
    end = _sentence_end(text, position)
    return (
        traps.except_holidays_hint(before)
        or traps.owner_hint(before, expected)
        or traps.lone_s_hint(text[start:end], text[end : end + 4])
    )


def _sentence_end(text: str, position: int) -> int:
    """Just after the `.` that ends the sentence at `position` (the end of the text if none)."""
    dot = text.find(".", position)
    return len(text) if dot < 0 else dot + 1


def _line_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


def _at_line_start(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    return not text[line_start:position].strip()


_WORDS = re.compile(r"[^\W\d_][\w\-'’]*")


def _absorbed_keyword(
    text: str, start: int, position: int, expected: set[str], exc: UnexpectedInput
) -> tuple[int, int, str] | None:
    """A misspelled keyword that the parser took as a word of a name, before the error."""
    phrases = _expected_phrases(expected)
    if not phrases:
        return None
    spans = _name_word_spans(exc)
    if spans is None:  # no parser state to ask: any word that is not a keyword itself
        spans = [
            (m.start() - start, m.end() - start)
            for m in _WORDS.finditer(text, start, position)
            if m.group().casefold() not in _keyword_words(_FILE_KEYWORDS.get())
        ]
    for word_start, word_end in reversed(spans[-8:]):
        word = text[start + word_start : start + word_end]
        close = difflib.get_close_matches(word.casefold(), list(phrases), 1, 0.75)
        if close and word.casefold() != close[0]:
            return start + word_start, start + word_end, phrases[close[0]]
    for word_start, word_end in reversed(spans[-8:]):  # the other language's keyword
        _hint, ours = _other_language_keyword(
            [text[start + word_start : start + word_end]], expected
        )
        if ours is not None:
            return start + word_start, start + word_end, ours
    return None


def _swallowed_keyword(
    text: str, start: int, expected: set[str], exc: UnexpectedInput
) -> str | None:
    """A keyword the parser wanted, written correctly but taken into a name before it."""
    spans = _name_word_spans(exc)
    if not spans:
        return None
    wanted = {p.split()[0].casefold() for p in _expected_phrases(expected)}
    for word_start, word_end in spans:
        word = text[start + word_start : start + word_end]
        if word.casefold() in wanted:
            return word
    return None


@functools.lru_cache(maxsize=len(GRAMMAR_NAMES))
def _keyword_words(language: str) -> frozenset[str]:
    table = keywords.table_of(language)
    return frozenset(
        word.casefold() for phrases in table.values() for p in phrases for word in p.split()
    )


def _name_word_spans(exc: UnexpectedInput) -> list[tuple[int, int]] | None:
    """Where the words the parser has read into names so far are, from its value stack."""
    interactive = getattr(exc, "interactive_parser", None)
    if interactive is None:
        return None
    spans: list[tuple[int, int]] = []
    stack: list[object] = list(reversed(interactive.parser_state.value_stack))
    while stack:
        item = stack.pop()
        if isinstance(item, Tree):
            stack.extend(reversed(item.children))
        elif (
            isinstance(item, Token)
            and item.type in ("WORD", "QUOTED_NAME")
            and item.start_pos is not None
            and item.end_pos is not None
        ):
            spans.append((item.start_pos, item.end_pos))
    return spans


def _expected_phrases(expected: set[str]) -> dict[str, str]:
    phrases: dict[str, str] = {}
    table = _keyword_table()
    for terminal in expected:
        for phrase in table.get(_UNFILTERED.get(terminal, terminal), ()):
            phrases[phrase.casefold()] = phrase
    return phrases


def _missing_end(source: SourceFile, start: int, end: int, expected: set[str]) -> Diagnostic:
    span = _trimmed_span(source, start, end)
    last = Span(source, max(span.start, span.end - 1), span.end)
    wanted = describe_expected(expected - {"COMMENT"})
    if "_DOT" in expected:
        return error(
            "missing-period",
            Text("diag.missing_period"),
            last,
            hint=Text("diag.missing_period.hint"),
        )
    return error(
        "unfinished-sentence",
        Text("diag.unfinished_sentence", choices=choices.joined(wanted)),
        last,
        hint=Text("diag.unfinished_sentence.hint"),
    )


def _keyword_hint(text: str, position: int, expected: set[str]) -> tuple[Text | None, str | None]:
    """A did-you-mean when the words found are close to a keyword the parser wanted."""
    phrases = _expected_phrases(expected)
    if not phrases:
        return None, None
    words = [m.group() for m in _WORDS.finditer(text, position, position + 80)][:4]
    if not words or _WORDS.match(text, position) is None:
        return None, None
    best: tuple[float, str] | None = None
    for count in range(1, len(words) + 1):
        candidate = " ".join(words[:count]).casefold()
        for phrase in difflib.get_close_matches(candidate, list(phrases), 1, 0.75):
            score = difflib.SequenceMatcher(None, candidate, phrase).ratio()
            if best is None or score > best[0]:
                best = (score, phrase)
    if best is None:
        return _other_language_keyword(words, expected)
    phrase = phrases[best[1]]
    return Text("diag.did_you_mean", guess=phrase), phrase


def _other_language_keyword(words: list[str], expected: set[str]) -> tuple[Text | None, str | None]:
    """The other language's spelling of a keyword the parser wanted (`must` in an Indonesian
    file): say so, and how this file writes it (LANGUAGE-ID.md §6.4)."""
    language = _FILE_KEYWORDS.get()
    other = keywords.table_of("en" if language == "id" else "id")
    ours = keywords.table_of(language)
    for count in range(len(words), 0, -1):
        candidate = " ".join(words[:count]).casefold()
        for terminal in sorted(expected):
            name = _UNFILTERED.get(terminal, terminal)
            spelled = {p.casefold() for p in other.get(name, ())}
            if candidate in spelled and name in ours:
                key = (
                    "language.keyword.en_in_id" if language == "id" else "language.keyword.id_in_en"
                )
                phrase = ours[name][0]
                return Text(key, word=" ".join(words[:count]), keyword=phrase), phrase
    return None, None
