"""Reserved words per kind of name: generated from the grammar, documented, and true."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lark import Token, Tree
from lark.exceptions import UnexpectedInput

from flexrules.language import keywords, reserved
from flexrules.language.parser import parser

DOCS = Path(__file__).resolve().parents[2] / "docs" / "language.md"

#: For each kind of name, a sentence in which NAME stands for a name of that kind.
SENTENCES = {
    "group": "rule R: NAME must be on-site.",
    "attribute": 'rule R: employees whose NAME is "x" may work.',
    "flag": "rule R: employees who are NAME must be on-site.",
    "span": "rule R: employees may work during NAME.",
    "declared": "group NAME: employees.",
}

#: Sentence beginnings that end right before a name, where authors write one of each kind.
PREFIXES = {
    "group": [
        "rule R: ",
        "group g: ",
        "group g: employees or ",
        "rule R: at least 2 ",
        "rule R: at most 30% of ",
    ],
    "attribute": [
        "rule R: employees whose ",
        "rule R: employees may work if their ",
        "rule R: employees may work if the shift's ",
        "rule R: at least 2 employees in each ",
    ],
    "flag": [
        "rule R: employees who are ",
        "rule R: employees who are not ",
        "rule R: employees may work if they are ",
        "rule R: employees may work if the shift is not ",
    ],
    "span": [
        "rule R: employees may work during ",
        "rule R: employees may work outside ",
        "rule R: employees must work within ",
    ],
    "declared": ["group ", "hours ", "dates ", "employees have: ", "shifts have: a: text, "],
}


def name_words(sentence: str, rule: str) -> list[str] | None:
    """The words of the outermost name of that kind in the parsed sentence, or None."""
    try:
        tree = parser().parse(sentence)
    except UnexpectedInput:
        return None
    names = list(tree.find_data(rule))
    if not names:
        return None
    outer = max(names, key=lambda t: len(list(t.scan_values(lambda v: isinstance(v, Token)))))
    return [str(token) for token in outer.scan_values(lambda v: isinstance(v, Token))]


def reads_as_name(kind: str, words: list[str]) -> bool:
    rule = reserved.reserved_words()[kind].kind.rule
    found = name_words(SENTENCES[kind].replace("NAME", " ".join(words)), rule)
    return found is not None and [w.casefold() for w in found] == [w.casefold() for w in words]


def test_docs_hold_exactly_the_generated_section() -> None:
    """docs/language.md holds the section `python -m flexrules.language.reserved` would write."""
    document = DOCS.read_text(encoding="utf-8")
    assert document.count(reserved.START_MARKER) == 1
    assert reserved.extract_section(document) == reserved.render_markdown()
    assert reserved.replace_section(document, reserved.render_markdown()) == document


def test_every_kind_of_name_in_the_grammar_is_covered() -> None:
    """Each rule of the grammar that reads a (possibly quoted) name is a documented kind."""
    name_rules = {
        str(r.origin.name)
        for r in parser().rules
        if any(symbol.name == "QUOTED_NAME" for symbol in r.expansion)
    }
    assert name_rules == {kind.rule for kind in reserved.NAME_KINDS}


@pytest.mark.parametrize(
    ("kind", "phrase", "where"),
    [
        ("group", "must", "after_first"),
        ("group", "may", "after_first"),
        ("group", "or", "after_first"),
        ("group", "whose", "after_first"),
        ("group", "who are", "after_first"),
        ("group", "in each", "after_first"),
        ("group", "employees", "start"),
        ("attribute", "is", "after_first"),
        ("flag", "and", "after_first"),
        ("flag", "not", "start"),
        ("span", "during", "after_first"),
        ("span", "if", "after_first"),
    ],
)
def test_known_reserved_words(kind: str, phrase: str, where: str) -> None:
    """Words that end a name (or take its place) are reserved for that kind."""
    words = reserved.reserved_words()[kind]
    assert phrase in (words.after_first if where == "after_first" else words.start)


@pytest.mark.parametrize(
    ("kind", "phrase"),
    [
        ("attribute", "on"),
        ("attribute", "in"),
        ("group", "who"),
        ("group", "in"),
        ("span", "hours"),
        ("flag", "on"),
        ("group", "on"),
        ("span", "window"),
    ],
)
def test_words_that_are_not_reserved(kind: str, phrase: str) -> None:
    """A keyword that cannot end a name of that kind is free inside it."""
    assert phrase not in reserved.reserved_words()[kind].after_first


def test_declared_names_reserve_nothing() -> None:
    words = reserved.reserved_words()["declared"]
    assert words.start == () and words.after_first == ()


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        ("flag", "on probation"),
        ("flag", "in special circumstances"),
        ("attribute", "on call"),
        ("attribute", "job type"),
        ("span", "office window"),
        ("span", "counter hours"),
        ("span", "service hours"),
        ("group", "staff who answer calls"),
        ("group", "people in charge"),
        ("group", "must know staff"),
    ],
)
def test_names_holding_keywords_parse(kind: str, name: str) -> None:
    """Names that hold keywords where those keywords cannot stand are read as names."""
    assert reads_as_name(kind, name.split())


def test_backquotes_protect_reserved_words() -> None:
    """A reserved word is allowed in backquotes; the backquotes are not part of the words."""
    assert name_words("rule R: on call or standby staff must be on-site.", "group_name") is None
    assert name_words("rule R: on call `or` standby staff must be on-site.", "group_name") == [
        "on",
        "call",
        "`or`",
        "standby",
        "staff",
    ]
    assert name_words("rule R: `on call or standby staff` must be on-site.", "group_name") == [
        "`on call or standby staff`"
    ]


def _plain_phrases() -> list[str]:
    """Every keyword phrase that can be written with word characters only."""
    return sorted(
        {
            p
            for spelled in keywords.ENGLISH.values()
            for p in spelled
            if re.fullmatch(r"[A-Za-z][\w\- ]*", p)
        }
    )


def _holds(words: list[str], phrase: str, start: int) -> bool:
    """Whether the phrase's words stand in `words` at some position from `start` on."""
    target = [w.casefold() for w in phrase.split()]
    folded = [w.casefold() for w in words]
    return any(folded[i : i + len(target)] == target for i in range(start, len(folded)))


@pytest.mark.parametrize("kind", list(SENTENCES))
def test_generated_lists_are_exact(kind: str) -> None:
    """For every keyword: a name breaks exactly when the generated list says it should.

    Each keyword is tried as the first word of a name and after its first word; the name must
    be read as written unless a reserved phrase stands there.
    """
    words = reserved.reserved_words()[kind]
    for phrase in _plain_phrases():
        for name in (["alpha", *phrase.split(), "omega"], [*phrase.split(), "omega"]):
            breaks = any(_holds(name[: len(p.split())], p, 0) for p in words.start) or any(
                _holds(name, p, 1) for p in words.after_first
            )
            assert reads_as_name(kind, name) is not breaks, (kind, name)


@pytest.mark.parametrize("kind", list(PREFIXES))
def test_interactive_parser_agrees(kind: str) -> None:
    """What the contextual lexer tries after sentence beginnings matches the generated sets."""
    words = reserved.reserved_words()[kind]
    at_start: set[str] = set()
    inside: set[str] = set()
    for prefix in PREFIXES[kind]:
        for text, found in (
            (prefix, at_start),
            (prefix + "alpha", inside),
            (prefix + "alpha beta", inside),
        ):
            interactive = parser().parse_interactive(text)
            interactive.exhaust_lexer()
            found |= {t for t in interactive.choices() if t in keywords.ENGLISH}
            # what the parser accepts is always among what the lexer tries
            assert {t for t in interactive.accepts() if t in keywords.ENGLISH} <= found
    assert at_start <= words.start_terminals
    assert inside == words.after_first_terminals


def test_render_markdown_is_a_table_between_markers() -> None:
    text = reserved.render_markdown()
    assert text.startswith(reserved.START_MARKER)
    assert text.rstrip().endswith(reserved.END_MARKER)
    for kind in reserved.NAME_KINDS:
        assert f"| {kind.title} |" in text


def test_main_rewrites_only_the_section(tmp_path: Path) -> None:
    """`python -m flexrules.language.reserved FILE` replaces the section, leaving the rest."""
    document = tmp_path / "language.md"
    document.write_text(
        f"# Title\n\nbefore\n\n{reserved.START_MARKER}\nstale\n{reserved.END_MARKER}\n\nafter\n",
        encoding="utf-8",
    )
    assert reserved.main([str(document)]) == 0
    text = document.read_text(encoding="utf-8")
    assert text == f"# Title\n\nbefore\n\n{reserved.render_markdown()}\nafter\n"
    assert reserved.main([str(document)]) == 0
    assert document.read_text(encoding="utf-8") == text


def test_parse_tree_names_are_trees() -> None:
    """The helper above reads names from the tree the shared parser builds."""
    tree = parser().parse("rule R: employees who are on probation must be on-site.")
    assert isinstance(tree, Tree)
    assert name_words("rule R: employees who are on probation must be on-site.", "flag_name") == [
        "on",
        "probation",
    ]
