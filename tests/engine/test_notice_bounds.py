"""`misspelled_keys` skips keys too long to be close to any missing name (so a key of megabytes
costs nothing): the warnings are exactly those of comparing every key, held by hypothesis."""

from __future__ import annotations

import difflib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flexrules.engine.facts import attribute_keys
from flexrules.engine.notices import CUTOFF, ENGINE_KEYS, misspelled_keys

NAMES = ["job type", "grade", "performance", "position start", "on probation", "unit"]


def every_key_compared(given: dict[str, object], missing: list[str]) -> list[tuple[str, str]]:
    known = set(ENGINE_KEYS) | {k.casefold() for n in NAMES for k in attribute_keys(n)}
    lacking = {key: name for name in missing for key in attribute_keys(name)}
    found = []
    for key in given:
        if key.casefold() in known or key in known:
            continue
        close = difflib.get_close_matches(key.casefold(), list(lacking), 1, CUTOFF)
        if close:
            found.append((key, lacking[close[0]]))
    return found


_PIECES = st.sampled_from(["job", " ", "type", "grade", "perf", "ormance", "x", "_", "-", "ß", "İ"])
_KEYS = st.lists(_PIECES, min_size=1, max_size=40).map("".join)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(
    keys=st.lists(_KEYS, max_size=6, unique=True),
    missing=st.lists(st.sampled_from(NAMES), unique=True),
)
def test_long_keys_are_skipped_without_changing_a_warning(
    keys: list[str], missing: list[str]
) -> None:
    given = dict.fromkeys(keys, 1)
    warnings = misspelled_keys(given, NAMES, missing)
    assert [(w.field, w.suggestion) for w in warnings] == every_key_compared(given, missing)
