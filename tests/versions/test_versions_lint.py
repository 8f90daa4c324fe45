"""Lint and diff of versions (SETTLED.md "Lint", DATA.md §5): each version linted over its own
effective period; `diff` of two versions compares their rules as if both were in force (over
NEW's period) and reports the change of their effective dates on a line of its own."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest

from flexrules import cli
from flexrules.versions import compile_policies, effective_horizon, lint_versions

sys.path.insert(0, str(Path(__file__).parent))
from test_policy_set import V1, V2

#: version 2 has no end: the two years from its first day (731 days, both ends included)
V2_HORIZON = ["2025-07-03", (dt.date(2025, 7, 3) + dt.timedelta(days=730)).isoformat()]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name, text in (("2025-01", V1), ("2025-07", V2)):
        (tmp_path / "wfh" / name).mkdir(parents=True)
        (tmp_path / "wfh" / name / "policy.rules").write_text(text, "utf-8")
    return tmp_path / "wfh"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_each_version_is_linted_over_its_period(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "lint", str(folder), "--json", "--fail-on", "never")
    assert code == 0
    horizons = [report["horizon"] for report in json.loads(out)]
    assert horizons == [["2025-01-01", "2025-07-01"], V2_HORIZON]
    code, out, _ = run(
        capsys, "lint", str(folder), "--json", "--horizon", "2025-03-01", "2025-03-31"
    )
    assert [r["horizon"] for r in json.loads(out)] == [["2025-03-01", "2025-03-31"]] * 2


def test_the_library_lints_a_set_the_same_way() -> None:
    versions = compile_policies([V1, V2])
    found = [(m.version, report.horizon) for m, report in lint_versions(versions)]
    assert found == [
        ("1", (dt.date(2025, 1, 1), dt.date(2025, 7, 1))),
        ("2", tuple(dt.date.fromisoformat(d) for d in V2_HORIZON)),
    ]
    plain = compile_policies([V1.replace(" effective from 2025-01-01 until 2025-07-01", "")])
    assert effective_horizon(plain.members[0]) is None


def test_lint_refuses_a_folder_of_overlapping_versions(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    early = folder / "2025-01" / "policy.rules"
    early.write_text(V1.replace("until 2025-07-01", "until 2025-07-03"), "utf-8")
    code, _, err = run(capsys, "lint", str(folder), "--fail-on", "never")
    assert code == 1 and "overlapping-versions" in err


def test_diff_of_two_versions(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = str(folder / "2025-01"), str(folder / "2025-07")
    code, out, _ = run(capsys, "diff", old, new)
    # version 1 allows home Monday to Friday, version 2 only Friday: less permissive, shown
    # by a weekday that is not a Friday, over version 2's period
    assert code == 1
    first = out.splitlines()[0]
    assert first.endswith("less permissive (horizon Thu 2025-07-03 to Sat 2027-07-03)")
    assert out.splitlines()[1] == (
        f"effective dates changed: {old} was in force from Wed 2025-01-01 until Tue "
        f"2025-07-01; {new} is in force from Thu 2025-07-03"
    )
    code, out, _ = run(capsys, "diff", old, new, "--json")
    document = json.loads(out)
    assert document["verdict"] == "less permissive"
    assert document["effective"] == {
        "old": {"from": "2025-01-01", "until": "2025-07-01"},
        "new": {"from": "2025-07-03", "until": None},
        "changed": True,
    }
    assert document["horizon"] == V2_HORIZON


def test_diff_with_the_same_rules_and_other_dates(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the same rules as version 1, in force from 2025-07-03: equivalent (exit 0), the dates'
    # change on its own line
    later = folder.parent / "later.rules"
    later.write_text(
        V1.replace('version "1"', 'version "1b"').replace(
            "effective from 2025-01-01 until 2025-07-01", "effective from 2025-07-03"
        ),
        "utf-8",
    )
    code, out, _ = run(capsys, "diff", str(folder / "2025-01"), str(later))
    assert code == 0
    assert "equivalent" in out.splitlines()[0]
    assert out.splitlines()[1].startswith("effective dates changed:")
    code, out, _ = run(capsys, "diff", str(later), str(later), "--lang", "id")
    assert out.splitlines()[1] == "tanggal berlaku tidak berubah: berlaku mulai Kamis 3 Juli 2025"


def test_holidays_of_a_set_are_each_days_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # version 1 (until 30 June) declares the public holidays; version 2 (from 1 July) adds
    # its own day, 15 July: each day's holidays are its version's
    first = tmp_path / "v1.rules"
    second = tmp_path / "v2.rules"
    first.write_text(
        V1.replace("until 2025-07-01", "until 2025-06-30") + "holidays: Indonesia.\n", "utf-8"
    )
    second.write_text(
        V2.replace("from 2025-07-03", "from 2025-07-01") + "holidays: Indonesia, 2025-07-15.\n",
        "utf-8",
    )
    code, out, _ = run(
        capsys, "holidays", str(first), str(second), "--from", "2025-06-01", "--to",
        "2025-08-31", "--format", "json",
    )  # fmt: skip
    assert code == 0
    days = [(h["date"], h["kind"]) for h in json.loads(out)]
    assert ("2025-06-06", "public") in days and ("2025-07-15", "agency") in days
    assert ("2025-08-17", "public") in days
    versions = compile_policies([first.read_text("utf-8"), second.read_text("utf-8")])
    one = compile_policies([first.read_text("utf-8")]).members[0]
    assert [h.date for h in versions.holidays(dt.date(2025, 6, 1), dt.date(2025, 6, 30))] == [
        h.date for h in one.holidays(dt.date(2025, 6, 1), dt.date(2025, 6, 30))
    ]


def test_show_a_set_of_versions(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", str(folder))
    assert code == 0
    lines = out.splitlines()
    assert lines[:2] == [
        "== WFH (version 1)",
        "   in force from Wed 2025-01-01 until Tue 2025-07-01",
    ]
    assert "   in force from Thu 2025-07-03" in lines
    code, _, err = run(capsys, "show", str(folder), "--html", str(folder.parent / "x.html"))
    assert code == 2 and "one version" in err
