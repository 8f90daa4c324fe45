"""Hand-worked decisions of the Disdukcapil policy, pinning the independent oracle itself.

Every expected value below was worked out by hand from LANGUAGE.md (sections 1, 3-6, 8) and the
choices written in ``oracle_disdukcapil``'s docstring (C1-C15), not by running the oracle.
Calendar facts used: 2025-07-07 is a Monday, 2025-07-11 a Friday, 2025-07-12 a Saturday,
2025-08-17 a Sunday; 2025-05-29 (Thursday), 2025-06-06 (Friday) and 2025-12-25 (Thursday) are
public holidays; 2025-06-09 (Monday) and 2025-12-26 (Friday) are the policy's agency holidays;
2025-08-18 (Monday) is cuti bersama but not declared, so it is an ordinary working day.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from casegen import generate
from oracle_disdukcapil import OracleInputError, decide, holiday, months_before, pieces

FINANCE: dict[str, Any] = {
    "id": "E-107",
    "role": "finance officer",
    "job_type": "finance",
    "performance": "good",
    "grade": 9,
    "unit": "finance",
    "position_start": "2019-08-01",
    "on_probation": False,
    "under_sanction": False,
    "in_special_circumstances": False,
}
DESK: dict[str, Any] = {
    "id": "E-042",
    "role": "service desk",
    "job_type": "public service",
    "performance": "good",
    "grade": 7,
    "unit": "registration",
    "position_start": "2021-03-01",
    "on_probation": False,
    "under_sanction": False,
    "in_special_circumstances": False,
}
TECH: dict[str, Any] = {
    "id": "E-150",
    "role": "database administrator",
    "job_type": "technical",
    "performance": "needs improvement",
    "grade": 10,
    "unit": "information systems",
    "position_start": "2020-06-15",
    "on_probation": False,
    "under_sanction": False,
}


def emp(base: dict[str, Any], drop: tuple[str, ...] = (), **changes: Any) -> dict[str, Any]:
    e = {k: v for k, v in base.items() if k not in drop}
    e.update(changes)
    return e


def sh(start: Any, end: Any, location: str, **attrs: Any) -> dict[str, Any]:
    return {"start": start, "end": end, "location": location, **attrs}


A = frozenset
CASES: list[tuple[str, dict[str, Any], dict[str, Any], tuple[bool, frozenset[str | None]]]] = [
    # ---- R1 and service hours
    (
        "desk office across service hours: R1 met, R7",
        DESK,
        sh("2025-07-08T07:30", "2025-07-08T15:30", "office"),
        (True, A({"R1", "R7"})),
    ),
    (
        "desk home Monday 14-17: R1 then default deny",
        DESK,
        sh("2025-07-07T14:00", "2025-07-07T17:00", "home"),
        (False, A({"R1", None})),
    ),
    (
        "desk home from 15:00 exactly: service hours over, only default deny",
        DESK,
        sh("2025-07-07T15:00", "2025-07-07T17:00", "home"),
        (False, A({None})),
    ),
    (
        "desk home 14:59-15:00: last service minute",
        DESK,
        sh("2025-07-07T14:59", "2025-07-07T15:00", "home"),
        (False, A({"R1"})),
    ),
    (
        "desk home Friday from 11:30: Friday service ends at 11:30",
        DESK,
        sh("2025-07-11T11:30", "2025-07-11T13:00", "home"),
        (False, A({None})),
    ),
    (
        "desk home Friday 11:00-11:30: inside Friday service hours",
        DESK,
        sh("2025-07-11T11:00", "2025-07-11T11:30", "home"),
        (False, A({"R1"})),
    ),
    (
        "desk anywhere Friday 07:00-12:00: default, R1, default",
        DESK,
        sh("2025-07-11T07:00", "2025-07-11T12:00", "anywhere"),
        (False, A({"R1", None})),
    ),
    (
        "desk home on public holiday Thursday: no service hours",
        DESK,
        sh("2025-12-25T09:00", "2025-12-25T10:00", "home"),
        (False, A({None})),
    ),
    (
        "desk home on agency holiday 2025-06-09: no service hours",
        DESK,
        sh("2025-06-09T09:00", "2025-06-09T10:00", "home"),
        (False, A({None})),
    ),
    (
        "desk home on Eid al-Adha Friday: no service hours",
        DESK,
        sh("2025-06-06T09:00", "2025-06-06T10:00", "home"),
        (False, A({None})),
    ),
    (
        "desk office on agency holiday: R1 not in TIME so only R7 permits",
        DESK,
        sh("2025-06-09T09:00", "2025-06-09T10:00", "office"),
        (True, A({"R7"})),
    ),
    (
        "desk office Saturday: R7 only",
        DESK,
        sh("2025-07-12T09:00", "2025-07-12T10:00", "office"),
        (True, A({"R7"})),
    ),
    (
        "role 'Service Desk' (case differs) is known not service desk: R5 permits",
        emp(FINANCE, role="Service Desk"),
        sh("2025-07-07T09:00", "2025-07-07T10:00", "home"),
        (True, A({"R5"})),
    ),
    # ---- R5
    (
        "finance home Wednesday 08-16: R5",
        FINANCE,
        sh("2025-07-09T08:00", "2025-07-09T16:00", "home"),
        (True, A({"R5"})),
    ),
    (
        "finance anywhere Wednesday: R5 covers anywhere",
        FINANCE,
        sh("2025-07-09T08:00", "2025-07-09T16:00", "anywhere"),
        (True, A({"R5"})),
    ),
    (
        "finance anywhere Saturday: not a working day",
        FINANCE,
        sh("2025-07-12T09:00", "2025-07-12T12:00", "anywhere"),
        (False, A({None})),
    ),
    (
        "finance home Sunday 17 August: not a working day",
        FINANCE,
        sh("2025-08-17T09:00", "2025-08-17T12:00", "home"),
        (False, A({None})),
    ),
    (
        "finance home on Ascension Thursday: holiday, not a working day",
        FINANCE,
        sh("2025-05-29T09:00", "2025-05-29T12:00", "home"),
        (False, A({None})),
    ),
    (
        "finance home on agency holiday 2025-12-26",
        FINANCE,
        sh("2025-12-26T09:00", "2025-12-26T12:00", "home"),
        (False, A({None})),
    ),
    (
        "finance home on undeclared cuti bersama 2025-08-18: a working day",
        FINANCE,
        sh("2025-08-18T09:00", "2025-08-18T12:00", "home"),
        (True, A({"R5"})),
    ),
    (
        "performance 'needs improvement' is below good",
        emp(FINANCE, performance="needs improvement"),
        sh("2025-07-09T09:00", "2025-07-09T12:00", "home"),
        (False, A({None})),
    ),
    (
        "performance 'very good' is at least good",
        emp(FINANCE, performance="very good"),
        sh("2025-07-09T09:00", "2025-07-09T12:00", "home"),
        (True, A({"R5"})),
    ),
    (
        "performance 'Good' (case differs) is not a ranked value: R5 never permits",
        emp(FINANCE, performance="Good"),
        sh("2025-07-09T09:00", "2025-07-09T12:00", "home"),
        (False, A({None})),
    ),
    (
        "public service job type is not administrative",
        emp(FINANCE, job_type="public service"),
        sh("2025-07-09T09:00", "2025-07-09T12:00", "home"),
        (False, A({None})),
    ),
    # ---- R4 and the working window
    (
        "office 05:30-06:00: wholly before the window",
        FINANCE,
        sh("2025-07-09T05:30", "2025-07-09T06:00", "office"),
        (False, A({"R4"})),
    ),
    (
        "office from 06:00 exactly: inside the window",
        FINANCE,
        sh("2025-07-09T06:00", "2025-07-09T07:00", "office"),
        (True, A({"R7"})),
    ),
    (
        "office until 20:00 exactly: inside the window",
        FINANCE,
        sh("2025-07-09T19:00", "2025-07-09T20:00", "office"),
        (True, A({"R7"})),
    ),
    (
        "office until 20:01: the last minute is outside",
        FINANCE,
        sh("2025-07-09T19:00", "2025-07-09T20:01", "office"),
        (False, A({"R4"})),
    ),
    (
        "home from 20:00: R4 denies even though R5 would permit",
        FINANCE,
        sh("2025-07-09T20:00", "2025-07-09T21:00", "home"),
        (False, A({"R4"})),
    ),
    (
        "T24:00 end: 19-20 R7, 20-24 R4",
        FINANCE,
        sh("2025-07-07T19:00", "2025-07-07T24:00", "office"),
        (False, A({"R4"})),
    ),
    # ---- overnight
    (
        "finance home overnight Wed-Thu: R5, R4, R4, R5 -> denied by R4",
        FINANCE,
        sh("2025-07-09T19:00", "2025-07-10T07:00", "home"),
        (False, A({"R4"})),
    ),
    (
        "finance home Fri night into Saturday: R5, R4, R4, then Saturday default",
        FINANCE,
        sh("2025-07-11T18:00", "2025-07-12T08:00", "home"),
        (False, A({"R4", None})),
    ),
    (
        "exactly 24 h at the office: R4 at both ends",
        FINANCE,
        sh("2025-07-09T00:00", "2025-07-10T00:00", "office"),
        (False, A({"R4"})),
    ),
    # ---- R2, R3, R3b
    (
        "on probation at home: R2",
        emp(FINANCE, on_probation=True),
        sh("2025-07-09T09:00", "2025-07-09T10:00", "home"),
        (False, A({"R2"})),
    ),
    (
        "on probation at the office: R2 met permits with R7",
        emp(FINANCE, on_probation=True),
        sh("2025-07-09T09:00", "2025-07-09T10:00", "office"),
        (True, A({"R2", "R7"})),
    ),
    (
        "under sanction anywhere: R3",
        emp(FINANCE, under_sanction=True),
        sh("2025-07-09T09:00", "2025-07-09T10:00", "anywhere"),
        (False, A({"R3"})),
    ),
    (
        "under sanction at the office: R3 met and R7",
        emp(FINANCE, under_sanction=True),
        sh("2025-07-09T09:00", "2025-07-09T10:00", "office"),
        (True, A({"R3", "R7"})),
    ),
    (
        "desk on probation, new in post, at the office in service hours: every must permits",
        emp(DESK, on_probation=True, position_start="2025-01-02"),
        sh("2025-07-07T09:00", "2025-07-07T10:00", "office"),
        (True, A({"R1", "R2", "R3b", "R7"})),
    ),
    (
        "desk on probation at home in service hours: R1 and R2",
        emp(DESK, on_probation=True),
        sh("2025-07-07T09:00", "2025-07-07T10:00", "home"),
        (False, A({"R1", "R2"})),
    ),
    (
        "spec edge: start 2024-02-29 decided on 2025-02-28 is still new",
        emp(FINANCE, position_start="2024-02-29"),
        sh("2025-02-28T09:00", "2025-02-28T10:00", "home"),
        (False, A({"R3b"})),
    ),
    (
        "spec edge: start 2024-02-28 decided on 2025-02-28 is not new",
        emp(FINANCE, position_start=date(2024, 2, 28)),
        sh("2025-02-28T09:00", "2025-02-28T10:00", "home"),
        (True, A({"R5"})),
    ),
    (
        "leap day decided: cutoff 2023-02-28, start 2023-03-01 is new",
        emp(FINANCE, position_start="2023-03-01"),
        sh("2024-02-29T09:00", "2024-02-29T10:00", "home"),
        (False, A({"R3b"})),
    ),
    (
        "leap day decided: start 2023-02-28 is not new",
        emp(FINANCE, position_start="2023-02-28"),
        sh("2024-02-29T09:00", "2024-02-29T10:00", "home"),
        (True, A({"R5"})),
    ),
    (
        "future position start counts as new",
        emp(FINANCE, position_start="2025-09-01"),
        sh("2025-07-09T09:00", "2025-07-09T10:00", "home"),
        (False, A({"R3b"})),
    ),
    (
        "R3b decided per piece's day: new on Tuesday, not on Wednesday",
        # start 2024-07-09: Tue 2025-07-08 cutoff 2024-07-08 -> new; Wed cutoff 2024-07-09 -> not.
        # pieces: Tue 19-20 R3b; Tue 20-24 R3b+R4; Wed 00-06 R4; Wed 06-07 R5.
        emp(FINANCE, position_start="2024-07-09"),
        sh("2025-07-08T19:00", "2025-07-09T07:00", "home"),
        (False, A({"R3b", "R4"})),
    ),
    (
        "R3b satisfied at the office on the anniversary day piece only",
        # office 2025-07-08 19:00 -> 2025-07-09 06:30: Tue 19-20 R3b+R7 allowed; 20-06 R4;
        # Wed 06-06:30 R7 only. Denied by R4 only.
        emp(FINANCE, position_start="2024-07-09"),
        sh("2025-07-08T19:00", "2025-07-09T06:30", "office"),
        (False, A({"R4"})),
    ),
    # ---- unknown facts
    (
        "on probation missing: R2 unknown denies a home piece",
        emp(FINANCE, drop=("on_probation",)),
        sh("2025-07-09T09:00", "2025-07-09T10:00", "home"),
        (False, A({"R2"})),
    ),
    (
        "on probation missing at the office: R2 does not permit, R7 does",
        emp(FINANCE, drop=("on_probation",)),
        sh("2025-07-09T09:00", "2025-07-09T10:00", "office"),
        (True, A({"R7"})),
    ),
    (
        "on probation 'yes' (text) is ill-typed: unknown, denies remote",
        emp(FINANCE, on_probation="yes"),
        sh("2025-07-09T09:00", "2025-07-09T10:00", "anywhere"),
        (False, A({"R2"})),
    ),
    (
        "under sanction 0 (int) is ill-typed: unknown, denies remote",
        emp(FINANCE, under_sanction=0),
        sh("2025-07-09T09:00", "2025-07-09T10:00", "home"),
        (False, A({"R3"})),
    ),
    (
        "under sanction None is missing: unknown",
        emp(FINANCE, under_sanction=None),
        sh("2025-07-09T09:00", "2025-07-09T10:00", "home"),
        (False, A({"R3"})),
    ),
    (
        "role missing: R1 unknown denies the service piece; 15-16 is allowed by R5",
        emp(FINANCE, drop=("role",)),
        sh("2025-07-07T14:00", "2025-07-07T16:00", "home"),
        (False, A({"R1"})),
    ),
    (
        "role missing on a Saturday: R1 out of TIME, nothing unknown matters, R5 no",
        emp(FINANCE, drop=("role",)),
        sh("2025-07-12T09:00", "2025-07-12T10:00", "office"),
        (True, A({"R7"})),
    ),
    (
        "position start '01/03/2024' is ill-typed: R3b unknown denies remote",
        emp(FINANCE, position_start="01/03/2024"),
        sh("2025-07-09T09:00", "2025-07-09T10:00", "home"),
        (False, A({"R3b"})),
    ),
    (
        "position start as a datetime is ill-typed (C4)",
        emp(FINANCE, position_start=datetime(2019, 8, 1)),
        sh("2025-07-09T09:00", "2025-07-09T10:00", "home"),
        (False, A({"R3b"})),
    ),
    (
        "position start '2024-02-30' is not a date (C4)",
        emp(FINANCE, position_start="2024-02-30"),
        sh("2025-07-09T09:00", "2025-07-09T10:00", "home"),
        (False, A({"R3b"})),
    ),
    (
        "sanction unknown outside the window at the office: only R4",
        emp(FINANCE, drop=("under_sanction",)),
        sh("2025-07-09T05:00", "2025-07-09T06:00", "office"),
        (False, A({"R4"})),
    ),
    # ---- R6
    (
        "technical grade 10 home approved: R6",
        TECH,
        sh("2025-07-09T09:00", "2025-07-09T12:00", "home", approved=True),
        (True, A({"R6"})),
    ),
    (
        "technical home approved on a Saturday: R6 has no day restriction",
        TECH,
        sh("2025-07-12T09:00", "2025-07-12T12:00", "home", approved=True),
        (True, A({"R6"})),
    ),
    (
        "technical grade exactly 9 (int) approved: R6",
        emp(TECH, grade=9),
        sh("2025-07-09T09:00", "2025-07-09T12:00", "home", approved=True),
        (True, A({"R6"})),
    ),
    (
        "technical grade 9.0 (float) approved: R6",
        emp(TECH, grade=9.0),
        sh("2025-07-09T09:00", "2025-07-09T12:00", "home", approved=True),
        (True, A({"R6"})),
    ),
    (
        "technical grade 8.5: below 9",
        emp(TECH, grade=8.5),
        sh("2025-07-09T09:00", "2025-07-09T12:00", "home", approved=True),
        (False, A({None})),
    ),
    (
        "technical grade '9' (text) is ill-typed: R6 never permits",
        emp(TECH, grade="9"),
        sh("2025-07-09T09:00", "2025-07-09T12:00", "home", approved=True),
        (False, A({None})),
    ),
    (
        "technical grade True (bool) is not a number",
        emp(TECH, grade=True),
        sh("2025-07-09T09:00", "2025-07-09T12:00", "home", approved=True),
        (False, A({None})),
    ),
    (
        "technical not approved",
        TECH,
        sh("2025-07-09T09:00", "2025-07-09T12:00", "home", approved=False),
        (False, A({None})),
    ),
    (
        "technical approval missing",
        TECH,
        sh("2025-07-09T09:00", "2025-07-09T12:00", "home"),
        (False, A({None})),
    ),
    (
        "technical approved 'yes' (text) is ill-typed",
        TECH,
        sh("2025-07-09T09:00", "2025-07-09T12:00", "home", approved="yes"),
        (False, A({None})),
    ),
    (
        "technical approved but anywhere: R6 is home only",
        TECH,
        sh("2025-07-09T09:00", "2025-07-09T12:00", "anywhere", approved=True),
        (False, A({None})),
    ),
    # ---- attribute keys (C1)
    (
        "job type under the spaced key",
        emp(FINANCE, drop=("job_type",), **{"job type": "personnel"}),
        sh("2025-07-09T09:00", "2025-07-09T10:00", "home"),
        (True, A({"R5"})),
    ),
    (
        "spaced key None falls through to job_type",
        emp(FINANCE, **{"job type": None}),
        sh("2025-07-09T09:00", "2025-07-09T10:00", "home"),
        (True, A({"R5"})),
    ),
    (
        "spaced key wins over job_type",
        emp(FINANCE, **{"job type": "technical"}),
        sh("2025-07-09T09:00", "2025-07-09T10:00", "home"),
        (False, A({None})),
    ),
    (
        "'on probation' spaced key True wins over on_probation False",
        emp(FINANCE, **{"on probation": True}),
        sh("2025-07-09T09:00", "2025-07-09T10:00", "home"),
        (False, A({"R2"})),
    ),
    # ---- time zones and time formats
    (
        "WITA desk: 07:00+07:00 is 08:00 local, in service hours",
        emp(DESK, timezone="WITA"),
        sh("2025-07-07T07:00+07:00", "2025-07-07T08:00+07:00", "home"),
        (False, A({"R1"})),
    ),
    (
        "WIB desk: the same instants are 07:00-08:00 local, before service hours",
        DESK,
        sh("2025-07-07T07:00+07:00", "2025-07-07T08:00+07:00", "home"),
        (False, A({None})),
    ),
    (
        "lower-case alias 'wita' is accepted",
        emp(DESK, timezone="wita"),
        sh("2025-07-07T07:00+07:00", "2025-07-07T08:00+07:00", "home"),
        (False, A({"R1"})),
    ),
    (
        "WIT: naive 19:30-20:30 is local, the last half hour is outside the window",
        emp(FINANCE, timezone="WIT"),
        sh("2025-07-07T19:30", "2025-07-07T20:30", "home"),
        (False, A({"R4"})),
    ),
    (
        "WIT: 11:00Z-12:00Z is 20:00-21:00 local",
        emp(FINANCE, timezone="Asia/Jayapura"),
        sh("2025-07-07T11:00Z", "2025-07-07T12:00Z", "home"),
        (False, A({"R4"})),
    ),
    (
        "WIB: 11:00Z-12:00Z is 18:00-19:00 local, R5",
        FINANCE,
        sh("2025-07-07T11:00Z", "2025-07-07T12:00Z", "home"),
        (True, A({"R5"})),
    ),
    (
        "aware datetime objects in UTC convert to WIB: 01:00Z-02:00Z is 08:00-09:00",
        DESK,
        sh(
            datetime(2025, 7, 7, 1, 0, tzinfo=timezone.utc),
            datetime(2025, 7, 7, 2, 0, tzinfo=timezone.utc),
            "home",
        ),
        (False, A({"R1"})),
    ),
    (
        "Makassar employee, naive Friday 11:30: Friday service over",
        emp(DESK, timezone="Asia/Makassar"),
        sh(datetime(2025, 7, 11, 11, 30), datetime(2025, 7, 11, 12, 0), "home"),
        (False, A({None})),
    ),
    (
        "+08:00 text for a WIB employee: 16:00+08:00 is 15:00 WIB, after service hours",
        DESK,
        sh("2025-07-07T16:00+08:00", "2025-07-07T17:00+08:00", "home"),
        (False, A({None})),
    ),
    (
        "aware start, midnight in UTC crosses into a holiday in WIB",
        # 2025-12-24T17:00Z = 2025-12-25 00:00 WIB (Christmas): pieces 00-06 R4, 06-08 default.
        FINANCE,
        sh("2025-12-24T17:00Z", "2025-12-25T01:00Z", "home"),
        (False, A({"R4", None})),
    ),
    (
        "T24:00 with an offset ends at next midnight of that offset",
        # 2025-07-07T24:00+08:00 = 2025-07-07T23:00 WIB; 19-20 R5, 20-23 R4.
        FINANCE,
        sh("2025-07-07T19:00", "2025-07-07T24:00+08:00", "home"),
        (False, A({"R4"})),
    ),
    (
        "seconds in ISO text: 14:59:59-15:00:00 is in service hours",
        DESK,
        sh("2025-07-07T14:59:59", "2025-07-07T15:00:00", "home"),
        (False, A({"R1"})),
    ),
    (
        "undeclared shift keys are ignored",
        FINANCE,
        sh("2025-07-09T09:00", "2025-07-09T10:00", "office", id="S-1", note="x"),
        (True, A({"R7"})),
    ),
]


@pytest.mark.parametrize(
    ("employee", "shift", "expected"),
    [pytest.param(e, s, x, id=name) for name, e, s, x in CASES],
)
def test_hand_worked(employee: dict[str, Any], shift: dict[str, Any], expected: Any) -> None:
    """The oracle gives the hand-worked decision and rule set."""
    assert decide(employee, shift) == expected


@pytest.mark.parametrize(
    ("employee", "shift", "field"),
    [
        pytest.param(
            FINANCE,
            sh("2025-07-09T10:00", "2025-07-09T10:00", "office"),
            "end",
            id="end equal to start",
        ),
        pytest.param(
            FINANCE,
            sh("2025-07-09T10:00", "2025-07-09T09:00", "office"),
            "end",
            id="end before start",
        ),
        pytest.param(
            FINANCE,
            sh("2025-07-09T00:00", "2025-07-10T00:01", "office"),
            "end",
            id="longer than 24 hours",
        ),
        pytest.param(
            FINANCE,
            sh("2025-07-09T09:00", "2025-07-09T10:00", "Office"),
            "location",
            id="location case differs",
        ),
        pytest.param(
            FINANCE,
            sh("2025-07-09T09:00", "2025-07-09T10:00", "cafe"),
            "location",
            id="unknown location",
        ),
        pytest.param(
            FINANCE,
            {"start": "2025-07-09T09:00", "end": "2025-07-09T10:00"},
            "location",
            id="location missing",
        ),
        pytest.param(
            FINANCE, sh("09:00", "2025-07-09T10:00", "office"), "start", id="start without date"
        ),
        pytest.param(
            FINANCE, sh("2025-07-09", "2025-07-09T10:00", "office"), "start", id="start date only"
        ),
        pytest.param(
            FINANCE, sh("2025-07-09T09:00", "2025-07-09T24:30", "office"), "end", id="24:30"
        ),
        pytest.param(
            emp(FINANCE, timezone="Mars/Olympus"),
            sh("2025-07-09T09:00", "2025-07-09T10:00", "office"),
            "timezone",
            id="unknown zone",
        ),
        pytest.param(
            emp(FINANCE, timezone="asia/jakarta"),
            sh("2025-07-09T09:00", "2025-07-09T10:00", "office"),
            "timezone",
            id="IANA name case-sensitive",
        ),
    ],
)
def test_malformed_input(employee: dict[str, Any], shift: dict[str, Any], field: str) -> None:
    """Malformed input raises OracleInputError naming the field."""
    with pytest.raises(OracleInputError) as info:
        decide(employee, shift)
    assert info.value.field == field


def test_exactly_24_hours_is_accepted() -> None:
    """A shift of exactly 24 hours is well formed."""
    allowed, _ = decide(FINANCE, sh("2025-07-09T08:00", "2025-07-10T08:00", "office"))
    assert allowed is False


def test_months_before_clamps_month_ends() -> None:
    """12 months before a leap day is 28 February; before 2025-02-28 is 2024-02-28."""
    assert months_before(date(2024, 2, 29), 12) == date(2023, 2, 28)
    assert months_before(date(2025, 2, 28), 12) == date(2024, 2, 28)
    assert months_before(date(2025, 3, 31), 1) == date(2025, 2, 28)
    assert months_before(date(2025, 1, 15), 12) == date(2024, 1, 15)


def test_holidays() -> None:
    """Public holidays and agency days count; undeclared cuti bersama days do not."""
    assert holiday(date(2025, 8, 17))
    assert holiday(date(2025, 6, 9))
    assert holiday(date(2025, 12, 26))
    assert not holiday(date(2025, 8, 18))
    assert not holiday(date(2025, 1, 28))


def test_pieces_cut_at_boundaries() -> None:
    """Pieces are cut at midnight and every service/window boundary."""
    got = pieces(datetime(2025, 7, 11, 5, 0), datetime(2025, 7, 12, 7, 0))
    cuts = [p[0].strftime("%d %H:%M") for p in got]
    assert cuts == [
        "11 05:00",
        "11 06:00",
        "11 08:00",
        "11 11:30",
        "11 15:00",
        "11 20:00",
        "12 00:00",
        "12 06:00",
    ]
    assert got[-1][1] == datetime(2025, 7, 12, 7, 0)
    assert sum((e - s for s, e in got), timedelta()) == timedelta(hours=26)


def test_generator_is_seeded_and_well_formed() -> None:
    """Same seed, same cases; every generated case is decidable by the oracle."""
    first = generate(11, 2000)
    assert first == generate(11, 2000)
    assert first != generate(12, 2000)
    outcomes = {decide(e, s)[0] for e, s in first}
    assert outcomes == {True, False}


def test_generator_covers_every_outcome_kind() -> None:
    """Generated cases exercise every single-shift rule, allowing and denying."""
    seen_allow: set[str | None] = set()
    seen_deny: set[str | None] = set()
    for e, s in generate(3, 5000):
        allowed, rules = decide(e, s)
        (seen_allow if allowed else seen_deny).update(rules)
    assert seen_allow == {"R1", "R2", "R3", "R3b", "R5", "R6", "R7"}
    assert seen_deny == {"R1", "R2", "R3", "R3b", "R4", None}
