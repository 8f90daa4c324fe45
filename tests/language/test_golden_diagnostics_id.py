"""Golden diagnostics in Bahasa Indonesia: every case of tests/golden/diagnostics/, rendered with
its prose in Indonesian (`PolicyError.render("id")`, what `flexrules check --lang id` prints),
compared with tests/golden/diagnostics-id/NAME.txt.

The cases are English files, so the policy text inside the messages (keywords, examples to
write) stays English: that is the language their author writes in (LANGUAGE-ID.md §6.1).
Regenerate with

    FLEXRULES_UPDATE_GOLDEN=1 python -m pytest tests/language/test_golden_diagnostics_id.py

and read every changed file before committing. Cases written in Indonesian (`NAME.id.rules`,
once the Indonesian grammar reads them) go in tests/golden/diagnostics/ like any other case:
their diagnostics render in Indonesian by themselves.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_golden_diagnostics import cases, sources

import flexrules
from flexrules.core.errors import PolicyError
from flexrules.core.messages import Text

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "diagnostics-id"
UPDATE = os.environ.get("FLEXRULES_UPDATE_GOLDEN") == "1"


def diagnostics(name: str) -> tuple[flexrules.Diagnostic, ...]:
    try:
        return flexrules.compile_policy(sources(name)).diagnostics
    except PolicyError as exc:
        return exc.diagnostics


def render(name: str) -> str:
    found = diagnostics(name)
    return PolicyError(found).render("id") + "\n" if found else ""


@pytest.mark.parametrize("name", cases())
def test_golden_in_indonesian(name: str) -> None:
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
    """Labels, help and the closing count are Indonesian in every rendering."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in GOLDEN.glob("*.txt"))
    for english in ("error[", "warning[", "= help:", " found\n", "did you mean", "expected "):
        assert english not in text, english
