"""The policy as a page, checked in its DOM: rules by kind with their sources and citations,
hours as the engine reads them, the year's holidays by name, diagnostics, both languages, and
hostile text shown as text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from dom import Element, parse

import flexrules
from flexrules import cli
from flexrules.pages import policy_page

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
TODAY = dt.date(2025, 7, 1)


@pytest.fixture(scope="module")
def disdukcapil() -> flexrules.Policy:
    return flexrules.load_policy(EXAMPLES / "disdukcapil.rules")


@pytest.fixture(scope="module")
def page(disdukcapil: flexrules.Policy) -> Element:
    document, errors = parse(policy_page(disdukcapil, today=TODAY))
    assert errors == []
    return document


def test_every_rule_once_under_its_kind_with_citation_and_source(
    page: Element, disdukcapil: flexrules.Policy
) -> None:
    shown = {
        row.get("data-rule"): row
        for row in page.find("section", id="rules").iter()
        if row.tag == "tr" and row.get("data-rule")
    }
    assert list(shown) == [
        rule.id for rule in sorted(disdukcapil.rules, key=_kind_order(disdukcapil))
    ]
    for rule in disdukcapil.rules:
        row = shown[rule.id]
        table = row.parent.parent
        assert table.get("data-kind") == rule.kind
        assert row.find("td", class_="source").text == str(rule.source)
        assert rule.text in row.find("td", class_="text").text
        assert (rule.citation or "") == (row.find_all("cite")[0].text if rule.citation else "")


def _kind_order(policy: flexrules.Policy):  # type: ignore[no-untyped-def]
    kinds: list[str] = []
    for rule in policy.rules:
        if rule.kind not in kinds:
            kinds.append(rule.kind)
    return lambda rule: kinds.index(rule.kind)


def test_hours_as_a_week_grid(page: Element) -> None:
    grid = page.find("figure", **{"data-hours": "service hours"})
    days = [(tr.find("th").text, tr.find("td").text) for tr in grid.find("table").find_all("tr")]
    assert days == [
        ("Mon", "08:00-15:00"),
        ("Tue", "08:00-15:00"),
        ("Wed", "08:00-15:00"),
        ("Thu", "08:00-15:00"),
        ("Fri", "08:00-11:30"),
        ("Sat", "–"),
        ("Sun", "–"),
    ]
    assert len(grid.find_all("rect", class_="span")) == 5
    assert "Mon 2025-06-30" in grid.find("figcaption").text


def test_the_week_shown_is_the_first_with_no_holiday(disdukcapil: flexrules.Policy) -> None:
    """From 14 August 2025: 17 August (Independence Day) and 18 August (cuti bersama) are
    passed over, so the grid shows the week of 25 August."""
    document, _ = parse(policy_page(disdukcapil, today=dt.date(2025, 8, 14)))
    caption = document.find("figure", **{"data-hours": "service hours"}).find("figcaption")
    assert "Mon 2025-08-25" in caption.text


def test_the_years_holidays_by_name_and_whether_they_count(page: Element) -> None:
    rows = {tr.get("data-day"): tr for tr in page.find("section", id="holidays").find_all("tr")}
    independence = rows["2025-08-17"]
    assert "Independence" in independence.text and "counted" in independence.classes
    assert "counted" in rows["2025-12-26"].classes  # declared by the policy itself
    # `Indonesia` without joint holidays: cuti bersama days count only where the policy names
    # them itself (2025-06-09 and 2025-12-26)
    joint = [tr for day, tr in rows.items() if day and "cuti bersama" in tr.text]
    assert joint and all(
        "counted" not in tr.classes
        for tr in joint
        if tr.get("data-day") not in ("2025-06-09", "2025-12-26")
    )


def test_the_page_in_bahasa_indonesia(disdukcapil: flexrules.Policy) -> None:
    document, errors = parse(policy_page(disdukcapil, language="id", today=TODAY))
    assert errors == [] and document.find("html").get("lang") == "id"
    assert document.find("h2", id="rules-head").text == "Aturan"
    assert "Kemerdekaan" in document.find("tr", **{"data-day": "2025-08-17"}).text


def test_hostile_text_in_a_policy_is_shown_as_text() -> None:
    policy = flexrules.compile_policy(
        'policy "<script>alert(1)</script><img src=x onerror=alert(2)>" timezone Asia/Jakarta.\n'
        'rule R1 "</td><b>bold</b>" citing "<i>Pasal</i> & more": employees may be on-site.\n'
    )
    document, errors = parse(policy_page(policy, today=TODAY))
    assert errors == []
    assert len(document.find_all("script")) == 1
    assert (
        not document.find_all("img") and not document.find_all("b") and not document.find_all("i")
    )
    assert "<script>alert(1)</script>" in document.find("h1").text
    assert "<i>Pasal</i> & more" in document.find("cite").text


def test_show_writes_the_page_and_a_broken_policy_lists_its_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "policy.html"
    assert cli.main(["show", str(EXAMPLES / "hospital"), "--html", str(out), "--year", "2025"]) == 0
    document, errors = parse(out.read_text(encoding="utf-8"))
    assert errors == [] and document.find("tr", **{"data-rule": "ward-cover"})
    broken = ROOT / "tests" / "fixtures" / "cli" / "broken.rules"
    bad = tmp_path / "broken.html"
    assert cli.main(["show", str(broken), "--html", str(bad)]) == 1
    document, errors = parse(bad.read_text(encoding="utf-8"))
    assert errors == [] and len(document.find_all("li", class_="error")) == 2
    assert cli.main(["show", str(EXAMPLES / "disdukcapil.rules")]) == 0
    out_text = capsys.readouterr().out
    assert 'R10 "Service coverage"' in out_text
