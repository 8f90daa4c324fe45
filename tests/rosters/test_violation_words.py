"""How a limit's violation names its period and why the rule binds the employee: labels a head
of unit reads (`week 7-13 Jul 2025`), ISO names a program reads (`2025-W28`), and the facts
that made the rule apply, worded as decisions word them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import flexrules
from flexrules.language import ast
from flexrules.rosters.periods import period_iso, period_label

POLICY = flexrules.compile_policy(
    """policy "Words" timezone WIB.
employees have: performance: ranked "poor" < "good" < "very good",
  position start: date, special: yes or no.
working days: Monday to Friday.
rule R0: employees may work.
rule WEEK: employees must not work from home more than 2 days per week
  unless their performance is at least "good".
rule MONTH: employees must not work from home more than 3 days per month
  unless they are special.
rule DAY: employees whose position start is less than 6 months ago
  must not work more than 8 hours per working day.
""",
    filename="words.rules",
)


def shift(month: int, day: int, start: str, end: str, location: str = "home") -> dict[str, str]:
    return {
        "start": f"2025-{month:02d}-{day:02d}T{start}",
        "end": f"2025-{month:02d}-{day:02d}T{end}",
        "location": location,
    }


def by_rule(report: Any, rule: str) -> list[dict[str, Any]]:
    return [v.to_dict() for v in report.violations if v.rule == rule]


@pytest.mark.parametrize(
    ("unit", "day", "label", "iso"),
    [
        (ast.PeriodUnit.WEEK, dt.date(2025, 7, 7), "in week 7-13 Jul 2025", "2025-W28"),
        (ast.PeriodUnit.WEEK, dt.date(2025, 7, 28), "in week 28 Jul-3 Aug 2025", "2025-W31"),
        (
            ast.PeriodUnit.WEEK,
            dt.date(2025, 12, 29),
            "in week 29 Dec 2025-4 Jan 2026",
            "2026-W01",
        ),
        (ast.PeriodUnit.MONTH, dt.date(2025, 7, 1), "in July 2025", "2025-07"),
        (ast.PeriodUnit.DAY, dt.date(2025, 7, 8), "on Tue 2025-07-08", "2025-07-08"),
        (ast.PeriodUnit.WORKING_DAY, dt.date(2025, 7, 8), "on Tue 2025-07-08", "2025-07-08"),
    ],
)
def test_a_period_reads_as_people_and_programs_name_it(
    unit: ast.PeriodUnit, day: dt.date, label: str, iso: str
) -> None:
    """The ISO week of 29 Dec 2025 is week 1 of 2026: the label names the real dates."""
    assert str(period_label(unit, day.toordinal())) == label
    assert period_iso(unit, day.toordinal()) == iso


def test_a_weekly_violation_on_a_wednesday_names_its_week_and_its_monday() -> None:
    """The 3rd day from home is Wed 9 July: the violation covers that day, and names the week
    it counts in (ISO 2025-W28, starting Monday 7 July)."""
    report = POLICY.check(
        {"id": "A", "performance": "poor", "special": True, "position start": "2020-01-01"},
        [shift(7, d, "08:00", "12:00") for d in (7, 8, 9)],
    )
    (week,) = by_rule(report, "WEEK")
    assert week["start"] == "2025-07-09T00:00:00+07:00"
    assert (week["period"], week["week_start"]) == ("2025-W28", "2025-07-07")
    assert week["message"].endswith('; it applies because performance is "poor"')


def test_a_violation_keeps_its_message_as_a_catalog_text() -> None:
    """`message` is the text in the policy's language; `message_for` renders the same record
    in any language the catalog has, and refuses one it does not know."""
    report = POLICY.check(
        {"id": "A", "performance": "poor", "special": True, "position start": "2020-01-01"},
        [shift(7, d, "08:00", "12:00") for d in (7, 8, 9)],
    )
    (violation,) = report.violations
    assert violation.text.key == "limit.days.over"
    assert violation.message_for("en") == violation.message == violation.message_for(None)
    with pytest.raises(ValueError, match="language must be"):
        violation.message_for("fr")


def test_a_monthly_and_a_daily_violation_name_their_period_without_a_week() -> None:
    report = POLICY.check(
        {"id": "B", "performance": "good", "special": False, "position start": "2025-05-01"},
        [
            *(shift(7, d, "08:00", "12:00") for d in (1, 2, 3, 4)),
            shift(7, 8, "07:00", "16:00", "office"),
        ],
    )
    (month,) = by_rule(report, "MONTH")
    assert (month["period"], month["week_start"]) == ("2025-07", None)
    assert month["message"].endswith("; it applies because special is no")
    (day,) = by_rule(report, "DAY")
    assert (day["period"], day["week_start"]) == ("2025-07-08", None)
    assert day["message"] == (
        "9 hours worked on Tue 2025-07-08; at most 8 allowed; it applies because position "
        "start is 2025-05-01: less than 6 months ago (after 2025-01-08, 6 months before "
        "2025-07-08)"
    )


def test_the_binding_words_are_the_decisions_words() -> None:
    """A rule that decides shifts and one that limits them word the same fact the same way:
    the `because` of a decision is the binding words of a violation."""
    policy = flexrules.compile_policy(
        """policy "Same" timezone WIB.
employees have: position start: date.
rule NEW: employees whose position start is less than 6 months ago must be on-site.
rule CAP: employees whose position start is less than 6 months ago
  must not work more than 8 hours per working day.
""",
        filename="same.rules",
    )
    employee = {"id": "C", "position start": "2025-05-01"}
    home = shift(7, 8, "07:00", "16:00")
    (reason,) = policy.decide(employee, home).reasons
    (cap,) = policy.check(employee, [home]).violations
    assert cap.message.endswith("; it applies because " + reason.because())


def test_an_unknown_fact_that_makes_a_limit_bind_is_named_with_what_was_wrong() -> None:
    report = POLICY.check(
        {"id": "D", "performance": "superb", "special": True, "position start": "2020-01-01"},
        [shift(7, d, "08:00", "12:00") for d in (7, 8, 9)],
    )
    (week,) = by_rule(report, "WEEK")
    assert week["message"].endswith(
        '; it applies because unknown facts count against it: performance is "superb", '
        'not one of "poor", "good", "very good"'
    )


def test_a_rule_that_binds_everyone_adds_no_words() -> None:
    policy = flexrules.compile_policy(
        """policy "All" timezone WIB.
rule CAP: employees must not work from home more than 1 day per week.
""",
        filename="all.rules",
    )
    report = policy.check({"id": "E"}, [shift(7, d, "08:00", "12:00") for d in (7, 8)])
    assert [v.message for v in report.violations] == [
        "Tue 2025-07-08 is the 2nd day of work from home in week 7-13 Jul 2025; at most 1 allowed"
    ]


def test_a_pro_rated_minimum_names_each_day_left_out_and_why() -> None:
    """Week 22 of 2025: Tue 27 May an agency day, Thu 29 Ascension (a public holiday), Fri 30
    cuti bersama: 2 of 5 working days count, 37.5 x 2/5 = 15 hours."""
    policy = flexrules.compile_policy(
        """policy "H" timezone WIB.
working days: Monday to Friday.
holidays: Indonesia with joint holidays, 2025-05-27.
rule W: employees must work at least 37.5 hours per week.
""",
        filename="h.rules",
    )
    report = policy.check(
        {"id": "a"}, [shift(5, 26, "08:00", "15:00", "office")], period=("2025-05-26", "2025-06-01")
    )
    assert [v.message for v in report.violations] == [
        "7 hours worked in week 26 May-1 Jun 2025; at least 15 required (37.5 pro-rated to 2 of "
        "5 working days: Tue 2025-05-27 holiday, Thu 2025-05-29 public holiday, Fri 2025-05-30 "
        "joint holiday)"
    ]
