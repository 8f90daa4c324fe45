"""Reading employees, shifts, leave and headcounts from CSV and JSON: typing by the policy's
declarations, column matching, and an error naming file, row and column for every bad row."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest

from flexrules import InputError, compile_policy
from flexrules.files import (
    ColumnsWarning,
    FileWarning,
    TableError,
    read_absences,
    read_employees,
    read_headcount,
    read_roster,
    read_schedule,
    read_shifts,
)

POLICY = compile_policy(
    """
policy "tables" timezone Asia/Jakarta.
employees have:
  role: text,
  job type: one of "administration", "finance", "public service",
  performance: ranked "poor" < "good" < "very good",
  grade: number,
  unit: text,
  position start: date,
  on probation: yes or no.
shifts have: approved: yes or no, purpose: one of "desk work", "field visit".
rule R1: employees whose grade is at least 9 and whose job type is "finance"
  and whose performance is at least "good" and whose position start is before 2025-01-01
  and who are not on probation and whose role is "x" and whose unit is "y"
  may work from home if the shift is approved and the shift's purpose is "desk work".
""",
    filename="tables.rules",
)

EMPLOYEES_CSV = """\
id,name,timezone,role,Job Type,performance,grade,unit,position_start,ON PROBATION,note
E-1,Sari,,service desk,public service,good,7,registration,2021-03-01,no,
E-2,Budi,WITA,finance officer,Finance,Very Good,9.5,finance,2019-08-01,YES,moved from Makassar
E-3,Dewi,,,,,,,,,new: nothing known yet
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(call: Any, *args: Any) -> TableError:
    with pytest.raises(TableError) as caught:
        call(*args)
    return caught.value


# ---- employees ------------------------------------------------------------------------------


def test_csv_employees_are_typed_by_the_declarations(tmp_path: Path) -> None:
    """Numbers become int or float, yes/no any case, dates stay YYYY-MM-DD text, `one of` and
    `ranked` values take their declared spelling, empty cells are missing, `note` is ignored,
    and columns match whatever their case and spaces or underscores."""
    employees = read_employees(write(tmp_path, "employees.csv", EMPLOYEES_CSV), POLICY)
    assert employees == [
        {
            "id": "E-1",
            "name": "Sari",
            "role": "service desk",
            "job type": "public service",
            "performance": "good",
            "grade": 7,
            "unit": "registration",
            "position start": "2021-03-01",
            "on probation": False,
        },
        {
            "id": "E-2",
            "name": "Budi",
            "timezone": "WITA",
            "role": "finance officer",
            "job type": "finance",
            "performance": "very good",
            "grade": 9.5,
            "unit": "finance",
            "position start": "2019-08-01",
            "on probation": True,
        },
        {"id": "E-3", "name": "Dewi"},
    ]
    assert isinstance(employees[0]["grade"], int)


def test_csv_with_semicolons_and_a_byte_order_mark(tmp_path: Path) -> None:
    """Spreadsheets in Indonesian settings write `;` and Excel a BOM: both are read."""
    path = tmp_path / "employees.csv"
    path.write_bytes("\ufeffid;grade;job_type\nE-1;8;administration\n".encode())
    assert read_employees(path, POLICY) == [{"id": "E-1", "grade": 8, "job type": "administration"}]


def test_json_employees_by_declared_name_or_underscores(tmp_path: Path) -> None:
    """JSON keys match like columns; JSON values are kept as they are (never re-interpreted),
    null is missing."""
    document = [
        {
            "id": "E-1",
            "job_type": "finance",
            "grade": 9,
            "on probation": True,
            "performance": None,
            "Position Start": "2020-01-02",
        },
        {"id": 42, "grade": 10, "on_probation": False},
    ]
    employees = read_employees(write(tmp_path, "e.json", json.dumps(document)), POLICY)
    assert employees == [
        {
            "id": "E-1",
            "job type": "finance",
            "grade": 9,
            "on probation": True,
            "position start": "2020-01-02",
        },
        {"id": "42", "grade": 10, "on probation": False},
    ]


def test_employees_read_from_files_decide_like_employees_given_directly(tmp_path: Path) -> None:
    """The dicts read are what the engine expects: the same decision as hand-made facts."""
    row = (
        "id,job type,grade,performance,position start,on probation,role,unit\n"
        "E-9,finance,9,good,2020-01-01,no,x,y\n"
    )
    employee = read_employees(write(tmp_path, "e.csv", row), POLICY)[0]
    shift = {
        "start": "2025-07-07T08:00",
        "end": "2025-07-07T16:00",
        "location": "home",
        "approved": True,
        "purpose": "desk work",
    }
    assert POLICY.decide(employee, shift).allowed


@pytest.mark.parametrize(
    ("text", "row", "column", "message"),
    [
        ("id,grade\nE-1,7\nE-2,nine\n", 3, "grade", '"nine" is not a number'),
        ('id,grade\nE-1,"7,5"\n', 2, "grade", "write a decimal point: 7.5, not 7,5"),
        (
            "id,on probation\nE-1,maybe\n",
            2,
            "on probation",
            '"maybe" is not yes or no; write yes, no, true or false',
        ),
        (
            "id,position start\nE-1,13/25/2025\n",
            2,
            "position start",
            '"13/25/2025" is not a date: there is no month 25 (dates are read day first',
        ),
        ("id,position start\nE-1,2025-02-30\n", 2, "position start", "is not a date"),
        (
            "id,performance\nE-1,excellent\n",
            2,
            "performance",
            '"excellent" is not one of "poor", "good", "very good"',
        ),
        ("id,timezone\nE-1,Mars/Olympus\n", 2, "timezone", 'unknown time zone "Mars/Olympus"'),
        (
            "id,name,grade\nE-1,Sari,7\nE-1,Sari again,8\n",
            3,
            "id",
            "employee `E-1` appears twice (first at row 2)",
        ),
        ("id,name\n,Sari\n", 2, "id", "the employee has no id"),
        ("name,grade\nSari,7\n", 2, None, "the employee has no `id` column"),
        (
            "id,grade\nE-1,7,extra\n",
            2,
            None,
            "has the wrong number of cells: 3, where the header has 2",
        ),
        ("id,grade\nE-1\n", 2, None, "has the wrong number of cells: 1, where the header has 2"),
        (
            "id,grade,Grade\nE-1,7,7\n",
            1,
            "Grade",
            "the header has this column twice (also as `grade`)",
        ),
    ],
)
def test_every_bad_employee_row_names_file_row_and_column(
    tmp_path: Path, text: str, row: int, column: str | None, message: str
) -> None:
    """Nothing is dropped: each bad cell, column or row is an InputError saying where."""
    path = write(tmp_path, "employees.csv", text)
    error = error_of(read_employees, path, POLICY)
    assert isinstance(error, InputError)
    assert (error.file, error.row, error.column) == (str(path), row, column)
    assert message in str(error)
    where = f"`{path}`, row {row}" + (f", column `{column}`" if column else "")
    assert str(error).startswith(where + ": ")


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        ("id,grdae\nE-1,7\n", "ignored `grdae` (did you mean `grade`?)"),
        (
            "id,approved\nE-1,yes\n",
            "ignored `approved` (a shift attribute: it belongs in the shifts file)",
        ),
        ("id,NO,Golongan\nE-1,1,III/a\n", "ignored `NO`, `Golongan`, which the policy"),
    ],
)
def test_unknown_columns_are_ignored_with_one_warning(
    tmp_path: Path, text: str, warning: str
) -> None:
    """A column neither known nor declared is ignored (agency exports carry whole HR
    records), with one warning per file naming every such column, and a did-you-mean."""
    path = write(tmp_path, "employees.csv", text)
    found: list[FileWarning] = []
    assert read_employees(path, POLICY, warnings=found) == [{"id": "E-1"}]
    assert [w.code for w in found] == ["ignored-columns"]
    assert warning in found[0].message
    assert "diabaikan" in found[0].message_for("id")
    with pytest.warns(ColumnsWarning, match="ignored"):
        read_employees(path, POLICY)


def test_a_row_number_counts_lines_as_a_spreadsheet_does(tmp_path: Path) -> None:
    """Blank lines are skipped but still counted, so row N is line N of the file."""
    path = write(tmp_path, "e.csv", "id,grade\n\nE-1,7\n\nE-2,x\n")
    assert error_of(read_employees, path, POLICY).row == 5


@pytest.mark.parametrize(
    ("document", "row", "column", "message"),
    [
        ([{"id": "E-1", "grade": "nine"}], 1, "grade", '"nine" is text, not a number'),
        (
            [{"id": "E-1"}, {"id": "E-2", "grade": True}],
            2,
            "grade",
            "true is yes or no, not a number",
        ),
        ([{"id": "E-1", "unit": 7}], 1, "unit", "7 is a number, not text"),
        (
            [{"id": "E-1", "job_type": "finance", "job type": "finance"}],
            1,
            "job type",
            "the same key is given twice (also as `job_type`)",
        ),
        ([{"id": "E-1"}, "E-2"], 2, None, 'must be a JSON object, not "E-2"'),
        ([{"id": True}], 1, "id", "an employee id is text or a whole number"),
    ],
)
def test_every_bad_json_employee_names_the_item_and_key(
    tmp_path: Path, document: Any, row: int, column: str | None, message: str
) -> None:
    """In JSON the place is the item number (from 1) and the key."""
    path = write(tmp_path, "employees.json", json.dumps(document))
    error = error_of(read_employees, path, POLICY)
    assert (error.row, error.column) == (row, column)
    assert message in str(error)
    assert str(error).startswith(f"`{path}`, item {row}")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "{not json",
            "is not valid JSON: Expecting property name enclosed in double quotes at "
            "line 1, column 2",
        ),
        ('{"id": "E-1"}', "must hold a JSON list of employee objects"),
        ("", "is empty; it needs a header row"),
        ('id,name\nE-1,"Sari\n', "is not valid CSV"),
    ],
)
def test_whole_file_problems(tmp_path: Path, content: str, message: str) -> None:
    """A file that is not JSON, not a list, or empty: the message names the file."""
    suffix = ".json" if content.startswith("{") else ".csv"
    path = write(tmp_path, "employees" + suffix, content)
    error = error_of(read_employees, path, POLICY)
    assert message in str(error) and str(path) in str(error)


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    """Latin-1 bytes are reported, not guessed."""
    path = tmp_path / "employees.csv"
    path.write_bytes("id,name\nE-1,Andr\xe9\n".encode("latin-1"))
    assert "is not UTF-8 text" in str(error_of(read_employees, path, POLICY))


# ---- shifts --------------------------------------------------------------------------------

PEOPLE = [{"id": "E-1"}, {"id": "E-2", "timezone": "Asia/Makassar"}, {"id": "E-3"}]


def test_csv_shifts_by_employee_in_file_order(tmp_path: Path) -> None:
    """Shifts are grouped by employee id in file order; shift attributes are typed;
    WFO/WFH/WFA are read as office/home/anywhere; an employee without shifts has []."""
    path = write(
        tmp_path,
        "shifts.csv",
        "employee,start,end,location,Approved,purpose,note\n"
        "E-2,2025-07-08T08:00,2025-07-08T16:00,WFH,yes,Desk Work,\n"
        "E-1,2025-07-07 08:00,2025-07-07 16:00,office,,,first day\n"
        "E-2,2025-07-07T08:00,2025-07-07T16:00,anywhere,No,field visit,\n",
    )
    shifts = read_shifts(path, POLICY, PEOPLE)
    assert shifts == {
        "E-1": [{"start": "2025-07-07 08:00", "end": "2025-07-07 16:00", "location": "office"}],
        "E-2": [
            {
                "start": "2025-07-08T08:00",
                "end": "2025-07-08T16:00",
                "location": "home",
                "approved": True,
                "purpose": "desk work",
            },
            {
                "start": "2025-07-07T08:00",
                "end": "2025-07-07T16:00",
                "location": "anywhere",
                "approved": False,
                "purpose": "field visit",
            },
        ],
        "E-3": [],
    }


def test_json_shifts(tmp_path: Path) -> None:
    """A JSON list of shift objects with `employee`; a `note` key is ignored."""
    document = [
        {
            "employee": "E-3",
            "start": "2025-07-07T08:00",
            "end": "2025-07-07T24:00",
            "location": "home",
            "approved": True,
            "note": "until midnight",
        }
    ]
    shifts = read_shifts(write(tmp_path, "s.json", json.dumps(document)), POLICY, PEOPLE)
    assert shifts["E-3"] == [
        {
            "start": "2025-07-07T08:00",
            "end": "2025-07-07T24:00",
            "location": "home",
            "approved": True,
        }
    ]


HEAD = "employee,start,end,location,approved\n"


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        (
            "E-1,2025-07-07T08:00,2025-07-07T16:00,home,maybe",
            "approved",
            '"maybe" is not yes or no',
        ),
        (
            "E-9,2025-07-07T08:00,2025-07-07T16:00,home,yes",
            "employee",
            "no employee `E-9` in the employees file",
        ),
        ("E-11,2025-07-07T08:00,2025-07-07T16:00,home,yes", "employee", "did you mean `E-1`?"),
        (",2025-07-07T08:00,2025-07-07T16:00,home,yes", "employee", "the shift has no employee id"),
        (
            "E-1,2025-07-07T16:00,2025-07-07T08:00,home,yes",
            "end",
            "the shift's end must be after its start",
        ),
        ("E-1,2025-07-07T08:00,2025-07-08T09:00,home,yes", "end", "a shift lasts at most 24 hours"),
        (
            "E-1,07:30,2025-07-07T16:00,home,yes",
            "start",
            '"07:30" is a time without its day; write the date and time, such as 2025-07-07T08:00',
        ),
        ("E-1,2025-07-07T08:00,sixteen,home,yes", "end", "is not a date and time such as"),
        ("E-1,2025-07-07,2025-07-07T16:00,home,yes", "start", "has a date but no time of day"),
        (
            "E-1,2025-07-07T08:00,2025-07-07T16:00,cafe,yes",
            "location",
            '"cafe" is not a location; use office, home or anywhere',
        ),
        ("E-1,2025-07-07T08:00,2025-07-07T16:00,,yes", "location", "the shift has no location"),
        (
            "E-1,2025-07-07T08:00,2025-07-07T16:00,home",
            None,
            "has the wrong number of cells: 4, where the header has 5",
        ),
    ],
)
def test_every_bad_shift_row_names_file_row_and_column(
    tmp_path: Path, row: str, column: str | None, message: str
) -> None:
    """The engine's own shift checks (end after start, at most 24 hours, a real location) are
    made while reading, so the error can say which row."""
    path = write(
        tmp_path,
        "shifts.csv",
        HEAD + "E-1,2025-07-06T08:00,2025-07-06T12:00,office,\n" + row + "\n",
    )
    error = error_of(read_shifts, path, POLICY, PEOPLE)
    assert (error.row, error.column) == (3, column)
    assert message in str(error)


def test_shift_file_columns(tmp_path: Path) -> None:
    """A shifts file needs `employee`, and an employee attribute does not belong in it."""
    no_employee = write(
        tmp_path, "a.csv", "start,end,location\n2025-07-07T08:00,2025-07-07T16:00,home\n"
    )
    assert "the shift has no `employee` column" in str(
        error_of(read_shifts, no_employee, POLICY, PEOPLE)
    )
    wrong = write(
        tmp_path,
        "b.csv",
        "employee,start,end,location,grade\nE-1,2025-07-07T08:00,2025-07-07T16:00,home,9\n",
    )
    found: list[FileWarning] = []
    assert len(read_shifts(wrong, POLICY, PEOPLE, warnings=found)["E-1"]) == 1
    assert "`grade` (an employee attribute: it belongs in the employees file)" in found[0].message


def test_a_wita_employees_shift_is_checked_on_their_clock(tmp_path: Path) -> None:
    """Naive times are local to the employee; aware ones are converted: 08:00+07:00 to
    08:30+08:00 is half an hour in Makassar, fine; 09:30+08:00 end is before 08:00+07:00."""
    good = write(
        tmp_path,
        "g.csv",
        "employee,start,end,location\nE-2,2025-07-07T08:00+07:00,2025-07-07T09:30+08:00,office\n",
    )
    assert len(read_shifts(good, POLICY, PEOPLE)["E-2"]) == 1
    bad = write(
        tmp_path,
        "b.csv",
        "employee,start,end,location\nE-2,2025-07-07T08:00+07:00,2025-07-07T08:30+08:00,office\n",
    )
    assert "end must be after its start" in str(error_of(read_shifts, bad, POLICY, PEOPLE))


# ---- leave, headcount ---------------------------------------------------------------------


def test_absences_by_date_or_range(tmp_path: Path) -> None:
    """Leave by single date or by from/to (both included), merged per employee."""
    path = write(tmp_path, "leave.csv", "employee,date,note\nE-1,2025-07-07,sick\n")
    assert read_absences(path, PEOPLE) == {"E-1": ["2025-07-07"]}
    ranges = write(
        tmp_path,
        "ranges.csv",
        "employee,from,to\nE-1,2025-07-10,2025-07-12\nE-1,2025-07-12,2025-07-13\n",
    )
    assert read_absences(ranges, PEOPLE) == {
        "E-1": ["2025-07-10", "2025-07-11", "2025-07-12", "2025-07-13"]
    }


@pytest.mark.parametrize(
    ("text", "column", "message"),
    [
        ("employee,date\nE-9,2025-07-07\n", "employee", "no employee `E-9`"),
        ("employee,date\nE-1,7 July\n", "date", '"7 July" is not a date'),
        ("employee,from,to\nE-1,2025-07-10,2025-07-09\n", "to", "the leave ends before it starts"),
        ("employee,date,to\nE-1,2025-07-10,2025-07-09\n", None, "give either `date`, or `from`"),
        ("employee,day,note\nE-1,2025-07-10,x\n", None, "give either `date`, or `from`"),
    ],
)
def test_bad_absence_rows(tmp_path: Path, text: str, column: str | None, message: str) -> None:
    """Each bad leave row names its row and column."""
    error = error_of(read_absences, write(tmp_path, "leave.csv", text), PEOPLE)
    assert (error.row, error.column) == (2, column)
    assert message in str(error)


def test_headcount_from_csv_and_json(tmp_path: Path) -> None:
    """Two CSV columns or a JSON object; `*` is the whole group (None); a value that reads as a
    number also counts for a number attribute."""
    csv_path = write(tmp_path, "h.csv", "unit,headcount\nfinance,20\n*,120\n3,7\n")
    assert read_headcount(csv_path) == {"finance": 20, None: 120, "3": 7, 3: 7}
    json_path = write(tmp_path, "h.json", '{"finance": 20, "secretariat": 12, "3": 7}')
    assert read_headcount(json_path) == {"finance": 20, "secretariat": 12, "3": 7, 3: 7}


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "h.csv",
            "unit,headcount\nfinance,twenty\n",
            "`h.csv`, row 2, column `headcount`: the "
            'headcount of "finance" must be a whole number, not "twenty"',
        ),
        ("h.csv", "unit,headcount\nfinance,-1\n", "must be a whole number"),
        ("h.csv", "unit,headcount,x\nfinance,1,2\n", "a headcount file has two columns"),
        ("h.json", '{"finance": 2.5}', "`h.json`, item 1, key `finance`"),
        ("h.json", '{"finance": "12"}', 'must be a whole number, not "12"'),
        ("h.json", "[1]", "must hold a JSON object"),
    ],
)
def test_bad_headcounts(tmp_path: Path, name: str, text: str, message: str) -> None:
    """A headcount that is not a whole number is an error naming its row."""
    path = write(tmp_path, name, text)
    assert message in str(error_of(read_headcount, path)).replace(str(tmp_path) + "/", "")


# ---- schedules and rosters -----------------------------------------------------------------


def test_json_schedule_with_period_and_absences(tmp_path: Path) -> None:
    """One JSON object: the employee, the shifts, and optionally a period and leave days."""
    document = {
        "employee": {"id": "E-1", "job_type": "finance", "grade": 9},
        "shifts": [
            {
                "start": "2025-07-07T08:00",
                "end": "2025-07-07T16:00",
                "location": "home",
                "approved": True,
            }
        ],
        "period": ["2025-07-07", "2025-07-11"],
        "absences": ["2025-07-08"],
    }
    schedule = read_schedule(write(tmp_path, "s.json", json.dumps(document)), POLICY)
    assert schedule.employee == {"id": "E-1", "job type": "finance", "grade": 9}
    assert schedule.shifts == [
        {
            "start": "2025-07-07T08:00",
            "end": "2025-07-07T16:00",
            "location": "home",
            "approved": True,
        }
    ]
    assert schedule.period == ("2025-07-07", "2025-07-11")
    assert schedule.absences == ("2025-07-08",)


def test_csv_schedule_with_an_employee_file(tmp_path: Path) -> None:
    """Shifts as CSV (the employee column optional) with the employee as a JSON object."""
    employee = write(tmp_path, "e.json", '{"id": "E-1", "grade": 9}')
    shifts = write(
        tmp_path, "s.csv", "start,end,location\n2025-07-07T08:00,2025-07-07T16:00,office\n"
    )
    schedule = read_schedule(shifts, POLICY, employee)
    assert schedule.employee == {"id": "E-1", "grade": 9}
    assert len(schedule.shifts) == 1 and schedule.period is None


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (
            {
                "employee": {"id": "E-1"},
                "shifts": [
                    {"start": "2025-07-07T08:00", "end": "2025-07-07T07:00", "location": "home"}
                ],
            },
            "`s.json`, shift 1, key `end`: the shift's end must be after its start",
        ),
        (
            {"employee": {"id": "E-1", "grade": "high"}, "shifts": []},
            '`s.json`, key `grade`: "high" is text, not a number',
        ),
        (
            {"employee": {"id": "E-1"}, "shifts": [], "period": ["2025-07-31", "2025-07-01"]},
            "`s.json`, key `period`: the period ends before it starts",
        ),
        (
            {"employee": {"id": "E-1"}, "shifts": [], "absences": ["soon"]},
            '`s.json`, absence 1: "soon" is not a date',
        ),
        ({"employee": {"id": "E-1"}, "shifts": {}}, "its `shifts` must be a JSON list"),
        ({"shifts": []}, "a schedule needs an employee object"),
        ({"employee": {"id": "E-1"}, "shift": []}, "a schedule has the keys employee, shifts"),
    ],
)
def test_bad_schedules(tmp_path: Path, document: Any, message: str) -> None:
    """A schedule file's mistakes name the shift (from 1) or the key."""
    path = write(tmp_path, "s.json", json.dumps(document))
    assert message in str(error_of(read_schedule, path, POLICY)).replace(str(tmp_path) + "/", "")


def test_schedule_shifts_for_someone_else(tmp_path: Path) -> None:
    """An `employee` column that names another employee is an error, not ignored."""
    employee = write(tmp_path, "e.json", '{"id": "E-1"}')
    shifts = write(
        tmp_path,
        "s.csv",
        "employee,start,end,location\nE-2,2025-07-07T08:00,2025-07-07T16:00,office\n",
    )
    error = error_of(read_schedule, shifts, POLICY, employee)
    assert (error.row, error.column) == (2, "employee")
    assert "this shift is for `E-2`, but the schedule is `E-1`'s" in str(error)
    assert "needs --employee FILE" in str(error_of(read_schedule, shifts, POLICY))


def test_read_roster_gives_schedules_in_employee_order(tmp_path: Path) -> None:
    """Employees, shifts and leave together; `schedules()` feeds `check_roster`."""
    employees = write(tmp_path, "e.csv", "id,name\nE-2,Budi\nE-1,Sari\n")
    shifts = write(
        tmp_path,
        "s.csv",
        "employee,start,end,location\nE-1,2025-07-07T08:00,2025-07-07T16:00,office\n",
    )
    leave = write(tmp_path, "l.csv", "employee,date\nE-2,2025-07-07\n")
    roster = read_roster(employees, shifts, POLICY, leave)
    schedules = roster.schedules()
    assert [s.employee["id"] for s in schedules] == ["E-2", "E-1"]
    assert schedules[0].absences == ("2025-07-07",) and schedules[0].shifts == []
    report = POLICY.check_roster(schedules)
    assert set(report.decisions) == {"E-1", "E-2"}


def test_table_errors_are_input_errors_and_pickle(tmp_path: Path) -> None:
    """TableError is an InputError (field = the column) and survives pickling."""
    path = write(tmp_path, "e.csv", "id,grade\nE-1,nine\n")
    error = error_of(read_employees, path, POLICY)
    assert error.field == "grade" and error.value == "nine"
    copy = pickle.loads(pickle.dumps(error))
    assert str(copy) == str(error) and (copy.file, copy.row, copy.column) == (
        error.file,
        error.row,
        error.column,
    )
