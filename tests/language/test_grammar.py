"""The grammar itself: conflict-free under Lark's strict mode, every keyword used, and syntax
errors that speak the author's language rather than the parser's."""

from __future__ import annotations

import re

import pytest
from test_parser import INLINE_EXAMPLES

from flexrules.core.diagnostics import Diagnostic
from flexrules.core.source import SourceFile
from flexrules.language import keywords
from flexrules.language.parse import parse_file
from flexrules.language.parser import build_parser, parser


def grammar_terminals() -> set[str]:
    """Every terminal some grammar rule uses."""
    return {symbol.name for rule in parser().rules for symbol in rule.expansion if symbol.is_term}


def syntax_errors(text: str) -> list[Diagnostic]:
    _, diagnostics = parse_file(SourceFile("broken.rules", text))
    return list(diagnostics)


# ---- the grammar -------------------------------------------------------------------------


def test_grammar_builds_in_strict_mode() -> None:
    """No shift/reduce or terminal collision is ever resolved silently."""
    pytest.importorskip("interegular")
    lark = build_parser(strict=True)
    assert lark.parse("rule R1: employees may work.") is not None


def test_every_keyword_is_used_by_the_grammar() -> None:
    """The keyword table holds no keyword that no rule of the grammar can take."""
    unused = set(keywords.ENGLISH) - grammar_terminals()
    assert not unused, f"keywords the grammar never uses: {sorted(unused)}"


def test_every_terminal_has_words_for_messages() -> None:
    """Each terminal the grammar uses can be named to an author: a keyword or a description."""
    undescribed = {
        t
        for t in grammar_terminals()
        if t not in keywords.ENGLISH and t not in keywords.OTHER_TERMINALS
    }
    assert not undescribed, f"terminals a message could not name: {sorted(undescribed)}"


def test_keyword_phrases_are_written_in_lower_case_or_as_proper_names() -> None:
    """Phrases are shown in messages as written in the table: lower case, days capitalised."""
    proper = {
        "MONDAY",
        "TUESDAY",
        "WEDNESDAY",
        "THURSDAY",
        "FRIDAY",
        "SATURDAY",
        "SUNDAY",
        "INDONESIA",
    }
    for terminal, phrases in keywords.ENGLISH.items():
        for phrase in phrases:
            if terminal in proper:
                assert phrase[0].isupper() and phrase[1:] == phrase[1:].lower()
            else:
                assert phrase == phrase.lower(), phrase


# ---- syntax errors in the author's words ------------------------------------------------


def _forbidden_names() -> list[re.Pattern[str]]:
    """Lark's names for terminals, as they could leak into a message."""
    names = {t.name for t in parser().terminals} | grammar_terminals() | {"$END", "__ANON"}
    patterns = []
    for terminal in sorted(names):
        patterns.append(re.compile(r"(?<![\w$])" + re.escape(terminal) + r"(?!\w)"))
        if "_" in terminal or "$" in terminal:
            patterns.append(re.compile(re.escape(terminal.lower())))
    patterns.append(re.compile(r"Token\(|Tree\(|NonTerminal|Terminal\("))
    return patterns


FORBIDDEN = _forbidden_names()

#: What a syntax message may say, apart from echoing the author's text.
MESSAGE_FORMS = (
    re.compile(r"^expected (?P<choices>.+); found `.*`$", re.DOTALL),
    re.compile(r"^`[^`]*` was read as part of a name, so (?P<choices>.+) is missing$"),
    re.compile(r"^the sentence stops here; expected (?P<choices>.+)$"),
    re.compile(r"^this sentence does not end with `\.`$"),
    # slips recognised (flexrules/language/slips.py)
    re.compile(r"^`[^`]*` is not a modal; a rule says `must`, `must not` or `may`$"),
    re.compile(r"^`[^`]*` is not an activity$"),
    re.compile(r"^`[^`]*` is not a date: dates are written YYYY-MM-DD$"),
    re.compile(r"^`[^`]*` is not a time: times are written HH:MM, from 00:00 to 24:00$"),
    re.compile(r"^`[^`]*` is not a span of times: it is written `HH:MM (to|and) HH:MM`$"),
    re.compile(r'^this text has no closing `"` on its line$'),
    re.compile(r"^`[^`]*` is not a text in quotes: text is written in double quotes$"),
    re.compile(r"^`[^`]*` is not a value; yes or no attributes take `yes` and `no`$"),
    re.compile(
        r"^`or` cannot join the parts of a rule's subject; a group can join subjects with `or`$"
    ),
    re.compile(r"^`[^`]*` has no subject: after `or`, a group needs a whole subject$"),
)


def _descriptions() -> set[str]:
    """Every way a choice may be shown: a keyword as written, or a description."""
    shown = {f"`{phrase}`" for phrases in keywords.ENGLISH.values() for phrase in phrases}
    shown |= set(keywords.OTHER_TERMINALS.values())
    shown.add("a day (Monday to Sunday)")
    return shown


DESCRIPTIONS = _descriptions()


def _choices(text: str) -> list[str]:
    """Split `a, b or c` (descriptions may themselves hold commas and `or`)."""
    found = []
    rest = text
    while rest:
        for description in sorted(DESCRIPTIONS | {"nothing more"}, key=len, reverse=True):
            if rest.startswith(description):
                found.append(description)
                rest = rest[len(description) :]
                break
        else:
            more = re.match(r"\d+ more", rest)
            assert more is not None, f"cannot read the choices at {rest!r} in {text!r}"
            found.append(more.group())
            rest = rest[more.end() :]
        rest = rest.removeprefix(", ").removeprefix(" or ")
    return found


def assert_in_authors_words(diagnostic: Diagnostic) -> None:
    """The message names what was expected as an author would, and leaks no parser names."""
    message = diagnostic.message
    assert diagnostic.code in {"syntax", "missing-period", "unfinished-sentence"}, message
    assert diagnostic.span is not None
    for form in MESSAGE_FORMS:
        match = form.match(message)
        if match:
            break
    else:
        pytest.fail(f"unexpected message form: {message!r}")
    if "choices" in match.groupdict():
        assert _choices(match.group("choices"))
    # what the author wrote is echoed in backquotes after `found`; the rest is ours
    ours = re.sub(r"; found `.*`$", "", message, flags=re.DOTALL)
    ours = re.sub(r"^`[^`]*`", "", ours)
    for text in (ours, diagnostic.hint or ""):
        for pattern in FORBIDDEN:
            assert not pattern.search(text), f"{pattern.pattern!r} leaks into {text!r}"
    assert "\n" not in message


BROKEN = [
    # (sentence, code, a part of the message, the hint or None)
    (
        "rule R1: employees must be on-site",
        "missing-period",
        "this sentence does not end with `.`",
        "end every declaration and rule with a period",
    ),
    (
        "rule R1: employees must.",
        "syntax",
        "expected `be on-site`, `work on-site`",
        "the sentence ends too early",
    ),
    ("rule R1 employees must be on-site.", "syntax", "`:`; found `employees`", None),
    ("rule R1: employees must be onsite.", "syntax", "found `be`", "did you mean `be on-site`?"),
    ("rule R1: employees mst be on-site.", "syntax", "`must`", "did you mean `must`?"),
    ("rule R1: must be on-site.", "syntax", "expected `must not`, `must` or `may`", None),
    ("rule R1: employees must be on-site during.", "syntax", "expected a name; found `.`", None),
    ("rule R1: employees must be on-site on.", "syntax", "expected a day (Monday to Sunday)", None),
    ("rule R1: employees must be on-site between 08:00.", "syntax", "expected `and`", None),
    (
        "rule R1: employees must be on-site between 08:00 and.",
        "syntax",
        "expected a time (HH:MM)",
        None,
    ),
    (
        "rule R1: employees must be on-site if.",
        "syntax",
        "expected `their`, `they are`, `the shift's`, `the shift`, `not` or `(`",
        None,
    ),
    (
        "rule R1: employees must be on-site if their x is.",
        "syntax",
        "expected `one of`, `not`",
        None,
    ),
    ("rule R1: employees must be on-site if (they are x.", "syntax", "expected `)`", None),
    (
        "rule R1: employees must be on-site if they are x).",
        "syntax",
        "expected `.`; found `)`",
        None,
    ),
    (
        "rule R1: at least staff must be on-site.",
        "syntax",
        "expected a number; found `staff`",
        None,
    ),
    (
        "rule R1: at most 30 of employees may work per day.",
        "syntax",
        "expected `%`; found `of`",
        None,
    ),
    ('policy "x" timezone.', "syntax", "expected a time zone (such as Asia/Jakarta or WIB)", None),
    ('policy "x" default maybe.', "syntax", "expected `deny` or `allow`; found `maybe`", None),
    (
        "policy x.",
        "syntax",
        "`x` is not a text in quotes: text is written in double quotes",
        'put it in double quotes: `"x"`',
    ),
    ("employees have x: text.", "syntax", "expected `:`; found `x`", None),
    (
        "employees have: x: string.",
        "syntax",
        "expected `text`, `number`, `yes or no`, `date`, `one of` or `ranked`; found `string`",
        None,
    ),
    ('employees have: x: ranked "a" <.', "syntax", 'expected a text in quotes ("...")', None),
    ("working days: Mondy.", "syntax", "found `Mondy`", "did you mean `Monday`?"),
    (
        "holidays: Java.",
        "syntax",
        "expected `Indonesia` or a date (YYYY-MM-DD); found `Java`",
        None,
    ),
    (
        "hours h: Monday 8 to 12.",
        "syntax",
        "`8 to 12` is not a span of times: it is written `HH:MM to HH:MM`",
        "did you mean `08:00 to 12:00`?",
    ),
    ("hours h: 08:00 to 12:00.", "syntax", "expected a day (Monday to Sunday)", None),
    ("dates d: tomorrow.", "syntax", "expected a date (YYYY-MM-DD); found `tomorrow`", None),
    ("group g: .", "syntax", "expected `employees`, `everyone` or a name", None),
    (
        'rule R1 "t" citing: employees may work.',
        "syntax",
        'expected a text in quotes ("...")',
        None,
    ),
    ("rule R1: employees may work from.", "syntax", "expected a date (YYYY-MM-DD)", None),
    ("rule R1: employees may @ work.", "syntax", "found `@`", None),
    ("rule R1: employees may work; ", "syntax", "found `;`", None),
    ('"just a string".', "syntax", "expected `policy`, `employees have`", None),
    (
        "rule R1: employees may work unless their x is at least 3 months.",
        "syntax",
        "expected `ago`",
        None,
    ),
    ('rule R1: employees whose x is "a" "b" may work.', "syntax", 'found `"b"`', None),
    ("rule R1: employees may work if the shift.", "syntax", "expected `is`", None),
    # `must be on-site` is read as the attribute after `in each`
    (
        "rule R1: at least 2 staff in each must be on-site.",
        "syntax",
        "expected `must not`, `must`, `may` or a name; found `.`",
        "`must` was read as part of a name here; is a name missing before it? (a name that really "
        "holds `must` goes in backquotes)",
    ),
    # slips: each with what the author meant
    (
        "rule R1: employees may not work from home.",
        "syntax",
        "`may not` is not a modal; a rule says `must`, `must not` or `may`",
        "to forbid it, write `must not`",
    ),
    (
        "rule R1: employees cannot work from home.",
        "syntax",
        "`cannot` is not a modal",
        "did you mean `must not`?",
    ),
    (
        "rule R1: service desk staff can work from home.",
        "syntax",
        "`can` is not a modal",
        "did you mean `may`?",
    ),
    (
        "rule R1: staff should not work remotely.",
        "syntax",
        "`should not` is not a modal",
        "did you mean `must not`?",
    ),
    (
        "rule R1: employees may work from the office.",
        "syntax",
        "`work from the office` is not an activity",
        "did you mean `work at the office`?",
    ),
    (
        "rule R1: employees may work remote.",
        "syntax",
        "`work remote` is not an activity",
        "did you mean `work remotely`?",
    ),
    (
        "rule R1: employees must be at the office.",
        "syntax",
        "`be at the office` is not an activity",
        "did you mean `be on-site`?",
    ),
    (
        "rule R1: employees must be on-site between 07:00 to 17:00.",
        "syntax",
        "`07:00 to 17:00` is not a span of times: it is written `HH:MM and HH:MM`",
        "did you mean `07:00 and 17:00`?",
    ),
    (
        "rule R1: employees may work between 7.30am and 5 pm.",
        "syntax",
        "`7.30am and 5 pm` is not a span of times",
        "did you mean `07:30 and 17:00`?",
    ),
    (
        "hours h: Monday 12pm to 13:00.",
        "syntax",
        "`12pm` is not a time",
        "did you mean `12:00`?",
    ),
    ("hours h: Monday 13pm to 14:00.", "syntax", "found `13pm`", None),
    (
        "dates d: 2025-6-9 to 2025-06-30.",
        "syntax",
        "`2025-6-9` is not a date: dates are written YYYY-MM-DD",
        "did you mean `2025-06-09`?",
    ),
    ("dates d: 31-02-2025.", "syntax", "expected a date (YYYY-MM-DD); found `31`", None),
    (
        "rule R1: employees who are x may work if their y is true.",
        "syntax",
        "`true` is not a value; yes or no attributes take `yes` and `no`",
        "did you mean `yes`?",
    ),
    (
        "employees have: x: ranked 'low' < \"high\".",
        "syntax",
        "`'low'` is not a text in quotes",
        'put it in double quotes: `"low"`',
    ),
    (
        'rule R1: employees whose x is "say \\"hi\\" must be on-site.',
        "syntax",
        'this text has no closing `"` on its line',
        None,
    ),
    (
        'rule R1 "t" overrides R2: employees who are a or b may work unless they are c.',
        "syntax",
        "`or` cannot join the parts of a rule's subject",
        "say it as a condition: `employees may work if (they are a or they are b) and not they "
        "are c`",
    ),
    (
        "rule R1: staff or visitors must be on-site.",
        "syntax",
        "`or` cannot join the parts of a rule's subject",
        "write the alternatives as a condition after the activity (`if ... or ...`), or declare "
        "a group that joins them with `or`",
    ),
    (
        "rule R1: employees must work at least 37.5 per week.",
        "syntax",
        "expected `hours`, `working days` or `days`; found `per`",
        None,
    ),
]


@pytest.mark.parametrize(("text", "code", "part", "hint"), BROKEN, ids=[b[0] for b in BROKEN])
def test_syntax_error_messages(text: str, code: str, part: str, hint: str | None) -> None:
    """Common mistakes get a message naming what was expected, and help where it can."""
    diagnostics = syntax_errors(text)
    assert len(diagnostics) == 1, [d.message for d in diagnostics]
    diagnostic = diagnostics[0]
    assert diagnostic.code == code
    assert part in diagnostic.message
    if hint is not None:
        assert diagnostic.hint == hint
    assert_in_authors_words(diagnostic)


def test_syntax_error_points_at_what_was_found() -> None:
    """The span covers the unexpected word, on its own line and column."""
    text = 'policy "P".\nrule R1: employees\n  mst be on-site.\n'
    (diagnostic,) = syntax_errors(text)
    assert diagnostic.span is not None
    assert diagnostic.span.text == "mst"
    assert (diagnostic.line, diagnostic.column) == (3, 3)
    rendered = diagnostic.render()
    assert "broken.rules:3:3" in rendered
    assert "  mst be on-site." in rendered


def test_every_broken_sentence_is_reported_not_only_the_first() -> None:
    """Each sentence is parsed on its own, so every mistake in a file is reported at once."""
    text = (
        "rule R1: employees mst be on-site.\nrule R2: employees may work.\nworking days: Mondy.\n"
    )
    assert [d.line for d in syntax_errors(text)] == [1, 3]


def _broken_variants(sentence: str) -> list[str]:
    """A sentence cut short, with a word left out, doubled, replaced or a stray one put in."""
    words = sentence.rstrip(".").split(" ")
    variants = []
    for i in range(len(words)):
        variants.append(" ".join(words[:i]) + ".")
        variants.append(" ".join(words[:i] + words[i + 1 :]) + ".")
        variants.append(" ".join([*words[:i], "zzz", *words[i:]]) + ".")
        variants.append(" ".join([*words[:i], "@", *words[i + 1 :]]) + ".")
        variants.append(" ".join([*words[:i], ".", *words[i:]]))
        variants.append(" ".join([*words[:i], words[i], *words[i:]]) + ".")
    variants.append(sentence.rstrip("."))
    return variants


@pytest.mark.slow
def test_no_message_leaks_parser_names() -> None:
    """Over thousands of broken sentences, every message is in the author's words."""
    checked = 0
    for sentence in INLINE_EXAMPLES:
        for variant in _broken_variants(sentence):
            for diagnostic in syntax_errors(variant):
                assert_in_authors_words(diagnostic)
                checked += 1
    assert checked > 1000


def test_messages_never_leak_parser_names_for_words_that_look_like_them() -> None:
    """Text that looks like a terminal name is only ever echoed, never used as a choice."""
    for text in (
        "rule R1: employees may work WORD.",
        "rule R1: employees may work _DOT.",
        "rule R1: employees may work $END.",
    ):
        (diagnostic,) = syntax_errors(text)
        assert_in_authors_words(diagnostic)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("working days: .", "."),
        ("rule R1: employees whose role is not.", "."),
        ("rule R1: employees whose role is not must be on-site.", "must"),
    ],
)
def test_keyword_is_not_said_to_be_read_as_a_name(text: str, found: str) -> None:
    """Only a word that did go into a name is said to have been read as part of one."""
    (diagnostic,) = syntax_errors(text)
    assert "was read as part of a name" not in diagnostic.message
    assert diagnostic.message.endswith(f"found `{found}`")
