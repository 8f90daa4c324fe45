"""Absences on the roster page with their kinds and times (DATA.md §3), in both languages,
each cell and line worked out by hand, and the page's absence parts as golden files.

Mon 7 to Wed 9 July 2025, Asia/Jakarta; the policy declares `cuti tahunan`, `izin` and
`dinas luar` (as work):

- Ani: at the office Mon and Wed 08:00-16:00, Tue 10:30-16:00 after izin 08:00-10:30;
- Budi: Mon cuti tahunan, Tue a whole day of dinas luar, Wed at home 08:00-12:00 and dinas luar
  13:00-16:00;
- Citra: at the office Mon 08:00-14:00 then away 14:00-16:00 (no kind), Tue 08:00-16:00, Wed a
  day of leave of no kind.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from dom import Element, parse

import flexrules
from flexrules import Absence, Schedule
from flexrules.pages import roster_page

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "pages"
UPDATE = os.environ.get("FLEXRULES_UPDATE_GOLDEN") == "1"

POLICY = """\
policy "Kinds" timezone Asia/Jakarta.
working days: Monday to Friday.
absence kinds: "cuti tahunan", "izin", "dinas luar" as work.
rule R1: employees may work.
"""


def shift(day: int, start: str, end: str, location: str = "office") -> dict[str, str]:
    return {
        "start": f"2025-07-{day:02d}T{start}",
        "end": f"2025-07-{day:02d}T{end}",
        "location": location,
    }


def report() -> tuple[flexrules.Policy, flexrules.RosterReport]:
    policy = flexrules.compile_policy(POLICY)
    roster = [
        Schedule(
            {"id": "A-1", "name": "Ani"},
            [shift(7, "08:00", "16:00"), shift(8, "10:30", "16:00"), shift(9, "08:00", "16:00")],
            [Absence("2025-07-08T08:00", "2025-07-08T10:30", kind="izin")],
        ),
        Schedule(
            {"id": "B-2", "name": "Budi"},
            [shift(9, "08:00", "12:00", "home")],
            [
                Absence("2025-07-07", kind="cuti tahunan"),
                Absence("2025-07-08", kind="dinas luar"),
                Absence("2025-07-09T13:00", "2025-07-09T16:00", kind="dinas luar"),
            ],
        ),
        Schedule(
            {"id": "C-3", "name": "Citra"},
            [shift(7, "08:00", "14:00"), shift(8, "08:00", "16:00")],
            [{"start": "2025-07-07T14:00", "end": "2025-07-07T16:00"}, "2025-07-09"],
        ),
    ]
    return policy, policy.check_roster(roster, ("2025-07-07", "2025-07-09"))


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    policy, checked = report()
    return {lang: roster_page(checked, language=lang, calendar=policy.calendar) for lang in LANGS}


LANGS = ("en", "id")


def _month(page: Element) -> dict[str, list[tuple[str, str, str | None]]]:
    """Each row of the month table: (text, classes, title) per day."""
    table = page.find("table", class_="month")
    return {
        row.find("th").text: [
            (td.text, " ".join(sorted(td.classes)), td.get("title"))
            for td in row.find_all("td")[:-1]
        ]
        for row in table.find("tbody").find_all("tr")
    }


def _absent(page: Element) -> dict[str, str]:
    """Each day's list of the absent (the last column of its table)."""
    found = {}
    for article in page.find_all("article", class_="day-detail"):
        (row,) = article.find("table", class_="where").find("tbody").find_all("tr")
        found[article.get("data-day") or ""] = row.find_all("td")[-1].text
    return found


def _counts(page: Element) -> dict[str, list[str]]:
    calendar = page.find("table", class_="calendar")
    return {
        td.get("data-day") or "": [li.text for li in td.find_all("li")]
        for td in calendar.find_all("td", class_="day")
    }


def test_month_rows_show_each_absence_with_its_kind_and_hours(pages: dict[str, str]) -> None:
    page, errors = parse(pages["en"])
    assert errors == []
    assert _month(page) == {
        "Ani (A-1)": [("O", "", None), ("O/p", "part", "izin 08:00–10:30"), ("O", "", None)],
        "Budi (B-2)": [
            ("L", "leave", "cuti tahunan"),
            ("D", "duty", "dinas luar"),
            ("H/p", "home part", "dinas luar 13:00–16:00"),
        ],
        "Citra (C-3)": [("O/p", "part", "14:00–16:00"), ("O", "", None), ("L", "leave", None)],
    }
    legend = page.find("div", class_="legend").text
    assert "D away on duty (a kind that counts as work)" in legend
    assert "p away part of the day" in legend


def test_the_days_list_the_absent_with_kinds_and_times(pages: dict[str, str]) -> None:
    page, _ = parse(pages["en"])
    assert _absent(page) == {
        "2025-07-07": "Budi (B-2): cuti tahunan, Citra (C-3): 14:00–16:00",
        "2025-07-08": "Budi (B-2): dinas luar, Ani (A-1): izin 08:00–10:30",
        "2025-07-09": "Citra (C-3), Budi (B-2): dinas luar 13:00–16:00",
    }
    head = page.find("table", class_="where").find("thead").find_all("th")
    assert head[-1].text == "Absent"
    assert _counts(page) == {
        "2025-07-07": ["2 on site", "1 on leave", "1 away part of the day"],
        "2025-07-08": ["2 on site", "1 away on duty", "1 away part of the day"],
        "2025-07-09": ["1 on site", "1 at home", "1 on leave", "1 away part of the day"],
    }


def test_in_bahasa_indonesia(pages: dict[str, str]) -> None:
    page, errors = parse(pages["id"])
    assert errors == []
    month = _month(page)
    assert month["Ani (A-1)"][1] == ("K/s", "part", "izin 08.00–10.30")
    assert month["Budi (B-2)"][:2] == [("C", "leave", "cuti tahunan"), ("D", "duty", "dinas luar")]
    assert _absent(page)["2025-07-09"] == "Citra (C-3), Budi (B-2): dinas luar 13.00–16.00"
    assert _counts(page)["2025-07-08"] == [
        "2 di kantor",
        "1 dinas luar",
        "1 tidak hadir sebagian hari",
    ]


def test_a_roster_without_kinds_or_parts_keeps_its_legend() -> None:
    """No duty and no part of a day: the legend lists only what the page shows."""
    policy = flexrules.compile_policy(POLICY)
    checked = policy.check_roster(
        [Schedule({"id": "A-1"}, [shift(7, "08:00", "16:00")], ["2025-07-08"])],
        ("2025-07-07", "2025-07-08"),
    )
    page, _ = parse(roster_page(checked, language="en"))
    legend = page.find("div", class_="legend").text
    assert "L on leave" in legend and "away on duty" not in legend and "part of" not in legend
    assert _month(page)["A-1"] == [("O", "", None), ("L", "leave", None)]


def _absence_parts(html: str) -> str:
    """The page's parts that show absences: the legend and month table, and the days."""
    start = html.index('<div class="legend">')
    month = html[start : html.index("</table>", start) + len("</table>")]
    days = html[
        html.index('<section id="days"') : html.index(
            "</section>", html.index('<section id="days"')
        )
    ]
    return month + "\n" + days + "</section>\n"


@pytest.mark.parametrize("language", LANGS)
def test_golden_absence_parts(pages: dict[str, str], language: str) -> None:
    """`tests/golden/pages/roster-absences.LANG.html` is the page's legend, month table and
    day by day, exactly; regenerate with FLEXRULES_UPDATE_GOLDEN=1 and read every change
    before committing it."""
    path = GOLDEN / f"roster-absences.{language}.html"
    text = _absence_parts(pages[language])
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text.splitlines() == path.read_text(encoding="utf-8").splitlines()
