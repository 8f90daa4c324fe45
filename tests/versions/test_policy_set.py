"""A set of versions across their change date in one week, each answer worked out by hand.

Version "1" is in force until Tuesday 2025-07-01 and lets everyone work from home on
weekdays; version "2" is in force from Thursday 2025-07-03 and only on Fridays. Wednesday
2025-07-02 has no version in force.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import flexrules
from flexrules.versions import compile_policies

V1 = """\
policy "WFH" version "1" effective from 2025-01-01 until 2025-07-01.
employees have: unit: text.
rule home: employees may work from home on Monday to Friday.
"""
V2 = """\
policy "WFH" version "2" effective from 2025-07-03.
employees have: unit: text.
rule friday: employees may work from home on Friday.
"""
V2_ID = """\
kebijakan "WFH" versi "2" berlaku mulai 3 Juli 2025.
pegawai memiliki: unit: teks.
aturan jumat: pegawai dapat bekerja dari rumah pada hari Jumat.
"""
EMPLOYEE = {"id": "E1", "unit": "records"}


def home(day: str, start: str = "08:00", end: str = "16:00") -> dict[str, str]:
    return {"start": f"{day}T{start}", "end": f"{day}T{end}", "location": "home"}


# day -> (allowed, version, rule) worked out by hand from the texts above
BY_HAND = {
    "2025-06-30": (True, "1", "home"),  # Monday: version 1, weekdays
    "2025-07-01": (True, "1", "home"),  # Tuesday: version 1's last day
    "2025-07-02": (False, None, None),  # Wednesday: no version in force
    "2025-07-03": (False, "2", None),  # Thursday: version 2, only Fridays: the default
    "2025-07-04": (True, "2", "friday"),  # Friday: version 2
}


@pytest.fixture(scope="module")
def versions() -> flexrules.PolicySet:
    return compile_policies([V2, V1])


@pytest.mark.parametrize("day", sorted(BY_HAND))
def test_each_day_is_decided_by_its_version(versions: flexrules.PolicySet, day: str) -> None:
    allowed, version, rule = BY_HAND[day]
    decision = versions.decide(EMPLOYEE, home(day))
    assert decision.allowed is allowed and bool(decision) is allowed
    assert decision.version is None if version is None else decision.version.version == version
    (reason,) = decision.reasons
    assert reason.rule == rule
    data = decision.to_dict()
    assert data["allowed"] is allowed and data["version"] == version
    assert all(piece["allowed"] is allowed for piece in data["pieces"])
    if version is None:
        assert reason.message == 'no version of "WFH" is in force on Wed 2025-07-02 (denied)'
        assert "no version" in decision.explain()
    else:
        assert reason.message.endswith(f'(version "{version}")')
        assert f'version "{version}"' in decision.explain()
        assert data["reasons"][0]["message"] == reason.message


def test_reasons_in_indonesian() -> None:
    versions = compile_policies([V1, V2_ID])
    decision = versions.decide(EMPLOYEE, home("2025-07-04"))
    assert decision.allowed
    assert decision.reasons[0].message.endswith('(versi "2")')
    gap = versions.decide(EMPLOYEE, home("2025-07-02"))
    assert gap.reasons[0].message_for("id").startswith('tidak ada versi "WFH"')


def test_a_night_into_a_day_with_no_version(versions: flexrules.PolicySet) -> None:
    night = {"start": "2025-07-01T22:00", "end": "2025-07-02T02:00", "location": "home"}
    decision = versions.decide(EMPLOYEE, night)
    assert not decision.allowed  # Tuesday's part by version 1 allowed, Wednesday's denied
    assert [v and v.version for v in decision.versions] == ["1", None]
    (reason,) = decision.reasons
    assert reason.message == 'no version of "WFH" is in force on Wed 2025-07-02 (denied)'
    assert [p["allowed"] for p in decision.to_dict()["pieces"]] == [True, False]


def test_set_metadata_and_fingerprint(versions: flexrules.PolicySet) -> None:
    meta = versions.metadata()
    assert [v["version"] for v in meta["versions"]] == ["1", "2"]
    assert meta["versions"][0]["effective_until"] == "2025-07-01"
    assert versions.fingerprint == compile_policies([V1, V2]).fingerprint
    assert versions.fingerprint != compile_policies([V1]).fingerprint
    assert versions.in_force(dt.date(2025, 7, 2)) is None


def test_overlapping_versions_are_refused() -> None:
    early = V1.replace("until 2025-07-01", "until 2025-07-03")
    with pytest.raises(flexrules.PolicyError) as caught:
        compile_policies([early, V2])
    (problem,) = caught.value.diagnostics
    assert problem.code == "overlapping-versions"
    assert '"1"' in problem.message and '"2"' in problem.message


def test_an_attribute_with_two_types_is_refused() -> None:
    with pytest.raises(flexrules.PolicyError) as caught:
        compile_policies([V1, V2.replace("unit: text", "unit: number")])
    assert [d.code for d in caught.value.diagnostics] == ["attribute-type-changed"]


def test_check_within_one_version_and_across(versions: flexrules.PolicySet) -> None:
    report = versions.check(EMPLOYEE, [home("2025-06-30"), home("2025-07-01")])
    assert [d.allowed for d in report.decisions] == [True, True]
    # within one version's days too, the report is the set's: every answer names its version
    assert report.decisions[0].reasons[0].message == 'allowed by home (version "1")'
    assert report.policy["fingerprint"] == versions.fingerprint
    week = [home(day) for day in sorted(BY_HAND)]
    report = versions.check(EMPLOYEE, week, ("2025-06-30", "2025-07-04"))
    assert [d.allowed for d in report.decisions] == [BY_HAND[d][0] for d in sorted(BY_HAND)]
    assert not report.allowed
    assert [v["version"] for v in report.policy["versions"]] == ["1", "2"]


def test_load_a_folder_of_versions(tmp_path: Path) -> None:
    for name, text in (("2025-01", V1), ("2025-07", V2)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "policy.rules").write_text(text, "utf-8")
    loaded = flexrules.load_policies(tmp_path)
    assert [m.version for m in loaded] == ["1", "2"]
    single = tmp_path / "v1.rules"
    single.write_text(V1, "utf-8")
    assert [m.version for m in flexrules.load_policies([single])] == ["1"]


def test_check_roster_across_the_change(versions: flexrules.PolicySet) -> None:
    other = {"id": "E2", "unit": "records"}
    schedules = [
        flexrules.Schedule(EMPLOYEE, [home(day) for day in sorted(BY_HAND)]),
        {"employee": other, "shifts": [home("2025-07-02")]},  # only on the day with no version
    ]
    report = versions.check_roster(schedules, ("2025-06-30", "2025-07-04"))
    assert [d.allowed for d in report.decisions["E1"]] == [BY_HAND[d][0] for d in sorted(BY_HAND)]
    (gap,) = report.decisions["E2"]
    assert not gap.allowed and gap.version is None
    assert not report.allowed
    assert report.decisions["E1"][3].reasons[0].message.endswith('(version "2")')
    assert "no version" in report.explain()


def test_decide_many_is_decide(versions: flexrules.PolicySet) -> None:
    pairs = [(EMPLOYEE, home(day)) for day in sorted(BY_HAND)]
    batch = versions.decide_many(pairs)
    assert len(batch) == len(pairs)
    assert batch.allowed == tuple(BY_HAND[day][0] for day in sorted(BY_HAND))
    assert batch.rules == tuple((BY_HAND[day][2],) for day in sorted(BY_HAND))
    assert [d.to_dict() for d in batch] == [versions.decide(e, s).to_dict() for e, s in pairs]
