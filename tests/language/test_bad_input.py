"""Hostile and odd input: junk, bad encodings, huge files, deep nesting, endless sentences.

Each gives `flexrules.PolicyError` with a message that says what is wrong, or a valid policy;
never any other exception. Given as str, as bytes, and as files on disk.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import flexrules
from flexrules.language.parser import MAX_DIAGNOSTICS_PER_FILE, MAX_FILE_CHARS, MAX_NESTING
from flexrules.language.sources import MAX_POLICY_CHARS

DECLARATIONS = (
    "employees have: unit: text, grade: number, on probation: yes or no, start: date.\n"
    "group staff: employees whose grade is at least 1.\n"
)
VALID_RULE = "rule R1: staff who are not on probation may work from home.\n"


def outcome(
    source: str | bytes | dict[str, str | bytes],
) -> flexrules.Policy | flexrules.PolicyError:
    """The policy, or the PolicyError raised; any other exception fails the test."""
    try:
        return flexrules.compile_policy(source, filename="input.rules")
    except flexrules.PolicyError as error:
        assert error.errors, "a PolicyError must hold at least one error"
        assert str(error)  # renders, carets and all
        return error


def error_codes(source: str | bytes) -> list[str]:
    result = outcome(source)
    assert isinstance(result, flexrules.PolicyError), "expected the policy to be rejected"
    return [d.code for d in result.errors]


def only_error(source: str | bytes) -> flexrules.Diagnostic:
    result = outcome(source)
    assert isinstance(result, flexrules.PolicyError), "expected the policy to be rejected"
    assert len(result.errors) == 1, [d.message for d in result.errors]
    return result.errors[0]


def load(
    tmp_path: Path, data: bytes, name: str = "policy.rules"
) -> flexrules.Policy | flexrules.PolicyError:
    path = tmp_path / name
    path.write_bytes(data)
    try:
        return flexrules.load_policy(path)
    except flexrules.PolicyError as error:
        assert error.errors
        assert str(error)
        return error


# ---- junk -------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_random_bytes(data: bytes) -> None:
    """Random bytes are rejected (or, by chance, accepted), never crash."""
    outcome(data)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_random_text(text: str) -> None:
    """Random text, surrogates and control characters included, never crashes."""
    # A lone surrogate cannot be UTF-8 encoded: see test_lone_surrogate_in_text.
    if any("\ud800" <= c <= "\udfff" for c in text):
        text = "".join(c for c in text if not "\ud800" <= c <= "\udfff")
    outcome(text)


@pytest.mark.parametrize("seed", range(5))
def test_large_binary_junk(seed: int, tmp_path: Path) -> None:
    """100 kB of random bytes: a diagnostic, as bytes and from a file."""
    data = random.Random(seed).randbytes(100_000)
    assert isinstance(outcome(data), flexrules.PolicyError)
    assert isinstance(load(tmp_path, data), flexrules.PolicyError)


def test_printable_junk_stops_after_many_errors() -> None:
    """A file of nonsense sentences reports a bounded number of errors, then stops."""
    rnd = random.Random(7)
    words = ["zzz", "(", ")", '"x"', "12", "::", "@", "must", "rule"]
    text = ". ".join(" ".join(rnd.choice(words) for _ in range(8)) for _ in range(2000)) + "."
    result = outcome(text)
    assert isinstance(result, flexrules.PolicyError)
    codes = [d.code for d in result.errors]
    assert codes.count("too-many-errors") == 1
    assert len(codes) <= MAX_DIAGNOSTICS_PER_FILE + 1


# ---- encodings and control characters -----------------------------------------------------

INVALID_UTF8 = [
    (b"\xff", 1, 1, "0xff"),
    (b'policy "x".\n# caf\xe9\n', 2, 6, "0xe9"),
    (b"rule R1: employees may work.\n\xc3\x28", 2, 1, "0xc3"),
    (b"rule R1: employees may work. \xe2\x82", 1, 30, "0xe2"),  # cut inside a character
    (b"\xc0\xaf", 1, 1, "0xc0"),  # an overlong encoding
    (b"\xff\xfer\x00u\x00l\x00e\x00", 1, 1, "0xff"),  # UTF-16
]


@pytest.mark.parametrize(("data", "line", "column", "byte"), INVALID_UTF8)
def test_invalid_utf8(data: bytes, line: int, column: int, byte: str, tmp_path: Path) -> None:
    """Bytes that are not UTF-8 are reported at the first bad byte, naming it."""
    for result in (outcome(data), load(tmp_path, data)):
        assert isinstance(result, flexrules.PolicyError)
        (diagnostic,) = result.errors
        assert diagnostic.code == "invalid-utf8"
        assert "not UTF-8" in diagnostic.message and byte in diagnostic.message
        assert (diagnostic.line, diagnostic.column) == (line, column)
        assert diagnostic.hint == "save the policy as UTF-8"


def test_utf8_byte_order_mark_and_crlf_are_accepted(tmp_path: Path) -> None:
    """A UTF-8 byte order mark and Windows line ends are fine."""
    data = b"\xef\xbb\xbf" + (DECLARATIONS + VALID_RULE).replace("\n", "\r\n").encode()
    for result in (outcome(data), load(tmp_path, data)):
        assert isinstance(result, flexrules.Policy)
        assert [r.id for r in result.rules] == ["R1"]


@pytest.mark.parametrize("convert", [str, str.encode], ids=["str", "bytes"])
def test_nul_bytes(convert: Callable[[str], str | bytes]) -> None:
    """A NUL is a control character, reported where it is."""
    text = DECLARATIONS + "rule R1: staff\x00 may work.\n"
    diagnostic = only_error(convert(text))
    assert diagnostic.code == "control-character"
    assert "U+0000" in diagnostic.message
    assert (diagnostic.line, diagnostic.column) == (3, 15)


def test_many_nul_bytes_are_reported_a_bounded_number_of_times() -> None:
    """A file full of NULs gives a bounded list of diagnostics."""
    codes = error_codes(b"\x00" * 100_000)
    assert set(codes) == {"control-character"}
    assert len(codes) <= MAX_DIAGNOSTICS_PER_FILE


@pytest.mark.parametrize("character", ["\x01", "\x07", "\x1b", "\x7f", "\x0c", "\x0b"])
def test_control_characters(character: str) -> None:
    """Other control characters are reported too, even inside comments and text."""
    for text in (f"# note {character}\n", f'policy "a{character}b".'):
        assert error_codes(text) == ["control-character"]


def test_unicode_spaces_and_letters() -> None:
    """Non-breaking spaces separate words; non-ASCII letters stand in names and text."""
    text = (
        "employees have: unité: text.\n"
        'rule R1:\u00a0employees whose unité is "Café"\u00a0may\u00a0work.\n'
    )
    result = outcome(text)
    assert isinstance(result, flexrules.Policy)


@pytest.mark.parametrize(
    "text",
    [
        DECLARATIONS + "# \ud800\n" + VALID_RULE,
        DECLARATIONS + 'rule R1 "\udfff": staff may work.',
    ],
)
def test_lone_surrogate_in_text(text: str) -> None:
    """A str holding a lone surrogate (not Unicode text) is rejected or accepted, no crash."""
    outcome(text)


# ---- size ---------------------------------------------------------------------------------


def _five_megabytes() -> str:
    rule = "rule R{}: staff who are not on probation may work from home on weekdays.\n"
    lines = [DECLARATIONS]
    size = len(DECLARATIONS)
    index = 0
    while size < 5 * 1024 * 1024:
        line = rule.format(index)
        lines.append(line)
        size += len(line)
        index += 1
    return "".join(lines)


@pytest.mark.slow
def test_five_megabyte_file(tmp_path: Path) -> None:
    """A file past the size limit gets one diagnostic naming the limit, not a long wait."""
    text = _five_megabytes()
    for result in (outcome(text), outcome(text.encode()), load(tmp_path, text.encode())):
        assert isinstance(result, flexrules.PolicyError)
        (diagnostic,) = result.errors
        assert diagnostic.code == "file-too-large"
        assert f"{MAX_FILE_CHARS:,}" in diagnostic.message
        assert diagnostic.hint == (
            "write rules for groups (`whose unit is one of ...`) rather than one rule per unit "
            "or person"
        )


def test_twenty_thousand_character_line_is_fine() -> None:
    """A valid sentence 20,000 characters long on one line compiles."""
    values = ", ".join(f'"unit {i}"' for i in range(1800))
    text = DECLARATIONS + f"rule R1: employees whose unit is one of {values} may work.\n"
    assert len(text.splitlines()[-1]) > 20_000
    result = outcome(text)
    assert isinstance(result, flexrules.Policy)


def test_twenty_thousand_character_junk_line() -> None:
    """A 20,000-character line of junk gives one syntax error, its shown line cut short."""
    text = DECLARATIONS + "rule R1: staff may work " + "zz " * 7000 + ".\n"
    diagnostic = only_error(text)
    assert diagnostic.code == "syntax"
    assert "found `zz`" in diagnostic.message
    assert len(diagnostic.render()) < 2000


def test_sentence_without_end_is_bounded() -> None:
    """A sentence that never ends, past the sentence limit, says so with a hint."""
    text = DECLARATIONS + "rule R1: staff may work if " + "their grade is 1 or " * 4000
    codes = error_codes(text)
    assert codes == ["sentence-too-long"]
    result = outcome(text)
    assert isinstance(result, flexrules.PolicyError)
    assert result.errors[0].hint == "did a sentence lose its closing `.`?"


# ---- nothing at all -----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "\n\n  \t\n", "# only a comment", "# one\n# two\n#\n"])
def test_empty_and_comment_only_files(text: str, tmp_path: Path) -> None:
    """A file with nothing to say is an empty policy, with the defaults."""
    for result in (outcome(text), outcome(text.encode()), load(tmp_path, text.encode())):
        assert isinstance(result, flexrules.Policy)
        assert result.rules == ()
        assert result.default == "deny"
        assert result.timezone == "Asia/Jakarta"


def test_byte_order_mark_alone(tmp_path: Path) -> None:
    """A UTF-8 byte order mark and nothing else is an empty policy."""
    for result in (outcome(b"\xef\xbb\xbf"), load(tmp_path, b"\xef\xbb\xbf")):
        assert isinstance(result, flexrules.Policy)
        assert result.rules == ()


def test_byte_order_mark_in_str() -> None:
    """Text that still starts with U+FEFF reads as if it did not."""
    result = outcome("\ufeff" + DECLARATIONS + VALID_RULE)
    assert isinstance(result, flexrules.Policy)


def test_empty_folder(tmp_path: Path) -> None:
    """A folder with no .rules files is an error that says so."""
    (tmp_path / "notes.txt").write_text("rule R1: employees may work.")
    with pytest.raises(flexrules.PolicyError) as raised:
        flexrules.load_policy(tmp_path)
    (diagnostic,) = raised.value.errors
    assert diagnostic.code == "no-policy-files"
    assert "holds no .rules files" in diagnostic.message


def test_missing_path(tmp_path: Path) -> None:
    """A path that does not exist is a FileNotFoundError naming it."""
    with pytest.raises(FileNotFoundError, match=r"nothing\.rules"):
        flexrules.load_policy(tmp_path / "nothing.rules")


def test_folder_with_broken_and_binary_files(tmp_path: Path) -> None:
    """A folder with a binary file, a broken file and a good one: every problem is reported."""
    (tmp_path / "good.rules").write_text(DECLARATIONS + VALID_RULE)
    (tmp_path / "binary.rules").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "broken.rules").write_text("rule R2: staff mst be on-site.\n")
    with pytest.raises(flexrules.PolicyError) as raised:
        flexrules.load_policy(tmp_path)
    codes = sorted(d.code for d in raised.value.errors)
    assert codes == ["invalid-utf8", "syntax"]
    files = sorted(Path(d.file or "").name for d in raised.value.errors)
    assert files == ["binary.rules", "broken.rules"]


def _rules(count: int, prefix: str) -> str:
    return "".join(
        f'rule {prefix}{i}: employees whose unit is "unit {i}" may work from home on Fridays.\n'
        for i in range(count)
    )


def _never_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(source: object) -> None:
        raise AssertionError("a policy over the size limit was parsed")

    monkeypatch.setattr("flexrules.language.parse.parse_source", refuse)


def test_folder_over_the_total_size_limit_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Five files each under the per-file limit but over it together (issue 13: 50,000 rules
    over 5 files compiled into 475 MB) are refused with one diagnostic, before any parsing."""
    folder = tmp_path / "big"
    folder.mkdir()
    for index in range(5):
        (folder / f"part{index}.rules").write_text(_rules(10_000, f"P{index}R"))
    sizes = [path.stat().st_size for path in folder.iterdir()]
    assert all(size < MAX_FILE_CHARS for size in sizes) and sum(sizes) > MAX_POLICY_CHARS
    _never_parsed(monkeypatch)
    with pytest.raises(flexrules.PolicyError) as raised:
        flexrules.load_policy(folder)
    (diagnostic,) = raised.value.diagnostics
    assert diagnostic.render() == (
        f"error[policy-too-large]: the 5 files of this policy have {sum(sizes):,} characters "
        f"together; a policy may have at most {MAX_POLICY_CHARS:,}\n"
        f"  --> {folder}\n"  # as given: a path a person can open
        " = help: write rules for groups (`whose unit is one of ...`) rather than one rule per "
        "unit or person"
    )


def test_texts_over_the_total_size_limit_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same limit holds for a folder held in memory, text or bytes."""
    texts: dict[str, str | bytes] = {
        "policy/a.rules": "employees have: unit: text.\n" + _rules(15_000, "A"),
        "policy/b.rules": _rules(15_000, "B").encode(),
    }
    _never_parsed(monkeypatch)
    with pytest.raises(flexrules.PolicyError) as raised:
        flexrules.compile_policy(texts)
    (diagnostic,) = raised.value.diagnostics
    assert diagnostic.code == "policy-too-large"
    assert diagnostic.file == "policy"


def test_folder_far_over_the_limit_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files whose sizes on disk alone are over four bytes a character of the limit are
    refused without being read."""
    for name in ("a.rules", "b.rules"):
        with (tmp_path / name).open("wb") as stream:
            stream.truncate(MAX_POLICY_CHARS * 3)

    def refuse(path: Path) -> bytes:
        raise AssertionError("read")

    monkeypatch.setattr("flexrules.language.sources._read", refuse)
    with pytest.raises(flexrules.PolicyError) as raised:
        flexrules.load_policy(tmp_path)
    (diagnostic,) = raised.value.diagnostics
    assert diagnostic.message == (
        f"the 2 files of this policy have {MAX_POLICY_CHARS * 6:,} bytes together; a policy "
        f"may have at most {MAX_POLICY_CHARS:,} characters"
    )


def test_the_total_limit_counts_characters_not_bytes(tmp_path: Path) -> None:
    """Text of many two-byte letters can pass the limit in bytes and still be within it in
    characters: it is accepted, from disk and from memory."""
    comment = "# " + "é" * 998 + "\n"
    text = comment * 700  # 700,000 characters, 1.4 MB of UTF-8
    for name in ("a.rules", "b.rules"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert sum(p.stat().st_size for p in tmp_path.iterdir()) > MAX_POLICY_CHARS
    assert flexrules.load_policy(tmp_path).rules == ()
    assert flexrules.compile_policy({"a.rules": text.encode(), "b.rules": text}).rules == ()


def test_a_huge_file_is_read_only_as_far_as_the_limit(tmp_path: Path) -> None:
    """A 100 GB file (sparse) is refused after reading a few megabytes, not read whole."""
    path = tmp_path / "huge.rules"
    with path.open("wb") as stream:
        stream.truncate(100 * 1024**3)
    with pytest.raises(flexrules.PolicyError) as raised:
        flexrules.load_policy(path)
    (diagnostic,) = raised.value.diagnostics
    assert diagnostic.code == "file-too-large"
    assert diagnostic.message == (
        f"this file has more than {MAX_FILE_CHARS * 4:,} bytes; a policy file may have at most "
        f"{MAX_FILE_CHARS:,} characters"
    )


_WORDS = " ".join(["word"] * 4000)
_LONG = "x" * 20_000
_VALUE = '"' + "v" * 20_000 + '"'


@pytest.mark.parametrize(
    "text",
    [
        f"employees have: {_WORDS}: text, {_WORDS}: text.\n",
        f"group {_WORDS} or more: employees.\nrule R1: `{_WORDS} or more` may work.\n",
        f'employees have: r: text, {_VALUE}.\nrule R1: employees whose r is "a" may work.\n',
        f"employees have: j: one of {_VALUE}, {_VALUE}.\n",
        f"group {_WORDS}: {_WORDS}.\nrule R1: {_WORDS} may work.\n",
        f"rule {_LONG} overrides {_LONG}: employees may work.\n",
        f"rule {_LONG}: employees may work.\nrule {_LONG}: employees may work.\n",
        f"hours {_WORDS}: Monday 08:00 to 09:00.\ndates {_WORDS}: 2025-01-01.\n",
        f'policy "a" timezone {_LONG}.\n',
        f"employees have: {_WORDS}: number.\nrule R1: employees who are {_WORDS} may work.\n",
        f'rule R1: employees whose r is "{_LONG} may work.\n',
        f"rule R1: employees whose {_WORDS} is {_VALUE} or whose g is 2 must be on-site.\n",
    ],
    ids=lambda text: text[:30],
)
@pytest.mark.slow
def test_huge_names_and_values_give_bounded_diagnostics(text: str) -> None:
    """Names, ids and values of thousands of characters: every message and hint stays short,
    every rendering bounded (each was as long as the name, some twice)."""
    result = outcome(text)
    diagnostics = result.diagnostics
    assert diagnostics
    for diagnostic in diagnostics:
        assert len(diagnostic.message) <= 1_000 and len(diagnostic.hint or "") <= 1_000
        assert len(diagnostic.render()) < 3_000, diagnostic.render()[:300]


# ---- nesting ------------------------------------------------------------------------------


def test_two_thousand_nested_parentheses() -> None:
    """Parentheses nested far too deep are reported, not recursed into."""
    text = (
        DECLARATIONS
        + "rule R1: staff may work if "
        + "(" * 2000
        + "they are on probation"
        + ")" * 2000
        + ".\n"
    )
    diagnostic = only_error(text)
    assert diagnostic.code == "too-deep"
    assert f"at most {MAX_NESTING}" in diagnostic.message
    assert diagnostic.hint


def test_unbalanced_parentheses() -> None:
    """Thousands of opening parentheses with no closing ones: one bounded diagnostic."""
    assert error_codes(DECLARATIONS + "rule R1: staff may work if " + "(" * 5000 + ".") == [
        "too-deep"
    ]
    codes = error_codes(DECLARATIONS + "rule R1: staff may work if " + ")" * 5000 + ".")
    assert codes == ["syntax"]


def test_nesting_at_the_limit_is_accepted() -> None:
    """Parentheses exactly as deep as allowed are fine; one more is not."""

    def nested(depth: int) -> str:
        return (
            DECLARATIONS
            + "rule R1: staff may work if "
            + "(" * depth
            + "they are on probation"
            + ")" * depth
            + ".\n"
        )

    assert isinstance(outcome(nested(MAX_NESTING)), flexrules.Policy)
    assert error_codes(nested(MAX_NESTING + 1)) == ["too-deep"]


def test_many_nots() -> None:
    """A run of `not`s of moderate length compiles."""
    text = DECLARATIONS + "rule R1: staff may work if " + "not " * 100 + "they are on probation.\n"
    assert isinstance(outcome(text), flexrules.Policy)


def test_a_thousand_nots() -> None:
    """A thousand `not`s in a row: a diagnostic or a policy, never a RecursionError."""
    outcome(
        DECLARATIONS + "rule R1: staff may work if " + "not " * 1000 + "they are on probation.\n"
    )


def test_huge_ago_amount() -> None:
    """A 400-digit `ago` amount is rejected or compiled, never an OverflowError."""
    outcome(
        DECLARATIONS
        + "rule R1: employees whose start is less than "
        + "9" * 400
        + " days ago may work.\n"
    )


@pytest.mark.slow
@pytest.mark.parametrize("amount", ["9" * 400, "9" * 5000, "1." + "1" * 5000])
def test_huge_amounts(amount: str) -> None:
    """Numbers with thousands of digits in every numeric place never crash."""
    for rule in (
        f"employees must not work remotely more than {amount} days per week",
        f"employees must work at least {amount} hours per week",
        f"at least {amount} staff must be on-site",
        f"at most {amount}% of staff may work remotely per day",
        f"employees whose grade is at least {amount} may work",
        f"employees whose grade is between 1 and {amount} may work",
    ):
        outcome(DECLARATIONS + f"rule R1: {rule}.\n")


def test_long_names_and_lists() -> None:
    """A name of a thousand words and a subject with a thousand refinements compile."""
    long_name = " ".join(["alpha"] * 1000)
    text = (
        DECLARATIONS + f"group {long_name}: employees.\n"
        f"rule R1: {long_name} may work.\n"
        "rule R2: employees " + " and ".join(["whose grade is 1"] * 1000) + " may work.\n"
    )
    result = outcome(text)
    assert isinstance(result, flexrules.Policy)


@pytest.mark.slow
def test_a_long_chain_of_groups() -> None:
    """A thousand groups each made of the one before: compiled, never a RecursionError."""
    text = (
        DECLARATIONS
        + "group g0: employees.\n"
        + "".join(f"group g{i}: g{i - 1}.\n" for i in range(1, 1000))
        + "rule R1: g999 may work.\n"
    )
    assert isinstance(outcome(text), flexrules.Policy)


def test_a_long_cycle_of_groups() -> None:
    """A thousand groups in one cycle: reported as a cycle."""
    text = (
        DECLARATIONS
        + "group g0: g999.\n"
        + "".join(f"group g{i}: g{i - 1}.\n" for i in range(1, 1000))
        + "rule R1: g999 may work.\n"
    )
    assert isinstance(outcome(text), flexrules.PolicyError)


@pytest.mark.slow
def test_a_long_chain_of_overrides() -> None:
    """1,500 rules each overriding the one before: compiled, never a RecursionError."""
    text = (
        DECLARATIONS
        + "rule R0: staff may work.\n"
        + "".join(
            f"rule R{i} overrides R{i - 1}: staff may work from home if they are on probation.\n"
            for i in range(1, 1500)
        )
    )
    assert isinstance(outcome(text), flexrules.Policy)


# ---- many sentences -----------------------------------------------------------------------


def test_a_hundred_thousand_empty_sentences() -> None:
    """A hundred thousand stray periods: a bounded list of errors."""
    codes = error_codes("." * 100_000)
    assert codes.count("too-many-errors") == 1
    assert len(codes) == MAX_DIAGNOSTICS_PER_FILE + 1


@pytest.mark.slow
def test_a_hundred_thousand_comment_lines() -> None:
    """A hundred thousand comment lines are an empty policy."""
    result = outcome("# a comment. (with punctuation\n" * 60_000)
    assert isinstance(result, flexrules.Policy)
    assert result.rules == ()


@pytest.mark.slow
def test_thousands_of_valid_sentences(tmp_path: Path) -> None:
    """Two thousand rules load, in order, from text and from a file."""
    text = DECLARATIONS + "".join(
        f"rule R{i}: staff who are not on probation may work from home on weekdays.\n"
        for i in range(2000)
    )
    for result in (outcome(text), load(tmp_path, text.encode())):
        assert isinstance(result, flexrules.Policy)
        assert len(result.rules) == 2000
        assert result.rules[-1].id == "R1999"


def test_thousands_of_duplicate_ids() -> None:
    """Every duplicate rule id is an error; a file reports the first 50 and says there are
    more, so the list (and its text) stays bounded."""
    text = DECLARATIONS + VALID_RULE * 300
    result = outcome(text)
    assert isinstance(result, flexrules.PolicyError)
    codes = [d.code for d in result.errors]
    assert codes == ["duplicate-rule"] * MAX_DIAGNOSTICS_PER_FILE + ["too-many-errors"]
    marker = result.errors[-1]
    assert marker.message == "more than 50 errors in this file; the rest are not shown"
    assert marker.line == 4 + MAX_DIAGNOSTICS_PER_FILE  # the first duplicate left out


def test_check_warnings_are_capped_per_file() -> None:
    """Warnings are capped like errors: the first 50 of a file, then one saying so."""
    attributes = ", ".join(f"a{i}: text" for i in range(120))
    result = outcome(f"employees have: {attributes}.\n")
    assert isinstance(result, flexrules.Policy)
    codes = [d.code for d in result.diagnostics]
    assert codes == ["unused-declaration"] * MAX_DIAGNOSTICS_PER_FILE + ["too-many-warnings"]


@pytest.mark.slow
def test_a_32_kilobyte_line_renders_to_a_bounded_text() -> None:
    """Thousands of mistakes on one 30 KB line (issue 13): at most 50 diagnostics, each shown
    as a window of its line, so the whole text stays small (it was 104 MB)."""
    values = ", ".join(f'"v{i}"' for i in range(3500))
    text = (
        'employees have: job type: one of "a", "b".\n'
        f"rule R1: employees whose job type is one of {values} may work.\n"
    )
    assert len(text) > 30_000
    result = outcome(text)
    assert isinstance(result, flexrules.PolicyError)
    assert len(result.diagnostics) == MAX_DIAGNOSTICS_PER_FILE + 1
    assert all(len(d.render()) < 1_000 for d in result.diagnostics)
    assert len(str(result)) < 50_000
