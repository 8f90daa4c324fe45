"""Reports over a change of version (DATA.md §5): a rule's words are those of the version
whose rule was broken, and an hour maximum two versions share is one violation for its week.
Worked by hand.

Version "1" is in force until Wednesday 2025-07-02, version "2" from Thursday 2025-07-03;
the week is Mon 2025-06-30 to Sun 2025-07-06, shifts Monday to Friday, 08:00-16:00.
"""

from __future__ import annotations

import pytest

import flexrules
from flexrules.versions import compile_policies

EMPLOYEE = {"id": "E1"}
WEEK = ("2025-06-30", "2025-07-06")
DAYS = ("06-30", "07-01", "07-02", "07-03", "07-04")

CAP_1 = """\
policy "Duty" version "1" effective from 2025-01-01 until 2025-07-02.
rule home: employees may work from home.
rule cap "Home days": employees must not work from home more than 2 days per week.
"""
CAP_2 = """\
policy "Duty" version "2" effective from 2025-07-03.
rule home: employees may work from home.
rule cap "Home days" citing "Reg 5": employees must not work from home more than 3 days per week.
"""
HOURS_1 = """\
policy "Duty" version "1" effective from 2025-01-01 until 2025-07-02.
rule site: employees may work on-site.
rule long: employees must not work more than 20 hours per week.
"""
HOURS_2 = """\
policy "Duty" version "2" effective from 2025-07-03.
rule site: employees may work on-site.
rule long: employees must not work more than 20 hours per week.
"""


def week(location: str) -> list[dict[str, str]]:
    return [
        {"start": f"2025-{d}T08:00", "end": f"2025-{d}T16:00", "location": location} for d in DAYS
    ]


@pytest.fixture(scope="module")
def caps() -> flexrules.PolicySet:
    return compile_policies([{"v1.rules": CAP_1}, {"v2.rules": CAP_2}])


def test_each_violation_shows_its_versions_words(caps: flexrules.PolicySet) -> None:
    # home Mon-Fri: version 1's cap (2) is passed on Wednesday, its day: version 1 blames it;
    # version 2's cap (3) on Thursday (4th) and Friday (5th), its days: version 2 blames them
    report = caps.check(EMPLOYEE, week("home"), WEEK)
    assert [(v.start.date().isoformat(), v.citation) for v in report.violations] == [
        ("2025-07-02", None),
        ("2025-07-03", "Reg 5"),
        ("2025-07-04", "Reg 5"),
    ]
    words = [line.strip() for line in report.explain().splitlines() if "rule:" in line]
    assert words == [
        "rule: employees must not work from home more than 2 days per week (v1.rules:3)",
        "rule: employees must not work from home more than 3 days per week (v2.rules:3) [Reg 5]",
    ]
    roster = caps.check_roster([(EMPLOYEE, week("home"))], WEEK).explain()
    assert "more than 2 days per week (v1.rules:3)" in roster
    assert "more than 3 days per week (v2.rules:3) [Reg 5]" in roster
    # by id, the latest version's words, as for one policy
    assert report.rules["cap"].text.endswith("more than 3 days per week")


def test_a_shared_hour_maximum_is_one_violation_for_the_week() -> None:
    # 8 hours a day: 40 hours in the week, 20 allowed by both versions. The ceiling is passed
    # during Wednesday (8, 16, 24): the shifts past it are Wednesday's (version 1's day),
    # Thursday's and Friday's (version 2's). One violation for the week, blaming all three.
    versions = compile_policies([{"v1.rules": HOURS_1}, {"v2.rules": HOURS_2}])
    report = versions.check(EMPLOYEE, week("office"), WEEK)
    (violation,) = report.violations
    assert (violation.rule, violation.count, violation.bound) == ("long", 40, 20)
    assert [s["start"] for s in violation.shift_records] == [
        "2025-07-02T08:00",
        "2025-07-03T08:00",
        "2025-07-04T08:00",
    ]
    assert violation.message == (
        '40 hours worked in week 30 Jun-6 Jul 2025; at most 20 allowed (versions "1", "2")'
    )
    assert violation.message_for("id").endswith('(versi "1", "2")')
    roster = versions.check_roster([(EMPLOYEE, week("office"))], WEEK)
    assert [v.rule for v in roster.violations] == ["long"]


def test_different_hour_maxima_stay_apart() -> None:
    # version 2 allows 30: past it during Thursday (32): version 2 blames Thursday and
    # Friday; version 1 (20) blames Wednesday. Two rules, two violations.
    versions = compile_policies(
        [{"v1.rules": HOURS_1}, {"v2.rules": HOURS_2.replace("20 hours", "30 hours")}]
    )
    report = versions.check(EMPLOYEE, week("office"), WEEK)
    assert [(v.bound, [s["start"][:10] for s in v.shift_records]) for v in report.violations] == [
        (20, ["2025-07-02"]),
        (30, ["2025-07-03", "2025-07-04"]),
    ]


def test_the_roster_pages_rules_table_shows_each_versions_words(
    caps: flexrules.PolicySet,
) -> None:
    # the page's table of rules broken: `cap` broken once under version 1 (no citation) and
    # twice under version 2 (citing Reg 5), two rows with their own words
    pytest.importorskip("jinja2")
    from flexrules.pages import roster_view

    report = caps.check_roster([(EMPLOYEE, week("home"))], WEEK)
    page = roster_view.RosterPage(report, "en", None)
    rows = [(r["rule"], r["title"], r["citation"], r["count"]) for r in page.by_rule()]
    assert rows == [("cap", "Home days", "Reg 5", 2), ("cap", "Home days", None, 1)]
