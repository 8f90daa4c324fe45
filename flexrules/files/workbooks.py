"""Reading `.xlsx` workbooks (the optional `flexrules[excel]` extra, openpyxl): the first sheet,
or the sheet named after a colon (`pegawai.xlsx:Data Pegawai`), as a header row and data rows.

The file's bytes are read under the same size cap as a CSV (`sources`); what its zip directory
says its parts unzip to is at most `UNZIPPED` times the cap, checked before openpyxl opens it
(zipfile never unzips a part past the size its directory gives, so a small file cannot unzip
to gigabytes of shared strings); and the cells of a sheet are counted as they are read: at most
`max_size() // 4`, so a small file that unzips to an enormous sheet is refused rather than
read. Cells come as openpyxl gives them: text, numbers,
booleans, dates, date-times and times; `cells.type_value` types them.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..core.messages import Listing, Text
from .sources import max_size, read_bytes, size_text

#: what a workbook's parts may unzip to, in all, as a multiple of the size cap
UNZIPPED = 8

_SHEET = re.compile(r"(?P<file>.+\.xlsx):(?P<sheet>[^:/\\]+)", re.IGNORECASE)


class WorkbookProblem(Exception):
    """A workbook that cannot be read; `.text` says why (the caller names the file)."""

    def __init__(self, text: Text | str) -> None:
        super().__init__(text if isinstance(text, str) else text.render("en"))
        self.text = text


def split_sheet(path: str | Path) -> tuple[str | Path, str | None]:
    """A path and the sheet it names: `a.xlsx:Data` is (`a.xlsx`, `Data`) when no file is
    called `a.xlsx:Data`; anything else is itself and None."""
    if isinstance(path, str) and not Path(path).exists():
        found = _SHEET.fullmatch(path)
        if found is not None:
            return found.group("file"), found.group("sheet")
    return path, None


def is_workbook(path: str | Path) -> bool:
    """Whether a path names an xlsx workbook (or one of its sheets), by its extension."""
    file, _ = split_sheet(path)
    return Path(file).suffix.casefold() == ".xlsx"


def sheet_rows(path: str | Path) -> Iterator[tuple[int, list[Any]]]:
    """The rows of a workbook's sheet that hold anything, each with its row number (1 is the
    first row, as the spreadsheet numbers them), as lists of cell values."""
    file, sheet = split_sheet(path)
    try:
        import openpyxl
    except ImportError:
        raise WorkbookProblem(Text("file.xlsx.no_extra")) from None
    data = read_bytes(file)
    _check_unzipped(data)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # a zip that is not a workbook, or not a zip at all
        raise WorkbookProblem(Text("file.xlsx.not_workbook", reason=type(exc).__name__)) from None
    try:
        if sheet is None:
            worksheet = workbook.worksheets[0]
        elif sheet in workbook.sheetnames:
            worksheet = workbook[sheet]
        else:
            names = Listing([f"`{name}`" for name in workbook.sheetnames])
            raise WorkbookProblem(Text("file.xlsx.no_sheet", sheet=sheet, sheets=names))
        yield from _rows(worksheet)
    finally:
        workbook.close()


def _check_unzipped(data: bytes) -> None:
    """Refuse a workbook whose parts unzip to more than `UNZIPPED` times the size cap, by the
    sizes its zip directory gives (a file that is no zip is left to openpyxl to refuse)."""
    limit = UNZIPPED * max_size()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return
    if total > limit:
        raise WorkbookProblem(
            Text("file.xlsx.too_big_unzipped", size=size_text(total), limit=size_text(limit))
        )


def _rows(worksheet: Any) -> Iterator[tuple[int, list[Any]]]:
    budget = max_size() // 4
    for number, row in enumerate(worksheet.iter_rows(values_only=True), start=1):
        budget -= len(row)
        if budget < 0:
            raise WorkbookProblem(Text("file.xlsx.too_many_cells", n=max_size() // 4))
        cells = [_value(cell) for cell in row]
        while cells and cells[-1] is None:
            cells.pop()
        if any(cell is not None for cell in cells):
            yield number, cells


def _value(cell: Any) -> Any:
    """A cell as the readers take it: blank text is empty; a date-time at midnight that Excel
    stores for a date cell stays a date-time (a `date` attribute takes its date)."""
    if isinstance(cell, str) and not cell.strip():
        return None
    if isinstance(cell, dt.timedelta):  # a duration cell: a time of day when under a day
        seconds = int(cell.total_seconds())
        if 0 <= seconds < 86400:
            return dt.time(seconds // 3600, seconds % 3600 // 60, seconds % 60)
    return cell
