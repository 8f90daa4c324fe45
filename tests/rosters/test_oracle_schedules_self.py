"""Hand-worked cases for the schedule oracle itself (tests/support/oracle_schedules.py).

Every expected value here was worked out by hand from docs/schedule-semantics.md and the
oracle's POLICY_TEXT, independently of the engine: limit forms, blame order of the hour maximum
with overlapping shifts, pro-rating a Ramadan week with a holiday and absences, staffing gaps
with who was present, a staffing span across employees in other time zones, shares with floor
rounding and headcount, and unknown members. The calendar facts they rely on: July 2025 has no
public holiday; 2025-05-29 (Thursday) is a public holiday; 2025-03-28 (Friday) is an agency
holiday of the policy; Ramadan is 2025-03-01 to 2025-03-30.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from oracle_schedules import (
    OracleInputError,
    check,
    check_report,
    check_roster,
    holiday,
    roster_report,
    working_day,
)

# ---------------------------------------------------------------- helpers


def emp(ident: str = "E1", **facts: Any) -> dict[str, Any]:
    """A clerk in records, not in special circumstances, grade 10, unless told otherwise."""
    e: dict[str, Any] = {
        "id": ident,
        "role": "clerk",
        "unit": "records",
        "in_special_circumstances": False,
        "grade": 10,
    }
    for key, value in facts.items():
        if value is ...:
            e.pop(key, None)
        else:
            e[key] = value
    return e


def sh(start: str, end: str, location: str = "office", **attrs: Any) -> dict[str, Any]:
    return {"start": start, "end": end, "location": location, **attrs}


def days(
    first: str, n: int, start: str, end: str, location: str = "office"
) -> list[dict[str, Any]]:
    """``n`` consecutive days from ``first``, each with one shift ``start``-``end``."""
    d0 = date.fromisoformat(first)
    out = []
    for i in range(n):
        d = (d0 + timedelta(days=i)).isoformat()
        out.append(sh(f"{d}T{start}", f"{d}T{end}", location))
    return out


def lim(
    rule: str, start: str, end: str, blamed: Any = (), who: str = "E1", tz: str = "+07:00"
) -> tuple[Any, ...]:
    """A limit violation; start/end as YYYY-MM-DDTHH:MM."""
    return (rule, f"{start}:00{tz}", f"{end}:00{tz}", frozenset(blamed), who, None, None)


def on_day(
    rule: str, day: str, blamed: Any = (), who: str = "E1", tz: str = "+07:00"
) -> tuple[Any, ...]:
    nxt = (date.fromisoformat(day) + timedelta(days=1)).isoformat()
    return lim(rule, f"{day}T00:00", f"{nxt}T00:00", blamed, who, tz)


def in_week(rule: str, monday: str, who: str = "E1", tz: str = "+07:00") -> tuple[Any, ...]:
    nxt = (date.fromisoformat(monday) + timedelta(days=7)).isoformat()
    return lim(rule, f"{monday}T00:00", f"{nxt}T00:00", (), who, tz)


def staff(
    rule: str, start: str, end: str, present: tuple[str, ...], group: str | None = None
) -> tuple[Any, ...]:
    return (rule, f"{start}:00+07:00", f"{end}:00+07:00", frozenset(), None, present, group)


def share(rule: str, day: str, away: tuple[str, ...], group: str | None = None) -> tuple[Any, ...]:
    nxt = (date.fromisoformat(day) + timedelta(days=1)).isoformat()
    return (rule, f"{day}T00:00:00+07:00", f"{nxt}T00:00:00+07:00", frozenset(), None, away, group)


def only(rules: str, violations: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    keep = set(rules.split())
    return [v for v in violations if v[0] in keep]


# A plain week: Mon 2025-07-07 to Fri 2025-07-11, 08:00-16:00 (8 h a day, 40 h).
WEEK = "2025-07-07"


def three_remote(location: str = "home") -> list[dict[str, Any]]:
    return days(WEEK, 3, "08:00", "16:00", location) + days("2025-07-10", 2, "08:00", "16:00")


# ---------------------------------------------------------------- calendar


def test_calendar_facts_the_cases_rely_on() -> None:
    assert holiday(date(2025, 5, 29)) and holiday(date(2025, 3, 28)) and holiday(date(2025, 6, 9))
    assert not holiday(date(2025, 3, 27)) and not holiday(date(2025, 5, 30))  # cuti bersama
    assert not any(holiday(date(2025, 7, d)) for d in range(1, 32))
    assert working_day(date(2025, 7, 7)) and not working_day(date(2025, 7, 12))


# ---------------------------------------------------------------- L1 (MAX_DAYS, working days)


def test_third_remote_working_day_in_a_week_breaks_the_cap() -> None:
    # Remote Mon, Tue, Wed; office Thu, Fri. 8 h each: L2 fine, 40 h is not over 40, 2 office
    # days. The third remote working day (Wed) is the violation, blaming Wednesday's shift.
    allowed, decisions, violations = check_report(emp(), three_remote())
    assert violations == [on_day("L1", "2025-07-09", {2})]
    assert decisions == [True] * 5 and allowed is False


def test_holidays_and_weekends_do_not_count_toward_the_remote_cap() -> None:
    # Week of 2025-05-26: remote Mon, Tue, Thu 29 (a public holiday) and Sat; office Wed, Fri.
    # Only Mon and Tue are remote working days. L2: Mon, Tue, Wed, Fri have 8 h. 38 h. Office
    # Wed and Fri: 2 days. Home on 3 days of May.
    shifts = [
        sh("2025-05-26T08:00", "2025-05-26T16:00", "home"),
        sh("2025-05-27T08:00", "2025-05-27T16:00", "home"),
        sh("2025-05-28T08:00", "2025-05-28T16:00"),
        sh("2025-05-29T08:00", "2025-05-29T12:00", "home"),
        sh("2025-05-30T08:00", "2025-05-30T16:00"),
        sh("2025-05-31T09:00", "2025-05-31T11:00", "anywhere"),
    ]
    assert check_report(emp(), shifts) == (True, [True] * 6, [])


def test_special_circumstances_lift_the_cap_and_unknown_fails_closed() -> None:
    assert check(emp(in_special_circumstances=True), three_remote()) == []
    # the spaced key is read first
    spaced = emp(in_special_circumstances=...)
    spaced["in special circumstances"] = True
    assert check(spaced, three_remote()) == []
    # ill-typed ("yes") or missing: `unless` is unknown, and a maximum counts it (fail closed)
    for value in ("yes", None, ...):
        assert check(emp(in_special_circumstances=value), three_remote()) == [
            on_day("L1", "2025-07-09", {2})
        ]


def test_override_x_sets_l1_aside_for_anywhere_work_in_ramadan_at_grade_12() -> None:
    # Ramadan week 2025-03-10: 7 h a day (35 h >= 32.5 h), remote Mon-Wed, office Thu-Fri.
    def ramadan(location: str) -> list[dict[str, Any]]:
        return days("2025-03-10", 3, "08:00", "15:00", location) + days(
            "2025-03-13", 2, "08:00", "15:00"
        )

    wed = on_day("L1", "2025-03-12", {2})
    assert check(emp(grade=12), ramadan("anywhere")) == []
    assert check(emp(grade=12.0), ramadan("anywhere")) == []
    assert check(emp(grade=11.5), ramadan("anywhere")) == [wed]
    assert check(emp(grade="12"), ramadan("anywhere")) == [wed]  # unknown sets nothing aside
    assert check(emp(grade=16), ramadan("home")) == [wed]  # X permits anywhere only
    # outside Ramadan X does not apply
    assert check(emp(grade=16), three_remote("anywhere")) == [on_day("L1", "2025-07-09", {2})]


def test_overnight_remote_piece_counts_on_its_own_day_and_hours_pass_forty() -> None:
    # Home Mon, Tue; a remote shift Tue 22:00 - Wed 02:00; office Wed, Thu, Fri 08-16.
    # L1: remote working days Mon, Tue, Wed (the 00:00-02:00 piece): Wed blames shift 2 only.
    # L4: walk by start 0 (8), 1 (16), 2 (20), 3 (28), 4 (36), 5 (44): passes 40 at shift 5.
    shifts = [
        sh("2025-07-07T08:00", "2025-07-07T16:00", "home"),
        sh("2025-07-08T08:00", "2025-07-08T16:00", "home"),
        sh("2025-07-08T22:00", "2025-07-09T02:00", "anywhere"),
        *days("2025-07-09", 3, "08:00", "16:00"),
    ]
    assert check(emp(), shifts) == [
        lim("L4", "2025-07-07T00:00", "2025-07-14T00:00", {5}),
        on_day("L1", "2025-07-09", {2}),
    ]


# ---------------------------------------------------------------- L4 (MAX_HOURS) and blame


def test_hour_maximum_blames_from_the_shift_that_passes_it_with_overlaps_counted_once() -> None:
    # Week of 2025-07-14, given out of order. Walk by start: 1 Mon 08-18 (10), 2 Tue 08-18 (20),
    # 4 Wed 08-18 (30), 3 Wed 12-20 adds 18-20 (32), 5 Thu 08:00-16:30 (40.5 > 40: passes),
    # 6 Thu 09-10 adds nothing, 0 Fri 08-12 (44.5). Blamed: 5, 6 and 0.
    # Also L2 on Friday (4 h); remote working days Thu and Fri are only two.
    shifts = [
        sh("2025-07-18T08:00", "2025-07-18T12:00", "home"),
        sh("2025-07-14T08:00", "2025-07-14T18:00"),
        sh("2025-07-15T08:00", "2025-07-15T18:00"),
        sh("2025-07-16T12:00", "2025-07-16T20:00"),
        sh("2025-07-16T08:00", "2025-07-16T18:00"),
        sh("2025-07-17T08:00", "2025-07-17T16:30"),
        sh("2025-07-17T09:00", "2025-07-17T10:00", "anywhere"),
    ]
    assert check(emp(), shifts) == [
        lim("L4", "2025-07-14T00:00", "2025-07-21T00:00", {5, 6, 0}),
        on_day("L2", "2025-07-18"),
    ]


def test_hour_maximum_ties_in_start_follow_the_order_given() -> None:
    # Mon-Wed 08-18 (30 h), then two Thursday shifts starting at 08:00: 08-09 and 08-19.
    base = days("2025-07-21", 3, "08:00", "18:00")
    short = sh("2025-07-24T08:00", "2025-07-24T09:00")
    long_ = sh("2025-07-24T08:00", "2025-07-24T19:00")
    week = ("L4", "2025-07-21T00:00:00+07:00", "2025-07-28T00:00:00+07:00")
    # short first: 31 h, then long: 41 h -> only the long one (index 4) is blamed
    assert [v[:4] for v in only("L4", check(emp(), [*base, short, long_]))] == [
        (*week, frozenset({4}))
    ]
    # long first: 41 h at once (index 3), and the short one after it in the walk
    assert [v[:4] for v in only("L4", check(emp(), [*base, long_, short]))] == [
        (*week, frozenset({3, 4}))
    ]


def test_exactly_forty_hours_is_not_over_and_one_second_more_is() -> None:
    week = days(WEEK, 5, "08:00", "16:00")
    assert check(emp(), week) == []
    week[4] = sh("2025-07-11T08:00:00", "2025-07-11T16:00:01")
    assert check(emp(), week) == [lim("L4", "2025-07-07T00:00", "2025-07-14T00:00", {4})]


def test_sunday_night_shift_counts_in_both_weeks() -> None:
    # Sun 2025-07-13 20:00 - Mon 04:00: 4 h in each week. Week of 07-14: Mon-Fri 08-16 (40) plus
    # those 4 h = 44 h; by start the overnight shift (index 0) comes first: 4, 12, ..., 36
    # after Thursday, 44 at Friday (index 5): only Friday is blamed.
    shifts = [sh("2025-07-13T20:00", "2025-07-14T04:00"), *days("2025-07-14", 5, "08:00", "16:00")]
    assert only("L4", check(emp(), shifts)) == [
        lim("L4", "2025-07-14T00:00", "2025-07-21T00:00", {5})
    ]
    # The week of 07-07 holds 4 h on Sunday (office): one on-site day -> L5 for that week.
    assert only("L5", check(emp(), shifts)) == [in_week("L5", WEEK)]


# ---------------------------------------------------------------- L2 (MIN_HOURS per working day)


def test_working_day_minimum_counts_overlaps_once() -> None:
    # Mon 08:00-15:30 (exactly 7.5 h); Tue 08-12 office and 10:00-15:30 home (union 7.5 h, sum
    # 9.5 h); Wed 08:00-15:29 (7 h 29 min: short); no Thursday; Fri 08-16.
    shifts = [
        sh("2025-07-07T08:00", "2025-07-07T15:30"),
        sh("2025-07-08T08:00", "2025-07-08T12:00"),
        sh("2025-07-08T10:00", "2025-07-08T15:30", "home"),
        sh("2025-07-09T08:00", "2025-07-09T15:29"),
        sh("2025-07-11T08:00", "2025-07-11T16:00"),
    ]
    wed, thu = on_day("L2", "2025-07-09"), on_day("L2", "2025-07-10")
    # without a period only days holding a piece are checked: Thursday is not
    assert check(emp(), shifts) == [wed]
    # with a period every working day in it is; Mon-Sun also checks the week (4 office days)
    assert check(emp(), shifts, period=(date(2025, 7, 7), date(2025, 7, 11))) == [wed, thu]
    assert check(emp(), shifts, period=("2025-07-07", "2025-07-13")) == [wed, thu]
    # leave on Thursday: not a working day for the minimum
    assert check(emp(), shifts, period=("2025-07-07", "2025-07-13"), absences=["2025-07-10"]) == [
        wed
    ]
    assert (
        check(
            emp(),
            shifts,
            period=("2025-07-07", "2025-07-13"),
            absences=[date(2025, 7, 10), date(2025, 7, 9)],
        )
        == []
    )


def test_day_minimum_is_not_checked_in_ramadan_but_the_week_minimum_is() -> None:
    # One 2-hour office shift on Mon 2025-03-10: no L2 (Ramadan); the week needs 32.5 h (L3)
    # and two on-site days (L5); both periods start Monday 00:00, L3 first in source order.
    assert check(emp(), [sh("2025-03-10T08:00", "2025-03-10T10:00")]) == [
        in_week("L3", "2025-03-10"),
        in_week("L5", "2025-03-10"),
    ]


# ---------------------------------------------------------------- L3 (pro-rated MIN_HOURS)


def test_ramadan_week_with_a_holiday_is_pro_rated() -> None:
    # Week of 2025-03-24: Fri 28 is an agency holiday. D = 5 declared working days, C = 4
    # counted: required 32.5 x 4 / 5 = 26 h. Mon-Thu 08:00-14:30 = 4 x 6.5 h = 26 h: enough.
    shifts = days("2025-03-24", 4, "08:00", "14:30")
    assert check(emp(), shifts) == []
    shifts[3] = sh("2025-03-27T08:00", "2025-03-27T14:29")  # 25 h 59 min
    assert check(emp(), shifts) == [in_week("L3", "2025-03-24")]


def test_ramadan_week_with_leave_asks_less_and_hours_on_leave_still_count() -> None:
    # Leave on Wed 2025-03-26 as well: C = 3, required 19.5 h.
    three = [
        sh("2025-03-24T08:00", "2025-03-24T14:30"),
        sh("2025-03-25T08:00", "2025-03-25T14:30"),
        sh("2025-03-27T08:00", "2025-03-27T14:30"),
    ]
    assert check(emp(), three, absences=["2025-03-26"]) == []
    # 6.5 + 6.5 + 2 (on the leave day, still counted: CHOICE O2) + 4.5 = 19.5 h: enough
    shifts = [
        three[0],
        three[1],
        sh("2025-03-26T08:00", "2025-03-26T10:00"),
        sh("2025-03-27T08:00", "2025-03-27T12:30"),
    ]
    assert check(emp(), shifts, absences=["2025-03-26"]) == []
    assert check(emp(), shifts) == [in_week("L3", "2025-03-24")]  # no leave: 26 h needed


def test_week_entering_ramadan_requires_nothing_and_weekend_hours_count() -> None:
    # Week of 2025-02-24: its working days are all before Ramadan: C = 0, nothing required.
    # Sat 1 and Sun 2 March on site: two on-site days, no working day to check for L2.
    weekend = [
        sh("2025-03-01T08:00", "2025-03-01T10:00"),
        sh("2025-03-02T08:00", "2025-03-02T10:00"),
    ]
    assert check(emp(), weekend) == []
    # Week of 03-03: Mon-Thu 7 h (28 h) plus 4.5 h from home on Saturday = 32.5 h
    week = days("2025-03-03", 4, "08:00", "15:00")
    saturday = sh("2025-03-08T08:00", "2025-03-08T12:30", "home")
    assert check(emp(), [*week, saturday]) == []
    assert check(emp(), week) == [in_week("L3", "2025-03-03")]


# ---------------------------------------------------------------- L5 (MIN_DAYS)


def test_on_site_days_exclude_leave_and_only_whole_weeks_in_the_period_count() -> None:
    mon_tue = days(WEEK, 2, "08:00", "16:00")
    assert only("L5", check(emp(), mon_tue)) == []
    assert only("L5", check(emp(), mon_tue, absences=["2025-07-08"])) == [in_week("L5", WEEK)]
    # period Tue 07-08 to Sun 07-20: only the week of 07-14 lies inside; it has no shift
    assert only("L5", check(emp(), mon_tue, period=("2025-07-08", "2025-07-20"))) == [
        in_week("L5", "2025-07-14")
    ]


def test_week_minimum_without_period_checks_a_week_holding_only_a_weekend_shift() -> None:
    # A single Saturday office shift: one on-site day (days, not working days) -> L5; no L2.
    assert check(emp(), [sh("2025-07-12T08:00", "2025-07-12T16:00")]) == [in_week("L5", WEEK)]


def test_maximum_limits_ignore_the_period() -> None:
    assert only("L1", check(emp(), three_remote(), period=("2025-07-14", "2025-07-20"))) == [
        on_day("L1", "2025-07-09", {2})
    ]


# ---------------------------------------------------------------- L6 (MAX_DAYS per month)


def test_ninth_home_day_in_a_month_and_field_visits() -> None:
    # Home 08-16 on 1, 2, 3, 4, 7, 8, 9, 10, 11 July: the 9th day (07-11, index 8) is over 8.
    dates = [
        "2025-07-01",
        "2025-07-02",
        "2025-07-03",
        "2025-07-04",
        "2025-07-07",
        "2025-07-08",
        "2025-07-09",
        "2025-07-10",
        "2025-07-11",
    ]
    shifts = [sh(f"{d}T08:00", f"{d}T16:00", "home", purpose="desk") for d in dates]
    assert only("L6", check(emp(), shifts)) == [on_day("L6", "2025-07-11", {8})]
    shifts[1]["purpose"] = "field visit"  # not counted: 8 days
    assert only("L6", check(emp(), shifts)) == []
    for unknown in ("Field visit", 3, None):  # unknown purpose: counted (fail closed)
        shifts[1]["purpose"] = unknown
        assert only("L6", check(emp(), shifts)) == [on_day("L6", "2025-07-11", {8})]
    del shifts[1]["purpose"]
    assert only("L6", check(emp(), shifts)) == [on_day("L6", "2025-07-11", {8})]
    # months are separate: 4 days in June and 5 in July -> nothing
    june = [sh(f"2025-06-{d}T08:00", f"2025-06-{d}T16:00", "home") for d in (24, 25, 26, 30)]
    assert only("L6", check(emp(), june + shifts[:5])) == []


# ---------------------------------------------------------------- time zones


def test_limits_use_the_employee_clock_and_aware_times_are_converted() -> None:
    # A WIT employee; times given in UTC. 2025-07-06T23:00Z is Mon 07-07 08:00 WIT.
    def utc_day(day: int, location: str) -> dict[str, Any]:
        return sh(f"2025-07-{day - 1:02d}T23:00Z", f"2025-07-{day:02d}T07:00:00+00:00", location)

    shifts = [
        utc_day(7, "home"),
        utc_day(8, "home"),
        utc_day(9, "anywhere"),
        utc_day(10, "office"),
        utc_day(11, "office"),
    ]
    for zone in ("WIT", "Asia/Jayapura", "wit"):
        assert check(emp(timezone=zone), shifts) == [on_day("L1", "2025-07-09", {2}, tz="+09:00")]
    # on the WIB clock the same instants are 06:00-14:00 of each day: the same violation
    assert check(emp(), shifts) == [on_day("L1", "2025-07-09", {2})]


# ---------------------------------------------------------------- decisions (R1, R2)


@pytest.mark.parametrize(
    ("employee", "shift", "allowed"),
    [
        (emp(role="counter"), sh("2025-07-07T08:00", "2025-07-07T16:00", "home"), False),
        (emp(role="counter"), sh("2025-07-07T15:00", "2025-07-07T20:00", "home"), True),
        (emp(role="counter"), sh("2025-07-11T11:30", "2025-07-11T16:00", "anywhere"), True),  # Fri
        (emp(role="counter"), sh("2025-05-29T08:00", "2025-05-29T16:00", "home"), True),  # holiday
        (emp(role="counter"), sh("2025-07-07T08:00", "2025-07-07T16:00"), True),
        (emp(role=...), sh("2025-07-07T09:00", "2025-07-07T10:00", "home"), False),  # unknown
        (emp(role=42), sh("2025-07-07T09:00", "2025-07-07T10:00", "home"), False),
        (emp(role="Counter"), sh("2025-07-07T09:00", "2025-07-07T10:00", "home"), True),
        (
            emp(role="counter", timezone="WIT"),
            sh("2025-07-07T06:00", "2025-07-07T08:30", "home"),
            False,
        ),
        (
            emp(role="counter", timezone="WIT"),
            sh("2025-07-07T06:00", "2025-07-07T08:00", "home"),
            True,
        ),
    ],
)
def test_decisions_of_the_shift_rules(
    employee: dict[str, Any], shift: dict[str, Any], allowed: bool
) -> None:
    assert check_report(employee, [shift])[1] == [allowed]


# ---------------------------------------------------------------- staffing


def counter(ident: str, *shifts: dict[str, Any], **facts: Any) -> tuple[Any, Any]:
    """Counter staff in registration (facts may override or, with ..., remove a key)."""
    return emp(ident, **{"role": "counter", "unit": "registration", **facts}), list(shifts)


def test_staffing_gap_names_who_was_present() -> None:
    # Mon 2025-07-07, service 08-15. A 08-12, B 07-15, C 13-16, all counter staff on site:
    # 08-12 {A, B}, 12-13 {B} (one short), 13-15 {B, C}.
    roster = [
        counter("A", sh("2025-07-07T08:00", "2025-07-07T12:00")),
        counter("B", sh("2025-07-07T07:00", "2025-07-07T15:00")),
        counter("C", sh("2025-07-07T13:00", "2025-07-07T16:00")),
    ]
    allowed, decisions, violations = roster_report(roster)
    assert violations == [
        # A: 4 h (L2), one on-site day (L5); same start, L2 first in source order
        on_day("L2", "2025-07-07", who="A"),
        in_week("L5", WEEK, who="A"),
        in_week("L5", WEEK, who="B"),
        on_day("L2", "2025-07-07", who="C"),
        in_week("L5", WEEK, who="C"),
        staff("S1", "2025-07-07T12:00", "2025-07-07T13:00", ("B",)),
    ]
    assert decisions == {"A": [True], "B": [True], "C": [True]} and allowed is False


def test_staffing_across_time_zones_on_the_policy_clock() -> None:
    # Tue 2025-07-08: D (WITA) on site 08-16 WITA = 07-15 WIB; E (WIT) 08-16 WIT = 06-14 WIB;
    # F (WIB) at home. 08-14 {D, E}, 14-15 {D}.
    roster = [
        counter("D", sh("2025-07-08T08:00", "2025-07-08T16:00"), timezone="WITA"),
        counter("E", sh("2025-07-08T08:00", "2025-07-08T16:00"), timezone="WIT"),
        counter("F", sh("2025-07-08T08:00", "2025-07-08T16:00", "home")),
    ]
    assert only("S1", check_roster(roster)) == [
        staff("S1", "2025-07-08T14:00", "2025-07-08T15:00", ("D",))
    ]
    # Friday's service hours end at 11:30 WIB, inside both D's and E's shifts: no gap
    friday = [
        counter("D", sh("2025-07-11T08:00", "2025-07-11T16:00"), timezone="WITA"),
        counter("E", sh("2025-07-11T08:00", "2025-07-11T16:00"), timezone="WIT"),
    ]
    assert only("S1", check_roster(friday)) == []


def test_staffing_spans_join_when_the_same_people_stay_and_split_when_they_change() -> None:
    # B alone, on site in two shifts 08-12 and 12-15: one span 08-15 with B.
    one = [
        counter(
            "B",
            sh("2025-07-07T08:00", "2025-07-07T12:00"),
            sh("2025-07-07T12:00", "2025-07-07T15:00"),
        )
    ]
    assert only("S1", check_roster(one)) == [
        staff("S1", "2025-07-07T08:00", "2025-07-07T15:00", ("B",))
    ]
    # G 08-10 then H 10-15: still one short throughout, but two spans
    two = [
        counter("G", sh("2025-07-07T08:00", "2025-07-07T10:00")),
        counter("H", sh("2025-07-07T10:00", "2025-07-07T15:00")),
    ]
    assert only("S1", check_roster(two)) == [
        staff("S1", "2025-07-07T08:00", "2025-07-07T10:00", ("G",)),
        staff("S1", "2025-07-07T10:00", "2025-07-07T15:00", ("H",)),
    ]


def test_unknown_members_count_as_absent_for_staffing() -> None:
    roster = [
        counter("B", sh("2025-07-07T08:00", "2025-07-07T15:00")),
        counter("U", sh("2025-07-07T08:00", "2025-07-07T15:00"), role=...),
    ]
    assert only("S1", check_roster(roster)) == [
        staff("S1", "2025-07-07T08:00", "2025-07-07T15:00", ("B",))
    ]


def test_staffing_in_each_unit_and_an_unknown_unit() -> None:
    # Clerks: r1 (registration) on site 08-15; c1 (records) at home; x1 (unit "Finance",
    # ill-typed) on site. Groups: registration and records only. Records has nobody 08-15.
    roster = [
        (emp("r1", unit="registration"), [sh("2025-07-07T08:00", "2025-07-07T15:00")]),
        (emp("c1", unit="records"), [sh("2025-07-07T08:00", "2025-07-07T16:00", "home")]),
        (emp("x1", unit="Finance"), [sh("2025-07-07T08:00", "2025-07-07T15:00")]),
    ]
    assert only("S2 P1", check_roster(roster)) == [
        staff("S2", "2025-07-07T08:00", "2025-07-07T15:00", (), "records"),
        # records: n = 1, floor(0.3) = 0 may be away; c1 is
        share("P1", "2025-07-07", ("c1",), "records"),
    ]
    # no counter staff at all: every service span is short of S1, with nobody present
    assert only("S1", check_roster(roster)) == [
        staff("S1", "2025-07-07T08:00", "2025-07-07T15:00", ())
    ]


def test_staffing_days_come_from_the_period() -> None:
    roster = [
        counter("A", sh("2025-07-07T08:00", "2025-07-07T15:00")),
        counter("B", sh("2025-07-07T08:00", "2025-07-07T15:00")),
    ]
    assert only("S1", check_roster(roster)) == []
    assert only("S1", check_roster(roster, period=("2025-07-07", "2025-07-09"))) == [
        staff("S1", "2025-07-08T08:00", "2025-07-08T15:00", ()),
        staff("S1", "2025-07-09T08:00", "2025-07-09T15:00", ()),
    ]


# ---------------------------------------------------------------- shares


def test_share_floor_rounding_and_headcount() -> None:
    # Finance: f1, f2 at home on Wed 2025-07-09, f3, f4 on site.
    roster = [
        (
            emp(f"f{i}", unit="finance"),
            [sh("2025-07-09T08:00", "2025-07-09T16:00", "home" if i <= 2 else "office")],
        )
        for i in (1, 2, 3, 4)
    ]
    over = [share("P1", "2025-07-09", ("f1", "f2"), "finance")]
    assert only("P1", check_roster(roster)) == over  # floor(30 x 4 / 100) = 1 < 2
    assert only("P1", check_roster(roster, headcount={"finance": 7})) == []  # floor(2.1) = 2
    assert only("P1", check_roster(roster, headcount={"finance": 6})) == over  # floor(1.8) = 1
    assert only("P1", check_roster(roster, headcount={"finance": 10})) == []  # 3
    # a headcount for a unit nobody in the roster is in adds no group (CHOICE O5)
    assert only("P1", check_roster(roster, headcount={"records": 50, None: 9})) == over


def test_unknown_unit_counts_as_away_in_every_group() -> None:
    roster = [
        (emp("g1", unit="registration"), [sh("2025-07-07T08:00", "2025-07-07T16:00")]),
        (emp("c1", unit="records"), [sh("2025-07-07T08:00", "2025-07-07T16:00")]),
        (emp("u1", unit=...), [sh("2025-07-07T08:00", "2025-07-07T16:00", "anywhere")]),
    ]
    assert only("P1", check_roster(roster)) == [
        share("P1", "2025-07-07", ("u1",), "records"),
        share("P1", "2025-07-07", ("u1",), "registration"),
    ]
    # with room for one away in each group (headcount 4: floor(1.2) = 1), nothing
    assert only("P1", check_roster(roster, headcount={"records": 4, "registration": 4})) == []


def test_counter_staff_home_share_with_unknown_role() -> None:
    # c1, c2 at home on Mon 07-07, c3 on site: n = 3, floor(1.5) = 1 may be at home.
    roster = [
        counter("c1", sh("2025-07-07T16:00", "2025-07-07T20:00", "home")),
        counter("c2", sh("2025-07-07T16:00", "2025-07-07T20:00", "home")),
        counter("c3", sh("2025-07-07T08:00", "2025-07-07T16:00")),
        (emp("k1"), [sh("2025-07-07T08:00", "2025-07-07T16:00", "home")]),  # a clerk: not counted
    ]
    assert only("P2", check_roster(roster)) == [share("P2", "2025-07-07", ("c1", "c2"))]
    assert only("P2", check_roster(roster, headcount={None: 4})) == []  # floor(2) = 2
    # someone whose role is unknown, at home, counts among those away (fail closed)
    roster.append((emp("u1", role=None), [sh("2025-07-07T17:00", "2025-07-07T18:00", "home")]))
    assert only("P2", check_roster(roster, headcount={None: 4})) == [
        share("P2", "2025-07-07", ("c1", "c2", "u1"))
    ]
    # working anywhere is not working from home
    roster[0] = counter("c1", sh("2025-07-07T16:00", "2025-07-07T20:00", "anywhere"))
    assert only("P2", check_roster(roster, headcount={None: 4})) == []


def test_roster_days_without_period_are_policy_clock_dates() -> None:
    # A WIT clerk at home Mon 2025-07-07 00:30-08:30 WIT = Sun 07-06 22:30 - Mon 06:30 WIB:
    # days 07-06 and 07-07 (CHOICE O4); alone in registration, floor(0.3) = 0 may be away.
    roster = [
        (
            emp("w1", unit="registration", timezone="WIT"),
            [sh("2025-07-07T00:30", "2025-07-07T08:30", "home")],
        )
    ]
    assert only("P1", check_roster(roster)) == [
        share("P1", "2025-07-06", ("w1",), "registration"),
        share("P1", "2025-07-07", ("w1",), "registration"),
    ]
    # a shift ending at WIB midnight holds no piece on the next day: no Tuesday to staff
    late = [counter("A", sh("2025-07-07T16:00", "2025-07-07T24:00"))]
    assert only("S1", check_roster(late)) == [
        staff("S1", "2025-07-07T08:00", "2025-07-07T15:00", ())
    ]


def test_roster_order_schedules_then_staffing_then_shares() -> None:
    # CHOICE O6: schedule violations (in roster order), staffing, then shares by start.
    roster = [
        (emp("z", unit="finance"), [sh("2025-07-07T08:00", "2025-07-07T16:00", "home")]),
        (emp("a", unit="finance"), [sh("2025-07-07T08:00", "2025-07-07T16:00")]),
    ]
    assert check_roster(roster) == [
        in_week("L5", WEEK, who="z"),
        in_week("L5", WEEK, who="a"),
        staff("S1", "2025-07-07T08:00", "2025-07-07T15:00", ()),
        share("P1", "2025-07-07", ("z",), "finance"),  # floor(0.6) = 0
    ]


def test_an_employee_twice_in_a_roster_is_an_input_error() -> None:
    with pytest.raises(OracleInputError) as raised:
        check_roster([(emp("A"), []), (emp("A"), [])])
    assert raised.value.field == "employee"
