"""Shifts read from files: a roster's shifts file, one employee's requests, and schedules."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from ..clock.zones import zone as find_zone
from ..core.errors import InputError
from ..core.messages import Text
from ..engine import text_cells
from ..engine.facts import LOCATIONS, shift_span
from ..engine.values import TextProblem, as_date, shown
from ..rosters.absences import Absence, read_absences
from . import fields
from .by_version import Typed, Typing
from .cells import EMPLOYEE_FIELDS, LOCATION_WORDS, NOTE, SHIFT_FIELDS, column_key
from .leave import date_cell
from .people import employee_record, identity, read_employee, usable
from .reading import Reading, reading_of
from .records import (
    Columns,
    FileWarning,
    Problems,
    Record,
    TableError,
    TableErrors,
    blank,
    check_keys,
    column_for,
    csv_records,
    is_json,
    json_records,
    load_json,
    read_text,
    records,
    tell,
)
from .workbooks import is_workbook

_DATE_FIRST = re.compile(r"\d{4}-\d{2}-\d{2}")
#: the columns of an attendance export, beside `employee`, `location` and shift attributes
ATTENDANCE_FIELDS = ("date", "start time", "end time", "kind")
#: every column a shifts file may have besides the declared shift attributes
FIELDS = (*SHIFT_FIELDS, *ATTENDANCE_FIELDS)


@attrs.frozen
class AbsenceRow:
    """A row of a shifts file (an attendance export) that records an absence: a whole day, or
    part of it from `start` to `end` (seconds after midnight)."""

    date: dt.date
    kind: str
    start: int | None = None
    end: int | None = None

    def absence(self) -> Absence:
        """The absence as schedules take it (`flexrules.Absence`)."""
        if self.start is None or self.end is None:
            return Absence(self.date.isoformat(), None, self.kind)
        day = self.date.isoformat()
        return Absence(
            f"{day}T{text_cells.clock_text(self.start)}",
            f"{day}T{text_cells.clock_text(self.end)}",
            self.kind,
        )


def shift_record(
    record: Record,
    columns: Columns,
    employee: Mapping[str, Any] | None,
    policy: Typed,
    reading: Reading | None = None,
) -> dict[str, Any]:
    """A shift checked as the engine would check it, but with the row's file and column."""
    found = row_record(record, columns, employee, policy, reading or Reading())
    if isinstance(found, AbsenceRow):
        raise record.error(
            column_for(record, "kind"),
            found.kind,
            Text("input.file.absence_row"),
        )
    return found


def row_record(
    record: Record,
    columns: Columns,
    employee: Mapping[str, Any] | None,
    policy: Typed,
    reading: Reading,
    check_kinds: bool = True,
) -> dict[str, Any] | AbsenceRow:
    """A row of a shifts file: a shift (`start`, `end`, `location`, or an attendance export's
    `date`, `start time`, `end time`, `location`), or, when it has a `kind`, a whole-day
    absence. Every bad cell of the row is reported together. For a set of versions, the
    values are typed, and an absence's kind read, by the version in force on the row's day
    (`by_version`)."""
    day = _row_day(record, columns)
    values = columns.read(record, day=day)
    values.pop("employee", None)
    # a policy that declares a shift attribute `kind` (or `date`...) means its own column
    kind_column, kind = record.get("kind") if "kind" in columns.fields else (None, None)
    kind_text = fields.text_of(record, kind_column, kind)
    if kind_text is not None:
        kind_found = fields.kind_of(record, kind_column, kind_text, reading)
        if check_kinds:  # `decide` leaves absence rows out: their kinds are not checked
            try:
                kind_found = fields.declared_kind(
                    record, kind_column, kind_found, columns.kinds_on(day), reading
                )
            except TableError as error:
                assert columns.typing is not None  # made by `Columns.of`
                raise record.error(
                    kind_column, kind_found, columns.typing.named(error.text, day)
                ) from None
        return _absence_row(record, values, kind_found)
    for key in ATTENDANCE_FIELDS:
        values.pop(key, None)
    if any(k in columns.fields and record.get(k)[0] is not None for k in ("date", "start time")):
        _attendance_times(record, values)
    else:
        columns.require(record, values, ("start", "end", "location"))
        for key in ("start", "end"):
            values[key] = _date_time(record, key, values[key])
    values["location"] = _location(record, values.get("location"))
    zone_name = (employee or {}).get("timezone") or policy.timezone
    try:
        shift_span(values["start"], values["end"], find_zone(zone_name))
    except InputError as exc:
        column = column_for(record, exc.field if exc.field in ("start", "end") else "start")
        raise record.error(column, exc.value, exc.text) from None
    return values


def _row_day(record: Record, columns: Columns) -> dt.date | None:
    """The day that types a shift file's row for a set of versions: its `date`, else its
    start's date as written; None for one policy, or when the row has neither (what is wrong
    with them is reported as the row is read)."""
    if columns.typing is None or not columns.typing.by_day:
        return None
    for key in ("date", "start"):
        column, value = record.get(key)
        if blank(value):
            continue
        try:
            if key == "date":
                return fields.date_of(record, column, value)
            found = fields.date_time_of(record, column, value)
        except TableError:
            return None
        if isinstance(found, dt.datetime):
            return found.date()
        if isinstance(found, dt.date):
            return found
        try:
            return dt.date.fromisoformat(str(found).strip()[:10])
        except ValueError:
            return None
    return None


def _absence_row(record: Record, values: dict[str, Any], kind: str) -> AbsenceRow:
    """A row with a kind: a whole day without times, part of that day with a start and an
    end time."""
    date_column, date = record.get("date")
    times = [k for k in ("start time", "end time", "start", "end") if not blank(values.get(k))]
    if blank(date) or (times and set(times) != {"start time", "end time"}):
        column = column_for(record, times[0]) if times else date_column
        raise record.error(column, date, Text("file.part_day", kind=kind))
    day = fields.date_of(record, date_column, date)
    if not times:
        return AbsenceRow(day, kind)
    start_column, start = record.get("start time")
    end_column, end = record.get("end time")
    low = fields.clock_of(record, start_column, start)
    high = fields.clock_of(record, end_column, end)
    if high <= low:
        raise record.error(end_column, end, Text("file.part_day", kind=kind))
    return AbsenceRow(day, kind, low, high)


def _attendance_times(record: Record, values: dict[str, Any]) -> None:
    """`date`, `start time` and `end time` as the shift's start and end; an end at or before
    the start is on the next day."""
    problems = []
    date_column, date = record.get("date")
    if blank(date):
        problems.append(record.error(date_column, None, Text("file.no_date")))
    clocks: dict[str, int] = {}
    for key in ("start time", "end time"):
        column, cell = record.get(key)
        if blank(cell):
            problems.append(record.error(column, None, Text("file.no_times")))
            continue
        try:
            clocks[key] = fields.clock_of(record, column, cell)
        except TableError as error:
            problems.append(error)
    day = None
    if not blank(date):
        try:
            day = fields.date_of(record, date_column, date)
        except TableError as error:
            problems.append(error)
    if blank(values.get("location")):
        problems.append(
            record.error(column_for(record, "location"), None, Text("file.no_location"))
        )
    if len(problems) == 1:
        raise problems[0]
    if problems or day is None:
        raise TableErrors(problems)
    start, end = clocks["start time"], clocks["end time"]
    end_day = day + dt.timedelta(days=1) if end <= start else day
    values["start"] = f"{day.isoformat()}T{text_cells.clock_text(start)}"
    values["end"] = f"{end_day.isoformat()}T{text_cells.clock_text(end)}"


def _date_time(record: Record, key: str, value: Any) -> Any:
    column = column_for(record, key)
    found = fields.date_time_of(record, column, value)
    if isinstance(found, str):
        found = found.strip()
        if not _DATE_FIRST.match(found):
            raise record.error(column, found, Text("input.time.not_iso", value=shown(found)))
    return found


def _location(record: Record, location: Any) -> str:
    """A shift's location: in a CSV or xlsx cell `office`, `home`, `anywhere` or `WFO`, `WFH`,
    `WFA`, `kantor`, `rumah`, any case; in JSON, a value, exactly `office`, `home` or
    `anywhere`, as the API takes it."""
    column = column_for(record, "location")
    if record.is_json:
        word = (
            LOCATION_WORDS.get(location.strip().casefold()) if isinstance(location, str) else None
        )
        if isinstance(location, str) and location in LOCATIONS:
            return location
        folded = location.strip().casefold() if isinstance(location, str) else None
        word = LOCATION_WORDS.get(folded) if folded is not None else None
        hint = Text("input.file.location_json", word=word) if word is not None else ""
        raise record.error(
            column, location, Text("input.file.location", value=shown(location), hint=hint)
        )
    if not isinstance(location, str):
        raise record.error(column, location, Text("cell.not_location", value=shown(location)))
    try:
        return text_cells.location(location.strip())
    except TextProblem as problem:
        raise record.error(column, location, problem.text) from None


def read_requests(
    path: str | Path, policy: Typed, employee: Mapping[str, Any], *, reading: Reading | None = None
) -> list[dict[str, Any]]:
    """The shifts to decide for one employee (`flexrules decide`): a JSON object, a JSON list
    or CSV or xlsx rows, typed and checked like a roster's. An `employee` key or column, when
    given, must name this employee, so a shift is never decided for the wrong person."""
    return read_request_file(path, policy, employee, reading=reading).shifts


@attrs.frozen
class Requests:
    """The shifts of a request file, and whether the file holds a list of them (a JSON list or
    CSV rows) rather than one JSON object: a list is answered with a list."""

    shifts: list[dict[str, Any]]
    is_list: bool


def read_request_file(
    path: str | Path,
    policy: Typed,
    employee: Mapping[str, Any],
    *,
    reading: Reading | None = None,
    absences: list[AbsenceRow] | None = None,
) -> Requests:
    """`read_requests`, and whether the file holds a list. An absence row (one with a `kind`,
    as an attendance export has) is refused, unless `absences` is given: then it is read, its
    code mapped by the reading's absence codes, and put there rather than among the shifts."""
    reading = reading or Reading()
    if is_workbook(path):
        is_list = True
        found: Iterable[Record] = records(path, "shift", reading)
    else:
        text = read_text(path, reading.encoding)
        if is_json(path, text):
            document = load_json(path, text)
            is_list = not isinstance(document, dict)
            found = json_records(
                path, document if is_list else [document], "shift", keys=reading.key
            )
        else:
            is_list = True
            found = csv_records(path, text, separator=reading.separator, keys=reading.key)
    columns = Columns.of(policy, "shift", FIELDS, reading)
    ident = None if employee.get("id") is None else str(employee["id"])
    shifts = []
    problems = Problems()
    for record in usable(found, problems):
        try:
            _, raw = record.get("employee")
            if not blank(raw) and ident is not None and str(raw).strip() != ident:
                raise record.error(
                    column_for(record, "employee"),
                    raw,
                    Text("input.file.shift_of_other", owner=str(raw).strip(), ident=str(ident)),
                )
            if absences is None:
                shifts.append(shift_record(record, columns, employee, policy, reading))
                continue
            found_row = row_record(record, columns, employee, policy, reading, check_kinds=False)
            if isinstance(found_row, AbsenceRow):
                absences.append(found_row)
            else:
                shifts.append(found_row)
        except TableError as error:
            problems.add(error)
    problems.check()
    if not shifts:
        raise TableError(str(path), None, None, None, Text("input.file.no_shifts"))
    return Requests(shifts, is_list)


def read_shifts(
    path: str | Path,
    policy: Typed,
    employees: Sequence[Mapping[str, Any]],
    *,
    columns: str | Mapping[str, str] | None = None,
    separator: str | None = None,
    encoding: str | None = None,
    absence_codes: str | Mapping[str, str] | None = None,
    reading: Reading | None = None,
    warnings: list[FileWarning] | None = None,
    absences: dict[str, list[AbsenceRow]] | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Shifts by employee id, each employee's in file order, from a JSON list of objects, a
    CSV file or an xlsx sheet: `employee` (the id; `id` is the same column), `start`, `end`,
    `location`, then the declared shift attributes. An attendance export's `date`, `start
    time` and `end time` (`tanggal`, `jam masuk`, `jam pulang`) stand for `start` and `end`;
    an end at or before the start is on the next day. A row with a `kind` is an absence,
    mapped by `absence_codes` (`"CT=cuti tahunan,S=sakit"`); it goes into `absences` when
    given (whole days; part of a day is refused, not supported yet), else it is skipped.

    Every employee of `employees` has an entry, perhaps empty; a shift whose employee is not
    among them is an error. `columns`, `separator`, `encoding` and `warnings` are as for
    `read_employees`; every bad cell and row is reported, up to 50."""
    found = reading_of(
        reading,
        columns=columns,
        separator=separator,
        encoding=encoding,
        absence_codes=absence_codes,
    )
    problems = Problems()
    told: list[FileWarning] = []
    shifts, away = shifts_of(path, policy, employees, found, problems, told)
    problems.check()
    tell(told, warnings)
    if absences is not None:
        for ident, rows in away.items():
            absences.setdefault(ident, []).extend(rows)
    return shifts


def shifts_of(
    path: str | Path,
    policy: Typed,
    employees: Sequence[Mapping[str, Any]],
    reading: Reading,
    problems: Problems,
    warnings: list[FileWarning],
    also_known: Iterable[str] = (),
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[AbsenceRow]]]:
    """The shifts and absence rows of a shifts file, by employee; problems collected.
    `also_known` are ids of employees whose rows had problems: their shifts are read but not
    reported as strangers."""
    columns = Columns.of(policy, "shift", FIELDS, reading)
    known = {str(e["id"]): e for e in employees}
    quiet = set(also_known)
    shifts: dict[str, list[dict[str, Any]]] = {ident: [] for ident in known}
    absences: dict[str, list[AbsenceRow]] = {}
    strangers: dict[str, tuple[Stranger, int]] = {}
    for record in usable(records(path, "shift", reading), problems):
        try:
            ident = _shift_owner(record, known, quiet)
            if ident is None:
                continue
            row = row_record(record, columns, known[ident], policy, reading)
        except Stranger as unknown:  # an unknown employee is one problem, however many rows
            first, count = strangers.get(unknown.ident, (unknown, 0))
            strangers[unknown.ident] = (first, count + 1)
            continue
        except TableError as error:
            problems.add(error)
            continue
        if isinstance(row, AbsenceRow):
            absences.setdefault(ident, []).append(row)
        else:
            shifts[ident].append(row)
    for stranger, count in strangers.values():
        problems.add(stranger.counted(count))
    columns.warn(str(path), warnings)
    return shifts, absences


class Stranger(TableError):
    """A shift for an employee the employees file does not hold (`.ident`)."""

    ident = ""

    def counted(self, rows: int) -> TableError:
        """The problem, saying how many rows name the same stranger."""
        if rows == 1:
            return self
        problem = Text("file.stranger_rows", problem=self.text, n=rows)
        return TableError(self.file, self.row, self.column, self.value, problem, unit=self.unit)


def _shift_owner(record: Record, known: Mapping[str, Any], quiet: set[str]) -> str | None:
    """The id of the employee a row is for (None for one whose own row had problems)."""
    column, raw = record.get("employee")
    if column is None:
        column, raw = record.get("id")
    if blank(raw):
        raise record.error(
            column,
            raw,
            Text("file.no_id")
            if column is not None
            else "the shift has no `employee` "
            f"{'key' if record.is_json else 'column'} (the employee's id)",
        )
    assert column is not None
    ident = identity(record, column, raw)
    if ident in known:
        return ident
    if ident in quiet:
        return None
    close = difflib.get_close_matches(ident, list(known), n=1)
    hint = Text("file.close", name=close[0]) if close else ""
    problem = Text("file.stranger", ident=ident, close=hint)
    stranger = Stranger(record.file, record.row, column, raw, problem, unit=record.unit)
    stranger.ident = ident
    raise stranger


@attrs.frozen
class ScheduleFile:
    """One employee's schedule as read from files."""

    employee: dict[str, Any]
    shifts: list[dict[str, Any]]
    period: tuple[str, str] | None = None
    absences: tuple[Any, ...] = ()


def read_schedule(
    path: str | Path,
    policy: Typed,
    employee_path: str | Path | None = None,
    *,
    reading: Reading | None = None,
) -> ScheduleFile:
    """A schedule: a JSON object `{"employee": {...}, "shifts": [...], "period": [FROM, TO],
    "absences": [...]}` (period and absences optional), or a shifts file (CSV, xlsx or a JSON
    list; an attendance export's absence rows are its absences) with the employee in
    `employee_path`. An `employee` column in the shifts, if any, must name that employee."""
    reading = reading or Reading()
    if is_workbook(path):
        text, document = "", None
    else:
        text = read_text(path, reading.encoding)
        document = load_json(path, text) if is_json(path, text) else None
    if isinstance(document, dict):
        found = _schedule_object(str(path), document, policy, employee_path)
    else:
        found = _shifts_file(path, text, document, policy, employee_path, reading)
    employee, shift_records = found.employee, found.records
    columns = Columns.of(policy, "shift", FIELDS, reading)
    shifts = []
    absences = list(found.absences)
    problems = Problems()
    for record in usable(shift_records, problems):
        try:
            _, owner = record.get("employee")
            if not blank(owner) and str(owner).strip() != employee["id"]:
                raise record.error(
                    column_for(record, "employee"),
                    owner,
                    Text(
                        "input.file.shift_of_other_schedule",
                        owner=str(owner).strip(),
                        ident=str(employee["id"]),
                    ),
                )
            row = row_record(record, columns, employee, policy, reading)
        except TableError as error:
            problems.add(error)
            continue
        if isinstance(row, AbsenceRow):
            absences.append(row.absence())
        else:
            shifts.append(row)
    for bad in found.bad:
        problems.add(bad)
    problems.check()
    return ScheduleFile(employee, shifts, found.period, tuple(dict.fromkeys(absences)))


@attrs.frozen
class _ScheduleParts:
    """A schedule file's employee, its shift records (not yet read), period and leave."""

    employee: dict[str, Any]
    records: Iterable[Record]
    period: tuple[str, str] | None = None
    absences: tuple[Any, ...] = ()
    #: the problems of its absences (a JSON schedule's), each with its place
    bad: tuple[TableError, ...] = ()


def _schedule_object(
    name: str, document: dict[str, Any], policy: Typed, employee_path: str | Path | None
) -> _ScheduleParts:
    """The parts of a schedule written as one JSON object."""
    unknown = [
        k
        for k in document
        if column_key(k) not in ("employee", "shifts", "period", "absences", NOTE)
    ]
    if unknown:
        raise TableError(
            name,
            None,
            unknown[0],
            None,
            Text("input.file.schedule_keys"),
            unit="schedule",
        )
    employee = _schedule_employee(name, document, policy, employee_path)
    shifts = json_records(name, document.get("shifts", []), "shift", unit="shift")
    period = _schedule_period(name, document.get("period"))
    raw_absences = document.get("absences", [])
    if not isinstance(raw_absences, list):
        raise TableError(
            name,
            None,
            "absences",
            raw_absences,
            Text("input.file.absences_list"),
            unit="schedule",
        )
    zone = _zone_of(employee, policy)
    absences: list[Any] = []
    bad: list[TableError] = []  # every bad absence, listed with the shifts' problems
    for number, value in enumerate(raw_absences, start=1):
        try:
            absences.append(
                _checked_absence(Record(name, number, {}, "absence"), value, policy, zone)
            )
        except TableError as error:
            bad.append(error)
    return _ScheduleParts(employee, shifts, period, tuple(absences), tuple(bad))


def _zone_of(employee: Mapping[str, Any], policy: Typed) -> Any:
    """The employee's zone, as a shift of theirs is read in; None when it is not one (their
    shifts say so, with their place)."""
    try:
        return find_zone(employee.get("timezone") or policy.timezone)
    except (InputError, ValueError, TypeError):
        return None


def _checked_absence(record: Record, value: Any, policy: Typed, zone: Any) -> str | Absence:
    """An absence of a JSON schedule, read as the library will read it (a kind the policy
    does not declare, an end before its start...), each problem named with its file and the
    absence's number, as a bad cell of a shift is (the library alone names only the field)."""
    absence = _json_absence(record, value)
    if zone is None:
        return absence
    try:
        kinds = Typing(policy).absence_kinds(_first_day(absence))
        read_absences([absence], zone, "absences", kinds)
    except InputError as exc:
        field = exc.field.partition(".")[2]
        if not field:  # the start of the absence: a `start`, or a `date`
            field = "start" if isinstance(value, dict) and "start" in value else "date"
        raise record.error(field, exc.value, exc.text) from None
    return absence


def _first_day(absence: str | Absence) -> dt.date | None:
    """The day an absence starts on, whose version types its kind; None when it is no day
    (the library's reading names that)."""
    start = absence.start if isinstance(absence, Absence) else absence
    if isinstance(start, dt.datetime):
        return start.date()
    if isinstance(start, dt.date):
        return start
    try:
        return dt.date.fromisoformat(str(start)[:10])
    except ValueError:
        return None


def _json_absence(record: Record, value: Any) -> str | Absence:
    """An absence of a JSON schedule: a date (a whole day), or an object as the library and
    the service take it, `start` (or `date`), `end` and `kind`, its values passed on as
    they are (DATA.md §3; the library reads and checks them)."""
    if not isinstance(value, dict):
        return date_cell(record, None, value).isoformat()
    for key in value:
        if key not in ("start", "end", "date", "kind", NOTE):
            raise record.error(key, value[key], Text("input.file.absence_keys"))
    start = value.get("start", value.get("date"))
    if start is None:
        raise record.error(None, None, Text("input.absence.no_start"))
    for key, given in (("start", start), ("end", value.get("end")), ("kind", value.get("kind"))):
        if given is not None and not isinstance(given, str):
            raise record.error(key, given, Text("input.file.not_text", value=shown(given)))
    return Absence(start, value.get("end"), value.get("kind"))


def _schedule_employee(
    name: str, document: dict[str, Any], policy: Typed, employee_path: str | Path | None
) -> dict[str, Any]:
    """A schedule object's employee: its `employee` key, or the file given, not both."""
    if employee_path is not None and "employee" in document:
        raise TableError(
            name,
            None,
            "employee",
            None,
            Text("input.file.employee_twice"),
            unit="schedule",
        )
    if employee_path is not None:
        return read_employee(employee_path, policy)
    if not isinstance(document.get("employee"), dict):
        raise TableError(
            name,
            None,
            "employee",
            document.get("employee"),
            Text("input.file.no_employee"),
            unit="schedule",
        )
    record = Record(name, None, dict(document["employee"]), "employee")
    check_keys(name, None, document["employee"], "employee")
    return employee_record(record, Columns.of(policy, "employee", EMPLOYEE_FIELDS))


def _shifts_file(
    path: str | Path,
    text: str,
    document: Any,
    policy: Typed,
    employee_path: str | Path | None,
    reading: Reading,
) -> _ScheduleParts:
    """The parts of a schedule given as a shifts file (CSV or a JSON list) and an employee."""
    if employee_path is None:
        raise TableError(
            str(path),
            None,
            None,
            None,
            Text("input.file.shifts_need_employee"),
        )
    shifts: Iterable[Record]
    if document is not None:
        shifts = json_records(path, document, "shift", keys=reading.key)
    elif is_workbook(path):
        shifts = records(path, "shift", reading)
    else:
        shifts = csv_records(path, text, separator=reading.separator, keys=reading.key)
    return _ScheduleParts(read_employee(employee_path, policy, reading=reading), shifts)


def _schedule_period(name: str, value: Any) -> tuple[str, str] | None:
    if value is None:
        return None
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(as_date(v), dt.date) for v in value)
    ):
        raise TableError(
            name,
            None,
            "period",
            value,
            Text("input.file.period_dates"),
            unit="schedule",
        )
    first, last = value
    if as_date(last) < as_date(first):
        raise TableError(
            name, None, "period", value, Text("input.file.period_backwards"), unit="schedule"
        )
    return str(first), str(last)
