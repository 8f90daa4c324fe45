"""docs/diagnostics-id.md tells the truth: each example, compiled as `contoh.rules`, gives the
code its section documents, rendered exactly as shown (LANGUAGE-ID.md §6.2, §8.3)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import flexrules
from flexrules.core.diagnostics import Diagnostic

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "diagnostics-id.md"
_SECTION = re.compile(r"^### `([a-z][a-z0-9-]*)`\n(.*?)(?=^##|\Z)", re.MULTILINE | re.DOTALL)
_BLOCK = re.compile(r"^```(rules|text)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def examples() -> list[tuple[str, str, str]]:
    found = []
    for code, body in _SECTION.findall(DOCUMENT.read_text(encoding="utf-8")):
        blocks = dict(_BLOCK.findall(body))
        found.append((code, blocks["rules"], blocks["text"].rstrip("\n")))
    return found


def diagnose(text: str) -> list[Diagnostic]:
    try:
        return list(flexrules.compile_policy({"contoh.rules": text}).diagnostics)
    except flexrules.PolicyError as exc:
        return list(exc.diagnostics)


@pytest.mark.parametrize(("code", "example", "rendered"), examples(), ids=lambda v: v[:20])
def test_each_example_renders_as_shown(code: str, example: str, rendered: str) -> None:
    found = [d for d in diagnose(example) if d.code == code]
    assert "\n\n".join(d.render() for d in found) == rendered


def test_the_page_covers_the_common_and_the_new_codes() -> None:
    documented = {code for code, _, _ in examples()}
    assert {
        "syntax",
        "unknown-group",
        "unknown-attribute",
        "unknown-hours",
        "type-mismatch",
        "bad-time",
        "bad-date",
        "missing-period",
        "duplicate-rule",
        "override-cycle",
        "reserved-word",
        "no-holidays",
        "wrong-language",
        "number-words",
        "zone-suffix",
        "decimal-comma",
    } <= documented
