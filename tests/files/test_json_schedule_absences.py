"""A JSON schedule's bad absences are named with their file and number, each one, as a bad
shift of the same file is (a new user's review: `flexrules schedule` said `absences.kind:
"cuti" is not a kind of absence the policy declares`, without saying where)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flexrules import cli, compile_policy
from flexrules.files import TableError, TableErrors, read_schedule

POLICY = """policy "Kinds" timezone Asia/Jakarta.
absence kinds: "cuti tahunan", "izin", "dinas luar" as work.
rule R1: employees may work.
"""
OFFICE = {"start": "2025-07-07T08:00", "end": "2025-07-07T16:00", "location": "office"}


def schedule(tmp_path: Path, absences: list[object], shifts: tuple[object, ...] = ()) -> Path:
    path = tmp_path / "jadwal.json"
    document = {"employee": {"id": "E-1"}, "shifts": list(shifts), "absences": absences}
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_an_undeclared_kind_names_its_file_and_absence(tmp_path: Path) -> None:
    path = schedule(tmp_path, ["2025-07-07", {"date": "2025-07-08", "kind": "cuti"}])
    with pytest.raises(TableError) as caught:
        read_schedule(path, compile_policy(POLICY))
    error = caught.value
    assert (error.file, error.row, error.column, error.value) == (str(path), 2, "kind", "cuti")
    assert str(error) == (
        f'`{path}`, absence 2, key `kind`: "cuti" is not a kind of absence the policy '
        'declares; the policy declares "cuti tahunan", "izin", "dinas luar"'
    )
    assert error.message_for("id").startswith(
        f'`{path}`, ketidakhadiran 2, kunci `kind`: "cuti" bukan jenis ketidakhadiran'
    )


def test_every_bad_absence_is_listed_with_the_shifts_problems(tmp_path: Path) -> None:
    """A shift at `cafe`, an izin that ends before it starts, `Izin` for `izin`, and a part
    of a day that runs past midnight: four problems, the shift's first."""
    path = schedule(
        tmp_path,
        [
            {"start": "2025-07-08T10:00", "end": "2025-07-08T09:00", "kind": "izin"},
            {"date": "2025-07-09", "kind": "Izin"},
            {"start": "2025-07-10T22:00", "end": "2025-07-11T02:00"},
        ],
        ({**OFFICE, "location": "cafe"},),
    )
    with pytest.raises(TableErrors) as caught:
        read_schedule(path, compile_policy(POLICY))
    places = [(e.unit, e.row, e.column) for e in caught.value.errors]
    assert places == [
        ("shift", 1, "location"),
        ("absence", 1, "end"),
        ("absence", 2, "kind"),
        ("absence", 3, "end"),
    ]
    text = str(caught.value)
    assert "absence 1, key `end`: the absence ends when or before it starts" in text
    assert 'absence 2, key `kind`: "Izin" is not a kind of absence the policy declares; ' in text
    assert 'did you mean "izin"?' in text


def test_a_part_of_a_day_past_midnight_names_its_end(tmp_path: Path) -> None:
    path = schedule(tmp_path, [{"start": "2025-07-10T22:00", "end": "2025-07-11T02:00"}])
    with pytest.raises(TableError) as caught:
        read_schedule(path, compile_policy(POLICY))
    assert (caught.value.row, caught.value.column) == (1, "end")
    assert "part of a day ends on the day it starts" in str(caught.value)


def test_the_command_says_where(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "k.rules").write_text(POLICY, encoding="utf-8")
    path = schedule(tmp_path, [{"date": "2025-07-08", "kind": "cuti"}], (OFFICE,))
    code = cli.main(["schedule", str(tmp_path / "k.rules"), "--schedule", str(path)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith(f'error: `{path}`, absence 1, key `kind`: "cuti" is not a kind')
    assert "Traceback" not in err
