"""Holidays the `holidays` package estimates (DATA.md §4): a piece on one carries an
`estimated-holiday` warning and its explanation says how to pin the date; a date the policy
names itself, a decreed holiday, a joint holiday and a day the policy does not declare never
do; `flexrules holidays` lists each holiday with its kind, source and whether it is estimated.

The expected days are worked out by hand from the package's 2027 calendar for Indonesia
(holidays 0.109): Idul Fitri 10-11 March 2027 and Idul Adha 17 May 2027 are estimates (the
Islamic calendar's computed dates); 9 March 2027 is a cuti bersama day, not an estimate.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

import flexrules
from flexrules import cli

POLICY = """\
policy "Holidays".
employees have: role: text.
working days: Monday to Friday.
holidays: Indonesia with joint holidays{extra}.
rule R1: employees may work from home.
"""
EMPLOYEE = {"id": "E-1", "role": "clerk"}


def shift(day: str, start: str = "08:00", end: str = "12:00") -> dict[str, str]:
    return {"start": f"{day}T{start}", "end": f"{day}T{end}", "location": "home"}


@pytest.fixture(scope="module")
def policy() -> flexrules.Policy:
    return flexrules.compile_policy(POLICY.format(extra=""))


@pytest.mark.parametrize("day", ["2027-03-10", "2027-03-11", "2027-05-17"])
def test_a_piece_on_an_estimated_holiday_warns(policy: flexrules.Policy, day: str) -> None:
    decision = policy.decide(EMPLOYEE, shift(day))
    assert [(w.code, w.field) for w in decision.warnings] == [("estimated-holiday", day)]
    assert "not yet by decree" in decision.warnings[0].message
    assert decision.to_dict()["warnings"][0]["code"] == "estimated-holiday"
    assert "estimate, not yet decreed" in decision.explain("en")
    assert "perkiraan paket holidays, belum ditetapkan" in decision.explain("id")
    assert "belum ditetapkan" in decision.to_dict(language="id")["warnings"][0]["message"]


@pytest.mark.parametrize(
    "day",
    [
        "2027-03-09",  # cuti bersama: the package does not mark it estimated
        "2027-08-17",  # Independence Day: a fixed date
        "2025-03-31",  # Idul Fitri 2025: decreed, not estimated
        "2027-03-16",  # an ordinary working day
    ],
)
def test_other_days_do_not_warn(policy: flexrules.Policy, day: str) -> None:
    assert policy.decide(EMPLOYEE, shift(day)).warnings == ()


def test_a_night_shift_warns_for_the_day_it_runs_into(policy: flexrules.Policy) -> None:
    decision = policy.decide(
        EMPLOYEE, {"start": "2027-03-09T22:00", "end": "2027-03-10T02:00", "location": "home"}
    )
    assert [w.field for w in decision.warnings] == ["2027-03-10"]


def test_a_date_the_policy_names_is_never_an_estimate() -> None:
    pinned = flexrules.compile_policy(POLICY.format(extra=", 2027-03-10"))
    assert pinned.decide(EMPLOYEE, shift("2027-03-10")).warnings == ()
    assert pinned.decide(EMPLOYEE, shift("2027-03-11")).warnings != ()


def test_a_policy_without_national_holidays_never_warns() -> None:
    plain = flexrules.compile_policy(
        POLICY.replace("holidays: Indonesia with joint holidays{extra}.\n", "")
    )
    assert plain.decide(EMPLOYEE, shift("2027-03-10")).warnings == ()


def test_the_policy_lists_its_holidays_with_kind_and_source() -> None:
    pinned = flexrules.compile_policy(POLICY.format(extra=", 2027-03-16"), filename="h.rules")
    found = {
        h.date.isoformat(): h for h in pinned.holidays(dt.date(2027, 3, 8), dt.date(2027, 3, 16))
    }
    assert {day: (h.kind, h.estimated) for day, h in found.items()} == {
        "2027-03-08": ("public", False),  # Nyepi
        "2027-03-09": ("joint", False),
        "2027-03-10": ("public", True),
        "2027-03-11": ("public", True),
        "2027-03-12": ("joint", False),
        "2027-03-15": ("joint", False),
        "2027-03-16": ("agency", False),
    }
    assert found["2027-03-16"].source == "h.rules:4"
    assert found["2027-03-10"].source.startswith("holidays ")
    assert found["2027-03-16"].name == "agency holiday"


def test_flexrules_holidays_in_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.rules"
    path.write_text(POLICY.format(extra=""), encoding="utf-8")
    assert cli.main(["holidays", str(path), "--from", "2027-03-09", "--to", "2027-03-11"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "3 holidays from Tue 2027-03-09 to Thu 2027-03-11"
    assert out[2].startswith("Wed 2027-03-10  Eid al-Fitr") and out[2].endswith("not yet decreed")
    assert not out[1].endswith("not yet decreed")

    assert cli.main(["holidays", str(path), "--year", "2027", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [h["date"] for h in listed if h["estimated"]] == [
        "2027-03-10",
        "2027-03-11",
        "2027-05-17",
    ]
    assert set(listed[0]) == {"date", "name", "kind", "source", "estimated"}

    assert (
        cli.main(["holidays", str(path), "--year", "2027", "--format", "csv", "--lang", "id"]) == 0
    )
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == {
        "date": "2027-01-01",
        "name": "Tahun Baru Masehi",
        "kind": "public",
        "source": rows[0]["source"],
        "estimated": "no",
    }


@pytest.mark.parametrize(
    "argv",
    [
        ["--year", "2027", "--from", "2027-01-01"],
        ["--from", "2027-02-01", "--to", "2027-01-01"],
        ["--year", "3000"],
    ],
)
def test_flexrules_holidays_called_wrongly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    path = tmp_path / "p.rules"
    path.write_text(POLICY.format(extra=""), encoding="utf-8")
    assert cli.main(["holidays", str(path), *argv]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_a_roster_whose_period_holds_an_estimate_warns(policy: flexrules.Policy) -> None:
    schedule = flexrules.Schedule(EMPLOYEE, [shift("2027-03-16")])
    report = policy.check_roster([schedule], period=("2027-03-08", "2027-03-12"))
    assert [w.field for w in report.warnings] == ["2027-03-10", "2027-03-11"]
    assert [w["code"] for w in report.to_dict()["warnings"]] == ["estimated-holiday"] * 2
    text = report.explain(language="id").splitlines()
    assert text[3].startswith("peringatan: Rabu 10 Maret 2027 adalah hari libur hanya menurut")
    quiet = policy.check_roster([schedule], period=("2027-03-15", "2027-03-19"))
    assert quiet.warnings == () and quiet.to_dict()["warnings"] == []


def test_a_schedule_whose_days_hold_an_estimate_warns(policy: flexrules.Policy) -> None:
    report = policy.check(EMPLOYEE, [shift("2027-03-16")], period=("2027-03-08", "2027-03-12"))
    assert [w.field for w in report.warnings] == ["2027-03-10", "2027-03-11"]
    assert [w["code"] for w in report.to_dict()["warnings"]] == ["estimated-holiday"] * 2
    assert report.explain().splitlines()[3].startswith("warning: Wed 2027-03-10 is a holiday")
    # without a period, the days its shifts touch
    assert [w.field for w in policy.check(EMPLOYEE, [shift("2027-05-17")]).warnings] == [
        "2027-05-17"
    ]
    assert policy.check(EMPLOYEE, [shift("2027-05-18")]).warnings == ()
