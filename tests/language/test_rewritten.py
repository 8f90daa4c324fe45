"""The `wrong-language` hint's rewriting (LANGUAGE-ID.md §6.3): a sentence in the other
language than its file's, written in the file's by the translator's own writer; it reads back,
alone, as the same tree, or there is no rewriting and the hint is the plain one."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from id_strategies import rules

from flexrules.core.source import SourceFile
from flexrules.language.parse import parse_file
from flexrules.language.rewritten import as_code, rewritten


def tree(text: str, language: str) -> object:
    file, diagnostics = parse_file(SourceFile("s.rules", text), language)
    assert not [d for d in diagnostics if d.is_error], [d.render() for d in diagnostics]
    return file.declarations


def test_a_sentence_is_rewritten_in_the_file_s_language() -> None:
    assert rewritten("rule N8: employees may work from home.", "en", "id") == (
        "aturan N8: pegawai dapat bekerja dari rumah."
    )
    assert rewritten(
        "aturan R1: pegawai dengan golongan minimal 9 harus hadir di kantor\n"
        "  pada Senin s.d. Kamis antara pukul 08.00 dan 12.00.",
        "id",
        "en",
    ) == (
        "rule R1: employees whose golongan is at least 9 must be on-site on Monday to Thursday"
        " between 08:00 and 12:00."
    )


def test_a_name_that_would_misread_is_backquoted() -> None:
    text = rewritten(
        "rule N9: employees may work remotely unless they are tidak aktif.", "en", "id"
    )
    assert text == "aturan N9: pegawai dapat bekerja jarak jauh kecuali mereka `tidak aktif`."
    assert text is not None and as_code(text) == f"`` {text} ``"
    assert as_code("aturan A: pegawai dapat berada di kantor.").count("`") == 2


def test_what_cannot_be_rewritten_alone_is_not() -> None:
    stray = 'employees have: kind: one of "a", "b", status: text, "c".'
    assert rewritten(stray, "en", "id") is None
    assert rewritten("rule N8 employees may.", "en", "id") is None


def test_the_hint_shows_the_rewriting_and_the_suggestion_holds_it() -> None:
    text = "aturan A: pegawai dapat berada di kantor.\nrule B: employees may work from home.\n"
    (found,) = parse_file(SourceFile("w.rules", text))[1]
    assert found.code == "wrong-language"
    assert found.suggestion == "aturan B: pegawai dapat bekerja dari rumah."
    assert found.hint is not None
    assert found.hint.endswith("(line 1); write: `aturan B: pegawai dapat bekerja dari rumah.`")


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(rules(1))
def test_every_generated_rule_is_rewritten_both_ways(pair: tuple[str, str]) -> None:
    """Each generated rule, written in either language, is rewritten in the other to a sentence
    that reads as the same tree there."""
    indonesian, english = pair
    into_indonesian = rewritten(english, "en", "id")
    into_english = rewritten(indonesian, "id", "en")
    assert into_indonesian is not None and into_english is not None
    assert tree(into_indonesian, "id") == tree(english, "en")
    assert tree(into_english, "en") == tree(indonesian, "id")
