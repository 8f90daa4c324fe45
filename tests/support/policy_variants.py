"""The Disdukcapil example and variants of it that take the engine's other fast paths.

The engine remembers what an employee's facts mean in two parts when a rule depends on the
day (the other rules' once, the day-dependent ones' per day), and in one part otherwise; and
`decide_many` works a column at a time only when no rule depends on the day and none reads a
shift attribute. The example has both, so these variants drop them to exercise those paths on
the same generated cases (tests/support/casegen.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import flexrules

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "disdukcapil.rules"


def _cut(text: str, start: str, end: str) -> str:
    first = text.index(start)
    return text[:first] + text[text.index(end, first) :]


def example() -> flexrules.Policy:
    return flexrules.load_policy(EXAMPLE)


def without_relative_dates() -> flexrules.Policy:
    """No rule R3b, the one on relative dates."""
    text = _cut(EXAMPLE.read_text(encoding="utf-8"), "rule R3b", "rule R4 ")
    policy = flexrules.compile_policy(text)
    assert not policy._decider.day_dependent
    return policy


def without_shift_facts() -> flexrules.Policy:
    """No rule R3b, and no shift attribute (R6 without `if the shift is approved`)."""
    text = _cut(EXAMPLE.read_text(encoding="utf-8"), "rule R3b", "rule R4 ")
    text = _cut(text, "shifts have:", "\n\n")
    text = text.replace(" if the shift is approved.", ".")
    policy = flexrules.compile_policy(text)
    assert not policy._decider.day_dependent and not policy._decider.shift_slots
    return policy


VARIANTS: dict[str, Callable[[], flexrules.Policy]] = {
    "example": example,
    "no relative dates": without_relative_dates,
    "no relative dates, no shift facts": without_shift_facts,
}
