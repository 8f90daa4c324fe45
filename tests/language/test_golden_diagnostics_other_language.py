"""Golden diagnostics in the other language: every case of tests/golden/diagnostics/, rendered
with its prose in the language its files are not written in (`PolicyError.render(language)`,
what `flexrules check --lang` prints), compared with
tests/golden/diagnostics-other-language/NAME.txt. Together with the cases' own renderings,
every diagnostic of the corpus is shown in both languages.

English cases are read in Indonesian; Indonesian cases (`NAME.id.rules`, a folder `NAME-id/`)
in English. The policy text inside the messages (keywords, examples to write) stays in the
file's language: that is the language its author writes in (LANGUAGE-ID.md §6.1).
Regenerate with

    FLEXRULES_UPDATE_GOLDEN=1 python -m pytest \
        tests/language/test_golden_diagnostics_other_language.py

and read every changed file before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_golden_diagnostics import cases, sources

import flexrules
from flexrules.core.errors import PolicyError
from flexrules.core.messages import Text

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "diagnostics-other-language"
UPDATE = os.environ.get("FLEXRULES_UPDATE_GOLDEN") == "1"


def diagnostics(name: str) -> tuple[flexrules.Diagnostic, ...]:
    try:
        return flexrules.compile_policy(sources(name)).diagnostics
    except PolicyError as exc:
        return exc.diagnostics


def is_indonesian(name: str) -> bool:
    return name.endswith((".id", "-id"))


def render(name: str) -> str:
    found = diagnostics(name)
    other = "en" if is_indonesian(name) else "id"
    return PolicyError(found).render(other) + "\n" if found else ""


@pytest.mark.parametrize("name", cases())
def test_golden_in_the_other_language(name: str) -> None:
    expected_path = GOLDEN / f"{name}.txt"
    actual = render(name)
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        expected_path.write_text(actual, encoding="utf-8")
    assert expected_path.is_file(), f"no {expected_path.name}: run with FLEXRULES_UPDATE_GOLDEN=1"
    assert actual == expected_path.read_text(encoding="utf-8")


def test_no_orphan_expectations() -> None:
    assert sorted(p.stem for p in GOLDEN.glob("*.txt")) == cases()


@pytest.mark.parametrize("name", cases())
def test_every_message_and_hint_is_a_catalog_text(name: str) -> None:
    """No diagnostic of the corpus says anything that cannot be read in Indonesian."""
    for diagnostic in diagnostics(name):
        assert isinstance(diagnostic.said, Text), diagnostic.render()
        assert diagnostic.hinted is None or isinstance(diagnostic.hinted, Text), diagnostic.render()


def test_the_indonesian_renderings_keep_no_english_frame() -> None:
    """Labels, help and the closing count are Indonesian in every rendering of an English
    case, and English in every rendering of an Indonesian one."""
    for name in cases():
        text = (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
        english = ("error[", "warning[", "= help:", " found\n", "did you mean", "expected ")
        indonesian = ("kesalahan[", "peringatan[", "= saran:", "ditemukan\n", "maksud Anda")
        for word in indonesian if is_indonesian(name) else english:
            assert word not in text, (name, word)


def test_the_indonesian_corpus_covers_language_id_section_6() -> None:
    """LANGUAGE-ID.md §6: the twelve common diagnostics, the new codes and the traps each
    have an Indonesian case (tests/golden/diagnostics/*.id.rules)."""
    source = Path(__file__).resolve().parents[1] / "golden" / "diagnostics"
    shown = "\n".join(
        (source / f"{name}.txt").read_text(encoding="utf-8")
        for name in cases()
        if is_indonesian(name)
    )
    for code in (
        "unknown-hours",
        "unknown-attribute",
        "type-mismatch",
        "bad-time",
        "bad-date",
        "missing-period",
        "syntax",
        "duplicate-rule",
        "override-cycle",
        "unknown-group",
        "no-holidays",
        "wrong-language",
        "mixed-languages",
        "number-words",
        "zone-suffix",
        "decimal-comma",
        "bad-ago",
        "bad-statement",
    ):
        assert f"[{code}]" in shown, code
