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
    Date,
    Exact,
    Hours,
    Listing,
    Month,
    Ordinal,
    Text,
    Week,
    Weekday,
    Zone,
    check_language,
    chosen_language,
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
    """A key appears as a string literal outside the catalog (a counted noun by its stem), or
    as a `{code_NAME}` placeholder of a template for the policy text `code.NAME`."""
    source = "\n".join(
        path.read_text(encoding="utf-8")
        for path in PACKAGE.rglob("*.py")
        if "messages" not in path.parts
    )
    used = set(re.findall(r"\"([a-z_]+(?:\.[a-z_]+)+)\"", source))
    # policy text a template names as `{code_NAME}` is the entry `code.NAME`
    templates = "\n".join(text for texts in CATALOG.values() for text in texts.values())
    used |= {f"code.{name}" for name in re.findall(r"\{code_([a-z_]+)\}", templates)}
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


def test_limit_messages_read_as_language_id_section_5_5_writes_them() -> None:
    """The four limit kinds of LANGUAGE-ID.md §5.5, in both languages, from one text each."""
    week = Text("period.week", week=Week(dt.date(2025, 7, 7)))
    cases = [
        (
            Text(
                "limit.days.over",
                day=dt.date(2025, 7, 9),
                nth=Ordinal(3),
                unit=Text("unit.working_day"),
                activity=Text("activity.remote"),
                period=week,
                bound=2,
                binds="",
            ),
            "Wed 2025-07-09 is the 3rd working day of remote work in week 7-13 Jul 2025; "
            "at most 2 allowed",
            "Rabu 9 Juli 2025 adalah hari kerja ke-3 dengan kerja jarak jauh dalam minggu "
            "7-13 Juli 2025; paling banyak 2 diizinkan",
        ),
        (
            Text(
                "limit.hours.over", hours=Hours(149400), period=week, bound=Hours(144000), binds=""
            ),
            "41.5 hours worked in week 7-13 Jul 2025; at most 40 allowed",
            "41,5 jam kerja dalam minggu 7-13 Juli 2025; paling banyak 40 diizinkan",
        ),
        (
            Text(
                "limit.days.short",
                days=Count(1, "noun.day"),
                activity=Text("activity.on_site"),
                period=week,
                bound=3,
                binds="",
            ),
            "1 day of on-site work in week 7-13 Jul 2025; at least 3 required",
            "1 hari kerja di kantor dalam minggu 7-13 Juli 2025; paling sedikit 3 diwajibkan",
        ),
        (
            Text(
                "limit.hours.short",
                hours=Hours(6 * 3600),
                period=Text("period.day", day=dt.date(2025, 7, 7)),
                required=Hours(27000),
                reduced="",
                binds="",
            ),
            "6 hours worked on Mon 2025-07-07; at least 7.5 required",
            "6 jam kerja pada Senin 7 Juli 2025; paling sedikit 7,5 diwajibkan",
        ),
    ]
    for text, english, indonesian in cases:
        assert (text.render("en"), text.render("id")) == (english, indonesian)


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


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (dt.date(2025, 7, 7), "Senin 7 Juli 2025"),
        (dt.date(2025, 5, 29), "Kamis 29 Mei 2025"),
        (dt.date(2025, 7, 13), "Minggu 13 Juli 2025"),
        (Date(dt.date(2024, 11, 1)), "1 November 2024"),
        (Week(dt.date(2025, 7, 7)), "7-13 Juli 2025"),
        (Week(dt.date(2025, 7, 28)), "28 Juli-3 Agustus 2025"),
        (Week(dt.date(2025, 12, 29)), "29 Desember 2025-4 Januari 2026"),
        (Month(dt.date(2025, 7, 1)), "bulan Juli 2025"),
        (Clock(14 * 3600), "14.00"),
        (Clock(24 * 3600), "24.00"),
        (Clock(14 * 3600 + 30), "14.00.30"),
        (Hours(27000), "7,5"),
        (Fraction(58, 3), "19,33"),
        (Exact("7.125"), "7,125"),
        (30, "30"),
        (True, "ya"),
        (False, "tidak"),
        (Ordinal(3), "ke-3"),
        (Weekday(0), "Senin"),
        (Zone("Asia/Jakarta"), "WIB"),
        (Zone("Asia/Makassar"), "WITA"),
        (Zone("Asia/Jayapura"), "WIT"),
        (Zone("Europe/Amsterdam"), "Europe/Amsterdam"),
        (Count(2, "noun.day"), "2 hari"),
        (Listing(["a", Text("left_out.leave")]), "a, cuti"),
    ],
)
def test_values_in_indonesian(value: object, text: str) -> None:
    """LANGUAGE-ID.md §5.2: full day and month names, no leading zero, `14.00`, `7,5`."""
    assert shown(value, "id") == text


def test_the_english_zone_date_and_weekday_are_iana_iso_and_in_full() -> None:
    assert shown(Zone("Asia/Jakarta"), "en") == "Asia/Jakarta"
    assert shown(Date(dt.date(2024, 11, 1)), "en") == "2024-11-01"
    assert shown(Weekday(6), "en") == "Sunday"
    assert shown(Exact("1e+20"), "en") == "1e+20"


def test_the_indonesian_zone_names_are_the_aliases_policies_accept() -> None:
    from flexrules.clock.zones import ZONE_ALIASES

    for alias, name in ZONE_ALIASES.items():
        assert shown(Zone(name), "id") == alias.upper()


def test_no_value_reads_through_the_process_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Day and month names are the catalog's, whatever LANG says (a `%A` or `%B` would
    follow the process's locale)."""
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert shown(dt.date(2025, 8, 17), "id") == "Minggu 17 Agustus 2025"
    assert shown(dt.date(2025, 8, 17), "en") == "Sun 2025-08-17"


def test_the_language_of_a_policy_is_its_metadata_s_else_english() -> None:
    assert chosen_language(None, {"language": "id"}) == "id"
    assert chosen_language(None, {}) == chosen_language(None, None) == "en"
    assert chosen_language("en", {"language": "id"}) == "en"
    with pytest.raises(ValueError, match="language must be"):
        chosen_language("ID", {})


def test_a_value_a_message_cannot_show_is_a_type_error() -> None:
    assert say("limit.left_out", "en", day=dt.date(2025, 7, 9), why="x") == "Wed 2025-07-09 x"
    with pytest.raises(TypeError, match="cannot show a dict"):
        shown({}, "en")
