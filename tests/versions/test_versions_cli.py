"""`decide`, `schedule` and `roster` with POLICY repeated, or a folder of versions: the week of
tests/versions/test_policy_set.py, each answer worked out by hand there."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from flexrules import cli

sys.path.insert(0, str(Path(__file__).parent))
from test_policy_set import BY_HAND, EMPLOYEE, V1, V2, home


@pytest.fixture(scope="module")
def week(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("versions")
    for name, text in (("2025-01", V1), ("2025-07", V2)):
        (root / "policy" / name).mkdir(parents=True)
        (root / "policy" / name / "policy.rules").write_text(text, "utf-8")
    (root / "employee.json").write_text(json.dumps(EMPLOYEE), "utf-8")
    (root / "week.json").write_text(json.dumps([home(day) for day in sorted(BY_HAND)]), "utf-8")
    (root / "early.json").write_text(json.dumps([home("2025-06-30"), home("2025-07-01")]))
    employees = "id,unit\nE1,records\n"
    (root / "employees.csv").write_text(employees, "utf-8")
    shifts = "employee,start,end,location\nE1,2025-07-04T08:00,2025-07-04T16:00,home\n"
    (root / "shifts.csv").write_text(shifts, "utf-8")
    return root


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_decide_with_repeated_policy(week: Path, capsys: pytest.CaptureFixture[str]) -> None:
    policies = [str(week / "policy" / "2025-01"), str(week / "policy" / "2025-07")]
    for argv in (policies, [str(week / "policy")]):
        code, out, _ = run(
            capsys,
            "decide",
            *argv,
            "--employee",
            str(week / "employee.json"),
            "--shift",
            str(week / "week.json"),
            "--format",
            "json",
        )
        answers = json.loads(out)
        assert [(a["allowed"], a["version"]) for a in answers] == [
            (allowed, version) for allowed, version, _ in (BY_HAND[d] for d in sorted(BY_HAND))
        ]
        assert code == 0  # denials change the exit status only when asked to


def test_schedule_within_one_version(week: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "schedule",
        str(week / "policy"),
        "--employee",
        str(week / "employee.json"),
        "--schedule",
        str(week / "early.json"),
        "--format",
        "json",
    )
    assert code == 0
    assert [d["allowed"] for d in json.loads(out)["decisions"]] == [True, True]


def test_schedule_across_the_change(week: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = [
        "schedule",
        str(week / "policy"),
        "--employee",
        str(week / "employee.json"),
        "--schedule",
        str(week / "week.json"),
    ]
    code, out, _ = run(capsys, *argv, "--format", "json")
    assert code == 0  # a denial changes the exit status only when asked to
    report = json.loads(out)
    assert [d["allowed"] for d in report["decisions"]] == [BY_HAND[d][0] for d in sorted(BY_HAND)]
    _code, out, _ = run(capsys, *argv)
    assert 'no version of "WFH" is in force on Wed 2025-07-02' in out


def test_roster_on_version_two(week: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "roster",
        str(week / "policy" / "2025-01" / "policy.rules"),
        str(week / "policy" / "2025-07" / "policy.rules"),
        "--employees",
        str(week / "employees.csv"),
        "--shifts",
        str(week / "shifts.csv"),
        "--format",
        "json",
    )
    assert code == 0
    report = json.loads(out)
    # Friday 2025-07-04: version 2 permits it; the report is the set's, naming each version
    assert [v["version"] for v in report["policy"]["versions"]] == ["1", "2"]
    (decision,) = report["schedules"]["E1"]["decisions"]
    assert decision["allowed"] and decision["version"] == "2"


def test_check_a_folder_of_versions(week: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(week / "policy"))
    assert code == 0 and out.count(": ok") == 2
    overlapping = week / "overlapping"
    for name, text in (("a", V1.replace("until 2025-07-01", "until 2025-07-05")), ("b", V2)):
        (overlapping / name).mkdir(parents=True)
        (overlapping / name / "policy.rules").write_text(text, "utf-8")
    code, out, _ = run(capsys, "check", str(overlapping))
    assert code != 0 and "overlapping-versions" in out
