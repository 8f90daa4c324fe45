"""Schedules and rosters through the public API: every limit, staffing and share form, with the
expected values worked out by hand from docs/schedule-semantics.md.

July 2025 for orientation: Mon 7, Tue 8, Wed 9, Thu 10, Fri 11, Sat 12, Sun 13 (ISO week
2025-W28); Mon 14 to Sun 20 is 2025-W29. Policies run on Asia/Jakarta (UTC+7) unless they say.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import flexrules
from flexrules import InputError, Schedule, compile_policy

WIB = ZoneInfo("Asia/Jakarta")
HEADER = 'policy "schedule tests" timezone Asia/Jakarta.\n'


def policy(text: str) -> flexrules.Policy:
    return compile_policy(HEADER + text, filename="test.rules")


def shift(
    day: int, start: str, end: str, location: str = "office", month: int = 7, **facts: Any
) -> dict[str, Any]:
    """A shift on 2025-MM-DD; an end at or before the start runs into the next day."""
    first = dt.datetime.fromisoformat(f"2025-{month:02d}-{day:02d}T{start}")
    last = dt.datetime.fromisoformat(f"2025-{month:02d}-{day:02d}T{end}")
    if last <= first:
        last += dt.timedelta(days=1)
    return {"start": first.isoformat(), "end": last.isoformat(), "location": location, **facts}


def at(
    day: int, hour: int = 0, minute: int = 0, month: int = 7, zone: ZoneInfo = WIB
) -> dt.datetime:
    return dt.datetime(2025, month, day, hour, minute, tzinfo=zone)


def summary(report: Any) -> list[tuple[Any, ...]]:
    """(rule, message, start, end) of each violation, in report order."""
    return [(v.rule, v.message, v.start, v.end) for v in report.violations]


def blamed(violation: flexrules.Violation) -> list[str]:
    return [s["start"] for s in violation.shifts]


EMPLOYEE = {"id": "E-1", "name": "Sari"}

# ---- MAX_DAYS ---------------------------------------------------------------------------

REMOTE_CAP = policy("""
employees have: special: yes or no.
shifts have: field: yes or no.
working days: Monday to Friday.
holidays: 2025-07-16.
rule CAP: employees must not work remotely more than 2 working days per week
  unless they are special.
rule DAYS: employees must not work from home more than 2 days per week.
rule MONTH: employees must not work from home more than 3 days per month.
""")


def test_max_working_days_per_week_blames_each_day_past_the_cap() -> None:
    """2 working days allowed: the 3rd and 4th working days of remote work (Wed, Thu) are each
    a violation of their own, the day 00:00 to 00:00; the Saturday is not a working day."""
    shifts = [shift(d, "08:00", "16:00", "home") for d in (7, 8, 9, 10, 12)]
    report = REMOTE_CAP.check(EMPLOYEE, shifts)
    cap = [v for v in report.violations if v.rule == "CAP"]
    assert [(v.message, v.start, v.end) for v in cap] == [
        (
            "Wed 2025-07-09 is the 3rd working day of remote work in week 7-13 Jul 2025; "
            "at most 2 allowed; it applies because unknown facts count against it: "
            "special is missing",
            at(9),
            at(10),
        ),
        (
            "Thu 2025-07-10 is the 4th working day of remote work in week 7-13 Jul 2025; "
            "at most 2 allowed; it applies because unknown facts count against it: "
            "special is missing",
            at(10),
            at(11),
        ),
    ]
    assert [blamed(v) for v in cap] == [["2025-07-09T08:00:00"], ["2025-07-10T08:00:00"]]
    assert all(v.kind == "limit" and v.employee == "E-1" and v.present is None for v in cap)


def test_max_days_counts_every_day_and_working_days_only_working_days() -> None:
    """`per week` days count the Saturday too (`DAYS`: Mon, Tue, Sat: the Sat is the 3rd day);
    a declared holiday is not a working day for `working days` (`CAP`, W29: Mon, Tue, Wed 16
    (holiday) -> 2 working days, no violation)."""
    report = REMOTE_CAP.check(
        EMPLOYEE, [shift(d, "09:00", "12:00", "home") for d in (7, 8, 12, 14, 15, 16)]
    )
    assert [(v.rule, v.start) for v in report.violations if v.rule != "MONTH"] == [
        ("DAYS", at(12)),  # W28: Mon 7, Tue 8, Sat 12
        ("DAYS", at(16)),  # W29: Mon 14, Tue 15, Wed 16 (days, holidays included)
    ]


def test_max_days_per_month_and_date_order_not_input_order() -> None:
    """Days are counted in date order whatever the order given: July has 1, 2, 3 and 31 from
    home, so the 31st is the 4th day of July; 1 August starts a new month."""
    shifts = [
        shift(31, "08:00", "12:00", "home"),
        shift(1, "08:00", "09:00", "home", month=8),
        *(shift(d, "08:00", "12:00", "home") for d in (3, 2, 1)),
    ]
    report = REMOTE_CAP.check(EMPLOYEE, shifts)
    month = [v for v in report.violations if v.rule == "MONTH"]
    assert [(v.message, v.start, v.end) for v in month] == [
        (
            "Thu 2025-07-31 is the 4th day of work from home in July 2025; at most 3 allowed",
            at(31),
            at(1, month=8),
        ),
    ]
    assert blamed(month[0]) == ["2025-07-31T08:00:00"]


def test_max_days_blames_every_shift_of_the_day_in_the_order_given() -> None:
    """Two remote shifts on the 3rd day are both blamed, in the order they were given."""
    shifts = [
        shift(7, "08:00", "16:00", "home"),
        shift(8, "08:00", "16:00", "home"),
        shift(9, "13:00", "17:00", "anywhere"),
        shift(9, "08:00", "12:00", "home"),
    ]
    report = REMOTE_CAP.check(EMPLOYEE, shifts)
    cap = [v for v in report.violations if v.rule == "CAP"]
    assert len(cap) == 1
    assert blamed(cap[0]) == ["2025-07-09T13:00:00", "2025-07-09T08:00:00"]


def test_max_days_counts_an_overnight_shift_on_both_days_and_denied_shifts_too() -> None:
    """Every piece counts on its own local day, allowed or not (no rule here permits working
    from home, so every shift is denied): Mon, then Tue 22:00 to Wed 02:00 makes 3 days."""
    report = REMOTE_CAP.check(
        EMPLOYEE, [shift(7, "08:00", "16:00", "home"), shift(8, "22:00", "02:00", "home")]
    )
    assert not any(d.allowed for d in report.decisions)
    cap = [v for v in report.violations if v.rule == "CAP"]
    assert [(v.start, blamed(v)) for v in cap] == [(at(9), ["2025-07-08T22:00:00"])]


def test_max_days_unless_binding_and_unknown_fails_closed() -> None:
    """`unless they are special` sets the cap aside for special employees; when `special` is
    missing the cap still binds (a maximum counts unknown applicability)."""
    shifts = [shift(d, "08:00", "16:00", "home") for d in (7, 8, 9)]
    special = REMOTE_CAP.check({"id": "S", "special": True}, shifts)
    unknown = REMOTE_CAP.check({"id": "U"}, shifts)
    assert [v.rule for v in special.violations if v.rule == "CAP"] == []
    assert [v.rule for v in unknown.violations if v.rule == "CAP"] == ["CAP"]


SHIFT_CONDITION = policy("""
shifts have: approved: yes or no.
rule CAP: employees must not work remotely more than 1 working day per week
  if the shift is approved.
""")


def test_max_days_shift_condition_chooses_the_shifts_counted() -> None:
    """A condition on the shift chooses which shifts count: not approved is not counted;
    approval unknown is counted (a maximum fails closed)."""
    report = SHIFT_CONDITION.check(
        EMPLOYEE,
        [
            shift(7, "08:00", "16:00", "home", approved=True),
            shift(8, "08:00", "16:00", "home", approved=False),
            shift(9, "08:00", "16:00", "home"),
        ],
    )
    assert [(v.start, blamed(v)) for v in report.violations] == [(at(9), ["2025-07-09T08:00:00"])]


OVERRIDE = policy("""
shifts have: field visit: yes or no.
rule CAP: employees must not work remotely more than 1 working day per week.
rule FIELD overrides CAP: employees may work anywhere if the shift's field visit is yes.
""")


def test_overridden_limit_does_not_count_the_pieces_its_overrider_applies_to() -> None:
    """FIELD overrides CAP: Monday's field visit (anywhere) is not counted, so Tuesday is the
    1st remote day and Wednesday the 2nd, past the cap of 1. Wednesday's field visit is from
    home, where FIELD (`may work anywhere`) does not apply, so it is counted."""
    report = OVERRIDE.check(
        EMPLOYEE,
        [
            shift(7, "08:00", "16:00", "anywhere", **{"field visit": True}),
            shift(8, "08:00", "16:00", "home"),
            shift(9, "08:00", "16:00", "home", **{"field visit": True}),
        ],
    )
    assert report.decisions[0].allowed
    assert [(v.rule, v.start) for v in report.violations] == [("CAP", at(9))]


# ---- MIN_DAYS -----------------------------------------------------------------------------

ON_SITE_DAYS = policy("""
employees have: special: yes or no.
working days: Monday to Friday.
rule MIN: employees must be on-site at least 3 working days per week unless they are special.
""")


def test_min_days_one_violation_per_period_blaming_no_shift() -> None:
    """Two office days in W28 against 3 required: one violation for the week (Mon 00:00 to the
    next Mon 00:00), blaming no shift; home days and the Saturday do not count."""
    report = ON_SITE_DAYS.check(
        {"id": "E-1", "special": False},
        [
            shift(7, "08:00", "16:00"),
            shift(8, "08:00", "16:00"),
            shift(9, "08:00", "16:00", "home"),
            shift(12, "08:00", "12:00"),
        ],
    )
    assert summary(report) == [
        (
            "MIN",
            "2 days of on-site work in week 7-13 Jul 2025; at least 3 required; "
            "it applies because special is no",
            at(7),
            at(14),
        )
    ]
    assert report.violations[0].shifts == ()


def test_min_days_checks_weeks_wholly_inside_the_period_and_skips_absences() -> None:
    """With a period of Wed 9 to Sun 20, W28 is not wholly inside and is not checked; W29 is
    (even with no shift at all); an office day on leave does not count."""
    report = ON_SITE_DAYS.check(
        {"id": "E-1", "special": False},
        [
            shift(9, "08:00", "16:00"),
            shift(14, "08:00", "16:00"),
            shift(15, "08:00", "16:00"),
            shift(16, "08:00", "16:00"),
        ],
        period=("2025-07-09", "2025-07-20"),
        absences=["2025-07-16"],
    )
    assert summary(report) == [
        (
            "MIN",
            "2 days of on-site work in week 14-20 Jul 2025; at least 3 required; "
            "it applies because special is no",
            at(14),
            at(21),
        )
    ]


def test_min_days_binds_when_membership_is_unknown_but_counts_only_true() -> None:
    """CHOICE: an `at least` limit binds unless its subject and condition are false, and counts
    only pieces where they are true: `special` unknown -> binds and counts nothing."""
    shifts = [shift(d, "08:00", "16:00") for d in (7, 8, 9)]
    assert ON_SITE_DAYS.check({"id": "S", "special": True}, shifts).violations == []
    assert ON_SITE_DAYS.check({"id": "F", "special": False}, shifts).violations == []
    unknown = ON_SITE_DAYS.check({"id": "U"}, shifts)
    assert [v.message for v in unknown.violations] == [
        "0 days of on-site work in week 7-13 Jul 2025; at least 3 required; "
        "it applies because unknown facts count against it: special is missing"
    ]


# ---- MIN_HOURS ----------------------------------------------------------------------------

HOURS = policy("""
working days: Monday to Friday.
holidays: 2025-07-09.
dates Ramadan: 2025-03-01 to 2025-03-26.
rule DAILY: employees must work at least 7.5 hours per working day outside Ramadan.
rule WEEKLY: employees must work at least 37.5 hours per week outside Ramadan.
rule FAST: employees must work at least 32.5 hours per week during Ramadan.
rule FASTDAY: employees must work at least 6.5 hours per working day during Ramadan.
""")


def _rule(report: Any, rule: str) -> list[tuple[str, dt.datetime, dt.datetime]]:
    return [(v.message, v.start, v.end) for v in report.violations if v.rule == rule]


def test_min_hours_per_working_day_checks_each_working_day_of_the_period() -> None:
    """Period Mon 7 to Sun 13: Tue has 7 h, Thu and Fri nothing; Wed 9 is a holiday, the
    weekend is not working days, Mon has 8 h: three violations, one per day short."""
    report = HOURS.check(
        EMPLOYEE,
        [shift(7, "08:00", "16:00"), shift(8, "08:00", "15:00")],
        period=("2025-07-07", "2025-07-13"),
    )
    assert _rule(report, "DAILY") == [
        ("7 hours worked on Tue 2025-07-08; at least 7.5 required", at(8), at(9)),
        ("0 hours worked on Thu 2025-07-10; at least 7.5 required", at(10), at(11)),
        ("0 hours worked on Fri 2025-07-11; at least 7.5 required", at(11), at(12)),
    ]


def test_min_hours_per_working_day_skips_absences_and_without_period_days_without_shifts() -> None:
    """An absence day is not checked; without a period only days holding a shift are."""
    report = HOURS.check(
        EMPLOYEE,
        [shift(7, "08:00", "16:00"), shift(8, "08:00", "15:00")],
        period=("2025-07-07", "2025-07-11"),
        absences=["2025-07-10", "2025-07-11"],
    )
    assert [m for m, _, _ in _rule(report, "DAILY")] == [
        "7 hours worked on Tue 2025-07-08; at least 7.5 required"
    ]
    unbounded = HOURS.check(EMPLOYEE, [shift(8, "08:00", "15:00")])
    assert [m for m, _, _ in _rule(unbounded, "DAILY")] == [
        "7 hours worked on Tue 2025-07-08; at least 7.5 required"
    ]


def test_min_hours_per_week_is_pro_rated_for_a_holiday() -> None:
    """W28 has 5 declared working weekdays, Wed 9 a holiday: 37.5 x 4/5 = 30 h required.
    Mon, Tue, Thu 7.5 h and Fri 7 h make 29.5; 7.5 on Fri would make exactly 30 (enough)."""
    days = [shift(d, "08:00", "15:30") for d in (7, 8, 10)]
    short = HOURS.check(
        EMPLOYEE, [*days, shift(11, "08:00", "15:00")], period=("2025-07-07", "2025-07-13")
    )
    assert _rule(short, "WEEKLY") == [
        (
            "29.5 hours worked in week 7-13 Jul 2025; at least 30 required "
            "(37.5 pro-rated to 4 of 5 working days: Wed 2025-07-09 holiday)",
            at(7),
            at(14),
        )
    ]
    enough = HOURS.check(
        EMPLOYEE, [*days, shift(11, "08:00", "15:30")], period=("2025-07-07", "2025-07-13")
    )
    assert _rule(enough, "WEEKLY") == []


def test_min_hours_per_week_is_pro_rated_for_absences() -> None:
    """Leave on Thu and Fri and the Wed holiday leave 2 of 5 days: 37.5 x 2/5 = 15 h;
    7.5 + 7 = 14.5 h is short."""
    report = HOURS.check(
        EMPLOYEE,
        [shift(7, "08:00", "15:30"), shift(8, "08:00", "15:00")],
        period=("2025-07-07", "2025-07-13"),
        absences=["2025-07-10", dt.date(2025, 7, 11)],
    )
    assert [m for m, _, _ in _rule(report, "WEEKLY")] == [
        "14.5 hours worked in week 7-13 Jul 2025; at least 15 required (37.5 pro-rated to 2 of 5 "
        "working days: Wed 2025-07-09 holiday, Thu 2025-07-10 leave, Fri 2025-07-11 leave)"
    ]


def test_min_hours_during_ramadan_counts_only_its_days() -> None:
    """Ramadan (as declared here) ends Wed 26 March: W13 (Mar 24-30) has 3 of its 5 working
    weekdays in it, so FAST asks 32.5 x 3/5 = 19.5 h, counting only Mon-Wed. Three 6.5 h days
    are exactly enough; a 6 h Wednesday is not (19 h), and FASTDAY flags that day too.
    Thursday and Friday are outside Ramadan: DAILY asks 7.5 h of them."""
    week = [shift(d, "08:00", "14:30", month=3) for d in (24, 25, 26, 27, 28)]
    exact = HOURS.check(EMPLOYEE, week, period=("2025-03-24", "2025-03-30"))
    assert _rule(exact, "FAST") == [] and _rule(exact, "FASTDAY") == []
    assert [m for m, _, _ in _rule(exact, "DAILY")] == [
        "6.5 hours worked on Thu 2025-03-27; at least 7.5 required",
        "6.5 hours worked on Fri 2025-03-28; at least 7.5 required",
    ]
    short = HOURS.check(
        EMPLOYEE,
        [*week[:2], shift(26, "08:00", "14:00", month=3), *week[3:]],
        period=("2025-03-24", "2025-03-30"),
    )
    assert _rule(short, "FAST") == [
        (
            "19 hours worked in week 24-30 Mar 2025; at least 19.5 required (32.5 pro-rated to 3 "
            "of 5 working days: Thu 2025-03-27 outside the rule's dates, Fri 2025-03-28 outside "
            "the rule's dates)",
            at(24, month=3),
            at(31, month=3),
        )
    ]
    assert [m for m, _, _ in _rule(short, "FASTDAY")] == [
        "6 hours worked on Wed 2025-03-26; at least 6.5 required"
    ]


def test_min_hours_per_month_checks_only_whole_months_in_the_period() -> None:
    """A monthly minimum with a period of part of a month checks nothing."""
    monthly = policy("rule M: employees must work at least 150 hours per month.\n")
    assert (
        monthly.check(
            EMPLOYEE, [shift(7, "08:00", "16:00")], period=("2025-07-07", "2025-07-13")
        ).violations
        == []
    )
    whole = monthly.check(
        EMPLOYEE, [shift(7, "08:00", "16:00")], period=("2025-07-01", "2025-07-31")
    )
    # July 2025 has 23 working days of 23 declared: 150 h required
    assert [v.message for v in whole.violations] == [
        "8 hours worked in July 2025; at least 150 required"
    ]


# ---- MAX_HOURS ----------------------------------------------------------------------------

MAX_HOURS = policy("""
rule WEEK: employees must not work more than 40 hours per week.
rule DAY: employees must not work more than 9 hours per day.
""")


def test_max_hours_blames_the_shift_that_passes_the_cap_and_every_later_one() -> None:
    """Five 9-hour days make 36 h by Thursday; Friday passes 40 (45) and the Saturday comes
    after: both blamed, one violation for the week. Given out of order: the walk is by start."""
    shifts = [shift(12, "08:00", "10:00"), *(shift(d, "08:00", "17:00") for d in (11, 10, 9, 8, 7))]
    report = MAX_HOURS.check(EMPLOYEE, shifts)
    week = [v for v in report.violations if v.rule == "WEEK"]
    assert [(v.message, v.start, v.end) for v in week] == [
        ("47 hours worked in week 7-13 Jul 2025; at most 40 allowed", at(7), at(14))
    ]
    assert blamed(week[0]) == ["2025-07-11T08:00:00", "2025-07-12T08:00:00"]


def test_max_hours_exactly_the_cap_is_allowed() -> None:
    """Strictly more than H breaks the cap: 9 hours in a day is fine."""
    assert MAX_HOURS.check(EMPLOYEE, [shift(7, "08:00", "17:00")]).violations == []


def test_max_hours_counts_overlapping_shifts_once() -> None:
    """08:00-17:00 and 12:00-18:00 cover 10 hours, not 15: the second shift adds the hour
    that passes 9, so only it is blamed."""
    report = MAX_HOURS.check(EMPLOYEE, [shift(7, "12:00", "18:00"), shift(7, "08:00", "17:00")])
    day = [v for v in report.violations if v.rule == "DAY"]
    assert [(v.message, v.start, v.end) for v in day] == [
        ("10 hours worked on Mon 2025-07-07; at most 9 allowed", at(7), at(8))
    ]
    assert blamed(day[0]) == ["2025-07-07T12:00:00"]
    assert [v.rule for v in report.violations] == ["DAY"]  # 10 h in the week: under 40


# ---- staffing -------------------------------------------------------------------------------

STAFFING = policy("""
employees have: role: text, unit: text.
hours desk hours: Monday to Friday 08:00 to 12:00.
group desk staff: employees whose role is "desk".
rule COVER: at least 2 desk staff must be on-site during desk hours.
rule EACH: at least 1 desk staff in each unit must be on-site during desk hours.
""")


def _desk(ident: str, unit: str = "north", **more: Any) -> dict[str, Any]:
    return {"id": ident, "role": "desk", "unit": unit, **more}


def test_staffing_gap_names_who_was_present() -> None:
    """A from 08:00, B from 10:00, C at home, D not desk staff: 08:00-10:00 has only A on
    site, one violation on the policy's clock; from 10:00 two are there."""
    roster = STAFFING.check_roster(
        [
            (_desk("A"), [shift(7, "08:00", "12:00")]),
            (_desk("B"), [shift(7, "10:00", "12:00")]),
            (_desk("C"), [shift(7, "08:00", "12:00", "home")]),
            ({"id": "D", "role": "driver", "unit": "north"}, [shift(7, "08:00", "12:00")]),
        ],
        period=("2025-07-07", "2025-07-07"),
    )
    cover = [v for v in roster.violations if v.rule == "COVER"]
    assert [(v.start, v.end, v.present, v.group, v.kind) for v in cover] == [
        (at(7, 8), at(7, 10), ("A",), None, "staffing")
    ]
    assert cover[0].message == (
        "Mon 2025-07-07 08:00-10:00: 1 present (A), at least 2 needed for on-site work"
    )
    assert cover[0].shifts == () and cover[0].employee is None


def test_staffing_splits_gaps_where_the_people_present_change() -> None:
    """A 08:00-09:00 then B 09:00-10:00 then nobody: three spans, each its own violation;
    a day in the period with no shift at all is one gap with nobody."""
    roster = STAFFING.check_roster(
        [
            (_desk("A"), [shift(7, "08:00", "09:00")]),
            (_desk("B"), [shift(7, "09:00", "10:00")]),
        ],
        period=("2025-07-07", "2025-07-08"),
    )
    cover = [(v.start, v.end, v.present) for v in roster.violations if v.rule == "COVER"]
    assert cover == [
        (at(7, 8), at(7, 9), ("A",)),
        (at(7, 9), at(7, 10), ("B",)),
        (at(7, 10), at(7, 12), ()),
        (at(8, 8), at(8, 12), ()),
    ]


def test_staffing_in_each_checks_every_value_and_unknown_members_are_absent() -> None:
    """`in each unit`: north has A on site, south only E at home -> a gap for south with
    nobody. F's role is missing: not a member, so not present anywhere."""
    roster = STAFFING.check_roster(
        [
            (_desk("A"), [shift(7, "08:00", "12:00")]),
            (_desk("E", "south"), [shift(7, "08:00", "12:00", "home")]),
            ({"id": "F", "unit": "south"}, [shift(7, "08:00", "12:00")]),
        ],
        period=("2025-07-07", "2025-07-07"),
    )
    each = [(v.group, v.start, v.end, v.present) for v in roster.violations if v.rule == "EACH"]
    assert each == [("south", at(7, 8), at(7, 12), ())]
    assert 'in unit "south"' in next(v.message for v in roster.violations if v.rule == "EACH")


def test_staffing_converts_a_wita_employee_to_the_policy_clock() -> None:
    """W works 08:00-12:00 in Makassar (WITA, UTC+8) = 07:00-11:00 on the policy's Jakarta
    clock: with A 08:00-12:00 two are there until 11:00, then A alone until 12:00."""
    roster = STAFFING.check_roster(
        [
            (_desk("A"), [shift(7, "08:00", "12:00")]),
            (_desk("W", timezone="Asia/Makassar"), [shift(7, "08:00", "12:00")]),
        ],
        period=("2025-07-07", "2025-07-07"),
    )
    cover = [(v.start, v.end, v.present) for v in roster.violations if v.rule == "COVER"]
    assert cover == [(at(7, 11), at(7, 12), ("A",))]
    assert cover[0][0].utcoffset() == dt.timedelta(hours=7)


def test_staffing_without_period_spans_the_days_holding_shifts() -> None:
    """Without a period the days run from the first to the last day with a shift: Mon and
    Wed with nobody in between are three days, Tuesday a gap with nobody."""
    roster = STAFFING.check_roster(
        [
            (_desk("A"), [shift(7, "08:00", "12:00"), shift(9, "08:00", "12:00")]),
            (_desk("B"), [shift(7, "08:00", "12:00"), shift(9, "08:00", "12:00")]),
        ]
    )
    assert [(v.rule, v.start, v.end) for v in roster.violations] == [
        ("COVER", at(8, 8), at(8, 12)),
        ("EACH", at(8, 8), at(8, 12)),
    ]


# ---- shares ---------------------------------------------------------------------------------

SHARES = policy("""
employees have: role: text, unit: text.
group desk staff: employees whose role is "desk".
rule UNIT: at most 30% of employees in each unit may work remotely per day.
rule DESK: at most 50% of desk staff may work from home per day.
""")


def _unit(size: int, home: int, unit: str = "x") -> list[tuple[dict[str, Any], list[Any]]]:
    return [
        (
            {"id": f"{unit}{n}", "unit": unit, "role": "clerk"},
            [shift(7, "08:00", "16:00", "home" if n < home else "office")],
        )
        for n in range(size)
    ]


@pytest.mark.parametrize(
    ("size", "home", "over"),
    [
        (10, 3, False),  # 30% of 10 = 3 exactly
        (10, 4, True),
        (7, 2, False),  # 30% of 7 = 2.1 -> 2
        (7, 3, True),
        (3, 1, True),  # 30% of 3 = 0.9 -> 0
    ],
)
def test_share_allows_the_floor_of_the_percentage(size: int, home: int, over: bool) -> None:
    """floor(P x n / 100), computed exactly; counted whether people work that day or not."""
    roster = SHARES.check_roster(_unit(size, home), period=("2025-07-07", "2025-07-07"))
    shares = [v for v in roster.violations if v.rule == "UNIT"]
    assert bool(shares) is over
    if over:
        allowed = 3 * size // 10
        assert shares[0].message == (
            f'Mon 2025-07-07: {home} of {size} of unit "x" away for remote work '
            f"({', '.join(f'x{n}' for n in range(home))}); at most {allowed} allowed (30%)"
        )
        assert (shares[0].start, shares[0].end, shares[0].group) == (at(7), at(8), "x")
        assert shares[0].present == tuple(f"x{n}" for n in range(home))


def test_share_counts_members_who_do_not_work_that_day() -> None:
    """Ten in unit x, six without a shift that day: still n = 10, so 3 at home is allowed."""
    schedules = _unit(4, 3) + [({"id": f"y{n}", "unit": "x"}, []) for n in range(6)]
    roster = SHARES.check_roster(schedules, period=("2025-07-07", "2025-07-07"))
    assert [v for v in roster.violations if v.rule == "UNIT"] == []


def test_share_headcount_gives_the_real_size_of_a_group() -> None:
    """Four of unit x in the roster, three at home: with headcount 10 three are allowed; with
    9, floor(2.7) = 2 and the day is over its share."""
    schedules = _unit(4, 3)
    fine = SHARES.check_roster(schedules, period=("2025-07-07", "2025-07-07"), headcount={"x": 10})
    assert [v for v in fine.violations if v.rule == "UNIT"] == []
    over = SHARES.check_roster(schedules, period=("2025-07-07", "2025-07-07"), headcount={"x": 9})
    assert [v.message for v in over.violations if v.rule == "UNIT"] == [
        'Mon 2025-07-07: 3 of 9 of unit "x" away for remote work (x0, x1, x2); '
        "at most 2 allowed (30%)"
    ]


def test_share_without_in_each_uses_headcount_key_none() -> None:
    """A share without `in each` is one group, keyed None in `headcount`."""
    schedules = [
        (
            {"id": f"d{n}", "role": "desk", "unit": "x"},
            [shift(7, "08:00", "16:00", "home" if n < 2 else "office")],
        )
        for n in range(3)
    ]
    over = SHARES.check_roster(schedules, period=("2025-07-07", "2025-07-07"))
    assert [(v.group, v.present) for v in over.violations if v.rule == "DESK"] == [
        (None, ("d0", "d1"))
    ]  # 50% of 3 = 1.5 -> 1
    fine = SHARES.check_roster(schedules, period=("2025-07-07", "2025-07-07"), headcount={None: 4})
    assert [v for v in fine.violations if v.rule == "DESK"] == []


def test_share_counts_unknown_members_among_those_away() -> None:
    """Fail closed: Q's role is missing, so Q may be desk staff; working from home, Q counts
    among those away (n counts only sure members: 2, allowing 1)."""
    schedules = [
        ({"id": "P", "role": "desk", "unit": "x"}, [shift(7, "08:00", "16:00", "home")]),
        ({"id": "R", "role": "desk", "unit": "x"}, [shift(7, "08:00", "16:00")]),
        ({"id": "Q", "unit": "x"}, [shift(7, "08:00", "16:00", "home")]),
    ]
    roster = SHARES.check_roster(
        schedules, period=("2025-07-07", "2025-07-07"), headcount={"x": 10}
    )
    desk = [v for v in roster.violations if v.rule == "DESK"]
    assert [(v.present, v.message) for v in desk] == [
        (
            ("P", "Q"),
            "Mon 2025-07-07: 2 of 2 away for work from home (P, Q); at most 1 allowed (50%)",
        )
    ]


# ---- rosters: input and reports -------------------------------------------------------------


def test_an_employee_id_twice_is_an_input_error() -> None:
    """Two schedules for one id cannot be told apart: InputError(field="employee")."""
    with pytest.raises(InputError) as caught:
        SHARES.check_roster([({"id": "A"}, []), Schedule({"id": "A"}, [])])
    assert caught.value.field == "employee"
    assert "employee `A` appears twice" in str(caught.value)


def test_roster_takes_schedules_with_absences() -> None:
    """`Schedule(employee, shifts, absences)` passes the leave days to the limits."""
    roster = HOURS.check_roster(
        [
            Schedule({"id": "A"}, [shift(7, "08:00", "16:00")], absences=["2025-07-08"]),
            ({"id": "B"}, [shift(7, "08:00", "16:00")]),
        ],
        period=("2025-07-07", "2025-07-08"),
    )
    assert [(v.employee, v.start) for v in roster.violations if v.rule == "DAILY"] == [("B", at(8))]
    assert roster.reports["A"].violations == []
    assert [v.rule for v in roster.reports["B"].violations] == ["DAILY"]


def test_schedule_report_decisions_are_what_decide_returns() -> None:
    """`.decisions` are exactly `decide`'s, in the order given; limits only add violations."""
    cap = policy("""
rule HOME: employees may work from home.
rule CAP: employees must not work from home more than 1 day per week.
""")
    shifts = [shift(8, "08:00", "16:00", "home"), shift(7, "08:00", "16:00", "home")]
    report = cap.check(EMPLOYEE, shifts)
    alone = [cap.decide(EMPLOYEE, s) for s in shifts]
    assert [d.to_dict() for d in report.decisions] == [d.to_dict() for d in alone]
    assert all(d.allowed for d in report.decisions)
    assert not report.allowed
    assert [v.start for v in report.violations] == [at(8)]
    assert report.violations[0].shifts[0] is shifts[0]


def test_schedule_report_explain_and_to_dict() -> None:
    """explain() names the employee, sums up the shifts, lists the denied ones and each
    violation with the shift it blames and its rule's words; to_dict() is JSON-ready with the
    same facts."""
    report = REMOTE_CAP.check(EMPLOYEE, [shift(d, "08:00", "16:00", "home") for d in (7, 8, 9)])
    text = report.explain()
    assert text.splitlines()[:3] == [
        "NOT ALLOWED  schedule of E-1 Sari (Asia/Jakarta): 3 shifts, 3 denied, 2 limit violations",
        "  schedule tests",
        "  3 shifts, Mon 2025-07-07 to Wed 2025-07-09: all denied",
    ]
    assert "  DENIED Mon 2025-07-07 08:00-16:00 home" in text.splitlines()
    assert "  ! CAP: Wed 2025-07-09 is the 3rd working day of remote work" in text
    assert "      the shift of Wed 2025-07-09 08:00-16:00 home" in text.splitlines()
    assert (
        "    rule: employees must not work remotely more than 2 working days per week unless "
        "they are special (test.rules:7)"
    ) in text.splitlines()
    document = json.loads(json.dumps(report.to_dict()))
    assert document["allowed"] is False
    assert document["employee"] == {"id": "E-1", "name": "Sari"}
    assert len(document["decisions"]) == 3
    cap = next(v for v in document["violations"] if v["rule"] == "CAP")
    assert cap["kind"] == "limit" and cap["employee"] == "E-1" and cap["present"] is None
    assert cap["start"] == "2025-07-09T00:00:00+07:00"
    assert cap["shifts"] == [
        {"start": "2025-07-09T08:00:00", "end": "2025-07-09T16:00:00", "location": "home"}
    ]


def test_roster_report_allowed_decisions_explain_and_to_dict() -> None:
    """A roster report: allowed only with no violation and no denied shift; decisions by id;
    explain() goes day by day; to_dict() holds every schedule and the staffing violations."""
    schedules = [
        (_desk("A"), [shift(7, "08:00", "12:00")]),
        (_desk("B"), [shift(7, "10:00", "12:00")]),
    ]
    roster = STAFFING.check_roster(schedules, period=("2025-07-07", "2025-07-07"))
    assert not roster.allowed
    assert set(roster.decisions) == {"A", "B"} and len(roster.decisions["A"]) == 1
    text = roster.explain()
    assert "Mon 2025-07-07" in text and "COVER" in text
    document = json.loads(json.dumps(roster.to_dict()))
    assert document["allowed"] is False
    assert set(document["schedules"]) == {"A", "B"}
    assert [v["present"] for v in document["violations"] if v["rule"] == "COVER"] == [["A"]]
    full = STAFFING.check_roster(
        [(_desk("A"), [shift(7, "08:00", "12:00")]), (_desk("B"), [shift(7, "08:00", "12:00")])],
        period=("2025-07-07", "2025-07-07"),
    )
    assert full.violations == [] and not full.allowed  # no rule permits: shifts denied


def test_share_groups_by_a_ranked_value_are_named_and_counted() -> None:
    """`in each` over a ranked attribute reports the value's name, takes headcount by name,
    and the violation carries its numbers."""
    policy = flexrules.compile_policy(
        'policy "ranked groups" timezone WIB.\n'
        'employees have: level: ranked "low" < "high".\n'
        "rule S: at most 50% of employees in each level may work remotely per day.\n"
    )
    people = [{"id": f"h{i}", "level": "high"} for i in range(2)]
    shifts = [{"start": "2025-07-07T08:00", "end": "2025-07-07T12:00", "location": "home"}]
    roster = policy.check_roster([(p, shifts) for p in people], headcount={"high": 3})
    (violation,) = roster.violations
    assert violation.group == "high"
    assert 'of level "high" away' in violation.message
    assert (violation.bound, violation.count, violation.size) == (1, 2, 3)
    assert violation.to_dict()["bound"] == 1
