"""Invisible and look-alike text (issue 13): a character a reader cannot see, a space that is
not a space, a letter from another script. Each is reported, shown so it can be seen, with
the text meant; none lets a policy that looks right silently never match."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import flexrules
from flexrules.core.diagnostics import Severity

POLICY = (
    "employees have: role: text, grade: number.\n"
    'rule R1: employees whose role is "service desk" must be on-site.\n'
    "rule R2: employees whose grade is at least 9 may work from home.\n"
)
DESK = POLICY.index("desk")


def diagnostics(text: str) -> list[flexrules.Diagnostic]:
    try:
        return list(flexrules.compile_policy(text, filename="p.rules").diagnostics)
    except flexrules.PolicyError as error:
        return list(error.diagnostics)


def codes(text: str) -> list[str]:
    return [d.code for d in diagnostics(text)]


@pytest.mark.parametrize(
    ("character", "escaped", "name"),
    [
        ("\u200b", "\\u200b", "zero width space"),
        ("\u2066", "\\u2066", "left-to-right isolate"),
        ("\u202e", "\\u202e", "right-to-left override"),
        ("\u00ad", "\\u00ad", "soft hyphen"),
        ("\ufeff", "\\ufeff", "byte order mark"),
        ("\u2060", "\\u2060", "word joiner"),
        ("\U000e0041", "\\U000e0041", "tag latin capital letter a"),
        ("\u3164", "\\u3164", "hangul filler"),
    ],
)
def test_invisible_character_inside_a_text_is_an_error(
    character: str, escaped: str, name: str
) -> None:
    """Inside `"service desk"` (where it made R1 never match, and the policy check as ok), an
    invisible character is an error naming it, shown escaped with the caret under it."""
    text = POLICY[: DESK - 1] + character + POLICY[DESK - 1 :]
    with pytest.raises(flexrules.PolicyError) as raised:
        flexrules.compile_policy(text, filename="p.rules")
    (diagnostic,) = raised.value.diagnostics
    assert diagnostic.code == "invisible-character"
    assert diagnostic.message == (
        f"an invisible character (`{escaped}`, {name}) cannot stand in a policy"
    )
    assert (diagnostic.line, diagnostic.column) == (2, 42)
    rendered = diagnostic.render().splitlines()
    assert rendered[3] == (
        f'2 | rule R1: employees whose role is "service{escaped} desk" must be on-site.'
    )
    assert rendered[4] == "  | " + " " * 41 + "^" * len(escaped)


@pytest.mark.parametrize("where", ["name", "comment", "between words", "rule id"])
def test_invisible_character_anywhere_is_an_error(where: str) -> None:
    """In a name, a comment (where bidi controls hide code) or between words too."""
    texts = {
        "name": POLICY.replace("grade is", "gra\u200bde is"),
        "comment": POLICY + "# reviewed \u202e\u2066 by legal\n",
        "between words": POLICY.replace("may work", "may\u2060 work"),
        "rule id": POLICY.replace("R2", "R\u200d2"),
    }
    assert codes(texts[where]) == ["invisible-character"]


@settings(max_examples=60, deadline=None)
@given(
    st.characters(categories=["Cf"]),
    st.integers(0, len(POLICY)),
)
def test_every_format_character_is_refused(character: str, at: int) -> None:
    """Any character of Unicode category Cf, anywhere after the first, is refused."""
    assert unicodedata.category(character) == "Cf"
    text = POLICY[:at] + character + POLICY[at:]
    if at == 0 and character == "\ufeff":
        return  # a byte order mark that starts the text is dropped
    assert "invisible-character" in codes(text)


def test_a_leading_byte_order_mark_is_still_fine() -> None:
    """A byte order mark that starts a file is how some editors save UTF-8: it is dropped."""
    assert "invisible-character" not in codes("\ufeff" + POLICY)


@pytest.mark.parametrize("character", ["\u0085", "\u009b", "\u0080"])
def test_c1_control_characters_are_refused(character: str) -> None:
    """C1 control characters (U+0085 next line, U+009B a terminal's CSI) are control
    characters too, shown escaped."""
    (diagnostic,) = diagnostics(POLICY + f"# note {character}\n")
    assert diagnostic.code == "control-character"
    assert f"U+{ord(character):04X}" in diagnostic.message
    assert f"\\u{ord(character):04x}" in diagnostic.render()


@pytest.mark.parametrize(
    ("space", "name"),
    [
        ("\u00a0", "no-break space"),
        ("\u202f", "narrow no-break space"),
        ("\u2009", "thin space"),
        ("\u3000", "ideographic space"),
        ("\u2028", "line separator"),
    ],
)
def test_unusual_space_inside_a_text_is_a_warning(space: str, name: str) -> None:
    """A space other than U+0020 inside a text is a warning at its place; the policy loads."""
    text = POLICY.replace("service desk", f"service{space}desk")
    policy = flexrules.compile_policy(text, filename="p.rules")
    (diagnostic,) = policy.diagnostics
    assert diagnostic.code == "unusual-space"
    assert diagnostic.severity is Severity.WARNING
    escaped = f"\\u{ord(space):04x}"
    assert diagnostic.message == (
        f'the text `"service{escaped}desk"` holds a {name} (`{escaped}`), not a plain space'
    )
    assert diagnostic.hint == (
        "replace it with a plain space: a value typed with plain spaces never equals this text"
    )
    assert (diagnostic.line, diagnostic.column) == (2, 42)


def test_unusual_space_between_words_is_white_space() -> None:
    """Outside quotes a no-break space separates words like any white space: no warning."""
    text = POLICY.replace("may work", "may\u00a0work").replace("whose role", "whose\u2003role")
    assert flexrules.compile_policy(text).diagnostics == ()


def test_name_with_a_cyrillic_letter_beside_its_latin_twin() -> None:
    """`grаde` (Cyrillic а) declared beside `grade`: a warning on the one that mixes scripts,
    naming the letter, suggesting the other."""
    text = (
        POLICY.replace("grade: number.", "grade: number, gr\u0430de: number.")
        + "rule R3: employees whose gr\u0430de is 9 may work.\n"
    )
    (diagnostic,) = diagnostics(text)
    assert diagnostic.code == "confusable-name"
    assert diagnostic.message == (
        "the employee attribute `gr\u0430de` looks like `grade` (line 1) but is another name"
    )
    assert diagnostic.hint == (
        "did you mean `grade`? (its `\u0430` is U+0430, cyrillic small letter a)"
    )
    assert diagnostic.suggestion == "grade"


def test_confusable_reports_the_mixed_one_even_when_declared_first() -> None:
    """Of two look-alike groups, the one that mixes scripts is reported, wherever it stands."""
    text = (
        "employees have: role: text.\n"
        'group \u0441lerks: employees whose role is "a".\n'
        'group clerks: employees whose role is "b".\n'
        "rule R1: clerks may work.\nrule R2: \u0441lerks may work.\n"
    )
    (diagnostic,) = diagnostics(text)
    assert (diagnostic.code, diagnostic.line, diagnostic.suggestion) == (
        "confusable-name",
        2,
        "clerks",
    )


def test_fullwidth_letters_look_like_their_ascii_twins() -> None:
    """`ｇrade` with a fullwidth `ｇ` is another name that looks like `grade`."""
    text = POLICY.replace("grade: number.", "grade: number, \uff47rade: number.") + (
        "rule R3: employees whose \uff47rade is 9 may work.\n"
    )
    assert codes(text) == ["confusable-name"]


def test_text_with_a_cyrillic_letter_is_a_warning() -> None:
    """`"sеrvice desk"` with a Cyrillic е never equals the data typed in Latin."""
    (diagnostic,) = diagnostics(POLICY.replace('"service desk"', '"s\u0435rvice desk"'))
    assert (diagnostic.code, diagnostic.suggestion) == ("mixed-script", '"service desk"')
    assert diagnostic.message == ('the text `"s\u0435rvice desk"` mixes Latin and Cyrillic letters')


def test_unknown_look_alike_name_says_which_letter() -> None:
    """A use of `grаde` where `grade` is declared: the did-you-mean names the letter."""
    (diagnostic,) = diagnostics(POLICY.replace("grade is at least", "gr\u0430de is at least"))
    assert diagnostic.code == "unknown-attribute"
    assert diagnostic.hint == (
        "did you mean `grade`? (its `\u0430` is U+0430, cyrillic small letter a)"
    )


@pytest.mark.parametrize(
    "text",
    [
        'employees have: kota: text.\nrule R1: employees whose kota is "Москва" may work.\n',
        'employees have: unit: text.\nrule R1: employees whose unit is "東京の支所" may work.\n',
        "employees have: unité: text, e-KTP: yes or no.\n"
        'rule R1: employees whose unité is "Café" may work if they are e-KTP.\n',
    ],
)
def test_one_script_per_word_is_fine(text: str) -> None:
    """Words each in one script, accents and Japanese mixes of kana and kanji included, are
    no warning."""
    assert flexrules.compile_policy(text).diagnostics == ()
