"""The roster report as a page, checked in its DOM without a browser: the example roster's five
planted problems where they belong, one heatmap cell per day and hour, both languages, a
self-contained page, and hostile names shown as text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from dom import Element, parse

import flexrules
from flexrules import cli, files
from flexrules.pages import roster_page

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "examples" / "disdukcapil.rules"
ROSTER = ROOT / "examples" / "roster"
EXAMPLE = [
    str(POLICY),
    "--employees",
    str(ROSTER / "employees.csv"),
    "--shifts",
    str(ROSTER / "shifts.csv"),
    "--absences",
    str(ROSTER / "leave.csv"),
    "--period",
    "2025-07-01",
    "2025-07-31",
]
#: the planted problems of examples/roster/make_roster.py: (day, rule, employee or None)
PLANTED = {
    ("2025-07-10", "R10", None),
    ("2025-07-16", "R8", "P-403"),
    ("2025-07-16", "R2", "P-207"),
    ("2025-07-18", "R11", None),
    ("2025-07-22", "R9", "P-205"),
}


@pytest.fixture(scope="module")
def example() -> tuple[flexrules.Policy, flexrules.RosterReport]:
    policy = flexrules.load_policy(POLICY)
    roster = files.read_roster(
        str(ROSTER / "employees.csv"),
        str(ROSTER / "shifts.csv"),
        policy,
        str(ROSTER / "leave.csv"),
    )
    return policy, policy.check_roster(roster.schedules(), ("2025-07-01", "2025-07-31"))


@pytest.fixture(scope="module")
def page(example: tuple[flexrules.Policy, flexrules.RosterReport]) -> Element:
    policy, report = example
    document, errors = parse(roster_page(report, calendar=policy.calendar))
    assert errors == []
    return document


def _unit(page: Element, name: str) -> Element:
    (section,) = [s for s in page.find_all("section", class_="unit") if name in s.find("h2").text]
    return section


def test_the_page_is_self_contained(page: Element) -> None:
    """No network: one inline script, inline CSS, no external source, a CSP that allows none."""
    scripts = page.find_all("script")
    assert len(scripts) == 1 and scripts[0].get("src") is None
    assert not page.find_all("link", rel="stylesheet") and not page.find_all("img")
    for element in page.iter():
        for name in ("src", "href"):
            value = element.get(name) or ""
            assert not value.startswith(("http:", "https:", "//")), (element.tag, value)
    style = page.find("style").text
    assert "url(" not in style and "@import" not in style  # no fonts or images fetched
    csp = page.find("meta", **{"http-equiv": "Content-Security-Policy"})
    assert "default-src 'none'" in (csp.get("content") or "")
    assert page.find("html").get("lang") == "en"


def test_the_five_planted_problems_are_listed_on_their_days(page: Element) -> None:
    found = set()
    for item in page.find_all("li", class_="problem-item"):
        day = item.parent.parent  # the day's article
        assert day.tag == "article"
        who = item.find_all("p", class_="who")
        ident = who[0].text.split("(")[-1].rstrip(")") if who else None
        found.add((day.get("data-day"), item.get("data-rule"), ident))
    assert found == PLANTED


def test_each_problem_names_its_rule_citation_and_explanation(page: Element) -> None:
    r8 = page.find("li", class_="problem-item", **{"data-rule": "R8"})
    assert "PermenPANRB 4/2025 Pasal 13" in r8.find("cite").text
    assert "3rd working day of remote work" in r8.find("p", class_="message").text
    denied = page.find("li", class_="problem-item", **{"data-rule": "R2"})
    explanation = denied.find("pre", class_="explanation").text
    assert explanation.startswith("DENIED") and "R2" in explanation


def test_problem_days_are_marked_in_the_calendars_of_their_units(page: Element) -> None:
    marked = {
        (section.find("h2").text, cell.get("data-day"))
        for section in page.find_all("section", class_="unit")
        for cell in section.find_all("td", class_="problem")
    }
    assert marked == {
        # R10: the service desk, staffed from registration and civil registry
        ("unit registration", "2025-07-10"),
        ("unit civil registry", "2025-07-10"),
        ("unit civil registry", "2025-07-16"),  # P-207 denied
        ("unit civil registry", "2025-07-22"),  # P-205 short day
        ("unit finance", "2025-07-16"),  # P-403's third remote day
        ("unit secretariat", "2025-07-18"),  # four of ten away
    }
    cell = _unit(page, "registration").find("td", **{"data-day": "2025-07-10"})
    link = cell.find("a", class_="day-link")
    assert link.get("href") == "#day-2025-07-10" and page.find_all(id="day-2025-07-10")


def test_the_heatmap_has_one_cell_per_day_and_hour_of_service(page: Element) -> None:
    """R10's service desk is staffed from two units, so its month has a calendar of its own.
    Service hours are Monday to Thursday 08:00-15:00 and Friday 08:00-11:30: seven cells, or
    four; none on weekends; the two short hours of 10 July are marked short."""
    (section,) = page.find_all("section", class_="coverage")
    assert "R10" in section.find("h2").text
    calendar = section.find("table", class_="calendar")
    assert [td.get("data-day") for td in calendar.find_all("td", class_="problem")] == [
        "2025-07-10"
    ]
    days = calendar.find_all("td", class_="day")
    assert len(days) == 31
    for cell in days:
        day = dt.date.fromisoformat(cell.get("data-day") or "")
        hours = [int(r.get("data-hour") or -1) for r in cell.find_all("rect", class_="hour")]
        expected = {0: 7, 1: 7, 2: 7, 3: 7, 4: 4, 5: 0, 6: 0}[day.weekday()]
        assert hours == list(range(8, 8 + expected)), day
    july10 = calendar.find("td", **{"data-day": "2025-07-10"})
    short = [r.get("data-hour") for r in july10.find_all("rect", class_="short")]
    assert short == ["8", "9"]
    strip = july10.find("svg", class_="strip")
    alt = strip.find("title").text
    assert strip.get("role") == "img" and alt.startswith("R10: 2 needed; 08:00 1 (short)")
    assert not _unit(page, "registration").find_all("svg")  # drawn once, not per unit


def test_employee_rows_show_the_month_and_the_rules_broken(page: Element) -> None:
    table = _unit(page, "civil registry").find("table", class_="month")
    rows = {row.find("th").text: row for row in table.find("tbody").find_all("tr")}
    dimas = [td for td in rows["Dimas Pratama (P-207)"].find_all("td")]
    assert dimas[15].text == "H!" and "denied" in dimas[15].classes  # 16 July
    assert [a.text for a in dimas[-1].find_all("a")] == ["R2"]
    maya = rows["Maya Anggraini (P-202)"].find_all("td")
    assert [td.text for td in maya[8:11]] == ["L", "L", "L"]  # 9-11 July on leave
    assert maya[4].text == "·"  # Saturday 5 July


def test_the_summary_counts_and_charts_with_text_alternatives(page: Element) -> None:
    summary = page.find("section", id="summary")
    counts = {
        div.find("dt").text: div.find("dd").text
        for div in summary.find_all("div")
        if div.find_all("dt")
    }
    assert counts["Employees"] == "44" and counts["Denied shifts"] == "1"
    assert counts["Coverage gaps"] == "1" and counts["Groups over their share"] == "1"
    rules = [tr.get("data-rule") for tr in summary.find("table", class_="by-rule").find_all("tr")]
    assert set(filter(None, rules)) == {"R2", "R8", "R9", "R10", "R11"}
    shares = summary.find("table", class_="shares")
    rows = {tr.get("data-unit"): tr.find_all("td") for tr in shares.find("tbody").find_all("tr")}
    assert len(rows) == 5 and all(len(cells) == 1 + 31 for cells in rows.values())
    secretariat = rows["unit secretariat"]
    assert secretariat[0].text == "10" and secretariat[18].text == "40!"
    assert [i for i, td in enumerate(secretariat) if "over" in td.classes] == [18]
    assert sum("over" in td.classes for cells in rows.values() for td in cells) == 1


def test_the_page_in_bahasa_indonesia(example: tuple[flexrules.Policy, object]) -> None:
    policy, report = example
    document, errors = parse(roster_page(report, language="id", calendar=policy.calendar))  # type: ignore[arg-type]
    assert errors == [] and document.find("html").get("lang") == "id"
    assert document.find("h2", id="summary-head").text == "Ringkasan"
    r8 = document.find("li", class_="problem-item", **{"data-rule": "R8"})
    assert "hari kerja ke-3" in r8.find("p", class_="message").text
    saturday = document.find("td", **{"data-day": "2025-07-05"})
    assert saturday.find("a").get("aria-label") == "Sabtu 5 Juli 2025"


HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'


def test_hostile_names_and_values_are_shown_as_text() -> None:
    policy = flexrules.compile_policy(
        f'policy "{HOSTILE.replace(chr(34), "")}" timezone Asia/Jakarta.\n'
        "employees have: unit: text, role: text.\n"
        "hours service hours: Monday to Friday 08:00 to 12:00.\n"
        'group desk: employees whose role is "desk".\n'
        "rule R1: employees may be on-site.\n"
        "rule R2: at least 2 desk must be on-site during service hours.\n"
        "rule R3: at most 10% of employees in each unit may work remotely per day.\n"
    )
    people = [
        {"id": HOSTILE, "name": HOSTILE, "unit": HOSTILE, "role": "desk"},
        {"id": "E-2", "name": "</td></tr></table><b>x</b>", "unit": "&amp; <i>", "role": "desk"},
    ]
    shifts = [
        {"start": "2025-07-07T08:00", "end": "2025-07-07T12:00", "location": "office"},
    ]
    report = policy.check_roster([(p, shifts) for p in people], ("2025-07-07", "2025-07-08"))
    html = roster_page(report)
    document, errors = parse(html)
    assert errors == []
    assert len(document.find_all("script")) == 1
    assert (
        not document.find_all("img") and not document.find_all("b") and not document.find_all("i")
    )
    assert not document.where(lambda e: any(name.startswith("on") for name in e.attrs))
    assert HOSTILE in document.text and "&amp; <i>" in document.text


def test_the_command_line_writes_the_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "roster.html"
    assert cli.main(["roster", *EXAMPLE, "--html", str(out), "--lang", "id"]) == 0
    document, errors = parse(out.read_text(encoding="utf-8"))
    assert errors == [] and document.find("html").get("lang") == "id"
    same = tmp_path / "same.html"
    argv = ["roster", *EXAMPLE, "--format", "html", "--out", str(same), "--lang", "id"]
    assert cli.main(argv) == 0
    assert same.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")
    assert cli.main(["roster", *EXAMPLE, "--html", str(out), "--fail-on-violation"]) == 4
    capsys.readouterr()


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--format", "json"], "--html writes HTML"),
        (["--out", "other.html"], "give --html or --out"),
        (["--summary"], "--summary gives text or JSON"),
    ],
)
def test_html_options_that_clash_are_usage_errors(
    extra: list[str], words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["roster", *EXAMPLE, "--html", str(tmp_path / "r.html"), *extra])
    _, err = capsys.readouterr()
    assert code == 2 and words in err and not (tmp_path / "r.html").exists()


def test_without_jinja2_the_command_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from flexrules import pages

    monkeypatch.setattr(pages, "available", lambda: False)
    code = cli.main(["roster", *EXAMPLE, "--html", str(tmp_path / "r.html")])
    _, err = capsys.readouterr()
    assert code == 2 and "pip install 'flexrules[pages]'" in err


SMALL = """policy "Small office" timezone Asia/Jakarta.
employees have: role: text.
hours counter hours: Monday to Friday 08:00 to 10:00.
group desk: employees whose role is "desk".
rule R1: employees may be on-site.
rule R2: at least 2 desk must be on-site during counter hours.
"""


def test_a_roster_split_by_nothing_is_one_unit_with_its_coverage() -> None:
    """No `in each` rule: one section, "All employees", whose calendar draws R2's strips (all
    its members are in it): one cell per hour of counter hours, 09:00 short on Tuesday."""
    policy = flexrules.compile_policy(SMALL)
    people = [{"id": f"D-{n}", "role": "desk"} for n in (1, 2)]
    monday = {"start": "2025-07-07T08:00", "end": "2025-07-07T10:00", "location": "office"}
    tuesday = {"start": "2025-07-08T08:00", "end": "2025-07-08T09:00", "location": "office"}
    full = {"start": "2025-07-08T08:00", "end": "2025-07-08T10:00", "location": "office"}
    report = policy.check_roster(
        [(people[0], [monday, full]), (people[1], [monday, tuesday])], ("2025-07-07", "2025-07-08")
    )
    document, errors = parse(roster_page(report, calendar=policy.calendar))
    assert errors == []
    (unit,) = document.find_all("section", class_="unit")
    assert unit.find("h2").text == "All employees" and not document.find_all(
        "section", class_="coverage"
    )
    strips = {
        td.get("data-day"): [(r.get("data-hour"), sorted(r.classes)) for r in td.find_all("rect")]
        for td in unit.find_all("td", class_="day")
    }
    assert strips == {
        "2025-07-07": [("8", ["hour", "met"]), ("9", ["hour", "met"])],
        "2025-07-08": [("8", ["hour", "met"]), ("9", ["hour", "short"])],
    }


def test_a_roster_with_no_shifts_still_makes_a_page() -> None:
    policy = flexrules.compile_policy(SMALL)
    report = policy.check_roster(
        [({"id": "D-1", "role": "desk"}, [])], ("2025-07-07", "2025-07-07")
    )
    document, errors = parse(roster_page(report, calendar=policy.calendar))
    assert errors == [] and document.find_all("li", class_="problem-item")  # R2: nobody there
