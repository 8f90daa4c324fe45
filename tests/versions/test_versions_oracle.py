"""The set of versions against the independent oracle (tests/support/oracle_disdukcapil.py,
C17): three versions of the Disdukcapil example, with a day in force under none and a change
straight from one to the next, on the generated cases of the oracle tests. Each piece is
decided by the version in force on its local day, and a shift across a change combines them.

Version 1 is the example, from 2024-01-01 until 2025-03-31; no version is in force on
2025-04-01; version 2 leaves out R7 (on-site work is no longer permitted by itself), from
2025-04-02 until 2025-12-25; version 3 leaves out R5 (no remote work for administrative
staff), from 2025-12-26. The generator draws those days and nights across them on purpose.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from casegen import generate
from oracle_disdukcapil import OracleInputError, decide_versions

import flexrules
from flexrules.versions import compile_policies

EXAMPLE = (Path(__file__).resolve().parents[2] / "examples" / "disdukcapil.rules").read_text(
    encoding="utf-8"
)
ORACLE_VERSIONS = [
    (date(2024, 1, 1), date(2025, 3, 31), frozenset()),
    (date(2025, 4, 2), date(2025, 12, 25), frozenset({"R7"})),
    (date(2025, 12, 26), None, frozenset({"R5"})),
]


def _version(number: str, days: str, cut: tuple[str, str] | None = None) -> str:
    """The example in force on `days`, without the text from `cut[0]` up to `cut[1]`."""
    text = EXAMPLE.replace('version "2025.1"', f'version "{number}" effective from {days}')
    if cut is not None:
        first = text.index(cut[0])
        text = text[:first] + text[text.index(cut[1], first) :]
    return text


@pytest.fixture(scope="module")
def versions() -> flexrules.PolicySet:
    return compile_policies(
        [
            _version("1", "2024-01-01 until 2025-03-31"),
            _version("2", "2025-04-02 until 2025-12-25", ("rule R7:", "rule R8 ")),
            _version("3", "2025-12-26", ("rule R5 ", "rule R6:")),
        ]
    )


def test_the_versions_read_as_the_oracle_has_them(versions: flexrules.PolicySet) -> None:
    assert [m.version for m in versions] == ["1", "2", "3"]
    assert [sorted(r.id for r in m.rules if r.id in ("R5", "R7")) for m in versions] == [
        ["R5", "R7"],
        ["R5"],
        ["R7"],
    ]


@pytest.mark.parametrize(
    "seed", [0, pytest.param(1, marks=pytest.mark.slow), pytest.param(2, marks=pytest.mark.slow)]
)
def test_the_set_agrees_with_the_oracle(versions: flexrules.PolicySet, seed: int) -> None:
    mismatches = []
    crossing = 0
    for employee, shift in generate(seed, 1000):
        try:
            expected = decide_versions(ORACLE_VERSIONS, employee, shift)
        except OracleInputError as exc:
            with pytest.raises(flexrules.InputError) as raised:
                versions.decide(employee, shift)
            assert raised.value.field == exc.field
            continue
        decision = versions.decide(employee, shift)
        crossing += hasattr(decision, "parts")
        actual = (decision.allowed, frozenset(r.rule for r in decision.reasons))
        if actual != expected:
            mismatches.append((employee, shift, expected, actual))
    assert not mismatches[:5], f"{len(mismatches)} mismatches, first: {mismatches[:3]}"
    assert crossing  # some shifts cross a change of version (or into the day with none)
