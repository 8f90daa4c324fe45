"""A policy with `effective from` loaded on its own denies days outside its dates as a set of
one version does (DATA.md §5: a day with no version in force is denied, with a reason), in
the API, the CLI and the service; on its days its answers are its own. Worked by hand:

The policy is in force from Thursday 2025-07-03 until Sunday 2025-07-06 and allows working
from home on weekdays, at most 2 days a week. In the week of Monday 2025-06-30, a shift on
Monday to Wednesday is outside its dates: denied, "no version of "WFH" is in force on ...".
Home Monday to Friday: the maximum counts the home days of every day of the week (as a set
counts them, DATA.md §5), so the 3rd day (Wednesday) is past it, and blames the days the
policy is in force: Thursday and Friday. Monday 2025-07-07 is after its last day: denied.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

import flexrules
from flexrules import cli

sys.path.insert(0, str(Path(__file__).parent))
from test_policy_set import home

DATED = """\
policy "WFH" version "2" effective from 2025-07-03 until 2025-07-06.
employees have: unit: text.
rule home: employees may work from home on Monday to Friday.
rule cap: employees must not work from home more than 2 days per week.
"""
EMPLOYEE = {"id": "E1", "unit": "records"}
WEEK = ["2025-06-30", "2025-07-01", "2025-07-02", "2025-07-03", "2025-07-04"]


def none_in_force(day: str) -> str:
    weekday = {"2025-06-30": "Mon", "2025-07-01": "Tue", "2025-07-02": "Wed"}.get(day, "Mon")
    return f'no version of "WFH" is in force on {weekday} {day} (denied)'


@pytest.fixture(scope="module")
def policy() -> flexrules.Policy:
    return flexrules.compile_policy(DATED)


def test_days_outside_are_denied_with_the_sets_reason(policy: flexrules.Policy) -> None:
    alone = flexrules.PolicySet([flexrules.compile_policy(DATED)])
    for day in ("2025-07-02", "2025-07-07"):
        decision = policy.decide(EMPLOYEE, home(day))
        assert not decision.allowed and decision.version is None
        assert [r.message for r in decision.reasons] == [none_in_force(day)]
        assert [r.message for r in alone.decide(EMPLOYEE, home(day)).reasons] == [
            none_in_force(day)
        ]
        found = decision.to_dict()
        assert found["allowed"] is False and found["policy"] == policy.metadata()
        assert none_in_force(day) in decision.explain()


def test_its_own_days_answer_as_before(policy: flexrules.Policy) -> None:
    decision = policy.decide(EMPLOYEE, home("2025-07-03"))
    assert type(decision) is flexrules.Decision and decision.allowed
    assert [r.message for r in decision.reasons] == ["allowed by home"]
    assert "version" not in decision.to_dict()


def test_a_night_into_its_first_day_is_cut_there(policy: flexrules.Policy) -> None:
    decision = policy.decide(EMPLOYEE, home("2025-07-02", "20:00", "23:59"))
    assert not decision.allowed
    night = {"start": "2025-07-02T20:00", "end": "2025-07-03T04:00", "location": "home"}
    split = policy.decide(EMPLOYEE, night)
    assert not split.allowed and split.versions == (None, policy)
    assert [r.message for r in split.reasons] == [none_in_force("2025-07-02")]


def test_decide_many_as_decide(policy: flexrules.Policy) -> None:
    pairs = [(EMPLOYEE, home(day)) for day in [*WEEK, "2025-07-07"]]
    batch = policy.decide_many(pairs)
    assert batch.allowed == (False, False, False, True, True, False)
    assert batch.rules == ((None,), (None,), (None,), ("home",), ("home",), (None,))


def test_check_across_its_first_day(policy: flexrules.Policy) -> None:
    report = policy.check(EMPLOYEE, [home(day) for day in WEEK], ("2025-06-30", "2025-07-06"))
    assert [d.allowed for d in report.decisions] == [False, False, False, True, True]
    assert [d.reasons[0].message for d in report.decisions[:3]] == [
        none_in_force(day) for day in WEEK[:3]
    ]
    assert [(v.rule, v.start.date().isoformat()) for v in report.violations] == [
        ("cap", "2025-07-03"),
        ("cap", "2025-07-04"),
    ]
    assert all("(version" not in v.message for v in report.violations)
    assert report.policy == policy.metadata()


def test_check_inside_its_days_is_its_own(policy: flexrules.Policy) -> None:
    days = ["2025-07-03", "2025-07-04"]
    report = policy.check(EMPLOYEE, [home(day) for day in days], ("2025-07-03", "2025-07-04"))
    plain = policy._plain_check(EMPLOYEE, [home(day) for day in days], ("2025-07-03", "2025-07-04"))
    assert [d.to_dict() for d in report.decisions] == [d.to_dict() for d in plain.decisions]
    assert report.policy == plain.policy


def test_check_roster_and_tables(policy: flexrules.Policy) -> None:
    pa = pytest.importorskip("pyarrow")
    roster = policy.check_roster([(EMPLOYEE, [home(day) for day in WEEK])])
    assert [(v.rule, v.start.date().isoformat()) for v in roster.violations] == [
        ("cap", "2025-07-03"),
        ("cap", "2025-07-04"),
    ]
    assert [d.allowed for d in roster.reports["E1"].decisions] == [False] * 3 + [True] * 2
    shifts = pa.Table.from_pylist([{"employee": "E1", **home(day)} for day in WEEK])
    table = policy.check_table(pa.Table.from_pylist([EMPLOYEE]), shifts)
    assert table.column("rule").to_pylist() == ["cap", "cap"]
    decided = policy.decide_table(shifts, explain=True)
    assert decided.column("allowed").to_pylist() == [False, False, False, True, True]
    texts = decided.column("explanation").to_pylist()
    for text, record in zip(texts, shifts.to_pylist(), strict=True):
        assert text == policy.decide(record, record).explain()


def test_a_policy_without_dates_decides_every_day() -> None:
    plain = flexrules.compile_policy(
        DATED.replace(" effective from 2025-07-03 until 2025-07-06", "")
    )
    assert plain.decide(EMPLOYEE, home("2025-07-02")).allowed
    assert type(plain.decide_many([(EMPLOYEE, home("2025-07-02"))])).__name__ == "DecisionBatch"


def test_cli_and_service(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = tmp_path / "wfh.rules"
    rules.write_text(DATED, "utf-8")
    (tmp_path / "employee.json").write_text(json.dumps(EMPLOYEE), "utf-8")
    (tmp_path / "shift.json").write_text(json.dumps(home("2025-07-02")), "utf-8")
    cli.main(
        [
            "decide",
            str(rules),
            "--employee",
            str(tmp_path / "employee.json"),
            "--shift",
            str(tmp_path / "shift.json"),
            "--format",
            "json",
        ]
    )
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    answer = json.loads(out)
    answer = answer[0] if isinstance(answer, list) else answer
    assert answer["allowed"] is False
    assert [r["message"] for r in answer["reasons"]] == [none_in_force("2025-07-02")]
    (tmp_path / "employees.csv").write_text("id,unit\nE1,records\n", "utf-8")
    rows = "".join(f"E1,{day}T08:00,{day}T16:00,home\n" for day in WEEK)
    (tmp_path / "shifts.csv").write_text("employee,start,end,location\n" + rows, "utf-8")
    cli.main(
        [
            "roster",
            str(rules),
            "--employees",
            str(tmp_path / "employees.csv"),
            "--shifts",
            str(tmp_path / "shifts.csv"),
        ]
    )
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert [line.strip() for line in out.splitlines() if "no version" in line] == [
        f"08:00-16:00 {none_in_force(day)}" for day in WEEK[:3]
    ]
    assert out.count("! cap:") == 2
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from flexrules.service import create_app

    with TestClient(create_app(rules)) as client:
        body = client.post(
            "/v1/decide", json={"employee": EMPLOYEE, "shift": home("2025-07-02")}
        ).json()
        assert body["allowed"] is False
        assert [r["message"] for r in body["reasons"]] == [none_in_force("2025-07-02")]
        assert client.post(
            "/v1/decide", json={"employee": EMPLOYEE, "shift": home("2025-07-03")}
        ).json()["allowed"]


@pytest.mark.slow
def test_a_cluster_checks_it_whole_in_one_task(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("distributed")
    rules = tmp_path / "wfh.rules"
    rules.write_text(DATED, "utf-8")
    (tmp_path / "employees.csv").write_text("id,unit\nE1,records\n", "utf-8")
    rows = "".join(f"E1,{day}T08:00,{day}T16:00,home\n" for day in WEEK)
    (tmp_path / "shifts.csv").write_text("employee,start,end,location\n" + rows, "utf-8")
    argv = ["roster", str(rules), "--employees", str(tmp_path / "employees.csv")]
    argv += ["--shifts", str(tmp_path / "shifts.csv"), "--format", "csv"]
    assert cli.main(argv) == 0
    here, _ = capsys.readouterr()
    code = cli.main([*argv, "--workers", "1"])
    there, err = capsys.readouterr()
    assert code == 0 and "one task" in err and "Traceback" not in there + err

    # the same violations (a cluster writes check_table's columns): the cap, 2 days a week,
    # counts Monday to Wednesday too and is blamed on its own days, Thursday and Friday
    def violations(text: str) -> list[tuple[str, str, str]]:
        rows = csv.DictReader(io.StringIO(text))
        return [(row["rule"], row["employee"], row["start"][:10]) for row in rows]

    assert (
        violations(there)
        == violations(here)
        == [
            ("cap", "E1", "2025-07-03"),
            ("cap", "E1", "2025-07-04"),
        ]
    )
