"""An empty cell with the same problem on many rows is one problem (a new user's review: an
attendance export without locations gave fifty lines of the same message): how many rows, and
the first five, as an unknown employee is one problem however many rows name them. Bad values
are still listed one by one."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from flexrules import compile_policy
from flexrules.cli import main
from flexrules.files import TableError, TableErrors, read_shifts

POLICY_TEXT = """
policy "exports" timezone Asia/Jakarta.
employees have: unit: text.
rule W: employees may work.
"""
POLICY = compile_policy(POLICY_TEXT, filename="exports.rules")
PEOPLE = [{"id": "E-1"}, {"id": "E-2"}]
HEAD = "NIP;TANGGAL;JAM MASUK;JAM PULANG;LOKASI\n"
COLUMNS = "NIP=employee,LOKASI=location"


def attendance(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "presensi.csv"
    path.write_text(HEAD + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def test_a_column_left_empty_is_one_problem_with_its_rows(tmp_path: Path) -> None:
    """Rows 2-61 (60 days) without a location, row 62 with `cafe`: two problems (not fifty of
    the first and the reading stopped): the empty cells said once, with the 60 rows counted
    and rows 2-6 listed, then `cafe` on its own."""
    rows = [f"E-1;{1 + n % 28:02d}/0{7 + n // 28}/2025;08.00;16.00;" for n in range(60)]
    path = attendance(tmp_path, [*rows, "E-2;07/07/2025;08.00;16.00;cafe"])
    with pytest.raises(TableErrors) as caught:
        read_shifts(path, POLICY, PEOPLE, columns=COLUMNS)
    error = caught.value
    assert [(e.row, e.column) for e in error.errors] == [(2, "LOKASI"), (62, "LOKASI")]
    assert not error.more
    lines = str(error).splitlines()
    assert lines[0] == f"2 problems in `{path}`; nothing was decided:"
    assert lines[1] == (
        f"  `{path}`, rows 2, 3, 4, 5, 6, …, column `LOKASI`: the shift has no location (and "
        "no kind, which would make it an absence) (on 60 rows; the first 5 are listed)"
    )
    assert '"cafe"' in lines[2] and "row 62" in lines[2]
    assert error.errors[0].rows == tuple(range(2, 62))  # type: ignore[attr-defined]
    indonesian = error.message_for("id")
    assert "baris 2, 3, 4, 5, 6, …, kolom `LOKASI`" in indonesian
    assert "(pada 60 baris; 5 yang pertama dicantumkan)" in indonesian


def test_a_few_rows_are_all_listed(tmp_path: Path) -> None:
    """Three rows without a location: one problem naming all three."""
    path = attendance(tmp_path, [f"E-1;0{d}/07/2025;08.00;16.00;" for d in (1, 2, 3)])
    with pytest.raises(TableError) as caught:
        read_shifts(path, POLICY, PEOPLE, columns=COLUMNS)
    assert not isinstance(caught.value, TableErrors)
    assert str(caught.value).startswith(f"`{path}`, rows 2, 3, 4, column `LOKASI`: the shift")
    assert str(caught.value).endswith("absence) (on 3 rows)")
    again = pickle.loads(pickle.dumps(caught.value))  # crosses processes as it is
    assert str(again) == str(caught.value) and again.rows == (2, 3, 4)


def test_one_row_is_said_as_before(tmp_path: Path) -> None:
    path = attendance(tmp_path, ["E-1;01/07/2025;08.00;16.00;", "E-1;02/07/2025;08.00;16.00;WFO"])
    with pytest.raises(TableError) as caught:
        read_shifts(path, POLICY, PEOPLE, columns=COLUMNS)
    assert str(caught.value).startswith(f"`{path}`, row 2, column `LOKASI`: the shift has no")


def test_bad_values_are_each_listed(tmp_path: Path) -> None:
    """Two different bad locations and the same bad one twice: four problems, one a row."""
    rows = [f"E-1;0{d}/07/2025;08.00;16.00;{place}" for d, place in enumerate("xyxz", start=1)]
    with pytest.raises(TableErrors) as caught:
        read_shifts(attendance(tmp_path, rows), POLICY, PEOPLE, columns=COLUMNS)
    assert [e.row for e in caught.value.errors] == [2, 3, 4, 5]


def test_the_command_line_says_it_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`flexrules roster` with a plain shifts file whose location column is empty: one line."""
    (tmp_path / "p.rules").write_text(POLICY_TEXT, encoding="utf-8")
    (tmp_path / "e.csv").write_text("id,unit\nE-1,a\n", encoding="utf-8")
    shifts = "".join(f"E-1,2025-07-{d:02d}T08:00,2025-07-{d:02d}T16:00,\n" for d in range(1, 21))
    (tmp_path / "s.csv").write_text("employee,start,end,location\n" + shifts, encoding="utf-8")
    args = ["roster", str(tmp_path / "p.rules"), "--employees", str(tmp_path / "e.csv")]
    code = main([*args, "--shifts", str(tmp_path / "s.csv")])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("has no location") == 1 and "(on 20 rows; the first 5 are listed)" in err
