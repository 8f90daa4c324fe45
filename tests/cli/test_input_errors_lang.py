"""Bad request data on the command line, said in the language of `--lang` (by default the
policy's): the engine's `InputError`s as their catalog texts, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flexrules import cli

ROOT = Path(__file__).resolve().parents[2]
POLICY = str(ROOT / "examples" / "disdukcapil.rules")
POLICY_ID = str(ROOT / "examples" / "id" / "disdukcapil.rules")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, err


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str]:
    """An employee, and a file of two shifts the engine refuses (end before start, too long)."""
    (tmp_path / "employee.json").write_text(json.dumps({"id": "E-9"}), encoding="utf-8")
    (tmp_path / "shifts.csv").write_text(
        "start,end,location\n"
        "2025-07-09T10:00,2025-07-09T09:00,home\n"
        "2025-07-09T10:00,2025-07-12T09:00,home\n",
        encoding="utf-8",
    )
    return str(tmp_path / "employee.json"), str(tmp_path / "shifts.csv")


def test_shift_times_the_engine_refuses_are_said_in_indonesian(
    capsys: pytest.CaptureFixture[str], files: tuple[str, str]
) -> None:
    employee, shifts = files
    code, err = run(
        capsys, "decide", POLICY, "--employee", employee, "--shift", shifts, "--lang", "id"
    )
    assert code == 1
    assert f"`{shifts}`, baris 2, kolom `end`: akhir sif harus sesudah awalnya" in err
    assert f"`{shifts}`, baris 3, kolom `end`: satu sif paling lama 24 jam; tulis tugas" in err
    code, english = run(capsys, "decide", POLICY, "--employee", employee, "--shift", shifts)
    assert code == 1
    assert f"`{shifts}`, row 2, column `end`: the shift's end must be after its start" in english


def test_without_lang_an_indonesian_policy_says_them_in_indonesian(
    capsys: pytest.CaptureFixture[str], files: tuple[str, str]
) -> None:
    employee, shifts = files
    code, err = run(capsys, "decide", POLICY_ID, "--employee", employee, "--shift", shifts)
    assert code == 1 and "akhir sif harus sesudah awalnya" in err
    code, err = run(
        capsys, "decide", POLICY_ID, "--employee", employee, "--shift", shifts, "--lang", "en"
    )
    assert code == 1 and "the shift's end must be after its start" in err


def test_a_period_too_long_is_said_in_the_language_asked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    roster = ROOT / "examples" / "roster"
    args = [
        "roster",
        POLICY,
        "--employees",
        str(roster / "employees.csv"),
        "--shifts",
        str(roster / "shifts.csv"),
        "--period",
        "2025-01-01",
        "2030-01-01",
    ]
    code, err = run(capsys, *args, "--lang", "id")
    assert (code, err) == (
        1,
        "kesalahan: period: periode ini mencakup 1.827 hari; flexrules memeriksa paling banyak 731 "
        "hari sekaligus (periksa per bagian, atau naikkan max_period_days)\n",
    )
    code, err = run(capsys, *args)
    assert (code, err) == (
        1,
        "error: period: the period spans 1,827 days; flexrules checks at most 731 days at a "
        "time (check it in parts, or raise max_period_days)\n",
    )


def test_a_json_files_problems_name_their_place_in_indonesian(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    shifts = tmp_path / "loc.json"
    shifts.write_text(
        json.dumps([{"start": "2025-07-09T08:00", "end": "2025-07-09T16:00", "location": "WFH"}]),
        encoding="utf-8",
    )
    employee = tmp_path / "employee.json"
    employee.write_text(json.dumps({"id": 5.5}), encoding="utf-8")
    (tmp_path / "good.json").write_text(json.dumps({"id": "E-1"}), encoding="utf-8")
    good = str(tmp_path / "good.json")
    code, err = run(
        capsys, "decide", POLICY, "--employee", good, "--shift", str(shifts), "--lang", "id"
    )
    assert (code, err) == (
        1,
        f'kesalahan: `{shifts}`, butir 1, kunci `location`: "WFH" bukan lokasi; gunakan office, '
        'home atau anywhere (dalam JSON tulis "home")\n',
    )
    code, err = run(capsys, "decide", POLICY, "--employee", good, "--shift", str(shifts))
    assert err == (
        f'error: `{shifts}`, item 1, key `location`: "WFH" is not a location; use office, home '
        'or anywhere (in JSON write "home")\n'
    )
    args = ["decide", POLICY, "--employee", str(employee), "--shift", str(shifts), "--lang", "id"]
    code, err = run(capsys, *args)
    assert (code, err) == (
        1,
        f"kesalahan: `{employee}`, butir 1, kunci `id`: id pegawai berupa teks atau bilangan "
        "bulat, bukan 5.5\n",
    )
