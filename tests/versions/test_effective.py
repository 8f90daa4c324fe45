"""The `effective from ... until ...` header clause, in both languages."""

from __future__ import annotations

import datetime as dt

import pytest

import flexrules

ENGLISH = """\
policy "X" version "2" effective from 2025-06-01 until 2026-12-31.
rule r: employees may work from home.
"""
INDONESIAN = """\
kebijakan "X" versi "2" berlaku mulai 1 Juni 2025 sampai 31 Desember 2026.
aturan r: pegawai dapat bekerja dari rumah.
"""


@pytest.mark.parametrize("text", [ENGLISH, INDONESIAN])
def test_both_languages_read_the_same_days(text: str) -> None:
    policy = flexrules.compile_policy(text)
    assert policy.effective_from == dt.date(2025, 6, 1)
    assert policy.effective_until == dt.date(2026, 12, 31)
    meta = policy.metadata()
    assert (meta["effective_from"], meta["effective_until"]) == ("2025-06-01", "2026-12-31")
    assert not policy.in_force(dt.date(2025, 5, 31))
    assert policy.in_force(dt.date(2025, 6, 1)) and policy.in_force(dt.date(2026, 12, 31))
    assert not policy.in_force(dt.date(2027, 1, 1))


def test_open_ended_and_absent() -> None:
    open_ended = flexrules.compile_policy(
        'policy "X" effective from 2025-06-01.\nrule r: employees may work from home.\n'
    )
    assert open_ended.effective_until is None
    assert open_ended.in_force(dt.date(2099, 1, 1))
    plain = flexrules.compile_policy('policy "X".\nrule r: employees may work from home.\n')
    assert plain.effective_from is None and plain.in_force(dt.date(1900, 1, 1))
    assert "effective_from" not in plain.metadata()


def test_until_before_from_is_an_error() -> None:
    with pytest.raises(flexrules.PolicyError) as caught:
        flexrules.compile_policy(
            'policy "X" effective from 2025-06-01 until 2025-05-01.\n'
            "rule r: employees may work from home.\n"
        )
    assert [d.code for d in caught.value.diagnostics] == ["empty-range"]


def test_clause_twice_is_an_error() -> None:
    with pytest.raises(flexrules.PolicyError) as caught:
        flexrules.compile_policy(
            'policy "X" effective from 2025-06-01 effective from 2025-07-01.\n'
            "rule r: employees may work from home.\n"
        )
    assert [d.code for d in caught.value.diagnostics] == ["duplicate-clause"]


def test_fmt_writes_the_clause_back() -> None:
    from flexrules.authoring.formatting import format_text

    written = format_text(ENGLISH).text
    assert written is not None and "effective from 2025-06-01 until 2026-12-31." in written
    again = flexrules.compile_policy(written)
    assert (again.effective_from, again.effective_until) == (
        dt.date(2025, 6, 1),
        dt.date(2026, 12, 31),
    )
