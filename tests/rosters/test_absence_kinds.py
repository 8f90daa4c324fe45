"""Kinds of absence declared by the policy (DATA.md §3), each answer worked out by hand.

The policy declares `"dinas luar"` (official travel) `as work`: its hours count as worked for
hour minimums, it is never a remote day, a shift that meets it is not flagged, and for staffing
the person is away. Week of Mon 7 July 2025 (no holidays), Asia/Jakarta. Every day but the one
under test is an office day 07:30-15:30 (8 hours), so the week holds 32 hours before it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import flexrules
from flexrules import Absence, InputError, Schedule

POLICY = """\
policy "Travel" timezone Asia/Jakarta.
employees have: unit: text.
working days: Monday to Friday.
absence kinds: "cuti tahunan", "sakit", "izin", "dinas luar" as work.
rule D1 "Day": employees must work at least 7.5 hours per working day.
rule W1 "Week": employees must work at least 37.5 hours per week.
rule H1 "Remote days": employees must not work remotely more than 1 days per week.
rule R1: employees may work.
"""
INDONESIAN_KINDS = (
    'jenis ketidakhadiran: "cuti tahunan", "sakit", "izin", "dinas luar" sebagai kerja.'
)
EMPLOYEE = {"id": "E-1", "unit": "finance"}


@pytest.fixture(scope="module")
def policy() -> flexrules.Policy:
    return flexrules.compile_policy(POLICY)


def shift(day: int, start: str, end: str, location: str = "office") -> dict[str, str]:
    return {
        "start": f"2025-07-{day:02d}T{start}",
        "end": f"2025-07-{day:02d}T{end}",
        "location": location,
    }


def office_week(but: int) -> list[dict[str, str]]:
    return [shift(d, "07:30", "15:30") for d in range(7, 12) if d != but]


def broken(
    policy: flexrules.Policy, shifts: list[dict[str, str]], absences: list[object]
) -> list[tuple[str, str, float | None]]:
    report = policy.check(EMPLOYEE, shifts, period=("2025-07-07", "2025-07-13"), absences=absences)
    return sorted(
        (v.rule, v.start.date().isoformat(), None if v.count is None else float(v.count))
        for v in report.violations
    )


def test_a_morning_of_travel_counts_as_worked(policy: flexrules.Policy) -> None:
    """Friday: dinas luar 08:00-12:00 (4 h, as work), then 13:00-15:00 at the office (2 h).
    Worked: 4 + 2 = 6 of 7.5 hours that day; the week 32 + 6 = 38 of 37.5: met.
    Were it izin (not work): the day needs 7.5 - 4 = 3.5 and has 2; the week needs
    37.5 - 4 = 33.5 and has 34: met."""
    shifts = [*office_week(11), shift(11, "13:00", "15:00")]
    travel = Absence("2025-07-11T08:00", "2025-07-11T12:00", kind="dinas luar")
    assert broken(policy, shifts, [travel]) == [("D1", "2025-07-11", 6.0)]
    report = policy.check(EMPLOYEE, shifts, period=("2025-07-07", "2025-07-13"), absences=[travel])
    assert "include 4 hours of absence counted as work" in report.violations[0].message
    assert "termasuk 4 jam ketidakhadiran" in report.violations[0].message_for("id")
    izin = Absence("2025-07-11T08:00", "2025-07-11T12:00", kind="izin")
    assert broken(policy, shifts, [izin]) == [("D1", "2025-07-11", 2.0)]


def test_travel_overlapping_a_shift_is_counted_once_and_not_flagged(
    policy: flexrules.Policy,
) -> None:
    """Wednesday: dinas luar 07:30-12:00 and an office shift 10:00-15:30 recorded as well.
    Worked: the union 07:30-15:30, 8 hours: nothing short, nothing flagged. As sakit the shift
    is flagged (it overlaps the absence)."""
    shifts = [*office_week(9), shift(9, "10:00", "15:30")]
    travel = Absence("2025-07-09T07:30", "2025-07-09T12:00", kind="dinas luar")
    report = policy.check(EMPLOYEE, shifts, period=("2025-07-07", "2025-07-13"), absences=[travel])
    assert report.violations == [] and report.shifts_on_leave == ()
    sick = Absence("2025-07-09T07:30", "2025-07-09T12:00", kind="sakit")
    report = policy.check(EMPLOYEE, shifts, period=("2025-07-07", "2025-07-13"), absences=[sick])
    assert [c.day.isoformat() for c in report.shifts_on_leave] == ["2025-07-09"]


def test_travel_on_a_weekend_counts_toward_the_week(policy: flexrules.Policy) -> None:
    """Mon-Thu at the office (32 h), Friday 07:30-11:30 (4 h): 36 of 37.5 for the week, and
    Friday short of 7.5. Saturday 12: dinas luar 09:00-11:00 (2 h, as work) counts as worked
    where Saturday's pieces would count: the week has 38 h, met; Friday stays short. As izin
    (not work) it lowers nothing on a day the week does not require hours of: 36 h, short."""
    shifts = [*office_week(11), shift(11, "07:30", "11:30")]
    friday = ("D1", "2025-07-11", 4.0)
    travel = Absence("2025-07-12T09:00", "2025-07-12T11:00", kind="dinas luar")
    assert broken(policy, shifts, [travel]) == [friday]
    izin = Absence("2025-07-12T09:00", "2025-07-12T11:00", kind="izin")
    assert broken(policy, shifts, [izin]) == [friday, ("W1", "2025-07-07", 36.0)]
    # travel on a whole day of leave counts too, as a shift that day would: Thursday off
    # (cuti tahunan: the week requires 30 h of 4 days), Friday 4 h + Mon-Wed 24 h = 28 h,
    # with Thursday's 2 h of travel 30 h: met
    shifts = [*office_week(10)[:3], shift(11, "07:30", "11:30")]
    leave = Absence("2025-07-10", kind="cuti tahunan")
    short = broken(policy, shifts, [leave])
    assert short == [friday, ("W1", "2025-07-07", 28.0)]
    trip = Absence("2025-07-10T13:00", "2025-07-10T15:00", kind="dinas luar")
    assert broken(policy, shifts, [leave, trip]) == [friday]


def test_a_whole_day_of_travel_is_never_a_remote_day(policy: flexrules.Policy) -> None:
    """Mon and Tue from home, Wed a whole day of dinas luar that the attendance app also
    recorded as a shift from anywhere. Remote days: Mon, Tue (Wed is travel): the second, Tue,
    is past 1. As cuti tahunan, Wed is a third remote day (maximum limits count leave days)
    and its shift is flagged."""
    shifts = [
        shift(7, "07:30", "15:30", "home"),
        shift(8, "07:30", "15:30", "home"),
        shift(9, "07:30", "15:30", "anywhere"),
        shift(10, "07:30", "15:30"),
        shift(11, "07:30", "15:30"),
    ]
    travel = Absence("2025-07-09", kind="dinas luar")
    assert broken(policy, shifts, [travel]) == [("H1", "2025-07-08", 2.0)]
    # without Wednesday's shift, the week's hour minimum is pro-rated, naming the kind
    report = policy.check(
        EMPLOYEE, shifts[:2], period=("2025-07-07", "2025-07-13"), absences=[travel]
    )
    week = next(v for v in report.violations if v.rule == "W1")
    assert "pro-rated to 4 of 5 working days: Wed 2025-07-09 dinas luar" in week.message
    report = policy.check(EMPLOYEE, shifts, period=("2025-07-07", "2025-07-13"), absences=[travel])
    assert report.shifts_on_leave == ()
    leave = Absence("2025-07-09", kind="cuti tahunan")
    assert broken(policy, shifts, [leave]) == [
        ("H1", "2025-07-08", 2.0),
        ("H1", "2025-07-09", 3.0),
    ]


STAFFED = """\
policy "Counter" timezone Asia/Jakarta.
absence kinds: "izin", "dinas luar" as work.
rule T1 "Two at the counter": at least 2 employees must be on-site between 08:00 and 15:00
  on working days.
rule R1: employees may be on-site.
"""


def test_for_staffing_a_traveller_is_away_from_the_office() -> None:
    """Tuesday 8 July: Rina and Sari at the office 07:30-15:30. Sari on dinas luar 10:00-12:00:
    one on site then, so T1 is short 10:00-12:00. A whole day of dinas luar with the same
    shift recorded: short the whole 08:00-15:00."""
    policy = flexrules.compile_policy(STAFFED)
    office = [{"start": "2025-07-08T07:30", "end": "2025-07-08T15:30", "location": "office"}]
    rina = Schedule({"id": "R"}, office)
    for travel, expected in (
        (Absence("2025-07-08T10:00", "2025-07-08T12:00", kind="dinas luar"), ("10:00", "12:00")),
        (Absence("2025-07-08", kind="dinas luar"), ("08:00", "15:00")),
    ):
        sari = Schedule({"id": "S"}, office, [travel])
        report = policy.check_roster([rina, sari], period=("2025-07-08", "2025-07-08"))
        assert [
            (v.rule, v.start.strftime("%H:%M"), v.end.strftime("%H:%M")) for v in report.violations
        ] == [("T1", *expected)]
        assert report.reports["S"].shifts_on_leave == ()


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        ("dinas-luar", 'did you mean "dinas luar"?'),
        ("Dinas Luar", 'did you mean "dinas luar"?'),
        ("cuti tahuan", 'did you mean "cuti tahunan"?'),
        ("WFH", 'the policy declares "cuti tahunan", "sakit", "izin", "dinas luar"'),
    ],
)
def test_an_undeclared_kind_is_an_input_error(
    policy: flexrules.Policy, kind: str, said: str
) -> None:
    with pytest.raises(InputError) as caught:
        policy.check(EMPLOYEE, office_week(0), absences=[Absence("2025-07-08", kind=kind)])
    assert caught.value.field == "absences.kind"
    assert said in caught.value.message


def test_without_declared_kinds_any_kind_is_taken() -> None:
    policy = flexrules.compile_policy(POLICY.replace(POLICY.splitlines()[3] + "\n", ""))
    report = policy.check(EMPLOYEE, office_week(8), absences=[Absence("2025-07-08", kind="WFH")])
    assert report.violations == []


def test_the_indonesian_declaration_means_the_same() -> None:
    english = flexrules.compile_policy('policy "K".\n' + POLICY.splitlines()[3])
    indonesian = flexrules.compile_policy('kebijakan "K".\n' + INDONESIAN_KINDS)
    assert english.meaning == indonesian.meaning
    assert (
        english.absence_kinds
        == indonesian.absence_kinds
        == {
            "cuti tahunan": False,
            "sakit": False,
            "izin": False,
            "dinas luar": True,
        }
    )
    assert flexrules.compile_policy('policy "K".').absence_kinds is None


def test_the_service_refuses_an_undeclared_kind_as_input(tmp_path: Path) -> None:
    """The service reads absences as the library does: a 400 naming the field."""
    from starlette.testclient import TestClient

    from flexrules.service import create_app

    path = tmp_path / "travel.rules"
    path.write_text(POLICY, encoding="utf-8")
    body = {
        "employee": EMPLOYEE,
        "shifts": office_week(11),
        "absences": [{"date": "2025-07-11", "kind": "dinas-luar"}],
    }
    with TestClient(create_app(path), raise_server_exceptions=False) as client:
        refused = client.post("/v1/check", json=body)
        assert refused.status_code == 400, refused.text
        error = refused.json()["error"]
        assert error["field"] == "absences.kind" and error["value"] == "dinas-luar"
        assert 'did you mean "dinas luar"?' in error["message"]
        body["absences"] = [{"date": "2025-07-11", "kind": "dinas luar"}]
        assert client.post("/v1/check", json=body).status_code == 200


def test_a_roster_file_with_an_undeclared_kind_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`flexrules roster` reads a leave file's kinds and stops, exit 1, with the message."""
    from flexrules import cli

    (tmp_path / "p.rules").write_text(POLICY, encoding="utf-8")
    (tmp_path / "e.csv").write_text("id,unit\nE-1,finance\n", encoding="utf-8")
    (tmp_path / "s.csv").write_text(
        "employee,start,end,location\nE-1,2025-07-11T12:00,2025-07-11T15:00,office\n",
        encoding="utf-8",
    )
    leave = tmp_path / "a.csv"
    leave.write_text(
        "employee,date,start time,end time,kind\nE-1,2025-07-11,07:30,12:00,dinas-luar\n",
        encoding="utf-8",
    )
    args = ["roster", str(tmp_path / "p.rules"), "--employees", str(tmp_path / "e.csv")]
    args += ["--shifts", str(tmp_path / "s.csv"), "--absences", str(leave)]
    assert cli.main([*args, "--period", "2025-07-11", "2025-07-11"]) == 1
    assert 'did you mean "dinas luar"?' in capsys.readouterr().err
    leave.write_text(leave.read_text(encoding="utf-8").replace("dinas-luar", "dinas luar"))
    assert cli.main([*args, "--period", "2025-07-11", "2025-07-11"]) == 0


def test_tables_take_kinds_as_the_library_does(policy: flexrules.Policy) -> None:
    """`check_table` reads a kind column into the same absences: an undeclared kind is the
    same InputError, a declared one is taken."""
    pa = pytest.importorskip("pyarrow")
    employees = pa.Table.from_pylist([EMPLOYEE])
    shifts = pa.Table.from_pylist([{**s, "employee": "E-1"} for s in office_week(11)])

    def leave(kind: str) -> object:
        return pa.Table.from_pylist([{"employee": "E-1", "date": "2025-07-11", "kind": kind}])

    with pytest.raises(InputError) as caught:
        policy.check_table(employees, shifts, ("2025-07-07", "2025-07-13"), leave("dinas-luar"))
    assert 'did you mean "dinas luar"?' in caught.value.message
    policy.check_table(employees, shifts, ("2025-07-07", "2025-07-13"), leave("dinas luar"))


def test_the_roster_text_shows_a_day_of_travel_as_away_on_duty_not_leave() -> None:
    """Tuesday 8 July: Rina at the office, Sari on a whole day of dinas luar, Tono on a day of
    izin. The day's line counts Sari away on duty and Tono on leave (naming the kind), in both
    languages, and Sari's own lines say the same."""
    policy = flexrules.compile_policy(STAFFED)
    office = [{"start": "2025-07-08T07:30", "end": "2025-07-08T15:30", "location": "office"}]
    rina = Schedule({"id": "R"}, office)
    sari = Schedule({"id": "S"}, [], [Absence("2025-07-08", kind="dinas luar")])
    tono = Schedule({"id": "T"}, [], [Absence("2025-07-08", kind="izin")])
    report = policy.check_roster([rina, sari, tono], period=("2025-07-08", "2025-07-08"))
    english = report.explain().splitlines()
    assert "Tue 2025-07-08  on site 1, on leave 1, away on duty 1" in english
    assert "    on leave: T (izin)" in english and "    away on duty: S" in english
    indonesian = report.explain(language="id").splitlines()
    assert "    cuti: T (izin)" in indonesian and "    dinas luar: S" in indonesian
    sari_lines = report.reports["S"].explain().splitlines()
    assert any(line.strip() == "away on duty: Tue 2025-07-08" for line in sari_lines)
    assert not any("on leave" in line for line in sari_lines)


def test_the_schedule_text_lists_parts_of_days_with_hours_and_kinds(
    policy: flexrules.Policy,
) -> None:
    """Friday: izin 08:00-10:30, and dinas luar 13:00-15:00 (Thursday leave too): the text
    report names each part of a day with its hours and kind, on the employee's clock, in both
    languages, after the whole days."""
    absences = [
        Absence("2025-07-10", kind="cuti tahunan"),
        Absence("2025-07-11T13:00", "2025-07-11T15:00", kind="dinas luar"),
        {"start": "2025-07-11T08:00", "end": "2025-07-11T10:30", "kind": "izin"},
        {"start": "2025-07-09T15:30", "end": "2025-07-09T16:00"},
    ]
    shifts = office_week(10)
    report = policy.check(EMPLOYEE, shifts, ("2025-07-07", "2025-07-13"), absences)
    lines = report.explain().splitlines()
    on_leave = lines.index("  on leave: Thu 2025-07-10 (cuti tahunan)")
    assert lines[on_leave + 1] == (
        "  away part of the day: Wed 2025-07-09 15:30-16:00, Fri 2025-07-11 08:00-10:30 (izin),"
        " Fri 2025-07-11 13:00-15:00 (dinas luar)"
    )
    indonesian = report.explain(language="id")
    assert (
        "  tidak hadir sebagian hari: Rabu 9 Juli 2025 15.30-16.00, Jumat 11 Juli 2025 "
        "08.00-10.30 (izin), Jumat 11 Juli 2025 13.00-15.00 (dinas luar)"
    ) in indonesian


def test_the_roster_text_lists_each_days_parts_with_hours_and_kinds() -> None:
    """Tuesday 8 July: Rina at the office with izin 07:30-09:00 and 14:00-15:30 (two parts, one
    person), Sari on dinas luar 10:00-12:00. The day counts 2 away part of the day, and names
    each part with its hours and kind, in both languages."""
    policy = flexrules.compile_policy(STAFFED)
    office = [{"start": "2025-07-08T09:00", "end": "2025-07-08T14:00", "location": "office"}]
    rina = Schedule(
        {"id": "R"},
        office,
        [
            Absence("2025-07-08T07:30", "2025-07-08T09:00", kind="izin"),
            Absence("2025-07-08T14:00", "2025-07-08T15:30", kind="izin"),
        ],
    )
    sari = Schedule(
        {"id": "S"}, [], [Absence("2025-07-08T10:00", "2025-07-08T12:00", "dinas luar")]
    )
    report = policy.check_roster([rina, sari], period=("2025-07-08", "2025-07-08"))
    english = report.explain().splitlines()
    assert "Tue 2025-07-08  on site 1, away part of the day 2" in english
    assert (
        "    away part of the day: R 07:30-09:00 (izin), R 14:00-15:30 (izin), "
        "S 10:00-12:00 (dinas luar)"
    ) in english
    indonesian = report.explain(language="id").splitlines()
    assert (
        "    tidak hadir sebagian hari: R 07.30-09.00 (izin), R 14.00-15.30 (izin), "
        "S 10.00-12.00 (dinas luar)"
    ) in indonesian
