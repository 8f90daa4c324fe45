"""Golden diagnostics: small broken policies and the text `PolicyError` renders for them.

Each case in tests/golden/diagnostics/ is a policy file `NAME.rules`, or a folder `NAME/` of
`.rules` files that form one policy. The case is compiled (as `NAME.rules`, or with file names
`NAME/FILE.rules`) and everything it reports, errors and warnings, rendered as `str(PolicyError)`
renders it, is compared with `NAME.txt` (empty for a clean policy).

After a deliberate change to messages, regenerate the expected files with

    FLEXRULES_UPDATE_GOLDEN=1 python -m pytest tests/language/test_golden_diagnostics.py

then read every changed `.txt` by eye before committing: each caret must sit under the text
at fault, and each hint must tell the author what to write.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import flexrules
from flexrules.core.errors import PolicyError

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "diagnostics"
UPDATE = os.environ.get("FLEXRULES_UPDATE_GOLDEN") == "1"


def cases() -> list[str]:
    names = [p.stem for p in GOLDEN.glob("*.rules")]
    names += [p.name for p in GOLDEN.iterdir() if p.is_dir()]
    return sorted(names)


def sources(name: str) -> dict[str, str]:
    """The case's files by the names they are compiled under."""
    single = GOLDEN / f"{name}.rules"
    if single.is_file():
        return {f"{name}.rules": single.read_text(encoding="utf-8")}
    folder = GOLDEN / name
    return {
        f"{name}/{path.name}": path.read_text(encoding="utf-8")
        for path in sorted(folder.glob("*.rules"))
    }


def render(name: str) -> str:
    """What an author sees for the case: the rendered diagnostics, or nothing."""
    try:
        policy = flexrules.compile_policy(sources(name))
    except PolicyError as exc:
        return str(exc) + "\n"
    if not policy.diagnostics:
        return ""
    return str(PolicyError(policy.diagnostics)) + "\n"


@pytest.mark.parametrize("name", cases())
def test_golden(name: str) -> None:
    """The case renders exactly its expected diagnostics."""
    expected_path = GOLDEN / f"{name}.txt"
    actual = render(name)
    if UPDATE:
        expected_path.write_text(actual, encoding="utf-8")
    assert expected_path.is_file(), f"no {expected_path.name}: run with FLEXRULES_UPDATE_GOLDEN=1"
    assert actual == expected_path.read_text(encoding="utf-8")


def test_corpus_is_large_enough() -> None:
    """The corpus holds at least 30 broken policies."""
    broken = [
        name
        for name in cases()
        if (GOLDEN / f"{name}.txt").is_file()
        and (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    ]
    assert len(broken) >= 30


def test_no_orphan_expectations() -> None:
    """Every expected `.txt` belongs to a case."""
    assert sorted(p.stem for p in GOLDEN.glob("*.txt")) == cases()


def test_every_error_code_of_the_checks_has_a_case() -> None:
    """Together, the cases show every code the checks and the parser emit for policy text."""
    shown = "\n".join(p.read_text(encoding="utf-8") for p in GOLDEN.glob("*.txt"))
    for code in (
        "syntax",
        "missing-period",
        "unfinished-sentence",
        "unknown-group",
        "unknown-attribute",
        "unknown-hours",
        "not-hours",
        "unknown-rule",
        "duplicate-name",
        "duplicate-rule",
        "override-cycle",
        "group-cycle",
        "not-a-flag",
        "type-mismatch",
        "value-not-allowed",
        "not-ordered",
        "not-a-date",
        "bad-ago",
        "empty-range",
        "empty-span",
        "bad-time",
        "bad-date",
        "bad-percent",
        "bad-count",
        "bad-amount",
        "misplaced-except-holidays",
        "repeated-value",
        "stray-value",
        "duplicate-header",
        "duplicate-clause",
        "unknown-timezone",
        "duplicate-declaration",
        "bad-working-days",
        "duplicate-holiday",
        "unused-declaration",
        "reserved-word",
        "bad-statement",
        "too-many-errors",
        "too-many-warnings",
        "invisible-character",
        "unusual-space",
        "mixed-script",
        "confusable-name",
        "policy-too-large",
    ):
        assert f"[{code}]" in shown, code
