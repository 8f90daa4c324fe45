"""LANGUAGE-ID.md §8.3: the machinery of the two grammars. Both build in Lark's strict mode;
they give trees of the same shapes; in every parser state every phrase of every keyword the
state accepts lexes as that keyword; the regex look-aheads strict mode cannot see (`-nya`,
`_LIST_OR`, `UNTIL`) do what they should; sentences split where they end; each file's language
is detected from its first sentence.
"""

from __future__ import annotations

from typing import Any

import id_strategies
import pytest
from hypothesis import HealthCheck, given, settings
from lark import Lark, Token
from lark.utils import TextSlice

import flexrules
from flexrules.core.source import SourceFile
from flexrules.language import indonesian, keywords
from flexrules.language.parse import parse_file
from flexrules.language.parser import (
    OPENERS,
    _split,
    build_parser,
    detect_language,
    openers,
    parser,
)

LANGUAGES = ("en", "id")


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_both_grammars_build_in_strict_mode(language: str) -> None:
    """No shift/reduce or reduce/reduce conflict, no two terminals that collide."""
    build_parser(strict=True, language=language)


def terminal_names(lalr: Lark) -> set[str]:
    return {t.name for t in lalr.terminals}


def test_every_indonesian_keyword_is_used_by_its_grammar() -> None:
    used = {
        terminal
        for rule in parser("id").rules
        for terminal in (s.name for s in rule.expansion if s.is_term)
    }
    for keyword in indonesian.INDONESIAN:
        assert indonesian.FILTERED.get(keyword, keyword) in used, keyword


def tree_names(lalr: Lark) -> set[str]:
    """The names a grammar's trees can hold: each rule's alias, or its name when unaliased."""
    return {
        str(rule.alias or rule.origin.name)
        for rule in lalr.rules
        if not str(rule.origin.name).startswith("_") and rule.origin.name != "start"
    }


def test_both_grammars_give_trees_of_the_same_shapes() -> None:
    assert tree_names(parser("id")) == tree_names(parser("en"))


def parse_states(lalr: Lark) -> dict[Any, Any]:
    states: dict[Any, Any] = lalr.parse_interactive("").parser_state.parse_conf.parse_table.states
    return states


def test_in_every_state_every_keyword_phrase_lexes_as_its_keyword() -> None:
    """For each state, keyword it accepts, phrase of that keyword and what may follow it
    (`" x"`, `" 1"`, `"."`), the state's lexer reads that phrase as that keyword: a longer
    phrase is never cut by a shorter one, a keyword is never read as a name. `UNTIL` is
    tested before a digit only; `TO` and `OR` not before a digit where `UNTIL` or `_LIST_OR`
    (which need one) may come instead."""
    lalr = parser("id")
    lexers = lalr.parser.lexer.lexers  # type: ignore[attr-defined]
    by_grammar_name = {indonesian.FILTERED.get(k, k): k for k in indonesian.INDONESIAN}
    checked = 0
    for state, row in parse_states(lalr).items():
        for terminal in row:
            keyword = by_grammar_name.get(terminal)
            if keyword is None:
                continue
            for phrase in indonesian.phrases_of(keyword):
                for tail in (" x", " 1", "."):
                    if keyword == "UNTIL" and tail != " 1":
                        continue
                    if (
                        keyword in ("TO", "OR")
                        and tail == " 1"
                        and {"UNTIL", "_LIST_OR"} & set(row)
                    ):
                        continue
                    found = lexers[state].match(TextSlice.cast_from(phrase + tail), 0)
                    assert found == (phrase, terminal), (state, phrase + tail, found)
                    checked += 1
    assert checked > 5000


@pytest.mark.parametrize(
    "prefix",
    [
        "aturan A: pegawai wajib bekerja pada Senin",
        "aturan A: pegawai wajib bekerja pada hari kerja, Senin",
        "aturan A: pegawai wajib bekerja pada Senin dan hari Rabu",
        "aturan A: pegawai dapat bekerja dari rumah pada setiap hari Jumat",
    ],
)
def test_where_to_and_until_meet_to_is_followed_by_a_day_name(prefix: str) -> None:
    """§3.9: after a day name in a rule's time part both `TO` (a day range) and `UNTIL` (an
    end date) may come; `UNTIL` needs a digit next, and `TO` there leads only to a day name,
    which never starts with a digit."""
    interactive = parser("id").parse_interactive(prefix)
    interactive.exhaust_lexer()
    assert {"TO", "UNTIL"} <= interactive.accepts()
    interactive.feed_token(Token("TO", "sampai"))
    days = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"}
    assert interactive.accepts() == days


def tokens(text: str, language: str = "id") -> list[tuple[str, str]]:
    """The tokens of a sentence as the contextual lexer reads them while parsing."""
    found: list[tuple[str, str]] = []

    def keep(token: Token) -> Token:
        found.append((token.type, str(token)))
        return token

    for token in parser(language).parse_interactive(text).iter_parse():
        keep(token)
    return found


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ('aturan A: pegawai yang kinerjanya "baik" dapat bekerja.', "kinerjanya", "NAME_NYA"),
        (
            'aturan A: pegawai yang kinerjanya paling rendah "baik" dapat bekerja.',
            "kinerjanya",
            "NAME_NYA",
        ),
        ("aturan A: pegawai yang punya anak dapat bekerja.", "punya", "WORD"),
        ("aturan A: pegawai yang hanya dapat bekerja.", "hanya", "WORD"),
        ("aturan A: pegawai yang keterangan lainnya wajib bekerja.", "lainnya", "WORD"),
    ],
)
def test_nya_is_a_possessive_only_before_a_comparison(
    sentence: str, word: str, expected: str
) -> None:
    found = dict((text, kind) for kind, text in tokens(sentence))
    assert found[word] == expected


def test_list_or_separates_values_but_not_between() -> None:
    """`_LIST_OR` before a quote or a digit in a value list; `dan` alone before a digit stays
    `AND` (it would break `antara 9 dan 12`)."""
    listed = tokens(
        "aturan A: pegawai yang golongannya salah satu dari 9, 10, atau 11 dapat bekerja."
    )
    assert ("_LIST_OR", ", atau") in listed or any(k == "_LIST_OR" for k, _ in listed) is False
    kinds = [kind for kind, _ in listed]
    assert kinds.count("NUMBER") == 3
    between = tokens("aturan A: pegawai yang golongannya antara 9 dan 12 dapat bekerja.")
    assert ("AND", "dan") in between


def test_sampai_is_to_before_a_day_and_until_before_a_date() -> None:
    """T23: `pada Senin sampai Kamis sampai dengan 31 Desember 2025`."""
    found = tokens(
        "aturan T23: petugas wajib berada di kantor antara pukul 08.00 dan 12.00 pada Senin "
        "sampai Kamis sampai dengan 31 Desember 2025."
    )
    assert ("TO", "sampai") in found
    assert ("UNTIL", "sampai dengan") in found
    hours = tokens("jam layanan: Senin sampai Kamis 08.00 sampai 15.00.")
    assert [kind for kind, text in hours if text == "sampai"] == ["TO", "TO"]


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("jam x: Senin 08.00 s.d. 11.30.", 1),
        ("aturan A: pegawai wajib bekerja paling sedikit 7,5 jam per hari kerja.", 1),
        ("jam x: Senin 08.00 sampai 11.30. jam y: Selasa 08.00 sampai 09.00.", 2),
    ],
)
def test_sentences_split_where_they_end(text: str, ends: int) -> None:
    bounds, _ = _split(text)
    sentences = [text[start:end].strip() for start, end, _ in bounds if text[start:end].strip()]
    assert len(sentences) == ends
    assert all(sentence.endswith(".") for sentence in sentences)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_openers_are_the_first_set_of_each_grammar(language: str) -> None:
    assert parser(language).parse_interactive("").accepts() == set(OPENERS[language])


def test_the_two_opener_sets_are_disjoint() -> None:
    english = {
        p.casefold()
        for t in parser("en").parse_interactive("").accepts()
        for p in keywords.ENGLISH.get(t, ())
    }
    ours = {
        p.casefold()
        for t in parser("id").parse_interactive("").accepts()
        for p in indonesian.INDONESIAN.get(t, ())
    }
    assert english and ours and not english & ours
    assert {"kebijakan", "aturan", "jam", "pola jam", "tanggal", "pegawai memiliki"} <= ours
    for language, pattern in openers().items():
        assert pattern.pattern, language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("# Kebijakan kerja.\n\naturan R1: pegawai dapat berada di kantor.\n", "id"),
        ("# a comment\nrule R1: employees may be on-site.\n", "en"),
        ("   \n", "en"),
        ("kelompok a: pegawai.\nrule R1: employees may be on-site.\n", "id"),
        ("Hari Kerja: Senin sampai Jumat.\n", "id"),
        ("HOURS x: Monday 08:00 to 09:00.\n", "en"),
    ],
)
def test_a_file_s_language_is_its_first_sentence_s(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_a_forced_language_wins() -> None:
    text = "aturan R1: pegawai dapat berada di kantor.\n"
    file, problems = parse_file(SourceFile("a.rules", text), "en")
    assert file.language == "en" and [p.code for p in problems] == ["wrong-language"]
    assert flexrules.compile_policy(text, language="id").language == "id"
    with pytest.raises(flexrules.PolicyError):
        flexrules.compile_policy(text, language="en")
    for call in (
        lambda: flexrules.compile_policy(text, language="ms"),
        lambda: flexrules.load_policy("examples/id/disdukcapil.rules", language="fr"),
    ):
        with pytest.raises(ValueError, match="language must be 'en' or 'id'"):
            call()


def test_a_pickled_policy_keeps_its_forced_language() -> None:
    import pickle

    text = "# no opener here\n"
    policy = flexrules.compile_policy(text, language="id")
    assert pickle.loads(pickle.dumps(policy)).language == "id"


@pytest.mark.parametrize(
    ("declaration", "warned"),
    [
        ("kelompok staf yang ditugaskan: pegawai.", "staf yang ditugaskan"),
        ("kelompok setiap staf: pegawai.", "setiap staf"),
        ("kelompok pegawai administrasi: pegawai.", None),
        ("pegawai memiliki: tidak disiplin: ya atau tidak.", "tidak disiplin"),
        ("pegawai memiliki: `tidak disiplin`: ya atau tidak.", None),
        ("pola jam jam dinas pada pagi: Senin 08.00 sampai 12.00.", "jam dinas pada pagi"),
        ("group staff who are on call: employees.", "staff who are on call"),
        ("group staf yang ditugaskan: employees.", None),
    ],
)
def test_reserved_words_are_those_of_the_file_s_language(
    declaration: str, warned: str | None
) -> None:
    """A name is checked against the reserved words of the language it is declared in
    (LANGUAGE-ID.md §3.8): `yang` ends a group name in Indonesian, not in English."""
    policy = flexrules.compile_policy(declaration + "\n")
    found = [d.span.text for d in policy.diagnostics if d.code == "reserved-word" and d.span]
    assert found == ([warned] if warned else [])


# ---- generated policies --------------------------------------------------------------------


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(id_strategies.policies())
def test_generated_indonesian_policies_lower_like_their_english_twins(
    pair: tuple[str, str],
) -> None:
    """Policies drawn in both languages at once (tests/support/id_strategies.py: the spellings
    LANGUAGE-ID.md accepts, keyword case, decorations) parse without error and lower to equal
    trees, and compile to the same rules with the same diagnostics' codes."""
    ours, theirs = pair
    indonesian, problems = parse_file(SourceFile("id.rules", ours))
    english, english_problems = parse_file(SourceFile("en.rules", theirs))
    assert problems == [] and english_problems == [], [p.render() for p in problems]
    assert (indonesian.language, english.language) == ("id", "en")
    assert indonesian.declarations == english.declarations
    outcomes = []
    for text in (ours, theirs):
        try:
            policy = flexrules.compile_policy(text)
        except flexrules.PolicyError as exc:
            outcomes.append(("errors", sorted(d.code for d in exc.diagnostics)))
        else:
            kinds = [(r.id, r.kind) for r in policy.rules]
            outcomes.append(("compiled", kinds, sorted(d.code for d in policy.diagnostics)))
    assert outcomes[0] == outcomes[1]


@pytest.mark.slow
def test_the_indonesian_grammar_text_is_the_same_in_every_process() -> None:
    """The parser's table cache is keyed by the grammar's digest: a text that changed with the
    hash seed (phrases ordered from a set) would build the tables afresh in every process."""
    import subprocess
    import sys

    script = (
        "import hashlib; from flexrules.language.parser import grammar_text; "
        "print(hashlib.sha256(grammar_text('id').encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**__import__("os").environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1


def test_a_missing_period_is_found_at_an_indonesian_declaration_but_not_in_attributes() -> None:
    """The recovery that reads a lost `.` before the next declaration knows the Indonesian
    openers, at the start of a line: an indented attribute named `tanggal ...` or
    `kelompok ...` is no new declaration, so one typo costs one message."""
    text = (
        "pegawai memiliki:\n"
        "  unit kerja: tekss,\n"
        "  tanggal mulai menjabat: tanggal,\n"
        "  kelompok kerja: teks.\n"
        "aturan R1: pegawai dapat berada di kantor\n"
        "aturan R2: pegawai dapat bekerja dari rumah.\n"
    )
    with pytest.raises(flexrules.PolicyError) as caught:
        flexrules.compile_policy(text)
    found = [(d.code, d.line, d.span.text if d.span else None) for d in caught.value.diagnostics]
    assert found == [("syntax", 2, "tekss"), ("missing-period", 5, "r")]


@pytest.mark.parametrize(
    ("text", "under", "hint"),
    [
        (
            "rule R1: employees wajib be on-site.\n",
            "wajib",
            "`wajib` is a Bahasa Indonesia keyword; in this file write `must`",
        ),
        (
            "aturan R1: pegawai dapat work from home.\n",
            "work",
            "`work from home` adalah kata kunci bahasa Inggris; dalam berkas ini tulis "
            "`bekerja dari rumah`",
        ),
        ("aturan R1: pegawai must berada di kantor.\n", "must", "maksud Anda `wajib`?"),
    ],
)
def test_the_other_language_s_keyword_is_named_with_this_file_s(
    text: str, under: str, hint: str
) -> None:
    """LANGUAGE-ID.md §6.4: a keyword of the other language where one was expected gets its
    spelling in the file's language."""
    with pytest.raises(flexrules.PolicyError) as caught:
        flexrules.compile_policy(text)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "syntax"
    assert diagnostic.span is not None and diagnostic.span.text == under
    assert diagnostic.hint == hint
