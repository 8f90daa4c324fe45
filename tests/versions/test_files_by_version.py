"""Values in files typed by the version in force on the row's day (DATA.md §5), worked out by
hand. Version "1" is in force until Wednesday 2025-07-02 and knows the units "records" and
"finance" and the absence kinds "cuti tahunan" and "sakit"; version "2", from Thursday
2025-07-03, adds the unit "digital" and the kind "dinas luar" (as work). A row dated in
version 1's days with "digital" or "dinas luar" is a bad value there; in version 2's days it is
read. A row without a day is read by the latest version.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import flexrules
from flexrules import cli
from flexrules.files import TableError, read_changes, read_employees, read_roster, read_shifts
from flexrules.versions import compile_policies

V1 = """\
policy "Units" version "1" effective from 2025-01-01 until 2025-07-02.
employees have: unit: one of "records", "finance".
shifts have: task: one of "desk", "visit".
absence kinds: "cuti tahunan", "sakit".
rule home: employees may work from home.
rule office: employees must be on-site at least 1 day per week.
"""
V2 = """\
policy "Units" version "2" effective from 2025-07-03.
employees have: unit: one of "records", "finance", "digital".
shifts have: task: one of "desk", "visit", "online".
absence kinds: "cuti tahunan", "sakit", "dinas luar" as work.
rule home: employees may work from home.
rule office: employees must be on-site at least 1 day per week.
"""


@pytest.fixture(scope="module")
def versions() -> flexrules.PolicySet:
    return compile_policies([{"v1.rules": V1}, {"v2.rules": V2}])


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def problems(error: TableError) -> list[tuple[int | None, str | None, str]]:
    found = getattr(error, "errors", None) or [error]
    return [(e.row, e.column, str(e.value)) for e in found]


def test_employee_rows_typed_by_their_valid_from(
    tmp_path: Path, versions: flexrules.PolicySet
) -> None:
    # A: "digital" from 2025-07-03 (version 2's day): read. B: "digital" from 2025-07-01
    # (version 1's): a bad value at row 3. C has no dates: the latest version reads "digital".
    good = (
        "id,unit,valid from,valid until\nA,records,2025-06-01,2025-07-02\nA,digital,2025-07-03,\n"
    )
    (found,) = read_employees(write(tmp_path, "good.csv", good), versions)
    assert found["changes"][-1] == ("2025-07-03", {"unit": "digital"})
    bad = "id,unit,valid from\nA,records,2025-06-01\nB,digital,2025-07-01\nC,digital,\n"
    with pytest.raises(TableError) as caught:
        read_employees(write(tmp_path, "bad.csv", bad), versions)
    assert problems(caught.value) == [(3, "unit", "digital")]
    assert caught.value.message_for("en").endswith(
        '"digital" is not one of "records", "finance" (version "1", in force on Tue 2025-07-01)'
    )
    assert caught.value.message_for("id").endswith(
        '(versi "1", yang berlaku pada Selasa 1 Juli 2025)'
    )
    undated = read_employees(write(tmp_path, "c.csv", "id,unit\nC,digital\n"), versions)
    assert undated == [{"id": "C", "unit": "digital"}]


def test_changes_typed_by_their_day(tmp_path: Path, versions: flexrules.PolicySet) -> None:
    text = "employee,attribute,value,from\nA,unit,digital,2025-07-03\nB,unit,digital,2025-07-02\n"
    with pytest.raises(TableError) as caught:
        read_changes(write(tmp_path, "changes.csv", text), versions)
    assert problems(caught.value) == [(3, "value", "digital")]
    fine = read_changes(write(tmp_path, "fine.csv", text.rsplit("B,", 1)[0]), versions)
    assert fine == {"A": [("2025-07-03", {"unit": "digital"})]}


def test_shifts_and_attendance_kinds_typed_by_their_day(
    tmp_path: Path, versions: flexrules.PolicySet
) -> None:
    employees = [{"id": "A", "unit": "records"}]
    shifts = (
        "employee,start,end,location,task\n"
        "A,2025-07-03T08:00,2025-07-03T16:00,home,online\n"
        "A,2025-07-02T08:00,2025-07-02T16:00,home,online\n"
    )
    with pytest.raises(TableError) as caught:
        read_shifts(write(tmp_path, "shifts.csv", shifts), versions, employees)
    assert problems(caught.value) == [(3, "task", "online")]
    # an attendance export's absence rows: "dinas luar" on Thursday is version 2's kind;
    # on Wednesday, version 1 does not declare it
    export = "employee,date,kind\nA,2025-07-03,dinas luar\nA,2025-07-02,dinas luar\n"
    with pytest.raises(TableError) as caught:
        read_shifts(write(tmp_path, "export.csv", export), versions, employees, absences={})
    assert problems(caught.value) == [(3, "kind", "dinas luar")]


def test_leave_kinds_typed_by_their_day(tmp_path: Path, versions: flexrules.PolicySet) -> None:
    people = write(tmp_path, "e.csv", "id,unit\nA,records\n")
    shifts = write(tmp_path, "s.csv", "employee,start,end,location\n")
    leave = "employee,date,kind\nA,2025-07-04,dinas luar\nA,2025-07-01,dinas luar\n"
    with pytest.raises(TableError) as caught:
        read_roster(people, shifts, versions, write(tmp_path, "leave.csv", leave))
    assert problems(caught.value) == [(3, "kind", "dinas luar")]
    assert caught.value.message_for("en").endswith('(version "1", in force on Tue 2025-07-01)')
    fine = "employee,date,kind\nA,2025-07-04,dinas luar\nA,2025-07-01,sakit\n"
    roster = read_roster(people, shifts, versions, write(tmp_path, "fine.csv", fine))
    assert roster.kinds == {"A": {"2025-07-04": "dinas luar", "2025-07-01": "sakit"}}


def test_absence_kinds_in_a_check_across_the_change(versions: flexrules.PolicySet) -> None:
    # "dinas luar" on Friday 2025-07-04 is version 2's kind (as work); on Tuesday 2025-07-01
    # version 1 does not declare it: refused, naming the field
    employee = {"id": "A", "unit": "records"}
    week = ("2025-06-30", "2025-07-06")
    office = [{"start": "2025-07-03T08:00", "end": "2025-07-03T16:00", "location": "office"}]
    report = versions.check(
        employee, office, week, [flexrules.Absence("2025-07-04", None, "dinas luar")]
    )
    assert report.away.work_days and report.absences[0].isoformat() == "2025-07-04"
    with pytest.raises(flexrules.InputError) as caught:
        versions.check(
            employee, office, week, [flexrules.Absence("2025-07-01", None, "dinas luar")]
        )
    assert caught.value.field == "absences.kind"


def test_roster_command_types_by_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, text in (("2025-01", V1), ("2025-07", V2)):
        (tmp_path / "units" / name).mkdir(parents=True)
        (tmp_path / "units" / name / "policy.rules").write_text(text, "utf-8")
    shifts = write(
        tmp_path, "s.csv", "employee,start,end,location\nB,2025-07-04T08:00,2025-07-04T16:00,home\n"
    )
    codes = []
    for name, first in (("good.csv", "2025-07-03"), ("bad.csv", "2025-07-01")):
        people = write(
            tmp_path, name, f"id,unit,valid from\nA,records,2025-06-01\nB,digital,{first}\n"
        )
        argv = ["roster", str(tmp_path / "units"), "--employees", str(people)]
        codes.append(cli.main([*argv, "--shifts", str(shifts), "--format", "json"]))
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        if first == "2025-07-03":
            (decided,) = json.loads(out)["schedules"]["B"]["decisions"]
            assert decided["allowed"] and decided["version"] == "2"
        else:
            assert 'row 3, column `unit`: "digital"' in err
    assert codes[0] == 0 and codes[1] != 0


def test_the_decide_form_types_by_the_shifts_day(versions: flexrules.PolicySet) -> None:
    pytest.importorskip("starlette")
    from flexrules.pages.ui_view import field_name
    from flexrules.service.ui import FormProblem, request_of

    (unit,) = [a for a in versions.members[-1].attributes if a.name == "unit"]
    form = {"id": "A", "end": "", "location": "home", field_name(unit): "digital"}
    employee, _ = request_of(versions, {**form, "start": "2025-07-03T08:00"})
    assert employee["unit"] == "digital"
    with pytest.raises(FormProblem, match="unit"):
        request_of(versions, {**form, "start": "2025-07-02T08:00"})
