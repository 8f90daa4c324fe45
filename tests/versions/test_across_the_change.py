"""Two versions across their change date in one week (DATA.md §5), each answer worked out by
hand: a shift over the change at midnight, and limits whose week straddles the change.

Version "1" is in force until Wednesday 2025-07-02: work from home or on site any day, at most
2 days from home a week, at least 20 hours a week. Version "2" is in force from Thursday
2025-07-03: from home only on Fridays, on site any day, at most 2 days from home a week, on
site at least 2 days a week. The week is Mon 2025-06-30 to Sun 2025-07-06 (no holiday); its
declared working days are Mon-Fri: 3 of them (Mon-Wed) are version 1's, 2 (Thu, Fri) version
2's.
"""

from __future__ import annotations

import pytest

import flexrules
from flexrules.versions import compile_policies

V1 = """\
policy "Duty" version "1" effective from 2025-01-01 until 2025-07-02.
employees have: unit: text.
rule home: employees may work from home.
rule site: employees may work on-site.
rule cap: employees must not work from home more than 2 days per week.
rule hours: employees must work at least 20 hours per week.
"""
V2 = """\
policy "Duty" version "2" effective from 2025-07-03.
employees have: unit: text.
rule home: employees may work from home on Friday.
rule site: employees may work on-site.
rule cap: employees must not work from home more than 2 days per week.
rule office: employees must be on-site at least 2 days per week.
"""
EMPLOYEE = {"id": "E1", "unit": "records"}
WEEK = ("2025-06-30", "2025-07-06")


def shift(day: str, location: str, start: str = "08:00", end: str = "12:00") -> dict[str, str]:
    return {"start": f"2025-{day}T{start}", "end": f"2025-{day}T{end}", "location": location}


@pytest.fixture(scope="module")
def versions() -> flexrules.PolicySet:
    return compile_policies([V1, V2])


# ---- a shift across the change at midnight ----------------------------------------------


def test_a_night_from_home_over_the_change(versions: flexrules.PolicySet) -> None:
    # Wed 22:00-24:00 is version 1's (home any day: allowed); Thu 00:00-02:00 version 2's
    # (home only on Friday: the default denies): the shift is denied, for Thursday's part.
    night = shift("07-02", "home", "22:00", "24:00") | {"end": "2025-07-03T02:00"}
    decision = versions.decide(EMPLOYEE, night)
    assert not decision.allowed
    assert [v.version for v in decision.versions if v is not None] == ["1", "2"]
    assert decision.version is not None and decision.version.version == "1"
    (reason,) = decision.reasons
    assert reason.rule is None and reason.effect == "deny"
    assert reason.message == 'no rule permits working from home (default deny) (version "2")'
    assert reason.start.isoformat() == "2025-07-03T00:00:00+07:00"
    text = decision.explain()
    assert 'version "1"' in text and 'version "2"' in text
    assert text.splitlines()[0].startswith("DENIED")
    data = decision.to_dict()
    assert data["allowed"] is False and data["versions"] == ["1", "2"]
    assert data["shift"]["start"] == "2025-07-02T22:00:00+07:00"
    assert data["shift"]["end"] == "2025-07-03T02:00:00+07:00"
    assert [(p["end"], p["allowed"]) for p in data["pieces"]] == [
        ("2025-07-03T00:00:00+07:00", True),
        ("2025-07-03T02:00:00+07:00", False),
    ]
    assert data["pieces"][0]["reasons"][0]["message"] == 'allowed by home (version "1")'
    # why not: the denied part's version would allow Thursday's hours on site
    (other,) = [a for a in decision.alternatives() if a.kind == "place"]
    assert other.shift["location"] == "office" and other.decision.allowed
    assert other.shift["start"] == "2025-07-03T00:00"
    assert "work on-site instead" in decision.explain_alternatives()
    assert decision.to_dict(alternatives=True)["alternatives"][0]["kind"] == "place"


def test_a_night_on_site_over_the_change(versions: flexrules.PolicySet) -> None:
    # on site is allowed by both versions: allowed, one reason from each, naming it
    night = {"start": "2025-07-02T22:00", "end": "2025-07-03T02:00", "location": "office"}
    decision = versions.decide(EMPLOYEE, night)
    assert decision.allowed and bool(decision)
    assert [r.message for r in decision.reasons] == [
        'allowed by site (version "1")',
        'allowed by site (version "2")',
    ]
    assert [r.rule for r in decision.reasons] == ["site", "site"]


def test_a_split_shift_keeps_its_facts_and_form(versions: flexrules.PolicySet) -> None:
    shift_object = flexrules.Shift("2025-07-02T22:00", "2025-07-03T02:00", "office")
    assert versions.decide(EMPLOYEE, shift_object).allowed
    parts = versions.decide(EMPLOYEE, shift_object).parts
    assert [p.start.isoformat() for p in parts] == [
        "2025-07-02T22:00:00+07:00",
        "2025-07-03T00:00:00+07:00",
    ]


# ---- limits whose week straddles the change -------------------------------------------------


def test_maximum_counts_every_day_and_blames_the_version_in_force(
    versions: flexrules.PolicySet,
) -> None:
    # home Mon-Fri, 4 hours each: the week has 5 days from home. Version 1's `cap` blames its
    # own third day (Wed); version 2's counts Mon-Wed too, and blames Thu (4th) and Fri (5th).
    # Thursday's shift is denied (version 2: home only on Friday). `hours`: 12 hours on
    # version 1's days, 20 x 3/5 = 12 required: met. `office`: no day on site; 2 x 2/5 = 0.8
    # required on version 2's days: short.
    days = ["06-30", "07-01", "07-02", "07-03", "07-04"]
    report = versions.check(EMPLOYEE, [shift(d, "home") for d in days], WEEK)
    assert [d.allowed for d in report.decisions] == [True, True, True, False, True]
    found = [(v.rule, v.start.date().isoformat()) for v in report.violations]
    assert sorted(found) == [
        ("cap", "2025-07-02"),
        ("cap", "2025-07-03"),
        ("cap", "2025-07-04"),
        ("office", "2025-06-30"),
    ]
    caps = [v for v in report.violations if v.rule == "cap"]
    assert [v.count for v in caps] == [3, 4, 5]
    assert [v.message[-13:] for v in caps] == ['(version "1")', '(version "2")', '(version "2")']
    assert [len(v.shifts) for v in caps] == [1, 1, 1]
    (office,) = (v for v in report.violations if v.rule == "office")
    assert office.bound == pytest.approx(0.8) and office.count == 0
    assert "at least 0.8 required" in office.message
    assert "2 of 5 working days" in office.message
    assert office.message_for("id").endswith(
        "paling sedikit 0,8 diwajibkan (2 disesuaikan menjadi 2 dari 5 hari kerja versi ini "
        'berlaku) (versi "2")'
    )
    assert [v["version"] for v in report.policy["versions"]] == ["1", "2"]


def test_hour_minimum_is_pro_rated_to_its_version(versions: flexrules.PolicySet) -> None:
    # home Mon and Tue (8 hours) and on site Thu: version 1 asks 20 x 3/5 = 12 hours of its
    # Mon-Wed: 8 is short; version 2's `office` asks 0.8 days on site: Thu meets it.
    shifts = [shift("06-30", "home"), shift("07-01", "home"), shift("07-03", "office")]
    report = versions.check(EMPLOYEE, shifts, WEEK)
    assert report.decisions and all(d.allowed for d in report.decisions)
    (short,) = report.violations
    assert short.rule == "hours" and short.message.endswith('(version "1")')
    assert short.count == 8 and short.bound == 12
    assert "at least 12 required (20 pro-rated to 3 of 5 working days" in short.message
    assert "Thu 2025-07-03 not a day of this version" in short.message


def test_roster_across_the_change_agrees_with_check(versions: flexrules.PolicySet) -> None:
    days = ["06-30", "07-01", "07-02", "07-03", "07-04"]
    other = {"id": "E2", "unit": "records"}
    other_shifts = [shift("07-03", "office"), shift("07-04", "office")]
    roster = versions.check_roster(
        [
            flexrules.Schedule(EMPLOYEE, [shift(d, "home") for d in days]),
            flexrules.Schedule(other, other_shifts),
        ],
        WEEK,
    )
    alone = versions.check(EMPLOYEE, [shift(d, "home") for d in days], WEEK)
    mine = [(v.rule, v.start) for v in roster.violations if v.employee == "E1"]
    assert sorted(mine) == sorted((v.rule, v.start) for v in alone.violations)
    # E2: on site Thu and Fri, nothing on version 1's days: 0 hours of 12 required
    theirs = [(v.rule, v.count) for v in roster.violations if v.employee == "E2"]
    assert theirs == [("hours", 0)]
    assert [d.allowed for d in roster.decisions["E2"]] == [True, True]
    assert roster.decisions["E1"][3].reasons[0].message.endswith('(version "2")')


def test_a_night_over_the_change_counts_on_both_days(versions: flexrules.PolicySet) -> None:
    # home Mon and Tue, and a night from home Wed 22:00-Thu 02:00: 4 days from home in the
    # week. Version 1 blames the night for Wed (its 3rd day); version 2 for Thu (its 4th).
    shifts = [shift("06-30", "home"), shift("07-01", "home")]
    night = {"start": "2025-07-02T22:00", "end": "2025-07-03T02:00", "location": "home"}
    report = versions.check(EMPLOYEE, [*shifts, night])
    caps = [(v.start.date().isoformat(), v.count, v.shifts) for v in report.violations]
    caps = [c for c in caps if c[1] in (3, 4)]
    assert caps == [("2025-07-02", 3, (night,)), ("2025-07-03", 4, (night,))]
    assert [d.allowed for d in report.decisions] == [True, True, False]


def test_a_week_shared_with_another_version_is_judged_by_both(
    versions: flexrules.PolicySet,
) -> None:
    # every shift on version 1's days (Mon, Tue: 8 hours from home), no period: still the
    # week holds version 2's Thu-Sun, so version 1's `hours` is pro-rated (12 of 20 hours:
    # short) and version 2's `office` asks 0.8 days on site (none: short)
    report = versions.check(EMPLOYEE, [shift("06-30", "home"), shift("07-01", "home")])
    found = sorted((v.rule, v.bound) for v in report.violations)
    assert found == [("hours", 12), ("office", pytest.approx(0.8))]
