"""The message catalog (`flexrules.core.messages`): every entry complete and used, and values
written the same way wherever they appear."""

from __future__ import annotations

import datetime as dt
import re
from fractions import Fraction
from pathlib import Path

import pytest

from flexrules.core.messages import (
    CATALOG,
    COMPLETE,
    LANGUAGES,
    Clock,
    Count,
    Hours,
    Listing,
    Month,
    Ordinal,
    Text,
    Week,
    check_language,
    say,
    shown,
)
from flexrules.core.messages.catalog import placeholders

PACKAGE = Path(__file__).resolve().parents[2] / "flexrules"


def test_every_entry_is_written_in_every_complete_language_with_the_same_placeholders() -> None:
    for key, texts in CATALOG.items():
        assert set(COMPLETE) <= set(texts), key
        assert set(texts) <= set(LANGUAGES), key
        names = {language: placeholders(text) for language, text in texts.items()}
        assert len(set(map(frozenset, names.values()))) == 1, (key, names)


def test_every_entry_is_used_by_the_code() -> None:
    """A key appears as a string literal outside the catalog (a counted noun by its stem)."""
    source = "\n".join(
        path.read_text(encoding="utf-8")
        for path in PACKAGE.rglob("*.py")
        if "messages" not in path.parts
    )
    used = set(re.findall(r"\"([a-z_]+(?:\.[a-z_]+)+)\"", source))
    for key in CATALOG:
        stem = re.sub(r"\.(one|other)$", "", key)
        assert key in used or stem in used, f"`{key}` is in the catalog but nothing uses it"


def test_a_text_renders_its_values_and_nested_texts() -> None:
    text = Text(
        "limit.days.over",
        day=dt.date(2025, 7, 9),
        nth=Ordinal(3),
        unit=Text("unit.working_day"),
        activity=Text("activity.remote"),
        period=Text("period.week", week=Week(dt.date(2025, 7, 7))),
        bound=Fraction(5, 2),
        binds="",
    )
    assert text.render("en") == (
        "Wed 2025-07-09 is the 3rd working day of remote work in week 7-13 Jul 2025; "
        "at most 2.5 allowed"
    )
    assert str(text) == text.render()
    assert text == Text(text.key, **text.args) and text != Text("unit.day")


def test_an_unknown_key_or_language_is_refused() -> None:
    with pytest.raises(KeyError, match="no message `nope`"):
        Text("nope")
    with pytest.raises(ValueError, match="language must be `en` or `id`, not 'fr'"):
        check_language("fr")
    assert check_language(None) == "en" and check_language(None, "id") == "id"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (dt.date(2025, 7, 7), "Mon 2025-07-07"),
        (Week(dt.date(2025, 7, 28)), "28 Jul-3 Aug 2025"),
        (Week(dt.date(2025, 12, 29)), "29 Dec 2025-4 Jan 2026"),
        (Month(dt.date(2025, 2, 1)), "February 2025"),
        (Clock(9 * 3600), "09:00"),
        (Clock(24 * 3600), "24:00"),
        (Clock(14 * 3600 + 30), "14:00:30"),
        (Hours(27000), "7.5"),
        (Fraction(97, 4), "24.25"),
        (Fraction(58, 3), "19.33"),
        (30, "30"),
        (True, "yes"),
        (Ordinal(11), "11th"),
        (Ordinal(22), "22nd"),
        (Count(1, "noun.day"), "1 day"),
        (Count(0, "noun.day"), "0 days"),
        (Listing(["a", Text("left_out.leave")]), "a, leave"),
    ],
)
def test_values_are_written_one_way(value: object, text: str) -> None:
    assert shown(value, "en") == text


def test_a_value_a_message_cannot_show_is_a_type_error() -> None:
    assert say("limit.left_out", "en", day=dt.date(2025, 7, 9), why="x") == "Wed 2025-07-09 x"
    with pytest.raises(TypeError, match="cannot show a dict"):
        shown({}, "en")
