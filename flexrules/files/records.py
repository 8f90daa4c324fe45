"""Reading the files people keep (CSV with a header row, JSON lists and objects) as records
that know their file, row and column, so every problem names where it is.

Rows are numbered as a spreadsheet numbers them (the header is row 1); items of a JSON list from
1. A cell that cannot be typed, an unknown column, a row with too many or too few cells: each
raises a `TableError` (an `InputError`) whose message names the file, the row and the column.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import difflib
import io
import json
import re
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from ..core.errors import InputError
from ..core.messages import Count, Listing, Text, say
from ..engine.values import shown
from ..policy import AttributeInfo
from .by_version import Typed, Typing
from .cells import NOTE, BadCell, column_key, type_value
from .reading import Reading
from .sources import STDIN, SourceProblem, read_bytes
from .workbooks import WorkbookProblem, is_workbook, sheet_rows


class TableError(InputError):
    """A row of a people file that cannot be used.

    `.file`, `.row` (spreadsheet row number, header = 1, or JSON item number from 1; None for
    the whole file), `.unit` ("row" in CSV and xlsx, "item" or "shift" in JSON) and `.column`
    (as written in the file; None for the whole row) say where; `.field` is the column too, as
    for every `InputError`. `message_for(language)` says it in English or Bahasa Indonesia
    (where the problem is a catalog text; older texts are English).
    """

    def __init__(
        self,
        file: str,
        row: int | None,
        column: str | None,
        value: Any,
        problem: str | Text,
        *,
        unit: str = "row",
    ) -> None:
        english = problem if isinstance(problem, str) else problem.render("en")
        super().__init__(column or unit, value, english)
        self.file = file
        self.row = row
        self.column = column
        self.unit = unit
        self.text: str | Text = problem
        #: the run's warnings so far (ignored columns: `NIP`, did you mean `id`?), which say
        #: why a column is missing; a caller shows them with the error
        self.file_warnings: tuple[FileWarning, ...] = ()
        self.args = (self.message_for("en"),)

    def where(self, language: str = "en") -> str:
        r"""`\`file\`, row 3, column \`grade\``, in a language."""
        if self.file == STDIN:
            parts = [say("file.where.stdin", language)]
        else:
            parts = [say("file.where.file", language, file=self.file)]
        if self.row is not None:
            unit = "file.where.row" if self.unit == "row" else _UNITS.get(self.unit)
            parts.append(say(unit, language, n=self.row) if unit else f"{self.unit} {self.row}")
        if self.column is not None:
            if self.unit == "row":
                parts.append(say("file.where.column", language, column=self.column))
            else:
                parts.append(say("input.file.where.key", language, column=self.column))
        return ", ".join(parts)

    def message_for(self, language: str = "en") -> str:
        """Where and what, in `language`."""
        problem = self.text if isinstance(self.text, str) else self.text.render(language)
        return self.where(language) + ": " + problem

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.file, self.row, self.column, self.value, self.text, self.unit))


def _rebuild(
    file: str, row: int | None, column: str | None, value: Any, problem: str | Text, unit: str
) -> TableError:
    return TableError(file, row, column, value, problem, unit=unit)


#: the most problems one run of the readers lists before it stops reading
MAX_PROBLEMS = 50


class TableErrors(TableError):
    """Several problems in the files of one run (`.errors`, each a `TableError`), up to
    `MAX_PROBLEMS`; nothing is decided from files with errors. It is a `TableError` too: its
    place is the first problem's."""

    def __init__(self, errors: Sequence[TableError], more: bool = False) -> None:
        first = errors[0]
        self.errors = tuple(errors)
        self.more = more
        super().__init__(
            first.file, first.row, first.column, first.value, first.text, unit=first.unit
        )
        self.args = (self.message_for("en"),)

    def message_for(self, language: str = "en") -> str:
        if not hasattr(self, "errors"):  # while the base class builds its own args
            return super().message_for(language)
        files = Listing(
            [
                f"`{name}`" if name != STDIN else say("file.where.stdin", language)
                for name in dict.fromkeys(e.file for e in self.errors)
            ]
        )
        head = say(
            "file.problems",
            language,
            count=Count(len(self.errors), "noun.problem"),
            file=files,
        )
        lines = [head, *("  " + e.message_for(language) for e in self.errors)]
        if self.more:
            lines.append("  " + say("file.problems.more", language, n=len(self.errors)))
        return "\n".join(lines)

    def __reduce__(self) -> tuple[Any, ...]:
        return (TableErrors, (self.errors, self.more))


#: the rows a problem said once for many rows lists (`RepeatedProblem`)
SHOWN_ROWS = 5


class RepeatedProblem(TableError):
    """One problem of an empty cell, word for word the same on many rows of a file's column
    (a column left blank: no location on any row), said once: how many rows, and the first
    few of them, as a problem with an unknown employee is said once for all its rows."""

    def __init__(self, first: TableError, rows: Sequence[int]) -> None:
        self.first = first
        self.rows = tuple(rows)
        super().__init__(
            first.file, first.row, first.column, first.value, first.text, unit=first.unit
        )
        self.args = (self.message_for("en"),)

    def where(self, language: str = "en") -> str:
        r"""`\`file\`, rows 2, 3, 4, 5, 6, …, column \`location\``."""
        if not hasattr(self, "rows"):  # while the base class builds its own args
            return super().where(language)
        shown = ", ".join(str(row) for row in self.rows[:SHOWN_ROWS])
        if len(self.rows) > SHOWN_ROWS:
            shown += ", …"
        parts = [
            say("file.where.stdin", language)
            if self.file == STDIN
            else say("file.where.file", language, file=self.file)
        ]
        if self.unit == "row":
            parts.append(say("file.where.rows", language, rows=shown))
            parts.append(say("file.where.column", language, column=self.column))
        else:
            parts += [f"{self.unit}s {shown}", f"key `{self.column}`"]
        return ", ".join(parts)

    def message_for(self, language: str = "en") -> str:
        if not hasattr(self, "rows"):
            return super().message_for(language)
        problem = self.text if isinstance(self.text, str) else self.text.render(language)
        n = len(self.rows)
        key = "file.repeated_rows" if n > SHOWN_ROWS else "file.repeated_rows.all"
        said = say(key, language, problem=problem, n=n, shown=SHOWN_ROWS)
        return self.where(language) + ": " + said

    def __reduce__(self) -> tuple[Any, ...]:
        return (RepeatedProblem, (self.first, self.rows))


def _repeat_key(error: TableError) -> tuple[str, str, str, str] | None:
    """What makes a problem of an empty cell the same on another row: its file, column and
    words; None for any other problem (each bad value is listed on its own)."""
    blank = error.value is None or (isinstance(error.value, str) and not error.value.strip())
    if error.row is None or error.column is None or not blank:
        return None
    words = error.text if isinstance(error.text, str) else error.text.render("en")
    return error.file, error.column, error.unit, words


class Problems:
    """The problems found while reading the files of one run: every one is kept (up to
    `MAX_PROBLEMS`), and `check()` raises them together. An empty cell with the same problem
    on many rows of a column is one problem (`RepeatedProblem`), however many rows."""

    def __init__(self) -> None:
        self.errors: list[TableError] = []
        #: problems of a file that name no column (a column the file lacks), said once
        self._told: set[tuple[str, str]] = set()
        #: each problem of an empty cell kept: its place in `errors` and every row it is on
        self._repeats: dict[tuple[str, str, str, str], tuple[int, list[int]]] = {}

    def add(self, error: TableError) -> None:
        """Keep a problem (each of several); past `MAX_PROBLEMS`, stop reading at once. A
        problem that names no column and is word for word one already kept for its file (a
        missing column, on every row) is kept once: the first row's says it."""
        found = error.errors if isinstance(error, TableErrors) else (error,)
        for one in found:
            if one.column is None:
                said = (one.file, one.message)
                if said in self._told:
                    continue
                self._told.add(said)
            key = _repeat_key(one)
            if key is not None and key in self._repeats:
                self._repeats[key][1].append(one.row or 0)
                continue
            if len(self.errors) == MAX_PROBLEMS:
                raise TableErrors(self.grouped(), more=True)
            if key is not None:
                self._repeats[key] = (len(self.errors), [one.row or 0])
            self.errors.append(one)

    def grouped(self) -> list[TableError]:
        """The problems kept, each empty cell's on many rows said once with its rows."""
        found = list(self.errors)
        for index, rows in self._repeats.values():
            if len(rows) > 1:
                found[index] = RepeatedProblem(found[index], rows)
        return found

    def check(self) -> None:
        """Raise what was found: one problem as itself, several as `TableErrors`."""
        errors = self.grouped()
        if len(errors) == 1:
            raise errors[0]
        if errors:
            raise TableErrors(errors)


@attrs.frozen
class Record:
    """One row of a file: where it is and its values by column as written.

    `keys` holds each written column's name as the readers know it (after `--columns` and
    the built-in Indonesian headers); `decimal_comma` says a number may be written `7,5` (a
    CSV separated by `;`); `excel` that the values are an xlsx sheet's (numbers, dates and
    times as values, text cells read as CSV cells are); `broken` a problem with the whole row
    (its number of cells), which the readers report and skip."""

    file: str
    row: int | None
    values: dict[str, Any]
    unit: str = "row"  # "row" in CSV and xlsx; "item", "shift" or "absence" in JSON
    keys: Mapping[str, str] | None = None
    decimal_comma: bool = False
    excel: bool = False
    broken: TableError | None = None
    #: the first written column of each name (`keys` the other way), shared by a file's rows
    index: Mapping[str, str] | None = None

    @property
    def is_json(self) -> bool:
        return self.unit != "row"

    def error(self, column: str | None, value: Any, problem: str | Text) -> TableError:
        return TableError(self.file, self.row, column, value, problem, unit=self.unit)

    def key(self, column: str) -> str:
        """The name a written column (or JSON key) is known by."""
        if self.keys is not None:
            known = self.keys.get(column)
            if known is not None:
                return known
        return column_key(column)

    def get(self, field: str) -> tuple[str | None, Any]:
        """The column (as written) that holds a field, and its value; (None, None) without."""
        if self.index is not None:
            column = self.index.get(field)
            return (None, None) if column is None else (column, self.values.get(column))
        for column, value in self.values.items():
            if self.key(column) == field:
                return column, value
        return None, None


def read_text(path: str | Path, encoding: str | None = None) -> str:
    """A data file's text: a regular file, or standard input for `-`, read under the size cap
    (`sources`) and decoded as UTF-8 (a byte-order mark is dropped), or as `encoding`."""
    try:
        data = read_bytes(path)
    except SourceProblem as problem:
        raise TableError(str(path), None, None, None, problem.problem) from None
    return decode(str(path), data, encoding)


def decode(name: str, data: bytes, encoding: str | None = None) -> str:
    """Bytes as text: UTF-8 with or without a byte-order mark, or the encoding named. A file
    that starts with UTF-8's byte-order mark is UTF-8 whatever encoding is named: `--encoding`
    applies to every file of a run, and a SIMPEG export saved as UTF-8 beside an attendance
    export in cp1252 would otherwise read with a garbled first header."""
    bom = data.startswith(b"\xef\xbb\xbf")
    if encoding is not None and not bom and codecs_lookup(encoding) != "utf-8":
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            reason = str(exc) if isinstance(exc, UnicodeDecodeError) else "no such encoding"
            raise TableError(
                name, None, None, None, Text("file.bad_encoding", encoding=encoding, reason=reason)
            ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        byte = f"0x{data[offset]:02x}"
        raise TableError(
            name, None, None, None, Text("file.not_unicode", offset=offset, byte=byte)
        ) from None


def codecs_lookup(encoding: str) -> str | None:
    """The standard name of an encoding (`UTF8` is `utf-8`), or None when there is none."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return None


def is_json(path: str | Path, text: str) -> bool:
    """JSON by its extension, or (for another extension) when it starts with `[` or `{`."""
    suffix = Path(path).suffix.casefold()
    if suffix == ".json":
        return True
    if suffix in (".csv", ".txt", ".tsv"):
        return False
    return text.lstrip()[:1] in ("[", "{")


def load_json(
    path: str | Path,
    text: str | None = None,
    *,
    parse_constant: Callable[[str], Any] | None = None,
) -> Any:
    """A JSON document, or a TableError naming its line and column. A document nested deeper
    than Python parses, an integer past Python's digit limit, or text holding a lone surrogate
    (an escape such as `\\ud800`, half of a UTF-16 pair and not a character) is refused too.
    `parse_constant` is `json.loads`'s: the service refuses `NaN` and `Infinity` with it."""
    text = read_text(path) if text is None else text
    try:
        document = json.loads(text, parse_constant=parse_constant)
    except json.JSONDecodeError as exc:  # the reason is Python's words, in English
        problem = Text("file.json.invalid", reason=exc.msg, line=exc.lineno, column=exc.colno)
    except RecursionError:
        problem = Text("file.json.deep")
    except ValueError:  # an integer with more digits than Python converts (4,300)
        problem = Text("file.json.digits")
    else:
        surrogate = _lone_surrogate(document)
        if surrogate is None:
            return document
        problem = Text("file.json.surrogate", escape=f"\\u{ord(surrogate):04x}")
    raise TableError(str(path), None, None, None, problem)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _lone_surrogate(document: Any) -> str | None:
    """The first lone surrogate in any text of a JSON document (keys too), or None."""
    stack = [document]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found = None if item.isascii() else _SURROGATE.search(item)
            if found:
                return found.group()
        elif isinstance(item, dict):
            stack.extend(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None


#: the separators a header row may use, and their names in messages
SEPARATORS: Mapping[str, str] = {
    ",": "file.separator.comma",
    ";": "file.separator.semicolon",
    "\t": "file.separator.tab",
}


def find_separator(name: str, header: str) -> str:
    """The one of `,`, `;` and tab that the header row holds outside quotes (`,` when it holds
    none: a file of one column); a header that holds more than one is refused, naming them."""
    outside = re.sub(r'"[^"]*"', "", header)
    found = [mark for mark in SEPARATORS if mark in outside]
    if len(found) > 1:
        names = Listing([Text(SEPARATORS[mark]) for mark in found], " / ")
        raise TableError(name, 1, None, header, Text("file.ambiguous_separator", found=names))
    return found[0] if found else ","


def csv_records(
    path: str | Path,
    text: str | None = None,
    *,
    separator: str | None = None,
    keys: Callable[[str], str] | None = None,
    encoding: str | None = None,
) -> Iterator[Record]:
    """The data rows of a CSV file with a header row, each checked for its number of cells (a
    row with too many or too few is yielded `broken`). The separator is `,`, `;` or tab, found
    from the header row unless given; numbers may have a decimal comma in a file separated by
    `;`. `keys` names each written column as the readers know it."""
    name = str(path)
    text = read_text(path, encoding) if text is None else text
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = separator or find_separator(name, first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: list[str] | None = None
    known: dict[str, str] = {}
    index: dict[str, str] = {}
    try:
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue  # a blank line, or a row of empty cells: nothing to read
            if header is None:
                header = [cell.strip() for cell in cells]
                _check_header(name, header)
                known = {c: (keys or column_key)(c) for c in header}
                index = _index(name, known)
                continue
            record = Record(
                name,
                reader.line_num,
                dict(zip(header, cells, strict=False)),
                keys=known,
                decimal_comma=delimiter == ";",
                index=index,
            )
            if len(cells) != len(header):
                mark = {";": "file.mark.semicolon", "\t": "file.mark.tab"}.get(
                    delimiter, "file.mark.comma"
                )
                problem = Text("file.cells", cells=len(cells), header=len(header), mark=Text(mark))
                record = attrs.evolve(record, broken=record.error(None, cells, problem))
            yield record
    except csv.Error as exc:
        raise TableError(
            name, reader.line_num, None, None, Text("input.file.not_csv", problem=str(exc))
        ) from None
    if header is None:
        raise TableError(name, None, None, None, Text("file.empty"))


def sheet_records(path: str | Path, keys: Callable[[str], str] | None = None) -> Iterator[Record]:
    """The data rows of an xlsx sheet with a header row (its first row that holds anything);
    cells come as values (`Record.excel`), text cells are read as CSV cells are."""
    name = str(path)
    header: list[str] | None = None
    known: dict[str, str] = {}
    index: dict[str, str] = {}
    try:
        for number, cells in sheet_rows(path):
            if header is None:
                header = ["" if c is None else str(c).strip() for c in cells]
                _check_header(name, header)
                known = {c: (keys or column_key)(c) for c in header}
                index = _index(name, known)
                continue
            padded = cells + [None] * (len(header) - len(cells))
            values = dict(zip(header, padded, strict=False))
            record = Record(name, number, values, keys=known, excel=True, index=index)
            if len(cells) > len(header):
                record = attrs.evolve(
                    record,
                    broken=record.error(
                        None,
                        cells,
                        Text("input.file.cells", cells=len(cells), header=len(header)),
                    ),
                )
            yield record
    except SourceProblem as problem:
        raise TableError(name, None, None, None, problem.problem) from None
    except WorkbookProblem as problem:
        raise TableError(name, None, None, None, problem.text) from None
    if header is None:
        raise TableError(name, None, None, None, Text("file.empty"))


def _index(name: str, known: Mapping[str, str]) -> dict[str, str]:
    """The written column of each name; two columns that stand for one name (`NIP=id` in a
    file that has an `id` column too) are refused, naming both."""
    index: dict[str, str] = {}
    for column, key in known.items():
        if key and key in index:
            problem = Text("file.same_name", first=index[key], column=column, name=key)
            raise TableError(name, 1, column, column, problem)
        index[key] = column
    return index


def _check_header(name: str, header: list[str]) -> None:
    seen: dict[str, str] = {}
    for index, column in enumerate(header, start=1):
        if not column:
            problem = Text("input.file.header_unnamed", index=index)
            raise TableError(name, 1, None, header, problem)
        key = column_key(column)
        if key in seen:
            problem = Text("input.file.header_twice", other=seen[key])
            raise TableError(name, 1, column, column, problem)
        seen[key] = column


#: the things a JSON file lists, as messages name them
_NOUNS = {
    "shift": "input.file.noun.shift",
    "employee": "input.file.noun.employee",
    "absence": "input.file.noun.absence",
    "change": "input.file.noun.change",
    "headcount": "input.file.noun.headcount",
}
#: the things a JSON file numbers (a CSV's and an xlsx's are rows), as `where` names them
_UNITS = {
    "item": "input.file.where.item",
    "shift": "input.file.where.shift",
    "absence": "input.file.where.absence",
}


def json_records(
    path: str | Path,
    document: Any,
    what: str,
    unit: str = "item",
    keys: Callable[[str], str] | None = None,
) -> Iterator[Record]:
    """The objects of a JSON list, each with its item number."""
    name = str(path)
    if not isinstance(document, list):
        where = "input.file.json_shifts" if unit == "shift" else "input.file.json_list"
        noun = _NOUNS.get(what)
        problem = Text(where, what=Text(noun) if noun is not None else what)
        raise TableError(name, None, None, None, problem)
    for number, item in enumerate(document, start=1):
        if not isinstance(item, dict):
            raise TableError(
                name,
                number,
                None,
                item,
                Text("input.file.json_object", value=shown(item)),
                unit=unit,
            )
        check_keys(name, number, item, unit)
        known = {k: keys(k) for k in item if isinstance(k, str)} if keys is not None else None
        yield Record(name, number, dict(item), unit, keys=known)


def check_keys(name: str, number: int | None, item: Mapping[str, Any], unit: str) -> None:
    seen: dict[str, str] = {}
    for key in item:
        if not isinstance(key, str):
            continue
        folded = column_key(key)
        if folded in seen:
            raise TableError(
                name,
                number,
                key,
                key,
                Text("input.file.key_twice", other=seen[folded]),
                unit=unit,
            )
        seen[folded] = key


def records(path: str | Path, what: str, reading: Reading | None = None) -> Iterator[Record]:
    """The rows of a CSV file or an xlsx sheet, or the objects of a JSON list."""
    reading = reading or Reading()
    if is_workbook(path):
        return sheet_records(path, reading.key)
    text = read_text(path, reading.encoding)
    if is_json(path, text):
        return json_records(path, load_json(path, text), what, keys=reading.key)
    return csv_records(path, text, separator=reading.separator, keys=reading.key)


@attrs.frozen
class FileWarning:
    """Something a reader did that its caller should know (columns it ignored): `.file`,
    `.code` (`ignored-columns`), `.message` in English, `message_for(language)`."""

    file: str
    code: str
    text: Text

    @property
    def message(self) -> str:
        return self.text.render("en")

    def message_for(self, language: str = "en") -> str:
        return self.text.render(language)


class ColumnsWarning(UserWarning):
    """A Python warning for a `FileWarning`, when the caller gave no list to collect them."""


def tell(found: Sequence[FileWarning], into: list[FileWarning] | None) -> None:
    """Hand warnings to the caller: into its list, or as Python warnings."""
    for warning in found:
        if into is not None:
            into.append(warning)
        else:
            warnings.warn(warning.message, ColumnsWarning, stacklevel=3)


# ---- matching columns ---------------------------------------------------------------------


#: the columns a shift always has, whatever the policy declares
SHIFT_OWN = ("employee", "start", "end", "location", "id", "name", "timezone")


class Columns:
    """Which columns a kind of row may have: its own fields and the declared attributes. A
    column that is neither is ignored, and remembered in `ignored` for one warning per file."""

    def __init__(
        self,
        what: str,
        fields: Sequence[str],
        attributes: Mapping[str, AttributeInfo],
        others: Mapping[str, AttributeInfo],
        reading: Reading | None = None,
        typing: Typing | None = None,
    ) -> None:
        self.what = what  # "employee" or "shift"
        #: the versions that type a row by its day (`by_version`), when a set reads the file
        self.typing = typing
        self.fields = tuple(fields)
        self.attributes = attributes  # by column_key
        self.others = others  # the other owner's, for a better message
        self.reading = reading or Reading()
        #: the same column by its other name: the employee's id is `id` or `employee`
        self.aliases = {"employee": "id"} if what == "employee" else {"id": "employee"}
        #: columns ignored, as written, with what the warning says of each
        self.ignored: dict[str, Text] = {}

    @classmethod
    def of(
        cls,
        policy: Typed,
        owner: str,
        fields: Sequence[str],
        reading: Reading | None = None,
    ) -> Columns:
        typing = Typing(policy)
        mine = typing.attributes(owner)
        other = typing.attributes("shift" if owner == "employee" else "employee")
        # a declared attribute wins over a reader's own column of the same name (`kind`)
        own = tuple(f for f in fields if f not in mine or f in SHIFT_OWN)
        return cls(owner, own, mine, other, reading, typing)

    def kinds_on(self, day: dt.date | None) -> Mapping[str, bool] | None:
        """The absence kinds of the version in force on a row's day (one policy's own)."""
        assert self.typing is not None  # made by `of`
        return self.typing.absence_kinds(day)

    def key(self, record: Record, column: str) -> str:
        key = record.key(column)
        return self.aliases.get(key, key)

    def read(
        self, record: Record, *, required: Sequence[str] = (), day: dt.date | None = None
    ) -> dict[str, Any]:
        """The row's values: fields by their own names, attributes by declared name, typed
        (by a set's version in force on the row's `day`: `by_version`); missing attributes
        left out. Every bad cell of the row is reported (`TableErrors`)."""
        result: dict[str, Any] = {}
        bad: list[TableError] = []
        attributes = self.attributes
        if day is not None and self.typing is not None and self.typing.by_day:
            attributes = self.typing.attributes_on(self.what, day)
        for column, value in record.values.items():
            key = self.key(record, column)
            if key in self.fields:
                result[key] = value
                continue
            attribute = attributes.get(key)
            if attribute is None:
                self._ignore(column, key)
                continue
            try:
                typed = type_value(
                    value,
                    attribute,
                    from_text=not record.is_json,
                    decimal_comma=record.decimal_comma,
                    excel=record.excel,
                )
            except BadCell as cell:
                problem = cell.text if self.typing is None else self.typing.named(cell.text, day)
                bad.append(record.error(column, value, problem))
                continue
            if typed is not None:
                result[attribute.name] = typed
        bad.extend(self.missing(record, result, required))
        if len(bad) == 1:
            raise bad[0]
        if bad:
            raise TableErrors(bad)
        return result

    def missing(
        self, record: Record, result: Mapping[str, Any], required: Sequence[str]
    ) -> list[TableError]:
        """A problem for each required field a row lacks (its column, or a value in it)."""
        bad = []
        for key in required:
            column = self.column(record, key)
            if column is None or blank(result.get(key)):
                bad.append(record.error(column, None, self._missing(record, key, column)))
        return bad

    def column(self, record: Record, key: str) -> str | None:
        """The written column that holds a field of this kind of row (under an alias too)."""
        column, _ = record.get(key)
        if column is None:
            for alias, name in self.aliases.items():
                if name == key:
                    column, _ = record.get(alias)
        return column

    def _missing(self, record: Record, key: str, column: str | None) -> str | Text:
        what = {"employee": "file.what.employee", "shift": "file.what.shift"}.get(self.what)
        if what is None:
            found = f"has no {key}" if column is not None else f"has no `{key}` key"
            return f"the {self.what} {found}"
        if column is not None:
            return Text("file.missing_value", what=Text(what), field=key)
        kind = "file.missing_key" if record.is_json else "file.missing_column"
        return Text(kind, what=Text(what), field=key)

    def require(self, record: Record, result: Mapping[str, Any], required: Sequence[str]) -> None:
        """Raise the problems of `missing`, if any."""
        bad = self.missing(record, result, required)
        if len(bad) == 1:
            raise bad[0]
        if bad:
            raise TableErrors(bad)

    def _ignore(self, column: str, key: str) -> None:
        """Remember a column that is neither a field nor a declared attribute (unless it is a
        note, or the user named it in `--columns`)."""
        if column in self.ignored or key in ("", NOTE) or self.reading.declared(key):
            return
        other = self.others.get(key)
        if other is not None:
            belongs = "file.belongs.employee" if other.owner == "employee" else "file.belongs.shift"
            self.ignored[column] = Text(belongs, column=column)
            return
        names = [*self.fields, *(a.name for a in self.attributes.values())]
        close = difflib.get_close_matches(key, names, n=1)
        if close:
            self.ignored[column] = Text("file.did_you_mean", column=column, name=close[0])
        else:
            self.ignored[column] = Text("file.column", column=column)

    def header(self, names: Sequence[str]) -> None:
        """Remember the columns of a header that are neither fields nor attributes, for a
        table read whole (a Parquet file) rather than row by row."""
        for column in names:
            key = column_key(column)
            key = self.aliases.get(key, key)
            if key not in self.fields and key not in self.attributes:
                self._ignore(column, key)

    def warn(self, file: str, into: list[FileWarning]) -> None:
        """One warning naming every column of `file` that was ignored, if any."""
        if not self.ignored:
            return
        into.append(
            FileWarning(
                file,
                "ignored-columns",
                Text(
                    "file.ignored_columns",
                    file=f"`{file}`",
                    columns=Listing(list(self.ignored.values())),
                ),
            )
        )


def _listing(names: Sequence[str]) -> str:
    if not names:
        return "no attributes for this file"
    return ", ".join(f"`{n}`" for n in names)


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def column_for(record: Record, field: str) -> str:
    """The column of a record that holds a field, as written in the file."""
    aliases = {"id": "employee", "employee": "id"}
    column, _ = record.get(field)
    if column is None and field in aliases:
        column, _ = record.get(aliases[field])
    return column or field
